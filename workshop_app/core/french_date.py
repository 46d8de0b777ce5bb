"""Dates as French users type them: jj/mm/aaaa, with or without the slashes (no Qt).

« 15/10/2026 », « 1/6/2026 », « 15-10-2026 », « 15.10.2026 », « 15 10 2026 » and « 01062026 » all read as
a day, a month and a four-digit year; « 15/10/26 » and « 151026 » take the year in 2000–2099. Anything else
is refused with a French sentence that says what was typed and what is expected: a date is never guessed,
never moved to the nearest valid day, never left at a default.
"""

from __future__ import annotations

import re
from datetime import date

from workshop_app.core.errors import AtelierError

MONTHS = (
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
)
WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
#: what the field shows before anything is typed
PLACEHOLDER = "jj/mm/aaaa"
MIN_YEAR, MAX_YEAR = 1900, 2199

_SEPARATED = re.compile(r"^(\d{1,2})\s*[/.\- ]\s*(\d{1,2})\s*[/.\- ]\s*(\d{2}|\d{4})$")
_DIGITS = re.compile(r"^\d{6}$|^\d{8}$")


class DateError(AtelierError):
    """A typed date that is not one; ``str()`` is the French sentence to show next to the field.

    ``code`` and ``args`` say the same thing as data, so that an interface in another language can write its
    own sentence (``workshop_app.ui.date_edit.date_error_text``): ``not_a_date`` (typed), ``year_range``
    (typed, lowest year, highest year), ``month_range`` (typed), ``no_such_day`` (typed, day, month, year).
    """

    def __init__(self, message: str, code: str = "", args: tuple[object, ...] = ()) -> None:
        super().__init__(message)
        self.code = code
        self.args_ = args


def parse_french_date(text: str) -> date | None:
    """The date ``text`` names, or None when it is empty (no date). Raises :class:`DateError` otherwise."""
    typed = text.strip()
    if not typed:
        return None
    match = _SEPARATED.match(typed)
    if match:
        day, month, year = match.groups()
    elif _DIGITS.match(typed):
        day, month, year = typed[:2], typed[2:4], typed[4:]
    else:
        raise DateError(
            f"« {typed} » n’est pas une date : tapez le jour, le mois et l’année, "
            f"par exemple 15/10/2026 ou 15102026.",
            "not_a_date",
            (typed,),
        )
    full_year = int(year) + 2000 if len(year) == 2 else int(year)
    if not MIN_YEAR <= full_year <= MAX_YEAR:
        raise DateError(
            f"« {typed} » : l’année doit être entre {MIN_YEAR} et {MAX_YEAR} (jj/mm/aaaa).",
            "year_range",
            (typed, MIN_YEAR, MAX_YEAR),
        )
    if not 1 <= int(month) <= 12:
        raise DateError(f"« {typed} » : le mois doit aller de 1 à 12 (jj/mm/aaaa).", "month_range", (typed,))
    try:
        return date(full_year, int(month), int(day))
    except ValueError:
        raise DateError(
            f"« {typed} » : il n’y a pas de {int(day)} {MONTHS[int(month) - 1]} {full_year}.",
            "no_such_day",
            (typed, int(day), int(month), full_year),
        ) from None


def short_french_date(value: date) -> str:
    """« 15/10/2026 »: what the field shows once the date is read."""
    return value.strftime("%d/%m/%Y")


def long_french_date(value: date) -> str:
    """« jeudi 15 octobre 2026 » (« 1er » for the first day of a month), independent of the system locale."""
    day = "1er" if value.day == 1 else str(value.day)
    return f"{WEEKDAYS[value.weekday()]} {day} {MONTHS[value.month - 1]} {value.year}"
