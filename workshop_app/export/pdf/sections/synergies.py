"""« Cartes qui se renforcent »: in the strategy part of the compte-rendu, each synergy (two cards that do
more together, :mod:`workshop_app.core.deck_synergy`) that a table's strategy obtained — the two actions,
which tables, why, and what it adds — in words an elected official reads. Nothing when no table got one."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.platypus import Flowable

from workshop_app.core.deck import StrategyDeck
from workshop_app.core.deck_synergy import synergies_of
from workshop_app.core.state import SequenceState
from workshop_app.core.synergy_text import effects_words, obtained
from workshop_app.export.french import NBSP, quote
from workshop_app.export.pdf.sections.common import Context, _h3, _p, bullet_list

SYNERGY_NOTE = (
    "Deux actions qui se renforcent comptent un effet de plus quand une table retient les deux ; cet effet "
    "est compris dans les scores des stratégies et arrive avec la plus lente des deux actions."
)


def synergy_block(
    ctx: Context, deck: StrategyDeck, seq_state: SequenceState, group_ids: Sequence[str]
) -> list[Flowable]:
    if not deck.synergies:
        return []
    names = {g.id: ctx.text(g.name) for g in ctx.groups}
    found = obtained(deck, {g: list(seq_state.picked(g)) for g in group_ids})
    if not found:
        return []
    items = []
    for one in found:
        first, second = (deck.card(c).title for c in one.synergy.cards)
        tables = ", ".join(names.get(g, g) for g in one.groups)
        items.append(
            f"{quote(first)} et {quote(second)} ({tables}){NBSP}: {one.synergy.reason} "
            f"En plus{NBSP}: {effects_words(deck, one.synergy.effects)}."
        )
    return [*_h3("Actions qui se renforcent"), *bullet_list(ctx, items), _p(SYNERGY_NOTE, ctx.st.muted)]


def synergy_terms(deck: StrategyDeck, card_id: str) -> list[str]:
    """For the catalogue's « Conditions » column: « renforcée avec « B » (Fraîcheur +1) », one per synergy."""
    return [
        f"renforcée avec {quote(deck.card(s.other(card_id)).title)} ({effects_words(deck, s.effects)})"
        for s in synergies_of(deck.synergies, card_id)
    ]


def synergy_rule(decks: Sequence[StrategyDeck]) -> str:
    """The method's sentence on synergies, when a strategy deck played has some (else "")."""
    if not any(d.synergies for d in decks):
        return ""
    return (
        "Certaines paires d’actions se renforcent (par exemple des arbres plantés dans un sol rendu "
        "perméable) : quand une table retient les deux, l’effet de leur synergie s’ajoute une seule fois à "
        "la somme, sans changer ni le budget ni l’entretien ; il arrive avec la plus lente des deux actions."
    )
