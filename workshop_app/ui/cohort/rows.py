"""What the comparison views show, as plain rows of text (no Qt): shaped from the service's ``Comparison``
with the reports' own wording (:mod:`workshop_app.export.compare.text`), so the screen and the PDF agree.
Nothing here computes a score, a rank or a movement: the service did."""

from __future__ import annotations

from dataclasses import dataclass

from workshop_app.core.compare_model import Comparison, Shared, Target, WorkshopProfile
from workshop_app.export.compare import text


@dataclass(frozen=True)
class Row:
    cells: tuple[str, ...]
    heading: bool = False  # a principle (bold), its levers follow
    low_coverage: bool = False  # marked, not hidden
    tooltip: str = ""


def evolution_header(comparison: Comparison) -> tuple[str, ...]:
    dates = tuple(p.label for p in comparison.profiles)
    return ("Principe / levier", *dates, "Écart", "Lecture")


def evolution_rows(comparison: Comparison) -> list[Row]:
    """One row per target moved (principles and their levers in deck order): each date's score and
    coverage, then the first → last difference and how it reads."""
    moves = {m.target.id: m for m in comparison.movements}
    out = []
    for target in _deck_order(comparison):
        move = moves.get(target.id)
        cells = [target.label if target.is_principle else f"   {target.label}"]
        for profile in comparison.profiles:
            cells.append(_cell(profile, target.id))
        cells.append(text.delta(move) if move is not None else "—")
        cells.append(text.reading(move) if move is not None else "")
        low = move is not None and move.low_coverage
        out.append(Row(tuple(cells), heading=target.is_principle, low_coverage=low, tooltip=target.label))
    return out


def cohort_header(comparison: Comparison) -> tuple[str, ...]:
    return ("Principe / levier", *(p.label for p in comparison.profiles))


def cohort_rows(comparison: Comparison) -> list[Row]:
    """The same scores as the small multiples, one column per territory (in the profiles' order)."""
    out = []
    for target in _deck_order(comparison):
        cells = [target.label if target.is_principle else f"   {target.label}"]
        low = False
        for profile in comparison.profiles:
            item = profile.score(target.id)
            low = low or item is None or item.low_coverage
            cells.append(_cell(profile, target.id))
        heading = target.is_principle and bool(comparison.levers)
        out.append(Row(tuple(cells), heading=heading, low_coverage=low, tooltip=target.label))
    return out


def shared_rows(found: tuple[Shared, ...], none: str) -> list[Row]:
    """« Forces communes » and the like: the item, then who shares it (« 3 sur 5 : Arras, Creil, Denain »);
    ``none`` says so when there is none."""
    if not found:
        return [Row((none, ""))]
    return [Row((s.label, f"{s.count} sur {s.of} : {', '.join(s.labels)}"), tooltip=s.label) for s in found]


def choice_header(comparison: Comparison) -> tuple[str, ...]:
    return ("Carte retenue", *(p.label for p in comparison.profiles), "Retenue dans")


def choice_rows(comparison: Comparison) -> list[Row]:
    """Strategy decks: each card retained somewhere, and in each territory by how many of its tables; the
    cards most territories chose come first (the service's ``common_choices``), then by title."""
    common = {s.key: i for i, s in enumerate(comparison.common_choices)}
    titles: dict[str, str] = {}
    for profile in comparison.profiles:
        for card in profile.choices:
            titles.setdefault(card.card_id, card.title)
    order = sorted(titles, key=lambda c: (common.get(c, len(common)), titles[c].casefold()))
    out = []
    for card_id in order:
        cells = [titles[card_id]]
        where = 0
        for profile in comparison.profiles:
            choice = next((c for c in profile.choices if c.card_id == card_id), None)
            cells.append(f"{choice.tables}/{choice.of_tables} tables" if choice else "—")
            where += choice is not None
        cells.append(f"{where} sur {len(comparison.profiles)}")
        out.append(Row(tuple(cells), tooltip=titles[card_id]))
    return out


def coverage_line(profile: WorkshopProfile) -> str:
    """« couverture 82 % » or « couverture 45 %, faible », under each small multiple."""
    share = f"couverture {round(profile.coverage * 100)} %"
    return f"{share}, faible" if profile.low_coverage else share


def own_findings(comparison: Comparison, profile: WorkshopProfile) -> tuple[str, str]:
    """The territory's own strengths and vulnerabilities (the service's, most marked first), as short
    labels: its profile read for itself, not against the others."""
    short = {t.id: t.short for t in comparison.targets}
    return (
        ", ".join(short.get(t, t) for t in profile.strengths),
        ", ".join(short.get(t, t) for t in profile.vulnerabilities),
    )


def _cell(profile: WorkshopProfile, target_id: str) -> str:
    item = profile.score(target_id)
    score = text.score(item).removesuffix("/100")  # the views' headings say « sur 100 »
    cover = "" if item is None else f"{round(item.coverage * 100)} %"
    if item is not None and item.low_coverage:
        cover += " ⚠"
    return f"{score} ({cover})" if cover else score


def _deck_order(comparison: Comparison) -> list[Target]:
    """Each principle followed by its levers."""
    ordered: list[Target] = []
    for principle in comparison.principles:
        ordered.append(principle)
        ordered += [lever for lever in comparison.levers if lever.axis_id == principle.id]
    known = {t.id for t in ordered}
    ordered += [lever for lever in comparison.levers if lever.id not in known]
    return ordered
