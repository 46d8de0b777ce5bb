"""The document builder: the story (cover, synthesis, body, annexes), progress reporting, and the atomic
write; the page template (header and footer, « Page N / M », contents, outline) is :mod:`.template`.

``build_pdf`` lays the whole document out in memory, in a single pass (the page count of « Page N / M » and
the page numbers of the table of contents are forms defined after the last page, see :mod:`.late`), then
writes the bytes with :mod:`workshop_app.core.atomic`:
a temporary file in the target's folder, fsynced, renamed over the target. A failure at any point leaves the
previous file untouched and no partial file behind.
"""

from __future__ import annotations

import io
import threading
import time
from collections.abc import Callable, Mapping
from pathlib import Path

from reportlab.lib.units import cm
from reportlab.platypus import Flowable, PageBreak
from reportlab.platypus.doctemplate import LayoutError

from workshop_app.core.atomic import write_bytes_atomic
from workshop_app.core.errors import AtelierError
from workshop_app.core.workshop import WorkshopSnapshot
from workshop_app.export import analysis
from workshop_app.export.anonymise import ANONYMOUS_AUTHOR
from workshop_app.export.french import format_date
from workshop_app.export.pdf import sections
from workshop_app.export.pdf.escaping import clean
from workshop_app.export.pdf.fonts import REGULAR, register_fonts
from workshop_app.export.pdf.model_render import render_section
from workshop_app.export.pdf.parsed import reuse_parsing
from workshop_app.export.pdf.styles import MARGIN_BOTTOM, MARGIN_LEFT
from workshop_app.export.pdf.template import FOOTER_NOTICE, AtelierDocTemplate
from workshop_app.export.report import body, synthesis
from workshop_app.export.report.text import writing

Progress = Callable[[float, str], None]

__all__ = ["EDITIONS", "FOOTER_NOTICE", "AtelierDocTemplate", "build_pdf", "build_story", "render_pdf"]

# Shares of the progress bar: preparing the story, laying out, writing.
_PREPARE, _LAYOUT = 0.15, 0.80


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
        ctx.snapshot,
        ctx.findings,
        ctx.readings,
        ctx.text,
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
    # The story, its flowables and the layout's objects (cycles: document, canvas, frames) are garbage once
    # this returns. Not collected here: the user waits for these bytes, and collecting after the layout no
    # longer lowers the export's peak. The app collects once the file is written and shown
    # (``ExportFlow.tidy``); a command-line export ends its process.
    return _layout(snapshot, attachments, anonymise, progress, edition)


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
    warm_up()
    with reuse_parsing():  # around the layout too: the story's deferred parts are made during it
        return _lay_out(snapshot, attachments, anonymise, reporter, edition)


def _lay_out(
    snapshot: WorkshopSnapshot,
    attachments: Mapping[str, bytes],
    anonymise: bool,
    reporter: _Reporter,
    edition: str,
) -> bytes:
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


#: what the layout imports on first use: the photos (PIL's EXIF turn, their size check), a chart's first
#: drawing, the results section's chart of the day, the scores annex (tests/export/test_export_pdf_preload.py
#: fails when a new one is missing here)
FIRST_USE_MODULES = (
    "PIL.ImageOps",
    "workshop_app.export.archive_checks",
    "reportlab.graphics.renderPDF",
    "workshop_app.export.pdf.evolution",
    "workshop_app.export.pdf.sections.scores_annex",
)


_warm_lock = threading.Lock()
_warm = False


def warm_up() -> None:
    """What every build makes first, once a process: the fonts, the set of characters they draw, the
    paragraph styles, the sRGB profile, the time zone, the bookmarks' codec (~10 ms beyond the fonts'
    ~70 ms, measured). Thread-safe: a build that starts while :func:`preload` is making them (on a worker)
    waits for it, then finds them made; never two copies of a cached table."""
    global _warm
    if _warm:
        return
    with _warm_lock:
        if _warm:
            return
        import codecs

        from workshop_app.export.french import local_zone
        from workshop_app.export.pdf.escaping import drawable
        from workshop_app.export.pdf.styles import styles
        from workshop_app.export.pdfa import srgb_profile

        register_fonts()
        drawable()
        styles()
        srgb_profile()
        local_zone()
        codecs.lookup("utf-16-be")  # the bookmarks' text
        _warm = True


def preload() -> None:
    """Load what the session's first export would otherwise load while the user waits for it (~0.15 s: this
    package's imports, the modules the layout imports on first use, :func:`warm_up`), e.g. while the user is
    in the export dialog. Safe from any thread; nothing the second time.
    """
    import importlib

    for name in FIRST_USE_MODULES:
        importlib.import_module(name)
    warm_up()
