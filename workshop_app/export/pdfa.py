"""The archival finish of the compte-rendu PDF: PDF/A-2b identification and the reader's first view, written
by reportlab itself as it saves the file (no second reading and writing of the PDF).

reportlab lays the document out (fonts embedded, no encryption, no JavaScript); :class:`ArchivalCanvas` adds
what PDF/A-2b asks of the file itself and what an archivist or a reader expects:

* an XMP metadata stream (uncompressed, written by :func:`xmp_packet`) that repeats the document information
  (title, author, subject, creator, producer, dates) and carries the PDF/A identification
  (``pdfaid:part=2``, ``pdfaid:conformance=B``) and the language;
* the document information without empty entries nor ``/Trapped`` (the XMP repeats what is there);
* an output intent (``GTS_PDFA1``) with an embedded sRGB ICC profile (``resources/color/sRGB.icc``), the
  colour space every colour of the document is meant in;
* every link flagged « print » when it is made, as PDF/A requires of annotations;
* the bookmarks pane open on opening (``/PageMode /UseOutlines``) when there are bookmarks, the title shown in
  the window (``DisplayDocTitle``), the language (``/Lang fr-FR``);
* an end of line before each ``endstream`` (ISO 19005-2, 6.1.7.1), which reportlab does not write;
* a file identifier (``/ID``) derived from the content: every stream's bytes go into reportlab's signature;
* pages and forms deflated only, and photos as they are (JPEG) or deflated, without reportlab's ASCII85 layer
  (a quarter of their size).

No validator (veraPDF) is available on our machines: the tests check the identification, the output intent,
the metadata and the stream syntax, not full conformance. Identical input gives identical output (with
reportlab's ``invariant`` mode or ``SOURCE_DATE_EPOCH``, which fix the dates).
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Mapping
from functools import lru_cache
from typing import Any, ClassVar

import reportlab
from reportlab import rl_config
from reportlab.pdfbase.pdfdoc import (
    PDFArray,
    PDFBase85Encode,
    PDFCatalog,
    PDFDate,
    PDFDictionary,
    PDFInfo,
    PDFName,
    PDFStream,
    PDFString,
    PDFZCompress,
)
from reportlab.pdfgen.canvas import Canvas

from workshop_app.core.errors import AtelierError
from workshop_app.paths import resource_path

log = logging.getLogger(__name__)

LANGUAGE = "fr-FR"
OUTPUT_CONDITION = "sRGB IEC61966-2.1"
PRINT = 4  # the annotation flag « print » (PDF 1.7, 12.5.3)
PROFILE = ("resources", "color", "sRGB.icc")


#: the reportlab versions whose internals this finish was written for and tested with, exactly (the catalog
#: and information classes, the time stamp, the stream's tail); with another, the PDF is reportlab's own,
#: sound but without the archival finish, until tests/export/test_export_pdfa.py passes with it
VERIFIED = ("5.1.0",)
ARCHIVAL = reportlab.Version in VERIFIED


@lru_cache(maxsize=1)
def srgb_profile() -> bytes:
    """The sRGB ICC profile embedded in the output intent (LittleCMS's built-in sRGB, see the notices)."""
    path = resource_path(*PROFILE)
    try:
        return path.read_bytes()
    except OSError as exc:  # a broken installation: say so, as for a missing font
        raise AtelierError(
            f"Profil de couleurs introuvable ou illisible : « {path.name} ». Réinstallez l’application.",
            detail=repr(exc),
        ) from exc


# reportlab decides a picture's ASCII85 layer from ``rl_config.useA85`` when it makes each one, with no hook
# per document: off for the process (every PDF the app writes is ours), as the streams below are without it
rl_config.useA85 = 0

# -- the document information and its XMP copy -------------------------------------------------------------

# Characters XML 1.0 cannot hold, even escaped: removed from the information, so the XMP repeats it exactly.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_INFO_KEYS = ("Title", "Author", "Subject", "Keywords", "Creator", "Producer")


def _xml_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def utc_offset(timestamp: Any) -> tuple[str, int, int]:
    """The sign, hours and minutes of the time zone a reportlab ``TimeStamp`` was taken in. Not its ``dhh``
    and ``dmm``: reportlab 5.1 takes the seconds of the offset for its minutes, so +05:30 (India) came out as
    +05:00 and −09:30 (the Marquesas) as −09:00. A fixed date (``invariant``, ``SOURCE_DATE_EPOCH``) is in
    UTC."""
    if getattr(timestamp, "tzname", None) == "UTC" and not timestamp.dhh and not timestamp.dmm:
        return "+", 0, 0
    minutes = time.localtime(timestamp.t).tm_gmtoff // 60
    sign = "-" if minutes < 0 else "+"
    return sign, abs(minutes) // 60, abs(minutes) % 60


def pdf_date(timestamp: Any) -> str:
    """A reportlab ``TimeStamp`` as the document information writes a date, ``D:YYYYMMDDHHmmSS+HH'mm'``."""
    sign, hours, minutes = utc_offset(timestamp)
    year, month, day, hour, minute, second = timestamp.YMDhms
    zone = f"{sign}{hours:02d}'{minutes:02d}'"
    return f"D:{year:04d}{month:02d}{day:02d}{hour:02d}{minute:02d}{second:02d}{zone}"


def xmp_date(timestamp: Any) -> str:
    """A reportlab ``TimeStamp`` as XMP writes a date: the instant of the information's ``D:`` dates."""
    sign, hours, minutes = utc_offset(timestamp)
    year, month, day, hour, minute, second = timestamp.YMDhms
    zone = f"{sign}{hours:02d}:{minutes:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}T{hour:02d}:{minute:02d}:{second:02d}{zone}"


def xmp_packet(info: Mapping[str, str], date: str) -> bytes:
    """The XMP metadata of the document: ``info`` (the non-empty entries of the document information, by
    their PDF names) repeated in the properties PDF/A maps them to; the dates, language and identification.
    """
    lines = []
    if info.get("Title"):
        lines.append(
            f'<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{_xml_text(info["Title"])}</rdf:li>'
            "</rdf:Alt></dc:title>"
        )
    if info.get("Author"):
        lines.append(
            f"<dc:creator><rdf:Seq><rdf:li>{_xml_text(info['Author'])}</rdf:li></rdf:Seq></dc:creator>"
        )
    if info.get("Subject"):
        lines.append(
            f'<dc:description><rdf:Alt><rdf:li xml:lang="x-default">{_xml_text(info["Subject"])}'
            "</rdf:li></rdf:Alt></dc:description>"
        )
    lines.append(f"<dc:language><rdf:Bag><rdf:li>{LANGUAGE}</rdf:li></rdf:Bag></dc:language>")
    if info.get("Keywords"):
        lines.append(f"<pdf:Keywords>{_xml_text(info['Keywords'])}</pdf:Keywords>")
    if info.get("Producer"):
        lines.append(f"<pdf:Producer>{_xml_text(info['Producer'])}</pdf:Producer>")
    if info.get("Creator"):
        lines.append(f"<xmp:CreatorTool>{_xml_text(info['Creator'])}</xmp:CreatorTool>")
    lines += [
        f"<xmp:CreateDate>{date}</xmp:CreateDate>",
        f"<xmp:ModifyDate>{date}</xmp:ModifyDate>",
        "<pdfaid:part>2</pdfaid:part>",
        "<pdfaid:conformance>B</pdfaid:conformance>",
    ]
    body = "\n   ".join(lines)
    return (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/">\n'
        ' <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n'
        '  <rdf:Description rdf:about=""\n'
        '    xmlns:dc="http://purl.org/dc/elements/1.1/"\n'
        '    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"\n'
        '    xmlns:xmp="http://ns.adobe.com/xap/1.0/"\n'
        '    xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">\n'
        f"   {body}\n"
        "  </rdf:Description>\n"
        " </rdf:RDF>\n"
        "</x:xmpmeta>\n"
        '<?xpacket end="w"?>'
    ).encode()


class _Info(PDFInfo):
    """reportlab's document information without its empty entries and ``/Trapped`` (PDF/A asks the XMP to
    repeat every entry; ``Trapped`` would need ``pdf:Trapped``)."""

    def entries(self) -> dict[str, str]:
        values = (self.title, self.author, self.subject, self.keywords, self.creator, self.producer)
        found = {
            key: _NOT_XML.sub("", str(value or "")) for key, value in zip(_INFO_KEYS, values, strict=True)
        }
        return {key: value for key, value in found.items() if value.strip()}

    def format(self, document: Any) -> bytes:
        entries: dict[str, Any] = {key: PDFString(value) for key, value in self.entries().items()}
        stamp = document._timeStamp
        entries["CreationDate"] = entries["ModDate"] = PDFDate(
            ts=stamp, dateFormatter=self._dateFormatter or (lambda *_ymdhms: pdf_date(stamp))
        )
        return bytes(PDFDictionary(entries).format(document))


class _Catalog(PDFCatalog):
    """reportlab's catalog, which also writes the output intents and opens the bookmarks pane when the
    document has bookmarks (known once reportlab has prepared the outline, just before writing)."""

    __NoDefault__: ClassVar[list[str]] = [*PDFCatalog.__NoDefault__, "OutputIntents"]  # in the catalog itself

    def check_format(self, document: Any) -> None:
        if getattr(self, "Outlines", None) is not None:  # None: reportlab found no bookmark
            self.PageMode = PDFName("UseOutlines")


def _replacing(cls: type, old: Any) -> Any:
    new = cls()
    new.__dict__.update(old.__dict__)
    return new


class ArchivalCanvas(Canvas):
    """A reportlab canvas whose file is PDF/A-2b (see the module's docstring)."""

    def __init__(self, *args: Any, **kw: Any) -> None:
        super().__init__(*args, **kw)
        self.archival = ARCHIVAL
        if not self.archival:
            log.warning("reportlab %s: the PDF is written without its archival finish", reportlab.Version)
            return
        doc = self._doc
        doc.Catalog = doc._catalog = _replacing(_Catalog, doc.Catalog)
        doc.info = _replacing(_Info, doc.info)
        doc.atelier_archival = True  # see _format_stream

    def linkRect(self, *args: Any, **kw: Any) -> Any:  # linkAbsolute calls it
        kw["F"] = PRINT
        return super().linkRect(*args, **kw)

    def linkURL(self, *args: Any, **kw: Any) -> Any:
        kw["F"] = PRINT
        return super().linkURL(*args, **kw)

    def save(self) -> None:
        if not self.archival:
            super().save()
            return
        doc = self._doc
        catalog = doc.Catalog
        catalog.Lang = PDFString(LANGUAGE)
        self.setViewerPreference("DisplayDocTitle", "true")
        profile = PDFStream(PDFDictionary({"N": 3}), content=srgb_profile(), filters=[PDFZCompress])
        catalog.OutputIntents = PDFArray(
            [
                PDFDictionary(
                    {
                        "Type": PDFName("OutputIntent"),
                        "S": PDFName("GTS_PDFA1"),
                        "OutputConditionIdentifier": PDFString(OUTPUT_CONDITION),
                        "Info": PDFString(OUTPUT_CONDITION),
                        "RegistryName": PDFString("http://www.color.org"),
                        "DestOutputProfile": profile,
                    }
                )
            ]
        )
        packet = xmp_packet(doc.info.entries(), xmp_date(doc._timeStamp))
        metadata = PDFDictionary({"Type": PDFName("Metadata"), "Subtype": PDFName("XML")})
        # no filter (PDF/A): reportlab applies only the document's default filters, which it never sets
        catalog.Metadata = PDFStream(metadata, content=packet)
        super().save()


# reportlab's own (also when this module is imported again, e.g. reloaded: never wrapped twice)
_reportlab_format_stream = getattr(PDFStream.format, "reportlab_format", PDFStream.format)


def _format_stream(stream: Any, document: Any) -> bytes:
    """reportlab's stream writing; in an archival document:

    * an end of line before ``endstream`` (outside ``/Length``), as ISO 19005-2 6.1.7.1 asks;
    * the stream's bytes added to the digest of the file identifier, which then follows the content;
    * pages and forms only deflated, not also in ASCII85 (reportlab's default, ``rl_config.useA85``), which
      makes them a quarter bigger for nothing a file needs today (the pikepdf finish used to drop it too).

    reportlab writes every stream (pages, forms, fonts, pictures) through ``PDFStream.format``, with no hook
    for any of these: this wraps it, for the documents :class:`ArchivalCanvas` marks; others are unchanged.
    """
    archival = getattr(document, "atelier_archival", False)
    if archival and stream.filters and PDFBase85Encode in stream.filters:
        stream.filters = [f for f in stream.filters if f is not PDFBase85Encode]
    data: bytes = _reportlab_format_stream(stream, document)
    if archival:
        # reportlab writes ``/Length`` bytes then ``endstream``: the end of line is always added, even when
        # the data happens to end in one (a deflated stream does, 1 time in 128): that byte is data, counted
        # in ``/Length``, not the end of line the standard wants after it
        if data.endswith(b"endstream\n"):
            data = data[:-10] + b"\nendstream\n"
        else:  # another reportlab: the file is still sound, only that detail of PDF/A may be missing
            log.warning("reportlab %s ends a stream with %r", reportlab.Version, data[-20:])
        document.updateSignature(data)
    return data


_format_stream.reportlab_format = _reportlab_format_stream  # type: ignore[attr-defined]
PDFStream.format = _format_stream


__all__ = ["LANGUAGE", "ArchivalCanvas", "srgb_profile", "xmp_packet"]
