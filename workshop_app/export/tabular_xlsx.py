"""The raw data as an Excel workbook (openpyxl), ready to filter, pivot and print.

Sheets: « Atelier » (where, when, who facilitated, how many took part), one sheet per sequence (the columns of
:mod:`.tabular`, with the answer time as a real date and time), « Boussole » (scores per principle and lever,
room and each table, coverage), « Plan d'action », « Notes » (every note kept in the compte-rendu) and
« Participants » (by table; « Participant·e N » when anonymised). Each sheet: bold frozen header row, column
widths, filters, and a print setup (A4 landscape, fitted to the page width, header row repeated on every
page). Sheet names stay within Excel's 31 characters without cutting a word. Cells are typed (text, numbers,
dates); a string is never stored as a formula.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from workshop_app.core.deck import QuestionDeck
from workshop_app.core.scoring import Score
from workshop_app.core.workshop import WorkshopSnapshot
from workshop_app.export import analysis, stable_zip
from workshop_app.export.anonymise import Anonymiser, for_export
from workshop_app.export.french import format_date, local
from workshop_app.export.tabular import COLUMNS, cohort_rows, plain

_ILLEGAL_XLSX = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
MAX_TITLE = 31


def sheet_title(name: str, taken: set[str]) -> str:
    """A valid, unique sheet name of at most 31 characters, shortened at a word boundary (« … »)."""
    base = " ".join(re.sub(r"[\[\]:*?/\\']", " ", plain(name)).split()) or "Feuille"
    if len(base) > MAX_TITLE:
        cut = base[: MAX_TITLE - 1]
        if " " in cut and base[MAX_TITLE - 1] != " ":
            cut = cut.rsplit(" ", 1)[0]
        base = cut.rstrip(" -—–.,;") + "…"
    title, n = base, 2
    while title.casefold() in taken:
        suffix = f" ({n})"
        title = base[: MAX_TITLE - len(suffix)].rstrip() + suffix
        n += 1
    taken.add(title.casefold())
    return title


def _xl(value: Any) -> Any:
    if isinstance(value, str):
        return _ILLEGAL_XLSX.sub("", plain(value))
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
    ws.row_dimensions[1].height = 30
    top = Alignment(vertical="top", wrap_text=True)
    aligned = Alignment(vertical="top")
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = aligned
    lines: dict[int, int] = {}
    for column in wrap:
        chars = max(4.0, widths[column - 1] * 0.95)  # characters per line, roughly, at the default font
        for row in ws.iter_rows(min_row=2, min_col=column, max_col=column):
            for cell in row:
                cell.alignment = top
                text = str(cell.value or "")
                count = sum(max(1, -(-len(part) // int(chars))) for part in text.split("\n"))
                lines[cell.row] = max(lines.get(cell.row, 1), count)
    # readers that do not measure wrapped text (LibreOffice opening the file) would let rows overlap
    for row, count in lines.items():
        if count > 1:
            ws.row_dimensions[row].height = min(409, 13 * count + 2)
    # print: A4 landscape, one page wide, as many pages tall as needed, the header on every page
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = "1:1"
    ws.print_options.gridLines = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.oddFooter.center.text = "&P / &N"
    ws.oddHeader.left.text = "&A"


def _score(value: Score | None) -> float | None:
    if value is None or value.score is None:
        return None
    return round(value.score, 1)


def workbook_bytes(snapshot: WorkshopSnapshot, *, anonymise: bool = False) -> bytes:
    from openpyxl import Workbook

    rows = cohort_rows(snapshot, anonymise=anonymise)
    snapshot = for_export(snapshot, anonymise)
    anonymiser = Anonymiser(snapshot.participants, anonymise, snapshot.info.facilitators)
    state = snapshot.state()
    groups = sorted(snapshot.groups, key=lambda g: g.position)
    workbook = Workbook()
    default = workbook.active
    taken: set[str] = {"atelier", "boussole", "plan d'action", "notes", "participants"}
    info = snapshot.info
    # Atelier
    ws = workbook.create_sheet("Atelier")
    _append(ws, ["rubrique", "valeur"])
    for label, value in (
        ("Atelier", anonymiser.text(info.title)),
        ("Identifiant", info.id),
        ("Territoire", info.territory),
        ("Type de territoire", info.territory_kind),
        ("Date", info.date),
        ("Lieu", anonymiser.text(info.place)),
        ("Animation", anonymiser.facilitators(info.facilitators)),
        ("Tables", len(groups)),
        ("Participant·es", len(snapshot.participants)),
        ("Version", "anonymisée" if anonymise else "nominative"),
    ):
        _append(ws, [label, value])
    _finish(ws, [22, 70], wrap=(2,))
    ws["B6"].number_format = "DD/MM/YYYY"
    # one sheet per sequence
    sequences = sorted(snapshot.sequences, key=lambda s: s.position)
    widths = [16, 12, 11, 24, 12, 24, 26, 8, 30, 30, 16, 16, 8, 14, 9, 50, 30, 17]
    for index, sequence in enumerate(sequences, start=1):
        ws = workbook.create_sheet(sheet_title(f"{index}. {anonymiser.text(sequence.display_title)}", taken))
        _append(ws, COLUMNS)
        for row in (r for r in rows if r.raw.sequence_id == sequence.id):
            _append(ws, row.values())
        _finish(ws, widths, wrap=(9, 10, 16, 17))
        # where the rows come from (the same on every row) folds away: « + » above the columns unfolds it;
        # folded columns are not printed, so the printed page keeps the card, the table and the answer
        ws.column_dimensions.group("A", "G", outline_level=1, hidden=True)
        ws.column_dimensions.group("N", "N", outline_level=1, hidden=True)
        for cells in ws.iter_rows(min_row=2, min_col=len(COLUMNS), max_col=len(COLUMNS)):
            for cell in cells:
                cell.number_format = "DD/MM/YYYY HH:MM:SS"
    _compass_sheet(workbook, snapshot, anonymiser, state, groups)
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
    _finish(ws, [5, 60, 28, 12, 8, 50], wrap=(2, 3, 6))
    for cells in ws.iter_rows(min_row=2, min_col=4, max_col=4):
        for cell in cells:
            cell.number_format = "DD/MM/YYYY"
    _notes_sheet(workbook, snapshot, anonymiser, state)
    _participants_sheet(workbook, snapshot, anonymiser)
    workbook.remove(default)
    workbook.properties.title = _xl(f"Atelier — {anonymiser.text(info.title)}")[:250]
    workbook.properties.subject = _xl(f"{info.territory} — {format_date(info.date)}")[:250]
    workbook.properties.creator = "Atelier Résilience"
    stamp = datetime(info.date.year, info.date.month, info.date.day) if info.date else datetime(2000, 1, 1)
    workbook.properties.created = workbook.properties.modified = stamp
    buffer = io.BytesIO()
    workbook.save(buffer)
    return stable_zip.restamp(buffer.getvalue())


def _group_scores(reading: Any, groups: Sequence[Any], key: str, *, lever: bool) -> list[float | None]:
    out: list[float | None] = []
    for g in groups:
        group = reading.groups.get(g.id)
        out.append(_score((group.levers if lever else group.axes).get(key)) if group is not None else None)
    return out


def _compass_sheet(
    workbook: Any, snapshot: WorkshopSnapshot, anonymiser: Anonymiser, state: Any, groups: Sequence[Any]
) -> None:
    ws = workbook.create_sheet("Boussole")
    names = [anonymiser.text(g.name) for g in groups]
    _append(ws, ["séquence", "niveau", "identifiant", "intitulé", "salle", "couverture salle", *names])
    for sequence in sorted(snapshot.sequences, key=lambda s: s.position):
        deck = sequence.deck
        reading = snapshot.compass(sequence.id, state)
        title = anonymiser.text(sequence.display_title)
        level = "principe" if isinstance(deck, QuestionDeck) else "axe"
        for axis in deck.compass.axes:
            room = reading.room.axes.get(axis.id)
            coverage = round(room.coverage, 3) if room else None
            scores = _group_scores(reading, groups, axis.id, lever=False)
            _append(ws, [title, level, axis.id, axis.label, _score(room), coverage, *scores])
            if not isinstance(deck, QuestionDeck):
                continue
            for lever in axis.levers:
                lroom = reading.room.levers.get(lever.id)
                coverage = round(lroom.coverage, 3) if lroom else None
                scores = _group_scores(reading, groups, lever.id, lever=True)
                _append(ws, [title, "levier", lever.id, lever.label, _score(lroom), coverage, *scores])
        coverages = [
            round(reading.groups[g.id].coverage, 3) if g.id in reading.groups else None for g in groups
        ]
        _append(ws, [title, "ensemble", "", "couverture", None, round(reading.room.coverage, 3), *coverages])
    _finish(ws, [24, 10, 11, 50, 8, 11, *([12] * len(groups))], wrap=(1, 4))
    for cells in ws.iter_rows(min_row=2, min_col=5, max_col=6 + len(groups)):
        for cell in cells:
            cell.number_format = "0%" if cell.column == 6 else "0"
    for cells in ws.iter_rows(min_row=2, min_col=7, max_col=6 + len(groups)):
        for cell in cells:
            if cell.row and ws.cell(cell.row, 2).value == "ensemble":
                cell.number_format = "0%"


def _notes_sheet(workbook: Any, snapshot: WorkshopSnapshot, anonymiser: Anonymiser, state: Any) -> None:
    ws = workbook.create_sheet("Notes")
    _append(ws, ["séquence", "carte", "titre", "table", "note", "horodatage"])
    names = {g.id: anonymiser.text(g.name) for g in snapshot.groups}
    for sequence in sorted(snapshot.sequences, key=lambda s: s.position):
        titles = {c.id: c.title for c in sequence.deck.cards}
        seq_state = state.sequences.get(sequence.id)
        for note in seq_state.notes if seq_state else []:
            _append(
                ws,
                [
                    anonymiser.text(sequence.display_title),
                    note.card_id or "",
                    titles.get(note.card_id or "", ""),
                    names.get(note.group_id or "", ""),
                    anonymiser.text(note.text),
                    local(note.at).replace(tzinfo=None, microsecond=0),
                ],
            )
    for note in state.notes:
        _append(
            ws,
            ["", "", "", "", anonymiser.text(note.text), local(note.at).replace(tzinfo=None, microsecond=0)],
        )
    _finish(ws, [24, 8, 36, 20, 70, 17], wrap=(1, 3, 5))
    for cells in ws.iter_rows(min_row=2, min_col=6, max_col=6):
        for cell in cells:
            cell.number_format = "DD/MM/YYYY HH:MM"


def _participants_sheet(workbook: Any, snapshot: WorkshopSnapshot, anonymiser: Anonymiser) -> None:
    ws = workbook.create_sheet("Participants")
    _append(ws, ["table", "participant·e", "fonction", "service", "organisation"])
    names = {g.id: anonymiser.text(g.name) for g in snapshot.groups}
    order = {g.id: g.position for g in snapshot.groups}
    people = sorted(
        enumerate(snapshot.participants, start=1), key=lambda p: (order.get(p[1].group_id or "", 10**6), p[0])
    )
    for _, person in people:
        _append(
            ws,
            [
                names.get(person.group_id or "", ""),
                anonymiser.participant(person),
                "" if anonymiser.enabled else person.role,
                person.service,
                person.organisation,
            ],
        )
    _finish(ws, [22, 24, 24, 30, 20], wrap=(3, 4))
