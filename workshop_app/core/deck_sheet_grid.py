"""Read a workbook (.xlsx, .ods) or a cards-only .csv as plain grids of cell values, safely. Qt-free.

A spreadsheet is data: formulas are read as the value the spreadsheet last computed (never evaluated here;
a formula with no stored value is refused, naming its cell), macros are never run (a .xlsm is refused; VBA
inside an .xlsx is ignored), and sizes are bounded like YAML decks: the file, its unzipped content (a zip
bomb stops before it is opened), the rows and the columns of each sheet.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from workshop_app.core import deck_sheet_layout as L
from workshop_app.core.deck_loader import DeckIssue, DeckLoadError
from workshop_app.core.errors import os_reason

MAX_SHEET_FILE_BYTES = 5 * 1024 * 1024
MAX_UNZIPPED_BYTES = 60 * 1024 * 1024
MAX_ZIP_MEMBERS = 400
MAX_ROWS = 1000
MAX_COLUMNS = 120

Grid = dict[str, list[list[Any]]]  # sheet name -> rows (index 0 is the spreadsheet's row 1)

SHEET_SUFFIXES = (".xlsx", ".ods", ".csv")
_MACRO_SUFFIXES = (".xlsm", ".xltm", ".xlsb", ".xls", ".xlam")


class SheetIssue(DeckIssue):
    """One problem in a workbook, naming the sheet, the row and the column (letter and header)."""

    def __init__(
        self, file: str, sheet: str, row: int | None, column: str, header: str, message: str
    ) -> None:
        super().__init__(file, row, header, message)
        object.__setattr__(self, "sheet", sheet)
        object.__setattr__(self, "column", column)

    sheet: str
    column: str

    def __str__(self) -> str:
        parts = [self.file]
        if self.sheet:
            parts.append(f"feuille « {self.sheet} »")
        if self.line is not None:
            parts.append(f"ligne {self.line}")
        if self.column:
            parts.append(f"colonne {self.column}" + (f" ({self.field})" if self.field else ""))
        return ", ".join(parts) + f" : {self.message}"


def fail(file: str, message: str, sheet: str = "", row: int | None = None, column: str = "") -> DeckLoadError:
    return DeckLoadError([SheetIssue(file, sheet, row, column, "", message)])


def is_sheet_file(path: str | Path) -> bool:
    return Path(path).suffix.lower() in SHEET_SUFFIXES


def read_grids(path: Path) -> Grid:
    name, suffix = path.name, path.suffix.lower()
    if suffix in _MACRO_SUFFIXES:
        raise fail(
            name, "classeur avec macros ou ancien format : enregistrez-le en .xlsx (sans macros) ou .ods"
        )
    if suffix not in SHEET_SUFFIXES:
        raise fail(name, "format non pris en charge : .xlsx, .ods ou .csv")
    try:
        if not path.is_file():
            raise fail(name, "ce n’est pas un fichier ordinaire")
        size = path.stat().st_size
        if size > MAX_SHEET_FILE_BYTES:
            raise fail(name, f"fichier trop gros ({size} octets ; 5 Mio au plus)")
        raw = path.read_bytes()
    except OSError as exc:
        raise fail(name, f"lecture impossible : {os_reason(exc)}") from None
    if suffix == ".csv":
        return {L.CARDS: _csv_rows(raw, name)}
    _check_zip(raw, name)
    reader: Callable[[bytes, str], Grid] = _xlsx_grids if suffix == ".xlsx" else _ods_grids
    try:
        grids = reader(raw, name)
    except DeckLoadError:
        raise
    except Exception as exc:  # a damaged or hostile file: never a traceback
        reason = f"classeur illisible ({type(exc).__name__}) : ouvrez-le et enregistrez-le à nouveau"
        raise fail(name, reason) from None
    for sheet, rows in grids.items():
        _check_size(rows, name, sheet)
    return grids


def _check_zip(raw: bytes, name: str) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        raise fail(name, "ce n’est pas un classeur (fichier abîmé ou d’un autre type)") from None
    if len(members) > MAX_ZIP_MEMBERS or sum(m.file_size for m in members) > MAX_UNZIPPED_BYTES:
        raise fail(name, "classeur trop volumineux une fois décompressé")


def _xlsx_grids(raw: bytes, name: str) -> Grid:
    from openpyxl import load_workbook

    values = load_workbook(io.BytesIO(raw), read_only=True, data_only=True, keep_vba=False)
    formulas = load_workbook(io.BytesIO(raw), read_only=True, data_only=False, keep_vba=False)
    grids: Grid = {}
    try:
        for sheet_name in values.sheetnames:
            shown, typed = values[sheet_name], formulas[sheet_name]
            rows: list[list[Any]] = []
            pairs = zip(
                shown.iter_rows(max_col=MAX_COLUMNS + 1, values_only=True),
                typed.iter_rows(max_col=MAX_COLUMNS + 1, values_only=True),
                strict=False,
            )
            for r, (row, source) in enumerate(pairs, start=1):
                if r > MAX_ROWS + 1 and any(v not in (None, "") for v in row):
                    raise fail(name, f"trop de lignes ({MAX_ROWS} au plus)", sheet_name, r)
                for c, (value, formula) in enumerate(zip(row, source, strict=False)):
                    if value is None and isinstance(formula, str) and formula.startswith("="):
                        raise fail(
                            name,
                            "formule sans valeur enregistrée : ouvrez le classeur dans votre tableur et "
                            "enregistrez-le, ou remplacez la formule par sa valeur",
                            sheet_name,
                            r,
                            L.column_letter(c),
                        )
                rows.append(list(row))
            grids[sheet_name] = rows
    finally:
        values.close()
        formulas.close()
    return grids


def _ods_grids(raw: bytes, name: str) -> Grid:
    try:
        from python_calamine import CalamineWorkbook
    except ImportError:
        raise fail(
            name, "lecture des .ods indisponible (python-calamine manquant) : enregistrez en .xlsx"
        ) from None
    book = CalamineWorkbook.from_filelike(io.BytesIO(raw))
    return {
        sheet: [
            list(row)[: MAX_COLUMNS + 1]
            for row in book.get_sheet_by_name(sheet).to_python(skip_empty_area=False, nrows=MAX_ROWS + 2)
        ]
        for sheet in book.sheet_names
    }


def _csv_rows(raw: bytes, name: str) -> list[list[Any]]:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")  # « CSV (séparateur : point-virgule) » of French Excel
    if "\x00" in text:
        raise fail(name, "ce n’est pas un fichier texte CSV")
    first = text.split("\n", 1)[0]
    delimiter = max((";", ",", "\t"), key=first.count)
    try:
        rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    except csv.Error as exc:
        raise fail(name, f"CSV invalide : {exc}") from None
    return [list(row) for row in rows]


def _check_size(rows: list[list[Any]], name: str, sheet: str) -> None:
    filled = [r for r, row in enumerate(rows, start=1) if any(v not in (None, "") for v in row)]
    if len(filled) > MAX_ROWS + 1:
        raise fail(name, f"trop de lignes ({MAX_ROWS} au plus)", sheet, filled[MAX_ROWS + 1])
    for r, row in enumerate(rows, start=1):
        if any(v not in (None, "") for v in row[MAX_COLUMNS:]):
            raise fail(
                name, f"trop de colonnes ({MAX_COLUMNS} au plus)", sheet, r, L.column_letter(MAX_COLUMNS)
            )
