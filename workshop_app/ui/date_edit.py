"""A date field typed the French way (jj/mm/aaaa, with or without slashes), checked, never guessed.

It is one ``QLineEdit`` (one Tab to leave it), with a calendar button inside it (mouse) that Alt+↓ or F4 also
opens (keyboard); the calendar opens on the field's date, or on today. ↑ and ↓ move the date by one day. The
text is read by :func:`workshop_app.core.french_date.parse_french_date`: a date that is not one is refused
with its French sentence (``sig_refused``) and the last good value stays — nothing is moved to a nearby day.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QPoint, QRect, Qt, Signal
from PySide6.QtGui import QAction, QColor, QIcon, QKeyEvent, QPainter, QPixmap
from PySide6.QtWidgets import QCalendarWidget, QLineEdit, QWidget

from workshop_app.core.french_date import (
    PLACEHOLDER,
    DateError,
    long_french_date,
    parse_french_date,
    short_french_date,
)


def calendar_icon() -> QIcon:
    """A small calendar drawn here (no icon theme or emoji font is needed)."""
    pixmap = QPixmap(16, 16)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setPen(QColor("#33383D"))
    painter.drawRect(QRect(1, 2, 13, 12))
    painter.fillRect(QRect(2, 3, 12, 3), QColor("#C0392B"))
    for x in (4, 7, 10):
        for y in (8, 11):
            painter.fillRect(QRect(x, y, 2, 2), QColor("#33383D"))
    painter.end()
    return QIcon(pixmap)


class FrenchDateEdit(QLineEdit):
    #: a valid date (or None: the field was emptied) was typed or picked and differs from the value
    sig_committed = Signal(object)
    #: what was typed is not a date: the French sentence (the value did not change)
    sig_refused = Signal(str)

    def __init__(self, parent: QWidget | None = None, *, allow_empty: bool = True) -> None:
        super().__init__(parent)
        self.allow_empty = allow_empty
        self._value: date | None = None
        self.setPlaceholderText(PLACEHOLDER)
        self.setClearButtonEnabled(False)
        self.calendar_action = QAction(calendar_icon(), self.tr("Calendrier (Alt+↓)"), self)
        self.calendar_action.setToolTip(self.tr("Ouvrir le calendrier (Alt+↓ ou F4)"))
        self.calendar_action.triggered.connect(self.open_calendar)
        self.addAction(self.calendar_action, QLineEdit.ActionPosition.TrailingPosition)
        self.popup: QCalendarWidget | None = None
        self.editingFinished.connect(self.commit)
        self.textEdited.connect(self.on_text_edited)
        self._show_tip()

    # -- value ----------------------------------------------------------------------------------------------
    def value(self) -> date | None:
        return self._value

    def set_value(self, value: date | None) -> None:
        """Show ``value`` as stored (the text typed so far is replaced)."""
        self._value = value
        self.setText(short_french_date(value) if value else "")
        self._mark(error=False)

    def read(self) -> date | None:
        """The date the text names now. Raises DateError (also for an empty field that needs a date)."""
        value = parse_french_date(self.text())
        if value is None and not self.allow_empty:
            raise DateError("Une date est nécessaire : tapez-la en jj/mm/aaaa.", "required")
        return value

    def is_acceptable(self) -> bool:
        try:
            self.read()
        except DateError:
            return False
        return True

    def commit(self) -> bool:
        """Read the text: a date is kept (``sig_committed`` when it changed), anything else refused."""
        try:
            value = self.read()
        except DateError as exc:
            kept = short_french_date(self._value) if self._value else self.tr("aucune date")
            refused = date_error_text(exc)
            message = self.tr("%1 Date inchangée : %2.").replace("%1", refused).replace("%2", kept)
            self._mark(error=True, message=message)
            self.sig_refused.emit(message)
            return False
        changed = value != self._value
        self.set_value(value)
        if changed:
            self.sig_committed.emit(value)
        return True

    def on_text_edited(self, _text: str) -> None:
        if self.property("invalid") and self.is_acceptable():
            self._mark(error=False)  # the red goes as soon as the text reads as a date

    # -- calendar -------------------------------------------------------------------------------------------
    def open_calendar(self) -> None:
        try:
            shown = self.read() or self._value or date.today()
        except DateError:
            shown = self._value or date.today()
        # a child of the field: inside a table, the focus moving to the calendar does not close the editor
        popup = QCalendarWidget(self)
        popup.setWindowFlags(Qt.WindowType.Popup)
        popup.setObjectName("dateCalendar")
        popup.setLocale(QLocale())
        popup.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        popup.setGridVisible(True)
        popup.setSelectedDate(QDate(shown.year, shown.month, shown.day))
        popup.activated.connect(self.on_calendar_picked)
        popup.clicked.connect(self.on_calendar_picked)
        popup.adjustSize()
        popup.move(self.mapToGlobal(QPoint(0, self.height())))
        self.popup = popup
        popup.show()
        popup.setFocus(Qt.FocusReason.PopupFocusReason)

    def on_calendar_picked(self, picked: QDate) -> None:
        if self.popup is not None:
            self.popup.close()
            self.popup.deleteLater()
            self.popup = None
        self.setText(short_french_date(date(picked.year(), picked.month(), picked.day())))
        self.setFocus(Qt.FocusReason.PopupFocusReason)
        self.commit()

    # -- keys -----------------------------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, alt = event.key(), bool(event.modifiers() & Qt.KeyboardModifier.AltModifier)
        if key == Qt.Key.Key_F4 or (alt and key == Qt.Key.Key_Down):
            self.open_calendar()
            return
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and not alt:
            self._step(1 if key == Qt.Key.Key_Up else -1)
            return
        super().keyPressEvent(event)

    def _step(self, days: int) -> None:
        try:
            current = self.read() or self._value or date.today() - timedelta(days=days)
        except DateError:
            return
        self.setText(short_french_date(current + timedelta(days=days)))
        self._show_tip()

    # -- display --------------------------------------------------------------------------------------------
    def _mark(self, *, error: bool, message: str = "") -> None:
        self.setProperty("invalid", error)
        self.setStyleSheet("QLineEdit { border: 2px solid #C0392B; }" if error else "")
        self._show_tip(message)

    def _show_tip(self, message: str = "") -> None:
        if message:
            self.setToolTip(message)
        elif self._value is not None:
            self.setToolTip(date_in_full(self._value))
        else:
            self.setToolTip(self.tr("Date en jj/mm/aaaa (par exemple 15/10/2026 ou 15102026)"))

    def describe(self) -> str:
        """The date in full (« jeudi 15 octobre 2026 »), or nothing."""
        return date_in_full(self._value) if self._value else ""


def date_in_full(value: date) -> str:
    """« jeudi 15 octobre 2026 »: French (the source language) unless the interface is in another language
    (``install_translators`` sets the default locale), whatever the system's own locale."""
    locale = QLocale()
    if locale.language() in (QLocale.Language.French, QLocale.Language.C, QLocale.Language.AnyLanguage):
        return long_french_date(value)
    return locale.toString(QDate(value.year, value.month, value.day), "dddd d MMMM yyyy")


