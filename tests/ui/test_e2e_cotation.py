"""End to end, « Cotation de projet » as a facilitator plays it: two projects entered in set-up, a third added
during play, two tables rating each project on the 6 principles from −2 to +2 with an argument each, the
projects side by side in the play page's comparison (a negative score read as negative), then the
compte-rendu: the comparison table with its signed numbers and the arguments, read back with pypdf."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from pypdf import PdfReader
from pytestqt.qtbot import QtBot

from workshop_app.cli import main as cli
from workshop_app.core.subjects import MINUS
from workshop_app.services.debrief import propose
from workshop_app.ui import subject_flow
from workshop_app.ui.main_window import MainWindow
from workshop_app.ui.play.page import PlayPage
from workshop_app.ui.projector import ProjectorWindow
from workshop_app.ui.settings import AppSettings
from workshop_app.ui.workshop_pages import PAGE_PLAY, PAGE_SETUP

# (project, table) -> the option of each principle's card c1…c6
RATINGS = {
    ("Friche de la gare", 0): ["pos2", "pos1", "neg2", "neutre", "pos1", "pos2"],
    ("Friche de la gare", 1): ["pos2", "pos1", "neg1", "neutre", "pos2", "pos2"],
    ("Place du marché", 0): ["pos1", "pos2", "neutre", "neg1", "pos1", "neg2"],
    ("Place du marché", 1): ["pos1", "pos2", "pos1", "neg1", "nsp", "neg2"],
    ("Parking silo", 0): ["neutre", "neg1", "neg1", "pos1", "neg2", "neg2"],
}


def _pdf_text(pdf: Path) -> str:
    pages = PdfReader(pdf).pages
    return " ".join(" ".join((p.extract_text() or "").split()) for p in pages).replace("\u00a0", " ")


def test_cotation_from_set_up_to_compte_rendu(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    service = window.service
    assert service is not None
    info = service.create_workshop("Cotation des projets ACV — Soissons", territory="Soissons")
    tables = [service.add_group(info.id, name) for name in ("Table Urbanisme", "Table Élus")]

    names = iter(["Friche de la gare", "Place du marché", "Parking silo"])
    monkeypatch.setattr(subject_flow, "ask_subject_name", lambda parent, deck: next(names))
    assert window.open_workshop(info.id, PAGE_SETUP) and window.session is not None
    setup = window.pages.setup
    assert setup is not None
    assert setup.sequences.select_deck("cotation-projet")
    setup.sequences.add_button.click()  # each click asks for the project's name
    setup.sequences.add_button.click()
    session = window.session
    assert [s.display_title for s in session.sequences] == ["Friche de la gare", "Place du marché"]
    if os.environ.get("ATELIER_SCREENSHOTS"):
        window.resize(1366, 768)
        qtbot.wait(50)
        window.grab().save(os.path.join(os.environ["ATELIER_SCREENSHOTS"], "cotation-setup.png"))

    window.pages.show(PAGE_PLAY)
    page = window.pages.play
    assert isinstance(page, PlayPage)
    friche = session.sequences[0]
    session.show_card("c1", friche.id)
    page.flush_compass()
    assert page.compass_stack.currentWidget() is page.subjects  # the comparison, not a 0–100 radar
    assert page.subjects.title.text() == "Comparaison des projets"
    page.subjects.add_button.click()  # a third project, during play
    assert [s.display_title for s in session.sequences][-1] == "Parking silo"

    by_name = {s.display_title: s for s in session.sequences}
    for (project, t), options in RATINGS.items():
        seq = by_name[project]
        for i, option in enumerate(options, start=1):
            assert session.show_card(f"c{i}", seq.id)
            argument = f"{project} · P{i} · table {t + 1}"
            assert session.record_choice(tables[t].id, option, argument) is not None
    page.flush_compass()
    model = page.subjects.model
    assert model.rowCount() == 3 and model.columnCount() == 6
    texts = {
        model.headerData(r, _vertical()).removeprefix("▶ "): [model.index(r, c).data() for c in range(6)]
        for r in range(3)
    }
    assert texts["Friche de la gare"] == ["+2", "+1", f"{MINUS}1,5", "0", "+1,5", "+2"]
    assert texts["Place du marché"] == ["+1", "+2", "+0,5", f"{MINUS}1", "+1", f"{MINUS}2"]
    assert texts["Parking silo"] == ["0", f"{MINUS}1", f"{MINUS}1", "+1", f"{MINUS}2", f"{MINUS}2"]
    tip = model.index(0, 2).data(_tooltip())
    assert f"{MINUS}2 à {MINUS}1" in tip  # the two tables' spread behind the mean

    window.resize(1366, 768)
    qtbot.wait(50)
    shots = os.environ.get("ATELIER_SCREENSHOTS")
    window.grab().save(os.path.join(shots, "cotation-play.png") if shots else str(tmp_path / "play.png"))

    projector = ProjectorWindow(session, AppSettings())  # the room sees the same signed table, once revealed
    qtbot.addWidget(projector)
    projector.resize(1280, 720)
    projector._scale_to(720)  # what showing it on the projector's screen does
    projector.show()
    assert not projector.subjects.isVisible() and not projector.compass.isVisible()
    session.set_revealed(True)
    qtbot.wait(50)
    assert projector.subjects.isVisible() and not projector.compass.isVisible()
    assert projector.subjects.model.index(0, 2).data() == f"{MINUS}1,5"
    assert not projector.subjects.add_button.isVisible()
    if shots:
        projector.grab().save(os.path.join(shots, "cotation-projector.png"))
    projector.close()

    proposals = propose(session.live_snapshot())  # what the Bilan tab proposes: signed, by project
    assert "Friche de la gare : Stratégies – Gouvernance (+2, les 2\u00a0tables à +2)" in proposals.strengths
    assert f"Parking silo : Adaptation – Innovation ({MINUS}2, une seule table)" in proposals.vulnerabilities
    assert not [x for x in (*proposals.strengths, *proposals.vulnerabilities) if "/100" in x]

    pdf = tmp_path / "cotation.pdf"
    assert cli(["export", info.id, "--pdf", str(pdf), "--quiet"]) == 0
    if shots:
        pdf.replace(Path(shots) / "cotation.pdf")
        pdf = Path(shots) / "cotation.pdf"
    text = _pdf_text(pdf)
    assert "Comparaison des projets" in text
    assert "Friche de la gare" in text and "Place du marché" in text and "Parking silo" in text
    assert f"{MINUS}1,5 ({MINUS}2 à {MINUS}1)" in text  # the friche on anticipation, its spread beside it
    assert "0 = neutre" in text and "pas ramenée à une note sur 100" in text
    assert "Friche de la gare · P3 · table 1" in text  # each table's argument, card by card
    assert "Parking silo — contribue à Robustesse – Continuité ; fait obstacle à" in text
    assert "+1 — Impact positif implicite · +2 — Impact positif explicite" in text  # raw answers' legend
    assert "1. Le projet et la gouvernance +2 +2" in text  # the raw grid shows the sign of a +2
    assert "Table Urbanisme : +2 · Table Élus : +2" in text  # the card-agreement table, signed too
    spread = text[text.index("sur lesquels les tables s") :][:600]  # where the tables differ most
    assert "Leviers sur lesquels" not in text and "Principe Plus bas Plus haut Écart" in spread
    assert "/100" not in spread and "points" not in spread  # on the −2…+2 scale, not on 100
    assert "(ici 1 niveau d’écart au plus, sur l’échelle de −2 à +2)" in text and "de 0 à 4" not in text
    assert "Principes : Stratégies et gouvernances" in text and "Leviers :" not in text  # what a card rates

    short, docx, xlsx = tmp_path / "court.pdf", tmp_path / "cotation.docx", tmp_path / "cotation.xlsx"
    assert cli(["export", info.id, "--pdf", str(short), "--edition", "synthese", "--quiet"]) == 0
    brief = _pdf_text(short)  # the elected officials' edition: the comparison, signed, and no radar of 0–100
    assert "Comparaison des projets (de −2 à +2, 0 = neutre)" in brief
    assert "Friche de la gare : Anticipation – Veille (−1,5, tables de −2 à −1)" in brief
    assert cli(["export", info.id, "--docx", str(docx), "--xlsx", str(xlsx), "--quiet"]) == 0
    from docx import Document

    document = Document(str(docx))
    words = " ".join(p.text for p in document.paragraphs)
    cells = " ".join(" ".join(c.text.split()) for t in document.tables for r in t.rows for c in r.cells)
    assert "Comparaison des projets" in words and f"{MINUS}1,5 ({MINUS}2 à {MINUS}1)" in cells
    assert "Leviers sur lesquels" not in words + cells and "Principe Plus bas Plus haut Écart" in cells


def _vertical():  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    return Qt.Orientation.Vertical


def _tooltip():  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    return Qt.ItemDataRole.ToolTipRole
