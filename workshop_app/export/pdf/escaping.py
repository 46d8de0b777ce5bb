"""Turning any user string into safe Paragraph markup.

Rules, in this order:

1. ``clean``: newlines normalised; French typography (:func:`workshop_app.export.report.text.french`: ’,
   the point médian only when inclusive writing is on); control characters dropped (tab becomes a space);
   U+202F (narrow no-break space, breakable in reportlab) becomes U+00A0; any character the embedded font
   cannot draw becomes ``MISSING`` (« □ ») so the reader sees something was there, instead of an invisible
   gap or a crash.
2. ``xml.sax.saxutils.escape`` (``&``, ``<``, ``>``): markup typed by a user is printed as text, never
   interpreted (no ``<font>``, no ``<img src=…>`` opening a local file).
3. ``\\n`` → ``<br/>``.

Long words are split by the paragraph styles (``splitLongWords``); nothing here truncates text.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from workshop_app.export.pdf.fonts import coverage
from workshop_app.export.report.text import french, inclusive_writing

MISSING = "\u25a1"  # □

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ufeff\ufffe\uffff]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_SPACES = re.compile(r"[ \n]+")
_BEFORE_PUNCT = re.compile(r"(?<=\S) ([:;?!»])")
_SPACE_PUNCT = re.compile(r" [:;?!»]")  # what _BEFORE_PUNCT needs: a plain search, ~12× faster than its sub
_AFTER_GUILLEMET = re.compile(r"« ")
_NUMBERED_PERSON = re.compile(r"\b(Participant(?:·e)?) (\d+)\b")


def escape(text: str) -> str:
    """``&``, ``<`` and ``>`` as entities: ``xml.sax.saxutils.escape`` without its import (which brings
    ``urllib.request``, ``http.client`` and ``ssl``: ~7 ms of every cold export)."""
    return text.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")


def clean(text: object) -> str:
    """Plain text the font can draw (not escaped)."""
    value = "" if text is None else str(text)
    if not value:
        return ""
    return _clean(value, inclusive_writing())


@lru_cache(maxsize=4096)  # the same names and labels come back hundreds of times in a document
def _clean(value: str, _inclusive: bool) -> str:
    value = value.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ").replace("\u202f", "\u00a0")
    value = value.replace("\u2028", "\n").replace("\u2029", "\n")
    value = _SURROGATE.sub(MISSING, _CONTROL.sub("", value))
    value = french(unicodedata.normalize("NFC", value))  # one apostrophe (’); point médian as set
    # French typography: no line break before « : ; ? ! » » or after « « », nor inside « Participant 8 ».
    # Each substitution only where its text can be (a document's first build cleans ~1,600 distinct strings:
    # the lookbehind and the word boundary scanned every position of each, ~13 ms of its ~25).
    if _SPACE_PUNCT.search(value):
        value = _BEFORE_PUNCT.sub("\u00a0\\1", value)
    if "« " in value:
        value = _AFTER_GUILLEMET.sub("«\u00a0", value)
    if "Participant" in value:
        value = _NUMBERED_PERSON.sub("\\1\u00a0\\2", value)
    if drawable().issuperset(value):  # a set's own loop: ~5× faster than testing ord() of each character
        return value
    glyphs = coverage()
    out: list[str] = []
    for ch in value:
        if ch == "\n" or ord(ch) in glyphs:
            out.append(ch)
        elif unicodedata.category(ch) in ("Mn", "Me", "Cf") or (
            out and out[-1] == MISSING
        ):  # a mark or format char alone: drop it
            continue
        else:
            out.append(MISSING)
    return "".join(out)


@lru_cache(maxsize=1)
def drawable() -> frozenset[str]:
    """The characters :func:`clean` keeps as they are: those every face can draw, and the line break."""
    return frozenset(map(chr, coverage())) | {"\n"}


def markup(text: object) -> str:
    """Paragraph markup for a user string: cleaned, escaped, line breaks kept."""
    value = "" if text is None else str(text)
    return _markup(value, inclusive_writing()) if value else ""


def inline(text: object) -> str:
    """Like :func:`markup` but on one line (for table cells and headings)."""
    value = "" if text is None else str(text)
    return _inline(value, inclusive_writing()) if value else ""


@lru_cache(maxsize=4096)
def _markup(value: str, inclusive: bool) -> str:
    return escape(_clean(value, inclusive)).replace("\n", "<br/>")


@lru_cache(maxsize=4096)
def _inline(value: str, inclusive: bool) -> str:
    return escape(_SPACES.sub(" ", _clean(value, inclusive)).strip(" "))
