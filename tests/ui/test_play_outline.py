"""The outline on the play page shows card titles a facilitator can read, at 1366×768 and 1920×1080."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from PySide6.QtCore import QModelIndex, QRect, QSettings, Qt
from PySide6.QtGui import QFontMetrics, QImage
from PySide6.QtWidgets import QApplication

from workshop_app.core.catalogue import find_deck
from workshop_app.store import open_store
from workshop_app.ui.play.outline_model import COL_TITLE
from workshop_app.ui.play.page import PlayPage
from workshop_app.ui.session import WorkshopSession
from workshop_app.ui.settings import AppSettings
from workshop_app.ui.theme import apply_theme


@pytest.fixture
def page(tmp_path: Path, qtbot: Any) -> Iterator[PlayPage]:
    store = open_store(f"sqlite:///{tmp_path}/a.sqlite3")
    info = store.create_workshop("Atelier test")
    for i in range(4):
        store.add_group(info.id, f"Table {i + 1}")
    store.add_sequence(info.id, find_deck("et-si-33"))  # the real titles: « Et si l'électricité était… »
    settings = AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    widget = PlayPage(WorkshopSession(store, info.id), settings)
    qtbot.addWidget(widget)
    yield widget
    store.close()


def _card_rows(page: PlayPage) -> list[QModelIndex]:
    model = page.outline_model
    top = model.index(0, 0)
    return [model.index(row, COL_TITLE, top) for row in range(model.rowCount(top))]


def _lines(page: PlayPage, index: QModelIndex) -> tuple[int, int]:
    """(lines the title needs at the column's width, lines its row shows)."""
    view = page.outline
    metrics = QFontMetrics(view.font())
    rect = view.visualRect(index)
    width = rect.width() - 6  # the item's text margins
    needed = metrics.boundingRect(QRect(0, 0, width, 10_000), int(Qt.TextFlag.TextWordWrap), index.data())
    return round(needed.height() / metrics.lineSpacing()), rect.height() // metrics.lineSpacing()


def painted_lines(page: PlayPage, index: QModelIndex) -> int:
    """Lines of text Qt actually painted in a row: bands of pixel rows holding ink."""
    view = page.outline
    view.scrollTo(index)
    QApplication.processEvents()
    image = view.viewport().grab(view.visualRect(index)).toImage().convertToFormat(QImage.Format.Format_RGB32)
    raw = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.bytesPerLine() // 4, 4)
    grey = raw[:, : image.width(), :3].astype(int).sum(axis=2)
    background = np.bincount(grey.ravel()).argmax()
    inked = (np.abs(grey - background) > 200).any(axis=1)
    return int(np.count_nonzero(inked[1:] & ~inked[:-1]) + (1 if inked[0] else 0))


def _settle(page: PlayPage, width: int, height: int) -> None:
    page.resize(width, height)
    page.show()
    for _ in range(3):
        QApplication.processEvents()


def test_whole_titles_at_1920x1080(page: PlayPage) -> None:
    _settle(page, 1920, 1080)
    assert page.outline.width() >= 360  # the outline grows with the window
    for index in _card_rows(page):
        needed, shown = _lines(page, index)
        assert needed <= shown, index.data()  # nothing cut: every title reads whole


def test_two_lines_and_a_tooltip_at_1366x768(page: PlayPage) -> None:
    _settle(page, 1366, 768)
    assert page.outline.width() >= 260
    rows = _card_rows(page)
    for index in rows:
        needed, shown = _lines(page, index)
        assert shown >= min(needed, 2), index.data()  # wrapped on two lines before any « … »
        title = index.data(Qt.ItemDataRole.ToolTipRole)
        assert title and str(index.data()).endswith(title)  # the whole title on hover
    assert sum(1 for i in rows if _lines(page, i)[1] >= 2) > len(rows) // 2


@pytest.mark.parametrize("scale", [1.0, 1.4])
def test_two_lines_are_painted_at_any_text_size(page: PlayPage, qapp: QApplication, scale: float) -> None:
    apply_theme(qapp, scale)
    try:
        _settle(page, 1366, 768)
        index = _card_rows(page)[4]  # « 5. Et si l'électricité était coupée trois jours en plein hiver ? »
        assert _lines(page, index)[0] >= 2
        assert painted_lines(page, index) == 2  # not one elided line in a row two lines high
    finally:
        apply_theme(qapp, 1.0)


def test_titles_wrap_again_when_the_outline_is_resized(page: PlayPage) -> None:
    _settle(page, 1920, 1080)
    index = _card_rows(page)[0]  # « 1. Et si une canicule durait trois semaines ? »

    def outline_width(width: int) -> None:
        sizes = page.splitter.sizes()
        page.splitter.setSizes([width, sum(sizes) - width - sizes[2], sizes[2]])
        for _ in range(3):
            QApplication.processEvents()

    outline_width(700)
    assert _lines(page, index)[0] == 1  # one line at this width
    wide = page.outline.visualRect(index).height()
    outline_width(220)
    needed, shown = _lines(page, index)
    assert needed >= 2 and page.outline.visualRect(index).height() > wide
    assert shown >= min(needed, 2)
