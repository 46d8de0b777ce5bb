"""Settings the View menu changes are remembered; translations load for French (Qt's) and English (ours)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.ui.test_app_support import close_message_boxes
from workshop_app.ui.i18n import install_translators, translations_dir
from workshop_app.ui.main_window import MainWindow
from workshop_app.ui.settings import FONT_SCALE, HIGH_CONTRAST, LANGUAGE, WINDOW_GEOMETRY, AppSettings
from workshop_app.ui.theme import MAX_SCALE, apply_theme


@pytest.fixture
def window(qtbot: QtBot) -> Iterator[MainWindow]:
    main = MainWindow(AppSettings())
    qtbot.addWidget(main)
    main.show()
    yield main
    close_message_boxes()
    main.close()
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    apply_theme(app, 1.0, False)  # leave the next tests a normal look


def test_font_size_and_contrast_are_applied_and_remembered(window: MainWindow, atelier_home: Path) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    window.view.apply()
    base = app.font().pointSizeF()
    window.registry["font_bigger"].trigger()
    window.registry["font_bigger"].trigger()
    assert app.font().pointSizeF() == pytest.approx(base * 1.2)
    window.registry["high_contrast"].trigger()
    assert app.palette().color(QPalette.ColorRole.Window).name() == "#000000"
    assert app.palette().color(QPalette.ColorRole.Highlight).name() == "#ffd400"
    again = AppSettings()
    assert again.get(FONT_SCALE) == pytest.approx(1.2) and again.get(HIGH_CONTRAST) is True
    for _ in range(30):
        window.registry["font_bigger"].trigger()
    assert AppSettings().get(FONT_SCALE) == MAX_SCALE  # bounded
    window.registry["font_reset"].trigger()
    window.registry["high_contrast"].trigger()
    assert AppSettings().get(FONT_SCALE) == 1.0 and AppSettings().get(HIGH_CONTRAST) is False
    assert app.palette().color(QPalette.ColorRole.Window).name() != "#000000"
    assert (atelier_home / "settings.ini").exists()


def test_a_new_window_starts_with_the_remembered_look(qtbot: QtBot) -> None:
    settings = AppSettings()
    settings.set(HIGH_CONTRAST, True)
    main = MainWindow(AppSettings())
    qtbot.addWidget(main)
    assert main.registry["high_contrast"].isChecked()
    main.close()


def test_language_choice_is_remembered_and_applies_at_next_start(window: MainWindow) -> None:
    assert window.registry["language_fr"].isChecked()
    window.registry["language_en"].trigger()
    assert AppSettings().get(LANGUAGE) == "en"
    texts = close_message_boxes()
    assert texts and "prochain démarrage" in texts[0]
    assert window.registry["language_en"].isChecked() and not window.registry["language_fr"].isChecked()


def test_window_geometry_is_saved_on_close(qtbot: QtBot) -> None:
    main = MainWindow(AppSettings())
    qtbot.addWidget(main)
    # within the offscreen screen (800 × 600), where restoreGeometry clamps, and above the window's minimum
    width = max(720, main.minimumSizeHint().width())
    assert width <= 800
    main.resize(width, 520)
    main.show()
    main.close()
    assert AppSettings().get(WINDOW_GEOMETRY)
    again = MainWindow(AppSettings())
    qtbot.addWidget(again)
    assert (again.width(), again.height()) == (width, 520)
    again.close()


def test_damaged_settings_fall_back_to_defaults(atelier_home: Path) -> None:
    raw = QSettings(str(atelier_home / "settings.ini"), QSettings.Format.IniFormat)
    raw.setValue(FONT_SCALE.key, "énorme")
    raw.sync()
    assert AppSettings().get(FONT_SCALE) == 1.0


def test_translations_french_from_qt_and_english_from_ours(qtbot: QtBot) -> None:
    app = QCoreApplication.instance()
    assert app is not None
    qm = Path(translations_dir()) / "atelier_en.qm"
    if not qm.exists():  # normally built by scripts/setup.sh
        from workshop_app.ui.i18n_build import release

        release(qm.with_suffix(".ts"))
    installed = install_translators(app, "fr")
    try:
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Annuler"
        assert QCoreApplication.translate("ActionRegistry", "&Nouvel atelier") == "&Nouvel atelier"
    finally:
        for translator in installed:
            app.removeTranslator(translator)
    installed = install_translators(app, "en")
    try:
        assert QCoreApplication.translate("ActionRegistry", "&Nouvel atelier") == "&New workshop"
        assert QCoreApplication.translate("WorkshopPages", "&Bilan") == "&Debrief"
        assert QCoreApplication.translate("PlayPage", "Carte suivante ▶") == "Next card ▶"
        main = MainWindow(AppSettings())
        qtbot.addWidget(main)
        assert [main.tabs.tabText(i) for i in range(4)] == ["H&ome", "&Set-up", "Pl&ay", "&Debrief"]
        main.close()
    finally:
        for translator in installed:
            app.removeTranslator(translator)
        install_translators(app, "fr")


def test_every_string_has_an_english_translation() -> None:
    import xml.etree.ElementTree as ET

    ts = Path(translations_dir()) / "atelier_en.ts"
    unfinished = [
        message.findtext("source")
        for message in ET.parse(ts).getroot().iter("message")
        if message.find("translation") is None or message.find("translation").get("type") == "unfinished"  # type: ignore[union-attr]
    ]
    assert unfinished == []


def test_an_unchanged_setting_is_not_written_again_a_changed_one_is(atelier_home: Path) -> None:
    from workshop_app.ui.settings import OPEN_WORKSHOP, RECENT_WORKSHOPS

    settings = AppSettings()
    settings.set(OPEN_WORKSHOP, "")
    settings.set(RECENT_WORKSHOPS, ["a", "b"])
    settings.set(WINDOW_GEOMETRY, b"\x01\x02geometry")
    path = Path(settings._store.fileName())
    before = path.stat().st_mtime_ns, path.read_bytes()
    writes: list[str] = []
    settings._store.sync = lambda: writes.append("sync")  # type: ignore[method-assign]
    settings.set(OPEN_WORKSHOP, "")  # what every quit does
    settings.set(RECENT_WORKSHOPS, ["a", "b"])
    settings.set(WINDOW_GEOMETRY, b"\x01\x02geometry")
    assert writes == [] and (path.stat().st_mtime_ns, path.read_bytes()) == before
    settings.set(OPEN_WORKSHOP, "w-1")
    settings.set(WINDOW_GEOMETRY, b"\x01\x03geometry")
    assert writes == ["sync", "sync"]
    del settings._store.sync  # the real sync again
    settings._store.sync()
    fresh = AppSettings()
    assert fresh.get(OPEN_WORKSHOP) == "w-1" and fresh.get(WINDOW_GEOMETRY) == b"\x01\x03geometry"
    assert fresh.get(RECENT_WORKSHOPS) == ["a", "b"]
