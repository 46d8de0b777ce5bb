"""The set-up page (Préparation): the workshop's details on the left; on the right two tabs, the tables with
their participants, and the day's programme (sequences and other steps). Every write goes through the
session, which commits it before the page shows it.

The programme's tab is built the first time it is shown or its panels are asked for (``sequences``,
``steps``, its Alt+S key): until then it holds an empty frame, and a facilitator who only seats the tables
never pays for its ~75 widgets (~1.3 MB on the full day, ``tests/benchmarks/bench_memory.py``). Its panels
read the session when they are built, so a late tab shows the same as an early one."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from workshop_app.ui.settings import SETUP_SPLITTER, AppSettings
from workshop_app.ui.setup.groups_panel import GroupsPanel
from workshop_app.ui.setup.info_panel import InfoPanel
from workshop_app.ui.setup.participants_panel import ParticipantsPanel
from workshop_app.ui.splitter_memory import remember_sizes

if TYPE_CHECKING:
    from collections.abc import Callable

    from workshop_app.core.catalogue import DeckEntry
    from workshop_app.ui.session import WorkshopSession
    from workshop_app.ui.setup.sequences_panel import SequencesPanel
    from workshop_app.ui.setup.steps_panel import StepsPanel

TAB_SEATING, TAB_PROGRAMME = range(2)


class SetupPage(QWidget):
    #: « Jouer » was pressed: the main window shows the play page
    sig_play_requested = Signal()

    def __init__(
        self, session: WorkshopSession, settings: AppSettings | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("setupPage")
        self.session = session
        title = QLabel(self.tr("Préparation de l’atelier"))
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
        self.participants = ParticipantsPanel(session)
        self._sequences: SequencesPanel | None = None
        self._steps: StepsPanel | None = None
        self._decks: Sequence[DeckEntry] = ()
        # Two tabs on the right, each with the whole height: no column that scrolls, tables that show rows
        self.seating = self._pair(self.groups, self.participants, (3, 5))
        self.programme = QWidget()  # holds the programme's panels once built
        self.programme.setObjectName("programmeTab")
        frame = QVBoxLayout(self.programme)
        frame.setContentsMargins(0, 0, 0, 0)
        self.setup_tabs = QTabWidget()
        self.setup_tabs.setObjectName("setupTabs")
        self.setup_tabs.addTab(self.seating, self.tr("Tables et participants"))
        self.setup_tabs.addTab(self.programme, self.tr("Programme de la journée"))
        left = QScrollArea()  # only with very large text on a small screen
        left.setWidget(self.info)
        left.setWidgetResizable(True)
        left.setFrameShape(QScrollArea.Shape.NoFrame)
        left.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.details = left
        body = QSplitter(Qt.Orientation.Horizontal)
        body.setObjectName("setupSplitter")
        body.setChildrenCollapsible(False)
        body.addWidget(left)
        body.addWidget(self.setup_tabs)
        body.setStretchFactor(0, 1)
        body.setStretchFactor(1, 1)
        body.setSizes([560, 760])
        self.splitter = body
        if settings is not None:
            remember_sizes(body, settings, SETUP_SPLITTER)  # the facilitator's widths, across sessions
        self._tab_keys = (
            # a panel's mnemonic still reaches it when its tab is hidden (Alt+S from the tables, say)
            self._tab_key("Alt+S", TAB_PROGRAMME, lambda: self.sequences.view),
            self._tab_key("Alt+V", TAB_SEATING, lambda: self.groups.name_edit),
            self._tab_key("Alt+I", TAB_SEATING, lambda: self.participants.add_button),
        )
        self.setup_tabs.currentChanged.connect(self.on_tab_changed)
        self.on_tab_changed(self.setup_tabs.currentIndex())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 18)
        layout.addLayout(header)
        layout.addWidget(body, 1)
        self.play_button.clicked.connect(self.sig_play_requested)
        self.fit_tables()
        session.sig_snapshot.connect(self.refresh)
        self.refresh()

    @staticmethod
    def _pair(top: QWidget, bottom: QWidget, stretch: tuple[int, int]) -> QSplitter:
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        splitter.setStretchFactor(0, stretch[0])
        splitter.setStretchFactor(1, stretch[1])
        splitter.setSizes([stretch[0] * 100, stretch[1] * 100])
        return splitter

    @property
    def sequences(self) -> SequencesPanel:
        """The programme's sequences panel, built now (with the steps) if it was not yet."""
        if self._sequences is None:
            self._build_programme()
        assert self._sequences is not None
        return self._sequences

    @property
    def steps(self) -> StepsPanel:
        """The programme's other steps, built now (with the sequences) if they were not yet."""
        if self._steps is None:
            self._build_programme()
        assert self._steps is not None
        return self._steps

    def programme_built(self) -> bool:
        return self._sequences is not None

    def _build_programme(self) -> None:
        from workshop_app.ui.setup.sequences_panel import SequencesPanel
        from workshop_app.ui.setup.steps_panel import StepsPanel

        self._sequences = SequencesPanel(self.session)
        self._steps = StepsPanel(self.session)
        self._sequences.set_decks(self._decks)
        layout = self.programme.layout()
        assert layout is not None
        pair = self._pair(self._sequences, self._steps, (3, 2))
        layout.addWidget(pair)
        pair.show()  # now, not at the next turn (a child added to a shown frame would wait for it)
        self.fit_tables()

    def _tab_key(
        self, sequence: str, tab: int, target: Callable[[], QWidget]
    ) -> tuple[QShortcut, int, Callable[[], QWidget]]:
        shortcut = QShortcut(QKeySequence(sequence), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(lambda: self.show_tab_and_focus(tab, target()))
        return shortcut, tab, target

    def show_tab_and_focus(self, tab: int, target: QWidget) -> None:
        self.setup_tabs.setCurrentIndex(tab)
        target.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def on_tab_changed(self, index: int) -> None:
        if index == TAB_PROGRAMME and self._sequences is None:
            self._build_programme()
        # on its own tab the panel's label answers the key; two live shortcuts would be ambiguous
        for shortcut, tab, _target in self._tab_keys:
            shortcut.setEnabled(tab != index)

    def fit_tables(self) -> None:
        """Each table keeps room for a few rows whatever the text size; the details column is never narrower
        than its labels and fields need."""
        bar = self.details.verticalScrollBar().sizeHint().width()
        self.details.setMinimumWidth(self.info.minimumSizeHint().width() + bar + 4)
        row = self.fontMetrics().height() + 12
        views = [(self.groups.view, 4), (self.participants.view, 4)]
        if self._sequences is not None:
            views.append((self._sequences.view, 2))
        for view, rows in views:
            view.verticalHeader().setDefaultSectionSize(row)
            view.setMinimumHeight(view.horizontalHeader().sizeHint().height() + rows * row + 4)
        if self._steps is not None:
            self._steps.view.setMinimumHeight(2 * row + 6)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.fit_tables()

    def set_decks(self, entries: Sequence[DeckEntry]) -> None:
        self._decks = entries
        if self._sequences is not None:
            self._sequences.set_decks(entries)

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
