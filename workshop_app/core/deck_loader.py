"""Load a deck from YAML: safe loading only, errors that name the file, the line and the field, in French.

Nothing in a deck is executed: the text is composed into YAML nodes with ``yaml.SafeLoader`` (which knows no
Python tags), anchors/aliases are refused (they allow "billion laughs" bombs), and the plain data is validated by
the pydantic models in :mod:`workshop_app.core.deck`. The node tree is kept to find the line of any field.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import TypeAdapter, ValidationError

from workshop_app.core.deck import Deck, DeckRuleError, QuestionDeck, StrategyDeck

MAX_FILE_BYTES = 1024 * 1024
MAX_NODES = 50_000

AnyDeck = QuestionDeck | StrategyDeck
_ADAPTER: TypeAdapter[AnyDeck] = TypeAdapter(Deck)


@dataclass(frozen=True)
class DeckIssue:
    """One problem in a deck file. ``str()`` gives ``file:line: field: message``."""

    file: str
    line: int | None
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line is not None else self.file
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"


class DeckLoadError(Exception):
    """The deck could not be loaded; ``issues`` lists every problem found."""

    def __init__(self, issues: Sequence[DeckIssue]) -> None:
        super().__init__("\n".join(str(i) for i in issues))
        self.issues = list(issues)


def load_deck(path: Path | str) -> AnyDeck:
    path = Path(path)
    name = path.name
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise DeckLoadError([DeckIssue(name, None, "", f"fichier trop gros ({size} octets ; 1 Mio au plus)")])
        raw = path.read_bytes()
    except OSError as exc:
        raise DeckLoadError([DeckIssue(name, None, "", f"lecture impossible : {exc.strerror or exc}")]) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DeckLoadError(
            [DeckIssue(name, None, "", f"le fichier n'est pas en UTF-8 (octet {exc.start})")]
        ) from None
    return parse_deck(text, name)


def parse_deck(text: str, name: str = "<deck>") -> AnyDeck:
    if len(text.encode("utf-8")) > MAX_FILE_BYTES:
        raise DeckLoadError([DeckIssue(name, None, "", "texte trop long (1 Mio au plus)")])
    root = _compose(text, name)
    data = _construct(root, name)
    if not isinstance(data, dict):
        raise DeckLoadError([DeckIssue(name, _line(root), "", "le document doit être un dictionnaire (clé: valeur)")])
    try:
        return _ADAPTER.validate_python(data)
    except ValidationError as exc:
        raise DeckLoadError(_issues_from(exc, root, data, name)) from None


def deck_from_data(data: dict[str, Any], name: str = "<deck>") -> AnyDeck:
    """Validate already-parsed data (e.g. a snapshot stored with a workshop)."""
    try:
        return _ADAPTER.validate_python(data)
    except ValidationError as exc:
        raise DeckLoadError(_issues_from(exc, None, data, name)) from None


def _compose(text: str, name: str) -> yaml.Node:
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        problem = exc.problem or exc.context or "syntaxe invalide"
        raise DeckLoadError([DeckIssue(name, line, "", f"YAML invalide : {problem}")]) from None
    except yaml.YAMLError as exc:
        raise DeckLoadError([DeckIssue(name, None, "", f"YAML invalide : {exc}")]) from None
    if root is None:
        raise DeckLoadError([DeckIssue(name, None, "", "le fichier est vide")])
    _check_nodes(root, name)
    return root


def _check_nodes(root: yaml.Node, name: str) -> None:
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            raise DeckLoadError([DeckIssue(name, _line(node), "", "les ancres et alias YAML (&, *) sont refusés")])
        seen.add(id(node))
        if len(seen) > MAX_NODES:
            raise DeckLoadError([DeckIssue(name, _line(node), "", "document trop volumineux")])
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
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
        raise DeckLoadError([DeckIssue(name, line, "", f"YAML invalide : {exc.problem}")]) from None
    finally:
        loader.dispose()


def _line(node: yaml.Node | None) -> int | None:
    return node.start_mark.line + 1 if node is not None else None


def _node_at(root: yaml.Node | None, path: Sequence[str | int]) -> yaml.Node | None:
    """The deepest node found along ``path``; for a missing key, the mapping that lacks it."""
    node = root
    for part in path:
        if isinstance(node, yaml.MappingNode):
            match = next((v for k, v in node.value if str(k.value) == str(part)), None)
            if match is None:
                return node
            node = match
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
            node = node.value[part]
        else:
            return node
    return node


def _key_node(root: yaml.Node | None, path: Sequence[str | int]) -> yaml.Node | None:
    """For an unknown or bad key, the line of the key itself reads best."""
    if not path:
        return root
    parent = _node_at(root, path[:-1])
    if isinstance(parent, yaml.MappingNode):
        for k, _ in parent.value:
            if str(k.value) == str(path[-1]):
                return k
    return _node_at(root, path)


def _field(path: Sequence[str | int]) -> str:
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def _issues_from(exc: ValidationError, root: yaml.Node | None, data: Any, name: str) -> list[DeckIssue]:
    issues: list[DeckIssue] = []
    for err in exc.errors():
        loc = list(err["loc"])
        # A discriminated union prefixes the tag ("questions"/"strategy"): it is not a field of the file.
        if loc and loc[0] in ("questions", "strategy") and "mechanic" in data:
            loc = loc[1:]
        context = err.get("ctx") or {}
        original = context.get("error")
        if isinstance(original, DeckRuleError):
            path = _parse_field(original.where)
            node = _node_at(root, path)
            issues.append(DeckIssue(name, _line(node), original.where, original.message))
            continue
        node = _key_node(root, loc) if err["type"] == "extra_forbidden" else _node_at(root, loc)
        issues.append(DeckIssue(name, _line(node), _field(loc), _french(err, data)))
    return issues


def _parse_field(where: str) -> list[str | int]:
    parts: list[str | int] = []
    for chunk in where.replace("]", "").split("."):
        head, *indices = chunk.split("[")
        if head:
            parts.append(head)
        parts.extend(int(i) for i in indices)
    return parts


def _french(err: Any, data: Any) -> str:
    kind = err["type"]
    ctx = err.get("ctx") or {}
    messages = {
        "missing": "champ obligatoire manquant",
        "extra_forbidden": "champ inconnu (vérifiez l'orthographe)",
        "string_too_short": "texte vide ou trop court",
        "string_too_long": f"texte trop long ({ctx.get('max_length')} caractères au plus)",
        "too_short": f"liste trop courte ({ctx.get('min_length')} élément(s) au moins)",
        "too_long": f"liste trop longue ({ctx.get('max_length')} éléments au plus)",
        "string_pattern_mismatch": "format invalide (lettres, chiffres, « . », « - », « _ » ; couleur : #RRGGBB)",
        "int_parsing": "nombre entier attendu",
        "int_type": "nombre entier attendu",
        "int_from_float": "nombre entier attendu",
        "float_parsing": "nombre attendu",
        "float_type": "nombre attendu",
        "string_type": "texte attendu",
        "list_type": "liste attendue",
        "dict_type": "dictionnaire (clé: valeur) attendu",
        "model_type": "dictionnaire (clé: valeur) attendu",
        "greater_than_equal": f"valeur trop petite (au moins {ctx.get('ge')})",
        "greater_than": f"valeur trop petite (plus de {ctx.get('gt')})",
        "less_than_equal": f"valeur trop grande (au plus {ctx.get('le')})",
        "less_than": f"valeur trop grande (moins de {ctx.get('lt')})",
        "literal_error": f"valeur invalide ; valeurs possibles : {ctx.get('expected')}",
        "enum": f"valeur invalide ; valeurs possibles : {ctx.get('expected')}",
        "union_tag_invalid": "mécanique inconnue ; valeurs possibles : 'questions', 'strategy'",
        "union_tag_not_found": "champ « mechanic » manquant ('questions' ou 'strategy')",
    }
    message = messages.get(kind, err.get("msg", "valeur invalide"))
    if "input" in err and kind not in ("missing", "extra_forbidden", "model_type", "dict_type"):
        shown = repr(err["input"])
        if len(shown) <= 60:
            message += f" (reçu : {shown})"
    return message
