"""Page geometry, colours and paragraph styles of the compte-rendu (one place to change the look)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm

from workshop_app.export.pdf.fonts import BOLD, ITALIC, REGULAR, register_fonts

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_LEFT = MARGIN_RIGHT = 2.0 * cm
MARGIN_TOP = 2.3 * cm
MARGIN_BOTTOM = 2.0 * cm
FRAME_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT
FRAME_HEIGHT = PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM

INK = colors.HexColor("#1E2A33")
PRIMARY = colors.HexColor("#1F4E6B")
ACCENT = colors.HexColor("#2E8B7A")
MUTED = colors.HexColor("#5F6B73")
RULE = colors.HexColor("#B8C4CC")
LIGHT = colors.HexColor("#EEF3F6")
LIGHTER = colors.HexColor("#F7F9FA")
WARN = colors.HexColor("#B5462F")
GOOD = colors.HexColor("#2E7D4F")
WHITE = colors.white


@dataclass(frozen=True)
class Styles:
    body: ParagraphStyle
    body_small: ParagraphStyle
    lead: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    h3: ParagraphStyle
    h3_free: ParagraphStyle  # an h3 not kept with what follows (above a long table that may split)
    caption_tight: ParagraphStyle  # a caption right under a chart, little space after
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    cell_head: ParagraphStyle
    cell_right: ParagraphStyle
    cell_center: ParagraphStyle
    caption: ParagraphStyle
    quote: ParagraphStyle
    note: ParagraphStyle
    boxed: ParagraphStyle
    bullet: ParagraphStyle
    cover_kicker: ParagraphStyle
    cover_title: ParagraphStyle
    cover_sub: ParagraphStyle
    cover_field: ParagraphStyle
    toc_title: ParagraphStyle
    toc1: ParagraphStyle
    toc2: ParagraphStyle
    card_title: ParagraphStyle
    card_prompt: ParagraphStyle
    muted: ParagraphStyle


@lru_cache(maxsize=1)
def styles() -> Styles:
    register_fonts()
    base = ParagraphStyle(
        "body",
        fontName=REGULAR,
        bulletFontName=REGULAR,
        fontSize=9.5,
        leading=13.2,
        textColor=INK,
        alignment=TA_LEFT,
        spaceAfter=5,
        splitLongWords=1,
        allowWidows=0,
        allowOrphans=0,
    )

    def derive(name: str, **kw: object) -> ParagraphStyle:
        return ParagraphStyle(name, parent=base, **kw)

    cell = derive("cell", fontSize=8.3, leading=10.6, spaceAfter=0)
    return Styles(
        body=base,
        body_small=derive("body_small", fontSize=8.5, leading=11.5),
        lead=derive("lead", fontSize=10.5, leading=14.5, spaceAfter=8),
        h1=derive(
            "h1",
            keepWithNext=1,
            fontName=BOLD,
            fontSize=16,
            leading=20,
            textColor=PRIMARY,
            spaceBefore=12,
            spaceAfter=10,
        ),
        h2=derive(
            "h2",
            keepWithNext=1,
            fontName=BOLD,
            fontSize=12.2,
            leading=15.5,
            textColor=PRIMARY,
            spaceBefore=12,
            spaceAfter=6,
        ),
        h3=derive(
            "h3",
            keepWithNext=1,
            fontName=BOLD,
            fontSize=10.2,
            leading=13,
            textColor=INK,
            spaceBefore=8,
            spaceAfter=4,
        ),
        h3_free=derive("h3_free", fontName=BOLD, fontSize=10.2, leading=13, textColor=INK, spaceBefore=8,
                       spaceAfter=4),
        cell=cell,
        cell_bold=ParagraphStyle("cell_bold", parent=cell, fontName=BOLD),
        cell_head=ParagraphStyle("cell_head", parent=cell, fontName=BOLD, textColor=WHITE),
        cell_right=ParagraphStyle("cell_right", parent=cell, alignment=TA_RIGHT),
        cell_center=ParagraphStyle("cell_center", parent=cell, alignment=TA_CENTER),
        caption=derive(
            "caption",
            fontName=ITALIC,
            fontSize=8,
            leading=10.5,
            textColor=MUTED,
            alignment=TA_CENTER,
            spaceBefore=2,
            spaceAfter=8,
        ),
        caption_tight=derive(
            "caption_tight", fontName=ITALIC, fontSize=8, leading=10, textColor=MUTED, alignment=TA_CENTER,
            spaceBefore=0, spaceAfter=3,
        ),
        quote=derive(
            "quote", fontName=ITALIC, fontSize=9, leading=12.4, leftIndent=10, textColor=INK, spaceAfter=4
        ),
        note=derive("note", fontSize=8.6, leading=11.6, leftIndent=10, textColor=INK, spaceAfter=3),
        boxed=derive(
            "boxed",
            fontSize=9,
            leading=12.5,
            backColor=LIGHT,
            borderColor=ACCENT,
            borderWidth=0,
            borderPadding=(7, 8, 7, 8),
            spaceBefore=8,
            spaceAfter=12,
            leftIndent=8,
            rightIndent=8,
        ),
        bullet=derive("bullet", leftIndent=14, bulletIndent=4, spaceAfter=3),
        cover_kicker=derive(
            "cover_kicker", fontName=BOLD, fontSize=10.5, leading=14, textColor=ACCENT, spaceAfter=10
        ),
        cover_title=derive(
            "cover_title", fontName=BOLD, fontSize=25, leading=30, textColor=PRIMARY, spaceAfter=10
        ),
        cover_sub=derive("cover_sub", fontSize=14, leading=19, textColor=INK, spaceAfter=20),
        cover_field=derive("cover_field", fontSize=10, leading=14, spaceAfter=0),
        toc_title=derive(
            "toc_title", fontName=BOLD, fontSize=16, leading=20, textColor=PRIMARY, spaceAfter=14
        ),
        toc1=derive("toc1", fontName=BOLD, fontSize=10, leading=13, spaceBefore=5, spaceAfter=1),
        toc2=derive("toc2", fontSize=9, leading=12, leftIndent=16, spaceAfter=0),
        card_title=derive(
            "card_title",
            keepWithNext=1,
            fontName=BOLD,
            fontSize=10,
            leading=13,
            textColor=PRIMARY,
            spaceBefore=10,
            spaceAfter=2,
        ),
        card_prompt=derive(
            "card_prompt",
            fontName=ITALIC,
            fontSize=8.8,
            leading=12,
            textColor=MUTED,
            spaceAfter=4,
        ),
        muted=derive("muted", fontSize=8.5, leading=11.5, textColor=MUTED),
    )
