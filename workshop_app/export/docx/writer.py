"""The compte-rendu as an editable Word document (python-docx), from the blocks of :mod:`.story`.

Headings use Word's own « Heading 1/2/3 » styles (so Word's table of contents and navigation pane work),
tables are real tables with a repeated header row, charts are 300 dpi PNG pictures, and every text is plain
editable text in named styles. Written atomically.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

from workshop_app.core.atomic import write_bytes_atomic
from workshop_app.core.workshop import WorkshopSnapshot
from workshop_app.export import figures, stable_zip
from workshop_app.export.docx import layout
from workshop_app.export.docx.story import (
    Block,
    BreakBlock,
    ContentsBlock,
    FigureBlock,
    HeadingBlock,
    ImageBlock,
    TableBlock,
    TextBlock,
    blocks_of,
    pdf_story,
)
from workshop_app.export.docx.widths import fitted, narrow_margins

Progress = Callable[[float, str], None]

_STYLES = {
    "cover_kicker": "Subtitle",
    "cover_title": "Title",
    "cover_sub": "Subtitle",
    "muted": layout.MUTED_STYLE,
    "caption": layout.MUTED_STYLE,
    "body_small": layout.MUTED_STYLE,
    "boxed": layout.BOXED_STYLE,
    "quote": "Quote",
    "note": layout.NOTE_STYLE,
    "toc_title": "TOC Heading",
}
_POINTS_PER_CM = 72 / 2.54


class _Writer:
    def __init__(
        self,
        document: Any,
        blocks: Sequence[Block],
        progress: Progress | None,
        pictures: dict[int, bytes],
    ) -> None:
        self.doc = document
        self.pictures = pictures
        self.blocks = blocks
        self.progress = progress
        self.figures = 0
        self.total_figures = max(1, sum(1 for _ in _all_figures(blocks)))
        # python-docx looks a style up by name through every style of the document: once per name here
        self.style_ids = {style.name: style.style_id for style in document.styles}

    def write(self) -> None:
        headings = [(b.level, b.text) for b in self.blocks if isinstance(b, HeadingBlock)]
        after_heading = False
        for index, block in enumerate(self.blocks):
            following = self.blocks[index + 1] if index + 1 < len(self.blocks) else None
            # a heading's short introduction stays with the chart or table it introduces, a picture with
            # its caption (Word's « keep with next », which LibreOffice honours too)
            keep = (after_heading and isinstance(block, TextBlock)) or (
                isinstance(block, FigureBlock | ImageBlock) and isinstance(following, TextBlock)
            )
            after_heading = isinstance(block, HeadingBlock)
            last: Any = None
            if isinstance(block, HeadingBlock):
                self.doc.add_heading(block.text, level=block.level)
            elif isinstance(block, ContentsBlock):
                layout.table_of_contents(self.doc, headings)
            elif isinstance(block, BreakBlock):
                self.doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
            elif isinstance(block, TextBlock):
                if block.style == "toc_title":  # the contents writes its own title
                    continue
                last = self.text(self.doc, block)
            elif isinstance(block, TableBlock):
                self.table(block)
            elif isinstance(block, FigureBlock):
                last = self.doc.add_paragraph()
                self.picture(last, block.figure.drawing, block.width, block.figure.title)
            elif isinstance(block, ImageBlock):
                width = Pt(min(block.width, layout.CONTENT_WIDTH_CM * _POINTS_PER_CM))
                last = self.doc.add_paragraph()
                last.add_run().add_picture(io.BytesIO(block.data), width=width)
            if keep and last is not None:
                last.paragraph_format.keep_with_next = True

    # -- paragraphs ---------------------------------------------------------------------------------------

    def text(self, container: Any, block: TextBlock, style: str | None = None) -> Any:
        if style is None:
            style = "List Bullet" if block.bullet else _STYLES.get(block.style, "Normal")
        paragraph = container.add_paragraph()
        paragraph._p.style = self.style_ids[style]
        for run in block.runs:
            if run.line_break:
                paragraph.add_run().add_break()
            r = paragraph.add_run(run.text)
            if run.bold:
                r.bold = True
            if run.italic:
                r.italic = True
            if run.colour and run.colour != "ffffff":
                r.font.color.rgb = RGBColor.from_string(run.colour.upper())
            if run.size:
                r.font.size = Pt(run.size)
        return paragraph

    # -- tables -------------------------------------------------------------------------------------------

    def table(self, block: TableBlock) -> None:
        columns = max((len(r) for r in block.rows), default=0)
        if not columns:
            return
        table = self.doc.add_table(rows=0, cols=columns)
        table.style = "Table Grid"
        table.alignment = WD_TABLE_ALIGNMENT.LEFT
        narrow_margins(table)
        total = sum(block.widths) or 1.0
        room = min(total, layout.CONTENT_WIDTH_CM * _POINTS_PER_CM)
        fitting = len(block.widths) == columns
        fit = fitted(block.widths, block.rows, room, block.header_rows) if fitting else []
        widths = [Pt(w) for w in fit]
        if widths:
            table.autofit = False
            for column, width in zip(table.columns, widths, strict=True):
                column.width = width
        for index, row in enumerate(block.rows):
            cells = table.add_row().cells
            header = index < block.header_rows
            if header:
                _repeat_header(table.rows[index])
            for column, content in enumerate(row):
                cell = cells[column]
                if widths:
                    cell.width = widths[column]
                cell.paragraphs[0]._p.getparent().remove(cell.paragraphs[0]._p)
                for item in content:
                    if isinstance(item, TextBlock):
                        paragraph = self.text(cell, item, layout.CELL_STYLE)
                        if header:
                            for run in paragraph.runs:
                                run.bold = True
                                run.font.color.rgb = layout.INK
                    elif isinstance(item, FigureBlock):
                        room = float(widths[column].pt) - 16 if widths else item.width
                        paragraph = cell.add_paragraph()
                        self.picture(paragraph, item.figure.drawing, min(item.width, room), item.figure.title)
                    else:
                        cell.add_paragraph().add_run().add_picture(
                            io.BytesIO(item.data), width=Pt(min(item.width, 200))
                        )
                if not cell.paragraphs:
                    cell.add_paragraph(style=layout.CELL_STYLE)
                if header:
                    _shade(cell, "DCE6EC")
        self.doc.add_paragraph(style=layout.CELL_STYLE)

    # -- pictures -----------------------------------------------------------------------------------------

    def picture(self, paragraph: Any, drawing: Any, width: float, title: str) -> None:
        width = min(width, layout.CONTENT_WIDTH_CM * _POINTS_PER_CM)
        png = self.pictures.get(id(drawing))
        if png is None:
            png = self.pictures[id(drawing)] = figures.png_bytes(drawing)
        shape = paragraph.add_run().add_picture(io.BytesIO(png), width=Pt(width))
        shape._inline.docPr.set("descr", f"Graphique : {title}")  # what a screen reader says
        self.figures += 1
        if self.progress is not None:
            self.progress(0.2 + 0.7 * self.figures / self.total_figures, "Graphiques")


def _all_figures(blocks: Sequence[Block]) -> list[FigureBlock]:
    out: list[FigureBlock] = []
    for block in blocks:
        if isinstance(block, FigureBlock):
            out.append(block)
        elif isinstance(block, TableBlock):
            out += [i for row in block.rows for cell in row for i in cell if isinstance(i, FigureBlock)]
    return out


def _repeat_header(row: Any) -> None:
    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


def _shade(cell: Any, fill: str) -> None:
    properties = cell._tc.get_or_add_tcPr()
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    properties.append(shading)


def render_docx(
    snapshot: WorkshopSnapshot,
    attachments: Mapping[str, bytes],
    *,
    anonymise: bool = False,
    progress: Progress | None = None,
    blocks: Sequence[Block] | None = None,
    pictures: dict[int, bytes] | None = None,
    edition: str = "complet",
    inclusive: bool = False,
) -> bytes:
    """The compte-rendu as DOCX bytes: the PDF's content (see :mod:`.story`), editable. ``blocks``: the
    document's blocks when the caller already has them, ``pictures`` collects the charts' PNG by
    ``id(drawing)`` (the report pack reuses both)."""
    from workshop_app.export.anonymise import ANONYMOUS_AUTHOR, Anonymiser
    from workshop_app.export.french import format_date
    from workshop_app.export.report.kinds import footer_notice

    if progress is not None:
        progress(0.0, "Préparation du document")
    if blocks is None:
        story = pdf_story(snapshot, attachments, anonymise=anonymise, edition=edition, inclusive=inclusive)
        blocks = blocks_of(story)
    if progress is not None:
        progress(0.2, "Mise en forme")
    document = Document()
    layout.setup(document)
    anonymiser = Anonymiser(snapshot.participants, anonymise, snapshot.info.facilitators)
    info = snapshot.info
    title = anonymiser.text(info.title)
    territory = info.territory if info.territory.casefold() not in title.casefold() else ""
    header = " — ".join(x for x in (title, territory) if x.strip())
    played = [s.deck for s in sorted(snapshot.sequences, key=lambda s: s.position)]
    notice = footer_notice(played, len(snapshot.groups))
    layout.header_and_footer(document, header, format_date(info.date), notice)
    _Writer(document, blocks, progress, {} if pictures is None else pictures).write()
    properties = document.core_properties
    properties.title = f"Compte-rendu — {title}"[:250]
    properties.subject = f"Atelier résilience territoriale — {info.territory}"[:250]
    properties.author = ANONYMOUS_AUTHOR if anonymise else info.facilitators[:250]
    properties.last_modified_by = ""
    properties.comments = ""
    properties.keywords = ""
    properties.category = "Compte-rendu d’atelier"
    properties.language = layout.LANGUAGE
    properties.revision = 1
    stamp = datetime(info.date.year, info.date.month, info.date.day, tzinfo=UTC) if info.date else None
    properties.created = stamp or datetime(2000, 1, 1, tzinfo=UTC)
    properties.modified = properties.created
    buffer = io.BytesIO()
    document.save(buffer)
    if progress is not None:
        progress(1.0, "Document prêt")
    return stable_zip.restamp(buffer.getvalue())


def build_docx(
    snapshot: WorkshopSnapshot,
    attachments: Mapping[str, bytes],
    target: Path,
    *,
    anonymise: bool = False,
    progress: Progress | None = None,
    edition: str = "complet",
    inclusive: bool = False,
) -> None:
    """Write the editable compte-rendu (DOCX) of ``snapshot`` to ``target``, atomically: the same edition
    (« complet » or « synthese ») and writing as the PDF would have. No Qt."""
    data = render_docx(
        snapshot, attachments, anonymise=anonymise, progress=progress, edition=edition, inclusive=inclusive
    )
    write_bytes_atomic(Path(target), data)


__all__ = ["build_docx", "render_docx"]
