"""The compte-rendu's page template: the cover and body pages, the running header and footer, « Page N / M »
and the contents' page numbers (forms defined after the last page, see :mod:`.late`), the outline, and the
story's deferred parts made as the layout reaches them (:mod:`.deferred`). The document builder
(:mod:`.document`) and the comparisons (:mod:`workshop_app.export.compare.pdf`) lay their stories out with it.
"""

from __future__ import annotations

from typing import Any

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable
from reportlab.platypus.doctemplate import BaseDocTemplate, PageTemplate
from reportlab.platypus.frames import Frame

from workshop_app.export.pdf.deferred import expand_ahead, weight_of
from workshop_app.export.pdf.escaping import clean
from workshop_app.export.pdf.fonts import BOLD, REGULAR
from workshop_app.export.pdf.late import Contents, LateCanvas, headings_of
from workshop_app.export.pdf.styles import (
    ACCENT,
    FRAME_HEIGHT,
    FRAME_WIDTH,
    MARGIN_BOTTOM,
    MARGIN_LEFT,
    MUTED,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    PRIMARY,
    RULE,
)

FOOTER_NOTICE = "Document de travail — autodiagnostic"  # when the story names no notice of its own


class FooterNotice(Flowable):
    """Takes no room and draws nothing: it tells the template the running footer's notice, which depends on
    the decks played (:func:`workshop_app.export.report.kinds.footer_notice`). The cover's story holds it, so
    the template knows it before the first page is decorated."""

    def __init__(self, notice: str) -> None:
        super().__init__()
        self.notice = notice
        self.width = self.height = 0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        pass


