"""Territories edited as entities: code and parent checked, kind kept in place, no orphans in suggestions."""

from __future__ import annotations

import pytest

from workshop_app.core.errors import AtelierError
from workshop_app.core.territory import find_known, normalise_code, parent_candidates
from workshop_app.store import WorkshopStore


def test_codes_are_checked_with_a_french_message() -> None:
    assert normalise_code("commune", " 02722 ") == "02722"
    assert normalise_code("commune", "2a004") == "2A004"
    assert normalise_code("commune", "210 200 887") == "210200887"  # a commune's SIREN
    assert normalise_code("epci", "200071892") == "200071892"
    assert normalise_code("departement", "02") == "02"
    assert normalise_code("epci", "") == ""
    with pytest.raises(AtelierError, match="code INSEE a 5 caractères"):
        normalise_code("commune", "0272")
    with pytest.raises(AtelierError, match="9 chiffres"):
        normalise_code("epci", "02722")
    with pytest.raises(AtelierError, match="département"):
        normalise_code("departement", "99")


def test_code_and_parent_belong_to_the_territory_shared_by_its_workshops(store: WorkshopStore) -> None:
    a = store.create_workshop("Soissons 2024", territory="Soissons", territory_kind="Commune")
    b = store.create_workshop("Soissons 2025", territory="Soissons", territory_kind="Commune")
    store.create_workshop("Agglo", territory="GrandSoissons", territory_kind="Communauté d'agglomération")
    soissons = store.territory_of(a.id)
    assert soissons is not None and soissons.kind == "commune" and soissons.workshops == 2
    agglo = find_known(store.territories(), "grandsoissons")
    assert agglo is not None and agglo.kind == "epci"
    assert [t.name for t in parent_candidates(store.territories(), soissons)] == ["GrandSoissons"]
    assert parent_candidates(store.territories(), agglo) == []  # a commune contains nothing
    store.update_territory(soissons.id, code="02722", parent_id=agglo.id)
    shared = store.territory_of(b.id)
    assert shared is not None and (shared.code, shared.parent_name) == ("02722", "GrandSoissons")
    with pytest.raises(AtelierError, match="n’est pas un code de commune"):
        store.update_territory(soissons.id, code="2722")
    with pytest.raises(AtelierError, match="ne peut pas contenir"):
        store.update_territory(agglo.id, parent_id=soissons.id)
    assert store.territory_of(b.id) == shared  # refused: nothing changed
    store.update_territory(soissons.id, parent_id=None)
    after = store.territory_of(b.id)
    assert after is not None and after.parent_id is None and after.code == "02722"


def test_changing_the_kind_keeps_the_code_and_no_orphan_is_left(store: WorkshopStore) -> None:
    w = store.create_workshop("Atelier", territory="Creil")
    first = store.territory_of(w.id)
    assert first is not None
    store.update_territory(first.id, code="60175")
    store.update_workshop(w.id, territory_kind="Commune")
    now = store.territory_of(w.id)
    assert now is not None and (now.id, now.kind, now.code) == (first.id, "commune", "60175")
    store.update_workshop(w.id, territory="Denain")  # another place typed: Creil keeps its code, stays known
    assert sorted(t.name for t in store.territories()) == ["Creil", "Denain"]
    store.update_workshop(w.id, territory="Arras")  # Denain had nothing of its own: gone from suggestions
    assert sorted(t.name for t in store.territories()) == ["Arras", "Creil"]


def test_programmes_are_listed_and_read_back(store: WorkshopStore) -> None:
    w = store.create_workshop("Arras")
    assert store.programme_of(w.id) == "" and store.programme_names() == []
    store.set_programme(w.id, "Nature en ville — Hauts-de-France 2024–2025")
    assert store.programme_of(w.id) == "Nature en ville — Hauts-de-France 2024–2025"
    assert store.programme_names() == ["Nature en ville — Hauts-de-France 2024–2025"]
