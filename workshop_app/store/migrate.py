"""Bring a database to the current schema at start-up, safely.

* A new (empty) database: ``create_all`` then ``stamp head``, in one transaction.
* At head: nothing to do.
* Behind head: an SQLite file is first copied to :func:`paths.backups_dir` (timestamped, through SQLite's
  backup API so the WAL's content is included), then upgraded in one transaction with foreign keys off
  (SQLite's table rebuilds would otherwise cascade deletes) and checked with ``foreign_key_check``
  before the commit.
* Stamped with a revision this version does not know (a newer app wrote it), or holding someone else's tables,
  or not a database at all: refused with a French :class:`AtelierError`, never touched.
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, inspect, text

from workshop_app.core.errors import AtelierError
from workshop_app.store.engine import (
    WRITE_OPTION,
    db_errors,
    describe,
    enable_wal,
    make_engine,
    sqlite_path,
    translate,
)
from workshop_app.store.models import Base

if TYPE_CHECKING:  # Alembic is imported only when a database is created, migrated or not at head
    from alembic.config import Config
    from alembic.script import ScriptDirectory

log = logging.getLogger(__name__)
SQLITE_HEADER = b"SQLite format 3\x00"
OUR_TABLES = frozenset(Base.metadata.tables)


def alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    from workshop_app.paths import package_path

    config = Config()
    config.set_main_option("script_location", str(package_path("store", "migrations")))
    config.set_main_option("path_separator", "os")
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(connection: Connection) -> str | None:
    from alembic.runtime.migration import MigrationContext

    return MigrationContext.configure(connection).get_current_revision()


def prepare_database(engine: Engine, url: str) -> None:
    where = describe(url)
    path = sqlite_path(url)
    if path is not None:
        check_sqlite_file(path)
        from workshop_app.store.damaged import refuse_if_damaged

        refuse_if_damaged(path)  # read-only: before anything may write (a checkpoint, a migration)

        from workshop_app.store.schema_head import sqlite_at_head

        if sqlite_at_head(path):  # the common start: nothing to migrate, no Alembic to import
            _finish(engine, where)
            return
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    head = script.get_current_head()
    try:
        with engine.connect() as conn:
            _check_version_table(conn, where)
            current = current_revision(conn)
            tables = set(inspect(conn).get_table_names())
    except AtelierError:
        raise
    except Exception as error:
        raise _unreadable_or(error, path, where) from error
    if current == head:
        _finish(engine, where)
        return
    if current is None:
        if tables & OUR_TABLES or (tables - {"alembic_version"}):
            raise AtelierError(
                f"La base de données « {where} » contient des tables qui ne viennent pas "
                "d’Atelier Résilience. "
                "Elle n’a pas été modifiée : choisissez un autre fichier ou une base vide."
            )
        _create(engine, where)
        _finish(engine, where)
        return
    if not _known(script, current):
        raise AtelierError(
            f"La base de données « {where} » a été créée par une version plus récente d’Atelier Résilience "
            f"(schéma « {current} »). Elle n’a pas été modifiée : installez la dernière version de "
            "l’application pour l’ouvrir.",
            detail=f"revision {current} unknown; head is {head}",
        )
    if path is not None:
        backup = backup_sqlite(path, f"avant-migration-{current}")
        log.info("database copied to %s before migrating from %s to %s", backup, current, head)
    _upgrade(url, where)
    _finish(engine, where)


def _check_version_table(conn: Connection, where: str) -> None:
    """Alembic keeps one row per head; this app has one line of migrations, so more than one row means the
    table was edited by hand or two databases were mixed (Alembic's own error is English and technical)."""
    if "alembic_version" not in inspect(conn).get_table_names():
        return
    rows = [r[0] for r in conn.execute(text("SELECT version_num FROM alembic_version"))]
    if len(rows) > 1:
        raise AtelierError(
            f"La base de données « {where} » est incohérente : sa table de version (alembic_version) "
            f"contient {len(rows)} lignes ({', '.join(map(str, rows[:4]))}) au lieu d’une seule. "
            "Elle n’a pas été modifiée. Restaurez une sauvegarde du dossier « backups », ou sauvez les "
            "ateliers lisibles avec « atelier rescue --archives DOSSIER ».",
            detail=f"alembic_version rows: {rows!r}",
        )


def _finish(engine: Engine, where: str) -> None:
    with db_errors(where):
        enable_wal(engine)


def _known(script: ScriptDirectory, revision: str) -> bool:
    try:
        return script.get_revision(revision) is not None
    except Exception:
        return False


def _create(engine: Engine, where: str) -> None:
    with db_errors(where), engine.connect().execution_options(**{WRITE_OPTION: True}) as conn, conn.begin():
        _serialise(conn)
        if current_revision(conn) is not None:  # another process created it meanwhile
            return
        Base.metadata.create_all(conn)
        from alembic import command

        command.stamp(alembic_config(conn), "head")


def _serialise(conn: Connection) -> None:
    """Two apps starting at once on one PostgreSQL database: one migrates, the other waits (SQLite: BEGIN
    IMMEDIATE already does this)."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(hashtext('atelier-resilience-migrations'))"))


def _upgrade(url: str, where: str) -> None:
    engine = make_engine(url, foreign_keys=False)
    try:
        with (
            db_errors(where),
            engine.connect().execution_options(**{WRITE_OPTION: True}) as conn,
            conn.begin(),
        ):
            _serialise(conn)
            from alembic import command

            command.upgrade(alembic_config(conn), "head")  # a no-op if another process did it meanwhile
            if conn.dialect.name == "sqlite":
                broken = conn.execute(text("PRAGMA foreign_key_check")).fetchall()
                if broken:
                    raise AtelierError(
                        f"La mise à jour de la base « {where} » a été annulée : elle laisserait "
                        "des liens brisés. La base n’a pas été modifiée.",
                        detail=repr(broken[:10]),
                    )
    finally:
        engine.dispose()


# -- SQLite files: check, copy -------------------------------------------------------------------------------


def check_sqlite_file(path: Path) -> None:
    """Before SQLite opens the file: refuse a read-only file or folder (SQLite writes its journal next to
    the database), and a file that is not an SQLite database (it must never be rewritten)."""
    folder = path.parent
    if folder.exists() and not folder.is_dir():
        raise AtelierError(
            f"Impossible d’ouvrir la base de données « {path} » : « {folder} » n’est pas un dossier "
            "(c’est un fichier). Vérifiez ATELIER_HOME ou --database. Rien n’a été modifié."
        )
    if path.exists() and not path.is_file():
        raise AtelierError(
            f"« {path} » n’est pas un fichier ordinaire (dossier ou périphérique) : ce ne peut pas être "
            "une base d’Atelier Résilience. Choisissez un autre emplacement (--database). "
            "Rien n’a été modifié."
        )
    for companion in (path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        # SQLite maps the -shm file in memory: one it cannot write kills the process (SIGBUS) later.
        if companion.exists() and not _writable_file(companion):
            raise AtelierError(
                f"Le fichier « {companion.name} » de la base de données « {path} » est en lecture seule : "
                "Atelier Résilience ne pourrait ni lire sûrement ni enregistrer. Rendez-lui ses droits "
                "d’écriture (ou copiez le dossier ailleurs), puis recommencez. "
                "Le fichier n’a pas été modifié."
            )
    if not os.access(folder, os.W_OK | os.X_OK) or (path.exists() and not os.access(path, os.R_OK | os.W_OK)):
        raise AtelierError(
            f"La base de données « {path} » est en lecture seule (fichier ou dossier « {folder} » "
            "protégé) : Atelier Résilience ne pourrait rien y enregistrer. Vérifiez les droits, copiez le "
            "fichier dans un dossier où vous pouvez écrire, ou choisissez un autre emplacement (--database). "
            "Le fichier n’a pas été modifié."
        )
    try:
        if not path.exists() or path.stat().st_size == 0:
            return
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as error:
        raise translate(error, str(path)) from error
    if header != SQLITE_HEADER:
        raise _corrupt(path)


def _writable_file(path: Path) -> bool:
    """Writable for real: ``os.access`` says yes to root even for an immutable (chattr +i) file."""
    if not os.access(path, os.R_OK | os.W_OK):
        return False
    try:
        fd = os.open(path, os.O_RDWR | os.O_NONBLOCK)
    except OSError:
        return False
    os.close(fd)
    return True


def _unreadable_or(error: BaseException, path: Path | None, where: str) -> AtelierError:
    message = str(getattr(error, "orig", error)).lower()
    if path is not None and ("not a database" in message or "malformed" in message or "corrupt" in message):
        return _corrupt(path)
    return translate(error, where)


def corrupt_error(path: Path) -> AtelierError:
    return _corrupt(path)


def _corrupt(path: Path) -> AtelierError:
    from workshop_app.paths import backups_dir

    try:
        copy = _set_aside(path)
        where_copy = f"Une copie a été mise de côté dans « {copy} »."
    except OSError:
        where_copy = "Aucune copie n’a pu être faite."
    return AtelierError(
        f"Le fichier « {path} » est endommagé ou n’est pas une base d’Atelier Résilience : "
        f"il n’a pas été modifié. {where_copy} Les sauvegardes faites avant chaque mise à jour sont "
        f"dans « {backups_dir()} ». "
        "Pour repartir d’une base neuve, déplacez ce fichier ou choisissez-en un autre (--database).",
        detail=f"unreadable SQLite file {path}",
    )


def _stamp() -> str:
    return datetime.now(UTC).strftime("%Y%m%d-%H%M%S-%f")


def set_aside(path: Path) -> Path:
    return _set_aside(path)


def _set_aside(path: Path) -> Path:
    """A byte-for-byte copy of an unreadable file (and its WAL), for whoever tries to rescue it."""
    from workshop_app.paths import backups_dir

    folder = backups_dir()
    folder.mkdir(parents=True, exist_ok=True)
    # A user retrying again and again must not fill the disk with copies of the same damaged file.
    size, digest = path.stat().st_size, _sha256(path)
    for earlier in sorted(folder.glob(f"{path.stem}-illisible-*{path.suffix}")):
        if earlier.stat().st_size == size and _sha256(earlier) == digest:
            return earlier
    target = folder / f"{path.stem}-illisible-{_stamp()}{path.suffix}"
    shutil.copy2(path, target)
    wal = path.with_name(path.name + "-wal")
    if wal.exists():
        shutil.copy2(wal, target.with_name(target.name + "-wal"))
    return target


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def backup_sqlite(path: Path, reason: str) -> Path:
    """A consistent copy of a live SQLite database (WAL included) in the backups folder; returns its path."""
    from workshop_app.paths import backups_dir

    folder = backups_dir()
    target = folder / f"{path.stem}-{reason}-{_stamp()}{path.suffix}"
    partial = target.with_name(target.name + ".partiel")
    with db_errors(str(folder)):
        folder.mkdir(parents=True, exist_ok=True)
        source = sqlite3.connect(path)
        try:
            copy = sqlite3.connect(partial)
            try:
                source.backup(copy)
                copy.execute("PRAGMA journal_mode = DELETE")  # the copy is one self-contained file
            finally:
                copy.close()
        finally:
            source.close()
        partial.replace(target)
    return target


def describe_state(url: str) -> dict[str, Any]:
    """For ``atelier db-info``: where the database is, its revision and the current head."""
    engine = make_engine(url)
    try:
        with db_errors(describe(url)), engine.connect() as conn:
            return {"where": describe(url), "revision": current_revision(conn), "head": head_revision()}
    finally:
        engine.dispose()
