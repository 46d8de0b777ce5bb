"""The compte-rendu as an editable Word document: :func:`build_docx` (file) and :func:`render_docx` (bytes).

python-docx is imported only here, when a DOCX is asked for.
"""

from workshop_app.export.docx.writer import build_docx, render_docx

__all__ = ["build_docx", "render_docx"]
