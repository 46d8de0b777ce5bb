"""The main window: composes the pages (Accueil, Préparation, Jeu, Bilan) in tabs, the menus from the action
registry, the projector window and the status bar. It holds the service and the open workshop's session and
passes them to the pages; it does no work a page or a service should do.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, Qt, QTime, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QTabWidget, QWidget

from workshop_app.core.errors import AtelierError
from workshop_app.ui import bundle_status, deck_flow, help_menu
from workshop_app.ui import workshop_tools as tools
from workshop_app.ui.actions import ActionRegistry
from workshop_app.ui.projector_host import ProjectorHost
from workshop_app.ui.settings import WINDOW_GEOMETRY, AppSettings
from workshop_app.ui.start.page import StartPage
from workshop_app.ui.view_controller import ViewController
from workshop_app.ui.workshop_pages import PAGE_DEBRIEF, PAGE_PLAY, PAGE_SETUP, PAGE_START, WorkshopPages

if TYPE_CHECKING:
    from workshop_app.core.catalogue import DeckEntry
    from workshop_app.services.api import WorkshopService
    from workshop_app.ui.backup_flow import BackupFlow
    from workshop_app.ui.deck_editor.launch import DeckEditorFlow
    from workshop_app.ui.export_flow import ExportFlow
    from workshop_app.ui.file_flow import FileFlow
    from workshop_app.ui.session import WorkshopSession
    from workshop_app.ui.sync_flow import SyncFlow

log = logging.getLogger(__name__)

StoreOpener = Callable[[], "WorkshopService"]


def default_store_opener() -> WorkshopService:
    from workshop_app.store import open_store

    return open_store()


class MainWindow(QMainWindow):
    #: the database is open and the lists are filled
    sig_store_ready = Signal()
    #: a workshop was opened: its id
    sig_workshop_opened = Signal(str)

    def __init__(
        self, settings: AppSettings, store_opener: StoreOpener | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.settings = settings
        self._store_opener = store_opener or default_store_opener
        self.service: WorkshopService | None = None
        self.previewing = False  # the workshop list is the cached one; the store is not open yet
        self.exports: ExportFlow | None = None
        self.files: FileFlow | None = None
        self.decks: list[DeckEntry] = []
        self._deck_editors: DeckEditorFlow | None = None
        self.registry = ActionRegistry(self)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("pages")
        self.tabs.setDocumentMode(True)
        self.start = StartPage()
        self.pages = WorkshopPages(self.tabs, self.start, settings, self)
        self.setCentralWidget(self.tabs)
        self.view = ViewController(settings, self.registry, self)
        self.projector = ProjectorHost(settings, self.registry, self)
        from workshop_app.ui.room_mode import RoomMode

        self.room_mode = RoomMode(settings, self.registry, self.projector, self, lambda: self.pages.play)
        from workshop_app.ui.workshop_life import WorkshopLife

        self.life = WorkshopLife(self)
        self.saved_label = QLabel()
        self.saved_label.setObjectName("savedLabel")
        self.statusBar().addPermanentWidget(self.saved_label)
        self._backups: BackupFlow | None = None  # both built on first use: ~2 ms of every start
        self._sync: SyncFlow | None = None
        self.registry.fill_menu_bar(self.menuBar())
        self.addActions([self.registry[name] for name in self.registry])  # keys work in full screen too
        self._connect()
        self.setWindowTitle(self.tr("Atelier Résilience"))
        geometry = settings.get(WINDOW_GEOMETRY)
        if not geometry or not self.restoreGeometry(QByteArray(geometry)):
            self.resize(1280, 760)
        self.update_actions()

    @property
    def session(self) -> WorkshopSession | None:
        return self.pages.session

    @property
    def backups(self) -> BackupFlow:
        if self._backups is None:
            self._backups = tools.backup_flow(self)
        return self._backups

    @property
    def sync(self) -> SyncFlow:
        if self._sync is None:
            self._sync = tools.sync_flow(self)
        return self._sync

    def _connect(self) -> None:
        a = self.registry
        a["new_workshop"].triggered.connect(self.new_workshop)
        a["open_file"].triggered.connect(self.open_file)
        a["export_bundle"].triggered.connect(self.export_bundle)
        a["import_deck"].triggered.connect(self.browse_decks)
        a["export"].triggered.connect(self.export)
        a["rescue"].triggered.connect(lambda: tools.rescue(self))
        a["close_workshop"].triggered.connect(self.close_workshop)
        a["backup_all"].triggered.connect(lambda: self.backups.ask_backup())
        a["restore_backup"].triggered.connect(
            lambda: self.backups.ask_restore(self.close_workshop, self.reopen_store)
        )
        self.pages.sig_backup_requested.connect(lambda: self.backups.ask_backup())
        a["sync"].triggered.connect(lambda: self.sync.ask())
        a["conflicts"].triggered.connect(
            lambda: self.sync.settle(self.session.workshop_id) if self.session is not None else None
        )
        a["photos"].triggered.connect(lambda: tools.show_photos(self))
        a["history"].triggered.connect(lambda: tools.show_history(self))
        a["quit"].triggered.connect(self.close)
        self.pages.connect_actions(a)
        a["shortcuts"].triggered.connect(lambda: help_menu.show_shortcuts(self.registry, self))
        a["about"].triggered.connect(lambda: help_menu.show_about(self))
        self.start.sig_new_workshop.connect(self.new_workshop)
        self.start.sig_open_demo.connect(self.open_demo)
        self.start.sig_open_workshop.connect(self.open_workshop)
        self.start.sig_browse_decks.connect(self.browse_decks)
        self.start.sig_new_deck.connect(lambda: self.deck_editors().new_deck())
        self.start.sig_edit_deck.connect(lambda entry: self.deck_editors().edit_deck(entry))
        self.start.sig_deck_file.connect(lambda entry, kind: self.deck_editors().write_file(entry, kind))
        self.start.sig_retry_store.connect(self.open_store)
        self.start.sig_delete_workshop.connect(self.ask_delete_workshop)
        self.start.sig_duplicate_workshop.connect(lambda wid: tools.duplicate_workshop(self, wid))
        self.start.sig_compare_workshops.connect(lambda ids: tools.compare_workshops(self, ids))
        self.pages.sig_changed.connect(self.update_actions)
        self.pages.sig_export_requested.connect(self.export)
        self.pages.sig_status.connect(lambda text: self.statusBar().showMessage(text, 8000))

    # -- the database ---------------------------------------------------------------------------------------
    def show_cached_list(self) -> bool:
        """Before the store opens: the workshop list as it was last computed, if the database has not changed
        since (no database file yet: an empty list). Buttons work at once: a click opens the store first."""
        from workshop_app.ui.start_cache import cached_start_list

        rows = cached_start_list()
        if rows is None:
            return False
        self.previewing = True
        self.start.set_workshops(rows)
        self.start.set_store_state("preview")
        return True

    def ensure_store(self) -> bool:
        """A click during the preview: open the store now (it was about to open anyway)."""
        if self.service is None and self.previewing:
            self.open_store()
        return self.service is not None

    def open_store(self) -> bool:
        """Open the database (after the first paint: SQLAlchemy is imported here), fill the lists, offer to
        resume a workshop the app was killed in. A store error leaves the window usable (« Réessayer »)."""
        if self.service is not None:
            return True
        self.previewing = False
        self.start.set_store_state("opening")
        try:
            service = self._store_opener()
        except AtelierError as exc:
            log.warning("database unavailable: %s %s", exc, exc.detail)
            self.start.set_store_state("error", str(exc))
            self.notify(
                QMessageBox.Icon.Critical,
                self.tr("Base de données indisponible"),
                self.tr(
                    "%1\n\nL’application reste ouverte mais ne peut rien enregistrer. "
                    "Corrigez le problème puis cliquez sur « Réessayer » dans l’accueil."
                ).replace("%1", str(exc)),
            )
            return False
        from workshop_app.ui.export_flow import ExportFlow
        from workshop_app.ui.file_flow import FileFlow

        self.service = service
        self.files = FileFlow(service, self, self.import_decks)
        self.files.sig_bundle_imported.connect(self.on_bundle_imported)
        self.files.sig_bundle_exported.connect(self.on_bundle_exported)
        self.start.sig_files_dropped.connect(self.files.open_paths)  # decks and archives, as with Ctrl+O
        self.exports = ExportFlow(service, self)
        self.exports.sig_exported.connect(
            lambda path: self.statusBar().showMessage(self.tr("Exporté : %1").replace("%1", path), 10_000)
        )
        self.exports.sig_exported.connect(lambda path: self.life.on_exported(self.session, path))
        self.start.set_store_state("ready", self.tr("Chaque saisie est enregistrée aussitôt."))
        self.refresh_decks()
        self.refresh_workshops()
        self.update_actions()
        self.sig_store_ready.emit()
        self.offer_recovery()
        from workshop_app.ui.memory import release_import_caches

        release_import_caches(freeze=True)
        return True

    def reopen_store(self) -> bool:
        """After a restoration: the database is opened again (its migrations run if the backup is older)."""
        if self.service is not None:
            self.service.close()
            self.service = None
        files = getattr(self, "files", None)
        if files is not None:  # open_store connects the new flow's drop handler
            self.start.sig_files_dropped.disconnect(files.open_paths)
        return self.open_store()

    def refresh_workshops(self) -> None:
        if self.service is not None:
            from workshop_app.ui.start_cache import list_and_cache

            self.start.set_workshops(list_and_cache(self.service))

    def refresh_decks(self) -> None:
        from workshop_app.core.catalogue import available_decks

        self.decks = available_decks()
        self.start.set_decks(self.decks)
        self.pages.set_decks(self.decks)

    # -- workshops ------------------------------------------------------------------------------------------
    def new_workshop(self) -> None:
        if not self.ensure_store() or self.service is None:
            return
        try:
            info = self.service.create_workshop(self.tr("Nouvel atelier"), date=date.today())
        except AtelierError as exc:
            self.notify(QMessageBox.Icon.Warning, self.tr("Nouvel atelier"), str(exc))
            return
        if self.open_workshop(info.id, PAGE_SETUP):
            self.pages.focus_setup()

    def open_workshop(self, workshop_id: str, page: int | None = None) -> bool:
        if not self.ensure_store() or self.service is None:
            return False
        try:
            self.pages.open(self.service, workshop_id, self.decks)
        except AtelierError as exc:
            self.notify(QMessageBox.Icon.Warning, self.tr("Ouverture impossible"), str(exc))
            return False
        session = self.pages.session
        assert session is not None
        # A clock cannot be running in a workshop that was not open (an archive from another laptop, a crash):
        # stop it now rather than count the night or the journey.
        self.life.stop_timers(session)
        session.sig_error.connect(self.on_session_error)
        session.sig_event.connect(self.on_session_event)
        session.sig_snapshot.connect(self.update_actions)
        session.sig_position.connect(lambda *_: self.update_actions())
        self.projector.set_session(session)
        self.room_mode.apply()
        self.settings.remember_workshop(workshop_id)
        self.pages.show(page if page is not None else self.pages.natural_page())
        self.update_actions()
        self.sig_workshop_opened.emit(workshop_id)
        from workshop_app.ui.memory import release_import_caches

        release_import_caches()  # the play page's chart libraries were just imported
        return True

    def close_workshop(self) -> None:
        if self.session is None:
            return
        self.life.stop_timers(self.session)  # no clock runs on while the workshop is closed
        self.projector.set_session(None)
        self.pages.close_session()
        self.settings.forget_open_workshop()
        self.refresh_workshops()
        self.pages.show(PAGE_START)
        self.update_actions()

    def ask_delete_workshop(self, workshop_id: str) -> None:
        tools.ask_delete_workshop(self, workshop_id)

    def delete_workshop(self, workshop_id: str) -> bool:
        return tools.delete_workshop(self, workshop_id)

    def open_demo(self) -> None:
        tools.open_demo(self)

    def offer_recovery(self) -> None:
        tools.offer_recovery(self)

    def confirm_resume(self, title: str) -> bool:
        """Asks the facilitator (tests replace this)."""
        from workshop_app.ui.recovery import ask_resume

        return ask_resume(self, title)

    # -- files (Ctrl+O, the workshop's archive) -------------------------------------------------------------
    def open_file(self) -> None:
        if self.files is not None:
            self.files.open_file()

    def export_bundle(self) -> None:
        if self.files is not None and self.session is not None:
            self.life.stop_timers(self.session)  # an archive carries no running clock to another laptop
            self.files.export_bundle(self.session.workshop_id)

    def on_bundle_imported(self, workshop_id: str, added: bool) -> None:
        bundle_status.on_bundle_imported(self, workshop_id, added)

    def on_bundle_exported(self, path: str) -> None:
        bundle_status.on_bundle_exported(self, path)

    # -- decks ----------------------------------------------------------------------------------------------
    def browse_decks(self) -> None:
        deck_flow.browse_decks(self)

    def choose_deck_files(self) -> list[str]:
        """Asks for deck files (tests replace this)."""
        return deck_flow.choose_deck_files(self)

    def deck_editors(self) -> DeckEditorFlow:
        """The deck editor's launcher, built on first use (it is not needed to start the app)."""
        if self._deck_editors is None:
            self._deck_editors = deck_flow.deck_editor_flow(self)
        return self._deck_editors

    def import_decks(self, paths: list[str]) -> None:
        deck_flow.import_decks(self, paths)

    # -- play -----------------------------------------------------------------------------------------------
    def export(self) -> None:
        if self.session is not None and self.exports is not None:
            self.exports.ask(self.session.workshop_id, self.session.snapshot.info)

    # -- feedback -------------------------------------------------------------------------------------------
    def on_session_error(self, message: str) -> None:
        if self.pages.current() == PAGE_PLAY:  # the play page says it in place: no box during a vote
            self.statusBar().showMessage(message, 10_000)
            return
        self.notify(QMessageBox.Icon.Warning, self.tr("Action refusée"), message)

    def on_session_event(self, event: object) -> None:
        from workshop_app.core.events import Event

        if self.session is not None and isinstance(event, Event):
            self.life.on_event(self.session, event)
        self.saved_label.setText(
            self.tr("Enregistré à %1").replace("%1", QTime.currentTime().toString("HH:mm:ss"))
        )
        self.update_actions()

    def notify(self, icon: QMessageBox.Icon, title: str, text: str) -> QMessageBox:
        """A message that does not block the event loop (nothing waits for the facilitator to read it)."""
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, self)
        box.setObjectName("notice")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return box

    def update_actions(self) -> None:
        session = self.session
        if self.exports and self.pages.session is not None and self.pages.current() == PAGE_DEBRIEF:
            self.exports.preload()  # the export comes next there (and no vote is made there)
        self.registry.update_enabled(self.service is not None, session)
        title = session.snapshot.info.title if session is not None else ""
        self.setWindowTitle(f"{title} — Atelier Résilience" if title else "Atelier Résilience")

    # -- closing --------------------------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        from workshop_app.ui.tasks import wait_all

        if self._deck_editors is not None and not self._deck_editors.close_all():
            event.ignore()  # a deck editor with unsaved edits stays open (its owner chose « Annuler »)
            return
        self.settings.set(WINDOW_GEOMETRY, bytes(self.saveGeometry().data()))
        self.life.stop_timers(self.session)  # quitting stops the clocks: none runs through the night
        self.projector.close()
        wait_all(10_000)
        self.pages.close_session()
        self.settings.forget_open_workshop()  # a normal close: nothing to recover next time
        if self.service is not None:
            from workshop_app.ui.start_cache import cache_quietly

            cache_quietly(self.service)  # what the next start shows at once
            self.service.close()
            self.service = None
        super().closeEvent(event)
