"""Synergies said on screen (strategy decks): what a card pairs with, and what a table's picks obtained.

The interface's own words go through Qt's translation (context « synergy »); the card titles, the axes'
labels and the reasons are the deck's text. The gains are the deck's effects, written as the compte-rendu
writes them (:func:`workshop_app.core.synergy_text.effects_words`: « Fraîcheur +1, Biodiversité +1 »). Used
by the pick table, the card panel, the strategy panel and the projector.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from workshop_app.core.deck import StrategyCard, StrategyDeck
from workshop_app.core.deck_synergy import Synergy, active_synergies, one_card_short, synergies_of
from workshop_app.core.synergy_text import effects_words

MARK = "⇄"


def _tr(text: str) -> str:
    return QCoreApplication.translate("synergy", text)


def _title(deck: StrategyDeck, card_id: str) -> str:
    return next((c.title for c in deck.cards if c.id == card_id), card_id)


def partner_line(deck: StrategyDeck, card: StrategyCard, synergy: Synergy) -> str:
    """« ⇄ avec « Rendre perméable le parking du quai » : Fraîcheur +1, Biodiversité +1 »."""
    return _tr("%1 avec « %2 » : %3").replace("%1", MARK).replace(
        "%2", _title(deck, synergy.other(card.id))).replace("%3", effects_words(deck, synergy.effects))


def card_synergy_lines(deck: StrategyDeck, card: StrategyCard, with_reason: bool = False) -> list[str]:
    """One line per synergy of ``card`` (its partner and what the pair adds), the reason after it if asked."""
    lines = []
    for synergy in synergies_of(deck.synergies, card.id):
        line = partner_line(deck, card, synergy)
        lines.append(f"{line} — {synergy.reason}" if with_reason else line)
    return lines


def pair_words(deck: StrategyDeck, synergy: Synergy) -> str:
    """« « A » + « B » »."""
    first, second = (_title(deck, c) for c in synergy.cards)
    return f"« {first} » + « {second} »"


@dataclass(frozen=True)
class TableSynergies:
    """One table's synergies: those its picks obtained, and those one card short (with that card's id)."""

    obtained: tuple[Synergy, ...]
    short: tuple[tuple[Synergy, str], ...]

    def count_text(self) -> str:
        """« 1 synergie », « 2 synergies »; empty when none."""
        count = len(self.obtained)
        if not count:
            return ""
        word = _tr("%1 synergie") if count == 1 else _tr("%1 synergies")
        return word.replace("%1", str(count))


def table_synergies(deck: StrategyDeck, picked: Collection[str]) -> TableSynergies:
    return TableSynergies(
        tuple(active_synergies(deck.synergies, picked)),
        tuple(one_card_short(deck.synergies, deck.cards, picked)),
    )


def table_synergy_text(deck: StrategyDeck, name: str, found: TableSynergies) -> str:
    """« ⇄ Table 1 — obtenue : « A » + « B » (Fraîcheur +1) · à une carte près : « C » (Santé +1) »,
    where « C » would complete a synergy with a card already picked (named in the tooltip)."""
    parts = []
    if found.obtained:
        head = _tr("obtenue : %1") if len(found.obtained) == 1 else _tr("obtenues : %1")
        pairs = "; ".join(f"{pair_words(deck, s)} ({effects_words(deck, s.effects)})" for s in found.obtained)
        parts.append(head.replace("%1", pairs))
    if found.short:
        missing = "; ".join(
            _tr("« %1 » (%2)").replace("%1", _title(deck, card_id)).replace(
                "%2", effects_words(deck, s.effects))
            for s, card_id in found.short
        )
        parts.append(_tr("à une carte près : %1").replace("%1", missing))
    if not parts:
        return _tr("%1 %2 : aucune synergie pour l’instant").replace("%1", MARK).replace("%2", name)
    return f"{MARK} {name} — " + " · ".join(parts)


def table_synergy_tip(deck: StrategyDeck, found: TableSynergies) -> str:
    """Each obtained synergy's reason, then what each missing card would add (for a tooltip)."""
    lines = [f"{pair_words(deck, s)} : {s.reason} " + _tr("En plus : %1.").replace(
        "%1", effects_words(deck, s.effects)) for s in found.obtained]
    for synergy, card_id in found.short:
        from workshop_app.ui.play.picks_model import amount  # it imports this module

        card = next((c for c in deck.cards if c.id == card_id), None)
        cost = f" ({amount(card.cost, deck.strategy.budget_unit)})" if card is not None else ""
        lines.append(_tr("Il manque « %1 »%2 pour la paire avec « %3 » : %4").replace(
            "%1", _title(deck, card_id)).replace("%2", cost).replace(
            "%3", _title(deck, synergy.other(card_id))).replace("%4", synergy.reason))
    return "\n".join(lines)
