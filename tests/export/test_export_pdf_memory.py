"""The compte-rendu's layout: nothing of it outlives the export (the caller collects it, after the file)."""

from __future__ import annotations

import gc
from pathlib import Path

from export_factory import make_snapshot, pdf_text

from workshop_app.export.pdf import build_pdf
from workshop_app.export.pdf.document import AtelierDocTemplate
from workshop_app.export.pdf.sections.common import Context


def test_nothing_keeps_the_layout_once_the_file_is_written(tmp_path: Path) -> None:
    """The build does not collect (the user waits for it; the app collects afterwards, ``ExportFlow.tidy``),
    but nothing holds the document, its canvas or the story's context either: one collection frees them."""
    target = tmp_path / "cr.pdf"
    snapshot, photos = make_snapshot(n_groups=4, n_cards=6)
    gc.collect()
    gc.disable()  # the counts below are what the build left, not what an automatic collection kept
    try:
        build_pdf(snapshot, photos, target)
        left = [isinstance(o, AtelierDocTemplate) for o in gc.get_objects()]
        assert any(left)  # garbage, not collected yet: the build really leaves the collection to its caller
        del left
        gc.collect()
        objects = gc.get_objects()
        assert sum(isinstance(o, AtelierDocTemplate) for o in objects) == 0
        assert sum(isinstance(o, Context) for o in objects) == 0
        del objects
    finally:
        gc.enable()
    assert "Sommaire" in pdf_text(target)  # a real PDF, read back
