"""The compte-rendu's tables measure their cells' paragraphs without reportlab's per-cell detours.

reportlab's ``Table`` measures a cell holding flowables with ``_listCellGeom``: for each flowable it calls
``wrapOn`` (which sets and deletes a ``canv`` attribute around ``wrap``), then ``getSpaceBefore`` and
``getSpaceAfter`` (two attribute searches each). It does so once to find the row heights, then again for each
cell it draws: ~7,600 times for a full day's ~4,200 cells. :class:`LeanTable` does the same for a cell's
:class:`~.parsed.WrapOnce` paragraphs by calling their ``wrap`` (which never looks at the canvas) and reading
their style's spacing, exactly what those calls return; any other flowable, an empty or a text cell, or a
cell too narrow for its padding (reportlab's errors and warnings) go to reportlab's own code.

On only for the reportlab versions of ``fasttext.VERIFIED``: with any other, a ``LeanTable`` is reportlab's
``Table``. ``tests/export/test_pdf_fasttable.py`` compares the measures with reportlab's on every cell of a
full day; the PDFs of a full day and other shapes of workshop are byte-identical with and without it.

Adapted from ReportLab's ``reportlab/platypus/tables.py`` (Copyright ReportLab Europe Ltd. 2000-2017,
BSD-3-Clause; its licence text ships in reportlab's dist-info, see THIRD-PARTY-NOTICES.md).
"""

from __future__ import annotations

from typing import Any

import reportlab
from reportlab.platypus import Table
from reportlab.platypus.tables import _calc_pc

from workshop_app.export.pdf.fasttext import VERIFIED
from workshop_app.export.pdf.parsed import WrapOnce

#: whether a WrapOnce's spacing is its style's (no class or instance attribute of that name in reportlab's
#: Flowable and Paragraph: ``getSpaceBefore`` would return it first)
_STYLE_SPACING = not any(hasattr(WrapOnce, name) for name in ("spaceBefore", "spaceAfter"))

#: whether LeanTable measures the cells itself (tests turn it off to compare)
ENABLED = reportlab.Version in VERIFIED and _STYLE_SPACING


class LeanTable(Table):
    """reportlab's Table; its cells of :class:`~.parsed.WrapOnce` paragraphs measured without detours, and
    its row heights measured once for the same column widths."""

    #: (the key of the last measure, its row heights, row positions, height, rows measured)
    _atelier_heights: tuple[Any, list[float], list[float], float, int] | None = None

    def setStyle(self, tblstyle: Any) -> None:
        self._atelier_heights = None  # paddings and fonts may change: the rows are measured again
        super().setStyle(tblstyle)

    def _calc_height(self, availHeight: float, availWidth: float, H: Any = None, W: Any = None) -> None:
        """reportlab's row heights. A table is wrapped more than once (a KeepTogether, then its frame; a
        split's try): without spans reportlab measures every row whatever the height available (its long-table
        shortcut stops only for spans), so the same column widths, fixed heights, cells and cell styles give
        the same heights, row positions and height as the previous measure: given back as they were."""
        argH = self._argH
        if not ENABLED or self._spanCmds or None not in argH:
            super()._calc_height(availHeight, availWidth, H, W)
            return
        widths = tuple(W if W else _calc_pc(self._argW, availWidth))
        key = (widths, tuple(argH), id(self._cellvalues), id(self._cellStyles), self._minRowHeights)
        memo = self._atelier_heights
        if memo is not None and memo[0] == key:
            _, heights, positions, self._height, self._hmax = memo
            self._rowHeights, self._rowpositions = list(heights), list(positions)
            return
        super()._calc_height(availHeight, availWidth, H, W)
        self._atelier_heights = (
            key,
            list(self._rowHeights),
            list(self._rowpositions),
            self._height,
            self._hmax,
        )

    def _listCellGeom(
        self,
        V: Any,
        w: float,
        s: Any,
        W: list[float] | None = None,
        H: list[float] | None = None,
        aH: float = 72000,
    ) -> tuple[float, float]:
        if not ENABLED or not V or isinstance(V, str):
            return super()._listCellGeom(V, w, s, W, H, aH)
        aW = w - s.leftPadding - s.rightPadding
        if aW < 0:  # reportlab raises or warns, as rl_config says
            return super()._listCellGeom(V, w, s, W, H, aH)
        aH = aH - s.topPadding - s.bottomPadding
        t: float = 0
        width: float = 0
        sb0 = None
        sa: float = 0
        canv = None
        for v in V:
            if type(v) is WrapOnce and "spaceBefore" not in v.__dict__ and "spaceAfter" not in v.__dict__:
                vw, vh = v.wrap(aW, aH)  # what wrapOn returns: a Paragraph's wrap never uses its canvas
                style = v.style
                sb = getattr(style, "spaceBefore", 0)
                sa = getattr(style, "spaceAfter", 0)
            else:
                if canv is None:
                    canv = getattr(self, "canv", None)
                vw, vh = v.wrapOn(canv, aW, aH)
                sb = v.getSpaceBefore()
                sa = v.getSpaceAfter()
            if W is not None:
                W.append(vw)
            if H is not None:
                H.append(vh)
            if vw > width:  # max(width, vw): the first of equal values is kept
                width = vw
            t += vh + sa + sb
            if sb0 is None:
                sb0 = sb
        return width, t - sb0 - sa  # type: ignore[operator]
