"""High contrast (View menu, Ctrl+Shift+H) on the play page, the compass and the projector: every text reads
on what it stands on, the charts turn dark, and switching back restores the normal look, live.

Legibility is measured on the pixels Qt painted (``grab``): the WCAG contrast between a region's background
(its most frequent colour) and its most contrasting pixel.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QRect, QSettings
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from test_play_support import open_play_page

from workshop_app.ui.compass.widget import BARS, RADAR
from workshop_app.ui.play.page import PlayPage
from workshop_app.ui.projector import ProjectorWindow
from workshop_app.ui.settings import AppSettings
from workshop_app.ui.theme import apply_theme

TEXT = 4.5  # WCAG AA for text
HIGH = 7.0  # what a facilitator who asked for high contrast should get for the main texts


def _luminance(image: QImage) -> np.ndarray:
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    width, height = image.width(), image.height()
    raw = np.frombuffer(image.constBits(), np.uint8).reshape(height, image.bytesPerLine() // 4, 4)
    rgb = raw[:, :width, 2::-1].astype(float) / 255  # BGRA in memory
    linear = np.where(rgb <= 0.03928, rgb / 12.92, ((rgb + 0.055) / 1.055) ** 2.4)
    return np.asarray(linear @ np.array([0.2126, 0.7152, 0.0722]))


def _region(top: QWidget, widget: QWidget) -> QImage:
    origin = widget.mapTo(top, QPoint(0, 0))
    return top.grab().toImage().copy(QRect(origin, widget.size()))


def background(image: QImage) -> float:
    values, counts = np.unique(np.round(_luminance(image), 4), return_counts=True)
    return float(values[np.argmax(counts)])


def legibility(image: QImage) -> float:
    """Contrast ratio between the background and the most contrasting pixel of ``image``."""
    lum = _luminance(image)
    bg = background(image)
    high, low = max(float(lum.max()), bg), min(float(lum.min()), bg)
    far = high if high - bg > bg - low else low
    return (max(far, bg) + 0.05) / (min(far, bg) + 0.05)


@pytest.fixture
def high_contrast(qapp: QApplication) -> Iterator[QApplication]:
    apply_theme(qapp, 1.0, high_contrast=True)
    yield qapp
    apply_theme(qapp, 1.0, high_contrast=False)  # leave the next tests a normal look


@pytest.fixture
def page(tmp_path: Path, qtbot: Any) -> Iterator[PlayPage]:
    widget, session, store, _workshop_id = open_play_page(tmp_path, qtbot)
    for number, group in enumerate(session.groups):
        session.record_choice(group.id, f"s{number}", "Un argument")
    widget.card.help_toggle.setChecked(True)
    widget.flush_compass()
    QApplication.processEvents()
    yield widget
    store.close()


def test_play_page_texts_read_in_high_contrast(high_contrast: QApplication, page: PlayPage) -> None:
    page._say("Enregistré")  # a status message
    legend = next(lb for lb in page.groups.findChildren(QLabel) if lb.text().startswith("Touches"))
    row = page.groups.rows[1]
    page.focus_group(1)
    checks = {
        "card title": (page.card.title, HIGH),
        "card prompt": (page.card.prompt, HIGH),
        "card position": (page.card.position, TEXT),
        "card theme": (page.card.theme, TEXT),
        "facilitator help": (page.card.help, TEXT),
        "chosen option": (row._chosen, HIGH),
        "status": (page.status, TEXT),
        "outline": (page.outline.viewport(), HIGH),
        "keys legend": (legend, TEXT),
    }
    QApplication.processEvents()
    for name, (widget, wanted) in checks.items():
        assert legibility(_region(page, widget)) >= wanted, name
    assert background(_region(page, page.card)) < 0.05  # a dark card, not a white one on a black page


def test_compass_turns_dark_and_keeps_its_labels(high_contrast: QApplication, page: PlayPage) -> None:
    compass = page.compass
    for view in (RADAR, BARS):
        compass.set_view(view)
        QApplication.processEvents()
        chart = compass.radar if view == RADAR else compass.bars
        image = _region(page, chart)
        assert background(image) < 0.05, view  # was white: white labels on it vanished
        assert legibility(image) >= HIGH, view
    assert legibility(_region(page, compass.legend)) >= HIGH


def test_projector_follows_high_contrast(high_contrast: QApplication, page: PlayPage, tmp_path: Path,
                                         qtbot: Any) -> None:
    settings = AppSettings(QSettings(str(tmp_path / "projector.ini"), QSettings.Format.IniFormat))
    projector = ProjectorWindow(page.session, settings)
    qtbot.addWidget(projector)
    page.toggle_reveal()
    projector.resize(1366, 768)
    projector.show()
    projector.compass.flush()
    QApplication.processEvents()
    for part in (projector.title, projector.prompt, projector.heading, projector.compass.radar):
        image = _region(projector, part)
        assert background(image) < 0.05
        assert legibility(image) >= HIGH


def test_switching_back_restores_the_normal_look(high_contrast: QApplication, page: PlayPage) -> None:
    apply_theme(high_contrast, 1.0, high_contrast=False)
    QApplication.processEvents()
    for chart in (page.card, page.compass.radar):
        assert background(_region(page, chart)) > 0.9  # white again
    assert legibility(_region(page, page.card.title)) >= HIGH
    apply_theme(high_contrast, 1.0, high_contrast=True)
    QApplication.processEvents()
    assert background(_region(page, page.compass.radar)) < 0.05
    assert legibility(_region(page, page.card.title)) >= HIGH


def test_text_on_a_colour_is_one_rule_in_theme_ink(qtbot: Any) -> None:
    """The chips and the checked answers take their black-or-white text from ``theme_ink.text_on``."""
    from workshop_app.ui import theme_ink
    from workshop_app.ui.play import chips

    assert chips.text_on is theme_ink.text_on
    from workshop_app.ui.theme import GROUP_COLOURS

    for colour in GROUP_COLOURS:  # every table colour gets the better of the two, at least 4.5:1 (WCAG AA)
        chosen = theme_ink.text_on(colour)
        other = "#FFFFFF" if chosen == "#000000" else "#000000"
        assert theme_ink.contrast(colour, chosen) >= max(4.5, theme_ink.contrast(colour, other)), colour
    for colour, text in (("#F0E442", "#000000"), ("#E69F00", "#000000"), ("#0072B2", "#FFFFFF"),
                         ("#000000", "#FFFFFF"), ("#FFFFFF", "#000000")):
        assert theme_ink.text_on(colour) == text, colour
        chip = chips.ColourChip(colour, "1")
        qtbot.addWidget(chip)
        assert f"color:{text};" in chip.styleSheet()
