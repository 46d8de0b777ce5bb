"""The set-up page's territory and programme: pick a known territory as its name is typed, or create one
with its kind; its code (INSEE or SIREN) and parent (the EPCI of a commune…); the workshop's programme.

The name and kind are the workshop's own (written with ``update_workshop``; the store links the entity); the
code and the parent belong to the territory, shared by all its workshops (``update_territory``). Each field is
written when it is left, never per keystroke; a refused code stays typed, with the reason beside it.
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QObject, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QComboBox, QCompleter, QFormLayout, QLabel, QLineEdit, QWidget

from workshop_app.core.errors import AtelierError
from workshop_app.core.territory import KnownTerritory, find_known, parent_candidates

if TYPE_CHECKING:
    from workshop_app.ui.session import WorkshopSession

#: stored values (French, like the minutes); the combo shows them translated
TERRITORY_KINDS = (
    "Commune",
    "EPCI",
    "Communauté de communes",
    "Communauté d’agglomération",
    "Communauté urbaine",
    "Métropole",
    "PETR",
    "Département",
    "Autre",
)
ID_ROLE = Qt.ItemDataRole.UserRole
NAME_ROLE = Qt.ItemDataRole.UserRole + 1
ERROR_STYLE = "color: #B03A2E; font-weight: bold;"
HINT_STYLE = "color: #4A4F55;"


def normalised_kind(kind: str) -> str:
    """A stored kind as the list spells it: « Communauté d'agglomération » (typed, or stored by an older
    version) is the list's « Communauté d’agglomération », not a second entry."""
    return kind.replace("'", "’").strip()


