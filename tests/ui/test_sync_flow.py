"""Fichier › Synchroniser avec la cohorte… and the conflicts screen, clicked through the real window against a
real second database: an SQLite file (and PostgreSQL when ATELIER_TEST_POSTGRES_URL is set). The exchange runs
in the background (the window keeps answering), the report speaks French, a conflict is settled by a click
and the choice reaches another laptop; a locked file or an unreachable server ends in a French message."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QPushButton
from pytestqt.qtbot import QtBot

from tests.postgres_schema import BACKENDS, POSTGRES_URL, postgres_schema_url
from tests.ui.test_app_support import close_message_boxes, message_boxes, wait_for
from workshop_app.services.sync import exchange
from workshop_app.store import open_store
from workshop_app.ui.conflicts_dialog import ConflictsDialog
from workshop_app.ui.main_window import MainWindow
from workshop_app.ui.settings import COHORT_URL
from workshop_app.ui.sync_flow import SyncDialog, SyncReportDialog


@pytest.fixture(params=BACKENDS)
def cohort_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'cohorte.sqlite3'}"
        return
    yield from postgres_schema_url("atelier_sync")


def _answer(window: MainWindow, url: str) -> None:
    """The URL dialog, answered as a facilitator would: the address typed, « Synchroniser » clicked."""

    def fill(dialog: SyncDialog) -> int:
        dialog.show()
        dialog.url_edit.setText(url)
        dialog.sync_button.click()
        return dialog.result()

    window.sync.exec_dialog = fill  # type: ignore[method-assign]


def _report(qtbot: QtBot) -> SyncReportDialog:
    wait_for(qtbot, lambda: _visible(SyncReportDialog), timeout=60_000)
    (dialog,) = _visible(SyncReportDialog)
    return dialog


def _visible(kind: type[QDialog]) -> list[QDialog]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]


def test_sync_from_the_menu_then_settle_a_conflict(
    window: MainWindow, qtbot: QtBot, cohort_url: str, tmp_path: Path
) -> None:
    service = window.service
    assert service is not None
    workshop = service.create_workshop("Atelier de Valmont", place="Salle du conseil")
    window.refresh_workshops()
    assert window.registry["sync"].isEnabled() and not window.registry["conflicts"].isEnabled()

    _answer(window, cohort_url)
    ticks: list[int] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(5)
    window.registry["sync"].trigger()
    assert window.sync.running  # the exchange runs in the background…
    report = _report(qtbot)
    timer.stop()
    assert ticks  # …while the window's event loop kept turning
    text = report.text.text()
    assert "Synchronisation avec" in text and "terminée" in text
    assert "« Atelier de Valmont » — reçu : rien de nouveau" not in text
    assert "envoyé" in text and not report.settle_buttons
    assert window.settings.get(COHORT_URL) == cohort_url.replace(":atelier-ci@", "@")  # no password kept
    report.accept()

    # laptop B (another data folder) takes the workshop, and both change the place apart
    with open_store(f"sqlite:///{tmp_path / 'portable-b.sqlite3'}", author="portable-b") as b:
        with open_store(cohort_url) as cohort:
            exchange(b, cohort)
            service.update_workshop(workshop.id, place="Salle A")  # this laptop first…
            b.update_workshop(workshop.id, place="Salle B")  # …then B, later
            exchange(b, cohort)
        assert window.open_workshop(workshop.id)
        assert window.registry["conflicts"].isEnabled()
        window.registry["sync"].trigger()
        report = _report(qtbot)
        text = report.text.text()
        assert "1 conflit : lieu" in text and "Un conflit attend votre choix" in text
        assert window.session is not None and window.session.snapshot.info.place == "Salle B"  # reloaded
        (settle,) = report.settle_buttons
        assert "Atelier de Valmont" in settle.text()
        settle.click()
        wait_for(qtbot, lambda: _visible(ConflictsDialog))
        (screen,) = _visible(ConflictsDialog)
        assert isinstance(screen, ConflictsDialog)
        (row,) = screen.rows
        labels = " ".join(label.text() for label in row.findChildren(QLabel))
        assert "Fiche de l’atelier" in labels and "lieu" in labels
        assert "Salle B" in labels and "Salle A" in labels and "ce portable" in labels
        screen.resize(1366 // 2, 400)
        screen.grab().save(str(tmp_path / "conflicts.png"))
        row.findChild(QPushButton, "takeValue").click()  # this laptop's value comes back
        assert not row.keep_button.isEnabled() and "Réglé" in row.state.text()
        assert screen.intro.text() == "Tous les conflits sont réglés."
        assert service.snapshot(workshop.id).info.place == "Salle A"  # committed
        assert window.session.snapshot.info.place == "Salle A"  # and the open workshop shows it
        screen.close()
        report.accept()

        window.registry["sync"].trigger()  # the choice goes up, without a new conflict
        report = _report(qtbot)
        assert "conflit" not in report.text.text() and not report.settle_buttons
        report.accept()
        with open_store(cohort_url) as cohort:
            exchange(b, cohort)
        assert b.snapshot(workshop.id).info.place == "Salle A"

    window.registry["conflicts"].trigger()  # from the menu: nothing left to settle
    wait_for(qtbot, lambda: _visible(ConflictsDialog))
    (screen,) = _visible(ConflictsDialog)
    assert isinstance(screen, ConflictsDialog) and not screen.rows
    assert screen.intro.text() == "Aucun conflit à régler dans cet atelier."
    screen.close()


def test_a_locked_cohort_file_is_said_in_french_and_nothing_is_lost(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    service = window.service
    assert service is not None
    workshop = service.create_workshop("Atelier de Creil")
    cohort = tmp_path / "cohorte.sqlite3"
    open_store(f"sqlite:///{cohort}").close()
    _answer(window, f"sqlite:///{cohort}")
    with closing(sqlite3.connect(cohort, isolation_level=None)) as holder:
        holder.execute("BEGIN EXCLUSIVE")  # another program holds the file
        window.registry["sync"].trigger()
        wait_for(qtbot, lambda: [b for b in message_boxes() if b.objectName() == "syncFailed"], 60_000)
        holder.execute("ROLLBACK")
    (box,) = [b for b in message_boxes() if b.objectName() == "syncFailed"]
    assert box.windowTitle() == "Synchronisation impossible"
    assert "verrouillée" in box.text() and "rien n’est perdu" in box.text()
    close_message_boxes()
    assert service.get_workshop(workshop.id).title == "Atelier de Creil"
    assert not window.sync.running


@pytest.mark.parametrize(
    ("url", "said"),
    [
        ("postgresql+psycopg://atelier@127.0.0.1:1/cohorte", "Impossible de joindre"),
        ("ceci n'est pas une adresse", "adresse"),
    ],
)
def test_an_unreachable_or_bad_cohort_address_is_said_in_french(
    window: MainWindow, qtbot: QtBot, url: str, said: str
) -> None:
    _answer(window, url)
    window.registry["sync"].trigger()
    wait_for(qtbot, lambda: [b for b in message_boxes() if b.objectName() == "syncFailed"], 60_000)
    (box,) = [b for b in message_boxes() if b.objectName() == "syncFailed"]
    assert said in box.text() and "Traceback" not in box.text()
    close_message_boxes()


def test_the_dialog_asks_for_an_address_and_remembers_the_last_one(window: MainWindow, qtbot: QtBot) -> None:
    dialog = SyncDialog("sqlite:///cohorte.sqlite3", window)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.url() == "sqlite:///cohorte.sqlite3"
    dialog.url_edit.clear()
    dialog.sync_button.click()
    assert dialog.isVisible() and "Indiquez l’adresse" in dialog.problem.text()
    dialog.resize(dialog.sizeHint())
    assert dialog.width() <= 1366


@pytest.mark.skipif(not POSTGRES_URL, reason="ATELIER_TEST_POSTGRES_URL unset")
def test_refused_credentials_are_said_in_french_without_the_password(
    window: MainWindow, qtbot: QtBot
) -> None:
    from sqlalchemy.engine import make_url

    wrong = make_url(POSTGRES_URL)._replace(password="pas-le-bon-mot-de-passe")
    _answer(window, wrong.render_as_string(hide_password=False))
    window.registry["sync"].trigger()
    wait_for(qtbot, lambda: [b for b in message_boxes() if b.objectName() == "syncFailed"], 60_000)
    (box,) = [b for b in message_boxes() if b.objectName() == "syncFailed"]
    assert "Impossible de joindre" in box.text() and "pas-le-bon" not in box.text()
    assert "pas-le-bon" not in window.settings.get(COHORT_URL)
    close_message_boxes()
