"""The words of the demo workshop (a fictional agglomeration): people, arguments, notes, debrief, actions.

Everything here is invented. Names of people are fictional; the town « Valmont-sur-Oise » does not exist.
"""

from __future__ import annotations

TERRITORY = "Valmont-sur-Oise"
TERRITORY_KIND = "Communauté d’agglomération"
TITLE = "Atelier résilience territoriale — Valmont-sur-Oise"
PLACE = "Salle du conseil, hôtel de ville de Valmont-sur-Oise"
FACILITATORS = (
    "Claire Fontaine (Cerema, direction territoriale Hauts-de-France) ; "
    "Mathieu Lefort (référent résilience, Ville de Valmont-sur-Oise)"
)
CONTEXT = (
    "Valmont-sur-Oise (12 400 habitants) et sa communauté d’agglomération (21 communes, 58 000 habitants) "
    "ont connu en 2022 une crue de l’Oise puis un été de sécheresse qui a imposé des restrictions d’eau. "
    "Le programme « Action cœur de ville » prévoit la requalification de trois espaces publics et d’une "
    "friche ferroviaire d’ici 2027. La ville souhaite partager entre élus et services un premier diagnostic "
    "de résilience avant de lancer son plan d’actions."
)
OBJECTIVES = (
    "Faire émerger une lecture commune des forces et des vulnérabilités du territoire à l’aide de la "
    "Boussole de la résilience ; tester des stratégies « nature en ville » sous contrainte budgétaire ; "
    "identifier cinq premières actions, avec un porteur et une échéance."
)
FIXED_POINTS = (
    "Fixé : le périmètre (ville et agglomération), le budget d’investissement 2025-2027 et le calendrier "
    "du plan d’actions. Ouvert au débat : les priorités, les coopérations à engager et les porteurs."
)

GROUPS = (
    ("Les Coteaux", "#0072B2"),
    ("Le Canal", "#E69F00"),
    ("La Plaine", "#009E73"),
    ("Le Vieux Bourg", "#CC79A7"),
)

# (name, role, service, organisation, group index)
PARTICIPANTS = (
    ("Hélène Marchand", "Maire-adjointe à l’urbanisme", "Élus", "Ville", 0),
    ("Karim Benali", "Directeur", "Urbanisme et aménagement", "Ville", 0),
    ("Sophie Delcourt", "Cheffe de service", "Eau et assainissement", "Agglomération", 0),
    ("Julien Roussel", "Responsable", "Police municipale", "Ville", 0),
    ("Bernard Lemaire", "Vice-président environnement", "Élus", "Agglomération", 1),
    ("Amandine Carpentier", "Responsable", "Espaces verts", "Ville", 1),
    ("Thomas Vasseur", "Technicien", "Voirie et réseaux", "Ville", 1),
    ("Nadia Haddad", "Directrice", "CCAS", "Ville", 1),
    ("Patrick Dufour", "Conseiller municipal délégué", "Élus", "Ville", 2),
    ("Élodie Lambert", "Chargée de mission", "Développement économique", "Agglomération", 2),
    ("Marc Petit", "Responsable", "Bâtiments et énergie", "Ville", 2),
    ("Camille Bertin", "Animatrice", "Centre social", "Association", 2),
    ("Yves Moreau", "Directeur général des services", "Direction générale", "Ville", 3),
    ("Laura Nguyen", "Chargée de mission", "Plan climat (PCAET)", "Agglomération", 3),
    ("Olivier Garnier", "Chef de centre", "SDIS (partenaire)", "Partenaire", 3),
    ("Inès Morel", "Responsable", "Voirie et réseaux", "Agglomération", 3),
)

