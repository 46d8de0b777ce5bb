"""Checks an archive's manifest passes before anything is built from it (reliability review §3).

:func:`check_manifest` runs on the parsed ``workshop.json`` before the reader builds a snapshot (and so before
any merge): it walks the whole document without recursion and refuses, with the JSON path in French,

* nesting deeper than :data:`MAX_JSON_DEPTH` (JSON's own parser refuses beyond ~1,000: see ``bundle``);
* numbers that are not finite (NaN, Infinity) or outside 64 bits; counters (sequence numbers, positions,
  sizes) outside 0…2³¹−1 (PostgreSQL's INTEGER; and a sequence number of 2⁶³−1 left no room for the next
  vote), durations outside 0…:data:`MAX_MINUTES`;
* a value of another type than the one declared (text, whole number, object, list);
* texts longer than the app accepts in the same field (titles included: a 20 MB sequence title made a
  2.77 GB CSV), and any text over :data:`MAX_ANY_TEXT` anywhere;
* event payload keys the app does not write (they would be stored as they are).

An archive is refused whole: nothing of it is imported. :func:`check_image` bounds the pixels of a photo.
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Mapping
from typing import Any

from workshop_app.export.manifest import BundleError

MAX_JSON_DEPTH = 32
INT64 = (-(2**63), 2**63 - 1)
MAX_COUNTER = 2**31 - 1
MAX_MINUTES = 7 * 24 * 60
MAX_ANY_TEXT = 20_000  # store.convert.MAX_FREE_TEXT
MAX_EVENT_TEXT = 4000  # core.events.MAX_EVENT_TEXT
MAX_LIST_ITEMS = 100_000
ID = 36  # the id columns are String(36) (UUIDs)

# Field -> (type, limit). Types: "str" (limit = length), "id", "int" (0..limit), "obj", "list".
_WORKSHOP = {
    "id": ("id", ID),
    "title": ("str", 200),
    "territory": ("str", 200),
    "territory_kind": ("str", 100),
    "date": ("str", 40),
    "place": ("str", 300),
    "facilitators": ("str", MAX_ANY_TEXT),
    "context": ("str", MAX_ANY_TEXT),
    "objectives": ("str", MAX_ANY_TEXT),
    "fixed_points": ("str", MAX_ANY_TEXT),
    "status": ("str", 20),
    "created_at": ("str", 40),
    "updated_at": ("str", 40),
}
_SECTIONS: dict[str, dict[str, tuple[str, int]]] = {
    "groups": {
        "id": ("id", ID),
        "name": ("str", 100),
        "colour": ("str", 9),
        "position": ("int", MAX_COUNTER),
    },
    "participants": {
        "id": ("id", ID),
        "name": ("str", 200),
        "role": ("str", 200),
        "service": ("str", 200),
        "organisation": ("str", 200),
        "group_id": ("id", ID),
        "kind": ("str", 20),
    },
    "sequences": {
        "id": ("id", ID),
        "position": ("int", MAX_COUNTER),
        "planned_minutes": ("int", MAX_MINUTES),
        "title": ("str", 200),
        "deck": ("obj", 0),
    },
    "events": {
        "author": ("str", 200),  # its id is checked by the reader (a UUID)
        # an archive's seq is only its own order of arrival (the merge renumbers): any non-negative 64-bit
        "seq": ("int", INT64[1]),
        "kind": ("str", 40),
        "sequence_id": ("id", ID),
        "group_id": ("id", ID),
        "card_id": ("str", 64),
        "payload": ("obj", 0),
        "at": ("str", 40),
    },
    "actions": {
        "id": ("id", ID),
        "action": ("str", MAX_ANY_TEXT),
        "owner": ("str", 200),
        "deadline": ("str", 40),
        "lever_id": ("str", 64),
        "position": ("int", MAX_COUNTER),
    },
    "attachments": {
        "id": ("id", ID),
        "filename": ("str", 255),
        "media_type": ("str", 100),
        "sha256": ("str", 64),
        "caption": ("str", MAX_ANY_TEXT),
        "size": ("int", 50 * 1024 * 1024),
        "sequence_id": ("id", ID),
        "card_id": ("str", 64),
    },
    # the workshop's territory and its parents (store.entities), optional
    "territories": {
        "id": ("id", ID),
        "name": ("str", 200),
        "kind": ("str", 20),
        "kind_label": ("str", 100),
        "code": ("str", 20),
        "parent_id": ("id", ID),
    },
    # format 2: which edit of each record field each copy has seen (store.versions)
    "versions": {
        "row_id": ("id", ID),
        "field": ("str", 40),
        "stamp": ("str", 120),
        "base": ("str", 120),
    },
    # deleted records (store.tombstones, revision 0007)
    "tombstones": {
        "row_id": ("id", ID),
        "kind": ("str", 20),
        "stamp": ("str", 120),
    },
}
_PROGRAMME = {"id": ("id", ID), "name": ("str", 200), "description": ("str", MAX_ANY_TEXT)}
_DEBRIEF = {
    "strengths": ("list", 100),
    "vulnerabilities": ("list", 100),
    "felt": ("str", MAX_ANY_TEXT),
    "happened": ("str", MAX_ANY_TEXT),
    "transfer": ("str", MAX_ANY_TEXT),
    "agreement": ("str", MAX_ANY_TEXT),
}
# The keys the app writes in an event's payload (store.play, ui.session). A new kind of event that carries
# another key must add it here, or archives holding it are refused.
PAYLOAD_KEYS: dict[str, tuple[str, int]] = {
    "option": ("str", 64),
    "argument": ("str", MAX_EVENT_TEXT),
    "text": ("str", MAX_EVENT_TEXT),
    "author": ("str", 200),
    "scope": ("str", 20),
    "reason": ("str", 20),  # a timer stopped because the app closed (services.workshop_life)
    "internal": ("bool", 0),  # a note « hors compte-rendu »
    # a programme step that is not a deck (core.programme)
    "step": ("str", 64),
    "step_kind": ("str", 20),
    "label": ("str", 200),
    "minutes": ("int", 600),
    "slot": ("int", MAX_COUNTER),
    "order": ("int", MAX_COUNTER),  # a step moved within its slot (core.programme)
    # an undo/redo names its target by event id (format 2) or by sequence number (format 1)
    "target": ("target", MAX_COUNTER),
}

_TYPE_NAMES = {
    "str": "texte",
    "id": "identifiant (texte)",
    "int": "nombre entier",
    "seqno": "numéro d'événement",
    "target": "identifiant ou numéro d'événement",
    "obj": "objet",
    "bool": "vrai ou faux",
    "list": "liste",
}


def check_manifest(data: Mapping[str, Any], bundle: str) -> None:
    """Raise :class:`BundleError` for the first value of ``data`` that breaks a rule above."""
    _walk(data, bundle)
    _fields(data.get("workshop"), _WORKSHOP, "workshop", bundle)
    for section, fields in _SECTIONS.items():
        items = data.get(section)
        if not isinstance(items, list):
            continue  # absent, or the reader's own message (« liste attendue »)
        for i, item in enumerate(items):
            where = f"{section}[{i}]"
            _fields(item, fields, where, bundle)
            if section == "events" and isinstance(item, dict):
                _payload(item.get("payload"), f"{where}.payload", bundle)
    _fields(data.get("programme"), _PROGRAMME, "programme", bundle)
    debrief = data.get("debrief")
    _fields(debrief, _DEBRIEF, "debrief", bundle)
    if isinstance(debrief, dict):
        for key in ("strengths", "vulnerabilities"):
            for i, text in enumerate(debrief.get(key) or []):
                _value(text, ("str", MAX_ANY_TEXT), f"debrief.{key}[{i}]", bundle)


def _fail(bundle: str, where: str, message: str) -> BundleError:
    return BundleError(f"Contenu invalide dans « {bundle} » ({where}) : {message}.")


def _walk(data: Any, bundle: str) -> None:
    """Depth, numbers and text sizes everywhere, decks and payloads included (iterative: no recursion)."""
    stack: list[tuple[Any, str, int]] = [(data, "", 0)]
    while stack:
        value, where, depth = stack.pop()
        if depth > MAX_JSON_DEPTH:
            message = f"imbrication trop profonde ({MAX_JSON_DEPTH} niveaux au plus)"
            raise _fail(bundle, where or "racine", message)
        if isinstance(value, bool) or value is None:
            continue
        if isinstance(value, int):
            if not INT64[0] <= value <= INT64[1]:
                raise _fail(bundle, where, "nombre hors limites (64 bits au plus)")
        elif isinstance(value, float):
            if not math.isfinite(value):
                raise _fail(bundle, where, "nombre non fini (NaN ou infini) refusé")
        elif isinstance(value, str):
            if len(value) > MAX_ANY_TEXT:
                raise _fail(bundle, where, f"texte trop long ({_count(MAX_ANY_TEXT)} caractères au plus)")
        elif isinstance(value, dict):
            if len(value) > MAX_LIST_ITEMS:
                raise _fail(bundle, where, "objet trop grand")
            for key, item in value.items():
                stack.append((item, f"{where}.{key}" if where else str(key), depth + 1))
        elif isinstance(value, list):
            if len(value) > MAX_LIST_ITEMS:
                raise _fail(bundle, where, f"liste trop longue ({_count(MAX_LIST_ITEMS)} éléments au plus)")
            stack.extend((item, f"{where}[{i}]", depth + 1) for i, item in enumerate(value))


def _fields(item: Any, fields: Mapping[str, tuple[str, int]], where: str, bundle: str) -> None:
    if not isinstance(item, dict):
        return  # the reader says « objet attendu » (or the section is optional)
    for key, rule in fields.items():
        value = item.get(key)
        if value is not None:
            _value(value, rule, f"{where}.{key}", bundle)


def _value(value: Any, rule: tuple[str, int], where: str, bundle: str) -> None:
    kind, limit = rule
    ok = {
        "str": isinstance(value, str),
        "id": isinstance(value, str),
        "int": isinstance(value, int) and not isinstance(value, bool),
        "seqno": isinstance(value, int) and not isinstance(value, bool),
        "target": isinstance(value, str) or (isinstance(value, int) and not isinstance(value, bool)),
        "obj": isinstance(value, dict),
        "bool": isinstance(value, bool),
        "list": isinstance(value, list),
    }[kind]
    if not ok:
        raise _fail(bundle, where, f"{_TYPE_NAMES[kind]} attendu")
    if kind == "target" and isinstance(value, str):
        kind, limit = "id", ID
    elif kind == "target":
        kind = "seqno"
    if kind in ("str", "id") and len(value) > limit:
        what = "identifiant" if kind == "id" else "texte"
        raise _fail(bundle, where, f"{what} trop long ({_count(limit)} caractères au plus)")
    if kind in ("int", "seqno") and not 0 <= value <= limit:
        raise _fail(bundle, where, f"nombre hors limites (de 0 à {_count(limit)})")
    if kind == "list" and len(value) > limit:
        raise _fail(bundle, where, f"liste trop longue ({_count(limit)} éléments au plus)")


def _payload(payload: Any, where: str, bundle: str) -> None:
    if payload is None:
        return
    if not isinstance(payload, dict):
        raise _fail(bundle, where, "objet attendu")
    for key, value in payload.items():
        rule = PAYLOAD_KEYS.get(key)
        if rule is None:
            raise _fail(bundle, f"{where}.{key}", "clé inconnue (l'application n'écrit pas cette donnée)")
        if value is not None:
            _value(value, rule, f"{where}.{key}", bundle)


def _count(n: int) -> str:
    return f"{n:,}".replace(",", "\u202f")


# -- photos ------------------------------------------------------------------------------------------------

# A phone photo of 48 Mpx passes; a PNG "bomb" of 30,000 × 30,000 px (55 kB) does not. JPEG decodes at a
# reduced scale (draft) before any downscaling, other formats decode in full: their limit is lower.
MAX_IMAGE_PIXELS = 64_000_000
MAX_FULL_DECODE_PIXELS = 25_000_000


def image_pixels(data: bytes) -> tuple[int, int, str] | None:
    """(width, height, format) from the image's header only (nothing decoded); None if not an image."""
    import io

    from PIL import Image, UnidentifiedImageError

    # Pillow's own limit is left as it is (a global: lowering it here changed what other readers of images,
    # such as services.photos, are told); beyond twice that limit Pillow refuses to open the file at all.
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)  # we decide below
            picture = Image.open(io.BytesIO(data))
        with picture:
            return picture.size[0], picture.size[1], str(picture.format or "")
    except Image.DecompressionBombError:
        return 0, 0, "BOMB"
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError):
        return None


def image_too_big(data: bytes, *, decoding: bool = True) -> str:
    """A French reason when the image has too many pixels, else "". ``decoding``: to be decoded now (the
    PDF), where formats without a reduced-scale decoding get the lower limit."""
    found = image_pixels(data)
    if found is None:
        return ""
    width, height, fmt = found
    if fmt == "BOMB":
        millions = _count(MAX_IMAGE_PIXELS // 1_000_000)
        return f"bien plus de {millions} millions de pixels (bombe de décompression)"
    limit = MAX_IMAGE_PIXELS if fmt in ("JPEG", "MPO") or not decoding else MAX_FULL_DECODE_PIXELS
    if width * height > limit:
        return f"image de {width} × {height} pixels ({_count(limit // 1_000_000)} millions de pixels au plus)"
    return ""


def check_image(filename: str, media_type: str, data: bytes, bundle: str) -> None:
    """Refuse an archive whose photo would take gigabytes to decode (a decompression bomb)."""
    if not media_type.startswith("image/"):
        return
    reason = image_too_big(data, decoding=False)
    if reason:
        raise BundleError(f"La photo « {filename} » de « {bundle} » est refusée : {reason}.")
