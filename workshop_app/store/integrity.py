"""Is an SQLite file safe to write into? SQLite's own check, then a check of what the app will read.

:func:`check_sqlite` opens the file **read-only** (an SQLite URI with ``mode=ro``: no journal, no checkpoint,
nothing written) and runs:

1. ``PRAGMA quick_check`` (cheap: every page and record is well formed; ``full=True`` runs the complete
   ``integrity_check``, which also compares every index with its table);
2. a read of every row of the app's tables, each value checked as the app will read it: its SQLite type
   (``typeof``) matches the column, texts decode as UTF-8, JSON columns parse, timestamps and dates parse,
   event kinds are known and each sequence's deck snapshot still validates. SQLite's check cannot see a byte
   changed inside a text, but the app would fail on it (« Could not decode to UTF-8 ») and, without this,
   one such row hid every workshop.

The report names each damaged row with its workshop when that can still be read, so the rescue
(:mod:`workshop_app.store.rescue`) saves the others.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from urllib.parse import quote

from sqlalchemy import JSON, Column, Date, DateTime, Integer, LargeBinary, TypeDecorator

from workshop_app.core.deck_loader import DeckLoadError, deck_from_data
from workshop_app.core.events import EventKind
from workshop_app.store.models import Base

MAX_SQLITE_PROBLEMS = 20
_KINDS = frozenset(k.value for k in EventKind)


@dataclass(frozen=True)
class BadRow:
    """One value the app could not read: ``table`` row ``rowid``, column ``column``."""

    table: str
    rowid: int
    column: str
    workshop_id: str | None  # None when the row's workshop cannot be read either
    problem: str  # French


@dataclass(frozen=True)
class DamageReport:
    path: Path
    sqlite_problems: tuple[str, ...] = ()  # what quick_check / integrity_check said, when not "ok"
    bad_rows: tuple[BadRow, ...] = ()
    full: bool = False  # integrity_check (True) or quick_check (False)

    @property
    def damaged(self) -> bool:
        return bool(self.sqlite_problems or self.bad_rows)

    @property
    def damaged_workshops(self) -> frozenset[str]:
        return frozenset(r.workshop_id for r in self.bad_rows if r.workshop_id is not None)

    @property
    def unattributed(self) -> bool:
        """Damage not tied to one workshop (SQLite's structure, or a row whose owner is unreadable)."""
        return bool(self.sqlite_problems) or any(r.workshop_id is None for r in self.bad_rows)

    def describe(self, limit: int = 5) -> str:
        """A short French account of what was found."""
        parts: list[str] = []
        lines = [p for p in self.sqlite_problems if p.strip() and not p.startswith("***")]
        if lines:
            check = "complète" if self.full else "rapide"
            first = lines[0].splitlines()[0].strip()
            more = f" et {len(lines) - 1} autre(s)" if len(lines) > 1 else ""
            parts.append(f"la vérification {check} de SQLite signale « {first} »{more}")
        for row in self.bad_rows[:limit]:
            where = f"table « {row.table} », ligne {row.rowid}, colonne « {row.column} »"
            parts.append(f"{where} : {row.problem}")
        if len(self.bad_rows) > limit:
            parts.append(f"et {len(self.bad_rows) - limit} autre(s) valeur(s) illisible(s)")
        return " ; ".join(parts)


def readonly_uri(path: Path) -> str:
    """An SQLite URI that opens ``path`` read-only (sqlite3.connect(..., uri=True))."""
    return f"file:{quote(str(path.resolve()))}?mode=ro"


def check_sqlite(path: Path, *, full: bool = False) -> DamageReport:
    """Check ``path`` without writing to it. Raises ``sqlite3.Error`` only when the file cannot be opened at
    all (the caller translates that); damage found while reading goes into the report."""
    conn = sqlite3.connect(readonly_uri(path), uri=True)
    try:
        conn.text_factory = bytes
        try:
            problems = _sqlite_check(conn, full)
        except sqlite3.DatabaseError as error:
            if not _is_damage(error):
                raise
            return DamageReport(path, (str(error),), full=full)
        bad: list[BadRow] = []
        try:
            for table in _our_tables(conn):
                bad.extend(_check_table(conn, table))
        except sqlite3.DatabaseError as error:
            if not _is_damage(error):
                raise
            problems = (*problems, str(error))
        return DamageReport(path, problems, tuple(bad), full)
    finally:
        conn.close()


def _is_damage(error: sqlite3.Error) -> bool:
    text = str(error).lower()
    return any(word in text for word in ("malformed", "corrupt", "not a database", "decode"))


def _sqlite_check(conn: sqlite3.Connection, full: bool) -> tuple[str, ...]:
    pragma = "integrity_check" if full else "quick_check"
    rows = conn.execute(f"PRAGMA {pragma}({MAX_SQLITE_PROBLEMS})").fetchall()
    lines = tuple(line for r in rows for line in _text(r[0]).splitlines() if line.strip())
    return () if lines == ("ok",) else lines


def _text(value: object) -> str:
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    return str(value)


def _our_tables(conn: sqlite3.Connection) -> list[str]:
    names = {_text(r[0]) for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    return [t for t in Base.metadata.tables if t in names]


def _check_table(conn: sqlite3.Connection, table: str) -> list[BadRow]:
    present = {_text(r[1]) for r in conn.execute(f'PRAGMA table_info("{table}")')}
    columns = [c for c in Base.metadata.tables[table].columns if c.name in present]
    if table != "sequences" and not _suspect(conn, table, columns):
        return []  # the common case, in SQL and one decode per column (20,000 events: ~40 ms, not ~400)
    owner = "id" if table == "workshops" else "workshop_id" if "workshop_id" in present else None
    selected = ", ".join(
        f'typeof("{c.name}"), ' + ("NULL" if isinstance(c.type, LargeBinary) else f'"{c.name}"')
        for c in columns
    )
    bad: list[BadRow] = []
    for row in conn.execute(f'SELECT rowid, {selected} FROM "{table}"'):
        rowid = int(row[0])
        problems: list[tuple[str, str]] = []
        values: dict[str, object] = {}
        for i, column in enumerate(columns):
            kind, raw = _text(row[1 + 2 * i]), row[2 + 2 * i]
            problem, value = _check_value(table, column, kind, raw)
            if problem:
                problems.append((column.name, problem))
            else:
                values[column.name] = value
        if problems:
            workshop = values.get(owner) if owner else None
            wid = workshop if isinstance(workshop, str) else None
            bad.extend(BadRow(table, rowid, name, wid, problem) for name, problem in problems)
    return bad


def _kind(column: Column[object]) -> object:
    col_type: object = column.type
    return col_type.impl_instance if isinstance(col_type, TypeDecorator) else col_type


def _suspect(conn: sqlite3.Connection, table: str, columns: list[Column[object]]) -> bool:
    """A quick screen of a whole table: True when some value may be wrong (the row-by-row check then says
    which). Types by ``typeof``, JSON by ``json_valid``, dates by their shape, event kinds by their list,
    and every text column decoded as UTF-8 in one piece (joined with newlines, so that two broken halves of
    a character in two rows cannot make a valid one)."""
    conditions: list[str] = []
    for column in columns:
        name, col_type = f'"{column.name}"', _kind(column)
        allowed = ["'null'"] if column.nullable else []
        if isinstance(col_type, LargeBinary):
            allowed.append("'blob'")
        elif isinstance(col_type, Integer):
            allowed.append("'integer'")
        else:
            allowed.append("'text'")
        conditions.append(f"typeof({name}) NOT IN ({', '.join(allowed)})")
        if isinstance(col_type, JSON):
            shape = column.info.get("json", "object")
            not_object = f"CASE WHEN json_valid({name}) THEN json_type({name}) != '{shape}' ELSE 1 END"
            conditions.append(f"(typeof({name}) = 'text' AND {not_object})")
        elif isinstance(col_type, DateTime | Date):
            day = "[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*"
            conditions.append(f"(typeof({name}) = 'text' AND {name} NOT GLOB '{day}')")
    if table == "events" and "kind" in {c.name for c in columns}:
        kinds = ", ".join(f"'{k}'" for k in sorted(_KINDS))
        conditions.append(f"kind NOT IN ({kinds})")
    if conn.execute(f'SELECT EXISTS (SELECT 1 FROM "{table}" WHERE {" OR ".join(conditions)})').fetchone()[0]:
        return True
    for column in columns:
        if isinstance(_kind(column), LargeBinary | Integer):
            continue
        (joined,) = conn.execute(f'SELECT group_concat("{column.name}", char(10)) FROM "{table}"').fetchone()
        if isinstance(joined, bytes):
            try:
                joined.decode("utf-8")
            except UnicodeDecodeError:
                return True
    return False


def _check_value(table: str, column: Column[object], kind: str, raw: object) -> tuple[str, object]:
    """(French problem or "", the value as the app reads it)."""
    if kind == "null":
        return ("", None) if column.nullable else ("valeur manquante", None)
    col_type: object = column.type
    if isinstance(col_type, TypeDecorator):
        col_type = col_type.impl_instance
    if isinstance(col_type, LargeBinary):
        return ("", None) if kind == "blob" else (f"donnée binaire attendue (type {kind})", None)
    if isinstance(col_type, Integer):
        return ("", raw) if kind == "integer" else (f"nombre entier attendu (type {kind})", None)
    if kind != "text":
        return f"texte attendu (type {kind})", None
    assert isinstance(raw, bytes)
    try:
        value = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        return f"texte illisible (octet {error.start} : pas de l’UTF-8)", None
    try:
        return "", _parse(table, column.name, col_type, value, column.info.get("json", "object"))
    except (ValueError, TypeError, RecursionError) as error:
        return str(error) or "valeur illisible", None


def _parse(table: str, name: str, col_type: object, value: str, shape: str = "object") -> object:
    if isinstance(col_type, JSON):
        try:
            data = json.loads(value)
        except json.JSONDecodeError:
            raise ValueError("JSON illisible") from None
        if table == "sequences" and name == "deck":
            if not isinstance(data, dict):
                raise ValueError("jeu enregistré illisible")
            try:
                deck_from_data(data, "jeu enregistré", finite=False)
            except DeckLoadError as error:
                first = error.issues[0] if error.issues else ""
                raise ValueError(f"jeu enregistré invalide ({first})") from None
        elif shape == "array":
            if not isinstance(data, list):
                raise ValueError("liste JSON attendue")
        elif not isinstance(data, dict):
            raise ValueError("objet JSON attendu")
        return data
    if isinstance(col_type, DateTime):
        return datetime.fromisoformat(value)
    if isinstance(col_type, Date):
        return date.fromisoformat(value)
    if table == "events" and name == "kind" and value not in _KINDS:
        raise ValueError(f"type d’événement inconnu « {value[:40]} »")
    return value
