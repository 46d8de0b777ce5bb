"""Hosts the projector window: one per open workshop, created on first use, following the F5 / F6 / B keys."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from workshop_app.ui.actions import ActionRegistry
from workshop_app.ui.settings import AppSettings

if TYPE_CHECKING:
    from workshop_app.ui.session import WorkshopSession

log = logging.getLogger(__name__)


def projector_class() -> Any:
    from workshop_app.ui.projector import ProjectorWindow

    return ProjectorWindow


class ProjectorHost(QObject):
    #: the projector window was just shown (F5)
    sig_shown = Signal()

    def __init__(self, settings: AppSettings, actions: ActionRegistry, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.actions = actions
        self.session: WorkshopSession | None = None
        self.window: Any = None
        #: in room mode (one mirrored screen), the black cover over the control window that B shows too
        self.cover: QWidget | None = None
        actions["projector"].triggered.connect(self.on_projector_triggered)
        actions["swap_screen"].triggered.connect(self.swap_screen)
        actions["blank"].triggered.connect(self.toggle_blank)
        self._update_actions()

    @property
    def visible(self) -> bool:
        return self.window is not None and self.window.isVisible()

    def set_session(self, session: WorkshopSession | None) -> None:
        was_visible = self.visible
        self.close()
        self.session = session
        if session is not None and was_visible:
            self.show()
        self._update_actions()

    def show(self) -> None:
        if self.session is None:
            return
        if self.window is None:
            self.window = projector_class()(self.session, self.settings)
            self.window.addActions(self.actions.projector_actions())
        self.window.show_on_preferred_screen()
        control = self.parent()
        if isinstance(control, QWidget) and self.window.screen() is not control.screen():
            control.activateWindow()  # two screens: the keyboard stays on the facilitator's window
        self._update_actions()
        self.sig_shown.emit()

    def hide(self) -> None:
        if self.window is not None:
            self.window.hide()
        self._update_actions()

    def on_projector_triggered(self) -> None:
        if self.visible:
            self.hide()
        else:
            self.show()

    def swap_screen(self) -> None:
        if self.visible:
            self.window.swap_screen()

    def toggle_blank(self) -> None:
        if self.cover is not None:  # room mode: what the room sees is this window, the projector's too
            blank = not self.cover.isVisible()
            if self.visible and bool(self.window.is_blank()) != blank:
                self.window.toggle_blank()
            getattr(self.cover, "set_shown", self.cover.setVisible)(blank)
        elif self.visible:
            self.window.toggle_blank()
        self._update_actions()

    def refresh_actions(self) -> None:
        self._update_actions()

    def close(self) -> None:
        if self.window is not None:
            self.window.close()
            self.window.deleteLater()
            self.window = None
        self._update_actions()

    def _update_actions(self) -> None:
        has_session = self.session is not None
        self.actions["projector"].setEnabled(has_session)
        self.actions["projector"].setChecked(self.visible)
        self.actions["swap_screen"].setEnabled(self.visible)
        covered = self.cover is not None and self.cover.isVisible()
        self.actions["blank"].setEnabled(self.visible or self.cover is not None)
        self.actions["blank"].setChecked(covered or (self.visible and bool(self.window.is_blank())))
