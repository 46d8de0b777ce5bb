"""A deck edited and saved after a workshop played it: the workshop keeps the deck it played (its snapshot),
reopened from a real database; a new sequence takes the new version."""

from __future__ import annotations

from pathlib import Path

from workshop_app.core.catalogue import find_deck
from workshop_app.core.deck_draft import DeckDraft
from workshop_app.paths import user_decks_dir
from workshop_app.store.service import WorkshopStore


def test_a_saved_edit_never_changes_a_workshop_already_played(store: WorkshopStore, tmp_path: Path) -> None:
    shipped = find_deck("et-si-33")
    major, minor = (int(part) for part in shipped.version.split("."))
    draft = DeckDraft.duplicate(shipped, set())
    draft.put("id", "mon-et-si")
    path = draft.save(user_decks_dir(), {"et-si-33"}, {})
    played = find_deck("mon-et-si")
    info = store.create_workshop("Atelier joué")
    group = store.add_group(info.id, "Table 1")
    sequence = store.add_sequence(info.id, played)
    store.record_choice(info.id, sequence.id, group.id, played.cards[0].id, "2")

    edit = DeckDraft.edit(played, path)
    edit.put("cards[0].title", "Titre changé après l’atelier")
    edit.remove_card(1)
    edit.save(user_decks_dir(), {"et-si-33"}, {"mon-et-si": path})
    newer = find_deck("mon-et-si")
    assert newer.version == f"{major}.{minor + 2}" and newer.cards[0].title == "Titre changé après l’atelier"

    kept = store.snapshot(info.id).sequences[0].deck
    assert kept == played and kept.version == f"{major}.{minor + 1}" and len(kept.cards) == 33
    later = store.add_sequence(info.id, newer)
    assert later.deck.version == f"{major}.{minor + 2}" and len(later.deck.cards) == 32
