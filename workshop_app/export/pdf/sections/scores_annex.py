"""The annex of scores per table: per principle and lever for a questions deck (per principle or criterion
for a deck without levers), per axis for a strategy, and each strategy at two horizons; the groups' columns
split into tables of at most six (:func:`.results._group_chunks`). Made when the layout reaches them.

A deck read on its own scale (a project rated −2…+2, a grid 0…3: ``reading: echelle``) is written on it, as
the body writes it (:func:`workshop_app.core.spread_words.spread_words`): « −1,5 », never « 13 » on 100."""

from __future__ import annotations

from functools import partial

from reportlab.lib.units import cm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Spacer

from workshop_app.core import findings
from workshop_app.core.deck import QuestionDeck
from workshop_app.core.scoring import CompassReading, Score
from workshop_app.core.spread_words import SpreadWords, spread_words
from workshop_app.core.workshop import SequenceInfo
from workshop_app.export.french import NBSP, format_percent
from workshop_app.export.pdf.deferred import Deferred
from workshop_app.export.pdf.escaping import inline
from workshop_app.export.pdf.fonts import BOLD
from workshop_app.export.pdf.parsed import paragraph
from workshop_app.export.pdf.sections.common import Context, _c, _p, head_row, table
from workshop_app.export.pdf.sections.results import (
    _group_axis,
    _group_chunks,
    _group_lever,
    _mean_cell,
    _score_text,
    strategy_table,
)
from workshop_app.export.pdf.styles import LIGHT

SPREAD_NOTE = (
    "Sous chaque moyenne, en petit : l’écart, du plus bas au plus haut des scores qu’elle résume (pour la "
    "salle, les scores des tables ; pour le principe d’une table, ceux de ses leviers)."
)
SPREAD_NOTE_AXES = (  # no deck with levers: a table's row is one answer, its spread is the room's only
    "Sous chaque moyenne de la salle, en petit : l’écart, du plus bas au plus haut des scores des tables."
)


def scale_note(deck: QuestionDeck) -> str:
    """« Cotes sur l’échelle du jeu, de −2 à +2 » for a deck read on its own scale; "" for one on 100."""
    words = spread_words(deck)
    if not words.on_scale:
        return ""
    low, high = (words.value(p) for p in (0.0, 100.0))
    what = "Cotes" if words.low < 0 else "Notes"
    return f"{what} sur l’échelle du jeu, de {low} à {high}{' ; 0 = neutre' if words.low < 0 else ''}."


def scores_annex(ctx: Context) -> list[Flowable]:
    """The tables of scores per principle and lever, and per axis for a strategy (complete edition)."""
    if not ctx.groups:
        return []
    out: list[Flowable] = []
    own = {s.id: scale_note(s.deck) if isinstance(s.deck, QuestionDeck) else "" for s in ctx.sequences}
    uniform = len(set(own.values())) == 1  # every sequence on 100, or all on one scale of their own
    for index, sequence in enumerate(ctx.sequences):
        head: list[Flowable] = []
        if index == 0:
            levers = any(a.levers for s in ctx.sequences for a in s.deck.compass.axes)
            spread = SPREAD_NOTE if levers else SPREAD_NOTE_AXES
            if uniform and own[sequence.id]:
                unit = own[sequence.id][:-1]  # every deck on the same scale of its own
            elif not uniform:
                unit = "Scores sur 100, sauf pour un jeu noté sur son échelle (indiquée sous son titre)"
            else:
                unit = "Scores sur 100"
            note = _p(f"{unit} ; « — » : non renseigné. {spread}", ctx.st.muted)
            head += [*ctx.next_annex("Scores par table"), note]
        if len(ctx.sequences) > 1:  # (not glued to the table: it starts where it is and may split)
            title = Paragraph(inline(ctx.text(sequence.display_title)), ctx.st.h3_free)
            head += [CondPageBreak(5 * cm), title]
            if own[sequence.id] and not uniform:
                head.append(_p(own[sequence.id], ctx.st.muted))
        # the tables made when the layout reaches them (no heading inside: the contents know them all)
        out += [*head, Deferred(partial(_sequence_scores, ctx, sequence), weight=3)]
    return out


