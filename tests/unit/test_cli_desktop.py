"""``atelier install-desktop``: a valid ``.desktop`` entry and its icon, per user, in ``$XDG_DATA_HOME``."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from workshop_app.cli import main
from workshop_app.cli.desktop import desktop_entry


@pytest.fixture
def data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    return tmp_path / "share"


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="Linux desktop integration")
def test_install_then_remove(data_home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["install-desktop"]) == 0
    entry = data_home / "applications" / "atelier-resilience.desktop"
    icon = data_home / "icons" / "hicolor" / "scalable" / "apps" / "atelier-resilience.svg"
    text = entry.read_text(encoding="utf-8")
    assert "Name=Atelier Résilience" in text and "Icon=atelier-resilience" in text
    assert "StartupWMClass=atelier-resilience" in text  # matches app.setDesktopFileName
    exec_line = next(line for line in text.splitlines() if line.startswith("Exec="))
    assert Path(exec_line.removeprefix("Exec=").split()[0].strip('"')).exists()
    assert icon.read_bytes().startswith(b"<?xml")
    if shutil.which("desktop-file-validate"):
        check = subprocess.run(["desktop-file-validate", str(entry)], capture_output=True, text=True)
        assert check.returncode == 0 and not check.stdout.strip(), check.stdout
    assert "Pour le retirer" in capsys.readouterr().out
    assert main(["install-desktop", "--remove"]) == 0
    assert not entry.exists() and not icon.exists()


def test_exec_line_quotes_paths_with_spaces_and_percent() -> None:
    text = desktop_entry(["/home/anne/Mes logiciels/atelier", "100%"])
    assert 'Exec="/home/anne/Mes logiciels/atelier" 100%%' in text


def test_print_shows_the_entry_without_installing(
    data_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["install-desktop", "--print"]) == 0
    assert capsys.readouterr().out.startswith("[Desktop Entry]\n")
    assert not data_home.exists()
