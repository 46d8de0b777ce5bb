"""The third-party components the app runs on, with their installed versions and licences (Help › À propos).

Qt-free, so the CLI and the tests read the same list. Versions come from the installed metadata
(``importlib.metadata``; the PyInstaller bundle ships it). The licences are those written in
``THIRD-PARTY-NOTICES.md``, which gives the full texts and how to replace the LGPL library.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

APP_LICENCE = "MIT"
NOTICES_FILE = "THIRD-PARTY-NOTICES.md"

# (name shown, distribution, licence, optional)
_COMPONENTS: tuple[tuple[str, str, str, bool], ...] = (
    ("PySide6 (Qt)", "pyside6-essentials", "LGPL-3.0", False),
    ("shiboken6", "shiboken6", "LGPL-3.0", False),
    ("pyqtgraph", "pyqtgraph", "MIT", False),
    ("NumPy", "numpy", "BSD-3-Clause", False),
    ("SQLAlchemy", "sqlalchemy", "MIT", False),
    ("Alembic", "alembic", "MIT", False),
    ("ReportLab", "reportlab", "BSD-3-Clause", False),
    ("rl-accel", "rl-accel", "BSD-3-Clause", True),
    ("Pillow", "pillow", "MIT-CMU", False),
    ("PyYAML", "pyyaml", "MIT", False),
    ("pydantic", "pydantic", "MIT", False),
    ("openpyxl", "openpyxl", "MIT", False),
    ("platformdirs", "platformdirs", "MIT", False),
    ("tzdata", "tzdata", "Apache-2.0", True),
    ("psycopg (PostgreSQL)", "psycopg", "LGPL-3.0", True),
    ("python-calamine", "python-calamine", "MIT", False),
    ("python-docx", "python-docx", "MIT", False),
    ("pypdfium2 (PDFium)", "pypdfium2", "Apache-2.0 OR BSD-3-Clause", False),
)


@dataclass(frozen=True)
class Component:
    name: str
    distribution: str
    version: str  # "" when an optional component is not installed
    licence: str


def components(include_missing: bool = False) -> list[Component]:
    """The components, in display order; optional ones that are not installed are left out."""
    found = []
    for name, distribution, licence, optional in _COMPONENTS:
        try:
            installed = version(distribution)
        except PackageNotFoundError:
            if optional and not include_missing:
                continue
            installed = ""
        found.append(Component(name, distribution, installed, licence))
    return found


def _shipped(name: str) -> Path:
    """A file shipped beside the package: the bundle's folder, the wheel's ``_data``, or the checkout's root
    (never another package's file that happens to sit in site-packages)."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / name
    package = Path(__file__).resolve().parent
    packaged = package / "_data" / name
    return packaged if packaged.exists() else package.parent / name


def notices_path() -> Path:
    """``THIRD-PARTY-NOTICES.md``: the licence of each component and how to replace the LGPL library."""
    return _shipped(NOTICES_FILE)


def licence_path() -> Path:
    return _shipped("LICENSE")
