"""Reading a file the user named, safely: only regular files, size checked before reading.

A FIFO blocks the first read forever, ``/dev/urandom`` never ends and ``/dev/zero`` fills the memory: each is
refused from its ``stat``, before it is opened for reading; the file is then opened without blocking and
checked again on its descriptor (the file checked is the file read), and read with a hard limit.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path


class FileRefused(Exception):
    """Not a regular file, or too big. ``reason`` is French (without the file name)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def kind_of(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "c’est un dossier"
    if stat.S_ISFIFO(mode):
        return "c’est un tube (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "c’est un périphérique"
    if stat.S_ISSOCK(mode):
        return "c’est une prise (socket)"
    return "ce n’est pas un fichier ordinaire"


def check_regular(path: Path) -> int:
    """The size of ``path`` if it is a regular file (links followed); FileRefused otherwise; OSError as is
    (IsADirectoryError for a folder)."""
    mode = path.stat()
    if stat.S_ISDIR(mode.st_mode):
        raise IsADirectoryError(errno.EISDIR, "is a directory", str(path))
    if not stat.S_ISREG(mode.st_mode):
        raise FileRefused(f"{kind_of(mode.st_mode)}, pas un fichier ordinaire")
    return mode.st_size


def read_regular(path: Path, limit: int) -> bytes:
    """At most ``limit`` bytes of a regular file: FileRefused if it is not one or is bigger. OSError as is."""
    size = check_regular(path)
    if size > limit:
        raise FileRefused(f"fichier trop gros ({size} octets ; {limit} au plus)")
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise FileRefused(f"{kind_of(info.st_mode)}, pas un fichier ordinaire")
        if info.st_size > limit:
            raise FileRefused(f"fichier trop gros ({info.st_size} octets ; {limit} au plus)")
        raw = handle.read(limit + 1)
    if len(raw) > limit:
        raise FileRefused(f"fichier trop gros ({limit} octets au plus)")
    return raw
