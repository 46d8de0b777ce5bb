"""Connecting to the database: the URL, SQLite's settings, and the one place where errors become French.

SQLite runs in WAL mode with ``synchronous=FULL`` (a committed event survives a power cut), foreign keys on
and a busy timeout. SQLAlchemy emits ``BEGIN`` itself (the sqlite3 module's own transaction handling is off,
as SQLAlchemy's documentation recommends); a write transaction starts with ``BEGIN IMMEDIATE`` so that two
writers queue up instead of failing half-way.
"""

from __future__ import annotations

import contextlib
import errno
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, exc
from sqlalchemy.engine import make_url
from sqlalchemy.pool import StaticPool

from workshop_app.core.errors import AtelierError

DEFAULT_BUSY_TIMEOUT_MS = 5000
WRITE_OPTION = "atelier_write"


SUPPORTED_BACKENDS = ("sqlite", "postgresql")


def check_url(url: str) -> None:
    """Refuse, in French, a database URL that cannot be parsed or names a database the app does not support
    (SQLAlchemy would raise a raw ``ArgumentError`` or ``NoSuchModuleError``, or fail on a missing driver)."""
    try:
        backend = make_url(url).get_backend_name()
    except exc.ArgumentError:
        raise AtelierError(
            f"Adresse de base de données illisible : « {url} ». Exemples : "
            "sqlite:////chemin/vers/atelier.sqlite3 ou postgresql://utilisateur@serveur/base."
        ) from None
    if backend not in SUPPORTED_BACKENDS:
        raise AtelierError(
            f"Base de données non prise en charge : « {backend} ». Atelier Résilience fonctionne avec "
            "SQLite (un fichier) ou PostgreSQL (un serveur partagé)."
        )


