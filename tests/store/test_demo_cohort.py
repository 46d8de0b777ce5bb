"""``atelier demo --cohort`` and ``atelier compare`` on the user's real SQLite file: the sample programme
is made once, compares as a cohort of five cities and as Soissons' evolution, and the merged table names
every city."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from workshop_app.cli import main
from workshop_app.core.compare_model import CompareKind
from workshop_app.services.compare import compare_workshops, programme_workshops, territory_workshops
from workshop_app.store import open_store
from workshop_app.store.demo_cohort import CITIES, EVOLUTION_PROGRAMME, PROGRAMME, create_demo_cohort


def _counts() -> tuple[int, int]:
    import sqlite3

    from workshop_app.paths import home
    from workshop_app.store.backup import DATABASE_NAME

    with sqlite3.connect(home() / DATABASE_NAME) as db:
        workshops = db.execute("SELECT count(*) FROM workshops").fetchone()[0]
        events = db.execute("SELECT count(*) FROM events").fetchone()[0]
    return int(workshops), int(events)


def test_the_demo_cohort_is_idempotent_and_compares_both_ways() -> None:
    with open_store() as store:
        demo = create_demo_cohort(store)
    before = _counts()
    with open_store() as store:
        again = create_demo_cohort(store)
        assert again == demo
        assert _counts() == before and before[0] == 7
        cohort = compare_workshops(store, programme_workshops(store, PROGRAMME))
        assert cohort.kind is CompareKind.COHORT
        assert [p.label for p in cohort.profiles] == sorted(c for c, _ in CITIES)
        assert cohort.deck.deck_id == "nature-en-ville" and all(p.choices for p in cohort.profiles)
        assert cohort.common_choices  # the cities share some choices
        evolution = compare_workshops(store, territory_workshops(store, "Soissons"))
        assert evolution.kind is CompareKind.EVOLUTION
        assert evolution.deck.deck_id == "boussole-autodiagnostic"
        assert [p.date.year for p in evolution.profiles if p.date] == [2024, 2025]
        # Soissons' Nature en ville workshop is not the same compass: said, not compared
        assert [e.workshop_id for e in evolution.excluded] == [demo.cities["Soissons"]]
        assert evolution.profiles[0].low_coverage is False
        assert any(m.low_coverage for m in evolution.movements)  # 2024's last principle, marked
        assert {s.programme for s in store.list_workshops()} == {PROGRAMME, EVOLUTION_PROGRAMME}


def test_cli_compare_writes_a_merged_table_naming_every_city(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["demo", "--cohort"]) == 0
    out = tmp_path / "cohorte.csv"
    assert (
        main(["compare", "--programme", PROGRAMME, "--csv", str(out), "--xlsx", str(tmp_path / "c.xlsx")])
        == 0
    )
    assert "Tableau (CSV) écrit" in capsys.readouterr().out
    rows = list(csv.DictReader(io.StringIO(out.read_bytes().decode("utf-8-sig")), delimiter=";"))
    assert {r["territoire"] for r in rows} == {c for c, _ in CITIES}
    assert {r["type"] for r in rows} == {"principe", "carte retenue"}
    from openpyxl import load_workbook

    sheet = load_workbook(tmp_path / "c.xlsx")["Comparaison"]
    assert {row[0] for row in sheet.iter_rows(min_row=2, values_only=True)} == {c for c, _ in CITIES}
    anonymous = tmp_path / "anonyme.csv"
    assert main(["compare", "--programme", PROGRAMME, "--anonymise", "--csv", str(anonymous)]) == 0
    text = anonymous.read_bytes().decode("utf-8-sig")
    assert not any(city in text for city, _ in CITIES) and "Ville E" in text


def test_cli_compare_says_in_french_what_is_wrong(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo", "--cohort"]) == 0
    capsys.readouterr()
    assert main(["compare", "--territoire", "Soissons"]) == 0
    printed = capsys.readouterr().out
    assert "Évolution — Soissons" in printed and "n’est pas comparé" in printed
    assert main(["compare", "--programme", "Programme inconnu"]) != 0
    assert "Aucun atelier dans le programme « Programme inconnu »" in capsys.readouterr().err
    assert main(["compare", "zzzz"]) != 0
    assert "Aucun atelier ne correspond" in capsys.readouterr().err
