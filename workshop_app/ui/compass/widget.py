"""The live compass: radar or bars, principles or levers, a legend, and the coverage always in view.

``set_data`` is cheap: it stores the reading and updates the coverage; the chart is redrawn at the next
event-loop turn, and at most once per ``REDRAW_DELAY_MS`` in a burst (``flush()`` redraws at once). The
charts reuse their items: nothing is created per update.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from workshop_app.core.deck import QuestionDeck
from workshop_app.core.deck_loader import AnyDeck
from workshop_app.core.scoring import CompassReading
from workshop_app.core.workshop import GroupInfo
from workshop_app.ui.coalesce import Coalescer
from workshop_app.ui.compass.bars import BarsView
from workshop_app.ui.compass.method import method_title, show_method
from workshop_app.ui.compass.radar import RadarView
from workshop_app.ui.compass.series import CompassSeries, Target, build_series, has_levers, targets
from workshop_app.ui.theme_ink import Ink, follow_ink, ink, visible_on

RADAR, BARS = "radar", "bars"
REDRAW_DELAY_MS = 16  # a burst of set_data redraws at most once per frame; a lone one at the next turn
MIN_WIDTH = 300  # the radar needs room for its axis labels


class CompassWidget(QWidget):
    #: the facilitator switched between radar and bars ("radar" | "bars"), to remember in COMPASS_VIEW
    sig_view_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._deck: AnyDeck | None = None
        self._reading: CompassReading | None = None
        self._groups: list[GroupInfo] = []
        self._series: CompassSeries | None = None
        self._targets: tuple[tuple[AnyDeck, bool], tuple[Target, ...]] | None = None
        self._legend_key: tuple[object, ...] | None = None
        self.redraws = 0
        self.radar = RadarView()
        self.bars = BarsView()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.radar)
        self.stack.addWidget(self.bars)
        self.radar_button = self._toggle(self.tr("Radar"), self.tr("Afficher la boussole en radar"))
        self.bars_button = self._toggle(self.tr("Barres"), self.tr("Afficher la boussole en barres"))
        self.axes_button = self._toggle(self.tr("Principes"), self.tr("Un point par principe"))
        self.levers_button = self._toggle(self.tr("Leviers"), self.tr("Un point par levier"))
        self._views = QButtonGroup(self)
        self._views.addButton(self.radar_button)
        self._views.addButton(self.bars_button)
        self._detail = QButtonGroup(self)
        self._detail.addButton(self.axes_button)
        self._detail.addButton(self.levers_button)
        self.radar_button.setChecked(True)
        self.axes_button.setChecked(True)
        self.radar_button.toggled.connect(self.on_view_toggled)
        self.levers_button.toggled.connect(self.on_detail_toggled)
        self.title = QLabel(self.tr("Boussole"))
        self.title.setStyleSheet("font-weight: bold;")
        self.legend = QLabel()
        self.legend.setWordWrap(True)
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.coverage_label = QLabel()
        self.coverage_bar = QProgressBar()
        self.coverage_bar.setRange(0, 100)
        self.coverage_bar.setTextVisible(False)
        self.coverage_bar.setMaximumHeight(8)
        self.coverage_bar.setAccessibleName(self.tr("Couverture"))
        self.focus_combo = QComboBox()
        self.focus_combo.setObjectName("compassFocus")
        self.focus_combo.setToolTip(self.tr("Montrer une seule table (la salle reste en pointillés)"))
        self.focus_combo.setAccessibleName(self.tr("Tables montrées sur la boussole"))
        self.focus_combo.addItem(self.tr("Toutes les tables"), "")
        self.focus_combo.activated.connect(lambda _i: self.flush())
        self._method_shown = True
        self.method_button = QToolButton()  # the method in plain words, with the ordinal caveat
        self.method_button.setObjectName("scoreMethodButton")
        self.method_button.setText(method_title())
        self.method_button.setAutoRaise(True)
        self.method_button.clicked.connect(lambda: show_method(self))
        # The title sits above the toggles, and the toggles' width is the widget's minimum (minimumSizeHint):
        # with large text on a 1366-pixel screen a single row left « Pr…es » and « Le…rs ».
        self.controls = QWidget()
        bar = QHBoxLayout(self.controls)
        bar.setContentsMargins(0, 0, 0, 0)
        bar.setSpacing(2)
        for button in (self.radar_button, self.bars_button):
            bar.addWidget(button)
        bar.addStretch(1)
        for button in (self.axes_button, self.levers_button):
            bar.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.title)
        layout.addWidget(self.controls)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.legend)
        layout.addWidget(self.focus_combo)
        layout.addWidget(self.coverage_label)
        layout.addWidget(self.coverage_bar)
        layout.addWidget(self.method_button, 0, Qt.AlignmentFlag.AlignLeft)
        self._timer = Coalescer(self.flush, REDRAW_DELAY_MS, self)
        self._set_coverage(None)
        follow_ink(self.legend, self.on_ink_changed)

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        controls = getattr(self, "controls", None)  # Qt may ask while __init__ is still building them
        if controls is None:
            return QSize(max(hint.width(), MIN_WIDTH), hint.height())
        margins = self.contentsMargins()
        needed = controls.sizeHint().width() + margins.left() + margins.right() + 8
        return QSize(max(hint.width(), needed, MIN_WIDTH), hint.height())

    def _toggle(self, text: str, tip: str) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        button.setCheckable(True)
        button.setAutoRaise(False)
        return button

    # -- public ---------------------------------------------------------------------------------------------
    def set_data(
        self, deck: AnyDeck | None, reading: CompassReading | None, groups: Sequence[GroupInfo]
    ) -> None:
        deck_changed = deck is not self._deck
        self._deck, self._reading, self._groups = deck, reading, list(groups)
        if deck_changed:  # the method is the questions decks' (a strategy's axes are read in its catalogue)
            self.method_button.setVisible(self._method_shown and isinstance(deck, QuestionDeck))
        if deck_changed:
            levers = deck is not None and has_levers(deck)
            self.levers_button.setVisible(levers)
            self.axes_button.setVisible(levers)
            if not levers:
                self.axes_button.setChecked(True)
        self._set_coverage(reading)
        self._timer.request()

    def flush(self) -> None:
        """Redraw now (the timer calls this; tests and benchmarks may too)."""
        self._timer.stop()
        if self._deck is None or self._reading is None:
            return
        levers = self.levers_button.isChecked()
        key = (self._deck, levers)
        if self._targets is None or self._targets[0] != key:  # wrapping the labels is not free: once a deck
            self._targets = (key, targets(self._deck, levers and has_levers(self._deck)))
        self._series = build_series(self._deck, self._reading, self._groups, levers, self._targets[1])
        self._fill_focus()
        shown = self._series.only(self.focused_group())
        self.radar.show_series(shown)
        self.bars.show_series(shown)
        self._show_legend(shown)
        self.redraws += 1

    def paint_now(self) -> None:
        """Paint the chart in view now (a vote is seen in the frame it was made), if it is on screen."""
        if self.bars_button.isChecked():
            if self.bars.isVisible():
                self.bars.repaint()
        elif self.radar.isVisible():
            self.radar.paint_now()

    def focused_group(self) -> str | None:
        """The table shown alone, or None for all of them."""
        return str(self.focus_combo.currentData() or "") or None

    def focus_group(self, group_id: str | None) -> None:
        self.focus_combo.setCurrentIndex(max(0, self.focus_combo.findData(group_id or "")))
        self.flush()

    def _fill_focus(self) -> None:
        groups = sorted(self._groups, key=lambda g: g.position)
        wanted = [("", self.tr("Toutes les tables"))] + [
            (g.id, self.tr("%1 seule").replace("%1", g.name)) for g in groups
        ]
        combo = self.focus_combo
        present = [(combo.itemData(i), combo.itemText(i)) for i in range(combo.count())]
        if present != wanted:
            current = self.focus_combo.currentData()
            self.focus_combo.clear()
            for data, text in wanted:
                self.focus_combo.addItem(text, data)
            self.focus_combo.setCurrentIndex(max(0, self.focus_combo.findData(current)))
        self.focus_combo.setVisible(len(self._groups) > 1 and self.controls.isVisibleTo(self))

    def view(self) -> str:
        return BARS if self.bars_button.isChecked() else RADAR

    def set_view(self, view: str) -> None:
        (self.bars_button if view == BARS else self.radar_button).setChecked(True)

    def set_levers(self, levers: bool) -> None:
        (self.levers_button if levers else self.axes_button).setChecked(True)

    def set_controls_visible(self, visible: bool) -> None:
        self.controls.setVisible(visible)
        self.focus_combo.setVisible(visible and len(self._groups) > 1)
        self._method_shown = visible  # the projector shows no button to the room
        self.method_button.setVisible(visible and isinstance(self._deck, QuestionDeck))

    def set_text_size(self, points: float) -> None:
        """Larger type for the projector."""
        font = self.font()
        font.setPointSizeF(points)
        for widget in (self.legend, self.coverage_label, self.title):
            widget.setFont(font)
        self.radar.set_text_size(points)
        self.bars.set_text_size(points)

    @property
    def series(self) -> CompassSeries | None:
        return self._series

    def coverage_text(self) -> str:
        return self.coverage_label.text()

    # -- handlers -------------------------------------------------------------------------------------------
    def on_view_toggled(self, radar: bool) -> None:
        self.stack.setCurrentWidget(self.radar if radar else self.bars)
        self.sig_view_changed.emit(RADAR if radar else BARS)

    def on_detail_toggled(self, _levers: bool) -> None:
        self.flush()

    def on_ink_changed(self, _colours: Ink) -> None:
        if self._series is not None:  # a table's colour may change to stay visible
            self._show_legend(self._series)

    # -- internals ------------------------------------------------------------------------------------------
    def _set_coverage(self, reading: CompassReading | None) -> None:
        value = reading.room.coverage if reading is not None else 0.0
        percent = round(100 * value)
        text = self.tr("Couverture : {0} %").format(percent)
        if self.coverage_label.text() != text:
            self.coverage_label.setText(text)
            self.coverage_label.setToolTip(
                self.tr("Part des réponses déjà données : un score partiel n’est pas un territoire faible.")
            )
            # QProgressBar.setValue repaints at once, and a repaint paints all the window has pending (the
            # radar too) in the middle of a vote; with updates off it only schedules one, done with the rest.
            self.coverage_bar.setUpdatesEnabled(False)
            self.coverage_bar.setValue(percent)
            self.coverage_bar.setUpdatesEnabled(True)

    def _show_legend(self, series: CompassSeries) -> None:
        """The legend depends on the tables and the colours, not on the votes: rebuilt only when they change
        (each table's colour is checked for contrast, and a new text lays the label out again)."""
        colours = ink()
        key = (tuple((g.name, g.colour) for g in series.groups), colours, self.tr("Salle (moyenne)"))
        if key != self._legend_key:
            self._legend_key = key
            self.legend.setText(self._legend_html(series, colours))

    def _legend_html(self, series: CompassSeries, colours: Ink) -> str:
        parts = [
            f'<span style="color:{visible_on(g.colour, colours)}">■</span>&nbsp;{_nbsp(g.name)}'
            for g in series.groups
        ]
        room = self.tr("Salle (moyenne)")
        parts.append(f"<b>╍╍</b>&nbsp;{_nbsp(room)}")  # box-drawing dashes: no line break after them
        return " &nbsp; ".join(f'<span style="white-space:nowrap">{p}</span>' for p in parts)


def _nbsp(text: str) -> str:
    return escape(text).replace(" ", "&nbsp;")


if __name__ == "__main__":

    def _compass(session: object, _settings: object) -> CompassWidget:
        from workshop_app.ui.session import WorkshopSession

        assert isinstance(session, WorkshopSession)
        widget = CompassWidget()
        widget.set_data(session.deck, session.compass(), session.groups)
        session.sig_event.connect(lambda _e: widget.set_data(session.deck, session.compass(), session.groups))
        return widget

    from workshop_app.ui.play.demo_session import run_preview

    raise SystemExit(run_preview(_compass, (520, 640)))
