"""The compte-rendu's PDF/A-2b finish, written by reportlab as it saves the file (export/pdfa.py): read back
with pypdf (and the XMP with an XML parser), the shipped sRGB profile checked against LittleCMS's own, the
stream syntax PDF/A asks for, the file identifier, and an export that imports neither pikepdf nor ImageCms."""

from __future__ import annotations

import io
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from export_factory import make_snapshot
from pypdf import PdfReader
from reportlab.platypus import Paragraph

from workshop_app.export.pdf import render_pdf
from workshop_app.export.pdf.document import AtelierDocTemplate
from workshop_app.export.pdfa import srgb_profile, xmp_packet

RDF = "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}"
NAMES = {
    "dc": "http://purl.org/dc/elements/1.1/",
    "pdf": "http://ns.adobe.com/pdf/1.3/",
    "xmp": "http://ns.adobe.com/xap/1.0/",
    "pdfaid": "http://www.aiim.org/pdfa/ns/id/",
}
HOSTILE_TITLE = 'R&D <Lyon> "quotes" & l’été </rdf:li>]]>'


def _xmp(reader: PdfReader) -> dict[str, str]:
    """The XMP properties, ``prefix:name`` → text (the first item of a list or an alternative)."""
    stream = reader.trailer["/Root"]["/Metadata"].get_object()
    assert stream["/Type"] == "/Metadata" and stream["/Subtype"] == "/XML"
    assert "/Filter" not in stream  # PDF/A: the metadata is not compressed
    root = ET.fromstring(stream.get_data())
    description = root.find(f"{RDF}RDF/{RDF}Description")
    assert description is not None
    out: dict[str, str] = {}
    for element in description:
        prefix = next(p for p, uri in NAMES.items() if element.tag.startswith("{" + uri + "}"))
        item = element.find(f".//{RDF}li")
        out[f"{prefix}:{element.tag.split('}')[1]}"] = (item if item is not None else element).text or ""
    return out


def _xmp_date(pdf_date: str) -> str:
    """``D:20261203082842+01'00'`` as XMP writes it: ``2026-12-03T08:28:42+01:00``."""
    found = re.fullmatch(r"D:(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)([+-]\d\d)'(\d\d)'", pdf_date)
    assert found, pdf_date
    y, mo, d, h, mi, s, zh, zm = found.groups()
    return f"{y}-{mo}-{d}T{h}:{mi}:{s}{zh}:{zm}"


def _assert_xmp_repeats_the_information(reader: PdfReader) -> dict[str, str]:
    info = {key: str(value) for key, value in reader.trailer["/Info"].get_object().items()}
    xmp = _xmp(reader)
    assert "/Trapped" not in info and all(v.strip() for v in info.values()), info
    pairs = {
        "/Title": "dc:title",
        "/Author": "dc:creator",
        "/Subject": "dc:description",
        "/Keywords": "pdf:Keywords",
        "/Creator": "xmp:CreatorTool",
        "/Producer": "pdf:Producer",
    }
    for key, prop in pairs.items():
        assert info.get(key) == xmp.get(prop), (key, info.get(key), xmp.get(prop))
    assert xmp["xmp:CreateDate"] == _xmp_date(info["/CreationDate"])
    assert xmp["xmp:ModifyDate"] == _xmp_date(info["/ModDate"])
    assert xmp["pdfaid:part"] == "2" and xmp["pdfaid:conformance"] == "B"
    assert xmp["dc:language"] == "fr-FR"
    return xmp


def _assert_streams_are_pdfa_syntax(data: bytes) -> int:
    """Every stream: its ``/Length`` bytes, then an end of line, then ``endstream`` (ISO 19005-2 6.1.7.1)."""
    count = 0
    for found in re.finditer(rb"\nstream\r?\n", data):
        start = found.end()
        header = data[data.rindex(b" obj", 0, found.start()) : found.start()]
        lengths = re.findall(rb"/Length (\d+)", header)
        assert lengths, header[:200]
        end = start + int(lengths[-1])
        assert re.match(rb"\r?\nendstream", data[end : end + 12]), data[end - 20 : end + 12]
        count += 1
    assert count == data.count(b"endstream")
    return count


