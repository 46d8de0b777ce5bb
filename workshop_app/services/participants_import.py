"""A participant list from a spreadsheet (no Qt): pasted rows, a CSV of French Excel, or an XLSX file.

Columns, by their header (any order, accents and case ignored): nom, fonction, service, organisation, rôle
(élu / agent / partenaire), table. Without a header row the columns are, in order: nom, service,
organisation, rôle, table. Every problem is reported with its line and column, in French, and nothing is
imported until there is none: a list is never half-imported, a row never silently skipped.

:func:`balance_by_service` spreads people over the tables so that each table mixes services.
"""

from __future__ import annotations

import csv
import io
import unicodedata
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from workshop_app.core.errors import AtelierError, os_reason

KINDS = ("élu", "agent", "partenaire")
_KIND_WORDS = {
    "elu": "élu", "elue": "élu", "elus": "élu", "elues": "élu", "elu(e)": "élu", "élu·e": "élu",
    "agent": "agent", "agente": "agent", "agents": "agent", "agent·e": "agent",
    "partenaire": "partenaire", "partenaires": "partenaire",
}
FIELDS = ("name", "role", "service", "organisation", "kind", "table")
_HEADERS = {
    "nom": "name", "name": "name", "prenom nom": "name", "nom prenom": "name", "participant": "name",
    "fonction": "role", "poste": "role", "titre": "role",
    "service": "service", "direction": "service",
    "organisation": "organisation", "organisme": "organisation", "structure": "organisation",
    "collectivite": "organisation",
    "role": "kind", "type": "kind", "statut": "kind", "categorie": "kind", "qualite": "kind",
    "table": "table", "groupe": "table",
}
_POSITIONAL = ("name", "service", "organisation", "kind", "table")
_LABELS = {"name": "nom", "role": "fonction", "service": "service", "organisation": "organisation",
           "kind": "rôle", "table": "table"}
MAX_ROWS = 500
MAX_CELL = 200


@dataclass(frozen=True)
class ParticipantRow:
    name: str = ""
    role: str = ""  # fonction (e.g. « Directrice »)
    service: str = ""
    organisation: str = ""
    kind: str = ""  # "élu" | "agent" | "partenaire" | ""
    table: str = ""  # as typed; resolved to a group by :func:`resolve_tables`


class ParticipantsImportError(AtelierError):
    """Every problem of a list, one French line each (``problems``)."""

    def __init__(self, source: str, problems: Sequence[str]) -> None:
        shown = list(problems[:20])
        more = len(problems) - len(shown)
        text = "\n".join([f"« {source} » n’est pas importée ({len(problems)} problème(s)) :", *shown])
        super().__init__(text + (f"\n… et {more} autre(s)." if more > 0 else ""))
        self.problems = list(problems)


def _plain(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text.strip().lower())
    return " ".join("".join(c for c in folded if not unicodedata.combining(c)).replace("_", " ").split())


def parse_rows(rows: Sequence[Sequence[str]], source: str) -> list[ParticipantRow]:
    """Rows of cells (the first may be a header) → participants; ParticipantsImportError lists problems."""
    cells = [[str(c or "").strip() for c in row] for row in rows]
    numbered = [(i + 1, row) for i, row in enumerate(cells) if any(row)]
    if not numbered:
        raise ParticipantsImportError(source, ["aucune ligne : le fichier est vide."])
    first_line, first = numbered[0]
    header = [_HEADERS.get(_plain(c)) for c in first]
    if sum(1 for h in header if h) >= 2:  # a header row
        columns: list[str | None] = header
        problems = [
            f"ligne {first_line}, colonne {i + 1} : en-tête inconnu « {c} » "
            f"(nom, fonction, service, organisation, rôle, table)"
            for i, (c, h) in enumerate(zip(first, header, strict=True)) if c and h is None
        ]
        data = numbered[1:]
    else:
        columns, problems, data = list(_POSITIONAL), [], numbered
    if len(data) > MAX_ROWS:
        raise ParticipantsImportError(source, [f"{len(data)} lignes : {MAX_ROWS} participants au plus."])
    people: list[ParticipantRow] = []
    for line, row in data:
        values: dict[str, str] = {}
        for index, cell in enumerate(row):
            field = columns[index] if index < len(columns) else None
            if field is None:
                if cell and index >= len(columns):  # an unknown header was reported once, above
                    problems.append(f"ligne {line}, colonne {index + 1} : « {cell} » est en trop")
                continue
            if len(cell) > MAX_CELL:
                problems.append(f"ligne {line}, colonne « {_LABELS[field]} » : texte trop long")
                continue
            values[field] = cell
        kind = values.get("kind", "")
        if kind:
            found = _KIND_WORDS.get(_plain(kind).replace(" ", ""))
            if found is None:
                problems.append(
                    f"ligne {line}, colonne « rôle » : « {kind} » n’est pas un rôle "
                    "(élu, agent ou partenaire)"
                )
            values["kind"] = found or ""
        if not any(values.get(f) for f in ("name", "role", "service", "organisation")):
            problems.append(f"ligne {line} : ni nom, ni fonction, ni service, ni organisation")
        people.append(ParticipantRow(**values))
    if problems:
        raise ParticipantsImportError(source, problems)
    return people


