"""Privacy that holds: an anonymised PDF, DOCX, CSV, XLSX or pack holds no participant name, even typed into
an argument, a note, the debrief or an action in another form; notes « hors compte-rendu » reach no export."""

from __future__ import annotations

import io
import json
import re
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest
from docx import Document
from export_factory import make_snapshot, pdf_text
from openpyxl import load_workbook

from workshop_app.core.events import Event, EventKind
from workshop_app.core.workshop import AttachmentInfo, Debrief, ParticipantInfo, WorkshopSnapshot
from workshop_app.export import tabular
from workshop_app.export.anonymise import Anonymiser, fold, for_export, public_attachments
from workshop_app.export.bundle import export_bundle
from workshop_app.export.docx import render_docx
from workshop_app.export.pack import render_pack
from workshop_app.export.pdf import render_pdf

# every form the review met or the issue lists, for participants of the factory
TYPED = (
    "M. Dupont et Mme Garnier ne sont pas d’accord ; Nadia propose un registre. "
    "Le DGS (Chevalier) veut un exercice ; DUPONT Marie aussi, comme M Dupont et m. dupont. "
    "Jean Lefevre (sans accent), J. Lefèvre, LEFÈVRE Jean, Sophie LAMBERT, Lambert seule, "
    "Pierre-Chevalier, marie dupont."
)
# the facilitators are people too: their names go, their roles stay
FACILITATORS = "Claire Fontaine (Cerema, direction territoriale) ; Mathieu Lefort, Ville de Valmont"
ABOUT_FACILITATORS = "Claire Fontaine a rappelé la règle ; selon M. Lefort et Mme Fontaine, tout est dit."
SECRET = "La table du Canal préfère des actions rapides et visibles avant les élections."


def _snapshot() -> tuple[WorkshopSnapshot, dict[str, bytes]]:
    snapshot, photos = make_snapshot(n_groups=3, n_cards=4, n_participants=5, photos=1)
    events = list(snapshot.events)
    first_choice = next(e for e in events if e.kind is EventKind.CHOICE_RECORDED)
    events[events.index(first_choice)] = replace(
        first_choice, payload={**first_choice.payload, "argument": TYPED}
    )
    seq = max(e.seq for e in events)
    at = events[-1].at
    events.append(Event(seq=seq + 1, kind=EventKind.NOTE_ADDED, at=at, payload={"text": TYPED}))
    events.append(
        Event(seq=seq + 2, kind=EventKind.NOTE_ADDED, at=at, payload={"text": SECRET, "internal": True})
    )
    attachment = replace(
        snapshot.attachments[0], filename="photo Marie Dupont.png", caption="Nadia au tableau"
    )
    debrief = replace(snapshot.debrief, felt="Pour Mme Lambert, " + TYPED, happened=ABOUT_FACILITATORS)
    actions = (
        replace(snapshot.actions[0], owner="Marie Dupont"),
        replace(snapshot.actions[1], owner="Mathieu Lefort"),
        *snapshot.actions[2:],
    )
    out = replace(
        snapshot,
        info=replace(
            snapshot.info, facilitators=FACILITATORS, place="Salle du conseil, avec Claire Fontaine"
        ),
        events=tuple(events),
        attachments=(attachment,),
        debrief=debrief,
        actions=actions,
    )
    return out, {attachment.id: photos[snapshot.attachments[0].id]}


def _names(snapshot: WorkshopSnapshot) -> list[str]:
    people = [p.name for p in snapshot.participants] + ["Claire Fontaine", "Mathieu Lefort"]
    words = {w for name in people for w in re.split(r"[\s-]+", name) if len(w) > 2}
    return sorted(words)


def _assert_no_name(text: str, snapshot: WorkshopSnapshot, where: str) -> None:
    folded = fold(text)
    for word in _names(snapshot):
        assert not re.search(rf"(?<!\w){re.escape(fold(word))}(?!\w)", folded), f"{word} in {where}"


def _xlsx_text(data: bytes) -> str:
    workbook = load_workbook(io.BytesIO(data))
    cells = [str(c.value) for ws in workbook for row in ws.iter_rows() for c in row if c.value is not None]
    props = workbook.properties
    return " ".join([*cells, *workbook.sheetnames, str(props.title), str(props.subject), str(props.creator)])


def _docx_text(data: bytes) -> str:
    document = Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    parts += [c.text for t in document.tables for r in t.rows for c in r.cells]
    for section in document.sections:
        parts += [p.text for p in section.header.paragraphs + section.footer.paragraphs]
    props = document.core_properties
    parts += [props.author, props.title, props.subject, props.last_modified_by, props.comments]
    return " ".join(parts)


