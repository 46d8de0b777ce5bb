"""The opening of the compte-rendu: cover, contents, 1. context, 2. programme, 3. decks and scoring rule."""

from __future__ import annotations

from collections import Counter
from datetime import datetime

from reportlab.lib.units import cm
from reportlab.platypus import Flowable, NextPageTemplate, PageBreak, Spacer, Table, TableStyle

from workshop_app.core.deck import DELAY_LABELS, QuestionDeck, StrategyDeck
from workshop_app.core.state import SequenceState
from workshop_app.core.workshop import SequenceInfo
from workshop_app.export import analysis
from workshop_app.export.french import (
    NBSP,
    format_date,
    format_minutes,
    format_number,
    format_time,
    plural,
    quote,
)
from workshop_app.export.pdf.escaping import clean, inline
from workshop_app.export.pdf.fonts import REGULAR
from workshop_app.export.pdf.late import Contents
from workshop_app.export.pdf.sections.common import (
    Context,
    _c,
    _h3,
    _or_missing,
    _p,
    _raw,
    _signed,
    head_row,
    table,
)
from workshop_app.export.pdf.styles import ACCENT, FRAME_WIDTH, RULE

SELF_ASSESSMENT = (
    "Les scores de ce document sont l'autoévaluation des groupes eux-mêmes, telle qu'exprimée pendant "
    "l'atelier : ce n'est pas un indice officiel, ni une évaluation du territoire par un tiers, et ils ne "
    "permettent pas de classer des territoires entre eux. Ils servent à ouvrir la discussion et à repérer où "
    "agir."
)

QUESTIONS_RULE = (
    "Chaque réponse prend la valeur de l'échelle, ramenée entre 0 et 100 (de {lo} = 0 à {hi} = 100). "
    "Une carte éclaire un ou plusieurs leviers, avec un poids. Le score d'un levier est la moyenne pondérée "
    "des réponses des cartes qui l'éclairent ; celui d'un principe est la moyenne simple de ses leviers (un "
    "levier éclairé par beaucoup de cartes ne pèse pas plus qu'un autre). Les niveaux de l'échelle sont des "
    "étapes, pas des mesures : leur moyenne est un repère pour la discussion. La réponse {nc} ne compte "
    "pas dans le calcul mais compte comme une "
    "réponse. La <b>couverture</b> est la part des liens carte–levier qui ont reçu une réponse : un score "
    "peu couvert reflète un atelier inachevé, pas un territoire faible. Le score de la salle regroupe les "
    "réponses de toutes les tables, chacune comptant une fois. Sans aucune réponse, le score est "
    "«\u00a0non renseigné\u00a0» (jamais 0)."
)

STRATEGY_RULE = (
    "L'effet brut d'une table sur un axe est la somme des effets (de −2 à +2) des cartes qu'elle a retenues. "
    "Il est placé sur une échelle de 0 à 100 où 50 signifie « sans effet » : 100 correspond au meilleur "
    "total qu'une table pouvait atteindre sur cet axe dans le budget de {budget}, 0 au pire total ; une "
    "table qui dépasse le budget peut aller au-delà, son score est alors plafonné à 0 ou 100. La "
    "<b>couverture</b> est la part du budget dépensée. Les dépassements de budget et les cartes "
    "incompatibles ou manquantes sont signalés, jamais masqués. Le score de la salle est la moyenne des "
    "tables qui ont retenu au moins une carte."
)


# -- cover and contents --------------------------------------------------------------------------------------


