"""The YAML side of loading a deck: the text composed into nodes (never constructed objects) by a
``yaml.SafeLoader`` that refuses anchors, aliases, non-data tags, too deep or too big documents and duplicate
keys, each at its line; PyYAML's problems said in French. Imported by
:func:`workshop_app.core.deck_loader.parse_deck` when it runs, so that reading a deck stored as data (a
workshop's snapshot, the export) does not import PyYAML.
"""

from __future__ import annotations

from typing import Any

import yaml

from workshop_app.core.deck_issues import line_of
from workshop_app.core.deck_loader import MAX_DEPTH, MAX_NODES, fail

# Explicit tags a deck may use: plain data only.
_DATA_TAGS = frozenset(
    f"tag:yaml.org,2002:{t}" for t in ("str", "int", "float", "bool", "null", "seq", "map")
)


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


def compose(text: str, name: str) -> yaml.Node:
    try:
        root = yaml.compose(text, Loader=_DeckComposer)
    except _Refused as exc:
        raise fail(name, exc.line, exc.message) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        problem = exc.problem or exc.context or ""
        raise fail(name, line, f"YAML invalide : {_yaml_problem_fr(problem, exc.context or '')}") from None
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, exc.position) + 1
        code = f"U+{exc.character:04X}" if isinstance(exc.character, int) else repr(exc.character)
        raise fail(name, line, f"caractère de contrôle interdit ({code}) : retirez-le du texte") from None
    except yaml.YAMLError as exc:
        raise fail(name, None, f"YAML invalide : {exc}") from None
    if root is None:
        raise fail(name, None, "le fichier est vide")
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
            raise fail(name, line_of(node), "les ancres et alias YAML (&, *) sont refusés")
        seen.add(id(node))
        if len(seen) > MAX_NODES:
            raise fail(name, line_of(node), "document trop volumineux")
        if isinstance(node, yaml.MappingNode):
            keys: set[str] = set()
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode):
                    if key.value in keys:
                        raise fail(name, line_of(key), f"clé en double « {key.value} »")
                    keys.add(key.value)
                stack.extend((key, value))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)


def construct(root: yaml.Node, name: str) -> Any:
    loader = yaml.SafeLoader("")
    try:
        return loader.construct_document(root)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        line = mark.line + 1 if mark is not None else None
        problem = exc.problem or ""
        if "unhashable key" in problem:
            problem = "clé invalide (une liste ou un dictionnaire ne peut pas servir de clé)"
        raise fail(name, line, f"YAML invalide : {problem}") from None
    finally:
        loader.dispose()
