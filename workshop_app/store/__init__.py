"""Storage: SQLAlchemy models, the :class:`WorkshopStore` service, Alembic migrations, the demo workshop.

Knows the core's types; never imports Qt. Importing this package is cheap: SQLAlchemy is loaded on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from workshop_app.store.demo import create_demo_workshop
    from workshop_app.store.service import WorkshopStore, open_store

__all__ = ["WorkshopStore", "create_demo_workshop", "open_store"]


def __getattr__(name: str) -> Any:
    if name in ("WorkshopStore", "open_store"):
        from workshop_app.store import service

        return getattr(service, name)
    if name == "create_demo_workshop":
        from workshop_app.store.demo import create_demo_workshop

        return create_demo_workshop
    raise AttributeError(name)
