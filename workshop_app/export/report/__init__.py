"""The compte-rendu as a document model: what it says, independent of the file format (no reportlab, no
python-docx, no Qt). The PDF (:mod:`workshop_app.export.pdf`) renders it; a DOCX renderer can render the
same model.

API
    :func:`.body.document` ``(snapshot, findings, readings, state, text, lever_label)`` → the sections in the
        PDF's order: the synthesis, context and programme, results, agreement, debrief, action plan (the
        method and the annexes are, for now, the PDF's own flowables). ``state``: ``snapshot.state()``.

    :func:`.synthesis.synthesis` ``(snapshot, findings, readings, text, lever_label, max_actions=None)``
        → :class:`.model.Section` « Synthèse »: the key facts, the room's compass, strengths and
        vulnerabilities with who wrote them, agreement and disagreement read in sentences, the strategies
        most tables chose, the action plan. Arguments:

        * ``findings``: :func:`workshop_app.core.findings.compute` ``(snapshot)``;
        * ``readings``: ``{sequence id: snapshot.compass(sequence id)}``;
        * ``text``: ``Anonymiser(snapshot.participants, anonymise, snapshot.info.facilitators).text``
          (identity when not anonymising);
        * ``lever_label``: ``lambda lever: workshop_app.export.analysis.lever_label(snapshot, lever)``.

    Building blocks, also used by the PDF's body: :func:`.synthesis.findings_block`,
    :func:`.synthesis.agreement_sentences`, :func:`.synthesis.strategy_sentences`,
    :func:`.synthesis.room_radar`, :func:`.synthesis.lever_bars`, :func:`.synthesis.action_table`.

Model (:mod:`.model`, frozen dataclasses)
    ``Section(title, blocks, level=1, numbered=True, subsections=())`` holding blocks:
    ``Para(text, style, title)`` (style: body, lead, muted, caption, boxed) · ``Bullets(items, title)`` ·
    ``Findings(strengths, vulnerabilities, caption)`` of ``Line(text, origin, note)`` · ``TableBlock(header,
    rows, widths, align, title)`` (widths: fractions of the text width) · ``RadarChart(axes, series, caption,
    middle, height_cm)`` of ``Serie(name, colour, values, room)`` (values on 0–100, None = not answered;
    ``middle``: a strategy chart, 50 = « sans effet » must be marked) · ``BarChart(bars, caption)`` of
    ``Bar(label, group, colour, value)`` (already sorted from strength to vulnerability).

Kinds of deck (:mod:`.kinds`)
    What the figures are, derived from the decks played (self-assessment, the tables' opinion of the subjects
    a deck rates, a strategy game's expected effects): the cover's « À lire avant tout »
    (:func:`.kinds.reading_notice`), the running footer (:func:`.kinds.footer_notice`), the results' first
    line and captions, the method's closing sentence.

Text (:mod:`.text`)
    Every string of the model is plain text; a renderer passes it through :func:`.text.french` (one
    apostrophe ’, the point médian only when inclusive writing is on, set with :func:`.text.writing`).
    Scores are written « 60/100 » (:func:`workshop_app.core.findings.score_text`).
"""

from __future__ import annotations
