"""What the minutes compute on top of core scoring: pure functions, no reportlab, no I/O.

* Agreement and disagreement between tables: for each card (questions decks) or lever/axis, the spread of the
  groups' scores on 0–100. A card on which every table is within one step of a 0–4 scale (range ≤ 25 points)
  is a point of agreement; two steps or more apart (range ≥ 50) is a point of disagreement. Only numeric
  answers count (« non concerné » and missing answers are left out), and at least two tables must have
  answered.
* Strengths and vulnerabilities read from the scores: the levers (or axes) of the room, among those at least
  half answered, clearly above or below the middle of the scale, by the same rule as the debrief page's
  proposals (:class:`workshop_app.services.debrief.Thresholds`), so the minutes never call 53 % a strength.
* The programme as played: planned and actual times of each sequence, from the events.
* The raw rows shared by the CSV, the XLSX and the annex of the PDF.
"""

from __future__ import annotations

import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from workshop_app.core.deck import QuestionDeck, ScaleOption, StrategyCard, StrategyDeck
from workshop_app.core.events import Event, EventKind
from workshop_app.core.scoring import CompassReading, GroupReading, Score
from workshop_app.core.state import SequenceState, WorkshopState
from workshop_app.core.workshop import GroupInfo, SequenceInfo, WorkshopSnapshot
from workshop_app.export.anonymise import Anonymiser
from workshop_app.services.debrief import Thresholds

AGREE_MAX = 25.0
DISAGREE_MIN = 50.0
MIN_COVERAGE_FOR_FINDING = 0.5


# -- spreads -------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Spread:
    """The groups' scores (0–100) on one card, lever or axis."""

    key: str
    label: str
    values: Mapping[str, float]  # group id -> score on 0–100

    @property
    def count(self) -> int:
        return len(self.values)

    @property
    def low(self) -> float | None:
        return min(self.values.values()) if self.values else None

    @property
    def high(self) -> float | None:
        return max(self.values.values()) if self.values else None

    @property
    def range(self) -> float | None:
        if len(self.values) < 2:
            return None
        return max(self.values.values()) - min(self.values.values())

    @property
    def mean(self) -> float | None:
        return statistics.fmean(self.values.values()) if self.values else None

    @property
    def stdev(self) -> float | None:
        return statistics.pstdev(self.values.values()) if len(self.values) >= 2 else None

    @property
    def comparable(self) -> bool:
        return len(self.values) >= 2


def card_spreads(deck: QuestionDeck, state: SequenceState, group_ids: Sequence[str]) -> list[Spread]:
    """Per card, each group's numeric answer placed on 0–100 (deck order)."""
    lo, hi = deck.scale_min, deck.scale_max
    values = {o.id: o.value for o in deck.scale}
    out: list[Spread] = []
    for card in deck.cards:
        scores: dict[str, float] = {}
        for group_id in group_ids:
            answer = state.answer(group_id, card.id)
            if answer is None:
                continue
            value = values.get(answer.option)
            if value is not None:
                scores[group_id] = 100.0 * (value - lo) / (hi - lo)
        out.append(Spread(card.id, card.title, scores))
    return out


def reading_spreads(
    reading: CompassReading, keys: Sequence[tuple[str, str]], *, levers: bool
) -> list[Spread]:
    """Per lever (``levers=True``) or axis, the groups' scores from a compass reading."""
    out: list[Spread] = []
    for key, label in keys:
        scores: dict[str, float] = {}
        for group_id, group in reading.groups.items():
            item = (group.levers if levers else group.axes).get(key)
            if item is not None and item.score is not None:
                scores[group_id] = item.score
        out.append(Spread(key, label, scores))
    return out


@dataclass(frozen=True)
class Agreement:
    agreed: list[Spread]  # most consensual first
    disputed: list[Spread]  # widest spread first


def classify(spreads: Sequence[Spread]) -> Agreement:
    comparable = [s for s in spreads if s.comparable]
    agreed = sorted(
        (s for s in comparable if (s.range or 0.0) <= AGREE_MAX),
        key=lambda s: (s.range or 0.0, s.stdev or 0.0, -s.count),
    )
    disputed = sorted(
        (s for s in comparable if (s.range or 0.0) >= DISAGREE_MIN),
        key=lambda s: (-(s.range or 0.0), -(s.stdev or 0.0)),
    )
    return Agreement(agreed, disputed)


