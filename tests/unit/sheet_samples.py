"""Helpers for the workbook tests: edit one cell of a written workbook, patch its XML, write a real .ods."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from openpyxl import load_workbook


def edit_cell(path: Path, sheet: str, cell: str, value: Any) -> None:
    book = load_workbook(path)
    book[sheet][cell] = value
    if isinstance(value, str) and not value.startswith("="):
        book[sheet][cell].data_type = "s"
    book.save(path)


def find_row(path: Path, sheet: str, first_cell: str) -> int:
    book = load_workbook(path, read_only=True)
    for r, row in enumerate(book[sheet].iter_rows(values_only=True), start=1):
        if row and row[0] == first_cell:
            return r
    raise KeyError(first_cell)


def sheet_xml_name(path: Path, sheet: str) -> str:
    book = load_workbook(path)
    return f"xl/worksheets/sheet{book.sheetnames.index(sheet) + 1}.xml"


def patch_zip(path: Path, member: str, change: Any) -> None:
    with zipfile.ZipFile(path) as archive:
        items = {i.filename: archive.read(i.filename) for i in archive.infolist()}
    items[member] = change(items[member].decode("utf-8")).encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in items.items():
            archive.writestr(name, data)


def give_formula_a_cached_value(path: Path, sheet: str, value: str) -> None:
    """openpyxl writes formulas without a stored result (``<v/>``, or ``<v></v>`` when lxml is installed); a
    spreadsheet program stores one: add it."""
    pattern = r'(<c r="[A-Z]+\d+"[^>]*?)>(<f>[^<]*</f>)(?:<v\s*/>|<v></v>)'
    filled = rf'\1 t="str">\2<v>{value}</v>'
    patch_zip(path, sheet_xml_name(path, sheet), lambda xml: re.sub(pattern, filled, xml))


def write_ods(path: Path, sheets: dict[str, list[list[Any]]]) -> None:
    """A minimal, real OpenDocument spreadsheet (what LibreOffice writes, without styles)."""
    tables = []
    for name, rows in sheets.items():
        xml_rows = []
        for row in rows:
            cells = []
            for value in row:
                if value is None or value == "":
                    cells.append("<table:table-cell/>")
                elif isinstance(value, int | float) and not isinstance(value, bool):
                    cells.append(
                        f'<table:table-cell office:value-type="float" office:value="{value}">'
                        f"<text:p>{value}</text:p></table:table-cell>"
                    )
                else:
                    lines = str(value).split("\n")
                    paragraphs = "".join(f"<text:p>{escape(line)}</text:p>" for line in lines)
                    cells.append(
                        f'<table:table-cell office:value-type="string">{paragraphs}</table:table-cell>'
                    )
            xml_rows.append(f"<table:table-row>{''.join(cells)}</table:table-row>")
        tables.append(f'<table:table table:name="{escape(name)}">{"".join(xml_rows)}</table:table>')
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        f"<office:body><office:spreadsheet>{''.join(tables)}</office:spreadsheet></office:body>"
        "</office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
        'manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/" '
        'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet", zipfile.ZIP_STORED)
        archive.writestr("META-INF/manifest.xml", manifest, zipfile.ZIP_DEFLATED)
        archive.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
    path.write_bytes(buffer.getvalue())


def workbook_grids(path: Path) -> dict[str, list[list[Any]]]:
    book = load_workbook(path)
    return {name: [list(r) for r in book[name].iter_rows(values_only=True)] for name in book.sheetnames}
