"""Results: the compass radars (each table with its own marker and line style, so that a grayscale print
still tells them apart), the room's bars per lever sorted from strength to vulnerability (question decks), the
strategy game's radar with « 50 = sans effet » marked; the groups' score columns split into tables of at most
six, which the score annex (:mod:`.scores_annex`) uses too.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.units import cm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from workshop_app.core.deck import QuestionDeck, StrategyDeck
from workshop_app.core.scoring import CompassReading, GroupReading, Score
from workshop_app.core.subjects import is_subject_deck
from workshop_app.core.workshop import GroupInfo, SequenceInfo
from workshop_app.export.french import NBSP, format_percent
from workshop_app.export.pdf import charts, legends
from workshop_app.export.pdf.escaping import clean, inline
from workshop_app.export.pdf.fonts import BOLD, REGULAR
from workshop_app.export.pdf.parsed import paragraph
from workshop_app.export.pdf.sections import subjects
from workshop_app.export.pdf.sections.common import (
    Context,
    _c,
    _h3,
    _p,
    _raw,
    head_row,
    table,
    with_title,
)
from workshop_app.export.pdf.styles import FRAME_WIDTH
from workshop_app.export.report import kinds, synthesis

# -- the groups' score columns -------------------------------------------------------------------------------


def _score_text(score: Score | None) -> str:
    if score is None or score.score is None:
        return "—"
    return str(round(score.score))


def _mean_cell(score: Score | None, style: object) -> Paragraph:
    """A mean and, in small type under it, its spread (« 17–75 »): a 0 and a 100 never read as a calm 50."""
    text = _score_text(score)
    spread = score.spread_text() if score is not None and score.score is not None else ""
    if spread:
        text += f"<br/><font size='6.4' color='#5F6B73'>{spread.replace('–', NBSP + '–' + NBSP)}</font>"
    return paragraph("mean", text, style, str)  # parsed once per shape; lines broken by fastlines


@dataclass(frozen=True)
class GroupColumns:
    labels: list[str]
    key: Flowable | None  # « T1 : Table des Tilleuls · … » when abbreviated
    label_width: float  # the first column (principle, lever, axis)
    column_width: float  # each score column


MAX_GROUP_COLUMNS = 6


def _group_columns(ctx: Context, groups: Sequence[GroupInfo], fixed: int, offset: int = 0) -> GroupColumns:
    """Headers for the groups' score columns: names when every word fits (at most 2.3 cm per column),
    otherwise « T1 », « T2 »… with a key printed under the table. ``fixed`` = other score columns."""
    names = [ctx.text(g.name) for g in groups]
    n = len(names) + fixed
    min_label = 5.6 * cm
    words = [w for name in names for w in clean(name).split()] or [""]
    longest = max(stringWidth(w, BOLD, ctx.st.cell_head.fontSize) for w in words) + 9
    column = max(1.45 * cm, min(2.3 * cm, longest))
    if longest <= 2.3 * cm and FRAME_WIDTH - n * column >= min_label:
        return GroupColumns(names, None, FRAME_WIDTH - n * column, column)
    column = min(1.45 * cm, (FRAME_WIDTH - min_label) / max(1, n))
    labels = [f"T{offset + i + 1}" for i in range(len(names))]
    key = " · ".join(f"<b>{lbl}</b>{NBSP}:{NBSP}{inline(nm)}" for lbl, nm in zip(labels, names, strict=True))
    return GroupColumns(labels, _raw(key, ctx.st.muted), FRAME_WIDTH - n * column, column)


def _group_chunks(ctx: Context, fixed: int) -> list[tuple[list[GroupInfo], GroupColumns]]:
    """The groups in balanced chunks of at most ``MAX_GROUP_COLUMNS`` (one table each), with their headers."""
    groups = ctx.groups
    count = max(1, -(-len(groups) // MAX_GROUP_COLUMNS))
    size = -(-len(groups) // count) if groups else 0
    chunks = [groups[i : i + size] for i in range(0, len(groups), size)] if size else [[]]
    out = []
    offset = 0
    for chunk in chunks:
        out.append((chunk, _group_columns(ctx, chunk, fixed, offset)))
        offset += len(chunk)
    return out


# -- 4. results ----------------------------------------------------------------------------------------------


def results_section(ctx: Context) -> list[Flowable]:
    decks = [s.deck for s in ctx.sequences]
    out: list[Flowable] = [*ctx.h1(kinds.results_title(decks), room=15 * cm if ctx.full else 8 * cm)]
    on_100 = [d for d in decks if not subjects.on_own_scale(d)]  # (projects say their own scale)
    if on_100:
        out.append(_p(kinds.scores_note(on_100, len(ctx.groups)), ctx.st.muted))
    if not ctx.groups:
        return [*out, _p("Aucune table n'a été constituée.", ctx.st.muted)]
    pending, out = out, []  # the chapter's title goes with its first chart, never alone at a page foot
    compared = subjects.subjects_section(ctx)  # projects, services: side by side, not one radar each
    if compared:
        out, pending = [*pending, *compared], []
    for sequence in ctx.sequences:
        if is_subject_deck(sequence.deck):
            continue
        title = ctx.h2_block(ctx.text(sequence.display_title), room=13 * cm if ctx.full else 7 * cm)
        if isinstance(sequence.deck, QuestionDeck):
            out += with_title([*pending, *title], question_results(ctx, sequence, sequence.deck))
        elif ctx.full:  # the short edition reads the strategies in its synthesis and its agreement part
            out += with_title([*pending, *title], strategy_results(ctx, sequence, sequence.deck))
        else:
            continue
        pending = []
    return pending + out


def _room_and_groups_radars(
    ctx: Context,
    deck: QuestionDeck | StrategyDeck,
    reading: CompassReading,
    caption: str,
    between: Sequence[Flowable] = (),
) -> list[Flowable]:
    """The room's radar (with each table when there are at most six), then ``between`` (the lever bars),
    then one small radar per table (complete edition)."""
    st = ctx.st
    middle = isinstance(deck, StrategyDeck)
    axes = deck.compass.axes
    labels = [a.display for a in axes]
    if len(axes) < 3:
        return []
    room_values = [reading.room.axes[a.id].score if a.id in reading.room.axes else None for a in axes]
    series = []
    overlay = len(ctx.groups) <= 6
    if overlay:
        for i, g in enumerate(ctx.groups):
            gr = reading.groups.get(g.id)
            if gr is None:
                continue
            series.append(
                charts.Series(
                    ctx.text(g.name), g.colour, [_axis(gr, a.id) for a in axes], fill=False, width=1.0,
                    marker=charts.MARKERS[i % len(charts.MARKERS)],
                    dash=charts.DASHES[i % len(charts.DASHES)],
                )
            )
    series.append(
        charts.Series("Salle (toutes tables)", "#1F4E6B", room_values, fill=True, width=2.4,
                      values_printed=not overlay)
    )
    out: list[Flowable] = []
    room_labels = [
        f"{lbl} (non renseigné)" if v is None else lbl for lbl, v in zip(labels, room_values, strict=True)
    ]
    height = (6.8 if middle else 7.8) * cm
    big = charts.radar(room_labels, series, width=FRAME_WIDTH, height=height, font_size=8, label_width=120,
                       middle=middle)
    out.append(
        KeepTogether(
            [
                big,
                Spacer(1, 6),
                legends.series_legend(series, width=FRAME_WIDTH),
                _p(caption, st.caption),
            ]
        )
    )
    out += between
    if not ctx.full or (middle and overlay):
        # the short edition has no small multiples; nor has a strategy whose tables are all on the overlay
        return out
    # small multiples, two or three per row
    cells: list[list[Flowable]] = []
    per_row = 2 if len(ctx.groups) <= 4 else 3  # (four in a row leave no room for the radar itself)
    w = FRAME_WIDTH / per_row
    for g in ctx.groups:
        gr = reading.groups.get(g.id)
        if gr is None:
            continue
        values = [_axis(gr, a.id) for a in axes]
        drawing = charts.radar(
            [f"{lbl} (non renseigné)" if v is None else lbl for lbl, v in zip(labels, values, strict=True)],
            [
                charts.Series("Salle", "#5F6B73", room_values, fill=False, width=0.8, dashed=True),
                charts.Series(ctx.text(g.name), g.colour, values, fill=True, width=1.5),
            ],
            width=w - 6,
            height=(6.1 if per_row == 2 else 5.6) * cm,
            font_size=6.6 if per_row == 2 else 5.9,
            label_width=70 if per_row == 2 else 50,
            ring_labels=False,
            title=ctx.text(g.name),
            middle=middle,
        )
        missing = [a.display for a in axes if _axis(gr, a.id) is None and _total(gr, a.id) > 0]
        note = f"Taux de réponse {format_percent(gr.coverage)}" if not middle else (
            f"Budget dépensé {format_percent(gr.coverage)}"
        )
        if missing:
            note += " · non renseigné : " + ", ".join(missing)
        cells.append([drawing, _p(note, st.caption)])
    if cells:
        out += _h3("Par table (en tirets : la salle).", room=8.5 * cm)
        grid = [cells[i : i + per_row] for i in range(0, len(cells), per_row)]
        grid[-1] += [[Spacer(1, 1)]] * (per_row - len(grid[-1]))
        t = Table(grid, colWidths=[w] * per_row, hAlign="LEFT")
        t.setStyle(
            TableStyle(
                [
                    ("FONT", (0, 0), (-1, -1), REGULAR, 9),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ]
            )
        )
        out.append(t)
    return out


def _total(reading: GroupReading, axis_id: str) -> int:
    score = reading.axes.get(axis_id)
    return score.total if score is not None else 0


def _axis(reading: GroupReading, axis_id: str) -> float | None:
    score = reading.axes.get(axis_id)
    return score.score if score is not None else None


def question_results(ctx: Context, sequence: SequenceInfo, deck: QuestionDeck) -> list[Flowable]:
    reading = ctx.readings[sequence.id]
    out: list[Flowable] = []
    caption = (
        f"Score de la salle par principe, de 0 (centre) à 100 (bord). Taux de réponse de la salle : "
        f"{format_percent(reading.room.coverage)}."
    )
    uncovered = [a.display for a in deck.compass.axes if _total(reading.room, a.id) == 0]
    if uncovered:
        caption += f" Aucune carte du jeu ne porte sur : {', '.join(uncovered)}."
    bars = lever_bars(ctx, deck, reading)
    from workshop_app.export.pdf.evolution import evolution  # (it imports this package)

    # the day's timeline is for the record (complete edition); elected officials read where the day ended
    timeline = evolution(ctx, sequence, deck) if ctx.full else []
    if ctx.full or len(ctx.groups) <= 6:  # the short edition's synthesis already shows the room alone
        radars = _room_and_groups_radars(ctx, deck, reading, caption, bars)
        return out + radars + timeline
    return out + bars + timeline


def lever_bars(ctx: Context, deck: QuestionDeck, reading: CompassReading) -> list[Flowable]:
    """The room's score per lever, sorted from strength to vulnerability, with each principle's name."""
    block = synthesis.lever_bars(
        deck, reading,
        "Score de la salle par levier, du plus fort au plus faible (autoévaluation des tables) ; chaque "
        "trait vertical est le score d’une table, et leur étendue montre l’écart entre tables. Le détail "
        "par table figure dans les radars par table" + (" et en annexe." if ctx.full else "."),
    )
    if not block.bars:
        return []
    from workshop_app.export.pdf.model_render import render_block  # (it imports this package)

    return with_title(_h3("Par levier, du point fort à la vulnérabilité"), render_block(ctx, block))


def _group_axis(reading: CompassReading, group_id: str, axis_id: str) -> Score | None:
    gr = reading.groups.get(group_id)
    return gr.axes.get(axis_id) if gr else None


def _group_lever(reading: CompassReading, group_id: str, lever_id: str) -> Score | None:
    gr = reading.groups.get(group_id)
    return gr.levers.get(lever_id) if gr else None


def strategy_results(ctx: Context, sequence: SequenceInfo, deck: StrategyDeck) -> list[Flowable]:
    reading = ctx.readings[sequence.id]
    caption = (
        "Effets attendus des stratégies imaginées par les tables, sur chaque axe, de 0 (pire) à 100 "
        "(meilleur) ; le cercle pointillé marque 50 = sans effet. Ce n’est pas la boussole du territoire."
    )
    return _room_and_groups_radars(ctx, deck, reading, caption)


def strategy_table(ctx: Context, deck: StrategyDeck, reading: CompassReading) -> list[Flowable]:
    st = ctx.st
    out: list[Flowable] = []
    unit = deck.strategy.budget_unit
    for groups, cols in _group_chunks(ctx, 1):
        rows: list[list[object]] = [head_row(ctx, ["Axe (50 = sans effet)", "Salle", *cols.labels])]
        for axis in deck.compass.axes:
            rows.append(
                [
                    _c(axis.label, st.cell_bold),
                    _mean_cell(reading.room.axes.get(axis.id), st.cell_bold),
                ]
                + [_c(_score_text(_group_axis(reading, g.id, axis.id)), st.cell_center) for g in groups]
            )
        budget_row: list[object] = [_c(f"Budget dépensé ({unit})", st.cell_bold), _c("", st.cell)]
        for g in groups:
            gr = reading.groups.get(g.id)
            b = gr.budget if gr else None
            budget_row.append(_c(f"{b.spent} / {b.budget}" if b else "—", st.cell_center))
        rows.append(budget_row)
        out.append(table(rows, [cols.label_width] + [cols.column_width] * (len(groups) + 1)))
        if cols.key is not None:
            out.append(cols.key)
        out.append(Spacer(1, 6))
    return out
