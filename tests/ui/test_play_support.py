"""Helpers shared by the play, compass, projector and debrief UI tests (no tests here).

Workshops are built on the real store, on an SQLite file under the test's ``tmp_path``; the decks are small
ones built in code so the tests do not depend on the shipped scenarios.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from workshop_app.core.deck import QuestionDeck, StrategyDeck
from workshop_app.store import open_store
from workshop_app.store.service import WorkshopStore

PRINCIPLES = [
    ("strategie", "Stratégies et gouvernances intégrées et adaptatives", "Stratégies – Gouvernance",
     "#1F77B4"),
    ("cohesion", "Cohésion sociale et solidarité des acteurs", "Cohésion – Solidarité", "#D62728"),
    ("anticipation", "Anticipation, connaissance, veille", "Anticipation – Veille", "#2CA02C"),
    ("robustesse", "Robustesse et continuité", "Robustesse – Continuité", "#9467BD"),
    ("adaptation", "Adaptation, apprentissage et innovation", "Adaptation – Innovation", "#FF7F0E"),
    ("sobriete", "Sobriété et besoins essentiels", "Sobriété – Besoins", "#8C564B"),
]

SCALE = [
    {"id": "s0", "label": "Rien", "value": 0},
    {"id": "s1", "label": "Amorcé", "value": 1},
    {"id": "s2", "label": "En cours", "value": 2},
    {"id": "s3", "label": "Avancé", "value": 3},
    {"id": "s4", "label": "Exemplaire", "value": 4},
    {"id": "nc", "label": "Non concerné", "value": None, "key": "N"},
]


def question_deck(cards: int = 6) -> QuestionDeck:
    axes: list[dict[str, Any]] = [
        {
            "id": axis_id, "label": label, "short": short, "colour": colour,
            "levers": [
                {"id": f"{axis_id}-{j}", "label": f"Levier {i}.{j} de « {short} »"} for j in (1, 2, 3)
            ],
        }
        for i, (axis_id, label, short, colour) in enumerate(PRINCIPLES, start=1)
    ]
    levers = [lv["id"] for a in axes for lv in a["levers"]]
    deck_cards = [
        {
            "id": f"q{k + 1:02d}", "title": f"Et si la canicule durait trois semaines ? ({k + 1})",
            "prompt": "Qui prévient les personnes isolées, et comment les lieux frais sont-ils ouverts ?",
            "help": "Laissez chaque table répondre avant de comparer.", "theme": "Chaleur",
            "informs": [
                {"lever": levers[(2 * k) % len(levers)]}, {"lever": levers[(2 * k + 7) % len(levers)]}
            ],
        }
        for k in range(cards)
    ]
    return QuestionDeck.model_validate({
        "id": "test-et-si", "title": "Et si… (test)", "version": "1", "mechanic": "questions",
        "compass": {"name": "Boussole", "axes": axes}, "scale": SCALE, "cards": deck_cards,
    })


def strategy_deck() -> StrategyDeck:
    axes = [
        {"id": "chaleur", "label": "Adaptation à la chaleur", "short": "Chaleur", "colour": "#D62728"},
        {"id": "biodiv", "label": "Biodiversité", "short": "Biodiversité", "colour": "#2CA02C"},
        {"id": "eau", "label": "Gestion de l'eau de pluie", "short": "Eau", "colour": "#1F77B4"},
        {"id": "vie", "label": "Qualité de vie et santé", "short": "Qualité de vie", "colour": "#9467BD"},
        {"id": "eco", "label": "Attractivité économique", "short": "Économie", "colour": "#FF7F0E"},
    ]
    cards: list[dict[str, Any]] = [
        {"id": "arbres", "title": "Planter 200 arbres", "cost": 4, "delay": "long",
         "effects": {"chaleur": 2, "biodiv": 2, "vie": 1}},
        {"id": "cour", "title": "Désimperméabiliser une cour d'école", "cost": 3, "delay": "court",
         "effects": {"eau": 2, "chaleur": 1}},
        {"id": "parking", "title": "Parking silo en centre-ville", "cost": 5, "delay": "moyen",
         "effects": {"eco": 2, "eau": -1, "biodiv": -1}, "excludes": ["friche"]},
        {"id": "friche", "title": "Renaturer la friche", "cost": 5, "delay": "long",
         "effects": {"biodiv": 2, "eau": 1}, "requires": ["etude"]},
        {"id": "etude", "title": "Étude des sols", "cost": 1, "delay": "court", "effects": {}},
        {"id": "noues", "title": "Noues le long des rues", "cost": 2, "delay": "moyen",
         "effects": {"eau": 2, "biodiv": 1}},
    ]
    for card in cards:
        card.setdefault("prompt", f"{card['title']} : qu'en attend votre table ?")
    return StrategyDeck.model_validate({
        "id": "test-nature", "title": "Nature en ville (test)", "version": "1", "mechanic": "strategy",
        "compass": {"name": "Axes", "axes": axes}, "strategy": {"budget": 10}, "cards": cards,
    })


def store_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path}/a.sqlite3"


def make_workshop(
    tmp_path: Path, groups: int = 4, strategy: bool = False, questions: bool = True
) -> tuple[WorkshopStore, str]:
    store = open_store(store_url(tmp_path))
    info = store.create_workshop("Atelier test", territory="Soissons")
    for i in range(groups):
        store.add_group(info.id, f"Table {i + 1}")
    if questions:
        store.add_sequence(info.id, question_deck(), planned_minutes=45)
    if strategy:
        store.add_sequence(info.id, strategy_deck(), planned_minutes=30)
    return store, info.id


def fresh_events(tmp_path: Path, workshop_id: str) -> list[Any]:
    """The log as a new store instance reads it from the file: proof that it was committed."""
    other = open_store(store_url(tmp_path))
    try:
        return other.events(workshop_id)
    finally:
        other.close()


def open_play_page(
    tmp_path: Path, qtbot: Any, groups: int = 4, strategy: bool = True, show: bool = True
) -> tuple[Any, Any, WorkshopStore, str]:
    """(page, session, store, workshop id): the play page on a fresh workshop, its settings in a temp file,
    1366×768 and shown. The caller closes the store."""
    from PySide6.QtCore import QSettings

    from workshop_app.ui.play.page import PlayPage
    from workshop_app.ui.session import WorkshopSession
    from workshop_app.ui.settings import AppSettings

    store, workshop_id = make_workshop(tmp_path, groups=groups, strategy=strategy)
    session = WorkshopSession(store, workshop_id)
    settings = AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    page = PlayPage(session, settings)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    if show:
        page.show()
    return page, session, store, workshop_id
