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
