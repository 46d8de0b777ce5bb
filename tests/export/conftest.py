"""Fixtures for the export tests: snapshots built without a database (see ``export_factory``)."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from export_factory import make_snapshot

from workshop_app.core.workshop import WorkshopSnapshot


@pytest.fixture(autouse=True)
def _invariant_pdf(monkeypatch: pytest.MonkeyPatch) -> None:
    """Byte-stable PDFs (no creation date, fixed ids) in every export test."""
    from reportlab import rl_config

    monkeypatch.setattr(rl_config, "invariant", 1)


@pytest.fixture
def workshop() -> tuple[WorkshopSnapshot, dict[str, bytes]]:
    return make_snapshot()


def pdf_text(path: Path | bytes) -> str:
    """All the text of a PDF, spaces normalised (no-break spaces → space, runs of whitespace → one space)."""
    import io

    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(path) if isinstance(path, bytes) else str(path))
    text = "\n".join(page.extract_text() or "" for page in reader.pages)
    text = text.replace("\u00a0", " ").replace("\u202f", " ")
    return re.sub(r"\s+", " ", text)
