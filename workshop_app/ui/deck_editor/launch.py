"""Opening the deck editor from the start page: a new deck, a duplicate of a built-in one, or one of yours."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QWidget

from workshop_app.core.catalogue import DeckEntry
from workshop_app.core.deck_draft import DeckDraft
from workshop_app.paths import user_decks_dir
from workshop_app.ui.deck_editor.window import DeckEditor


class DeckEditorFlow(QObject):
    """``decks()`` is the current catalogue; ``on_saved(path)`` refreshes the lists once a deck is saved."""

    def __init__(
        self, parent: QWidget, decks: Callable[[], Sequence[DeckEntry]], on_saved: Callable[[str], None]
    ) -> None:
        super().__init__(parent)
        self._parent = parent
        self._decks = decks
        self._on_saved = on_saved
        self.editor: DeckEditor | None = None

    def new_deck(self) -> DeckEditor:
        draft = DeckDraft.new()
        taken = {e.deck.id for e in self._decks() if e.deck is not None}
        n = 2
        while draft.get("id") in taken:
            draft.put("id", f"mon-jeu-{n}")
            n += 1
        return self._open(draft)

    def edit_deck(self, entry: DeckEntry) -> DeckEditor | None:
        if entry.deck is None:
            return None
        if entry.builtin:  # « Dupliquer et modifier »: a built-in deck is never changed in place
            taken = {e.deck.id for e in self._decks() if e.deck is not None}
            return self._open(DeckDraft.duplicate(entry.deck, taken))
        return self._open(DeckDraft.edit(entry.deck, entry.path))

    def _open(self, draft: DeckDraft) -> DeckEditor:
        editor = DeckEditor(draft, user_decks_dir(), self._catalogue, self._parent)
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        editor.sig_saved.connect(self._on_saved)
        self.editor = editor
        editor.show()
        return editor

    def _catalogue(self) -> tuple[set[str], dict[str, Path]]:
        entries = self._decks()
        builtin = {e.deck.id for e in entries if e.builtin and e.deck is not None}
        mine = {e.deck.id: e.path for e in entries if not e.builtin and e.deck is not None}
        return builtin, mine
