"""Build steps pyproject.toml cannot declare: compiled translations and the data folders inside wheels.

* ``resources/translations/*.ts`` → ``.qm`` with PySide6's ``lrelease`` (PySide6 is a build requirement),
  in every build: ``pip install .`` and ``pip wheel`` (into the wheel), an editable install (``pip install
  -e .``: next to the ``.ts`` in the checkout, where the app and the PyInstaller spec read them).
* The top-level ``scenarios/`` and ``resources/`` go into wheels as ``workshop_app/_data/``;
  ``workshop_app.paths.resource_path`` looks there in an installed wheel and at the top level in a checkout.
* ``LICENSE`` and ``THIRD-PARTY-NOTICES.md`` go into ``_data`` too, so the About box can show them.

Everything else is declared in pyproject.toml.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
DATA_FOLDERS = ("scenarios", "resources")
DATA_FILES = ("LICENSE", "THIRD-PARTY-NOTICES.md")
TRANSLATIONS = ROOT / "resources" / "translations"


def lrelease() -> list[str]:
    """The command that runs Qt's ``lrelease`` from the PySide6 of the build environment."""
    try:
        import PySide6
    except ImportError as exc:  # only with --no-build-isolation in an environment without PySide6
        raise SystemExit(
            "atelier-resilience: PySide6 is needed to compile the translations (.ts → .qm); install "
            "pyside6-essentials in the build environment or build with isolation (the default)."
        ) from exc
    folder = Path(PySide6.__file__).resolve().parent
    for name in ("lrelease", "lrelease.exe", "Qt/libexec/lrelease", "Qt/bin/lrelease"):
        if (folder / name).is_file():
            return [str(folder / name)]
    # The pyside6-lrelease entry point finds the binary wherever this PySide6 keeps it.
    return [sys.executable, "-c", "import sys; from PySide6.scripts.pyside_tool import lrelease; lrelease()"]


def compile_translations(folder: Path) -> list[Path]:
    """Each ``.ts`` of ``folder`` → a ``.qm`` beside it; fails the build if one does not compile."""
    built = []
    for ts in sorted(folder.glob("*.ts")):
        qm = ts.with_suffix(".qm")
        subprocess.run([*lrelease(), "-silent", str(ts), "-qm", str(qm)], check=True)
        if not qm.is_file() or qm.stat().st_size == 0:
            raise SystemExit(f"atelier-resilience: lrelease wrote no {qm.name}")
        built.append(qm)
    return built


class BuildPyWithData(build_py):
    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            compile_translations(TRANSLATIONS)  # an editable install reads the checkout's folders directly
            return
        target = Path(self.build_lib) / "workshop_app" / "_data"
        for folder in DATA_FOLDERS:
            destination = target / folder
            if destination.exists():
                shutil.rmtree(destination)
            shutil.copytree(
                ROOT / folder,
                destination,
                ignore=shutil.ignore_patterns("__pycache__", "*.qm", "*.ico", "*.icns"),
            )
        # The .ts stay beside the .qm: the self-test checks that every catalogue was compiled.
        compile_translations(target / "resources" / "translations")
        for name in DATA_FILES:
            if (ROOT / name).is_file():
                shutil.copy2(ROOT / name, target / name)


setup(cmdclass={"build_py": BuildPyWithData})
