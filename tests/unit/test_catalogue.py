"""The deck catalogue: built-in decks first, then the user's; one id, one deck."""

from __future__ import annotations

import shutil
from pathlib import Path

from workshop_app.core.catalogue import scan

SCENARIOS = Path(__file__).resolve().parents[2] / "scenarios"


def test_a_copy_of_a_builtin_deck_in_the_users_folder_is_refused_by_name(tmp_path: Path) -> None:
    mine = tmp_path / "decks"
    mine.mkdir()
    shutil.copy(SCENARIOS / "et-si-33.yaml", mine / "copie.yaml")
    entries = scan([(SCENARIOS, True), (mine, False)])
    builtin = [e for e in entries if e.builtin]
    assert all(e.ok for e in builtin) and len(builtin) == len(list(SCENARIOS.glob("*.yaml")))
    (copy,) = [e for e in entries if not e.builtin]
    assert not copy.ok
    (issue,) = copy.issues
    assert (issue.file, issue.field) == ("copie.yaml", "id")
    assert "« et-si-33 » est déjà celui du jeu « et-si-33.yaml »" in issue.message
    assert [e.deck.id for e in entries if e.deck is not None].count("et-si-33") == 1
