"""The four pages in the main window's tabs, and the session of the open workshop that three of them share.

Opening a workshop builds a :class:`WorkshopSession` and its play page; the set-up and debrief pages are built
the first time they are shown or asked for (``pages.setup``, ``pages.debrief``): until then their tabs hold an
empty frame. Each page reads the session when it is built, so a late page shows the same as an early one; one
never shown costs no memory (~2 MB each on the full day) and no work at each vote (the set-up's tables list
refreshed itself at every event). Closing the workshop deletes them. Without an open workshop, those three
tabs are disabled and say why.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from workshop_app.ui.actions import MAX_GROUP_KEYS, ActionRegistry
from workshop_app.ui.settings import AppSettings

if TYPE_CHECKING:
    from workshop_app.core.catalogue import DeckEntry
    from workshop_app.services.api import WorkshopService
    from workshop_app.ui.session import WorkshopSession
    from workshop_app.ui.setup.page import SetupPage

PAGE_START, PAGE_SETUP, PAGE_PLAY, PAGE_DEBRIEF = range(4)


class WorkshopPages(QObject):
    #: the open workshop or the current page changed
    sig_changed = Signal()
    #: the debrief page asked for the export dialog
    sig_export_requested = Signal()
    # the debrief page offered a backup of all the data (end of the workshop)
    sig_backup_requested = Signal()
    #: a short message from the play page for the status bar
    sig_status = Signal(str)

    def __init__(
        self, tabs: QTabWidget, start: QWidget, settings: AppSettings, parent: QObject | None = None
    ):
        super().__init__(parent)
        self.tabs = tabs
        self.settings = settings
        self.session: WorkshopSession | None = None
        self._replacing = False  # pages put up or taken down: the tabs' turns then are not a page shown
        self._setup: SetupPage | None = None
        self.play: QWidget | None = None
        self._debrief: QWidget | None = None
        self._frames: dict[int, QWidget] = {}  # the tabs of pages not built yet
        self._decks: Sequence[DeckEntry] = ()
        tabs.addTab(start, self.titles()[PAGE_START])
        for title in self.titles()[1:]:
            tabs.addTab(self._placeholder(), title)
        self._enable(False)
        tabs.currentChanged.connect(self.on_tab_changed)

    def on_tab_changed(self, index: int) -> None:
        if self._replacing:  # a tab turning while pages are put up or taken down: nobody looks at it yet
            return
        if index == PAGE_SETUP:
            _ = self.setup
        elif index == PAGE_DEBRIEF:
            _ = self.debrief
        self.sig_changed.emit()

    @property
    def setup(self) -> SetupPage | None:
        """The set-up page, built now if it was not yet (None without an open workshop)."""
        if self._setup is None and self.session is not None:
            from workshop_app.ui.setup.page import SetupPage

            page = SetupPage(self.session, self.settings)
            page.set_decks(self._decks)
            page.sig_play_requested.connect(lambda: self.show(PAGE_PLAY))
            self._setup = page
            self._fill(PAGE_SETUP, page)
        return self._setup

    @property
    def debrief(self) -> QWidget | None:
        """The debrief page, built now if it was not yet (None without an open workshop)."""
        if self._debrief is None and self.session is not None:
            page = make_debrief_page(self.session)
            for name, relay in (
                ("sig_export_requested", self.sig_export_requested),
                ("sig_backup_requested", self.sig_backup_requested),
            ):
                signal = getattr(page, name, None)
                if signal is not None:
                    signal.connect(relay)
            self._debrief = page
            self._fill(PAGE_DEBRIEF, page)
        return self._debrief

    def _frame(self, index: int) -> QWidget:
        """The tab of a page built later: an empty frame that will hold it."""
        frame = QWidget()
        layout = QVBoxLayout(frame)
        layout.setContentsMargins(0, 0, 0, 0)
        self._frames[index] = frame
        return frame

    def _fill(self, index: int, page: QWidget) -> None:
        frame = self._frames.pop(index, None)
        if frame is None:
            return
        layout = frame.layout()
        assert layout is not None
        layout.addWidget(page)
        page.show()  # now, not at the next turn (a child added to a shown frame would wait for it)
        frame.setFocusProxy(page)

    def titles(self) -> list[str]:
        """Tab titles with their Alt+letter: unique against the menu bar (F, D, J, A, E) and every page's
        own letters, since the tab bar is always visible (tests/ui/test_main_window.py checks it)."""
        return [self.tr("A&ccueil"), self.tr("&Préparation"), self.tr("Je&u"), self.tr("&Bilan")]

    def _placeholder(self) -> QWidget:
        label = QLabel(self.tr("Ouvrez ou créez un atelier depuis l’accueil."))
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setObjectName("muted")
        return label

    def _enable(self, on: bool) -> None:
        self._replacing = True  # a disabled current tab hands over to the next one: not a page shown
        try:
            for index in (PAGE_SETUP, PAGE_PLAY, PAGE_DEBRIEF):
                self.tabs.setTabEnabled(index, on)
        finally:
            self._replacing = False

    def open(self, service: WorkshopService, workshop_id: str, decks: Sequence[DeckEntry]) -> None:
        """Raises AtelierError when the workshop cannot be read; the previous one stays open then."""
        from workshop_app.ui.session import WorkshopSession

        if self.session is not None and self.session.workshop_id == workshop_id:
            return
        session = WorkshopSession(service, workshop_id, self)
        self.close_session()
        self.session = session
        self._decks = decks
        self.play = make_play_page(session, self.settings)
        status = getattr(self.play, "sig_status", None)
        if status is not None:
            status.connect(self.sig_status)
        self._replace(PAGE_SETUP, self._frame(PAGE_SETUP))
        self._replace(PAGE_PLAY, self.play)
        self._replace(PAGE_DEBRIEF, self._frame(PAGE_DEBRIEF))
        self._enable(True)
        if self.tabs.currentIndex() in self._frames:  # the tab in view was a page's: build it now
            self.on_tab_changed(self.tabs.currentIndex())
        self.sig_changed.emit()

    def close_session(self) -> None:
        if self.session is None:
            return
        # no session while the tabs are taken down: a tab turning meanwhile builds no page for it
        session, self.session = self.session, None
        current = self.tabs.currentIndex()
        for index in (PAGE_SETUP, PAGE_PLAY, PAGE_DEBRIEF):
            self._replace(index, self._placeholder())
        self._enable(False)
        self.tabs.setCurrentIndex(PAGE_START if current != PAGE_START else current)
        session.deleteLater()
        self._setup = self._debrief = self.play = None
        self._frames.clear()
        self.sig_changed.emit()

    def _replace(self, index: int, widget: QWidget) -> None:
        old = self.tabs.widget(index)
        current = self.tabs.currentIndex()
        self._replacing = True
        try:
            self.tabs.removeTab(index)
            self.tabs.insertTab(index, widget, self.titles()[index])
            self.tabs.setCurrentIndex(current)
        finally:
            self._replacing = False
        if old is not None:
            old.deleteLater()

    def show(self, page: int) -> None:
        if page != PAGE_START and self.session is None:
            return
        if page == PAGE_SETUP:  # built before the tab turns, so its first frame is the page's
            _ = self.setup
        elif page == PAGE_DEBRIEF:
            _ = self.debrief
        self.tabs.setCurrentIndex(page)
        widget = self.tabs.currentWidget()
        if widget is not None and not widget.hasFocus() and widget.focusWidget() is None:
            widget.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.sig_changed.emit()

    def current(self) -> int:
        return self.tabs.currentIndex()

    def natural_page(self) -> int:
        """Set-up while the workshop lacks tables or sequences, else play."""
        if self.session is None:
            return PAGE_START
        snapshot = self.session.snapshot
        return PAGE_PLAY if snapshot.groups and snapshot.sequences else PAGE_SETUP

    def set_decks(self, decks: Sequence[DeckEntry]) -> None:
        self._decks = decks
        if self._setup is not None:
            self._setup.set_decks(decks)

    def connect_actions(self, registry: ActionRegistry) -> None:
        """The actions that act on a page: navigation between pages, and the play and debrief keys."""
        for name, page in (
            ("go_start", PAGE_START),
            ("go_setup", PAGE_SETUP),
            ("go_play", PAGE_PLAY),
            ("go_debrief", PAGE_DEBRIEF),
        ):
            registry[name].triggered.connect(lambda _checked=False, p=page: self.show(p))
        for name in ("undo", "redo", "next_card", "previous_card", "card_timer", "sequence_timer"):
            registry[name].triggered.connect(lambda _checked=False, n=name: self.play_call(n))
        registry["reveal"].triggered.connect(lambda: self.play_call("toggle_reveal"))
        for number in range(1, MAX_GROUP_KEYS + 1):
            registry[f"group_{number}"].triggered.connect(
                lambda _checked=False, i=number - 1: self.focus_group(i)
            )
        registry["add_action"].triggered.connect(self.add_plan_action)

    def focus_group(self, index: int) -> None:
        if self.session is not None:
            self.show(PAGE_PLAY)
            self.play_call("focus_group", index)

    def add_plan_action(self) -> None:
        if self.session is not None:
            self.show(PAGE_DEBRIEF)
            self.debrief_call("add_action", "on_add_action_clicked")

    def play_call(self, slot: str, *args: Any) -> None:
        """Run one of the play page's public slots (``next_card``, ``undo``, ``focus_group``…)."""
        method = getattr(self.play, slot, None)
        if self.session is not None and callable(method):
            method(*args)

    def debrief_call(self, *slots: str) -> None:
        """Run the first of ``slots`` that the debrief page has."""
        for slot in slots:
            method = getattr(self.debrief, slot, None)
            if self.session is not None and callable(method):
                method()
                return

    def focus_setup(self) -> None:
        if self.setup is not None:
            self.show(PAGE_SETUP)
            self.setup.focus_first_field()


def make_play_page(session: WorkshopSession, settings: AppSettings) -> QWidget:
    from workshop_app.ui.play.page import PlayPage

    return PlayPage(session, settings)


def make_debrief_page(session: WorkshopSession) -> QWidget:
    from workshop_app.ui.debrief.page import DebriefPage

    return DebriefPage(session)
