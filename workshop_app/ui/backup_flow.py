"""Fichier › Sauvegarder toutes les données… / Restaurer une sauvegarde…, and the debrief's end-of-workshop
offer: the whole local database (photos included) and the user's decks, to a folder the facilitator picks
(a USB key). The work itself is :mod:`workshop_app.store.backup`, the same as ``atelier backup/restore``.

The backup runs in the background (a large set of photos takes a moment). Restoring asks first, naming what
the backup holds and where the current data will be set aside; the open workshop is closed before, and the
database is reopened after (it may need its migrations).
"""

from __future__ import annotations

import logging
import tempfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from workshop_app.core.errors import AtelierError
from workshop_app.ui.restore_report import contents_summary, restore_lines

log = logging.getLogger(__name__)


def backup_name(now: datetime | None = None) -> str:
    return f"atelier-sauvegarde-{(now or datetime.now()):%Y-%m-%d-%Hh%M}.zip"


class BackupFlow(QObject):
    # the backup was written (its path)
    sig_backup_written = Signal(str)
    # a backup was restored: the lists must be read again
    sig_restored = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._parent = parent
        self._last_folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.HomeLocation)
        self.handle: object | None = None

    def _message(self, icon: QMessageBox.Icon, title: str, text: str) -> QMessageBox:
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, self._parent)
        box.setObjectName("backupNotice")
        box.open()
        return box

    def _fail(self, exc: BaseException) -> None:
        self.handle = None
        if not isinstance(exc, AtelierError):
            log.error("backup or restore failed", exc_info=exc)
        self._message(QMessageBox.Icon.Critical, self.tr("Sauvegarde"), str(exc))

    # -- backup ---------------------------------------------------------------------------------------------
    def ask_backup(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self._parent,
            self.tr("Dossier où écrire la sauvegarde (une clé USB, par exemple)"),
            self._last_folder,
        )
        if folder:
            self.backup_to(Path(folder))

    def backup_to(self, folder: Path) -> None:
        from workshop_app import __version__, paths
        from workshop_app.cli.backup import local_database
        from workshop_app.store.backup import write_backup
        from workshop_app.ui.tasks import run_task

        self._last_folder = str(folder)
        target = folder / backup_name()
        try:
            database = local_database()
        except AtelierError as exc:
            self._fail(exc)
            return
        decks = paths.user_decks_dir()

        def work(_report: Callable[[float, str], None]) -> object:
            return write_backup(database, decks, target, __version__)

        def done(contents: object) -> None:
            self.handle = None
            summary = getattr(contents, "summary", lambda: "")()
            self._message(
                QMessageBox.Icon.Information,
                self.tr("Sauvegarde écrite"),
                self.tr("Sauvegarde écrite :\n%1\n\nContenu : %2.")
                .replace("%1", str(target))
                .replace("%2", summary),
            )
            self.sig_backup_written.emit(str(target))

        self.handle = run_task(work, done, self._fail)

    # -- restore --------------------------------------------------------------------------------------------
    def ask_restore(self, close_workshop: Callable[[], None], reopen: Callable[[], object]) -> None:
        source, _ = QFileDialog.getOpenFileName(
            self._parent,
            self.tr("Restaurer une sauvegarde"),
            self._last_folder,
            self.tr("Sauvegarde (*.zip)"),
        )
        if source:
            self.restore_from(Path(source), close_workshop, reopen)

    def restore_from(
        self, source: Path, close_workshop: Callable[[], None], reopen: Callable[[], object]
    ) -> None:
        from workshop_app import paths
        from workshop_app.cli.backup import known_revisions, local_database
        from workshop_app.store.backup import read_backup, restore_backup

        try:
            database = local_database()
            with tempfile.TemporaryDirectory(prefix="atelier-apercu-") as scratch:
                contents, _, _ = read_backup(source, Path(scratch))
        except AtelierError as exc:
            self._fail(exc)
            return
        question = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Restaurer une sauvegarde"),
            self.tr(
                "Restaurer « %1 » (%2) ?\n\nLes données actuelles de cet ordinateur seront remplacées ; "
                "elles sont d’abord mises de côté dans « %3 »."
            )
            .replace("%1", source.name)
            .replace("%2", contents_summary(contents))
            .replace("%3", str(paths.backups_dir())),
            QMessageBox.StandardButton.Cancel,
            self._parent,
        )
        question.setObjectName("restoreQuestion")
        restore = question.addButton(self.tr("Restaurer"), QMessageBox.ButtonRole.AcceptRole)
        question.setDefaultButton(QMessageBox.StandardButton.Cancel)
        question.exec()
        if question.clickedButton() is not restore:
            return
        close_workshop()
        try:
            report = restore_backup(
                source, database, paths.user_decks_dir(), paths.backups_dir(), known_revisions()
            )
        except AtelierError as exc:
            self._fail(exc)
            return
        reopen()
        self.sig_restored.emit()
        self._message(
            QMessageBox.Icon.Information,
            self.tr("Sauvegarde restaurée"),
            "\n".join(restore_lines(report, source)),
        )
