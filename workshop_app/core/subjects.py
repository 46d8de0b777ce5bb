"""Subjects compared side by side: the projects of a « Cotation de projet », the services of « Entretiens ».

A deck that declares a ``subject`` is played once per subject, each time as its own sequence titled by the
subject's name (``core.deck_subject``). ``subject_matrices`` gathers the sequences of each such deck into one
table: a row per principle (or per lever, ``compare: levers``), a column per subject, and in each cell the
room's score on that row for that subject, with the range of the tables' own scores behind it.

The numbers are those of the compass (``core.scoring``), only read on the deck's scale when it says
``reading: echelle``: the compass places an answer ``v`` of a scale ``lo…hi`` at ``100 (v − lo) / (hi − lo)``
and averages linearly, so ``lo + score (hi − lo) / 100`` is exactly the weighted mean of the answers' own
values. On a −2…+2 impact scale « neutre » reads 0 and an obstructing project reads negative.

A cell reads as a strength above the deck's ``strength_at`` (default: above the middle of the scale), as a
vulnerability at or below ``vulnerability_at`` (default: below the middle); in between, neutral.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from workshop_app.core.deck import QuestionDeck, StrategyDeck
from workshop_app.core.deck_subject import ScoreReading, SubjectSpec
from workshop_app.core.scoring import QuestionScorer, Score
from workshop_app.core.state import SequenceState, WorkshopState
from workshop_app.core.workshop import SequenceInfo

MINUS = "\u2212"


class Verdict(StrEnum):
    STRENGTH = "strength"
    NEUTRAL = "neutral"
    VULNERABILITY = "vulnerability"
    NONE = "none"  # not rated


@dataclass(frozen=True)
class SubjectRow:
    target_id: str  # an axis id, or a lever id with ``compare: levers``
    label: str
    axis_id: str
    code: str = ""  # the lever's id (« 1.1 ») shown before its label; "" for an axis


@dataclass(frozen=True)
class SubjectCell:
    value: float | None  # on the reading scale; None: no table rated this row for this subject
    low: float | None = None  # the lowest and highest of the tables' own values (the spread behind the mean)
    high: float | None = None
    answered: int = 0
    total: int = 0
    tables: tuple[tuple[str, float], ...] = ()  # (group id, that table's value), tables that rated it


@dataclass(frozen=True)
class SubjectMatrix:
    deck: QuestionDeck
    subject: SubjectSpec
    rows: tuple[SubjectRow, ...]
    columns: tuple[SequenceInfo, ...]  # one per subject, in play order; the name is ``display_title``
    cells: Mapping[tuple[str, str], SubjectCell] = field(default_factory=dict)  # (row target, sequence id)

    @property
    def signed(self) -> bool:
        return self.deck.reading is ScoreReading.SCALE

    @property
    def bounds(self) -> tuple[float, float]:
        return (self.deck.scale_min, self.deck.scale_max) if self.signed else (0.0, 100.0)

    @property
    def middle(self) -> float:
        lo, hi = self.bounds
        return (lo + hi) / 2

    def cell(self, target_id: str, sequence_id: str) -> SubjectCell:
        return self.cells.get((target_id, sequence_id), SubjectCell(None))

    def verdict(self, value: float | None) -> Verdict:
        if value is None:
            return Verdict.NONE
        strong, weak = self.subject.strength_at, self.subject.vulnerability_at
        if (value >= strong) if strong is not None else (value > self.middle):
            return Verdict.STRENGTH
        if (value <= weak) if weak is not None else (value < self.middle):
            return Verdict.VULNERABILITY
        return Verdict.NEUTRAL

    def text(self, value: float | None) -> str:
        """« +1,5 », « −2 », « 0 » on a signed reading; « 63 » on 0–100; « — » when not rated."""
        return format_value(value, self.signed, plus=self.bounds[0] < 0)

    def column_mean(self, sequence_id: str) -> float | None:
        """A subject's mean over the rows it was rated on (its overall contribution, for sorting)."""
        values = [v for r in self.rows if (v := self.cell(r.target_id, sequence_id).value) is not None]
        return sum(values) / len(values) if values else None


def format_value(value: float | None, signed: bool, plus: bool = True) -> str:
    """« 63 » on 0–100; on the deck's own scale one decimal, « +1,5 » / « −2 » (``plus``: a scale around 0)
    or « 2,5 » (a scale from 0)."""
    if value is None:
        return "—"
    if not signed:
        return str(round(value))
    rounded = math.copysign(math.floor(abs(value) * 10 + 0.5 + 1e-9), value) / 10  # half away from zero
    if rounded == 0:
        return "0"
    digits = f"{abs(rounded):.1f}".rstrip("0").rstrip(".").replace(".", ",")
    if rounded < 0:
        return MINUS + digits
    return ("+" if plus else "") + digits


def subject_sequences(sequences: Sequence[SequenceInfo]) -> dict[str, list[SequenceInfo]]:
    """The sequences of each deck that rates subjects, by deck id, in play order (first deck first)."""
    out: dict[str, list[SequenceInfo]] = {}
    for seq in sorted(sequences, key=lambda s: s.position):
        if is_subject_deck(seq.deck):
            out.setdefault(seq.deck.id, []).append(seq)
    return out


ONE_RATER = (
    "Une seule personne a noté les réponses de ces entretiens : il n’y a pas de tables à comparer "
    "entre elles."
)


