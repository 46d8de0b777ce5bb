"""What an evolution or a cohort report says, as the compte-rendu's document model
(:mod:`workshop_app.export.report.model`) plus one block of its own, :class:`SmallMultiples`. No reportlab.

The reports speak to a mayor: the rules of the comparison and the self-assessment disclaimer come first,
territories by name (never ranked), low coverage written beside each score.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, cast

from workshop_app.core.compare_model import (
    CompareKind,
    Comparison,
    Direction,
    Movement,
    Shared,
    TargetScore,
    WorkshopProfile,
)
from workshop_app.core.findings import Thresholds
from workshop_app.core.scoring import METHOD_TEXT
from workshop_app.export.compare import text as T
from workshop_app.export.report.model import (
    Block,
    Bullets,
    Findings,
    Line,
    Para,
    RadarChart,
    Section,
    Serie,
    TableBlock,
)

MAX_COLUMNS = 5  # territories per score table; more are split over several tables
# dates and territories, told apart in grayscale by marker and line style too (see pdf.model_render.radar)
PALETTE = ("#5F6B73", "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00")
STRATEGY_METHOD = (
    "Dans un jeu de stratégie, chaque table retient des actions dans un budget. Le score d’un axe dit "
    "l’effet attendu de ces actions sur cet axe : 50 = sans effet, 100 = le meilleur résultat possible "
    "avec le budget, 0 = l’effet le plus défavorable. Le score du territoire est la moyenne de ses "
    "tables ; la couverture est la part du budget dépensée."
)


@dataclass(frozen=True)
class Multiple:
    label: str
    values: Sequence[float | None]  # one per principle, 0–100
    note: str  # coverage, under the chart


@dataclass(frozen=True)
class SmallMultiples:
    """One small radar per territory, all on the same 0–100 scale, in the order given (by name)."""

    axes: Sequence[str]
    items: Sequence[Multiple]
    caption: str = ""
    middle: bool = False  # a strategy deck: 50 = « sans effet »


def document(comparison: Comparison) -> list[Section]:
    sections = [read_first(comparison)]
    if comparison.kind is CompareKind.EVOLUTION:
        sections += evolution(comparison)
    else:
        sections += cohort(comparison)
    sections.append(method(comparison))
    return sections


def heading(comparison: Comparison) -> tuple[str, str]:
    """(title, subtitle) of the cover."""
    return comparison.title, f"Jeu comparé : {comparison.deck.caption}"


def footer_notice(comparison: Comparison) -> str:
    """The running footer: what was compared (« Document de travail — comparaison : Stratégie Nature en
    ville »), not the single workshop's « autodiagnostic »."""
    what = "évolution" if comparison.kind is CompareKind.EVOLUTION else "comparaison"
    return f"Document de travail — {what} : {comparison.deck.title}"


def workshops_table(comparison: Comparison) -> TableBlock:
    cohort = comparison.kind is CompareKind.COHORT
    rows = []
    for p in comparison.profiles:
        when = p.date.strftime("%d/%m/%Y") if p.date else "sans date"
        answers = T.coverage(_overall(p)).replace("couverture ", "")
        row = [p.label, p.title or "—", when] if cohort else [when, p.title or "—"]
        rows.append([*row, str(p.groups), answers])
    if cohort:
        header = ["Territoire", "Atelier", "Date", "Tables", "Couverture"]
        return TableBlock(header, rows, (0.2, 0.4, 0.14, 0.1, 0.16), "llccl", "Les ateliers comparés")
    header = ["Date", "Atelier", "Tables", "Couverture"]
    return TableBlock(header, rows, (0.16, 0.58, 0.1, 0.16), "llcl", "Les ateliers comparés")


def _overall(profile: WorkshopProfile) -> TargetScore:
    return TargetScore("", None, profile.coverage)


def read_first(comparison: Comparison) -> Section:
    # the disclaimer itself is on the cover (see .pdf.cover), as in the compte-rendu
    blocks: list[Block] = [Bullets(list(comparison.rules), "Règles de comparaison")]
    if comparison.notes:
        blocks.append(Bullets(list(comparison.notes), "Laissé de côté ou à lire avec prudence"))
    if comparison.anonymised:
        blocks.append(
            Para(
                "Version anonymisée : les territoires sont nommés « Ville A, B… », dans un ordre sans lien "
                "avec leurs noms.",
                "muted",
            )
        )
    return Section("Comparer honnêtement", tuple(blocks), numbered=False)


