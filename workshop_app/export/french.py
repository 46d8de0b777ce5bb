"""French typography for the exports: dates, times, percentages, quotes, numbers.

Pure functions, no reportlab. Spaces that must not break are U+00A0 (reportlab treats U+202F as breakable, so
we never emit it; :func:`workshop_app.export.pdf.escaping.clean` maps it anyway).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, tzinfo
from functools import lru_cache

NBSP = "\u00a0"

MONTHS = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)

# Workshops happen in France: times in the minutes are French local times, whatever the laptop's zone.
TIMEZONE = "Europe/Paris"


@lru_cache(maxsize=1)
def local_zone() -> tzinfo:
    try:
        from zoneinfo import ZoneInfo

        return ZoneInfo(TIMEZONE)
    except Exception:  # no tz database (some Windows installs): the machine's zone is the next best thing
        return datetime.now().astimezone().tzinfo or UTC


def local(moment: datetime) -> datetime:
    aware = moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment
    return aware.astimezone(local_zone())


def format_date(day: date | None, empty: str = "") -> str:
    """« 23 novembre 2026 », « 1er décembre 2026 »."""
    if day is None:
        return empty
    if isinstance(day, datetime):
        day = local(day).date()
    first = "1er" if day.day == 1 else str(day.day)
    return f"{first}{NBSP}{MONTHS[day.month - 1]} {day.year}"


def format_time(moment: datetime | None, empty: str = "") -> str:
    """« 14 h 05 » in French local time."""
    if moment is None:
        return empty
    m = local(moment)
    return f"{m.hour}{NBSP}h{NBSP}{m.minute:02d}"


def format_datetime(moment: datetime | None, empty: str = "") -> str:
    if moment is None:
        return empty
    return f"{format_date(local(moment).date())} à {format_time(moment)}"


def iso_local(moment: datetime | None) -> str:
    """ISO 8601 with the offset, second precision: « 2026-11-23T14:05:00+01:00 »."""
    if moment is None:
        return ""
    return local(moment).replace(microsecond=0).isoformat()


def format_minutes(minutes: float | None, empty: str = "—") -> str:
    """« 45 min », « 1 h 30 »."""
    if minutes is None:
        return empty
    total = round(minutes)
    if total < 60:
        return f"{total}{NBSP}min"
    hours, rest = divmod(total, 60)
    return f"{hours}{NBSP}h{NBSP}{rest:02d}" if rest else f"{hours}{NBSP}h"


def format_number(value: float | None, decimals: int = 1, empty: str = "") -> str:
    """« 2,5 », « 3 » (no trailing zero for whole numbers), thousands separated by a no-break space."""
    if value is None:
        return empty
    if float(value).is_integer():
        text = f"{int(value):,}".replace(",", NBSP)
    else:
        text = f"{value:,.{decimals}f}".replace(",", " ").replace(".", ",").replace(" ", NBSP)
    return text.replace("-", "−") if value < 0 else text


def format_level(value: float | None, signed: bool, decimals: int = 2, empty: str = "") -> str:
    """A level of a deck's scale: « +2 » on a signed scale (−2…+2), where « 2 » would hide the sign."""
    text = format_number(value, decimals, empty)
    return "+" + text if signed and value is not None and value > 0 else text


def format_percent(fraction_or_score: float | None, *, scale: float = 1.0, empty: str = "—") -> str:
    """« 45 % » with a no-break space. ``scale=1`` for a fraction (0.45), ``scale=100`` for a score (45)."""
    if fraction_or_score is None:
        return empty
    value = fraction_or_score * 100.0 / scale
    return f"{round(value)}{NBSP}%"


def quote(text: str) -> str:
    """« text » with no-break spaces inside the guillemets."""
    return f"«{NBSP}{text}{NBSP}»"


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    word = singular if count <= 1 else (plural_form or singular + "s")
    return f"{count}{NBSP}{word}"