# Arguments by maturity level (0 = nothing in place … 4 = well established): short, varied, fit for any card.
ARGUMENTS = (
    (
        "Rien d’organisé à ce jour ; le sujet n’a jamais été abordé en comité de direction.",
        "On découvre la question en séance : aucun service n’en a la charge.",
        "Pas de moyens ni de pilote identifié.",
        "On réagirait au cas par cas, sans procédure écrite.",
        "Personne autour de la table ne sait qui déciderait.",
    ),
    (
        "Quelques initiatives isolées, mais rien de coordonné.",
        "Le sujet est connu des techniciens, pas encore des élus.",
        "Une procédure existe sur le papier, jamais testée.",
        "Dépend de deux ou trois personnes : fragile en cas d’absence.",
        "Des idées circulent, aucune n’a été chiffrée.",
        "On compte sur la bonne volonté des agents, sans organisation prévue.",
    ),
    (
        "Des actions existent côté ville, l’agglomération n’est pas associée.",
        "Le plan est écrit mais n’a pas été mis à jour depuis plusieurs années.",
        "Bonne volonté des services, mais les moyens manquent.",
        "Vécu une fois, sans retour d’expérience écrit.",
        "Couvert en centre-ville, beaucoup moins dans les hameaux.",
        "Les rôles sont clairs pour la ville, flous pour les partenaires.",
    ),
    (
        "Dispositif en place et connu, exercé une fois par an.",
        "La coopération avec l’agglomération fonctionne bien sur ce point.",
        "Les rôles sont clairs et les contacts à jour.",
        "Les associations sont mobilisées et savent qui appeler.",
        "Un exercice récent a montré que l’organisation tient.",
    ),
    (
        "Point fort reconnu par tous : exercices réguliers et retours d’expérience.",
        "Organisation rodée, partagée avec les communes voisines.",
        "Pris en compte dans tous les projets d’aménagement depuis le nouveau PLUi.",
        "Les habitants sont associés ; la démarche est citée en exemple.",
    ),
)
# Arguments tied to a card’s theme (the « Et si… » deck’s needs), for weak (0–1) and strong (3–4) answers.
# Each sentence fits every card of its theme (the cards of a theme differ: a heatwave and a cloud of smoke
# are both « Respirer »), so that an argument never contradicts the card it is printed under.
THEMED = {
    "Respirer": (
        (
            "Aucune consigne prête pour les personnes fragiles ni pour les écoles.",
            "L’alerte des habitants dépend des médias : la ville n’a pas de message prêt.",
        ),
        (
            "Écoles, crèches et EHPAD ont une procédure connue et exercée.",
            "Le registre des personnes isolées est à jour et activé à chaque alerte.",
        ),
    ),
    "Boire": (
        (
            "Aucun stock d’eau en bouteille ni accord avec un distributeur.",
            "On ne sait pas quels usages couper en premier.",
        ),
        (
            "Interconnexion avec le syndicat voisin : deux jours d’autonomie assurés.",
            "Les gros consommateurs d’eau sont identifiés et prévenus.",
        ),
    ),
    "Manger": (
        (
            "Pas de lien avec les producteurs locaux en cas de rupture.",
            "L’épicerie sociale n’a aucun stock d’avance.",
        ),
        (
            "Le projet alimentaire territorial relie déjà producteurs et cantines.",
            "La banque alimentaire et le CCAS ont un accord d’urgence.",
        ),
    ),
    "Se loger": (
        (
            "Aucun recensement des logements et des ménages les plus exposés.",
            "Le service habitat n’a pas les moyens de suivre les ménages concernés.",
        ),
        (
            "Le service habitat connaît les ménages les plus fragiles.",
            "Un partenariat avec les bailleurs sociaux permet d’agir vite.",
        ),
    ),
    "Se déplacer": (
        ("Aucun plan de déplacements de crise n’existe.", "Les agents ne pourraient plus venir travailler."),
        (
            "Un plan de déplacements de crise existe avec le département.",
            "Le covoiturage des agents a été organisé pendant la dernière crise.",
        ),
    ),
    "Être en sécurité": (
        (
            "Le plan communal de sauvegarde ne prévoit pas ce cas.",
            "Les consignes n’atteignent pas les habitants sans internet.",
        ),
        (
            "Le plan communal de sauvegarde couvre ce risque et a été exercé récemment.",
            "Les réservistes communaux sont formés et joignables.",
        ),
    ),
    "Habiter le territoire": (
        (
            "Aucun plan de continuité d’activité n’aborde ce cas.",
            "Les partenaires à mobiliser ne sont pas identifiés.",
        ),
        (
            "Un plan de continuité d’activité existe et a été testé.",
            "Agglomération, État et entreprises se réunissent régulièrement sur ce sujet.",
        ),
    ),
}
NOT_CONCERNED = (
    "La compétence relève du département : la table s’estime non concernée.",
    "Question sans objet pour notre territoire (pas d’installation de ce type).",
    "Hors du périmètre de la ville ; à voir avec l’agglomération.",
)
CHANGED_MIND = "Après discussion, la table revoit sa position."

