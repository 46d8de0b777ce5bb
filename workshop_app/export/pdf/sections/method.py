"""The scoring method of a questions deck, in plain words, for the compte-rendu's method chapter.

The rule itself is written once, in :data:`workshop_app.core.scoring.METHOD_TEXT` (with the caveat of
averaging ordinal levels); this adds what only the document knows: the deck's own first and last levels, its
« non concerné » label, coverage, and « non renseigné ».
"""

from __future__ import annotations

from reportlab.platypus import Flowable

from workshop_app.core.deck import QuestionDeck
from workshop_app.core.scoring import METHOD_TEXT
from workshop_app.export.french import quote
from workshop_app.export.pdf.escaping import inline
from workshop_app.export.pdf.sections.common import Context, _p, _raw

DECK_RULE = (
    "Dans ce jeu, {lo} vaut 0 et {hi} vaut 100. La réponse {nc} compte comme une réponse sans entrer dans "
    "le calcul. La <b>couverture</b> est la part des liens entre cartes et leviers qui ont reçu une "
    "réponse : un score peu couvert reflète un atelier inachevé, pas un territoire faible. Sans aucune "
    "réponse, le score est «\u00a0non renseigné\u00a0» (jamais 0)."
)


def question_method(ctx: Context, deck: QuestionDeck) -> list[Flowable]:
    """METHOD_TEXT, then the deck's own bounds and labels, coverage and « non renseigné »."""
    lo, hi = deck.scale_min, deck.scale_max
    lo_label = next((o.label for o in deck.scale if o.value == lo), "")
    hi_label = next((o.label for o in deck.scale if o.value == hi), "")
    nc = next((o.label for o in deck.scale if o.value is None and not o.unknown), "non concerné")
    rule = DECK_RULE.format(lo=inline(quote(lo_label)), hi=inline(quote(hi_label)), nc=inline(quote(nc)))
    return [_p(METHOD_TEXT, ctx.st.body), _raw(rule, ctx.st.body)]
