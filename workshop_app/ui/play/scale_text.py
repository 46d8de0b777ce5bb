"""How a questions deck's scale is written on the play page: each option's key, its short label, the legend of
keys, and the text on its button (the key; on a deck read on its own scale, the signed value, « −2 »…)."""

from __future__ import annotations

from workshop_app.core.deck import QuestionDeck, ScaleOption
from workshop_app.core.deck_subject import ScoreReading
from workshop_app.core.subjects import format_value


def short_label(option: ScaleOption) -> str:
    """« 2 — Quelques actions isolées » → « Quelques actions isolées » (the key is shown beside it anyway)."""
    key = option_key(option)
    text = option.label
    rest = text[len(key) :]
    # « 2 — … » loses its « 2 », « Non concerné » keeps its N: strip the key only when a separator follows
    if key and text.upper().startswith(key) and rest[:1] in (" ", "—", "–", "-", ":", "."):
        text = rest.lstrip(" —–-:.")
    return text or option.label


def scale_legend(deck: QuestionDeck) -> str:
    """« 0 Rien d'engagé · 1 En réflexion · … · N Non concerné »; on a deck read on its own scale, each key
    with the value its button shows: « 1 = −2 · … · 5 = +2 · ? Ne sait pas »."""
    return " · ".join(
        f"{option_key(o)} = {signed}"
        if (signed := signed_text(deck, o)) and option_key(o) not in ("", signed)
        else f"{option_key(o)} {short_label(o)}".strip()
        for o in deck.scale
    )


def option_key(option: ScaleOption) -> str:
    """The key recording ``option``: its declared key, else its value's digit, else N (« non concerné ») or
    ? (« ne sait pas »)."""
    if option.key:
        return option.key.upper()
    if option.value is None:
        return "?" if option.unknown else "N"
    if float(option.value).is_integer() and 0 <= option.value <= 9:
        return str(int(option.value))
    return ""


def signed_text(deck: QuestionDeck, option: ScaleOption) -> str:
    """« −2 », « 0 », « +1 » for a valued option of a deck read on its own scale; "" otherwise."""
    if deck.reading is not ScoreReading.SCALE or option.value is None:
        return ""
    return format_value(float(option.value), True, plus=deck.scale_min < 0)


def button_text(deck: QuestionDeck, option: ScaleOption) -> str:
    return signed_text(deck, option) or option_key(option) or short_label(option)
