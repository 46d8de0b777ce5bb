"""Dates typed the French way: every form a facilitator types reads as that day; nothing else is guessed."""

from __future__ import annotations

from datetime import date

import pytest

from workshop_app.core.french_date import DateError, long_french_date, parse_french_date, short_french_date


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("15/10/2026", date(2026, 10, 15)),
        ("01062026", date(2026, 6, 1)),
        ("1/6/2026", date(2026, 6, 1)),
        (" 1 / 6 / 2026 ", date(2026, 6, 1)),
        ("15-10-2026", date(2026, 10, 15)),
        ("15.10.2026", date(2026, 10, 15)),
        ("15 10 2026", date(2026, 10, 15)),
        ("15/10/26", date(2026, 10, 15)),
        ("151026", date(2026, 10, 15)),
        ("29/02/2028", date(2028, 2, 29)),
        ("", None),
        ("   ", None),
    ],
)
def test_french_forms_read_as_the_day_typed(typed: str, expected: date | None) -> None:
    assert parse_french_date(typed) == expected


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("21", "« 21 » n’est pas une date"),
        ("2026-10-15", "n’est pas une date"),  # ISO is not what French users type: refused, not guessed
        ("15/13/2026", "le mois doit aller de 1 à 12"),
        ("00/10/2026", "il n’y a pas de 0 octobre 2026"),
        ("31/04/2026", "il n’y a pas de 31 avril 2026"),
        ("29/02/2026", "il n’y a pas de 29 février 2026"),
        ("1/6/0026", "l’année doit être entre 1900 et 2199"),
        ("demain", "« demain » n’est pas une date"),
        ("1506202", "n’est pas une date"),
        ("15/10", "n’est pas une date"),
    ],
)
def test_anything_else_is_refused_with_a_french_reason(typed: str, reason: str) -> None:
    with pytest.raises(DateError) as caught:
        parse_french_date(typed)
    assert reason in str(caught.value)


def test_dates_are_shown_in_full_whatever_the_system_locale() -> None:
    assert long_french_date(date(2026, 10, 15)) == "jeudi 15 octobre 2026"
    assert long_french_date(date(2026, 6, 1)) == "lundi 1er juin 2026"
    assert long_french_date(date(2025, 8, 17)) == "dimanche 17 août 2025"
    assert short_french_date(date(2026, 6, 1)) == "01/06/2026"
