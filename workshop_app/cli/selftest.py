"""``atelier --selftest``: proves that this installation (source checkout, wheel or bundle) really works.

It runs in a temporary ``ATELIER_HOME`` (the user's data and database are never touched), offscreen when there
is no display, and goes through what a facilitator does with the real app (:func:`workshop_app.app.run_app`):
the main window is shown, every shipped deck is loaded, the database is opened (a new SQLite file: migrations
run), groups answer an « Et si… » sequence, the workshop is opened in the window, the compass is computed and
the compte-rendu PDF is written and checked (the checks themselves are in :mod:`.selftest_checks`).

Each check prints one ``OK …`` line on stdout; the first failure prints ``ÉCHEC <étape> : <raison>`` in French
on stderr and the exit code is 1. An exception escaping any Qt callback ends the run (exit 1) instead of
leaving the event loop running; a watchdog ends the process with exit code 3 if anything hangs.

Environment, for tests and for whoever launches it:
    ATELIER_SELFTEST_TIMEOUT  seconds before the watchdog fires (default 60)
    ATELIER_SELFTEST_T0       launch time (``time.time()``) given by a launcher, for the start-up figure
    ATELIER_SELFTEST_FAIL     a step to break on purpose (tests only): a key of ``STEPS``, ``hang`` (the
                              watchdog must fire) or ``callback`` (an exception inside a Qt callback)
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import threading
import time
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO

from workshop_app.cli.display import no_display
from workshop_app.cli.selftest_checks import STEPS, Checks, SelfTestFailure, pdf_problems

__all__ = ["EXIT_FAILED", "EXIT_HUNG", "EXIT_OK", "STEPS", "pdf_problems", "run_selftest"]

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_HUNG = 3
DEFAULT_TIMEOUT_S = 60.0
FAIL_ENV = "ATELIER_SELFTEST_FAIL"
TIMEOUT_ENV = "ATELIER_SELFTEST_TIMEOUT"
T0_ENV = "ATELIER_SELFTEST_T0"
_HARMLESS_QT_MESSAGES = ("propagateSizeHints",)  # the offscreen platform says it on every window
_IMPORTED_AT = time.time()


def run_selftest() -> int:
    """Run every check; 0 when all pass, 1 on the first failure, 3 (from the watchdog) if something hangs."""
    out = _Output()
    from workshop_app import paths

    problem = paths.folder_problem(paths.home())  # the checks run in a scratch folder: the user's must work
    if problem:
        out.failed("dossier de données", problem)
        return 1
    watchdog = _Watchdog(out, _timeout())
    home = Path(tempfile.mkdtemp(prefix="atelier-autotest-"))
    saved = {key: os.environ.get(key) for key in ("ATELIER_HOME", "ATELIER_DATABASE_URL", "QT_QPA_PLATFORM")}
    os.environ["ATELIER_HOME"] = str(home / "home")
    os.environ.pop("ATELIER_DATABASE_URL", None)  # never the user's database, even with --database
    os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")
    if no_display():
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    watchdog.start()
    try:
        return _SelfTest(out, watchdog, home).run()
    finally:
        watchdog.cancel()
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        shutil.rmtree(home, ignore_errors=True)


class _Stopped(SelfTestFailure):
    """The verdict is already known (e.g. an exception escaped a Qt callback): run no further step."""


class _Output:
    """Prints the report; a windowed Windows executable has no stdout, so the report then goes to a file."""

    def __init__(self) -> None:
        self._fallback: TextIO | None = None
        if sys.stdout is None or sys.stderr is None:
            path = Path(tempfile.gettempdir()) / "atelier-autotest.txt"
            self._fallback = path.open("w", encoding="utf-8")

    def ok(self, label: str, detail: str) -> None:
        self._write(sys.stdout, f"OK {label} : {detail}")

    def failed(self, label: str, reason: str, technical: str = "") -> None:
        self._write(sys.stderr, f"ÉCHEC {label} : {reason}")
        if technical:
            self._write(sys.stderr, technical.rstrip())

    def info(self, text: str) -> None:
        self._write(sys.stderr, text)

    def _write(self, stream: TextIO | None, line: str) -> None:
        target = self._fallback or stream
        if target is None:
            return
        try:
            try:
                target.write(line + "\n")
            except UnicodeEncodeError:  # a console that cannot show « é »: still say it
                encoding = getattr(target, "encoding", None) or "ascii"
                target.write(line.encode(encoding, "replace").decode(encoding) + "\n")
            target.flush()
        except (OSError, ValueError):  # closed or broken pipe (``| head``): the exit code still tells
            pass


class _Watchdog:
    """Ends the process (exit code 3) if the self-test has not finished after ``timeout`` seconds."""

    def __init__(self, out: _Output, timeout: float) -> None:
        self.out = out
        self.timeout = timeout
        self.step = "démarrage"
        self._timer = threading.Timer(timeout, self._fire)
        self._timer.daemon = True

    def start(self) -> None:
        self._timer.start()

    def cancel(self) -> None:
        self._timer.cancel()

    def _fire(self) -> None:
        try:
            self.out.failed(
                self.step,
                f"l’autotest ne répond plus depuis {self.timeout:g} s (étape bloquée) : arrêt forcé.",
            )
        finally:
            os._exit(EXIT_HUNG)  # whatever happened while saying so


class _SelfTest(Checks):
    """Drives the checks through the app's own start-up: ``run_app(on_shown=…, store_opener=…)``."""

    def __init__(self, out: _Output, watchdog: _Watchdog, home: Path) -> None:
        super().__init__(home, os.environ.get(FAIL_ENV, "").strip().lower())
        self.out = out
        self.watchdog = watchdog
        self.code: int | None = None
        self.started = time.perf_counter()

    def run(self) -> int:
        from PySide6.QtCore import qInstallMessageHandler

        from workshop_app.app import run_app

        try:
            with self.step("environment"):
                self.check_environment()
            with self.step("resources"):
                self.check_resources()
        except SelfTestFailure:
            return EXIT_FAILED
        previous_handler = qInstallMessageHandler(self._on_qt_message)
        previous_hook = sys.excepthook
        try:
            with self.step("window"):
                returned = run_app(
                    [sys.argv[0] if sys.argv else "atelier"],
                    on_shown=self._on_shown,
                    store_opener=self._open_store,
                )
            if self.code is None:  # the window closed without the self-test saying why
                self.out.failed(
                    STEPS["window"], f"l’application s’est arrêtée avant la fin (code {returned})"
                )
                self.code = EXIT_FAILED
        except SelfTestFailure:
            self.code = EXIT_FAILED if self.code is None else self.code
        finally:
            sys.excepthook = previous_hook
            qInstallMessageHandler(previous_handler)
        return self.code

    # -- inside the app's event loop: every entry point catches everything and ends the run ------------------
    def _on_shown(self, window: Any) -> None:
        """run_app calls this once the window is on screen, then opens the database."""
        from PySide6.QtCore import QTimer

        sys.excepthook = self._on_uncaught  # after run_app's own (a modal crash dialog would hang us)
        self.window = window
        self.shown_at = time.time() if self._exposed() else 0.0  # otherwise when check_window_shown sees it
        window.sig_store_ready.connect(lambda: QTimer.singleShot(0, self._after_store))
        if self.broken == "callback":
            QTimer.singleShot(0, _raise_in_callback)
        self._guard(
            lambda: self._steps(
                ("window", self.check_window_shown),
                ("glyphs", self.check_glyphs),
                ("translations", self.check_translations),
                ("decks", self.check_decks),
            )
        )

    def _open_store(self) -> Any:
        """The window's store opener: the real ``open_store``, on a temporary SQLite file."""
        from workshop_app.core.errors import AtelierError

        try:
            with self.step("store"):
                return self.open_and_check_store()
        except SelfTestFailure as exc:
            self._finish(EXIT_FAILED)
            raise AtelierError(str(exc)) from exc  # the window shows it in the start page; we are leaving

    def _after_store(self) -> None:
        def rest() -> None:
            self._steps(
                ("workshop", self.play_workshop), ("compass", self.check_compass), ("pdf", self.check_pdf)
            )
            total = (time.perf_counter() - self.started) * 1000
            self.out.ok("autotest", f"tout fonctionne ({total:.0f} ms)")
            self._finish(EXIT_OK)

        self._guard(rest)

    def _guard(self, body: Callable[[], None]) -> None:
        try:
            body()
        except SelfTestFailure:
            self._finish(EXIT_FAILED)
        except BaseException as exc:  # never leave the event loop running
            try:
                self.out.failed(self.watchdog.step, f"erreur inattendue : {exc!r}", traceback.format_exc())
            finally:
                self._finish(EXIT_FAILED)

    def _steps(self, *steps: tuple[str, Callable[[], None]]) -> None:
        for step_id, check in steps:
            with self.step(step_id):
                check()

    def _on_uncaught(self, kind: type[BaseException], value: BaseException, tb: Any) -> None:
        """An exception escaped a Qt callback (slot, timer, event handler): Qt would carry on; we stop."""
        try:
            technical = "".join(traceback.format_exception(kind, value, tb))
            self.out.failed(
                self.watchdog.step, f"erreur dans un traitement de l’interface : {value!r}", technical
            )
        finally:
            self._finish(EXIT_FAILED)

    def _on_qt_message(self, _mode: Any, _context: Any, message: str) -> None:
        if not any(text in message for text in _HARMLESS_QT_MESSAGES):
            self.out.info(f"Qt : {message}")

    def _finish(self, code: int) -> None:
        """Record the verdict (the first one wins), close the window as a user would, leave the event loop."""
        from PySide6.QtWidgets import QApplication

        if self.code is None:
            self.code = code
        window, self.window = self.window, None
        if window is not None:
            try:
                window.close()  # closes the workshop and the database
            except Exception as exc:  # the verdict is known; report, do not change it
                self.out.info(f"(fermeture de la fenêtre : {exc!r})")
        app = QApplication.instance()
        if app is not None:
            app.exit(self.code)

    # -- steps ----------------------------------------------------------------------------------------------
    def ok(self, step_id: str, detail: str) -> None:
        if self.code is None:
            self.out.ok(STEPS[step_id], detail)

    def launch_time(self) -> tuple[float, str]:
        return _launch_time()

    @contextmanager
    def step(self, step_id: str) -> Iterator[None]:
        label = STEPS[step_id]
        if self.code is not None:
            raise _Stopped(label)
        self.watchdog.step = label
        try:
            if self.broken == "hang" and step_id == "store":
                time.sleep(self.watchdog.timeout + 60)
            if self.broken == step_id and step_id != "pdf":  # the PDF is broken for real, in check_pdf
                raise SelfTestFailure(f"échec provoqué pour vérifier l’autotest ({FAIL_ENV}={step_id})")
            yield
            if self.code is not None:
                raise _Stopped(label)
        except _Stopped:
            raise
        except SelfTestFailure as exc:
            self.out.failed(label, str(exc))
            raise
        except Exception as exc:
            reason, technical = _explain(exc)
            self.out.failed(label, reason, technical)
            raise SelfTestFailure(reason) from exc


