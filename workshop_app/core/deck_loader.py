"""Load a deck from YAML: safe loading only, errors that name the file, the line and the field, in French.

Nothing in a deck is executed: the text is composed into YAML nodes by a ``yaml.SafeLoader`` that refuses, at
the line where they appear, anchors and aliases (they allow "billion laughs" bombs) and any explicit tag but
the plain data ones (``!!python/...`` never reaches a constructor). Duplicate keys are refused too (YAML would
keep the last one silently). The plain data is then validated by the pydantic models in
:mod:`workshop_app.core.deck`; the node tree is kept to find the line of any field.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml
from pydantic import TypeAdapter, ValidationError

from workshop_app.core.deck import Deck, QuestionDeck, StrategyDeck
from workshop_app.core.deck_issues import DeckIssue, field_path, issues_from, line_of, node_at
from workshop_app.core.errors import AtelierError, os_reason
from workshop_app.core.safe_files import FileRefused, read_regular

MAX_FILE_BYTES = 1024 * 1024
MAX_NODES = 50_000
# A real deck nests 6 levels (deck > cards > card > effects > axis > value). PyYAML composes recursively:
# without a limit, a file of 1,000 "[" ran out of stack (RecursionError) and broke every list of decks.
MAX_DEPTH = 40

# Explicit tags a deck may use: plain data only.
_DATA_TAGS = frozenset(
    f"tag:yaml.org,2002:{t}" for t in ("str", "int", "float", "bool", "null", "seq", "map")
)

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
        raise _fail(name, None, exc.reason.replace(f"{MAX_FILE_BYTES} au plus", "1 Mio au plus")) from None
    except OSError as exc:
        raise _fail(name, None, f"lecture impossible : {os_reason(exc)}") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        message = f"le fichier n'est pas en UTF-8 (octet {exc.start}) : enregistrez-le en UTF-8"
        raise DeckLoadError([DeckIssue(name, line, "", message)]) from None
    return parse_deck(text, name)


def parse_deck(text: str, name: str = "<deck>") -> AnyDeck:
    if len(text.encode("utf-8")) > MAX_FILE_BYTES:
        raise DeckLoadError([DeckIssue(name, None, "", "texte trop long (1 Mio au plus)")])
    try:
        root = _compose(text, name)
        data = _construct(root, name)
    except RecursionError:  # a second lock: _DeckComposer stops at MAX_DEPTH long before the stack ends
        raise _fail(name, None, f"imbrication trop profonde ({MAX_DEPTH} niveaux au plus)") from None
    if not isinstance(data, dict):
        raise _fail(name, line_of(root), "le document doit être un dictionnaire (clé: valeur)")
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
            raise _fail(name, None, f"imbrication trop profonde ({MAX_DEPTH} niveaux au plus)")
        if isinstance(value, float) and not math.isfinite(value):
            shown = "NaN" if math.isnan(value) else "l'infini"
            message = f"nombre attendu, pas {shown} (.nan, .inf)"
            raise DeckLoadError([DeckIssue(name, line_of(node_at(root, path)), field_path(path), message)])
        if isinstance(value, dict):
            stack.extend(reversed([(v, [*path, str(k)]) for k, v in value.items()]))  # first in file first
        elif isinstance(value, list):
            stack.extend(reversed([(v, [*path, i]) for i, v in enumerate(value)]))


def _fail(name: str, line: int | None, message: str) -> DeckLoadError:
    return DeckLoadError([DeckIssue(name, line, "", message)])


class _Refused(Exception):
    """Raised while composing: the node at ``line`` uses a YAML feature decks may not use."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


class _DeckComposer(yaml.SafeLoader):
    """Composes nodes only (never constructs objects) and refuses anchors, aliases and non-data tags, and
    documents nested deeper than MAX_DEPTH or holding more than MAX_NODES nodes, before recursing further."""

    _depth = 0
    _nodes = 0

    def compose_node(self, parent: yaml.Node | None, index: Any) -> yaml.Node | None:
        event = self.peek_event()
        line = event.start_mark.line + 1
        self._nodes += 1
        if self._nodes > MAX_NODES:
            raise _Refused(line, "document trop volumineux")
        if self._depth >= MAX_DEPTH:
            raise _Refused(line, f"imbrication trop profonde ({MAX_DEPTH} niveaux au plus)")
        self._depth += 1
        try:
            return self._compose_checked(parent, index, event, line)
        finally:
            self._depth -= 1

    def _compose_checked(
        self, parent: yaml.Node | None, index: Any, event: Any, line: int
    ) -> yaml.Node | None:
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
            raise _Refused(line, "les ancres et alias YAML (&, *) sont refusés")
        tag = getattr(event, "tag", None)
        if tag is not None and tag not in _DATA_TAGS and tag != "!":
            shown = tag.replace("tag:yaml.org,2002:", "!!")
            raise _Refused(line, f"étiquette YAML refusée « {shown} » (un jeu ne contient que des données)")
        return super().compose_node(parent, index)


