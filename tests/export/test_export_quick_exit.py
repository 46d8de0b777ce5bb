"""``atelier export`` as its own process ends as soon as its files are written (``cli/quick_exit.py``): the
output is complete, the exit code right, the ``atexit`` handlers (logging's) have run; ``main([...])`` called
by a caller still returns."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from export_factory import pdf_text

from workshop_app.cli import main

SCRIPT = """
import atexit, sys
from pathlib import Path
marker = Path(sys.argv[1])
atexit.register(lambda: marker.write_text("atexit ran"))
from workshop_app.cli import main
sys.argv = ["atelier", "export", sys.argv[2], "--pdf", sys.argv[3], "--csv", sys.argv[4], "-q"]
code = main()
print("main returned", code)  # a failure returns as before; a success never gets here
sys.exit(code)
"""


def test_the_export_process_ends_at_once_with_its_output_complete(
    tmp_path: Path, atelier_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["demo"]) == 0
    workshop_id = capsys.readouterr().out.split()[-1]
    marker, pdf, csv = tmp_path / "atexit.txt", tmp_path / "cr.pdf", tmp_path / "r.csv"
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(marker), workshop_id[:8], str(pdf), str(csv)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [f"Compte-rendu écrit : {pdf}", f"Réponses (CSV) écrites : {csv}"]
    assert marker.read_text() == "atexit ran"
    assert "COMPTE-RENDU D" in pdf_text(pdf) and csv.stat().st_size > 0
    failed = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(marker), "inconnu", str(pdf), str(csv)],
        capture_output=True,
        text=True,
    )
    assert failed.returncode == 1 and "main returned 1" in failed.stdout and "Aucun atelier" in failed.stderr


def test_main_called_with_arguments_returns(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo"]) == 0
    workshop_id = capsys.readouterr().out.split()[-1]
    assert main(["export", workshop_id, "--csv", str(tmp_path / "r.csv")]) == 0  # and pytest lives on