# -- evolution -----------------------------------------------------------------------------------------------


def evolution(comparison: Comparison) -> list[Section]:
    out: list[Section] = []
    principles = comparison.principles
    if len(principles) >= 3:
        series = [
            Serie(p.label, PALETTE[i % len(PALETTE)], [s.score for s in p.principles], room=i == 0)
            for i, p in enumerate(reversed(comparison.profiles))
        ]
        radar = RadarChart(
            [t.short for t in principles],
            series,
            "Chaque ligne est un atelier, sur la même échelle sur 100 ; en trait épais, le plus récent.",
            middle=comparison.deck.strategy,
        )
        out.append(Section("La boussole à chaque date", (radar, _movement_sentence(comparison, True))))
    moves_p = [m for m in comparison.movements if m.target.is_principle]
    moves_l = [m for m in comparison.movements if not m.target.is_principle]
    out.append(
        Section("Ce qui a bougé, principe par principe", (_moves_table(comparison, moves_p, "Principe"),))
    )
    if moves_l:
        out.append(
            Section(
                "Ce qui a bougé, levier par levier",
                (_movement_sentence(comparison, False), _moves_table(comparison, moves_l, "Levier")),
            )
        )
    out.append(Section("Points forts et vulnérabilités à chaque date", (own_profiles(comparison),)))
    return out


def _movement_sentence(comparison: Comparison, principles: bool) -> Para:
    moves = [m for m in comparison.movements if m.target.is_principle == principles]
    first, last = (p.label for p in comparison.ends)
    parts = []
    for direction, word in ((Direction.UP, "En hausse"), (Direction.DOWN, "En baisse")):
        names = [
            m.target.short if not principles else m.target.label for m in moves if m.direction is direction
        ]
        if names:
            parts.append(f"{word} : {', '.join(names)}.")
    stable = sum(1 for m in moves if m.direction is Direction.STABLE)
    unknown = sum(1 for m in moves if m.direction is Direction.UNKNOWN)
    if stable:
        parts.append(f"Stables : {stable}.")
    if unknown:
        parts.append(f"Non comparables (sans réponse à l’une des dates) : {unknown}.")
    weak = sum(1 for m in moves if m.low_coverage)
    if weak:
        parts.append(f"À lire avec prudence (couverture faible à l’une des dates) : {weak}.")
    return Para(f"Du {first} au {last}. " + " ".join(parts), "lead")


def _moves_table(comparison: Comparison, moves: Sequence[Movement], first: str) -> TableBlock:
    profiles = comparison.profiles
    header = [first, *(p.label for p in profiles), "Écart", "Lecture"]
    rows = []
    for move in moves:
        cells = [T.cell(p.score(move.target.id)) for p in profiles]
        rows.append([move.target.label, *cells, T.delta(move), T.reading(move)])
    n = len(profiles)
    label_w = 0.34 if n <= 2 else 0.26
    rest = (1.0 - label_w - 0.1 - 0.14) / n
    return TableBlock(header, rows, (label_w, *([rest] * n), 0.1, 0.14), "l" + "c" * n + "cl")


# -- cohort --------------------------------------------------------------------------------------------------


def cohort(comparison: Comparison) -> list[Section]:
    out: list[Section] = []
    strategy = comparison.deck.strategy
    if len(comparison.principles) >= 3:
        multiples = SmallMultiples(
            [t.short for t in comparison.principles],
            [
                Multiple(p.label, [s.score for s in p.principles], T.coverage(_overall(p)).capitalize())
                for p in comparison.profiles
            ],
            "Un profil par territoire, par ordre alphabétique, tous sur la même échelle sur 100 : ils se "
            "lisent chacun pour lui-même, pas comme un classement."
            + (" Sur chaque axe, 50 = sans effet." if strategy else ""),
            middle=strategy,
        )
        # a block of this module's own, rendered by .pdf (the shared renderers never see it)
        out.append(Section("Les profils, côte à côte", (cast(Any, multiples),)))
    out.append(
        Section(
            "Scores par principe" if not strategy else "Effets attendus, axe par axe",
            tuple(_score_tables(comparison, principles=True)),
        )
    )
    if comparison.levers:
        out.append(Section("Scores par levier", tuple(_score_tables(comparison, principles=False))))
    out.append(_shared(comparison))
    out.append(Section("Le profil de chaque territoire", (own_profiles(comparison),)))
    if strategy:
        out.append(_choices(comparison))
    return out


