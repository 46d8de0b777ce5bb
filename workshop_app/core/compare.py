"""Compare workshops honestly: one territory over time (evolution) or several territories (cohort).

Pure: snapshots in, a :class:`~workshop_app.core.compare_model.Comparison` out (no I/O, no Qt). The rules
(printed in the reports, see ``compare_model.RULES``):

* Only the same compass is compared: one deck id **and** version, with the same principles and levers. The
  deck is the one most of the workshops played (or ``deck_id``); its version the one most of them played
  (ties: the most recent workshop's). Any other workshop is kept out, in ``excluded``, with the reason.
* Low coverage is marked (``TargetScore.low_coverage``, a note), never hidden.
* A cohort is sorted by name (or by « Ville A, B… » label when anonymised, labels given in an order that does
  not follow the names), never by score; no total, no rank.
* Evolution: workshops by date (undated last, with a note); each target's move from the first to the last,
  stable within ``STABLE_BAND`` points.

Deck data are used generically: any number of principles, levers, strategy axes or cards.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from workshop_app.core.compare_model import (
    DISCLAIMER,
    LOW_COVERAGE,
    STABLE_BAND,
    STRATEGY_DISCLAIMER,
    CardChoice,
    CompareKind,
    Comparison,
    DeckKey,
    Direction,
    Excluded,
    Movement,
    Shared,
    Target,
    TargetScore,
    WorkshopProfile,
)
from workshop_app.core.deck import QuestionDeck, StrategyDeck
from workshop_app.core.errors import AtelierError
from workshop_app.core.findings import Thresholds, pick_counts, target_label
from workshop_app.core.scoring import GroupReading, Score
from workshop_app.core.text_match import fold_text
from workshop_app.core.workshop import SequenceInfo, WorkshopSnapshot

Deck = QuestionDeck | StrategyDeck


def compare(
    snapshots: Sequence[WorkshopSnapshot],
    *,
    deck_id: str | None = None,
    anonymise: bool = False,
    thresholds: Thresholds | None = None,
) -> Comparison:
    """The comparison of these workshops (at least two, of which at least two played the same compass).

    Raises :class:`AtelierError` (French) when there is nothing to compare."""
    rule = thresholds or Thresholds()
    if len({s.info.id for s in snapshots}) < 2:
        raise AtelierError("Indiquez au moins deux ateliers différents à comparer.")
    kind = _kind(snapshots)
    reference = _reference(snapshots, deck_id)
    excluded: list[Excluded] = []
    played: list[tuple[WorkshopSnapshot, SequenceInfo]] = []
    for snapshot in snapshots:
        sequence, reason = _sequence(snapshot, reference)
        if sequence is None:
            excluded.append(Excluded(snapshot.info.id, _excluded_label(snapshot, anonymise), reason))
        else:
            played.append((snapshot, sequence))
    key = _key(reference)
    if len(played) < 2:
        why = " ".join(f"{e.label} : {e.reason}" for e in excluded)
        raise AtelierError(
            f"Moins de deux ateliers ont joué « {key.caption} » : rien à comparer. {why}".strip()
        )
    principles, levers = _targets(reference)
    labels = _labels(kind, [s for s, _ in played], anonymise)
    profiles = [
        _profile(snapshot, sequence, principles, levers, labels[snapshot.info.id], anonymise)
        for snapshot, sequence in played
    ]
    notes = [f"{e.label} n’est pas comparé : {e.reason}" for e in excluded]
    if kind is CompareKind.EVOLUTION:
        profiles.sort(key=lambda p: (p.date is None, p.date or _NO_DATE, p.label))
        notes += [
            f"L’atelier « {p.title or p.label} » n’a pas de date : il est placé en dernier, hors de "
            "l’écart entre la première et la dernière date."
            for p in profiles
            if p.date is None
        ]
    else:
        profiles.sort(key=lambda p: fold_text(p.label))
    notes += [
        f"Couverture faible pour {p.label} ({round(p.coverage * 100)} % des réponses attendues) : ses scores "
        "se lisent avec prudence."
        for p in profiles
        if p.low_coverage
    ]
    comparison = Comparison(
        kind=kind,
        deck=key,
        principles=tuple(principles),
        levers=tuple(levers),
        profiles=tuple(profiles),
        excluded=tuple(excluded),
        notes=tuple(notes),
        anonymised=anonymise,
        disclaimer=STRATEGY_DISCLAIMER if key.strategy else DISCLAIMER,
    )
    comparison = _with_own_profiles(comparison, rule)
    if kind is CompareKind.EVOLUTION:
        return _with_movements(comparison)
    return _with_shared(comparison)


# -- which compass, which sequence -------------------------------------------------------------------------

_NO_DATE = date.min


def _kind(snapshots: Sequence[WorkshopSnapshot]) -> CompareKind:
    names = {fold_text(s.info.territory) for s in snapshots}
    if len(names) == 1 and "" not in names:
        return CompareKind.EVOLUTION
    return CompareKind.COHORT


def _reference(snapshots: Sequence[WorkshopSnapshot], deck_id: str | None) -> Deck:
    """The deck (id and version) compared: the one most workshops played; ``deck_id`` forces the id."""
    ids: Counter[str] = Counter()
    first_seen: dict[str, int] = {}
    for snapshot in snapshots:
        for sequence in sorted(snapshot.sequences, key=lambda s: s.position):
            first_seen.setdefault(sequence.deck.id, len(first_seen))
        ids.update({s.deck.id for s in snapshot.sequences})
    if deck_id is not None:
        if deck_id not in ids:
            raise AtelierError(f"Aucun de ces ateliers n’a joué le jeu « {deck_id} ».")
        chosen = deck_id
    elif not ids:
        raise AtelierError("Aucun de ces ateliers n’a encore de jeu : rien à comparer.")
    else:
        chosen = min(ids, key=lambda i: (-ids[i], first_seen[i]))
    # the version most of them played, and within it the compass most of them had (a deck edited without a
    # new version number); ties: the most recent workshop's
    Key = tuple[str, tuple[tuple[str, tuple[str, ...]], ...]]
    versions: Counter[str] = Counter()
    shapes: Counter[Key] = Counter()
    latest: dict[Key, tuple[tuple[date, str], Deck]] = {}
    for snapshot in snapshots:
        decks = {(s.deck.version, _shape(s.deck)): s.deck for s in snapshot.sequences if s.deck.id == chosen}
        versions.update({version for version, _ in decks})
        shapes.update(decks.keys())
        when = (snapshot.info.date or _NO_DATE, snapshot.info.id)
        for key, deck in decks.items():
            if key not in latest or when > latest[key][0]:
                latest[key] = (when, deck)
    top = max(versions.values())
    tied = {v for v, n in versions.items() if n == top}
    best = max((k for k in shapes if k[0] in tied), key=lambda k: (versions[k[0]], shapes[k], latest[k][0]))
    return latest[best][1]


def _shape(deck: Deck) -> tuple[tuple[str, tuple[str, ...]], ...]:
    return tuple((a.id, tuple(lv.id for lv in a.levers)) for a in deck.compass.axes)


def _sequence(snapshot: WorkshopSnapshot, reference: Deck) -> tuple[SequenceInfo | None, str]:
    same_id = [s for s in sorted(snapshot.sequences, key=lambda s: s.position) if s.deck.id == reference.id]
    if not same_id:
        return None, f"il n’a pas joué « {reference.title} »."
    same = [s for s in same_id if s.deck.version == reference.version]
    if not same:
        versions = ", ".join(sorted({s.deck.version for s in same_id}))
        return None, (
            f"il a joué une autre version de « {reference.title} » ({versions}, au lieu de "
            f"{reference.version}) : ses questions ou ses axes peuvent différer."
        )
    fitting = [s for s in same if _shape(s.deck) == _shape(reference) and type(s.deck) is type(reference)]
    if not fitting:
        return None, f"sa boussole « {reference.title} » n’a pas les mêmes principes ou leviers."
    return fitting[0], ""


def _key(deck: Deck) -> DeckKey:
    return DeckKey(deck.id, deck.version, deck.title, isinstance(deck, StrategyDeck))


def _targets(deck: Deck) -> tuple[list[Target], list[Target]]:
    principles = [Target(a.id, a.label, a.short or a.label, a.id, True) for a in deck.compass.axes]
    levers: list[Target] = []
    if isinstance(deck, QuestionDeck):
        for axis in deck.compass.axes:
            for lever in axis.levers:
                label = target_label(deck, lever.id)
                levers.append(Target(lever.id, label, label.split(" ", 1)[0], axis.id, False))
    return principles, levers


# -- labels and profiles -------------------------------------------------------------------------------------


def _plain_label(snapshot: WorkshopSnapshot, anonymise: bool) -> str:
    if anonymise:
        return "un atelier"
    return snapshot.info.territory.strip() or snapshot.info.title


def _excluded_label(snapshot: WorkshopSnapshot, anonymise: bool) -> str:
    """« L’atelier « Titre » du 10/04/2025 » (anonymised: « L’atelier du 10/04/2025 »)."""
    when = f"du {_date_text(snapshot)}" if snapshot.info.date else "sans date"
    if anonymise:
        return f"L’atelier {when}"
    return (
        f"L’atelier « {snapshot.info.title} » ({snapshot.info.territory or 'territoire non précisé'}, {when})"
    )


def _date_text(snapshot: WorkshopSnapshot) -> str:
    day = snapshot.info.date
    return day.strftime("%d/%m/%Y") if day is not None else "sans date"


def _labels(kind: CompareKind, snapshots: Sequence[WorkshopSnapshot], anonymise: bool) -> dict[str, str]:
    """Evolution: each workshop's date. Cohort: the territory (with the date when a territory comes twice);
    anonymised, « Ville A, B… » given in the order of the workshops' ids, which does not follow the names."""
    if kind is CompareKind.EVOLUTION:
        return {s.info.id: _date_text(s) for s in snapshots}
    if anonymise:
        ordered = sorted(snapshots, key=lambda s: s.info.id)
        return {s.info.id: f"Ville {_letters(i)}" for i, s in enumerate(ordered)}
    names = Counter(fold_text(_plain_label(s, False)) for s in snapshots)
    return {
        s.info.id: _plain_label(s, False)
        + (f" ({_date_text(s)})" if names[fold_text(_plain_label(s, False))] > 1 else "")
        for s in snapshots
    }


