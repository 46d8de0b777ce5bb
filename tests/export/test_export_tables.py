"""« Composition des tables » in the compte-rendu: each table's people with their service and role (élu·e,
agent·e, partenaire), in the PDF (read back with pypdf) and the DOCX that walks its story; anonymised, no name
is left; the short edition keeps the one-line summary per table."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

from export_factory import make_snapshot, pdf_text

from workshop_app.core.workshop import ParticipantInfo, WorkshopSnapshot
from workshop_app.export.docx import render_docx
from workshop_app.export.pdf import render_pdf

SHOTS = os.environ.get("ATELIER_SHOTS", "")
KINDS = ("élu", "agent", "agent", "partenaire", "")


def _seated() -> tuple[WorkshopSnapshot, dict[str, bytes]]:
    snapshot, photos = make_snapshot(n_groups=3, n_cards=4)
    people = [replace(p, kind=KINDS[i % len(KINDS)]) for i, p in enumerate(snapshot.participants)]
    people.append(ParticipantInfo("p-late", name="Yasmine Haddad", service="Police municipale"))  # no table
    return replace(snapshot, participants=tuple(people)), photos


def _section(text: str) -> str:
    start = text.rindex("Composition des tables")  # the section itself, after the table of contents
    return text[start : text.index("Résultats : la boussole", start)]


def test_each_table_lists_names_services_and_roles() -> None:
    snapshot, photos = _seated()
    data = render_pdf(snapshot, photos)
    section = _section(pdf_text(data))
    first = next(g for g in snapshot.groups if g.position == 0)
    at_first = [p for p in snapshot.participants if p.group_id == first.id]
    assert f"{first.name} : {len(at_first)} personnes" in section
    for person in at_first:
        assert person.name in section and person.service in section
    assert all(role in section for role in ("élu", "agent", "partenaire"))  # inclusive writing off
    assert "Sans table : 1 personne." in section
    assert "Yasmine Haddad" not in section  # nobody's table is invented
    if SHOTS:
        (Path(SHOTS) / "tables.pdf").write_bytes(data)


def test_anonymised_keeps_services_and_roles_not_names() -> None:
    snapshot, photos = _seated()
    text = pdf_text(render_pdf(snapshot, photos, anonymise=True))
    section = _section(text)
    for person in snapshot.participants:
        assert person.name not in text
    assert "Participant·e 1" in section or "Participant 1" in section
    assert snapshot.participants[0].service in section


def test_docx_has_the_same_table_and_short_edition_only_the_summary() -> None:
    import io

    from docx import Document

    snapshot, photos = _seated()
    document = Document(io.BytesIO(render_docx(snapshot, photos)))
    headed = [t for t in document.tables if [c.text for c in t.rows[0].cells] == [
        "Table", "Participant", "Service", "Rôle"]]
    assert len(headed) == 1
    rows = [[c.text for c in row.cells] for row in headed[0].rows[1:]]
    person = snapshot.participants[0]
    assert [person.name, f"{person.service} ({person.organisation})", "élu"] in [r[1:] for r in rows]
    assert len(rows) == len([p for p in snapshot.participants if p.group_id])
    short = pdf_text(render_pdf(snapshot, photos, edition="synthese"))
    summary = _section(short)
    assert " personnes" in summary and person.name not in summary
    assert "édition complète" in summary


def test_nobody_seated_no_section() -> None:
    snapshot, photos = make_snapshot(n_groups=2, n_cards=3)
    snapshot = replace(snapshot, participants=tuple(replace(p, group_id=None) for p in snapshot.participants))
    assert "Composition des tables" not in pdf_text(render_pdf(snapshot, photos))


def test_programme_steps_are_in_the_deroule_with_planned_and_actual_times() -> None:
    from datetime import timedelta

    from workshop_app.core.events import Event, EventKind

    snapshot, photos = make_snapshot(n_groups=2, n_cards=4)
    first = min(e.at for e in snapshot.events)
    last = max(e.seq for e in snapshot.events)

    def event(n: int, kind: EventKind, offset: float, **payload: object) -> Event:
        at = first + timedelta(minutes=offset)
        return Event(seq=last + n, kind=kind, payload=payload, at=at, id=f"st{n}")

    steps = (
        event(1, EventKind.STEP_PLANNED, -40, step="a", step_kind="accueil", label="Accueil café", minutes=20,
              slot=0),
        event(2, EventKind.STEP_PLANNED, -40, step="b", step_kind="bilan", label="Tour de table", minutes=15,
              slot=9),
        event(3, EventKind.STEP_STARTED, -30, step="a"),
        event(4, EventKind.STEP_ENDED, -5, step="a"),
    )
    played = replace(snapshot, events=(*snapshot.events, *steps))
    data = render_pdf(played, photos)
    if SHOTS:
        (Path(SHOTS) / "programme.pdf").write_bytes(data)
    text = pdf_text(data)
    section = text[text.rindex("Programme") : text.rindex("Composition des tables")]
    assert "Séquence ou étape" in section and "autres temps de la journée" in section
    assert section.index("Accueil café") < section.index(played.sequences[0].display_title[:20])
    assert "Bilan : Tour de table" in section  # after the last sequence, not played yet
    assert "20 min" in section and "25 min" in section  # planned, then actual (started −30, ended −5)
