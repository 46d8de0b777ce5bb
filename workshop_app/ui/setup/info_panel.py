"""The workshop's details: title, territory and programme (``territory_picker``), date, place, facilitators,
context, objectives.

Each field is written through the session when the user leaves it (``editingFinished``), never per keystroke.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from workshop_app.ui.date_edit import FrenchDateEdit
from workshop_app.ui.setup.commit_edit import CommitTextEdit
from workshop_app.ui.setup.territory_picker import TerritoryPicker

if TYPE_CHECKING:
    from workshop_app.ui.session import WorkshopSession


class InfoPanel(QWidget):
    def __init__(self, session: WorkshopSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        heading = QLabel(self.tr("L’atelier"))
        heading.setObjectName("sectionTitle")
        self.title = QLineEdit()
        self.title.setObjectName("titleEdit")
        self.picker = TerritoryPicker(session, self)
        self.territory = self.picker.name
        self.kind = self.picker.kind
        self.date = FrenchDateEdit()
        self.date.setObjectName("dateEdit")
        self.date.setAccessibleName(self.tr("Date de l’atelier"))
        # its own size hint, which follows the text size (a width fixed at start clipped large text)
        self.date.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.date_label = QLabel()
        self.date_label.setObjectName("dateInFull")
        self.date_label.setWordWrap(True)
        date_row = QHBoxLayout()
        date_row.addWidget(self.date)
        date_row.addWidget(self.date_label, 1)
        self.place = QLineEdit()
        self.place.setObjectName("placeEdit")
        self.place.setPlaceholderText(self.tr("ex. Salle du conseil, hôtel de ville"))
        self.facilitators = QLineEdit()
        self.facilitators.setObjectName("facilitatorsEdit")
        self.facilitators.setPlaceholderText(self.tr("noms, séparés par des virgules"))
        self.context = self._text("contextEdit", self.tr("Pourquoi cet atelier, pour qui, à quel moment"))
        self.objectives = self._text("objectivesEdit", self.tr("Ce que l’atelier doit produire"))
        self.fixed_points = self._text(
            "fixedPointsEdit", self.tr("Ce qui est déjà décidé, et ce qui reste ouvert au débat")
        )
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("&Titre"), self.title)
        self.picker.add_rows(form)
        form.addRow(self.tr("Date"), date_row)
        date_buddy = form.labelForField(date_row)
        if isinstance(date_buddy, QLabel):
            date_buddy.setBuddy(self.date)
        form.addRow(self.tr("&Lieu"), self.place)
        form.addRow(self.tr("Ani&mation"), self.facilitators)
        form.addRow(self.tr("Co&ntexte"), self.context)
        form.addRow(self.tr("&Objectifs"), self.objectives)
        form.addRow(self.tr("Points fi&xés"), self.fixed_points)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addStretch(1)
        self.title.editingFinished.connect(lambda: self.on_line_finished("title", self.title))
        self.place.editingFinished.connect(lambda: self.on_line_finished("place", self.place))
        self.facilitators.editingFinished.connect(
            lambda: self.on_line_finished("facilitators", self.facilitators)
        )
        self.date.sig_committed.connect(self.on_date_committed)
        self.date.sig_refused.connect(self.on_date_refused)
        for name, edit in (
            ("context", self.context),
            ("objectives", self.objectives),
            ("fixed_points", self.fixed_points),
        ):
            edit.sig_editing_finished.connect(lambda n=name, e=edit: self.save(n, e.toPlainText().strip()))
        session.sig_snapshot.connect(self.refresh)
        self.refresh()

    def _text(self, name: str, placeholder: str) -> CommitTextEdit:
        edit = CommitTextEdit()
        edit.setObjectName(name)
        edit.setPlaceholderText(placeholder)
        self._fit_text(edit)
        return edit

    @staticmethod
    def _fit_text(edit: CommitTextEdit) -> None:
        """Two lines at least, three at most, in whatever text size: the whole column fits at 1366×768."""
        line = edit.fontMetrics().lineSpacing()
        edit.setMinimumHeight(2 * line + 14)
        edit.setMaximumHeight(3 * line + 14)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            for edit in (self.context, self.objectives, self.fixed_points):
                self._fit_text(edit)

    # -- reading --------------------------------------------------------------------------------------------
    def refresh(self) -> None:
        info = self.session.snapshot.info
        for edit, value in (
            (self.title, info.title),
            (self.place, info.place),
            (self.facilitators, info.facilitators),
        ):
            if not edit.hasFocus() and edit.text() != value:
                edit.setText(value)
                edit.setCursorPosition(0)
        self.picker.refresh()
        if not self.date.hasFocus() and not self.date.property("invalid"):
            self.date.set_value(info.date)
            self._show_date_in_full()
        self.context.set_committed_text(info.context)
        self.objectives.set_committed_text(info.objectives)
        self.fixed_points.set_committed_text(info.fixed_points)

    # -- writing --------------------------------------------------------------------------------------------
    def save(self, field: str, value: Any) -> None:
        if getattr(self.session.snapshot.info, field) == value:
            return
        workshop_id = self.session.workshop_id
        self.session.change_setup(lambda s: s.update_workshop(workshop_id, **{field: value}))

    def on_line_finished(self, field: str, edit: QLineEdit) -> None:
        value = edit.text().strip()
        if field == "title" and not value:
            edit.setText(self.session.snapshot.info.title)  # a workshop keeps a title
            return
        self.save(field, value)

    def on_date_committed(self, value: date | None) -> None:
        self.save("date", value)
        self._show_date_in_full()

    def on_date_refused(self, message: str) -> None:
        self.date_label.setStyleSheet("color: #B03A2E; font-weight: bold;")
        self.date_label.setText(message)

    def _show_date_in_full(self) -> None:
        self.date_label.setStyleSheet("color: #4A4F55;")
        self.date_label.setText(self.date.describe() or self.tr("pas encore de date (jj/mm/aaaa)"))

    def focus_title(self) -> None:
        self.title.setFocus(Qt.FocusReason.OtherFocusReason)
        self.title.selectAll()