def once_per_subject_deck(sequences: Sequence[SequenceInfo]) -> list[SequenceInfo]:
    """The sequences in play order, a deck that rates subjects kept once (its first subject): a deck played
    for eleven services is described once, not eleven times."""
    seen: set[tuple[str, str]] = set()
    out: list[SequenceInfo] = []
    for seq in sorted(sequences, key=lambda s: s.position):
        key = (seq.deck.id, seq.deck.version)
        if is_subject_deck(seq.deck):
            if key in seen:
                continue
            seen.add(key)
        out.append(seq)
    return out


def is_subject_deck(deck: QuestionDeck | StrategyDeck | None) -> bool:
    return isinstance(deck, QuestionDeck) and deck.subject is not None


def subject_matrices(
    sequences: Sequence[SequenceInfo], state: WorkshopState, group_ids: Sequence[str]
) -> list[SubjectMatrix]:
    """One comparison per subject deck of the workshop (usually one), its subjects in play order."""
    return [
        subject_matrix(seqs, state.sequences, group_ids) for seqs in subject_sequences(sequences).values()
    ]


def subject_matrix(
    sequences: Sequence[SequenceInfo],
    states: Mapping[str, SequenceState],
    group_ids: Sequence[str],
) -> SubjectMatrix:
    """The comparison of the subjects played as ``sequences`` (all of one subject deck)."""
    deck = sequences[0].deck
    assert isinstance(deck, QuestionDeck) and deck.subject is not None
    rows = _rows(deck)
    cells: dict[tuple[str, str], SubjectCell] = {}
    targets = tuple(r.target_id for r in rows)
    for seq in sequences:
        if not isinstance(seq.deck, QuestionDeck):
            continue
        state = states.get(seq.id, SequenceState())
        answers = frozenset((key, a.option) for key, a in state.answers.items())
        key = (seq.id, id(seq.deck), targets, tuple(group_ids), answers)
        held = _CACHE.get(key)
        if held is None or held[0] is not seq.deck:  # a vote changes one subject of eleven: the rest is kept
            held = (seq.deck, _subject_cells(seq.deck, state, group_ids, rows))
            if len(_CACHE) >= _CACHE_SIZE:
                _CACHE.clear()
            _CACHE[key] = held
        own = held[1]
        cells.update(((target, seq.id), cell) for target, cell in own.items())
    return SubjectMatrix(deck, deck.subject, tuple(rows), tuple(sequences), cells)


# (sequence, deck object, rows, groups, answers) -> (the deck, that subject's cells): the deck is held and
# compared, so a reused object id never matches a stale entry
_CACHE: dict[tuple[object, ...], tuple[QuestionDeck, dict[str, SubjectCell]]] = {}
_CACHE_SIZE = 512
_SCORERS: dict[int, tuple[QuestionDeck, QuestionScorer]] = {}


def _subject_cells(
    deck: QuestionDeck, state: SequenceState, group_ids: Sequence[str], rows: Sequence[SubjectRow]
) -> dict[str, SubjectCell]:
    held = _SCORERS.get(id(deck))
    if held is None or held[0] is not deck:
        if len(_SCORERS) >= _CACHE_SIZE:
            _SCORERS.clear()
        held = (deck, QuestionScorer(deck))
        _SCORERS[id(deck)] = held
    reading = held[1].score(state, group_ids)
    place = _placer(deck)
    levers_of = {a.id: [lv.id for lv in a.levers] or [a.id] for a in deck.compass.axes}
    out: dict[str, SubjectCell] = {}
    for row in rows:
        by_axis = row.target_id in levers_of
        room = (reading.room.axes if by_axis else reading.room.levers).get(row.target_id)
        if room is None:
            continue
        tables = []
        for group_id in group_ids:
            group = reading.groups[group_id]
            score = (group.axes if by_axis else group.levers).get(row.target_id)
            if score is not None and score.score is not None:
                tables.append((group_id, place(score.score)))
        out[row.target_id] = _cell(room, place, tables)
    return out


def _cell(room: Score, place: _Place, tables: list[tuple[str, float]]) -> SubjectCell:
    value = place(room.score) if room.score is not None else None
    own = [v for _, v in tables]
    low, high = (min(own), max(own)) if own else (None, None)
    if value is not None and low is not None and high is not None:  # the pooled mean lies in the range
        low, high = min(low, value), max(high, value)
    return SubjectCell(value, low, high, room.answered, room.total, tuple(tables))


class _Place:
    def __init__(self, lo: float, hi: float, signed: bool) -> None:
        self.lo, self.span, self.signed = lo, hi - lo, signed

    def __call__(self, percent: float) -> float:
        # rounded so that two tables at 2 on 0–3 read 2, not 1.9999999999 (and fall on the right side of a
        # threshold); far below the one decimal shown
        return round(self.lo + percent * self.span / 100.0, 9) if self.signed else percent


def _placer(deck: QuestionDeck) -> _Place:
    return _Place(deck.scale_min, deck.scale_max, deck.reading is ScoreReading.SCALE)


def _rows(deck: QuestionDeck) -> list[SubjectRow]:
    assert deck.subject is not None
    if deck.subject.compare == "axes" or not any(a.levers for a in deck.compass.axes):
        return [SubjectRow(a.id, a.display, a.id) for a in deck.compass.axes]
    rows: list[SubjectRow] = []
    for axis in deck.compass.axes:
        if not axis.levers:
            rows.append(SubjectRow(axis.id, axis.display, axis.id))
        rows += [SubjectRow(lv.id, lv.label, axis.id, lv.id) for lv in axis.levers]
    return rows
