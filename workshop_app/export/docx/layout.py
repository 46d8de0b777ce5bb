"""The Word document's frame: A4 page and margins, French language, fonts and colours of the styles, running
header and footer (« Page N / M » as fields), the table of contents field, metadata. python-docx only."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

FONT = "DejaVu Sans"  # the PDF's font; Word and LibreOffice fall back to their sans serif when absent
INK = RGBColor(0x1E, 0x2A, 0x33)
PRIMARY = RGBColor(0x1F, 0x4E, 0x6B)
MUTED = RGBColor(0x5F, 0x6B, 0x73)
LANGUAGE = "fr-FR"

MUTED_STYLE = "Atelier discret"
BOXED_STYLE = "Atelier encadré"
NOTE_STYLE = "Atelier note"
CELL_STYLE = "Atelier cellule"
CONTENT_WIDTH_CM = 17.0


def setup(document: Any) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.0)
    section.top_margin, section.bottom_margin = Cm(2.3), Cm(2.0)
    styles = document.styles
    normal = styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(10)
    normal.font.color.rgb = INK
    normal.paragraph_format.space_after = Pt(5)
    _language(document)
    for name, size, colour in (
        ("Title", 24, PRIMARY),
        ("Subtitle", 13, INK),
        ("Heading 1", 16, PRIMARY),
        ("Heading 2", 13, PRIMARY),
        ("Heading 3", 11, INK),
    ):
        style = styles[name]
        style.font.name = FONT
        style.font.size = Pt(size)
        style.font.color.rgb = colour
        style.font.bold = name != "Subtitle"
        _font_everywhere(style)
        if name.startswith("Heading"):
            style.paragraph_format.keep_with_next = True
    muted = _paragraph_style(styles, MUTED_STYLE, 8.5, MUTED)
    muted.paragraph_format.space_after = Pt(4)
    boxed = _paragraph_style(styles, BOXED_STYLE, 9.5, INK)
    _box(boxed)
    note = _paragraph_style(styles, NOTE_STYLE, 9, INK)
    note.paragraph_format.left_indent = Cm(0.4)
    cell = _paragraph_style(styles, CELL_STYLE, 8.5, INK)
    cell.paragraph_format.space_after = Pt(0)


def _paragraph_style(styles: Any, name: str, size: float, colour: RGBColor) -> Any:
    style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = styles["Normal"]
    style.font.size = Pt(size)
    style.font.color.rgb = colour
    style.quick_style = True
    return style


def _font_everywhere(style: Any) -> None:
    """Headings of the default template name a theme font: point every script at ours."""
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attribute), FONT)
    for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
        fonts.attrib.pop(qn(attribute), None)


def _language(document: Any) -> None:
    """French as the language of every run (spell check, hyphenation, screen readers)."""
    defaults = document.styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    for attribute in ("w:val", "w:eastAsia", "w:bidi"):
        lang.set(qn(attribute), LANGUAGE)
    settings = document.settings.element
    theme = settings.find(qn("w:themeFontLang"))
    if theme is not None:
        theme.set(qn("w:val"), LANGUAGE)


def _box(style: Any) -> None:
    ppr = style.element.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    for side in ("top", "left", "bottom", "right"):
        edge = OxmlElement(f"w:{side}")
        edge.set(qn("w:val"), "single")
        edge.set(qn("w:sz"), "6")
        edge.set(qn("w:space"), "4")
        edge.set(qn("w:color"), "2E8B7A")
        borders.append(edge)
    ppr.append(borders)
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), "EEF3F6")
    ppr.append(shading)


# -- fields --------------------------------------------------------------------------------------------------


def add_field(paragraph: Any, instruction: str, shown: str) -> None:
    """A Word field (PAGE, NUMPAGES, TOC…) whose last computed result is ``shown``."""
    run = paragraph.add_run()
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    begin.set(qn("w:dirty"), "true")
    run._r.append(begin)
    run = paragraph.add_run()
    code = OxmlElement("w:instrText")
    code.set(qn("xml:space"), "preserve")
    code.text = f" {instruction} "
    run._r.append(code)
    run = paragraph.add_run()
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    run._r.append(separate)
    paragraph.add_run(shown)
    run = paragraph.add_run()
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run._r.append(end)


def header_and_footer(document: Any, header: str, date: str, notice: str) -> None:
    section = document.sections[0]
    top = section.header.paragraphs[0]
    top.text = header
    top.style = document.styles[MUTED_STYLE]
    bottom = section.footer.paragraphs[0]
    bottom.style = document.styles[MUTED_STYLE]
    bottom.alignment = WD_ALIGN_PARAGRAPH.CENTER
    # no date (or no notice): no stray « · » before what is left
    bottom.add_run(" · ".join(x for x in (date.strip(), notice.strip(), "Page ") if x))
    add_field(bottom, "PAGE", "1")
    bottom.add_run(" / ")
    add_field(bottom, "NUMPAGES", "1")


def table_of_contents(document: Any, headings: Sequence[tuple[int, str]]) -> None:
    """A real TOC field over Heading 1–3; its shown result lists the headings (Word adds the page numbers
    when it updates the fields on opening; LibreOffice shows the list as it is)."""
    document.add_paragraph("Sommaire", style="TOC Heading")
    paragraph = document.add_paragraph()
    shown = "\n".join(("    " * (level - 1)) + text for level, text in headings if level <= 2)
    add_field(paragraph, 'TOC \\o "1-3" \\h \\z \\u', shown)
    settings = document.settings.element
    update = OxmlElement("w:updateFields")
    update.set(qn("w:val"), "true")
    # Word reads settings.xml in the schema's order: updateFields comes before these
    successors = ("hdrShapeDefaults", "footnotePr", "endnotePr", "compat", "docVars", "rsids")
    following = next((c for c in settings if c.tag in {qn(f"w:{n}") for n in successors}), None)
    if following is not None:
        following.addprevious(update)
    else:
        settings.append(update)
