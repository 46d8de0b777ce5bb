"""Synergies of a strategy deck: two cards that do more together than apart.

A deck lists them once, beside its cards (``synergies``): the two cards, the extra effect on some axes
(−2…+2, like a card's own effects) and a short reason in French, read to the tables and printed in the
compte-rendu (« les arbres ont besoin d’un sol ouvert pour grandir »). A synergy counts once when both cards
are in a table's strategy, whatever the order they were picked in, and not at all when either is missing.
Its gain arrives with the slower of its two cards (:func:`synergy_delay`). It changes no budget and no
maintenance: the two cards cost what they cost.

Pure data and checks; no Qt. The rules (``check_synergies``) raise :class:`SynergyRuleError` with the field
path (``synergies[2].cards[1]``), which :mod:`workshop_app.core.deck` turns into its own rule error, so the
loader names the file, the line and the field.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from typing import Annotated, Protocol

from pydantic import Field

from workshop_app.core.deck_parts import Identifier, Int, Strict_

MAX_SYNERGIES = 40
MAX_REASON = 300

SYNERGIES = (
    "Synergies : deux cartes qui, retenues ensemble par une table, font plus que la somme de leurs effets "
    "(par exemple des arbres plantés dans un sol désimperméabilisé). L’effet de la synergie s’ajoute une "
    "seule fois, quand les deux cartes sont dans la stratégie, et arrive avec la plus lente des deux ; il ne "
    "change ni le budget ni l’entretien."
)

_DELAY_ORDER = {"court": 0, "moyen": 1, "long": 2}


class Synergy(Strict_):
    """Two cards that reinforce each other: extra effects when a table retains both."""

    cards: Annotated[list[Identifier], Field(min_length=2, max_length=2)] = Field(
        description="Les deux cartes (identifiants) qui se renforcent, dans n’importe quel ordre."
    )
    effects: dict[str, Annotated[Int, Field(ge=-2, le=2)]] = Field(
        description="Effet supplémentaire sur chaque axe quand les deux cartes sont retenues (identifiant "
        "de l’axe : de −2 à +2)."
    )
    reason: Annotated[str, Field(min_length=1, max_length=MAX_REASON)] = Field(
        description="Pourquoi les deux cartes se renforcent, en une phrase simple : montrée aux tables, "
        "imprimée sur les cartes et dans le compte-rendu."
    )

    @property
    def pair(self) -> frozenset[str]:
        return frozenset(self.cards)

    def other(self, card_id: str) -> str:
        """The other card of the pair."""
        first, second = self.cards
        return second if card_id == first else first


class _Card(Protocol):
    @property
    def id(self) -> str: ...

    @property
    def delay(self) -> str: ...

    @property
    def excludes(self) -> list[str]: ...


class SynergyRuleError(ValueError):
    def __init__(self, where: str, message: str) -> None:
        super().__init__(f"{where}: {message}")
        self.where = where
        self.message = message


def check_synergies(synergies: Sequence[Synergy], cards: Sequence[_Card], axes: Sequence[str]) -> None:
    """Every card named exists, a card never pairs with itself, a pair is declared once, every axis exists,
    at least one effect is not zero, and the two cards are not incompatible (the synergy could never play)."""
    by_id = {c.id: c for c in cards}
    seen: dict[frozenset[str], int] = {}
    for i, synergy in enumerate(synergies):
        for j, card_id in enumerate(synergy.cards):
            if card_id not in by_id:
                raise SynergyRuleError(f"synergies[{i}].cards[{j}]", f"carte inconnue « {card_id} »")
        first, second = synergy.cards
        if first == second:
            raise SynergyRuleError(
                f"synergies[{i}].cards[1]", f"une carte ne peut être en synergie avec elle-même (« {first} »)"
            )
        earlier = seen.get(synergy.pair)
        if earlier is not None:
            raise SynergyRuleError(
                f"synergies[{i}].cards",
                f"synergie en double entre « {first} » et « {second} » (déjà déclarée en "
                f"synergies[{earlier}])",
            )
        seen[synergy.pair] = i
        if second in by_id[first].excludes or first in by_id[second].excludes:
            raise SynergyRuleError(
                f"synergies[{i}].cards",
                f"« {first} » et « {second} » sont incompatibles : cette synergie ne pourrait jamais jouer",
            )
        for axis_id in synergy.effects:
            if axis_id not in axes:
                raise SynergyRuleError(
                    f"synergies[{i}].effects.{axis_id}",
                    f"axe inconnu « {axis_id} » ; axes possibles : {', '.join(axes)}",
                )
        if not any(synergy.effects.values()):
            raise SynergyRuleError(
                f"synergies[{i}].effects", "une synergie doit changer au moins un axe (un effet non nul)"
            )


def active_synergies(synergies: Sequence[Synergy], picked: Collection[str]) -> list[Synergy]:
    """The synergies whose two cards are both picked, in the deck's order (each once)."""
    chosen = set(picked)
    return [s for s in synergies if s.pair <= chosen]


def synergies_of(synergies: Sequence[Synergy], card_id: str) -> list[Synergy]:
    """The synergies a card takes part in, in the deck's order."""
    return [s for s in synergies if card_id in s.cards]


def synergy_delay(synergy: Synergy, delays: Mapping[str, str]) -> str:
    """The slower of the two cards' delays (« court », « moyen », « long »): when the gain arrives."""
    return max((delays[c] for c in synergy.cards), key=lambda d: _DELAY_ORDER.get(d, 2))


def kept_in(synergies: Sequence[Synergy], card_ids: Collection[str]) -> list[Synergy]:
    """The synergies both of whose cards are still in the deck (a named subset keeps these only)."""
    ids = set(card_ids)
    return [s for s in synergies if s.pair <= ids]


def one_card_short(
    synergies: Sequence[Synergy], cards: Sequence[_Card], picked: Collection[str]
) -> list[tuple[Synergy, str]]:
    """The synergies a strategy misses by one card: one of the two is picked, the other (returned beside it)
    is not, and could still be, as it is incompatible with none of the picked cards. In the deck's order."""
    chosen = set(picked)
    by_id = {c.id: c for c in cards}
    out: list[tuple[Synergy, str]] = []
    for synergy in synergies:
        held = [c for c in synergy.cards if c in chosen]
        if len(held) != 1:
            continue
        missing = synergy.other(held[0])
        card = by_id.get(missing)
        if card is None or any(other in chosen for other in card.excludes):
            continue
        if any(missing in by_id[c].excludes for c in chosen if c in by_id):
            continue
        out.append((synergy, missing))
    return out
