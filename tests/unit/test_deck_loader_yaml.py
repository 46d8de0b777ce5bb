"""Broken decks, YAML itself and files: a syntax error, a duplicate key, an anchor or a Python tag, a file
too big, not UTF-8 or empty: each is refused with its file and line, and nothing is executed.

The decks edited here are those of ``loader_samples`` (see also ``test_deck_loader.py``).
"""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

import pytest
from loader_samples import BOUSSOLE, NATURE, boussole_issue, edit, issue_of

from workshop_app.core.deck_loader import (
    MAX_FILE_BYTES,
    DeckIssue,
    DeckLoadError,
    deck_from_data,
    load_deck,
    parse_deck,
)

# -- YAML itself


def test_yaml_syntax_error_has_its_line() -> None:
    issue = boussole_issue(24, "    title: Et si: une canicule")
    assert (issue.file, issue.line, issue.field) == ("boussole.yaml", 24, "")
    assert issue.message.startswith("YAML invalide")
    assert str(issue).startswith("boussole.yaml:24: YAML invalide")


def test_tab_indentation_has_its_line() -> None:
    issue = boussole_issue(25, "\tprompt: Une canicule.")
    assert (issue.line, issue.field) == (25, "")
    assert issue.message.startswith("YAML invalide")


@pytest.mark.parametrize(
    ("line", "new", "message"),
    [
        (24, "    title: Et si: une canicule", "« : » inattendu — indentation incorrecte"),
        (25, "\tprompt: Une canicule.", "tabulation interdite : indentez avec des espaces"),
        (25, "    prompt: [Une canicule.", "liste entre crochets non refermée"),
        (25, '    prompt: "Une \\q canicule."', "caractère « \\ » inattendu dans un texte entre guillemets"),
        (25, "    prompt: @canicule", "caractère inattendu en début de valeur : mettez la valeur entre"),
    ],
)
def test_yaml_syntax_errors_are_explained_in_french(line: int, new: str, message: str) -> None:
    issue = boussole_issue(line, new)
    assert issue.line is not None
    assert issue.message.startswith(f"YAML invalide : {message}")


def test_unclosed_quote_at_the_end() -> None:
    issue = issue_of(BOUSSOLE.rstrip("\n") + '\nauthors: "Équipe\n', "boussole.yaml")
    assert issue.message == "YAML invalide : guillemet ouvert jamais refermé"


def test_control_character_is_refused_at_its_line() -> None:
    issue = boussole_issue(25, "    prompt: Une \x07canicule.")
    assert issue.line == 25
    assert issue.message == "caractère de contrôle interdit (U+0007) : retirez-le du texte"


def test_duplicate_key_is_refused_at_the_second_key() -> None:
    issue = boussole_issue(31, "    prompt: Une autre crue.")
    assert (issue.line, issue.field, issue.message) == (31, "", "clé en double « prompt »")


def test_anchor_is_refused_where_it_is_defined() -> None:
    text = edit(edit(BOUSSOLE, 25, "    prompt: &texte Une canicule."), 30, "    prompt: *texte")
    issue = issue_of(text, "boussole.yaml")
    assert (issue.line, issue.message) == (25, "les ancres et alias YAML (&, *) sont refusés")


def test_alias_is_refused_at_its_line() -> None:
    issue = boussole_issue(30, "    prompt: *texte")
    assert (issue.line, issue.message) == (30, "les ancres et alias YAML (&, *) sont refusés")


def test_billion_laughs_is_refused_at_once() -> None:
    bomb = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    for i, (prev, name) in enumerate(zip("abcdefgh", "bcdefghi", strict=True)):
        bomb += f"{name}: &{name} [{', '.join(['*' + prev] * 9)}]\n"
        assert i < 9
    start = time.perf_counter()
    issue = issue_of(bomb, "bombe.yaml")
    assert time.perf_counter() - start < 1.0
    assert (issue.line, issue.message) == (1, "les ancres et alias YAML (&, *) sont refusés")


