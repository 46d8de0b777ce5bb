"""The start page against damage (reliability review §2c and §4): a hostile deck file changes nothing
else, a damaged database is named as such, nothing can be created in it, and the Fichier menu saves its
workshops."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from pytestqt.qtbot import QtBot

from tests.ui.test_app_support import close_message_boxes, message_boxes, wait_for
from workshop_app.export.bundle import read_bundle
from workshop_app.paths import DATABASE_FILE, home, user_decks_dir
from workshop_app.store import open_store
from workshop_app.ui.main_window import MainWindow
from workshop_app.ui.settings import AppSettings
from workshop_app.ui.tasks import wait_all

MARK = "argument-a-abimer-0123456789"


def _db() -> Path:
    return home() / DATABASE_FILE


def _played(title: str, argument: str) -> str:
    from tests.store.store_decks import question_deck

    with open_store() as store:
        w = store.create_workshop(title)
        seq = store.add_sequence(w.id, question_deck())
        g = store.add_group(w.id, "Table 1")
        store.record_choice(w.id, seq.id, g.id, "q1", "3", argument)
        return w.id


def _window(qtbot: QtBot) -> MainWindow:
    main = MainWindow(AppSettings())
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    return main


def test_one_deeply_nested_deck_and_a_fifo_leave_the_start_page_whole(qtbot: QtBot) -> None:
    _played("Atelier de Valmont", "solide")
    user_decks_dir().mkdir(parents=True)
    (user_decks_dir() / "profond.yaml").write_text("[" * 50_000 + "]" * 50_000, encoding="utf-8")
    os.mkfifo(user_decks_dir() / "tube.yaml")
    main = _window(qtbot)
    try:
        assert main.open_store()
        assert main.start.workshops.rowCount() == 1
        model = main.start.decks
        names = {model.index(r, 0).data(): model.index(r, 4).data() for r in range(model.rowCount())}
        shipped = len(list((Path(__file__).resolve().parents[2] / "scenarios").glob("*.yaml")))
        assert sum(1 for e in main.decks if e.ok) == shipped  # the built-in decks are all there
        assert names["profond.yaml"].startswith("invalide") and names["tube.yaml"].startswith("invalide")
        assert not [t for t in close_message_boxes() if "inattendue" in t]
    finally:
        main.close()


def _damage() -> str:
    db = _db()
    data = bytearray(db.read_bytes())
    at = data.find(MARK.encode())
    assert at > 0
    data[at : at + 16] = b"\xff" * 16
    db.write_bytes(bytes(data))
    return hashlib.sha256(db.read_bytes()).hexdigest()


def test_a_damaged_database_is_named_nothing_is_created_and_the_menu_saves_the_rest(
    qtbot: QtBot, tmp_path: Path
) -> None:
    intact = _played("Atelier intact", "solide")
    _played("Atelier abîmé", MARK)
    digest = _damage()
    main = _window(qtbot)
    try:
        assert not main.open_store()
        texts = close_message_boxes()
        words = ("est endommagée", "n’y écrira rien", "Sauver les ateliers")
        assert any(all(w in t for w in words) for t in texts)
        assert "endommagée" in main.start.store_label.text()
        assert not main.start.new_button.isEnabled() and not main.registry["new_workshop"].isEnabled()
        main.new_workshop()  # even if called: there is no store to write into
        assert main.registry["rescue"].isEnabled()
        from workshop_app.ui import rescue_flow

        rescue_flow.start_rescue(main, main.notify, tmp_path / "sauvés")
        wait_all()
        wait_for(qtbot, lambda: message_boxes())
        (text,) = close_message_boxes()
        assert "2 atelier(s) sur 2 sauvé(s)" in text and "• Atelier abîmé — en partie : 1 valeur(s)" in text
        ids = {read_bundle(a)[0].info.id for a in (tmp_path / "sauvés").glob("*.zip")}
        assert intact in ids and len(ids) == 2
    finally:
        main.close()
    assert hashlib.sha256(_db().read_bytes()).hexdigest() == digest


def test_atelier_home_that_is_a_file_opens_the_window_and_says_why(
    qtbot: QtBot, tmp_path: Path, monkeypatch: object
) -> None:
    import pytest

    afile = tmp_path / "un-fichier"
    afile.write_text("x", encoding="utf-8")
    assert isinstance(monkeypatch, pytest.MonkeyPatch)
    monkeypatch.setenv("ATELIER_HOME", str(afile))
    main = _window(qtbot)  # AppSettings used to crash here (FileExistsError in ensure_home)
    try:
        assert not main.open_store()
        assert any("n'est pas un dossier" in t for t in close_message_boxes())
        assert "ATELIER_HOME" in main.start.store_label.text()
    finally:
        main.close()
    assert afile.read_text(encoding="utf-8") == "x"
