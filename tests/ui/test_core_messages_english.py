"""Messages the Qt-free core writes in French, shown in the interface's language: date refusals (typed with
real keys), the history's details, the restore report; French stays French."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from workshop_app.core.events import Event, EventKind
from workshop_app.core.french_date import DateError, parse_french_date
from workshop_app.services.history import history_rows
from workshop_app.ui.date_edit import FrenchDateEdit, date_error_text
from workshop_app.ui.history_dialog import HistoryModel
from workshop_app.ui.restore_report import restore_lines

T0 = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


def _refusal(qtbot: QtBot, typed: str) -> str:
    field_ = FrenchDateEdit()
    qtbot.addWidget(field_)
    field_.show()
    field_.activateWindow()
    qtbot.waitUntil(field_.isActiveWindow)
    field_.setFocus()
    refused: list[str] = []
    field_.sig_refused.connect(refused.append)
    QTest.keyClicks(field_, typed)
    QTest.keyClick(field_, Qt.Key.Key_Return)
    QApplication.processEvents()
    assert field_.value() is None  # never guessed
    assert len(refused) == 1
    return refused[0]


def test_date_refusals_in_english(qtbot: QtBot, english: None) -> None:
    assert _refusal(qtbot, "31022027").startswith("“31022027”: there is no February 31, 2027.")
    assert _refusal(qtbot, "15/13/2026").startswith("“15/13/2026”: the month must be from 1 to 12")
    assert _refusal(qtbot, "demain").startswith("“demain” is not a date: type the day, the month")
    assert _refusal(qtbot, "01/01/1800").startswith("“01/01/1800”: the year must be between 1900 and 2199")


def test_date_refusals_stay_french_in_french(qtbot: QtBot) -> None:
    assert _refusal(qtbot, "31022027").startswith("« 31022027 » : il n’y a pas de 31 février 2027.")
    try:
        parse_french_date("31022027")
    except DateError as error:
        assert date_error_text(error) == str(error)  # the same sentence as the core's own


def _events() -> list[Event]:
    def event(n: int, kind: EventKind, **payload: object) -> Event:
        return Event(seq=n, kind=kind, payload=payload, at=T0 + timedelta(minutes=n), id=f"e{n}")

    return [
        event(1, EventKind.STEP_PLANNED, step="p", step_kind="pause", label="Déjeuner", minutes=60, slot=1),
        event(2, EventKind.STEP_STARTED, step="p"),
        event(3, EventKind.TIMER_STARTED, scope="sequence"),
        event(4, EventKind.UNDO, target="e3"),
    ]


def test_history_details_in_english(qtbot: QtBot, english: None) -> None:
    rows = history_rows(_events(), {}, {})
    model = HistoryModel()
    kinds = [model.kind_labels[r.kind] for r in rows]
    assert kinds == ["step planned", "step started", "timer started", "undo"]
    details = [model.detail(r) for r in rows]
    assert details == ["Break — Déjeuner", "Break — Déjeuner", "sequence", "event no. e3"]


def test_history_details_in_french(qtbot: QtBot) -> None:
    rows = history_rows(_events(), {}, {})
    model = HistoryModel()
    details = [model.detail(r) for r in rows]
    assert details == ["Pause — Déjeuner", "Pause — Déjeuner", "séquence", "événement n° e3"]
    core = [r.detail for r in rows]  # the core's own French
    assert core == ["Déjeuner", "Déjeuner", "séquence", "événement n° e3"]


@dataclass
class _Workshop:
    title: str
    territory: str
    events: int


@dataclass
class _Contents:
    created_at: str = "2026-12-01T10:00:00+00:00"
    app_version: str = "0.1.0"
    workshops: tuple[_Workshop, ...] = (_Workshop("Atelier résilience", "Valmont", 812),)
    events: int = 812
    photos: int = 2
    photo_bytes: int = 2_100_000
    decks: tuple[str, ...] = field(default_factory=lambda: ("undrr",))


@dataclass
class _Report:
    contents: _Contents
    set_aside: Path


def test_restore_report_in_english(qtbot: QtBot, english: None) -> None:
    lines = restore_lines(_Report(_Contents(), Path("/tmp/before")), Path("/media/usb/sauvegarde.zip"))
    assert lines[0] == "The previous data was set aside in “/tmp/before”."
    assert lines[1].startswith("Restored from “sauvegarde.zip” (backup of ")
    assert lines[1].endswith("version 0.1.0): 1 workshop, 812 events, 2 photos (2.1 MB), 1 deck of your own.")
    assert lines[2] == "  • Atelier résilience (Valmont, 812 events)"


def test_restore_report_in_french(qtbot: QtBot) -> None:
    lines = restore_lines(_Report(_Contents(), Path("/tmp/avant")), Path("/media/usb/sauvegarde.zip"))
    assert lines[0] == "Données d’avant mises de côté dans « /tmp/avant »."
    assert lines[1].endswith("0.1.0) : 1 atelier, 812 événements, 2 photos (2,1 Mo), 1 jeu personnel.")
