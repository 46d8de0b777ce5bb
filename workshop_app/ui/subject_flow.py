"""Adding a subject (a project to rate, a service interviewed) to a deck that rates subjects: the facilitator
names it, and it becomes a sequence of that deck titled by the name (see ``core.deck_subject``). Used by the
set-up's sequences and by the play page's comparison."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QLineEdit, QWidget

from workshop_app.core.deck import QuestionDeck

if TYPE_CHECKING:
    from workshop_app.core.deck_loader import AnyDeck
    from workshop_app.core.workshop import SequenceInfo
    from workshop_app.ui.session import WorkshopSession

MAX_NAME = 200


def _tr(text: str) -> str:
    return QCoreApplication.translate("SubjectFlow", text)


def ask_subject_name(parent: QWidget | None, deck: QuestionDeck) -> str | None:
    """The name the facilitator types, stripped; None when cancelled or left empty."""
    subject = deck.subject
    assert subject is not None
    return ask_name(parent, subject.label, subject.name_prompt(), subject.example)


def ask_criterion_name(parent: QWidget | None, deck: QuestionDeck) -> str | None:
    """The criterion the group chose, as the facilitator types it; None when cancelled."""
    spec = deck.cobuilt
    assert spec is not None
    prompt = _tr("%1 retenu par le groupe (ses propres mots)").replace("%1", spec.label)
    return ask_name(parent, spec.label, prompt, _tr("Faisable avant la fin du mandat"))


def ask_criterion_weight(parent: QWidget | None, name: str) -> int:
    """How much the criterion counts in the ranking: 1 (as the others) to 3; cancelled: 1."""
    weight, ok = QInputDialog.getInt(
        parent,
        _tr("Poids du critère"),
        _tr("Poids de « %1 » dans le classement\n(1 : comme les autres critères, 3 : compte trois fois)")
        .replace("%1", name),
        1,
        1,
        3,
    )
    return weight if ok else 1


def ask_name(parent: QWidget | None, label: str, prompt: str, example: str) -> str | None:
    dialog = QInputDialog(parent)
    dialog.setObjectName("subjectNameDialog")
    dialog.setWindowTitle(_tr("Ajouter : %1").replace("%1", label.lower()))
    dialog.setLabelText(prompt)
    dialog.setInputMode(QInputDialog.InputMode.TextInput)
    dialog.setOkButtonText(_tr("Ajouter"))
    dialog.setCancelButtonText(_tr("Annuler"))
    line = dialog.findChild(QLineEdit)
    if line is not None:
        line.setMaxLength(MAX_NAME)
        line.setPlaceholderText(example)
        width = line.fontMetrics().horizontalAdvance(example or prompt) + 40
        line.setMinimumWidth(max(360, min(640, width)))  # the example is read whole
    if not dialog.exec():
        return None
    return dialog.textValue().strip() or None


def add_subject(
    session: WorkshopSession, deck: AnyDeck, name: str, minutes: int | None = None
) -> SequenceInfo | None:
    """One more sequence of ``deck``, titled by the subject's name, at the end of the workshop."""
    workshop_id = session.workshop_id
    return session.change_setup(lambda s: s.add_sequence(workshop_id, deck, minutes, name[:MAX_NAME]))


def is_subject(deck: AnyDeck | None) -> bool:
    return isinstance(deck, QuestionDeck) and deck.subject is not None
