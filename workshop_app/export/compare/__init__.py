"""Comparison reports (evolution of one territory, cohort of several): PDF (:mod:`.pdf`), DOCX (:mod:`.docx`)
and one merged table, CSV/XLSX (:mod:`.tables`); the content is :mod:`.content` (document model blocks).

:func:`write_reports` writes any of them (each atomically), for the CLI and the app's export worker;
reportlab, python-docx and openpyxl load only for the files asked for. No Qt.
"""

from __future__ import annotations

from pathlib import Path

from workshop_app.core.compare_model import Comparison


def write_reports(
    comparison: Comparison,
    *,
    pdf: Path | None = None,
    docx: Path | None = None,
    csv: Path | None = None,
    xlsx: Path | None = None,
) -> list[tuple[str, Path]]:
    """Write the files asked for; returns (French description, path) for each, in that order."""
    written: list[tuple[str, Path]] = []
    if pdf is not None:
        from workshop_app.export.compare.pdf import build_compare_pdf

        build_compare_pdf(comparison, pdf)
        written.append(("Rapport", pdf))
    if docx is not None:
        from workshop_app.export.compare.docx import build_compare_docx

        build_compare_docx(comparison, docx)
        written.append(("Rapport modifiable", docx))
    if csv is not None or xlsx is not None:
        from workshop_app.export.compare import tables

        if csv is not None:
            tables.write_csv(comparison, csv)
            written.append(("Tableau (CSV)", csv))
        if xlsx is not None:
            tables.write_xlsx(comparison, xlsx)
            written.append(("Classeur (XLSX)", xlsx))
    return written
