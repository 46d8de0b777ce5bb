"""reportlab's attribute checks switched off while our code builds a chart.

``rl_config.shapeChecking`` (reportlab's documented speed switch) validates every attribute set on a
graphics shape: a full day's 31 charts set ~17,000 of them, ~6 ms of the story. Our chart code is tested
and its drawings are rendered by every export test, so :func:`unchecked` turns the validation off for the
call of a chart builder only, not for the process: reportlab's default is left as it is outside (another
thread's builder nests: the switch is restored when the last one returns).
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable
from typing import ParamSpec, TypeVar

from reportlab import rl_config

P = ParamSpec("P")
R = TypeVar("R")

_lock = threading.Lock()
_state = {"depth": 0, "saved": 1}


def unchecked(build: Callable[P, R]) -> Callable[P, R]:
    """``build`` run with reportlab's shape attribute checks off."""

    @functools.wraps(build)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        with _lock:
            if _state["depth"] == 0:
                _state["saved"] = rl_config.shapeChecking
                rl_config.shapeChecking = 0
            _state["depth"] += 1
        try:
            return build(*args, **kwargs)
        finally:
            with _lock:
                _state["depth"] -= 1
                if _state["depth"] == 0:
                    rl_config.shapeChecking = _state["saved"]

    return run
