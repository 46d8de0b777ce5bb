"""The compte-rendu says what each deck's figures are: a self-assessment (33 « Et si… », autodiagnostic), the
tables' opinion of the subjects they rated (projects, services interviewed, candidate actions), or the
expected effects of a strategy game. Each workshop is played on a real SQLite file with the shipped decks,
then its PDF is read back with pypdf and its DOCX with python-docx: the right sentence is there, the wrong
one (« autoévaluation », « autodiagnostic » on a project rating) is not, in the footer of every page too."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest
from docx import Document
from export_factory import pdf_pages, pdf_text

from workshop_app.core.catalogue import find_deck
from workshop_app.core.deck import QuestionDeck, StrategyDeck
from workshop_app.core.workshop import WorkshopSnapshot
from workshop_app.export.docx import render_docx
from workshop_app.export.pdf import render_pdf
from workshop_app.store import WorkshopStore, open_store

# (deck id, subjects rated: one sequence each; none for a deck that rates the territory)
Plan = Sequence[tuple[str, Sequence[str]]]


@pytest.fixture
def store(tmp_path: Path) -> Iterator[WorkshopStore]:
    with open_store(f"sqlite:///{tmp_path / 'atelier.sqlite'}") as opened:
        yield opened


def _play(store: WorkshopStore, plan: Plan, tables: int = 3) -> WorkshopSnapshot:
    """Three tables answer every card, each differently (so that they agree on some and differ on
    others); a strategy table picks cards within the budget."""
    w = store.create_workshop("Atelier de Valmont", territory="Valmont")
    groups = [store.add_group(w.id, name) for name in ("Table Nord", "Table Sud", "Table Est")[:tables]]
    for deck_id, subjects in plan:
        deck = find_deck(deck_id)
        for subject in subjects or [""]:  # one sequence per subject, titled by its name
            store.add_sequence(w.id, deck, title=subject)
        if isinstance(deck, QuestionDeck) and deck.cobuilt is not None:
            store.add_criterion(w.id, deck.id, "Coût pour la commune")
        for index, seq in enumerate(s for s in store.snapshot(w.id).sequences if s.deck.id == deck.id):
            played = seq.deck
            if isinstance(played, StrategyDeck):
                for offset, g in enumerate(groups):
                    spent, budget = 0, played.strategy.budget
                    for card in played.cards[offset:] + played.cards[:offset]:
                        if not card.requires and not card.excludes and spent + card.cost <= budget:
                            store.pick_card(w.id, seq.id, g.id, card.id)
                            spent += card.cost
                continue
            options = [o for o in played.scale if o.value is not None]
            for c, card in enumerate(played.cards):
                store.show_card(w.id, seq.id, card.id)
                for g, group in enumerate(groups):
                    option = options[(c * (g + 1) + g + index * (c % 3)) % len(options)]
                    store.record_choice(w.id, seq.id, group.id, card.id, option.id, f"Argument {g + 1}")
    return store.snapshot(w.id)


def _footers(pages: list[str]) -> list[str]:
    return [next((line for line in p.splitlines() if "Document de travail" in line), "") for p in pages]


def _docx(snapshot: WorkshopSnapshot) -> tuple[str, str]:
    """The DOCX's body text and its footer."""
    document = Document(io.BytesIO(render_docx(snapshot, {})))
    body = " ".join(p.text for p in document.paragraphs)
    footer = " ".join(p.text for s in document.sections for p in s.footer.paragraphs)
    return " ".join(body.replace("\u00a0", " ").replace("\u2019", "'").split()), footer


SELF = "l'autoévaluation des groupes eux-mêmes"


@pytest.mark.parametrize("deck_id", ["et-si-33", "boussole-autodiagnostic"])
def test_a_self_assessment_says_so(store: WorkshopStore, deck_id: str) -> None:
    snapshot = _play(store, [(deck_id, ())])
    pdf = render_pdf(snapshot, {})
    text, pages = pdf_text(pdf), pdf_pages(pdf)
    assert f"À lire avant tout. Les scores de ce document sont {SELF}" in text
    assert all("Document de travail — autodiagnostic" in f for f in _footers(pages))
    assert "Scores sur 100 : l'autoévaluation des tables, pas une note du territoire." in text
    assert "Ces scores sont l'autoévaluation des groupes, pas un indice officiel." in text  # the method
    body, footer = _docx(snapshot)
    assert SELF in body and "Document de travail — autodiagnostic" in footer


