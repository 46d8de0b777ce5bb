"""Ctrl+O opens a deck (validated, errors by file:line:field) or a workshop archive (imported in the
background, then opened); « Exporter l'archive de l'atelier (.zip)… » writes it. The file dialogs are
replaced: no modal dialog ever opens for real."""

from __future__ import annotations

import zipfile
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from tests.ui.test_app_support import (
    BROKEN_DECK,
    VALID_DECK,
    close_message_boxes,
    drop_files,
    et_si_deck,
    message_boxes,
)
from workshop_app.paths import user_decks_dir
from workshop_app.ui.main_window import MainWindow
from workshop_app.ui.start.deck_issues_dialog import DeckIssuesDialog

PHOTO = b"\x89PNG\r\n\x1a\n" + bytes(range(256))


def ctrl_o(qtbot: QtBot, window: MainWindow, path: Path | str) -> None:
    """Press Ctrl+O with the file dialog answering ``path``."""
    assert window.files is not None
    window.files.choose_open = lambda: str(path)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    QTest.keyClick(window, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)


def test_ctrl_o_with_a_deck_validates_and_imports_it(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    good = tmp_path / "mon-jeu.yaml"
    good.write_text(VALID_DECK, encoding="utf-8")
    ctrl_o(qtbot, window, good)
    assert (user_decks_dir() / "mon-jeu.yaml").read_text(encoding="utf-8") == VALID_DECK
    assert "1 jeu importé" in window.statusBar().currentMessage()

    broken = tmp_path / "jeu-casse.yml"
    broken.write_text(BROKEN_DECK, encoding="utf-8")
    ctrl_o(qtbot, window, broken)
    dialogs = [d for d in window.findChildren(DeckIssuesDialog) if d.isVisible()]
    assert len(dialogs) == 1
    assert dialogs[0].lines[0] == "jeu-casse.yml:17: cards[0].prompt: champ obligatoire manquant"
    dialogs[0].close()


def test_ctrl_o_cancelled_or_with_another_file(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    ctrl_o(qtbot, window, "")  # « Annuler » in the dialog
    assert not message_boxes()
    ctrl_o(qtbot, window, tmp_path / "notes.txt")
    assert close_message_boxes() == [
        "« notes.txt » n’est ni un jeu (.yaml, .yml) ni une archive d’atelier (.zip)."
    ]


def test_archive_round_trip_export_then_ctrl_o_brings_the_workshop_back(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    service = window.service
    assert service is not None and window.files is not None
    info = service.create_workshop("Atelier de Creil", territory="Creil")
    group = service.add_group(info.id, "Table 1")
    deck = et_si_deck()
    seq = service.add_sequence(info.id, deck, 60)
    service.record_choice(info.id, seq.id, group.id, deck.cards[0].id, deck.scale[2].id, "Un argument")  # type: ignore[union-attr]
    service.add_attachment(info.id, "tableau.png", PHOTO, caption="Le tableau")
    assert window.open_workshop(info.id)
    assert window.registry["export_bundle"].isEnabled()
    suggested: list[Path] = []

    def choose_save(path: Path) -> str:
        suggested.append(path)
        return str(tmp_path / "archive")  # no suffix typed: « .zip » is added

    window.files.choose_save = choose_save
    with qtbot.waitSignal(window.files.sig_bundle_exported, timeout=20_000):
        window.registry["export_bundle"].trigger()
    target = tmp_path / "archive.zip"
    exported = service.snapshot(info.id).events  # with what opening it on the play page logged
    assert suggested[0].name == "atelier-creil.zip" and zipfile.is_zipfile(target)
    assert str(target) in window.statusBar().currentMessage()

    window.close_workshop()
    service.delete_workshop(info.id)
    window.refresh_workshops()
    assert window.start.workshops.rowCount() == 0
    with qtbot.waitSignal(window.sig_workshop_opened, timeout=20_000):
        ctrl_o(qtbot, window, target)
    assert window.session is not None and window.session.workshop_id == info.id
    assert window.start.workshops.rowCount() == 1
    back = service.snapshot(info.id)
    assert back.events == exported and back.events[0].payload["argument"] == "Un argument"
    assert [a.caption for a in back.attachments] == ["Le tableau"]
    assert service.attachment_data(back.attachments[0].id) == PHOTO
    assert "importé" in window.statusBar().currentMessage()

    with qtbot.waitSignal(window.files.sig_bundle_imported, timeout=20_000) as imported:
        ctrl_o(qtbot, window, target)  # twice: nothing new, nothing duplicated
    assert imported.args == [info.id, False] and service.snapshot(info.id).events == exported
    assert "rien de nouveau" in window.statusBar().currentMessage()


def test_a_refused_archive_is_a_plain_french_message(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    fake = tmp_path / "photos.zip"
    with zipfile.ZipFile(fake, "w") as archive:
        archive.writestr("photo.jpg", b"pas un atelier")
    ctrl_o(qtbot, window, fake)
    qtbot.waitUntil(lambda: bool(message_boxes()), timeout=20_000)
    texts = close_message_boxes()
    assert texts == ["« photos.zip » contient un fichier inattendu : « photo.jpg »."]
    broken = tmp_path / "abîmée.zip"
    broken.write_bytes(b"PK\x03\x04 coupe ici")
    ctrl_o(qtbot, window, broken)
    qtbot.waitUntil(lambda: bool(message_boxes()), timeout=20_000)
    texts = close_message_boxes()
    assert texts == ["« abîmée.zip » n'est pas une archive d'atelier lisible (zip invalide)."]
    assert window.start.workshops.rowCount() == 0 and window.session is None


def test_dropping_archives_on_the_start_page_imports_them_like_ctrl_o(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    from workshop_app.export.bundle import export_bundle

    service = window.service
    assert service is not None
    archives = []
    for town in ("Creil", "Senlis"):
        info = service.create_workshop(f"Atelier de {town}", territory=town)
        service.add_group(info.id, "Table 1")
        export_bundle(service.snapshot(info.id), {}, tmp_path / f"{town}.zip")
        service.delete_workshop(info.id)
        archives.append((info.id, tmp_path / f"{town}.zip"))
    window.refresh_workshops()
    assert window.start.workshops.rowCount() == 0
    hint = [label.text() for label in window.start.findChildren(QLabel) if ".yaml" in label.text()]
    assert hint == ["ou glissez sur cette page un jeu (.yaml, .xlsx, .ods) ou une archive d’atelier (.zip)"]

    with qtbot.waitSignal(window.sig_workshop_opened, timeout=20_000) as opened:
        drop_files(window.start, [archives[0][1]])
    assert opened.args == [archives[0][0]] and window.session is not None
    assert "importé" in window.statusBar().currentMessage() and not message_boxes()

    window.close_workshop()
    imported: list[str] = []
    assert window.files is not None
    window.files.sig_bundle_imported.connect(lambda workshop_id, _added: imported.append(workshop_id))
    drop_files(window.start, [archives[1][1], archives[0][1]])  # several at once: one after the other
    qtbot.waitUntil(lambda: len(imported) == 2, timeout=20_000)
    assert imported == [archives[1][0], archives[0][0]]
    assert window.start.workshops.rowCount() == 2 and not message_boxes()


def test_a_dropped_archive_that_is_refused_says_why_in_french(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    fake = tmp_path / "photos.zip"
    with zipfile.ZipFile(fake, "w") as archive:
        archive.writestr("photo.jpg", b"pas un atelier")
    drop_files(window.start, [fake])
    qtbot.waitUntil(lambda: bool(message_boxes()), timeout=20_000)
    assert close_message_boxes() == ["« photos.zip » contient un fichier inattendu : « photo.jpg »."]
    assert window.start.workshops.rowCount() == 0 and window.session is None
