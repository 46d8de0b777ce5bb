"""What the synthesis says of the subjects a deck rated (projects, services): the key fact in one phrase, the
comparison as a small table, and the strengths and vulnerabilities named with their subject and read on the
deck's own scale (« Friche de la gare : Anticipation – Veille (−1,5) »), never on 100 for a −2…+2 deck.

The proposals follow ``core.subjects``' verdicts; the facilitator's own lines, when the debrief has them,
replace them as for any other deck (``synthesis.findings_block``)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from workshop_app.core.subject_findings import shared_findings, subject_findings
from workshop_app.core.subjects import SubjectMatrix, is_subject_deck, subject_matrices, subject_sequences
from workshop_app.core.workshop import SequenceInfo, WorkshopSnapshot
from workshop_app.export.french import plural, quote
from workshop_app.export.report.model import TableBlock

Text = Callable[[str], str]
MAX_TABLE_SUBJECTS = 6  # the synthesis' table; the body's comparison has them all
MAX_NAMED = 4  # subjects named in the key facts' sentence
__all__ = ["shared_findings", "subject_findings"]  # (they live in core, for the debrief's proposals too)


def matrices(snapshot: WorkshopSnapshot) -> list[SubjectMatrix]:
    if not subject_sequences(snapshot.sequences):  # no deck rates subjects: the log is not folded for it
        return []
    state = snapshot.state()
    groups = [g.id for g in sorted(snapshot.groups, key=lambda g: g.position)]
    return [m for m in subject_matrices(snapshot.sequences, state, groups) if m.columns]


def played_phrases(sequences: Sequence[SequenceInfo], played: Callable[[SequenceInfo], str]) -> list[str]:
    """``played(seq)`` for each sequence, but one phrase per deck that rates subjects: « passé en revue
    3 projets (Friche de la gare, …) avec le jeu « Cotation de projet » »."""
    out: list[str] = []
    seen: set[str] = set()
    for seq in sequences:
        deck = seq.deck
        if not is_subject_deck(deck):
            out.append(played(seq))
            continue
        if deck.id in seen:
            continue
        seen.add(deck.id)
        same = [s for s in sequences if s.deck.id == deck.id]
        subject = deck.subject  # type: ignore[union-attr]
        assert subject is not None
        shown = [s.display_title for s in same[:MAX_NAMED]]
        more = len(same) - len(shown)
        names = ", ".join(shown) + (f" et {plural(more, 'autre', 'autres')}" if more else "")
        what = plural(len(same), subject.label.lower(), subject.plural.lower())
        title = deck.title if "«" in deck.title else quote(deck.title)
        out.append(f"passé en revue {what} ({names}) avec le jeu {title}")
    return out


def comparison_table(matrix: SubjectMatrix, text: Text) -> TableBlock:
    """Rows: the subjects (at most six); columns: the principles' (criteria's) names, with the values; for a
    decision grid, the rows in ranking order with their rank."""
    from workshop_app.core.criteria import ranking

    columns = list(matrix.columns)
    ranks: dict[str, str] = {}
    if matrix.deck.cobuilt is not None:
        ranked = ranking(matrix)
        columns = [r.sequence for r in ranked]
        ranks = {
            r.sequence.id: "—" if r.score is None else f"{r.rank} ({matrix.text(r.score)})" for r in ranked
        }
    columns = columns[:MAX_TABLE_SUBJECTS]
    header = [matrix.subject.label, *[r.label if not r.code else r.code for r in matrix.rows]]
    rows = [
        [text(c.display_title), *[matrix.text(matrix.cell(r.target_id, c.id).value) for r in matrix.rows]]
        for c in columns
    ]
    if ranks:
        header.append("Rang (note)")
        rows = [[*row, ranks[c.id]] for row, c in zip(rows, columns, strict=True)]
    n = len(header) - 1
    first = 0.13 if n >= 6 else min(0.4, 1 - n * 0.15)
    widths = [first] + [(1 - first) / n] * n
    title = f"Comparaison des {matrix.subject.plural.lower()} ({scale_words(matrix)})"
    return TableBlock(header, rows, widths, "l" + "c" * n, title)


def scale_words(matrix: SubjectMatrix) -> str:
    """« de −2 à +2, 0 = neutre », « de 0 à 3 » or « sur 100 »."""
    if not matrix.signed:
        return "sur 100"
    lo, hi = matrix.bounds
    span = f"de {matrix.text(lo)} à {matrix.text(hi)}"
    return f"{span}, 0 = neutre" if lo < 0 else span