@pytest.fixture(scope="module")
def typed() -> tuple[WorkshopSnapshot, dict[str, bytes]]:
    return _snapshot()


def test_the_probe_really_holds_names(typed: tuple[WorkshopSnapshot, dict[str, bytes]]) -> None:
    snapshot, photos = typed
    text = pdf_text(render_pdf(snapshot, photos))
    assert "M. Dupont et Mme Garnier" in text and "Nadia propose" in text
    assert "Claire Fontaine" in text and "M. Lefort" in text  # on the cover and in the debrief
    assert {p.name for p in snapshot.participants} == {
        "Marie Dupont",
        "Jean Lefèvre",
        "Nadia Garnier",
        "Pierre Chevalier",
        "Sophie Lambert",
    }


def test_anonymised_pdf_has_no_name_in_text_or_metadata(
    typed: tuple[WorkshopSnapshot, dict[str, bytes]],
) -> None:
    from pypdf import PdfReader

    snapshot, photos = typed
    data = render_pdf(snapshot, photos, anonymise=True)
    text = pdf_text(data)
    assert "ne sont pas d’accord" in text.replace("'", "’")
    reader = PdfReader(io.BytesIO(data))
    meta = " ".join(str(v) for v in (reader.metadata or {}).values())
    xmp = reader.trailer["/Root"]["/Metadata"].get_object().get_data().decode("utf-8")

    def titles(items: list[object]) -> list[str]:
        out: list[str] = []
        for item in items:
            out += titles(item) if isinstance(item, list) else [str(getattr(item, "title", ""))]
        return out

    outline = " ".join(titles(reader.outline))
    assert "Synthèse" in outline
    _assert_no_name(" ".join([text, meta, xmp, outline]), snapshot, "PDF")
    assert "Marie Dupont.png" not in text and "photo-1.png" in text
    # the owner of the first action is her service, not a number; a facilitator's is « Animation »
    assert "Urbanisme (Ville)" in text
    # the cover keeps the facilitators' roles, the debrief says « l’animation »
    flat = " ".join(text.replace("'", "’").split())
    assert "Animation Cerema, direction territoriale ; Ville de Valmont" in flat
    assert "L’animation a rappelé la règle ; selon l’animation et l’animation" in flat


def test_anonymised_docx_csv_xlsx_have_no_name(typed: tuple[WorkshopSnapshot, dict[str, bytes]]) -> None:
    snapshot, photos = typed
    _assert_no_name(_docx_text(render_docx(snapshot, photos, anonymise=True)), snapshot, "DOCX")
    csv = tabular.csv_bytes(snapshot, anonymise=True).decode("utf-8-sig")
    assert "ne sont pas d’accord" in csv
    _assert_no_name(csv, snapshot, "CSV")
    _assert_no_name(_xlsx_text(tabular.xlsx_bytes(snapshot, anonymise=True)), snapshot, "XLSX")


def test_anonymised_pack_has_no_name_in_any_file(typed: tuple[WorkshopSnapshot, dict[str, bytes]]) -> None:
    snapshot, photos = typed
    archive = zipfile.ZipFile(io.BytesIO(render_pack(snapshot, photos, anonymise=True)))
    _assert_no_name(" ".join(archive.namelist()), snapshot, "pack file names")
    assert "photos/photo-1.png" in archive.namelist()
    for name in archive.namelist():
        data = archive.read(name)
        if name.endswith(".pdf"):
            text = pdf_text(data)
        elif name.endswith(".docx"):
            text = _docx_text(data)
        elif name.endswith(".xlsx"):
            text = _xlsx_text(data)
        elif name.endswith((".csv", ".txt", ".svg")):
            text = data.decode("utf-8-sig")
        else:
            continue
        _assert_no_name(text, snapshot, name)


def test_internal_note_reaches_no_export(typed: tuple[WorkshopSnapshot, dict[str, bytes]]) -> None:
    snapshot, photos = typed
    key = "avant les élections"
    assert key not in pdf_text(render_pdf(snapshot, photos))
    assert key not in _docx_text(render_docx(snapshot, photos))
    assert key not in tabular.csv_bytes(snapshot).decode("utf-8-sig")
    assert key not in _xlsx_text(tabular.xlsx_bytes(snapshot))
    archive = zipfile.ZipFile(io.BytesIO(render_pack(snapshot, photos)))
    assert key not in pdf_text(archive.read("compte-rendu.pdf"))
    # the note typed with names is an ordinary note: it stays
    assert "Nadia propose" in pdf_text(render_pdf(snapshot, photos))


