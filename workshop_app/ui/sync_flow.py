"""Fichier › Synchroniser avec la cohorte… : the same exchange as ``atelier sync --database URL``.

The dialog asks for the cohort database’s URL (PostgreSQL, or an SQLite file on a shared disk), remembered in
the settings without its password (``~/.pgpass`` holds that). The exchange (``services.sync``) runs in the
background, so the window keeps answering; the report then says in French what was sent and received, and
offers to settle the conflicts met. A server out of reach, refused credentials or a locked file end in a
French message: each workshop is merged in its own transaction, so nothing of this laptop is lost and the
next synchronisation completes what was cut short.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workshop_app.core.errors import AtelierError
from workshop_app.ui.settings import COHORT_URL, AppSettings

if TYPE_CHECKING:
    from workshop_app.services.api import WorkshopService
    from workshop_app.services.sync import SyncReport
    from workshop_app.ui.main_window import MainWindow
    from workshop_app.ui.tasks import TaskHandle

log = logging.getLogger(__name__)


class SyncDialog(QDialog):
    """Asks for the cohort database’s URL."""

    def __init__(self, url: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncDialog")
        self.setWindowTitle(self.tr("Synchroniser avec la cohorte"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Envoie les ateliers de ce portable vers la base partagée de la cohorte, puis reçoit ce que "
                "les autres animateurs y ont ajouté. Les saisies des deux côtés sont réunies : rien n’est "
                "perdu ni compté deux fois, et relancer ne change rien."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addWidget(QLabel(self.tr("Base de la cohorte :")))
        row = QHBoxLayout()
        self.url_edit = QLineEdit(url)
        self.url_edit.setObjectName("cohortUrl")
        self.url_edit.setPlaceholderText("postgresql+psycopg://atelier@serveur/cohorte")
        self.url_edit.setMinimumWidth(460)
        row.addWidget(self.url_edit, 1)
        browse = QPushButton(self.tr("Fichier…"))
        browse.setObjectName("cohortFile")
        browse.setToolTip(self.tr("Une base SQLite partagée (sur un disque réseau, une clé USB…)"))
        browse.clicked.connect(self.browse)
        row.addWidget(browse)
        layout.addLayout(row)
        hint = QLabel(
            self.tr(
                "Une base PostgreSQL (le mot de passe n’est pas retenu : mettez-le dans le fichier .pgpass) "
                "ou un fichier SQLite (sqlite:///chemin/cohorte.sqlite3)."
            )
        )
        hint.setWordWrap(True)
        hint.setObjectName("cohortHint")
        layout.addWidget(hint)
        self.problem = QLabel()
        self.problem.setObjectName("cohortProblem")
        self.problem.setStyleSheet("color: #a40000;")
        self.problem.setWordWrap(True)
        self.problem.hide()
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuler"))
        self.sync_button = buttons.addButton(self.tr("Synchroniser"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.sync_button.setObjectName("startSync")
        self.sync_button.setDefault(True)
        buttons.accepted.connect(self.check_and_accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def url(self) -> str:
        return self.url_edit.text().strip()

    def browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Base SQLite de la cohorte"),
            "",
            self.tr("Base SQLite (*.sqlite3 *.sqlite *.db)"),
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if path:
            self.url_edit.setText(f"sqlite:///{path}")

    def check_and_accept(self) -> None:
        if not self.url():
            self.problem.setText(self.tr("Indiquez l’adresse de la base de la cohorte."))
            self.problem.show()
            return
        self.accept()


class SyncReportDialog(QDialog):
    """What the exchange did, workshop by workshop, and a button per workshop with conflicts to settle."""

    #: « Régler les conflits… » of a workshop: its id
    sig_settle = Signal(str)

    def __init__(self, report: SyncReport, open_conflicts: dict[str, int], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("syncReport")
        self.setWindowTitle(self.tr("Synchronisation terminée"))
        layout = QVBoxLayout(self)
        self.text = QLabel(report_text(report, open_conflicts))
        self.text.setObjectName("syncReportText")
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.text)
        self.settle_buttons: list[QPushButton] = []
        titles = {w.workshop_id: w.title for w in report.workshops}
        for wid, count in open_conflicts.items():
            button = QPushButton(
                self.tr("Régler les conflits de « %1 » (%2)…")
                .replace("%1", titles.get(wid, wid))
                .replace("%2", str(count))
            )
            button.setObjectName("settleConflicts")
            button.clicked.connect(lambda _=False, w=wid: self.sig_settle.emit(w))
            layout.addWidget(button)
            self.settle_buttons.append(button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
        self.setMinimumWidth(560)


def report_text(report: SyncReport, open_conflicts: dict[str, int]) -> str:
    """Plain French: the changed workshops one per line, the others counted as « déjà à jour »."""
    lines = [f"Synchronisation avec « {report.where} » terminée."]
    unchanged = 0
    for done in report.workshops:
        parts = []
        for word, merged in (("reçu", done.received), ("envoyé", done.sent)):
            if merged is not None and (merged.created or merged.added or merged.changed):
                parts.append(f"{word} : {replace(merged, conflicts=[]).summary()}")
        met = {
            (c.row_id, c.field): c.label for r in (done.sent, done.received) if r for c in r.conflict_records
        }
        if met:  # met on the way there and back: said once
            labels = ", ".join(sorted(set(met.values())))
            parts.append(f"{len(met)} conflit{'s' if len(met) > 1 else ''} : {labels}")
        if not parts:
            unchanged += 1
            continue
        lines.append(f"• « {done.title} » — {' — '.join(parts)}.")
    if unchanged:
        lines.append(
            f"{unchanged} atelier déjà à jour des deux côtés."
            if unchanged == 1
            else f"{unchanged} ateliers déjà à jour des deux côtés."
        )
    if not report.workshops:
        lines.append("Aucun atelier, ni sur ce portable ni dans la base de la cohorte.")
    waiting = sum(open_conflicts.values())
    if waiting:
        lines.append(
            "Un conflit attend votre choix : deux portables ont modifié le même champ chacun de son côté."
            if waiting == 1
            else f"{waiting} conflits attendent votre choix : deux portables ont modifié les mêmes champs "
            "chacun de son côté."
        )
    return "\n".join(lines)


class SyncFlow(QObject):
    """Runs one synchronisation at a time; ``on_merged`` runs on the GUI thread once it is over (the open
    workshop is reloaded there, the list refreshed)."""

    #: the exchange is over (the report, or None after a failure)
    sig_finished = Signal(object)

    def __init__(
        self,
        parent: QWidget,
        settings: AppSettings,
        service: Callable[[], WorkshopService | None],
        on_merged: Callable[[SyncReport | None], None],
        status: Callable[[str], None],
    ) -> None:
        super().__init__(parent)
        self._parent = parent
        self.settings = settings
        self._service = service
        self._on_merged = on_merged
        self._status = status
        self.handle: TaskHandle | None = None
        self.report_dialog: SyncReportDialog | None = None

    @property
    def running(self) -> bool:
        return self.handle is not None

    def ask(self) -> None:
        if self.running:
            self._status(self.tr("Une synchronisation est déjà en cours."))
            return
        dialog = SyncDialog(self.settings.get(COHORT_URL), self._parent)
        if self.exec_dialog(dialog) == QDialog.DialogCode.Accepted:
            self.start(dialog.url())

    def exec_dialog(self, dialog: SyncDialog) -> int:
        """Shows the dialog and waits (tests replace this)."""
        return dialog.exec()

    def start(self, url: str) -> TaskHandle | None:
        from workshop_app.services.sync import shown_url, sync_with
        from workshop_app.ui.tasks import run_task

        service = self._service()
        if service is None or self.running:
            return None
        self.settings.set(COHORT_URL, shown_url(url))

        def work(report: Callable[..., None]) -> SyncReport:
            return sync_with(service, url, progress=report)

        def progress(_percent: int, message: str) -> None:
            if message:
                self._status(self.tr("Synchronisation… %1").replace("%1", message))

        self._status(self.tr("Synchronisation avec la base de la cohorte…"))
        self.handle = run_task(work, self._done, self._failed, progress)
        return self.handle

    def _done(self, report: Any) -> None:
        self.handle = None
        service = self._service()
        self._on_merged(report)
        waiting: dict[str, int] = {}
        if service is not None:
            for done in report.workshops:
                try:
                    count = len(service.conflicts(done.workshop_id, include_settled=False))
                except AtelierError:
                    count = 0
                if count:
                    waiting[done.workshop_id] = count
        self._status(self.tr("Synchronisation terminée."))
        dialog = SyncReportDialog(report, waiting, self._parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.sig_settle.connect(self.settle)
        self.report_dialog = dialog
        dialog.destroyed.connect(lambda: setattr(self, "report_dialog", None))
        dialog.open()
        self.sig_finished.emit(report)

    def settle(self, workshop_id: str) -> None:
        from workshop_app.ui.conflicts_dialog import open_conflicts

        service = self._service()
        if service is not None:
            open_conflicts(service, workshop_id, self._parent, lambda: self._on_merged(None))

    def _failed(self, exc: BaseException) -> None:
        self.handle = None
        if not isinstance(exc, AtelierError):
            log.error("synchronisation failed", exc_info=exc)
        self._on_merged(None)  # what was merged before the failure stays merged: show it
        self._status(self.tr("Synchronisation interrompue."))
        reason = (
            str(exc)
            if isinstance(exc, AtelierError)
            else self.tr(
                "Erreur inattendue pendant la synchronisation (le détail est dans le journal de "
                "l’application)."
            )
        )
        text = self.tr(
            "%1\n\nLes ateliers déjà réunis le restent, les autres n’ont pas changé : rien n’est perdu "
            "sur ce portable. Relancez la synchronisation une fois le problème réglé."
        ).replace("%1", reason)
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Synchronisation impossible"),
            text,
            QMessageBox.StandardButton.Ok,
            self._parent,
        )
        box.setObjectName("syncFailed")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.sig_finished.emit(None)


def install_sync(window: MainWindow) -> SyncFlow:
    """Fichier › Synchroniser… and › Conflits de synchronisation… for the main window, built the first time
    either is used (``MainWindow.sync``; the window connects its two actions to it)."""

    def merged(report: SyncReport | None) -> None:
        session = window.session
        if session is not None and (
            report is None
            or any(
                w.workshop_id == session.workshop_id and w.received is not None and w.received.anything
                for w in report.workshops
            )
        ):
            session.reload()  # the open workshop received events or edits (or a conflict was settled)
        window.refresh_workshops()
        window.update_actions()

    def status(text: str) -> None:
        window.statusBar().showMessage(text, 10_000)

    return SyncFlow(window, window.settings, lambda: window.service, merged, status)