def resolve_tables(
    people: Sequence[ParticipantRow], groups: Mapping[str, str], source: str
) -> list[str | None]:
    """Each person's group id: ``groups`` is {group id: name}; « 2 » or « Table 2 » or the name match."""
    by_name = {_plain(name): gid for gid, name in groups.items()}
    ordered = list(groups)
    problems: list[str] = []
    result: list[str | None] = []
    for line, person in enumerate(people, start=1):
        wanted = _plain(person.table)
        if not wanted:
            result.append(None)
            continue
        number = wanted.removeprefix("table ").strip()
        gid = by_name.get(wanted)
        if gid is None and number.isdigit() and 1 <= int(number) <= len(ordered):
            gid = ordered[int(number) - 1]
        if gid is None:
            names = ", ".join(groups.values()) or "aucune table pour l’instant"
            problems.append(f"participant {line} : pas de table « {person.table} » (tables : {names})")
        result.append(gid)
    if problems:
        raise ParticipantsImportError(source, problems)
    return result


def read_participants(path: Path) -> list[ParticipantRow]:
    """A CSV (« ; », « , » or tab; UTF-8 with or without BOM, else Windows-1252) or an XLSX file."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise AtelierError(f"« {path.name} » ne peut pas être lu : {os_reason(error)}.") from None
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        return parse_rows(_xlsx_rows(data, path.name), path.name)
    return parse_rows(csv_rows(_decode(data), path.name), path.name)


def parse_pasted(text: str) -> list[ParticipantRow]:
    """Rows copied from a spreadsheet (tab-separated lines)."""
    return parse_rows([line.split("\t") for line in text.splitlines()], "le texte collé")


def _decode(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")  # an old Excel « CSV (séparateur : point-virgule) »


def csv_rows(text: str, source: str) -> list[list[str]]:
    sample = text[:4096]
    delimiter = max((";", "\t", ","), key=sample.count) if any(d in sample for d in ";\t,") else ";"
    try:
        return [list(row) for row in csv.reader(io.StringIO(text), delimiter=delimiter)]
    except csv.Error as error:
        raise AtelierError(f"« {source} » n’est pas un CSV lisible : {error}.") from None


def _xlsx_rows(data: bytes, source: str) -> list[list[str]]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds (zip, XML, key errors) on a damaged file
        raise AtelierError(f"« {source} » n’est pas un classeur XLSX lisible.", detail=str(error)) from None
    try:
        sheet = book.worksheets[0]
        rows: list[list[str]] = []
        for row in sheet.iter_rows(values_only=True):
            rows.append(["" if v is None else str(v) for v in row])
            if len(rows) > MAX_ROWS + 1:
                break
        return rows
    finally:
        book.close()


def balance_by_service(
    services: Mapping[str, str], tables: Sequence[str]
) -> dict[str, str]:
    """{person id: table id}: tables of even size (±1), each service spread as widely as it can be.

    ``services`` is {person id: service (or organisation)}. The largest services are placed first; each
    person goes to the table with the fewest people of that service, then the fewest people, then the first.
    """
    if not tables:
        return {}
    size = Counter({t: 0 for t in tables})
    per_service: dict[str, Counter[str]] = {}
    counts = Counter(_plain(s) for s in services.values())
    order = sorted(services, key=lambda p: (-counts[_plain(services[p])], _plain(services[p]), p))
    placed: dict[str, str] = {}
    for person in order:
        key = _plain(services[person])
        seen = per_service.setdefault(key, Counter())
        table = min(tables, key=lambda t: (size[t], seen[t] if key else 0, tables.index(t)))
        placed[person] = table
        size[table] += 1
        seen[table] += 1
    return placed


def import_participants(
    service: object, workshop_id: str, people: Sequence[ParticipantRow], source: str
) -> int:
    """Add ``people`` to the workshop (tables checked first: nothing is added if one is unknown)."""
    from typing import Any, cast

    store = cast(Any, service)
    groups = {g.id: g.name for g in sorted(store.snapshot(workshop_id).groups, key=lambda g: g.position)}
    tables = resolve_tables(people, groups, source)
    for person, group_id in zip(people, tables, strict=True):
        store.add_participant(
            workshop_id, name=person.name, role=person.role, service=person.service,
            organisation=person.organisation, kind=person.kind, group_id=group_id,
        )
    return len(people)


def balance_workshop(service: object, workshop_id: str) -> int:
    """Assign every participant of the workshop to a table, mixing services (see ``balance_by_service``)."""
    from typing import Any, cast

    store = cast(Any, service)
    snapshot = store.snapshot(workshop_id)
    tables = [g.id for g in sorted(snapshot.groups, key=lambda g: g.position)]
    if not tables:
        raise AtelierError("Ajoutez d’abord des tables : il n’y a personne à répartir entre elles.")
    services = {p.id: p.service or p.organisation for p in snapshot.participants}
    placed = balance_by_service(services, tables)
    changed = 0
    for person in snapshot.participants:
        if person.group_id != placed[person.id]:
            store.update_participant(person.id, group_id=placed[person.id])
            changed += 1
    return changed
