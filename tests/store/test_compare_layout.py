"""A cohort larger than one table is wide: eight cities of a Boussole-shaped deck lay out (scores split over
two tables, small multiples three a row), every city named, pages read back with pypdf."""

from __future__ import annotations

import io
import random
from datetime import date

from pypdf import PdfReader
from store_decks import boussole_like_deck

from workshop_app.services.compare import compare_workshops
from workshop_app.store import WorkshopStore

CITIES = ("Arras", "Beauvais", "Compiègne", "Creil", "Denain", "Laon", "Saint-Quentin", "Soissons")


def test_eight_cities_lay_out(store: WorkshopStore) -> None:
    from workshop_app.export.compare.pdf import render_compare_pdf

    deck = boussole_like_deck(18)
    rng = random.Random(8)
    ids = []
    for city in CITIES:
        w = store.create_workshop(f"Autodiagnostic — {city}", territory=city, date=date(2025, 2, 3))
        seq = store.add_sequence(w.id, deck)
        for table in ("T1", "T2"):
            group = store.add_group(w.id, table)
            for card in deck.cards:
                if rng.random() < 0.8:
                    store.record_choice(w.id, seq.id, group.id, card.id, str(rng.randint(0, 4)))
        ids.append(w.id)
    comparison = compare_workshops(store, ids)
    reader = PdfReader(io.BytesIO(render_compare_pdf(comparison)))
    text = " ".join((p.extract_text() or "") for p in reader.pages)
    assert all(city in text for city in CITIES)
    assert text.count("Scores par principe") == 1 and text.count("Levier") >= 2  # two lever tables
    assert 5 <= len(reader.pages) <= 14
