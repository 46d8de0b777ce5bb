"""The decision grid (« Grille de décision »): criteria built during the workshop, candidate actions rated on
each, and the ranking that feeds the action plan.

A deck with ``cobuilt`` criteria (``core.deck_subject.CoBuiltSpec``) has one axis per criterion and one card
per axis; the candidate actions are its subjects (one sequence each, ``core.subjects``). Adding a criterion
during the workshop adds that axis and its card to the deck of every sequence of the grid (``with_criterion``,
written by ``store.cobuilt``): the criteria are the workshop's own data, not a deck author's.

Ranking: an action's score is the mean of the room's ratings on each criterion (on the deck's scale),
weighted by the criterion's weight (its card's link weight, 1 unless the group said otherwise); criteria not
rated for that action are left out and the number rated is shown beside the score. Ties keep play order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from workshop_app.core.deck import QuestionDeck
from workshop_app.core.errors import AtelierError
from workshop_app.core.subjects import SubjectMatrix
from workshop_app.core.workshop import SequenceInfo

PALETTE = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#8C6D31", "#666666")
DEFAULT_PROMPT = (
    "Cette action répond-elle au critère «\u00a0{critere}\u00a0»\u00a0? Notez-la et dites pourquoi."
)


@dataclass(frozen=True)
class Ranked:
    rank: int
    sequence: SequenceInfo
    score: float | None  # on the deck's scale; None: not rated on any criterion
    rated: int  # criteria rated for this action
    criteria: int


def weights(deck: QuestionDeck) -> dict[str, float]:
    """Each criterion's (axis') weight: its card's link weight."""
    out = {a.id: 1.0 for a in deck.compass.axes}
    for card in deck.cards:
        for link in card.informs:
            out[link.lever] = float(link.weight)
    return out


def ranking(matrix: SubjectMatrix) -> list[Ranked]:
    """The candidate actions from best to worst (unrated ones last), with their weighted score."""
    weight = weights(matrix.deck)
    scored: list[tuple[float | None, int, SequenceInfo, int]] = []
    for order, seq in enumerate(matrix.columns):
        total = value = 0.0
        rated = 0
        for row in matrix.rows:
            cell = matrix.cell(row.target_id, seq.id).value
            if cell is None:
                continue
            w = weight.get(row.target_id, 1.0)
            total += w
            value += w * cell
            rated += 1
        scored.append((value / total if total else None, order, seq, rated))
    scored.sort(key=lambda x: (x[0] is None, -(x[0] or 0.0), x[1]))
    n = len(matrix.rows)
    return [Ranked(i + 1, seq, score, rated, n) for i, (score, _, seq, rated) in enumerate(scored)]


def with_criterion(deck: QuestionDeck, label: str, weight: float = 1.0, unique: str = "") -> QuestionDeck:
    """``deck`` with one more criterion (an axis and its card); a clear French error when it cannot.
    ``unique`` (a few hex digits) makes its id ``k3-1a2b3c4d`` rather than ``k3``: two copies of a workshop
    that each add a criterion then give them different ids, and their criteria merge (:func:`merge_criteria`).
    """
    from workshop_app.core.deck_loader import DeckLoadError, deck_from_data

    spec = deck.cobuilt
    if spec is None:
        raise AtelierError("Ce jeu n’a pas de critères à construire en atelier.")
    label = " ".join(label.split())
    if not label:
        raise AtelierError(f"Donnez un nom au {spec.label.lower()}.")
    if any(a.label.casefold() == label.casefold() for a in deck.compass.axes):
        raise AtelierError(f"Le {spec.label.lower()} « {label} » existe déjà.")
    if len(deck.cards) >= spec.max_count:
        raise AtelierError(f"Ce jeu compte déjà {spec.max_count} {spec.plural.lower()}, le maximum.")
    taken = {a.id for a in deck.compass.axes} | {c.id for c in deck.cards}
    n = len(deck.cards) + 1
    while f"k{n}" in taken:
        n += 1
    key = f"k{n}-{unique}" if unique else f"k{n}"
    data: dict[str, Any] = deck.model_dump(mode="json")
    data["compass"]["axes"].append(
        {
            "id": key,
            "label": label[:200],
            "short": label[:60],
            "colour": PALETTE[(n - 1) % len(PALETTE)],
            "source": "atelier",
        }
    )
    prompt = (spec.prompt or DEFAULT_PROMPT).replace("{critere}", label)
    data["cards"].append(
        {
            "id": key,
            "title": label[:200],
            "prompt": prompt[:4000],
            "theme": spec.label,
            "informs": [{"lever": key, "weight": weight}],
        }
    )
    try:
        new = deck_from_data(data, name=deck.title, finite=False)
    except DeckLoadError as error:
        raise AtelierError(f"Ce {spec.label.lower()} ne peut pas être ajouté.", detail=str(error)) from error
    assert isinstance(new, QuestionDeck)
    return new


_NUMBERED = re.compile(r"^k(\d+)(?:-[0-9a-f]+)?$")


def _criterion_order(item: dict[str, Any]) -> tuple[int, str]:
    found = _NUMBERED.match(str(item.get("id", "")))
    return (int(found.group(1)) if found else 0, str(item.get("id", "")))


def merge_criteria(ours: QuestionDeck, theirs: QuestionDeck) -> QuestionDeck | None:
    """The grid's deck with the criteria of both copies (by id), in an order both copies share (by number,
    then id); None when the two decks differ otherwise, or give one id two different criteria."""
    from workshop_app.core.deck_loader import DeckLoadError, deck_from_data

    if ours.cobuilt is None or theirs.cobuilt is None:
        return None
    mine, other = ours.model_dump(mode="json"), theirs.model_dump(mode="json")
    rest = [{k: v for k, v in d.items() if k != "cards"} for d in (mine, other)]
    for d in rest:
        d["compass"] = {k: v for k, v in d["compass"].items() if k != "axes"}
    if rest[0] != rest[1]:
        return None
    merged: dict[str, Any] = dict(mine)
    for part, get in (("axes", lambda d: d["compass"]["axes"]), ("cards", lambda d: d["cards"])):
        items: dict[str, dict[str, Any]] = {}
        for item in (*get(mine), *get(other)):
            known = items.setdefault(item["id"], item)
            if known != item:
                return None
        ordered = sorted(items.values(), key=_criterion_order)
        if part == "axes":
            merged["compass"] = {**mine["compass"], "axes": ordered}
        else:
            merged["cards"] = ordered
    if merged == mine:
        return ours
    spec = ours.cobuilt
    if len(merged["cards"]) > spec.max_count:
        raise AtelierError(
            f"Ensemble, les deux copies comptent {len(merged['cards'])} {spec.plural.lower()}, plus que les "
            f"{spec.max_count} que permet ce jeu : import annulé."
        )
    try:
        new = deck_from_data(merged, name=ours.title, finite=False)
    except DeckLoadError:
        return None
    return new if isinstance(new, QuestionDeck) else None
