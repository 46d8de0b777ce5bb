"""Help › À propos names the app's licence and every third-party component with its installed version."""

from __future__ import annotations

from importlib.metadata import version

from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from workshop_app.components import components, notices_path
from workshop_app.ui.about import build_about


def test_about_lists_components_versions_and_licences(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    box = build_about(parent)
    qtbot.addWidget(box)
    text = box.text()
    assert "Licence : MIT" in text
    for name, dist in (
        ("PySide6 (Qt)", "pyside6-essentials"),
        ("ReportLab", "reportlab"),
        ("NumPy", "numpy"),
    ):
        assert f"<td>{name}</td><td>{version(dist)}</td>" in text
    assert "<td>LGPL-3.0</td>" in text
    assert notices_path().name in text and notices_path().is_file()
    assert "remplacement de Qt" in text
    buttons = [b.text() for b in box.buttons()]
    assert "À propos de Qt" in buttons
    box.show()
    label = box.findChild(QLabel, "qt_msgbox_label")
    assert label is not None and label.openExternalLinks()  # the notices' link opens the file


def test_about_in_english(qtbot: QtBot, english: None) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    box = build_about(parent)
    qtbot.addWidget(box)
    assert box.windowTitle() == "About"
    assert "Components used" in box.text() and "Licence: MIT" in box.text()
    assert "About Qt" in [b.text() for b in box.buttons()]


def test_every_component_is_installed_with_its_version() -> None:
    listed = components()
    assert all(c.version for c in listed)  # optional ones that are missing are left out, never shown empty
    assert {"pyside6-essentials", "numpy", "pillow", "tzdata", "reportlab"} <= {
        c.distribution for c in listed
    }
