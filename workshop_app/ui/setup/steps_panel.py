"""The day's other times — accueil, pause, bilan or a free label — placed among the sequences, with the
minutes planned for each (the play page starts and ends them; the compte-rendu prints planned and actual
times).

Steps are events (see :mod:`workshop_app.core.programme`): adding, changing, moving or removing one records an
event through the session, which commits it before the list shows it.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from workshop_app.core.errors import AtelierError
from workshop_app.core.events import Event, EventKind
from workshop_app.core.programme import (
    MAX_MINUTES,
    ORDER_STEP,
    STEP_EVENTS,
    STEP_KINDS,
    ProgrammeStep,
    planned_payload,
    programme_steps,
)
from workshop_app.ui.setup.list_editor import wire_list_editing

if TYPE_CHECKING:
    from workshop_app.ui.session import WorkshopSession

STEP_ID_ROLE = Qt.ItemDataRole.UserRole + 1
DEFAULT_STEP_MINUTES = 15


def kind_names() -> dict[str, str]:
    """The kinds as the interface names them (translated)."""
    return {
        "accueil": QCoreApplication.translate("StepsPanel", "Accueil"),
        "pause": QCoreApplication.translate("StepsPanel", "Pause"),
        "bilan": QCoreApplication.translate("StepsPanel", "Bilan"),
        "autre": QCoreApplication.translate("StepsPanel", "Autre"),
    }


def step_text(kind: str, label: str) -> str:
    """« Pause — Déjeuner », « Accueil »: the kind, then the label when there is one."""
    name = kind_names().get(kind, kind)
    return f"{name} — {label}" if label and kind != "autre" else (label or name)


def swapped_order(steps: list[ProgrammeStep], step: ProgrammeStep, delta: int) -> int | None:
    """The order that puts ``step`` past its neighbour of the same slot (``delta`` −1: before, +1: after),
    between that neighbour and the next one; None when it is already first (last) of its slot."""
    same = [s for s in steps if s.slot == step.slot]  # in programme order
    at = same.index(step)
    target = at + delta
    if not 0 <= target < len(same):
        return None
    beyond = target + delta
    edge = same[beyond].order if 0 <= beyond < len(same) else max(0, same[target].order + delta * ORDER_STEP)
    return (same[target].order + edge) // 2


def record_step(session: WorkshopSession, kind: EventKind, payload: dict[str, object]) -> Event | None:
    return session.record(kind, payload=payload)


class StepsPanel(QWidget):
    def __init__(self, session: WorkshopSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        heading = QLabel(self.tr("Autres temps de la journée (accueil, pause, bilan…)"))
        heading.setObjectName("sectionTitle")
        self.view = QListWidget()
        self.view.setObjectName("stepsView")
        # no Alt+letter: every letter of these words is taken on the page (Tab reaches the list; Enter in the
        # label adds the step)
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("stepKindCombo")
        for kind, name in kind_names().items():
            self.kind_combo.addItem(name, kind)
        self.label_edit = QLineEdit()
        self.label_edit.setObjectName("stepLabel")
        self.label_edit.setPlaceholderText(self.tr("Libellé (facultatif)"))
        self.minutes = QSpinBox()
        self.minutes.setRange(0, MAX_MINUTES)
        self.minutes.setValue(DEFAULT_STEP_MINUTES)
        self.minutes.setSuffix(self.tr(" min"))
        self.place_combo = QComboBox()
        self.place_combo.setObjectName("stepPlaceCombo")
        self.add_button = QPushButton(self.tr("Ajouter l’étape"))
        self.add_button.setObjectName("addStepButton")
        self.up_button = QPushButton(self.tr("Plus tôt"))
        self.down_button = QPushButton(self.tr("Plus tard"))
        self.remove_button = QPushButton(self.tr("Retirer l’étape"))
        add_row = QHBoxLayout()
        add_row.addWidget(self.kind_combo)
        add_row.addWidget(self.label_edit, 1)
        add_row.addWidget(self.minutes)
        add_row.addWidget(self.place_combo)
        add_row.addWidget(self.add_button)
        edit_row = QHBoxLayout()
        edit_row.addWidget(self.up_button)
        edit_row.addWidget(self.down_button)
        edit_row.addWidget(self.remove_button)
        edit_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading)
        layout.addWidget(self.view, 1)
        layout.addLayout(add_row)
        layout.addLayout(edit_row)
        self.add_button.clicked.connect(self.on_add_clicked)
        self.label_edit.returnPressed.connect(self.on_add_clicked)
        moves = (self.up_button, self.down_button, self.on_move)
        wire_list_editing(self.view, self.remove_button, self.on_remove_clicked, moves)
        self.view.currentRowChanged.connect(lambda _row: self._update_buttons())
        session.sig_snapshot.connect(self.refresh)
        session.sig_event.connect(self.on_session_event)
        self.refresh()

    @property
    def steps(self) -> list[ProgrammeStep]:
        return programme_steps(self.session.events)

    def _sequence_titles(self) -> list[str]:
        return [s.display_title for s in sorted(self.session.snapshot.sequences, key=lambda s: s.position)]

    def place_text(self, slot: int) -> str:
        titles = self._sequence_titles()
        if slot < len(titles):
            return self.tr("avant « %1 »").replace("%1", titles[slot])
        return self.tr("à la fin") if titles else self.tr("au programme")

    def refresh(self) -> None:
        current = self.current_step_id()
        self.view.clear()
        for step in self.steps:
            minutes = self.tr("%1 min").replace("%1", str(step.planned_minutes or 0))
            place = self.place_text(step.slot)
            item = QListWidgetItem(f"{step_text(step.kind, step.label)} · {minutes} · {place}")
            item.setData(STEP_ID_ROLE, step.id)
            self.view.addItem(item)
            if step.id == current:
                self.view.setCurrentItem(item)
        place = self.place_combo.currentData()
        self.place_combo.clear()
        titles = self._sequence_titles()
        for slot in range(len(titles) + 1):
            self.place_combo.addItem(self.place_text(slot), slot)
        self.place_combo.setCurrentIndex(max(0, self.place_combo.findData(place if place is not None else 0)))
        self._update_buttons()

    def on_session_event(self, event: Event) -> None:
        if event.kind in STEP_EVENTS:
            self.refresh()

    def current_step_id(self) -> str | None:
        item = self.view.currentItem()
        return str(item.data(STEP_ID_ROLE)) if item is not None else None

    def _update_buttons(self) -> None:
        has_current = self.current_step_id() is not None
        for button in (self.up_button, self.down_button, self.remove_button):
            button.setEnabled(has_current)

    def _plan(
        self, step_id: str, kind: str, label: str, minutes: int | None, slot: int, order: int | None = None
    ) -> bool:
        try:
            payload = planned_payload(step_id, kind, label, minutes, slot, order)
        except AtelierError as error:
            self.session.sig_error.emit(str(error))
            return False
        return record_step(self.session, EventKind.STEP_PLANNED, payload) is not None

    # -- handlers -------------------------------------------------------------------------------------------
    def on_add_clicked(self) -> None:
        step_id = str(uuid.uuid4())
        slot = int(self.place_combo.currentData() or 0)
        kind, label = str(self.kind_combo.currentData()), self.label_edit.text()
        if self._plan(step_id, kind, label, self.minutes.value(), slot):
            self.label_edit.clear()
            for row in range(self.view.count()):
                if self.view.item(row).data(STEP_ID_ROLE) == step_id:
                    self.view.setCurrentRow(row)

    def on_move(self, delta: int) -> None:
        """Past the other step of its slot first (a swap), then to the next slot."""
        steps = self.steps
        step = next((s for s in steps if s.id == self.current_step_id()), None)
        if step is None:
            return
        order = swapped_order(steps, step, delta)
        if order is not None:
            self._plan(step.id, step.kind, step.label, step.planned_minutes, step.slot, order)
            return
        slot = min(max(0, step.slot + delta), len(self._sequence_titles()))
        if slot != step.slot:
            self._plan(step.id, step.kind, step.label, step.planned_minutes, slot)

    def on_remove_clicked(self) -> None:
        step_id = self.current_step_id()
        if step_id is not None:
            record_step(self.session, EventKind.STEP_REMOVED, {"step": step_id})


__all__ = ["STEP_KINDS", "StepsPanel", "kind_names", "step_text"]