def test_the_compte_rendu_is_archival_as_written() -> None:
    snapshot, photos = make_snapshot(n_groups=3, n_cards=4)
    data = render_pdf(snapshot, photos)
    reader = PdfReader(io.BytesIO(data))
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "fr-FR" and root["/PageMode"] == "/UseOutlines" and "/Outlines" in root
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"])  # pypdf's BooleanObject
    (intent,) = root["/OutputIntents"]
    intent = intent.get_object()
    assert intent["/S"] == "/GTS_PDFA1" and intent["/OutputConditionIdentifier"] == "sRGB IEC61966-2.1"
    profile = intent["/DestOutputProfile"].get_object()
    assert profile["/N"] == 3 and profile.get_data() == srgb_profile()
    annotations = [a.get_object() for page in reader.pages for a in page.get("/Annots", [])]
    assert len(annotations) > 5 and all(a["/F"] == 4 for a in annotations)  # every link prints
    assert _assert_xmp_repeats_the_information(reader)["dc:creator"]  # the facilitators
    assert _assert_streams_are_pdfa_syntax(data) > len(reader.pages)  # pages, forms, fonts, profile, XMP
    assert "/Encrypt" not in reader.trailer and len(reader.trailer["/ID"]) == 2
    filters = {str(page["/Contents"].get_object()["/Filter"]) for page in reader.pages}
    assert filters == {"['/FlateDecode']"}, filters  # deflated, without reportlab's ASCII85 layer
    pictures = [
        x.get_object()
        for page in reader.pages
        for x in page["/Resources"].get("/XObject", {}).values()
        if x.get_object()["/Subtype"] == "/Image"
    ]
    assert len(pictures) >= len(photos) > 0
    for picture in pictures:  # the photos too: as they are (JPEG) or deflated, never ASCII85
        assert "/ASCII85Decode" not in str(picture.get("/Filter")), picture.get("/Filter")


def test_hostile_text_in_the_title_gives_valid_xmp_equal_to_the_information() -> None:
    snapshot, photos = make_snapshot(n_groups=2, n_cards=3, photos=0)
    info = replace(snapshot.info, title=HOSTILE_TITLE, facilitators="A & B <C>\x07 «D»", territory="Lyon")
    reader = PdfReader(io.BytesIO(render_pdf(replace(snapshot, info=info), photos)))
    xmp = _assert_xmp_repeats_the_information(reader)
    assert HOSTILE_TITLE in xmp["dc:title"]
    assert xmp["dc:creator"].startswith("A & B <C>")  # the bell (not XML) left out of both
    anonymous = PdfReader(io.BytesIO(render_pdf(replace(snapshot, info=info), photos, anonymise=True)))
    assert _assert_xmp_repeats_the_information(anonymous)["dc:creator"] == "Atelier Résilience"


def test_xmp_packet_escapes_markup() -> None:
    packet = xmp_packet(
        {"Title": "<a> & </x:xmpmeta>", "Author": "", "Creator": "C"}, "2000-01-01T00:00:00+00:00"
    )
    root = ET.fromstring(packet.split(b"?>", 1)[1].rsplit(b"<?xpacket", 1)[0])
    texts = [e.text for e in root.iter() if e.text and e.text.strip()]
    assert "<a> & </x:xmpmeta>" in texts and "C" in texts
    assert b"dc:creator" not in packet  # an empty entry is not repeated


def _tiny_pdf(author: str, text: str = "Un paragraphe.") -> bytes:
    buffer = io.BytesIO()
    doc = AtelierDocTemplate(
        buffer, header="En-tête", footer_date="", title="Un titre", author=author, subject="", lang="fr-FR"
    )
    doc.build([Paragraph(text)])
    return buffer.getvalue()


def test_empty_entries_are_left_out_and_no_bookmarks_no_bookmarks_pane() -> None:
    data = _tiny_pdf(author="")
    reader = PdfReader(io.BytesIO(data))
    info = reader.trailer["/Info"].get_object()
    assert "/Author" not in info and "/Subject" not in info and "/Keywords" not in info
    assert "/Trapped" not in info and info["/Title"] == "Un titre"
    root = reader.trailer["/Root"]
    assert "/Outlines" not in root and root["/PageMode"] == "/UseNone"
    assert "/OutputIntents" in root
    xmp = _assert_xmp_repeats_the_information(reader)
    assert "dc:creator" not in xmp and "dc:description" not in xmp
    _assert_streams_are_pdfa_syntax(data)


