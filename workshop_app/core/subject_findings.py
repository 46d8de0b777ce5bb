"""Strengths and vulnerabilities of the subjects a deck rated, as lines read on the deck's own scale: for
projects, « Friche de la gare : Anticipation – Veille (−1,5, tables de −2 à −1) », the tables' range beside
the mean in the words of every finding (:func:`workshop_app.core.spreads.between_tables`), « mais les tables
divergent » when they spread over 40 % of the scale; for levers across services, « 1.3 Intégrer… : point fort
pour 7 services sur 11 » (a count, not a mean). Shared by the debrief's proposals and the compte-rendu's
synthesis, so a −2…+2 project is never proposed as « 0/100 »."""

from __future__ import annotations

from collections.abc import Callable

from workshop_app.core.findings import Thresholds
from workshop_app.core.spreads import between_tables
from workshop_app.core.subjects import SubjectCell, SubjectMatrix, Verdict

Text = Callable[[str], str]


def subject_findings(matrix: SubjectMatrix, text: Text) -> tuple[list[str], list[str]]:
    """(strengths, vulnerabilities) as lines « subject : row (value) », strongest (weakest) first; by lever
    (services), as lines « row : point fort pour 7 services sur 11 », the most shared first."""
    if any(r.code for r in matrix.rows):
        return shared_findings(matrix)
    high: list[tuple[float, str]] = []
    low: list[tuple[float, str]] = []
    for seq in matrix.columns:
        for row in matrix.rows:
            cell = matrix.cell(row.target_id, seq.id)
            value = cell.value
            verdict = matrix.verdict(value)
            if value is None or verdict in (Verdict.NEUTRAL, Verdict.NONE):
                continue
            label = f"{row.code} {row.label}" if row.code else row.label
            line = f"{text(seq.display_title)} : {label} ({matrix.text(value)}{_spread(matrix, cell)})"
            (high if verdict is Verdict.STRENGTH else low).append((value, line))
    high.sort(key=lambda x: -x[0])
    low.sort(key=lambda x: x[0])
    return [line for _, line in high], [line for _, line in low]


def _spread(matrix: SubjectMatrix, cell: SubjectCell) -> str:
    """« , tables de −2 à −1 » on the deck's own scale; "" when no table's value is known."""
    values = [v for _, v in cell.tables]
    lo, hi = matrix.bounds
    divided = len(values) >= 2 and max(values) - min(values) >= Thresholds().spread / 100 * (hi - lo)
    words = between_tables(values, divided=divided, fmt=matrix.text)
    return f", {words}" if words else ""


def shared_findings(matrix: SubjectMatrix) -> tuple[list[str], list[str]]:
    """The rows (levers) that are a strength, or a vulnerability, for at least half of the subjects that were
    rated on them (services interviewed), the most shared first."""
    out: dict[Verdict, list[tuple[int, str]]] = {Verdict.STRENGTH: [], Verdict.VULNERABILITY: []}
    one, many = matrix.subject.label.lower(), matrix.subject.plural.lower()
    for row in matrix.rows:
        verdicts = [matrix.verdict(matrix.cell(row.target_id, c.id).value) for c in matrix.columns]
        rated = sum(1 for v in verdicts if v is not Verdict.NONE)
        for kind, word in ((Verdict.STRENGTH, "point fort"), (Verdict.VULNERABILITY, "vulnérabilité")):
            count = sum(1 for v in verdicts if v is kind)
            if rated and count * 2 >= rated:
                name = f"{row.code} {row.label}" if row.code else row.label
                label = one if count < 2 else many  # « pour 1 service sur 2 », « pour 7 services sur 11 »
                out[kind].append((count, f"{name} : {word} pour {count} {label} sur {rated}"))

    def ranked(kind: Verdict) -> list[str]:
        return [line for _, line in sorted(out[kind], key=lambda x: -x[0])]

    return ranked(Verdict.STRENGTH), ranked(Verdict.VULNERABILITY)
