"""Numbers known only once every page is laid out — « Page N / M » and the page numbers of the table of
contents — drawn in a single layout pass.

The pages reference PDF forms (``canvas.doForm``) that are defined when the canvas is saved, after the last
page: the total and each heading's page are known by then. Everything else about the table of contents (its
entries, hence its height) is known before layout, since the headings are flowables of the story. This
replaces reportlab's ``multiBuild``, which lays the whole document out twice to learn the same numbers.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any, Protocol

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from workshop_app.export.pdf.escaping import escape
from workshop_app.export.pdfa import ArchivalCanvas

_DOT = " . "
_CALLBACK = "atelierContentsEnd"


class Heading(Protocol):
    """What the table of contents needs of a heading (:class:`.sections.common.Heading`)."""

    text: str
    level: int
    key: str


class LateCanvas(ArchivalCanvas):
    """A canvas that calls ``finish(canvas)`` just before writing the file, after the last page; the file is
    PDF/A-2b (:class:`.pdfa.ArchivalCanvas`)."""

    finish: Callable[[Canvas], None] | None = None

    def save(self) -> None:
        if self.finish is not None:
            self.finish(self)
        super().save()


def headings_of(story: Iterable[Flowable]) -> list[Heading]:
    """The headings of the story, in order (looking inside ``KeepTogether`` and the like)."""
    found: list[Heading] = []
    for flowable in story:
        heading = getattr(flowable, "heading", None)
        if heading is not None:
            found.append(heading)
        content = getattr(flowable, "_content", None)
        if isinstance(content, list):
            found += headings_of(content)
    return found


class Contents(Flowable):
    """The table of contents, laid out like reportlab's ``TableOfContents(dotsMinLevel=0)``: each entry is a
    linked Paragraph, followed by a line of dots and the page number, right-aligned. The dots and the number
    are a form per entry, defined by :meth:`define_forms` once the pages are known."""

    def __init__(self, level_styles: Sequence[ParagraphStyle], table_style: TableStyle) -> None:
        super().__init__()
        self.level_styles = list(level_styles)
        self.table_style = table_style
        self.entries: list[Heading] = []
        self._table: Table | None = None
        self._placed: dict[int, tuple[float, float, float]] = {}
        self._avail_width = 0.0

    @staticmethod
    def form_name(index: int) -> str:
        return f"AtelierContents{index}"

    def _entry_end(self, canvas: Canvas, kind: str, label: str) -> None:
        index = int(label)
        info = canvas._curr_tx_info
        x, y = info["cur_x"], info["cur_y"]
        heading = self.entries[index]
        style = self.level_styles[min(heading.level, len(self.level_styles) - 1)]
        self._placed[index] = (x, y, self._avail_width)
        canvas.doForm(self.form_name(index))
        # the whole end of the line (dots and number) links to the heading
        canvas.linkRect("", heading.key, (x, y, self._avail_width, y + style.leading), relative=1)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self._avail_width = availWidth
        self.canv.setNamedCB(_CALLBACK, self._entry_end)
        data: list[list[Any]] = []
        for index, heading in enumerate(self.entries):
            style = self.level_styles[min(heading.level, len(self.level_styles) - 1)]
            text = f'<a href="#{heading.key}">{escape(heading.text)}</a>'
            if style.spaceBefore:
                data.append([Spacer(1, style.spaceBefore)])
            data.append([Paragraph(f'{text}<onDraw name="{_CALLBACK}" label="{index}"/>', style)])
        if not data:
            data.append([Spacer(1, 0)])
        self._table = Table(data, colWidths=(availWidth,), style=self.table_style)
        self.width, self.height = self._table.wrapOn(self.canv, availWidth, availHeight)
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        assert self._table is not None
        return self._table.splitOn(self.canv, availWidth, availHeight)

    def drawOn(self, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:
        assert self._table is not None
        self._table.drawOn(canvas, x, y, _sW)

    def define_forms(self, canvas: Canvas, pages: dict[str, int]) -> None:
        """Draw each entry's dots and page number, as in reportlab's ``drawPageNumbers``."""
        for index, (x, y, avail_width) in self._placed.items():
            heading = self.entries[index]
            style = self.level_styles[min(heading.level, len(self.level_styles) - 1)]
            text = str(pages[heading.key])
            size = style.fontSize
            width = stringWidth(text, style.fontName, size)
            while width > avail_width - x and size >= 1.0:
                size *= 0.9
                width = stringWidth(text, style.fontName, size)
            dot_width = stringWidth(_DOT, style.fontName, size)
            dots = int((avail_width - x - width) / dot_width)
            side = 2 * avail_width  # the form's box, in the paragraph's coordinates
            canvas.beginForm(self.form_name(index), -side, -side, side, side)
            tx = canvas.beginText(avail_width - dots * dot_width - width, y)
            tx.setFont(style.fontName, size)
            tx.setFillColor(style.textColor)
            tx.textLine(dots * _DOT + text)
            canvas.drawText(tx)
            canvas.endForm()
