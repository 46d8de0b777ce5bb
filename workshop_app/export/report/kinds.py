"""What a workshop's results are, said in the compte-rendu's words for the decks it played.

Three kinds of deck, told apart by their data, never by their id:
- a **self-assessment** (a questions deck without ``subject``: the 33 « Et si… », the Boussole
  autodiagnostic): the tables rate their own territory, and the scores are their self-assessment;
- a deck that **rates subjects** (a questions deck with ``subject``: projects, services interviewed,
  candidate actions): the scores are the tables' opinion of each subject, not a self-assessment;
- a **strategy** game (Nature en ville): the scores are the expected effects of strategies imagined during
  the game, not a state of the territory.

The cover's « À lire avant tout », the running footer, the results' and the method's sentences are built
here, so a workshop that plays two kinds of deck says what each one's figures are.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from enum import Enum

from workshop_app.core.deck import QuestionDeck, StrategyDeck
from workshop_app.export.french import quote

AnyDeck = QuestionDeck | StrategyDeck


class Kind(Enum):
    SELF = "autoévaluation"
    SUBJECT = "sujets"
    STRATEGY = "stratégie"


SELF_ASSESSMENT = (
    "Les scores de ce document sont l’autoévaluation des groupes eux-mêmes, telle qu’exprimée pendant "
    "l’atelier : ce n’est pas un indice officiel, ni une évaluation du territoire par un tiers, et ils ne "
    "permettent pas de classer des territoires entre eux. Ils servent à ouvrir la discussion et à repérer où "
    "agir."
)
RATED_SUBJECTS = (
    "Les notes de ce document sont l’avis que {raters} sur {each} pendant l’atelier, argument à "
    "l’appui : ce n’est ni un indice officiel ni une note définitive, et elles ne permettent pas "
    "de classer des territoires entre eux. Elles servent à éclairer la discussion et la décision, pas à "
    "décider à la place des élus."
)
STRATEGY_GAME = (
    "Les scores de ce document décrivent les effets attendus des stratégies que les tables ont construites "
    "pendant le jeu, d’après les effets inscrits sur les cartes : ce n’est ni un état du territoire, ni une "
    "évaluation, ni un indice officiel. Ils servent à ouvrir la discussion sur les choix possibles."
)
SEVERAL = (
    "Aucun de ces résultats n’est un indice officiel, et ils ne permettent pas de classer des territoires "
    "entre eux. Ils servent à ouvrir la discussion et à repérer où agir."
)
MIXED_SELF = "les scores sont l’autoévaluation des tables elles-mêmes, telle qu’exprimée pendant l’atelier"
MIXED_SUBJECT = "les notes sont l’avis que {raters} sur {each}, argument à l’appui"
MIXED_STRATEGY = (
    "les scores décrivent les effets attendus des stratégies construites pendant le jeu, pas un état du "
    "territoire"
)
STRATEGY_NOTE = "les effets attendus des stratégies des tables (50 = sans effet), pas un état du territoire"
WORKING_DOCUMENT = "Document de travail"


def kind_of(deck: AnyDeck) -> Kind:
    if isinstance(deck, StrategyDeck):
        return Kind.STRATEGY
    return Kind.SUBJECT if deck.subject is not None else Kind.SELF


def distinct_decks(decks: Iterable[AnyDeck]) -> list[AnyDeck]:
    """Each deck once (eleven interviews of one deck are one deck), in the order played."""
    seen: set[str] = set()
    out: list[AnyDeck] = []
    for deck in decks:
        if deck.id not in seen:
            seen.add(deck.id)
            out.append(deck)
    return out


def by_kind(decks: Iterable[AnyDeck]) -> dict[Kind, list[AnyDeck]]:
    """The distinct decks grouped by kind, kinds in the order first played."""
    out: dict[Kind, list[AnyDeck]] = {}
    for deck in distinct_decks(decks):
        out.setdefault(kind_of(deck), []).append(deck)
    return out


def titled(deck: AnyDeck) -> str:
    """The deck's title between « », unless it already holds some (« 33 « Et si… » »)."""
    return deck.title if "«" in deck.title else quote(deck.title)


