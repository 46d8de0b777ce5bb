"""The compte-rendu's content as a flat list of blocks, read from the very story the PDF lays out.

The PDF sections (:mod:`workshop_app.export.pdf.sections`) compute everything from the analysis functions and
return platypus flowables; walking those flowables gives the DOCX (and the report pack's charts) the same
headings, paragraphs, tables, charts and photos, in the same order, with no second copy of the content logic.
Layout-only flowables (spacers, conditional page breaks, page templates) are dropped.

Blocks: :class:`HeadingBlock`, :class:`TextBlock` (a Paragraph: its runs and its style name),
:class:`TableBlock`, :class:`FigureBlock` (a chart, consecutive drawings stacked into one),
:class:`ImageBlock` (a photo), :class:`ContentsBlock` (where the table of contents goes) and
:class:`BreakBlock` (a page break).
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from reportlab.graphics.shapes import Drawing, String
from reportlab.platypus import Flowable, Image, PageBreak, Paragraph, Table

from workshop_app.core.workshop import WorkshopSnapshot
from workshop_app.export.figures import Figure, stack
from workshop_app.export.pdf.deferred import Deferred


@dataclass(frozen=True)
class Run:
    text: str
    bold: bool = False
    italic: bool = False
    colour: str | None = None  # "RRGGBB" when the PDF sets a colour of its own
    size: float | None = None
    line_break: bool = False  # a <br/> before this run


@dataclass(frozen=True)
class TextBlock:
    runs: tuple[Run, ...]
    style: str  # the PDF's paragraph style name (body, muted, boxed, card_title…)
    bullet: bool = False

    @property
    def text(self) -> str:
        return "".join(("\n" if r.line_break else "") + r.text for r in self.runs)


@dataclass(frozen=True)
class HeadingBlock:
    text: str
    level: int  # 1, 2 or 3


@dataclass(frozen=True)
class FigureBlock:
    figure: Figure
    width: float  # points


@dataclass(frozen=True)
class ImageBlock:
    data: bytes
    width: float  # points
    height: float


Cell = list["TextBlock | FigureBlock | ImageBlock"]


@dataclass(frozen=True)
class TableBlock:
    rows: list[list[Cell]]
    widths: list[float]  # points
    header_rows: int


@dataclass(frozen=True)
class ContentsBlock:
    pass


@dataclass(frozen=True)
class BreakBlock:
    pass


Block = HeadingBlock | TextBlock | TableBlock | FigureBlock | ImageBlock | ContentsBlock | BreakBlock

_HEADING_STYLES = {"h3": 3, "card_title": 3}
_DEFAULT_INK = {"1e2a33", "000000"}


def pdf_story(
    snapshot: WorkshopSnapshot,
    attachments: Mapping[str, bytes],
    *,
    anonymise: bool,
    edition: str = "complet",
    inclusive: bool = False,
) -> list[Flowable]:
    """The flowables of the PDF compte-rendu (nothing laid out), for the same edition and writing."""
    from workshop_app.core.errors import AtelierError
    from workshop_app.export.pdf import document, sections
    from workshop_app.export.pdf.fonts import register_fonts
    from workshop_app.export.report.text import writing

    if edition not in document.EDITIONS:
        raise AtelierError(f"Édition inconnue : « {edition} » (complet ou synthese).")
    register_fonts()
    with writing(inclusive):
        ctx = sections.Context.create(snapshot, attachments, anonymise, edition)
        return document.build_story(ctx, document._Reporter(None))  # a reporter that reports nothing


@dataclass
class _Walker:
    blocks: list[Block] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # flowables of a kind the walk does not know
    heading: str = "graphique"  # the last heading, any level
    section: str = "graphique"  # the last heading of level 1 or 2
    pending: list[Drawing] = field(default_factory=list)

    def flush(self) -> None:
        if self.pending:
            drawing = stack(self.pending)
            title = _drawing_title(self.pending[0])
            detail = title or (self.heading if self.heading != self.section else "")
            name = f"{self.section} {detail}".strip()
            self.blocks.append(FigureBlock(Figure(name, title or self.heading, drawing), drawing.width))
            self.pending = []

    def walk(self, flowables: Iterable[Any]) -> None:
        for f in flowables:
            self.one(f)

    def one(self, f: Any) -> None:
        if isinstance(f, Deferred):  # a part of the PDF story its layout makes when it gets there
            self.walk(f.expand())
            return
        if isinstance(f, Drawing):
            self.pending.append(f)
            return
        name = type(f).__name__
        if name in ("Spacer", "CondPageBreak", "NextPageTemplate", "FooterNotice"):  # (the footer: writer.py)
            return
        self.flush()
        heading = getattr(f, "heading", None)
        if heading is not None:
            self.heading = self.section = heading.text
            self.blocks.append(HeadingBlock(heading.text, heading.level + 1))
        elif name == "Contents":
            self.blocks.append(ContentsBlock())
        elif isinstance(f, PageBreak):
            self.blocks.append(BreakBlock())
        elif isinstance(f, Paragraph):
            block = text_block(f)
            level = _HEADING_STYLES.get(block.style)
            if level is not None and block.text.strip():
                title = block.text.strip()
                self.heading = title
                self.blocks.append(HeadingBlock(title, level))
            elif block.text.strip():
                self.blocks.append(block)
        elif isinstance(f, Table):
            self.blocks.append(self.table(f))
        elif isinstance(f, Image):
            image = image_block(f)
            if image is not None:
                self.blocks.append(image)
        elif isinstance(getattr(f, "_content", None), list):
            self.walk(f._content)
            self.flush()
        else:
            self.skipped.append(name)

    def table(self, t: Table) -> TableBlock:
        rows: list[list[Cell]] = []
        styles = getattr(t, "_cellStyles", None)
        for r, row in enumerate(t._cellvalues):
            cells: list[Cell] = []
            for c, value in enumerate(row):
                # a plain string is drawn in the table's font for that cell: bold when the PDF says so
                font = str(getattr(styles[r][c], "fontname", "")) if styles else ""
                if isinstance(value, str) and value and "Bold" in font:
                    cells.append([TextBlock((Run(value, bold=True),), "cell")])
                else:
                    cells.append(self.cell(value))
            rows.append(cells)
        widths = [float(w) if isinstance(w, int | float) else 0.0 for w in (t._colWidths or [])]
        return TableBlock(rows, widths, int(getattr(t, "repeatRows", 0) or 0))

    def cell(self, value: Any) -> Cell:
        if value is None:
            return []
        if isinstance(value, str):
            return [TextBlock((Run(value),), "cell")] if value else []
        inner = _Walker(heading=self.heading, section=self.section)
        inner.walk(value if isinstance(value, list | tuple) else [value])
        inner.flush()
        self.skipped += inner.skipped
        return [b for b in inner.blocks if isinstance(b, TextBlock | FigureBlock | ImageBlock)]


def _drawing_title(drawing: Drawing) -> str:
    """The bold line at the top of a chart (a small multiple's table name), if any."""
    strings = [
        item
        for item in drawing.contents
        if isinstance(item, String)
        and "Bold" in str(getattr(item, "fontName", ""))
        and getattr(item, "textAnchor", "") == "middle"
        and any(c.isalpha() for c in str(item.text))  # not a ring's « 100 »
    ]
    top = max(strings, key=lambda item: item.y, default=None)
    return str(top.text) if top is not None and top.y > drawing.height * 0.8 else ""


def text_block(paragraph: Paragraph) -> TextBlock:
    runs: list[Run] = []
    line_break = False
    for frag in getattr(paragraph, "frags", []):
        if getattr(frag, "lineBreak", False):
            line_break = True
            continue
        text = getattr(frag, "text", "")
        if not text:
            continue
        colour = _hex(getattr(frag, "textColor", None))
        size = getattr(frag, "fontSize", None)
        font = str(getattr(frag, "fontName", ""))
        runs.append(
            Run(
                text,
                "Bold" in font,  # the font decides: our family maps bold italic to bold
                "Oblique" in font or "Italic" in font,
                colour,
                float(size) if size and size != paragraph.style.fontSize else None,
                line_break,
            )
        )
        line_break = False
    return TextBlock(tuple(runs), paragraph.style.name, bool(paragraph.bulletText))


def _hex(colour: Any) -> str | None:
    if colour is None or not hasattr(colour, "hexval"):
        return None
    value = str(colour.hexval())[2:].lower()
    return None if value in _DEFAULT_INK else value


def image_block(image: Image) -> ImageBlock | None:
    source = getattr(image, "_file", None) or image.filename
    if isinstance(source, io.BytesIO):
        data = source.getvalue()
    elif isinstance(source, bytes):
        data = source
    else:
        return None
    return ImageBlock(data, float(image.drawWidth), float(image.drawHeight))


def blocks_of(story: Sequence[Flowable]) -> list[Block]:
    return walk(story).blocks


def walk(story: Sequence[Flowable]) -> _Walker:
    """The walk of the story: its blocks, and the names of the flowables it could not turn into blocks
    (the tests keep that list empty: a new kind of flowable in the PDF must get its DOCX rendering)."""
    walker = _Walker()
    walker.walk(story)
    walker.flush()
    return walker


def figures_of(blocks: Sequence[Block]) -> list[Figure]:
    """Every chart of the document, in order (those inside tables too)."""
    out: list[Figure] = []
    for block in blocks:
        if isinstance(block, FigureBlock):
            out.append(block.figure)
        elif isinstance(block, TableBlock):
            for row in block.rows:
                for cell in row:
                    out += [b.figure for b in cell if isinstance(b, FigureBlock)]
    return out


Progress = Callable[[float, str], None]
