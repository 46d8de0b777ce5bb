"""``atelier participants import`` on the real store: a French Excel CSV in, balanced tables out."""

from __future__ import annotations

from pathlib import Path

import pytest

from workshop_app.cli import main
from workshop_app.store import open_store


def _workshop(tables: int) -> str:
    with open_store() as store:
        info = store.create_workshop("Atelier participants")
        for n in range(tables):
            store.add_group(info.id, f"Table {n + 1}")
        return info.id


def test_import_a_french_excel_csv_then_balance(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    workshop_id = _workshop(2)
    lines = ["Nom;Service;Organisation;Rôle;Table", "Hélène Marchand;Élus;Ville;élue;2"]
    lines += [f"Agent {i};{'Voirie' if i % 2 else 'CCAS'};Ville;agent;" for i in range(5)]
    path = tmp_path / "liste.csv"
    path.write_bytes(b"\xef\xbb\xbf" + "\r\n".join(lines).encode("utf-8"))
    assert main(["participants", "import", workshop_id[:8], str(path)]) == 0
    assert "6 participant(s) importé(s) depuis « liste.csv »" in capsys.readouterr().out
    with open_store() as store:
        snap = store.snapshot(workshop_id)
    first = snap.participants[0]
    assert (first.name, first.service, first.kind) == ("Hélène Marchand", "Élus", "élu")
    assert first.group_id == snap.groups[1].id and all(p.group_id is None for p in snap.participants[1:])
    assert main(["participants", "balance", workshop_id]) == 0
    with open_store() as store:
        snap = store.snapshot(workshop_id)
    sizes = [sum(1 for p in snap.participants if p.group_id == g.id) for g in snap.groups]
    assert sizes == [3, 3]


def test_a_list_with_problems_imports_nobody(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    workshop_id = _workshop(1)
    path = tmp_path / "liste.csv"
    path.write_text("Nom;Rôle;Table\nA;maire;1\nB;agent;Table 9\n", encoding="utf-8")
    assert main(["participants", "import", workshop_id, str(path)]) == 1
    err = capsys.readouterr().err
    assert "ligne 2, colonne « rôle » : « maire » n’est pas un rôle" in err
    path.write_text("Nom;Rôle;Table\nA;élu;1\nB;agent;Table 9\n", encoding="utf-8")
    assert main(["participants", "import", workshop_id, str(path)]) == 1
    assert "participant 2 : pas de table « Table 9 » (tables : Table 1)" in capsys.readouterr().err
    with open_store() as store:
        assert store.snapshot(workshop_id).participants == ()
