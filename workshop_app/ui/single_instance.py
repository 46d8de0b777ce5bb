"""One app per data folder: a second copy started on the same ``ATELIER_HOME`` says that the app is already
open and brings the first one forward, instead of offering to « reprendre » the workshop the first one still
has open (and erasing its crash-recovery marker when it closes).

The lock is a :class:`QLockFile` in the data folder: it names the process that holds it, so a copy killed
without closing leaves a stale lock that the next start takes over (then the recovery offer is right). The
first copy also listens on a :class:`QLocalServer` named after the folder; the second connects and asks it to
come forward, which costs a few milliseconds and nothing when no copy is running.
"""

from __future__ import annotations

import logging
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QLockFile

log = logging.getLogger(__name__)

LOCK_FILE = "atelier.lock"
WAKE = b"raise\n"


def server_name(folder: Path) -> str:
    path = str(folder.resolve()).encode("utf-8")  # two CRCs: hashlib would cost ~3 ms at every start
    digest = f"{zlib.crc32(path):08x}{zlib.crc32(path[::-1]):08x}"
    return f"atelier-resilience-{digest}"


class InstanceGuard:
    """Held by the running copy for its whole life; :meth:`release` at exit (also done by Qt on exit)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._lock = QLockFile(str(folder / LOCK_FILE))
        self._lock.setStaleLockTime(0)  # stale only when its process is gone (it names its pid and host)
        self._server: Any = None  # a QLocalServer (QtNetwork is imported only when listening)

    def acquire(self) -> bool:
        """True when this copy is the only one on the folder (a dead copy's lock is taken over)."""
        return bool(self._lock.tryLock(200))

    def owner_pid(self) -> int | None:
        info = self._lock.getLockInfo()  # (pid, host, app name), pid 0 when unknown
        return int(info[0]) if info and info[0] else None

    def listen(self, on_wake: Callable[[], None]) -> None:
        """Bring this copy forward (``on_wake``) when a second copy starts."""
        try:
            from PySide6.QtNetwork import QLocalServer
        except ImportError:  # a bundle built without QtNetwork: the lock still works, nothing comes forward
            return
        name = server_name(self.folder)
        QLocalServer.removeServer(name)  # a socket file left by a killed copy
        server = QLocalServer()
        if not server.listen(name):
            log.warning("single instance: cannot listen on %s: %s", name, server.errorString())
            return

        def accept() -> None:
            while server.hasPendingConnections():
                socket = server.nextPendingConnection()
                socket.readyRead.connect(lambda s=socket: _read(s))

        def _read(socket: Any) -> None:
            if bytes(socket.readAll().data()).startswith(WAKE.strip()):
                on_wake()
            socket.disconnectFromServer()

        server.newConnection.connect(accept)
        self._server = server

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None
        self._lock.unlock()


def wake_first_copy(folder: Path, timeout_ms: int = 500) -> bool:
    """Ask the copy already running on ``folder`` to come forward; True if it was reached."""
    try:
        from PySide6.QtNetwork import QLocalSocket
    except ImportError:
        return False
    socket = QLocalSocket()
    socket.connectToServer(server_name(folder))
    if not socket.waitForConnected(timeout_ms):
        return False
    socket.write(WAKE)
    reached = socket.waitForBytesWritten(timeout_ms)
    socket.disconnectFromServer()
    return reached


def already_open_message(folder: Path, woken: bool) -> str:
    text = QCoreApplication.translate(
        "SingleInstance",
        "Atelier Résilience est déjà ouvert sur ce dossier de données (« %1 »).\n\n"
        "Une seule fenêtre peut l’utiliser à la fois : les saisies de l’une ne s’afficheraient pas dans "
        "l’autre.",
    ).replace("%1", str(folder))
    if woken:
        text += "\n\n" + QCoreApplication.translate(
            "SingleInstance", "La fenêtre déjà ouverte a été mise au premier plan."
        )
    return text


def bring_forward(window: object) -> Callable[[], None]:
    """``on_wake`` for a main window: show it, raise it and give it the focus."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QWidget

    def wake() -> None:
        if isinstance(window, QWidget):
            if window.isMinimized():
                window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
            window.show()
            window.raise_()
            window.activateWindow()

    return wake


def claim_data_folder() -> tuple[bool, InstanceGuard | None]:
    """At start-up: ``(True, guard)`` when this copy may run (``guard`` is None when the data folder cannot
    even be made: the app's own checks then say why); ``(False, None)`` after telling the user, in French,
    that the app is already open on this folder and bringing that copy forward."""
    from workshop_app import paths

    try:
        folder = paths.ensure_home()
    except OSError:
        return True, None
    guard = InstanceGuard(folder)
    if guard.acquire():
        return True, guard
    woken = wake_first_copy(folder)
    log.info("already running on %s (pid %s); woken: %s", folder, guard.owner_pid(), woken)
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.information(
        None,
        QCoreApplication.translate("SingleInstance", "Atelier Résilience est déjà ouvert"),
        already_open_message(folder, woken),
    )
    return False, None