# -- strengths and vulnerabilities ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Finding:
    key: str
    label: str
    score: float
    coverage: float


def propose_findings(
    deck: QuestionDeck | StrategyDeck, reading: CompassReading, count: int = 3
) -> tuple[list[Finding], list[Finding]]:
    """(strengths, vulnerabilities) of the room, the most marked first, among items at least half answered."""
    items: list[Finding] = []
    if isinstance(deck, QuestionDeck) and any(a.levers for a in deck.compass.axes):
        source: Mapping[str, Score] = reading.room.levers
    else:
        source = reading.room.axes
    for key, item in source.items():
        if item.score is None or item.coverage < MIN_COVERAGE_FOR_FINDING:
            continue
        items.append(Finding(key, target_label(deck, key), item.score, item.coverage))
    rule, strategy = Thresholds(), isinstance(deck, StrategyDeck)
    strengths = sorted(
        (f for f in items if rule.is_strength(f.score, strategy)), key=lambda f: (-f.score, f.key)
    )[:count]
    vulnerabilities = sorted(
        (f for f in items if rule.is_vulnerability(f.score, strategy)), key=lambda f: (f.score, f.key)
    )[:count]
    return strengths, vulnerabilities


def target_label(deck: QuestionDeck | StrategyDeck, key: str) -> str:
    """« 1.1 Assurer une gouvernance… » for a lever, the axis label for an axis."""
    try:
        label = deck.lever_label(key)
    except KeyError:
        return key
    if key in deck.axis_ids():
        return label
    return f"{key} {label}"


def lever_label(snapshot: WorkshopSnapshot, lever_id: str | None) -> str:
    """The label of a lever or axis id from any deck of the workshop (the id itself if no deck knows it)."""
    if not lever_id:
        return ""
    for sequence in snapshot.sequences:
        try:
            sequence.deck.lever_label(lever_id)
        except KeyError:
            continue
        return target_label(sequence.deck, lever_id)
    return lever_id


# -- programme -----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Timing:
    sequence: SequenceInfo
    planned_minutes: int | None
    start: datetime | None
    end: datetime | None
    explicit: bool  # start and end come from sequence_started / sequence_ended (not inferred from activity)
    cards_shown: int
    cards_total: int

    @property
    def actual_minutes(self) -> float | None:
        if self.start is None or self.end is None or self.end < self.start:
            return None
        return (self.end - self.start).total_seconds() / 60.0


def programme(snapshot: WorkshopSnapshot, state: WorkshopState) -> list[Timing]:
    by_sequence: dict[str, list[Event]] = {}
    for event in snapshot.events:
        if event.sequence_id is not None:
            by_sequence.setdefault(event.sequence_id, []).append(event)
    out: list[Timing] = []
    for sequence in sorted(snapshot.sequences, key=lambda s: s.position):
        seq_state = state.sequences.get(sequence.id, SequenceState())
        moments = sorted(e.at for e in by_sequence.get(sequence.id, []))
        start = (
            seq_state.started_at
            or (min(seq_state.card_first_shown.values(), default=None))
            or (moments[0] if moments else None)
        )
        end = seq_state.ended_at or (moments[-1] if moments else None)
        explicit = seq_state.started_at is not None and seq_state.ended_at is not None
        out.append(
            Timing(
                sequence,
                sequence.planned_minutes,
                start,
                end,
                explicit,
                len(seq_state.cards_shown),
                len(sequence.deck.cards),
            )
        )
    return out


# -- raw rows ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RawRow:
    sequence_id: str
    sequence: str  # sequence title
    deck: str  # deck title and version
    card_id: str
    card_title: str
    group_id: str
    group: str
    response: str  # scale label, « retenue » for a strategy pick, "" when not answered
    value: float | None  # scale value, or the card's cost for a strategy pick
    argument: str
    at: datetime | None

    @property
    def answered(self) -> bool:
        return bool(self.response)


def deck_caption(deck: QuestionDeck | StrategyDeck) -> str:
    return f"{deck.title} (v{deck.version})"


