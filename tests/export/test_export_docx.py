"""The editable compte-rendu (DOCX): Word heading styles, tables, charts as pictures, the PDF's content,
French metadata, hostile text, and LibreOffice opening it."""

from __future__ import annotations

import io
import shutil
import subprocess
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest
from docx import Document
from export_factory import make_snapshot, pdf_text

from workshop_app.core.workshop import WorkshopSnapshot
from workshop_app.export.docx import build_docx, render_docx
from workshop_app.export.pdf import render_pdf


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[WorkshopSnapshot, Path]:
    snapshot, photos = make_snapshot(n_groups=4, n_cards=10, photos=2)
    target = tmp_path_factory.mktemp("docx") / "cr.docx"
    build_docx(snapshot, photos, target)
    return snapshot, target


def docx_text(data: Path | bytes) -> str:
    """Every paragraph of the body, the tables, the header and the footer."""
    document = Document(io.BytesIO(data) if isinstance(data, bytes) else str(data))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts += [cell.text for cell in row.cells]
    for section in document.sections:
        parts += [p.text for p in section.header.paragraphs + section.footer.paragraphs]
    return " ".join(" ".join(parts).replace("\u00a0", " ").split())


def test_headings_use_word_heading_styles(built: tuple[WorkshopSnapshot, Path]) -> None:
    _, target = built
    document = Document(str(target))
    levels = {p.style.name for p in document.paragraphs if p.style.name.startswith("Heading")}
    assert {"Heading 1", "Heading 2", "Heading 3"} <= levels
    titles = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert titles[0] == "Synthèse"  # the synthesis first, as in the PDF
    assert any("Contexte" in t for t in titles)
    assert any("Engagements et plan d" in t for t in titles)
    # a real TOC field, over headings 1–3
    assert b'TOC \\o "1-3"' in zipfile.ZipFile(target).read("word/document.xml")


def test_same_text_as_the_pdf(built: tuple[WorkshopSnapshot, Path]) -> None:
    snapshot, target = built
    text = docx_text(target)
    pdf = pdf_text(render_pdf(snapshot, {}))
    for phrase in (
        "Le maire souhaite présenter la démarche en conseil municipal de janvier.",
        "Un tissu associatif très mobilisé",
        "Exercer le PCS au printemps",
        "Priorité aux écoles",
        "Action 1 : exercer le plan communal de sauvegarde",
    ):
        assert phrase in text and phrase in pdf, phrase
    for group in snapshot.groups:
        assert group.name in text


def test_tables_with_repeated_header_and_charts_as_pictures(built: tuple[WorkshopSnapshot, Path]) -> None:
    _, target = built
    document = Document(str(target))
    assert len(document.tables) > 10
    xml = zipfile.ZipFile(target).read("word/document.xml")
    assert xml.count(b"<w:tblHeader") > 5
    media = [n for n in zipfile.ZipFile(target).namelist() if n.startswith("word/media/")]
    assert len(media) >= 8  # radars, small multiples, bars, legends and the 2 photos
    assert len(document.inline_shapes) >= 8


def test_metadata_and_language(built: tuple[WorkshopSnapshot, Path]) -> None:
    snapshot, target = built
    props = Document(str(target)).core_properties
    assert props.title.startswith("Compte-rendu")
    assert props.author == snapshot.info.facilitators
    assert props.language == "fr-FR"
    assert "python-docx" not in (props.author + props.comments + props.last_modified_by)
    styles = zipfile.ZipFile(target).read("word/styles.xml")
    assert b'w:lang w:val="fr-FR"' in styles


def test_hostile_text_is_plain_text() -> None:
    snapshot, photos = make_snapshot(n_groups=3, n_cards=4, hostile=True, photos=0)
    text = docx_text(render_docx(snapshot, photos))
    assert "<font color=red>rouge</font>" in text
    assert "a<b & c>d" in text


def test_byte_stable() -> None:
    snapshot, photos = make_snapshot(n_groups=2, n_cards=3, photos=1)
    assert render_docx(snapshot, photos) == render_docx(snapshot, photos)


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_opens_it(built: tuple[WorkshopSnapshot, Path], tmp_path: Path) -> None:
    _, target = built
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(target)],
        check=True,
        capture_output=True,
        timeout=120,
        env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"},
    )
    text = pdf_text(tmp_path / "cr.pdf")
    assert "Synthèse" in text and "Contexte" in text and "Annexe A" in text


def test_short_edition_and_inclusive_writing_follow_the_pdf() -> None:
    snapshot, photos = make_snapshot(n_groups=3, n_cards=5, photos=1)
    short = Document(io.BytesIO(render_docx(snapshot, photos, edition="synthese")))
    titles = [p.text for p in short.paragraphs if p.style.name.startswith("Heading")]
    assert titles[0] == "Synthèse" and not any(t.startswith("Annexe") for t in titles)
    full = Document(io.BytesIO(render_docx(snapshot, photos)))
    assert any(p.text.startswith("Annexe") for p in full.paragraphs if p.style.name.startswith("Heading"))
    inclusive = docx_text(render_docx(snapshot, photos, inclusive=True))
    plain = docx_text(render_docx(snapshot, photos))
    assert inclusive.count("·") > plain.count("·")


@pytest.mark.parametrize("edition", ["complet", "synthese"])
def test_every_flowable_of_the_pdf_reaches_the_docx(edition: str) -> None:
    from workshop_app.export.docx.story import pdf_story, walk

    snapshot, photos = make_snapshot(n_groups=7, n_cards=6, photos=2, notes_per_answer=True)
    walker = walk(pdf_story(snapshot, photos, anonymise=False, edition=edition))
    assert walker.skipped == []
    assert len(walker.blocks) > 50


def test_footer_without_a_date_has_no_stray_separator() -> None:
    snapshot, photos = make_snapshot(n_groups=2, n_cards=3, photos=0)
    undated = replace(snapshot, info=replace(snapshot.info, date=None))
    footer = Document(io.BytesIO(render_docx(undated, photos))).sections[0].footer.paragraphs[0].text
    assert not footer.startswith(("·", " ")), footer
    assert "Page" in footer and "·  ·" not in footer
    dated = Document(io.BytesIO(render_docx(snapshot, photos))).sections[0].footer.paragraphs[0].text
    assert dated.count(" · ") == 2, dated  # date · notice · Page N / M
