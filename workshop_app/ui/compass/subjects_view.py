"""The subjects compared side by side, in place of the radar for a deck that rates subjects (projects,
services): one row per subject, one column per principle (or lever), each cell the room's score read on the
deck's own scale (« +1,5 », « −2 ») or on 0–100, coloured as a strength or a vulnerability.

It only displays ``core.subjects.SubjectMatrix``; adding a subject and going to one are forwarded as
signals (``sig_add_subject``, ``sig_subject_chosen``) for the page to act on.
"""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from workshop_app.core.criteria import Ranked, ranking
from workshop_app.core.subjects import SubjectMatrix, Verdict
from workshop_app.ui.theme_ink import ink

_Index = QModelIndex | QPersistentModelIndex
SEQUENCE_ROLE = Qt.ItemDataRole.UserRole + 1

# (normal look, high contrast): a strength, a vulnerability, neutral
_FILL = {
    Verdict.STRENGTH: ("#B7E1C1", "#1B5E20"),
    Verdict.VULNERABILITY: ("#F6C1B4", "#7F1D1D"),
    Verdict.NEUTRAL: ("#ECEFF3", "#333333"),
}


def column_codes(matrix: SubjectMatrix) -> list[str]:
    """« P1 »… for principles, the lever's own id (« 1.1 ») for levers."""
    axes = [a.id for a in matrix.deck.compass.axes]
    prefix = "C" if matrix.deck.cobuilt is not None else "P"  # criteria, or principles
    return [row.code or f"{prefix}{axes.index(row.axis_id) + 1}" for row in matrix.rows]


class SubjectMatrixModel(QAbstractTableModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.matrix: SubjectMatrix | None = None
        self.current = ""  # the sequence being played: its name in bold, marked « ▶ »
        self._codes: list[str] = []
        self.ranks: dict[str, Ranked] = {}  # a decision grid's ranking, by sequence id (its last column)

    def set_matrix(self, matrix: SubjectMatrix | None, current: str = "") -> None:
        self.beginResetModel()
        self.matrix = matrix
        self.current = current
        self._codes = column_codes(matrix) if matrix is not None else []
        grid = matrix is not None and matrix.deck.cobuilt is not None
        self.ranks = {r.sequence.id: r for r in ranking(matrix)} if grid and matrix is not None else {}
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.matrix is None else len(self.matrix.columns)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.matrix is None else len(self.matrix.rows) + bool(self.ranks)

    def rank_text(self, sequence_id: str) -> str:
        """« 1er · 2,4 » for a decision grid's ranking column; « — » when not rated yet."""
        rank = self.ranks.get(sequence_id)
        if rank is None or rank.score is None or self.matrix is None:
            return "—"
        place = "1er" if rank.rank == 1 else f"{rank.rank}e"
        return f"{place} · {self.matrix.text(rank.score)}"

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        matrix = self.matrix
        if matrix is None:
            return None
        if orientation == Qt.Orientation.Horizontal and self.ranks and section == len(matrix.rows):
            if role == Qt.ItemDataRole.DisplayRole:
                return self.tr("Rang")
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.tr("Classement : moyenne des notes, pondérée par le poids de chaque critère")
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(matrix.rows):
            if role == Qt.ItemDataRole.DisplayRole:
                return self._codes[section]
            if role == Qt.ItemDataRole.ToolTipRole:
                return matrix.rows[section].label
        vertical = orientation == Qt.Orientation.Vertical and 0 <= section < len(matrix.columns)
        if not vertical:
            return None
        subject = matrix.columns[section]
        playing = subject.id == self.current
        if role == Qt.ItemDataRole.DisplayRole:
            return ("▶ " if playing else "") + subject.display_title
        if role == Qt.ItemDataRole.ToolTipRole:
            return subject.display_title + "\n" + self.tr("Double-clic : jouer ce sujet")
        if role == Qt.ItemDataRole.FontRole and playing:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        matrix = self.matrix
        if matrix is None or not index.isValid():
            return None
        if index.column() >= len(matrix.rows):  # a decision grid's ranking
            sequence_id = matrix.columns[index.row()].id
            if role == Qt.ItemDataRole.DisplayRole:
                return self.rank_text(sequence_id)
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignCenter)
            if role == SEQUENCE_ROLE:
                return sequence_id
            return None
        subject, row = matrix.columns[index.row()], matrix.rows[index.column()]
        cell = matrix.cell(row.target_id, subject.id)
        if role == Qt.ItemDataRole.DisplayRole:
            return matrix.text(cell.value)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == SEQUENCE_ROLE:
            return subject.id
        verdict = matrix.verdict(cell.value)
        if role == Qt.ItemDataRole.BackgroundRole and verdict in _FILL:
            return QBrush(QColor(_FILL[verdict][1 if ink().high_contrast else 0]))
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor("#FFFFFF" if ink().high_contrast else "#111111"))
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(matrix, index.row(), index.column())
        return None

    def _tooltip(self, matrix: SubjectMatrix, r: int, c: int) -> str:
        subject, row = matrix.columns[r], matrix.rows[c]
        cell = matrix.cell(row.target_id, subject.id)
        head = f"<b>{escape(subject.display_title)}</b><br>{escape(row.label)} : {matrix.text(cell.value)}"
        if cell.value is None:
            return head + "<br>" + self.tr("Pas encore coté.")
        spread = ""
        if cell.low is not None and cell.high is not None and cell.low != cell.high:
            spread = "<br>" + self.tr("Écart entre les tables : %1 à %2").replace(
                "%1", matrix.text(cell.low)
            ).replace("%2", matrix.text(cell.high))
        answered = "<br>" + self.tr("%1 réponse(s) sur %2").replace("%1", str(cell.answered)).replace(
            "%2", str(cell.total)
        )
        return head + spread + answered


