"""The projector window: the current card in large type, the timer, and the compass once it is revealed.

A frameless full-screen window on the screen the facilitator chose (remembered by name in PROJECTOR_SCREEN).
If that screen is missing it opens on the primary one; if the projector is unplugged during the workshop the
window moves to a remaining screen, and back when the projector returns. Results stay hidden until the
facilitator reveals them (``SequenceState.revealed``), so the tables do not influence each other.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt, QTimer
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QGuiApplication,
    QHideEvent,
    QPainter,
    QPaintEvent,
    QScreen,
    QShowEvent,
)
from PySide6.QtWidgets import QHBoxLayout, QLabel, QStackedLayout, QVBoxLayout, QWidget

from workshop_app.core.deck import StrategyCard, StrategyDeck
from workshop_app.core.events import Event, EventKind
from workshop_app.core.programme import STEP_EVENTS, programme_steps
from workshop_app.services.timers import CARD, SEQUENCE, TimerClock, format_duration, timer_key
from workshop_app.ui import projector_subjects
from workshop_app.ui.compass.widget import CompassWidget
from workshop_app.ui.play.card_panel import card_details_text, card_levels_text
from workshop_app.ui.play.step_bar import clock
from workshop_app.ui.session import WorkshopSession
from workshop_app.ui.settings import PROJECTOR_SCREEN, AppSettings
from workshop_app.ui.setup.steps_panel import step_text
from workshop_app.ui.theme_ink import Ink, follow_ink, ink, visible_on

_WRAP = int(Qt.TextFlag.TextWordWrap) | int(Qt.AlignmentFlag.AlignLeft) | int(Qt.AlignmentFlag.AlignTop)
_REVEAL = frozenset({EventKind.RESULTS_REVEALED, EventKind.RESULTS_HIDDEN, EventKind.UNDO, EventKind.REDO})
_SCORING = frozenset({
    EventKind.CHOICE_RECORDED, EventKind.CHOICE_WITHDRAWN, EventKind.CARD_PICKED, EventKind.CARD_DROPPED,
})


class FitText(QWidget):
    """Word-wrapped text at the largest size (up to ``max_px``) that fits the widget: long prompts shrink."""

    def __init__(self, bold: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        self._bold = bold
        self.max_px = 48
        self.min_px = 14
        # (text, width, height, max size) -> the pixel size that fits
        self._fitted: tuple[str, int, int, int, int] | None = None

    def set_text(self, text: str) -> None:
        if text != self._text:
            self._text = text
            self.update()

    def text(self) -> str:
        return self._text

    def fitted_font(self) -> QFont:
        font = QFont("DejaVu Sans")
        font.setBold(self._bold)
        key = (self._text, self.width(), self.height(), self.max_px)
        if self._fitted is None or self._fitted[:4] != key:
            low, high = self.min_px, max(self.min_px, self.max_px)
            while low < high:  # the largest size whose wrapped text fits the rectangle
                mid = (low + high + 1) // 2
                font.setPixelSize(mid)
                used = QFontMetrics(font).boundingRect(QRect(0, 0, self.width(), 100_000), _WRAP, self._text)
                if used.height() <= self.height() and used.width() <= self.width():
                    low = mid
                else:
                    high = mid - 1
            self._fitted = (*key, low)
        font.setPixelSize(self._fitted[4])
        return font

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self._text or self.width() < 10:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.setPen(QColor(ink().text))
        painter.setFont(self.fitted_font())
        painter.drawText(self.rect(), _WRAP, self._text)


class ProjectorWindow(QWidget):
    def __init__(self, session: WorkshopSession, settings: AppSettings) -> None:
        super().__init__(None, Qt.WindowType.Window | Qt.WindowType.FramelessWindowHint)
        self.setWindowTitle(self.tr("Atelier Résilience — projection"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        self._session = session
        self._settings = settings
        self._screen_name = ""
        self.clock = TimerClock.from_events(session.events)
        self.heading = QLabel()
        self.timer = QLabel()
        self.timer.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.title = FitText(bold=True)
        self.prompt = FitText()
        self.compass = CompassWidget()
        self.compass.set_controls_visible(False)
        self.compass.hide()
        self.subjects = projector_subjects.make()  # projects, services: side by side, in place of the radar
        self.budgets = QLabel()  # strategy decks, once revealed: each table's budget and picks
        self.budgets.setObjectName("projectorBudgets")
        self.budgets.setWordWrap(True)
        self.budgets.setTextFormat(Qt.TextFormat.RichText)
        self.budgets.hide()
        self.blank = QWidget()
        self.blank.setStyleSheet("background: #000000;")
        self._build_layout()
        follow_ink(self, self.on_ink_changed)
        self._tick = QTimer(self)
        self._tick.setInterval(500)
        self._tick.timeout.connect(self.refresh_timer)
        self._tick.start()
        session.sig_event.connect(self.on_session_event)
        session.sig_position.connect(self.on_session_position)
        session.sig_snapshot.connect(self.on_session_snapshot)
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.screenRemoved.connect(self.on_screen_removed)
            app.screenAdded.connect(self.on_screen_added)
        self.refresh()

    def _build_layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.timer)
        text = QVBoxLayout()
        text.addWidget(self.title, 2)
        text.addWidget(self.prompt, 3)
        text.addWidget(self.budgets)
        body = QHBoxLayout()
        body.addLayout(text, 1)
        body.addWidget(self.compass, 1)
        body.addWidget(self.subjects, 1)
        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(48, 28, 48, 28)
        column.addLayout(top)
        column.addLayout(body, 1)
        self.stack = QStackedLayout(self)
        self.stack.addWidget(content)
        self.stack.addWidget(self.blank)

    def on_ink_changed(self, colours: Ink) -> None:
        """Black on white, or white on black in high contrast (the card, the timer and the compass alike)."""
        self.setStyleSheet(f"background: {colours.background}; color: {colours.text};")
        self.blank.setStyleSheet("background: #000000;")
        self.title.update()
        self.prompt.update()

    # -- screens --------------------------------------------------------------------------------------------
    def show_on_preferred_screen(self) -> None:
        self._move_to(self._preferred_screen())

    def swap_screen(self) -> None:
        """Move to the next screen and remember it as the projector's."""
        screens = QGuiApplication.screens()
        if not screens:
            return
        names = [s.name() for s in screens]
        current = names.index(self._screen_name) if self._screen_name in names else -1
        target = screens[(current + 1) % len(screens)]
        self._settings.set(PROJECTOR_SCREEN, target.name())
        self._move_to(target)

    def toggle_blank(self) -> None:
        self.stack.setCurrentIndex(0 if self.is_blank() else 1)

    def is_blank(self) -> bool:
        return self.stack.currentIndex() == 1

    def screen_name(self) -> str:
        return self._screen_name

    def _preferred_screen(self, excluding: QScreen | None = None) -> QScreen | None:
        screens = [s for s in QGuiApplication.screens() if s is not excluding]
        wanted = self._settings.get(PROJECTOR_SCREEN)
        for screen in screens:
            if wanted and screen.name() == wanted:
                return screen
        primary = QGuiApplication.primaryScreen()
        if not wanted and len(screens) > 1:  # never chosen: the projector is usually the other screen
            return next((s for s in screens if s is not primary), screens[0])
        if primary is not None and primary in screens:
            return primary
        return screens[0] if screens else None

    def _move_to(self, screen: QScreen | None) -> None:
        if screen is None:
            return
        self._screen_name = screen.name()
        was_full = self.isFullScreen()
        if was_full:
            self.showNormal()
        handle = self.windowHandle()
        if handle is not None:
            handle.setScreen(screen)
        self.setGeometry(screen.geometry())
        self._scale_to(screen.geometry().height())
        self.showFullScreen()

    def on_screen_removed(self, screen: QScreen) -> None:
        """The projector was unplugged: carry on on a remaining screen (its name stays remembered)."""
        if not self.isVisible() or screen.name() != self._screen_name:
            return
        self._move_to(self._preferred_screen(excluding=screen))

    def on_screen_added(self, screen: QScreen) -> None:
        if self.isVisible() and screen.name() == self._settings.get(PROJECTOR_SCREEN) != self._screen_name:
            self._move_to(screen)

    def _scale_to(self, height: int) -> None:
        height = max(height, 480)
        self.title.max_px = height // 11
        self.prompt.max_px = height // 17
        small = QFont("DejaVu Sans")
        small.setPixelSize(max(14, height // 32))
        self.heading.setFont(small)
        clock = QFont("DejaVu Sans Mono")
        clock.setBold(True)
        clock.setPixelSize(max(18, height // 16))
        self.timer.setFont(clock)
        self.compass.set_text_size(max(12.0, height / 56))
        projector_subjects.set_text_size(self.subjects, max(12.0, height / 56))
        budgets = QFont("DejaVu Sans")
        budgets.setPixelSize(max(14, height // 42))
        self.budgets.setFont(budgets)
        self.update()

    # -- session signals ------------------------------------------------------------------------------------
    def on_session_event(self, event: Event) -> None:
        if event.kind in STEP_EVENTS:
            self.refresh()  # a pause starts or ends: the room sees it
        elif self.clock.apply(event):
            self.refresh_timer()
        elif event.kind in _REVEAL:
            self.refresh_compass()
        elif event.kind in _SCORING and self.compass.isVisible():
            self.refresh_compass()  # coalesced by the compass's own timer

    def on_session_position(self, _sequence_id: str, _card_id: str) -> None:
        self.refresh()

    def on_session_snapshot(self) -> None:
        self.refresh()

    # -- display --------------------------------------------------------------------------------------------
    def refresh(self) -> None:
        if self._show_running_step():
            self.refresh_timer()
            self.refresh_compass()
            return
        deck = self._session.deck
        seq = self._session.sequence()
        card = next((c for c in deck.cards if c.id == self._session.card_id), None) if deck else None
        if seq is not None and card is not None and deck is not None:
            index = [c.id for c in deck.cards].index(card.id) + 1
            heading = self.tr("{0} · carte {1} / {2}").format(seq.display_title, index, len(deck.cards))
            self.heading.setText(heading)
            self.title.set_text(card.title)
            levels = card_levels_text(deck, card)
            if isinstance(deck, StrategyDeck) and isinstance(card, StrategyCard):
                levels = card_details_text(deck, card)  # cost, delay, upkeep, effects and synergies
            self.prompt.set_text(f"{card.prompt}\n\n{levels}" if levels else card.prompt)
        else:
            self.heading.setText(seq.display_title if seq else "")
            self.title.set_text(self._session.snapshot.info.title)
            self.prompt.set_text("")
        self.refresh_timer()
        self.refresh_compass()

    def _show_running_step(self) -> bool:
        """While a step that is not a deck runs (a pause, the welcome…), the room sees it, not a card."""
        step = next((s for s in programme_steps(self._session.events) if s.running), None)
        if step is None or step.started_at is None:
            return False
        self.heading.setText(self.tr("Hors jeu"))
        self.title.set_text(step_text(step.kind, step.label))
        since = self.tr("depuis %1").replace("%1", clock(step.started_at))
        if step.planned_minutes:
            since += self.tr(" · prévu : %1 min").replace("%1", str(step.planned_minutes))
        self.prompt.set_text(since)
        return True

    def revealed(self) -> bool:
        return self._session.sequence_id is not None and self._session.sequence_state().revealed

    def refresh_compass(self) -> None:
        shown = self.revealed()
        if projector_subjects.refresh(self.subjects, self._session, shown):
            self.compass.hide()
        else:
            if shown:
                self.compass.set_data(self._session.deck, self._session.compass(), self._session.groups)
            self.compass.setVisible(shown)
        self.refresh_budgets(shown)

    def refresh_budgets(self, shown: bool) -> None:
        """Strategy decks, revealed: « ■ Les Coteaux — 18 / 20 points : A, B, C » for each table."""
        deck = self._session.deck
        if not shown or not isinstance(deck, StrategyDeck):
            self.budgets.hide()
            return
        from html import escape

        from workshop_app.services.strategy_summary import table_strategies
        from workshop_app.ui.play.picks_model import amount

        colours = ink()
        lines = []
        for row in table_strategies(deck, self._session.sequence_state().picks, self._session.groups):
            spent = self.tr("%1 / %2").replace("%1", str(row.spent)).replace(
                "%2", amount(row.budget, deck.strategy.budget_unit))
            warn = colours.error if row.over else colours.text
            count = len(row.picks)
            picks = self.tr("%1 carte") if count <= 1 else self.tr("%1 cartes")
            parts = [escape(picks.replace("%1", str(count)))]
            if row.synergies:
                pairs = self.tr("⇄ %1 synergie") if row.synergies == 1 else self.tr("⇄ %1 synergies")
                parts.append(escape(pairs.replace("%1", str(row.synergies))))
            if row.broken:
                rules = self.tr("⚠ %1 règle non respectée") if row.broken == 1 else self.tr(
                    "⚠ %1 règles non respectées")
                broken = escape(rules.replace("%1", str(row.broken)))
                parts.append(f'<span style="color:{colours.error}">{broken}</span>')
            lines.append(
                f'<span style="color:{visible_on(row.colour, colours)}">■</span> <b>{escape(row.name)}</b> — '
                f'<span style="color:{warn}">{escape(spent)}</span> · ' + " · ".join(parts)
            )
        self.budgets.setText("<br>".join(lines))
        self.budgets.show()

    def refresh_timer(self) -> None:
        seq, card = self._session.sequence_id or "", self._session.card_id or ""
        card_key, seq_key = timer_key(CARD, seq, card), timer_key(SEQUENCE, seq)
        running = self.clock.running(card_key) or self.clock.running(seq_key)
        key = card_key if self.clock.running(card_key) or not self.clock.running(seq_key) else seq_key
        elapsed = self.clock.elapsed(key)
        text = format_duration(elapsed) if (running or elapsed) else ""
        if self.timer.text() != text:
            self.timer.setText(text)

    def showEvent(self, event: QShowEvent) -> None:
        self._tick.start()
        self.refresh()
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        self._tick.stop()  # hidden (F5 again) or closed: no ticking for nobody
        super().hideEvent(event)


if __name__ == "__main__":
    from workshop_app.ui.play.demo_session import run_preview

    def _projector(session: WorkshopSession, settings: AppSettings) -> ProjectorWindow:
        window = ProjectorWindow(session, settings)
        QTimer.singleShot(0, window.show_on_preferred_screen)
        return window

    raise SystemExit(run_preview(_projector))
