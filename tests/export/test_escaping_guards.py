"""``clean`` skips a substitution where its text cannot be, and tests the characters with a set: the same
strings as applying every rule to every string (the rules as they were written before, kept here)."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from workshop_app.export.pdf import escaping
from workshop_app.export.pdf.escaping import MISSING
from workshop_app.export.pdf.fonts import coverage
from workshop_app.export.report.text import french, writing


def every_rule(value: str) -> str:
    """``escaping._clean`` before the guards: each substitution on every string, ``ord`` of each character."""
    value = value.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ").replace("\u202f", "\u00a0")
    value = value.replace("\u2028", "\n").replace("\u2029", "\n")
    value = escaping._SURROGATE.sub(MISSING, escaping._CONTROL.sub("", value))
    value = french(unicodedata.normalize("NFC", value))
    value = escaping._AFTER_GUILLEMET.sub("«\u00a0", escaping._BEFORE_PUNCT.sub("\u00a0\\1", value))
    value = escaping._NUMBERED_PERSON.sub("\\1\u00a0\\2", value)
    glyphs = coverage()
    if all(ord(ch) in glyphs or ch == "\n" for ch in value):
        return value
    out: list[str] = []
    for ch in value:
        if ch == "\n" or ord(ch) in glyphs:
            out.append(ch)
        elif unicodedata.category(ch) in ("Mn", "Me", "Cf") or (out and out[-1] == MISSING):
            continue
        else:
            out.append(MISSING)
    return "".join(out)


# the characters and words the rules look for, the ones the font lacks, marks and controls
PIECES = st.sampled_from(
    [" ", "  ", "\n", "\r\n", "\t", ":", ";", "?", "!", "«", "»", "« ", " »", "'", "·e", "·es", "l'eau",
     "Participant", "Participant·e", " 8", "12", "é", "e\u0301", "\u202f", "\u2028", "\x07", "\ufeff",
     "\u0301", "\U0001f600", "\u4e2d", "ß", "Œ", "a", "Table 3", "—", "\u00a0"]
)  # fmt: skip
TEXTS = st.lists(st.one_of(PIECES, st.text(max_size=4)), max_size=12).map("".join)


@settings(max_examples=400, deadline=None)
@given(TEXTS, st.booleans())
def test_clean_gives_what_every_rule_gives(text: str, inclusive: bool) -> None:
    with writing(inclusive):
        assert escaping._clean.__wrapped__(text, inclusive) == every_rule(text)  # type: ignore[attr-defined]


def test_the_drawable_characters_are_the_coverage_and_the_line_break() -> None:
    assert escaping.drawable() == frozenset(map(chr, coverage())) | {"\n"}
    assert "é" in escaping.drawable() and "\u4e2d" not in escaping.drawable()
