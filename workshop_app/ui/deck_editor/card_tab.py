"""The cards of the deck being edited: the list (add, duplicate, remove, reorder), the selected card's form
with each field's error beside it, and the card as the projector will show it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLayout,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from workshop_app.core.deck import DELAY_LABELS, Delay
from workshop_app.core.deck_draft import DeckDraft
from workshop_app.core.deck_field_text import (
    effects_text,
    ids_text,
    links_text,
    parse_effects,
    parse_ids,
    parse_links,
)
from workshop_app.ui.deck_editor.fields import BoundField, Editor
from workshop_app.ui.deck_editor.preview import CardPreview


class CardTab(QWidget):
    sig_changed = Signal()  # the draft changed: the dialog refreshes its status

    def __init__(self, draft: DeckDraft, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.draft = draft
        self.fields: dict[str, BoundField] = {}
        self.list = QListWidget()
        self.list.setObjectName("cardList")
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Ajouter"))
        self.copy_button = QPushButton(self.tr("Dupliquer"))
        self.remove_button = QPushButton(self.tr("Retirer"))
        self.up_button = QPushButton(self.tr("Monter"))
        self.down_button = QPushButton(self.tr("Descendre"))
        for button in (
            self.add_button,
            self.copy_button,
            self.remove_button,
            self.up_button,
            self.down_button,
        ):
            buttons.addWidget(button)
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.list, 1)
        column.addLayout(buttons)
        self.form_host = QWidget()
        self.form = QFormLayout(self.form_host)
        self.form.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)  # scroll, never squash the fields
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form_host)
        self.preview = CardPreview()
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(scroll)
        right.addWidget(self.preview)
        right.setStretchFactor(0, 3)
        right.setStretchFactor(1, 2)
        right.setChildrenCollapsible(False)
        scroll.setMinimumHeight(240)
        self.preview.setMinimumHeight(200)
        right.setSizes([420, 260])
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.list.currentRowChanged.connect(self.on_card_chosen)
        self.add_button.clicked.connect(lambda: self._select(self.draft.add_card(self.current)))
        self.copy_button.clicked.connect(lambda: self._select(self.draft.duplicate_card(self.current)))
        self.remove_button.clicked.connect(self.on_remove)
        self.up_button.clicked.connect(lambda: self._select(self.draft.move_card(self.current, -1)))
        self.down_button.clicked.connect(lambda: self._select(self.draft.move_card(self.current, +1)))
        self.reload(0)

    @property
    def current(self) -> int:
        return max(0, self.list.currentRow())

    # -- the list -------------------------------------------------------------------------------------------
    def reload(self, select: int | None = None) -> None:
        """Rebuild the list (and the form: the scale may have changed its levels)."""
        row = self.current if select is None else select
        self.list.blockSignals(True)
        self.list.clear()
        for i, card in enumerate(self.draft.cards):
            self.list.addItem(self._label(i, card))
        self.list.blockSignals(False)
        if self.draft.cards:
            self.list.setCurrentRow(min(row, len(self.draft.cards) - 1))
        self.on_card_chosen(self.current)

    def _label(self, index: int, card: dict[str, Any]) -> str:
        mark = " ⚠" if self.draft.issue(f"cards[{index}]") else ""
        return f"{index + 1}. {card.get('title') or card.get('id') or '…'}{mark}"

    def _select(self, index: int) -> None:
        self.reload(index)
        self.sig_changed.emit()

    def on_remove(self) -> None:
        if len(self.draft.cards) > 1:
            self.draft.remove_card(self.current)
            self._select(min(self.current, len(self.draft.cards) - 1))

    # -- the form -------------------------------------------------------------------------------------------
    def on_card_chosen(self, index: int) -> None:
        while self.form.rowCount():
            self.form.removeRow(0)
        self.fields = {}
        enabled = 0 <= index < len(self.draft.cards)
        for button in (self.copy_button, self.remove_button, self.up_button, self.down_button):
            button.setEnabled(enabled)
        if not enabled:
            return
        base = f"cards[{index}]"
        strategy = self.draft.get("mechanic") == "strategy"
        self._text(self.tr("Identifiant *"), f"{base}.id")
        self._text(self.tr("Titre *"), f"{base}.title")
        self._text(
            self.tr("Description *") if strategy else self.tr("Question *"), f"{base}.prompt", long=True
        )
        self._text(self.tr("Aide pour l’animateur"), f"{base}.help", long=True)
        self._text(self.tr("Thème"), f"{base}.theme")
        self._text(self.tr("Section"), f"{base}.section")
        if strategy:
            self._spin(self.tr("Coût *"), f"{base}.cost", 0, 100_000)
            delay = QComboBox()
            for value in Delay:
                delay.addItem(DELAY_LABELS[value], value.value)
            self._bind(self.tr("Délai *"), f"{base}.delay", delay)
            self._spin(self.tr("Entretien (0–3)"), f"{base}.maintenance", 0, 3)
            self._listed(self.tr("Effets (axe ±n ; …)"), f"{base}.effects", effects_text, parse_effects)
            self._listed(self.tr("Demande aussi"), f"{base}.requires", ids_text, parse_ids)
            self._listed(self.tr("Incompatible avec"), f"{base}.excludes", ids_text, parse_ids)
        else:
            self._listed(self.tr("Leviers * (1.1 ×2 ; …)"), f"{base}.informs", links_text, parse_links)
            for option in self.draft.get("scale", []):
                label = self.tr("Niveau « {0} »").format(option.get("label") or option.get("id"))
                self._level(label, base, str(option.get("id", "")))
        self._text(self.tr("Source"), f"{base}.source")
        self._text(self.tr("Notes pour les auteurs (jamais imprimées)"), f"{base}.author_notes", long=True)
        self.refresh_preview()

    def _bind(
        self,
        label: str,
        path: str,
        editor: Editor,
        read: Callable[[], Any] | None = None,
        write: Callable[[Any], None] | None = None,
    ) -> None:
        field = BoundField(
            editor,
            read or (lambda: self.draft.get(path)),
            write or (lambda value: self._store(path, value)),
            lambda: self.draft.issue(path),
        )
        field.setObjectName(path)
        self.fields[path] = field
        self.form.addRow(label, field)

    def _text(self, label: str, path: str, long: bool = False) -> None:
        editor: Editor = QPlainTextEdit() if long else QLineEdit()
        if isinstance(editor, QPlainTextEdit):
            editor.setFixedHeight(70)
        self._bind(label, path, editor)

    def _spin(self, label: str, path: str, low: int, high: int) -> None:
        spin = QSpinBox()
        spin.setRange(low, high)
        self._bind(label, path, spin)

    def _listed(self, label: str, path: str, show: Callable[[Any], str], parse: Callable[[str], Any]) -> None:
        empty: Any = {} if path.endswith("effects") else []
        self._bind(
            label,
            path,
            QLineEdit(),
            lambda: show(self.draft.get(path, empty)),
            lambda text: self._store(path, parse(str(text))),
        )

    def _level(self, label: str, base: str, level: str) -> None:
        path = f"{base}.levels.{level}"

        def write(text: Any) -> None:
            levels = dict(self.draft.get(f"{base}.levels", {}) or {})
            if str(text).strip():
                levels[level] = str(text)
            else:
                levels.pop(level, None)
            self._store(f"{base}.levels", levels)

        self._bind(label, path, QLineEdit(), lambda: self.draft.get(path), write)

    def _store(self, path: str, value: Any) -> None:
        self.draft.put(path, value)
        for field in self.fields.values():
            field.show_issue()
        item = self.list.item(self.current)
        if item is not None:
            item.setText(self._label(self.current, self.draft.cards[self.current]))
        self.refresh_preview()
        self.sig_changed.emit()

    def refresh_preview(self) -> None:
        index = self.current
        if 0 <= index < len(self.draft.cards):
            card = self.draft.cards[index]
            self.preview.set_card(
                self.draft.deck, index, str(card.get("title", "")), str(card.get("prompt", ""))
            )
