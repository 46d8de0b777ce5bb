"""The start page's table models, without widgets: workshops (progress, status), decks (broken ones too)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt

from tests.ui.test_app_support import et_si_deck
from workshop_app.core.catalogue import DeckEntry
from workshop_app.core.deck_loader import DeckIssue
from workshop_app.core.workshop import WorkshopStatus
from workshop_app.services.api import WorkshopSummary
from workshop_app.ui.start.deck_model import COL_CARDS, COL_ORIGIN, COL_STATE, ENTRY_ROLE, DeckListModel
from workshop_app.ui.start.workshop_model import (
    COL_DATE,
    COL_DECKS,
    COL_PROGRESS,
    COL_STATUS,
    COL_TERRITORY,
    PROGRESS_ROLE,
    WorkshopListModel,
)


def summary(**fields: object) -> WorkshopSummary:
    values: dict[str, object] = dict(
        id="w1",
        title="Atelier",
        territory="Soissons",
        date=date(2025, 6, 12),
        status=WorkshopStatus.RUNNING,
        deck_titles=("33 « Et si… »",),
        answered=12,
        total=132,
        updated_at=None,
        last_event_at=None,
    )
    values.update(fields)
    return WorkshopSummary(**values)  # type: ignore[arg-type]


@pytest.fixture
def french() -> Iterator[None]:
    saved = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.French, QLocale.Country.France))
    yield
    QLocale.setDefault(saved)


@pytest.mark.usefixtures("french")
def test_workshop_list_shows_date_territory_decks_progress_status() -> None:
    model = WorkshopListModel()
    model.set_rows([summary(), summary(id="w2", date=None, territory="", deck_titles=(), status="draft")])
    assert model.rowCount() == 2 and model.columnCount() == 6
    assert model.index(0, COL_DATE).data() == "12 juin 2025"
    assert model.index(0, COL_TERRITORY).data() == "Soissons"
    assert model.index(0, COL_DECKS).data() == "33 « Et si… »"
    assert model.index(0, COL_PROGRESS).data(PROGRESS_ROLE) == (12, 132)
    assert model.index(0, COL_PROGRESS).data() == "12 / 132"
    assert model.index(0, COL_STATUS).data() == "En cours"
    assert model.index(1, COL_DATE).data() == "—"
    assert model.index(1, COL_STATUS).data() == "En préparation"
    assert model.index(1, COL_DECKS).data() == "aucun jeu"
    assert model.row_of("w2") == 1 and model.row_of("w9") == -1


def test_deck_list_sorts_valid_first_and_explains_broken_ones(tmp_path: Path) -> None:
    deck = et_si_deck()
    issue = DeckIssue("casse.yaml", 12, "cards[0].informs[0].lever", "levier inconnu « x »")
    model = DeckListModel()
    model.set_rows(
        [
            DeckEntry(tmp_path / "casse.yaml", False, None, (issue,)),
            DeckEntry(tmp_path / "et-si-33.yaml", True, deck),
        ]
    )
    assert model.index(0, 0).data() == deck.title
    assert model.index(0, COL_CARDS).data() == "33"
    assert model.index(0, COL_ORIGIN).data() == "intégré"
    assert model.index(0, COL_STATE).data() == "valide"
    assert model.index(1, 0).data() == "casse.yaml"
    assert model.index(1, COL_ORIGIN).data() == "vos jeux"
    assert model.index(1, COL_STATE).data() == "invalide : 1 erreur"
    tip = model.index(1, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert tip == "casse.yaml:12: cards[0].informs[0].lever: levier inconnu « x »"
    assert model.index(1, 0).data(ENTRY_ROLE).issues == (issue,)
    assert [e.deck.id for e in model.valid_entries() if e.deck] == ["et-si-33"]
