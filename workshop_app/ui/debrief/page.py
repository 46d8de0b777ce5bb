"""The debrief: strengths and vulnerabilities proposed from the scores (editable), what was felt, what
happened, what transfers, agreement between tables, and the action plan; then « Exporter le compte-rendu ».

Every edit is saved through the service when it is committed (a list edit, a text box losing the focus, a
table cell); a refusal (AtelierError) goes to ``session.sig_error`` and the screen keeps what is stored.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise
from typing import Any, TypeVar

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workshop_app.core.errors import AtelierError
from workshop_app.core.workshop import ActionItem, Debrief
from workshop_app.services.debrief import lever_choices, mark_origins, merge, propose, validate
from workshop_app.ui.debrief.actions_model import (
    COL_ACTION,
    COL_DEADLINE,
    COL_LEVER,
    COL_OWNER,
    ActionPlanModel,
)
from workshop_app.ui.debrief.delegates import DateDelegate, LeverDelegate
from workshop_app.ui.debrief.editors import CommitTextEdit, FindingsList, TypingTableView
from workshop_app.ui.session import WorkshopSession

T = TypeVar("T")


class DebriefPage(QWidget):
    #: the facilitator asked for the compte-rendu; everything typed is saved before this is emitted
    sig_export_requested = Signal()
    # end of the workshop: « Sauvegarder sur une clé… » (all the data, to a folder the facilitator picks)
    sig_backup_requested = Signal()

    def __init__(self, session: WorkshopSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._proposed_once = False
        self._proposed: tuple[str, ...] = ()  # the lines the app proposed in this visit (« proposed »)
        snapshot = session.snapshot
        self.strengths = FindingsList(self.tr("Points forts"))
        self.vulnerabilities = FindingsList(self.tr("Vulnérabilités"))
        self.propose_button = QPushButton(self.tr("Proposer d’après les résultats"))
        self.propose_button.setToolTip(self.tr(
            "Ajoute les points forts, vulnérabilités et désaccords que les scores suggèrent. "
            "Ce sont des auto-évaluations des tables : relisez, reformulez, supprimez."
        ))
        self.propose_button.clicked.connect(self.on_propose_clicked)
        self.validate_button = QPushButton(self.tr("Valider les propositions"))
        self.validate_button.setToolTip(self.tr(
            "Les lignes proposées par l’application et gardées telles quelles seront présentées dans le "
            "compte-rendu comme « validées par l’animation »."
        ))
        self.validate_button.clicked.connect(self.on_validate_clicked)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #4A4F55;")
        self.felt = self._text_box(self.tr("Ce qui a été ressenti…"))
        self.happened = self._text_box(self.tr("Ce qui s’est passé…"))
        self.transfer = self._text_box(self.tr("Ce qui se transpose dans la réalité…"))
        self.agreement = self._text_box(self.tr("Accords et désaccords entre les tables…"))
        self.plan = ActionPlanModel(snapshot.actions, lever_choices(snapshot), self._save_action, self)
        self.table = TypingTableView()
        self.table.setModel(self.plan)
        self.table.setAccessibleName(self.tr("Plan d’action"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.setWordWrap(True)
        self.lever_delegate = LeverDelegate(self.plan.levers, self.table)
        self.date_delegate = DateDelegate(self.table)
        self.date_delegate.sig_refused.connect(self.on_date_refused)
        self.table.setItemDelegateForColumn(COL_DEADLINE, self.date_delegate)
        self.plan_message = QLabel()
        self.plan_message.setObjectName("planMessage")
        self.plan_message.setWordWrap(True)
        self.plan_message.setStyleSheet("color: #B03A2E; font-weight: bold;")
        self.plan_message.hide()
        self.table.setItemDelegateForColumn(COL_LEVER, self.lever_delegate)
        header = self.table.horizontalHeader()
        self._header = header
        header.setSectionResizeMode(COL_ACTION, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_OWNER, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_DEADLINE, QHeaderView.ResizeMode.Fixed)
        self._size_deadline_column()
        header.setSectionResizeMode(COL_LEVER, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(COL_OWNER, 160)
        self.add_action_button = QPushButton(self.tr("Ajouter une action"))
        self.add_action_button.clicked.connect(self.on_add_action_clicked)
        self.remove_action_button = QPushButton(self.tr("Supprimer l’action"))
        self.remove_action_button.clicked.connect(self.on_remove_action_clicked)
        self.photos_button = QPushButton(self.tr("Photos…"))
        self.photos_button.setToolTip(self.tr("Photos des tableaux et des post-its (Ctrl+Maj+P)"))
        self.photos_button.clicked.connect(self.on_photos_clicked)
        self.export_button = QPushButton(self.tr("Exporter le compte-rendu"))
        self.export_button.setDefault(True)
        self.export_button.setStyleSheet("font-weight: bold; padding: 6px 14px;")
        self.export_button.clicked.connect(self.on_export_clicked)
        self.backup_button = QPushButton(self.tr("Sauvegarder sur une clé…"))
        self.backup_button.setObjectName("backupButton")
        self.backup_button.setToolTip(
            self.tr("Fin de l’atelier : une copie de toutes les données (photos comprises) où vous voulez")
        )
        self.backup_button.clicked.connect(self.on_backup_clicked)
        self._build_layout()
        resized = self._header.sectionResized
        for signal in (self.plan.modelReset, self.plan.rowsInserted, self.plan.dataChanged, resized):
            signal.connect(self.table.resizeRowsToContents)
        self.table.resizeRowsToContents()
        self.strengths.sig_committed.connect(self.on_findings_committed)
        self.vulnerabilities.sig_committed.connect(self.on_findings_committed)
        for box in (self.felt, self.happened, self.transfer, self.agreement):
            box.sig_committed.connect(self.on_text_committed)
        session.sig_snapshot.connect(self.on_session_snapshot)
        self._show(snapshot.debrief)

    def _text_box(self, placeholder: str) -> CommitTextEdit:
        box = CommitTextEdit()
        box.setPlaceholderText(placeholder)
        box.setAccessibleName(placeholder.rstrip("…"))
        return box

    def _build_layout(self) -> None:
        findings = QHBoxLayout()
        findings.addWidget(self.strengths, 1)
        findings.addWidget(self.vulnerabilities, 1)
        texts = QGridLayout()
        for column, (title, box) in enumerate((
            (self.tr("Ressenti"), self.felt), (self.tr("Ce qui s’est passé"), self.happened),
            (self.tr("Transfert dans la réalité"), self.transfer),
            (self.tr("Accords et désaccords"), self.agreement),
        )):
            label = QLabel(title)
            label.setStyleSheet("font-weight: bold;")
            label.setBuddy(box)
            texts.addWidget(label, 0, column)
            texts.addWidget(box, 1, column)
        plan_bar = QHBoxLayout()
        plan_title = QLabel(self.tr("Plan d’action"))
        plan_title.setStyleSheet("font-weight: bold;")
        plan_bar.addWidget(plan_title, 1)
        plan_bar.addWidget(self.add_action_button)
        plan_bar.addWidget(self.remove_action_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.propose_button)
        bottom.addWidget(self.validate_button)
        bottom.addWidget(self.hint, 1)
        bottom.addWidget(self.backup_button)
        bottom.addWidget(self.photos_button)
        bottom.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(findings, 2)
        layout.addLayout(texts, 2)
        layout.addLayout(plan_bar)
        layout.addWidget(self.table, 3)
        layout.addWidget(self.plan_message)
        layout.addLayout(bottom)
        order = (self.agreement, self.add_action_button, self.remove_action_button, self.table,
                 self.propose_button, self.validate_button, self.photos_button, self.backup_button,
                 self.export_button)
        for before, after in pairwise(order):  # Tab follows what is seen, top to bottom
            QWidget.setTabOrder(before, after)

    # -- showing --------------------------------------------------------------------------------------------
    def _show(self, debrief: Debrief) -> None:
        self._show_origins(debrief)
        self.strengths.set_lines(debrief.strengths)
        self.vulnerabilities.set_lines(debrief.vulnerabilities)
        self.felt.set_saved_text(debrief.felt)
        self.happened.set_saved_text(debrief.happened)
        self.transfer.set_saved_text(debrief.transfer)
        self.agreement.set_saved_text(debrief.agreement)

    def _show_origins(self, debrief: Debrief) -> None:
        """« Valider les propositions » is offered while lines the app proposed wait for the facilitator."""
        waiting = sum(1 for _, origin in debrief.origins if origin == "proposed")
        origins = dict(debrief.origins)
        self.strengths.set_origins(origins)
        self.vulnerabilities.set_origins(origins)
        if waiting and not self.hint.text():
            self.hint.setText(self._proposals_hint())
        self.validate_button.setEnabled(waiting > 0)
        if waiting:
            self.validate_button.setText(self.tr("Valider les propositions (%n)", "", waiting))
        else:
            self.validate_button.setText(self.tr("Valider les propositions"))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.table.resizeRowsToContents()

    def _size_deadline_column(self) -> None:
        """Wide enough for the longest deadline in full and for its editor with the calendar button."""
        metrics = self.table.fontMetrics()
        longest = max(metrics.horizontalAdvance(text) for text in (
            "mercredi 30 septembre 2026", "jj/mm/aaaa", self.tr("Échéance")))
        self._header.resizeSection(COL_DEADLINE, longest + 48)

    def on_date_refused(self, message: str) -> None:
        self.plan_message.setText(message)
        self.plan_message.show()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._size_deadline_column()
        self.table.resizeRowsToContents()
        debrief = self._session.snapshot.debrief
        if not self._proposed_once and not (debrief.strengths or debrief.vulnerabilities):
            self._proposed_once = True
            self.propose()

    def on_session_snapshot(self) -> None:
        snapshot = self._session.snapshot
        self._show(snapshot.debrief)
        self.plan.reset_items(snapshot.actions, lever_choices(snapshot))
        self.lever_delegate.levers = self.plan.levers

    # -- debrief --------------------------------------------------------------------------------------------
    def propose(self) -> None:
        """Add what the scores suggest to the lists (and the disagreements to an empty box), then save."""
        found = propose(self._session.live_snapshot())
        self._proposed = (*self._proposed, *found.strengths, *found.vulnerabilities)
        self.strengths.set_lines(merge(self.strengths.lines(), found.strengths))
        self.vulnerabilities.set_lines(merge(self.vulnerabilities.lines(), found.vulnerabilities))
        if found.disagreements and not self.agreement.toPlainText().strip():
            text = self.tr("Désaccords :") + "\n" + "\n".join(f"• {line}" for line in found.disagreements)
            self.agreement.set_saved_text(text)
        if found.empty:
            self.hint.setText(self.tr("Pas encore assez de réponses pour proposer des points forts."))
        else:
            self.hint.setText(self._proposals_hint())
        self.save_debrief()

    def _proposals_hint(self) -> str:
        return self.tr(
            "En italique : proposé par l’application d’après les scores (auto-évaluation des tables), à "
            "relire et valider. Entre parenthèses : le score de la salle, puis l’écart entre les tables."
        )

    def current_debrief(self) -> Debrief:
        """What the screen shows, each line of the lists with who wrote it (see core.findings.Origin)."""
        return mark_origins(Debrief(
            strengths=tuple(self.strengths.lines()),
            vulnerabilities=tuple(self.vulnerabilities.lines()),
            felt=self.felt.toPlainText().strip(),
            happened=self.happened.toPlainText().strip(),
            transfer=self.transfer.toPlainText().strip(),
            agreement=self.agreement.toPlainText().strip(),
            origins=self._session.snapshot.debrief.origins,
        ), self._proposed)

    def save_debrief(self) -> bool:
        debrief = self.current_debrief()
        if debrief == self._session.snapshot.debrief:
            return True
        if not self._run(lambda: self._session.service.set_debrief(self._session.workshop_id, debrief)):
            return False
        self._session.patch_snapshot(debrief=debrief)
        for box in (self.felt, self.happened, self.transfer, self.agreement):
            box.set_saved_text(box.toPlainText().strip())
        self._show_origins(debrief)
        return True

    def on_findings_committed(self, _lines: list[str]) -> None:
        self.save_debrief()

    def on_text_committed(self, _text: str) -> None:
        self.save_debrief()

    def on_propose_clicked(self) -> None:
        self.propose()

    def on_validate_clicked(self) -> None:
        """The facilitator keeps the proposed lines as they are: they become « validated »."""
        debrief = validate(self.current_debrief())
        if self._run(lambda: self._session.service.set_debrief(self._session.workshop_id, debrief)):
            self._session.patch_snapshot(debrief=debrief)
            self._show_origins(debrief)

    # -- action plan ----------------------------------------------------------------------------------------
    def _save_action(self, action_id: str, fields: dict[str, Any]) -> ActionItem | None:
        self.plan_message.hide()
        saved = self._call(lambda: self._session.service.update_action(action_id, **fields))
        if saved is not None:  # the model stores ``saved`` only after this returns: patch with it already
            actions = tuple(saved if a.id == saved.id else a for a in self.plan.items())
            self._session.patch_snapshot(actions=actions)
        return saved

    @Slot()
    def add_action(self) -> None:
        """A new line in the action plan, its « action » cell open for typing (the shell's Ctrl+Shift+A)."""
        self.on_add_action_clicked()

    @Slot()
    def remove_action(self) -> None:
        self.on_remove_action_clicked()

    def on_add_action_clicked(self) -> None:
        item = self._call(lambda: self._session.service.add_action(
            self._session.workshop_id, self.tr("Nouvelle action")))
        if item is None:
            return
        row = self.plan.append_item(item)
        self._session.patch_snapshot(actions=tuple(self.plan.items()))
        index = self.plan.index(row, COL_ACTION)
        self.table.setCurrentIndex(index)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        self.table.edit(index)

    def on_remove_action_clicked(self) -> None:
        index = self.table.currentIndex()
        if not index.isValid():
            return
        item = self.plan.items()[index.row()]
        if not self._run(lambda: self._session.service.remove_action(item.id)):
            return
        self.plan.remove_item(item.id)
        self._session.patch_snapshot(actions=tuple(self.plan.items()))

    def on_photos_clicked(self) -> None:
        from workshop_app.ui.debrief.photos_dialog import open_photos

        open_photos(self._session, self)

    # -- export ---------------------------------------------------------------------------------------------
    def on_backup_clicked(self) -> None:
        for box in (self.felt, self.happened, self.transfer, self.agreement):
            box.commit()
        if self.save_debrief():
            self.sig_backup_requested.emit()

    def on_export_clicked(self) -> None:
        for box in (self.felt, self.happened, self.transfer, self.agreement):
            box.commit()
        if self.save_debrief():
            self.sig_export_requested.emit()

    def _call(self, call: Callable[[], T]) -> T | None:
        """Run a service call; an AtelierError goes to the session's error signal (None), not a traceback."""
        try:
            return call()
        except AtelierError as exc:
            self._session.sig_error.emit(str(exc))
            return None

    def _run(self, call: Callable[[], None]) -> bool:
        try:
            call()
        except AtelierError as exc:
            self._session.sig_error.emit(str(exc))
            return False
        return True


if __name__ == "__main__":
    from workshop_app.ui.play.demo_session import run_preview

    raise SystemExit(run_preview(lambda session, _settings: DebriefPage(session)))
