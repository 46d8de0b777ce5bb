"""Compile ``resources/translations/*.ts`` into ``.qm`` with ``pyside6-lrelease``, by hand.

Every ``pip install`` (editable or not) and every wheel build compiles them already: ``setup.py`` (the build
backend) runs the same ``lrelease``. This module is for translators and tests.
``python -m workshop_app.ui.i18n_build --update`` first refreshes the ``.ts`` files from the sources with
``pyside6-lupdate`` (over ``workshop_app/ui``), keeping the translations already written.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

from workshop_app.paths import resource_path

UI_SOURCES = Path(__file__).resolve().parent


def tool(name: str) -> str | None:
    """The PySide6 tool next to this Python (the venv's) first, then the PATH."""
    beside = Path(sys.executable).parent / name
    if beside.exists():
        return str(beside)
    return shutil.which(name)


def ts_files() -> list[Path]:
    folder = resource_path("resources", "translations")
    return sorted(folder.glob("*.ts")) if folder.is_dir() else []


def update(ts: Path) -> None:
    lupdate = tool("pyside6-lupdate")
    if lupdate is None:
        raise SystemExit("pyside6-lupdate introuvable : installez PySide6 dans l’environnement.")
    sources = sorted(str(p) for p in UI_SOURCES.rglob("*.py"))
    command = [
        lupdate,
        "-no-obsolete",
        "-locations",
        "none",
        "-source-language",
        "fr_FR",
        *sources,
        "-ts",
        str(ts),
    ]
    subprocess.run(command, check=True)


def release(ts: Path) -> Path:
    lrelease = tool("pyside6-lrelease")
    if lrelease is None:
        raise SystemExit("pyside6-lrelease introuvable : installez PySide6 dans l’environnement.")
    target = ts.with_suffix(".qm")
    subprocess.run([lrelease, "-silent", str(ts), "-qm", str(target)], check=True)
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--update", action="store_true", help="met d’abord à jour les .ts depuis le code")
    args = parser.parse_args(argv)
    for ts in ts_files():
        if args.update:
            update(ts)
        print(release(ts))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
