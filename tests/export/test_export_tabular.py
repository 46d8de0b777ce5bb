"""Raw answers as CSV and XLSX: read back with csv and openpyxl."""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from pathlib import Path

import openpyxl
from export_factory import make_snapshot, participant_names

from workshop_app.core.events import Event, EventKind
from workshop_app.export.tabular import COLUMNS, csv_bytes, write_csv, write_xlsx


def _read_csv(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: French Excel reads UTF-8
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""), delimiter=";"))


def test_csv_rows_columns_and_values(tmp_path: Path) -> None:
    snapshot, _ = make_snapshot(n_groups=3, n_cards=5)
    target = tmp_path / "reponses.csv"
    write_csv(snapshot, target)
    rows = _read_csv(target)
    assert (
        rows[0]
        == list(COLUMNS)
        == [
            "séquence",
            "jeu",
            "carte",
            "titre",
            "groupe",
            "réponse",
            "valeur",
            "argument",
            "horodatage",
        ]
    )
    body = rows[1:]
    state = snapshot.state()
    picks = sum(len(state.sequences["s2"].picked(g.id)) for g in snapshot.groups)
    assert len(body) == 3 * 5 + picks
    deck = snapshot.sequences[0].deck
    by_key = {(r[2], r[4]): r for r in body if r[0] == "Les « Et si… » du territoire"}
    for group in snapshot.groups:
        answer = state.sequences["s1"].answer(group.id, "q01")
        row = by_key[("q01", group.name)]
        if answer is None:
            assert row[5] == "" and row[6] == "" and row[8] == ""
            continue
        option = deck.option(answer.option)  # type: ignore[union-attr]
        assert row[5] == option.label
        assert row[6] == ("" if option.value is None else str(int(option.value)))
        assert row[7] == answer.argument
        assert row[8].startswith("2026-11-23T") and row[8].endswith("+01:00")
    strategy = [r for r in body if r[5] == "retenue"]
    assert len(strategy) == picks and all(r[6].isdigit() for r in strategy)


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
    arguments = {r[4]: r[7] for r in rows[1:] if r[2] == "q01"}
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


def test_xlsx_sheets_headers_and_values(tmp_path: Path) -> None:
    snapshot, _ = make_snapshot(n_groups=3, n_cards=5, hostile=True)
    target = tmp_path / "atelier.xlsx"
    write_xlsx(snapshot, target)
    book = openpyxl.load_workbook(target)
    assert book.sheetnames == [
        "1. Les « Et si… » du territoire",
        "2. Stratégie Nature en ville",
        "Boussole",
        "Plan d'action",
    ]
    for ws in book.worksheets:
        assert ws.freeze_panes == "A2"
        assert all(cell.font.bold for cell in ws[1] if cell.value is not None)
        assert ws.column_dimensions["A"].width > 4
    first = book.worksheets[0]
    header = [c.value for c in first[1]]
    assert header == list(COLUMNS)
    assert first.max_row == 1 + 3 * 5
    values = [[c.value for c in row] for row in first.iter_rows(min_row=2)]
    state = snapshot.state()
    answer = state.sequences["s1"].answer("g02", "q01")
    assert answer is not None
    row = next(v for v in values if v[2] == "q01" and v[4] == "Table des Platanes")
    assert row[7] == answer.argument
    assert isinstance(row[6], (int, float)) or row[6] is None
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
    reading = snapshot.compass("s1")
    lever = next(r for r in levers if r[2] == "1.1")
    expected = reading.room.levers["1.1"].score
    assert lever[4] == (round(expected, 1) if expected is not None else None)
    plan = book["Plan d'action"]
    assert plan.max_row == 1 + len(snapshot.actions)
    assert plan["B2"].value == snapshot.actions[0].action  # '<font color=red>…' kept as text


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