def _letters(index: int) -> str:
    """A, B, … Z, AA, AB…"""
    out = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        out = chr(ord("A") + rest) + out
    return out


def _score(target_id: str, item: Score | None) -> TargetScore:
    if item is None:
        return TargetScore(target_id, None, 0.0)
    return TargetScore(target_id, item.score, item.coverage, item.low, item.high)


def _profile(
    snapshot: WorkshopSnapshot,
    sequence: SequenceInfo,
    principles: Sequence[Target],
    levers: Sequence[Target],
    label: str,
    anonymise: bool,
) -> WorkshopProfile:
    state = snapshot.state()
    reading = snapshot.compass(sequence.id, state)
    room: GroupReading = reading.room
    group_ids = [g.id for g in sorted(snapshot.groups, key=lambda g: g.position)]
    deck = sequence.deck
    choices: tuple[CardChoice, ...] = ()
    playing = len(group_ids)
    if isinstance(deck, StrategyDeck):
        seq_state = snapshot.sequence_state(sequence.id, state)
        playing = sum(1 for g in group_ids if seq_state.picked(g))
        counts = pick_counts(deck, seq_state, group_ids)
        order = {c.id: i for i, c in enumerate(deck.cards)}
        titles = {c.id: c.title for c in deck.cards}
        choices = tuple(
            CardChoice(card_id, titles[card_id], n, playing)
            for card_id, n in sorted(counts.items(), key=lambda kv: (-kv[1], order[kv[0]]))
            if n > 0
        )
    return WorkshopProfile(
        workshop_id=snapshot.info.id,
        label=label,
        territory="" if anonymise else snapshot.info.territory,
        title="" if anonymise else snapshot.info.title,
        date=snapshot.info.date,
        sequence_id=sequence.id,
        groups=playing,
        principles=tuple(_score(t.id, room.axes.get(t.id)) for t in principles),
        levers=tuple(_score(t.id, room.levers.get(t.id)) for t in levers),
        coverage=room.coverage,
        choices=choices,
    )


