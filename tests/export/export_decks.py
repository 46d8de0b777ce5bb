"""The decks the export tests play, built in code (see ``export_factory``): ``boussole_deck`` is a compact
Boussole-like questions deck (6 principles × 3 levers, scale 0–4 + « nc »), ``nature_deck`` a small strategy
deck.
"""

from __future__ import annotations

from workshop_app.core.deck import QuestionDeck, StrategyDeck

PRINCIPLES = [
    ("p1", "Stratégies et gouvernances intégrées et adaptatives", "Stratégies – Gouvernance", "#1F77B4"),
    ("p2", "Cohésion sociale et solidarité des acteurs", "Cohésion – Solidarité", "#D62728"),
    ("p3", "Anticipation, connaissance, veille", "Anticipation – Veille", "#2CA02C"),
    ("p4", "Robustesse et continuité", "Robustesse – Continuité", "#9467BD"),
    ("p5", "Adaptation, apprentissage et innovation", "Adaptation – Innovation", "#FF7F0E"),
    ("p6", "Sobriété et besoins essentiels", "Sobriété – Besoins essentiels", "#8C564B"),
]
LEVERS = {
    "p1": [
        "Assurer une gouvernance partagée et la participation citoyenne",
        "Assurer une coopération multi-échelle entre territoires",
        "Intégrer les vulnérabilités et leurs évolutions dans tous les projets",
    ],
    "p2": [
        "S'appuyer sur une culture partagée et les savoir-faire locaux",
        "Soutenir la solidarité et la prise en compte des plus vulnérables",
        "Garantir la confiance et la capacité d'agir",
    ],
    "p3": [
        "Connaître les aléas, les vulnérabilités et les dépendances",
        "Surveiller et alerter",
        "Se préparer aux crises",
    ],
    "p4": [
        "Assurer la continuité des services essentiels",
        "Disposer de réseaux robustes et redondants",
        "Savoir gérer une crise",
    ],
    "p5": [
        "Apprendre des retours d'expérience",
        "Expérimenter et innover",
        "Rester flexible et réversible",
    ],
    "p6": [
        "Décider ensemble de l'essentiel",
        "Réduire l'usage des ressources",
        "S'appuyer sur les ressources locales",
    ],
}
SHOCKS = [
    "une canicule de trois semaines",
    "une sécheresse estivale avec restrictions d'eau",
    "une crue centennale de la rivière",
    "une coupure d'électricité de 48 heures",
    "une pénurie de carburant",
    "une épidémie qui absente un agent sur trois",
    "la fermeture du principal employeur",
    "la rupture d'une chaîne d'approvisionnement alimentaire",
    "un glissement de terrain sur la route d'accès",
    "une cyberattaque sur les services municipaux",
    "un épisode de pollution prolongé",
]
COLOURS = [
    "#1F77B4",
    "#D62728",
    "#2CA02C",
    "#9467BD",
    "#FF7F0E",
    "#8C564B",
    "#E377C2",
    "#17BECF",
    "#BCBD22",
    "#7F7F7F",
    "#393B79",
    "#AD494A",
]


def boussole_deck(n_cards: int = 12, deck_id: str = "et-si-test") -> QuestionDeck:
    axes = [
        {
            "id": pid,
            "label": label,
            "short": short,
            "colour": colour,
            "source": "officiel",
            "levers": [
                {
                    "id": f"{pid[1]}.{j + 1}",
                    "label": text,
                    "source": "officiel" if pid in ("p1", "p2") else "atelier",
                }
                for j, text in enumerate(LEVERS[pid])
            ],
        }
        for pid, label, short, colour in PRINCIPLES
    ]
    levers = [lv["id"] for a in axes for lv in a["levers"]]  # type: ignore[index]
    cards = []
    for i in range(n_cards):
        shock = SHOCKS[i % len(SHOCKS)]
        informs = [{"lever": levers[i % len(levers)], "weight": 1.0}]
        if i % 3 == 0:
            informs.append({"lever": levers[(i * 7 + 5) % len(levers)], "weight": 0.5})
        cards.append(
            {
                "id": f"q{i + 1:02d}",
                "title": f"Et si… {shock} ? ({i + 1})",
                "prompt": f"Et si le territoire connaissait {shock} : que ferions-nous, avec qui, et en "
                "combien "
                "de temps ?",
                "theme": "Besoins essentiels",
                "informs": informs,
            }
        )
    return QuestionDeck.model_validate(
        {
            "id": deck_id,
            "title": "33 « Et si… » — version d'essai",
            "version": "1.0",
            "mechanic": "questions",
            "description": "Des questions « Et si… » pour entrer en résilience.",
            "compass": {"name": "Boussole de la résilience", "axes": axes},
            "scale": [
                {"id": "0", "label": "Rien d'engagé", "value": 0},
                {"id": "1", "label": "Prise de conscience", "value": 1},
                {"id": "2", "label": "Premières actions", "value": 2},
                {"id": "3", "label": "Démarche structurée", "value": 3},
                {"id": "4", "label": "Pratique ancrée", "value": 4},
                {"id": "nc", "label": "Non concerné", "value": None},
            ],
            "cards": cards,
        }
    )


def nature_deck() -> StrategyDeck:
    axes = [
        ("fraicheur", "Adaptation à la chaleur"),
        ("biodiversite", "Biodiversité"),
        ("eau", "Gestion des eaux pluviales"),
        ("sante", "Qualité de vie et santé"),
        ("eco", "Attractivité économique"),
    ]
    cards = [
        ("c1", "Désimperméabiliser les cours d'école", 4, "court", {"fraicheur": 2, "eau": 2, "sante": 1}),
        (
            "c2",
            "Planter 500 arbres d'alignement",
            5,
            "moyen",
            {"fraicheur": 2, "biodiversite": 1, "sante": 1},
        ),
        ("c3", "Créer une noue le long du boulevard", 3, "court", {"eau": 2, "biodiversite": 1}),
        ("c4", "Parking silo en centre-ville", 6, "moyen", {"eco": 2, "eau": -1, "fraicheur": -1}),
        ("c5", "Trame verte entre les parcs", 7, "long", {"biodiversite": 2, "sante": 1, "fraicheur": 1}),
        ("c6", "Toitures végétalisées publiques", 4, "moyen", {"fraicheur": 1, "eau": 1, "biodiversite": 1}),
        ("c7", "Gestion différenciée des espaces verts", 1, "court", {"biodiversite": 1, "eco": 1}),
        ("c8", "Zone d'activités sur friche", 5, "long", {"eco": 2, "biodiversite": -1}),
    ]
    return StrategyDeck.model_validate(
        {
            "id": "nature-test",
            "title": "Stratégie Nature en ville — version d'essai",
            "version": "0.3",
            "mechanic": "strategy",
            "compass": {
                "name": "Axes de la stratégie nature",
                "axes": [{"id": a, "label": lbl, "colour": COLOURS[i]} for i, (a, lbl) in enumerate(axes)],
            },
            "strategy": {"budget": 15, "budget_unit": "points"},
            "cards": [
                {
                    "id": cid,
                    "title": t,
                    "prompt": f"{t} : coût {cost} points.",
                    "cost": cost,
                    "delay": d,
                    "effects": eff,
                    "requires": ["c3"] if cid == "c6" else [],
                    "excludes": ["c5"] if cid == "c8" else [],
                }
                for cid, t, cost, d, eff in cards
            ],
        }
    )
