"""Raw answers as CSV (for French Excel) and XLSX (openpyxl), written atomically.

CSV: UTF-8 with BOM, ``;`` separator, CRLF line ends, every field quoted when needed. One row per group × card
for questions decks (unanswered included, with an empty « réponse »), one row per group × picked card for
strategy decks (« réponse » = « retenue »,
« valeur » = the card's cost). Columns: séquence, jeu, carte, titre,
groupe, réponse, valeur, argument, horodatage (ISO 8601, Paris time with its offset). Free-text cells that a
spreadsheet would read as a formula (starting with ``=``, ``+``, ``-``, ``@``) get a leading apostrophe.

XLSX: one sheet per sequence (same columns), « Boussole » (scores per axis and lever, room and each group,
coverage) and « Plan d'action »; bold frozen header row, column widths, filters. Cells are always typed as
text or numbers: a string is never stored as a formula.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from workshop_app.core.atomic import write_bytes_atomic
from workshop_app.core.deck import QuestionDeck
from workshop_app.core.scoring import Score
from workshop_app.core.workshop import WorkshopSnapshot
from workshop_app.export import analysis, stable_zip
from workshop_app.export.anonymise import Anonymiser, for_export
from workshop_app.export.french import format_date, iso_local

COLUMNS = ("séquence", "jeu", "carte", "titre", "groupe", "réponse", "valeur", "argument", "horodatage")
SEPARATOR = ";"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_ILLEGAL_XLSX = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def rows_for(snapshot: WorkshopSnapshot, *, anonymise: bool = False) -> list[analysis.RawRow]:
    snapshot = for_export(snapshot, anonymise)
    return analysis.raw_rows(snapshot, snapshot.state(), Anonymiser(snapshot.participants, anonymise))


def _csv_text(value: str) -> str:
    return "'" + value if value.startswith(_FORMULA_START) else value


def _csv_number(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else str(value).replace(".", ",")


def csv_bytes(snapshot: WorkshopSnapshot, *, anonymise: bool = False) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=SEPARATOR, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for r in rows_for(snapshot, anonymise=anonymise):
        writer.writerow(
            [
                _csv_text(r.sequence),
                _csv_text(r.deck),
                _csv_text(r.card_id),
                _csv_text(r.card_title),
                _csv_text(r.group),
                _csv_text(r.response),
                _csv_number(r.value),
                _csv_text(r.argument),
                iso_local(r.at),
            ]
        )
    return buffer.getvalue().encode("utf-8-sig")


def write_csv(snapshot: WorkshopSnapshot, target: Path, *, anonymise: bool = False) -> None:
    """The raw answers as CSV (UTF-8 with BOM, ``;``), written atomically."""
    write_bytes_atomic(Path(target), csv_bytes(snapshot, anonymise=anonymise))


# -- XLSX ----------------------------------------------------------------------------------------------------


def _sheet_title(name: str, taken: set[str]) -> str:
    base = re.sub(r"[\[\]:*?/\\']", " ", name).strip() or "Feuille"
    base = " ".join(base.split())[:31].rstrip(" -—–.,;") or "Feuille"
    title, n = base, 2
    while title.casefold() in taken:
        suffix = f" ({n})"
        title = base[: 31 - len(suffix)] + suffix
        n += 1
    taken.add(title.casefold())
    return title


def _xl(value: Any) -> Any:
    if isinstance(value, str):
        return _ILLEGAL_XLSX.sub("", value)
    return value


def _append(ws: Any, values: Sequence[Any]) -> None:
    """Append a row; strings are forced to text (never a formula)."""
    ws.append([_xl(v) for v in values])
    for cell in ws[ws.max_row]:
        if isinstance(cell.value, str):
            cell.data_type = "s"


def _finish(ws: Any, widths: Sequence[float], wrap: Sequence[int] = ()) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    header_font = Font(bold=True, color="FFFFFF")
    header_fill = PatternFill("solid", fgColor="1F4E6B")
    for cell in ws[1]:
        cell.font = header_font
        cell.fill = header_fill
        cell.alignment = Alignment(vertical="center", wrap_text=True)
    ws.freeze_panes = "A2"
    for i, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
    if ws.max_row > 1:
        ws.auto_filter.ref = f"A1:{get_column_letter(len(widths))}{ws.max_row}"
    top = Alignment(vertical="top", wrap_text=True)
    for column in wrap:
        for row in ws.iter_rows(min_row=2, min_col=column, max_col=column):
            for cell in row:
                cell.alignment = top


def _score(value: Score | None) -> float | None:
    if value is None or value.score is None:
        return None
    return round(value.score, 1)


def xlsx_bytes(snapshot: WorkshopSnapshot, *, anonymise: bool = False) -> bytes:
    from openpyxl import Workbook

    snapshot = for_export(snapshot, anonymise)
    anonymiser = Anonymiser(snapshot.participants, anonymise)
    state = snapshot.state()
    rows = analysis.raw_rows(snapshot, state, anonymiser)
    groups = sorted(snapshot.groups, key=lambda g: g.position)
    workbook = Workbook()
    default = workbook.active
    taken: set[str] = {"boussole", "plan d'action"}
    sequences = sorted(snapshot.sequences, key=lambda s: s.position)
    for index, sequence in enumerate(sequences, start=1):
        ws = workbook.create_sheet(_sheet_title(f"{index}. {anonymiser.text(sequence.display_title)}", taken))
        _append(ws, COLUMNS)
        for r in (r for r in rows if r.sequence_id == sequence.id):
            at = r.at
            _append(
                ws,
                [
                    r.sequence,
                    r.deck,
                    r.card_id,
                    r.card_title,
                    r.group,
                    r.response,
                    r.value,
                    r.argument,
                    iso_local(at) if at else None,
                ],
            )
        _finish(ws, [24, 28, 8, 40, 20, 20, 8, 60, 26], wrap=(4, 8))
    # Boussole
    ws = workbook.create_sheet("Boussole")
    group_names = [anonymiser.text(g.name) for g in groups]
    _append(ws, ["séquence", "niveau", "identifiant", "intitulé", "salle", "couverture salle", *group_names])
    for sequence in sequences:
        deck = sequence.deck
        reading = snapshot.compass(sequence.id, state)
        title = anonymiser.text(sequence.display_title)
        for axis in deck.compass.axes:
            room = reading.room.axes.get(axis.id)
            _append(
                ws,
                [title, "axe", axis.id, axis.label, _score(room), round(room.coverage, 3) if room else None]
                + [
                    _score(reading.groups[g.id].axes.get(axis.id)) if g.id in reading.groups else None
                    for g in groups
                ],
            )
            if not isinstance(deck, QuestionDeck):
                continue
            for lever in axis.levers:
                lroom = reading.room.levers.get(lever.id)
                _append(
                    ws,
                    [
                        title,
                        "levier",
                        lever.id,
                        lever.label,
                        _score(lroom),
                        round(lroom.coverage, 3) if lroom else None,
                    ]
                    + [
                        _score(reading.groups[g.id].levers.get(lever.id)) if g.id in reading.groups else None
                        for g in groups
                    ],
                )
        _append(
            ws,
            [title, "ensemble", "", "couverture", None, round(reading.room.coverage, 3)]
            + [round(reading.groups[g.id].coverage, 3) if g.id in reading.groups else None for g in groups],
        )
    _finish(ws, [24, 10, 12, 50, 10, 12, *([16] * len(groups))], wrap=(4,))
    for row in ws.iter_rows(min_row=2, min_col=6, max_col=6):
        for cell in row:
            cell.number_format = "0%"
    # Plan d'action
    ws = workbook.create_sheet("Plan d'action")
    _append(ws, ["n°", "action", "porteur", "échéance", "levier", "intitulé du levier"])
    for i, action in enumerate(sorted(snapshot.actions, key=lambda a: a.position), start=1):
        _append(
            ws,
            [
                i,
                anonymiser.text(action.action),
                anonymiser.text(action.owner),
                action.deadline,
                action.lever_id or "",
                analysis.lever_label(snapshot, action.lever_id),
            ],
        )
    _finish(ws, [5, 60, 28, 14, 10, 50], wrap=(2, 3, 6))
    for row in ws.iter_rows(min_row=2, min_col=4, max_col=4):
        for cell in row:
            cell.number_format = "DD/MM/YYYY"
    workbook.remove(default)
    info = snapshot.info
    workbook.properties.title = _xl(f"Atelier — {anonymiser.text(info.title)}")[:250]
    workbook.properties.subject = _xl(f"{info.territory} — {format_date(info.date)}")[:250]
    workbook.properties.creator = "Atelier Résilience"
    stamp = datetime(info.date.year, info.date.month, info.date.day) if info.date else datetime(2000, 1, 1)
    workbook.properties.created = workbook.properties.modified = stamp
    buffer = io.BytesIO()
    workbook.save(buffer)
    return stable_zip.restamp(buffer.getvalue())


def write_xlsx(snapshot: WorkshopSnapshot, target: Path, *, anonymise: bool = False) -> None:
    """The raw answers, the compass and the action plan as an Excel workbook, written atomically."""
    write_bytes_atomic(Path(target), xlsx_bytes(snapshot, anonymise=anonymise))
