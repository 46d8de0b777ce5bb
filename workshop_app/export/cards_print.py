"""Printed cards, for the tables and for the paper fallback when the projector fails (``atelier deck print``).

A4 sheets cut into A5 halves (two cards a sheet) or A6 quarters (four). Each sheet of fronts is followed by
the sheet of their backs, laid out for printing on both sides (flip on the long edge: in the A6 grid the two
columns swap on the back). Front: the deck, the card's number, section and theme, its title and its scenario.
Back: the scale with the card's own description of each level (or, for a strategy card, its cost, delay and
effects), then the facilitator's help and the card's source. Notes for deck authors are never printed. A long
text is shrunk to fit its card, never cut.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Frame, KeepInFrame, Paragraph, Spacer, Table, TableStyle

from workshop_app.core.atomic import write_bytes_atomic
from workshop_app.core.deck import DELAY_LABELS, QuestionCard, QuestionDeck, StrategyCard, StrategyDeck
from workshop_app.core.deck_loader import AnyDeck
from workshop_app.core.deck_synergy import synergies_of
from workshop_app.core.synergy_text import effects_words
from workshop_app.export.pdf.escaping import inline, markup
from workshop_app.export.pdf.fonts import BOLD, REGULAR, register_fonts

PAGE_W, PAGE_H = A4
MARGIN = 9 * mm
INK = colors.HexColor("#1F2A30")
MUTED = colors.HexColor("#5F6B73")
ACCENT = colors.HexColor("#2E5E7E")


def _styles(scale: float) -> dict[str, ParagraphStyle]:
    def style(
        name: str, size: float, font: str = REGULAR, colour: colors.Color = INK, **kw: object
    ) -> ParagraphStyle:
        return ParagraphStyle(
            name, fontName=font, fontSize=size * scale, leading=size * scale * 1.25, textColor=colour, **kw
        )

    return {
        "meta": style("meta", 8, colour=MUTED),
        "title": style("title", 17, BOLD, spaceAfter=6),
        "prompt": style("prompt", 12),
        "head": style("head", 9.5, BOLD, colour=ACCENT, spaceBefore=4, spaceAfter=2),
        "level": style("level", 9),
        "body": style("body", 9),
        "small": style("small", 7.5, colour=MUTED),
        "center": style("center", 9, colour=MUTED, alignment=TA_CENTER),
    }


def cells(layout: str) -> list[tuple[float, float, float, float]]:
    """The card rectangles (x, y, width, height) of one A4 page, in reading order."""
    if layout == "a6":
        w, h = PAGE_W / 2, PAGE_H / 2
        return [(0, h, w, h), (w, h, w, h), (0, 0, w, h), (w, 0, w, h)]
    w, h = PAGE_W, PAGE_H / 2
    return [(0, h, w, h), (0, 0, w, h)]


def _mirrored(layout: str) -> list[int]:
    """Which front cell each back cell faces once the sheet is flipped on its long edge."""
    return [1, 0, 3, 2] if layout == "a6" else [0, 1]


def print_cards(deck: AnyDeck, target: Path, layout: str = "a5") -> int:
    """Writes the PDF atomically; returns its number of pages."""
    register_fonts()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, invariant=1)
    canvas.setTitle(f"Cartes — {deck.title}")
    canvas.setAuthor(deck.authors or "Atelier Résilience")
    rects = cells(layout)
    big = layout == "a5"  # an A5 card is read from across the table: larger type
    per_page = len(rects)
    pages = 0
    for start in range(0, len(deck.cards), per_page):
        every: list[QuestionCard | StrategyCard] = [*deck.cards]
        batch = every[start : start + per_page]
        for side in ("front", "back"):
            _cut_marks(canvas, layout)
            for slot, card in enumerate(batch):
                index = start + slot
                rect = rects[slot] if side == "front" else rects[_mirrored(layout)[slot]]
                flow = _front(deck, card, index, big) if side == "front" else _back(deck, card, big)
                _draw(canvas, rect, flow)
            canvas.showPage()
            pages += 1
    canvas.save()
    write_bytes_atomic(target, buffer.getvalue())
    return pages


def _draw(canvas: Canvas, rect: tuple[float, float, float, float], flow: list[Flowable]) -> None:
    x, y, w, h = rect
    inner_w, inner_h = w - 2 * MARGIN, h - 2 * MARGIN
    frame = Frame(x + MARGIN, y + MARGIN, inner_w, inner_h, 0, 0, 0, 0, showBoundary=0)
    frame.addFromList([KeepInFrame(inner_w, inner_h, flow, mode="shrink")], canvas)


def _cut_marks(canvas: Canvas, layout: str) -> None:
    canvas.saveState()
    canvas.setStrokeColor(colors.HexColor("#B8C2C8"))
    canvas.setDash(3, 3)
    canvas.setLineWidth(0.4)
    canvas.line(0, PAGE_H / 2, PAGE_W, PAGE_H / 2)
    if layout == "a6":
        canvas.line(PAGE_W / 2, 0, PAGE_W / 2, PAGE_H)
    canvas.restoreState()


def _front(deck: AnyDeck, card: QuestionCard | StrategyCard, index: int, big: bool) -> list[Flowable]:
    st = _styles(1.45 if big else 1.0)
    where = [f"Carte {index + 1} / {len(deck.cards)}"]
    if card.section:
        where.append(deck.section_title(card.section) or card.section)
    if card.theme:
        where.append(card.theme)
    return [
        Paragraph(f"{inline(deck.title)}<br/>{inline(' · '.join(where))}", st["meta"]),
        Spacer(1, 6 * mm),
        Paragraph(inline(card.title), st["title"]),
        Paragraph(markup(card.prompt), st["prompt"]),
    ]


def _back(deck: AnyDeck, card: QuestionCard | StrategyCard, big: bool) -> list[Flowable]:
    st = _styles(1.15 if big else 1.0)
    out: list[Flowable] = [Paragraph(f"{inline(card.title)} — verso", st["meta"])]
    if isinstance(deck, QuestionDeck) and isinstance(card, QuestionCard):
        out += [Paragraph("Échelle de réponse", st["head"]), _scale_table(deck, card, st)]
    elif isinstance(deck, StrategyDeck) and isinstance(card, StrategyCard):
        out += _strategy_facts(deck, card, st)
    if card.help:
        out += [Paragraph("Aide pour l’animateur", st["head"]), Paragraph(markup(card.help), st["body"])]
    if card.source:
        out += [Spacer(1, 2 * mm), Paragraph(f"Source : {inline(card.source)}", st["small"])]
    return out


def _scale_table(deck: QuestionDeck, card: QuestionCard, st: dict[str, ParagraphStyle]) -> Table:
    rows: list[Sequence[object]] = []
    for option in deck.scale:
        text = card.levels.get(option.id) or option.description
        rows.append(
            [Paragraph(f"<b>{inline(option.label)}</b>", st["level"]), Paragraph(inline(text), st["level"])]
        )
    table = Table(rows, colWidths=["32%", "68%"])
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -2), 0.3, colors.HexColor("#D5DCE0")),
                ("LEFTPADDING", (0, 0), (-1, -1), 2),
                ("RIGHTPADDING", (0, 0), (-1, -1), 2),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    return table


def _strategy_facts(deck: StrategyDeck, card: StrategyCard, st: dict[str, ParagraphStyle]) -> list[Flowable]:
    axes = {a.id: a.display for a in deck.compass.axes}
    effects = " · ".join(
        f"{inline(axes.get(a, a))} {'+' if v > 0 else '−'}{abs(v)}" for a, v in card.effects.items() if v
    )
    facts = [
        f"<b>Coût</b> : {card.cost} {inline(deck.strategy.budget_unit)}",
        f"<b>Délai</b> : {DELAY_LABELS[card.delay]}",
        f"<b>Entretien</b> : {card.maintenance} / 3",
        f"<b>Effets</b> : {effects or 'aucun'}",
    ]
    titles = {c.id: c.title for c in deck.cards}
    for field, label in (("requires", "Demande aussi"), ("excludes", "Incompatible avec")):
        others = getattr(card, field)
        if others:
            facts.append(f"<b>{label}</b> : " + ", ".join(inline(titles.get(o, o)) for o in others))
    for synergy in synergies_of(deck.synergies, card.id):  # what the pair adds, and why, for the table
        other = titles.get(synergy.other(card.id), synergy.other(card.id))
        facts.append(
            f"<b>Renforcée avec</b> « {inline(other)} » : {inline(effects_words(deck, synergy.effects))}. "
            f"{inline(synergy.reason)}"
        )
    return [Paragraph("La carte", st["head"]), *(Paragraph(f, st["body"]) for f in facts)]
