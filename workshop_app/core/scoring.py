"""The compass: pure functions from (deck, sequence state, groups) to a ``CompassReading``.

These numbers are the groups' own self-assessment, not an official index; the minutes say so.

Questions decks (en clair : voir ``METHOD_TEXT``, imprimé dans l’annexe de méthode du compte-rendu)
    Each answer with a numeric value ``v`` on a scale from ``lo`` to ``hi`` counts ``(v - lo) / (hi - lo)``.
    A card informs one or more levers with a weight ``w``. A lever's score is the weighted mean of the answers
    of the cards that inform it, times 100. A principle's (axis's) score is the plain mean of its levers'
    scores (levers not yet scored left out): a lever with many cards does not outweigh one with few, and a
    card linked to two levers of the same principle is counted once in that principle's coverage. An axis
    without levers is its own single lever. « Non concerné » (a scale value of ``null``) drops out of the
    denominator but counts as answered; « ne sait pas » (an option marked ``unknown``) is recorded but counts
    as unanswered. Coverage is the share of links answered (concerned or not). The room's lever score pools
    every group's answers, each answer counting once; the room's principle score is the mean of the room's
    lever scores. No answer at all gives ``score=None``, never 0.

    Spread: every ``Score`` carries ``low``/``high``, the range behind its mean, so that a 0 and a 4 never
    read as a calm 50: for a group's principle, the lowest and highest of its levers; for the room's lever,
    the lowest and highest of the tables' scores on it; for the room's principle, the lowest and highest of
    the tables' scores on its levers (so the room's mean always lies inside its range).

Strategy decks
    A group's raw effect on an axis is the sum of the effects (−2…+2) of the cards it picked, plus the effect
    of each of the deck's synergies whose two cards it picked (once, whatever the order). It is placed on
    0–100 with 50 for "no effect": ``50 + 50 * raw / best`` when positive, ``50 - 50 * raw / worst`` when
    negative, where ``best`` (``worst``) is the largest positive (negative) total a single group could reach
    on that axis within the budget (synergies included), ignoring requires/excludes; a group over budget can
    go past it, and is capped at 0 or 100. Coverage is the share of the budget spent (capped at 1). A deck
    may set a second gauge, ``maintenance_budget``: the sum of the picked cards' maintenance (0–3 each) that
    a table can sustain; it is reported beside the budget (``Budget.upkeep``); synergies change neither.
    Budget and maintenance overruns and broken requires/excludes are reported, never hidden. The room's score
    is the mean of the groups that picked at least one card; its spread is the range of those groups.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from operator import add

from workshop_app.core.deck import QuestionDeck, StrategyCard, StrategyDeck
from workshop_app.core.state import Answer, SequenceState
from workshop_app.core.strategy_rules import Violation, bounds, place, raw_effect, violations

ROOM = "__room__"

METHOD_TEXT = (
    "Chaque réponse est placée entre 0 (premier niveau de l’échelle) et 100 (dernier niveau). "
    "Le score d’un levier est la moyenne des réponses des cartes qui le renseignent, pondérée par le poids "
    "de chaque carte. Le score d’un principe est la moyenne simple de ses leviers : un levier renseigné par "
    "beaucoup de cartes ne compte pas plus qu’un autre, et une carte liée à deux leviers d’un même principe "
    "n’y est comptée qu’une fois. « Non concerné » sort du calcul ; « ne sait pas » compte comme sans "
    "réponse. Le score de la salle met en commun les réponses de toutes les tables. À côté de chaque "
    "moyenne figure l’écart : le plus bas et le plus haut des scores de levier qu’elle résume, table par "
    "table, pour qu’un 0 et un 100 ne se lisent pas comme un 50 tranquille. Prudence : les niveaux de "
    "l’échelle sont des étapes, pas des mesures ; le pas d’un niveau au suivant n’est pas forcément le "
    "même, et leur moyenne est un repère pour la discussion, pas une mesure. Ces scores sont "
    "l’autoévaluation des groupes, pas un indice officiel."
)


@dataclass(frozen=True)
class Score:
    """A score on 0–100 (``None`` when nothing answered) and its coverage on 0–1."""

    score: float | None
    coverage: float
    answered: int = 0
    total: int = 0
    not_concerned: int = 0
    low: float | None = None  # the range behind the mean (see the module docstring), None when unknown
    high: float | None = None

    def spread_text(self) -> str:
        """« 0–100 » for a tooltip or a label; empty when there is no range to show."""
        if self.low is None or self.high is None:
            return ""
        return f"{self.low:.0f}–{self.high:.0f}"


@dataclass(frozen=True)
class Budget:
    budget: int
    spent: int
    violations: tuple[Violation, ...] = ()
    upkeep: int = 0  # the picked cards' maintenance, the second gauge
    upkeep_budget: int | None = None  # the deck's ``maintenance_budget``; None: no limit

    @property
    def upkeep_over(self) -> bool:
        return self.upkeep_budget is not None and self.upkeep > self.upkeep_budget

    @property
    def remaining(self) -> int:
        return self.budget - self.spent

    @property
    def over(self) -> bool:
        return self.spent > self.budget


@dataclass(frozen=True)
class GroupReading:
    axes: Mapping[str, Score]
    levers: Mapping[str, Score] = field(default_factory=dict)
    coverage: float = 0.0
    budget: Budget | None = None


@dataclass(frozen=True)
class CompassReading:
    deck_id: str
    groups: Mapping[str, GroupReading]
    room: GroupReading

    def reading(self, group_id: str) -> GroupReading:
        return self.room if group_id == ROOM else self.groups[group_id]


def score(
    deck: QuestionDeck | StrategyDeck, state: SequenceState, group_ids: Sequence[str]
) -> CompassReading:
    if isinstance(deck, QuestionDeck):
        return score_questions(deck, state, group_ids)
    return score_strategy(deck, state, group_ids)


# -- questions -----------------------------------------------------------------------------------------------


@dataclass
class _Acc:
    weight_sum: float = 0.0
    value_sum: float = 0.0
    links: int = 0
    answered: int = 0
    not_concerned: int = 0

    def add(self, other: _Acc) -> None:
        self.weight_sum += other.weight_sum
        self.value_sum += other.value_sum
        self.links += other.links
        self.answered += other.answered
        self.not_concerned += other.not_concerned

    def result(self) -> Score:
        value = 100.0 * self.value_sum / self.weight_sum if self.weight_sum > 0 else None
        coverage = self.answered / self.links if self.links else 0.0
        return Score(value, coverage, self.answered, self.links, self.not_concerned)


def score_questions(deck: QuestionDeck, state: SequenceState, group_ids: Sequence[str]) -> CompassReading:
    return QuestionScorer(deck).score(state, group_ids)


_Accs = tuple[dict[str, "_Acc"], dict[str, "_Acc"]]  # (axes, levers)


class QuestionScorer:
    """``score_questions`` for one deck, scored again after each vote: a group is recomputed only when its
    answers changed (a vote changes one group of a dozen); the room is the sum of the groups' tallies.

    Plain Python and deterministic: it gives the same reading as a fresh scorer, whatever came before (the
    cache is keyed by each group's answers, so an undo or a reload needs no telling).
    """

    def __init__(self, deck: QuestionDeck) -> None:
        self.deck = deck
        self._lo, self._hi = deck.scale_min, deck.scale_max
        # « Ne sait pas » (``unknown``) is recorded but left out here: it counts as no answer in coverage.
        self._values = {o.id: o.value for o in deck.scale if not o.unknown}
        self._targets = _targets(deck)
        self._axis_ids = [a.id for a in deck.compass.axes]
        self._targets_of = _targets_of(deck)
        self._card_ids = [c.id for c in deck.cards]
        axis_of = {t: deck.axis_of(t) for t in self._targets}
        self._links = [[(link.lever, link.weight) for link in card.informs] for card in deck.cards]
        # A card linked to two levers of one principle counts once in that principle.
        self._card_axes = [
            list(dict.fromkeys(axis_of[link.lever] for link in card.informs)) for card in deck.cards
        ]
        # group id -> (its answers' options, card by card; its tallies; its reading)
        self._groups: dict[str, tuple[tuple[str | None, ...], _Accs, GroupReading]] = {}
        # room_axis_scores: group id -> (its answers, card by card; their options; its levers' weight sums
        # and value sums), and each group's (group, card) keys
        self._room_tallies: dict[
            str, tuple[tuple[Answer | None, ...], tuple[str | None, ...], list[float], list[float]]
        ] = {}
        self._answer_keys: dict[str, list[tuple[str, str]]] = {}
        self._sum_terms: list[dict[str, list[tuple[int, float, float]]]] | None = None

    def score(self, state: SequenceState, group_ids: Sequence[str]) -> CompassReading:
        groups: dict[str, GroupReading] = {}
        room_axes = {a: _Acc() for a in self._axis_ids}
        room_levers = {t: _Acc() for t in self._targets}
        for group_id in group_ids:
            key = tuple(
                answer.option if (answer := state.answers.get((group_id, card_id))) is not None else None
                for card_id in self._card_ids
            )
            cached = self._groups.get(group_id)
            if cached is None or cached[0] != key:
                tallies = self._tally(key)
                cached = (key, tallies, _reading(*tallies, self._targets_of))
                self._groups[group_id] = cached
            groups[group_id] = cached[2]
            axes, levers = cached[1]
            for room, own in ((room_axes, axes), (room_levers, levers)):
                for target, acc in own.items():
                    room[target].add(acc)
        for gone in set(self._groups) - set(group_ids):
            del self._groups[gone]
        room_reading = _with_group_spread(
            _reading(room_axes, room_levers, self._targets_of), groups.values(), self._targets_of
        )
        return CompassReading(self.deck.id, groups, room_reading)

    def room_axis_scores(self, state: SequenceState, group_ids: Sequence[str]) -> dict[str, float | None]:
        """``score(state, group_ids).room.axes[a].score`` for every axis ``a``, the same floats, without the
        tables' readings nor the spreads: the compte-rendu's chart of the day reads only these, 80 times."""
        n = len(self._targets)
        weights, values = [0.0] * n, [0.0] * n
        answer = state.answers.get
        for group_id in group_ids:
            keys = self._answer_keys.get(group_id)
            if keys is None:
                keys = self._answer_keys[group_id] = [(group_id, card_id) for card_id in self._card_ids]
            found = tuple(map(answer, keys))  # the same Answer objects while the table's answers stand
            cached = self._room_tallies.get(group_id)
            if cached is None or cached[0] != found:
                options = tuple(a.option if a is not None else None for a in found)
                if cached is None or cached[1] != options:
                    sums = self._lever_sums(options)
                else:  # the same options (an argument changed): the same sums
                    sums = (cached[2], cached[3])
                cached = (found, options, *sums)
                self._room_tallies[group_id] = cached
            weights = list(map(add, weights, cached[2]))  # as ``_Acc.add``: group after group, in order
            values = list(map(add, values, cached[3]))
        lever_scores = {  # as ``_Acc.result``
            t: 100.0 * values[i] / weights[i] if weights[i] > 0 else None for i, t in enumerate(self._targets)
        }
        axes: dict[str, float | None] = {}
        for axis_id in self._axis_ids:  # as ``_reading``: an axis is the plain mean of its levers
            scored = [s for t in self._targets_of[axis_id] if (s := lever_scores[t]) is not None]
            axes[axis_id] = sum(scored) / len(scored) if scored else None
        return axes

    def _lever_sums(self, options: tuple[str | None, ...]) -> tuple[list[float], list[float]]:
        """The levers' weight sums and value sums of ``_tally``, added in the same order (the same floats),
        from each card's terms for each option computed once."""
        terms = self._sum_terms
        if terms is None:
            index = {t: i for i, t in enumerate(self._targets)}
            lo, span = self._lo, self._hi - self._lo
            terms = self._sum_terms = [
                {
                    option: [(index[lever], weight, weight * (value - lo) / span) for lever, weight in links]
                    for option, value in self._values.items()
                    if value is not None
                }
                for links in self._links
            ]
        n = len(self._targets)
        weights, values = [0.0] * n, [0.0] * n
        for option, card_terms in zip(options, terms, strict=True):
            for i, weight, value in card_terms.get(option, ()) if option is not None else ():
                weights[i] += weight
                values[i] += value
        return weights, values

    def _tally(self, options: tuple[str | None, ...]) -> _Accs:
        lo, span = self._lo, self._hi - self._lo
        axes = {a: _Acc() for a in self._axis_ids}
        levers = {t: _Acc() for t in self._targets}
        for option, links, card_axes in zip(options, self._links, self._card_axes, strict=True):
            known = option is not None and option in self._values
            value = self._values[option] if known and option is not None else None
            accs = [(levers[lever], weight) for lever, weight in links]
            accs += [(axes[axis], 0.0) for axis in card_axes]  # an axis's score comes from its levers
            for acc, weight in accs:
                acc.links += 1
                if not known:
                    continue
                acc.answered += 1
                if value is None:
                    acc.not_concerned += 1
                else:
                    acc.weight_sum += weight
                    acc.value_sum += weight * (value - lo) / span
        return axes, levers


def _targets(deck: QuestionDeck) -> list[str]:
    return [t for a in deck.compass.axes for t in ([lv.id for lv in a.levers] or [a.id])]


def _targets_of(deck: QuestionDeck) -> dict[str, list[str]]:
    return {a.id: [lv.id for lv in a.levers] or [a.id] for a in deck.compass.axes}


def _reading(
    axes: Mapping[str, _Acc], levers: Mapping[str, _Acc], targets_of: Mapping[str, Sequence[str]]
) -> GroupReading:
    """Lever scores from their cards; each axis the plain mean of its levers, with their range beside it."""
    links = sum(lv.links for lv in levers.values())
    answered = sum(lv.answered for lv in levers.values())
    lever_scores = {k: v.result() for k, v in levers.items()}
    axis_scores = {}
    for axis_id, acc in axes.items():
        counted = acc.result()
        scored = [s for t in targets_of[axis_id] if (s := lever_scores[t].score) is not None]
        mean = sum(scored) / len(scored) if scored else None
        low, high = (min(scored), max(scored)) if scored else (None, None)
        axis_scores[axis_id] = replace(counted, score=mean, low=low, high=high)
    return GroupReading(axes=axis_scores, levers=lever_scores, coverage=answered / links if links else 0.0)


def _spread(score: Score, scores: Sequence[float | None]) -> Score:
    known = [s for s in scores if s is not None]
    return replace(score, low=min(known), high=max(known)) if known else replace(score, low=None, high=None)


def _with_group_spread(
    room: GroupReading,
    groups: Iterable[GroupReading],
    targets_of: Mapping[str, Sequence[str]] | None = None,
) -> GroupReading:
    """The room's means with the range of the tables' own scores beside each (for a principle with levers:
    the tables' scores on its levers, so that the room's mean of levers lies inside the range)."""
    groups = list(groups)

    def behind(axis: str) -> list[float | None]:
        if targets_of is None:
            return [g.axes[axis].score for g in groups]
        return [g.levers[t].score for g in groups for t in targets_of[axis] if t in g.levers]

    return replace(
        room,
        axes={k: _spread(v, behind(k)) for k, v in room.axes.items()},
        levers={
            k: _spread(v, [g.levers[k].score for g in groups if k in g.levers])
            for k, v in room.levers.items()
        },
    )


# -- strategy ------------------------------------------------------------------------------------------------


def score_strategy(deck: StrategyDeck, state: SequenceState, group_ids: Sequence[str]) -> CompassReading:
    budget = deck.strategy.budget
    groups: dict[str, GroupReading] = {}
    for group_id in group_ids:
        picked = [deck.card(c) for c in state.picked(group_id) if _has(deck, c)]
        spent = sum(c.cost for c in picked)
        placed = strategy_axis_scores(deck, picked)
        axes = {
            axis: Score(placed[axis], min(1.0, spent / budget), len(picked), len(deck.cards))
            for axis in deck.axis_ids()
        }
        groups[group_id] = GroupReading(
            axes=axes,
            coverage=min(1.0, spent / budget),
            budget=Budget(
                budget,
                spent,
                tuple(violations(picked)),
                sum(c.maintenance for c in picked),
                deck.strategy.maintenance_budget,
            ),
        )
    playing = [g for g in groups.values() if _any(g)]
    room_axes = {}
    for axis in deck.axis_ids():
        scores = [g.axes[axis].score for g in playing if g.axes[axis].score is not None]
        room_axes[axis] = Score(
            sum(s for s in scores if s is not None) / len(scores) if scores else None,
            len(scores) / len(group_ids) if group_ids else 0.0,
            len(scores),
            len(group_ids),
        )
    room_coverage = sum(g.coverage for g in groups.values()) / len(groups) if groups else 0.0
    room = _with_group_spread(GroupReading(axes=room_axes, coverage=room_coverage), playing)
    return CompassReading(deck.id, groups, room)


def strategy_axis_scores(deck: StrategyDeck, picked: Sequence[StrategyCard]) -> dict[str, float | None]:
    """The 0–100 score on each axis of one table's picks, exactly as the compass shows it."""
    return {
        axis: place(int(raw_effect(deck, picked, axis)), *bounds(deck, axis)) if picked else None
        for axis in deck.axis_ids()
    }


def _any(reading: GroupReading) -> bool:
    return any(s.score is not None for s in reading.axes.values())


def _has(deck: StrategyDeck, card_id: str) -> bool:
    return any(c.id == card_id for c in deck.cards)
