"""Participant lists from spreadsheets, without Qt: French Excel CSV, XLSX, pasted rows; French errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from workshop_app.services.participants_import import (
    ParticipantRow,
    ParticipantsImportError,
    balance_by_service,
    parse_pasted,
    read_participants,
    resolve_tables,
)

CSV = (
    "Nom;Fonction;Service;Organisation;Rôle;Table\r\n"
    "Hélène Marchand;Maire-adjointe;Élus;Ville;élue;1\r\n"
    "Karim Benali;Directeur;Urbanisme;Ville;Agent;Table 2\r\n"
    ";Chargée de mission;Eau et assainissement;Agglomération;partenaire;\r\n"
)


def test_a_french_excel_csv_with_bom_and_semicolons(tmp_path: Path) -> None:
    path = tmp_path / "participants.csv"
    path.write_bytes(b"\xef\xbb\xbf" + CSV.encode("utf-8"))
    people = read_participants(path)
    assert people[0] == ParticipantRow("Hélène Marchand", "Maire-adjointe", "Élus", "Ville", "élu", "1")
    assert people[1].kind == "agent" and people[1].table == "Table 2"
    assert people[2] == ParticipantRow("", "Chargée de mission", "Eau et assainissement", "Agglomération",
                                       "partenaire", "")


def test_an_old_windows_1252_csv_reads_too(tmp_path: Path) -> None:
    path = tmp_path / "ancien.csv"
    path.write_bytes(CSV.encode("cp1252"))
    assert read_participants(path)[0].name == "Hélène Marchand"


def test_an_xlsx_file(tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    rows = (["Table", "Nom", "Service", "Rôle"], [2, "Léa Roux", "CCAS", "agent"],
            [None, "Marc Petit", "Voirie"])
    for row in rows:
        sheet.append(row)
    book.save(tmp_path / "liste.xlsx")
    people = read_participants(tmp_path / "liste.xlsx")
    assert people == [ParticipantRow("Léa Roux", "", "CCAS", "", "agent", "2"),
                      ParticipantRow("Marc Petit", "", "Voirie", "", "", "")]


def test_pasted_rows_without_a_header_follow_the_documented_order() -> None:
    people = parse_pasted("Anne Morel\tSanté\tVille\télu\t3\nPaul Henry\tVoirie\tAgglomération\t\t\n")
    assert people[0] == ParticipantRow("Anne Morel", "", "Santé", "Ville", "élu", "3")
    assert people[1].service == "Voirie" and people[1].kind == ""


def test_every_problem_is_named_with_its_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "erreurs.csv"
    text = "Nom;Service;Rôle;Couleur\nA;Voirie;maire;bleu\n;;;\nB;CCAS;agent;\n"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ParticipantsImportError) as caught:
        read_participants(path)
    problems = caught.value.problems
    assert problems == [
        "ligne 1, colonne 4 : en-tête inconnu « Couleur » "
        "(nom, fonction, service, organisation, rôle, table)",
        "ligne 2, colonne « rôle » : « maire » n’est pas un rôle (élu, agent ou partenaire)",
    ]
    assert str(caught.value).startswith("« erreurs.csv » n’est pas importée (2 problème(s)) :")


def test_empty_and_unreadable_files_are_french(tmp_path: Path) -> None:
    (tmp_path / "vide.csv").write_text("\n;;\n", encoding="utf-8")
    with pytest.raises(ParticipantsImportError, match="aucune ligne"):
        read_participants(tmp_path / "vide.csv")
    (tmp_path / "faux.xlsx").write_bytes(b"pas un classeur")
    with pytest.raises(Exception, match="n’est pas un classeur XLSX lisible"):
        read_participants(tmp_path / "faux.xlsx")
    with pytest.raises(Exception, match="ne peut pas être lu"):
        read_participants(tmp_path / "absent.csv")


def test_tables_by_number_or_name_and_unknown_ones_refused() -> None:
    groups = {"g1": "Les Coteaux", "g2": "Le Canal"}
    people = [ParticipantRow(table="2"), ParticipantRow(table="les coteaux"), ParticipantRow(table="Table 1"),
              ParticipantRow(table="")]
    assert resolve_tables(people, groups, "x") == ["g2", "g1", "g1", None]
    with pytest.raises(ParticipantsImportError) as caught:
        resolve_tables([ParticipantRow(table="La Plaine")], groups, "x")
    assert caught.value.problems == [
        "participant 1 : pas de table « La Plaine » (tables : Les Coteaux, Le Canal)"]


def test_balance_by_service_mixes_services_and_evens_the_tables() -> None:
    services = {f"p{i}": s for i, s in enumerate(["Voirie"] * 4 + ["CCAS"] * 4 + ["Élus"] * 3 + ["Eau"])}
    placed = balance_by_service(services, ["t1", "t2", "t3", "t4"])
    sizes = {t: sum(1 for v in placed.values() if v == t) for t in ("t1", "t2", "t3", "t4")}
    assert sizes == {"t1": 3, "t2": 3, "t3": 3, "t4": 3}
    for service in ("Voirie", "CCAS"):
        tables = [placed[p] for p, s in services.items() if s == service]
        assert sorted(tables) == ["t1", "t2", "t3", "t4"]  # one per table
    elus = [placed[p] for p, s in services.items() if s == "Élus"]
    assert len(set(elus)) == 3
    assert balance_by_service(services, []) == {}
