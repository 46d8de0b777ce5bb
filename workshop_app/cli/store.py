"""Sub-commands of this area are registered here (filled in by its issue)."""

from __future__ import annotations

from typing import Any


def register(subparsers: Any) -> None:
    """No sub-command yet."""