def cover(ctx: Context) -> list[Flowable]:
    info = ctx.snapshot.info
    st = ctx.st
    out: list[Flowable] = [Spacer(1, 2.2 * cm)]
    out.append(_c("COMPTE-RENDU D'ATELIER — RÉSILIENCE TERRITORIALE", st.cover_kicker))
    out.append(_p(ctx.text(info.title) or "Atelier", st.cover_title))
    territory = " — ".join(x for x in (info.territory, info.territory_kind) if x.strip())
    if territory:
        out.append(_p(territory, st.cover_sub))
    out.append(Spacer(1, 0.6 * cm))
    rows: list[list[object]] = []

    def add(label: str, value: str, raw: bool = False) -> None:
        if value.strip():
            rows.append(
                [_c(label, st.cell_bold), _raw(value, st.cover_field) if raw else _p(value, st.cover_field)]
            )

    add("Date", format_date(info.date))
    add("Lieu", info.place)
    add("Animation", info.facilitators)
    add("Participant·es", participants_summary(ctx))
    if ctx.groups:
        add(
            "Tables",
            f"{plural(len(ctx.groups), 'table')} : " + ", ".join(ctx.text(g.name) for g in ctx.groups),
        )
    decks = [
        f"{s.display_title} ({s.deck.title}, v{s.deck.version})"
        if s.title
        else f"{s.deck.title} (v{s.deck.version})"
        for s in ctx.sequences
    ]
    add("Jeux joués", " ; ".join(decks))
    if rows:
        t = Table(rows, colWidths=[3.4 * cm, FRAME_WIDTH - 3.4 * cm], hAlign="LEFT")
        t.setStyle(
            TableStyle(
                [
                    ("FONT", (0, 0), (-1, -1), REGULAR, 9),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LINEABOVE", (0, 0), (-1, 0), 1.2, ACCENT),
                    ("LINEBELOW", (0, 0), (-1, -1), 0.35, RULE),
                    ("TOPPADDING", (0, 0), (-1, -1), 6),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
                    ("LEFTPADDING", (0, 0), (-1, -1), 2),
                ]
            )
        )
        out.append(t)
    out.append(Spacer(1, 1.2 * cm))
    out.append(_raw(f"<b>À lire avant tout.</b> {SELF_ASSESSMENT}", st.boxed))
    if ctx.anonymiser.enabled:
        out.append(
            _p(
                "Version anonymisée : les noms des participant·es sont remplacés (« Participant·e 1 »…) ; "
                "seuls leur service et leur organisation sont conservés.",
                st.muted,
            )
        )
    out.append(NextPageTemplate("body"))
    out.append(PageBreak())
    return out


def participants_summary(ctx: Context) -> str:
    people = ctx.snapshot.participants
    if not people:
        return ""
    by_org = Counter((p.organisation or "organisation non précisée") for p in people)
    orgs = ", ".join(
        f"{clean(org)} : {n}" for org, n in sorted(by_org.items(), key=lambda kv: (-kv[1], kv[0]))
    )
    services = sorted({p.service for p in people if p.service})
    text = f"{plural(len(people), 'participant·e', 'participant·es')} ({orgs})"
    if services:
        text += f". Services représentés : {', '.join(services)}"
    return text + "."


def contents(ctx: Context) -> list[Flowable]:
    """The table of contents; the document template gives it the story's headings before the layout."""
    toc = Contents(
        [ctx.st.toc1, ctx.st.toc2],
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), REGULAR, 9),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ]
        ),
    )
    return [_c("Sommaire", ctx.st.toc_title), toc, PageBreak()]


# -- 1. context ----------------------------------------------------------------------------------------------


def context_section(ctx: Context) -> list[Flowable]:
    info = ctx.snapshot.info
    out: list[Flowable] = [*ctx.h1("Contexte et objectifs")]
    out += [*ctx.h2_block("Contexte"), _or_missing(ctx, info.context)]
    out += [*ctx.h2_block("Objectifs"), _or_missing(ctx, info.objectives)]
    out += [
        *ctx.h2_block("Ce qui était fixé, ce qui était ouvert au débat"),
        _or_missing(ctx, info.fixed_points),
    ]
    return out


# -- 2. programme --------------------------------------------------------------------------------------------


