"""End to end through the CLI and the store: demo → export PDF/CSV/XLSX → bundle export → import elsewhere."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from pathlib import Path

import pytest
from export_factory import pdf_text

from workshop_app.cli import main

pytest.importorskip("workshop_app.store.demo")


def _demo() -> str:
    from workshop_app.store import open_store
    from workshop_app.store.demo import create_demo_workshop

    with open_store() as store:
        return create_demo_workshop(store)


def test_export_pdf_csv_xlsx_with_id_prefix(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    workshop_id = _demo()
    pdf, csv_path, xlsx = tmp_path / "cr.pdf", tmp_path / "r.csv", tmp_path / "r.xlsx"
    code = main(["export", workshop_id[:8], "--pdf", str(pdf), "--csv", str(csv_path), "--xlsx", str(xlsx)])
    out = capsys.readouterr().out
    assert code == 0, out
    assert "Compte-rendu écrit" in out and "CSV" in out and "XLSX" in out
    text = pdf_text(pdf)
    # the demo plays a self-assessment and a strategy game: the notice says what each one's figures are
    assert "les scores sont l'autoévaluation des tables elles-mêmes" in text
    assert "les scores décrivent les effets attendus des stratégies" in text
    assert "Engagements et plan d'action" in text
    rows = list(csv.reader(io.StringIO(csv_path.read_bytes().decode("utf-8-sig"), newline=""), delimiter=";"))
    assert rows[0][0] == "territoire" and "séquence" in rows[0] and len(rows) > 10
    import openpyxl

    assert "Boussole" in openpyxl.load_workbook(xlsx).sheetnames


def test_export_anonymised_has_no_participant_name(tmp_path: Path) -> None:
    from workshop_app.store import open_store

    workshop_id = _demo()
    with open_store() as store:
        names = [p.name for p in store.snapshot(workshop_id).participants if p.name]
    assert names
    pdf = tmp_path / "anonyme.pdf"
    assert main(["export", workshop_id, "--pdf", str(pdf), "--anonymise", "--quiet"]) == 0
    text = pdf_text(pdf)
    assert all(name not in text for name in names)


def test_export_errors_are_french_sentences(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _demo()
    assert main(["export", "zzzz", "--pdf", str(tmp_path / "x.pdf")]) == 1
    assert "Aucun atelier ne correspond" in capsys.readouterr().err
    assert main(["export", "zzzz"]) == 1
    assert "Rien à écrire" in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists()


def test_ambiguous_prefix_is_refused(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    from workshop_app.cli.export import resolve_workshop

    class Fake:
        def list_workshops(self) -> list[object]:
            from types import SimpleNamespace

            return [SimpleNamespace(id="abc-1"), SimpleNamespace(id="abc-2"), SimpleNamespace(id="abd")]

    assert resolve_workshop(Fake(), "ABD") == "abd"
    assert resolve_workshop(Fake(), "abc-2") == "abc-2"
    from workshop_app.core.errors import AtelierError

    with pytest.raises(AtelierError, match="plusieurs ateliers"):
        resolve_workshop(Fake(), "abc")


def test_bundle_export_then_import_elsewhere(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    workshop_id = _demo()
    archive = tmp_path / "atelier.zip"
    assert main(["bundle", "export", workshop_id[:6], str(archive)]) == 0
    assert "Archive écrite" in capsys.readouterr().out
    other = tmp_path / "other-home"
    other.mkdir()
    monkeypatch.setenv("ATELIER_HOME", str(other))
    assert main(["bundle", "import", str(archive)]) == 0
    assert "Atelier importé" in capsys.readouterr().out
    assert main(["bundle", "import", str(archive)]) == 0
    assert "déjà à jour" in capsys.readouterr().out
    from workshop_app.export.bundle import normalised
    from workshop_app.store import open_store

    with open_store() as store:
        imported = store.snapshot(workshop_id)
    from workshop_app.export.bundle import read_bundle

    original, _ = read_bundle(archive)
    assert normalised(imported).events == original.events
    assert [g.id for g in imported.groups] == [g.id for g in original.groups]
    pdf = tmp_path / "imported.pdf"
    assert main(["export", workshop_id, "--pdf", str(pdf), "-q"]) == 0
    assert pdf.stat().st_size > 10_000


def test_bundle_import_refuses_a_broken_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.zip"
    bad.write_bytes(b"not a zip")
    assert main(["bundle", "import", str(bad)]) == 1
    assert "zip invalide" in capsys.readouterr().err


def test_cli_start_does_not_import_reportlab_or_openpyxl() -> None:
    code = (
        "import sys; from workshop_app.cli import build_parser; build_parser();"
        "bad=[m for m in ('reportlab','openpyxl') if m in sys.modules]; print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr


def test_export_short_edition_and_inclusive_writing(tmp_path: Path) -> None:
    from pypdf import PdfReader

    workshop_id = _demo()
    short, full = tmp_path / "elus.pdf", tmp_path / "complet.pdf"
    options = ["--edition", "synthese", "--inclusif", "-q"]
    assert main(["export", workshop_id, "--pdf", str(short), *options]) == 0
    assert main(["export", workshop_id, "--pdf", str(full), "-q"]) == 0
    assert len(PdfReader(str(short)).pages) <= 8 < len(PdfReader(str(full)).pages)
    assert "Annexe A" not in pdf_text(short) and "Annexe A" in pdf_text(full)
    assert "participant·es" in pdf_text(short) and "participant·es" not in pdf_text(full)
    with pytest.raises(SystemExit):  # argparse refuses an unknown edition
        main(["export", workshop_id, "--pdf", str(full), "--edition", "longue"])
