"""Free texts have a limit (``MAX_FREE_TEXT``): a pasted book is refused in French, by the forms' calls and
by an imported archive alike, and nothing is half-saved (a pasted book made the PDF export hang)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from workshop_app.core.errors import AtelierError
from workshop_app.core.workshop import Debrief, GroupInfo
from workshop_app.store import WorkshopStore, open_store
from workshop_app.store.convert import MAX_FREE_TEXT

BOOK = "Il était une fois. " * (MAX_FREE_TEXT // 10)  # well past the limit


def test_workshop_texts_are_limited(store: WorkshopStore) -> None:
    w = store.create_workshop("Atelier", context="Court.")
    too_long = r"« contexte » est trop long \(.* caractères ; 20\u202f000 au plus\)"
    with pytest.raises(AtelierError, match=too_long):
        store.update_workshop(w.id, context=BOOK)
    with pytest.raises(AtelierError, match="« objectifs » est trop long"):
        store.create_workshop("Autre", objectives=BOOK)
    assert store.get_workshop(w.id).context == "Court."
    assert [x.title for x in store.list_workshops()] == ["Atelier"]
    store.update_workshop(w.id, context="x" * MAX_FREE_TEXT)  # the limit itself is fine
    assert len(store.get_workshop(w.id).context) == MAX_FREE_TEXT


def test_actions_and_debrief_are_limited(store: WorkshopStore) -> None:
    w = store.create_workshop("Atelier")
    with pytest.raises(AtelierError, match="« action » est trop long"):
        store.add_action(w.id, BOOK)
    with pytest.raises(AtelierError, match="« ressenti » est trop long"):
        store.set_debrief(w.id, Debrief(felt=BOOK))
    with pytest.raises(AtelierError, match="« points forts » est trop long"):
        store.set_debrief(w.id, Debrief(strengths=("Bien", BOOK)))
    with pytest.raises(AtelierError, match="Trop de lignes dans « vulnérabilités »"):
        store.set_debrief(w.id, Debrief(vulnerabilities=tuple(f"V{i}" for i in range(101))))
    assert store.snapshot(w.id).debrief == Debrief()
    assert store.snapshot(w.id).actions == ()


def test_an_imported_archive_is_checked_like_the_forms(store: WorkshopStore, tmp_path: Path) -> None:
    w = store.create_workshop("Atelier")
    group = store.add_group(w.id, "Table 1")
    store.add_action(w.id, "Agir")
    snapshot = store.snapshot(w.id)
    long_group = dataclasses.replace(snapshot, groups=(GroupInfo(group.id, "T" * 500, group.colour, 0),))
    action = snapshot.actions[0]
    long_action = dataclasses.replace(snapshot, actions=(dataclasses.replace(action, action=BOOK),))
    long_context = dataclasses.replace(snapshot, info=dataclasses.replace(snapshot.info, context=BOOK))
    with open_store(f"sqlite:///{tmp_path / 'autre.sqlite3'}") as other:
        for bad, field in ((long_group, "nom"), (long_action, "action"), (long_context, "contexte")):
            with pytest.raises(AtelierError, match=f"« {field} » est trop long"):
                other.import_snapshot(bad, {})
            assert other.list_workshops() == []  # refused as a whole: nothing half-imported
        assert other.import_snapshot(snapshot, {})
        assert [a.action for a in other.snapshot(w.id).actions] == ["Agir"]
