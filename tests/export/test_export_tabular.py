"""Raw answers as CSV and XLSX: read back with csv and openpyxl."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import openpyxl
from export_factory import make_snapshot, participant_names

from workshop_app.core.events import Event, EventKind
from workshop_app.export.tabular import COLUMNS, csv_bytes, write_csv, write_xlsx
from workshop_app.export.tabular_xlsx import sheet_title


def _read_csv(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: French Excel reads UTF-8
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""), delimiter=";"))


C = {name: i for i, name in enumerate(COLUMNS)}


def test_csv_rows_columns_and_values(tmp_path: Path) -> None:
    snapshot, _ = make_snapshot(n_groups=3, n_cards=5, notes_per_answer=True)
    target = tmp_path / "reponses.csv"
    write_csv(snapshot, target)
    rows = _read_csv(target)
    assert rows[0] == list(COLUMNS)
    assert rows[0] == [
        "territoire",
        "type de territoire",
        "date",
        "atelier",
        "identifiant atelier",
        "séquence",
        "jeu",
        "carte",
        "titre",
        "leviers",
        "table",
        "réponse",
        "valeur",
        "sens de la valeur",
        "score sur 100",
        "argument",
        "notes",
        "horodatage",
    ]
    body = rows[1:]
    state = snapshot.state()
    picks = sum(len(state.sequences["s2"].picked(g.id)) for g in snapshot.groups)
    assert len(body) == 3 * 5 + picks
    # every row says where it comes from: the files of a cohort stack as they are
    assert {(r[C["territoire"]], r[C["date"]], r[C["identifiant atelier"]]) for r in body} == {
        ("Soissons", "2026-11-23", snapshot.info.id)
    }
    deck = snapshot.sequences[0].deck
    by_key = {
        (r[C["carte"]], r[C["table"]]): r for r in body if r[C["séquence"]] == "Les « Et si… » du territoire"
    }
    for group in snapshot.groups:
        answer = state.sequences["s1"].answer(group.id, "q01")
        row = by_key[("q01", group.name)]
        assert row[C["leviers"]].startswith("1.1 Assurer une gouvernance")
        assert row[C["sens de la valeur"]] == "niveau de maturité (0 à 4)"
        if answer is None:
            assert row[C["réponse"]] == row[C["valeur"]] == row[C["horodatage"]] == ""
            continue
        option = deck.option(answer.option)  # type: ignore[union-attr]
        assert row[C["réponse"]] == option.label.replace("\u00a0", " ")
        assert row[C["valeur"]] == ("" if option.value is None else str(int(option.value)))
        if option.value is not None:
            assert row[C["score sur 100"]] == str(int(option.value * 25))
        assert row[C["argument"]] == answer.argument
        assert row[C["notes"]].startswith("Verbatim : « ")
        assert re.fullmatch(r"2026-11-23 \d\d:\d\d:\d\d", row[C["horodatage"]])  # Paris time, Excel reads it
    strategy = [r for r in body if r[C["réponse"]] == "retenue"]
    assert len(strategy) == picks and all(r[C["valeur"]].isdigit() for r in strategy)
    assert {r[C["sens de la valeur"]] for r in strategy} == {"coût (points)"}
    assert all(r[C["score sur 100"]] == "" and r[C["leviers"]] for r in strategy)
    assert not any("\u00a0" in cell or "\u202f" in cell for r in rows for cell in r)


def test_csv_is_byte_stable() -> None:
    snapshot, _ = make_snapshot(n_groups=3, n_cards=4)
    assert csv_bytes(snapshot) == csv_bytes(snapshot)


def test_csv_neutralises_formulas_and_keeps_newlines() -> None:
    snapshot, _ = make_snapshot(n_groups=2, n_cards=2, strategy=False)
    events = [
        *snapshot.events,
        Event(
            9000,
            EventKind.CHOICE_RECORDED,
            "s1",
            "g01",
            "q01",
            {"option": "3", "argument": '=HYPERLINK("http://x")'},
        ),
        Event(
            9001,
            EventKind.CHOICE_RECORDED,
            "s1",
            "g02",
            "q01",
            {"option": "2", "argument": "ligne 1\nligne; 2"},
        ),
    ]
    rows = list(
        csv.reader(
            io.StringIO(csv_bytes(replace(snapshot, events=tuple(events))).decode("utf-8-sig"), newline=""),
            delimiter=";",
        )
    )
    arguments = {r[C["table"]]: r[C["argument"]] for r in rows[1:] if r[C["carte"]] == "q01"}
    assert arguments["Table des Tilleuls"] == '\'=HYPERLINK("http://x")'
    assert arguments["Table des Platanes"] == "ligne 1\nligne; 2"


def test_csv_anonymised(tmp_path: Path) -> None:
    snapshot, _ = make_snapshot(n_groups=2, n_cards=3, notes_per_answer=True)
    name = participant_names(snapshot)[0]
    events = [
        *snapshot.events,
        Event(
            9000,
            EventKind.CHOICE_RECORDED,
            "s1",
            "g01",
            "q02",
            {"option": "1", "argument": f"Selon {name}, rien n'est prêt."},
        ),
    ]
    snapshot = replace(snapshot, events=tuple(events))
    plain = csv_bytes(snapshot).decode("utf-8-sig")
    anonymous = csv_bytes(snapshot, anonymise=True).decode("utf-8-sig")
    assert name in plain
    assert all(n not in anonymous for n in participant_names(snapshot))
    assert "Selon Participant·e 1, rien n'est prêt." in anonymous


def test_xlsx_sheets_headers_values_and_print_setup(tmp_path: Path) -> None:
    snapshot, _ = make_snapshot(n_groups=3, n_cards=5, hostile=True)
    target = tmp_path / "atelier.xlsx"
    write_xlsx(snapshot, target)
    book = openpyxl.load_workbook(target)
    assert book.sheetnames == [
        "Atelier",
        "1. Les « Et si… » du territoire",
        "2. Stratégie Nature en ville…",  # « — version d’essai » left out at a word boundary
        "Boussole",
        "Plan d'action",
        "Notes",
        "Participants",
    ]
    for ws in book.worksheets:
        assert ws.freeze_panes == "A2"
        assert all(cell.font.bold for cell in ws[1] if cell.value is not None)
        assert ws.column_dimensions["A"].width > 4
        assert ws.page_setup.orientation == "landscape"
        assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0
        assert ws.sheet_properties.pageSetUpPr.fitToPage
        assert ws.print_title_rows == "$1:$1"
    first = book["1. Les « Et si… » du territoire"]
    header = [c.value for c in first[1]]
    assert header == list(COLUMNS)
    assert first.max_row == 1 + 3 * 5
    values = [[c.value for c in row] for row in first.iter_rows(min_row=2)]
    state = snapshot.state()
    answer = state.sequences["s1"].answer("g02", "q01")
    assert answer is not None
    row = next(v for v in values if v[C["carte"]] == "q01" and v[C["table"]] == "Table des Platanes")
    assert row[C["argument"]] == answer.argument
    assert isinstance(row[C["valeur"]], (int, float)) or row[C["valeur"]] is None
    assert isinstance(row[C["horodatage"]], datetime)  # a real date and time
    # hostile text is stored as text, never as a formula
    for ws in book.worksheets:
        for line in ws.iter_rows():
            for cell in line:
                assert cell.data_type != "f", cell.value
    boussole = book["Boussole"]
    rows = [[c.value for c in r] for r in boussole.iter_rows()]
    assert rows[0][:6] == ["séquence", "niveau", "identifiant", "intitulé", "salle", "couverture salle"]
    levers = [r for r in rows if r[1] == "levier"]
    assert len(levers) == 18
    assert {r[1] for r in rows[1:]} == {"principe", "levier", "ensemble", "axe"}
    reading = snapshot.compass("s1")
    lever = next(r for r in levers if r[2] == "1.1")
    expected = reading.room.levers["1.1"].score
    assert lever[4] == (round(expected, 1) if expected is not None else None)
    plan = book["Plan d'action"]
    assert plan.max_row == 1 + len(snapshot.actions)
    assert plan["B2"].value == snapshot.actions[0].action  # '<font color=red>…' kept as text
    notes = [[c.value for c in r] for r in book["Notes"].iter_rows(min_row=2)]
    assert any("municipal de janvier" in str(r[4]) for r in notes)
    assert book["Participants"].max_row == 1 + len(snapshot.participants)


def test_sheet_names_are_never_cut_mid_word() -> None:
    taken: set[str] = set()
    title = sheet_title("2. Séquence 2 — Stratégie nature en ville", taken)
    assert len(title) <= 31 and title == "2. Séquence 2 — Stratégie…"
    assert sheet_title("2. Séquence 2 — Stratégie nature en ville", taken) == "2. Séquence 2 — Stratégie… (2)"
    assert sheet_title("Court", taken) == "Court"


def test_xlsx_anonymised_and_atomic(tmp_path: Path) -> None:
    snapshot, _ = make_snapshot(n_groups=2, n_cards=3)
    target = tmp_path / "out" / "atelier.xlsx"
    target.parent.mkdir()
    target.write_bytes(b"previous")
    write_xlsx(snapshot, target, anonymise=True)
    assert sorted(p.name for p in target.parent.iterdir()) == ["atelier.xlsx"]
    book = openpyxl.load_workbook(target)
    text = " ".join(str(c.value) for ws in book.worksheets for r in ws.iter_rows() for c in r if c.value)
    assert all(name not in text for name in participant_names(snapshot))
