"""The deck editor dialog: the deck's metadata, its compass, its scale and its cards, checked as you type;
« Enregistrer » writes it as YAML in your deck folder with its version bumped.

The widgets only show the draft (:class:`~workshop_app.core.deck_draft.DeckDraft`, Qt-free) and forward
edits to it; the draft validates with the deck model and files each problem under its field.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from workshop_app.core import deck_sheet_layout as L
from workshop_app.core.deck_draft import DeckDraft, bump_version
from workshop_app.core.errors import AtelierError
from workshop_app.ui.deck_editor.card_tab import CardTab
from workshop_app.ui.deck_editor.fields import BoundField, Editor
from workshop_app.ui.deck_editor.rows_model import RowsModel
from workshop_app.ui.deck_editor.synergy_tab import SynergyTab
from workshop_app.ui.theme_ink import follow_ink

# (builtin ids, the user's deck files by id) at the time of saving
Catalogue = Callable[[], tuple[set[str], dict[str, Path]]]


class DeckEditor(QDialog):
    sig_saved = Signal(str)  # the YAML file written

    def __init__(
        self, draft: DeckDraft, folder: Path, catalogue: Catalogue, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("deckEditor")
        self.setWindowTitle(self.tr("Éditeur de jeu — {0}").format(draft.get("title") or draft.get("id")))
        self.resize(1100, 720)
        self.draft = draft
        self._folder = folder
        self._catalogue = catalogue
        self.fields: dict[str, BoundField] = {}
        self.dirty = False  # edits not saved yet: closing asks first
        self.tabs = QTabWidget()
        self.tabs.addTab(self._deck_tab(), self.tr("&Jeu"))
        self.compass_model = RowsModel(
            L.COMPASS_COLUMNS, self._compass_rows(), self.on_compass_edited, self._compass_issue
        )
        self.tabs.addTab(self._rows_tab(self.compass_model, compass=True), self.tr("&Boussole"))
        self.scale_model: RowsModel | None = None
        if draft.get("mechanic") != "strategy":
            self.scale_model = RowsModel(
                L.SCALE_COLUMNS,
                list(draft.get("scale", [])),
                self.on_scale_edited,
                lambda r, k: self.draft.issue(f"scale[{r}].{k}"),
            )
            self.tabs.addTab(self._rows_tab(self.scale_model), self.tr("É&chelle"))
        self.section_model = RowsModel(
            L.SECTION_COLUMNS,
            list(draft.get("sections", [])),
            lambda rows: self._store("sections", [dict(r) for r in rows]),
            lambda r, k: self.draft.issue(f"sections[{r}].{k}"),
        )
        self.subset_model = RowsModel(
            L.SUBSET_COLUMNS,
            list(draft.get("subsets", [])),
            lambda rows: self._store("subsets", [dict(r) for r in rows]),
            lambda r, k: self.draft.issue(f"subsets[{r}].{k}"),
        )
        self.tabs.addTab(self._groups_tab(), self.tr("&Sections et sous-ensembles"))
        self.cards = CardTab(draft)
        self.cards.sig_changed.connect(self.on_cards_changed)
        self.tabs.addTab(self.cards, self.tr("&Cartes"))
        self.synergies: SynergyTab | None = None
        if draft.get("mechanic") == "strategy":
            self.synergies = SynergyTab(draft)
            self.synergies.sig_changed.connect(self.on_cards_changed)
            self.tabs.addTab(self.synergies, self.tr("S&ynergies"))
        self.tabs.currentChanged.connect(self.on_tab_changed)
        self.status = QLabel()
        self.status.setObjectName("editorStatus")
        self.status.setWordWrap(True)
        self.save_button = QPushButton(self.tr("&Enregistrer"))
        self.save_button.setObjectName("saveDeckButton")
        self.save_button.clicked.connect(self.on_save)
        close = QPushButton(self.tr("Fermer"))
        close.clicked.connect(self.close)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.save_button)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(bottom)
        self.refresh_status()

    # -- the deck's own fields ------------------------------------------------------------------------------
    def _deck_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.version_label = QLabel()
        rows: list[tuple[str, str, bool]] = [
            (self.tr("Identifiant *"), "id", False),
            (self.tr("Titre *"), "title", False),
            (self.tr("Langue"), "language", False),
            (self.tr("Auteurs"), "authors", False),
            (self.tr("Description"), "description", True),
            (self.tr("Nom de la boussole *"), "compass.name", False),
            (self.tr("Note sur les sources"), "compass.source_note", True),
        ]
        for label, path, long in rows:
            self._field(form, label, path, QPlainTextEdit() if long else QLineEdit())
        form.insertRow(2, self.tr("Version"), self.version_label)
        if self.draft.get("mechanic") == "strategy":
            budget = QSpinBox()
            budget.setRange(1, 100_000)
            self._field(form, self.tr("Budget par table *"), "strategy.budget", budget)
            self._field(form, self.tr("Unité du budget"), "strategy.budget_unit", QLineEdit())
        self._field(
            form, self.tr("Notes pour les auteurs (jamais imprimées)"), "author_notes", QPlainTextEdit()
        )
        return page

    def _field(self, form: QFormLayout, label: str, path: str, editor: Editor) -> None:
        if isinstance(editor, QPlainTextEdit):
            editor.setFixedHeight(80)
        field = BoundField(
            editor,
            lambda: self.draft.get(path),
            lambda v: self._store(path, v),
            lambda: self.draft.issue(path),
        )
        field.setObjectName(path)
        self.fields[path] = field
        form.addRow(label, field)

    def _store(self, path: str, value: Any) -> None:
        self.draft.put(path, value)
        self.dirty = True
        self.refresh_status()

    def on_cards_changed(self) -> None:
        self.dirty = True
        self.refresh_status()

    # -- compass and scale ----------------------------------------------------------------------------------
    def _rows_tab(self, model: RowsModel, compass: bool = False) -> QWidget:
        page = QWidget()
        view = QTableView()
        view.setModel(model)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for i, column in enumerate(model.columns):
            view.setColumnWidth(i, max(column.width * 8, 112 if column.key == "colour" else 0))
        buttons = QHBoxLayout()
        adds = (
            [(self.tr("Ajouter un axe"), L.AXIS), (self.tr("Ajouter un levier"), L.LEVER)]
            if compass
            else [
                (
                    self.tr("Ajouter un niveau")
                    if model is self.scale_model
                    else self.tr("Ajouter une ligne"),
                    "",
                )
            ]
        )
        for text, kind in adds:
            button = QPushButton(text)
            button.clicked.connect(lambda _=False, k=kind: self._add_row(model, view, k))
            buttons.addWidget(button)
        remove = QPushButton(self.tr("Retirer la ligne"))
        remove.clicked.connect(lambda: model.remove(view.currentIndex().row()))
        buttons.addWidget(remove)
        buttons.addStretch(1)
        layout = QVBoxLayout(page)
        if compass:
            hint = QLabel(
                self.tr(
                    "Un levier appartient à l’axe écrit au-dessus de lui. Les cases en rouge ont "
                    "un problème : survolez-les pour le lire."
                )
            )
            hint.setWordWrap(True)
            layout.addWidget(hint)
        layout.addWidget(view, 1)
        layout.addLayout(buttons)
        return page

    def _groups_tab(self) -> QWidget:
        """Sections (headings over cards) and named subsets (a shorter edition chosen at set-up)."""
        page = QWidget()
        layout = QVBoxLayout(page)
        for title, model in (
            (self.tr("Sections : une carte s’y range par le champ « Section »."), self.section_model),
            (
                self.tr("Sous-ensembles : les identifiants des cartes retenues, séparés par « ; »."),
                self.subset_model,
            ),
        ):
            label = QLabel(title)
            label.setWordWrap(True)
            layout.addWidget(label)
            layout.addWidget(self._rows_tab(model), 1)
        return page

    def _add_row(self, model: RowsModel, view: QTableView, kind: str) -> None:
        row = view.currentIndex().row() + 1 if view.currentIndex().isValid() else model.rowCount()
        n = model.rowCount() + 1
        values: dict[str, Any] = {"id": f"n{n}", "label": self.tr("Nouveau")}
        if kind:
            values["type"] = kind
            values["source"] = "atelier"
        elif model is self.scale_model:
            values["value"] = float(n)
        else:  # a section or a subset
            values = {"id": f"s{n}", "title": self.tr("Nouveau")}
            if model is self.subset_model:
                values["cards"] = [c.get("id") for c in self.draft.cards[:1]]
        model.insert(row, values)

    def _compass_rows(self) -> list[dict[str, Any]]:
        rows: list[dict[str, Any]] = []
        self._compass_paths: list[str] = []
        for i, axis in enumerate(self.draft.get("compass.axes", [])):
            rows.append({**{k: v for k, v in axis.items() if k != "levers"}, "type": L.AXIS})
            self._compass_paths.append(f"compass.axes[{i}]")
            for j, lever in enumerate(axis.get("levers", [])):
                rows.append({**lever, "type": L.LEVER})
                self._compass_paths.append(f"compass.axes[{i}].levers[{j}]")
        return rows

    def on_compass_edited(self, rows: list[dict[str, Any]]) -> None:
        axes: list[dict[str, Any]] = []
        self._compass_paths = []
        for row in rows:
            values = {k: v for k, v in row.items() if k != "type"}
            if row.get("type") == L.LEVER and axes:
                levers = axes[-1].setdefault("levers", [])
                self._compass_paths.append(f"compass.axes[{len(axes) - 1}].levers[{len(levers)}]")
                levers.append(values)
            else:
                self._compass_paths.append(f"compass.axes[{len(axes)}]")
                axes.append({**values, "levers": []})
        self._store("compass.axes", axes)

    def _compass_issue(self, row: int, key: str) -> str:
        if key == "type" or row >= len(self._compass_paths):
            return ""
        return self.draft.issue(f"{self._compass_paths[row]}.{key}")

    def on_scale_edited(self, rows: list[dict[str, Any]]) -> None:
        for row in rows:
            row.setdefault("value", None)
        self._store("scale", [dict(r) for r in rows])

    def on_tab_changed(self, _index: int) -> None:
        if self.tabs.currentWidget() is self.cards:
            self.cards.reload()  # the scale's levels may have changed
        elif self.synergies is not None and self.tabs.currentWidget() is self.synergies:
            self.synergies.reload()  # cards or axes may have changed

    # -- status and saving ----------------------------------------------------------------------------------
    def refresh_status(self) -> None:
        for field in self.fields.values():
            field.show_issue()
        for model in (self.compass_model, self.section_model, self.subset_model):
            model.refresh()
        if self.scale_model is not None:
            self.scale_model.refresh()
        version = str(self.draft.get("version"))
        self.version_label.setText(
            self.tr("{0} (deviendra {1} à l’enregistrement)").format(version, bump_version(version))
        )
        issues = self.draft.issues
        if not issues:
            count = len(self.draft.cards)
            self.status.setText(self.tr("Jeu valide — {0} cartes.").format(count))
        else:
            where, message = next(iter(issues.items()))
            more = self.tr(" (et {0} autre(s))").format(len(issues) - 1) if len(issues) > 1 else ""
            self.status.setText(self.tr("À corriger : {0} : {1}{2}").format(where, message, more))
        follow_ink(
            self.status,
            lambda ink: self.status.setStyleSheet(
                f"color: {ink.ok if not self.draft.issues else ink.error};"
            ),
        )
        self.save_button.setEnabled(not issues)

    def on_save(self) -> None:
        builtin_ids, user_files = self._catalogue()
        try:
            path = self.draft.save(self._folder, builtin_ids, user_files)
        except AtelierError as exc:
            self.status.setText(str(exc))
            return
        self.dirty = False
        self.refresh_status()
        self.status.setText(
            self.tr("Enregistré : {0} (version {1}).").format(path.name, self.draft.get("version"))
        )
        self.sig_saved.emit(str(path))

    def closeEvent(self, event: QCloseEvent) -> None:
        """Unsaved edits are never dropped silently: save them, drop them, or stay."""
        if self.dirty:
            choice = self.confirm_close()
            if choice == "save":
                self.on_save()
            if choice == "cancel" or (choice == "save" and self.dirty):
                event.ignore()
                return
        super().closeEvent(event)

    def confirm_close(self) -> str:
        """« save », « discard » or « cancel » (tests replace this)."""
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Éditeur de jeu"),
            self.tr("Le jeu a des modifications non enregistrées."),
            parent=self,
        )
        save = box.addButton(self.tr("Enregistrer"), QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton(self.tr("Fermer sans enregistrer"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(self.tr("Annuler"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        clicked = box.clickedButton()
        return "save" if clicked is save else "discard" if clicked is discard else "cancel"

