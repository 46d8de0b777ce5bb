"""The set-up page (Préparation): the workshop's details on the left; tables, sequences and participants on
the right. Every write goes through the session, which commits it before the page shows it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QScrollArea, QSplitter, QVBoxLayout, QWidget

from workshop_app.ui.setup.groups_panel import GroupsPanel
from workshop_app.ui.setup.info_panel import InfoPanel
from workshop_app.ui.setup.participants_panel import ParticipantsPanel
from workshop_app.ui.setup.sequences_panel import SequencesPanel
from workshop_app.ui.setup.steps_panel import StepsPanel

if TYPE_CHECKING:
    from workshop_app.core.catalogue import DeckEntry
    from workshop_app.ui.session import WorkshopSession


class SetupPage(QWidget):
    #: « Jouer » was pressed: the main window shows the play page
    sig_play_requested = Signal()

    def __init__(self, session: WorkshopSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("setupPage")
        self.session = session
        title = QLabel(self.tr("Préparation de l'atelier"))
        title.setObjectName("pageTitle")
        self.status = QLabel()
        self.status.setObjectName("muted")
        self.play_button = QPushButton(self.tr("Jouer ▶"))
        self.play_button.setToolTip(self.tr("Ctrl+3"))
        self.play_button.setObjectName("playButton")
        header = QHBoxLayout()
        header.addWidget(title)
        header.addWidget(self.status, 1)
        header.addWidget(self.play_button)
        self.info = InfoPanel(session)
        self.groups = GroupsPanel(session)
        self.sequences = SequencesPanel(session)
        self.steps = StepsPanel(session)
        self.participants = ParticipantsPanel(session)
        right = QSplitter(Qt.Orientation.Vertical)
        right.setChildrenCollapsible(False)
        for panel in (self.groups, self.sequences, self.steps, self.participants):
            right.addWidget(panel)
        right.setStretchFactor(3, 1)
        right.setSizes([230, 200, 150, 330])
        right_scroll = QScrollArea()  # large text on a small screen: scroll rather than squash the tables
        right_scroll.setWidget(right)
        right_scroll.setWidgetResizable(True)
        right_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        left = QScrollArea()
        left.setWidget(self.info)
        left.setWidgetResizable(True)
        left.setFrameShape(QScrollArea.Shape.NoFrame)
        body = QSplitter(Qt.Orientation.Horizontal)
        body.setChildrenCollapsible(False)
        body.addWidget(left)
        body.addWidget(right_scroll)
        body.setStretchFactor(0, 4)
        body.setStretchFactor(1, 5)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 18)
        layout.addLayout(header)
        layout.addWidget(body, 1)
        self.play_button.clicked.connect(self.sig_play_requested)
        self.fit_tables()
        session.sig_snapshot.connect(self.refresh)
        self.refresh()

    def fit_tables(self) -> None:
        """Each table keeps room for a few rows whatever the text size; past that, the column scrolls."""
        row = self.fontMetrics().height() + 12
        views = ((self.groups.view, 4), (self.sequences.view, 2), (self.participants.view, 4))
        for view, rows in views:
            view.verticalHeader().setDefaultSectionSize(row)
            view.setMinimumHeight(view.horizontalHeader().sizeHint().height() + rows * row + 4)
        self.steps.view.setMinimumHeight(2 * row + 6)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.fit_tables()

    def set_decks(self, entries: Sequence[DeckEntry]) -> None:
        self.sequences.set_decks(entries)

    def refresh(self) -> None:
        snapshot = self.session.snapshot
        ready = bool(snapshot.groups) and bool(snapshot.sequences)
        self.play_button.setEnabled(ready)
        if ready:
            self.status.setText("")
        else:
            missing = []
            if not snapshot.groups:
                missing.append(self.tr("au moins une table"))
            if not snapshot.sequences:
                missing.append(self.tr("au moins une séquence"))
            self.status.setText(
                self.tr("Pour jouer, ajoutez %1.").replace("%1", self.tr(" et ").join(missing))
            )

    def focus_first_field(self) -> None:
        self.info.focus_title()
