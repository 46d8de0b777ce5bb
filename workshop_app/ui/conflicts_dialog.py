"""« Conflits à régler » : the fields two laptops edited apart, for one workshop, each settled by a click.

For each open conflict: the record and the field (« Fiche de l’atelier — lieu »), the value kept on every copy
and the one set aside, with who made each and when; « Garder » keeps the first, « Reprendre » brings back the
second. The choice goes through the service (``settle_conflict``, the same as ``atelier conflicts --settle``):
committed before the row says « Réglé », and written as an edit, so it reaches the other copies at the next
synchronisation. Reached from the synchronisation report and from Fichier › Conflits de synchronisation….
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from workshop_app.core.errors import AtelierError
from workshop_app.services.api import WorkshopService
from workshop_app.services.sync_conflicts import ConflictView, describe

MAX_SHOWN = 140  # characters of a value shown in the row; the whole value is in its tooltip


def _clip(text: str) -> str:
    return text if len(text) <= MAX_SHOWN else text[: MAX_SHOWN - 1].rstrip() + "…"


class ConflictRow(QFrame):
    """One conflict: what, both values, who and when, and the two buttons."""

    #: (conflict id, take the value set aside)
    sig_settle = Signal(str, bool)

    def __init__(self, view: ConflictView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = view
        self.setObjectName("conflictRow")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        grid = QGridLayout(self)
        title = QLabel(f"<b>{_html(view.record)}</b> — {_html(view.field)}")
        title.setWordWrap(True)
        grid.addWidget(title, 0, 0, 1, 3)
        self.keep_button = QPushButton(self.tr("Garder"))
        self.keep_button.setObjectName("keepValue")
        self.take_button = QPushButton(self.tr("Reprendre"))
        self.take_button.setObjectName("takeValue")
        rows = (
            (self.tr("Gardée partout :"), view.kept, view.kept_by, self.keep_button),
            (self.tr("Mise de côté :"), view.lost, view.lost_by, self.take_button),
        )
        for line, (caption, value, by, button) in enumerate(rows, start=1):
            grid.addWidget(QLabel(caption), line, 0, Qt.AlignmentFlag.AlignTop)
            shown = QLabel(f"« {_html(_clip(value))} »<br/><small>{_html(by)}</small>")
            shown.setWordWrap(True)
            shown.setToolTip(value)
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            grid.addWidget(shown, line, 1)
            grid.addWidget(button, line, 2, Qt.AlignmentFlag.AlignTop)
        grid.setColumnStretch(1, 1)
        self.state = QLabel()
        self.state.setObjectName("conflictState")
        self.state.setWordWrap(True)
        self.state.hide()
        grid.addWidget(self.state, 3, 0, 1, 3)
        cid = view.conflict.id
        self.keep_button.clicked.connect(lambda: self.sig_settle.emit(cid, False))
        self.take_button.clicked.connect(lambda: self.sig_settle.emit(cid, True))

    def mark_settled(self, take_lost: bool) -> None:
        value = self.view.lost if take_lost else self.view.kept
        self.state.setText(
            self.tr(
                "Réglé : « %1 » reste. Ce choix rejoindra les autres copies à la prochaine synchronisation."
            ).replace("%1", _clip(value))
        )
        self.state.show()
        self.keep_button.setEnabled(False)
        self.take_button.setEnabled(False)


class ConflictsDialog(QDialog):
    """The open conflicts of one workshop. ``on_settled`` runs after each choice is committed."""

    def __init__(
        self,
        service: WorkshopService,
        workshop_id: str,
        parent: QWidget | None = None,
        on_settled: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("conflictsDialog")
        self.service = service
        self.workshop_id = workshop_id
        self._on_settled = on_settled
        self.rows: list[ConflictRow] = []
        snapshot = service.snapshot(workshop_id)
        self.setWindowTitle(self.tr("Conflits à régler — %1").replace("%1", snapshot.info.title))
        layout = QVBoxLayout(self)
        self.intro = QLabel()
        self.intro.setObjectName("conflictsIntro")
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        self.error = QLabel()
        self.error.setObjectName("conflictsError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #a40000;")
        self.error.hide()
        layout.addWidget(self.error)
        body = QWidget()
        column = QVBoxLayout(body)
        author = str(getattr(service, "author", ""))
        for conflict in service.conflicts(workshop_id, include_settled=False):
            row = ConflictRow(describe(conflict, snapshot, author))
            row.sig_settle.connect(self.settle)
            column.addWidget(row)
            self.rows.append(row)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        layout.addWidget(scroll, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Fermer"))
        buttons.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(buttons)
        layout.addLayout(bottom)
        self._say_how_many()
        self.resize(720, 520 if self.rows else 200)

    def open_rows(self) -> list[ConflictRow]:
        return [r for r in self.rows if r.keep_button.isEnabled()]

    def settle(self, conflict_id: str, take_lost: bool) -> None:
        row = next(r for r in self.rows if r.view.conflict.id == conflict_id)
        try:
            self.service.settle_conflict(conflict_id, take_lost)
        except AtelierError as exc:
            self.error.setText(str(exc))
            self.error.show()
            return
        self.error.hide()
        row.mark_settled(take_lost)
        self._say_how_many()
        if self._on_settled is not None:
            self._on_settled()

    def _say_how_many(self) -> None:
        left = len(self.open_rows())
        if not self.rows:
            text = self.tr("Aucun conflit à régler dans cet atelier.")
        elif left == 0:
            text = self.tr("Tous les conflits sont réglés.")
        else:
            text = self.tr(
                "Deux portables ont modifié ces champs chacun de son côté. La modification la plus récente a "
                "été gardée partout, l’autre mise de côté : choisissez celle qui reste (%1 à régler)."
            ).replace("%1", str(left))
        self.intro.setText(text)


def _html(text: str) -> str:
    from html import escape

    return escape(text).replace("\n", "<br/>")


def open_conflicts(
    service: WorkshopService,
    workshop_id: str,
    parent: QWidget,
    on_settled: Callable[[], None] | None = None,
) -> ConflictsDialog:
    dialog = ConflictsDialog(service, workshop_id, parent, on_settled)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
