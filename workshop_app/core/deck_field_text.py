"""One-line spellings of a card's lists, for the deck editor: « 1.1 ; 3.2 ×2 », « chaleur +2 ; eau −1 »."""

from __future__ import annotations

import re
from typing import Any


class FieldTextError(ValueError):
    """A one-line field could not be read; the message is French."""


def links_text(informs: list[dict[str, Any]]) -> str:
    out = []
    for link in informs:
        weight = float(link.get("weight", 1.0))
        shown = "" if weight == 1 else f" ×{_number(weight)}"
        out.append(f"{link.get('lever', '')}{shown}")
    return " ; ".join(out)


def parse_links(text: str) -> list[dict[str, Any]]:
    links: list[dict[str, Any]] = []
    for part in _split(text, ";"):  # « 1,5 » is a French weight: only « ; » separates two levers
        match = re.fullmatch(r"(\S+?)(?:(?:\s*[×*]\s*|\s+[xX]\s*)([0-9]+(?:[.,][0-9]+)?))?", part)
        if match is None:
            raise FieldTextError(
                f"« {part} » : écrivez l’identifiant du levier, puis ×poids au besoin (1.1 ×2)"
            )
        weight = float(match.group(2).replace(",", ".")) if match.group(2) else 1.0
        links.append({"lever": match.group(1), "weight": weight})
    return links


def effects_text(effects: dict[str, int]) -> str:
    return " ; ".join(
        f"{axis} {'+' if v > 0 else '−' if v < 0 else ''}{abs(v)}" for axis, v in effects.items()
    )


def parse_effects(text: str) -> dict[str, int]:
    effects: dict[str, int] = {}
    for part in _split(text):
        match = re.fullmatch(r"(\S+?)\s*:?\s*([+\-−]?)\s*([0-9]+)", part)
        if match is None:
            raise FieldTextError(f"« {part} » : écrivez l’axe puis l’effet, par exemple « chaleur +2 »")
        sign = -1 if match.group(2) in ("-", "−") else 1
        effects[match.group(1)] = sign * int(match.group(3))
    return effects


def ids_text(ids: list[str]) -> str:
    return " ; ".join(ids)


def parse_ids(text: str) -> list[str]:
    return _split(text)


def _split(text: str, separators: str = ";,") -> list[str]:
    return [p.strip() for p in re.split(f"[{separators}]", text) if p.strip()]


def _number(value: float) -> str:
    return str(int(value)) if value.is_integer() else str(value).replace(".", ",")
