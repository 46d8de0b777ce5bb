"""5. Strengths and vulnerabilities, 6. agreement and disagreement between the tables."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.units import cm
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Table, TableStyle

from workshop_app.core.deck import QuestionDeck, StrategyDeck
from workshop_app.core.state import SequenceState
from workshop_app.core.workshop import SequenceInfo
from workshop_app.export import analysis
from workshop_app.export.french import NBSP, format_number, format_percent, plural
from workshop_app.export.pdf.escaping import markup
from workshop_app.export.pdf.fonts import REGULAR
from workshop_app.export.pdf.sections.common import Context, _c, _h3, _p, bullet_list, head_row, table
from workshop_app.export.pdf.styles import FRAME_WIDTH, GOOD, WARN

AGREEMENT_RULE = (
    "Méthode : pour chaque carte, on compare les réponses des tables ramenées sur 0–100. Les tables sont "
    "d'accord quand toutes leurs réponses tiennent dans un écart de 25 points (un cran sur une échelle de 0 "
    "à "
    "4) ; elles divergent à partir de 50 points d'écart (deux crans ou plus). Les réponses « non concerné » "
    "et "
    "les cartes auxquelles moins de deux tables ont répondu ne sont pas comparées."
)

MAX_AGREEMENT_ROWS = 8


# -- 5. strengths and vulnerabilities ------------------------------------------------------------------------


def findings_section(ctx: Context) -> list[Flowable]:
    st = ctx.st
    debrief = ctx.snapshot.debrief
    out: list[Flowable] = [*ctx.h1("Points forts et vulnérabilités")]
    if debrief.strengths or debrief.vulnerabilities:
        out.append(_p("Formulés par les participant·es lors du débriefing.", st.muted))
        out.append(two_lists(ctx, list(debrief.strengths), list(debrief.vulnerabilities)))
    proposals: list[tuple[SequenceInfo, list[analysis.Finding], list[analysis.Finding]]] = []
    for sequence in ctx.sequences:
        strengths, vulns = analysis.propose_findings(sequence.deck, ctx.readings[sequence.id])
        if strengths or vulns:
            proposals.append((sequence, strengths, vulns))
    if proposals:
        title = (
            "Lecture des scores"
            if (debrief.strengths or debrief.vulnerabilities)
            else "Proposés d'après les scores"
        )
        out += [CondPageBreak(4.5 * cm), ctx.h2(title, numbered=False)]
        out.append(
            _p(
                "Les leviers (ou axes) nettement au-dessus ou au-dessous du milieu de l'échelle (50 %) "
                "pour la salle — au moins 65 % ou au plus 35 % pour les questions, 60 % ou 40 % pour "
                "les stratégies —, parmi ceux qui ont reçu au moins la moitié des réponses. C'est une "
                "proposition de lecture, à valider avec les participant·es.",
                st.muted,
            )
        )
        for sequence, strengths, vulns in proposals:
            if len(proposals) > 1:
                out += _h3(ctx.text(sequence.display_title))
            out.append(
                two_lists(
                    ctx,
                    [f"{f.label} — {format_percent(f.score, scale=100)}" for f in strengths],
                    [f"{f.label} — {format_percent(f.score, scale=100)}" for f in vulns],
                )
            )
    if len(out) == 1:
        out.append(_p("Aucun point fort ni aucune vulnérabilité n'a été relevé.", st.muted))
    return out


def two_lists(ctx: Context, left: Sequence[str], right: Sequence[str]) -> Table:
    """Strengths and vulnerabilities side by side, one item per row (so that long lists split cleanly)."""
    st = ctx.st
    half = FRAME_WIDTH / 2
    lefts = [x for x in left if x.strip()] or ["—"]
    rights = [x for x in right if x.strip()] or ["—"]
    rows: list[list[object]] = [[_c("Points forts", st.cell_head), _c("Vulnérabilités", st.cell_head)]]
    for i in range(max(len(lefts), len(rights))):
        rows.append(
            [
                Paragraph(markup(ctx.text(items[i])), st.bullet, bulletText="•")
                if i < len(items) and items[i] != "—"
                else _p("—" if i == 0 else "", st.muted)
                for items in (lefts, rights)
            ]
        )
    t = Table(rows, colWidths=[half - 3, half - 3], hAlign="LEFT", splitInRow=1, repeatRows=1)
    t.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), REGULAR, 9),
                ("BACKGROUND", (0, 0), (0, 0), GOOD),
                ("BACKGROUND", (1, 0), (1, 0), WARN),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBEFORE", (0, 1), (0, -1), 0.6, GOOD),
                ("LINEAFTER", (0, 1), (0, -1), 0.6, GOOD),
                ("LINEBELOW", (0, -1), (0, -1), 0.6, GOOD),
                ("LINEBEFORE", (1, 1), (1, -1), 0.6, WARN),
                ("LINEAFTER", (1, 1), (1, -1), 0.6, WARN),
                ("LINEBELOW", (1, -1), (1, -1), 0.6, WARN),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                ("TOPPADDING", (0, 0), (-1, 0), 5),
                ("BOTTOMPADDING", (0, 0), (-1, 0), 5),
            ]
        )
    )
    return t


# -- 6. agreement --------------------------------------------------------------------------------------------


def agreement_section(ctx: Context) -> list[Flowable]:
    st = ctx.st
    out: list[Flowable] = [*ctx.h1("Accords et désaccords entre les tables")]
    if ctx.snapshot.debrief.agreement.strip():
        out += _h3("Ce qu'en retient l'animation")
        out.append(_p(ctx.text(ctx.snapshot.debrief.agreement), st.body))
    out.append(_p(AGREEMENT_RULE, st.muted))
    group_ids = [g.id for g in ctx.groups]
    for sequence in ctx.sequences:
        deck = sequence.deck
        seq_state = ctx.seq_state(sequence.id)
        out += ctx.h2_block(ctx.text(sequence.display_title))
        if isinstance(deck, QuestionDeck):
            spreads = analysis.card_spreads(deck, seq_state, group_ids)
            result = analysis.classify(spreads)
            steps = deck.scale_max - deck.scale_min
            out += _h3("Cartes qui divisent les tables")
            out += spread_table(ctx, deck, result.disputed, steps, "Aucune carte ne divise les tables.")
            out += _h3("Cartes qui font consensus")
            out += spread_table(ctx, deck, result.agreed, steps, "Aucune carte ne fait consensus.")
            levers = [(t, analysis.target_label(deck, t)) for t in deck.lever_ids()]
            lever_spreads = [
                s
                for s in analysis.reading_spreads(ctx.readings[sequence.id], levers, levers=True)
                if s.comparable
            ]
            lever_spreads.sort(key=lambda s: -(s.range or 0))
            if lever_spreads:
                out += _h3("Leviers sur lesquels les tables s'écartent le plus")
                rows: list[list[object]] = [head_row(ctx, ["Levier", "Plus bas", "Plus haut", "Écart"])]
                for s in lever_spreads[:MAX_AGREEMENT_ROWS]:
                    rows.append(
                        [
                            _c(s.label, st.cell),
                            _c(format_percent(s.low, scale=100), st.cell_center),
                            _c(format_percent(s.high, scale=100), st.cell_center),
                            _c(f"{round(s.range or 0)}{NBSP}points", st.cell_center),
                        ]
                    )
                out.append(table(rows, [FRAME_WIDTH - 7.2 * cm, 2.2 * cm, 2.2 * cm, 2.8 * cm]))
        else:
            out += strategy_agreement(ctx, sequence, deck, seq_state, group_ids)
    return out


def spread_table(
    ctx: Context, deck: QuestionDeck, spreads: Sequence[analysis.Spread], steps: float, empty: str
) -> list[Flowable]:
    st = ctx.st
    if not spreads:
        return [_p(empty, st.muted)]
    rows: list[list[object]] = [head_row(ctx, ["Carte", "Réponses des tables", "Écart"])]
    names = {g.id: ctx.text(g.name) for g in ctx.groups}
    lo = deck.scale_min
    for s in spreads[:MAX_AGREEMENT_ROWS]:
        answers = " · ".join(
            f"{names.get(gid, gid)}{NBSP}: {format_number(lo + v * steps / 100, 1)}"
            for gid, v in s.values.items()
        )
        gap = (s.range or 0) * steps / 100
        rows.append(
            [
                _c(s.label, st.cell_bold),
                _c(answers, st.cell),
                _c(f"{format_number(gap, 1)} cran{'s' if gap >= 2 else ''}", st.cell_center),
            ]
        )
    more = len(spreads) - MAX_AGREEMENT_ROWS
    t = table(rows, [5.6 * cm, FRAME_WIDTH - 7.8 * cm, 2.2 * cm])
    if more > 0:
        return [t, _p(f"… et {plural(more, 'autre carte', 'autres cartes')}.", st.muted)]
    return [t]


def strategy_agreement(
    ctx: Context,
    sequence: SequenceInfo,
    deck: StrategyDeck,
    seq_state: SequenceState,
    group_ids: Sequence[str],
) -> list[Flowable]:
    st = ctx.st
    counts = analysis.pick_counts(deck, seq_state, group_ids)
    playing = sum(1 for g in group_ids if seq_state.picked(g))
    out: list[Flowable] = []
    if not playing:
        return [_p("Aucune table n'a retenu de carte.", st.muted)]
    titles = {c.id: c.title for c in deck.cards}
    everyone = [titles[c] for c, n in counts.items() if n == playing and playing > 1]
    single = [titles[c] for c, n in counts.items() if n == 1 and playing > 1]
    nobody = [titles[c] for c, n in counts.items() if n == 0]
    out.append(
        _p(
            f"{plural(playing, 'table')} ont construit une stratégie."
            if playing > 1
            else "Une seule table a construit une stratégie.",
            st.body,
        )
    )
    for title, items in (
        ("Cartes retenues par toutes les tables", everyone),
        ("Cartes retenues par une seule table", single),
        ("Cartes retenues par aucune table", nobody),
    ):
        if items:
            out += _h3(title)
            out += bullet_list(ctx, items)
    axes = [(a.id, a.label) for a in deck.compass.axes]
    spreads = [
        s for s in analysis.reading_spreads(ctx.readings[sequence.id], axes, levers=False) if s.comparable
    ]
    if spreads:
        out += _h3("Écart entre les tables par axe")
        rows: list[list[object]] = [head_row(ctx, ["Axe", "Plus bas", "Plus haut", "Écart"])]
        for s in sorted(spreads, key=lambda s: -(s.range or 0)):
            rows.append(
                [
                    _c(s.label, st.cell),
                    _c(format_percent(s.low, scale=100), st.cell_center),
                    _c(format_percent(s.high, scale=100), st.cell_center),
                    _c(f"{round(s.range or 0)}{NBSP}points", st.cell_center),
                ]
            )
        out.append(table(rows, [FRAME_WIDTH - 7.2 * cm, 2.2 * cm, 2.2 * cm, 2.8 * cm]))
    return out