def test_identical_input_identical_bytes_and_the_id_follows_the_content() -> None:
    # the export tests run in reportlab's invariant mode (tests/export/conftest.py): fixed dates
    first, again = _tiny_pdf("Moi"), _tiny_pdf("Moi")
    assert first == again
    other = _tiny_pdf("Moi", text="Un autre paragraphe.")  # same information, other content
    ids = [PdfReader(io.BytesIO(d)).trailer["/ID"][0] for d in (first, other)]
    assert ids[0] != ids[1]


def _header(profile: bytes) -> dict[str, Any]:
    return {
        "size": int.from_bytes(profile[0:4], "big"),
        "class": profile[12:16],
        "space": profile[16:20],
        "pcs": profile[20:24],
        "magic": profile[36:40],
    }


def test_the_shipped_profile_is_littlecms_srgb() -> None:
    from PIL import ImageCms  # the tests may use Pillow; the export does not

    shipped = srgb_profile()
    made = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    assert _header(shipped) == {
        "size": len(shipped),
        "class": b"mntr",
        "space": b"RGB ",
        "pcs": b"XYZ ",
        "magic": b"acsp",
    }
    # the same profile, but for its creation date (bytes 24–35 of the header)
    assert shipped[:24] + shipped[36:] == made[:24] + made[36:]
    profile = ImageCms.ImageCmsProfile(io.BytesIO(shipped)).profile
    assert profile.profile_description == "sRGB built-in" and profile.xcolor_space == "RGB "
    assert profile.copyright == "No copyright, use freely"  # what THIRD-PARTY-NOTICES.md says