def _compose(text: str, name: str) -> yaml.Node:
    try:
        root = yaml.compose(text, Loader=_DeckComposer)
    except _Refused as exc:
        raise _fail(name, exc.line, exc.message) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        problem = exc.problem or exc.context or ""
        raise _fail(name, line, f"YAML invalide : {_yaml_problem_fr(problem, exc.context or '')}") from None
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, exc.position) + 1
        code = f"U+{exc.character:04X}" if isinstance(exc.character, int) else repr(exc.character)
        raise _fail(name, line, f"caractère de contrôle interdit ({code}) : retirez-le du texte") from None
    except yaml.YAMLError as exc:
        raise _fail(name, None, f"YAML invalide : {exc}") from None
    if root is None:
        raise _fail(name, None, "le fichier est vide")
    _check_nodes(root, name)
    return root


# PyYAML's problems (English, technical) said for a facilitator editing a deck by hand.
_YAML_PROBLEMS = (
    ("found character '\\t'", "tabulation interdite : indentez avec des espaces"),
    ("tab character", "tabulation interdite : indentez avec des espaces"),
    (
        "mapping values are not allowed here",
        "« : » inattendu — indentation incorrecte, ou un texte contenant « : » à mettre entre guillemets",
    ),
    ("could not find expected ':'", "« : » manquant après une clé (ou indentation incorrecte)"),
    ("expected ',' or ']'", "liste entre crochets non refermée : « ] » ou « , » manquant"),
    ("expected ',' or '}'", "dictionnaire entre accolades non refermé : « } » ou « , » manquant"),
    ("expected <block end>", "indentation incorrecte : alignez cette ligne sur celles de même niveau"),
    ("unknown escape character", "caractère « \\ » inattendu dans un texte entre guillemets doubles"),
    ("another document", "un seul document par fichier : retirez la ligne « --- » en trop"),
    ("cannot start any token", "caractère inattendu en début de valeur : mettez la valeur entre guillemets"),
)


def _yaml_problem_fr(problem: str, context: str = "") -> str:
    """A French sentence for a PyYAML syntax problem; the original text only when it is not recognised."""
    if problem == "found unexpected end of stream" and "quoted scalar" in context:
        return "guillemet ouvert jamais refermé"
    for fragment, french in _YAML_PROBLEMS:
        if fragment in problem:
            return french
    return f"syntaxe incorrecte ({problem})" if problem else "syntaxe incorrecte"


def _check_nodes(root: yaml.Node, name: str) -> None:
    """Bounds the document's size and refuses duplicate keys (YAML would silently keep the last one)."""
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:  # cannot happen once aliases are refused; kept as a second lock
            raise _fail(name, line_of(node), "les ancres et alias YAML (&, *) sont refusés")
        seen.add(id(node))
        if len(seen) > MAX_NODES:
            raise _fail(name, line_of(node), "document trop volumineux")
        if isinstance(node, yaml.MappingNode):
            keys: set[str] = set()
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode):
                    if key.value in keys:
                        raise _fail(name, line_of(key), f"clé en double « {key.value} »")
                    keys.add(key.value)
                stack.extend((key, value))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)


def _construct(root: yaml.Node, name: str) -> Any:
    loader = yaml.SafeLoader("")
    try:
        return loader.construct_document(root)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        line = mark.line + 1 if mark is not None else None
        problem = exc.problem or ""
        if "unhashable key" in problem:
            problem = "clé invalide (une liste ou un dictionnaire ne peut pas servir de clé)"
        raise _fail(name, line, f"YAML invalide : {problem}") from None
    finally:
        loader.dispose()