class SubjectsView(QWidget):
    #: the facilitator asked to add a subject (a project, a service) to this deck
    sig_add_subject = Signal()
    #: the facilitator chose a subject's row: its sequence id, to play it
    sig_subject_chosen = Signal(str)
    #: a decision grid: add a criterion the group chose / put the top-ranked actions in the action plan
    sig_add_criterion = Signal()
    sig_to_plan = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = SubjectMatrixModel(self)
        self.title = QLabel()
        self.title.setStyleSheet("font-weight: bold;")
        self.title.setWordWrap(True)
        self.view = QTableView()
        self.view.setObjectName("subjectsView")
        self.view.setModel(self.model)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)  # keep the cells' colours
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.view.horizontalHeader().setMinimumSectionSize(34)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.verticalHeader().setMaximumWidth(170)
        self.view.verticalHeader().setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.activated.connect(self._on_activated)
        self.view.doubleClicked.connect(self._on_activated)
        self.view.verticalHeader().sectionDoubleClicked.connect(self._on_header)
        self.key = QLabel()
        self.key.setObjectName("muted")
        self.key.setWordWrap(True)
        self.key.setTextFormat(Qt.TextFormat.RichText)
        self.legend = QLabel()
        self.legend.setWordWrap(True)
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.add_button = QPushButton()
        self.add_button.setObjectName("addSubjectButton")
        self.add_button.clicked.connect(self.sig_add_subject.emit)
        self.wide_button = QPushButton(self.tr("Tableau en grand…"))
        self.wide_button.setObjectName("wideSubjectsButton")
        self.wide_button.setToolTip(
            self.tr("Le même tableau dans une fenêtre à part, toutes colonnes visibles")
        )
        self.wide_button.clicked.connect(self.show_wide)
        self.wide: QDialog | None = None
        self.controls = True
        self.criterion_button = QPushButton()
        self.criterion_button.setObjectName("addCriterionButton")
        self.criterion_button.clicked.connect(self.sig_add_criterion.emit)
        self.plan_button = QPushButton(self.tr("Vers le plan d’action…"))
        self.plan_button.setObjectName("toPlanButton")
        self.plan_button.setToolTip(
            self.tr(
                "Inscrit les actions en tête du classement au plan d’action (onglet Bilan), où vous "
                "complétez le porteur et l’échéance"
            )
        )
        self.plan_button.clicked.connect(self.sig_to_plan.emit)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.criterion_button)
        buttons.addStretch(1)
        more = QHBoxLayout()
        more.addWidget(self.plan_button)
        more.addStretch(1)
        more.addWidget(self.wide_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.legend)
        layout.addWidget(self.key)
        layout.addLayout(buttons)
        layout.addLayout(more)

    def set_matrix(self, matrix: SubjectMatrix | None, current: str = "") -> None:
        self.model.set_matrix(matrix, current)
        if matrix is None:
            return
        subject = matrix.subject
        self.title.setText(self.tr("Comparaison des %1").replace("%1", subject.plural.lower()))
        self.add_button.setText(self.tr("Ajouter : %1…").replace("%1", subject.label.lower()))
        grid = matrix.deck.cobuilt
        self.criterion_button.setVisible(grid is not None and self.controls)
        self.plan_button.setVisible(grid is not None and self.controls)
        if grid is not None:
            self.criterion_button.setText(self.tr("Ajouter : %1…").replace("%1", grid.label.lower()))
        codes = column_codes(matrix)
        pairs = zip(codes, matrix.rows, strict=True)
        by_lever = any(r.code for r in matrix.rows)  # 18 levers: their names in the headers' tooltips
        self.key.setText(
            escape(self.tr("Survolez un numéro de levier pour lire son libellé."))
            if by_lever
            else " · ".join(f"<b>{escape(code)}</b>&nbsp;{escape(row.label)}" for code, row in pairs)
        )
        header = self.view.horizontalHeader()
        many = len(matrix.rows) > 8
        header.setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents if many else QHeaderView.ResizeMode.Stretch
        )
        if self.model.ranks:  # « 1er · 2,8 » on one line
            header.setSectionResizeMode(len(matrix.rows), QHeaderView.ResizeMode.ResizeToContents)
        self.legend.setText(self._legend(matrix))

    def set_controls_visible(self, visible: bool) -> None:
        """The projector shows the table alone: no buttons for the room."""
        self.controls = visible
        for button in (self.add_button, self.criterion_button, self.plan_button, self.wide_button):
            button.setVisible(visible)

    def show_wide(self) -> None:
        """The same table (the same model) in a window of its own, wide enough for 18 levers."""
        if self.wide is None:
            self.wide = QDialog(self)
            self.wide.setObjectName("subjectsWideDialog")
            view = QTableView(self.wide)
            view.setModel(self.model)
            view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
            view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
            view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            view.doubleClicked.connect(self._on_activated)
            layout = QVBoxLayout(self.wide)
            layout.addWidget(view)
            self.wide.resize(1200, 560)
        matrix = self.model.matrix
        self.wide.setWindowTitle(self.title.text() if matrix is not None else "")
        self.wide.show()
        self.wide.raise_()

    def _legend(self, matrix: SubjectMatrix) -> str:
        lo, hi = matrix.bounds
        scale = (
            (
                self.tr("Cotes sur l’échelle du jeu, de %1 à %2 ; 0 = neutre.")
                if lo < 0
                else self.tr("Notes sur l’échelle du jeu, de %1 à %2.")
            )
            .replace("%1", matrix.text(lo))
            .replace("%2", matrix.text(hi))
            if matrix.signed
            else self.tr("Scores sur 100.")
        )
        index = 1 if ink().high_contrast else 0
        swatch = '<span style="background:{0};">&nbsp;&nbsp;&nbsp;&nbsp;</span>&nbsp;{1}'
        parts = [
            swatch.format(_FILL[Verdict.STRENGTH][index], escape(self.tr("point fort"))),
            swatch.format(_FILL[Verdict.VULNERABILITY][index], escape(self.tr("vulnérabilité"))),
        ]
        if not matrix.columns:
            return escape(self.tr("Aucun sujet pour l’instant : ajoutez-en un."))
        return escape(scale) + "<br>" + " &nbsp; ".join(parts)

    def _on_activated(self, index: _Index) -> None:
        sequence_id = index.data(SEQUENCE_ROLE)
        if sequence_id:
            self.sig_subject_chosen.emit(str(sequence_id))

    def _on_header(self, section: int) -> None:
        matrix = self.model.matrix
        if matrix is not None and 0 <= section < len(matrix.columns):
            self.sig_subject_chosen.emit(matrix.columns[section].id)
