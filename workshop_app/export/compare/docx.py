"""The evolution or cohort report as DOCX: the PDF's very story (:mod:`.pdf`), walked into Word blocks by the
compte-rendu's walker (:mod:`workshop_app.export.docx.story`) and written by its writer. No Qt."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from workshop_app.core.atomic import write_bytes_atomic
from workshop_app.core.compare_model import Comparison
from workshop_app.core.workshop import WorkshopInfo, WorkshopSnapshot
from workshop_app.export.compare import content


def render_compare_docx(comparison: Comparison) -> bytes:
    from workshop_app.export.compare.pdf import story
    from workshop_app.export.docx.story import blocks_of
    from workshop_app.export.docx.writer import render_docx
    from workshop_app.export.pdf.fonts import register_fonts

    register_fonts()
    blocks = blocks_of(story(comparison))
    title, _ = content.heading(comparison)
    dated = [p.date for p in comparison.profiles if p.date]
    last: date | None = max(dated) if dated else None
    # the writer takes its header, dates and properties from a workshop: one named after the comparison
    info = WorkshopInfo(id="comparaison", title=title, date=last, facilitators="")
    return render_docx(WorkshopSnapshot(info), {}, anonymise=comparison.anonymised, blocks=blocks)


def build_compare_docx(comparison: Comparison, target: Path) -> None:
    """Write the editable report to ``target``, atomically."""
    write_bytes_atomic(Path(target), render_compare_docx(comparison))
