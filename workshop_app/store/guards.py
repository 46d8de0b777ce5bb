"""The event log is append-only, and the database itself says so: a trigger refuses any UPDATE of ``events``.

The store never rewrites history (an undo is a compensating event), so the trigger only catches a bug or a
hand edit before it silently changes what a table answered. DELETE stays allowed: deleting a whole workshop
removes its log with it. New databases get the trigger with ``create_all`` (see ``models``), existing ones
through revision 0003. A future migration that rebuilds ``events`` with ``batch_alter_table`` on SQLite drops
the trigger with the old table: it must call :func:`install_append_only_guard` again.
"""

from __future__ import annotations

from sqlalchemy.engine import Connection

TRIGGER = "events_append_only"
PG_FUNCTION = "atelier_events_append_only"
MESSAGE = "events are append-only: record a compensating event instead"


def install_append_only_guard(conn: Connection) -> None:
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql(
            f"CREATE OR REPLACE FUNCTION {PG_FUNCTION}() RETURNS trigger LANGUAGE plpgsql AS "
            f"$$ BEGIN RAISE EXCEPTION '{MESSAGE}'; END $$"
        )
        conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {TRIGGER} ON events")
        conn.exec_driver_sql(
            f"CREATE TRIGGER {TRIGGER} BEFORE UPDATE ON events FOR EACH ROW EXECUTE FUNCTION {PG_FUNCTION}()"
        )
    else:
        conn.exec_driver_sql(
            f"CREATE TRIGGER IF NOT EXISTS {TRIGGER} BEFORE UPDATE ON events "
            f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END"
        )


def remove_append_only_guard(conn: Connection) -> None:
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {TRIGGER} ON events")
        conn.exec_driver_sql(f"DROP FUNCTION IF EXISTS {PG_FUNCTION}()")
    else:
        conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {TRIGGER}")
