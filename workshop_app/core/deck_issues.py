"""Where a deck's problem is and what it is, in French: ``DeckIssue`` (``file:line: field: message``), the
YAML node (hence the line) behind a field path, and pydantic's validation errors turned into issues that name
the field as the author wrote it. Used by :mod:`workshop_app.core.deck_loader`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from workshop_app.core.deck import DeckRuleError

if TYPE_CHECKING:  # nodes exist only when a YAML text was parsed; a deck read as data has none
    import yaml


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


def line_of(node: yaml.Node | None) -> int | None:
    return node.start_mark.line + 1 if node is not None else None


def node_at(root: yaml.Node | None, path: Sequence[str | int]) -> yaml.Node | None:
    """The deepest node found along ``path``; for a missing key, the mapping that lacks it."""
    if root is None:
        return None
    import yaml

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


def key_node(root: yaml.Node | None, path: Sequence[str | int]) -> yaml.Node | None:
    """For an unknown or bad key, the line of the key itself reads best."""
    if not path or root is None:
        return root
    import yaml

    parent = node_at(root, path[:-1])
    if isinstance(parent, yaml.MappingNode):
        for k, _ in parent.value:
            if str(k.value) == str(path[-1]):
                return k
    return node_at(root, path)


def field_path(path: Sequence[str | int]) -> str:
    out = ""
    for i, part in enumerate(path):
        if part == _KEY:
            continue
        if isinstance(part, int) and not (i + 1 < len(path) and path[i + 1] == _KEY):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


_KEY = "[key]"  # pydantic's marker after a dict key that failed validation


def issues_from(exc: ValidationError, root: yaml.Node | None, data: Any, name: str) -> list[DeckIssue]:
    issues: list[DeckIssue] = []
    for err in exc.errors():
        loc = list(err["loc"])
        # A discriminated union prefixes the tag ("questions"/"strategy"): it is not a field of the file.
        if loc and loc[0] in ("questions", "strategy") and "mechanic" in data:
            loc = loc[1:]
        if err["type"] in ("union_tag_invalid", "union_tag_not_found"):
            loc = ["mechanic"]
        context = err.get("ctx") or {}
        original = context.get("error")
        if isinstance(original, DeckRuleError):
            path = _parse_field(original.where)
            node = node_at(root, path)
            issues.append(DeckIssue(name, line_of(node), original.where, original.message))
            continue
        is_key = bool(loc) and loc[-1] == _KEY
        path = loc[:-1] if is_key else loc
        node = key_node(root, path) if err["type"] == "extra_forbidden" or is_key else node_at(root, path)
        message = _french(err, data)
        issues.append(
            DeckIssue(name, line_of(node), field_path(loc), f"clé : {message}" if is_key else message)
        )
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
        "extra_forbidden": "champ inconnu (vérifiez l’orthographe)",
        "string_too_short": "texte vide ou trop court",
        "string_too_long": f"texte trop long ({ctx.get('max_length')} caractères au plus)",
        "too_short": f"liste trop courte ({ctx.get('min_length')} élément(s) au moins)",
        "too_long": f"liste trop longue ({ctx.get('max_length')} éléments au plus)",
        "string_pattern_mismatch": _pattern_message(str(ctx.get("pattern", ""))),
        "int_parsing": "nombre entier attendu",
        "int_type": "nombre entier attendu",
        "int_from_float": "nombre entier attendu",
        "float_parsing": "nombre attendu",
        "float_type": "nombre attendu",
        "string_type": "texte attendu",
        "list_type": "liste attendue",
        "dict_type": "dictionnaire (clé: valeur) attendu",
        "model_type": "dictionnaire (clé: valeur) attendu",
        "greater_than_equal": f"valeur trop petite (au moins {_number(ctx.get('ge'))})",
        "greater_than": f"valeur trop petite (plus de {_number(ctx.get('gt'))})",
        "less_than_equal": f"valeur trop grande (au plus {_number(ctx.get('le'))})",
        "less_than": f"valeur trop grande (moins de {_number(ctx.get('lt'))})",
        "literal_error": f"valeur invalide ; valeurs possibles : {_expected(ctx)}",
        "enum": f"valeur invalide ; valeurs possibles : {_expected(ctx)}",
        "union_tag_invalid": "mécanique inconnue ; valeurs possibles : 'questions', 'strategy'",
        "union_tag_not_found": "champ « mechanic » manquant ('questions' ou 'strategy')",
        "invalid_key": "clé invalide : une clé est un texte (mettez-la entre guillemets)",
    }
    message = messages.get(kind, err.get("msg", "valeur invalide"))
    loc = err.get("loc") or ()
    value = err.get("input")
    if kind == "literal_error" and tuple(loc)[-1:] == ("format",) and isinstance(value, int) and value > 1:
        return (
            f"format {value} : ce jeu a été écrit pour une version plus récente d’Atelier Résilience "
            "(celle-ci lit le format 1) ; mettez l’application à jour"
        )
    if "input" in err and kind not in ("missing", "extra_forbidden", "model_type", "dict_type"):
        value = err["input"]
        shown = repr(value)
        if len(shown) <= 60:
            message += f" (reçu : {shown})"
        if kind == "string_type" and isinstance(value, int | float) and not isinstance(value, bool):
            # YAML reads 1.1 or 0 as numbers: an id like "1.1" must be quoted.
            message += ' ; mettez la valeur entre guillemets, par exemple "1.1"'
    return message


def _number(value: Any) -> str:
    """10.0 reads 10, 2.5 reads 2,5 (French decimal comma)."""
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else str(value).replace(".", ",")
    return str(value)


def _expected(ctx: Any) -> str:
    return str(ctx.get("expected", "")).replace(" or ", " ou ")


def _pattern_message(pattern: str) -> str:
    if pattern.startswith("^#"):
        return "couleur invalide (format #RRGGBB, par exemple #0072B2)"
    if pattern.startswith("^[a-z]{2}"):
        return "code de langue invalide (par exemple fr ou fr-FR)"
    return "identifiant invalide (lettres sans accent, chiffres, « . », « - », « _ » ; sans espace)"
