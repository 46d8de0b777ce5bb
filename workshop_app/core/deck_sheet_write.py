"""Write a deck (or an empty template) as a workbook a facilitator understands. Qt-free.

One sheet each for the deck, the compass, the scale, the cards (and the effects of a strategy deck), the
sections and the named subsets; headers in French; an explanation sheet built from the schema's own field
descriptions; drop-down lists for lever ids, delays, sources… Read back by :mod:`deck_sheet_read`, a deck
comes back unchanged. Text is always written as text: a title starting with « = » never becomes a formula.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils.exceptions import IllegalCharacterError
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from workshop_app.core import deck_sheet_layout as L
from workshop_app.core.atomic import write_bytes_atomic
from workshop_app.core.deck_loader import AnyDeck
from workshop_app.core.deck_sheet_help import explanation_rows
from workshop_app.core.errors import AtelierError

_HEAD_FONT = Font(bold=True, color="FFFFFF")
_HEAD_FILL = PatternFill("solid", fgColor="2E5E7E")
_WRAP = Alignment(wrap_text=True, vertical="top")
_LAST_ROW = 500  # validations cover this many rows: MAX_CARDS and room to add


def template_data(mechanic: str = "questions") -> dict[str, Any]:
    """An empty deck to fill: the usual 0–3 scale with « non concerné » and « ne sait pas »."""
    data: dict[str, Any] = {
        "format": 1,
        "id": "",
        "title": "",
        "version": "1.0",
        "language": "fr",
        "mechanic": mechanic,
        "compass": {"name": "", "axes": []},
        "cards": [],
    }
    if mechanic == "strategy":
        data["strategy"] = {"budget": 20, "budget_unit": "points"}
    else:
        data["scale"] = [
            {"id": str(v), "label": label, "value": v}
            for v, label in ((0, "Rien n’existe"), (1, "Ébauche"), (2, "En place"), (3, "Complet et testé"))
        ] + [
            {"id": "nc", "label": "Non concerné", "value": None},
            {"id": "nsp", "label": "Ne sait pas", "value": None, "unknown": True},
        ]
    return data


def build_workbook(data: dict[str, Any]) -> Workbook:
    """``data`` is ``deck.model_dump(mode="json")`` or :func:`template_data`."""
    book = Workbook()
    readme = book.active
    assert readme is not None
    readme.title = L.README
    _readme(readme, data)
    _deck_sheet(book.create_sheet(L.DECK), data)
    _compass_sheet(book.create_sheet(L.COMPASS), data)
    strategy = data.get("mechanic") == "strategy"
    if not strategy:
        _table(book.create_sheet(L.SCALE), L.SCALE_COLUMNS, data.get("scale", []))
    cards = book.create_sheet(L.CARDS)
    columns = card_columns(data)
    _table(cards, columns, [_card_row(data, c) for c in data.get("cards", [])])
    _card_validations(cards, columns)
    if strategy:
        _effects_sheet(book.create_sheet(L.EFFECTS), data)
        _synergies_sheet(book.create_sheet(L.SYNERGIES), data)
    _table(book.create_sheet(L.SECTIONS), L.SECTION_COLUMNS, data.get("sections", []))
    _table(book.create_sheet(L.SUBSETS), L.SUBSET_COLUMNS, data.get("subsets", []))
    return book


def card_columns(data: dict[str, Any]) -> list[L.Column]:
    if data.get("mechanic") == "strategy":
        return [*L.STRATEGY_COLUMNS, *L.CARD_END_COLUMNS]
    links = max([L.MIN_LINK_COLUMNS, *(len(c.get("informs", [])) for c in data.get("cards", []))])
    columns = list(L.QUESTION_COLUMNS)
    for k in range(1, links + 1):
        columns += [
            L.Column(f"{L.LEVER_PREFIX}{k}", f"lever{k}", width=9),
            L.Column(f"{L.WEIGHT_PREFIX}{k}", f"weight{k}", "number", width=8),
        ]
    for option in data.get("scale", []):
        header = L.labelled(L.LEVEL_PREFIX, option["id"], option["label"])
        columns.append(L.Column(header, f"level:{option['id']}", width=30))
    return [*columns, *L.CARD_END_COLUMNS]


def _card_row(data: dict[str, Any], card: dict[str, Any]) -> dict[str, Any]:
    row = dict(card)
    for k, link in enumerate(card.get("informs", []), start=1):
        row[f"lever{k}"] = link["lever"]
        row[f"weight{k}"] = link.get("weight", 1.0)
    for level, text in card.get("levels", {}).items():
        row[f"level:{level}"] = text
    return row


def save_workbook(data: dict[str, Any], target: Path) -> None:
    """Writes atomically; ``.csv`` writes the cards sheet alone (UTF-8 with BOM, « ; » as French Excel)."""
    if target.suffix.lower() == ".csv":
        write_bytes_atomic(target, cards_csv(data).encode("utf-8-sig"))
        return
    if target.suffix.lower() != ".xlsx":
        raise AtelierError(
            f"« {target.name} » : choisissez un fichier .xlsx (ou .csv pour les seules cartes)."
        )
    buffer = io.BytesIO()
    try:
        build_workbook(data).save(buffer)
    except IllegalCharacterError as exc:
        raise AtelierError(
            "Le jeu contient un caractère de contrôle qu’un classeur ne peut pas contenir."
        ) from exc
    write_bytes_atomic(target, buffer.getvalue())


def deck_to_sheet(deck: AnyDeck, target: Path) -> None:
    save_workbook(deck.model_dump(mode="json"), target)


def cards_csv(data: dict[str, Any]) -> str:
    columns = card_columns(data)
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow([c.header for c in columns])
    for card in data.get("cards", []):
        row = _card_row(data, card)
        writer.writerow([_shown(row.get(c.key), c) for c in columns])
    return out.getvalue()


# -- sheets --------------------------------------------------------------------------------------------------


def _readme(sheet: Worksheet, data: dict[str, Any]) -> None:
    sheet.column_dimensions["A"].width = 18
    sheet.column_dimensions["B"].width = 34
    sheet.column_dimensions["C"].width = 90
    for row in explanation_rows(data.get("mechanic", "questions")):
        sheet.append(list(row))
        cell = sheet.cell(sheet.max_row, 1)
        if len(row) == 1:
            cell.font = Font(bold=True, size=13 if sheet.max_row == 1 else 11)
        for c in sheet[sheet.max_row]:
            c.alignment = _WRAP


def _deck_sheet(sheet: Worksheet, data: dict[str, Any]) -> None:
    from workshop_app.core.deck_sheet_help import deck_row_help

    _head(sheet, L.DECK_HEADERS, (38, 60, 80))
    strategy = data.get("mechanic") == "strategy"
    for row in L.DECK_ROWS:
        if row.key.startswith("strategy.") and not strategy:
            continue
        if row.key.startswith(("subject.", "reading", "cobuilt.")) and strategy:
            continue
        value: Any = data
        for part in row.key.split("."):
            value = value.get(part) if isinstance(value, dict) else None
        sheet.append([row.header, None, deck_row_help(row)])
        _put(sheet.cell(sheet.max_row, 2), value, row)
        for c in sheet[sheet.max_row]:
            c.alignment = _WRAP
        if row.key == "mechanic":
            _validate(sheet, _choices(L.MECHANICS), f"B{sheet.max_row}")


def _compass_sheet(sheet: Worksheet, data: dict[str, Any]) -> None:
    rows: list[dict[str, Any]] = []
    for axis in data.get("compass", {}).get("axes", []):
        rows.append({**axis, "type": L.AXIS})
        rows += [{**lever, "type": L.LEVER} for lever in axis.get("levers", [])]
    _table(sheet, L.COMPASS_COLUMNS, rows)
    _validate(sheet, _choices((L.AXIS, L.LEVER)), f"A2:A{_LAST_ROW}")
    _validate(sheet, _choices(L.SOURCES), f"F2:F{_LAST_ROW}")


def _effects_sheet(sheet: Worksheet, data: dict[str, Any]) -> None:
    axes = data.get("compass", {}).get("axes", [])
    columns = [L.EFFECT_CARD] + [
        L.Column(L.labelled("", a["id"], a.get("short") or a["label"]), a["id"], "int", width=14)
        for a in axes
    ]
    rows = [{"card": c["id"], **c.get("effects", {})} for c in data.get("cards", [])]
    _table(sheet, columns, rows)
    if len(columns) > 1:
        effect = DataValidation(
            type="whole", operator="between", formula1="-2", formula2="2", allow_blank=True
        )
        _add(sheet, effect, f"B2:{L.column_letter(len(columns) - 1)}{_LAST_ROW}", "un entier de −2 à 2")


def _synergies_sheet(sheet: Worksheet, data: dict[str, Any]) -> None:
    """One row per synergy: its two cards, its reason, then its extra effect on each axis."""
    axes = data.get("compass", {}).get("axes", [])
    columns = [*L.SYNERGY_COLUMNS] + [
        L.Column(L.labelled("", a["id"], a.get("short") or a["label"]), a["id"], "int", width=14)
        for a in axes
    ]
    rows = [
        {"card": s["cards"][0], "other": s["cards"][1], "reason": s["reason"], **s.get("effects", {})}
        for s in data.get("synergies", [])
    ]
    _table(sheet, columns, rows)
    _validate(sheet, f"'{L.CARDS}'!$A$2:$A${_LAST_ROW}", f"A2:B{_LAST_ROW}")
    if axes:
        first, last = L.column_letter(len(L.SYNERGY_COLUMNS)), L.column_letter(len(columns) - 1)
        effect = DataValidation(
            type="whole", operator="between", formula1="-2", formula2="2", allow_blank=True
        )
        _add(sheet, effect, f"{first}2:{last}{_LAST_ROW}", "un entier de −2 à 2")


def _card_validations(sheet: Worksheet, columns: Sequence[L.Column]) -> None:
    for index, column in enumerate(columns):
        where = f"{L.column_letter(index)}2:{L.column_letter(index)}{_LAST_ROW}"
        if column.key.startswith("lever"):
            _validate(sheet, f"'{L.COMPASS}'!$B$2:$B${_LAST_ROW}", where)
        elif column.key == "section":
            _validate(sheet, f"'{L.SECTIONS}'!$A$2:$A$200", where)
        elif column.key == "delay":
            _validate(sheet, _choices(L.DELAYS), where)
        elif column.key in ("cost", "maintenance"):
            top = "3" if column.key == "maintenance" else "100000"
            rule = DataValidation(
                type="whole", operator="between", formula1="0", formula2=top, allow_blank=True
            )
            _add(sheet, rule, where, f"un entier de 0 à {top}")
        elif column.key.startswith("weight"):
            rule = DataValidation(
                type="decimal", operator="between", formula1="0", formula2="10", allow_blank=True
            )
            _add(sheet, rule, where, "un nombre de 0 à 10")


# -- cells ---------------------------------------------------------------------------------------------------


def _table(sheet: Worksheet, columns: Sequence[L.Column], rows: Sequence[dict[str, Any]]) -> None:
    _head(sheet, [c.header for c in columns], [c.width for c in columns])
    for r, row in enumerate(rows, start=2):
        for index, column in enumerate(columns, start=1):
            cell = sheet.cell(r, index)
            _put(cell, row.get(column.key), column)
            cell.alignment = _WRAP


def _head(sheet: Worksheet, headers: Sequence[str], widths: Sequence[int]) -> None:
    sheet.append(list(headers))
    for index, (cell, width) in enumerate(zip(sheet[1], widths, strict=True)):
        cell.font = _HEAD_FONT
        cell.fill = _HEAD_FILL
        cell.alignment = _WRAP
        sheet.column_dimensions[L.column_letter(index)].width = width
    sheet.freeze_panes = "A2"


def _shown(value: Any, column: L.Column) -> Any:
    if value is None:
        return None
    if column.kind == "bool":
        return L.YES if value else None
    if column.kind == "ids":
        return f"{L.LIST_SEPARATOR} ".join(value) or None
    if column.kind in ("number", "int"):
        return value
    text = str(value)
    return text if text else None


def _put(cell: Any, value: Any, column: L.Column) -> None:
    shown = _shown(value, column)
    if shown is None:
        return
    cell.value = shown
    if isinstance(shown, str):
        cell.data_type = "s"  # « =SOMME(…) » typed in a title stays text, never a formula


def _choices(values: Sequence[str]) -> str:
    return '"' + ",".join(values) + '"'


def _validate(sheet: Worksheet, formula: str, where: str) -> None:
    rule = DataValidation(type="list", formula1=formula, allow_blank=True)
    _add(sheet, rule, where, "une valeur de la liste")


def _add(sheet: Worksheet, rule: DataValidation, where: str, expected: str) -> None:
    rule.error = f"Valeur attendue : {expected}."
    rule.errorTitle = "Valeur refusée"
    rule.showErrorMessage = True
    sheet.add_data_validation(rule)
    rule.add(where)
