"""The main window's exports: each format in the background, then the offer to open the file; anonymising,
the report pack, no viewer, a failed export."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.ui.test_app_support import close_message_boxes, with_workshop
from workshop_app.ui.export_dialog import ExportChoice, ExportDialog
from workshop_app.ui.main_window import MainWindow


@pytest.mark.parametrize("kind", ["pdf", "docx", "csv", "xlsx"])
def test_export_runs_in_the_background_then_offers_to_open_the_file(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, kind: str
) -> None:
    with_workshop(window)
    opened: list[Path] = []
    assert window.exports is not None
    window.exports.opener = opened.append
    window.registry["export"].trigger()
    dialog = window.findChild(ExportDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.kind.setCurrentIndex(dialog.kind.findData(kind))
    assert dialog.path.text().endswith(f"compte-rendu-atelier-test.{kind}")
    dialog.path.setText(str(tmp_path / "cr"))
    assert dialog.choice() == ExportChoice(kind, tmp_path / f"cr.{kind}", False)
    dialog.accept()
    qtbot.waitUntil(lambda: window.exports.done_box is not None, timeout=30_000)  # type: ignore[union-attr]
    box = window.exports.done_box
    assert box is not None and box.isVisible() and opened == []  # nothing opens by itself
    assert str(tmp_path / f"cr.{kind}") in box.informativeText()
    assert box.open_file_button is not None
    assert box.open_file_button.text() == ("Ouvrir le PDF" if kind == "pdf" else "Ouvrir le fichier")
    box.open_file_button.click()
    assert opened == [tmp_path / f"cr.{kind}"] and opened[0].stat().st_size > 0
    qtbot.waitUntil(lambda: not box.isVisible())
    assert window.exports.progress is None and not window.exports.busy


def test_the_archive_export_can_anonymise_participants(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    from workshop_app.export.bundle import read_bundle

    with_workshop(window)
    assert window.exports is not None and window.session is not None and window.service is not None
    window.service.add_participant(
        window.session.workshop_id, name="Camille Dupont", role="Maire", service="Urbanisme"
    )
    opened: list[Path] = []
    window.exports.opener = opened.append
    window.registry["export"].trigger()
    dialog = window.findChild(ExportDialog)
    assert dialog is not None
    dialog.kind.setCurrentIndex(dialog.kind.findData("zip"))
    dialog.path.setText(str(tmp_path / "archive"))
    dialog.anonymise.setChecked(True)
    dialog.accept()
    qtbot.waitUntil(lambda: window.exports.done_box is not None, timeout=30_000)  # type: ignore[union-attr]
    box = window.exports.done_box
    assert box is not None and box.open_file_button is None  # an archive is not for reading
    box.open_folder_button.click()
    assert opened == [tmp_path]  # the folder is shown, the archive is not unzipped
    snapshot, _photos = read_bundle(tmp_path / "archive.zip")
    assert [(p.name, p.role, p.service) for p in snapshot.participants] == [("", "", "Urbanisme")]


def test_without_a_viewer_the_export_says_where_the_file_is(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    from PySide6.QtGui import QGuiApplication

    with_workshop(window)
    assert window.exports is not None and window.session is not None
    window.exports.opener = lambda _path: False  # « Unable to detect a launcher »
    window.exports.start(window.session.workshop_id, ExportChoice("csv", tmp_path / "cr.csv", False))
    qtbot.waitUntil(lambda: window.exports.done_box is not None, timeout=30_000)  # type: ignore[union-attr]
    box = window.exports.done_box
    assert box is not None and box.open_file_button is not None
    box.open_file_button.click()
    assert box.isVisible()
    assert "Aucune application n’est configurée" in box.text()
    assert str(tmp_path / "cr.csv") in box.informativeText()
    box.copy_button.click()
    assert QGuiApplication.clipboard().text() == str(tmp_path / "cr.csv")
    box.close_button.click()


def test_the_export_dialog_shows_no_literal_ampersand(qtbot: QtBot, window: MainWindow) -> None:
    from PySide6.QtWidgets import QLabel

    with_workshop(window)
    window.registry["export"].trigger()
    dialog = window.findChild(ExportDialog)
    assert dialog is not None
    labels = {label.text(): label for label in dialog.findChildren(QLabel)}
    assert labels["&Fichier"].buddy() is dialog.path and labels["F&ormat"].buddy() is dialog.kind
    dialog.reject()


def test_the_report_pack_is_offered_and_written(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    import zipfile

    with_workshop(window)
    assert window.exports is not None
    opened: list[Path] = []
    window.exports.opener = opened.append
    window.registry["export"].trigger()
    dialog = window.findChild(ExportDialog)
    assert dialog is not None
    dialog.kind.setCurrentIndex(dialog.kind.findData("pack"))
    assert dialog.path.text().endswith("compte-rendu-atelier-test.zip")
    dialog.path.setText(str(tmp_path / "dossier"))
    assert dialog.choice() == ExportChoice("pack", tmp_path / "dossier.zip", False)
    dialog.accept()
    qtbot.waitUntil(lambda: window.exports.done_box is not None, timeout=60_000)  # type: ignore[union-attr]
    box = window.exports.done_box
    assert box is not None and box.open_file_button is None  # a pack is for sending: its folder is offered
    box.open_folder_button.click()
    assert opened == [tmp_path]
    names = zipfile.ZipFile(tmp_path / "dossier.zip").namelist()
    assert {"compte-rendu.pdf", "compte-rendu.docx", "donnees/reponses.csv"} <= set(names)


def test_a_failed_export_says_why(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    with_workshop(window)
    assert window.exports is not None and window.session is not None
    target = tmp_path / "cr.csv"
    target.mkdir()  # a folder where the file should go: the write must fail, in French, without traceback
    window.exports.start(window.session.workshop_id, ExportChoice("csv", target, False))
    qtbot.waitUntil(lambda: not window.exports.busy, timeout=30_000)  # type: ignore[union-attr]
    texts = close_message_boxes()
    assert len(texts) == 1 and texts[0].startswith("Impossible d’écrire « cr.csv »")
    assert "Traceback" not in texts[0]


def test_the_export_garbage_is_collected_once_the_file_is_shown(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    """The layout's cycles (document, canvas, frames) are not collected in the worker the user waits for,
    but right after the « exporté » box, by the flow itself (not by an automatic collection during a vote)."""
    import gc

    from workshop_app.export.pdf.late import LateCanvas

    workshop_id = with_workshop(window)
    flow = window.exports
    assert flow is not None
    flow.opener = lambda path: None
    written: list[str] = []
    flow.sig_exported.connect(lambda path: written.append(path))
    gc.disable()  # no automatic collection may do the flow's work in this test
    try:
        flow.start(workshop_id, ExportChoice("pdf", tmp_path / "cr.pdf", False))
        qtbot.waitUntil(lambda: bool(written), timeout=30_000)
        assert flow.tidy_pending  # the file is there; the collection comes after the box
        left = [o for o in gc.get_objects() if isinstance(o, LateCanvas)]
        assert left  # the layout's canvas: unreachable, not collected yet
        del left
        qtbot.waitUntil(lambda: not flow.tidy_pending, timeout=5_000)
        assert not [o for o in gc.get_objects() if isinstance(o, LateCanvas)]
    finally:
        gc.enable()
    close_message_boxes()


def test_opening_the_export_dialog_preloads_the_pdf_export_in_the_background(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """While the user chooses the file, a worker loads what the session's first PDF export would load while
    they wait (the export package, its fonts): once a session, never on the GUI thread."""
    import threading

    import workshop_app.ui.export_flow as export_flow

    threads: list[threading.Thread] = []
    real = export_flow.preload_pdf_export

    def spy(report: object) -> None:
        threads.append(threading.current_thread())
        real(report)  # type: ignore[arg-type]

    monkeypatch.setattr(export_flow, "preload_pdf_export", spy)
    with_workshop(window)
    flow = window.exports
    assert flow is not None and flow.preloading is None
    for _ in range(2):
        window.registry["export"].trigger()
        dialog = window.findChild(ExportDialog)
        assert dialog is not None and dialog.isVisible()
        assert flow.preloading is not None
        qtbot.waitUntil(lambda: flow.preloading is not None and flow.preloading.finished, timeout=30_000)
        dialog.reject()
        qtbot.waitUntil(lambda: window.findChild(ExportDialog) is None)
    assert len(threads) == 1 and threads[0] is not threading.main_thread()
    from workshop_app.export.pdf import fonts

    assert fonts._registered


def test_showing_the_bilan_page_preloads_the_pdf_export(qtbot: QtBot, window: MainWindow) -> None:
    """The Bilan page is where the export comes next (and no vote is made there): the preload starts."""
    from workshop_app.ui.workshop_pages import PAGE_DEBRIEF, PAGE_PLAY

    with_workshop(window)
    flow = window.exports
    assert flow is not None and flow.preloading is None
    window.pages.show(PAGE_PLAY)
    assert flow.preloading is None  # playing: nothing taken from the votes
    window.pages.show(PAGE_DEBRIEF)
    assert flow.preloading is not None
    qtbot.waitUntil(lambda: flow.preloading is not None and flow.preloading.finished, timeout=30_000)


def test_opening_or_closing_a_workshop_preloads_nothing(qtbot: QtBot, window: MainWindow) -> None:
    """The tabs turn while a workshop's pages are put up or taken down: not a facilitator showing Bilan. No
    preload then (at the opening it would take from the compass; at the close the process may be ending)."""
    from workshop_app.ui.workshop_pages import PAGE_DEBRIEF, PAGE_PLAY, PAGE_SETUP

    flow = window.exports
    assert flow is not None
    for page in (PAGE_PLAY, PAGE_SETUP):
        workshop_id = with_workshop(window)
        window.pages.show(page)
        window.pages.close_session()
        assert window.open_workshop(workshop_id, page)
        assert flow.preloading is None, page
        window.pages.close_session()
        assert flow.preloading is None, page
    with_workshop(window)
    window.pages.show(PAGE_DEBRIEF)
    assert flow.preloading is not None  # the real thing still does