NOTES = (
    "« On a tous les plans, mais personne ne sait qui déclenche quoi à 2 h du matin. »",
    "Débat vif sur le rôle de l’agglomération : compétence eau transférée en 2020.",
    "« Pendant la crue, ce sont les voisins qui ont prévenu les personnes âgées, pas nous. »",
    "Les tables convergent sur la faiblesse de la veille : aucun indicateur n’est suivi.",
    "Proposition d’associer le centre social à la mise à jour du plan communal de sauvegarde.",
    "« La sobriété, c’est d’abord nos propres bâtiments. »",
)
STRATEGY_NOTES = (
    "La table du Canal préfère commencer par des actions rapides et visibles pour les habitants.",
    "Débat sur l’entretien : les espaces verts craignent de ne pas pouvoir suivre.",
)
PICK_ARGUMENTS = (
    "Effet rapide et visible pour les habitants.",
    "Prépare les projets suivants ; à lancer dès 2025.",
    "Coût raisonnable, et les services savent faire.",
    "Répond directement aux îlots de chaleur du centre-ville.",
)

FELT = (
    "Une séance dense et conviviale. Les participants ont apprécié de parler des mêmes sujets entre ville et "
    "agglomération ; plusieurs ont dit découvrir le travail des autres services."
)
_NUMBERS = {2: "deux", 3: "trois", 4: "quatre", 5: "cinq", 6: "six", 8: "huit", 10: "dix", 12: "douze"}


def happened(tables: int, every_question: bool = True) -> str:
    """« Ce qui s’est passé » for ``tables`` tables (the demo has four, the full day twelve)."""
    count = _NUMBERS.get(tables, str(tables))
    questions = "à toutes les questions" if every_question else "aux questions"
    return (
        f"Les {count} tables ont répondu {questions} « Et si… » puis construit une stratégie nature en "
        "ville avec le même budget. Les désaccords ont surtout porté sur le retour d’expérience et sur la "
        "préparation aux crises (qui fait quoi, et quand)."
    )


HAPPENED = happened(len(GROUPS))
TRANSFER = (
    "Mettre à jour le plan communal de sauvegarde avec l’agglomération ; cribler les projets « cœur de "
    "ville » avec la Boussole avant décision ; présenter ce diagnostic au conseil municipal de juin."
)
AGREEMENT = (
    "Les tables se rejoignent sur les points forts : la gouvernance partagée entre ville et agglomération, "
    "et la prise en compte des risques dans les projets. Les écarts portent surtout sur le retour "
    "d’expérience et sur la préparation aux crises ; ils viennent pour l’essentiel de la table du Vieux "
    "Bourg, plus sévère que les autres. Toutes jugent faible la sobriété."
)

# (action, owner, months after the workshop, index of the axis whose lever it serves, lever index)
ACTIONS = (
    (
        "Mettre à jour le plan communal de sauvegarde avec l’agglomération et l’exercer une fois par an",
        "Direction générale des services (Y. Moreau)",
        6,
        3,
        0,
    ),
    (
        "Créer une veille partagée des aléas (crues, canicule, sécheresse) avec trois indicateurs suivis",
        "Plan climat de l’agglomération (L. Nguyen)",
        4,
        2,
        0,
    ),
    (
        "Étendre le registre des personnes vulnérables aux hameaux, avec le centre social",
        "CCAS (N. Haddad)",
        3,
        1,
        1,
    ),
    (
        "Réduire de 15 % les consommations d’énergie et d’eau des bâtiments communaux",
        "Bâtiments et énergie (M. Petit)",
        18,
        5,
        1,
    ),
    (
        "Cribler chaque projet « cœur de ville » avec la Boussole avant son passage en commission",
        "Urbanisme et aménagement (K. Benali)",
        2,
        0,
        2,
    ),
)
