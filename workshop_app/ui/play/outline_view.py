"""The outline as the facilitator sees it: card titles wrap onto a second line instead of being cut after a
dozen letters (« Et si l… » tells nothing when every question starts with « Et si »); longer ones end with
« … » and show whole in the tooltip. The title column takes all the width the splitter gives the outline.

Row heights depend on the column's width, so they are laid out again when it changes, not on each vote.
A vote changes a card's « 3/4 », and Qt then measures that row's height again: the delegate remembers the
heights it measured (by title, font and width) so that this costs a dictionary look-up, not a text layout.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QFontMetricsF
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QWidget,
)

from workshop_app.ui.play.outline_model import COL_PROGRESS, COL_TITLE, OutlineModel

MAX_LINES = 2  # a third line would halve how many cards the outline shows at 1366×768
_CACHE_LIMIT = 4096  # heights remembered; far more than an outline's titles at a few widths and sizes

_Index = QModelIndex | QPersistentModelIndex


class WrappedTitleDelegate(QStyledItemDelegate):
    """Titles wrapped on words, at most ``MAX_LINES`` lines (Qt elides the last one when more is needed)."""

    def __init__(self, view: QTreeView) -> None:
        super().__init__(view)
        self._view = view
        self._heights: dict[tuple[object, ...], QSize] = {}

    def forget_sizes(self) -> None:
        """The style or the fonts changed: measure again."""
        self._heights.clear()

    def initStyleOption(self, option: QStyleOptionViewItem, index: _Index) -> None:
        super().initStyleOption(option, index)
        option.features |= QStyleOptionViewItem.ViewItemFeature.WrapText
        option.textElideMode = Qt.TextElideMode.ElideRight

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        """One line's height (as the style measures it, padding included) plus the extra wrapped lines."""
        font = index.data(Qt.ItemDataRole.FontRole)
        key = (
            index.data(Qt.ItemDataRole.DisplayRole), self._text_width(index, option), option.font.key(),
            font.key() if isinstance(font, QFont) else "", option.decorationSize.height(),
            id(self._view.style()),
        )
        size = self._heights.get(key)
        if size is None:
            if len(self._heights) >= _CACHE_LIMIT:
                self._heights.clear()
            size = self._heights[key] = self._measure(option, index)
        return QSize(size)

    def _measure(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        one = QStyleOptionViewItem(option)
        self.initStyleOption(one, index)
        text = one.text
        one.text = "Xg"
        one.features &= ~QStyleOptionViewItem.ViewItemFeature.WrapText
        style = self._view.style()
        size = style.sizeFromContents(QStyle.ContentsType.CT_ItemViewItem, one, QSize(), self._view)
        width = self._text_width(index, option)
        if width <= 0 or not text:
            return size
        metrics = QFontMetrics(one.font)
        used = metrics.boundingRect(QRect(0, 0, width, 10_000), int(Qt.TextFlag.TextWordWrap), text)
        lines = max(1, min(MAX_LINES, round(used.height() / max(1, metrics.lineSpacing()))))
        # Qt lays wrapped lines out at the font's fractional height: round up, plus a pixel a line, or the
        # second line does not fit and only the first one is drawn (elided)
        line = QFontMetricsF(one.font).height()
        extra = math.ceil(lines * line) - math.ceil(line) + (lines - 1)
        return QSize(size.width(), size.height() + extra)

    def _text_width(self, index: _Index, option: QStyleOptionViewItem) -> int:
        depth = 0
        parent = index.parent()
        while parent.isValid():
            depth += 1
            parent = parent.parent()
        style = self._view.style()
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, option, self._view) + 1
        indent = self._view.indentation() * (depth + (1 if self._view.rootIsDecorated() else 0))
        return self._view.header().sectionSize(COL_TITLE) - indent - 2 * margin


class CountDelegate(QStyledItemDelegate):
    """The « 3/4 » column: its height is one line whatever the count, so it is measured once per font and
    style, not each time a vote changes the count (Qt measures a changed row again)."""

    def __init__(self, view: QTreeView) -> None:
        super().__init__(view)
        self._view = view
        self._sizes: dict[tuple[object, ...], QSize] = {}

    def forget_sizes(self) -> None:
        self._sizes.clear()

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        font = index.data(Qt.ItemDataRole.FontRole)
        key = (option.font.key(), font.key() if isinstance(font, QFont) else "", id(self._view.style()))
        size = self._sizes.get(key)
        if size is None:
            size = self._sizes[key] = super().sizeHint(option, index)
        return QSize(size)


class OutlineView(QTreeView):
    def __init__(self, model: OutlineModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setAccessibleName(self.tr("Déroulé de l’atelier"))
        self.setUniformRowHeights(False)  # wrapped titles: one or two lines
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setIndentation(14)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._titles = WrappedTitleDelegate(self)
        self.setItemDelegateForColumn(COL_TITLE, self._titles)
        self._counts = CountDelegate(self)
        self.setItemDelegateForColumn(COL_PROGRESS, self._counts)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)
        # A fixed width: « ResizeToContents » would read every row again on each vote.
        header.setSectionResizeMode(COL_PROGRESS, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(COL_PROGRESS, self.fontMetrics().horizontalAdvance("Réponses") + 16)
        header.sectionResized.connect(self.on_section_resized)
        self._laid_out_width = -1
        self.expandAll()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._titles.forget_sizes()
            self._counts.forget_sizes()
        if event.type() == QEvent.Type.FontChange:  # larger text (Ctrl++): « Réponses » still fits
            self.header().resizeSection(COL_PROGRESS, self.fontMetrics().horizontalAdvance("Réponses") + 16)
            self.scheduleDelayedItemsLayout()

    def on_section_resized(self, section: int, _old: int, new: int) -> None:
        """The title column changed width (splitter, window, text size): wrap the titles again."""
        if section == COL_TITLE and new != self._laid_out_width:
            self._laid_out_width = new
            self.scheduleDelayedItemsLayout()
