"""Column widths of a Word table: short cells (« 10 h 06 », « 45 min », « 12 / 33 ») never wrap.

The PDF's widths are kept as proportions, but a column gets at least the width its longest short cell needs
in the cell font (DejaVu Sans 8.5 pt, measured with the PDF's own font metrics; bold in header rows), Word's
cell margins included. The room is taken from the wide, wrapping columns, which keep at least half their
width.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from workshop_app.export.docx.story import Cell, TextBlock

#: a cell this short (characters) is a time, a duration, a count: it must stay on one line
SHORT = 16
#: the cell style's size (points), as in ``layout.CELL_STYLE``
CELL_SIZE = 8.5
#: left and right cell margin set by :func:`narrow_margins` (points)
MARGIN = 4.0
#: both margins, plus a little for Word's and LibreOffice's own rounding and font substitution
SLACK = 2 * MARGIN + 4.0
#: a wrapping column gives at most this share of its width to the short ones
GIVE = 0.5


def text_width(text: str, bold: bool = False) -> float:
    """The width (points) of ``text`` on one line in the cell font."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from workshop_app.export.pdf.fonts import BOLD, REGULAR, register_fonts

    register_fonts()
    return float(stringWidth(text, BOLD if bold else REGULAR, CELL_SIZE))


def _short_text(cell: Cell) -> str:
    texts = [item.text for item in cell if isinstance(item, TextBlock)]
    text = " ".join(t.strip() for t in texts)
    return text if 0 < len(text) <= SHORT and "\n" not in text else ""


def needed(rows: Sequence[Sequence[Cell]], columns: int, header_rows: int = 0) -> list[float]:
    """Per column, the width (points) its short cells need on one line (0 when none is short)."""
    out = [0.0] * columns
    for index, row in enumerate(rows):
        for column, cell in enumerate(row[:columns]):
            text = _short_text(cell)
            if text:
                out[column] = max(out[column], text_width(text, bold=index < header_rows) + SLACK)
    return out


def fitted(
    widths: Sequence[float], rows: Sequence[Sequence[Cell]], total: float, header_rows: int = 0
) -> list[float]:
    """``widths`` scaled to ``total`` points, each column widened to what its short cells need; the extra
    comes proportionally from the columns that have room above their own need (at most half of each)."""
    scaled = [w * total / (sum(widths) or 1.0) for w in widths]
    need = needed(rows, len(widths), header_rows)
    short = sum(max(0.0, n - w) for n, w in zip(need, scaled, strict=True))
    if short <= 0:
        return scaled
    spare = [min(w - n, w * GIVE) if n < w else 0.0 for n, w in zip(need, scaled, strict=True)]
    available = sum(spare)
    if available <= 0:
        return scaled
    take = min(1.0, short / available)
    return [max(n, w) if n >= w else w - s * take for n, w, s in zip(need, scaled, spare, strict=True)]


def narrow_margins(table: Any, points: float = MARGIN) -> None:
    """Left and right cell margins of ``points`` (Word's default is 5.4 pt), like the PDF's padding; the
    element goes where the schema puts it (before ``w:tblLook``), replacing any earlier one."""
    twips = str(round(points * 20))
    properties = table._tbl.tblPr
    old = properties.find(qn("w:tblCellMar"))
    if old is not None:
        properties.remove(old)
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        element = OxmlElement(f"w:{side}")
        element.set(qn("w:w"), twips)
        element.set(qn("w:type"), "dxa")
        margins.append(element)
    look = properties.find(qn("w:tblLook"))
    if look is not None:
        look.addprevious(margins)
    else:
        properties.append(margins)