def test_a_cli_export_imports_neither_pikepdf_nor_lxml_nor_imagecms(tmp_path: Path) -> None:
    """``atelier export ID --pdf`` of a workshop without photos: reportlab alone writes the PDF/A. (PIL.Image
    itself is imported by reportlab.lib.utils, whatever the document: reportlab needs it for pictures.)"""
    from workshop_app.store import open_store
    from workshop_app.store.demo import create_demo_workshop

    with open_store() as store:
        workshop_id = create_demo_workshop(store)
    target = tmp_path / "cr.pdf"
    code = (
        "import sys; from workshop_app.cli import main;"
        f"code = main(['export', {workshop_id!r}, '--pdf', {str(target)!r}, '-q']);"
        "bad = sorted(m for m in ('pikepdf', 'lxml', 'PIL.ImageCms', 'PIL._imagingcms') if m in sys.modules);"
        "print(bad); sys.exit(code or (1 if bad else 0))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    reader = PdfReader(target)
    assert len(reader.pages) > 5 and "/OutputIntents" in reader.trailer["/Root"]
    _assert_xmp_repeats_the_information(reader)


@pytest.mark.parametrize("anonymise", [False, True])
def test_pikepdf_reads_the_same_identification(anonymise: bool) -> None:
    """A second, independent reader (qpdf, its XMP parser) agrees."""
    pikepdf = pytest.importorskip("pikepdf")
    snapshot, photos = make_snapshot(n_groups=2, n_cards=3)
    with pikepdf.open(io.BytesIO(render_pdf(snapshot, photos, anonymise=anonymise))) as pdf:
        meta = pdf.open_metadata()
        assert meta["pdfaid:part"] == "2" and meta["pdfaid:conformance"] == "B"
        assert meta["dc:title"] == str(pdf.docinfo["/Title"])
        assert meta["dc:creator"] == [str(pdf.docinfo["/Author"])]
        if anonymise:
            assert str(pdf.docinfo["/Author"]) == "Atelier Résilience"


@pytest.mark.parametrize(
    ("zone", "written"),
    [("IST-5:30", "+05'30'"), ("MART9:30", "-09'30'"), ("CET-1", "+01'00'"), ("UTC0", "+00'00'")],
)
def test_the_dates_carry_the_time_zone_with_its_minutes(
    monkeypatch: pytest.MonkeyPatch, zone: str, written: str
) -> None:
    """India (+05:30) and the Marquesas (−09:30): reportlab alone writes +05'00' and -09'00'. POSIX zone
    strings, so that no time zone database is needed (« IST-5:30 » is five and a half hours ahead of UTC)."""
    import time

    from reportlab import rl_config

    monkeypatch.setattr(rl_config, "invariant", 0)  # the tests' fixed date is in UTC: the clock's, here
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    monkeypatch.setenv("TZ", zone)
    time.tzset()
    try:
        snapshot, photos = make_snapshot(n_groups=2, n_cards=2, photos=0)
        reader = PdfReader(io.BytesIO(render_pdf(snapshot, photos)))
        info = reader.trailer["/Info"].get_object()
        assert str(info["/CreationDate"]).endswith(written), info["/CreationDate"]
        assert _assert_xmp_repeats_the_information(reader)["xmp:CreateDate"].endswith(
            written.replace("'", ":", 1).rstrip("'")
        )
    finally:
        monkeypatch.undo()
        time.tzset()


@pytest.mark.parametrize("last", [b"\n", b"\r", b"\r\n", b"x", b""])
def test_every_stream_gets_its_end_of_line_whatever_its_last_byte(last: bytes) -> None:
    """A deflated stream ends in any byte, a line feed 1 time in 128: that byte is data, inside ``/Length``;
    the end of line before ``endstream`` comes after it, always."""
    from reportlab.pdfbase.pdfdoc import PDFDictionary, PDFDocument, PDFStream

    document = PDFDocument()
    document.atelier_archival = True
    content = b"q 1 0 0 1 0 0 cm Q" + last
    data = PDFStream(PDFDictionary(), content=content, filters=[]).format(document)
    _assert_streams_are_pdfa_syntax(b" obj\n" + data)
    assert data.endswith(content + b"\nendstream\n")
    plain = PDFDocument()  # not ours: reportlab's bytes, unchanged
    theirs = PDFStream(PDFDictionary(), content=content, filters=[]).format(plain)
    assert theirs.endswith(content + b"endstream\n")


def test_the_stream_syntax_holds_on_many_compte_rendus() -> None:
    """Forty small workshops of different contents: their deflated streams end in every possible byte."""
    streams = 0
    for seed in range(40):
        shape = {"n_groups": 2 + seed % 4, "n_cards": 2 + seed % 5, "photos": seed % 2}
        snapshot, photos = make_snapshot(**shape, seed=seed)
        streams += _assert_streams_are_pdfa_syntax(render_pdf(snapshot, photos))
    assert streams > 40 * 20


def test_it_is_archival_with_the_installed_reportlab() -> None:
    """A reportlab upgrade turns the archival finish off (its internals may have moved): run this file's tests
    with the new version (add it to ``pdfa.VERIFIED``) and keep it when they pass."""
    import reportlab

    from workshop_app.export import pdfa

    assert pdfa.ARCHIVAL, f"reportlab {reportlab.Version} is not in pdfa.VERIFIED"


def test_with_another_reportlab_the_pdf_is_still_written_without_the_finish(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from workshop_app.export import pdfa

    monkeypatch.setattr(pdfa, "ARCHIVAL", False)
    snapshot, photos = make_snapshot(n_groups=2, n_cards=3)
    reader = PdfReader(io.BytesIO(render_pdf(snapshot, photos)))
    assert len(reader.pages) > 3 and "Sommaire" in "".join(p.extract_text() for p in reader.pages[:3])
    assert "/OutputIntents" not in reader.trailer["/Root"] and "/Metadata" not in reader.trailer["/Root"]


def test_a_missing_colour_profile_says_so_in_french(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from workshop_app.core.errors import AtelierError
    from workshop_app.export import pdfa

    monkeypatch.setattr(pdfa, "resource_path", lambda *parts: tmp_path / parts[-1])
    pdfa.srgb_profile.cache_clear()
    try:
        snapshot, photos = make_snapshot(n_groups=2, n_cards=2, photos=0)
        with pytest.raises(AtelierError, match=r"Profil de couleurs introuvable.*sRGB\.icc.*Réinstallez"):
            render_pdf(snapshot, photos)
    finally:
        pdfa.srgb_profile.cache_clear()
