"""The UI's French strings use the typographic apostrophe (« l’atelier », never « l'atelier »): a straight
one in a French elision is a typo a facilitator sees on the projector. English log lines (« store's »)
are not elisions and are left alone."""

from __future__ import annotations

import io
import re
import tokenize
from pathlib import Path

import workshop_app

UI = Path(workshop_app.__file__).parent / "ui"
ELIDED = re.compile(
    r"(?:(?<![A-Za-zÀ-ÿ])|(?<=\\n))(?:[lLdDsSnNjJcCmMtT]|[qQ]u|[jJ]usqu|[lL]orsqu|[pP]uisqu|[aA]ujourd)"
    r"'(?=[A-Za-zÀ-ÿœŒ])"
)


def straight_elisions(source: str) -> list[tuple[int, str]]:
    """(line, literal) of each double-quoted string literal with a straight apostrophe in a French elision."""
    found = []
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type != tokenize.STRING:
            continue
        body = token.string.lstrip("rRuUfF")
        if body.startswith('"') and not body.startswith('"""') and ELIDED.search(body):
            found.append((token.start[0], token.string))
    return found


def test_the_check_sees_an_elision_and_spares_english() -> None:
    assert straight_elisions('x = tr("Exporter l\'atelier")\n') == [(1, '"Exporter l\'atelier"')]
    assert straight_elisions('x = tr("Exporter l’atelier")\n') == []
    assert straight_elisions('log.info("the store\'s list")\n') == []
    assert straight_elisions('x = "a\\nL\'application"\n') != []


def test_ui_strings_have_typographic_apostrophes() -> None:
    offenders = [
        f"{path.relative_to(UI.parent)}:{line}: {literal}"
        for path in sorted(UI.rglob("*.py"))
        for line, literal in straight_elisions(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []
