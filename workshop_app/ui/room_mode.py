"""« Mode salle (écran unique) »: the laptop's own screen is what the room sees (a mirrored projector).

With one screen, the room sees the facilitator's window whenever answers are typed. In room mode:
- the play page hides the compass and the other tables' answers until the results are revealed (R), and the
  table whose row has the keyboard shows only its own answer;
- B blanks what the room sees: a black cover over the whole window (menus included), and the projector
  window too when it is open;
- the app offers the mode (a line in the status bar, no dialog: the keyboard stays on the play page) the
  first time the projector is shown on a single screen.
The choice is remembered (ROOM_MODE).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QToolButton,
    QWidget,
)

from workshop_app.ui.settings import ROOM_MODE, AppSettings

if TYPE_CHECKING:
    from workshop_app.ui.actions import ActionRegistry
    from workshop_app.ui.projector_host import ProjectorHost


class BlankCover(QWidget):
    """Black over the whole window (menus and status bar included): what B shows the room in room mode."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("roomBlank")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.hide()
        self._window = window  # followed (an event filter) only while shown: none on every start-up event

    def showEvent(self, event: QShowEvent) -> None:
        _style_once(self, "QWidget#roomBlank { background: #000000; }")
        super().showEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parent() and event.type() == QEvent.Type.Resize and self.isVisible():
            self._cover()
        return False

    def set_shown(self, shown: bool) -> None:
        if shown:
            self._window.installEventFilter(self)
            self._cover()
            self.show()
            self.raise_()
            self.setFocus(Qt.FocusReason.OtherFocusReason)  # no key reaches a row behind the black
        else:
            self._window.removeEventFilter(self)
            self.hide()

    def _cover(self) -> None:
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())


def _style_once(widget: QWidget, sheet: str) -> None:
    """A widget's own stylesheet, set when it is first shown: both of this module's widgets are built hidden
    with the window, and setting a stylesheet then cost ~3 ms of every start."""
    if not widget.styleSheet():
        widget.setStyleSheet(sheet)


def single_screen() -> bool:
    return len(QGuiApplication.screens()) <= 1


class RoomMode(QObject):
    def __init__(
        self,
        settings: AppSettings,
        actions: ActionRegistry,
        projector: ProjectorHost,
        window: QWidget,
        play_page: Any,
    ) -> None:
        """``play_page`` is a callable giving the open play page (or None)."""
        super().__init__(window)
        self.settings = settings
        self.actions = actions
        self.projector = projector
        self.window = window
        self._play_page = play_page
        self.cover = BlankCover(window)
        self.offered = False  # asked once per run at most
        self.banner = RoomModeBanner()
        self.banner.sig_answered.connect(self.on_offer_answered)
        if isinstance(window, QMainWindow):
            window.statusBar().insertWidget(0, self.banner, 1)
        action = actions["room_mode"]
        action.setChecked(settings.get(ROOM_MODE))
        action.toggled.connect(self.set_on)
        projector.cover = self.cover if self.on else None
        projector.sig_shown.connect(self.on_projector_shown)

    @property
    def on(self) -> bool:
        return self.actions["room_mode"].isChecked()

    def set_on(self, on: bool) -> None:
        if self.settings.get(ROOM_MODE) != on:
            self.settings.set(ROOM_MODE, on)
        if not on:
            self.cover.set_shown(False)
        else:
            self.banner.hide()
        self.projector.cover = self.cover if on else None
        self.projector.refresh_actions()
        self.apply()

    def apply(self) -> None:
        """Tell the open play page (called when a workshop opens and when the mode changes)."""
        page = self._play_page()
        set_room_mode = getattr(page, "set_room_mode", None)
        if callable(set_room_mode):
            set_room_mode(self.on)

    def on_offer_answered(self, accepted: bool) -> None:
        if accepted:
            self.actions["room_mode"].setChecked(True)

    def on_projector_shown(self) -> None:
        if self.on or self.offered or not single_screen():
            return
        self.offered = True
        self.offer()

    def offer(self) -> None:
        """A line in the status bar, with a button: it takes no keyboard focus, so play goes on meanwhile."""
        self.banner.show()


class RoomModeBanner(QFrame):
    """« Un seul écran… [Passer en mode salle] [×] », shown in the status bar."""

    #: the facilitator accepted (True) or dismissed (False) the offer
    sig_answered = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("roomModeOffer")
        self.label = QLabel(self.tr("Un seul écran : la salle voit sans doute cette fenêtre."))
        self.setToolTip(self.tr(
            "Le mode salle masque la boussole et les réponses des autres tables jusqu’à R ; "
            "B met toute la fenêtre au noir."
        ))
        self.accept_button = QPushButton(self.tr("Passer en mode salle"))
        self.accept_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.accept_button.clicked.connect(lambda: self._answer(True))
        self.close_button = QToolButton()
        self.close_button.setText("×")
        self.close_button.setToolTip(self.tr("Ne pas passer en mode salle"))
        self.close_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.close_button.clicked.connect(lambda: self._answer(False))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 2, 4, 2)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.accept_button)
        layout.addWidget(self.close_button)
        self.hide()

    def showEvent(self, event: QShowEvent) -> None:
        _style_once(
            self,
            "QFrame#roomModeOffer { background: #FFF4CE; border: 1px solid #C9A227; border-radius: 4px; }"
            "QFrame#roomModeOffer QLabel { color: #3B2F00; background: transparent; }",
        )
        super().showEvent(event)

    def _answer(self, accepted: bool) -> None:
        self.hide()
        self.sig_answered.emit(accepted)