@pytest.mark.parametrize(
    "tag",
    [
        "!!python/object/apply:os.system",
        "!!python/object/apply:subprocess.check_call",
        "!!python/object/new:subprocess.Popen",
        "!!python/name:os.system",
        "!!python/module:os",
        "!secret",
        "!!binary",
    ],
)
def test_python_tags_are_refused_without_running_anything(
    tag: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    marker = tmp_path / "pwned"
    calls: list[object] = []
    monkeypatch.setattr(os, "system", lambda *a, **k: calls.append(a) or 0)
    monkeypatch.setattr(subprocess, "Popen", lambda *a, **k: calls.append(a))
    monkeypatch.setattr(subprocess, "check_call", lambda *a, **k: calls.append(a))
    issue = boussole_issue(25, f'    prompt: {tag} ["touch {marker}"]')
    assert issue.line == 25
    assert issue.message.startswith("étiquette YAML refusée « ")
    assert tag in issue.message
    assert calls == []
    assert not marker.exists()


def test_python_tag_on_a_mapping_is_refused() -> None:
    issue = boussole_issue(7, "  name: !!python/object:workshop_app.core.deck.Compass {}")
    assert (issue.line, issue.message[:26]) == (7, "étiquette YAML refusée « !")


def test_plain_data_tags_are_accepted() -> None:
    deck = parse_deck(edit(BOUSSOLE, 4, "version: !!str 1.0"), "boussole.yaml")
    assert deck.version == "1.0"


def test_document_must_be_a_mapping() -> None:
    issue = issue_of("- id: q01\n- id: q02\n", "liste.yaml")
    assert (issue.line, issue.field) == (1, "")
    assert issue.message == "le document doit être un dictionnaire (clé: valeur)"


def test_two_documents_are_refused() -> None:
    issue = issue_of(BOUSSOLE + "---\nid: autre\n", "deux.yaml")
    assert issue.line == 34
    assert issue.message.startswith("YAML invalide")


def test_snapshot_data_errors_have_no_line() -> None:
    with pytest.raises(DeckLoadError) as caught:
        deck_from_data({"id": "x", "title": "x", "version": "1", "mechanic": "questions"}, "instantané")
    issues = caught.value.issues
    assert {i.field for i in issues} >= {"compass", "scale", "cards"}
    assert all(i.line is None and i.file == "instantané" for i in issues)
    assert str(issues[0]).startswith("instantané: ")


# -- files


def _load_issue(path: Path) -> DeckIssue:
    with pytest.raises(DeckLoadError) as caught:
        load_deck(path)
    (issue,) = caught.value.issues
    return issue


def test_file_too_big(tmp_path: Path) -> None:
    path = tmp_path / "gros.yaml"
    padding = "#" * 100 + "\n"
    body = BOUSSOLE + padding * ((MAX_FILE_BYTES - len(BOUSSOLE.encode())) // len(padding) + 1)
    path.write_text(body, encoding="utf-8")
    size = path.stat().st_size
    assert size > MAX_FILE_BYTES
    issue = _load_issue(path)
    assert (issue.file, issue.line, issue.field) == ("gros.yaml", None, "")
    assert issue.message == f"fichier trop gros ({size} octets ; 1 Mio au plus)"
    assert str(issue) == f"gros.yaml: fichier trop gros ({size} octets ; 1 Mio au plus)"


def test_file_of_exactly_one_mebibyte_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "limite.yaml"
    filler = MAX_FILE_BYTES - len(BOUSSOLE.encode()) - 2
    path.write_text(BOUSSOLE + "#" + "x" * filler + "\n", encoding="utf-8")
    assert path.stat().st_size == MAX_FILE_BYTES
    assert load_deck(path).id == "boussole-essai"


def test_text_too_long_for_parse_deck() -> None:
    issue = issue_of(BOUSSOLE + "#" * MAX_FILE_BYTES, "texte.yaml")
    assert (issue.line, issue.message) == (None, "texte trop long (1 Mio au plus)")


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin1.yaml"
    raw = BOUSSOLE.encode("latin-1")
    path.write_bytes(raw)
    issue = _load_issue(path)
    first = next(i for i, b in enumerate(raw) if b >= 0x80)
    line = next(n for n, text in enumerate(BOUSSOLE.split("\n"), 1) if any(ord(c) >= 0x80 for c in text))
    assert (issue.file, issue.line) == ("latin1.yaml", line)
    assert issue.message == f"le fichier n’est pas en UTF-8 (octet {first}) : enregistrez-le en UTF-8"


def test_utf8_with_bom_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + BOUSSOLE.encode("utf-8"))
    assert load_deck(path).title == "Boussole (essai)"


@pytest.mark.parametrize("content", ["", "\n\n", "# rien que des commentaires\n"])
def test_empty_file(tmp_path: Path, content: str) -> None:
    path = tmp_path / "vide.yaml"
    path.write_text(content, encoding="utf-8")
    issue = _load_issue(path)
    assert (issue.file, issue.line, issue.message) == ("vide.yaml", None, "le fichier est vide")


def test_missing_file(tmp_path: Path) -> None:
    issue = _load_issue(tmp_path / "absent.yaml")
    assert issue.file == "absent.yaml"
    assert issue.message == "lecture impossible : fichier ou dossier introuvable"


def test_folder_instead_of_a_file(tmp_path: Path) -> None:
    folder = tmp_path / "jeux.yaml"
    folder.mkdir()
    issue = _load_issue(folder)
    assert issue.file == "jeux.yaml"
    assert issue.message == "lecture impossible : c’est un dossier, pas un fichier"


def test_issue_names_the_file_not_its_folder(tmp_path: Path) -> None:
    path = tmp_path / "sous-dossier" / "nature.yaml"
    path.parent.mkdir()
    path.write_text(edit(NATURE, 41, "    effects: {chaleur: 1, eau: 2}"), encoding="utf-8")
    issue = _load_issue(path)
    assert str(issue).startswith("nature.yaml:41: cards[3].effects.eau: axe inconnu « eau »")
