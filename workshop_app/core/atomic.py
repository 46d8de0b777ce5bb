"""Atomic file writes: a temporary file in the same folder, flushed and fsynced, then renamed over the target.

A failure (full disk, killed process) leaves the previous file untouched and no half-written one behind.
The new file gets the permissions an ordinary write would give it (the replaced file's, or the umask's), not
``mkstemp``'s private 0600: a compte-rendu is meant to be shared.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

from workshop_app.core.errors import AtelierError, os_reason


@contextlib.contextmanager
def atomic_writer(target: Path) -> Iterator[BinaryIO]:
    target = Path(target)
    folder = target.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise AtelierError(f"Impossible d'écrire dans « {folder} » : {os_reason(exc)}") from exc
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, _mode_for(target))
        os.replace(tmp, target)
        _fsync_folder(folder)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise AtelierError(f"Impossible d'écrire « {target.name} » : {os_reason(exc)}") from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_bytes_atomic(target: Path, data: bytes) -> None:
    with atomic_writer(target) as handle:
        handle.write(data)


def write_text_atomic(target: Path, text: str, encoding: str = "utf-8") -> None:
    write_bytes_atomic(target, text.encode(encoding))


def write_with(target: Path, produce: Callable[[BinaryIO], None]) -> None:
    with atomic_writer(target) as handle:
        produce(handle)


def _mode_for(target: Path) -> int:
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)  # the only way to read it; set back at once
        os.umask(umask)
        return 0o666 & ~umask


def _fsync_folder(folder: Path) -> None:
    """Makes the rename itself durable (POSIX); Windows has no directory handles to sync."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
