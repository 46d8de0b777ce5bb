"""Words and numbers of a comparison as the reports write them (plain French text), and the terminal's
summary for ``atelier compare`` without a file."""

from __future__ import annotations

from workshop_app.core.compare_model import CompareKind, Comparison, Direction, Movement, TargetScore

DIRECTIONS = {
    Direction.UP: "en hausse",
    Direction.DOWN: "en baisse",
    Direction.STABLE: "stable",
    Direction.UNKNOWN: "non comparable",
}


def score(item: TargetScore | None) -> str:
    """« 62/100 », « — » when not answered."""
    if item is None or item.score is None:
        return "—"
    return f"{round(item.score)}/100"


def spread(item: TargetScore | None) -> str:
    """« tables 40–80 » when the tables differ, else ""."""
    if item is None or item.low is None or item.high is None or round(item.low) == round(item.high):
        return ""
    return f"tables {round(item.low)}–{round(item.high)}"


def coverage(item: TargetScore | None) -> str:
    """« couverture 45 %, faible » / « couverture 100 % »."""
    if item is None:
        return "couverture 0 %, faible"
    text = f"couverture {round(item.coverage * 100)}\u00a0%"
    return f"{text}, faible" if item.low_coverage else text


def cell(item: TargetScore | None) -> str:
    """A table cell: the score, then its spread and coverage on a second line."""
    details = ", ".join(x for x in (spread(item), coverage(item)) if x)
    return f"{score(item)}\n{details}"


def delta(move: Movement) -> str:
    if move.delta is None:
        return "—"
    points = round(move.delta)
    unit = "pt" if abs(points) <= 1 else "pts"
    return f"{'+' if points > 0 else ''}{points} {unit}".replace("-", "−")


def reading(move: Movement) -> str:
    text = DIRECTIONS[move.direction]
    return (
        f"{text} (couverture faible)"
        if move.low_coverage and move.direction is not Direction.UNKNOWN
        else text
    )


def summary(comparison: Comparison) -> str:
    """What ``atelier compare`` prints without a file: the rules, then the scores."""
    lines = [comparison.title, f"Jeu comparé : {comparison.deck.caption}", ""]
    lines += [f"- {n}" for n in comparison.notes]
    if comparison.notes:
        lines.append("")
    names = [p.label for p in comparison.profiles]
    lines.append("Ateliers : " + ", ".join(names))
    if comparison.kind is CompareKind.EVOLUTION:
        lines.append("Ce qui a bougé (de la première à la dernière date) :")
        for move in comparison.movements:
            lines.append(
                f"  {move.target.label} : {score(move.before)} → {score(move.after)} "
                f"({delta(move)}, {reading(move)})"
            )
    else:
        for target in comparison.principles:
            scores = ", ".join(f"{p.label} {score(p.score(target.id))}" for p in comparison.profiles)
            lines.append(f"  {target.label} : {scores}")
        for title, found in (
            ("Forces communes", comparison.strengths),
            ("Vulnérabilités communes", comparison.vulnerabilities),
            ("Choix de la plupart des territoires", comparison.common_choices),
        ):
            if found:
                lines.append(f"{title} :")
                lines += [f"  {s.label} ({', '.join(s.labels)} : {s.count} sur {s.of})" for s in found]
    lines += ["", comparison.disclaimer]
    return "\n".join(lines)
