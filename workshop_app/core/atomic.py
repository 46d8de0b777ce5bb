"""Atomic file writes: a temporary file in the same folder, flushed and fsynced, then renamed over the target.

A failure (full disk, killed process) leaves the previous file untouched and no half-written one behind.
A process killed while writing cannot remove its temporary file: with a journal folder (:func:`start_journal`,
called at every start of the app and the CLI) each write first leaves a marker there, and the next start
deletes the temporary files of markers whose process is gone.
The new file gets the permissions an ordinary write would give it (the replaced file's, or the umask's), not
``mkstemp``'s private 0600: a compte-rendu is meant to be shared.
"""

from __future__ import annotations

import contextlib
import glob
import os
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

from workshop_app.core.errors import AtelierError, os_reason

_journal: Path | None = None
_MARKER = ".pending"


@contextlib.contextmanager
def atomic_writer(target: Path) -> Iterator[BinaryIO]:
    target = Path(target)
    folder = target.parent
    token = f"{os.getpid()}-{os.urandom(4).hex()}"  # secrets.token_hex, without importing hmac at start
    prefix = f".{target.name}.{token}."
    try:
        folder.mkdir(parents=True, exist_ok=True)
        marker = _mark(folder, prefix, token)
        fd, tmp_name = tempfile.mkstemp(prefix=prefix, suffix=".tmp", dir=folder)
    except OSError as exc:
        raise AtelierError(f"Impossible d’écrire dans « {folder} » : {os_reason(exc)}") from exc
    tmp = Path(tmp_name)
    try:
        yield from _write(tmp, target, folder, fd)
    finally:
        if marker is not None:
            marker.unlink(missing_ok=True)


def _write(tmp: Path, target: Path, folder: Path, fd: int) -> Iterator[BinaryIO]:
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
        raise AtelierError(f"Impossible d’écrire « {target.name} » : {os_reason(exc)}") from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _mark(folder: Path, prefix: str, token: str) -> Path | None:
    """The journal's marker for one write (best effort: no journal, or one that cannot be written, only
    means a killed write's temporary file stays until removed by hand)."""
    journal = _journal
    if journal is None:
        return None
    marker = journal / f"{token}{_MARKER}"
    try:
        journal.mkdir(parents=True, exist_ok=True)
        marker.write_text(f"{folder.resolve()}\n{prefix}\n", encoding="utf-8")
    except OSError:
        return None
    return marker


def start_journal(journal: Path) -> list[Path]:
    """Use ``journal`` for the markers from now on, after deleting the temporary files left by writes whose
    process is gone (killed during an export). Returns the files deleted."""
    global _journal
    removed: list[Path] = []
    try:
        markers = sorted(journal.glob(f"*{_MARKER}")) if journal.is_dir() else []
    except OSError:
        _journal = None
        return removed
    for marker in markers:
        pid = marker.name.split("-", 1)[0]
        if not pid.isdigit() or _alive(int(pid), marker):
            continue
        try:
            folder_text, prefix = marker.read_text(encoding="utf-8").splitlines()[:2]
            folder = Path(folder_text)
            if prefix.startswith(".") and "/" not in prefix and os.sep not in prefix:
                for leftover in folder.glob(f"{glob.escape(prefix)}*.tmp"):
                    leftover.unlink()
                    removed.append(leftover)
            marker.unlink()
        except (OSError, ValueError):
            continue
    _journal = journal
    return removed


def _alive(pid: int, marker: Path) -> bool:
    if pid == os.getpid():
        return True
    if os.name != "posix":  # os.kill(pid, 0) would send Ctrl+C on Windows: a day-old marker is dead
        try:
            return time.time() - marker.stat().st_mtime < 24 * 3600
        except OSError:
            return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # exists but belongs to someone else (or Windows' own rules): leave it
        return True
    return True


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
