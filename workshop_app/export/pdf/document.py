"""The document builder: page templates (cover, body), running header and footer, « Page N / M », table of
contents and PDF outline, progress reporting, and the atomic write.

``build_pdf`` lays the whole document out in memory, in a single pass (the page count of « Page N / M » and
the page numbers of the table of contents are forms defined after the last page, see :mod:`.late`), then
writes the bytes with :mod:`workshop_app.core.atomic`:
a temporary file in the target's folder, fsynced, renamed over the target. A failure at any point leaves the
previous file untouched and no partial file behind.
"""

from __future__ import annotations

import gc
import io
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from reportlab.lib.units import cm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, PageBreak
from reportlab.platypus.doctemplate import BaseDocTemplate, LayoutError, PageTemplate
from reportlab.platypus.frames import Frame

from workshop_app.core.atomic import write_bytes_atomic
from workshop_app.core.errors import AtelierError
from workshop_app.core.workshop import WorkshopSnapshot
from workshop_app.export import analysis
from workshop_app.export.anonymise import ANONYMOUS_AUTHOR
from workshop_app.export.french import format_date
from workshop_app.export.pdf import sections
from workshop_app.export.pdf.escaping import clean
from workshop_app.export.pdf.fonts import BOLD, REGULAR, register_fonts
from workshop_app.export.pdf.late import Contents, LateCanvas, headings_of
from workshop_app.export.pdf.model_render import render_section
from workshop_app.export.pdf.parsed import reuse_parsing
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
from workshop_app.export.report import body, synthesis
from workshop_app.export.report.text import writing

Progress = Callable[[float, str], None]

FOOTER_NOTICE = "Document de travail — autodiagnostic"

# Shares of the progress bar: preparing the story, laying out, writing.
_PREPARE, _LAYOUT = 0.15, 0.80


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
        """Lay the story out once; the numbers only known at the end are filled in by :meth:`_finish`."""
        headings = headings_of(flowables)
        self.contents = [f for f in flowables if isinstance(f, Contents)]
        for contents in self.contents:
            contents.entries = headings
        super().build(flowables, filename, canvasmaker=self._make_canvas)

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


REPORT_EVERY_S = 0.05


class _Reporter:
    """Turns reportlab's progress events into calls to the caller's callback, at most once per percent and,
    within one step, once per :data:`REPORT_EVERY_S` (the first and last calls and a new step's always go
    through). In the app each call repaints the modal progress dialog on the GUI thread, which then holds the
    GIL: once per percent, that was ~85 repaints and ~55 ms taken from the build (measured); 20 a second
    look the same. The caller's callback still runs often enough to cancel the build (it raises)."""

    def __init__(self, progress: Progress | None) -> None:
        self.progress = progress
        self.last = -1.0
        self.size = 1
        self.message = ""
        self.at = 0.0

    def report(self, fraction: float, message: str) -> None:
        if self.progress is None:
            return
        fraction = max(0.0, min(1.0, fraction))
        edge = fraction in (0.0, 1.0) or (message != self.message and fraction >= self.last)
        now = time.monotonic()
        if edge or (fraction - self.last >= 0.01 and now - self.at >= REPORT_EVERY_S):
            self.last, self.message, self.at = fraction, message, now
            self.progress(fraction, message)

    def reportlab(self, kind: str, value: int) -> None:
        if kind == "SIZE_EST":
            self.size = max(1, value)
        elif kind == "PROGRESS":
            share = min(0.999, value / self.size)
            self.report(_PREPARE + _LAYOUT * share, "Mise en page")


EDITIONS = ("complet", "synthese")
SYNTHESIS_ACTIONS = 6  # the complete edition's synthesis shows the first actions, the body all of them


def synthesis_section(ctx: sections.Context) -> list[Flowable]:
    """The synthesis (page 2), built as the document model and rendered here; then a page break."""
    section = synthesis.synthesis(
        ctx.snapshot, ctx.findings, ctx.readings, ctx.text,
        lambda lever: analysis.lever_label(ctx.snapshot, lever),
        max_actions=SYNTHESIS_ACTIONS,
        lever_column=not (ctx.full or len(ctx.snapshot.actions) > SYNTHESIS_ACTIONS),
    )
    return [*render_section(ctx, section), PageBreak()]


def build_story(ctx: sections.Context, reporter: _Reporter) -> list[Flowable]:
    """Cover, synthesis (with the strengths and vulnerabilities, printed once, and the action plan), then
    the body; the complete edition adds the contents, the notes, the whole action plan and the annexes."""
    cards = sum(len(s.deck.cards) for s in ctx.sequences) or 1
    done = [0]

    def tick() -> None:
        done[0] += 1
        reporter.report(
            0.03 + 0.12 * min(1.0, done[0] / (cards + len(ctx.sequences))), "Préparation du contenu"
        )

    story: list[Flowable] = []
    story += sections.cover(ctx)
    story += synthesis_section(ctx)
    if ctx.full:
        story += sections.contents(ctx)
    story += render_section(
        ctx, body.context(ctx.snapshot, ctx.state, ctx.text, ctx.anonymiser.participant, ctx.full)
    )
    reporter.report(0.05, "Graphiques de la boussole")
    story += sections.results_section(ctx)
    story += sections.agreement_section(ctx)
    if ctx.full:  # the short edition: the synthesis holds the findings and the action plan
        story += sections.notes_section(ctx)
    story += render_section(ctx, body.debrief(ctx.snapshot, ctx.text), room=6 * cm)
    if ctx.full or len(ctx.snapshot.actions) > SYNTHESIS_ACTIONS:  # the whole plan when the synthesis cut it
        story += sections.actions_section(ctx)
    story += sections.decks_section(ctx)
    if ctx.full:
        story += sections.annexes(ctx, tick)
    return story


