"""The sections of the compte-rendu, each a function from the build :class:`Context` to a list of flowables.

The document (:mod:`..document`) calls them in this order; each module holds one part of the document:
:mod:`.front` (cover, contents, method, timing and catalogue annexes), :mod:`.method` (the scoring rule and
the findings rule, in the deck's terms), :mod:`.results` (the compass), :mod:`.scores_annex` (the scores per
table), :mod:`.findings` (agreement), :mod:`.answers` (card by card, notes, action plan) and :mod:`.annex`.
The synthesis, the context and programme and the debrief are built as the document model
(:mod:`workshop_app.export.report`) and rendered by :mod:`..model_render`. :mod:`.common` holds the context
and the helpers they share.
"""

from __future__ import annotations

from workshop_app.export.pdf.sections.annex import annexes
from workshop_app.export.pdf.sections.answers import (
    actions_section,
    answers_section,
    notes_section,
)
from workshop_app.export.pdf.sections.common import Context, Heading, HeadingParagraph
from workshop_app.export.pdf.sections.findings import agreement_section
from workshop_app.export.pdf.sections.front import (
    SELF_ASSESSMENT,
    contents,
    cover,
    decks_section,
)
from workshop_app.export.pdf.sections.results import results_section

__all__ = [
    "SELF_ASSESSMENT",
    "Context",
    "Heading",
    "HeadingParagraph",
    "actions_section",
    "agreement_section",
    "annexes",
    "answers_section",
    "contents",
    "cover",
    "decks_section",
    "notes_section",
    "results_section",
]
