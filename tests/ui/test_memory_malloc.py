"""glibc malloc tuning: one arena at start, freed pages given back after an export; never breaks elsewhere."""

from __future__ import annotations

import ctypes
import sys

import pytest

from workshop_app.ui import memory


def test_tuning_works_on_this_linux_and_the_process_keeps_allocating() -> None:
    if not sys.platform.startswith("linux") or memory._glibc() is None:
        pytest.skip("glibc only")
    assert memory.limit_malloc_arenas() is True
    assert memory.give_back_freed() is True
    blocks = [bytearray(1 << 16) for _ in range(200)]  # malloc still serves after both calls
    assert sum(len(b) for b in blocks) == 200 << 16


def test_not_glibc_means_nothing_done(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(memory.sys, "platform", "darwin")
    assert memory._glibc() is None
    assert memory.limit_malloc_arenas() is False
    assert memory.give_back_freed() is False


def test_a_libc_without_the_glibc_functions_is_left_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    class Musl:  # musl's libc: no gnu_get_libc_version, no mallopt
        pass

    monkeypatch.setattr(ctypes, "CDLL", lambda _name: Musl())
    assert memory._glibc() is None
    assert memory.limit_malloc_arenas() is False
    assert memory.give_back_freed() is False


def test_no_libc_at_all_is_left_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    def missing(_name: object) -> ctypes.CDLL:
        raise OSError("no libc")

    monkeypatch.setattr(ctypes, "CDLL", missing)
    assert memory.limit_malloc_arenas() is False
    assert memory.give_back_freed() is False