# -- evolution -----------------------------------------------------------------------------------------------


def direction(delta: float | None) -> Direction:
    if delta is None:
        return Direction.UNKNOWN
    if abs(delta) < STABLE_BAND:
        return Direction.STABLE
    return Direction.UP if delta > 0 else Direction.DOWN


def _with_movements(comparison: Comparison) -> Comparison:
    first, last = comparison.ends
    moves = []
    for target in comparison.targets:
        before = first.score(target.id) or TargetScore(target.id, None, 0.0)
        after = last.score(target.id) or TargetScore(target.id, None, 0.0)
        delta = after.score - before.score if after.score is not None and before.score is not None else None
        moves.append(Movement(target, before, after, delta, direction(delta)))
    return replace(comparison, movements=tuple(moves))


# -- cohort --------------------------------------------------------------------------------------------------


def _finding_targets(comparison: Comparison) -> tuple[Target, ...]:
    """Levers when the compass has them (a principle without levers stands for itself), else principles."""
    if not comparison.levers:
        return comparison.principles
    with_levers = {t.axis_id for t in comparison.levers}
    return (*comparison.levers, *(p for p in comparison.principles if p.id not in with_levers))


def _with_own_profiles(comparison: Comparison, rule: Thresholds) -> Comparison:
    strategy = comparison.deck.strategy
    targets = _finding_targets(comparison)
    profiles = []
    for profile in comparison.profiles:
        scored = [
            (t.id, s.score)
            for t in targets
            if (s := profile.score(t.id)) is not None and s.score is not None and s.coverage >= LOW_COVERAGE
        ]
        strong = sorted((x for x in scored if rule.is_strength(x[1], strategy)), key=lambda x: -x[1])
        weak = sorted((x for x in scored if rule.is_vulnerability(x[1], strategy)), key=lambda x: x[1])
        profiles.append(
            replace(profile, strengths=tuple(k for k, _ in strong), vulnerabilities=tuple(k for k, _ in weak))
        )
    return replace(comparison, profiles=tuple(profiles))


