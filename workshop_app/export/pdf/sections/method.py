"""The scoring method of a questions deck, in plain words, for the compte-rendu's method chapter.

The rule itself is written once, in :data:`workshop_app.core.scoring.METHOD_TEXT` (with the caveat of
averaging ordinal levels); this adds what only the document knows: the deck's own first and last levels, its
« non concerné » label, coverage, « non renseigné », and whose figures these are (the tables' own
self-assessment, or their opinion of the projects or services they rated: :mod:`...report.kinds`). Also the
rule of the strengths and vulnerabilities the application proposes, for the decks played.
"""

from __future__ import annotations

from reportlab.platypus import Flowable

from workshop_app.core.deck import QuestionDeck, StrategyDeck
from workshop_app.core.scoring import METHOD_TEXT
from workshop_app.core.spread_words import spread_words
from workshop_app.core.subjects import format_value
from workshop_app.export.french import format_number, quote
from workshop_app.export.pdf.escaping import inline
from workshop_app.export.pdf.sections.common import Context, _p, _raw
from workshop_app.export.report import kinds

DECK_RULE = (
    "Dans ce jeu, {lo} vaut 0 et {hi} vaut 100.{nc} La <b>couverture</b> est la part des liens entre "
    "cartes et {targets} qui ont reçu une réponse : un score peu couvert reflète un atelier inachevé, pas "
    "{weak}. Sans aucune réponse, le score est «\u00a0non renseigné\u00a0» (jamais 0)."
)
NOT_CONCERNED = " La réponse {nc} compte comme une réponse sans entrer dans le calcul."
SCALE_METHOD = (  # a deck read on its own scale (a project rated −2…+2, a grid 0…3): no 0–100, no levers
    "La note de chaque {row}, pour chaque {subject}, est la moyenne des niveaux que les tables ont choisis, "
    "lue sur l’échelle du jeu ({span}) : elle n’est pas ramenée à une note sur 100. À côté de chaque moyenne "
    "figure l’écart : la note la plus basse et la plus haute des tables. « Ne sait pas » compte comme sans "
    "réponse. Prudence : les niveaux de l’échelle sont des étapes, pas des mesures ; leur moyenne est un "
    "repère pour la discussion, pas une mesure. {who}"
)
SCALE_ANNEX = (
    "Dans l’annexe des scores par table, chaque réponse est placée sur 100 : {lo} vaut 0 et {hi} vaut 100."
)
SELF_SCORES = "Ces scores sont l’autoévaluation des groupes, pas un indice officiel."


def question_method(ctx: Context, deck: QuestionDeck) -> list[Flowable]:
    """METHOD_TEXT, then the deck's own bounds and labels, coverage and « non renseigné »."""
    lo, hi = deck.scale_min, deck.scale_max
    lo_label = next((o.label for o in deck.scale if o.value == lo), "")
    hi_label = next((o.label for o in deck.scale if o.value == hi), "")
    nc = next((o.label for o in deck.scale if o.value is None and not o.unknown), None)
    weak = "un territoire faible" if deck.subject is None else "un point faible"
    targets = spread_words(deck).plural.lower()  # « leviers », « principes », « critères »
    lo_q, hi_q = inline(quote(lo_label)), inline(quote(hi_label))
    if deck.subject is not None and deck.reading == "echelle":
        span = f"de {format_value(lo, True, plus=lo < 0)} à {format_value(hi, True, plus=lo < 0)}"
        method = SCALE_METHOD.format(
            row=kinds_rows(deck), subject=deck.subject.label.lower(), span=span, who=kinds.who_scores(deck)
        )
        rule = SCALE_ANNEX.format(lo=lo_q, hi=hi_q)
        rule += NOT_CONCERNED.format(nc=inline(quote(nc))) if nc else ""
        return [_p(method, ctx.st.body), _raw(rule, ctx.st.body)]
    rule = DECK_RULE.format(
        lo=lo_q, hi=hi_q, nc=NOT_CONCERNED.format(nc=inline(quote(nc))) if nc else "", targets=targets,
        weak=weak,
    )
    return [_p(method_text(deck), ctx.st.body), _raw(rule, ctx.st.body)]


def method_text(deck: QuestionDeck) -> str:
    """The core's rule, whose last sentence says whose scores these are: the deck's own answer to that."""
    base = METHOD_TEXT.removesuffix(SELF_SCORES).rstrip()
    return f"{base} {kinds.who_scores(deck)}"


def findings_rule(ctx: Context) -> str:
    """How the application proposes strengths and vulnerabilities, for the kinds of deck played."""
    played = kinds.by_kind(s.deck for s in ctx.sequences)
    rule = ctx.findings.thresholds
    parts: list[str] = []
    for deck in played.get(kinds.Kind.SELF, [])[:1]:
        targets = "leviers" if any(a.levers for a in deck.compass.axes) else "principes"
        parts.append(
            f"Les points forts et vulnérabilités que propose l’application sont les {targets} nettement "
            "au-dessus ou au-dessous du milieu de l’échelle pour la salle (au moins "
            f"{rule.strong:.0f}/100 ou au plus {rule.weak:.0f}/100), parmi ceux qui ont reçu au moins la "
            "moitié des réponses."
        )
    for deck in played.get(kinds.Kind.SUBJECT, []):
        parts.append(subject_rule(deck))
    if parts:
        parts.append("L’animation les valide ou les réécrit, et la synthèse dit qui les a formulés.")
    for deck in played.get(kinds.Kind.STRATEGY, []):
        parts.append(
            f"Les stratégies du jeu {kinds.titled(deck)} n’en donnent jamais : ce sont des effets attendus, "
            "pas un état du territoire."
        )
    return " ".join(parts)


def subject_rule(deck: QuestionDeck | StrategyDeck) -> str:
    """« Pour chaque projet (Cotation de projet), une note d’au moins +1 sur un principe est un point
    fort… »: the deck's own thresholds, on its own scale or on 100."""
    assert isinstance(deck, QuestionDeck) and deck.subject is not None
    subject = deck.subject
    signed = deck.reading == "echelle"
    lo, hi = (deck.scale_min, deck.scale_max) if signed else (0.0, 100.0)
    plus = signed and lo < 0

    def shown(value: float) -> str:
        return format_value(value, True, plus=plus) if signed else f"{format_number(value)}/100"

    middle = shown((lo + hi) / 2)
    strong = f"d’au moins {shown(subject.strength_at)}" if subject.strength_at is not None else (
        f"au-dessus de {middle}"
    )
    weak = f"d’au plus {shown(subject.vulnerability_at)}" if subject.vulnerability_at is not None else (
        f"au-dessous de {middle}"
    )
    rows = kinds_rows(deck)
    return (
        f"Pour chaque {subject.label.lower()} ({kinds.titled(deck)}), une moyenne des tables {strong} sur un "
        f"{rows} se lit comme un point fort, une moyenne {weak} comme une vulnérabilité."
    )


def kinds_rows(deck: QuestionDeck) -> str:
    """What one line of a subject's comparison is: « levier », « critère », « principe »."""
    if deck.subject is not None and deck.subject.compare == "levers":
        return "levier"
    if deck.cobuilt is not None:
        return "critère"
    return "principe" if deck.compass.name.startswith("Boussole") else "axe"
