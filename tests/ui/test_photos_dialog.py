"""Photos from the UI: files added or dropped several at once, captioned, attached to a card or the debrief,
removed; refused files are named in French and the others still added. Real store, real widgets."""

from __future__ import annotations

import io
import os
from pathlib import Path

from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from tests.ui.test_app_support import drop_files, et_si_deck
from workshop_app.store import open_store
from workshop_app.ui.debrief.photos_dialog import PhotosDialog
from workshop_app.ui.main_window import MainWindow
from workshop_app.ui.workshop_pages import PAGE_PLAY

SHOTS = os.environ.get("ATELIER_SHOTS", "")


def _open(window: MainWindow) -> str:
    service = window.service
    assert service is not None
    info = service.create_workshop("Atelier photos")
    service.add_group(info.id, "Table 1")
    service.add_sequence(info.id, et_si_deck(), 60)
    assert window.open_workshop(info.id, PAGE_PLAY)
    return info.id


def _photo(path: Path, width: int, height: int, colour: tuple[int, int, int]) -> Path:
    out = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(out, format="JPEG")
    path.write_bytes(out.getvalue())
    return path


def _stored(workshop_id: str) -> list[tuple[str, str, str | None]]:
    with open_store() as store:
        return [(p.filename, p.caption, p.card_id) for p in store.snapshot(workshop_id).attachments]


def test_photos_dropped_captioned_attached_and_removed(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    workshop_id = _open(window)
    session = window.session
    assert session is not None
    card = session.card_id
    keys = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    QTest.keyClick(window, Qt.Key.Key_P, keys)
    dialog = window.findChild(PhotosDialog)
    assert dialog is not None and dialog.isVisible()
    files = [
        _photo(tmp_path / "tableau.jpg", 1200, 800, (40, 90, 160)),
        _photo(tmp_path / "post-its.jpg", 6000, 4000, (230, 200, 40)),
        tmp_path / "notes.txt",
    ]
    files[2].write_text("pas une photo", encoding="utf-8")
    drop_files(dialog, files)  # three at once, from the file manager
    assert dialog.list.count() == 2
    assert "« notes.txt » n’est pas une image lisible" in dialog.errors.text() and dialog.errors.isVisible()
    stored = _stored(workshop_id)
    assert [(name, link) for name, _caption, link in stored] == [
        ("tableau.jpg", card), ("post-its.jpg", card)]
    with open_store() as store:
        big = store.snapshot(workshop_id).attachments[1]
        with Image.open(io.BytesIO(store.attachment_data(big.id))) as back:
            assert back.size == (2400, 1600)  # downscaled before it was stored
    # the caption of the selected (last added) photo, typed with real keys
    assert dialog.current() is not None and dialog.current().filename == "post-its.jpg"  # type: ignore[union-attr]
    dialog.caption.setFocus()
    QTest.keyClicks(dialog.caption, "Post-its de la table 1")
    QTest.keyClick(dialog.caption, Qt.Key.Key_Return)
    assert _stored(workshop_id)[1][1] == "Post-its de la table 1"
    dialog.link.setCurrentIndex(0)
    dialog.link.activated.emit(0)  # « Le bilan »
    assert _stored(workshop_id)[1][2] is None
    assert "Bilan" in dialog.list.item(1).text()
    assert "1. q01 — " in dialog.list.item(0).text()  # the first one stays on its card
    dialog.list.setCurrentRow(0)
    assert dialog.link.currentIndex() == 1 and dialog.caption.text() == ""
    dialog.list.setCurrentRow(1)
    if SHOTS:
        for width, height in ((1366, 768), (1920, 1080)):
            window.resize(width, height)
            QTest.qWait(30)
            dialog.grab().save(str(Path(SHOTS) / f"photos-dialog-{width}.png"))
    dialog.list.setCurrentRow(0)
    dialog.remove_button.click()
    assert [name for name, _c, _l in _stored(workshop_id)] == ["post-its.jpg"]
    assert dialog.list.count() == 1
    dialog.close()


def test_the_debrief_button_adds_photos_to_the_debrief(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    workshop_id = _open(window)
    debrief = window.pages.debrief
    debrief.photos_button.click()  # type: ignore[union-attr]
    dialog = debrief.findChild(PhotosDialog)  # type: ignore[union-attr]
    assert dialog is not None
    dialog.choose_files = lambda: [_photo(tmp_path / "mur.jpg", 300, 200, (10, 10, 10))]  # type: ignore[method-assign]
    dialog.add_button.click()
    assert _stored(workshop_id) == [("mur.jpg", "", None)]
    assert not dialog.errors.isVisible()
    dialog.close()