def _with_shared(comparison: Comparison) -> Comparison:
    count = len(comparison.profiles)
    strengths, weaknesses = [], []
    for target in _finding_targets(comparison):
        strong = tuple(p.label for p in comparison.profiles if target.id in p.strengths)
        weak = tuple(p.label for p in comparison.profiles if target.id in p.vulnerabilities)
        if _most(len(strong), count):
            strengths.append(Shared(target.id, target.label, strong, count))
        if _most(len(weak), count):
            weaknesses.append(Shared(target.id, target.label, weak, count))
    chosen: dict[str, list[str]] = {}
    titles: dict[str, str] = {}
    for profile in comparison.profiles:
        for choice in profile.choices:
            chosen.setdefault(choice.card_id, []).append(profile.label)
            titles[choice.card_id] = choice.title
    common = [
        Shared(c, titles[c], tuple(labels), count)
        for c, labels in chosen.items()
        if _most(len(labels), count)
    ]
    order = {key: i for i, key in enumerate(chosen)}
    return replace(
        comparison,
        strengths=tuple(sorted(strengths, key=lambda s: -s.count)),
        vulnerabilities=tuple(sorted(weaknesses, key=lambda s: -s.count)),
        common_choices=tuple(sorted(common, key=lambda s: (-s.count, order[s.key]))),
    )


def _most(found: int, of: int) -> bool:
    """Shared by most: at least two territories and at least half of them."""
    return found >= 2 and 2 * found >= of
