"""The compte-rendu PDF: content read back with pypdf, hostile text, fonts, atomic write, progress."""

from __future__ import annotations

import io
import re
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from export_decks import boussole_deck
from export_factory import HOSTILE, make_snapshot, participant_names, pdf_text
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from workshop_app.core.events import Event, EventKind
from workshop_app.core.workshop import WorkshopInfo, WorkshopSnapshot
from workshop_app.export.pdf import FOOTER_NOTICE, build_pdf, render_pdf
from workshop_app.export.pdf.escaping import MISSING, clean, markup


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[WorkshopSnapshot, Path, str]:
    from reportlab import rl_config

    previous, rl_config.invariant = rl_config.invariant, 1
    try:
        snapshot, photos = make_snapshot(n_groups=4, n_cards=10)
        target = tmp_path_factory.mktemp("pdf") / "cr.pdf"
        build_pdf(snapshot, photos, target)
    finally:
        rl_config.invariant = previous
    return snapshot, target, pdf_text(target)


def test_valid_pdf_with_embedded_fonts_and_numbered_pages(built: tuple[WorkshopSnapshot, Path, str]) -> None:
    _, target, text = built
    data = target.read_bytes()
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    reader = PdfReader(str(target))
    n = len(reader.pages)
    assert n > 8
    fonts = set()
    for page in reader.pages:
        resources = page["/Resources"]
        for font in resources.get("/Font", {}).values():
            font = font.get_object()
            descendants = font.get("/DescendantFonts")
            target_font = descendants[0].get_object() if descendants else font
            descriptor = target_font.get("/FontDescriptor")
            assert descriptor is not None, font
            descriptor = descriptor.get_object()
            assert "/FontFile2" in descriptor, f"font not embedded: {font.get('/BaseFont')}"
            fonts.add(str(font.get("/BaseFont")))
    assert fonts and all("DejaVuSans" in f for f in fonts), fonts
    assert f"Page 1 / {n}" in text and f"Page {n} / {n}" in text
    # a self-assessment and a strategy game: the footer names both, on every page
    assert text.count(f"{FOOTER_NOTICE} et jeu de stratégie") == n
    assert "23 novembre 2026" in text
    assert reader.outline, "the PDF has bookmarks"


def test_sections_and_self_assessment_statement(built: tuple[WorkshopSnapshot, Path, str]) -> None:
    _, _, text = built
    for title in (
        "Synthèse",
        "Sommaire",
        "Contexte, objectifs et programme",
        "Programme",
        "Méthode : jeux utilisés et calcul des scores",
        "Résultats : la boussole",
        "Points forts",  # in the synthesis, printed once
        "Accords et désaccords entre les tables",
        "Bilan de la séance",
        "Engagements et plan d'action",
        "Annexe A — Réponses carte par carte",
        "Annexe B — Déroulé carte par carte",
        "Annexe C — Catalogue des cartes stratégie",
        "Annexe D — Scores par table",
        "Annexe E — Participants par service",
        "Annexe F — Tableau brut des réponses",
        "Annexe G — Photos",
    ):
        assert title in text, title
    # a self-assessment and a strategy game: the notice says what the figures of each one are
    assert "ce document réunit des jeux qui ne se lisent pas de la même façon" in text.lower()
    assert "les scores sont l'autoévaluation des tables elles-mêmes" in text
    assert "les scores décrivent les effets attendus des stratégies construites pendant le jeu" in text
    assert "Aucun de ces résultats n'est un indice officiel" in text
    assert "Hôtel de ville, salle du conseil" in text and "Équipe Cerema Hauts-de-France" in text
    assert "12 participants" in text  # inclusive writing is a setting, off by default
    assert "Un atelier jugé concret" in text  # debrief: felt
    assert "Photo 1 — Tableau de post-it de la table 1" in text


def test_every_group_answer_and_argument_for_cards(built: tuple[WorkshopSnapshot, Path, str]) -> None:
    snapshot, _, text = built
    deck = snapshot.sequences[0].deck
    state = snapshot.sequence_state("s1")
    checked = 0
    for card in deck.cards[:4]:
        assert card.title in text
        for group in snapshot.groups:
            answer = state.answer(group.id, card.id)
            if answer is None:
                continue
            option = deck.option(answer.option)  # type: ignore[union-attr]
            assert option.label in text
            assert answer.argument in text
            checked += 1
    assert checked >= 8


def test_strategy_picks_budget_and_violations(built: tuple[WorkshopSnapshot, Path, str]) -> None:
    _, _, text = built
    assert "Désimperméabiliser les cours d'école" in text
    assert "13 / 15 points dépensés" in text  # c1 + c2 + c3 + c7
    assert "21 / 15 points dépensés" in text and "Budget dépassé de 6 points" in text
    assert "Règle non respectée : « Zone d'activités sur friche » est incompatible avec" in text


def test_action_plan_with_deadlines_and_lever_labels(built: tuple[WorkshopSnapshot, Path, str]) -> None:
    snapshot, _, text = built
    for action in snapshot.actions:
        assert action.action in text
    assert "15 février 2027" in text
    assert "1.1 Assurer une gouvernance partagée" in text
    assert "Urbanisme (Ville)" in text


