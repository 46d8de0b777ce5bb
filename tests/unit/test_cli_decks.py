"""The deck sub-commands, run as a user would: ``python -m workshop_app …`` in a fresh process."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from core_samples import ROOT, SCENARIOS, SHIPPED

ISSUE_LINE = re.compile(
    r"^(?P<file>[\w.\-]+\.ya?ml):(?P<line>\d+): (?P<field>[\w.\[\]\-]+): (?P<message>.+)$"
)

BROKEN = """\
format: 1
id: casse
title: Jeu cassé
version: "1"
mechanic: strategy
compass:
  name: Axes
  axes:
    - id: chaleur
      label: Chaleur
      colour: rouge
strategy:
  budget: 10
cards:
  - id: arbres
    title: Arbres
    prompt: Des arbres.
    cost: trois
    delay: long
    effects: {chaleur: 2}
"""


def run(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "ATELIER_HOME": str(home), "PYTHONIOENCODING": "utf-8"}
    env.pop("ATELIER_DATABASE_URL", None)
    return subprocess.run(
        [sys.executable, "-m", "workshop_app", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )


def test_validate_shipped_decks(tmp_path: Path) -> None:
    paths = sorted(str(p) for p in SCENARIOS.glob("*.yaml"))
    assert len(paths) == len(SHIPPED)
    result = run("validate", *paths, home=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    assert len(lines) == len(SHIPPED)
    for deck_id, path in SHIPPED.items():
        assert any(line.startswith(f"{path.name}: OK — {deck_id} ") for line in lines), lines
    assert any(line.endswith("(questions, 1 carte)") for line in lines), lines  # the grid's one card
    assert not [line for line in lines if " 1 cartes" in line]


def test_validate_broken_deck(tmp_path: Path) -> None:
    broken = tmp_path / "casse.yaml"
    broken.write_text(BROKEN, encoding="utf-8")
    result = run("validate", str(SHIPPED["et-si-33"]), str(broken), home=tmp_path)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "et-si-33.yaml: OK" in result.stdout  # the good deck is still reported
    issues = [ISSUE_LINE.match(line) for line in result.stderr.splitlines()]
    assert all(issues), result.stderr
    found = {(m["file"], int(m["line"]), m["field"]) for m in issues if m}
    assert found == {
        ("casse.yaml", 11, "compass.axes[0].colour"),
        ("casse.yaml", 18, "cards[0].cost"),
    }


def test_validate_yaml_error_and_missing_file(tmp_path: Path) -> None:
    bad = tmp_path / "syntaxe.yaml"
    bad.write_text("id: x\ntitle: [pas fermé\n", encoding="utf-8")
    result = run("validate", str(bad), str(tmp_path / "absent.yaml"), home=tmp_path)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 2
    assert re.match(r"^syntaxe\.yaml:\d+: YAML invalide", lines[0])
    assert lines[1].startswith("absent.yaml: lecture impossible")


def test_validate_refuses_python_tags_without_running_them(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    evil = tmp_path / "piege.yaml"
    evil.write_text(f'id: !!python/object/apply:os.system ["touch {marker}"]\n', encoding="utf-8")
    result = run("validate", str(evil), home=tmp_path)
    assert result.returncode == 1
    assert result.stderr.startswith("piege.yaml:1: étiquette YAML refusée")
    assert not marker.exists()


def test_decks_lists_builtin_decks(tmp_path: Path) -> None:
    result = run("decks", home=tmp_path)
    assert result.returncode == 0, result.stderr
    rows = [line.split("\t") for line in result.stdout.splitlines()]
    builtin = {row[0]: row for row in rows if row[-1] == "[intégré]"}
    assert set(builtin) == set(SHIPPED)
    assert builtin["et-si-33"][2:4] == ["questions", "33 cartes"]
    assert builtin["boussole-autodiagnostic"][2:4] == ["questions", "18 cartes"]
    assert builtin["nature-en-ville"][2] == "strategy"


def test_decks_lists_a_broken_user_deck_as_invalid(tmp_path: Path) -> None:
    folder = tmp_path / "decks"
    folder.mkdir()
    (folder / "casse.yaml").write_text(BROKEN, encoding="utf-8")
    (folder / "a-moi.yml").write_text(
        SHIPPED["et-si-33"].read_text(encoding="utf-8").replace("id: et-si-33", "id: mon-jeu"),
        encoding="utf-8",
    )
    (folder / "notes.txt").write_text("pas un jeu", encoding="utf-8")
    result = run("decks", home=tmp_path)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    user = [line for line in lines if "[utilisateur]" in line]
    assert len(user) == 2, lines  # the .txt file is not a deck
    assert any(line.startswith("mon-jeu\t") for line in user)
    (invalid,) = [line for line in user if "INVALIDE" in line]
    assert invalid.startswith("casse.yaml\t[utilisateur]\tINVALIDE : casse.yaml:11: compass.axes[0].colour:")


def test_schema_command_writes_the_committed_schema(tmp_path: Path) -> None:
    out = tmp_path / "schema.json"
    result = run("schema", "-o", str(out), home=tmp_path)
    assert result.returncode == 0, result.stderr
    assert out.read_text(encoding="utf-8") == (SCENARIOS / "deck.schema.json").read_text(encoding="utf-8")
