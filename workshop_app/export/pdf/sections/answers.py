"""Answers card by card with the notes taken on each card (an annex of the complete edition), the other notes,
the debrief (« Bilan de la séance ») and the action plan."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from reportlab.lib.units import cm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph

from workshop_app.core.deck import DELAY_LABELS, QuestionCard, QuestionDeck, StrategyDeck
from workshop_app.core.findings import target_label
from workshop_app.core.spread_words import spread_words
from workshop_app.core.state import Note
from workshop_app.core.workshop import SequenceInfo
from workshop_app.export import analysis
from workshop_app.export.french import NBSP, format_number, format_time
from workshop_app.export.pdf.deferred import Deferred
from workshop_app.export.pdf.escaping import inline, markup
from workshop_app.export.pdf.fonts import BOLD
from workshop_app.export.pdf.sections.common import (
    Context,
    _c,
    _h3,
    _p,
    _raw,
    _short,
    _signed,
    head_row,
    table,
)
from workshop_app.export.pdf.styles import FRAME_WIDTH
from workshop_app.export.report import synthesis

# -- 7. card by card -----------------------------------------------------------------------------------------


def answers_section(ctx: Context, tick: Callable[[], None]) -> list[Flowable]:
    out: list[Flowable] = [*ctx.next_annex("Réponses carte par carte")]
    out.append(
        _p(
            "Pour chaque carte, la réponse de chaque table et son argument, tels que saisis pendant "
            "l’atelier ; puis les notes prises sur la carte, sans le nom de leur auteur.",
            ctx.st.muted,
        )
    )
    for sequence in ctx.sequences:
        out += _h3(ctx.text(sequence.display_title), room=6 * cm)
        if isinstance(sequence.deck, QuestionDeck):
            out += deferred_answers(ctx, sequence, sequence.deck, tick)
        else:
            out += strategy_answers(ctx, sequence, sequence.deck)
    return out


def deferred_answers(
    ctx: Context, sequence: SequenceInfo, deck: QuestionDeck, tick: Callable[[], None]
) -> list[Flowable]:
    """:func:`question_answers` card by card, each card's flowables made when the layout reaches them
    (:mod:`..deferred`: the annex is most of the document, and its pages need not all be in memory)."""
    out: list[Flowable] = []
    for index in range(len(deck.cards)):
        tick()
        make = partial(question_answers, ctx, sequence, deck, _nothing, slice(index, index + 1))
        out.append(Deferred(make, weight=2))
    return out


def _nothing() -> None:
    pass


def question_answers(
    ctx: Context,
    sequence: SequenceInfo,
    deck: QuestionDeck,
    tick: Callable[[], None],
    cards: slice = slice(None),
) -> list[Flowable]:
    """The answers to the deck's cards (those in ``cards``, by position)."""
    st = ctx.st
    chosen = range(len(deck.cards))[cards]
    seq_state = ctx.seq_state(sequence.id)
    notes_by_card: dict[str, list[Note]] = {}
    for note in seq_state.notes:
        if note.card_id:
            notes_by_card.setdefault(note.card_id, []).append(note)
    out: list[Flowable] = []
    options = {o.id: o for o in deck.scale}
    # plain strings are much faster to lay out than Paragraphs: used when the text fits on one line
    names = {g.id: _short(ctx.text(g.name), st.cell_bold, 3.6 * cm) for g in ctx.groups}
    # the section of the cards before: a referential's section heads its first card only
    section = next((c.section for c in reversed(deck.cards[: chosen.start]) if c.section), "")
    informed = spread_words(deck).plural  # « Leviers », or « Principes » for a project, « Critères »
    for index, card in enumerate(deck.cards, start=1):
        if index - 1 not in chosen:
            continue
        tick()
        if card.section and card.section != section:  # a referential's sections head their cards
            section = card.section
            out += _h3(deck.section_title(section) or section)
        informs = f"{informed} : " + " ; ".join(target_label(deck, link.lever) for link in card.informs)
        head = [
            _raw(f"{index}. {inline(card.title)}", st.card_title),
            _raw(
                f"{markup(card.prompt)}<br/><font color='#5F6B73'>{inline(informs)}</font>",
                st.card_prompt,
            ),
        ]
        head += card_levels_paragraphs(ctx, deck, card)
        rows: list[list[object]] = [head_row(ctx, ["Table", "Réponse", "Argument"])]
        for g in ctx.groups:
            answer = seq_state.answer(g.id, card.id)
            if answer is None:
                rows.append([names[g.id], _c("sans réponse", st.muted), ""])
                continue
            option = options.get(answer.option)
            label = option.label if option else answer.option
            shown = "" if option is None or option.value is None else format_number(option.value, 2)
            value = f" ({shown})" if shown and not label.startswith(shown) else ""
            rows.append(
                [
                    names[g.id],
                    _short(label + value, st.cell, 3.7 * cm),
                    _p(ctx.text(answer.argument), st.cell),
                ]
            )
        if not ctx.groups:
            continue
        t = table(
            rows, [3.6 * cm, 3.7 * cm, FRAME_WIDTH - 7.3 * cm], extra=[("FONTNAME", (0, 1), (0, -1), BOLD)]
        )
        notes = [note_paragraph(ctx, note) for note in notes_by_card.get(card.id, [])]
        if len(rows) <= 7:  # the card, its table and its notes on one page
            out.append(KeepTogether([*head, t, *notes[:3]]))
            out += notes[3:]
        else:  # a long table may split: keep at least its head and first rows with the title
            out += [CondPageBreak(6 * cm), *head, t, *notes]
    return out


