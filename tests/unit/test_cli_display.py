"""``atelier`` on a machine without a screen: a virtual screen when Xvfb is there, else a clear French message
(never Qt's abort)."""

from __future__ import annotations

from typing import Any

import pytest

from workshop_app.cli import display, main


@pytest.fixture
def headless(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(display.sys, "platform", "linux")


def test_a_chosen_qt_platform_or_a_display_means_a_screen(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setattr(display.sys, "platform", "linux")
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    assert not display.no_display()
    monkeypatch.delenv("QT_QPA_PLATFORM")
    monkeypatch.setenv("DISPLAY", ":0")
    assert not display.no_display()
    monkeypatch.delenv("DISPLAY")
    assert display.no_display()


@pytest.mark.usefixtures("headless")
def test_without_xvfb_a_clear_message_and_exit_2(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(display.shutil, "which", lambda _name: None)
    assert main([]) == 2
    err = capsys.readouterr().err
    assert "Aucun écran n’est disponible" in err and "xvfb-run -a atelier" in err
    assert "Traceback" not in err


@pytest.mark.usefixtures("headless")
def test_with_xvfb_the_app_restarts_on_a_virtual_screen(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    calls: list[tuple[str, list[str]]] = []

    def fake_execv(path: str, args: Any) -> None:
        calls.append((path, list(args)))

    monkeypatch.setattr(display.shutil, "which", lambda _name: "/usr/bin/xvfb-run")
    monkeypatch.setattr(display.os, "execv", fake_execv)
    main(["--database", "sqlite:///x.sqlite3"])
    assert len(calls) == 1
    path, args = calls[0]
    assert path == "/usr/bin/xvfb-run" and args[:2] == ["/usr/bin/xvfb-run", "-a"]
    assert args[-4:] == ["-m", "workshop_app", "--database", "sqlite:///x.sqlite3"]
    assert "écran virtuel (Xvfb)" in capsys.readouterr().err


@pytest.mark.usefixtures("headless")
def test_a_bundled_app_restarts_itself_not_python_minus_m(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[list[str]] = []
    monkeypatch.setattr(display.shutil, "which", lambda _name: "/usr/bin/xvfb-run")
    monkeypatch.setattr(display.os, "execv", lambda _path, args: calls.append(list(args)))
    monkeypatch.setattr(display.sys, "frozen", True, raising=False)
    monkeypatch.setattr(display.sys, "executable", "/opt/atelier/atelier")
    display.run_on_virtual_screen([])
    assert calls[0][-1] == "/opt/atelier/atelier" and "-m" not in calls[0]
