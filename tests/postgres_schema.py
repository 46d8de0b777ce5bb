"""The PostgreSQL leg of the tests: when ``ATELIER_TEST_POSTGRES_URL`` is set (by CI's
scripts/ci-postgres.sh), each database fixture runs once more on a fresh schema of that server,
dropped afterwards."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

POSTGRES_URL = os.environ.get("ATELIER_TEST_POSTGRES_URL", "")
BACKENDS = ["sqlite"] + (["postgres"] if POSTGRES_URL else [])


def postgres_schema_url(prefix: str = "atelier_test") -> Iterator[str]:
    """A fresh schema on the test server; the URL sets ``search_path`` to it. Dropped afterwards."""
    from sqlalchemy import create_engine
    from sqlalchemy.engine import make_url

    schema = f"{prefix}_{uuid.uuid4().hex[:12]}"
    admin = create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
        url = make_url(POSTGRES_URL).update_query_dict({"options": f"-csearch_path={schema}"})
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
        admin.dispose()
