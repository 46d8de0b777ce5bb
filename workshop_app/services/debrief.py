"""Strengths, vulnerabilities and disagreements PROPOSED from the scores, for the facilitator to edit.

Pure functions (no Qt, no database). The findings themselves (thresholds, which levers, how a lever is named)
are computed once in :mod:`workshop_app.core.findings`; this module only turns them into the debrief's lines
and records who wrote each line (:class:`~workshop_app.core.findings.Origin`). The scores are the groups' own
self-assessment, not an official index.

* Strengths and vulnerabilities come from questions decks only: the effects of a strategy game's hypothetical
  cards are never proposed as strengths of the territory.
* Disagreements: the levers (axes) on which the tables' scores spread over ``Thresholds.spread`` points.
* At most ``Thresholds.limit`` lines per list, the most marked first.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from workshop_app.core.findings import MIDDLE, Origin, Thresholds, compute, score_text, target_label
from workshop_app.core.subject_findings import subject_findings
from workshop_app.core.subjects import is_subject_deck, subject_matrices
from workshop_app.core.workshop import Debrief, WorkshopSnapshot

__all__ = ["MIDDLE", "Proposals", "Thresholds", "lever_choices", "mark_origins", "merge", "propose",
           "validate"]


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
    found = compute(snapshot, thresholds=thresholds)
    questions = [s for s in found.sequences if not s.strategy]
    several = len(questions) > 1
    titles = {s.sequence.id: s.sequence.display_title for s in found.sequences}

    def line(text: str, sequence_id: str) -> str:
        return f"{text} ({titles[sequence_id]})" if several else text

    names = {g.id: g.name for g in snapshot.groups}
    spreads: list[tuple[float, str]] = []
    for seq in questions:
        for s in seq.disputed_targets:
            low = min(s.values.items(), key=lambda kv: kv[1])
            high = max(s.values.items(), key=lambda kv: kv[1])
            text = (f"{s.label} : de {score_text(low[1])} ({names.get(low[0], low[0])}) "
                    f"à {score_text(high[1])} ({names.get(high[0], high[0])})")
            spreads.append((s.range or 0.0, line(text, seq.sequence.id)))
    spreads.sort(key=lambda x: -x[0])
    limit = found.thresholds.limit
    rated = {q.id for q in snapshot.sequences if is_subject_deck(q.deck)}  # projects, services: own lines
    strengths = [line(f.text, f.sequence_id) for f in found.strengths if f.sequence_id not in rated]
    weak = [line(f.text, f.sequence_id) for f in found.vulnerabilities if f.sequence_id not in rated]
    if rated:
        state = snapshot.state()
        groups = [g.id for g in sorted(snapshot.groups, key=lambda g: g.position)]
        for matrix in subject_matrices(snapshot.sequences, state, groups):
            plus, minus = subject_findings(matrix, lambda x: x)
            strengths += plus[:limit]
            weak += minus[:limit]
    return Proposals(
        tuple(strengths),
        tuple(weak),
        tuple(_unique([t for _, t in spreads])[:limit]),
    )


def _unique(lines: Sequence[str]) -> list[str]:
    seen: list[str] = []
    for item in lines:
        if item not in seen:
            seen.append(item)
    return seen


def merge(existing: Sequence[str], proposed: Sequence[str]) -> tuple[str, ...]:
    """Add the proposed lines that are not already there, keeping the facilitator's own lines first."""
    have = {line.strip().casefold() for line in existing}
    return tuple(existing) + tuple(p for p in proposed if p.strip().casefold() not in have)


def mark_origins(debrief: Debrief, proposed: Sequence[str] = ()) -> Debrief:
    """``debrief`` with an origin for every line of its lists: a line it already knows keeps its origin, a
    line among ``proposed`` (what the app just proposed) is « proposed », any other one was written by the
    facilitator."""
    offered = {p.strip() for p in proposed}
    origins: list[tuple[str, str]] = []
    for line in (*debrief.strengths, *debrief.vulnerabilities):
        known = debrief.origin(line)
        origin = known or (Origin.PROPOSED.value if line.strip() in offered else Origin.WRITTEN.value)
        origins.append((line.strip(), origin))
    return replace(debrief, origins=tuple(dict.fromkeys(origins)))


def validate(debrief: Debrief) -> Debrief:
    """The facilitator read the proposals and keeps them: every « proposed » line becomes « validated »."""
    return replace(debrief, origins=tuple(
        (text, Origin.VALIDATED.value if origin == Origin.PROPOSED.value else origin)
        for text, origin in debrief.origins
    ))


def lever_choices(snapshot: WorkshopSnapshot) -> list[tuple[str, str]]:
    """(id, label) of every lever and axis of the workshop's decks, for the action plan's « levier »."""
    seen: dict[str, str] = {}
    for seq in sorted(snapshot.sequences, key=lambda s: s.position):
        for i, axis in enumerate(seq.deck.compass.axes, start=1):
            seen.setdefault(axis.id, f"{i}. {axis.label}")
            for lever in axis.levers:
                seen.setdefault(lever.id, target_label(seq.deck, lever.id))
    return list(seen.items())
