"""The « where the tables differ most » table speaks the deck's language: levers on 100 for the Boussole's
questions, principles on −2…+2 for a project rating, criteria for a decision grid."""

from __future__ import annotations

from workshop_app.core.catalogue import find_deck
from workshop_app.core.spread_words import spread_words
from workshop_app.core.subjects import MINUS


def test_levers_on_100_for_the_questions() -> None:
    words = spread_words(find_deck("et-si-33"))  # type: ignore[arg-type]
    assert (words.column, words.value(62.5), words.gap(37.5)) == ("Levier", "62/100", "38\u00a0points")
    assert words.title == "Leviers sur lesquels les tables s’écartent le plus"


def test_principles_on_the_projects_own_scale() -> None:
    words = spread_words(find_deck("cotation-projet"))  # type: ignore[arg-type]
    assert words.column == "Principe" and words.title.startswith("Principes sur lesquels")
    readings = [words.value(p) for p in (0, 12.5, 50, 87.5, 100)]
    assert readings == [f"{MINUS}2", f"{MINUS}1,5", "0", "+1,5", "+2"]
    assert words.gap(25) == "1\u00a0niveau"  # one step of −2…+2, never « 25 points » nor a bare « 1 »
    assert words.gap(37.5) == "1,5\u00a0niveau" and words.gap(75) == "3\u00a0niveaux"


def test_criteria_for_the_grid_and_axes_for_a_strategy() -> None:
    grid = spread_words(find_deck("grille-decision"))  # type: ignore[arg-type]
    assert grid.column == "Critère" and "/100" not in grid.value(50)
    assert spread_words(find_deck("nature-en-ville")).column == "Axe"  # type: ignore[arg-type]