def own_profiles(comparison: Comparison) -> TableBlock:
    """Each workshop's own strengths and vulnerabilities (or strongest / weakest expected effects), in the
    comparison's order, each with its score."""
    strategy = comparison.deck.strategy
    labels = {t.id: t.label for t in comparison.targets}

    def listed(profile: WorkshopProfile, ids: Sequence[str]) -> str:
        return " ; ".join(f"{labels[i]} ({T.score(profile.score(i))})" for i in ids) or "—"

    cohort = comparison.kind is CompareKind.COHORT
    header = [
        "Territoire" if cohort else "Date",
        "Effets forts" if strategy else "Points forts",
        "Effets faibles" if strategy else "Vulnérabilités",
    ]
    rows = [[p.label, listed(p, p.strengths), listed(p, p.vulnerabilities)] for p in comparison.profiles]
    return TableBlock(header, rows, (0.18, 0.41, 0.41), "lll")


def _score_tables(comparison: Comparison, *, principles: bool) -> list[TableBlock]:
    targets = comparison.principles if principles else comparison.levers
    profiles = list(comparison.profiles)
    tables = []
    for start in range(0, len(profiles), MAX_COLUMNS):
        chunk = profiles[start : start + MAX_COLUMNS]
        n = len(chunk)
        label_w = 0.24 if n >= 4 else 0.3
        first = ("Axe" if comparison.deck.strategy else "Principe") if principles else "Levier"
        header = [first, *(p.label for p in chunk)]
        rows = [[t.label, *(T.cell(p.score(t.id)) for p in chunk)] for t in targets]
        tables.append(TableBlock(header, rows, (label_w, *([(1 - label_w) / n] * n)), "l" + "c" * n))
    return tables


def _shared(comparison: Comparison) -> Section:
    rule = Thresholds()
    strategy = comparison.deck.strategy
    strong, weak = (rule.strategy_strong, rule.strategy_weak) if strategy else (rule.strong, rule.weak)

    def lines(found: Sequence[Shared]) -> list[Line]:
        return [Line(f"{s.label} — {', '.join(s.labels)} ({s.count} sur {s.of})") for s in found]

    if strategy:
        rule_text = (
            f"Pour un territoire, l’effet attendu sur un axe est fort à partir de {strong:.0f}/100 et faible "
            f"jusqu’à {weak:.0f}/100 (50 = sans effet), quand au moins la moitié du budget est dépensée"
        )
    else:
        rule_text = (
            f"Pour un territoire, un levier compte comme point fort à partir de {strong:.0f}/100 et comme "
            f"vulnérabilité jusqu’à {weak:.0f}/100, quand au moins la moitié des réponses attendues sont là"
        )
    caption = (
        f"{rule_text} ; il est commun quand au moins deux territoires, et au moins la moitié d’entre eux, le "
        "partagent."
    )
    block = Findings(
        lines(comparison.strengths),
        lines(comparison.vulnerabilities),
        caption,
        "Effets forts partagés" if strategy else "Forces communes",
        "Effets faibles partagés" if strategy else "Vulnérabilités communes",
    )
    title = "Ce que les stratégies ont en commun" if strategy else "Forces et vulnérabilités communes"
    return Section(title, (block,))


def _choices(comparison: Comparison) -> Section:
    common = TableBlock(
        ["Action", "Territoires qui l’ont retenue", "Nombre"],
        [[s.label, ", ".join(s.labels), f"{s.count} sur {s.of}"] for s in comparison.common_choices],
        (0.42, 0.44, 0.14),
        "llc",
        "Les actions retenues par la plupart des territoires",
    )
    per_city = TableBlock(
        ["Territoire", "Actions retenues (tables qui les ont choisies)"],
        [
            [p.label, " ; ".join(f"{c.title} ({c.tables} sur {c.of_tables})" for c in p.choices) or "—"]
            for p in comparison.profiles
        ],
        (0.18, 0.82),
        "ll",
        "Ce que chaque territoire a retenu",
    )
    blocks: list[Block] = (
        [common]
        if comparison.common_choices
        else [Para("Aucune action n’a été retenue par la plupart des territoires.", "muted")]
    )
    blocks.append(per_city)
    return Section("Les actions retenues", tuple(blocks))


def method(comparison: Comparison) -> Section:
    return Section(
        "Comment les scores sont calculés",
        (Para(STRATEGY_METHOD if comparison.deck.strategy else METHOD_TEXT, "muted"),),
    )
