"""Atomic writes: all or nothing, and the file gets ordinary permissions."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from workshop_app.core.atomic import atomic_writer, write_bytes_atomic
from workshop_app.core.errors import AtelierError


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_new_file_follows_the_umask_not_mkstemp(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        target = tmp_path / "cr.pdf"
        write_bytes_atomic(target, b"%PDF")
    finally:
        os.umask(old)
    assert stat.S_IMODE(target.stat().st_mode) == 0o644


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_replaced_file_keeps_its_permissions(tmp_path: Path) -> None:
    target = tmp_path / "cr.csv"
    target.write_bytes(b"old")
    target.chmod(0o600)
    write_bytes_atomic(target, b"new")
    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_a_failure_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    target = folder / "cr.pdf"
    target.write_bytes(b"previous")
    with pytest.raises(RuntimeError), atomic_writer(target) as handle:
        handle.write(b"half")
        raise RuntimeError("boom")
    assert target.read_bytes() == b"previous"
    assert sorted(p.name for p in folder.iterdir()) == ["cr.pdf"]


def test_unwritable_folder_gives_a_french_message(tmp_path: Path) -> None:
    blocker = tmp_path / "fichier"
    blocker.write_text("x")
    with pytest.raises(AtelierError, match="Impossible d’écrire"):
        write_bytes_atomic(blocker / "cr.pdf", b"x")


def test_a_folder_in_place_of_the_file_is_explained_in_french(tmp_path: Path) -> None:
    folder = tmp_path / "exports"
    target = folder / "cr.pdf"
    target.mkdir(parents=True)
    with pytest.raises(AtelierError) as caught:
        write_bytes_atomic(target, b"%PDF")
    assert str(caught.value) == "Impossible d’écrire « cr.pdf » : c’est un dossier, pas un fichier"
    assert [p.name for p in folder.iterdir()] == ["cr.pdf"]
