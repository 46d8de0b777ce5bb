"""The store never imports Qt, and importing the package stays cheap until it is used."""

from __future__ import annotations

import subprocess
import sys


def test_store_imports_no_qt() -> None:
    code = (
        "import sys\n"
        "import workshop_app.store\n"
        "assert 'sqlalchemy' not in sys.modules, 'importing the package alone must stay cheap'\n"
        "from workshop_app.store import service, demo, migrate\n"
        "import workshop_app.cli.store\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'pyqtgraph', 'shiboken6'))\n"
        "assert not bad, bad\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
