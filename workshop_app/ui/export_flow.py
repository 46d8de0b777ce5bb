"""Runs an export in the background with a progress dialog, then offers to open the file or its folder.

The snapshot and the photos are read from the service on the GUI thread (fast, one transaction); only the
building and writing (reportlab, openpyxl: no Qt, no database) run on a worker through :func:`run_task`.
"""

from __future__ import annotations

import gc
import logging
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from workshop_app.core.errors import AtelierError
from workshop_app.ui.crash import unexpected_error_text
from workshop_app.ui.export_dialog import ExportChoice
from workshop_app.ui.export_done import ExportDoneBox, Opener, open_with_system
from workshop_app.ui.memory import give_back_freed
from workshop_app.ui.tasks import Report, TaskCancelled, TaskHandle, run_task

if TYPE_CHECKING:
    from workshop_app.core.workshop import WorkshopInfo, WorkshopSnapshot
    from workshop_app.services.api import WorkshopService

log = logging.getLogger(__name__)

# after an export, how long until its garbage is collected: the « exporté » box is painted by then and the
# user is reading it (the collection takes 20–60 ms with a full day's layout; nobody waits for it there)
TIDY_DELAY_MS = 150


def export_work(
    snapshot: WorkshopSnapshot, photos: Mapping[str, bytes], choice: ExportChoice
) -> Callable[[Report], Path]:
    """The function the worker runs (no Qt inside)."""

    def work(report: Report) -> Path:
        if choice.kind == "pdf":
            from workshop_app.export.pdf import build_pdf

            build_pdf(
                snapshot,
                photos,
                choice.target,
                anonymise=choice.anonymise,
                progress=lambda fraction, message: report(fraction * 100, message),
                edition=choice.edition,
                inclusive=choice.inclusive,
            )
            return choice.target
        if choice.kind in ("docx", "pack"):
            from workshop_app.export.docx import build_docx
            from workshop_app.export.pack import build_pack

            build = build_docx if choice.kind == "docx" else build_pack
            build(
                snapshot,
                photos,
                choice.target,
                anonymise=choice.anonymise,
                progress=lambda fraction, message: report(fraction * 100, message),
                edition=choice.edition,
                inclusive=choice.inclusive,
            )
            return choice.target
        if choice.kind == "zip":
            from workshop_app.export.bundle import export_bundle

            report(10)
            export_bundle(snapshot, photos, choice.target, anonymise=choice.anonymise)
            report(100)
            return choice.target
        from workshop_app.export import tabular

        report(10)
        writer: Any = tabular.write_csv if choice.kind == "csv" else tabular.write_xlsx
        writer(snapshot, choice.target, anonymise=choice.anonymise)
        report(100)
        return choice.target

    return work


def preload_pdf_export(report: Report) -> None:
    """The worker's part of :meth:`ExportFlow.ask`: the PDF export's modules and fonts (no Qt inside)."""
    from workshop_app.export.pdf import preload

    preload()


class ExportFlow(QObject):
    #: the file was written: its path
    sig_exported = Signal(str)

    def __init__(self, service: WorkshopService, parent: QWidget) -> None:
        super().__init__(parent)
        self._service = service
        self._parent = parent
        self.opener: Opener = open_with_system  # tests replace it
        self.done_box: ExportDoneBox | None = None
        self.handle: TaskHandle | None = None
        self.progress: QProgressDialog | None = None
        self.preloading: TaskHandle | None = None
        self._tidy = QTimer(self)
        self._tidy.setSingleShot(True)
        self._tidy.setInterval(TIDY_DELAY_MS)
        self._tidy.timeout.connect(self.tidy)

    @property
    def busy(self) -> bool:
        return self.handle is not None and not self.handle.finished

    def ask(self, workshop_id: str, info: WorkshopInfo) -> None:
        """Open the export dialog (non-blocking); « Exporter » starts the export."""
        if self.busy:
            return
        from workshop_app.ui.export_dialog import ExportDialog, documents_dir, file_stem

        stem = file_stem(info.title, info.territory, info.date.isoformat() if info.date else "")
        dialog = ExportDialog(documents_dir(), stem, self._parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.start(workshop_id, dialog.choice()))
        dialog.open()
        self.preload()

    def preload(self) -> None:
        """Once a session, on a worker: load what the first PDF export would load while the user waits for it
        (when the export dialog opens, and when the Bilan page is shown: no vote is made there)."""
        if self.preloading is None:
            self.preloading = run_task(preload_pdf_export, lambda _result: None)

    def start(self, workshop_id: str, choice: ExportChoice) -> None:
        if self.busy:
            return
        if self._tidy.isActive():  # the last export's garbage first: two layouts' worth never coexist
            self.tidy()
        snapshot = self._service.snapshot(workshop_id)
        photos = (
            {a.id: self._service.attachment_data(a.id) for a in snapshot.attachments}
            if choice.kind in ("pdf", "docx", "pack", "zip")
            else {}
        )
        # the worker starts first: it builds while this thread makes and shows the dialog
        self.handle = run_task(
            export_work(snapshot, photos, choice), self.on_done, self.on_error, self.on_progress
        )
        dialog = QProgressDialog(
            self.tr("Préparation de l’export…"), self.tr("Annuler"), 0, 100, self._parent
        )
        dialog.setObjectName("exportProgress")
        dialog.setWindowTitle(self.tr("Export en cours"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setValue(0)
        self.progress = dialog
        dialog.canceled.connect(self.handle.cancel)
        dialog.canceled.connect(self._close_progress)

    def on_progress(self, percent: int, message: str) -> None:
        dialog = self.progress
        if dialog is None:
            return
        if message:
            dialog.setLabelText(message)
        dialog.setValue(percent)  # a modal progress dialog processes events here: the task may finish inside

    def on_done(self, path: object) -> None:
        # This can run inside the modal progress dialog's own setValue (it processes events): closing it and
        # opening the next box there crashes Qt. Finish once control is back in the event loop.
        QTimer.singleShot(0, lambda: self._finish(Path(str(path))))

    def _finish(self, target: Path) -> None:
        self._close_progress()
        log.info("exported %s", target)
        self.sig_exported.emit(str(target))
        box = ExportDoneBox(target, self.opener, self._parent)  # offers to open it (or its folder)
        self.done_box = box
        box.destroyed.connect(lambda *_: setattr(self, "done_box", None))
        box.open()
        self._tidy.start()

    @property
    def tidy_pending(self) -> bool:
        return self._tidy.isActive()

    def tidy(self) -> None:
        """Collect what the export left (the story, the layout: reference cycles between the document, its
        canvas and frames) and give the freed pages back to the system. Not in the worker, where the user
        would wait for it, nor left to an automatic collection at an unforeseen moment (during a vote)."""
        self._tidy.stop()
        gc.collect()
        give_back_freed()

    def on_error(self, error: BaseException) -> None:
        self._close_progress()
        self._tidy.start()  # a failed or cancelled build leaves its garbage too
        if isinstance(error, TaskCancelled):
            return
        if isinstance(error, AtelierError):
            text = str(error)
        else:
            log.error("export failed", exc_info=error)
            text = unexpected_error_text()
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Export impossible"),
            text,
            QMessageBox.StandardButton.Ok,
            self._parent,
        )
        box.setObjectName("exportError")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def _close_progress(self) -> None:
        if self.progress is not None:
            self.progress.hide()
            self.progress.deleteLater()
            self.progress = None