def test_percentages_and_quotes_use_french_typography(built: tuple[WorkshopSnapshot, Path, str]) -> None:
    _, target, _ = built
    raw = "\n".join(p.extract_text() or "" for p in PdfReader(str(target)).pages)
    assert re.search(r"\d+\s%", raw)  # « 45 % »
    # no-break spaces: a line never starts with « % », « : » or « » », nor ends with « « »
    lines = [line.strip() for line in raw.splitlines()]
    assert not [line for line in lines if line.startswith(("%", "»", ":", ";", "?"))]
    assert not [line for line in lines if line.endswith("«")]
    assert "\u202f" not in raw


def test_hostile_text_printed_as_text(tmp_path: Path) -> None:
    snapshot, photos = make_snapshot(n_groups=3, n_cards=4, hostile=True, long_text=True)
    target = tmp_path / "hostile.pdf"
    build_pdf(snapshot, photos, target)
    text = pdf_text(target)
    for raw in HOSTILE:
        assert raw in text, raw
    assert "Table <b>a<b & c>d" in text  # a group name
    assert MISSING in text  # the Chinese characters the font lacks
    assert "Un très long argument." in text and "x" * 200 in text.replace(" ", "")


def test_long_argument_splits_across_pages(tmp_path: Path) -> None:
    snapshot, photos = make_snapshot(n_groups=3, n_cards=2, long_text=True, strategy=False, photos=0)
    data = render_pdf(snapshot, photos)
    reader = PdfReader(io.BytesIO(data))
    pages_with = [
        i for i, p in enumerate(reader.pages) if "Un très long argument." in (p.extract_text() or "")
    ]
    assert len(pages_with) >= 4  # 30,000 characters in a table cell: split over several pages


def test_anonymised_pdf_has_no_participant_name(tmp_path: Path) -> None:
    snapshot, photos = make_snapshot(n_groups=3, n_cards=6, notes_per_answer=True)
    names = participant_names(snapshot)
    assert names
    plain = pdf_text(render_pdf(snapshot, photos))
    assert any(name in plain for name in names)  # the list of participants, in the normal version
    target = tmp_path / "anonyme.pdf"
    build_pdf(snapshot, photos, target, anonymise=True)
    text = pdf_text(target)
    for name in names:
        assert name not in text, name
        for part in name.split():
            if len(part) > 4:
                assert f" {part} " not in f" {text} " or part in ("Chargé·e",), part
    assert "Participant 1" in text and "Version anonymisée" in text
    assert "Urbanisme" in text and "Agglomération" in text  # services and organisations kept


def test_note_authors_never_printed(tmp_path: Path) -> None:
    snapshot, photos = make_snapshot(n_groups=2, n_cards=3)
    events = [
        *snapshot.events,
        Event(10_000, EventKind.NOTE_ADDED, payload={"text": "Note libre", "author": "Zébulon Auteur"}),
    ]
    text = pdf_text(render_pdf(replace(snapshot, events=tuple(events)), photos))
    assert "Note libre" in text and "Zébulon" not in text


def test_byte_stable_output() -> None:
    snapshot, photos = make_snapshot(n_groups=2, n_cards=3)
    assert render_pdf(snapshot, photos) == render_pdf(snapshot, photos)


def test_empty_workshop_builds() -> None:
    snapshot = WorkshopSnapshot(info=WorkshopInfo(id="w", title="Atelier vide"))
    text = pdf_text(render_pdf(snapshot, {}))
    assert "Atelier vide" in text and "Aucune séquence n'a été jouée" in text


def test_unplayed_deck_and_missing_or_broken_photos() -> None:
    snapshot, photos = make_snapshot(n_groups=3, n_cards=5, photos=3)
    events = tuple(e for e in snapshot.events if e.sequence_id != "s1")
    broken = {snapshot.attachments[0].id: b"not an image", snapshot.attachments[1].id: photos["att02"][:100]}
    text = pdf_text(render_pdf(replace(snapshot, events=events), broken))
    assert "image absente ou illisible" in text
    assert "non renseigné" in text


def test_many_groups_use_short_column_labels() -> None:
    snapshot, photos = make_snapshot(n_groups=12, n_cards=6, photos=0)
    text = pdf_text(render_pdf(snapshot, photos))
    assert "T12 : Table des Peupliers" in text


def test_shipped_decks_build(scenarios_dir: Path) -> None:
    from workshop_app.core.deck import QuestionDeck
    from workshop_app.core.deck_loader import load_deck

    decks = [load_deck(p) for p in sorted(scenarios_dir.glob("*.yaml"))]
    questions = [d for d in decks if isinstance(d, QuestionDeck)]
    assert len(questions) >= 2  # et-si-33 and boussole-autodiagnostic
    for deck in questions:
        snapshot, photos = make_snapshot(n_groups=3, deck=deck, photos=0)
        text = pdf_text(render_pdf(snapshot, photos))
        assert deck.cards[0].title.split()[0] in text