class AtelierDocTemplate(BaseDocTemplate):
    def __init__(
        self, target: Any, *, header: str, footer_date: str, footer_notice: str = FOOTER_NOTICE, **kw: Any
    ) -> None:
        super().__init__(target, pagesize=(PAGE_WIDTH, PAGE_HEIGHT), **kw)
        self.header_text = clean(header)
        self.footer_date = clean(footer_date)
        self.footer_notice = clean(footer_notice)  # a comparison names what it compared
        self.heading_pages: dict[str, int] = {}
        self.labelled_pages: list[int] = []
        self.contents: list[Contents] = []
        body = Frame(
            MARGIN_LEFT,
            MARGIN_BOTTOM,
            FRAME_WIDTH,
            FRAME_HEIGHT,
            id="body",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        cover = Frame(
            MARGIN_LEFT,
            MARGIN_BOTTOM,
            FRAME_WIDTH,
            FRAME_HEIGHT,
            id="cover",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        self.addPageTemplates(
            [
                PageTemplate(id="cover", frames=[cover], onPage=self._decorate_cover),
                PageTemplate(id="body", frames=[body], onPage=self._decorate_body),
            ]
        )

    # -- a single layout pass -------------------------------------------------------------------------------

    def build(self, flowables: list[Flowable], filename: Any = None, canvasmaker: Any = None) -> None:
        """Lay the story out once; the numbers only known at the end are filled in by :meth:`_finish`. The
        story's deferred parts (:mod:`.deferred`) are made as the layout reaches them."""
        notice = next((f.notice for f in flowables if isinstance(f, FooterNotice)), None)
        if notice is not None:
            self.footer_notice = clean(notice)
        headings = headings_of(flowables)
        self.contents = [f for f in flowables if isinstance(f, Contents)]
        for contents in self.contents:
            contents.entries = headings
        expected = weight_of(flowables)
        expand_ahead(flowables)
        self._grown = 0
        report: Any = getattr(self, "_onProgress", None)
        if report:  # reportlab counts the flowables taken from the list: those made since are added

            def progress(kind: str, value: int) -> None:
                if kind == "SIZE_EST":
                    value = max(value, expected)
                elif kind == "PROGRESS":
                    value += self._grown
                report(kind, value)

            self._onProgress = progress
        try:
            super().build(flowables, filename, canvasmaker=self._make_canvas)
        finally:
            self._onProgress = report

    def handle_flowable(self, flowables: list[Flowable]) -> None:
        super().handle_flowable(flowables)
        self._grown += expand_ahead(flowables)  # before the next flowable is looked at, or glued to this one

    def _make_canvas(self, *args: Any, **kw: Any) -> LateCanvas:
        canvas = LateCanvas(*args, **kw)
        canvas.finish = self._finish
        return canvas

    def _finish(self, canvas: Canvas) -> None:
        """After the last page: define the forms drawing « Page N / M » and the contents' page numbers."""
        total = len(self.labelled_pages)
        y = MARGIN_BOTTOM * 0.45
        for number in self.labelled_pages:
            canvas.beginForm(_page_label_form(number))
            canvas.setFont(BOLD, 7.5)
            canvas.setFillColor(MUTED)
            canvas.drawRightString(MARGIN_LEFT + FRAME_WIDTH, y, f"Page {number} / {total}")
            canvas.endForm()
        for contents in self.contents:
            missing = [h.text for h in contents.entries if h.key not in self.heading_pages]
            if missing:  # a heading the story walk found but the layout never placed: a bug of ours
                raise RuntimeError(f"headings missing from the layout: {missing}")
            contents.define_forms(canvas, self.heading_pages)

    # -- table of contents and outline -----------------------------------------------------------------------

    def afterFlowable(self, flowable: Flowable) -> None:
        heading = getattr(flowable, "heading", None)
        if heading is None:
            return
        self.canv.bookmarkPage(heading.key)
        self.canv.addOutlineEntry(heading.text, heading.key, level=heading.level, closed=heading.level > 0)
        self.heading_pages[heading.key] = self.page

    # -- page decoration -------------------------------------------------------------------------------------

    def _decorate_cover(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        canvas.saveState()
        canvas.setFillColor(PRIMARY)
        canvas.rect(0, PAGE_HEIGHT - 1.3 * 28.35, PAGE_WIDTH, 1.3 * 28.35, stroke=0, fill=1)
        canvas.setFillColor(ACCENT)
        canvas.rect(0, PAGE_HEIGHT - 1.3 * 28.35 - 4, PAGE_WIDTH, 4, stroke=0, fill=1)
        self._footer(canvas)
        canvas.restoreState()

    def _decorate_body(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        canvas.saveState()
        top = PAGE_HEIGHT - MARGIN_BOTTOM * 0.62
        canvas.setFont(REGULAR, 7.8)
        canvas.setFillColor(MUTED)
        canvas.drawString(MARGIN_LEFT, top, _fit(self.header_text, REGULAR, 7.8, FRAME_WIDTH))
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN_LEFT, top - 4, MARGIN_LEFT + FRAME_WIDTH, top - 4)
        self._footer(canvas)
        canvas.restoreState()

    def _footer(self, canvas: Canvas) -> None:
        y = MARGIN_BOTTOM * 0.45
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN_LEFT, y + 10, MARGIN_LEFT + FRAME_WIDTH, y + 10)
        canvas.setFont(REGULAR, 7.5)
        canvas.setFillColor(MUTED)
        when = _fit(self.footer_date, REGULAR, 7.5, FRAME_WIDTH * 0.28)
        canvas.drawString(MARGIN_LEFT, y, when)
        # centred between the date and « Page N / M » (about 60 pt), never over either
        half = FRAME_WIDTH / 2 - max(stringWidth(when, REGULAR, 7.5) + 12, 62)
        notice = _fit(self.footer_notice, REGULAR, 7.5, 2 * half)
        canvas.drawCentredString(MARGIN_LEFT + FRAME_WIDTH / 2, y, notice)
        number = canvas.getPageNumber()
        self.labelled_pages.append(number)
        canvas.doForm(_page_label_form(number))  # « Page N / M », defined by _finish once M is known


def _page_label_form(number: int) -> str:
    return f"AtelierPageLabel{number}"


def _fit(text: str, font: str, size: float, width: float) -> str:
    """One line of at most ``width`` points, shortened with « … »."""
    text = " ".join(text.split())
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"
