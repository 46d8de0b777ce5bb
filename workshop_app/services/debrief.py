"""Strengths, vulnerabilities and disagreements PROPOSED from the scores, for the facilitator to edit.

Pure functions (no Qt, no database). They only propose: the facilitator keeps, rewords or deletes each line,
and the scores are the groups' own self-assessment, not an official index.

Rules
    * Scores run from 0 to 100 % and 50 % is the middle: « moyen » on a maturity scale, « no effect » for a
      strategy. A line is proposed only when the score is clearly away from that middle, on the side it
      names; a score near the middle (45 %, 49 %, 55 %…) is neither a strength nor a vulnerability.
    * Questions decks are read per lever (per axis when the deck has no levers), on the room's score. A target
      is considered only when at least ``min_coverage`` of its links were answered, so an unfinished workshop
      proposes nothing rather than something wrong.
    * Questions: a strength scores at least ``strong`` (65 %), a vulnerability at most ``weak`` (35 %): 15
      points or more from the middle, about « 2,6 » and « 1,4 » on a 0–4 maturity scale.
    * Strategy decks are read per axis: at least ``strategy_strong`` (60 %) the tables' strategies clearly
      strengthen the axis; at most ``strategy_weak`` (40 %) they clearly weaken it (10 points from « no
      effect »: a fifth of the largest effect the budget allows).
    * The comparison is made on the whole percentage the line shows, so « (65 %) » is always a strength and a
      line never shows a figure that contradicts its list. :class:`Thresholds` refuses limits on the wrong
      side of 50 %.
    * Tables disagree on a target when their scores spread over at least ``spread`` points (default 40).
    * At most ``limit`` lines per list, the most marked first.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from workshop_app.core.deck import QuestionDeck, StrategyDeck
from workshop_app.core.scoring import CompassReading, Score
from workshop_app.core.workshop import GroupInfo, WorkshopSnapshot

MIDDLE = 50.0  # the middle of every scale (0–100 %): « moyen », or « no effect » for a strategy


@dataclass(frozen=True)
class Thresholds:
    strong: float = 65.0
    weak: float = 35.0
    strategy_strong: float = 60.0
    strategy_weak: float = 40.0
    min_coverage: float = 0.5
    spread: float = 40.0
    limit: int = 6

    def __post_init__(self) -> None:
        for high, low in ((self.strong, self.weak), (self.strategy_strong, self.strategy_weak)):
            if not low < MIDDLE < high:
                raise ValueError(f"thresholds must surround {MIDDLE:.0f} %: weak {low}, strong {high}")

    def is_strength(self, score: float, strategy: bool = False) -> bool:
        return round(score) >= (self.strategy_strong if strategy else self.strong)

    def is_vulnerability(self, score: float, strategy: bool = False) -> bool:
        return round(score) <= (self.strategy_weak if strategy else self.weak)


@dataclass(frozen=True)
class Finding:
    text: str
    weight: float  # how marked it is: used to sort, higher first


@dataclass(frozen=True)
class Proposals:
    strengths: tuple[str, ...] = ()
    vulnerabilities: tuple[str, ...] = ()
    disagreements: tuple[str, ...] = ()

    @property
    def empty(self) -> bool:
        return not (self.strengths or self.vulnerabilities or self.disagreements)


def propose(snapshot: WorkshopSnapshot, thresholds: Thresholds | None = None) -> Proposals:
    """Read every sequence of the workshop and propose the three lists."""
    limits = thresholds or Thresholds()
    state = snapshot.state()
    several = len(snapshot.sequences) > 1
    strengths: list[Finding] = []
    weaknesses: list[Finding] = []
    spreads: list[Finding] = []
    for seq in sorted(snapshot.sequences, key=lambda s: s.position):
        reading = snapshot.compass(seq.id, state)
        suffix = f" ({seq.display_title})" if several else ""
        found = propose_for_deck(seq.deck, reading, snapshot.groups, limits, suffix)
        strengths += found[0]
        weaknesses += found[1]
        spreads += found[2]
    top = limits.limit
    return Proposals(_top(strengths, top), _top(weaknesses, top), _top(spreads, top))


def propose_for_deck(
    deck: QuestionDeck | StrategyDeck,
    reading: CompassReading,
    groups: Sequence[GroupInfo],
    limits: Thresholds,
    suffix: str = "",
) -> tuple[list[Finding], list[Finding], list[Finding]]:
    strengths: list[Finding] = []
    weaknesses: list[Finding] = []
    strategy = isinstance(deck, StrategyDeck)
    for target_id, label in _targets(deck):
        room = _score_of(reading.room.levers, reading.room.axes, target_id, strategy)
        if room is None or room.score is None:
            continue
        if not strategy and room.coverage < limits.min_coverage:
            continue
        value = room.score
        shown = f"{round(value)} %"  # the figure the line shows is the one the rule compared
        if limits.is_strength(value, strategy):
            what = " : renforcé par les stratégies des tables" if strategy else ""
            strengths.append(Finding(f"{label}{what} ({shown}){suffix}", value))
        elif limits.is_vulnerability(value, strategy):
            what = " : affaibli par les stratégies des tables" if strategy else ""
            weaknesses.append(Finding(f"{label}{what} ({shown}){suffix}", 100 - value))
    return strengths, weaknesses, _disagreements(deck, reading, groups, limits, suffix)


def _disagreements(
    deck: QuestionDeck | StrategyDeck,
    reading: CompassReading,
    groups: Sequence[GroupInfo],
    limits: Thresholds,
    suffix: str,
) -> list[Finding]:
    strategy = isinstance(deck, StrategyDeck)
    found: list[Finding] = []
    for target_id, label in _targets(deck):
        scored: list[tuple[float, str]] = []
        for group in groups:
            group_reading = reading.groups.get(group.id)
            if group_reading is None:
                continue
            one = _score_of(group_reading.levers, group_reading.axes, target_id, strategy)
            if one is not None and one.score is not None:
                scored.append((one.score, group.name))
        if len(scored) < 2:
            continue
        low, high = min(scored), max(scored)
        if high[0] - low[0] >= limits.spread:
            found.append(Finding(
                f"{label} : de {low[0]:.0f} % ({low[1]}) à {high[0]:.0f} % ({high[1]}){suffix}",
                high[0] - low[0],
            ))
    return found


def _targets(deck: QuestionDeck | StrategyDeck) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for i, axis in enumerate(deck.compass.axes, start=1):
        if isinstance(deck, QuestionDeck) and axis.levers:
            out += [(lv.id, f"{i}.{j} {lv.label}") for j, lv in enumerate(axis.levers, start=1)]
        else:
            out.append((axis.id, axis.label))
    return out


def _score_of(
    levers: Mapping[str, Score], axes: Mapping[str, Score], target_id: str, strategy: bool
) -> Score | None:
    if strategy:
        return axes.get(target_id)
    return levers.get(target_id) or axes.get(target_id)


def _top(findings: list[Finding], limit: int) -> tuple[str, ...]:
    ordered = sorted(findings, key=lambda f: -f.weight)
    seen: list[str] = []
    for finding in ordered:
        if finding.text not in seen:
            seen.append(finding.text)
    return tuple(seen[:limit])


def merge(existing: Sequence[str], proposed: Sequence[str]) -> tuple[str, ...]:
    """Add the proposed lines that are not already there, keeping the facilitator's own lines first."""
    have = {line.strip().casefold() for line in existing}
    return tuple(existing) + tuple(p for p in proposed if p.strip().casefold() not in have)


def lever_choices(snapshot: WorkshopSnapshot) -> list[tuple[str, str]]:
    """(id, label) of every lever and axis of the workshop's decks, for the action plan's « levier »."""
    seen: dict[str, str] = {}
    for seq in sorted(snapshot.sequences, key=lambda s: s.position):
        for i, axis in enumerate(seq.deck.compass.axes, start=1):
            seen.setdefault(axis.id, f"{i}. {axis.label}")
            for j, lever in enumerate(axis.levers, start=1):
                seen.setdefault(lever.id, f"{i}.{j} {lever.label}")
    return list(seen.items())