def short_title(deck: AnyDeck) -> str:
    """« « Cotation de projet » », « 33 « Et si… » »: the title's head, before its « — », between « »."""
    head = deck.title.split(" — ")[0].strip() or deck.title
    return head if "«" in head else quote(head)


def _titles(decks: Sequence[AnyDeck]) -> str:
    """« le jeu « Cotation de projet » », « les jeux 33 « Et si… » et « Autodiagnostic Boussole » »."""
    names = [short_title(d) for d in decks]
    if len(names) == 1:
        return f"le jeu {names[0]}"
    return "les jeux " + ", ".join(names[:-1]) + " et " + names[-1]


def _subjects(decks: Sequence[AnyDeck]) -> list[str]:
    """« projet », « service »: what the decks rate, in the singular, each once."""
    out: list[str] = []
    for deck in decks:
        subject = deck.subject if isinstance(deck, QuestionDeck) else None
        if subject is not None and subject.label.lower() not in out:
            out.append(subject.label.lower())
    return out


def _each(decks: Sequence[AnyDeck]) -> str:
    """« chaque projet », « chaque projet et chaque service »."""
    names = [f"chaque {s}" for s in _subjects(decks)] or ["chaque sujet"]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " et " + names[-1]


def _raters(tables: int) -> str:
    """« les tables ont donné », or « la table a donné » when one person rated (an interviewer)."""
    return "la table a donné" if tables == 1 else "les tables ont donné"


def reading_notice(decks: Iterable[AnyDeck], tables: int = 0) -> str:
    """The cover's « À lire avant tout »: what the figures of this document are, for the decks played
    (``tables``: how many tables rated, one for an interviewer alone)."""
    kinds = by_kind(decks)
    if not kinds or list(kinds) == [Kind.SELF]:
        return SELF_ASSESSMENT
    if list(kinds) == [Kind.SUBJECT]:
        return RATED_SUBJECTS.format(raters=_raters(tables), each=_each(kinds[Kind.SUBJECT]))
    if list(kinds) == [Kind.STRATEGY]:
        return STRATEGY_GAME
    parts = []
    for kind, decks_of_kind in kinds.items():
        if kind is Kind.SELF:
            what = MIXED_SELF
        elif kind is Kind.SUBJECT:
            what = MIXED_SUBJECT.format(raters=_raters(tables), each=_each(decks_of_kind))
        else:
            what = MIXED_STRATEGY
        parts.append(f"Dans {_titles(decks_of_kind)}, {what}.")
    text = "Ce document réunit des jeux qui ne se lisent pas de la même façon. " + " ".join(parts)
    return f"{text} {SEVERAL}"


FOOTER_ROOM = 57  # characters after « Document de travail — » that one footer line holds beside a long date


def footer_notice(decks: Iterable[AnyDeck], tables: int = 0) -> str:
    """The running footer: « Document de travail — autodiagnostic », « — avis des tables sur les
    projets », « — jeu de stratégie, pas un état du territoire »; for several kinds, each named. Always short
    enough for the footer's line (never cut with « … »): shorter words first, then a general notice."""
    kinds = by_kind(decks)
    if not kinds:
        return f"{WORKING_DOCUMENT} — autodiagnostic"
    for short in (False, True):
        joined = _and(_footer_words(kinds, tables, short))
        if len(joined) <= FOOTER_ROOM:
            return f"{WORKING_DOCUMENT} — {joined}"
    if len(kinds) > 1:
        return f"{WORKING_DOCUMENT} — plusieurs jeux, voir « À lire avant tout »"
    return f"{WORKING_DOCUMENT} — avis des tables"