def month_name(month: int) -> str:
    """« octobre »: French unless the interface is in another language (as :func:`date_in_full`)."""
    from workshop_app.core.french_date import MONTHS

    locale = QLocale()
    if locale.language() in (QLocale.Language.French, QLocale.Language.C, QLocale.Language.AnyLanguage):
        return MONTHS[month - 1]
    return locale.monthName(month)


def date_error_text(error: DateError) -> str:
    """The refusal in the interface's language, from the error's code (core stays free of Qt and of any
    catalogue); an error without a known code keeps its French sentence."""
    args = [str(a) for a in error.args_]
    templates = {
        "not_a_date": QCoreApplication.translate(
            "FrenchDateEdit",
            "« %1 » n’est pas une date : tapez le jour, le mois et l’année, par exemple 15/10/2026 ou "
            "15102026.",
        ),
        "year_range": QCoreApplication.translate(
            "FrenchDateEdit", "« %1 » : l’année doit être entre %2 et %3 (jj/mm/aaaa)."
        ),
        "month_range": QCoreApplication.translate(
            "FrenchDateEdit", "« %1 » : le mois doit aller de 1 à 12 (jj/mm/aaaa)."
        ),
        "no_such_day": QCoreApplication.translate("FrenchDateEdit", "« %1 » : il n’y a pas de %2 %3 %4."),
        "required": QCoreApplication.translate(
            "FrenchDateEdit", "Une date est nécessaire : tapez-la en jj/mm/aaaa."
        ),
    }
    template = templates.get(error.code)
    if template is None:
        return str(error)
    if error.code == "no_such_day" and len(args) == 4:
        args[2] = month_name(int(args[2]))
    for i, value in enumerate(args, start=1):
        template = template.replace(f"%{i}", value)
    return template