def _sequence_scores(ctx: Context, sequence: SequenceInfo) -> list[Flowable]:
    if isinstance(sequence.deck, QuestionDeck):
        return lever_table(ctx, sequence.deck, ctx.readings[sequence.id])
    from workshop_app.export.pdf.sections.horizon import horizon_results

    body = strategy_table(ctx, sequence.deck, ctx.readings[sequence.id])
    return body + horizon_results(ctx, sequence, sequence.deck)  # by 2030 and by 2050, side by side


def _rows_title(deck: QuestionDeck) -> str:
    """« Principe / levier » for the Boussole's levers; a project's « Principe », a grid's « Critère »."""
    return "Principe / levier" if any(a.levers for a in deck.compass.axes) else spread_words(deck).column


def _value(words: SpreadWords, score: Score | None) -> str:
    """A score as the body writes it: « 63 » on 100, « −1,5 » on the deck's own scale; « — » unknown."""
    if not words.on_scale or score is None or score.score is None:
        return _score_text(score)
    return words.value(score.score)


def _scaled_mean(words: SpreadWords, score: Score | None, style: object) -> Paragraph:
    """:func:`.results._mean_cell` on the deck's own scale: the mean, and under it the spread
    (« −2 – +1 »)."""
    if not words.on_scale:
        return _mean_cell(score, style)
    text = _value(words, score)
    if score is not None and score.score is not None and score.low is not None and score.high is not None:
        spread = f"{words.value(score.low)}{NBSP}–{NBSP}{words.value(score.high)}"
        text += f"<br/><font size='6.4' color='#5F6B73'>{inline(spread)}</font>"
    return paragraph("mean", text, style, str)


def lever_table(ctx: Context, deck: QuestionDeck, reading: CompassReading) -> list[Flowable]:
    st = ctx.st
    words = spread_words(deck)
    mean = partial(_scaled_mean, words)
    out: list[Flowable] = []
    for groups, cols in _group_chunks(ctx, 2):
        rows: list[list[object]] = [head_row(ctx, [_rows_title(deck), "Salle", *cols.labels, "Réponses"])]
        extra: list[tuple[object, ...]] = []
        for axis in deck.compass.axes:
            star = ""
            r = len(rows)
            rows.append(
                [
                    _c(f"{axis.label}{star}", st.cell_bold),
                    mean(reading.room.axes.get(axis.id), st.cell_bold),
                ]
                + [mean(_group_axis(reading, g.id, axis.id), st.cell_center) for g in groups]
                + [_c(format_percent(reading.room.axes[axis.id].coverage), st.cell_right)]
            )
            extra.append(("BACKGROUND", (0, r), (-1, r), LIGHT))
            for lever in axis.levers:
                room = reading.room.levers.get(lever.id)
                rows.append(
                    [
                        _c(findings.target_label(deck, lever.id), st.cell),
                        mean(room, st.cell_center),
                    ]
                    + [
                        _c(_value(words, _group_lever(reading, g.id, lever.id)), st.cell_center)
                        for g in groups
                    ]
                    + [_c(format_percent(room.coverage) if room else "—", st.cell_right)]
                )
        answers = max(cols.column_width + 0.4 * cm, stringWidth("Réponses", BOLD, st.cell_head.fontSize) + 10)
        widths = [cols.label_width + cols.column_width - answers] + [cols.column_width] * (len(groups) + 1)
        widths.append(answers)  # « Réponses » on one line, whatever the tables' columns
        out.append(table(rows, widths, zebra=False, extra=extra))
        if cols.key is not None:
            out.append(cols.key)
        out.append(Spacer(1, 6))
    return out