def test_escaping_rules() -> None:
    assert markup("a<b & c>d\nligne") == "a&lt;b &amp; c&gt;d<br/>ligne"
    assert clean("x\u202fy") == "x\u00a0y"
    assert clean("\x00\x07ok\r\nfin") == "ok\nfin"
    assert clean("中文字") == MISSING
    assert clean("é") == "é" and clean("e\u0301") == "é"


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(min_size=0, max_size=300))
def test_any_text_builds(text: str) -> None:
    deck = boussole_deck(2)
    snapshot, photos = make_snapshot(n_groups=2, deck=deck, strategy=False, photos=0, n_participants=2)
    events = [
        *snapshot.events,
        Event(9_000, EventKind.CHOICE_RECORDED, "s1", "g01", "q01", {"option": "2", "argument": text}),
        Event(9_001, EventKind.NOTE_ADDED, "s1", "g02", "q02", {"text": text}),
    ]
    info = replace(snapshot.info, title=text or "x", territory=text, context=text)
    assert render_pdf(replace(snapshot, events=tuple(events), info=info), photos).startswith(b"%PDF")


def test_export_imports_no_qt() -> None:
    code = (
        "import sys; import workshop_app.export.pdf, workshop_app.export.tabular, workshop_app.export.bundle;"
        "bad=[m for m in sys.modules"
        " if m.startswith(('PySide6','pyqtgraph','workshop_app.ui','workshop_app.store'))];"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr


def test_contents_page_numbers_match_the_headings(built: tuple[WorkshopSnapshot, Path, str]) -> None:
    """The contents are laid out in one pass, their page numbers drawn after the last page: each entry's
    number is the page its bookmark points to, and « Page N / M » is on every page."""
    _, target, _ = built
    reader = PdfReader(str(target))
    n = len(reader.pages)
    for index, page in enumerate(reader.pages, start=1):
        assert f"Page {index} / {n}" in page.extract_text()

    def flat(items: list[object]) -> list[object]:
        out: list[object] = []
        for item in items:
            out += flat(item) if isinstance(item, list) else [item]
        return out

    outline = flat(reader.outline)
    assert len(outline) > 10
    pages = [" ".join(page.extract_text().split()) for page in reader.pages[1:5]]
    contents = next(p for p in pages if "Sommaire" in p)  # after the synthesis
    for entry in outline:
        title = " ".join(str(entry.title).split())  # type: ignore[attr-defined]
        page = reader.get_destination_page_number(entry) + 1  # type: ignore[arg-type]
        # the dots and number are drawn just before the entry's text, so they come first in the text
        found = re.search(r"(?:\. )+(\d+) " + re.escape(title), contents)
        assert found, title
        assert int(found.group(1)) == page, title


def test_archival_pdfa_identification_output_intent_and_first_view() -> None:
    import pikepdf

    snapshot, photos = make_snapshot(n_groups=3, n_cards=4)
    data = render_pdf(snapshot, photos)
    with pikepdf.open(io.BytesIO(data)) as pdf:
        meta = pdf.open_metadata()
        assert meta["pdfaid:part"] == "2" and meta["pdfaid:conformance"] == "B"
        assert meta["dc:title"] == str(pdf.docinfo["/Title"])
        assert meta["xmp:CreateDate"] and meta["pdf:Producer"] == str(pdf.docinfo["/Producer"])
        intent = pdf.Root.OutputIntents[0]
        assert intent.S == "/GTS_PDFA1" and "sRGB" in str(intent.OutputConditionIdentifier)
        profile = intent.DestOutputProfile
        assert int(profile.N) == 3 and profile.read_bytes()[36:40] == b"acsp"  # an ICC profile
        assert pdf.Root.PageMode == "/UseOutlines" and "/Outlines" in pdf.Root
        assert str(pdf.Root.Lang) == "fr-FR" and bool(pdf.Root.ViewerPreferences.DisplayDocTitle)
        annotations = [a for page in pdf.pages for a in page.obj.get("/Annots", [])]
        assert annotations and all(int(a.F) & 4 for a in annotations)  # links print
        assert "/Encrypt" not in pdf.trailer
    anonymous = render_pdf(snapshot, photos, anonymise=True)
    with pikepdf.open(io.BytesIO(anonymous)) as pdf:
        assert str(pdf.docinfo["/Author"]) == "Atelier Résilience"
        assert pdf.open_metadata()["dc:creator"] == ["Atelier Résilience"]


def test_typography_of_our_strings_and_typed_text() -> None:
    from workshop_app.export.report.text import writing

    assert clean("l'eau d'aujourd'hui, D'ATELIER") == "l’eau d’aujourd’hui, D’ATELIER"
    assert clean("'entre guillemets'") == "'entre guillemets'"  # a quotation mark, not an apostrophe
    assert clean("CCAS (Participant·e 8)") == "CCAS (Participant\u00a08)"  # never broken before its number
    with writing(True):
        assert clean("16 participant·es") == "16 participant·es"
    assert clean("16 participant·es") == "16 participants"
