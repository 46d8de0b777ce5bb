"""A deck being edited in the app: plain data that may be invalid while the facilitator types. Qt-free.

The draft holds the deck as the same plain data its YAML holds; every edit is checked at once by the deck
model, and each problem is filed under its field path (``cards[3].title``) so the editor shows it next to
the field. Saving writes YAML (atomically) in the user's deck folder and bumps the version; workshops that
already played the deck keep the snapshot they stored, so an edit never changes them.
"""

from __future__ import annotations

import copy
import itertools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from workshop_app.core.deck_loader import AnyDeck, DeckLoadError, deck_from_data
from workshop_app.core.deck_sheet_write import template_data
from workshop_app.core.deck_yaml import save_deck_yaml
from workshop_app.core.errors import AtelierError


def bump_version(version: str) -> str:
    """« 1.0 » → « 1.1 », « 3 » → « 4 », « 2.1.9 » → « 2.1.10 », « bêta » → « bêta.1 »."""
    match = re.search(r"(\d+)(?!.*\d)", version)
    if match is None:
        return f"{version}.1"[:30]
    start, end = match.span(1)
    return (version[:start] + str(int(match.group(1)) + 1) + version[end:])[:30]


@dataclass
class DeckDraft:
    data: dict[str, Any]
    path: Path | None = None  # the user's file it was opened from (None: a new deck or a duplicate)
    issues: dict[str, str] = field(default_factory=dict)  # field path -> French message
    deck: AnyDeck | None = None  # the valid deck, when the draft is valid

    def __post_init__(self) -> None:
        self.check()

    # -- opening --------------------------------------------------------------------------------------------
    @classmethod
    def new(cls, mechanic: str = "questions") -> DeckDraft:
        data = template_data(mechanic)
        data.update(id="mon-jeu", title="Mon jeu")
        data["compass"] = {
            "name": "Ma boussole",
            "axes": [{"id": "a1", "label": "Premier axe", "levers": []}],
        }
        card: dict[str, Any] = {
            "id": "c1",
            "title": "Première carte",
            "prompt": "La question posée aux tables.",
        }
        if mechanic == "strategy":
            card.update(cost=1, delay="court", effects={"a1": 1})
        else:
            card["informs"] = [{"lever": "a1", "weight": 1.0}]
        data["cards"] = [card]
        return cls(data)

    @classmethod
    def duplicate(cls, deck: AnyDeck, taken: set[str]) -> DeckDraft:
        """« Dupliquer et modifier »: a copy with its own id (the original, built-in or not, is untouched)."""
        data = deck.model_dump(mode="json")
        base = f"{deck.id}-copie"[:60]
        new_id, n = base, 2
        while new_id in taken:
            new_id, n = f"{base}-{n}", n + 1
        data.update(id=new_id, title=f"{deck.title} (copie)"[:200], subset="")
        return cls(data)

    @classmethod
    def edit(cls, deck: AnyDeck, path: Path) -> DeckDraft:
        return cls(deck.model_dump(mode="json"), path)

    # -- editing --------------------------------------------------------------------------------------------
    def get(self, path: str, default: Any = "") -> Any:
        node: Any = self.data
        for part in _parts(path):
            try:
                node = node[part]
            except (KeyError, IndexError, TypeError):
                return default
        return node

    def put(self, path: str, value: Any) -> None:
        parts = _parts(path)
        node: Any = self.data
        for part, following in itertools.pairwise(parts):
            if isinstance(node, dict) and part not in node:
                node[part] = [] if isinstance(following, int) else {}
            node = node[part]
        node[parts[-1]] = value
        self.check()

    @property
    def cards(self) -> list[dict[str, Any]]:
        cards: list[dict[str, Any]] = self.data.setdefault("cards", [])
        return cards

    def add_card(self, after: int | None = None) -> int:
        strategy = self.data.get("mechanic") == "strategy"
        ids = {c.get("id") for c in self.cards}
        n = len(self.cards) + 1
        while f"c{n}" in ids:
            n += 1
        card: dict[str, Any] = {"id": f"c{n}", "title": "Nouvelle carte", "prompt": ""}
        first_target = _first_target(self.data)
        if strategy:
            card.update(cost=1, delay="court", effects={})
        else:
            card["informs"] = [{"lever": first_target, "weight": 1.0}] if first_target else []
        index = len(self.cards) if after is None else after + 1
        self.cards.insert(index, card)
        self.check()
        return index

    def duplicate_card(self, index: int) -> int:
        card = copy.deepcopy(self.cards[index])
        ids = {c.get("id") for c in self.cards}
        base, n = f"{card.get('id', 'c')}-bis", 2
        card["id"] = base
        while card["id"] in ids:
            card["id"], n = f"{base}{n}", n + 1
        self.cards.insert(index + 1, card)
        self.check()
        return index + 1

    def remove_card(self, index: int) -> None:
        removed = self.cards.pop(index).get("id")
        # A named subset no longer lists the removed card; a subset left empty goes with it.
        subsets = self.data.get("subsets") or []
        for subset in subsets:
            subset["cards"] = [c for c in subset.get("cards", []) if c != removed]
        if subsets:
            self.data["subsets"] = [s for s in subsets if s.get("cards")]
        if self.data.get("synergies"):  # a synergy needs both its cards: it goes with the removed one
            self.data["synergies"] = [s for s in self.data["synergies"] if removed not in s.get("cards", [])]
        self.check()

    def move_card(self, index: int, delta: int) -> int:
        target = index + delta
        if not (0 <= index < len(self.cards) and 0 <= target < len(self.cards)):
            return index
        cards = self.cards
        cards[index], cards[target] = cards[target], cards[index]
        self.check()
        return target

    @property
    def synergies(self) -> list[dict[str, Any]]:
        synergies: list[dict[str, Any]] = self.data.setdefault("synergies", [])
        return synergies

    def add_synergy(self) -> int:
        """A new synergy between the first two cards not yet paired (any two when all pairs are taken), with
        no effect and no reason yet: the editor shows what is missing until the author writes it."""
        ids = [str(c.get("id", "")) for c in self.cards]
        taken = {frozenset(s.get("cards", [])) for s in self.synergies}
        pairs = [[a, b] for i, a in enumerate(ids) for b in ids[i + 1 :]]
        cards = next((p for p in pairs if frozenset(p) not in taken), pairs[0] if pairs else ids[:2])
        self.synergies.append({"cards": cards, "effects": {}, "reason": ""})
        self.check()
        return len(self.synergies) - 1

    def remove_synergy(self, index: int) -> None:
        if 0 <= index < len(self.synergies):
            self.synergies.pop(index)
        if not self.synergies:
            self.data.pop("synergies", None)  # no empty list left in the YAML
        self.check()

    # -- checking and saving --------------------------------------------------------------------------------
    def check(self) -> None:
        try:
            self.deck = deck_from_data(copy.deepcopy(self.data), self.data.get("id") or "jeu")
            self.issues = {}
        except DeckLoadError as exc:
            self.deck = None
            self.issues = {}
            for issue in exc.issues:
                self.issues.setdefault(issue.field, issue.message)

    def issue(self, path: str) -> str:
        """The problem of one field, or of anything under it (``cards[2]`` covers ``cards[2].title``)."""
        if path in self.issues:
            return self.issues[path]
        inside = [m for f, m in self.issues.items() if f.startswith(f"{path}.") or f.startswith(f"{path}[")]
        return inside[0] if inside else ""

    def save(self, folder: Path, builtin_ids: set[str], user_files: dict[str, Path]) -> Path:
        """Writes the deck, version bumped; returns the file. ``user_files``: the user's decks by id."""
        if self.deck is None:
            first = next(iter(self.issues.items()), ("", "jeu invalide"))
            raise AtelierError(f"Le jeu ne peut pas être enregistré : {first[0]} : {first[1]}")
        deck_id = self.deck.id
        if deck_id in builtin_ids:
            raise AtelierError(
                f"« {deck_id} » est l’identifiant d’un jeu intégré : donnez un autre identifiant à votre jeu."
            )
        target = folder / f"{deck_id}.yaml"
        other = user_files.get(deck_id)
        if other is not None and (self.path is None or other.resolve() != self.path.resolve()):
            raise AtelierError(f"Un autre de vos jeux porte déjà l’identifiant « {deck_id} » ({other.name}).")
        if self.path is not None and other is not None:
            target = self.path
        self.data["version"] = bump_version(self.deck.version)
        self.check()
        assert self.deck is not None
        save_deck_yaml(self.deck, target)
        if self.path is not None and self.path.resolve() != target.resolve() and self.path.exists():
            self.path.unlink()  # the deck was renamed: one file per deck
        self.path = target
        return target


def _first_target(data: dict[str, Any]) -> str:
    for axis in data.get("compass", {}).get("axes", []):
        levers = axis.get("levers") or []
        return str(levers[0].get("id", "")) if levers else str(axis.get("id", ""))
    return ""


def _parts(path: str) -> list[str | int]:
    parts: list[str | int] = []
    for chunk in path.replace("]", "").split("."):
        head, *indices = chunk.split("[")
        if head:
            parts.append(head)
        parts.extend(int(i) for i in indices)
    return parts
