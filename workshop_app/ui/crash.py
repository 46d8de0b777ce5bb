"""What happens when something goes wrong: the log file, and a dialog instead of a traceback.

* :func:`setup_logging` writes ``atelier.log`` (rotated) in ``paths.logs_dir()``.
* :func:`install_excepthook` replaces ``sys.excepthook``: an :class:`AtelierError` shows its French message;
  any other exception is logged with its traceback and the user sees what to do — never the traceback itself.
"""

from __future__ import annotations

import logging
import os
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from workshop_app.core.errors import AtelierError
from workshop_app.paths import logs_dir

log = logging.getLogger("workshop_app")
LOG_FILE = "atelier.log"

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], None]


def setup_logging(level: int = logging.INFO) -> Path | None:
    """Log to ``logs/atelier.log``; returns its path (None when the folder cannot be written)."""
    folder = logs_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = RotatingLog(folder / LOG_FILE)
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(level)
    return folder / LOG_FILE


class RotatingLog(logging.FileHandler):
    """``atelier.log``, kept under ``max_bytes`` with ``backups`` older files (``atelier.log.1`` …), written
    record by record from the first one (a crash during the start is in it). The standard library's
    ``RotatingFileHandler`` does the same but ``logging.handlers`` costs ~8 ms of imports (socket, pickle)
    before the first paint."""

    def __init__(self, path: Path, max_bytes: int = 1_000_000, backups: int = 3) -> None:
        super().__init__(path, encoding="utf-8")
        self.max_bytes = max_bytes
        self.backups = backups

    def emit(self, record: logging.LogRecord) -> None:
        try:
            if self.stream is not None and self.stream.tell() >= self.max_bytes:
                self.rotate()
        except OSError:
            self.handleError(record)
        super().emit(record)

    def rotate(self) -> None:
        """``atelier.log`` becomes ``atelier.log.1``, ``.1`` becomes ``.2`` …; the oldest is dropped."""
        if self.stream is not None:
            self.stream.close()
            self.stream = None
        base = self.baseFilename
        for index in range(self.backups - 1, 0, -1):
            older = f"{base}.{index}"
            if os.path.exists(older):
                os.replace(older, f"{base}.{index + 1}")
        if self.backups > 0:
            os.replace(base, f"{base}.1")
        else:
            os.remove(base)
        self.stream = self._open()


def unexpected_error_text() -> str:
    return QCoreApplication.translate(
        "CrashDialog",
        "Une erreur inattendue s’est produite.\n\n"
        "Ce qui a déjà été saisi est enregistré : chaque choix est écrit dans la base avant d’être affiché.\n"
        "Vous pouvez continuer. Si l’application se comporte bizarrement, fermez-la puis rouvrez-la : "
        "elle vous proposera de reprendre l’atelier là où il en était.\n\n"
        "Les détails techniques sont dans le journal : %1",
    ).replace("%1", str(logs_dir() / LOG_FILE))


class ExceptionReporter(QObject):
    """Shows at most one dialog at a time; every exception is logged."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._showing = False
        self.previous: ExceptHook | None = None
        self.reported: list[BaseException] = []
        self._box: QMessageBox | None = None

    def __call__(self, kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            QApplication.quit()
            return
        self.reported.append(error)
        if isinstance(error, AtelierError):
            log.warning("%s %s", error, error.detail)
            self._show(QMessageBox.Icon.Warning, str(error))
            return
        log.error("unexpected error\n%s", "".join(traceback.format_exception(kind, error, tb)))
        self._show(QMessageBox.Icon.Critical, unexpected_error_text())

    def _show(self, icon: QMessageBox.Icon, text: str) -> None:
        """Non-blocking: the event loop (timers, autosaved edits) keeps running behind the message."""
        if self._showing or QApplication.instance() is None:
            return
        self._showing = True
        parent = QApplication.activeWindow()
        box = QMessageBox(
            icon,
            QCoreApplication.translate("CrashDialog", "Atelier Résilience"),
            text,
            QMessageBox.StandardButton.Ok,
            parent,
        )
        box.setObjectName("errorDialog")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(self._on_closed)
        self._box = box  # without a parent window, Python holds the only reference
        box.open()

    def _on_closed(self, _result: int) -> None:
        self._showing = False
        self._box = None


def install_excepthook(app: QApplication) -> ExceptionReporter:
    reporter = ExceptionReporter(app)
    reporter.previous = sys.excepthook
    sys.excepthook = reporter
    return reporter
