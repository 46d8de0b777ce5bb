"""The report pack and the DOCX through the CLI: every file present, charts as 300 dpi PNG and as SVG, the
CSV/XLSX, the photos; the export of the demo workshop end to end."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from docx import Document
from export_factory import make_snapshot, pdf_text
from PIL import Image

from workshop_app.cli import main
from workshop_app.export.pack import render_pack


def test_pack_holds_pdf_docx_charts_data_and_photos() -> None:
    snapshot, photos = make_snapshot(n_groups=3, n_cards=5, photos=2)
    data = render_pack(snapshot, photos)
    archive = zipfile.ZipFile(io.BytesIO(data))
    names = archive.namelist()
    for required in ("LISEZMOI.txt", "compte-rendu.pdf", "compte-rendu.docx", "donnees/reponses.csv"):
        assert required in names
    assert "donnees/atelier.xlsx" in names
    assert sorted(n for n in names if n.startswith("photos/")) == [
        "photos/tableau-1.png",
        "photos/tableau-2.png",
    ]
    pngs = [n for n in names if n.startswith("graphiques/") and n.endswith(".png")]
    svgs = [n for n in names if n.startswith("graphiques/") and n.endswith(".svg")]
    assert len(pngs) == len(svgs) >= 5
    assert [n[:-4] for n in pngs] == [n[:-4] for n in svgs]
    image = Image.open(io.BytesIO(archive.read(pngs[0])))
    assert round(image.info["dpi"][0]) == 300 and image.size[0] > 1500
    assert b"<svg" in archive.read(svgs[0]) and b"DejaVu Sans" in archive.read(svgs[0])
    assert "Synthèse" in pdf_text(archive.read("compte-rendu.pdf"))
    assert Document(io.BytesIO(archive.read("compte-rendu.docx"))).paragraphs
    assert render_pack(snapshot, photos) == data  # fixed dates: same workshop, same bytes


def test_cli_writes_docx_and_pack_of_the_demo(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("workshop_app.store.demo")
    from workshop_app.store import open_store
    from workshop_app.store.demo import create_demo_workshop

    with open_store() as store:
        workshop_id = create_demo_workshop(store)
    docx, pack = tmp_path / "cr.docx", tmp_path / "cr.zip"
    assert main(["export", workshop_id[:8], "--docx", str(docx), "--pack", str(pack), "-q"]) == 0
    out = capsys.readouterr().out
    assert "Compte-rendu modifiable écrit" in out and "Dossier de compte-rendu écrit" in out
    headings = [p.text for p in Document(str(docx)).paragraphs if p.style.name == "Heading 1"]
    assert len(headings) >= 8
    assert "compte-rendu.docx" in zipfile.ZipFile(pack).namelist()


def test_cli_refuses_nothing_to_write(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "x"]) != 0
    assert "--docx" in capsys.readouterr().err


def test_docx_pack_pdfa_and_figures_import_no_qt() -> None:
    import subprocess
    import sys

    code = (
        "import sys; import workshop_app.export.docx, workshop_app.export.pack, workshop_app.export.pdfa,"
        " workshop_app.export.figures, workshop_app.export.tabular_xlsx;"
        "bad=[m for m in sys.modules"
        " if m.startswith(('PySide6','pyqtgraph','workshop_app.ui','workshop_app.store'))];"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
