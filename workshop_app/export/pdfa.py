"""The archival finish of the compte-rendu PDF: PDF/A-2b identification and the reader's first view.

reportlab lays the document out (fonts embedded, no encryption, no JavaScript); this post-step, with pikepdf
(qpdf), adds what PDF/A-2b asks of the file itself and what an archivist or a reader expects:

* an XMP metadata stream that repeats the document information (title, author, subject, producer, dates)
  and carries the PDF/A identification (``pdfaid:part=2``, ``pdfaid:conformance=B``);
* an output intent (``GTS_PDFA1``) with an embedded sRGB ICC profile (built by Pillow's LittleCMS), the
  colour space every colour of the document is meant in;
* every annotation (the links of the table of contents) flagged « print », as PDF/A requires;
* the bookmarks pane open on opening (``/PageMode /UseOutlines``), the title shown in the window
  (``DisplayDocTitle``), the language (``/Lang fr-FR``).

No validator (veraPDF) is available on our machines: the tests check the identification, the output intent
and the metadata, not full conformance. Identical input gives identical output (content-derived file id).
"""

from __future__ import annotations

import io
from functools import lru_cache

from workshop_app.export.anonymise import ANONYMOUS_AUTHOR

LANGUAGE = "fr-FR"
OUTPUT_CONDITION = "sRGB IEC61966-2.1"


@lru_cache(maxsize=1)
def srgb_profile() -> bytes:
    from PIL import ImageCms

    return bytes(ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes())


def archival(data: bytes, *, author: str | None = None) -> bytes:
    """``data`` (a PDF from reportlab) as PDF/A-2b. ``author`` replaces the document's author (the
    anonymised compte-rendu names no one in its metadata)."""
    import pikepdf
    from pikepdf import Dictionary, Name, String

    with pikepdf.open(io.BytesIO(data)) as pdf:
        if author is not None:
            pdf.docinfo[Name.Author] = String(author)
        for key in list(pdf.docinfo.keys()):  # the XMP must repeat the information: keep what it can hold
            if key == "/Trapped" or not str(pdf.docinfo[key]).strip():
                del pdf.docinfo[key]
        root = pdf.Root
        root.Lang = String(LANGUAGE)
        if "/Outlines" in root:
            root.PageMode = Name.UseOutlines
        root.ViewerPreferences = Dictionary(DisplayDocTitle=True)
        icc = pdf.make_stream(srgb_profile())
        icc.N = 3
        root.OutputIntents = pikepdf.Array(
            [
                Dictionary(
                    Type=Name.OutputIntent,
                    S=Name.GTS_PDFA1,
                    OutputConditionIdentifier=String(OUTPUT_CONDITION),
                    Info=String(OUTPUT_CONDITION),
                    RegistryName=String("http://www.color.org"),
                    DestOutputProfile=icc,
                )
            ]
        )
        for page in pdf.pages:
            for annotation in page.obj.get("/Annots", []):
                flags = int(annotation.get("/F", 0))
                annotation.F = (flags | 4) & ~(1 | 2 | 32)  # print; not invisible, hidden or no-view
        with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as meta:
            meta.load_from_docinfo(pdf.docinfo)
            meta["pdfaid:part"] = "2"
            meta["pdfaid:conformance"] = "B"
            meta["dc:language"] = [LANGUAGE]
        out = io.BytesIO()
        pdf.save(out, deterministic_id=True, fix_metadata_version=False)
    return out.getvalue()


__all__ = ["ANONYMOUS_AUTHOR", "LANGUAGE", "archival", "srgb_profile"]
