"""Agreement and disagreement between the tables read in sentences, and the strategy cards most tables
retained. The strengths and vulnerabilities are printed once, in the synthesis
(:func:`workshop_app.export.report.synthesis.findings_block`)."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.units import cm
from reportlab.platypus import Flowable

from workshop_app.core.deck import QuestionDeck, StrategyDeck
from workshop_app.core.findings import score_text
from workshop_app.core.spread_words import spread_words
from workshop_app.core.state import SequenceState
from workshop_app.core.subjects import ONE_RATER, is_subject_deck
from workshop_app.core.workshop import SequenceInfo
from workshop_app.export import analysis
from workshop_app.export.french import NBSP, format_level, format_number, plural
from workshop_app.export.pdf.sections.common import Context, _c, _h3, _p, bullet_list, head_row, table
from workshop_app.export.pdf.styles import FRAME_WIDTH
from workshop_app.export.report import synthesis

AGREEMENT_RULE = (
    "Méthode : pour chaque carte, on compare les réponses des tables sur 100. Les tables sont d’accord "
    "quand toutes leurs réponses tiennent dans un écart de 25 points ({agree}) ; elles divergent à partir "
    "de 50 points ({split}).{between} Les réponses « non concerné » et les cartes auxquelles moins de deux "
    "tables ont répondu ne sont pas comparées."
)


def agreement_rule(deck: QuestionDeck) -> str:
    """The rule in the deck's own levels, as the answers can differ: a card's answers are whole levels, so on
    0–4 or −2…+2 (25 points a level) « d’accord » is one level apart at most and « divergent » two or more;
    on 0–3 (33 points a level), « d’accord » is the same answer, and one level apart is neither."""
    lo, hi = deck.scale_min, deck.scale_max
    span = (hi - lo) or 1
    values = sorted({o.value for o in deck.scale if o.value is not None and not o.unknown})
    gaps = sorted({round(abs(a - b), 6) for a in values for b in values})
    agree = [g for g in gaps if g * 100 / span <= 25 + 1e-9]
    split = [g for g in gaps if g * 100 / span >= 50 - 1e-9]
    between = [g for g in gaps if g not in agree and g not in split]

    def levels(count: float) -> str:
        number = format_number(count, 2)
        number = number.rstrip("0").rstrip(",") if "," in number else number
        return f"{number}{NBSP}{'niveau' if count < 2 else 'niveaux'}"

    scale = f"l’échelle de {format_level(lo, lo < 0, 0)} à {format_level(hi, lo < 0, 0)}"
    same = not agree or max(agree) == 0
    agree_text = "la même réponse" if same else f"{levels(max(agree))} d’écart au plus"
    split_text = f"{levels(min(split))} d’écart ou plus" if split else "jamais sur cette échelle"
    middle = (
        f" Entre les deux ({' ou '.join(levels(g) for g in between)} d’écart), elles ne sont comptées ni "
        "d’accord ni en désaccord."
        if between
        else ""
    )
    return AGREEMENT_RULE.format(agree=f"ici {agree_text}, sur {scale}", split=split_text, between=middle)


MAX_AGREEMENT_ROWS = 8


# -- agreement ----------------------------------------------------------------------------------------------


def agreement_section(ctx: Context) -> list[Flowable]:
    st = ctx.st
    out: list[Flowable] = [*ctx.h1("Accords et désaccords entre les tables")]
    if not ctx.full:  # the short edition: the synthesis reads them; here the levers and the strategies
        return out + short_agreement(ctx)
    if ctx.snapshot.debrief.agreement.strip():
        out += _h3("Ce qu’en retient l’animation")
        out.append(_p(ctx.text(ctx.snapshot.debrief.agreement), st.body))
    group_ids = [g.id for g in ctx.groups]
    told = False
    for sequence in ctx.sequences:
        deck = sequence.deck
        if is_subject_deck(deck) and len(group_ids) < 2:  # interviews, one rater: no tables to compare
            if not told:
                out.append(_p(ONE_RATER, st.muted))
                told = True
            continue
        seq_state = ctx.seq_state(sequence.id)
        found = ctx.findings.of(sequence.id)
        out += ctx.h2_block(ctx.text(sequence.display_title))
        if isinstance(deck, QuestionDeck) and found is not None:
            result = found.cards
            steps = deck.scale_max - deck.scale_min
            sentences = synthesis.agreement_sentences(found, ctx.groups, ctx.text)
            if sentences:
                out += _h3("Ce que disent les réponses")
                out += bullet_list(ctx, sentences)
            if not ctx.full:  # the short edition: the reading and the levers, not the card tables
                out += lever_spread_table(ctx, deck, sequence.id)
                continue
            out += _h3("Cartes qui divisent les tables")
            out += spread_table(ctx, deck, result.disputed, steps, "Aucune carte ne divise les tables.")
            out += _h3("Cartes qui font consensus")
            out += spread_table(ctx, deck, result.agreed, steps, "Aucune carte ne fait consensus.")
            out.append(_p(agreement_rule(deck), st.muted))
            out += lever_spread_table(ctx, deck, sequence.id)
        else:
            out += strategy_agreement(ctx, sequence, deck, seq_state, group_ids)  # type: ignore[arg-type]
    return out


def short_agreement(ctx: Context) -> list[Flowable]:
    out: list[Flowable] = []
    group_ids = [g.id for g in ctx.groups]
    for sequence in ctx.sequences:
        deck = sequence.deck
        if len(ctx.sequences) > 1:
            out += _h3(ctx.text(sequence.display_title))
        if isinstance(deck, QuestionDeck):
            out += lever_spread_table(ctx, deck, sequence.id)
        else:
            out += strategy_agreement(ctx, sequence, deck, ctx.seq_state(sequence.id), group_ids)
    return out


def lever_spread_table(ctx: Context, deck: QuestionDeck, sequence_id: str) -> list[Flowable]:
    """The levers (or principles, criteria) on which the tables' scores are furthest apart (widest first)."""
    st = ctx.st
    out: list[Flowable] = []
    found = ctx.findings.of(sequence_id)
    lever_spreads = list(found.target_spreads) if found else []
    if lever_spreads:
        words = spread_words(deck)
        out += _h3(words.title)
        rows: list[list[object]] = [head_row(ctx, [words.column, "Plus bas", "Plus haut", "Écart"])]
        for s in lever_spreads[:MAX_AGREEMENT_ROWS]:
            rows.append(
                [
                    _c(s.label, st.cell),
                    _c(words.value(s.low or 0), st.cell_center),
                    _c(words.value(s.high or 0), st.cell_center),
                    _c(words.gap(s.range or 0), st.cell_center),
                ]
            )
        out.append(table(rows, [FRAME_WIDTH - 7.2 * cm, 2.2 * cm, 2.2 * cm, 2.8 * cm]))
    return out


