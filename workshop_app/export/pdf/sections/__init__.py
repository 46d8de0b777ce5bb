"""The sections of the compte-rendu, each a function from the build :class:`Context` to a list of flowables.

The document (:mod:`..document`) calls them in this order; each module holds one part of the document:
:mod:`.front` (cover, contents, context, programme, decks), :mod:`.results` (the compass), :mod:`.findings`
(strengths, vulnerabilities, agreement), :mod:`.answers` (card by card, notes, debrief, action plan) and
:mod:`.annex`. :mod:`.common` holds the context and the helpers they share.
"""

from __future__ import annotations

from workshop_app.export.pdf.sections.annex import annexes
from workshop_app.export.pdf.sections.answers import (
    actions_section,
    answers_section,
    debrief_section,
    notes_section,
)
from workshop_app.export.pdf.sections.common import Context, Heading, HeadingParagraph
from workshop_app.export.pdf.sections.findings import agreement_section, findings_section
from workshop_app.export.pdf.sections.front import (
    SELF_ASSESSMENT,
    contents,
    context_section,
    cover,
    decks_section,
    programme_section,
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
    "context_section",
    "cover",
    "debrief_section",
    "decks_section",
    "findings_section",
    "notes_section",
    "programme_section",
    "results_section",
]
