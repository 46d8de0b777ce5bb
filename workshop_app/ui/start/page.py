"""The start page (Accueil): recent workshops, new / demonstration workshop, available decks, deck import.

It shows what it is given and emits intent (``sig_*``); the main window talks to the service. A YAML file
dropped anywhere on the page is offered for import; so is a workshop archive (.zip), as with Ctrl+O.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelection, QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from workshop_app.ui.start.deck_model import COL_TITLE, ENTRY_ROLE, DeckListModel
from workshop_app.ui.start.page_support import PaintedTable, dropped_paths, table_look
from workshop_app.ui.start.progress_delegate import ProgressDelegate
from workshop_app.ui.start.workshop_model import (
    COL_DECKS,
    COL_PROGRESS,
    COL_TERRITORY,
    PROGRESS_ROLE,
    WorkshopListModel,
)
from workshop_app.ui.start.workshop_model import COL_TITLE as COL_WORKSHOP_TITLE
from workshop_app.ui.start.workshop_search import search_field
from workshop_app.ui.theme import set_role

if TYPE_CHECKING:
    from workshop_app.core.catalogue import DeckEntry
    from workshop_app.services.api import WorkshopSummary


class StartPage(QWidget):
    #: « Nouvel atelier » was asked for
    sig_new_workshop = Signal()
    #: « Ouvrir l'atelier de démonstration » was asked for
    sig_open_demo = Signal()
    #: a workshop of the list is to be opened: its id
    sig_open_workshop = Signal(str)
    #: deck files (.yaml, .yml) and workshop archives (.zip) dropped on the page, to import like Ctrl+O
    sig_files_dropped = Signal(list)
    #: « Importer un jeu… »: the main window asks for files
    sig_browse_decks = Signal()
    #: « Nouveau jeu… »: the deck editor opens on a new deck
    sig_new_deck = Signal()
    #: « Dupliquer et modifier » (a built-in deck) or « Modifier » (one of yours): the selected DeckEntry
    sig_edit_deck = Signal(object)
    #: « Imprimer les cartes… » / « Exporter en tableur… »: (the selected DeckEntry, "print" or "sheet");
    #: an empty workbook: (None, "template-questions" or "template-strategy")
    sig_deck_file = Signal(object, str)
    #: « Réessayer » after the database could not be opened
    sig_retry_store = Signal()
    #: « Supprimer l'atelier… » (button, context menu or Delete key) on a workshop of the list: its id
    sig_delete_workshop = Signal(str)
    #: « Dupliquer (modèle) »: a copy of the chosen workshop without what was played: its id
    sig_duplicate_workshop = Signal(str)
    #: « Comparer… »: the ids of the selected workshops, in the list's order (one or none: ask which)
    sig_compare_workshops = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("startPage")
        self.setAcceptDrops(True)
        self.workshops = WorkshopListModel(self)
        self.decks = DeckListModel(self)
        title = QLabel(self.tr("Atelier Résilience"))
        title.setObjectName("pageTitle")
        subtitle = QLabel(
            self.tr(
                "Préparez, animez et restituez vos ateliers de résilience territoriale, même sans réseau."
            )
        )
        subtitle.setObjectName("muted")
        subtitle.setWordWrap(True)
        self.new_button = QPushButton(self.tr("&Nouvel atelier"))
        self.new_button.setObjectName("newWorkshopButton")
        self.new_button.setDefault(True)
        self.demo_button = QPushButton(self.tr("Ouvrir l’atelier de dé&monstration"))
        self.demo_button.setObjectName("demoButton")
        self.store_label = QLabel()
        self.store_label.setWordWrap(True)
        self.retry_button = QPushButton(self.tr("Réessa&yer"))
        self.retry_button.setVisible(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.demo_button)
        buttons.addWidget(self.store_label, 1)
        buttons.addWidget(self.retry_button)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self._build_workshops())
        splitter.addWidget(self._build_decks())
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([600, 400])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 18)
        layout.addWidget(title)
        layout.addWidget(subtitle)
        layout.addLayout(buttons)
        layout.addWidget(splitter, 1)
        self.new_button.clicked.connect(self.sig_new_workshop)
        self.demo_button.clicked.connect(self.sig_open_demo)
        self.retry_button.clicked.connect(self.sig_retry_store)
        self.set_store_state("opening")

    def _build_workshops(self) -> QWidget:
        box = QWidget()
        heading = QLabel(self.tr("Ateliers &récents"))
        heading.setObjectName("sectionTitle")
        self.workshop_view = PaintedTable()
        self.workshop_view.setObjectName("workshopList")
        heading.setBuddy(self.workshop_view)
        self.workshop_view.setModel(self.workshops)
        self.workshop_view.setItemDelegateForColumn(COL_PROGRESS, ProgressDelegate(PROGRESS_ROLE, self))
        table_look(self.workshop_view)
        self.workshop_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)  # to compare
        header = self.workshop_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_WORKSHOP_TITLE, QHeaderView.ResizeMode.Stretch)
        for column, width in ((COL_TERRITORY, 150), (COL_DECKS, 170), (COL_PROGRESS, 120)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        self.workshop_view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.empty_label = QLabel(
            self.tr(
                "Aucun atelier pour l’instant : créez-en un, ou ouvrez l’atelier de démonstration pour "
                "découvrir l’application."
            )
        )
        self.empty_label.setObjectName("muted")
        self.empty_label.setWordWrap(True)
        self.open_button = QPushButton(self.tr("&Ouvrir l’atelier choisi"))
        self.open_button.setObjectName("openWorkshopButton")
        self.workshop_view.activated.connect(self.on_workshop_activated)
        self.workshop_view.doubleClicked.connect(self.on_workshop_activated)
        self.open_button.clicked.connect(self.on_open_clicked)
        self.delete_button = QPushButton(self.tr("Supprimer l’a&telier…"))
        self.delete_button.setObjectName("deleteWorkshopButton")
        self.delete_button.setToolTip(
            self.tr("Supprime l’atelier choisi et tout ce qu’il contient, après confirmation")
        )
        self.delete_button.clicked.connect(self.on_delete_clicked)
        self.duplicate_button = QPushButton(self.tr("Dupli&quer…"))
        self.duplicate_button.setObjectName("duplicateWorkshopButton")
        self.duplicate_button.setToolTip(self.tr(
            "Un nouvel atelier avec les mêmes jeux, tables et informations, sans les réponses"))
        self.duplicate_button.clicked.connect(self.on_duplicate_clicked)
        self._build_workshop_menu()
        self.compare_button = QPushButton(self.tr("Comparer…"))
        self.compare_button.setObjectName("compareButton")
        self.compare_button.setToolTip(self.tr(
            "Les ateliers choisis (Ctrl+clic), ou ceux d’un territoire ou d’un programme"))
        self.compare_button.clicked.connect(self.on_compare_clicked)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.duplicate_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 8, 8, 0)
        layout.addWidget(heading)
        self.workshop_search = search_field(self.workshops, box)
        search_row = QHBoxLayout()  # « Comparer… » beside the search: the page gets no wider
        search_row.addWidget(self.workshop_search, 1)
        search_row.addWidget(self.compare_button)
        layout.addLayout(search_row)
        layout.addWidget(self.workshop_view, 1)
        layout.addWidget(self.empty_label)
        layout.addLayout(buttons)
        return box

    def _build_workshop_menu(self) -> None:
        """Right click on a workshop: open or delete it; the Delete key deletes it too (while the list has
        the focus only, so Delete keeps its meaning everywhere else)."""
        view = self.workshop_view
        self.open_action = QAction(self.tr("Ouvrir"), view)
        self.open_action.triggered.connect(self.on_open_clicked)
        self.delete_action = QAction(self.tr("Supprimer l’atelier…"), view)
        self.delete_action.setObjectName("deleteWorkshopAction")
        self.delete_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.delete_action.triggered.connect(self.on_delete_clicked)
        view.addActions([self.open_action, self.delete_action])
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

    def _build_decks(self) -> QWidget:
        box = QWidget()
        heading = QLabel(self.tr("Jeux di&sponibles"))
        heading.setObjectName("sectionTitle")
        self.deck_view = QTableView()
        self.deck_view.setObjectName("deckList")
        heading.setBuddy(self.deck_view)
        self.deck_view.setModel(self.decks)
        table_look(self.deck_view)
        header = self.deck_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)
        self.deck_detail = QPlainTextEdit()
        self.deck_detail.setObjectName("deckDetail")
        self.deck_detail.setReadOnly(True)
        self.deck_detail.setTabChangesFocus(True)
        self.deck_detail.setPlaceholderText(
            self.tr("Choisissez un jeu pour voir sa description ou ses erreurs.")
        )
        self.deck_detail.setMaximumHeight(150)
        self.import_button = QPushButton(self.tr("&Importer un jeu (YAML ou tableur)…"))
        self.import_button.setObjectName("importDeckButton")
        hint = QLabel(
            self.tr("ou glissez sur cette page un jeu (.yaml, .xlsx, .ods) ou une archive d’atelier (.zip)")
        )
        hint.setObjectName("muted")
        hint.setWordWrap(True)  # the page stays narrow enough for small screens
        row = QHBoxLayout()
        row.addWidget(self.import_button)
        row.addWidget(hint, 1)
        self.import_button.clicked.connect(self.sig_browse_decks)
        self.new_deck_button = QToolButton()  # its arrow: an empty workbook to fill in a spreadsheet
        self.new_deck_button.setText(self.tr("Nouveau jeu…"))
        self.new_deck_button.setObjectName("newDeckButton")
        self.new_deck_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        templates = QMenu(self.new_deck_button)
        for text, kind in (
            (self.tr("Modèle de tableur vide (questions)…"), "template-questions"),
            (self.tr("Modèle de tableur vide (stratégie)…"), "template-strategy"),
        ):
            action = templates.addAction(text)
            action.triggered.connect(lambda _=False, k=kind: self.sig_deck_file.emit(None, k))
        self.new_deck_button.setMenu(templates)
        self.edit_deck_button = QToolButton()  # its arrow: printed cards and the workbook
        self.edit_deck_button.setText(self.tr("Dupliquer et modifier"))
        self.edit_deck_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        self.edit_deck_button.setObjectName("editDeckButton")
        self.edit_deck_button.setEnabled(False)
        self.new_deck_button.clicked.connect(self.sig_new_deck)
        self.edit_deck_button.clicked.connect(self.on_edit_deck_clicked)
        # printed cards and the workbook sit in the edit button's menu: the page stays narrow (small screens)
        self.print_deck_action = QAction(self.tr("Imprimer les cartes…"), self)
        self.sheet_deck_action = QAction(self.tr("Exporter en tableur…"), self)
        more = QMenu(self.edit_deck_button)
        for action, kind in ((self.print_deck_action, "print"), (self.sheet_deck_action, "sheet")):
            action.setEnabled(False)
            action.triggered.connect(lambda _=False, k=kind: self.on_deck_file_clicked(k))
            more.addAction(action)
        self.edit_deck_button.setMenu(more)
        authoring = QHBoxLayout()
        authoring.addWidget(self.new_deck_button)
        authoring.addWidget(self.edit_deck_button)
        authoring.addStretch(1)
        self.deck_view.selectionModel().selectionChanged.connect(self.on_deck_selection_changed)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(8, 8, 0, 0)
        layout.addWidget(heading)
        layout.addWidget(self.deck_view, 1)
        layout.addWidget(self.deck_detail)
        layout.addLayout(row)
        layout.addLayout(authoring)
        return box

    # -- what the main window feeds in ----------------------------------------------------------------------
    def set_workshops(self, rows: Sequence[WorkshopSummary]) -> None:
        self.workshops.set_rows(rows)
        self.empty_label.setVisible(not rows)
        self._enable_workshop_buttons()
        if rows:
            self.workshop_view.selectRow(0)

    def set_decks(self, entries: Sequence[DeckEntry]) -> None:
        self.decks.set_rows(entries)
        if entries:
            self.deck_view.selectRow(0)

    def set_store_state(self, state: str, message: str = "") -> None:
        """``opening``, ``preview`` (the cached list, buttons usable), ``ready`` or ``error`` (with the French
        message)."""
        ready = state in ("ready", "preview")
        for button in (self.new_button, self.demo_button):
            button.setEnabled(ready)
        self._enable_workshop_buttons()
        self.retry_button.setVisible(state == "error")
        set_role(self.store_label, "error" if state == "error" else "muted")
        if state in ("opening", "preview"):
            self.store_label.setText(self.tr("Ouverture de la base de données…"))
        else:
            self.store_label.setText(message)

    def _enable_workshop_buttons(self) -> None:
        usable = self.new_button.isEnabled() and self.workshops.rowCount() > 0
        for widget in (self.open_button, self.delete_button, self.duplicate_button, self.open_action,
                       self.delete_action, self.compare_button):
            widget.setEnabled(usable)

    def set_demo_busy(self, busy: bool) -> None:
        self.demo_button.setEnabled(not busy)
        self.demo_button.setText(
            self.tr("Préparation de la démonstration…")
            if busy
            else self.tr("Ouvrir l’atelier de dé&monstration")
        )

    def select_deck(self, path: str) -> None:
        row = self.decks.row_of_path(path)
        if row >= 0:
            self.deck_view.selectRow(row)

    # -- handlers -------------------------------------------------------------------------------------------
    def on_workshop_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.sig_open_workshop.emit(self.workshops.summary(index.row()).id)

    def on_open_clicked(self) -> None:
        self.on_workshop_activated(self.workshop_view.currentIndex())

    def on_delete_clicked(self) -> None:
        index = self.workshop_view.currentIndex()
        if index.isValid() and self.delete_button.isEnabled():
            self.sig_delete_workshop.emit(self.workshops.summary(index.row()).id)

    def on_compare_clicked(self) -> None:
        rows = sorted({i.row() for i in self.workshop_view.selectionModel().selectedRows()})
        self.sig_compare_workshops.emit([self.workshops.summary(r).id for r in rows])

    def on_duplicate_clicked(self) -> None:
        index = self.workshop_view.currentIndex()
        if index.isValid() and self.duplicate_button.isEnabled():
            self.sig_duplicate_workshop.emit(self.workshops.summary(index.row()).id)

    def on_deck_selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if not indexes:
            self.deck_detail.clear()
            for button in (self.edit_deck_button, self.print_deck_action, self.sheet_deck_action):
                button.setEnabled(False)
            return
        entry = indexes[0].data(ENTRY_ROLE)
        self.deck_detail.setPlainText(self.describe(entry))
        for button in (self.edit_deck_button, self.print_deck_action, self.sheet_deck_action):
            button.setEnabled(entry.deck is not None)
        self.edit_deck_button.setText(
            self.tr("Dupliquer et modifier") if entry.builtin else self.tr("Modifier le jeu")
        )

    def on_deck_file_clicked(self, kind: str) -> None:
        index = self.deck_view.currentIndex()
        if index.isValid() and index.data(ENTRY_ROLE).deck is not None:
            self.sig_deck_file.emit(index.data(ENTRY_ROLE), kind)

    def on_edit_deck_clicked(self) -> None:
        index = self.deck_view.currentIndex()
        if index.isValid() and index.data(ENTRY_ROLE).deck is not None:
            self.sig_edit_deck.emit(index.data(ENTRY_ROLE))

    def describe(self, entry: DeckEntry) -> str:
        deck = entry.deck
        if deck is None:
            lines = [
                self.tr("Ce jeu ne peut pas être joué : corrigez le fichier %1").replace(
                    "%1", str(entry.path)
                )
            ]
            return "\n".join([*lines, *(f"• {issue}" for issue in entry.issues)])
        head = self.tr("%1 — version %2").replace("%1", deck.title).replace("%2", deck.version)
        parts = [head, deck.compass.name]
        if deck.authors:
            parts.append(deck.authors)
        if deck.description:
            parts.append(deck.description)
        for subset in deck.subsets:  # offered at set-up, in the deck list of the sequences
            text = self.tr("Sous-ensemble : %1 (%2 cartes)")
            parts.append(text.replace("%1", subset.title).replace("%2", str(len(subset.cards))))
        return "\n".join(parts)

    # -- drag and drop --------------------------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.new_button.isEnabled() and dropped_paths(event):  # once the database is open
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = dropped_paths(event)
        if paths:
            event.acceptProposedAction()
            self.sig_files_dropped.emit(paths)