def raw_rows(
    snapshot: WorkshopSnapshot,
    state: WorkshopState,
    anonymiser: Anonymiser,
    *,
    include_unanswered: bool = True,
) -> list[RawRow]:
    """Questions decks: one row per card × group (deck order, then group order). Strategy decks: one row per
    group × picked card (group order, then order of picking)."""
    groups = sorted(snapshot.groups, key=lambda g: g.position)
    picked_at = {e.seq: e.at for e in snapshot.events if e.kind is EventKind.CARD_PICKED}
    rows: list[RawRow] = []
    for sequence in sorted(snapshot.sequences, key=lambda s: s.position):
        deck = sequence.deck
        seq_state = state.sequences.get(sequence.id, SequenceState())
        title, caption = anonymiser.text(sequence.display_title), deck_caption(deck)
        if isinstance(deck, QuestionDeck):
            for card in deck.cards:
                for group in groups:
                    answer = seq_state.answer(group.id, card.id)
                    if answer is None and not include_unanswered:
                        continue
                    option = _option(deck, answer.option) if answer else None
                    rows.append(
                        RawRow(
                            sequence.id,
                            title,
                            caption,
                            card.id,
                            card.title,
                            group.id,
                            anonymiser.text(group.name),
                            (option.label if option else answer.option) if answer else "",
                            option.value if option else None,
                            anonymiser.text(answer.argument) if answer else "",
                            answer.at if answer else None,
                        )
                    )
        else:
            for group in groups:
                chosen = seq_state.picks.get(group.id, {})
                for card_id in seq_state.picked(group.id):
                    pick = _strategy_card(deck, card_id)
                    rows.append(
                        RawRow(
                            sequence.id,
                            title,
                            caption,
                            card_id,
                            pick.title if pick else card_id,
                            group.id,
                            anonymiser.text(group.name),
                            "retenue",
                            float(pick.cost) if pick else None,
                            anonymiser.text(seq_state.pick_arguments.get((group.id, card_id), "")),
                            picked_at.get(chosen[card_id]),
                        )
                    )
    return rows


def _option(deck: QuestionDeck, option_id: str) -> ScaleOption | None:
    try:
        return deck.option(option_id)
    except KeyError:
        return None


def _strategy_card(deck: StrategyDeck, card_id: str) -> StrategyCard | None:
    try:
        return deck.card(card_id)
    except KeyError:
        return None


# -- strategy ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class StrategyPlay:
    group: GroupInfo
    cards: list[StrategyCard]
    unknown: list[str]  # picked ids the deck does not have (a deck edited after the fact)
    spent: int
    budget: int
    violations: list[str]
    arguments: Mapping[str, str]  # card id -> argument

    @property
    def over(self) -> bool:
        return self.spent > self.budget


def strategy_plays(
    sequence: SequenceInfo, seq_state: SequenceState, groups: Sequence[GroupInfo], reading: CompassReading
) -> list[StrategyPlay]:
    deck = sequence.deck
    assert isinstance(deck, StrategyDeck)
    out: list[StrategyPlay] = []
    for group in sorted(groups, key=lambda g: g.position):
        ids = seq_state.picked(group.id)
        cards = [c for c in (_strategy_card(deck, i) for i in ids) if c is not None]
        unknown = [i for i in ids if _strategy_card(deck, i) is None]
        group_reading: GroupReading | None = reading.groups.get(group.id)
        budget = group_reading.budget if group_reading is not None else None
        violations = [v.describe(deck) for v in budget.violations] if budget is not None else []
        out.append(
            StrategyPlay(
                group,
                cards,
                unknown,
                sum(c.cost for c in cards),
                deck.strategy.budget,
                violations,
                {i: seq_state.pick_arguments.get((group.id, i), "") for i in ids},
            )
        )
    return out


def pick_counts(deck: StrategyDeck, seq_state: SequenceState, group_ids: Sequence[str]) -> dict[str, int]:
    """How many groups picked each card (deck order)."""
    counts = {c.id: 0 for c in deck.cards}
    for group_id in group_ids:
        for card_id in seq_state.picked(group_id):
            if card_id in counts:
                counts[card_id] += 1
    return counts
