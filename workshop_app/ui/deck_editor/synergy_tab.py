"""The synergies of the strategy deck being edited: the list (add, remove), and the selected synergy's form —
its two cards, its extra effect on each axis (−2…+2) and its reason — with each problem beside its field, in
the deck loader's own French words (the draft validates with the same model, so a synergy the editor accepts
is one the loader accepts, and the other way round)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from workshop_app.core.deck_draft import DeckDraft
from workshop_app.ui.deck_editor.fields import BoundField, Editor
from workshop_app.ui.theme_ink import follow_ink


class SynergyTab(QWidget):
    sig_changed = Signal()  # the draft changed: the dialog refreshes its status

    def __init__(self, draft: DeckDraft, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.draft = draft
        self.fields: dict[str, BoundField] = {}
        hint = QLabel(self.tr(
            "Deux cartes qui, retenues ensemble par une table, font plus que la somme de leurs effets : "
            "l’effet de la synergie s’ajoute une seule fois, sans changer ni le budget ni l’entretien. "
            "La raison est lue aux tables et imprimée dans le compte-rendu."
        ))
        hint.setWordWrap(True)
        self.list = QListWidget()
        self.list.setObjectName("synergyList")
        self.list.setWordWrap(True)  # « 1. « A » + « B » » on two lines rather than cut
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.add_button = QPushButton(self.tr("Ajouter une synergie"))
        self.remove_button = QPushButton(self.tr("Retirer"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.list, 1)
        column.addLayout(buttons)
        self.problem = QLabel()  # the synergy's first problem, whatever its field (a pair declared twice…)
        self.problem.setObjectName("synergyProblem")
        self.problem.setWordWrap(True)
        follow_ink(self.problem, lambda ink: self.problem.setStyleSheet(f"color: {ink.error};"))
        self.form_host = QWidget()
        self.form = QFormLayout()
        self.form.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)  # scroll, never squash the fields
        host = QVBoxLayout(self.form_host)
        host.addLayout(self.form)
        host.addStretch(1)  # a short form stays at the top, its fields at their own height
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form_host)
        right = QWidget()
        stack = QVBoxLayout(right)
        stack.setContentsMargins(0, 0, 0, 0)
        stack.addWidget(self.problem)
        stack.addWidget(scroll, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([420, 840])
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(splitter, 1)
        self.list.currentRowChanged.connect(self.on_synergy_chosen)
        self.add_button.clicked.connect(self.on_add)
        self.remove_button.clicked.connect(self.on_remove)
        self.reload(0)

    @property
    def current(self) -> int:
        return self.list.currentRow()

    # -- the list -------------------------------------------------------------------------------------------
    def reload(self, select: int | None = None) -> None:
        """Rebuild the list and the form (the cards or the axes may have changed in their tabs)."""
        row = max(0, self.current) if select is None else select
        synergies = list(self.draft.get("synergies", []) or [])
        self.list.blockSignals(True)
        self.list.clear()
        for i, synergy in enumerate(synergies):
            self.list.addItem(self._label(i, synergy))
        self.list.blockSignals(False)
        if synergies:
            self.list.setCurrentRow(min(row, len(synergies) - 1))
        self.add_button.setEnabled(len(self.draft.cards) >= 2)
        self.on_synergy_chosen(self.current)

    def _title(self, card_id: Any) -> str:
        return next((str(c.get("title") or card_id) for c in self.draft.cards if c.get("id") == card_id),
                    str(card_id or "…"))

    def _label(self, index: int, synergy: dict[str, Any]) -> str:
        cards = list(synergy.get("cards") or [])
        names = " + ".join(f"« {self._title(c)} »" for c in cards) or "…"
        mark = " ⚠" if self.draft.issue(f"synergies[{index}]") else ""
        return f"{index + 1}. {names}{mark}"

    def on_add(self) -> None:
        index = self.draft.add_synergy()
        self.reload(index)
        self.sig_changed.emit()

    def on_remove(self) -> None:
        if self.current >= 0:
            self.draft.remove_synergy(self.current)
            self.reload(max(0, self.current - 1))
            self.sig_changed.emit()

    # -- the form -------------------------------------------------------------------------------------------
    def on_synergy_chosen(self, index: int) -> None:
        while self.form.rowCount():
            self.form.removeRow(0)
        self.fields = {}
        enabled = 0 <= index < len(self.draft.get("synergies", []) or [])
        self.remove_button.setEnabled(enabled)
        if not enabled:
            self.problem.hide()
            empty = QLabel(self.tr("Aucune synergie : « Ajouter une synergie » en crée une."))
            empty.setWordWrap(True)
            self.form.addRow(empty)
            return
        base = f"synergies[{index}]"
        for slot, label in ((0, self.tr("Première carte *")), (1, self.tr("Seconde carte *"))):
            path = f"{base}.cards[{slot}]"
            self._bind(label, path, self._cards_combo(self.draft.get(path)))
        axes = list(self.draft.get("compass.axes", []))
        for axis in axes:
            self._effect(base, axis)
        known = {str(a.get("id", "")) for a in axes}
        for stale in dict(self.draft.get(f"{base}.effects", {}) or {}):
            if stale not in known:  # an axis renamed or removed since: shown, so it can be set to 0
                self._effect(base, {"id": stale, "label": self.tr("{0} (axe inconnu)").format(stale)})
        reason = QPlainTextEdit()
        reason.setFixedHeight(80)
        reason.setPlaceholderText(self.tr("Pourquoi les deux cartes se renforcent, en une phrase simple."))
        self._bind(self.tr("Raison *"), f"{base}.reason", reason)
        self.refresh_problem()

    def _effect(self, base: str, axis: dict[str, Any]) -> None:
        """One spin box per axis, −2…+2 (0: no extra effect there, left out of the file)."""
        axis_id = str(axis.get("id", ""))
        name = str(axis.get("short") or axis.get("label") or axis_id)
        spin = QSpinBox()
        spin.setRange(-2, 2)
        spin.setAccessibleName(self.tr("Effet sur {0}").format(name))

        def read() -> Any:
            return self.draft.get(f"{base}.effects.{axis_id}", 0)

        def write(value: Any) -> None:
            self._store_effect(base, axis_id, int(value))

        label = self.tr("En plus sur « {0} »").format(name)
        self._bind(label, f"{base}.effects.{axis_id}", spin, read, write)

    def _cards_combo(self, value: Any) -> QComboBox:
        """The deck's cards; a card id no longer in the deck stays shown as it is, never as another card."""
        combo = QComboBox()
        for card in self.draft.cards:
            combo.addItem(f"{card.get('title') or card.get('id')} ({card.get('id')})", card.get("id"))
        if value and combo.findData(value) < 0:
            combo.insertItem(0, self.tr("{0} (carte inconnue)").format(value), value)
        return combo

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
            lambda: self.draft.issues.get(path, ""),
        )
        field.setObjectName(path)
        self.fields[path] = field
        self.form.addRow(label, field)

    def _store_effect(self, base: str, axis: str, value: int) -> None:
        effects = {k: v for k, v in dict(self.draft.get(f"{base}.effects", {}) or {}).items() if k != axis}
        if value:
            effects[axis] = value
        self._store(f"{base}.effects", effects)

    def _store(self, path: str, value: Any) -> None:
        self.draft.put(path, value)
        for field in self.fields.values():
            field.show_issue()
        item = self.list.item(self.current)
        synergies = self.draft.get("synergies", []) or []
        if item is not None and 0 <= self.current < len(synergies):
            item.setText(self._label(self.current, synergies[self.current]))
        self.refresh_problem()
        self.sig_changed.emit()

    def refresh_problem(self) -> None:
        """The synergy's problem that no single field shows (a pair declared twice, two incompatible cards,
        no effect at all…), with its field as the loader names it."""
        base = f"synergies[{self.current}]"
        shown = set(self.fields)
        other = next(
            ((f, m) for f, m in self.draft.issues.items()
             if (f == base or f.startswith(f"{base}.")) and f not in shown),
            None,
        )
        self.problem.setText(f"{other[0]} : {other[1]}" if other else "")
        self.problem.setVisible(other is not None)
