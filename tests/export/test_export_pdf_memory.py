"""The compte-rendu's layout is released before the file is written: nothing of it outlives the export."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest
from export_factory import make_snapshot, pdf_text

import workshop_app.export.pdf.document as document
from workshop_app.export.pdf import build_pdf
from workshop_app.export.pdf.document import AtelierDocTemplate
from workshop_app.export.pdf.sections.common import Context


def test_the_layout_is_garbage_collected_before_the_file_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    original = document.write_bytes_atomic
    alive: list[tuple[int, int]] = []

    def spy(target: Path, data: bytes) -> None:
        objects = gc.get_objects()
        alive.append((
            sum(isinstance(o, AtelierDocTemplate) for o in objects),
            sum(isinstance(o, Context) for o in objects),
        ))
        original(target, data)

    monkeypatch.setattr(document, "write_bytes_atomic", spy)
    target = tmp_path / "cr.pdf"
    snapshot, photos = make_snapshot(n_groups=4, n_cards=6)
    build_pdf(snapshot, photos, target)
    assert alive == [(0, 0)]  # neither the document nor the story's context outlives the layout
    assert "Sommaire" in pdf_text(target)  # a real PDF, read back