def programme_section(ctx: Context) -> list[Flowable]:
    st = ctx.st
    timings = analysis.programme(ctx.snapshot, ctx.state)
    out: list[Flowable] = [*ctx.h1("Programme")]
    if not timings:
        return [*out, _p("Aucune séquence n'a été jouée.", st.muted)]
    day = format_date(ctx.snapshot.info.date)
    intro = "Les séquences jouées, dans l'ordre, avec la durée prévue et les heures réelles"
    out.append(
        _p(f"{intro}{' (le ' + day + ')' if day else ''}, relevées dans le journal de l'atelier.", st.body)
    )
    rows: list[list[object]] = [
        head_row(ctx, ["Séquence", "Jeu", "Prévu", "Début", "Fin", "Durée réelle", "Cartes jouées"])
    ]
    inferred = False
    for t in timings:
        mark = "" if t.explicit else "≈ "
        inferred = inferred or (not t.explicit and t.start is not None)
        rows.append(
            [
                _c(ctx.text(t.sequence.display_title), st.cell_bold),
                _c(f"{t.sequence.deck.title} (v{t.sequence.deck.version})", st.cell),
                _c(format_minutes(t.planned_minutes), st.cell_right),
                _c(mark + format_time(t.start, "—") if t.start else "—", st.cell_right),
                _c(mark + format_time(t.end, "—") if t.end else "—", st.cell_right),
                _c(format_minutes(t.actual_minutes), st.cell_right),
                _c(
                    f"{t.cards_shown} / {t.cards_total}"
                    if isinstance(t.sequence.deck, QuestionDeck)
                    else "—",
                    st.cell_right,
                ),
            ]
        )
    out.append(table(rows, [4.2 * cm, 4.4 * cm, 1.5 * cm, 1.5 * cm, 1.5 * cm, 1.8 * cm, 2.1 * cm]))
    notes = "Heures de Paris."
    if inferred:
        notes += (
            " « ≈ » : heure déduite de la première et de la dernière action de la séquence (début ou fin non "
            "enregistrés)."
        )
    out.append(_p(notes, st.muted))
    for t in timings:
        seq_state = ctx.seq_state(t.sequence.id)
        if not seq_state.cards_shown:
            continue
        out += ctx.h2_block(f"Déroulé — {ctx.text(t.sequence.display_title)}")
        out.append(card_timeline(ctx, t.sequence, seq_state, t.end))
    return out


def card_timeline(
    ctx: Context, sequence: SequenceInfo, seq_state: SequenceState, end: datetime | None
) -> Table:
    st = ctx.st
    titles = {c.id: c.title for c in sequence.deck.cards}
    shown = seq_state.cards_shown
    rows: list[list[object]] = [head_row(ctx, ["N°", "Carte", "Présentée à", "Temps passé"])]
    for i, card_id in enumerate(shown):
        at = seq_state.card_first_shown.get(card_id)
        nxt = seq_state.card_first_shown.get(shown[i + 1]) if i + 1 < len(shown) else end
        spent = (nxt - at).total_seconds() / 60 if at and nxt and nxt >= at else None
        rows.append(
            [
                _c(str(i + 1), st.cell_right),
                _c(titles.get(card_id, card_id), st.cell),
                _c(format_time(at, "—"), st.cell_right),
                _c(format_minutes(spent), st.cell_right),
            ]
        )
    return table(rows, [1.0 * cm, FRAME_WIDTH - 6.4 * cm, 2.6 * cm, 2.8 * cm])


# -- 3. decks and scoring rule -------------------------------------------------------------------------------


def decks_section(ctx: Context) -> list[Flowable]:
    st = ctx.st
    out: list[Flowable] = [*ctx.h1("Jeux utilisés et règle de calcul")]
    out.append(_raw(f"<b>Autoévaluation.</b> {SELF_ASSESSMENT}", st.boxed))
    for sequence in ctx.sequences:
        deck = sequence.deck
        out += ctx.h2_block(f"{deck.title} (version {deck.version})")
        facts = [f"Séquence : {ctx.text(sequence.display_title)}", f"Grille de lecture : {deck.compass.name}"]
        if deck.authors:
            facts.append(f"Auteurs : {deck.authors}")
        facts.append(f"{plural(len(deck.cards), 'carte')}")
        out.append(_p(" · ".join(facts), st.muted))
        if deck.description:
            out.append(_p(deck.description, st.body))
        if deck.compass.source_note:
            out.append(_p(deck.compass.source_note, st.body_small))
        if isinstance(deck, QuestionDeck):
            out += question_deck_rules(ctx, deck)
        else:
            out += strategy_deck_rules(ctx, deck)
    return out


