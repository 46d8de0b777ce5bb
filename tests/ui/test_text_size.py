"""The card's title and prompt grow with the text size, even when it changes after they exist."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from workshop_app.ui.play.card_panel import CardPanel
from workshop_app.ui.theme import apply_theme


@pytest.fixture
def app(qapp: QApplication) -> Iterator[QApplication]:
    apply_theme(qapp, 1.0, False)
    yield qapp
    apply_theme(qapp, 1.0, False)  # leave the next tests a normal look


def test_card_title_and_prompt_follow_the_text_size(qtbot: QtBot, app: QApplication) -> None:
    panel = CardPanel()
    qtbot.addWidget(panel)
    panel.show()
    base = app.font().pointSizeF()
    title, prompt = panel.title.font().pointSizeF(), panel.prompt.font().pointSizeF()
    assert title == pytest.approx(base * 1.7, abs=0.1) and panel.title.font().bold()
    assert prompt == pytest.approx(base * 1.2, abs=0.1)
    apply_theme(app, 1.4, True)  # « grand texte » for the projector room, switched on during the workshop
    assert panel.title.font().pointSizeF() == pytest.approx(title * 1.4, abs=0.15)
    assert panel.prompt.font().pointSizeF() == pytest.approx(prompt * 1.4, abs=0.15)
