"""A wheel of the project carries the shipped decks, fonts, icons, migrations, the compiled translations
(built by the build backend, setup.py) and the licences; installed in a fresh virtual environment, its
self-test passes (it checks the English catalogue)."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(out), str(ROOT)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    (built,) = out.glob("atelier_resilience-*.whl")
    return built


def test_wheel_ships_data_migrations_translations_and_licences(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    shipped_decks = {p.name for p in (ROOT / "scenarios").glob("*.yaml")}
    assert shipped_decks, "no deck in scenarios/"
    for deck in shipped_decks:
        assert f"workshop_app/_data/scenarios/{deck}" in names
    assert "workshop_app/_data/scenarios/deck.schema.json" in names
    assert "workshop_app/_data/resources/fonts/DejaVuSans.ttf" in names
    assert "workshop_app/_data/resources/icons/atelier.svg" in names
    assert "workshop_app/_data/resources/color/sRGB.icc" in names  # the PDF/A output intent's profile
    assert "workshop_app/store/migrations/script.py.mako" in names
    assert any(n.startswith("workshop_app/store/migrations/versions/") for n in names)
    for ts in (ROOT / "resources" / "translations").glob("*.ts"):
        assert f"workshop_app/_data/resources/translations/{ts.stem}.qm" in names
    for shipped in ("LICENSE", "THIRD-PARTY-NOTICES.md", "resources/licenses/LGPL-3.0.txt"):
        assert f"workshop_app/_data/{shipped}" in names
    licences = {n.split(".dist-info/licenses/", 1)[1] for n in names if ".dist-info/licenses/" in n}
    assert {"LICENSE", "THIRD-PARTY-NOTICES.md", "resources/licenses/LGPL-3.0.txt"} <= licences
    metadata = next(n for n in names if n.endswith(".dist-info/METADATA"))
    text = zipfile.ZipFile(wheel).read(metadata).decode()
    assert "License-Expression: MIT" in text
    assert "Requires-Dist: reportlab[accel]<6,>=5.1.0" in text and "Requires-Dist: tzdata>=2024.1" in text


def test_installed_wheel_passes_its_selftest(wheel: Path, tmp_path: Path) -> None:
    """A fresh venv with the wheel; its dependencies come from this environment through a .pth file (so the
    test needs no network), after the venv's own site-packages: the wheel's workshop_app is the one run."""
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=120)
    python = venv / ("Scripts/python.exe" if sys.platform == "win32" else "bin/python")
    site = Path(
        subprocess.run(
            [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    )
    ours = [p for p in sys.path if p.endswith("site-packages") and Path(p).is_dir()]
    (site / "zz-dependencies.pth").write_text("\n".join(ours) + "\n", encoding="utf-8")
    install = subprocess.run(
        [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(site), str(wheel)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert install.returncode == 0, install.stderr[-3000:]
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    env.update(QT_QPA_PLATFORM="offscreen", ATELIER_HOME=str(tmp_path / "home"))
    where = subprocess.run(
        [str(python), "-c", "import workshop_app; print(workshop_app.__file__)"],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=60,
    )
    assert where.stdout.strip().startswith(str(site)), where.stdout + where.stderr
    result = subprocess.run(
        [str(python), "-m", "workshop_app", "--selftest"],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "(paquet installé)" in result.stdout
    assert "catalogues chargés : qtbase_fr, atelier_en" in result.stdout
    assert "OK autotest : tout fonctionne" in result.stdout
