"""The opening of the compte-rendu: cover, contents, context, programme; the method (decks and scoring rule)
and, in the complete edition's annexes, the card timing log and the strategy deck's catalogue."""

from __future__ import annotations

from collections import Counter
from datetime import datetime

from reportlab.lib.units import cm
from reportlab.platypus import Flowable, NextPageTemplate, PageBreak, Spacer, Table, TableStyle

from workshop_app.core.deck import DELAY_LABELS, QuestionDeck, StrategyDeck
from workshop_app.core.spread_words import spread_words
from workshop_app.core.state import SequenceState
from workshop_app.core.subjects import once_per_subject_deck
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
    _p,
    _raw,
    _signed,
    head_row,
    table,
)
from workshop_app.export.pdf.sections.horizon import horizon_rule
from workshop_app.export.pdf.sections.method import findings_rule, question_method
from workshop_app.export.pdf.sections.synergies import synergy_terms
from workshop_app.export.pdf.styles import ACCENT, FRAME_WIDTH, RULE
from workshop_app.export.pdf.template import FooterNotice
from workshop_app.export.report import kinds
from workshop_app.export.report.kinds import SELF_ASSESSMENT as SELF_ASSESSMENT

STRATEGY_RULE = (
    "L'effet brut d'une table sur un axe est la somme des effets (de −2 à +2) des cartes qu'elle a retenues. "
    "Il est placé sur une échelle de 0 à 100 où 50 signifie « sans effet » : 100 correspond au meilleur "
    "total qu'une table pouvait atteindre sur cet axe dans le budget de {budget}, 0 au pire total ; une "
    "table qui dépasse le budget peut aller au-delà, son score est alors plafonné à 0 ou 100. La "
    "part du budget dépensée est indiquée. Les dépassements de budget et les cartes "
    "incompatibles ou manquantes sont signalés, jamais masqués. Le score de la salle est la moyenne des "
    "tables qui ont retenu au moins une carte. Ces scores décrivent les effets attendus de stratégies "
    "imaginées pendant le jeu, pas l’état du territoire."
)


MAINTENANCE = {0: "aucun", 1: "faible", 2: "moyen", 3: "lourd"}  # a strategy card's maintenance burden


# -- cover and contents --------------------------------------------------------------------------------------