def card_levels_paragraphs(ctx: Context, deck: QuestionDeck, card: QuestionCard) -> list[Flowable]:
    """The card's own description of each level, and its source, under its prompt (when the deck has them)."""
    out: list[Flowable] = []
    levels = deck.card_levels(card)
    if levels:
        lines = "<br/>".join(
            f"<b>{inline(option.label)}</b>{NBSP}: {inline(text)}" for option, text in levels
        )
        out.append(_raw(f"<font color='#5F6B73'>Niveaux de cette carte</font><br/>{lines}", ctx.st.cell))
    if card.source:
        out.append(_raw(f"<font color='#5F6B73'>Source{NBSP}: {inline(card.source)}</font>", ctx.st.cell))
    return out


def note_paragraph(ctx: Context, note: Note) -> Paragraph:
    who = ctx.group_name(note.group_id)
    text = ctx.text(note.text).strip()  # as typed: a remark is not turned into a quotation
    meta = " · ".join(x for x in (who, format_time(note.at)) if x)
    return _raw(
        f"<font color='#2E8B7A'>▸</font> {markup(text)}"
        f"<font color='#5F6B73' size='7.5'>{NBSP}— {inline(meta)}</font>",
        ctx.st.note,
    )


def strategy_answers(ctx: Context, sequence: SequenceInfo, deck: StrategyDeck) -> list[Flowable]:
    st = ctx.st
    seq_state = ctx.seq_state(sequence.id)
    reading = ctx.readings[sequence.id]
    plays = analysis.strategy_plays(sequence, seq_state, ctx.groups, reading)
    axis_labels = {a.id: a.display for a in deck.compass.axes}
    unit = deck.strategy.budget_unit
    out: list[Flowable] = []
    for play in plays:
        status = f"{play.spent} / {play.budget}{NBSP}{unit} dépensés"
        out.append(CondPageBreak(5 * cm))
        out.append(
            _raw(
                f"{inline(ctx.text(play.group.name))} <font color='#5F6B73' size='8.5'>— {status}</font>",
                st.card_title,
            )
        )
        if not play.cards and not play.unknown:
            out.append(_p("Aucune carte retenue.", st.muted))
            continue
        rows: list[list[object]] = [head_row(ctx, ["Carte retenue", "Coût", "Délai", "Effets", "Argument"])]
        for card in play.cards:
            effects = ", ".join(
                f"{axis_labels.get(a, a)}{NBSP}{_signed(v)}" for a, v in card.effects.items() if v
            )
            rows.append(
                [
                    _c(card.title, st.cell_bold),
                    _c(str(card.cost), st.cell_center),
                    _c(DELAY_LABELS.get(card.delay, str(card.delay)), st.cell),
                    _c(effects, st.cell),
                    _p(ctx.text(play.arguments.get(card.id, "")), st.cell),
                ]
            )
        for card_id in play.unknown:
            rows.append(
                [
                    _c(card_id, st.cell_bold),
                    _c("?", st.cell_center),
                    _c("", st.cell),
                    _c("carte absente du jeu", st.muted),
                    _c("", st.cell),
                ]
            )
        out.append(table(rows, [4.4 * cm, 1.1 * cm, 2.0 * cm, 4.2 * cm, FRAME_WIDTH - 11.7 * cm]))
        if play.over:
            out.append(
                _raw(
                    f"<font color='#B5462F'><b>Budget dépassé</b> de {play.spent - play.budget}"
                    f"{NBSP}{inline(unit)}.</font>",
                    st.body_small,
                )
            )
        for violation in play.violations:
            out.append(
                _raw(
                    f"<font color='#B5462F'>Règle non respectée : {inline(violation)}.</font>", st.body_small
                )
            )
    return out


# -- 8. notes, 9. debrief, 10. action plan -------------------------------------------------------------------


def notes_section(ctx: Context) -> list[Flowable]:
    st = ctx.st
    general = list(ctx.state.notes)
    by_sequence = {s.id: [n for n in ctx.seq_state(s.id).notes if not n.card_id] for s in ctx.sequences}
    out: list[Flowable] = [*ctx.h1("Notes de séance")]
    if not general and not any(by_sequence.values()):
        return [*out, _p("Pas d'autre note que celles rattachées aux cartes.", st.muted)]
    out.append(_p("Notes prises en dehors des cartes. Les auteurs ne sont pas nommés.", st.muted))
    if general:
        out += _h3("Sur l'ensemble de l'atelier")
        out += [note_paragraph(ctx, n) for n in general]
    for sequence in ctx.sequences:
        notes = by_sequence[sequence.id]
        if notes:
            out += _h3(ctx.text(sequence.display_title))
            out += [note_paragraph(ctx, n) for n in notes]
    return out


def actions_section(ctx: Context) -> list[Flowable]:
    st = ctx.st
    out: list[Flowable] = [*ctx.h1("Engagements et plan d’action", room=6 * cm)]  # the table may split
    if not ctx.snapshot.actions:
        return [*out, _p("Aucune action n’a été inscrite au plan d’action.", st.muted)]
    from workshop_app.export.pdf.model_render import render_block  # (it imports this package)

    block = synthesis.action_table(
        ctx.snapshot, ctx.text, lambda lever: analysis.lever_label(ctx.snapshot, lever)
    )
    return out + render_block(ctx, block)