def _raise_in_callback() -> None:
    raise RuntimeError(f"exception provoquée dans un rappel Qt ({FAIL_ENV}=callback)")


def _explain(exc: BaseException) -> tuple[str, str]:
    """The French reason for an unexpected exception, and the technical detail for whoever investigates."""
    from workshop_app.core.errors import AtelierError

    if isinstance(exc, AtelierError):
        return str(exc), exc.detail
    if isinstance(exc, ImportError):
        name = getattr(exc, "name", None) or str(exc)
        return (
            f"module « {name} » introuvable : installation incomplète (paquet autonome mal construit ?)",
            traceback.format_exc(),
        )
    return f"erreur inattendue : {type(exc).__name__}: {exc}", traceback.format_exc()


def _launch_time() -> tuple[float, str]:
    """When the process was launched (``time.time()`` scale) and how that is known."""
    given = os.environ.get(T0_ENV)
    if given:
        try:
            return float(given), "le lancement"
        except ValueError:
            pass
    try:  # Linux: the process's age from /proc, to 10 ms
        ticks = os.sysconf("SC_CLK_TCK")
        with open("/proc/self/stat", encoding="ascii") as fh:
            start_ticks = int(fh.read().rsplit(")", 1)[1].split()[19])
        with open("/proc/uptime", encoding="ascii") as fh:
            uptime = float(fh.read().split()[0])
        return time.time() - (uptime - start_ticks / ticks), "le lancement du processus"
    except (OSError, ValueError, IndexError, AttributeError):
        return _IMPORTED_AT, "le début de l’autotest"


def _timeout() -> float:
    try:
        return max(1.0, float(os.environ.get(TIMEOUT_ENV, DEFAULT_TIMEOUT_S)))
    except ValueError:
        return DEFAULT_TIMEOUT_S


def register(subparsers: Any) -> None:
    """``--selftest`` is a top-level flag (see :mod:`workshop_app.cli`): no sub-command here."""
