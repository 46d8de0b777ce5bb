"""The findings of a workshop, computed once: strengths, vulnerabilities, agreement and disagreement between
tables, and the consensus of strategy picks. Pure functions (no Qt, no I/O); the debrief page, the PDF and
the DOCX all read them from here, with one set of thresholds and one way of naming a lever.

Rules
    * Scores run from 0 to 100 and 50 is the middle: « moyen » on a maturity scale, « sans effet » for a
      strategy. A line is proposed only when the score is clearly away from that middle, on the side it names.
    * Questions decks are read per lever (per axis when the deck has no levers), on the room's score, among
      the targets at least ``min_coverage`` answered. A strength scores at least ``strong`` (65), a
      vulnerability at most ``weak`` (35). The comparison is made on the rounded figure the line shows.
    * Strategy decks (a game of hypothetical cards) never give strengths or vulnerabilities of the territory:
      they give the *effects* of the tables' strategies, per axis (at least 60: strengthened; at most 40:
      weakened), kept in their own lists.
    * Cards: the tables agree when all their answers lie within ``card_agree`` points (25: one level of a
      0–4 scale), they disagree from ``card_disagree`` points (50: two levels). « Non concerné » and missing
      answers are not compared, and a card needs at least two answering tables; the tables that answered
      « non concerné » are named (:attr:`Spread.not_concerned`).
    * Levers (axes): the tables disagree when their scores spread over at least ``spread`` points (40).
    * Every strength, vulnerability or effect carries the tables' own scores behind its mean, and its line
      says their range (« 1.1 … (70/100, tables de 55 à 85) »), or that the tables diverge when they spread
      over ``spread`` points (« (70/100, mais les tables divergent : de 25 à 100) »), or that one table
      only answered; a divided line comes after the calm ones of its list
      (:func:`workshop_app.core.spreads.between_tables`).
    * A table is « plus sévère » when it gives the lowest answer on at least half of the disputed cards
      (and on at least two of them).
    * Strategy consensus: the cards retained by at least half of the tables that built a strategy (and by
      at least two tables).
    * Naming a lever: its id when the id is a number (« 3.1 », as in the Boussole), else its position
      (« 2.1 »), then its label: :func:`target_label`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from workshop_app.core.deck import QuestionDeck, StrategyDeck
from workshop_app.core.scoring import CompassReading, Score
from workshop_app.core.spreads import Spread, between_tables, card_spreads
from workshop_app.core.state import SequenceState, WorkshopState
from workshop_app.core.workshop import GroupInfo, SequenceInfo, WorkshopSnapshot

MIDDLE = 50.0  # the middle of every scale (0–100): « moyen », or « sans effet » for a strategy

Deck = QuestionDeck | StrategyDeck


class Origin(StrEnum):
    """Who wrote a line of the debrief."""

    PROPOSED = "proposed"  # proposed by the app from the scores, not yet looked at
    VALIDATED = "validated"  # proposed by the app, kept as is by the facilitator
    WRITTEN = "written"  # written (or reworded) by the facilitator


@dataclass(frozen=True)
class Thresholds:
    strong: float = 65.0
    weak: float = 35.0
    strategy_strong: float = 60.0
    strategy_weak: float = 40.0
    min_coverage: float = 0.5
    spread: float = 40.0  # levers / axes: tables disagree from this range
    card_agree: float = 25.0
    card_disagree: float = 50.0
    limit: int = 5

    def __post_init__(self) -> None:
        for high, low in ((self.strong, self.weak), (self.strategy_strong, self.strategy_weak)):
            if not low < MIDDLE < high:
                raise ValueError(f"thresholds must surround {MIDDLE:.0f}: weak {low}, strong {high}")

    def is_strength(self, score: float, strategy: bool = False) -> bool:
        return round(score) >= (self.strategy_strong if strategy else self.strong)

    def is_vulnerability(self, score: float, strategy: bool = False) -> bool:
        return round(score) <= (self.strategy_weak if strategy else self.weak)


# -- naming --------------------------------------------------------------------------------------------------

_NUMBER = re.compile(r"^\d+(\.\d+)*$")


def target_number(deck: Deck, key: str) -> str:
    """« 3.1 » for a lever (its id if numeric, else its position), « 3 » for an axis, "" if unknown."""
    for i, axis in enumerate(deck.compass.axes, start=1):
        if axis.id == key:
            return str(i)
        for j, lever in enumerate(axis.levers, start=1):
            if lever.id == key:
                return lever.id if _NUMBER.match(lever.id) else f"{i}.{j}"
    return ""


def target_label(deck: Deck, key: str) -> str:
    """« 1.1 Assurer une gouvernance… » for a lever, the axis label for an axis, the key if unknown."""
    try:
        label = deck.lever_label(key)
    except KeyError:
        return key
    if key in deck.axis_ids():
        return label
    return f"{target_number(deck, key)} {label}"


def targets(deck: Deck) -> list[str]:
    """The ids findings are read on: the levers of a questions deck (its axes when it has none), the axes of a
    strategy deck."""
    if isinstance(deck, QuestionDeck) and any(a.levers for a in deck.compass.axes):
        return [lv.id for a in deck.compass.axes for lv in a.levers] + [
            a.id for a in deck.compass.axes if not a.levers
        ]
    return deck.axis_ids()


def score_text(score: float) -> str:
    """A score as the document writes it: « 60/100 » (never « 60 % », which reads as « 60 % done »)."""
    return f"{round(score)}/100"


# -- agreement -----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Agreement:
    agreed: list[Spread]  # most consensual first
    disputed: list[Spread]  # widest spread first


def classify(spreads: Sequence[Spread], thresholds: Thresholds | None = None) -> Agreement:
    rule = thresholds or Thresholds()
    comparable = [s for s in spreads if s.comparable]
    agreed = sorted(
        (s for s in comparable if (s.range or 0.0) <= rule.card_agree),
        key=lambda s: (s.range or 0.0, s.stdev or 0.0, -s.count),
    )
    disputed = sorted(
        (s for s in comparable if (s.range or 0.0) >= rule.card_disagree),
        key=lambda s: (-(s.range or 0.0), -(s.stdev or 0.0)),
    )
    return Agreement(agreed, disputed)


# -- findings ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Finding:
    """One lever (or axis) clearly above or below the middle, for the room."""

    sequence_id: str
    key: str
    label: str  # « 3.1 Connaître les aléas… »
    score: float
    coverage: float
    tables: tuple[float, ...] = ()  # each table's own score behind the room's mean (tables with a score)
    divided: bool = False  # the tables spread over ``Thresholds.spread`` points: said on the line

    @property
    def low(self) -> float | None:
        return min(self.tables) if self.tables else None

    @property
    def high(self) -> float | None:
        return max(self.tables) if self.tables else None

    @property
    def spread_words(self) -> str:
        """« tables de 55 à 85 », « mais les tables divergent : de 25 à 100 », « une seule table »."""
        return between_tables(self.tables, divided=self.divided)

    @property
    def text(self) -> str:
        words = self.spread_words
        return f"{self.label} ({score_text(self.score)}{', ' + words if words else ''})"


@dataclass(frozen=True)
class Consensus:
    """A strategy card and how many tables retained it."""

    card_id: str
    title: str
    count: int
    of: int  # tables that built a strategy


@dataclass(frozen=True)
class SequenceFindings:
    sequence: SequenceInfo
    strategy: bool
    strengths: list[Finding] = field(default_factory=list)  # questions decks only
    vulnerabilities: list[Finding] = field(default_factory=list)
    effects_up: list[Finding] = field(default_factory=list)  # strategy decks only: hypothetical effects
    effects_down: list[Finding] = field(default_factory=list)
    cards: Agreement = field(default_factory=lambda: Agreement([], []))
    card_count: int = 0  # cards answered by at least two tables
    disputed_targets: list[Spread] = field(default_factory=list)  # widest first
    target_spreads: list[Spread] = field(default_factory=list)  # every comparable target, widest first
    strict_group: str | None = None  # group id lowest on most disputed cards
    strict_count: int = 0
    not_concerned: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # card title -> group ids
    consensus: list[Consensus] = field(default_factory=list)  # most retained first
    playing: int = 0  # tables that built a strategy


@dataclass(frozen=True)
class WorkshopFindings:
    sequences: list[SequenceFindings]
    thresholds: Thresholds

    def _top(self, name: str, reverse: bool) -> list[Finding]:
        items = [f for s in self.sequences for f in getattr(s, name)]
        return sorted(items, key=lambda f: _rank(f, reverse))[: self.thresholds.limit]

    @property
    def strengths(self) -> list[Finding]:
        return self._top("strengths", True)

    @property
    def vulnerabilities(self) -> list[Finding]:
        return self._top("vulnerabilities", False)

    def of(self, sequence_id: str) -> SequenceFindings | None:
        return next((s for s in self.sequences if s.sequence.id == sequence_id), None)


def compute(
    snapshot: WorkshopSnapshot,
    state: WorkshopState | None = None,
    readings: Mapping[str, CompassReading] | None = None,
    thresholds: Thresholds | None = None,
) -> WorkshopFindings:
    """Every finding of the workshop, sequence by sequence (``state`` and ``readings`` when already known)."""
    rule = thresholds or Thresholds()
    state = state or snapshot.state()
    groups = sorted(snapshot.groups, key=lambda g: g.position)
    out: list[SequenceFindings] = []
    for sequence in sorted(snapshot.sequences, key=lambda s: s.position):
        reading = (readings or {}).get(sequence.id) or snapshot.compass(sequence.id, state)
        seq_state = state.sequences.get(sequence.id, SequenceState())
        out.append(sequence_findings(sequence, seq_state, reading, groups, rule))
    return WorkshopFindings(out, rule)


def sequence_findings(
    sequence: SequenceInfo,
    seq_state: SequenceState,
    reading: CompassReading,
    groups: Sequence[GroupInfo],
    rule: Thresholds,
) -> SequenceFindings:
    deck = sequence.deck
    strategy = isinstance(deck, StrategyDeck)
    high: list[Finding] = []
    low: list[Finding] = []
    every = {s.key: s for s in _target_spreads(reading, deck, strategy)}
    for key in targets(deck):
        room = _target_score(reading.room.levers, reading.room.axes, key, strategy)
        if room is None or room.score is None:
            continue
        if not strategy and room.coverage < rule.min_coverage:
            continue
        behind = every[key]
        tables = tuple(behind.values.values())
        divided = (behind.range or 0.0) >= rule.spread
        label = target_label(deck, key)
        finding = Finding(sequence.id, key, label, room.score, room.coverage, tables, divided)
        if rule.is_strength(room.score, strategy):
            high.append(finding)
        elif rule.is_vulnerability(room.score, strategy):
            low.append(finding)
    high.sort(key=lambda f: _rank(f, True))
    low.sort(key=lambda f: _rank(f, False))
    spreads = sorted((s for s in every.values() if s.comparable), key=lambda s: -(s.range or 0.0))
    disputed_targets = [s for s in spreads if (s.range or 0.0) >= rule.spread]
    common = {"sequence": sequence, "strategy": strategy, "target_spreads": spreads}
    group_ids = [g.id for g in groups]
    if isinstance(deck, StrategyDeck):
        return SequenceFindings(
            **common,  # type: ignore[arg-type]
            effects_up=high,
            effects_down=low,
            disputed_targets=disputed_targets,
            **_consensus(deck, seq_state, group_ids),  # type: ignore[arg-type]
        )
    cards = card_spreads(deck, seq_state, group_ids)
    agreement = classify(cards, rule)
    strict, count = _strict_group(agreement.disputed)
    not_concerned = {s.label: s.not_concerned for s in cards if s.not_concerned}
    return SequenceFindings(
        **common,  # type: ignore[arg-type]
        strengths=high,
        vulnerabilities=low,
        cards=agreement,
        card_count=sum(1 for s in cards if s.comparable),
        disputed_targets=disputed_targets,
        strict_group=strict,
        strict_count=count,
        not_concerned=not_concerned,
    )


def _rank(finding: Finding, strongest: bool) -> tuple[bool, float, str]:
    """Calm lines first, then the ones the tables dispute; the most marked first within each."""
    return (finding.divided, -finding.score if strongest else finding.score, finding.key)


def _target_score(
    levers: Mapping[str, Score], axes: Mapping[str, Score], key: str, strategy: bool
) -> Score | None:
    return axes.get(key) if strategy else levers.get(key) or axes.get(key)


def _target_spreads(reading: CompassReading, deck: Deck, strategy: bool) -> list[Spread]:
    out: list[Spread] = []
    for key in targets(deck):
        scores: dict[str, float] = {}
        for group_id, group in reading.groups.items():
            item = _target_score(group.levers, group.axes, key, strategy)
            if item is not None and item.score is not None:
                scores[group_id] = item.score
        out.append(Spread(key, target_label(deck, key), scores))
    return out


def _strict_group(disputed: Sequence[Spread]) -> tuple[str | None, int]:
    counts: dict[str, int] = {}
    for spread in disputed:
        lowest = spread.lowest()
        if len(lowest) == 1:
            counts[lowest[0]] = counts.get(lowest[0], 0) + 1
    if not counts:
        return None, 0
    group, count = max(counts.items(), key=lambda kv: (kv[1], kv[0]))
    if count >= 2 and 2 * count >= len(disputed):
        return group, count
    return None, 0


def pick_counts(deck: StrategyDeck, seq_state: SequenceState, group_ids: Sequence[str]) -> dict[str, int]:
    """How many groups picked each card (deck order)."""
    counts = {c.id: 0 for c in deck.cards}
    for group_id in group_ids:
        for card_id in seq_state.picked(group_id):
            if card_id in counts:
                counts[card_id] += 1
    return counts


def _consensus(deck: StrategyDeck, seq_state: SequenceState, group_ids: Sequence[str]) -> dict[str, object]:
    counts = pick_counts(deck, seq_state, group_ids)
    playing = sum(1 for g in group_ids if seq_state.picked(g))
    titles = {c.id: c.title for c in deck.cards}
    chosen = [
        Consensus(card_id, titles[card_id], n, playing)
        for card_id, n in counts.items()
        if playing >= 2 and n >= 2 and 2 * n >= playing
    ]
    chosen.sort(key=lambda c: -c.count)  # stable: deck order among equals
    return {"consensus": chosen, "playing": playing}
