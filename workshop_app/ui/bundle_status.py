"""What the main window says after a workshop archive was imported or written (the work is in
:mod:`workshop_app.ui.file_flow`): the imported workshop is opened and the status bar tells what came in.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:
    from workshop_app.ui.main_window import MainWindow


def on_bundle_imported(window: MainWindow, workshop_id: str, added: bool) -> None:
    session = window.session
    if session is not None and session.workshop_id == workshop_id and added:
        session.reload()  # the open workshop received events from another laptop
    window.refresh_workshops()
    if not window.open_workshop(workshop_id) or window.session is None:
        return
    title = window.session.snapshot.info.title
    if added:
        text = QCoreApplication.translate("MainWindow", "Atelier « %1 » importé.")
    else:
        text = QCoreApplication.translate(
            "MainWindow", "Atelier « %1 » déjà présent : rien de nouveau dans l’archive."
        )
    summary = window.files.last_import_summary if window.files is not None and added else ""
    text = text.replace("%1", title)
    if summary:
        text = f"{text} {summary[:1].upper()}{summary[1:]}."
    window.statusBar().showMessage(text, 10_000)


def on_bundle_exported(window: MainWindow, path: str) -> None:
    text = QCoreApplication.translate("MainWindow", "Archive écrite : %1")
    window.statusBar().showMessage(text.replace("%1", path), 10_000)
