"""Alembic's environment, run from code by :mod:`workshop_app.store.migrate` (no alembic.ini needed).

The caller passes an open connection in ``config.attributes["connection"]``; for a developer running the
``alembic`` command by hand, ``sqlalchemy.url`` in the config (or ATELIER_DATABASE_URL) is used instead.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from workshop_app.store.models import Base

config = context.config
target_metadata = Base.metadata


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    from workshop_app import paths
    from workshop_app.store.engine import make_engine

    url = config.get_main_option("sqlalchemy.url")
    if not url:
        paths.ensure_home()  # a developer's fresh ATELIER_HOME may not exist yet
        url = paths.default_database_url()
    engine = make_engine(url, foreign_keys=False)
    try:
        with engine.connect() as conn:
            _run(conn)
            conn.commit()
    finally:
        engine.dispose()


if context.is_offline_mode():
    context.configure(
        url=config.get_main_option("sqlalchemy.url"), target_metadata=target_metadata, literal_binds=True
    )
    with context.begin_transaction():
        context.run_migrations()
else:
    run_online()
