"""The deck editor's Qt-free draft: edits checked at once, errors filed by field, saving bumps the version."""

from __future__ import annotations

from pathlib import Path

import pytest
from core_samples import SHIPPED

from workshop_app.core.deck_draft import DeckDraft, bump_version
from workshop_app.core.deck_field_text import FieldTextError, parse_effects, parse_links
from workshop_app.core.deck_loader import load_deck
from workshop_app.core.errors import AtelierError


@pytest.mark.parametrize(
    ("before", "after"),
    [("1.0", "1.1"), ("3", "4"), ("2.1.9", "2.1.10"), ("v2-beta", "v3-beta"), ("bêta", "bêta.1")],
)
def test_bump_version(before: str, after: str) -> None:
    assert bump_version(before) == after


def test_a_new_deck_is_valid_for_each_mechanic() -> None:
    for mechanic in ("questions", "strategy"):
        draft = DeckDraft.new(mechanic)
        assert draft.issues == {} and draft.deck is not None and draft.deck.mechanic == mechanic


def test_edits_are_checked_at_once_and_errors_filed_by_field() -> None:
    draft = DeckDraft.duplicate(load_deck(SHIPPED["et-si-33"]), {"et-si-33-copie"})
    assert draft.get("id") == "et-si-33-copie-2"
    draft.put("cards[3].title", "")
    assert draft.deck is None and draft.issue("cards[3].title").startswith("texte vide")
    assert draft.issue("cards[3]") and not draft.issue("cards[4]")
    draft.put("cards[3].title", "Et si…")
    assert draft.deck is not None
    moved = draft.move_card(3, -1)
    assert moved == 2 and draft.cards[2]["title"] == "Et si…"
    assert draft.move_card(0, -1) == 0  # nothing above the first card
    added = draft.add_card(after=0)
    assert added == 1 and draft.deck is not None  # a new card informs the first lever: valid
    copy = draft.duplicate_card(1)
    assert draft.cards[copy]["id"] != draft.cards[1]["id"] and draft.deck is not None
    draft.remove_card(copy)
    assert len(draft.cards) == 34  # 33 and the added one


def test_saving_bumps_the_version_and_refuses_taken_ids(tmp_path: Path) -> None:
    shipped = load_deck(SHIPPED["et-si-33"])
    major, minor = (int(part) for part in shipped.version.split("."))
    draft = DeckDraft.duplicate(shipped, set())
    with pytest.raises(AtelierError, match="identifiant d’un jeu intégré"):
        draft.put("id", "et-si-33") or draft.save(tmp_path, {"et-si-33"}, {})
    draft.put("id", "mon-et-si")
    other = tmp_path / "autre.yaml"
    with pytest.raises(AtelierError, match="porte déjà l’identifiant"):
        draft.save(tmp_path, set(), {"mon-et-si": other})
    path = draft.save(tmp_path, set(), {})
    assert path == tmp_path / "mon-et-si.yaml" and load_deck(path).version == f"{major}.{minor + 1}"
    again = DeckDraft.edit(load_deck(path), path)
    again.put("id", "renomme")
    moved = again.save(tmp_path, set(), {"mon-et-si": path})
    assert moved.name == "renomme.yaml" and not path.exists()
    assert load_deck(moved).version == f"{major}.{minor + 2}"
    broken = DeckDraft.edit(load_deck(moved), moved)
    broken.put("title", "")
    with pytest.raises(AtelierError, match="ne peut pas être enregistré"):
        broken.save(tmp_path, set(), {})


def test_one_line_fields() -> None:
    assert parse_links("1.1 ; 3.2 ×2; 4.1 x1,5 ; ax1") == [
        {"lever": "1.1", "weight": 1.0},
        {"lever": "3.2", "weight": 2.0},
        {"lever": "4.1", "weight": 1.5},
        {"lever": "ax1", "weight": 1.0},
    ]
    assert parse_effects("chaleur +2 ; eau −1; sante: 1") == {"chaleur": 2, "eau": -1, "sante": 1}
    with pytest.raises(FieldTextError, match="chaleur beaucoup"):
        parse_effects("chaleur beaucoup")


def test_removing_a_card_drops_it_from_the_named_subsets() -> None:
    """The 33 « Et si… » short edition lists q02: removing q02 keeps the deck valid, with 11 cards left."""
    from workshop_app.core.deck_loader import load_deck

    shipped = load_deck(Path(__file__).resolve().parents[2] / "scenarios" / "et-si-33.yaml")
    draft = DeckDraft.duplicate(shipped, set())
    draft.remove_card(1)  # q02
    assert draft.deck is not None
    (short,) = draft.deck.subsets
    assert "q02" not in short.cards and len(short.cards) == 11