def question_deck_rules(ctx: Context, deck: QuestionDeck) -> list[Flowable]:
    st = ctx.st
    out: list[Flowable] = _h3("Échelle de réponse")
    rows: list[list[object]] = [head_row(ctx, ["Réponse", "Valeur", "Sur 0–100", "Signification"])]
    lo, hi = deck.scale_min, deck.scale_max
    for option in deck.scale:
        on100 = "—" if option.value is None else format_number(100 * (option.value - lo) / (hi - lo), 0)
        rows.append(
            [
                _c(option.label, st.cell_bold),
                _c(format_number(option.value, 2, "ne sait pas" if option.unknown else "non concerné"),
                   st.cell_center),
                _c(on100, st.cell_center),
                _p(option.description or "", st.cell),
            ]
        )
    out.append(table(rows, [4.6 * cm, 2.4 * cm, 2.0 * cm, FRAME_WIDTH - 9.0 * cm]))
    lo_label = next((o.label for o in deck.scale if o.value == lo), "")
    hi_label = next((o.label for o in deck.scale if o.value == hi), "")
    nc = next((o.label for o in deck.scale if o.value is None and not o.unknown), "« non concerné »")
    out += _h3("Comment les scores sont calculés")
    out.append(
        _raw(
            QUESTIONS_RULE.format(
                lo=inline(quote(lo_label)), hi=inline(quote(hi_label)), nc=inline(quote(nc))
            ),
            st.body,
        )
    )
    out += unknown_rule(ctx, deck)
    if any(lv.source != "officiel" for a in deck.compass.axes for lv in a.levers) or any(
        a.source != "officiel" for a in deck.compass.axes
    ):
        out.append(
            _p(
                "Les intitulés marqués d'un astérisque (*) sont une formulation de l'atelier, pas la "
                "formulation "
                "officielle de la grille : à vérifier avec le document de référence.",
                st.muted,
            )
        )
    return out


def strategy_deck_rules(ctx: Context, deck: StrategyDeck) -> list[Flowable]:
    st = ctx.st
    unit = deck.strategy.budget_unit
    budget = f"{deck.strategy.budget}{NBSP}{unit}"
    out: list[Flowable] = [_p(f"Chaque table construit sa stratégie avec un budget de {budget}.", st.body)]
    axis_labels = {a.id: a.display for a in deck.compass.axes}
    rows: list[list[object]] = [head_row(ctx, ["Carte", "Coût", "Délai", "Effets", "Conditions"])]
    titles = {c.id: c.title for c in deck.cards}
    for card in deck.cards:
        effects = ", ".join(
            f"{axis_labels.get(a, a)}{NBSP}{_signed(v)}" for a, v in card.effects.items() if v
        )
        conditions = []
        if card.requires:
            conditions.append("demande " + ", ".join(quote(titles.get(c, c)) for c in card.requires))
        if card.excludes:
            conditions.append("exclut " + ", ".join(quote(titles.get(c, c)) for c in card.excludes))
        rows.append(
            [
                _c(card.title, st.cell_bold),
                _c(str(card.cost), st.cell_center),
                _c(DELAY_LABELS.get(card.delay, str(card.delay)), st.cell),
                _c(effects or "—", st.cell),
                _c("; ".join(conditions) or "—", st.cell),
            ]
        )
    out.append(table(rows, [5.0 * cm, 1.2 * cm, 2.1 * cm, 5.0 * cm, FRAME_WIDTH - 13.3 * cm]))
    out += _h3("Comment les scores sont calculés")
    out.append(_raw(STRATEGY_RULE.format(budget=inline(budget)), st.body))
    return out


def unknown_rule(ctx: Context, deck: QuestionDeck) -> list[Flowable]:
    """How « ne sait pas » counts, for a deck that offers it."""
    labels = [o.label for o in deck.scale if o.unknown]
    if not labels:
        return []
    shown = " ou ".join(inline(quote(label)) for label in labels)
    return [
        _raw(
            f"La réponse {shown} est notée mais compte comme une absence de réponse : elle ne compte "
            "pas dans le score et fait baisser la couverture.",
            ctx.st.body,
        )
    ]

