"""Renders the blocks of the document model (:mod:`workshop_app.export.report.model`) as reportlab flowables.

Each block becomes one or a few flowables; titles are kept with what follows (``keepWithNext`` styles and
``KeepTogether`` for short blocks), tables repeat their header row when they split and never leave a single
row alone on a page (:func:`keep_rows`).
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.units import cm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from workshop_app.export.pdf import charts, legends
from workshop_app.export.pdf.escaping import inline, markup
from workshop_app.export.pdf.fonts import REGULAR
from workshop_app.export.pdf.sections.common import Context, _c, _p, head_row, table
from workshop_app.export.pdf.styles import FRAME_WIDTH, GOOD, WARN
from workshop_app.export.report.model import (
    BarChart,
    Block,
    Bullets,
    Findings,
    Para,
    RadarChart,
    Section,
    TableBlock,
)

ORPHAN_ROWS = 2  # a split table keeps at least this many rows on each side of the page break


def render_section(ctx: Context, section: Section, room: float | None = None) -> list[Flowable]:
    """A section's title (a level-1 heading, numbered or not; a new page when less than ``room`` is left)
    then its blocks and sub-sections."""
    out: list[Flowable] = []
    if section.level == 1 and section.numbered:
        out += ctx.h1(section.title) if room is None else ctx.h1(section.title, room=room)
    elif section.level == 1:
        out += ctx.h1_plain(section.title)
    else:
        out += ctx.h2_block(section.title) if section.numbered else [ctx.h2(section.title, numbered=False)]
    for block in section.blocks:
        out += render_block(ctx, block)
    for sub in section.subsections:
        out += render_section(ctx, sub)
    return out


def render_block(ctx: Context, block: Block) -> list[Flowable]:
    st = ctx.st
    if isinstance(block, Para):
        style = {"body": st.body, "lead": st.lead, "muted": st.muted, "caption": st.caption,
                 "boxed": st.boxed}[block.style]
        text = markup(block.text)
        if block.title:
            text = f"<b>{inline(block.title)}</b> {text}"
        return [Paragraph(text, style)]
    if isinstance(block, Bullets):
        items = [Paragraph(markup(item), st.bullet, bulletText="•") for item in block.items if item.strip()]
        if block.title:
            return [KeepTogether([Paragraph(inline(block.title), st.h3), *items[:2]]), *items[2:]]
        return items
    if isinstance(block, Findings):
        return findings(ctx, block)
    if isinstance(block, TableBlock):
        return table_block(ctx, block)
    if isinstance(block, RadarChart):
        return radar(ctx, block)
    if isinstance(block, BarChart):
        return bar_chart(ctx, block)
    raise TypeError(f"unknown block {type(block).__name__}")


def findings(ctx: Context, block: Findings) -> list[Flowable]:
    st = ctx.st
    half = FRAME_WIDTH / 2

    def cells(lines: Sequence[object]) -> list[Flowable]:
        out: list[Flowable] = []
        for line in lines:
            text = markup(line.text)  # type: ignore[attr-defined]
            note = line.note  # type: ignore[attr-defined]
            if note:
                text += f" <font color='#5F6B73' size='7.5'>({inline(note)})</font>"
            out.append(Paragraph(text, st.bullet, bulletText="•"))
        return out or [_p("—", st.muted)]

    rows: list[list[object]] = [[_c(block.left_title, st.cell_head), _c(block.right_title, st.cell_head)]]
    left, right = cells(block.strengths), cells(block.vulnerabilities)
    for i in range(max(len(left), len(right))):
        rows.append([left[i] if i < len(left) else "", right[i] if i < len(right) else ""])
    t = Table(rows, colWidths=[half - 3, half - 3], hAlign="LEFT", splitInRow=1, repeatRows=1)
    t.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), REGULAR, 9),
        ("BACKGROUND", (0, 0), (0, 0), GOOD),
        ("BACKGROUND", (1, 0), (1, 0), WARN),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, -1), (0, -1), 0.6, GOOD),
        ("LINEBELOW", (1, -1), (1, -1), 0.6, WARN),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]))
    out: list[Flowable] = [keep_rows(t, len(rows))]
    if block.caption:
        out.append(_p(block.caption, st.muted))
    return [KeepTogether(out)] if len(rows) <= 8 else out


def table_block(ctx: Context, block: TableBlock) -> list[Flowable]:
    st = ctx.st
    styles = {"l": st.cell, "c": st.cell_center, "r": st.cell_right}
    align = block.align.ljust(len(block.header), "l")
    rows: list[list[object]] = [head_row(ctx, list(block.header))]
    for row in block.rows:
        rows.append([_p(cell, styles.get(align[i], st.cell)) for i, cell in enumerate(row)])
    t = keep_rows(table(rows, [w * FRAME_WIDTH for w in block.widths]), len(rows))
    head: list[Flowable] = [Paragraph(inline(block.title), st.h3)] if block.title else []
    if len(rows) <= 8:
        return [KeepTogether([*head, t])]
    # a long table starts where it is, its first rows with its title (keepWithNext would move the whole
    # table to the next page): the title is not kept with it, room for the first rows is asked instead
    title = [Paragraph(inline(block.title), st.h3_free)] if block.title else []
    return [CondPageBreak(4 * cm), Spacer(1, 0.1), *title, t]


def keep_rows(t: Table, count: int) -> Table:
    """Never a single row alone at the top or the bottom of a page when the table splits (reportlab splits
    between any two rows): the first and last ``ORPHAN_ROWS`` rows are tied to their neighbours."""
    if count > 2 * ORPHAN_ROWS + 1:
        commands = [("NOSPLIT", (0, 0), (-1, ORPHAN_ROWS)), ("NOSPLIT", (0, -ORPHAN_ROWS), (-1, -1))]
        t.setStyle(TableStyle(commands))
    else:
        t.setStyle(TableStyle([("NOSPLIT", (0, 0), (-1, -1))]))
    return t


def radar(ctx: Context, block: RadarChart) -> list[Flowable]:
    series = [
        charts.Series(
            s.name, s.colour, list(s.values), fill=s.room, width=2.2 if s.room else 1.0,
            marker=charts.MARKERS[i % len(charts.MARKERS)],
            dash=None if s.room else charts.DASHES[i % len(charts.DASHES)],
            values_printed=s.room,
        )
        for i, s in enumerate(block.series)
    ]
    drawing = charts.radar(list(block.axes), series, width=FRAME_WIDTH, height=block.height_cm * cm,
                           font_size=8, label_width=120, middle=block.middle)
    out: list[Flowable] = [drawing]
    if len(block.series) > 1:
        out += [Spacer(1, 4), legends.series_legend(series, width=FRAME_WIDTH)]
    if block.caption:
        out.append(_p(block.caption, ctx.st.caption_tight))
    return [KeepTogether(out)]


def bar_chart(ctx: Context, block: BarChart) -> list[Flowable]:
    rows = [charts.BarRow(b.label, b.colour, b.value, marks=b.marks, note=b.group) for b in block.bars]
    out: list[Flowable] = [charts.bars(rows, width=FRAME_WIDTH, label_width=215, note_width=118,
                                       note_title="principe")]
    if block.caption:
        out.append(_p(block.caption, ctx.st.caption))
    return [KeepTogether(out)]