def render_pdf(
    snapshot: WorkshopSnapshot,
    attachments: Mapping[str, bytes],
    *,
    anonymise: bool = False,
    progress: Progress | None = None,
    edition: str = "complet",
    inclusive: bool = False,
) -> bytes:
    """The compte-rendu as PDF bytes (nothing written to disk)."""
    if edition not in EDITIONS:
        raise AtelierError(f"Édition inconnue : « {edition} » (complet ou synthese).")
    with writing(inclusive):
        return _render(snapshot, attachments, anonymise, progress, edition)


def _render(
    snapshot: WorkshopSnapshot,
    attachments: Mapping[str, bytes],
    anonymise: bool,
    progress: Progress | None,
    edition: str,
) -> bytes:
    data = _layout(snapshot, attachments, anonymise, progress, edition)
    # The story, its flowables and the layout's objects (cycles: document, canvas, frames) are garbage now:
    # collected here, during the export the user is waiting for, not by a later automatic collection at an
    # unforeseen moment (the file's bytes are already made: this no longer lowers the export's own peak).
    gc.collect()
    return data


def _layout(
    snapshot: WorkshopSnapshot,
    attachments: Mapping[str, bytes],
    anonymise: bool,
    progress: Progress | None,
    edition: str,
) -> bytes:
    """The PDF (PDF/A-2b: the canvas of :class:`AtelierDocTemplate` writes it so, see :mod:`..pdfa`)."""
    reporter = _Reporter(progress)
    reporter.report(0.0, "Préparation du compte-rendu")
    register_fonts()
    with reuse_parsing():
        ctx = sections.Context.create(snapshot, attachments, anonymise, edition)
        story = build_story(ctx, reporter)
    info = snapshot.info
    title = ctx.text(info.title)
    territory = info.territory if info.territory.casefold() not in title.casefold() else ""
    header = " — ".join(x for x in (title, territory) if x.strip())
    buffer = io.BytesIO()
    doc = AtelierDocTemplate(
        buffer,
        header=header,
        footer_date=format_date(info.date),
        title=clean(f"Compte-rendu — {ctx.text(info.title)}"),
        author=ANONYMOUS_AUTHOR if anonymise else clean(info.facilitators),  # the XMP repeats it
        subject=clean(f"Atelier résilience territoriale — {info.territory}"),
        creator="Atelier Résilience",
        lang="fr-FR",
        # otherwise every page starts with Helvetica, a font that is referenced but not embedded
        initialFontName=REGULAR,
        initialFontSize=9.5,
        leftMargin=MARGIN_LEFT,
        rightMargin=MARGIN_LEFT,
        topMargin=MARGIN_BOTTOM,
        bottomMargin=MARGIN_BOTTOM,
    )
    doc.setProgressCallBack(reporter.reportlab)
    try:
        doc.build(story)
    except LayoutError as exc:
        raise AtelierError(
            "Le compte-rendu n'a pas pu être mis en page (un élément ne tient pas dans la page).",
            detail=str(exc),
        ) from exc
    return buffer.getvalue()


def build_pdf(
    snapshot: WorkshopSnapshot,
    attachments: Mapping[str, bytes],
    target: Path,
    *,
    anonymise: bool = False,
    progress: Progress | None = None,
    edition: str = "complet",
    inclusive: bool = False,
) -> None:
    """Write the compte-rendu of ``snapshot`` to ``target``, atomically.

    ``attachments`` maps attachment ids to their bytes (photos missing from it are shown as missing).
    ``anonymise`` replaces participants' names (list, free text), keeping only service and organisation.
    ``progress(fraction, message)`` is called from the building thread, fraction from 0 to 1, at most once per
    percent; raising from it (e.g. the user cancelled) aborts the build and leaves ``target`` untouched.
    ``edition``: « complet » (synthesis, body, annexes) or « synthese » (the short edition for elected
    officials: synthesis and body, no annexes). ``inclusive``: inclusive writing (point médian) on.
    No Qt: safe to call from a worker thread.
    """
    data = render_pdf(
        snapshot, attachments, anonymise=anonymise, progress=progress, edition=edition, inclusive=inclusive
    )
    reporter = _Reporter(progress)
    reporter.report(0.96, "Écriture du fichier")
    write_bytes_atomic(Path(target), data)
    reporter.report(1.0, "Compte-rendu prêt")
