"""The current card, for the facilitator: position, theme, title (large), prompt, and the help in a fold."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from workshop_app.core.deck import QuestionCard, QuestionDeck, StrategyCard, StrategyDeck
from workshop_app.core.deck_loader import AnyDeck
from workshop_app.ui.play.picks_model import card_summary
from workshop_app.ui.play.synergy_words import card_synergy_lines
from workshop_app.ui.theme_ink import Ink, follow_ink


class CardPanel(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cardPanel")
        self.position = QLabel()
        self.theme = QLabel()
        self.title = QLabel()
        self.title.setObjectName("cardTitle")  # its size follows the text size: see theme.stylesheet
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.prompt = QLabel()
        self.prompt.setObjectName("cardPrompt")
        self.prompt.setWordWrap(True)
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.levels = QLabel()  # the card's own description of each level of the scale
        self.levels.setObjectName("cardLevels")
        self.levels.setWordWrap(True)
        self.levels.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.help_toggle = QToolButton()
        self.help_toggle.setCheckable(True)
        self.help_toggle.setText(self.tr("Aide pour l’animateur"))
        self.help_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.help_toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.help_toggle.setAutoRaise(True)
        self.help_toggle.toggled.connect(self.on_help_toggled)
        self.help = QLabel()
        self.help.setWordWrap(True)
        self.help.hide()
        top = QHBoxLayout()
        top.addWidget(self.position)
        top.addStretch(1)
        top.addWidget(self.theme)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self.title)
        layout.addWidget(self.prompt)
        layout.addWidget(self.details)
        layout.addWidget(self.levels)
        layout.addWidget(self.help_toggle, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.help)
        follow_ink(self, self.on_ink_changed)

    def on_ink_changed(self, colours: Ink) -> None:
        """The card's own colours: set on every label, so none inherits the palette's (white in high
        contrast) while standing on the card's background."""
        self.setStyleSheet(
            f"QFrame#cardPanel {{ background: {colours.background}; border: 1px solid {colours.border};"
            f" border-radius: 6px; }}"
            f"QFrame#cardPanel QLabel {{ color: {colours.text}; background: transparent; }}"
            f"QFrame#cardPanel QToolButton {{ color: {colours.text}; }}"
        )
        self.position.setStyleSheet(f"color: {colours.muted};")
        self.theme.setStyleSheet(
            f"background: {colours.chip_background}; color: {colours.chip_text};"
            " border-radius: 8px; padding: 1px 8px;"
        )
        self.details.setStyleSheet(f"color: {colours.info};")
        self.help.setStyleSheet(
            f"background: {colours.help_background}; color: {colours.text};"
            f" border-left: 4px solid {colours.help_border}; padding: 6px;"
        )

    def set_card(self, deck: AnyDeck | None, card_id: str | None, sequence_title: str = "") -> None:
        card: QuestionCard | StrategyCard | None = None
        if deck is not None:
            card = next((c for c in deck.cards if c.id == card_id), None)
        if deck is None or card is None:
            self.position.setText(sequence_title)
            self.title.setText(self.tr("Aucune carte affichée"))
            self.prompt.setText(
                self.tr("Choisissez une carte dans le déroulé, ou ajoutez un jeu à l’atelier.")
            )
            for widget in (self.theme, self.details, self.levels, self.help_toggle, self.help):
                widget.hide()
            return
        index = [c.id for c in deck.cards].index(card.id)
        position = self.tr("{0} · carte {1} / {2}").format(sequence_title, index + 1, len(deck.cards))
        if card.section:
            position += f" · {deck.section_title(card.section) or card.section}"
        self.position.setText(position)
        self.theme.setText(card.theme)
        self.theme.setVisible(bool(card.theme))
        self.title.setText(card.title)
        self.prompt.setText(card.prompt)
        summary = ""
        if isinstance(deck, StrategyDeck) and isinstance(card, StrategyCard):
            summary = card_details_text(deck, card)
        self.details.setText(summary)
        self.details.setVisible(bool(summary))
        levels = card_levels_text(deck, card)
        self.levels.setText(levels)
        self.levels.setVisible(bool(levels))
        self.help.setText(card.help)
        self.help_toggle.setVisible(bool(card.help))
        self.help.setVisible(bool(card.help) and self.help_toggle.isChecked())

    def on_help_toggled(self, shown: bool) -> None:
        self.help_toggle.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)
        self.help.setVisible(shown and bool(self.help.text()))


def card_details_text(deck: StrategyDeck, card: StrategyCard) -> str:
    """« 3 points · moyen terme · entretien 2/3 · Fraîcheur +2 », then a line per synergy with its reason."""
    return "\n".join([card_summary(deck, card), *card_synergy_lines(deck, card, with_reason=True)])


def card_levels_text(deck: AnyDeck, card: QuestionCard | StrategyCard) -> str:
    """« 0 Rien n’existe : … » one level a line, when the card describes its own levels."""
    if not isinstance(deck, QuestionDeck) or not isinstance(card, QuestionCard):
        return ""
    return "\n".join(f"{option.label} : {text}" for option, text in deck.card_levels(card))

