"""Zip packages (DOCX, XLSX, the report pack) whose bytes depend on their content only: fixed entry dates."""

from __future__ import annotations

import io
import re
import zipfile

FIXED_DATE = (1980, 1, 1, 0, 0, 0)


def entry(archive: zipfile.ZipFile, name: str, data: bytes) -> None:
    info = zipfile.ZipInfo(name, date_time=FIXED_DATE)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    archive.writestr(info, data)


def restamp(data: bytes) -> bytes:
    """The same package, entries in the same order, with fixed dates; an Office package's « modified »
    date becomes its « created » date (openpyxl writes the time of saving)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "docProps/core.xml":
                content = _modified_as_created(content)
            entry(target, item.filename, content)
    return out.getvalue()


def _modified_as_created(xml: bytes) -> bytes:
    created = re.search(rb"<dcterms:created[^>]*>([^<]*)</dcterms:created>", xml)
    if created is None:
        return xml
    return re.sub(
        rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
        lambda m: m.group(1) + created.group(1) + m.group(2),
        xml,
    )
