"""Property test (hypothesis): any card text goes out to a workbook and back unchanged — formulas-looking,
number-looking, multi-line, accented or typographic text included."""

from __future__ import annotations

import tempfile
from pathlib import Path

from core_samples import question_data
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workshop_app.core.deck_loader import deck_from_data
from workshop_app.core.deck_sheet_read import read_deck_sheet
from workshop_app.core.deck_sheet_write import deck_to_sheet

# What a deck file may hold: no control characters (YAML refuses them too), a line feed allowed.
TEXT = st.text(
    st.characters(blacklist_categories=("Cc", "Cs"), blacklist_characters="\ufffe\uffff") | st.just("\n"),
    min_size=1,
    max_size=60,
).filter(lambda t: t.strip())
TRICKY = st.sampled_from(["=SOMME(A1:A2)", "007", "1.10", "+33 1 23", "@nom", "-2", "VRAI", "« ’ » …", "1e5"])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=TRICKY | TEXT, prompt=TEXT | TRICKY, level=TEXT, source=TRICKY | TEXT)
def test_any_card_text_goes_out_and_back(title: str, prompt: str, level: str, source: str) -> None:
    data = question_data()
    data["cards"][0].update(title=title, prompt=prompt, levels={"2": level}, source=source)
    deck = deck_from_data(data)
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "jeu.xlsx"
        deck_to_sheet(deck, target)
        assert read_deck_sheet(target) == deck
