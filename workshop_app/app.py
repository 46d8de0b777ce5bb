"""Composition root: logging, the Qt application, settings, translations, theme, then the main window.

The window is shown first (the start page); the database is opened just after the first paint, so SQLAlchemy
and Alembic never delay the first frame. Chart and PDF libraries are imported only when a page needs them.
"""

from __future__ import annotations

import logging
import sys
import time
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from workshop_app.paths import resource_path

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from workshop_app.ui.main_window import MainWindow, StoreOpener

log = logging.getLogger(__name__)

ORGANISATION = "Atelier Résilience"
APPLICATION = "Atelier Résilience"


def create_main_window(app: QApplication, store_opener: StoreOpener | None = None) -> MainWindow:
    """Name the application, load the translations and the theme, and build the main window (not shown, no
    database yet: call ``window.open_store()`` once it is on screen)."""
    from PySide6.QtGui import QIcon

    from workshop_app import __version__
    from workshop_app.ui.i18n import install_translators
    from workshop_app.ui.main_window import MainWindow
    from workshop_app.ui.settings import LANGUAGE, AppSettings
    from workshop_app.ui.theme import ensure_french_glyphs

    app.setApplicationName(APPLICATION)
    app.setOrganizationName(ORGANISATION)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("atelier-resilience")
    app.setWindowIcon(QIcon(str(resource_path("resources", "icons", "atelier.svg"))))
    settings = AppSettings()
    install_translators(app, settings.get(LANGUAGE))
    ensure_french_glyphs(app)
    window = MainWindow(settings, store_opener)
    window.view.apply()
    return window


def _pause_collections() -> Callable[[], None]:
    """No cyclic garbage collection while the start builds what lives for the session: the modules, the Qt
    classes and enums PySide6 makes on first use, the window. ~50 collections walked those objects, all
    alive, for ~5 ms of every start (a bare window pays ~3). Returns what turns collections back on once the
    list is interactive: what the start made is frozen first (~29,000 objects, a few hundred of them
    garbage), else the first collection would walk it all at once (~5 ms, just after the list appears); the
    store's opening unfreezes, collects and freezes it again (``release_import_caches``), as before. Nothing
    to undo when collections were already off."""
    import gc

    if not gc.isenabled():
        return lambda: None
    gc.disable()

    def resume() -> None:
        if not gc.isenabled():
            gc.freeze()
            gc.enable()

    return resume


def _after_first_paint(
    window: MainWindow,
    on_shown: Callable[[MainWindow], None] | None,
    then: Callable[[], None] | None = None,
    resume_collections: Callable[[], None] = lambda: None,
) -> None:
    """The start screen is interactive once its workshop list has painted: the cached list at once when the
    database has not changed since the last run (the store then opens just after), else the store's."""
    from PySide6.QtCore import QTimer

    from workshop_app.ui.memory import limit_malloc_arenas
    from workshop_app.ui.startup import announce, preload_charts, quit_when, since

    started = time.perf_counter()
    quit_at = quit_when()
    QTimer.singleShot(5_000, resume_collections)  # should the list not paint soon (a minimized window)
    if on_shown is not None:
        on_shown(window)

    def store_ready() -> None:
        log.info("store ready, lists painted (%s after the first frame)", since(started))
        if quit_at == "store":
            announce("store")
            window.close()
        elif not quit_at:
            preload_charts(window)

    def interactive() -> None:
        if quit_at:
            announce("interactive")
        resume_collections()
        log.info("start screen interactive (%s after the first frame)", since(started))
        if quit_at == "ready":
            window.close()
            return
        if then is not None:
            then()
        limit_malloc_arenas()  # before the store, the workshop and an export's worker thread take memory
        if window.service is None and window.open_store():
            window.start.workshop_view.after_next_paint(store_ready)

    if window.show_cached_list():
        window.start.workshop_view.after_next_paint(interactive)
        return

    def both() -> None:
        interactive()
        store_ready()

    resume_collections()  # the store opens before the list can paint (SQLAlchemy, maybe migrations)
    limit_malloc_arenas()
    if window.open_store():
        window.start.workshop_view.after_next_paint(both)
    elif quit_at:
        window.close()
    elif then is not None:  # the store failed (« Réessayer »): a second copy still brings this one forward
        then()


def _once(action: Callable[[], None]) -> Callable[[], None]:
    done: list[bool] = []

    def call() -> None:
        if not done:
            done.append(True)
            action()

    return call


def run_app(
    argv: Sequence[str] | None = None,
    *,
    on_shown: Callable[[MainWindow], None] | None = None,
    store_opener: StoreOpener | None = None,
) -> int:
    """Run the app until its window closes; returns the exit code.

    ``on_shown(window)`` runs once the window is on screen, just before the database opens (benchmarks, tests
    and scripts use it, e.g. to connect ``window.sig_store_ready``).
    """
    resume_collections = _pause_collections()
    try:
        return _run(argv, on_shown, store_opener, resume_collections)
    finally:
        resume_collections()  # also when the start failed or a second copy stopped


def _run(
    argv: Sequence[str] | None,
    on_shown: Callable[[MainWindow], None] | None,
    store_opener: StoreOpener | None,
    resume_collections: Callable[[], None],
) -> int:
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    from workshop_app import __version__
    from workshop_app.ui.crash import install_excepthook, setup_logging
    from workshop_app.ui.memory import keep_no_import_sources
    from workshop_app.ui.startup_imports import quick_feature_check

    quick_feature_check()  # PySide6's per-import source check, without inspect (~20 ms of a start)
    keep_no_import_sources()  # before SQLAlchemy, numpy, pyqtgraph, reportlab are imported
    setup_logging()
    log.info("starting Atelier Résilience %s", __version__)
    from workshop_app.paths import start_up

    start_up()
    if QApplication.instance() is None:
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    app = QApplication.instance() or QApplication(list(argv) if argv is not None else sys.argv)
    assert isinstance(app, QApplication)
    reporter = install_excepthook(app)
    from workshop_app.ui.single_instance import bring_forward, claim_data_folder

    may_run, guard = claim_data_folder()  # one copy per data folder
    if not may_run:
        sys.excepthook = reporter.previous or sys.__excepthook__
        return 0
    window = create_main_window(app, store_opener)
    window.show()
    listen = None
    if guard is not None:  # a second copy is woken once the list is up or the store open, whichever is first
        listen = _once(lambda: guard.listen(bring_forward(window)))  # QtNetwork: ~5 ms not before the list
        window.sig_store_ready.connect(listen)
    QTimer.singleShot(0, lambda: _after_first_paint(window, on_shown, listen, resume_collections))
    try:
        return int(app.exec())
    finally:
        if guard is not None:
            guard.release()
        sys.excepthook = reporter.previous or sys.__excepthook__
        log.info("stopped")
