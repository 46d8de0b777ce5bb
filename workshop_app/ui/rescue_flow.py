"""Fichier › « Sauver les ateliers d'une base endommagée… »: the GUI side of ``atelier rescue``.

Works without an open store (that is its point: a damaged database is refused at start-up). The facilitator
picks a folder; every workshop that still reads becomes one archive (.zip) there, in the background; the
message then names what was saved and what was not, and how to go on. The database is only read.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from workshop_app.core.errors import AtelierError


def _tr(text: str) -> str:
    return QCoreApplication.translate("RescueFlow", text)


def database_file() -> Path | None:
    from workshop_app import paths
    from workshop_app.store.engine import sqlite_path

    return sqlite_path(paths.default_database_url())


def ask_folder(parent: QWidget) -> Path | None:
    """Asks the facilitator (tests replace this)."""
    chosen = QFileDialog.getExistingDirectory(parent, _tr("Dossier où écrire une archive par atelier sauvé"))
    return Path(chosen) if chosen else None


def start_rescue(
    parent: QWidget,
    notify: Callable[[QMessageBox.Icon, str, str], object],
    folder: Path | None = None,
) -> None:
    from workshop_app.store.rescue import RescueReport, rescue
    from workshop_app.ui.tasks import run_task

    title = _tr("Sauver les ateliers")
    source = database_file()
    if source is None or not source.is_file():
        text = _tr("Il n’y a pas de fichier de base de données à sauver.")
        notify(QMessageBox.Icon.Information, title, text)
        return
    folder = folder or ask_folder(parent)
    if folder is None:
        return

    def done(result: RescueReport) -> None:
        notify(QMessageBox.Icon.Information, title, summary(result, folder))

    def failed(error: BaseException) -> None:
        text = str(error) if isinstance(error, AtelierError) else _tr("La sauvegarde a échoué : %1").replace(
            "%1", repr(error)
        )
        notify(QMessageBox.Icon.Warning, title, text)

    run_task(lambda _report: rescue(source, archives=folder), done, failed)


def summary(result: object, folder: Path) -> str:
    from workshop_app.store.rescue import RescueReport

    assert isinstance(result, RescueReport)
    total = len(result.saved) + len(result.lost)
    lines = [
        _tr("%1 atelier(s) sur %2 sauvé(s) dans « %3 » (une archive .zip chacun).")
        .replace("%1", str(len(result.saved)))
        .replace("%2", str(total))
        .replace("%3", str(folder))
    ]
    for saved in result.saved[:10]:
        lines.append(f"• {saved.title}" + (f" — en partie : {saved.missing}" if saved.missing else ""))
    if result.lost:
        lines.append(_tr("Non sauvés (ils restent dans le fichier d’origine, jamais modifié) :"))
        lines += [f"• {lost.label} : {lost.reason}" for lost in result.lost[:10]]
    if result.report.damaged:
        lines.append(
            _tr(
                "Pour repartir : fermez l’application, déplacez le fichier endommagé hors de son dossier "
                "(une copie est déjà dans « backups »), rouvrez l’application puis ouvrez chaque archive "
                "(Ctrl+O)."
            )
        )
    return "\n".join(lines)
