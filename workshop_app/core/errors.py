"""Errors meant for a person: ``str()`` is a French sentence that a dialog or the CLI shows as it is."""

from __future__ import annotations


class AtelierError(Exception):
    """A failure the user can act on. ``detail`` may hold technical text for the log, never for the dialog."""

    def __init__(self, message: str, *, detail: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.detail = detail

    def __str__(self) -> str:
        return self.message
