"""The comparison as one merged table (CSV for French Excel, XLSX), naming every territory on every row.

One row per workshop × principle, workshop × lever, and (strategy decks) workshop × retained card, so that
a pivot table or a filter in a spreadsheet works as it is. Same conventions as the workshop's raw answers
(:mod:`workshop_app.export.tabular`): UTF-8 with BOM, « ; », CRLF, decimal comma, no formula. Anonymised,
the territories are « Ville A, B… » and the titles are left out.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from workshop_app.core.atomic import write_bytes_atomic
from workshop_app.core.compare_model import CompareKind, Comparison, TargetScore
from workshop_app.export.tabular import SEPARATOR, _csv_cell, plain

COLUMNS = (
    "territoire",
    "atelier",
    "identifiant atelier",
    "date",
    "comparaison",
    "jeu",
    "version",
    "type",
    "identifiant",
    "libellé",
    "score sur 100",
    "plus bas (tables)",
    "plus haut (tables)",
    "couverture (%)",
    "couverture faible",
    "tables",
)
_KINDS = {CompareKind.EVOLUTION: "évolution", CompareKind.COHORT: "cohorte"}


def rows(comparison: Comparison) -> list[list[Any]]:
    """The rows, in the comparison's order (profiles, then principles, levers, cards)."""
    out: list[list[Any]] = []
    labels = {t.id: t.label for t in comparison.targets}
    for p in comparison.profiles:
        territory = p.label if comparison.anonymised else p.territory
        head = [
            territory,
            p.title,
            "" if comparison.anonymised else p.workshop_id,
            p.date.isoformat() if p.date else "",
            _KINDS[comparison.kind],
            comparison.deck.title,
            comparison.deck.version,
        ]
        scored: Sequence[tuple[str, TargetScore]] = [
            *(("principe", s) for s in p.principles),
            *(("levier", s) for s in p.levers),
        ]
        for kind, s in scored:
            out.append(
                [
                    *head,
                    kind,
                    s.target_id,
                    labels[s.target_id],
                    _round(s.score),
                    _round(s.low),
                    _round(s.high),
                    round(s.coverage * 100),
                    "oui" if s.low_coverage else "non",
                    p.groups,
                ]
            )
        for choice in p.choices:
            out.append(
                [
                    *head,
                    "carte retenue",
                    choice.card_id,
                    choice.title,
                    None,
                    None,
                    None,
                    None,
                    "",
                    f"{choice.tables} sur {choice.of_tables}",
                ]
            )
    return out


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def csv_bytes(comparison: Comparison) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=SEPARATOR, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for row in rows(comparison):
        writer.writerow([plain(_csv_cell(v)) for v in row])
    return buffer.getvalue().encode("utf-8-sig")


def write_csv(comparison: Comparison, target: Path) -> None:
    write_bytes_atomic(Path(target), csv_bytes(comparison))


def xlsx_bytes(comparison: Comparison) -> bytes:
    from openpyxl import Workbook

    from workshop_app.export.tabular_xlsx import _append, _finish

    workbook = Workbook()
    ws = workbook.active
    ws.title = "Comparaison"
    _append(ws, COLUMNS)
    for row in rows(comparison):
        _append(ws, row)
    _finish(ws, (18, 30, 14, 11, 11, 26, 8, 12, 12, 44, 9, 9, 9, 10, 10, 9), wrap=(10,))
    rules = workbook.create_sheet("Règles de lecture")
    _append(rules, ["À lire avant d’utiliser ces chiffres"])
    for line in (comparison.disclaimer, *comparison.rules, *comparison.notes):
        _append(rules, [line])
    _finish(rules, (120,), wrap=(1,))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def write_xlsx(comparison: Comparison, target: Path) -> None:
    write_bytes_atomic(Path(target), xlsx_bytes(comparison))
