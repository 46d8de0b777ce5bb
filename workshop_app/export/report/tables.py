"""« Composition des tables »: who sat at each table, with their service and their role (élu·e, agent·e,
partenaire), as the document model (:mod:`.model`).

One line per table says how many people and of which roles and services; the complete edition adds the list,
one row per person. Names go through ``name`` (the anonymiser's label when anonymising: « Participant·e 3 »).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence

from workshop_app.core.workshop import GroupInfo, ParticipantInfo, WorkshopSnapshot
from workshop_app.export.french import plural
from workshop_app.export.report.model import Block, Bullets, Para, Section, TableBlock

Text = Callable[[str], str]
Name = Callable[[ParticipantInfo], str]

KIND_LABELS: dict[str, tuple[str, str | None]] = {
    "élu": ("élu·e", "élu·es"),
    "agent": ("agent·e", "agent·es"),
    "partenaire": ("partenaire", None),
}
KIND_ORDER = ("élu", "agent", "partenaire", "")


def kind_label(kind: str) -> str:
    return KIND_LABELS[kind][0] if kind in KIND_LABELS else "—"


def where(person: ParticipantInfo, text: Text) -> str:
    """« Urbanisme (Ville) », « Ville », or « — »."""
    service, organisation = text(person.service.strip()), text(person.organisation.strip())
    if service and organisation:
        return f"{service} ({organisation})"
    return service or organisation or "—"


def table_line(group: GroupInfo, people: Sequence[ParticipantInfo], text: Text) -> str:
    """« Table 1 : 5 personnes — 2 élu·es, 3 agent·es ; Urbanisme, CCAS, Eau et assainissement. »"""
    kinds = Counter(p.kind if p.kind in KIND_LABELS else "" for p in people)
    parts = [plural(kinds[k], *KIND_LABELS[k]) for k in KIND_ORDER if k and kinds[k]]
    if kinds[""] and parts:
        parts.append(f"{kinds['']} sans rôle précisé")
    services: list[str] = []
    for person in people:
        service = text(person.service.strip() or person.organisation.strip())
        if service and service not in services:
            services.append(service)
    line = f"{text(group.name)} : {plural(len(people), 'personne')}"
    if parts:
        line += " — " + ", ".join(parts)
    if services:
        line += " ; " + ", ".join(services)
    return line + "."


def composition(snapshot: WorkshopSnapshot, text: Text, name: Name, full: bool = True) -> Section | None:
    """The section, or None when nobody is seated at a table (nothing to say about the tables)."""
    groups = sorted(snapshot.groups, key=lambda g: g.position)
    seated = {g.id: [p for p in snapshot.participants if p.group_id == g.id] for g in groups}
    if not any(seated.values()):
        return None
    lines = [table_line(g, seated[g.id], text) for g in groups if seated[g.id]]
    unseated = [p for p in snapshot.participants if not p.group_id]
    if unseated:
        lines.append(f"Sans table : {plural(len(unseated), 'personne')}.")
    blocks: list[Block] = [Bullets(lines)]
    if full:
        roles = any(p.kind in KIND_LABELS for p in snapshot.participants)  # no role typed: no empty column
        rows: list[list[str]] = []
        for group in groups:
            for i, person in enumerate(seated[group.id]):
                table = text(group.name) if i == 0 else ""
                row = [table, name(person), where(person, text)]
                rows.append([*row, kind_label(person.kind)] if roles else row)
        if roles:
            header = ["Table", "Participant·e", "Service", "Rôle"]
            blocks.append(TableBlock(header, rows, [0.2, 0.3, 0.36, 0.14]))
        else:
            blocks.append(TableBlock(["Table", "Participant·e", "Service"], rows, [0.22, 0.34, 0.44]))
    else:
        blocks.append(Para("La liste nominative figure dans l’édition complète.", "muted"))
    return Section("Composition des tables", blocks, level=2)
