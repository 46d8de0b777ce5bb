"""The evolution or cohort report as PDF: the compte-rendu's page templates, styles, charts and block
renderer (:mod:`workshop_app.export.pdf`), fed with :mod:`.content`; written atomically, PDF/A-2b like the
compte-rendu. No Qt: safe in a worker thread."""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path

from reportlab.lib.units import cm
from reportlab.platypus import Flowable, NextPageTemplate, PageBreak, Spacer, Table, TableStyle
from reportlab.platypus.doctemplate import LayoutError

from workshop_app.core.atomic import write_bytes_atomic
from workshop_app.core.compare_model import Comparison
from workshop_app.core.errors import AtelierError
from workshop_app.core.workshop import WorkshopInfo, WorkshopSnapshot
from workshop_app.export.anonymise import ANONYMOUS_AUTHOR
from workshop_app.export.compare import content
from workshop_app.export.pdf import charts
from workshop_app.export.pdf.document import AtelierDocTemplate
from workshop_app.export.pdf.escaping import clean
from workshop_app.export.pdf.fonts import REGULAR, register_fonts
from workshop_app.export.pdf.model_render import render_block, render_section
from workshop_app.export.pdf.sections.common import Context, _c, _p, _raw
from workshop_app.export.pdf.styles import FRAME_WIDTH, MARGIN_BOTTOM, MARGIN_LEFT
from workshop_app.export.report.model import Section

KICKER = {
    "evolution": "RAPPORT D’ÉVOLUTION — RÉSILIENCE TERRITORIALE",
    "cohort": "RAPPORT DE COHORTE — RÉSILIENCE TERRITORIALE",
}
MULTIPLE_COLOUR = "#0072B2"


def context(comparison: Comparison) -> Context:
    """The compte-rendu's rendering context (styles, numbered headings) for a report that has no workshop of
    its own: an empty snapshot titled after the comparison."""
    title, _ = content.heading(comparison)
    return Context.create(WorkshopSnapshot(WorkshopInfo(id="comparaison", title=title)), {}, False)


def story(comparison: Comparison) -> list[Flowable]:
    ctx = context(comparison)
    out = cover(ctx, comparison)
    for section in content.document(comparison):
        out += _section(ctx, section)
    return out


def cover(ctx: Context, comparison: Comparison) -> list[Flowable]:
    st = ctx.st
    title, subtitle = content.heading(comparison)
    dated = [p.date for p in comparison.profiles if p.date]
    period = ""
    if dated:
        first, last = min(dated), max(dated)
        period = (
            first.strftime("%d/%m/%Y")
            if first == last
            else (f"Du {first.strftime('%d/%m/%Y')} au {last.strftime('%d/%m/%Y')}")
        )
    out: list[Flowable] = [Spacer(1, 2.2 * cm), _c(KICKER[comparison.kind.value], st.cover_kicker)]
    out += [_p(title, st.cover_title), _p(subtitle, st.cover_sub)]
    if period:
        out.append(_p(period, st.cover_sub))
    out.append(Spacer(1, 0.8 * cm))
    out += render_block(ctx, content.workshops_table(comparison))
    out.append(Spacer(1, 0.8 * cm))
    out.append(_raw(f"<b>À lire avant tout.</b> {clean(comparison.disclaimer)}", st.boxed))
    out += [NextPageTemplate("body"), PageBreak()]
    return out


def _section(ctx: Context, section: Section) -> list[Flowable]:
    """Like ``render_section``, with this module's small multiples."""
    if not any(isinstance(b, content.SmallMultiples) for b in section.blocks):
        return render_section(ctx, section)
    out = render_section(ctx, replace(section, blocks=()))
    for block in section.blocks:
        out += (
            small_multiples(ctx, block)
            if isinstance(block, content.SmallMultiples)
            else render_block(ctx, block)
        )
    return out


def small_multiples(ctx: Context, block: content.SmallMultiples) -> list[Flowable]:
    """Two or three radars a row, same scale, each titled with its territory and its coverage below."""
    per_row = 2 if len(block.items) <= 6 else 3
    width = FRAME_WIDTH / per_row
    cells: list[list[Flowable]] = []
    for item in block.items:
        labels = [
            f"{a} (non renseigné)" if v is None else a for a, v in zip(block.axes, item.values, strict=True)
        ]
        drawing = charts.radar(
            labels,
            [charts.Series(item.label, MULTIPLE_COLOUR, list(item.values), fill=True, width=1.5)],
            width=width - 6,
            height=(6.1 if per_row == 2 else 5.6) * cm,
            font_size=6.6 if per_row == 2 else 5.9,
            label_width=70 if per_row == 2 else 50,
            ring_labels=True,
            title=item.label,
        )
        cells.append([drawing, _p(item.note, ctx.st.caption)])
    grid: list[list[object]] = [list(cells[i : i + per_row]) for i in range(0, len(cells), per_row)]
    grid[-1] += [[Spacer(1, 1)]] * (per_row - len(grid[-1]))
    table = Table(grid, colWidths=[width] * per_row, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), REGULAR, 9),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    # the table splits between rows of radars: the heading and the caption stay with the first row
    caption = _p(block.caption, ctx.st.body) if block.caption else Spacer(1, 1)
    caption.keepWithNext = 1
    return [caption, table]


def render_compare_pdf(comparison: Comparison) -> bytes:
    register_fonts()
    title, subtitle = content.heading(comparison)
    buffer = io.BytesIO()
    dated = [p.date for p in comparison.profiles if p.date]
    footer = (
        f"{min(dated).year}–{max(dated).year}"
        if dated and min(dated).year != max(dated).year
        else (str(dated[0].year) if dated else "")
    )
    doc = AtelierDocTemplate(
        buffer,
        header=f"{title} — {comparison.deck.title}",
        footer_date=footer,
        footer_notice=content.footer_notice(comparison),
        title=clean(title),
        author=ANONYMOUS_AUTHOR if comparison.anonymised else "",
        subject=clean(subtitle),
        creator="Atelier Résilience",
        lang="fr-FR",
        initialFontName=REGULAR,
        initialFontSize=9.5,
        leftMargin=MARGIN_LEFT,
        rightMargin=MARGIN_LEFT,
        topMargin=MARGIN_BOTTOM,
        bottomMargin=MARGIN_BOTTOM,
    )
    try:
        doc.build(story(comparison))
    except LayoutError as exc:
        raise AtelierError(
            "Le rapport n'a pas pu être mis en page (un élément ne tient pas dans la page).", detail=str(exc)
        ) from exc
    return buffer.getvalue()  # PDF/A-2b: written so by the template's canvas (export/pdfa.py)


def build_compare_pdf(comparison: Comparison, target: Path) -> None:
    """Write the evolution or cohort report to ``target``, atomically."""
    write_bytes_atomic(Path(target), render_compare_pdf(comparison))