def _few(names: Sequence[str]) -> str:
    return ", ".join(names[:2]) + (f" et {len(names) - 2} autres" if len(names) > 2 else "")


def spread_table(
    ctx: Context, deck: QuestionDeck, spreads: Sequence[analysis.Spread], steps: float, empty: str
) -> list[Flowable]:
    st = ctx.st
    if not spreads:
        return [_p(empty, st.muted)]
    rows: list[list[object]] = [head_row(ctx, ["Carte", "Réponses des tables", "Écart"])]
    names = {g.id: ctx.text(g.name) for g in ctx.groups}
    lo = deck.scale_min
    signed = lo < 0  # a −2…+2 scale reads « +2 », not « 2 »

    def level(v: float) -> str:
        return format_level(lo + v * steps / 100, signed, 1)

    for s in spreads[:MAX_AGREEMENT_ROWS]:
        answers = " · ".join(f"{names.get(gid, gid)}{NBSP}: {level(v)}" for gid, v in s.values.items())
        if len(s.values) > 6:  # many tables: the two ends, the others are in the annex
            low, high = s.low or 0.0, s.high or 0.0
            at_low = [names.get(g, g) for g, v in s.values.items() if v == low]
            at_high = [names.get(g, g) for g, v in s.values.items() if v == high]
            answers = (
                f"{level(low)} pour les {len(s.values)} tables"
                if low == high
                else f"de {level(low)} ({_few(at_low)}) à {level(high)} ({_few(at_high)})"
            )
        if s.not_concerned:
            answers += " · non concerné" + NBSP + ": " + ", ".join(names.get(g, g) for g in s.not_concerned)
        gap = (s.range or 0) * steps / 100
        rows.append(
            [
                _c(s.label, st.cell_bold),
                _c(answers, st.cell),
                _c(f"{format_number(gap, 1)} niveau{'x' if gap >= 2 else ''}", st.cell_center),
            ]
        )
    more = len(spreads) - MAX_AGREEMENT_ROWS
    t = table(rows, [5.6 * cm, FRAME_WIDTH - 7.8 * cm, 2.2 * cm])
    if more > 0:
        where = " : voir les réponses carte par carte en annexe" if ctx.full else ""
        return [t, _p(f"… et {plural(more, 'autre carte', 'autres cartes')}{where}.", st.muted)]
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
    found = ctx.findings.of(sequence.id)
    consensus = [f"{c.title} : {c.count} tables sur {c.of}" for c in (found.consensus if found else [])]
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
    lists = [("Cartes retenues par la moitié des tables ou plus", consensus)]
    if ctx.full:
        lists.append(("Cartes retenues par une seule table", single))
        lists.append(("Cartes retenues par aucune table", nobody))
    for title, items in lists:
        if items:
            out += _h3(title)
            out += bullet_list(ctx, items)
    axes = [(a.id, a.label) for a in deck.compass.axes]
    spreads = [
        s for s in analysis.reading_spreads(ctx.readings[sequence.id], axes, levers=False) if s.comparable
    ]
    if found is not None and (found.effects_up or found.effects_down) and ctx.full:
        out += _h3("Effets attendus des stratégies (un jeu, pas un état du territoire)")
        out += bullet_list(
            ctx,
            [f"Renforcé : {f.text}" for f in found.effects_up]
            + [f"Affaibli : {f.text}" for f in found.effects_down],
        )
    if spreads:
        out += _h3("Écart entre les tables par axe")
        header = ["Axe (50 = sans effet)", "Plus bas", "Plus haut", "Écart"]
        rows: list[list[object]] = [head_row(ctx, header)]
        for s in sorted(spreads, key=lambda s: -(s.range or 0)):
            rows.append(
                [
                    _c(s.label, st.cell),
                    _c(score_text(s.low or 0), st.cell_center),
                    _c(score_text(s.high or 0), st.cell_center),
                    _c(f"{round(s.range or 0)}{NBSP}points", st.cell_center),
                ]
            )
        out.append(table(rows, [FRAME_WIDTH - 7.2 * cm, 2.2 * cm, 2.2 * cm, 2.8 * cm]))
    from workshop_app.export.pdf.sections.synergies import synergy_block  # (the synergy stream's part)

    return out + synergy_block(ctx, deck, seq_state, group_ids)
