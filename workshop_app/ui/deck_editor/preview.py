"""A card as the projector shows it: its title, its prompt and its own level descriptions (a strategy card:
its cost, delay, upkeep, effects and synergies), in large type."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from workshop_app.core.deck import QuestionCard, QuestionDeck, StrategyCard, StrategyDeck
from workshop_app.core.deck_loader import AnyDeck
from workshop_app.ui.play.card_panel import card_details_text, card_levels_text
from workshop_app.ui.projector import FitText
from workshop_app.ui.theme_ink import Ink, follow_ink


class CardPreview(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cardPreview")
        self.heading = QLabel()
        self.title = FitText(bold=True)
        self.title.max_px = 30
        self.prompt = FitText()
        self.prompt.max_px = 22
        self.prompt.min_px = 8
        self.title.min_px = 10
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 12, 18, 12)
        layout.addWidget(self.heading)
        layout.addWidget(self.title, 1)
        layout.addWidget(self.prompt, 4)
        follow_ink(self, self.on_ink_changed)

    def sizeHint(self) -> QSize:
        return QSize(480, 270)  # the projector's 16:9

    def on_ink_changed(self, colours: Ink) -> None:
        self.setStyleSheet(
            f"QFrame#cardPreview {{ background: {colours.background}; border: 1px solid {colours.border}; }}"
            f"QFrame#cardPreview QLabel {{ color: {colours.muted}; }}"
        )

    def set_card(self, deck: AnyDeck | None, index: int, title: str, prompt: str) -> None:
        """``deck``: the last valid deck (None while the draft is invalid); the typed text is shown anyway."""
        card: QuestionCard | StrategyCard | None = None
        if deck is not None and 0 <= index < len(deck.cards):
            card = deck.cards[index]
        total = len(deck.cards) if deck is not None else index + 1
        self.heading.setText(self.tr("Aperçu de la projection · carte {0} / {1}").format(index + 1, total))
        levels = card_levels_text(deck, card) if isinstance(deck, QuestionDeck) and card is not None else ""
        if isinstance(deck, StrategyDeck) and isinstance(card, StrategyCard):
            levels = card_details_text(deck, card)  # cost, delay, upkeep, effects, synergies: as projected
        self.title.set_text(title)
        self.prompt.set_text(f"{prompt}\n\n{levels}" if levels else prompt)
