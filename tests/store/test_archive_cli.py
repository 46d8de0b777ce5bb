"""``atelier demo --workshops N`` and the filters of ``atelier workshops``."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from workshop_app.cli import main
from workshop_app.core.deck import QuestionDeck, StrategyDeck
from workshop_app.store import open_store


@pytest.fixture
def small_decks(monkeypatch: pytest.MonkeyPatch, qdeck: QuestionDeck, sdeck: StrategyDeck) -> None:
    import workshop_app.store.demo_archive as demo_archive

    monkeypatch.setattr(demo_archive, "_find", lambda deck_id, kind: qdeck if kind is QuestionDeck else sdeck)


def _ids(out: str) -> list[str]:
    return [line.split("\t")[0] for line in out.splitlines()[1:]]


@pytest.mark.usefixtures("small_decks")
def test_demo_archive_then_filters(
    atelier_home: Path, capsys: pytest.CaptureFixture[str], qdeck: QuestionDeck, sdeck: StrategyDeck
) -> None:
    assert main(["demo", "--workshops", "7"]) == 0
    assert capsys.readouterr().out.startswith("7 ateliers d’exemple")
    assert main(["demo", "--workshops", "7"]) == 0  # same seeds: nothing added twice
    with open_store() as store:
        rows = store.list_workshops()
        assert len(rows) == 7 and len({r.territory for r in rows}) == 6
        old = store.create_workshop("Atelier ancien", territory="Saint-Quentin", date=dt.date(2023, 5, 4))
        store.add_sequence(old.id, qdeck)
    capsys.readouterr()
    assert main(["workshops", "--territoire", "saint-quentin"]) == 0  # case and accents do not matter
    found = _ids(capsys.readouterr().out)
    assert len(found) == 2 and old.id in found
    assert main(["workshops", "--territoire", "Saint-Q", "--annee", "2023"]) == 0
    assert _ids(capsys.readouterr().out) == [old.id]
    assert main(["workshops", "--jeu", sdeck.id]) == 0
    assert len(_ids(capsys.readouterr().out)) == 7  # the old workshop played only the questions
    assert main(["workshops", "--jeu", qdeck.id, "--année", "2023"]) == 0
    assert _ids(capsys.readouterr().out) == [old.id]
    assert main(["workshops", "--territoire", "Lille"]) == 0
    assert capsys.readouterr().out.strip() == "Aucun atelier ne correspond à ces filtres."


def test_demo_archive_refuses_a_count_below_one(
    atelier_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["demo", "--workshops", "0"]) == 2
    assert "supérieur ou égal à 1" in capsys.readouterr().err


@pytest.mark.usefixtures("small_decks")
def test_a_programme_groups_workshops_and_filters_the_list(
    atelier_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["demo", "--workshops", "4"]) == 0
    with open_store() as store:
        ids = [s.id for s in store.list_workshops()]
    capsys.readouterr()
    name = "Nature en ville — Hauts-de-France 2024–2025"
    assert main(["programme", name, ids[0], ids[1][:8]]) == 0
    assert capsys.readouterr().out.strip() == f"2 atelier(s) dans le programme « {name} »."
    assert main(["workshops", "--programme", "nature en ville — hauts-de-france 2024–2025"]) == 0
    assert sorted(_ids(capsys.readouterr().out)) == sorted(ids[:2])
    with open_store() as store:
        assert {s.id: s.programme for s in store.list_workshops()}[ids[0]] == name
    assert main(["programme", name, ids[0], "--retirer"]) == 0
    capsys.readouterr()
    assert main(["workshops", "--programme", name]) == 0
    assert _ids(capsys.readouterr().out) == [ids[1]]
    assert main(["programme", name, "zzzz"]) == 1  # unknown workshop: a French message
    assert "Aucun atelier ne correspond à « zzzz »" in capsys.readouterr().err
