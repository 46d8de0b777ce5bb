"""End to end, « Grille de décision » as Cerema Centre-Est's offer runs it: candidate actions entered in
set-up, two criteria the group chose added during play, two tables rating each action on each criterion, the
ranking beside the comparison, the top-ranked actions turned into action-plan rows that the facilitator then
completes, and the compte-rendu (ranking, which rows came from it, the plan), read back with pypdf."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from pytestqt.qtbot import QtBot

from workshop_app.cli import main as cli
from workshop_app.ui import subject_flow
from workshop_app.ui.main_window import MainWindow
from workshop_app.ui.play.page import PlayPage
from workshop_app.ui.workshop_pages import PAGE_PLAY, PAGE_SETUP

ACTIONS = [
    "Parc inondable des Prés",
    "Cours d’école désimperméabilisées",
    "Plan canicule partagé",
    "Nouveau parking en centre-ville",
]
CRITERIA = ["Faisable avant la fin du mandat", "Acceptable par les habitants"]
# action -> card -> (table 1, table 2)
# the ranking: criteria weighted 1, 1 and 2
RATINGS = {
    0: {"k1": ("3", "3"), "k2": ("1", "0"), "k3": ("2", "2")},  # (3 + 0.5 + 2·2) / 4 = 1.875
    1: {"k1": ("2", "3"), "k2": ("3", "2"), "k3": ("3", "3")},  # (2.5 + 2.5 + 2·3) / 4 = 2.75
    2: {"k1": ("2", "2"), "k2": ("3", "3"), "k3": ("2", "nsp")},  # (2 + 3 + 2·2) / 4 = 2.25
    3: {"k1": ("0", "0"), "k2": ("2", "1"), "k3": ("1", "0")},  # (0 + 1.5 + 2·0.5) / 4 = 0.625
}


def test_grille_from_set_up_to_action_plan(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    service = window.service
    assert service is not None
    info = service.create_workshop("Hiérarchiser les actions — PETR", territory="PETR du Grand Pays")
    tables = [service.add_group(info.id, name) for name in ("Table A", "Table B")]
    names = iter(ACTIONS)
    monkeypatch.setattr(subject_flow, "ask_subject_name", lambda parent, deck: next(names))
    criteria = iter(CRITERIA)
    monkeypatch.setattr(subject_flow, "ask_criterion_name", lambda parent, deck: next(criteria))
    weights = iter([1, 2])  # the group says acceptability counts double
    monkeypatch.setattr(subject_flow, "ask_criterion_weight", lambda parent, name: next(weights))
    assert window.open_workshop(info.id, PAGE_SETUP) and window.session is not None
    setup = window.pages.setup
    assert setup is not None and setup.sequences.select_deck("grille-decision")
    for _ in ACTIONS:
        setup.sequences.add_button.click()
    session = window.session

    window.pages.show(PAGE_PLAY)
    page = window.pages.play
    assert isinstance(page, PlayPage)
    session.show_card("k1", session.sequences[0].id)
    page.flush_compass()
    assert page.subjects.criterion_button.isVisible() and page.subjects.plan_button.isVisible()
    page.subjects.criterion_button.click()  # the group's own criteria, during play
    page.subjects.criterion_button.click()
    assert (session.card_id or "").startswith("k3-")  # the new criterion, shown at once (id k3-1a2b3c4d)
    assert all([c.title for c in s.deck.cards][1:] == CRITERIA for s in session.sequences)
    ids = {f"k{n + 1}": c.id for n, c in enumerate(session.sequences[0].deck.cards)}

    for i, seq in enumerate(session.sequences):
        for card, options in RATINGS[i].items():
            assert session.show_card(ids[card], seq.id)
            for t, option in enumerate(options):
                assert session.record_choice(tables[t].id, option, f"{ACTIONS[i]} / {card} / T{t + 1}")
    page.flush_compass()
    model = page.subjects.model
    assert model.columnCount() == 4  # three criteria and the ranking
    assert [model.index(r, 3).data() for r in range(4)] == ["3e · 1,9", "1er · 2,8", "2e · 2,3", "4e · 0,6"]

    page.subjects.plan_button.click()  # the top three become action-plan rows
    actions = session.snapshot.actions
    assert [a.action for a in actions] == [ACTIONS[1], ACTIONS[2], ACTIONS[0]]
    assert all(a.owner == "" and a.deadline is None for a in actions)  # for the facilitator to complete
    page.subjects.plan_button.click()  # twice: nothing more
    assert len(session.snapshot.actions) == 3
    service.update_action(actions[0].id, owner="Direction de l’éducation", deadline=date(2027, 9, 1))

    window.resize(1366, 768)
    qtbot.wait(50)
    shots = os.environ.get("ATELIER_SCREENSHOTS")
    window.grab().save(os.path.join(shots, "grille-play.png") if shots else str(tmp_path / "play.png"))

    pdf = tmp_path / "grille.pdf"
    assert cli(["export", info.id, "--pdf", str(pdf), "--quiet"]) == 0
    if shots:
        pdf = Path(pdf.replace(Path(shots) / "grille.pdf"))
    text = " ".join(" ".join((p.extract_text() or "").split()) for p in PdfReader(pdf).pages)
    text = text.replace("\u00a0", " ")
    assert "Comparaison des actions candidates" in text and "Classement des actions" in text
    assert "1er Cours d’école désimperméabilisées 2,8 3 sur 3 oui" in text
    assert "4e Nouveau parking en centre-ville 0,6 3 sur 3 —" in text
    assert "ont été inscrites au plan d’action par l’animation à partir de ce classement" in text
    assert "Faisable avant la fin du mandat" in text and "Acceptable par les habitants" in text
    assert "Poids des critères : Contribution à la résilience du territoire 1 ; Faisable avant la fin du " \
        "mandat 1 ; Acceptable par les habitants 2." in text
    assert "Direction de l’éducation" in text  # the facilitator's completion, in the plan
    assert "Parc inondable des Prés / k2 / T1" in text  # each table's argument

    archive, csv = tmp_path / "grille.zip", tmp_path / "grille.csv"  # the workshop travels whole
    assert cli(["export", info.id, "--csv", str(csv), "--quiet"]) == 0
    assert "Acceptable par les habitants" in csv.read_text(encoding="utf-8-sig")
    assert cli(["bundle", "export", info.id, str(archive)]) == 0
    other = f"sqlite:///{tmp_path / 'autre.sqlite3'}"
    assert cli(["--database", other, "bundle", "import", str(archive)]) == 0
    from workshop_app.store.service import open_store

    with open_store(other) as elsewhere:
        copy = elsewhere.snapshot(info.id)
        assert all([c.title for c in s.deck.cards][1:] == CRITERIA for s in copy.sequences)
        assert len(copy.actions) == 3