class TerritoryPicker(QObject):
    """Owns the territory's and the programme's fields; :meth:`add_rows` puts them in the details' form."""

    def __init__(self, session: WorkshopSession, parent: QWidget) -> None:
        super().__init__(parent)
        self.session = session
        self.known: list[KnownTerritory] = []
        self.current: KnownTerritory | None = None
        self.name = QLineEdit()
        self.name.setObjectName("territoryEdit")
        self.name.setPlaceholderText(self.tr("ex. Soissons"))
        self.kind = QComboBox()
        self.kind.setObjectName("territoryKind")
        self.kind.setAccessibleName(self.tr("Type de territoire"))
        self.kind.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.kind.setMinimumContentsLength(12)  # « Communauté d’agglomération » does not widen the column
        self.kind.addItem("—", "")
        for value in TERRITORY_KINDS:
            self.kind.addItem(self.kind_label(value), value)
        self.code = QLineEdit()
        self.code.setObjectName("territoryCode")
        self.code.setAccessibleName(self.tr("Code INSEE ou SIREN"))
        self.code.setPlaceholderText(self.tr("INSEE ou SIREN"))
        self.code.setToolTip(
            self.tr("Facultatif : code INSEE de la commune (5 caractères) ou SIREN (9 chiffres)")
        )
        self.code.setMaxLength(16)
        self.parent_box = QComboBox()
        self.parent_box.setObjectName("territoryParent")
        self.parent_box.setAccessibleName(self.tr("Fait partie de"))
        self.parent_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.parent_box.setMinimumContentsLength(12)  # a long name does not widen the page; its list shows it
        self.message = QLabel()
        self.message.setObjectName("territoryMessage")
        self.message.setWordWrap(True)
        self.programme = QLineEdit()
        self.programme.setObjectName("programmeEdit")
        self.programme.setPlaceholderText(self.tr("ex. Nature en ville — Hauts-de-France 2024–2025"))
        self.suggestions = QStandardItemModel(self)
        completer = QCompleter(self.suggestions, self.name)
        completer.setCompletionRole(NAME_ROLE)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.name.setCompleter(completer)
        completer.activated[QModelIndex].connect(self.on_suggestion_activated)  # type: ignore[index]
        self.programmes = QCompleter([], self.programme)
        self.programmes.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.programmes.setFilterMode(Qt.MatchFlag.MatchContains)
        self.programme.setCompleter(self.programmes)
        self.name.editingFinished.connect(self.on_name_finished)
        self.kind.activated.connect(self.on_kind_activated)
        self.code.editingFinished.connect(self.on_code_finished)
        self.parent_box.activated.connect(self.on_parent_activated)
        self.programme.editingFinished.connect(self.on_programme_finished)
        self._seen: tuple[str, str] | None = None
        self.reload_known()

    def add_rows(self, form: QFormLayout) -> None:
        """One field a row: with large text on a small screen each keeps the whole width (nothing clipped)."""
        form.addRow(self.tr("Te&rritoire"), self.name)
        form.addRow(self.tr("Type de territoire"), self.kind)
        form.addRow(self.tr("Code"), self.code)
        form.addRow(self.tr("Fait partie de"), self.parent_box)
        form.addRow("", self.message)
        form.addRow(self.tr("Pro&gramme"), self.programme)

    def kind_label(self, value: str) -> str:
        labels = {
            "Commune": self.tr("Commune"),
            "EPCI": self.tr("EPCI"),
            "Communauté de communes": self.tr("Communauté de communes"),
            "Communauté d’agglomération": self.tr("Communauté d’agglomération"),
            "Communauté urbaine": self.tr("Communauté urbaine"),
            "Métropole": self.tr("Métropole"),
            "PETR": self.tr("PETR"),
            "Département": self.tr("Département"),
            "Autre": self.tr("Autre"),
        }
        return labels.get(value, value)

    # -- reading --------------------------------------------------------------------------------------------
    def reload_known(self) -> None:
        """The known territories and programmes, for suggestions (a failing read offers none)."""
        service = self.session.service
        try:
            self.known = service.territories()
            programmes = service.programme_names()
        except AtelierError:
            self.known, programmes = [], []
        self.suggestions.clear()
        for territory in self.known:
            item = QStandardItem(territory.display)
            item.setData(territory.id, ID_ROLE)
            item.setData(territory.name, NAME_ROLE)
            self.suggestions.appendRow(item)
        self.programmes.model().setStringList(programmes)  # type: ignore[attr-defined]

    def refresh(self) -> None:
        info = self.session.snapshot.info
        if not self.name.hasFocus() and self.name.text() != info.territory:
            self.name.setText(info.territory)
            self.name.setCursorPosition(0)
        index = self.kind.findData(normalised_kind(info.territory_kind))
        if index < 0 and info.territory_kind:
            self.kind.addItem(info.territory_kind, info.territory_kind)
            index = self.kind.count() - 1
        self.kind.setCurrentIndex(max(0, index))
        self.kind.setToolTip(self.kind.currentText())  # whole, when large text narrows the field
        seen = (info.territory, info.territory_kind)
        if seen != self._seen:
            self._seen = seen
            self.refresh_entity()
            self.refresh_programme()

    def refresh_entity(self, keep_message: bool = False) -> None:
        """The linked territory's code and parent (read from the store: the snapshot does not hold them)."""
        try:
            self.current = self.session.service.territory_of(self.session.workshop_id)
        except AtelierError:
            self.current = None
        current = self.current
        self.code.setEnabled(current is not None)
        self.parent_box.setEnabled(current is not None)
        self.code.setText(current.code if current else "")
        self.parent_box.clear()
        self.parent_box.addItem(self.tr("— aucun —"), None)
        if current is not None:
            for candidate in parent_candidates(self.known, current):
                self.parent_box.addItem(candidate.display, candidate.id)
        chosen = self.parent_box.findData(current.parent_id if current else None)
        self.parent_box.setCurrentIndex(max(0, chosen))
        if not keep_message:
            self._hint()

    def refresh_programme(self) -> None:
        if self.programme.hasFocus():
            return
        with contextlib.suppress(AtelierError):
            self.programme.setText(self.session.service.programme_of(self.session.workshop_id))
        self.programme.setCursorPosition(0)

    def _hint(self) -> None:
        current = self.current
        self.message.setStyleSheet(HINT_STYLE)
        if current is None:
            self.message.setText(self.tr("Tapez le nom : les territoires déjà connus sont proposés."))
        elif current.workshops > 1:
            text = self.tr("Territoire déjà connu (%1 ateliers) : code et rattachement partagés.")
            self.message.setText(text.replace("%1", str(current.workshops)))
        else:  # this workshop's own territory: nothing to say (the row stays out of the way)
            self.message.setText("")
        self.message.setVisible(bool(self.message.text()))

    def _refuse(self, message: str) -> None:
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setText(message)
        self.message.setVisible(True)

    # -- writing --------------------------------------------------------------------------------------------
    def _save_place(self, name: str, kind_label: str) -> None:
        info = self.session.snapshot.info
        if (info.territory, info.territory_kind) == (name, kind_label):
            return
        workshop_id = self.session.workshop_id
        self.session.change_setup(
            lambda s: s.update_workshop(workshop_id, territory=name, territory_kind=kind_label)
        )
        self.reload_known()
        self._seen = None
        self.refresh()

    def on_suggestion_activated(self, index: QModelIndex) -> None:
        territory = next((t for t in self.known if t.id == index.data(ID_ROLE)), None)
        if territory is None:
            return
        self.name.setText(territory.name)
        self._save_place(territory.name, territory.kind_label)

    def on_name_finished(self) -> None:
        typed = " ".join(self.name.text().split())
        kind_label = str(self.kind.currentData() or "")
        known = find_known(self.known, typed, kind_label)
        if known is not None:  # « soissons » means the Soissons already known: its spelling, its kind
            typed, kind_label = known.name, known.kind_label or kind_label
            self.name.setText(typed)
        self._save_place(typed, kind_label)

    def on_kind_activated(self, index: int) -> None:
        self._save_place(self.session.snapshot.info.territory, str(self.kind.itemData(index) or ""))

    def on_code_finished(self) -> None:
        current = self.current
        if current is None or self.code.text().strip() == current.code:
            if current is not None:
                self._hint()
            return
        try:
            self.session.service.update_territory(current.id, code=self.code.text())
        except AtelierError as error:
            self._refuse(str(error))  # the typed code stays, to be corrected
            return
        self.reload_known()
        self.refresh_entity()

    def on_parent_activated(self, index: int) -> None:
        current = self.current
        if current is None:
            return
        parent_id = self.parent_box.itemData(index)
        if parent_id == current.parent_id:
            return
        try:
            self.session.service.update_territory(current.id, parent_id=parent_id)
        except AtelierError as error:
            self.refresh_entity()
            self._refuse(str(error))
            return
        self.reload_known()
        self.refresh_entity()

    def on_programme_finished(self) -> None:
        name = " ".join(self.programme.text().split())
        workshop_id = self.session.workshop_id
        try:
            if name == self.session.service.programme_of(workshop_id):
                return
        except AtelierError:
            return
        self.session.change_setup(lambda s: s.set_programme(workshop_id, name))
        self.reload_known()
        self.refresh_programme()
