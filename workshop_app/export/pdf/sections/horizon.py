"""The strategies read at two horizons (:mod:`workshop_app.core.horizon`): each table's score per axis by
2030 and by 2050, side by side, in the score annex of the complete edition; the rule, in the method."""

from __future__ import annotations

from reportlab.lib.units import cm
from reportlab.platypus import Flowable, Spacer

from workshop_app.core.deck import StrategyDeck
from workshop_app.core.horizon import HORIZON_RULE, HORIZONS, read_horizons
from workshop_app.core.workshop import SequenceInfo
from workshop_app.export.french import NBSP
from workshop_app.export.pdf.sections.common import Context, _c, _h3, _p, head_row, table, with_title


def _cell(early: float | None, late: float | None) -> str:
    if early is None or late is None:
        return "—"
    return f"{round(early)}{NBSP}→{NBSP}{round(late)}"


def horizon_results(ctx: Context, sequence: SequenceInfo, deck: StrategyDeck) -> list[Flowable]:
    """One row per axis, one column per table: « 41 → 63 », the score by 2030 then by 2050."""
    from workshop_app.export.pdf.sections.results import _group_chunks  # (results imports this module)

    st = ctx.st
    state = ctx.state.sequence(sequence.id)
    known = {c.id for c in deck.cards}
    readings = {
        g.id: read_horizons(deck, [deck.card(c) for c in state.picked(g.id) if c in known])
        for g in ctx.groups
    }
    early, late = (label for label, _ in HORIZONS)
    out: list[Flowable] = [
        _p(
            f"Score de chaque table sur chaque axe d’ici {early}, puis d’ici {late} "
            f"(50{NBSP}={NBSP}sans effet) : en {early}, les cartes à moyen terme ne donnent que la moitié de "
            "leur effet, celles à long terme pas encore.",
            st.caption,
        )
    ]
    for groups, cols in _group_chunks(ctx, 0):
        rows: list[list[object]] = [head_row(ctx, [f"Axe (score {early}{NBSP}→{NBSP}{late})", *cols.labels])]
        for axis in deck.compass.axes:
            cells = [
                _c(_cell(readings[g.id].scores[early][axis.id], readings[g.id].scores[late][axis.id]),
                   st.cell_center)
                for g in groups
            ]
            rows.append([_c(axis.label, st.cell_bold), *cells])
        out.append(table(rows, [cols.label_width] + [cols.column_width] * len(groups)))
        if cols.key is not None:
            out.append(cols.key)
        out.append(Spacer(1, 6))
    return with_title(_h3(f"D’ici {early} et d’ici {late}", room=6 * cm), out)


def horizon_rule(ctx: Context) -> list[Flowable]:
    from workshop_app.export.pdf.sections.synergies import synergy_rule

    decks = [s.deck for s in ctx.sequences if isinstance(s.deck, StrategyDeck)]
    synergies = synergy_rule(decks)
    return [_p(HORIZON_RULE, ctx.st.body), *([_p(synergies, ctx.st.body)] if synergies else [])]
