"""The DOCX programme table: times and durations (« 10 h 06 », « 25 min ») on one line. The widths are
read back from the Word file with python-docx and measured against the cell
font; the arithmetic is checked alone."""

from __future__ import annotations

import io
import os
import re
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

from docx import Document
from docx.oxml.ns import qn
from export_factory import make_snapshot

from workshop_app.core.events import Event, EventKind
from workshop_app.core.workshop import WorkshopSnapshot
from workshop_app.export.docx import render_docx
from workshop_app.export.docx.story import Run, TextBlock
from workshop_app.export.docx.widths import MARGIN, fitted, text_width

SHOTS = os.environ.get("ATELIER_SHOTS", "")
TIME = re.compile(r"^\d{1,2}\sh\s\d{2}$|^\d+\smin$")  # with non-breaking spaces


def _with_steps() -> tuple[WorkshopSnapshot, dict[str, bytes]]:
    snapshot, photos = make_snapshot(n_groups=2, n_cards=4)
    first = min(e.at for e in snapshot.events)
    last = max(e.seq for e in snapshot.events)

    def event(n: int, kind: EventKind, offset: float, **payload: object) -> Event:
        return Event(
            seq=last + n, kind=kind, payload=payload, at=first + timedelta(minutes=offset), id=f"w{n}"
        )

    steps = (
        event(
            1,
            EventKind.STEP_PLANNED,
            -40,
            step="a",
            step_kind="accueil",
            label="Accueil café",
            minutes=20,
            slot=0,
        ),
        event(
            2,
            EventKind.STEP_PLANNED,
            -40,
            step="b",
            step_kind="bilan",
            label="Tour de table",
            minutes=15,
            slot=9,
        ),
        event(3, EventKind.STEP_STARTED, -30, step="a"),
        event(4, EventKind.STEP_ENDED, -5, step="a"),
    )
    return replace(snapshot, events=(*snapshot.events, *steps)), photos


def test_every_time_in_the_programme_table_fits_its_column_on_one_line() -> None:
    snapshot, photos = _with_steps()
    data = render_docx(snapshot, photos)
    if SHOTS:
        (Path(SHOTS) / "programme.docx").write_bytes(data)
    document = Document(io.BytesIO(data))
    tables = [
        t for t in document.tables if "Séquence ou étape" in t.rows[0].cells[0].text + t.rows[0].cells[1].text
    ]
    assert tables, "the programme table is in the DOCX"
    table = tables[0]
    margins = table._tbl.tblPr.find(qn("w:tblCellMar"))
    assert margins is not None and margins.find(qn("w:left")).get(qn("w:w")) == str(round(MARGIN * 20))
    checked = 0
    for row in table.rows[1:]:
        for cell in row.cells:
            text = cell.text.strip()
            if TIME.match(text):
                assert cell.width is not None
                assert cell.width.pt >= text_width(text) + 2 * MARGIN, (text, cell.width.pt)
                checked += 1
    assert checked >= 4  # planned and actual times of the steps and sequences


def _cells(*texts: str) -> list[list[TextBlock]]:
    return [[TextBlock(runs=(Run(t),), style="body")] for t in texts]


def test_short_columns_widen_and_the_wide_one_keeps_half() -> None:
    rows = [
        _cells("Séquence ou étape", "Prévu", "Réel"),
        _cells("Un long titre " * 5, "10 h 06", "1 h 40 min"),
    ]
    widths = fitted([300.0, 10.0, 10.0], rows, 320.0, header_rows=1)
    assert abs(sum(widths) - 320.0) < 0.01  # the page width is kept
    assert widths[1] >= text_width("10 h 06") + 2 * MARGIN
    assert widths[2] >= text_width("1 h 40 min") + 2 * MARGIN
    assert widths[0] >= 150.0


def test_nothing_short_leaves_the_proportions() -> None:
    rows = [_cells("Une phrase assez longue pour passer à la ligne", "Une autre phrase longue elle aussi")]
    assert fitted([2.0, 1.0], rows, 300.0) == [200.0, 100.0]
