"""The annex of scores per table: per principle and lever for a questions deck (per principle or criterion
for a deck without levers), per axis for a strategy, and each strategy at two horizons; the groups' columns
split into tables of at most six (:func:`.results._group_chunks`). Made when the layout reaches them."""

from __future__ import annotations

from functools import partial

from reportlab.lib.units import cm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Spacer

from workshop_app.core import findings
from workshop_app.core.deck import QuestionDeck
from workshop_app.core.scoring import CompassReading
from workshop_app.core.spread_words import spread_words
from workshop_app.core.workshop import SequenceInfo
from workshop_app.export.french import format_percent
from workshop_app.export.pdf.deferred import Deferred
from workshop_app.export.pdf.escaping import inline
from workshop_app.export.pdf.fonts import BOLD
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



def scores_annex(ctx: Context) -> list[Flowable]:
    """The tables of scores per principle and lever, and per axis for a strategy (complete edition)."""
    if not ctx.groups:
        return []
    out: list[Flowable] = []
    for index, sequence in enumerate(ctx.sequences):
        head: list[Flowable] = []
        if index == 0:
            levers = any(a.levers for s in ctx.sequences for a in s.deck.compass.axes)
            spread = SPREAD_NOTE if levers else SPREAD_NOTE_AXES
            note = _p(f"Scores sur 100 ; « — » : non renseigné. {spread}", ctx.st.muted)
            head += [*ctx.next_annex("Scores par table"), note]
        if len(ctx.sequences) > 1:  # (not glued to the table: it starts where it is and may split)
            title = Paragraph(inline(ctx.text(sequence.display_title)), ctx.st.h3_free)
            head += [CondPageBreak(5 * cm), title]
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


def lever_table(ctx: Context, deck: QuestionDeck, reading: CompassReading) -> list[Flowable]:
    st = ctx.st
    out: list[Flowable] = []
    for groups, cols in _group_chunks(ctx, 2):
        rows: list[list[object]] = [
            head_row(ctx, [_rows_title(deck), "Salle", *cols.labels, "Réponses"])
        ]
        extra: list[tuple[object, ...]] = []
        for axis in deck.compass.axes:
            star = ""
            r = len(rows)
            rows.append(
                [
                    _c(f"{axis.label}{star}", st.cell_bold),
                    _mean_cell(reading.room.axes.get(axis.id), st.cell_bold),
                ]
                + [_mean_cell(_group_axis(reading, g.id, axis.id), st.cell_center) for g in groups]
                + [_c(format_percent(reading.room.axes[axis.id].coverage), st.cell_right)]
            )
            extra.append(("BACKGROUND", (0, r), (-1, r), LIGHT))
            for lever in axis.levers:
                room = reading.room.levers.get(lever.id)
                rows.append(
                    [
                        _c(findings.target_label(deck, lever.id), st.cell),
                        _mean_cell(room, st.cell_center),
                    ]
                    + [_c(_score_text(_group_lever(reading, g.id, lever.id)), st.cell_center) for g in groups]
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
