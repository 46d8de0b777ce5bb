"""The View menu's settings: text size, high contrast, language. Each is remembered in the settings."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from workshop_app.ui.settings import FONT_SCALE, HIGH_CONTRAST, LANGUAGE, AppSettings
from workshop_app.ui.theme import SCALE_STEP, apply_theme, clamp_scale

if TYPE_CHECKING:
    from workshop_app.ui.actions import ActionRegistry


class ViewController(QObject):
    def __init__(self, settings: AppSettings, actions: ActionRegistry, window: QWidget) -> None:
        super().__init__(window)
        self.settings = settings
        self.window = window
        actions["high_contrast"].setChecked(settings.get(HIGH_CONTRAST))
        language = settings.get(LANGUAGE)
        for name in actions:
            if name.startswith("language_"):
                actions[name].setChecked(name == f"language_{language}")
                code = name.removeprefix("language_")
                actions[name].triggered.connect(lambda _checked=False, c=code: self.set_language(c))
        actions["font_bigger"].triggered.connect(lambda: self.change_scale(+SCALE_STEP))
        actions["font_smaller"].triggered.connect(lambda: self.change_scale(-SCALE_STEP))
        actions["font_reset"].triggered.connect(lambda: self.set_scale(1.0))
        actions["high_contrast"].toggled.connect(self.set_high_contrast)
        actions["fullscreen"].toggled.connect(self.set_fullscreen)

    def apply(self) -> None:
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, self.settings.get(FONT_SCALE), self.settings.get(HIGH_CONTRAST))

    def change_scale(self, delta: float) -> None:
        self.set_scale(self.settings.get(FONT_SCALE) + delta)

    def set_scale(self, scale: float) -> None:
        self.settings.set(FONT_SCALE, clamp_scale(scale))
        self.apply()

    def set_high_contrast(self, on: bool) -> None:
        if self.settings.get(HIGH_CONTRAST) != on:
            self.settings.set(HIGH_CONTRAST, on)
        self.apply()

    def set_fullscreen(self, on: bool) -> None:
        state = self.window.windowState()
        if on:
            self.window.setWindowState(state | Qt.WindowState.WindowFullScreen)
        else:
            self.window.setWindowState(state & ~Qt.WindowState.WindowFullScreen)

    def set_language(self, code: str) -> None:
        if self.settings.get(LANGUAGE) == code:
            return
        self.settings.set(LANGUAGE, code)
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("Langue"),
            self.tr(
                "La nouvelle langue s’appliquera au prochain démarrage de l’application. "
                "The new language applies the next time the app starts."
            ),
            QMessageBox.StandardButton.Ok,
            self.window,
        )
        box.setObjectName("languageNotice")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
