"""A plain DOCX of a workshop's compte-rendu content, written with the standard library (WordprocessingML in a
zip), for the LibreOffice anchor when the app has no ``atelier export --docx`` yet (python-docx is not
installed here). The same content as the PDF's body: the workshop's heading, per card a table of each
table's answer, argument and note, the strategy picks, the action plan. Not a product file: a benchmark input.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    "</Types>"
)
RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="word/document.xml"/></Relationships>'
)
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _p(text: str, size: int = 20, bold: bool = False) -> str:
    props = f'<w:rPr>{"<w:b/>" if bold else ""}<w:sz w:val="{size}"/></w:rPr>'
    return f'<w:p><w:r>{props}<w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'


def _table(rows: list[list[str]]) -> str:
    borders = "".join(
        f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="999999"/>'
        for side in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    out = [
        f'<w:tbl><w:tblPr><w:tblW w:w="5000" w:type="pct"/><w:tblBorders>{borders}</w:tblBorders></w:tblPr>'
    ]
    for i, row in enumerate(rows):
        cells = "".join(f"<w:tc>{_p(cell, 18, bold=i == 0)}</w:tc>" for cell in row)
        out.append(f"<w:tr>{cells}</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


def write_docx(snapshot: Any, target: Path) -> None:
    """``snapshot``: a WorkshopSnapshot."""
    from workshop_app.core.deck import QuestionDeck

    body = [_p(snapshot.info.title, 36, True), _p(f"{snapshot.info.territory} — {snapshot.info.place}", 22)]
    names = {g.id: g.name for g in snapshot.groups}
    notes: dict[tuple[str | None, str | None], str] = {}
    for event in snapshot.events:
        if event.kind.value == "note_added":
            notes[(event.group_id, event.card_id)] = str(event.payload.get("text", ""))
    state = snapshot.state()
    for sequence in snapshot.sequences:
        body.append(_p(sequence.title or sequence.deck.title, 30, True))
        seq_state = state.sequences.get(sequence.id)
        deck = sequence.deck
        if isinstance(deck, QuestionDeck):
            labels = {o.id: o.label for o in deck.scale}
            for card in deck.cards:
                body.append(_p(card.title, 24, True))
                rows = [["Table", "Réponse", "Argument", "Note"]]
                for group in snapshot.groups:
                    answer = seq_state.answers.get((group.id, card.id)) if seq_state else None
                    option = getattr(answer, "option", "") if answer else ""
                    argument = getattr(answer, "argument", "") if answer else ""
                    rows.append(
                        [
                            names[group.id],
                            labels.get(option, "—"),
                            argument,
                            notes.get((group.id, card.id), ""),
                        ]
                    )
                body.append(_table(rows))
        else:
            rows = [["Table", "Cartes choisies"]]
            for group in snapshot.groups:
                picked = seq_state.picks.get(group.id, ()) if seq_state else ()
                rows.append([names[group.id], ", ".join(deck.card(c).title for c in picked)])
            body.append(_table(rows))
    body.append(_p("Plan d'action", 30, True))
    rows = [["Action", "Porteur", "Échéance"]]
    for action in snapshot.actions:
        rows.append([action.action, action.owner, action.deadline.isoformat() if action.deadline else ""])
    body.append(_table(rows))
    document = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W}"><w:body>'
        + "".join(body)
        + '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" '
        'w:left="1134" w:header="0" w:footer="0" w:gutter="0"/></w:sectPr></w:body></w:document>'
    )
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("_rels/.rels", RELS)
        z.writestr("word/document.xml", document)
