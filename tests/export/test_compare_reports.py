"""Evolution and cohort reports, built from ``atelier demo --cohort`` in a real SQLite file, read back: the
PDF with pypdf, the DOCX with python-docx (the same content), the rules and the disclaimer printed, the
territories by name and never ranked, low coverage written, anonymised names gone."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator

import pytest
from docx import Document
from export_factory import pdf_text
from pypdf import PdfReader

from workshop_app.core.compare_model import RULES, Comparison
from workshop_app.services.compare import compare_workshops, programme_workshops, territory_workshops
from workshop_app.store import WorkshopStore, open_store
from workshop_app.store.demo_cohort import CITIES, PROGRAMME, create_demo_cohort

NAMES = [c for c, _ in CITIES]


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WorkshopStore]:
    url = f"sqlite:///{tmp_path_factory.mktemp('cohort') / 'atelier.sqlite3'}"
    with open_store(url) as opened:
        create_demo_cohort(opened)
        yield opened


def _cohort(store: WorkshopStore, anonymise: bool = False) -> Comparison:
    return compare_workshops(store, programme_workshops(store, PROGRAMME), anonymise=anonymise)


def _evolution(store: WorkshopStore) -> Comparison:
    return compare_workshops(store, territory_workshops(store, "Soissons"))


def _plain(text: str) -> str:
    return text.replace("\u2019", "'")


def test_cohort_pdf_prints_rules_names_in_order_and_choices(store: WorkshopStore) -> None:
    from workshop_app.export.compare.pdf import render_compare_pdf

    comparison = _cohort(store)
    data = render_compare_pdf(comparison)
    text = pdf_text(data)
    deck = comparison.deck
    assert deck.deck_id == "nature-en-ville"
    assert "Cohorte — 5 territoires" in text and f"{deck.title} (version {deck.version})" in text
    for rule in RULES:
        assert _plain(" ".join(rule.replace("\u00a0", " ").split()))[:60] in text
    # a strategy game compared: the expected effects of the tables' strategies, never a self-assessment
    assert "Ces scores décrivent les effets attendus des stratégies que les tables de chaque atelier" in text
    assert "autoévaluation" not in text
    table = text[text.index("Effets attendus, axe par axe", text.index("Les profils")) :]
    positions = [table.index(name) for name in NAMES]
    assert positions == sorted(positions)  # by name, whatever their scores
    assert "Les actions retenues par la plupart des territoires" in text
    assert "Ce que chaque territoire a retenu" in text
    assert "Le profil de chaque territoire" in text and "Effets forts" in text
    assert not re.search(r"\b(classement|rang) ?:", text)
    assert len(PdfReader(io.BytesIO(data)).pages) >= 4


def test_the_footer_names_what_was_compared_not_the_autodiagnostic(store: WorkshopStore) -> None:
    from workshop_app.export.compare.pdf import render_compare_pdf

    cohort = _cohort(store)
    pages = PdfReader(io.BytesIO(render_compare_pdf(cohort))).pages
    footers = [page.extract_text() for page in pages[1:]]
    assert "nature en ville" in cohort.deck.title.lower()
    assert all(f"Document de travail — comparaison : {cohort.deck.title}" in f for f in footers)
    assert not any("autodiagnostic" in f for f in footers)
    evolution = pdf_text(render_compare_pdf(_evolution(store)))
    title = _evolution(store).deck.title.replace("\u00a0", " ")
    assert f"Document de travail — évolution : {title}" in evolution


def test_evolution_pdf_says_what_moved_and_marks_low_coverage(store: WorkshopStore) -> None:
    from workshop_app.export.compare.pdf import render_compare_pdf

    text = pdf_text(render_compare_pdf(_evolution(store)))
    assert "Évolution — Soissons" in text and "Du 20/06/2024 au 09/10/2025" in text
    assert "La boussole à chaque date" in text and "Ce qui a bougé, levier par levier" in text
    assert "en hausse" in text and "couverture faible" in text
    # Soissons' Nature en ville day is not the same compass: said in the report
    assert "n'est pas comparé" in text and "Stratégie Nature en ville — Soissons" in text


def test_anonymised_cohort_names_no_city(store: WorkshopStore) -> None:
    from workshop_app.export.compare.docx import render_compare_docx
    from workshop_app.export.compare.pdf import render_compare_pdf

    comparison = _cohort(store, anonymise=True)
    data = render_compare_pdf(comparison)
    text = pdf_text(data)
    assert all(f"Ville {letter}" in text for letter in "ABCDE")
    assert not [name for name in NAMES if name in text]
    # nor its metadata: the document information and the XMP (the comparison is archival too)
    reader = PdfReader(io.BytesIO(data))
    info = " ".join(str(v) for v in reader.trailer["/Info"].get_object().values())
    xmp = reader.trailer["/Root"]["/Metadata"].get_object().get_data().decode("utf-8")
    assert "pdfaid:part" in xmp and "/OutputIntents" in reader.trailer["/Root"]
    assert not [name for name in NAMES if name in info or name in xmp], (info, xmp)
    words = _docx_text(render_compare_docx(comparison))
    assert not [name for name in NAMES if name in words] and "Ville A" in words


def _docx_text(data: bytes) -> str:
    document = Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts += [cell.text for cell in row.cells]
    return " ".join(" ".join(parts).replace("\u00a0", " ").split()).replace("\u2019", "'")


def test_docx_holds_the_pdf_content_with_word_headings(store: WorkshopStore) -> None:
    from workshop_app.export.compare.docx import render_compare_docx
    from workshop_app.export.compare.pdf import story
    from workshop_app.export.docx.story import walk

    comparison = _evolution(store)
    assert walk(story(comparison)).skipped == []  # every flowable of the PDF reaches the DOCX
    data = render_compare_docx(comparison)
    document = Document(io.BytesIO(data))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert "1. La boussole à chaque date" in headings
    words = _docx_text(data)
    assert "autoévaluation des participants" in words and "couverture faible" in words
    assert any(p.filename.startswith("word/media/") for p in _parts(data))


def _parts(data: bytes) -> list[zipfile.ZipInfo]:
    return list(zipfile.ZipFile(io.BytesIO(data)).infolist())
