"""Criteria built during the workshop (« Grille de décision »): one more axis and card written into the deck
snapshot of every sequence of the grid, in one transaction (see ``core.criteria``).

This is the one place where a sequence's deck snapshot changes after it was added: the criteria are the
workshop's data. Answers already recorded keep their meaning (cards are only ever added, never renamed).
Criteria merge between copies (``store.merge_records``): each one's id carries a random part, so two laptops
that each add criteria to a copy of the same workshop end with both sets, in the same order
(``core.criteria.merge_criteria``). Criteria are never deleted, so they need no tombstones.
"""

from __future__ import annotations

from sqlalchemy import select

from workshop_app.core.criteria import with_criterion
from workshop_app.core.deck import QuestionDeck
from workshop_app.core.errors import AtelierError
from workshop_app.store.base import StoreBase
from workshop_app.store.models import SequenceRow, new_id


class CoBuiltMixin(StoreBase):
    def add_criterion(self, workshop_id: str, deck_id: str, label: str, weight: float = 1.0) -> str:
        """Add the criterion ``label`` to the grid ``deck_id`` of the workshop; returns its axis (card) id."""
        with self._write() as session:
            self._touch(session, workshop_id)
            mine = (SequenceRow.workshop_id == workshop_id, SequenceRow.deck_id == deck_id)
            rows = session.scalars(select(SequenceRow).where(*mine)).all()
            if not rows:
                raise AtelierError(
                    "Ajoutez d’abord une action à noter\u00a0: la grille n’a pas encore de séquence."
                )
            key, unique = "", new_id().replace("-", "")[:8]  # ids that never meet another copy's
            for row in sorted(rows, key=lambda r: r.position):
                deck = self._deck_from(row.id, row.deck)
                if not isinstance(deck, QuestionDeck):
                    raise AtelierError("Ce jeu n’a pas de critères à construire en atelier.")
                new = with_criterion(deck, label, weight, unique=unique)
                key = key or new.cards[-1].id
                if new.cards[-1].id != key:  # the grid's sequences always share their criteria
                    raise AtelierError("Les séquences de cette grille n’ont pas les mêmes critères.")
                row.deck = new.model_dump(mode="json")
                row.deck_version = new.version
            for row in rows:
                with self._lock:
                    self._decks.pop(row.id, None)  # the snapshot changed: read it again
        return key
