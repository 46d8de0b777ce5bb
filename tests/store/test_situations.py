"""Bad situations, each with its own French message (reliability review §4): ATELIER_HOME that is not a
writable folder, « disk I/O error », and the temporary files of an export killed while writing."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from workshop_app import paths
from workshop_app.core import atomic
from workshop_app.core.atomic import start_journal, write_bytes_atomic
from workshop_app.core.errors import AtelierError
from workshop_app.store import open_store
from workshop_app.store.engine import translate


@pytest.fixture(autouse=True)
def _no_journal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(atomic, "_journal", None)  # the journal these tests start ends with them


def _homes(tmp_path: Path) -> list[Path]:
    afile = tmp_path / "un-fichier"
    afile.write_text("pas un dossier", encoding="utf-8")
    return [afile, afile / "sous-dossier", Path("/dev/null")]


@pytest.mark.parametrize("which", [0, 1, 2], ids=["file", "under-a-file", "dev-null"])
def test_atelier_home_not_a_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, which: int) -> None:
    home = _homes(tmp_path)[which]
    monkeypatch.setenv("ATELIER_HOME", str(home))
    with pytest.raises(AtelierError, match=r"n'est pas un dossier .*ATELIER_HOME"):
        open_store()
    with pytest.raises(AtelierError, match="n'est pas un dossier"):
        paths.ensure_home()
    paths.start_up()  # skipped without a word: the command itself says why
    if which == 0:
        assert home.read_text(encoding="utf-8") == "pas un dossier"


def test_selftest_checks_the_users_folder_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from workshop_app.cli.selftest import run_selftest

    monkeypatch.setenv("ATELIER_HOME", str(_homes(tmp_path)[0]))
    assert run_selftest() == 1
    assert "ÉCHEC dossier de données" in capsys.readouterr().err


def test_disk_io_error_gets_its_own_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import shutil
    from collections import namedtuple

    where = str(tmp_path / "atelier.sqlite3")
    error = sqlite3.OperationalError("disk I/O error")
    message = str(translate(error, where))
    assert message.startswith("Erreur de lecture ou d’écriture sur le disque")
    assert "n’est pas perdu" in message
    usage = namedtuple("usage", "total used free")
    monkeypatch.setattr(shutil, "disk_usage", lambda _p: usage(10, 10, 0))
    assert str(translate(error, where)).startswith("Le disque est plein : la base de données")


_KILLED_WRITER = """
import sys, time
from pathlib import Path
from workshop_app.core.atomic import atomic_writer, start_journal
start_journal(Path(sys.argv[1]))
with atomic_writer(Path(sys.argv[2])) as handle:
    handle.write(b"x" * 100_000)
    print("writing", flush=True)
    time.sleep(60)
"""


def _killed_while_writing(journal: Path, target: Path) -> None:
    child = subprocess.Popen(
        [sys.executable, "-c", _KILLED_WRITER, str(journal), str(target)], stdout=subprocess.PIPE, text=True
    )
    assert child.stdout is not None and child.stdout.readline().strip() == "writing"
    child.send_signal(signal.SIGKILL)
    child.wait(10)


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL")
def test_temporary_files_of_a_killed_export_are_removed_at_the_next_start(tmp_path: Path) -> None:
    journal, target = tmp_path / "en-cours", tmp_path / "exports" / "cr.pdf"
    target.parent.mkdir()
    target.write_bytes(b"ancien compte-rendu")
    _killed_while_writing(journal, target)
    leftovers = [p for p in target.parent.iterdir() if p.name.endswith(".tmp")]
    assert len(leftovers) == 1 and leftovers[0].stat().st_size == 100_000
    removed = start_journal(journal)  # the next start
    assert removed == leftovers and not leftovers[0].exists()
    assert target.read_bytes() == b"ancien compte-rendu"  # the previous file is untouched
    assert not list(journal.iterdir())
    write_bytes_atomic(target, b"nouveau")  # and the journal keeps working: no marker left after success
    assert target.read_bytes() == b"nouveau" and not list(journal.iterdir())


def test_a_write_in_progress_is_never_removed(tmp_path: Path) -> None:
    from workshop_app.core.atomic import atomic_writer

    journal, target = tmp_path / "en-cours", tmp_path / "cr.csv"
    start_journal(journal)
    with atomic_writer(target) as handle:
        handle.write(b"a;b")
        assert start_journal(journal) == []  # another start meanwhile (a second window): ours is alive
        assert len(list(journal.iterdir())) == 1
    assert target.read_bytes() == b"a;b" and not list(journal.iterdir())
