"""Our charts rendered into the page by reportlab's own renderPDF, minus its per-node detours.

For every node of a drawing, reportlab's renderer (``renderbase.Renderer``) expands user nodes, looks for
derived values and draw-time callbacks in the node's attributes, sets and deletes ``_canvas`` and
``_parent`` on it (through the shapes' checked ``__setattr__``), builds the dictionary of all its public
properties to keep those of the graphics state, and finds its drawing method through a chain of
``isinstance``: about half of the ~0.07 s a full day's 31 charts (~1,400 nodes) take to render. None of it
writes anything for the shapes our charts are made of. :class:`ChartDrawing` (the drawing every chart of
ours is) renders through :func:`draw`, which checks the whole tree first: only groups and the plain shapes
reportlab draws directly (lines, polylines, polygons, rectangles, circles, strings), of exactly those
classes, with no derived value, no draw-time callback, no clipping path and a render scale of 1. Each node
is then drawn by reportlab's own code (the canvas's saved state, ``applyStateChanges`` of its state
properties, in the same order, the same drawing method), only without the detours. Anything else, or
another reportlab than the verified one (``fasttext.VERIFIED``), is rendered by ``renderPDF.draw``.

``tests/export/test_pdf_fastcharts.py`` compares the page's operators with reportlab's for every chart of
a full day and of other workshops, and whole PDFs byte for byte.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import reportlab
from reportlab import rl_config
from reportlab.graphics import renderPDF
from reportlab.graphics.renderbase import STATE_DEFAULTS, Renderer, getStateDelta
from reportlab.graphics.shapes import Circle, Drawing, Group, Line, Polygon, PolyLine, Rect, Shape, String
from reportlab.lib.validators import DerivedValue

from workshop_app.export.pdf.fasttext import VERIFIED

AVAILABLE = reportlab.Version in VERIFIED

_PDFRenderer: Any = renderPDF._PDFRenderer

#: our shapes' classes -> the renderer's method for them, as ``drawNodeDispatcher`` chooses it
_LEAVES: dict[type, Callable[[Any, Any], None]] = {
    Line: _PDFRenderer.drawLine,
    String: _PDFRenderer.drawString,
    Rect: _PDFRenderer.drawRect,
    Circle: _PDFRenderer.drawCircle,
    PolyLine: _PDFRenderer.drawPolyLine,
    Polygon: _PDFRenderer.drawPolygon,
}
_GROUPS: set[type] = {Group, Drawing}  # and ChartDrawing, below


def _unchanged() -> bool:
    """reportlab's renderer is the one this module was written against (no override of what it skips)."""
    return (
        _PDFRenderer.drawNode.__qualname__ == "_PDFRenderer.drawNode"
        and Renderer.drawNodeDispatcher.__qualname__ == "Renderer.drawNodeDispatcher"
        and Renderer.drawGroup.__qualname__ == "Renderer.drawGroup"
        and all(getattr(cls, "getProperties", None) is Shape.getProperties for cls in _LEAVES)
    )


AVAILABLE = AVAILABLE and _unchanged()


def plain(node: Any) -> bool:
    """True when ``node`` and everything in it is a group or a plain shape drawn as it is: nothing that
    reportlab's detours would change."""
    cls = type(node)
    if cls not in _LEAVES and cls not in _GROUPS:
        return False
    if getattr(node, "_drawTimeCallback", None) or any(
        isinstance(v, DerivedValue) for v in vars(node).values()
    ):
        return False
    if cls in _GROUPS:
        if isinstance(node, Drawing) and node.renderScale != 1.0:
            return False
        return all(plain(child) for child in node.getContents())
    return True


class _FastRenderer(_PDFRenderer):
    """reportlab's PDF renderer for a :func:`plain` drawing: its ``drawNode`` and ``drawGroup`` without
    what does nothing for plain shapes."""

    def drawNode(self, node: Any) -> None:
        canvas = self._canvas
        canvas.saveState()
        leaf = _LEAVES.get(type(node))
        if leaf is None:
            deltas = getStateDelta(node)
        else:  # getStateDelta: the node's public properties that are state, in its attributes' order
            deltas = {key: value for key, value in node.__dict__.items() if key in STATE_DEFAULTS}
        self._tracker.push(deltas)
        self.applyStateChanges(deltas, {})
        if leaf is None:
            self.drawGroup(node)
        else:
            leaf(self, node)
        self._tracker.pop()
        canvas.restoreState()

    def drawGroup(self, group: Any) -> None:
        for node in group.getContents():
            self.drawNode(node)


def draw(drawing: Drawing, canvas: Any, x: float, y: float, showBoundary: Any = rl_config._unset_) -> None:
    """``renderPDF.draw(drawing, canvas, x, y, showBoundary)``: the same operators."""
    if AVAILABLE and plain(drawing):
        _FastRenderer().draw(drawing, canvas, x, y, showBoundary=showBoundary)
    else:
        renderPDF.draw(drawing, canvas, x, y, showBoundary=showBoundary)


class ChartDrawing(Drawing):
    """A reportlab Drawing rendered in a story through :func:`draw`."""

    def draw(self, showBoundary: Any = rl_config._unset_) -> None:
        if showBoundary is rl_config._unset_:
            showBoundary = getattr(self, "_showBoundary", rl_config._unset_)
        draw(self, self.canv, 0, 0, showBoundary=showBoundary)


_GROUPS.add(ChartDrawing)
