"""The radar keeps pyqtgraph but loads only what it draws with (ui/compass/pg_lean.py), and a vote paints it
once."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from typing import Any

from test_compass_widget import GROUPS, _reading
from test_play_support import question_deck

from workshop_app.ui.compass.pg_lean import split_init
from workshop_app.ui.compass.widget import CompassWidget

_ENV = dict(os.environ, QT_QPA_PLATFORM="offscreen")

LEAN = """
import json, sys
from PySide6.QtWidgets import QApplication
app = QApplication([])
from workshop_app.ui.compass.radar import RadarView
view = RadarView()
view.resize(300, 300)
view.show()
app.processEvents()
import pyqtgraph
from workshop_app.ui.compass.pg_lean import is_lean
before = {"lean": is_lean(pyqtgraph), "modules": sorted(m for m in sys.modules if m.startswith("pyqtgraph")),
          "heavy": sorted(m for m in ("multiprocessing", "pydoc", "pyqtgraph.multiprocess",
                                      "pyqtgraph.parametertree", "pyqtgraph.imageview") if m in sys.modules)}
from pyqtgraph import PlotWidget  # anything else asked of the package completes it
names = sorted(n for n in dir(pyqtgraph) if not n.startswith("_"))
print(json.dumps({"before": before, "after": {"lean": is_lean(pyqtgraph), "names": names,
                                              "plot": PlotWidget.__name__}}))
"""

PLAIN = """
import json
from PySide6.QtWidgets import QApplication
app = QApplication([])
import pyqtgraph
print(json.dumps(sorted(n for n in dir(pyqtgraph) if not n.startswith("_"))))
"""


def _run(code: str) -> Any:
    out = subprocess.run([sys.executable, "-c", code], env=_ENV, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_the_radar_imports_only_the_parts_of_pyqtgraph_it_draws_with_and_the_rest_comes_on_demand() -> None:
    lean = _run(LEAN)
    before, after = lean["before"], lean["after"]
    assert before["lean"] is True
    assert before["heavy"] == []
    assert "pyqtgraph.widgets.GraphicsView" in before["modules"]
    assert "pyqtgraph.graphicsItems.PlotItem" not in before["modules"]
    assert len(before["modules"]) < 60  # a plain import brings ~145
    # once anything else is asked for, the package is exactly what a plain import gives
    assert after["lean"] is False and after["plot"] == "PlotWidget"
    assert after["names"] == _run(PLAIN)


def test_an_init_of_another_shape_is_imported_the_usual_way() -> None:
    assert split_init("import numpy\nfrom .Qt import QtCore\n") is None
    kept, deferred = split_init(
        "import atexit\n\nfrom .colormap import *\nfrom .functions import *\n# note\n"
        "from .widgets.GraphicsView import *\nfrom .imageview import *\n\n_cleanupCalled = False\n"
    ) or ([], [])
    assert deferred == ["from .colormap import *", "from .imageview import *"]
    assert "from .functions import *" in kept and "from .widgets.GraphicsView import *" in kept
    assert kept[-1] == "_cleanupCalled = False" and len(kept) == 9  # line numbers unchanged


def test_a_vote_paints_the_radar_once(qtbot: Any) -> None:
    deck = question_deck()
    widget = CompassWidget()
    qtbot.addWidget(widget)
    widget.resize(420, 560)
    widget.show()
    qtbot.waitExposed(widget)
    widget.set_data(deck, _reading(deck, 1), GROUPS)
    widget.flush()
    qtbot.wait(100)  # the first layout's paints
    for n in range(2, 8):
        before = widget.radar.paints
        widget.set_data(deck, _reading(deck, n), GROUPS)
        widget.flush()
        widget.paint_now()
        assert widget.radar.paints == before + 1  # painted inside the handler …
        qtbot.wait(30)
        assert widget.radar.paints == before + 1  # … and not once more at a later turn
