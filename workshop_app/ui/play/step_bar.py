"""The day's other times on the play page: pick a step (accueil, pause, bilan…), then « Commencer » and
« Terminer » it; the events' times are its actual times in the compte-rendu. Hidden while the programme holds
no step.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QWidget

from workshop_app.core.events import Event, EventKind, as_utc
from workshop_app.core.programme import STEP_EVENTS, ProgrammeStep, programme_steps
from workshop_app.ui.setup.steps_panel import step_text

if TYPE_CHECKING:
    from datetime import datetime

    from workshop_app.ui.session import WorkshopSession


def clock(moment: datetime) -> str:
    return as_utc(moment).astimezone().strftime("%H:%M")


class StepBar(QWidget):
    def __init__(self, session: WorkshopSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stepBar")
        self.session = session
        self.combo = QComboBox()
        self.combo.setObjectName("stepCombo")
        self.button = QPushButton()
        self.button.setObjectName("stepButton")
        self.state_label = QLabel()
        self.state_label.setObjectName("muted")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("Hors jeu :")))
        layout.addWidget(self.combo, 1)
        layout.addWidget(self.button)
        layout.addWidget(self.state_label)
        self.button.clicked.connect(self.toggle)
        self.combo.currentIndexChanged.connect(lambda _i: self._show_state())
        session.sig_event.connect(self.on_session_event)
        session.sig_snapshot.connect(self.refresh)
        self.refresh()

    @property
    def steps(self) -> list[ProgrammeStep]:
        return programme_steps(self.session.events)

    def choose(self, step_id: str) -> None:
        """The outline's step row was chosen: the bar shows it, ready to start or end."""
        row = self.combo.findData(step_id)
        if row >= 0:
            self.combo.setCurrentIndex(row)
            self.button.setFocus()

    def current(self) -> ProgrammeStep | None:
        step_id = self.combo.currentData()
        return next((s for s in self.steps if s.id == step_id), None)

    def refresh(self) -> None:
        steps = self.steps
        self.setVisible(bool(steps))
        chosen = self.combo.currentData()
        running = next((s.id for s in steps if s.running), None)
        waiting = next((s.id for s in steps if s.started_at is None), None)
        self.combo.blockSignals(True)
        self.combo.clear()
        for step in steps:
            self.combo.addItem(step_text(step.kind, step.label), step.id)
        open_choice = next((s.id for s in steps if s.id == chosen and s.ended_at is None), None)
        wanted = running or open_choice or waiting or chosen  # once one ends, the next one waiting
        self.combo.setCurrentIndex(max(0, self.combo.findData(wanted)))
        self.combo.blockSignals(False)
        self._show_state()

    def _show_state(self) -> None:
        step = self.current()
        if step is None:
            self.button.setEnabled(False)
            self.state_label.setText("")
            return
        self.button.setEnabled(True)
        if step.running and step.started_at is not None:
            self.button.setText(self.tr("Terminer"))
            self.state_label.setText(self.tr("commencé à %1").replace("%1", clock(step.started_at)))
        else:
            ended = step.started_at is not None and step.ended_at is not None
            self.button.setText(self.tr("Reprendre") if ended else self.tr("Commencer"))
            if step.started_at is not None and step.ended_at is not None:
                span = self.tr("%1 – %2").replace("%1", clock(step.started_at))
                self.state_label.setText(span.replace("%2", clock(step.ended_at)))
            else:
                minutes = step.planned_minutes or 0
                self.state_label.setText(self.tr("prévu : %1 min").replace("%1", str(minutes)))

    def toggle(self) -> None:
        step = self.current()
        if step is None:
            return
        kind = EventKind.STEP_ENDED if step.running else EventKind.STEP_STARTED
        self.session.record(kind, payload={"step": step.id})

    def on_session_event(self, event: Event) -> None:
        if event.kind in STEP_EVENTS:
            self.refresh()
