"""The compte-rendu (minutes) of a workshop as a PDF, built with reportlab platypus (no Qt).

Public entry: :func:`build_pdf` (atomic write to a file) and :func:`render_pdf` (bytes). Importing this
package
imports reportlab (~125 ms): import it lazily, when the user asks for an export.
"""

from __future__ import annotations

from workshop_app.export.pdf.document import FOOTER_NOTICE, build_pdf, preload, render_pdf
from workshop_app.export.pdf.sections import SELF_ASSESSMENT

__all__ = ["FOOTER_NOTICE", "SELF_ASSESSMENT", "build_pdf", "preload", "render_pdf"]
