"""The two editions of the compte-rendu, read back from real PDFs with pypdf: the synthesis on page 2, the
short edition for elected officials within 8 pages, the complete body within about 12 pages before the
annexes, and a deliverable's voice (no note for developers or deck authors, no jargon, one apostrophe)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from export_factory import make_snapshot, pdf_pages

from workshop_app.core.catalogue import find_deck
from workshop_app.core.workshop import WorkshopSnapshot
from workshop_app.export.pdf import build_pdf
from workshop_app.store.demo import build_demo_snapshot

BANNED = (
    "vérifiez-les",
    "corrigez-les",
    "les questions sont les nôtres",
    "à vérifier avec le document de référence",
    "pas le kit",
    "Équipe Atelier Résilience",
    "Formulés par les participant",
    "renforcé par les stratégies",
)
JARGON = re.compile(r"\bq\d\d\b|\bT\d+\b|\bcrans?\b|\bpoids \d|\bn\.r\.|\bn\.c\.|\d+ ?%\)")


def _demo() -> WorkshopSnapshot:
    return build_demo_snapshot(find_deck("et-si-33"), find_deck("nature-en-ville"))  # type: ignore[arg-type]


def _full_day() -> WorkshopSnapshot:
    snapshot, _ = make_snapshot(
        n_groups=12, n_cards=33, notes_per_answer=True, n_actions=20, photos=0, answered_share=1.0
    )
    return snapshot


@pytest.fixture(scope="module", params=["demo", "full_day"])
def editions(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, list[str]]:
    from reportlab import rl_config

    snapshot = _demo() if request.param == "demo" else _full_day()
    folder = tmp_path_factory.mktemp(request.param)
    out: dict[str, list[str]] = {}
    previous, rl_config.invariant = rl_config.invariant, 1
    try:
        for edition in ("complet", "synthese"):
            target = folder / f"{edition}.pdf"
            build_pdf(snapshot, {}, target, edition=edition)
            out[edition] = [" ".join(p.replace("\u00a0", " ").split()) for p in pdf_pages(target)]
    finally:
        rl_config.invariant = previous
    return out


def _body(pages: list[str]) -> list[str]:
    """The pages before the annexes (the title « Annexes » opens a page of its own)."""
    for index, page in enumerate(pages):
        if "Annexe A —" in page and "Sommaire" not in page:
            return pages[:index]
    return pages


def test_the_synthesis_opens_the_document(editions: dict[str, list[str]]) -> None:
    for pages in editions.values():
        assert "Synthèse" in pages[1] and "Points forts" in pages[1]
        assert "Sommaire" not in pages[1]
        synthesis = " ".join(pages[1:3])
        assert "Le plan d’action" in synthesis and "Accords et désaccords" in synthesis


def test_edition_lengths(editions: dict[str, list[str]]) -> None:
    assert len(editions["synthese"]) <= 8
    assert not any("Annexe A —" in p for p in editions["synthese"])
    timeline = "La boussole au fil de la séance"  # the day's record: the complete edition only
    assert any(timeline in p for p in editions["complet"])
    assert not any(timeline in p for p in editions["synthese"])
    body = _body(editions["complet"])
    opening = "1. Contexte, objectifs et programme"
    start = next(i for i, p in enumerate(body) if opening in p and "Sommaire" not in p)
    assert start <= 4  # cover, synthesis (1–2 pages), contents
    assert len(body) - start <= 12  # the body, before the annexes
    annexes = " ".join(editions["complet"][len(body):])
    for title in ("Réponses carte par carte", "Tableau brut des réponses", "Participants par service"):
        assert title in annexes


def test_no_developer_voice_and_no_jargon_in_the_body(editions: dict[str, list[str]]) -> None:
    for edition, pages in editions.items():
        text = " ".join(pages)
        for phrase in BANNED:
            assert phrase not in text, (edition, phrase)
        body = " ".join(_body(pages))
        found = JARGON.findall(body)
        assert not found, (edition, found[:5])
        assert re.search(r"\b\d+/100\b", body)  # scores are written « 60/100 »


def test_one_apostrophe_everywhere(editions: dict[str, list[str]]) -> None:
    for pages in editions.values():
        text = " ".join(pages)
        assert "’" in text
        assert "'" not in text, re.findall(r".{20}'.{20}", text)[:3]


def test_strategy_effects_are_not_strengths(editions: dict[str, list[str]]) -> None:
    synthesis = editions["complet"][1]
    strengths = synthesis.split("Points forts")[1].split("Accords et désaccords")[0]
    for axis in ("Adaptation à la chaleur", "Biodiversité", "Gestion des eaux pluviales"):
        assert axis not in strengths


def test_the_demo_says_who_wrote_the_findings(tmp_path: Path) -> None:
    target = tmp_path / "demo.pdf"
    build_pdf(_demo(), {}, target, edition="synthese")
    page = " ".join(pdf_pages(target)[1].split())
    assert "Proposés par l’application d’après les scores, validés par l’animation." in page


def test_inclusive_writing_is_a_setting(tmp_path: Path) -> None:
    snapshot = _demo()
    plain, inclusive = tmp_path / "plain.pdf", tmp_path / "inclusive.pdf"
    build_pdf(snapshot, {}, plain, edition="synthese")
    build_pdf(snapshot, {}, inclusive, edition="synthese", inclusive=True)
    assert "participant·es" not in " ".join(pdf_pages(plain)) and "16 participants" in pdf_pages(plain)[1]
    assert "16 participant·es" in " ".join(pdf_pages(inclusive)[1].split())
    cover = " ".join(pdf_pages(plain)[0].replace("\u00a0", " ").split())
    assert "16 participants, dont 3 élus (Ville" in cover  # counted, not listed as a service
    assert "Élus" not in cover.split("Services représentés")[1].split("Tables")[0]


def test_unknown_edition_is_refused(tmp_path: Path) -> None:
    from workshop_app.core.errors import AtelierError

    with pytest.raises(AtelierError, match="Édition inconnue"):
        build_pdf(_demo(), {}, tmp_path / "x.pdf", edition="longue")
