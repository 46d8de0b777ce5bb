"""The records of a comparison of workshops (evolution of one territory, or a cohort): plain, frozen, no I/O.

Built by :func:`workshop_app.core.compare.compare` (pure) and :func:`workshop_app.services.compare.
compare_workshops` (reads the snapshots through the service); read by the views, the reports and the tables.
Every text field is French, ready to show a mayor.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

LOW_COVERAGE = 0.5  # below this share of the expected answers a score is marked « couverture faible »
STABLE_BAND = 5.0  # evolution: a move of less than this many points (on /100) reads as stable

RULES = (
    "Seuls les ateliers qui ont joué la même boussole (le même jeu, dans la même version) sont comparés ; "
    "les autres sont signalés et laissés de côté.",
    "Un score renseigné par moins de la moitié des réponses attendues est marqué « couverture faible » : il "
    "est montré, mais se lit avec prudence.",
    "Les territoires sont présentés par ordre alphabétique, sans classement ni note globale : chacun a un "
    "profil de forces et de vulnérabilités, qui se compare d’abord à lui-même dans le temps.",
    f"D’une date à l’autre, un écart de moins de {STABLE_BAND:.0f} points sur 100 se lit comme stable.",
)
DISCLAIMER = (
    "Ces scores sont l’autoévaluation des participants de chaque atelier, pas un indice officiel ni une "
    "mesure : ils servent à la discussion. Des groupes différents ne notent pas de la même façon ; un écart "
    "entre deux territoires dit d’abord que leurs participants ont vu les choses autrement."
)
STRATEGY_DISCLAIMER = (  # a strategy game compared (Nature en ville in five cities): no self-assessment
    "Ces scores décrivent les effets attendus des stratégies que les tables de chaque atelier ont "
    "construites pendant le jeu, d’après les effets inscrits sur les cartes : ce n’est ni un état du "
    "territoire ni un indice officiel, et ils servent à la discussion. Un écart entre deux territoires dit "
    "d’abord que leurs tables ont fait d’autres choix."
)


class CompareKind(StrEnum):
    EVOLUTION = "evolution"  # one territory, several dates
    COHORT = "cohort"  # several territories


class Direction(StrEnum):
    UP = "up"
    DOWN = "down"
    STABLE = "stable"
    UNKNOWN = "unknown"  # one side not scored


@dataclass(frozen=True)
class DeckKey:
    """The compass compared: a deck id and version (and its title for display)."""

    deck_id: str
    version: str
    title: str
    strategy: bool = False  # a strategy deck (scores are the expected effects of the tables' choices)

    @property
    def caption(self) -> str:
        return f"{self.title} (version {self.version})"


@dataclass(frozen=True)
class Target:
    """A principle (axis) or a lever of the compared compass, in deck order."""

    id: str
    label: str  # « 1.1 Assurer une gouvernance… » for a lever, the axis label for a principle
    short: str  # short label for a chart
    axis_id: str  # its principle (itself for a principle)
    is_principle: bool


@dataclass(frozen=True)
class TargetScore:
    """One workshop's room score on one target, with its spread across tables and its coverage."""

    target_id: str
    score: float | None  # 0–100, None when nothing was answered
    coverage: float  # 0–1
    low: float | None = None  # lowest table score behind it
    high: float | None = None  # highest table score behind it

    @property
    def low_coverage(self) -> bool:
        return self.coverage < LOW_COVERAGE


@dataclass(frozen=True)
class CardChoice:
    """A strategy card retained by at least one table of a workshop."""

    card_id: str
    title: str
    tables: int  # tables that retained it
    of_tables: int  # tables that played


@dataclass(frozen=True)
class WorkshopProfile:
    """One workshop in the comparison."""

    workshop_id: str
    label: str  # what the reports print: the territory (cohort), « Ville A » (anonymised), or the date
    territory: str  # the real name ("" when anonymised)
    title: str  # the workshop's title ("" when anonymised)
    date: date | None
    sequence_id: str
    groups: int  # tables that took part
    principles: tuple[TargetScore, ...]  # in the order of Comparison.principles
    levers: tuple[TargetScore, ...]  # in the order of Comparison.levers (empty for a strategy deck)
    coverage: float  # 0–1: share of the expected answers given (strategy: share of the budget spent)
    choices: tuple[CardChoice, ...] = ()  # strategy decks: cards retained, most tables first
    # its own profile (the City Resilience Index's reading): target ids clearly above / below the middle, with
    # at least half the expected answers, the most marked first (levers, or principles without levers; the
    # axes of a strategy deck: the strongest / weakest expected effects)
    strengths: tuple[str, ...] = ()
    vulnerabilities: tuple[str, ...] = ()

    @property
    def low_coverage(self) -> bool:
        return self.coverage < LOW_COVERAGE

    def score(self, target_id: str) -> TargetScore | None:
        for item in (*self.principles, *self.levers):
            if item.target_id == target_id:
                return item
        return None


@dataclass(frozen=True)
class Excluded:
    """A workshop asked for but left out, and why (French sentence)."""

    workshop_id: str
    label: str
    reason: str


@dataclass(frozen=True)
class Movement:
    """Evolution: how one target moved from the first dated workshop to the last."""

    target: Target
    before: TargetScore
    after: TargetScore
    delta: float | None  # after − before, points on /100
    direction: Direction

    @property
    def low_coverage(self) -> bool:
        return self.before.low_coverage or self.after.low_coverage


@dataclass(frozen=True)
class Shared:
    """Cohort: a target that is a strength (or a vulnerability) in several territories, or a card many
    territories retained. ``labels``: the profiles' labels, sorted."""

    key: str  # target id or card id
    label: str
    labels: tuple[str, ...]
    of: int  # territories compared

    @property
    def count(self) -> int:
        return len(self.labels)


@dataclass(frozen=True)
class Comparison:
    kind: CompareKind
    deck: DeckKey
    principles: tuple[Target, ...]
    levers: tuple[Target, ...]  # empty for a strategy deck or a compass without levers
    profiles: tuple[WorkshopProfile, ...]  # evolution: by date; cohort: by label, never by score
    excluded: tuple[Excluded, ...] = ()
    movements: tuple[Movement, ...] = ()  # evolution: principles then levers, deck order
    strengths: tuple[Shared, ...] = ()  # cohort (strategy deck: the strongest expected effects)
    vulnerabilities: tuple[Shared, ...] = ()
    common_choices: tuple[Shared, ...] = ()  # cohort, strategy deck: cards most territories retained
    notes: tuple[str, ...] = ()  # French sentences: what was left out, low coverage, undated workshops
    anonymised: bool = False
    rules: tuple[str, ...] = RULES
    disclaimer: str = DISCLAIMER

    @property
    def targets(self) -> tuple[Target, ...]:
        return (*self.principles, *self.levers)

    @property
    def ends(self) -> tuple[WorkshopProfile, WorkshopProfile]:
        """The two workshops ``movements`` compare: the first and the last dated ones (an undated workshop
        is not « the latest »), or the first and last given when fewer than two have a date."""
        dated = [p for p in self.profiles if p.date is not None]
        ends = dated if len(dated) >= 2 else list(self.profiles)
        return ends[0], ends[-1]

    @property
    def title(self) -> str:
        if self.kind is CompareKind.EVOLUTION:
            where = self.profiles[0].territory if self.profiles and not self.anonymised else "un territoire"
            return f"Évolution — {where}"
        return f"Cohorte — {len(self.profiles)} territoires"
