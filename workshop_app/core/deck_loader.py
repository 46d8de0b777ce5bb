"""Load a deck from YAML: safe loading only, errors that name the file, the line and the field, in French.

Nothing in a deck is executed: the text is composed into YAML nodes by a ``yaml.SafeLoader`` that refuses, at
the line where they appear, anchors and aliases (they allow "billion laughs" bombs) and any explicit tag but
the plain data ones (``!!python/...`` never reaches a constructor): see
:mod:`workshop_app.core.deck_yaml_read`, imported only when a text is parsed (a deck stored with a workshop is
already data: the export reads it without PyYAML). Duplicate keys are refused too (YAML would keep the last
one silently). The plain data is then validated by the pydantic models in :mod:`workshop_app.core.deck`; the
node tree is kept to find the line of any field.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import TypeAdapter, ValidationError

from workshop_app.core.deck import Deck, QuestionDeck, StrategyDeck
from workshop_app.core.deck_issues import DeckIssue, field_path, issues_from, line_of, node_at
from workshop_app.core.errors import AtelierError, os_reason
from workshop_app.core.safe_files import FileRefused, read_regular

if TYPE_CHECKING:
    import yaml

MAX_FILE_BYTES = 1024 * 1024
MAX_NODES = 50_000
# A real deck nests 6 levels (deck > cards > card > effects > axis > value). PyYAML composes recursively:
# without a limit, a file of 1,000 "[" ran out of stack (RecursionError) and broke every list of decks.
MAX_DEPTH = 40

AnyDeck = QuestionDeck | StrategyDeck
_ADAPTER: TypeAdapter[AnyDeck] = TypeAdapter(Deck)


class DeckLoadError(AtelierError):
    """The deck could not be loaded; ``issues`` lists every problem found (``str()``: one per line)."""

    def __init__(self, issues: Sequence[DeckIssue]) -> None:
        super().__init__("\n".join(str(i) for i in issues))
        self.issues = list(issues)


def load_deck(path: Path | str) -> AnyDeck:
    path = Path(path)
    name = path.name
    try:
        raw = read_regular(path, MAX_FILE_BYTES)
    except FileRefused as exc:
        raise fail(name, None, exc.reason.replace(f"{MAX_FILE_BYTES} au plus", "1 Mio au plus")) from None
    except OSError as exc:
        raise fail(name, None, f"lecture impossible : {os_reason(exc)}") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        message = f"le fichier n’est pas en UTF-8 (octet {exc.start}) : enregistrez-le en UTF-8"
        raise DeckLoadError([DeckIssue(name, line, "", message)]) from None
    return parse_deck(text, name)


def parse_deck(text: str, name: str = "<deck>") -> AnyDeck:
    if len(text.encode("utf-8")) > MAX_FILE_BYTES:
        raise DeckLoadError([DeckIssue(name, None, "", "texte trop long (1 Mio au plus)")])
    from workshop_app.core.deck_yaml_read import compose, construct

    try:
        root = compose(text, name)
        data = construct(root, name)
    except RecursionError:  # a second lock: the composer stops at MAX_DEPTH long before the stack ends
        raise fail(name, None, f"imbrication trop profonde ({MAX_DEPTH} niveaux au plus)") from None
    if not isinstance(data, dict):
        raise fail(name, line_of(root), "le document doit être un dictionnaire (clé: valeur)")
    _check_finite(data, root, name)
    try:
        return _ADAPTER.validate_python(data)
    except ValidationError as exc:
        raise DeckLoadError(issues_from(exc, root, data, name)) from None


def deck_from_data(data: dict[str, Any], name: str = "<deck>", *, finite: bool = True) -> AnyDeck:
    """Validate already-parsed data (e.g. a snapshot stored with a workshop). ``finite=False`` only for
    snapshots stored before NaN was refused: an old workshop keeps opening."""
    if finite:
        _check_finite(data, None, name)
    try:
        return _ADAPTER.validate_python(data)
    except ValidationError as exc:
        raise DeckLoadError(issues_from(exc, None, data, name)) from None


def _check_finite(data: Any, root: yaml.Node | None, name: str) -> None:
    """Refuse NaN and infinities (``.nan``, ``.inf`` in YAML): they made every score of the compass « nan »
    and the PDF export crash. Iterative, and bounded in depth like the composer."""
    stack: list[tuple[Any, list[str | int]]] = [(data, [])]
    while stack:
        value, path = stack.pop()
        if len(path) > MAX_DEPTH:
            raise fail(name, None, f"imbrication trop profonde ({MAX_DEPTH} niveaux au plus)")
        if isinstance(value, float) and not math.isfinite(value):
            shown = "NaN" if math.isnan(value) else "l’infini"
            message = f"nombre attendu, pas {shown} (.nan, .inf)"
            raise DeckLoadError([DeckIssue(name, line_of(node_at(root, path)), field_path(path), message)])
        if isinstance(value, dict):
            stack.extend(reversed([(v, [*path, str(k)]) for k, v in value.items()]))  # first in file first
        elif isinstance(value, list):
            stack.extend(reversed([(v, [*path, i]) for i, v in enumerate(value)]))


def fail(name: str, line: int | None, message: str) -> DeckLoadError:
    """One issue without a field: the file as a whole, or a line of it."""
    return DeckLoadError([DeckIssue(name, line, "", message)])
