"""Builds the demonstration workshop in the background (it is idempotent: a second call finds it there)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from workshop_app.ui.tasks import TaskHandle, run_task

if TYPE_CHECKING:
    from workshop_app.services.api import WorkshopService


def start_demo(
    service: WorkshopService, on_done: Callable[[str], None], on_error: Callable[[BaseException], None]
) -> TaskHandle:
    def work(_report: Any) -> str:
        from workshop_app.store import create_demo_workshop

        return str(create_demo_workshop(service))

    return run_task(work, lambda workshop_id: on_done(str(workshop_id)), on_error)
