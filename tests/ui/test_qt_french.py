"""Qt's own dialogs speak French: the file dialog's labels that qtbase_fr.qm lacks come from our gaps."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QAbstractButton, QApplication, QFileDialog, QLabel
from pytestqt.qtbot import QtBot

from workshop_app.ui.i18n import install_translators
from workshop_app.ui.qt_french import GAPS, QtFrenchGaps

ENGLISH_LEFTOVERS = ("Look in", "Files of type", "File name", "Folder", "Open", "Cancel", "Save")


@pytest.fixture
def french(qtbot: QtBot) -> Iterator[None]:
    app = QCoreApplication.instance()
    assert app is not None
    installed = install_translators(app, "fr")
    yield
    for translator in installed:
        app.removeTranslator(translator)
    install_translators(app, "fr")


def _texts(dialog: QFileDialog) -> list[str]:
    labels = [w.text() for w in dialog.findChildren(QLabel)]
    buttons = [w.text() for w in dialog.findChildren(QAbstractButton)]
    return [t.replace("&", "").replace("\u00a0", " ") for t in labels + buttons if t]


@pytest.mark.parametrize("mode", [QFileDialog.AcceptMode.AcceptOpen, QFileDialog.AcceptMode.AcceptSave])
def test_the_file_dialog_is_french(qtbot: QtBot, french: None, tmp_path, mode) -> None:
    (tmp_path / "dossier").mkdir()
    dialog = QFileDialog(None, "Importer un jeu", str(tmp_path), "Jeux (*.yaml *.yml)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setAcceptMode(mode)
    qtbot.addWidget(dialog)
    dialog.show()
    texts = _texts(dialog)
    assert "Regarder dans :" in texts and "Type de fichiers :" in texts
    assert "Nom de fichier :" in texts and "Annuler" in texts
    assert ("Ouvrir" if mode == QFileDialog.AcceptMode.AcceptOpen else "Enregistrer") in texts
    assert not [t for t in texts if t.rstrip(" :") in ENGLISH_LEFTOVERS], texts
    assert QCoreApplication.translate("QAbstractFileIconProvider", "Folder") == "Dossier"


def test_the_gaps_do_not_hide_qt_s_own_french(french: None) -> None:
    assert QCoreApplication.translate("QFileDialog", "Save As") == "Enregistrer sous"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Annuler"
    assert all(text for text in GAPS.values())


def test_english_has_no_french_gaps(qtbot: QtBot) -> None:
    app = QApplication.instance()
    assert app is not None
    installed = install_translators(app, "en")
    try:
        assert installed and not any(isinstance(t, QtFrenchGaps) for t in installed)
    finally:
        for translator in installed:
            app.removeTranslator(translator)
        install_translators(app, "fr")
