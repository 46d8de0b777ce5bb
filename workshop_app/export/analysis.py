"""What the minutes compute on top of core scoring: pure functions, no reportlab, no I/O.

* Findings (strengths, vulnerabilities, agreement and disagreement, strategy consensus) live in
  :mod:`workshop_app.core.findings`, with their one set of thresholds; the names are re-exported here for
  the callers of this module.
* The programme as played: planned and actual times of each sequence, from the events.
* The raw rows shared by the CSV, the XLSX and the annex of the PDF.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from workshop_app.core.deck import QuestionDeck, ScaleOption, StrategyCard, StrategyDeck
from workshop_app.core.events import Event, EventKind
from workshop_app.core.findings import (
    Agreement,
    Finding,
    Thresholds,
    classify,
    pick_counts,
    sequence_findings,
    target_label,
)
from workshop_app.core.scoring import CompassReading, GroupReading
from workshop_app.core.spreads import Spread, card_spreads, reading_spreads
from workshop_app.core.state import SequenceState, WorkshopState
from workshop_app.core.workshop import GroupInfo, SequenceInfo, WorkshopSnapshot
from workshop_app.export.anonymise import Anonymiser

__all__ = [
    "Agreement", "Finding", "Spread", "card_spreads", "classify", "pick_counts", "reading_spreads",
    "target_label",
]

AGREE_MAX = Thresholds().card_agree
DISAGREE_MIN = Thresholds().card_disagree
MIN_COVERAGE_FOR_FINDING = Thresholds().min_coverage


def propose_findings(
    deck: QuestionDeck | StrategyDeck, reading: CompassReading, count: int = 3
) -> tuple[list[Finding], list[Finding]]:
    """(strengths, vulnerabilities) of the room for one deck, the most marked first (see core.findings); a
    strategy deck gives the effects of its strategies, which callers must not present as strengths."""
    sequence = SequenceInfo("_", 0, deck)
    found = sequence_findings(sequence, SequenceState(), reading, [], Thresholds())
    if found.strategy:
        return found.effects_up[:count], found.effects_down[:count]
    return found.strengths[:count], found.vulnerabilities[:count]


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
