"""From the start page: the deck editor (new, duplicate, yours), printed cards and the deck's workbook."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from workshop_app.core.catalogue import DeckEntry
from workshop_app.core.deck_draft import DeckDraft
from workshop_app.core.errors import AtelierError
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
        self.on_status: Callable[[str], None] = lambda _text: None

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

    def write_file(self, entry: DeckEntry | None, kind: str) -> Path | None:
        """« Imprimer les cartes… » (PDF) or « Exporter en tableur… » (.xlsx) for one deck; or an empty
        template workbook (``template-questions``, ``template-strategy``)."""
        if kind.startswith("template-"):
            return self.write_template(kind.removeprefix("template-"))
        deck = entry.deck if entry is not None else None
        if deck is None:
            return None
        if kind == "print":
            title, name, pattern = (
                self.tr("Imprimer les cartes"),
                f"cartes-{deck.id}.pdf",
                self.tr("PDF (*.pdf)"),
            )
        else:
            title, name, pattern = (
                self.tr("Exporter en tableur"),
                f"{deck.id}.xlsx",
                self.tr("Classeur (*.xlsx)"),
            )
        raw = self.choose_save(title, name, pattern)
        if not raw:
            return None
        target = Path(raw)
        try:
            if kind == "print":
                from workshop_app.export.cards_print import print_cards

                print_cards(deck, target)
            else:
                from workshop_app.core.deck_sheet_write import deck_to_sheet

                deck_to_sheet(deck, target)
        except AtelierError as exc:
            QMessageBox.warning(self._parent, title, str(exc))
            return None
        self.on_status(self.tr("Écrit : {0}").format(target))
        return target

    def write_template(self, mechanic: str) -> Path | None:
        from workshop_app.core.deck_sheet_write import save_workbook, template_data

        title = self.tr("Modèle de tableur")
        raw = self.choose_save(title, f"modele-{mechanic}.xlsx", self.tr("Classeur (*.xlsx)"))
        if not raw:
            return None
        try:
            save_workbook(template_data(mechanic), Path(raw))
        except AtelierError as exc:
            QMessageBox.warning(self._parent, title, str(exc))
            return None
        self.on_status(self.tr("Modèle écrit : {0} (voir sa feuille « Lisez-moi »)").format(raw))
        return Path(raw)

    def choose_save(self, title: str, name: str, pattern: str) -> str:
        """Asks where to write (tests replace this)."""
        path, _ = QFileDialog.getSaveFileName(self._parent, title, name, pattern)
        return str(path)

    def close_all(self) -> bool:
        """Before the app quits: each open editor closes (asking about unsaved edits); False if one stays."""
        for editor in self._parent.findChildren(DeckEditor):
            if editor.isVisible() and not editor.close():
                return False
        return True

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
