"""Keeps the open workshop's life up to date (rules in :mod:`workshop_app.services.workshop_life`): its status
follows play and export, and its running timers are stopped when it is closed, the app quits, or its archive
is written."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from workshop_app.core.errors import AtelierError

if TYPE_CHECKING:  # the event model (uuid, json: ~5 ms) is imported once a workshop is played, not at start
    from workshop_app.core.events import Event, EventKind
    from workshop_app.ui.session import WorkshopSession


class WorkshopLife(QObject):
    def on_event(self, session: WorkshopSession, event: Event) -> None:
        self._advance(session, event.kind)

    def on_exported(self, session: WorkshopSession | None, path: str) -> None:
        if session is not None and path.lower().endswith(".pdf"):
            from workshop_app.services.workshop_life import EXPORTED

            self._advance(session, EXPORTED)

    def _advance(self, session: WorkshopSession, what: EventKind | str) -> None:
        from workshop_app.services.workshop_life import status_after

        info = session.snapshot.info
        new = status_after(info.status, what)
        if new is None:
            return
        try:
            session.service.update_workshop(session.workshop_id, status=new.value)
        except AtelierError as error:
            session.sig_error.emit(str(error))
            return
        session.patch_snapshot(info=replace(info, status=new))

    @staticmethod
    def stop_timers(session: WorkshopSession | None) -> int:
        """Record a stop for every running timer of the workshop (quitting, closing, writing its archive)."""
        if session is None:
            return 0
        from workshop_app.services.workshop_life import stop_running_timers

        return stop_running_timers(session.record, session.events)
