"""Is an SQLite database already at the current schema? Answered without Alembic (and its Mako, Pygments…,
a quarter of a second at every start): the head is read from the migration scripts' ``revision`` /
``down_revision`` lines, the database's revision with the standard library's sqlite3.

Any doubt (several heads, a script it cannot read, a database it cannot open) answers "don't know" and the
caller runs the full Alembic check, which is the authority.
"""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

_REVISION = re.compile(r"^revision(?:\s*:\s*[\w\[\] |]+)?\s*=\s*['\"]([^'\"]+)['\"]", re.MULTILINE)
_DOWN = re.compile(r"^down_revision(?:\s*:\s*[\w\[\] |,]+)?\s*=\s*(.+)$", re.MULTILINE)
_QUOTED = re.compile(r"['\"]([^'\"]+)['\"]")


def head_from_scripts(versions: Path) -> str | None:
    """The one revision no script names as its ``down_revision``; None when that is not exactly one."""
    revisions: set[str] = set()
    parents: set[str] = set()
    try:
        scripts = sorted(versions.glob("*.py"))
        for script in scripts:
            text = script.read_text(encoding="utf-8")
            found = _REVISION.search(text)
            down = _DOWN.search(text)
            if found is None or down is None:
                return None
            revisions.add(found.group(1))
            parents.update(_QUOTED.findall(down.group(1)))
    except (OSError, UnicodeDecodeError):
        return None
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 else None


def sqlite_revision(path: Path) -> str | None:
    """The revision stamped in an existing SQLite file (read-only); None if unknown or unreadable."""
    if not path.is_file() or path.stat().st_size == 0:
        return None
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=1.0)
    except sqlite3.Error:
        return None
    try:
        rows = conn.execute("SELECT version_num FROM alembic_version").fetchall()
    except sqlite3.Error:
        return None
    finally:
        conn.close()
    return str(rows[0][0]) if len(rows) == 1 else None


def sqlite_at_head(path: Path) -> bool:
    from workshop_app.paths import package_path

    head = head_from_scripts(package_path("store", "migrations", "versions"))
    return head is not None and sqlite_revision(path) == head
