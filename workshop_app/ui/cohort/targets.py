"""What « Comparer… » offers when fewer than two workshops are selected: the selected workshop's territory
over time and its programme first, then every territory and programme with at least two workshops. Read
from the stored summaries (no event log folded); plain Python."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from workshop_app.core.text_match import fold_text
from workshop_app.services.summary import WorkshopSummary

TERRITORY = "territory"
PROGRAMME = "programme"


@dataclass(frozen=True)
class CompareTarget:
    kind: str  # TERRITORY or PROGRAMME
    name: str
    workshops: int

    @property
    def label(self) -> str:
        if self.kind == TERRITORY:
            return f"Évolution de {self.name} ({self.workshops} ateliers)"
        return f"Programme « {self.name} » ({self.workshops} ateliers)"


def compare_targets(summaries: Sequence[WorkshopSummary], selected: str | None = None) -> list[CompareTarget]:
    territories = _count(s.territory for s in summaries)
    programmes = _count(s.programme for s in summaries)
    found = [CompareTarget(PROGRAMME, n, c) for n, c in programmes.items() if c >= 2]
    found += [CompareTarget(TERRITORY, n, c) for n, c in territories.items() if c >= 2]
    found.sort(key=lambda t: (t.kind != PROGRAMME, fold_text(t.name)))
    chosen = next((s for s in summaries if s.id == selected), None)
    if chosen is None:
        return found
    mine = {(TERRITORY, fold_text(chosen.territory)), (PROGRAMME, fold_text(chosen.programme))}
    return sorted(found, key=lambda t: (t.kind, fold_text(t.name)) not in mine)


def _count(names: Iterable[str]) -> dict[str, int]:
    """Names counted case and accents aside, each under its first spelling."""
    spelling: dict[str, str] = {}
    counts: Counter[str] = Counter()
    for name in names:
        key = fold_text(name)
        if key:
            spelling.setdefault(key, name.strip())
            counts[key] += 1
    return {spelling[k]: c for k, c in counts.items()}