@pytest.mark.parametrize(
    ("deck_id", "subjects", "each", "plural", "rows"),
    [
        ("entretiens-boussole", ("Urbanisme", "Eau"), "chaque service", "services", "leviers"),
        ("cotation-projet", ("Friche de la gare", "Place"), "chaque projet", "projets", "principes"),
        ("grille-decision", ("Cour d’école", "Parc"), "chaque action", "actions candidates", "critères"),
    ],
)
def test_a_deck_that_rates_subjects_never_calls_it_a_self_assessment(
    store: WorkshopStore, deck_id: str, subjects: tuple[str, ...], each: str, plural: str, rows: str
) -> None:
    snapshot = _play(store, [(deck_id, subjects)])
    pdf = render_pdf(snapshot, {})
    text, pages = pdf_text(pdf), pdf_pages(pdf)
    notice = f"À lire avant tout. Les notes de ce document sont l'avis que les tables ont donné sur {each}"
    assert notice in text
    assert "autoévaluation" not in text and SELF not in text
    assert all(f"Document de travail — avis des tables sur les {plural}" in f for f in _footers(pages))
    assert "autodiagnostic" not in text.lower()
    assert f"Ces notes sont l'avis des tables sur {each}, pas un indice officiel." in text  # the method
    assert f"— les {rows} où les tables s'écartent le plus" in text  # the synthesis, in the deck's own terms
    assert "pas un territoire faible" not in text
    body, footer = _docx(snapshot)
    assert f"l'avis que les tables ont donné sur {each}" in body and "autoévaluation" not in body
    assert f"Document de travail — avis des tables sur les {plural}" in footer


def test_a_project_read_on_its_own_scale_is_explained_on_it(store: WorkshopStore) -> None:
    snapshot = _play(store, [("cotation-projet", ("Friche de la gare", "Place du marché"))])
    text = pdf_text(render_pdf(snapshot, {}))
    synthesis = text[text.index("Synthèse") : text.index("Sommaire")]
    assert re.search(r"principes où les tables s'écartent le plus : [^(]+\(de −2 à [+−]?\d\)", synthesis)
    assert "/100" not in synthesis  # never « de 0 à 100/100 » for a project rated −2…+2
    assert "Notes des projets de −2 à +2, 0 = neutre : avis des tables." in synthesis
    method = text[text.index("Comment les scores sont calculés") :]
    assert "La note de chaque principe, pour chaque projet, est la moyenne des niveaux" in method
    assert "Le score d'un levier" not in method  # the project is rated on principles, not levers
    assert "« non concerné »" not in method  # the deck has no such answer
    assert "une moyenne des tables d'au moins +1 sur un principe se lit comme un point fort" in method


def test_interviews_count_one_service_in_the_singular(store: WorkshopStore) -> None:
    snapshot = _play(store, [("entretiens-boussole", ("Urbanisme — Ville", "Eau — Agglo"))])
    text = pdf_text(render_pdf(snapshot, {}))
    assert "pour 1 service sur 2" in text and "pour 1 services" not in text
    assert "d'au moins 62,5/100 sur un levier se lit comme un point fort" in text


def test_a_strategy_game_alone_speaks_of_expected_effects(store: WorkshopStore) -> None:
    snapshot = _play(store, [("nature-en-ville", ())])
    pdf = render_pdf(snapshot, {})
    text, pages = pdf_text(pdf), pdf_pages(pdf)
    assert "À lire avant tout. Les scores de ce document décrivent les effets attendus des stratégies" in text
    assert "autoévaluation" not in text and "autodiagnostic" not in text
    footer = "Document de travail — jeu de stratégie, pas un état du territoire"
    assert all(footer in f for f in _footers(pages))
    assert "Résultats : la boussole" not in text and "2. Résultats" in text  # its axes are not the Boussole
    synthesis = text[text.index("Synthèse") : text.index("Sommaire")]
    assert "Points forts" not in synthesis  # a strategy never gives any: no empty box
    assert "c'est le score de la boussole" not in text
    body, footer = _docx(snapshot)
    assert "effets attendus des stratégies" in body and "autoévaluation" not in body
    assert "Document de travail — jeu de stratégie, pas un état du territoire" in footer


@pytest.mark.parametrize(
    ("plan", "footer", "wanted"),
    [
        (
            [("et-si-33", ()), ("nature-en-ville", ())],
            "Document de travail — autodiagnostic et jeu de stratégie",
            [
                "Dans le jeu 33 « Et si… », les scores sont l'autoévaluation des tables elles-mêmes",
                "Dans le jeu « Stratégie nature en ville », les scores décrivent les effets attendus",
            ],
        ),
        (
            [("boussole-autodiagnostic", ()), ("cotation-projet", ("Friche de la gare",))],
            "Document de travail — autodiagnostic et avis des tables sur les projets",
            [
                "Dans le jeu « Autodiagnostic Boussole », les scores sont l'autoévaluation des tables",
                "Dans le jeu « Cotation de projet », les notes sont l'avis que les tables ont donné "
                "sur chaque projet",
            ],
        ),
    ],
)
def test_two_kinds_of_deck_in_one_workshop_each_read_right(
    store: WorkshopStore, plan: Plan, footer: str, wanted: list[str]
) -> None:
    snapshot = _play(store, plan)
    pdf = render_pdf(snapshot, {})
    text, pages = pdf_text(pdf), pdf_pages(pdf)
    assert "Ce document réunit des jeux qui ne se lisent pas de la même façon." in text
    for sentence in wanted:
        assert sentence in text
    assert SELF not in text  # « des groupes eux-mêmes » would cover the other deck too
    assert all(footer in f and "…" not in f for f in _footers(pages))  # whole, never cut
    body, docx_footer = _docx(snapshot)
    assert all(sentence in body for sentence in wanted) and footer in docx_footer


