"""Raw answers a cohort can merge, as CSV (for French Excel) and XLSX (:mod:`.tabular_xlsx`), written
atomically.

One row per table × card for questions decks (unanswered included, with an empty « réponse »), one row per
table × retained card for strategy decks (« réponse » = « retenue »). Every row says where it comes from, so
that the files of several workshops (the cities of a cohort) can be stacked and pivoted as they are:

territoire, type de territoire, date (AAAA-MM-JJ), atelier (title), identifiant atelier, séquence, jeu (deck
title and version), carte (id), titre, leviers (the levers or axes the card informs, « 1.1 Assurer… ; 3.3… »;
for a strategy card the axes it moves, with the effect), table, réponse (the scale label), valeur, sens de la
valeur (« niveau de maturité (0 à 4) » or « coût (points) »: the two never mix in one pivot), score sur 100
(the answer on the 0–100 scale of the compass; empty for « non concerné » and strategy picks), argument,
notes (the notes taken about this table on this card, « | » between them; notes marked « hors
compte-rendu » are never exported), horodatage (Paris time, « AAAA-MM-JJ HH:MM:SS », which Excel reads
as a date and time).

CSV: UTF-8 with BOM, ``;`` separator, CRLF line ends, every field quoted when needed, columns always in this
order (the byte-for-byte comparisons of merged workshops rely on it). No-break spaces become plain spaces
(a filter typed in Excel must match). Free-text cells that a spreadsheet would read as a formula (starting
with ``=``, ``+``, ``-``, ``@``) get a leading apostrophe.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from workshop_app.core.atomic import write_bytes_atomic
from workshop_app.core.deck import QuestionDeck, StrategyDeck
from workshop_app.core.state import Note, WorkshopState
from workshop_app.core.workshop import WorkshopSnapshot
from workshop_app.export import analysis
from workshop_app.export.anonymise import Anonymiser, for_export
from workshop_app.export.french import local

COLUMNS = (
    "territoire",
    "type de territoire",
    "date",
    "atelier",
    "identifiant atelier",
    "séquence",
    "jeu",
    "carte",
    "titre",
    "leviers",
    "table",
    "réponse",
    "valeur",
    "sens de la valeur",
    "score sur 100",
    "argument",
    "notes",
    "horodatage",
)
SEPARATOR = ";"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_SPACES = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2007": " "})


@dataclass(frozen=True)
class CohortRow:
    """One exported row: the raw answer and where it comes from."""

    territory: str
    territory_kind: str
    day: str  # AAAA-MM-JJ
    workshop: str
    workshop_id: str
    raw: analysis.RawRow
    levers: str
    value_meaning: str
    score: float | None  # 0–100
    notes: str

    @property
    def moment(self) -> datetime | None:
        """The time of the answer, Paris time, without zone (what a spreadsheet stores)."""
        if self.raw.at is None:
            return None
        return local(self.raw.at).replace(microsecond=0, tzinfo=None)

    def values(self) -> list[str | float | datetime | None]:
        r = self.raw
        return [
            self.territory,
            self.territory_kind,
            self.day,
            self.workshop,
            self.workshop_id,
            r.sequence,
            r.deck,
            r.card_id,
            r.card_title,
            self.levers,
            r.group,
            r.response,
            r.value,
            self.value_meaning,
            self.score,
            r.argument,
            self.notes,
            self.moment,
        ]


def plain(text: str) -> str:
    return text.translate(_SPACES)


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def _levers(deck: QuestionDeck | StrategyDeck, card_id: str) -> str:
    if isinstance(deck, QuestionDeck):
        card = next((c for c in deck.cards if c.id == card_id), None)
        if card is None:
            return ""
        return " ; ".join(analysis.target_label(deck, link.lever) for link in card.informs)
    try:
        pick = deck.card(card_id)
    except KeyError:
        return ""
    return " ; ".join(
        f"{analysis.target_label(deck, axis)} {'+' if effect > 0 else '−'}{abs(effect)}"
        for axis, effect in pick.effects.items()
        if effect
    )


def _meaning(deck: QuestionDeck | StrategyDeck) -> str:
    if isinstance(deck, QuestionDeck):
        return f"niveau de maturité ({_number(deck.scale_min)} à {_number(deck.scale_max)})"
    return f"coût ({deck.strategy.budget_unit})"


def cohort_rows(snapshot: WorkshopSnapshot, *, anonymise: bool = False) -> list[CohortRow]:
    """The rows of the CSV and of the XLSX answer sheets (notes « hors compte-rendu » left out)."""
    snapshot = for_export(snapshot, anonymise)
    anonymiser = Anonymiser(snapshot.participants, anonymise, snapshot.info.facilitators)
    state = snapshot.state()
    info = snapshot.info
    decks = {s.id: s.deck for s in snapshot.sequences}
    notes = _notes_by_table_and_card(state)
    out: list[CohortRow] = []
    for r in analysis.raw_rows(snapshot, state, anonymiser):
        deck = decks[r.sequence_id]
        score = None
        if isinstance(deck, QuestionDeck) and r.value is not None and deck.scale_max > deck.scale_min:
            score = round(100.0 * (r.value - deck.scale_min) / (deck.scale_max - deck.scale_min), 1)
        texts = notes.get((r.sequence_id, r.group_id, r.card_id), [])
        out.append(
            CohortRow(
                territory=plain(info.territory),
                territory_kind=plain(info.territory_kind),
                day=info.date.isoformat() if info.date else "",
                workshop=plain(anonymiser.text(info.title)),
                workshop_id=info.id,
                raw=analysis.RawRow(
                    r.sequence_id,
                    plain(r.sequence),
                    plain(r.deck),
                    r.card_id,
                    plain(r.card_title),
                    r.group_id,
                    plain(r.group),
                    plain(r.response),
                    r.value,
                    plain(r.argument),
                    r.at,
                ),
                levers=plain(_levers(deck, r.card_id)),
                value_meaning=_meaning(deck),
                score=score,
                notes=" | ".join(plain(anonymiser.text(t)) for t in texts),
            )
        )
    return out


def _notes_by_table_and_card(state: WorkshopState) -> dict[tuple[str, str, str], list[str]]:
    out: dict[tuple[str, str, str], list[str]] = {}
    for sequence_id, seq_state in state.sequences.items():
        note: Note
        for note in seq_state.notes:
            if note.group_id and note.card_id and note.text.strip():
                out.setdefault((sequence_id, note.group_id, note.card_id), []).append(note.text.strip())
    return out


def _csv_text(value: str) -> str:
    return "'" + value if value.startswith(_FORMULA_START) else value


def _csv_cell(value: str | float | datetime | None) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, int | float):
        return _number(float(value)).replace(".", ",")
    return _csv_text(value)


def csv_bytes(snapshot: WorkshopSnapshot, *, anonymise: bool = False) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=SEPARATOR, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for row in cohort_rows(snapshot, anonymise=anonymise):
        writer.writerow([_csv_cell(v) for v in row.values()])
    return buffer.getvalue().encode("utf-8-sig")


def write_csv(snapshot: WorkshopSnapshot, target: Path, *, anonymise: bool = False) -> None:
    """The raw answers as CSV (UTF-8 with BOM, ``;``), written atomically."""
    write_bytes_atomic(Path(target), csv_bytes(snapshot, anonymise=anonymise))


def xlsx_bytes(snapshot: WorkshopSnapshot, *, anonymise: bool = False) -> bytes:
    from workshop_app.export.tabular_xlsx import workbook_bytes

    return workbook_bytes(snapshot, anonymise=anonymise)


def write_xlsx(snapshot: WorkshopSnapshot, target: Path, *, anonymise: bool = False) -> None:
    """The raw answers, the compass, the action plan, the notes and the participants as an Excel workbook,
    written atomically."""
    write_bytes_atomic(Path(target), xlsx_bytes(snapshot, anonymise=anonymise))
