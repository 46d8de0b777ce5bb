"""A table's row: the chosen wording beside the scale, laid out again only when its height changes."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget
from test_play_support import question_deck

from workshop_app.core.state import Answer
from workshop_app.core.workshop import GroupInfo
from workshop_app.ui.play.question_row import QuestionRow


class _LayoutRequests(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:
            self.count += 1
        return False


def _answer(option: str) -> Answer:
    return Answer(option, "", 1, datetime.now(UTC))


def test_the_chosen_wording_shows_without_laying_the_rows_out_again(qtbot: Any) -> None:
    holder = QWidget()
    qtbot.addWidget(holder)
    layout = QVBoxLayout(holder)
    row = QuestionRow(GroupInfo("g1", "Table 1", "#0072B2", 0), 1, question_deck())
    layout.addWidget(row)
    holder.resize(700, 200)
    holder.show()
    QApplication.processEvents()
    requests = _LayoutRequests()
    row.installEventFilter(requests)
    for option in ("s2", "s4", "nc", "s0"):
        row.set_answer(_answer(option))
        QApplication.processEvents()
    row.set_answer(None)
    QApplication.processEvents()
    assert requests.count == 0  # one line each: the row keeps its layout
    row.set_answer(_answer("s4"))
    assert row._chosen.text() == "Exemplaire" and row.chosen() == "s4"
    assert row._chosen.label.geometry() == row._chosen.rect()


def test_a_wording_on_two_lines_is_given_its_height(qtbot: Any) -> None:
    """Narrow row, larger text: « Non concerné » wraps, and the row makes room for both lines."""
    holder = QWidget()
    qtbot.addWidget(holder)
    layout = QVBoxLayout(holder)
    row = QuestionRow(GroupInfo("g1", "Table 1", "#0072B2", 0), 1, question_deck())
    layout.addWidget(row)
    layout.addStretch(1)  # as in the list of tables: rows take the height they ask for
    chosen = row._chosen
    chosen._words = ["Non"]  # a narrow minimum, so that the wording has to wrap
    font = chosen.label.font()
    font.setPointSizeF(font.pointSizeF() * 2.5)
    chosen.label.setFont(font)
    holder.show()
    QApplication.processEvents()
    holder.resize(holder.minimumSizeHint().width(), 600)
    QApplication.processEvents()
    before = row.height()
    row.set_answer(_answer("nc"))
    width = chosen.width()
    assert chosen.label.fontMetrics().horizontalAdvance("Non concerné") > width  # it wraps …
    two_lines = chosen.label.heightForWidth(width)
    assert two_lines > chosen.label.fontMetrics().height() * 1.5
    qtbot.waitUntil(lambda: chosen.height() >= two_lines, timeout=2000)  # … and both lines are shown
    assert row.height() > before
