"""A deck's named subset (« version courte ») is offered at set-up and played alone, as its own snapshot."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from pytestqt.qtbot import QtBot

from tests.ui.test_app_support import new_store
from workshop_app.core.catalogue import available_decks
from workshop_app.core.deck_loader import deck_from_data, load_deck
from workshop_app.core.deck_yaml import save_deck_yaml
from workshop_app.paths import builtin_decks_dir, user_decks_dir
from workshop_app.store.service import WorkshopStore
from workshop_app.ui.session import WorkshopSession
from workshop_app.ui.setup.page import SetupPage


@pytest.fixture
def store() -> Iterator[WorkshopStore]:
    service = new_store()
    yield service
    service.close()


def test_a_subset_is_chosen_at_set_up_and_stored_as_its_own_snapshot(
    qtbot: QtBot, store: WorkshopStore
) -> None:
    full = load_deck(builtin_decks_dir() / "et-si-33.yaml")
    chosen = [c.id for c in full.cards[::3]]
    data = full.model_dump(mode="json")
    data.update(id="et-si-court", subsets=[{"id": "court", "title": "version courte", "cards": chosen}])
    save_deck_yaml(deck_from_data(data), user_decks_dir() / "et-si-court.yaml")
    info = store.create_workshop("Atelier", date=date(2025, 6, 12))
    session = WorkshopSession(store, info.id)
    page = SetupPage(session)
    qtbot.addWidget(page)
    page.set_decks(available_decks())
    panel = page.sequences
    combo = panel.deck_combo
    index = combo.findData("et-si-court#court")
    assert index >= 0 and combo.itemText(index).endswith(f"— version courte ({len(chosen)})")
    combo.setCurrentIndex(index)
    panel.add_button.click()
    sequence = store.snapshot(info.id).sequences[0]
    assert [c.id for c in sequence.deck.cards] == chosen
    assert sequence.deck.subset == "court" and sequence.display_title.endswith("— version courte")
    combo.setCurrentIndex(combo.findData("et-si-court"))  # the whole deck is still offered
    panel.add_button.click()
    assert len(store.snapshot(info.id).sequences[1].deck.cards) == len(full.cards)


def test_the_start_page_names_a_decks_subsets() -> None:
    from workshop_app.ui.start.page import StartPage

    data = load_deck(builtin_decks_dir() / "et-si-33.yaml").model_dump(mode="json")
    data["subsets"] = [{"id": "court", "title": "version courte", "cards": ["q01", "q02"]}]
    path = user_decks_dir() / "x.yaml"
    save_deck_yaml(deck_from_data({**data, "id": "et-si-x"}), path)
    entry = next(e for e in available_decks() if e.path == path)
    assert "Sous-ensemble : version courte (2 cartes)" in StartPage().describe(entry)

