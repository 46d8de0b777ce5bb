"""The PyInstaller bundle: built by build_spec/build.sh into a temporary folder, then its own self-test run.

Slow (~1 to 2 minutes: the build is ~45 s on two cores), but it is the only test that sees what a town-hall
laptop gets. Skipped only when PyInstaller is not installed (``pip install -e '.[build]'``).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from importlib.util import find_spec
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
MAX_BUNDLE_MB = 350  # measured ~265 MB; a jump means something unwanted is being collected

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        find_spec("PyInstaller") is None,
        reason="PyInstaller n'est pas installé : pip install -e '.[build]' (extra « build » du pyproject)",
    ),
    pytest.mark.skipif(
        sys.platform == "win32", reason="build.sh is a bash script; on Windows see build_spec/README"
    ),
]


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("bundle")
    dist, work = base / "dist", base / "work"
    result = subprocess.run(
        [
            "bash",
            str(ROOT / "build_spec" / "build.sh"),
            "--dist",
            str(dist),
            "--work",
            str(work),
            "--runs",
            "1",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-8000:]
    assert "== Bundle size:" in result.stdout
    assert "== Start-up to first window" in result.stdout
    return dist / "atelier"


def run(exe: Path, *args: str, env_extra: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    env.update(env_extra or {})
    return subprocess.run([str(exe), *args], env=env, capture_output=True, text=True, timeout=120)


def test_bundled_selftest_passes(bundle: Path, atelier_home: Path) -> None:
    result = run(bundle / "atelier", "--selftest")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "(paquet autonome)" in result.stdout  # it really ran frozen, not from the sources
    assert "OK autotest : tout fonctionne" in result.stdout
    assert "accélérateur C de reportlab actif" in result.stdout  # the PDF is not built by the slow fallback
    assert list(atelier_home.iterdir()) == []


def test_bundle_has_its_own_time_zone_database(bundle: Path, atelier_home: Path) -> None:
    """As on a Windows laptop without a tz database: Europe/Paris must come from the bundled tzdata."""
    result = run(bundle / "atelier", "--selftest", env_extra={"PYTHONTZPATH": "/nonexistent"})
    assert result.returncode == 0, result.stdout + result.stderr
    assert "fuseau Europe/Paris (tzdata " in result.stdout
    assert (bundle / "_internal" / "tzdata" / "zoneinfo" / "Europe" / "Paris").is_file()


def test_bundle_holds_the_licences_and_notices(bundle: Path) -> None:
    internal = bundle / "_internal"
    assert "MIT License" in (internal / "LICENSE").read_text(encoding="utf-8")
    notices = (internal / "THIRD-PARTY-NOTICES.md").read_text(encoding="utf-8")
    assert "Replacing the LGPL library (Qt / PySide6) in the bundle" in notices
    lgpl = (internal / "resources" / "licenses" / "LGPL-3.0.txt").read_text(encoding="utf-8")
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in lgpl and "Version 3" in lgpl
    assert "GNU GENERAL PUBLIC LICENSE" in (internal / "resources" / "licenses" / "GPL-3.0.txt").read_text()
    # Each bundled distribution's metadata (licence files, versions shown in Help › À propos).
    for dist in ("pyside6_essentials", "shiboken6", "reportlab", "numpy", "pillow", "tzdata", "pyqtgraph"):
        assert list(internal.glob(f"{dist}-*.dist-info")), dist
    assert list(internal.glob("reportlab-*.dist-info/licenses/*"))
    assert list(internal.glob("numpy-*.dist-info/licenses/LICENSE.txt"))


def test_bundled_selftest_reports_a_failure(bundle: Path) -> None:
    result = run(bundle / "atelier", "--selftest", env_extra={"ATELIER_SELFTEST_FAIL": "pdf"})
    assert result.returncode == 1, result.stdout + result.stderr
    assert "ÉCHEC compte-rendu PDF" in result.stderr


def test_bundle_reports_the_projects_version(bundle: Path) -> None:
    with open(ROOT / "pyproject.toml", "rb") as fh:
        version = tomllib.load(fh)["project"]["version"]
    assert run(bundle / "atelier", "--version").stdout.strip() == f"atelier {version}"


def test_bundle_holds_what_it_should_and_not_more(bundle: Path) -> None:
    internal = bundle / "_internal"
    assert (internal / "resources" / "fonts" / "DejaVuSans.ttf").is_file()
    assert (internal / "resources" / "color" / "sRGB.icc").is_file()  # the PDF/A output intent's profile
    assert not list(internal.glob("pikepdf*"))  # the PDF/A finish is reportlab's own (export/pdfa.py)
    assert list((internal / "scenarios").glob("*.yaml"))
    migrations = internal / "workshop_app" / "store" / "migrations"
    assert (migrations / "env.py").is_file() and (migrations / "script.py.mako").is_file()
    assert list((migrations / "versions").glob("*.py"))
    assert list((internal / "reportlab" / "fonts").glob("Vera*.ttf"))
    qt = internal / "PySide6"
    # QtNetwork stays: its QLocalServer brings the running copy forward (ui/single_instance.py)
    assert (qt / "QtNetwork.abi3.so").exists()
    for unwanted in ("QtQml.abi3.so", "QtQuick.abi3.so", "QtTest.abi3.so"):
        assert not (qt / unwanted).exists(), unwanted
    assert not (internal / "tkinter").exists() and not (internal / "_pytest").exists()
    languages = {p.stem.rsplit("_", 1)[-1] for p in (qt / "Qt" / "translations").glob("*.qm")}
    assert languages <= {"fr", "en"}, languages
    # PyInstaller links shared libraries from _internal/ into their packages: count each file once.
    size_mb = sum(p.stat().st_size for p in bundle.rglob("*") if p.is_file() and not p.is_symlink()) / 1e6
    assert size_mb < MAX_BUNDLE_MB, f"bundle is {size_mb:.0f} MB"
