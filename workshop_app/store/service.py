"""The store: :class:`WorkshopStore` implements :class:`workshop_app.services.api.WorkshopService`.

Open it with :func:`open_store`, which finds the database, applies SQLite's settings, copies an old database
aside and migrates it, then hands back a ready store.
"""

from __future__ import annotations

from workshop_app.core.errors import AtelierError
from workshop_app.services.api import WorkshopService
from workshop_app.store.cobuilt import CoBuiltMixin
from workshop_app.store.conflicts import ConflictsMixin
from workshop_app.store.engine import (
    DEFAULT_BUSY_TIMEOUT_MS,
    check_url,
    db_errors,
    describe,
    make_engine,
    sqlite_path,
)
from workshop_app.store.extras import ExtrasMixin
from workshop_app.store.planning import PlanningMixin
from workshop_app.store.play import PlayMixin
from workshop_app.store.reading import ReadingMixin
from workshop_app.store.territory_store import TerritoriesMixin
from workshop_app.store.transfer import TransferMixin


class WorkshopStore(
    PlanningMixin,
    PlayMixin,
    ReadingMixin,
    TerritoriesMixin,
    ExtrasMixin,
    TransferMixin,
    ConflictsMixin,
    CoBuiltMixin,
):
    """Each method runs in its own transaction and commits before returning; failures are AtelierErrors."""

    def __enter__(self) -> WorkshopStore:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def open_store(
    url: str | None = None,
    *,
    busy_timeout_ms: int = DEFAULT_BUSY_TIMEOUT_MS,
    read_only_if_damaged: bool = False,
    author: str = "",
) -> WorkshopStore:
    """Open (create or migrate if needed) the database at ``url`` (default: ``paths.default_database_url()``).

    For an SQLite file, its folder is created. A database behind the current schema is first copied to
    :func:`paths.backups_dir`; one written by a newer version of the app is refused, untouched. ``author``:
    the device id written into recorded events (default: this data folder's, ``paths.device_id``). A damaged
    SQLite file (see ``store.integrity``) is copied aside and refused with a ``DamagedDatabaseError``, or,
    with ``read_only_if_damaged``, opened read-only as a ``DamagedStore`` (the rescue reads it that way).
    """
    from workshop_app import paths
    from workshop_app.store.migrate import prepare_database

    url = url or paths.default_database_url()
    check_url(url)
    where = describe(url)
    path = sqlite_path(url)
    if path is not None:
        folder = path.parent
        problem = "" if folder.is_dir() else paths.folder_problem(folder, "Le dossier de la base de données")
        if problem:  # ATELIER_HOME names a file, /dev/null, or a path under a file
            raise AtelierError(problem)
        with db_errors(where):
            path.parent.mkdir(parents=True, exist_ok=True)
    engine = make_engine(url, busy_timeout_ms=busy_timeout_ms)
    try:
        prepare_database(engine, url)
    except BaseException as error:
        engine.dispose()
        from workshop_app.store.damaged import DamagedDatabaseError, open_damaged

        if read_only_if_damaged and path is not None and isinstance(error, DamagedDatabaseError):
            return open_damaged(path, error)
        raise
    store = WorkshopStore(engine, url, author)
    from workshop_app.store.summaries import fill_missing

    fill_missing(store)  # after an upgrade to 0006: while the database opens, not on the first listing
    return store


def as_service(store: WorkshopStore) -> WorkshopService:
    """The store typed as the service: mypy checks here that WorkshopStore implements the protocol."""
    return store
