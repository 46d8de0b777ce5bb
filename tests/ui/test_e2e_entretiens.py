"""End to end, « Entretiens » as the Soissons mission ran it: eleven heads of service of the city and the
agglomeration, each interview a service entered in set-up, the 18 levers rated one interview at a time by
the person leading it, then the lever × service table of strengths and vulnerabilities in the play page and
in the compte-rendu (read back with pypdf)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from pypdf import PdfReader
from pytestqt.qtbot import QtBot

from workshop_app.cli import main as cli
from workshop_app.core.deck import QuestionDeck
from workshop_app.core.subjects import Verdict
from workshop_app.ui import subject_flow
from workshop_app.ui.main_window import MainWindow
from workshop_app.ui.play.page import PlayPage
from workshop_app.ui.workshop_pages import PAGE_PLAY, PAGE_SETUP

SERVICES = [
    "Urbanisme — Ville",
    "Services techniques — Ville",
    "Espaces verts — Ville",
    "CCAS — Ville",
    "Police municipale — Ville",
    "Finances — Ville",
    "Eau et assainissement — Agglomération",
    "Développement économique — Agglomération",
    "Mobilités — Agglomération",
    "Déchets — Agglomération",
    "Habitat — Agglomération",
]


def _option(service: int, lever: int) -> str:
    """A made-up but varied interview: lever 1.3 strong everywhere, lever 3.2 weak everywhere."""
    if lever == 2:
        return "4" if service % 3 else "3"
    if lever == 7:
        return "0" if service % 2 else "1"
    if (service + lever) % 11 == 0:
        return "nc"
    if (service * lever) % 13 == 5:
        return "nsp"
    return str((service + 2 * lever) % 5)


def test_entretiens_from_set_up_to_compte_rendu(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    service = window.service
    assert service is not None
    info = service.create_workshop("Entretiens Boussole — Soissons", territory="Soissons")
    interviewer = service.add_group(info.id, "Entretien (Cerema)")

    names = iter(SERVICES)
    monkeypatch.setattr(subject_flow, "ask_subject_name", lambda parent, deck: next(names))
    assert window.open_workshop(info.id, PAGE_SETUP) and window.session is not None
    setup = window.pages.setup
    assert setup is not None
    assert setup.sequences.select_deck("entretiens-boussole")
    for _ in SERVICES:
        setup.sequences.add_button.click()
    session = window.session
    assert [s.display_title for s in session.sequences] == SERVICES

    window.pages.show(PAGE_PLAY)
    page = window.pages.play
    assert isinstance(page, PlayPage)
    deck = session.sequences[0].deck
    assert isinstance(deck, QuestionDeck)
    for i, seq in enumerate(session.sequences):  # one interview after the other
        for j, card in enumerate(deck.cards):
            assert session.show_card(card.id, seq.id)
            argument = f"{SERVICES[i]} : exemple cité pour {card.informs[0].lever}"
            assert session.record_choice(interviewer.id, _option(i, j), argument) is not None
    page.flush_compass()
    assert page.compass_stack.currentWidget() is page.subjects
    assert page.subjects.title.text() == "Comparaison des services"
    model = page.subjects.model
    matrix = model.matrix
    assert matrix is not None and not matrix.signed
    assert model.rowCount() == 11 and model.columnCount() == 18
    assert model.headerData(2, _horizontal()) == "1.3"
    assert model.index(0, 2).data() == "75" and model.index(1, 2).data() == "100"
    assert matrix.verdict(matrix.cell("3.2", matrix.columns[0].id).value) is Verdict.VULNERABILITY
    assert matrix.verdict(matrix.cell("1.3", matrix.columns[4].id).value) is Verdict.STRENGTH

    window.resize(1366, 768)
    qtbot.wait(50)
    shots = os.environ.get("ATELIER_SCREENSHOTS")
    window.grab().save(os.path.join(shots, "entretiens-play.png") if shots else str(tmp_path / "play.png"))
    page.subjects.wide_button.click()  # all 18 levers at once, in a window of its own
    wide = page.subjects.wide
    assert wide is not None and wide.isVisible()
    qtbot.wait(50)
    if shots:
        wide.grab().save(os.path.join(shots, "entretiens-wide.png"))
    wide.close()

    pdf = tmp_path / "entretiens.pdf"
    assert cli(["export", info.id, "--pdf", str(pdf), "--quiet"]) == 0
    if shots:
        pdf = Path(pdf.replace(Path(shots) / "entretiens.pdf"))
    text = " ".join(" ".join((p.extract_text() or "").split()) for p in PdfReader(pdf).pages)
    text = text.replace("\u00a0", " ")
    assert "Leviers par service" in text
    assert "S11 : Habitat — Agglomération" in text  # eleven columns: coded, with their key
    assert (
        "a passé en revue 11 services (Urbanisme — Ville, Services techniques — Ville, Espaces verts — "
        "Ville, CCAS — Ville et 7 autres)"
    ) in text
    assert "Une seule personne a noté les réponses" in text
    assert "point fort pour 11 services sur 11" in text and "vulnérabilité pour 11 services sur 11" in text
    assert "Urbanisme — Ville : exemple cité pour 1.3" in text  # the interview's argument, card by card


def _horizontal():  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    return Qt.Orientation.Horizontal
