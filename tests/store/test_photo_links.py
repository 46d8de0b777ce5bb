"""A photo belongs to a card or to the debrief: the link is stored, checked, changed, carried by archives."""

from __future__ import annotations

from pathlib import Path

import pytest

from workshop_app.core.deck import QuestionDeck
from workshop_app.core.errors import AtelierError
from workshop_app.export.bundle import export_bundle, read_bundle
from workshop_app.store import WorkshopStore, open_store

PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(64))


def test_a_photo_is_attached_to_a_card_then_to_the_debrief(store: WorkshopStore, qdeck: QuestionDeck) -> None:
    w = store.create_workshop("Photos")
    seq = store.add_sequence(w.id, qdeck)
    card = qdeck.cards[1].id
    photo = store.add_attachment(w.id, "tableau.png", PNG, caption="Tableau", card_id=card)
    assert (photo.sequence_id, photo.card_id) == (seq.id, card)
    debrief = store.add_attachment(w.id, "post-its.png", PNG)
    assert (debrief.sequence_id, debrief.card_id) == (None, None)
    changed = store.update_attachment(photo.id, caption="Le tableau de la table 2")
    assert (changed.caption, changed.card_id) == ("Le tableau de la table 2", card)
    moved = store.update_attachment(photo.id, unlink=True)
    assert (moved.sequence_id, moved.card_id, moved.caption) == (None, None, "Le tableau de la table 2")
    store.update_attachment(debrief.id, sequence_id=seq.id, card_id=qdeck.cards[0].id)
    stored = {a.filename: a for a in store.snapshot(w.id).attachments}
    assert stored["post-its.png"].card_id == qdeck.cards[0].id and stored["tableau.png"].card_id is None


def test_an_unknown_card_is_refused_in_french(store: WorkshopStore, qdeck: QuestionDeck) -> None:
    w = store.create_workshop("Photos")
    store.add_sequence(w.id, qdeck)
    with pytest.raises(AtelierError, match="La carte « q99 » n’est dans aucune séquence de cet atelier"):
        store.add_attachment(w.id, "tableau.png", PNG, card_id="q99")
    assert store.snapshot(w.id).attachments == ()


def test_the_card_link_travels_in_the_archive(
    tmp_path: Path, store: WorkshopStore, qdeck: QuestionDeck
) -> None:
    w = store.create_workshop("Photos")
    seq = store.add_sequence(w.id, qdeck)
    photo = store.add_attachment(w.id, "tableau.png", PNG, card_id=qdeck.cards[2].id)
    target = tmp_path / "atelier.zip"
    export_bundle(store.snapshot(w.id), {photo.id: PNG}, target)
    snapshot, photos = read_bundle(target)
    with open_store(f"sqlite:///{tmp_path / 'other.sqlite3'}") as other:
        assert other.import_snapshot(snapshot, photos)
        back = other.snapshot(w.id).attachments[0]
    assert (back.sequence_id, back.card_id) == (seq.id, qdeck.cards[2].id)
