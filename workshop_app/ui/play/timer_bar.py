"""Card and sequence timers with start/pause, kept in the event log (``timer_started`` / ``timer_stopped``).

A running card timer follows the facilitator: moving to another card stops it on the old card and starts it on
the new one. The display ticks twice a second while a timer runs and the bar is on screen; the elapsed time is
always computed from the log. The rules (the fold, start/pause, following the card) are
:mod:`workshop_app.services.timers`: this widget only shows them and records what they say.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from workshop_app.core.events import Event
from workshop_app.services.timers import (
    CARD,
    SEQUENCE,
    TimerClock,
    TimerIntent,
    follow_card,
    format_duration,
    timer_key,
    toggle,
)
from workshop_app.ui.session import WorkshopSession
from workshop_app.ui.theme_ink import follow_ink, ink


class TimerBar(QWidget):
    def __init__(self, session: WorkshopSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.clock = TimerClock.from_events(session.events)
        self._position = (session.sequence_id or "", session.card_id or "")
        self.card_label = QLabel()
        self.card_label.setObjectName("timerValue")  # monospaced, sized with the text: see theme.stylesheet
        self.sequence_label = QLabel()
        self.sequence_label.setObjectName("timerValue")
        self.card_button = QPushButton()
        self.card_button.clicked.connect(self.toggle_card)
        self.sequence_button = QPushButton()
        self.sequence_button.clicked.connect(self.toggle_sequence)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("Carte")))
        layout.addWidget(self.card_label)
        layout.addWidget(self.card_button)
        layout.addSpacing(24)
        layout.addWidget(QLabel(self.tr("Séquence")))
        layout.addWidget(self.sequence_label)
        layout.addWidget(self.sequence_button)
        layout.addStretch(1)
        self._tick = QTimer(self)
        self._tick.setInterval(500)
        self._tick.timeout.connect(self.refresh)  # started by ``refresh`` only while a timer runs and shows
        session.sig_event.connect(self.on_session_event)
        session.sig_position.connect(self.on_session_position)
        follow_ink(self, lambda _ink: self.refresh())

    # -- keys -----------------------------------------------------------------------------------------------
    def card_key(self) -> tuple[str, str, str]:
        return timer_key(CARD, self._position[0], self._position[1])

    def sequence_key(self) -> tuple[str, str, str]:
        return timer_key(SEQUENCE, self._position[0])

    # -- intent ---------------------------------------------------------------------------------------------
    def toggle_card(self) -> None:
        seq, card = self._position
        if seq and card:
            self._record(toggle(self.clock, CARD, seq, card))

    def toggle_sequence(self) -> None:
        seq = self._position[0]
        if seq:
            self._record(toggle(self.clock, SEQUENCE, seq))

    def _record(self, intent: TimerIntent) -> None:
        self._session.record(intent.kind, **intent.fields)

    # -- session signals ------------------------------------------------------------------------------------
    def on_session_event(self, event: Event) -> None:
        if self.clock.apply(event):
            self.refresh()

    def on_session_position(self, sequence_id: str, card_id: str) -> None:
        old, self._position = self._position, (sequence_id, card_id)
        for intent in follow_card(self.clock, old, self._position):
            self._record(intent)
        self.refresh()

    # -- display --------------------------------------------------------------------------------------------
    def refresh(self) -> None:
        card_running = self.clock.running(self.card_key())
        seq_running = self.clock.running(self.sequence_key())
        self._set_text(self.card_label, format_duration(self.clock.elapsed(self.card_key())))
        planned = self._planned_seconds()
        elapsed = self.clock.elapsed(self.sequence_key())
        text = format_duration(elapsed)
        if planned:
            text += f" / {format_duration(planned)}"
        self._set_text(self.sequence_label, text)
        over = bool(planned) and elapsed > planned
        style = f"color: {ink().error};" if over else ""
        if self.sequence_label.styleSheet() != style:
            self.sequence_label.setStyleSheet(style)
        self._set_text(self.card_button, self.tr("Pause") if card_running else self.tr("Démarrer"))
        self._set_text(self.sequence_button, self.tr("Pause") if seq_running else self.tr("Démarrer"))
        self.card_button.setEnabled(bool(self._position[1]))
        self.sequence_button.setEnabled(bool(self._position[0]))
        ticking = (card_running or seq_running) and self.isVisible()
        if ticking != self._tick.isActive():
            self._tick.start() if ticking else self._tick.stop()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self._tick.stop()

    def _planned_seconds(self) -> float:
        seq = self._session.sequence(self._position[0]) if self._position[0] else None
        return float(seq.planned_minutes * 60) if seq is not None and seq.planned_minutes else 0.0

    @staticmethod
    def _set_text(widget: QLabel | QPushButton, text: str) -> None:
        if widget.text() != text:
            widget.setText(text)