def cover(ctx: Context) -> list[Flowable]:
    info = ctx.snapshot.info
    st = ctx.st
    decks = [s.deck for s in ctx.sequences]
    out: list[Flowable] = [FooterNotice(kinds.footer_notice(decks, len(ctx.groups))), Spacer(1, 2.2 * cm)]
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
    add("Lieu", ctx.text(info.place))
    add("Animation", ctx.anonymiser.facilitators(info.facilitators))  # anonymised: their roles, no name
    add("Participant·es", participants_summary(ctx))
    if ctx.groups:
        add(
            "Tables",
            f"{plural(len(ctx.groups), 'table')} : " + ", ".join(ctx.text(g.name) for g in ctx.groups),
        )
    played = [
        f"{s.display_title} ({s.deck.title}, v{s.deck.version})"
        if s.title
        else f"{s.deck.title} (v{s.deck.version})"
        for s in ctx.sequences
    ]
    add("Séquences", " ; ".join(played))
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
    notice = inline(kinds.reading_notice(decks, len(ctx.groups)))  # what this document's figures are
    out.append(_raw(f"<b>À lire avant tout.</b> {notice}", st.boxed))
    if ctx.anonymiser.enabled:
        out.append(
            _p(
                "Version anonymisée : les noms des participant·es sont remplacés (« Participant·e 1 »…) et "
                "ceux de l’animation retirés ; leur service, leur organisation et le rôle de l’animation "
                "sont conservés, ce qui peut suffire à reconnaître une personne dans un petit groupe "
                "(pseudonymisation).",
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
    elected = [p for p in people if p.kind == "élu" or _is_elected(p.service, p.role)]
    services = sorted({p.service for p in people if p.service and not _is_elected(p.service, "")})
    text = f"{plural(len(people), 'participant·e', 'participant·es')}"
    if elected:
        text += f", dont {plural(len(elected), 'élu·e', 'élu·es')}"
    text += f" ({orgs})"
    if services:
        text += f". Services représentés : {', '.join(services)}"
    return text + "."


_ELECTED_SERVICES = {"élus", "élu", "élue", "élues", "élu·es", "élu·e", "élu.e.s", "élus et élues"}
_ELECTED_ROLES = (
    "maire", "élu", "vice-président", "conseiller municipal", "conseillère municipale",
    "conseiller communautaire", "conseillère communautaire",
)


def _is_elected(service: str, role: str) -> bool:
    """An elected official: « Élus » typed as a service, or a role such as « Maire-adjointe »."""
    if service.strip().casefold() in _ELECTED_SERVICES:
        return True
    role = role.casefold()
    return any(word in role for word in _ELECTED_ROLES)


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


# -- context and programme: rendered from the document model (workshop_app.export.report.body) -----------


def timeline_annex(ctx: Context) -> list[Flowable]:
    """The minute-by-minute log of the cards shown (an annex of the complete edition)."""
    timings = [
        t for t in analysis.programme(ctx.snapshot, ctx.state) if ctx.seq_state(t.sequence.id).cards_shown
    ]
    if not timings:
        return []
    out: list[Flowable] = [*ctx.next_annex("Déroulé carte par carte")]
    for t in timings:
        if len(timings) > 1:
            out += _h3(ctx.text(t.sequence.display_title))
        out.append(card_timeline(ctx, t.sequence, ctx.seq_state(t.sequence.id), t.end))
    return out


def card_timeline(
    ctx: Context, sequence: SequenceInfo, seq_state: SequenceState, end: datetime | None
) -> Table:
    st = ctx.st
    titles = {c.id: c.title for c in sequence.deck.cards}
    shown = seq_state.cards_shown
    rows: list[list[object]] = [head_row(ctx, ["N°", "Carte", "Heure", "Temps passé"])]
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
    """The method: each deck, its scale and how the scores are computed. The deck's notes for its authors
    (``authors``, ``compass.source_note``) are not printed: the origin of the labels is one sober line."""
    st = ctx.st
    out: list[Flowable] = [*ctx.h1("Méthode : jeux utilisés et calcul des scores")]
    for sequence in once_per_subject_deck(ctx.sequences):  # 11 interviews of one deck: described once
        deck = sequence.deck
        out += ctx.h2_block(f"{deck.title} (version {deck.version})")
        facts = [f"Grille de lecture : {deck.compass.name}", f"{plural(len(deck.cards), 'carte')}"]
        out.append(_p(" · ".join(facts), st.muted))
        if deck.description and ctx.full:
            out.append(_p(deck.description, st.body))
        if isinstance(deck, QuestionDeck):
            out += question_deck_rules(ctx, deck)
        else:
            out += strategy_deck_rules(ctx, deck)
        origin = labels_origin(deck)
        if origin:
            out.append(_p(origin, st.muted))
    rule = findings_rule(ctx)
    if rule:
        out += _h3("Points forts, vulnérabilités, accords")
        out.append(_p(rule, st.body))
    return out


def labels_origin(deck: QuestionDeck | StrategyDeck) -> str:
    """One line on where the labels come from: the reference's own wording, or the workshop's summary."""
    labels = [(a.label, a.source) for a in deck.compass.axes] + [
        (lv.label, lv.source) for a in deck.compass.axes for lv in a.levers
    ]
    ours = sum(1 for _, source in labels if source != "officiel")
    if not labels or ours == 0:
        return f"Intitulés : ceux de la grille {deck.compass.name}."
    if ours == len(labels):
        return f"Intitulés des {spread_words(deck).plural.lower()} : formulation de l’atelier."
    return (
        f"Intitulés : ceux de la grille {deck.compass.name} ; {plural(ours, 'intitulé')} sur {len(labels)} "
        "en résument les thèmes avec les mots de l’atelier."
    )


def question_deck_rules(ctx: Context, deck: QuestionDeck) -> list[Flowable]:
    st = ctx.st
    out: list[Flowable] = []
    if ctx.full:
        out += scale_table(ctx, deck)
    else:
        scale = " ; ".join(o.label for o in deck.scale)
        out.append(_p(f"Échelle de réponse : {scale}.", st.body))
    out += _h3("Comment les scores sont calculés")
    out += question_method(ctx, deck)  # the rule in plain words (core.scoring.METHOD_TEXT), then this deck's
    out += unknown_rule(ctx, deck)
    return out


def scale_table(ctx: Context, deck: QuestionDeck) -> list[Flowable]:
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
    return out


def strategy_deck_rules(ctx: Context, deck: StrategyDeck) -> list[Flowable]:
    st = ctx.st
    unit = deck.strategy.budget_unit
    budget = f"{deck.strategy.budget}{NBSP}{unit}"
    out: list[Flowable] = [_p(f"Chaque table construit sa stratégie avec un budget de {budget}.", st.body)]
    if ctx.full:
        out.append(_p("Le catalogue des cartes figure en annexe.", st.muted))
    out += _h3("Comment les scores sont calculés")
    out.append(_raw(STRATEGY_RULE.format(budget=inline(budget)), st.body))
    out += horizon_rule(ctx)  # the two horizons, 2030 and 2050 (core.horizon)
    return out


def catalogue_annex(ctx: Context) -> list[Flowable]:
    """The catalogue of each strategy deck (an annex of the complete edition)."""
    decks = [s.deck for s in ctx.sequences if isinstance(s.deck, StrategyDeck)]
    if not decks:
        return []
    out: list[Flowable] = [*ctx.next_annex("Catalogue des cartes stratégie")]
    for deck in decks:
        if len(decks) > 1:
            out += _h3(deck.title)
        out += strategy_catalogue(ctx, deck)
    return out


def strategy_catalogue(ctx: Context, deck: StrategyDeck) -> list[Flowable]:
    st = ctx.st
    out: list[Flowable] = []
    axis_labels = {a.id: a.display for a in deck.compass.axes}
    header = ["Carte", "Coût", "Délai", "Entretien", "Effets", "Conditions"]
    rows: list[list[object]] = [head_row(ctx, header)]
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
        conditions += synergy_terms(deck, card.id)  # « renforcée par « … » (Fraîcheur +1) »
        rows.append(
            [
                _c(card.title, st.cell_bold),
                _c(str(card.cost), st.cell_center),
                _c(DELAY_LABELS.get(card.delay, str(card.delay)), st.cell),
                _c(MAINTENANCE.get(card.maintenance, str(card.maintenance)), st.cell),
                _c(effects or "—", st.cell),
                _c("; ".join(conditions) or "—", st.cell),
            ]
        )
    widths = [4.1 * cm, 1.2 * cm, 1.8 * cm, 1.9 * cm, 4.5 * cm]
    out.append(table(rows, [*widths, FRAME_WIDTH - sum(widths)]))
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