def _footer_words(kinds: dict[Kind, list[AnyDeck]], tables: int, short: bool) -> list[str]:
    words: list[str] = []
    for kind, decks_of_kind in kinds.items():
        if kind is Kind.SELF:
            words.append("autodiagnostic")
        elif kind is Kind.SUBJECT:
            plurals = []
            for deck in decks_of_kind:
                subject = deck.subject if isinstance(deck, QuestionDeck) else None
                if subject is not None and subject.plural.lower() not in plurals:
                    plurals.append(subject.plural.lower())
            whose = "" if short else (" de la table" if tables == 1 else " des tables")
            words.append(f"avis{whose} sur les " + " et les ".join(plurals))
        else:
            alone = len(kinds) == 1 and not short
            words.append("jeu de stratégie, pas un état du territoire" if alone else "jeu de stratégie")
    return words


def _and(words: Sequence[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " et " + words[-1]


def scores_note(decks: Iterable[AnyDeck], tables: int = 0) -> str:
    """The results chapter's first line, for the decks whose figures are on 100 (a deck rating subjects on
    its own scale says its scale beside its comparison)."""
    kinds = by_kind(decks)
    if len(kinds) == 1:
        kind, decks_of_kind = next(iter(kinds.items()))
        if kind is Kind.SELF:
            what = "l’autoévaluation des tables, pas une note du territoire"
        elif kind is Kind.SUBJECT:
            whose = "de la table" if tables == 1 else "des tables"
            what = f"l’avis {whose} sur {_each(decks_of_kind)}, pas une note officielle"
        else:
            what = STRATEGY_NOTE
        text = f"Scores sur 100 : {what}."
    else:  # short (one line with the next sentence): the results' first line, each chart says the rest
        named = []
        for index, (kind, decks_of_kind) in enumerate(kinds.items()):
            if kind is Kind.SELF:
                what = "l’autoévaluation des tables"
            elif kind is Kind.SUBJECT:
                what = f"l’avis des tables sur {_each(decks_of_kind)}"
            else:
                what = "les effets attendus de leurs stratégies"
            titles = " et ".join(short_title(d) for d in decks_of_kind)
            named.append(what if index == 0 else f"pour {titles} {what}")
        joined = ", ".join(named[:-1]) + ", et " + named[-1]
        text = f"Scores sur 100 : {joined} ; pas une note du territoire."
    if Kind.SELF in kinds or Kind.SUBJECT in kinds:
        text += " Le taux de réponse dit quelle part des questions a reçu une réponse."
    return text


def radar_caption(deck: AnyDeck) -> str:
    """Under a radar of one sequence, on 0–100."""
    if isinstance(deck, StrategyDeck):
        return (
            "Effets attendus des stratégies imaginées par les tables, de 0 (pire) à 100 (meilleur) ; "
            "50 = sans effet. Ce n’est pas la boussole du territoire."
        )
    if deck.subject is not None:
        return (
            f"Score par principe, de 0 (centre) à 100 (bord) : avis des tables sur chaque "
            f"{deck.subject.label.lower()}."
        )
    return "Score par principe, de 0 (centre) à 100 (bord) : autoévaluation des tables."


def who_scores(deck: AnyDeck) -> str:
    """The last sentence of the scoring rule: whose figures these are."""
    if isinstance(deck, StrategyDeck):
        return "Ces scores décrivent les effets attendus de stratégies imaginées pendant le jeu."
    if deck.subject is not None:
        return (
            f"Ces notes sont l’avis des tables sur chaque {deck.subject.label.lower()}, pas un indice "
            "officiel."
        )
    return "Ces scores sont l’autoévaluation des groupes, pas un indice officiel."


def results_title(decks: Iterable[AnyDeck]) -> str:
    """« Résultats : la boussole » when a deck reads the Boussole; « Résultats » otherwise (a decision grid's
    criteria, a strategy game's axes are not the Boussole)."""
    if any(d.compass.name.startswith("Boussole") for d in decks):
        return "Résultats : la boussole"
    return "Résultats"
