"""What the start path leaves out, each a measured cost of every start (never a timed test)."""

from __future__ import annotations

import argparse

import pytest
from pytestqt.qtbot import QtBot

from workshop_app.cli import parse_arguments
from workshop_app.ui.main_window import MainWindow
from workshop_app.ui.settings import AppSettings


def test_atelier_without_arguments_builds_no_parser(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_parser(*_args: object, **_kwargs: object) -> argparse.ArgumentParser:
        raise AssertionError("an ArgumentParser was built for a plain `atelier`")

    monkeypatch.setattr(argparse, "ArgumentParser", no_parser)
    args = parse_arguments([])
    assert args.command is None and args.database is None and not args.selftest and not args.version


def test_the_options_still_parse_as_before() -> None:
    args = parse_arguments(["--database", "sqlite:///x.sqlite3"])
    assert args.command is None and args.database == "sqlite:///x.sqlite3" and not args.version
    assert parse_arguments(["--version"]).version
    with pytest.raises(SystemExit):
        parse_arguments(["--no-such-option"])


def test_the_backup_and_sync_flows_are_built_on_first_use(qtbot: QtBot) -> None:
    window = MainWindow(AppSettings())
    qtbot.addWidget(window)
    assert window._backups is None and window._sync is None
    backups = window.backups
    assert window.backups is backups and window._sync is None
    assert window.sync is window.sync
    window.close()


def test_the_list_says_when_its_rows_have_painted(qtbot: QtBot) -> None:
    from PySide6.QtCore import QEvent, QObject

    from workshop_app.ui.start.page_support import PaintedTable

    view = PaintedTable()
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    painted: list[str] = []

    class Watch(QObject):  # the viewport's own paints, to compare with what the table says
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                painted.append("viewport")
            return False

    watch = Watch()
    view.viewport().installEventFilter(watch)
    called: list[str] = []
    view.after_next_paint(lambda: called.append("after"))  # already shown: it asks for a repaint itself
    qtbot.waitUntil(lambda: called == ["after"], timeout=2000)
    assert painted  # the rows did paint before the call
