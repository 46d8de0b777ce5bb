"""Markup parsed once per shape (export/pdf/skeleton.py): the fragments it gives are exactly those reportlab's
parser makes for the same markup, attribute by attribute, and it declines what it cannot be sure of."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from workshop_app.export.pdf.fonts import BOLD, REGULAR, register_fonts
from workshop_app.export.pdf.skeleton import Cache, fragments

NBSP = "\u00a0"


def _style() -> ParagraphStyle:
    register_fonts()
    return ParagraphStyle("t", fontName=REGULAR, fontSize=9, textColor="#202020")


def _attrs(frags: list[Any]) -> list[dict[str, Any]]:
    return [dict(vars(f)) for f in frags]


def _same_as_reportlab(markup: str, style: ParagraphStyle, cache: Cache) -> bool:
    shaped = fragments(markup, style, cache)
    if shaped is None:
        return False
    text, parsed_style, bullet, frags = shaped
    fresh = Paragraph(markup, style)
    assert (text, parsed_style, bullet) == (fresh.text, fresh.style, fresh.bulletText)
    assert _attrs(frags) == _attrs(fresh.frags)
    return True


NOTE = "<font color='#2E8B7A'>▸</font> {}<font color='#5F6B73' size='7.5'>" + NBSP + "— {}</font>"
SHAPES = [
    NOTE.format(f"Planter la cour{NBSP}!", "Table 3 · 10 h 42"),
    NOTE.format("Un autre avis, plus long", "Table 12 · 16 h 05"),
    "<b>2 — Quelques actions isolées</b>",
    "<font color='#5F6B73'>Niveaux de cette carte</font><br/><b>1</b>\u00a0: rien<br/><b>2</b>\u00a0: un peu",
    "  des   espaces\n en trop   et un saut\nde ligne ",
    "texte <i>italique</i> puis <b>gras <i>et italique</i></b> fin",
    "<font size='6.4' color='#5F6B73'>petit</font>",
    "sans balise du tout",
]


def test_the_reports_shapes_give_reportlabs_own_fragments() -> None:
    style, cache = _style(), Cache()
    for markup in SHAPES + SHAPES:  # the second time from the cached skeleton
        assert _same_as_reportlab(markup, style, cache), markup
    assert len(cache) < len(SHAPES)  # the two notes share one skeleton


@pytest.mark.parametrize(
    "markup",
    [
        "Dupont &amp; fils",  # an entity: the parser joins and converts it
        "<a href='#x'>lien</a>",  # a tag it does not know
        "un > seul",
        "",
        "<b></b>",
    ],
)
def test_what_it_cannot_be_sure_of_is_left_to_the_parser(markup: str) -> None:
    shaped = fragments(markup, _style(), Cache())
    if shaped is not None:  # only an empty run list may pass, and then as the parser makes it
        assert _attrs(shaped[3]) == _attrs(Paragraph(markup, _style()).frags)


def test_a_style_that_transforms_text_is_left_to_the_parser() -> None:
    style = ParagraphStyle("u", fontName=BOLD, fontSize=9, textTransform="uppercase")
    assert fragments("<b>titre</b>", style, Cache()) is None


_pieces = st.sampled_from(
    ["<b>", "</b>", "<i>", "</i>", "<br/>", "<font color='#5F6B73'>", "<font size='7.5'>", "</font>"]
)
_words = st.text(alphabet="aé’ « »:!?—·\u00a0\u202f \n\t0", min_size=0, max_size=12)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(_pieces, _words), max_size=10))
def test_any_well_formed_mix_gives_reportlabs_fragments(parts: list[str]) -> None:
    markup, stack = "", list[str]()
    for part in parts:  # keep the tags balanced, as our markup always is
        if part.startswith("</"):
            if not stack or stack[-1] != part[2:-1]:
                continue
            stack.pop()
        elif part.startswith("<") and part != "<br/>":
            stack.append(part[1:].split(" ")[0].rstrip(">"))
        markup += part
    markup += "".join(f"</{t}>" for t in reversed(stack))
    style, cache = _style(), Cache()
    for _ in range(2):
        shaped = fragments(markup, style, cache)
        if shaped is not None:
            assert _same_as_reportlab(markup, style, cache)
