"""Strengths, vulnerabilities and disagreements PROPOSED from the scores, for the facilitator to edit.

Pure functions (no Qt, no database). They only propose: the facilitator keeps, rewords or deletes each line,
and the scores are the groups' own self-assessment, not an official index.

Rules
    * Questions decks are read per lever (per axis when the deck has no levers), on the room's score. A target
      is considered only when at least ``min_coverage`` of its links were answered, so an unfinished workshop
      proposes nothing rather than something wrong.
    * A strength scores at least ``strong`` (default 66 %), a vulnerability at most ``weak`` (default 40 %).
    * Strategy decks are read per axis: above ``strategy_strong`` (default 60, i.e. clearly positive effects)
      the tables' strategies strengthen the axis; below 50 they weaken it (net negative effects).
    * Tables disagree on a target when their scores spread over at least ``spread`` points (default 40).
    * At most ``limit`` lines per list, the most marked first.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from workshop_app.core.deck import QuestionDeck, StrategyDeck
from workshop_app.core.scoring import CompassReading, Score
from workshop_app.core.workshop import GroupInfo, WorkshopSnapshot


@dataclass(frozen=True)
class Thresholds:
    strong: float = 66.0
    weak: float = 40.0
    strategy_strong: float = 60.0
    strategy_weak: float = 50.0
    min_coverage: float = 0.5
    spread: float = 40.0
    limit: int = 6


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
        if strategy:
            if value >= limits.strategy_strong:
                text = f"{label} : renforcé par les stratégies des tables ({value:.0f} %){suffix}"
                strengths.append(Finding(text, value))
            elif value < limits.strategy_weak:
                text = f"{label} : affaibli par les stratégies des tables ({value:.0f} %){suffix}"
                weaknesses.append(Finding(text, 100 - value))
        elif value >= limits.strong:
            strengths.append(Finding(f"{label} ({value:.0f} %){suffix}", value))
        elif value <= limits.weak:
            weaknesses.append(Finding(f"{label} ({value:.0f} %){suffix}", 100 - value))
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
