"""``atelier --selftest`` run as a facilitator would: a separate process, checked by its exit code and lines.

Each run starts Qt, the main window, a database and a PDF export (~3 s), so the cases are few and telling:
everything passes; a broken step fails in French; an exception inside a Qt callback ends the run instead of
hanging; a hang is ended by the watchdog.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from workshop_app.cli.selftest import EXIT_FAILED, EXIT_HUNG, STEPS, pdf_problems

ROOT = Path(__file__).resolve().parent.parent


def selftest(
    env_extra: dict[str, str] | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env.update(env_extra or {})
    env["PYTHONIOENCODING"] = "utf-8"
    return subprocess.run(
        [sys.executable, "-m", "workshop_app", "--selftest"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=timeout,
    )


def test_selftest_passes_and_prints_one_ok_line_per_check(atelier_home: Path) -> None:
    result = selftest()
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    for label in STEPS.values():
        assert any(line.startswith(f"OK {label} : ") for line in lines), (label, result.stdout)
    assert lines[-1].startswith("OK autotest : tout fonctionne")
    assert "accélérateur C de reportlab actif" in result.stdout  # rl-accel is a declared dependency
    assert "ÉCHEC" not in result.stdout + result.stderr
    # It worked in a temporary home of its own: the (test's) user data folder was not touched.
    assert list(atelier_home.iterdir()) == []


def test_selftest_ignores_the_users_database(tmp_path: Path) -> None:
    users_db = tmp_path / "do-not-touch.sqlite3"
    result = selftest({"ATELIER_DATABASE_URL": f"sqlite:///{users_db}"})
    assert result.returncode == 0, result.stdout + result.stderr
    assert not users_db.exists()


def test_a_broken_pdf_fails_with_a_french_reason() -> None:
    result = selftest({"ATELIER_SELFTEST_FAIL": "pdf"})
    assert result.returncode == EXIT_FAILED, result.stdout + result.stderr
    assert "OK boussole : " in result.stdout  # the steps before it ran and passed
    assert "OK compte-rendu PDF" not in result.stdout
    assert "ÉCHEC compte-rendu PDF : le PDF produit est incorrect" in result.stderr
    assert "%%EOF (fichier tronqué ?)" in result.stderr


@pytest.mark.parametrize("step", ["decks", "store"])
def test_a_failing_step_stops_the_run_and_names_it(step: str) -> None:
    result = selftest({"ATELIER_SELFTEST_FAIL": step})
    assert result.returncode == EXIT_FAILED, result.stdout + result.stderr
    assert f"ÉCHEC {STEPS[step]} : échec provoqué" in result.stderr
    assert "OK autotest" not in result.stdout


def test_an_exception_inside_a_qt_callback_ends_the_run_instead_of_hanging() -> None:
    result = selftest({"ATELIER_SELFTEST_FAIL": "callback", "ATELIER_SELFTEST_TIMEOUT": "60"}, timeout=50)
    assert result.returncode == EXIT_FAILED, result.stdout + result.stderr
    assert "erreur dans un traitement de l’interface" in result.stderr
    assert "exception provoquée dans un rappel Qt" in result.stderr


def test_the_watchdog_ends_a_hung_run() -> None:
    result = selftest({"ATELIER_SELFTEST_FAIL": "hang", "ATELIER_SELFTEST_TIMEOUT": "3"}, timeout=60)
    assert result.returncode == EXIT_HUNG, result.stdout + result.stderr
    assert f"ÉCHEC {STEPS['store']} : l’autotest ne répond plus depuis 3 s" in result.stderr


def test_pdf_checks_need_no_pdf_library(tmp_path: Path) -> None:
    good = tmp_path / "good.pdf"
    good.write_bytes(b"%PDF-1.4\n" + b"/FontFile2 " + b"x" * 5000 + b"\n%%EOF\n")
    assert pdf_problems(good) == []
    bare = tmp_path / "bare.pdf"
    bare.write_bytes(b"%PDF-1.4\n" + b"/Helvetica " + b"x" * 5000 + b"\n%%EOF\n")
    assert any("/FontFile2" in p for p in pdf_problems(bare))
    assert any("illisible" in p for p in pdf_problems(tmp_path / "missing.pdf"))