def test_interviews_by_one_interviewer_speak_of_one_table(store: WorkshopStore) -> None:
    snapshot = _play(store, [("entretiens-boussole", ("Urbanisme", "Eau"))], tables=1)
    pdf = render_pdf(snapshot, {})
    text, pages = pdf_text(pdf), pdf_pages(pdf)
    assert "Les notes de ce document sont l'avis que la table a donné sur chaque service" in text
    assert "les tables ont donné" not in text
    assert "Scores sur 100 : l'avis de la table sur chaque service" in text
    assert "Notes des services sur 100 : avis de la table." in text  # the synthesis' findings
    assert "Chaque case donne la note de la table. " in text and "C'est l'avis de la table" in text
    assert all("Document de travail — avis de la table sur les services" in f for f in _footers(pages))


def test_every_footer_fits_its_line_beside_the_longest_date() -> None:
    """Any one or two shipped decks: the footer's notice is whole on the line (the template would cut it
    with « … »), beside « 30 septembre 2026 » and « Page N / M »."""
    from itertools import combinations

    from reportlab.pdfbase.pdfmetrics import stringWidth

    from workshop_app.export.pdf.fonts import REGULAR, register_fonts
    from workshop_app.export.pdf.styles import FRAME_WIDTH
    from workshop_app.export.report.kinds import footer_notice

    register_fonts()
    room = FRAME_WIDTH - 2 * max(stringWidth("30 septembre 2026", REGULAR, 7.5) + 12, 62)  # as template.py
    ids = [
        "et-si-33",
        "boussole-autodiagnostic",
        "entretiens-boussole",
        "cotation-projet",
        "grille-decision",
        "nature-en-ville",
    ]
    decks = [find_deck(i) for i in ids]
    seen = set()
    for n in (1, 2, 3):
        for played in combinations(decks, n):
            for tables in (1, 3):
                notice = footer_notice(played, tables)
                seen.add(notice)
                assert stringWidth(notice, REGULAR, 7.5) <= room, notice
    assert "Document de travail — autodiagnostic et avis sur les actions candidates" in seen  # shortened
    assert "Document de travail — avis des tables sur les actions candidates" in seen  # alone: whole


def test_a_grid_on_0_to_3_counts_its_splits_in_its_own_levels(store: WorkshopStore) -> None:
    """50 points apart is one and a half levels on the grid's 0–3; a card's answers are whole levels, so a
    split there is two levels apart or more (never « 1,5 niveau », which no two answers can be)."""
    snapshot = _play(store, [("grille-decision", ("Cour d’école", "Parc"))])
    text = pdf_text(render_pdf(snapshot, {}))
    assert "divergent nettement (deux niveaux d'écart ou plus)" in text
    assert "1,5 niveau d'écart" not in text


def _scores_annex(text: str) -> str:
    start = text.index("Scores par table", text.index("Sous chaque moyenne") - 400)
    end = text.find("Annexe", start + 20)
    return text[start : end if end > 0 else None]


@pytest.mark.parametrize(
    ("deck_id", "scale"),
    [
        ("cotation-projet", "Cotes sur l'échelle du jeu, de −2 à +2 ; 0 = neutre"),
        ("grille-decision", "Notes sur l'échelle du jeu, de 0 à 3"),
    ],
)
def test_the_scores_annex_uses_the_deck_s_own_scale(store: WorkshopStore, deck_id: str, scale: str) -> None:
    snapshot = _play(store, [(deck_id, ("Friche de la gare", "Place du marché"))])
    annex = _scores_annex(" ".join(pdf_text(render_pdf(snapshot, {})).replace("’", "'").split()))
    assert scale in annex
    assert "Scores sur 100" not in annex and "/100" not in annex
    deck = snapshot.sequences[0].deck
    assert isinstance(deck, QuestionDeck)
    table = re.sub(r"\d+ %|Page \d+ / \d+", "", annex.split("Sous chaque moyenne")[1])  # (answers, footer)
    values = re.findall(r"(?<![\w,])[+−]?\d+(?:,\d)?(?![\w,])", table)
    numbers = [float(v.replace("−", "-").replace(",", ".")) for v in values]
    assert numbers and all(deck.scale_min <= n <= deck.scale_max for n in numbers), values


def test_the_scores_annex_of_two_kinds_says_each_scale(store: WorkshopStore) -> None:
    snapshot = _play(store, [("et-si-33", ()), ("cotation-projet", ("Friche de la gare",))])
    annex = _scores_annex(" ".join(pdf_text(render_pdf(snapshot, {})).replace("’", "'").split()))
    assert "Scores sur 100, sauf pour un jeu noté sur son échelle" in annex
    assert annex.count("Cotes sur l'échelle du jeu, de −2 à +2") == 1
