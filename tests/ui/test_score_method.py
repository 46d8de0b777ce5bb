"""« Comment lire ces scores ? » from the compass: the method in plain words (with the caveat of averaging
ordinal levels) is one click away during play, in French and in English (issue #14 item 3)."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from workshop_app.core.catalogue import find_deck
from workshop_app.core.scoring import METHOD_TEXT
from workshop_app.ui.compass import method
from workshop_app.ui.compass.widget import CompassWidget


def test_the_ui_literal_is_the_compte_rendu_method() -> None:
    assert method.method_text() == METHOD_TEXT  # untranslated (French) the box says what the PDF says


def test_the_compass_opens_the_method_for_a_questions_deck_only(qtbot: QtBot) -> None:
    compass = CompassWidget()
    qtbot.addWidget(compass)
    compass.resize(420, 700)
    compass.show()
    compass.set_data(find_deck("et-si-33"), None, [])
    assert compass.method_button.isVisible()
    assert compass.method_button.text() == "Comment lire ces scores ?"
    assert compass.method_button.width() >= compass.method_button.sizeHint().width()  # not clipped
    compass.method_button.click()
    boxes = [w for w in compass.findChildren(method.QMessageBox) if w.objectName() == "scoreMethod"]
    assert len(boxes) == 1 and "des étapes, pas des mesures" in boxes[0].informativeText()
    boxes[0].close()
    compass.set_data(find_deck("nature-en-ville"), None, [])
    assert not compass.method_button.isVisible()  # a strategy's axes are read in its own catalogue


def test_the_projector_shows_no_method_button(qtbot: QtBot) -> None:
    compass = CompassWidget()
    qtbot.addWidget(compass)
    compass.set_controls_visible(False)  # what the projector window does
    compass.show()
    compass.set_data(find_deck("et-si-33"), None, [])
    assert not compass.method_button.isVisible()


def test_the_method_speaks_english_in_the_english_ui(qtbot: QtBot) -> None:
    from PySide6.QtCore import QCoreApplication

    from workshop_app.ui.i18n import install_translators

    app = QCoreApplication.instance()
    assert app is not None
    installed = install_translators(app, "en")
    try:
        assert method.method_title() == "How to read these scores?"
        assert "steps, not measurements" in method.method_text()
    finally:
        for translator in installed:
            app.removeTranslator(translator)
        install_translators(app, "fr")
