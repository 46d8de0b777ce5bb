"""How the compte-rendu's PDF is written: atomically (a failure midway leaves the previous file and no
temporary), and with a progress that only goes forward, completes, and is not reported too often."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from export_factory import make_snapshot

from workshop_app.core.errors import AtelierError
from workshop_app.export.pdf import build_pdf


def test_atomic_failure_midway_leaves_previous_file_and_no_temp(tmp_path: Path) -> None:
    snapshot, photos = make_snapshot(n_groups=2, n_cards=3)
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    target = tmp_path / "cr.pdf"
    target.write_bytes(b"previous")

    class Stop(Exception):
        pass

    seen: list[float] = []

    def progress(fraction: float, message: str) -> None:
        seen.append(fraction)
        if fraction > 0.5:
            raise Stop

    with pytest.raises(Stop):
        build_pdf(snapshot, photos, target, progress=progress)
    assert target.read_bytes() == b"previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cr.pdf"]
    # a failure while writing (disk full…) leaves the previous file too
    import workshop_app.core.atomic as atomic

    real_fsync = os.fsync

    def broken_fsync(fd: int) -> None:
        raise OSError(28, "No space left on device")

    atomic.os.fsync = broken_fsync  # type: ignore[attr-defined]
    try:
        with pytest.raises(AtelierError, match="disque est plein"):
            build_pdf(snapshot, photos, target)
    finally:
        atomic.os.fsync = real_fsync  # type: ignore[attr-defined]
    assert target.read_bytes() == b"previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cr.pdf"]


def test_new_target_not_created_on_failure(tmp_path: Path) -> None:
    snapshot, photos = make_snapshot(n_groups=2, n_cards=3)
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()

    def progress(fraction: float, message: str) -> None:
        if fraction > 0.2:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        build_pdf(snapshot, photos, tmp_path / "new.pdf", progress=progress)
    assert list(tmp_path.iterdir()) == []


def test_progress_is_monotonic_and_completes(tmp_path: Path) -> None:
    snapshot, photos = make_snapshot(n_groups=2, n_cards=3)
    seen: list[tuple[float, str]] = []
    build_pdf(snapshot, photos, tmp_path / "cr.pdf", progress=lambda f, m: seen.append((f, m)))
    fractions = [f for f, _ in seen]
    assert fractions[0] == 0.0 and fractions[-1] == 1.0
    assert fractions == sorted(fractions)
    assert all(isinstance(m, str) and m for _, m in seen)
    assert len(seen) <= 110


def test_progress_within_a_step_is_reported_at_most_twenty_times_a_second(tmp_path: Path) -> None:
    # each call repaints the app's modal progress dialog on the GUI thread, which takes the GIL from the build
    import itertools
    import time

    from workshop_app.export.pdf.document import REPORT_EVERY_S

    snapshot, photos = make_snapshot(n_groups=12, n_cards=33, notes_per_answer=True)
    seen: list[tuple[float, float, str]] = []
    target = tmp_path / "cr.pdf"
    build_pdf(snapshot, photos, target, progress=lambda f, m: seen.append((time.monotonic(), f, m)))
    assert [f for _, f, _ in seen] == sorted(f for _, f, _ in seen) and seen[-1][1] == 1.0
    steps = [m for _, _, m in seen]
    assert "Mise en page" in steps and steps.count("Mise en page") > 3  # still moving while laying out
    for (before, _, step), (after, fraction, next_step) in itertools.pairwise(seen):
        if next_step == step and fraction < 1.0:
            assert after - before >= REPORT_EVERY_S
