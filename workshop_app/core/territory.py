"""Territories as the set-up page and the comparisons see them: plain data and the rules about their codes.

A territory is a commune, an EPCI, a PETR or a département (``kind``; "" when the kind typed names none of
them, e.g. « Autre »). Its optional code is the INSEE code of a commune (5 characters: ``02722``, ``2A004``),
a département's number (``02``, ``2A``, ``974``) or the SIREN of any authority (9 digits). Its parent is a
larger territory (a commune in its EPCI, an EPCI in its PETR or its département).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from workshop_app.core.errors import AtelierError

KINDS = ("commune", "epci", "petr", "departement")
KIND_LABELS = {"commune": "Commune", "epci": "EPCI", "petr": "PETR", "departement": "Département"}
_RANK = {kind: rank for rank, kind in enumerate(KINDS)}

_INSEE_COMMUNE = re.compile(r"(?:\d{5}|2[AB]\d{3})")
_DEPARTEMENT = re.compile(r"(?:0[1-9]|[1-8]\d|9[0-5]|2[AB]|97[1-6])")
_SIREN = re.compile(r"\d{9}")


@dataclass(frozen=True)
class KnownTerritory:
    id: str
    name: str
    kind: str = ""  # one of KINDS, or ""
    kind_label: str = ""  # the kind as the minutes name it (« Communauté d'agglomération »)
    code: str = ""  # INSEE or SIREN, or ""
    parent_id: str | None = None
    parent_name: str = ""
    workshops: int = 0  # how many workshops point at it

    @property
    def display(self) -> str:
        """« Soissons — Commune (02722) », as suggestions show it."""
        label = self.kind_label or KIND_LABELS.get(self.kind, "")
        text = f"{self.name} — {label}" if label else self.name
        return f"{text} ({self.code})" if self.code else text


def plain(text: str) -> str:
    """Case, accents and apostrophes folded, for matching what is typed against known names."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().replace("’", "'").strip())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


def normalise_code(kind: str, code: str) -> str:
    """The code as stored (no spaces, upper case); an AtelierError in French says what is expected."""
    value = "".join(code.split()).upper()
    if not value:
        return ""
    if _SIREN.fullmatch(value):
        return value
    if kind == "commune":
        if _INSEE_COMMUNE.fullmatch(value):
            return value
        raise AtelierError(
            f"Le code « {code.strip()} » n’est pas un code de commune : le code INSEE a 5 caractères "
            "(ex. 02722, ou 2A004 en Corse), le numéro SIREN 9 chiffres."
        )
    if kind == "departement":
        if _DEPARTEMENT.fullmatch(value):
            return value
        raise AtelierError(
            f"Le code « {code.strip()} » n’est pas un code de département : son numéro (ex. 02, 2A, 974) "
            "ou son numéro SIREN à 9 chiffres."
        )
    if kind in ("epci", "petr"):
        raise AtelierError(
            f"Le code « {code.strip()} » n’est pas un numéro SIREN : il a 9 chiffres (ex. 200071892)."
        )
    if _INSEE_COMMUNE.fullmatch(value):
        return value
    raise AtelierError(
        f"Le code « {code.strip()} » n’est ni un code INSEE (5 caractères) ni un numéro SIREN (9 chiffres)."
    )


def can_contain(parent_kind: str, child_kind: str) -> bool:
    """Whether a territory of ``parent_kind`` may be the parent of one of ``child_kind`` (a larger kind)."""
    if not parent_kind or not child_kind:
        return parent_kind != "commune"  # a commune contains no territory
    return _RANK[parent_kind] > _RANK[child_kind]


def parent_candidates(territories: Iterable[KnownTerritory], child: KnownTerritory) -> list[KnownTerritory]:
    """The territories that may contain ``child``, sorted by name; never itself nor one it contains."""
    known = list(territories)
    below = _descendants(known, child.id)
    return sorted(
        (t for t in known if t.id != child.id and t.id not in below and can_contain(t.kind, child.kind)),
        key=lambda t: (plain(t.name), t.kind),
    )


def _descendants(territories: list[KnownTerritory], root: str) -> set[str]:
    found: set[str] = set()
    frontier = {root}
    while frontier:
        frontier = {t.id for t in territories if t.parent_id in frontier and t.id not in found}
        found |= frontier
    return found


def find_known(
    territories: Iterable[KnownTerritory], name: str, kind_label: str = ""
) -> KnownTerritory | None:
    """The known territory a typed name means (case and accents aside), preferring the same kind text; the
    one with most workshops when several share the name."""
    wanted = plain(name)
    if not wanted:
        return None
    same = [t for t in territories if plain(t.name) == wanted]
    if kind_label:
        exact = [t for t in same if t.kind_label == kind_label]
        same = exact or [t for t in same if not t.kind_label]
    return max(same, key=lambda t: t.workshops, default=None)
