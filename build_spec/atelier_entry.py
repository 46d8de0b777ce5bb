"""Entry point of the PyInstaller bundle: the same ``atelier`` command as ``python -m workshop_app``.

Kept apart from ``workshop_app/__main__.py`` so the bundle's start-up can be tuned here (and only here).
"""

from __future__ import annotations

import multiprocessing
import os
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()  # harmless unless something spawns a process; required if anything does
    os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")  # pyqtgraph must not probe for other Qt bindings
    from workshop_app.cli import main

    sys.exit(main())
