"""The start's light log handler: every record is on disk at once (a crash during the start is in the
log), and rotation keeps it small as ``RotatingFileHandler`` did, without importing ``logging.handlers``."""

from __future__ import annotations

import logging
from pathlib import Path

from workshop_app.ui.crash import RotatingLog


def _logger(handler: logging.Handler) -> logging.Logger:
    logger = logging.getLogger("test_start_log")
    logger.propagate = False
    logger.handlers = [handler]
    logger.setLevel(logging.INFO)
    return logger


def test_a_record_is_on_disk_at_once(tmp_path: Path) -> None:
    path = tmp_path / "atelier.log"
    handler = RotatingLog(path)
    try:
        _logger(handler).error("unexpected error\nTraceback: boom during the start")
        assert "boom during the start" in path.read_text(encoding="utf-8")  # not closed, already written
    finally:
        handler.close()


def test_the_log_rotates_and_keeps_three_older_files(tmp_path: Path) -> None:
    folder = tmp_path / "logs"
    folder.mkdir()
    path = folder / "atelier.log"
    handler = RotatingLog(path, max_bytes=200, backups=3)
    logger = _logger(handler)
    try:
        for index in range(60):
            logger.info("line %03d %s", index, "x" * 40)
    finally:
        handler.close()
    names = sorted(p.name for p in folder.iterdir())
    assert names == ["atelier.log", "atelier.log.1", "atelier.log.2", "atelier.log.3"]
    assert all(p.stat().st_size <= 200 + 60 for p in folder.iterdir())
    assert "line 059" in path.read_text(encoding="utf-8")  # the newest record is in the current file
    assert "line 000" not in "".join(p.read_text(encoding="utf-8") for p in folder.iterdir())


def test_the_stamps_utc_agrees_with_the_event_models() -> None:
    from datetime import UTC, datetime, timedelta, timezone

    from workshop_app.core.events import as_utc as events_utc
    from workshop_app.store.summary_stamp import as_utc

    paris = timezone(timedelta(hours=1))
    for moment in (datetime(2026, 12, 3, 1, 2, 3), datetime(2026, 12, 3, 1, 2, 3, tzinfo=paris)):
        assert as_utc(moment) == events_utc(moment) and as_utc(moment).tzinfo == UTC
