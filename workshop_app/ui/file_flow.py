"""Files in and out of the app: « Ouvrir… » (Ctrl+O) and « Exporter l'archive de l'atelier (.zip)… ».

* Ctrl+O asks for one file; files dropped on the start page go the same way. A deck (``.yaml``/``.yml``)
  goes through the start page's deck import, which validates it and lists its errors as
  ``fichier:ligne: champ : message``. A workshop archive (``.zip``) is read, checked and imported on a worker
  (:func:`run_task`) through ``read_bundle`` and the service's ``import_snapshot`` (importing twice adds
  nothing), then opened. A refused archive is a French message. Several archives dropped at once are
  imported one after the other.
* The archive of the open workshop (all its events and photos) is read from the service on the GUI thread,
  then written atomically on a worker.

The file dialogs are two attributes, ``choose_open`` and ``choose_save``, that tests replace.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from workshop_app.core.errors import AtelierError
from workshop_app.ui.crash import unexpected_error_text
from workshop_app.ui.start.deck_import import is_deck_file
from workshop_app.ui.tasks import TaskHandle, run_task

if TYPE_CHECKING:
    from workshop_app.core.workshop import WorkshopInfo
    from workshop_app.services.api import WorkshopService

log = logging.getLogger(__name__)

BUNDLE_SUFFIX = ".zip"


def is_bundle_file(path: str | Path) -> bool:
    return Path(path).suffix.lower() == BUNDLE_SUFFIX


def bundle_stem(info: WorkshopInfo) -> str:
    """``atelier-valmont-sur-oise-2025-03-13``: safe on every file system."""
    day = info.date.isoformat() if info.date else ""
    words = " ".join(x for x in ("atelier", info.territory or info.title, day) if x)
    stem = re.sub(r"[^\w\-]+", "-", words.lower(), flags=re.UNICODE).strip("-")
    return stem[:80] or "atelier"


class FileFlow(QObject):
    #: an archive was imported: (workshop id, True when anything was new)
    sig_bundle_imported = Signal(str, bool)
    #: the open workshop's archive was written: its path
    sig_bundle_exported = Signal(str)

    def __init__(
        self, service: WorkshopService, parent: QWidget, import_decks: Callable[[list[str]], None]
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._parent = parent
        self._import_decks = import_decks
        self.choose_open: Callable[[], str] = self._ask_open_path  # tests replace these two
        self.choose_save: Callable[[Path], str] = self._ask_save_path
        self.handle: TaskHandle | None = None
        self._waiting: list[Path] = []  # dropped archives not imported yet (one at a time)
        self.last_import_summary = ""  # what the last archive import added, changed and what conflicted

    @property
    def busy(self) -> bool:
        return self.handle is not None and not self.handle.finished

    # -- opening --------------------------------------------------------------------------------------------
    def open_file(self) -> None:
        """Ctrl+O: ask for a deck or an archive, then open it."""
        if self.busy:
            self._warn(self.tr("Ouvrir"), self.tr("Une archive est déjà en cours : patientez un instant."))
            return
        path = self.choose_open()
        if path:
            self.open_path(path)

    def open_path(self, path: str) -> None:
        if is_deck_file(path):
            self._import_decks([path])
        elif is_bundle_file(path):
            self.import_bundle(Path(path))
        else:
            self._warn(
                self.tr("Ouvrir"),
                self.tr("« %1 » n’est ni un jeu (.yaml, .yml) ni une archive d’atelier (.zip).").replace(
                    "%1", Path(path).name
                ),
            )

    def open_paths(self, paths: Sequence[str]) -> None:
        """Files dropped on the start page: the decks are imported together, the archives in turn."""
        decks = [p for p in paths if is_deck_file(p)]
        if decks:
            self._import_decks(decks)
        for path in paths:
            if is_bundle_file(path):
                self._waiting.append(Path(path))
            elif not is_deck_file(path):
                self.open_path(path)  # says what it is not
        self._import_next()

    def _import_next(self) -> None:
        if self._waiting and not self.busy:
            self.import_bundle(self._waiting.pop(0))

    def import_bundle(self, path: Path) -> TaskHandle:
        service = self._service

        def work(_report: Any) -> tuple[str, bool, str]:
            from workshop_app.export.bundle import read_bundle

            snapshot, data = read_bundle(path)
            merged = service.merge_snapshot(snapshot, data)
            return snapshot.info.id, merged.anything, merged.summary()

        def done(result: tuple[str, bool, str]) -> None:
            self.last_import_summary = result[2]  # « 3 votes, 1 note ; 1 conflit : lieu » (core.merge)
            self.sig_bundle_imported.emit(result[0], result[1])
            self._import_next()

        def failed(error: BaseException) -> None:
            self._failed(self.tr("Import de l’archive refusé"), error)
            self._import_next()

        self.handle = run_task(work, done, failed)
        return self.handle

    # -- the open workshop's archive ------------------------------------------------------------------------
    def export_bundle(self, workshop_id: str) -> TaskHandle | None:
        """Ask where, then write the archive (events, set-up, debrief, photos) in the background."""
        if self.busy:
            return None
        try:
            snapshot = self._service.snapshot(workshop_id)
            photos = {a.id: self._service.attachment_data(a.id) for a in snapshot.attachments}
        except AtelierError as exc:
            self._warn(self.tr("Export de l’archive impossible"), str(exc))
            return None
        from workshop_app.ui.export_dialog import documents_dir

        chosen = self.choose_save(documents_dir() / f"{bundle_stem(snapshot.info)}{BUNDLE_SUFFIX}")
        if not chosen:
            return None
        target = Path(chosen)
        if not is_bundle_file(target):
            target = target.with_name(target.name + BUNDLE_SUFFIX)

        def work(_report: Any) -> str:
            from workshop_app.export.bundle import export_bundle

            export_bundle(snapshot, photos, target)
            return str(target)

        def failed(error: BaseException) -> None:
            self._failed(self.tr("Export de l’archive impossible"), error)

        self.handle = run_task(work, lambda path: self.sig_bundle_exported.emit(str(path)), failed)
        return self.handle

    # -- dialogs --------------------------------------------------------------------------------------------
    def _ask_open_path(self) -> str:
        path, _ = QFileDialog.getOpenFileName(
            self._parent,
            self.tr("Ouvrir un jeu ou une archive d’atelier"),
            "",
            self.tr(
                "Jeux et archives d’atelier (*.yaml *.yml *.zip);;Jeux (*.yaml *.yml);;"
                "Archives d’atelier (*.zip)"
            ),
        )
        return str(path)

    def _ask_save_path(self, suggested: Path) -> str:
        path, _ = QFileDialog.getSaveFileName(
            self._parent,
            self.tr("Exporter l’archive de l’atelier"),
            str(suggested),
            self.tr("Archives d’atelier (*.zip)"),
        )
        return str(path)

    def _failed(self, title: str, error: BaseException) -> None:
        if isinstance(error, AtelierError):
            log.info("%s: %s %s", title, error, error.detail)
            self._warn(title, str(error))
            return
        log.error("%s", title, exc_info=error)
        self._warn(title, unexpected_error_text())

    def _warn(self, title: str, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, self._parent)
        box.setObjectName("fileNotice")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
