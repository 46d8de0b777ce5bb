"""« Comparer… » from the start page: which workshops, the comparison computed in the background, the window,
« Ville A, B… », and the exports through cohort-core's exporters in the background.

The snapshots are read on the GUI thread (one read transaction each, as the export does); the comparison
(``core.compare.compare``, the very rules ``services.compare.compare_workshops`` applies) and the files are
built on a worker through :func:`run_task`. Errors are the service's French sentences, shown as they are.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget

from workshop_app.core.errors import AtelierError
from workshop_app.ui.cohort.targets import PROGRAMME, CompareTarget, compare_targets
from workshop_app.ui.cohort.window import CompareWindow
from workshop_app.ui.export_done import ExportDoneBox, Opener, open_with_system
from workshop_app.ui.tasks import Report, TaskHandle, run_task

if TYPE_CHECKING:
    from workshop_app.core.compare_model import Comparison
    from workshop_app.core.workshop import WorkshopSnapshot
    from workshop_app.services.api import WorkshopService

log = logging.getLogger(__name__)
SUFFIXES = {"pdf": ".pdf", "docx": ".docx", "csv": ".csv"}


def compare_work(
    snapshots: Sequence[WorkshopSnapshot], anonymise: bool, deck_id: str | None = None
) -> Callable[[Report], Comparison]:
    def work(report: Report) -> Comparison:
        from workshop_app.core.compare import compare

        report(10, "")
        return compare(snapshots, deck_id=deck_id, anonymise=anonymise)

    return work


def export_work(comparison: Comparison, kind: str, target: Path) -> Callable[[Report], Path]:
    """Writes the file with the comparison's exporter for that kind (``export.compare``; no Qt inside)."""

    def work(report: Report) -> Path:
        from workshop_app.export.compare import write_reports

        if kind not in SUFFIXES:
            raise AtelierError(f"Format d’export inconnu : {kind}.")
        report(5, "")
        write_reports(comparison, **{kind: target})
        return target

    return work


class CompareFlow(QObject):
    """One per « Comparer… »: keeps the snapshots, so « Ville A, B… » recomputes without reading again."""

    def __init__(self, service: WorkshopService, parent: QWidget, opener: Opener = open_with_system) -> None:
        super().__init__(parent)
        self.service = service
        self.parent_widget = parent
        self.opener = opener
        self.window: CompareWindow | None = None
        self.snapshots: list[WorkshopSnapshot] = []
        self.deck_id: str | None = None
        self.task: TaskHandle | None = None
        self.last_export: Path | None = None

    # -- which workshops ------------------------------------------------------------------------------------
    def start(self, selected: Sequence[str]) -> bool:
        """Two or more workshops selected: compare them; otherwise ask which territory or programme."""
        ids = list(dict.fromkeys(selected))
        if len(ids) < 2:
            chosen = self.ask_target(ids[0] if ids else None)
            if chosen is None:
                return False
            try:
                ids = self.target_ids(chosen)
            except AtelierError as error:
                self.warn(str(error))
                return False
        try:
            self.snapshots = [self.service.snapshot(i) for i in ids]
        except AtelierError as error:
            self.warn(str(error))
            return False
        self.compute(anonymise=False)
        return True

    def target_ids(self, target: CompareTarget) -> list[str]:
        from workshop_app.services.compare import programme_workshops, territory_workshops

        if target.kind == PROGRAMME:
            return programme_workshops(self.service, target.name)
        return territory_workshops(self.service, target.name)

    def ask_target(self, selected: str | None) -> CompareTarget | None:
        """Which territory (over time) or programme to compare (tests replace this)."""
        try:
            targets = compare_targets(self.service.list_workshops(), selected)
        except AtelierError as error:
            self.warn(str(error))
            return None
        if not targets:
            self.warn(
                self.tr(
                    "Choisissez au moins deux ateliers dans la liste (Ctrl+clic), ou rangez des ateliers "
                    "dans un même territoire ou un même programme (page Préparation)."
                )
            )
            return None
        labels = [t.label for t in targets]
        label, ok = QInputDialog.getItem(
            self.parent_widget,
            self.tr("Comparer"),
            self.tr("Comparer les ateliers :"),
            labels,
            0,
            False,
        )
        return targets[labels.index(label)] if ok and label in labels else None

    # -- the comparison -------------------------------------------------------------------------------------
    def compute(self, anonymise: bool) -> None:
        if self.window is not None:
            self.window.set_busy(True, self.tr("Comparaison en cours…"))
        self.task = run_task(
            compare_work(self.snapshots, anonymise, self.deck_id), self.on_compared, self.on_failed
        )

    def on_compared(self, comparison: Comparison) -> None:
        window = self.window
        if window is None:
            window = self.window = CompareWindow(self.parent_widget)
            window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            window.destroyed.connect(self._forget_window)
            window.sig_anonymise.connect(self.compute)
            window.sig_export.connect(self.export)
            screen = self.parent_widget.screen().availableGeometry()
            window.resize(min(1400, screen.width()), min(900, screen.height()))
        window.set_comparison(comparison)
        window.set_busy(False)
        window.show()
        window.raise_()

    def _forget_window(self) -> None:
        self.window = None

    def on_failed(self, error: BaseException) -> None:
        if self.window is not None:
            self.window.set_busy(False)
        if isinstance(error, AtelierError):
            self.warn(str(error))
            return
        from workshop_app.ui.crash import unexpected_error_text

        log.error("comparison failed", exc_info=error)
        self.warn(unexpected_error_text())

    # -- exports --------------------------------------------------------------------------------------------
    def export(self, kind: str) -> None:
        window = self.window
        if window is None or window.comparison is None:
            return
        target = self.choose_path(kind, window.comparison)
        if target is None:
            return
        window.set_busy(True, self.tr("Export en cours…"))
        self.task = run_task(export_work(window.comparison, kind, target), self.on_exported, self.on_failed)

    def choose_path(self, kind: str, comparison: Comparison) -> Path | None:
        """Where to write (tests replace this)."""
        suffix = SUFFIXES[kind]
        name = "".join(c if c.isalnum() or c in " -_" else " " for c in comparison.title).split()
        path, _ = QFileDialog.getSaveFileName(
            self.window, self.tr("Exporter la comparaison"), f"{'-'.join(name)}{suffix}", f"*{suffix}"
        )
        if not path:
            return None
        target = Path(path)
        return target if target.suffix.lower() == suffix else target.with_name(target.name + suffix)

    def on_exported(self, path: Any) -> None:
        self.last_export = Path(path)
        if self.window is not None:
            self.window.set_busy(False, self.tr("Enregistré : %1").replace("%1", str(path)))
        self.done_box(Path(path))

    def done_box(self, path: Path) -> None:
        """« Ouvrir le fichier » / « Ouvrir le dossier » (tests replace this)."""
        box = ExportDoneBox(path, self.opener, self.window, title=self.written_title(path))
        box.open()

    def written_title(self, path: Path) -> str:
        """What was written, by its kind: a comparison is not « le compte-rendu » of a workshop."""
        titles = {
            ".pdf": self.tr("Rapport de comparaison enregistré (PDF)"),
            ".docx": self.tr("Rapport de comparaison enregistré (DOCX)"),
            ".csv": self.tr("Tableau de comparaison enregistré (CSV)"),
        }
        return titles.get(path.suffix.lower(), self.tr("Comparaison enregistrée"))

    def warn(self, message: str) -> None:
        """A French sentence in a box (tests replace this)."""
        QMessageBox.warning(self.window or self.parent_widget, self.tr("Comparaison impossible"), message)
