"""The start page's search field filters the workshop list as one types (title, territory, programme…)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from workshop_app.ui.main_window import MainWindow


def test_typing_in_the_search_field_filters_the_list(qtbot: QtBot, window: MainWindow) -> None:
    service = window.service
    assert service is not None
    service.create_workshop("Atelier canicule", territory="Saint-Quentin", date=dt.date(2024, 6, 1))
    arras = service.create_workshop("Atelier inondation", territory="Arras", date=dt.date(2025, 2, 3))
    service.create_workshop("Atelier sécheresse", territory="Soissons", date=dt.date(2025, 9, 9))
    service.set_programme(arras.id, "Nature en ville — Hauts-de-France")
    window.refresh_workshops()
    start = window.start
    assert start.workshops.rowCount() == 3
    start.workshop_search.setFocus()
    QTest.keyClicks(start.workshop_search, "saint quentin")  # accents, case and hyphen-free words
    assert [start.workshops.summary(r).territory for r in range(start.workshops.rowCount())] == [
        "Saint-Quentin"
    ]
    start.workshop_search.clear()
    QTest.keyClicks(start.workshop_search, "2025")
    assert start.workshops.rowCount() == 2
    start.workshop_search.setText("nature en ville")
    assert start.workshops.rowCount() == 1 and start.workshops.summary(0).id == arras.id
    window.refresh_workshops()  # a refresh keeps the search
    assert start.workshops.rowCount() == 1 and start.workshops.total_count() == 3
    start.workshop_search.setText("secheresse soissons")
    assert start.workshops.rowCount() == 1
    start.workshop_search.clear()
    assert start.workshops.rowCount() == 3