def test_archive_keeps_internal_notes_unless_anonymised(
    typed: tuple[WorkshopSnapshot, dict[str, bytes]], tmp_path: Path
) -> None:
    snapshot, photos = typed
    export_bundle(snapshot, photos, tmp_path / "a.zip")
    kept = zipfile.ZipFile(tmp_path / "a.zip").read("workshop.json").decode("utf-8")
    assert SECRET in kept and '"internal": true' in kept
    export_bundle(snapshot, photos, tmp_path / "b.zip", anonymise=True)
    anonymised = zipfile.ZipFile(tmp_path / "b.zip").read("workshop.json").decode("utf-8")
    assert SECRET not in anonymised
    _assert_no_name(json.dumps(json.loads(anonymised), ensure_ascii=False), snapshot, "anonymised archive")


def test_owner_becomes_service_and_shared_names_get_no_number() -> None:
    people = [
        ParticipantInfo("a", name="Yves Moreau", service="Direction générale", organisation="Ville"),
        ParticipantInfo("b", name="Anne Moreau", service="CCAS", organisation="Ville"),
        ParticipantInfo("c", name="Jean-Pierre Le Gall", service="SDIS"),
    ]
    an = Anonymiser(people, True)
    assert an.text("M. Moreau") == "Participant·e"  # two Moreau: which one is not said
    assert an.text("Yves MOREAU et Anne") == "Participant·e 1 et Participant·e 2"
    assert an.text("JP Le Gall, Jean Pierre Le Gall, M. Le Gall") == ", ".join(["Participant·e 3"] * 3)
    assert an.text("le marchand, une vision claire, anne") == "le marchand, une vision claire, anne"
    assert an.owner("Anne Moreau") == "CCAS (Ville)"
    assert an.owner("CCAS (Anne Moreau)") == "CCAS"
    assert an.owner("Services techniques") == "Services techniques"


def test_short_surnames_after_a_civility_only() -> None:
    an = Anonymiser([ParticipantInfo("a", name="Aminata Ba"), ParticipantInfo("b", name="Wei Li")], True)
    assert an.text("Mme Ba et M. Li ; BA Aminata ; Wei Li") == (
        "Participant·e 1 et Participant·e 2 ; Participant·e 1 ; Participant·e 2"
    )
    assert an.text("un ba-ba, la bande à Li") == "un ba-ba, la bande à Li"


def test_for_export_renames_attachments_and_keeps_the_rest() -> None:
    snapshot, _ = make_snapshot(n_groups=2, n_cards=2, photos=2)
    public = for_export(snapshot, False)
    assert public == snapshot
    anonymous = for_export(snapshot, True)
    assert [a.filename for a in anonymous.attachments] == ["photo-1.png", "photo-2.png"]
    assert isinstance(anonymous.attachments[0], AttachmentInfo)
    assert anonymous.debrief == snapshot.debrief or isinstance(anonymous.debrief, Debrief)


def test_attachment_names_in_exports_never_repeat() -> None:
    snapshot, _ = make_snapshot(n_groups=2, n_cards=2, photos=3)
    same = tuple(replace(a, filename="tableau.png") for a in snapshot.attachments)
    names = [name for name, _ in public_attachments(replace(snapshot, attachments=same), False)]
    assert names == ["tableau.png", "tableau-2.png", "tableau-3.png"]


def test_anonymised_archive_names_no_facilitator(
    typed: tuple[WorkshopSnapshot, dict[str, bytes]], tmp_path: Path
) -> None:
    snapshot, photos = typed
    target = tmp_path / "anon.zip"
    export_bundle(snapshot, photos, target, anonymise=True)
    data = zipfile.ZipFile(target).read("workshop.json").decode("utf-8")
    workshop = json.loads(data)["workshop"]
    assert workshop["facilitators"] == "Cerema, direction territoriale ; Ville de Valmont"
    _assert_no_name(data, snapshot, "archive")


def test_facilitators_field_keeps_roles_only() -> None:
    anonymiser = Anonymiser([], True, "Jean-Pierre Le Gall et Nadia Haddad (DGS)")
    assert anonymiser.facilitators("Jean-Pierre Le Gall et Nadia Haddad (DGS)") == "DGS"
    assert (
        Anonymiser([], True, "Claire Fontaine, Mathieu Lefort").facilitators(
            "Claire Fontaine, Mathieu Lefort"
        )
        == ""
    )  # only names: the cover prints no « Animation » line
    team = "Équipe d’animation du programme"
    assert Anonymiser([], True, team).facilitators(team) == team  # no name in it
    assert Anonymiser([], False, FACILITATORS).facilitators(FACILITATORS) == FACILITATORS
    owner = Anonymiser([], True, FACILITATORS).owner
    assert owner("Cerema (Claire Fontaine)") == "Cerema" and owner("Mathieu Lefort") == "Animation"