def sqlite_path(url: str) -> Path | None:
    """The file behind an SQLite URL; None for other databases and in-memory ones."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return None
    database = parsed.database or ""
    if database in ("", ":memory:") or parsed.query.get("mode") == "memory":
        return None
    if database.startswith("file:"):
        database = database[5:]
    return Path(database).expanduser()


def describe(url: str) -> str:
    """Where the data lives, for a message: the file, or the server and database name (never the password)."""
    path = sqlite_path(url)
    if path is not None:
        return str(path)
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return "base en mémoire"
    return f"{parsed.get_backend_name()}://{parsed.host or 'localhost'}/{parsed.database or ''}"


def make_engine(
    url: str, *, busy_timeout_ms: int = DEFAULT_BUSY_TIMEOUT_MS, foreign_keys: bool = True
) -> Engine:
    """``foreign_keys=False`` only for migrations: SQLite's table rebuilds would otherwise cascade deletes."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return _sqlite_engine(url, busy_timeout_ms, foreign_keys)
    connect_args: dict[str, Any] = {}
    if parsed.get_backend_name() == "postgresql":
        connect_args["connect_timeout"] = max(1, busy_timeout_ms // 1000)
    try:
        return create_engine(url, pool_pre_ping=True, connect_args=connect_args)
    except (ImportError, exc.NoSuchModuleError) as error:
        raise AtelierError(
            f"Le pilote de base de données « {parsed.drivername} » n’est pas installé. Pour PostgreSQL, "
            "installez l’option « postgres » d’Atelier Résilience (pilote psycopg) et utilisez une adresse "
            "postgresql://…",
            detail=str(error),
        ) from None


def _sqlite_engine(url: str, busy_timeout_ms: int, foreign_keys: bool) -> Engine:
    in_memory = sqlite_path(url) is None
    kwargs: dict[str, Any] = {"connect_args": {"timeout": busy_timeout_ms / 1000}}
    if in_memory:
        kwargs.update(poolclass=StaticPool, connect_args={"check_same_thread": False})
    engine = create_engine(url, **kwargs)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # SQLAlchemy emits BEGIN itself (see _on_begin)
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
            cursor.execute(f"PRAGMA foreign_keys = {'ON' if foreign_keys else 'OFF'}")
            cursor.execute("PRAGMA synchronous = FULL")
        finally:
            cursor.close()

    @event.listens_for(engine.pool, "checkin")
    def _on_checkin(dbapi_connection: Any, _record: Any) -> None:
        # A failed COMMIT (e.g. SQLITE_FULL) can leave SQLite's transaction open, and SQLAlchemy then skips
        # its reset: roll back here, or the next BEGIN on this connection would fail.
        if dbapi_connection is not None and dbapi_connection.in_transaction:
            dbapi_connection.rollback()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        write = connection.get_execution_options().get(WRITE_OPTION, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

    return engine


def enable_wal(engine: Engine) -> None:
    """Switch an SQLite file to WAL (persistent: once is enough). ``open_store`` does it only once the file is
    known to be ours: merely connecting must never rewrite a file that may be refused."""
    if engine.dialect.name != "sqlite" or sqlite_path(str(engine.url)) is None:
        return
    raw = engine.raw_connection()
    try:
        mode = raw.driver_connection.execute("PRAGMA journal_mode = WAL").fetchone()  # type: ignore[union-attr]
    finally:
        raw.close()
    if not mode or str(mode[0]).lower() != "wal":
        raise sqlite3.OperationalError(f"attempt to write a readonly database (journal_mode={mode})")


# -- errors: every database failure becomes one French sentence, here and nowhere else ----------------------

_NOTHING_LOST = "Ce qui était déjà enregistré n’est pas perdu."


def translate(error: BaseException, where: str) -> AtelierError:
    """A French :class:`AtelierError` for a database or file failure at ``where`` (a path or a server)."""
    if isinstance(error, AtelierError):
        return error
    original = getattr(error, "orig", None) or error
    text = str(original).lower()
    detail = f"{type(original).__name__}: {original}"
    if (isinstance(original, OSError) and original.errno == errno.ENOSPC) or "disk is full" in text:
        message = (
            f"Le disque est plein : la dernière saisie n’a pas pu être enregistrée dans « {where} ». "
            f"Libérez de la place puis recommencez. {_NOTHING_LOST}"
        )
    elif "disk i/o error" in text or (isinstance(original, OSError) and original.errno == errno.EIO):
        message = _io_error(where)
    elif "locked" in text or "busy" in text:
        message = (
            f"La base de données « {where} » est verrouillée par un autre programme (une autre fenêtre "
            f"d’Atelier Résilience ?). Fermez-le puis recommencez. {_NOTHING_LOST}"
        )
    elif "readonly" in text or "read-only" in text or _is_permission(original):
        message = (
            f"La base de données « {where} » est en lecture seule (fichier ou dossier protégé) : rien ne "
            "peut y être enregistré. Vérifiez les droits du fichier et de son dossier, ou choisissez "
            f"un autre emplacement. {_NOTHING_LOST}"
        )
    elif "not a database" in text or "malformed" in text or "corrupt" in text:
        message = (
            f"Le fichier « {where} » est endommagé ou n’est pas une base d’Atelier Résilience. "
            "Il n’a pas été modifié. Restaurez une sauvegarde."
        )
    elif "unable to open" in text:
        message = (
            f"Impossible d’ouvrir la base de données « {where} » : le dossier n’existe pas ou n’est pas "
            f"accessible."
        )
    elif isinstance(error, exc.IntegrityError):
        message = f"Enregistrement refusé par la base de données « {where} » (donnée en double ou manquante)."
    elif isinstance(error, exc.OperationalError | exc.InterfaceError) and not isinstance(
        original, sqlite3.Error
    ):
        message = (
            f"Impossible de joindre la base de données « {where} » (serveur arrêté, réseau coupé ou accès "
            f"refusé). {_NOTHING_LOST}"
        )
    else:
        message = f"Erreur de la base de données « {where} » : l’opération n’a pas été enregistrée."
    return AtelierError(message, detail=detail)


def _io_error(where: str) -> str:
    """SQLite says « disk I/O error » when its -shm file cannot grow on a full disk, and when the medium
    fails or is removed: tell which it is when the free space says so."""
    import shutil

    path = Path(where)
    folder = path.parent if path.suffix else path
    try:
        full = shutil.disk_usage(folder).free < 1024 * 1024
    except OSError:
        full = False
    if full:
        return (
            f"Le disque est plein : la base de données « {where} » ne peut plus être lue ni écrite (SQLite "
            f"a besoin d’un peu de place pour ses fichiers de travail). Libérez de la place puis "
            f"recommencez. {_NOTHING_LOST}"
        )
    return (
        f"Erreur de lecture ou d’écriture sur le disque de la base de données « {where} » (disque plein, "
        f"clé USB ou partage réseau retiré, support défectueux ?). Vérifiez le support et la place libre, "
        f"puis recommencez. {_NOTHING_LOST}"
    )


def _is_permission(error: BaseException) -> bool:
    return isinstance(error, PermissionError) or (
        isinstance(error, OSError) and error.errno in (errno.EACCES, errno.EPERM, errno.EROFS)
    )


@contextlib.contextmanager
def db_errors(where: str) -> Iterator[None]:
    """Re-raise any database or file-system failure inside the block as a French :class:`AtelierError`."""
    try:
        yield
    except AtelierError:
        raise
    except (exc.SQLAlchemyError, sqlite3.Error, OSError) as error:
        raise translate(error, where) from error
