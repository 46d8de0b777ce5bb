"""The synthesis that opens the compte-rendu (page 2), and the findings blocks the body reuses.

:func:`synthesis` reads the workshop once (:class:`workshop_app.core.findings.WorkshopFindings`) and returns
a :class:`~.model.Section`: the key facts in one sentence, the room's compass, 3–5 strengths and
vulnerabilities in the facilitator's words (or the app's proposals, said so), where the tables agree and
disagree read in sentences, the strategies most tables chose, and the action plan.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence

from workshop_app.core.deck import QuestionDeck, StrategyDeck
from workshop_app.core.findings import Origin, SequenceFindings, WorkshopFindings, score_text
from workshop_app.core.scoring import CompassReading
from workshop_app.core.spread_words import spread_words
from workshop_app.core.subjects import is_subject_deck
from workshop_app.core.workshop import GroupInfo, SequenceInfo, WorkshopSnapshot
from workshop_app.export.french import format_date, format_number, plural, quote
from workshop_app.export.report import subjects_text
from workshop_app.export.report.model import (
    Bar,
    BarChart,
    Block,
    Bullets,
    Findings,
    Line,
    Para,
    RadarChart,
    Section,
    Serie,
    TableBlock,
)

Text = Callable[[str], str]  # the anonymiser's text(): names replaced when anonymising

ROOM_COLOUR = "#1F4E6B"

CAPTIONS = {
    Origin.WRITTEN.value: "Rédigés par l’animation lors du bilan.",
    Origin.VALIDATED.value: "Proposés par l’application d’après les scores, validés par l’animation.",
    Origin.PROPOSED.value: (
        "Proposés par l’application d’après les scores ; l’animation ne les a pas encore validés."
    ),
    None: "Retenus lors du bilan de la séance.",
}
NOTES = {
    Origin.WRITTEN.value: "rédigé par l’animation",
    Origin.VALIDATED.value: "proposé d’après les scores, validé",
    Origin.PROPOSED.value: "proposé d’après les scores, à valider",
}


def findings_block(snapshot: WorkshopSnapshot, found: WorkshopFindings, text: Text) -> Findings:
    """The strengths and vulnerabilities: the debrief's lines with who wrote them, or, when the debrief has
    none, the app's proposals (said so). A strategy game's effects never appear here."""
    debrief = snapshot.debrief
    if debrief.strengths or debrief.vulnerabilities:
        strengths = [Line(text(s), debrief.origin(s)) for s in debrief.strengths if s.strip()]
        weak = [Line(text(s), debrief.origin(s)) for s in debrief.vulnerabilities if s.strip()]
    else:
        rated = {s.id for s in snapshot.sequences if is_subject_deck(s.deck)}  # said per subject below
        proposed = Origin.PROPOSED.value
        strengths = [Line(f.text, proposed) for f in found.strengths if f.sequence_id not in rated]
        weak = [Line(f.text, proposed) for f in found.vulnerabilities if f.sequence_id not in rated]
        for matrix in subjects_text.matrices(snapshot):
            plus, minus = subjects_text.subject_findings(matrix, text)
            strengths += [Line(x, Origin.PROPOSED.value) for x in plus[:5]]
            weak += [Line(x, Origin.PROPOSED.value) for x in minus[:5]]
    origins = {line.origin for line in (*strengths, *weak)}
    if len(origins) > 1:
        strengths = [_noted(line) for line in strengths]
        weak = [_noted(line) for line in weak]
        caption = "Chaque ligne dit qui l’a formulée."
    else:
        caption = CAPTIONS[next(iter(origins), Origin.PROPOSED.value)]
    return Findings(strengths, weak, caption + scales_words(snapshot))


def scales_words(snapshot: WorkshopSnapshot) -> str:
    """What the findings' figures are, for the decks that give findings: « Scores sur 100 : autoévaluation
    des tables. », « Notes des projets de −2 à +2, 0 = neutre : avis des tables. »."""
    rating = subjects_text.matrices(snapshot)
    rated = {m.deck.id for m in rating}
    own = any(
        isinstance(s.deck, QuestionDeck) and s.deck.id not in rated and not is_subject_deck(s.deck)
        for s in snapshot.sequences
    )
    if not rating:
        return " Scores sur 100 : autoévaluation des tables." if own else ""
    # « Notes des projets de −2 à +2, 0 = neutre : avis des tables ; autres scores sur 100 : autoévaluation… »
    words = " ; ".join(f"notes des {m.subject.plural.lower()} {subjects_text.scale_words(m)}" for m in rating)
    words = words[0].upper() + words[1:]
    whose = "avis de la table" if len(snapshot.groups) == 1 else "avis des tables"  # one interviewer
    if not own:
        return f" {words} : {whose}."
    return f" {words} : {whose} ; autres scores sur 100 : autoévaluation des tables."


def _debrief_lines(snapshot: WorkshopSnapshot) -> bool:
    return bool(snapshot.debrief.strengths or snapshot.debrief.vulnerabilities)


def _noted(line: Line) -> Line:
    return Line(line.text, line.origin, NOTES.get(line.origin or "", ""))


def agreement_sentences(found: SequenceFindings, groups: Sequence[GroupInfo], text: Text) -> list[str]:
    """Where the tables agree and disagree on a questions sequence, read in sentences."""
    names = {g.id: text(g.name) for g in groups}
    out: list[str] = []
    disputed, agreed = found.cards.disputed, found.cards.agreed
    if found.card_count:
        deck = found.sequence.deck
        steps = deck.scale_max - deck.scale_min if isinstance(deck, QuestionDeck) else 4.0
        out.append(count_sentence(found.card_count, len(agreed), len(disputed), steps))
    if found.strict_group is not None:
        name = names.get(found.strict_group, found.strict_group)
        out.append(
            f"L’essentiel de ces écarts vient d’une table plus sévère que les autres : {name} donne la "
            f"réponse la plus basse sur {found.strict_count} des {len(disputed)} cartes qui divisent."
        )
    if found.disputed_targets:
        words = spread_words(found.sequence.deck)  # levers on 100, a project's principles on −2…+2
        parts = [
            f"{s.label} (de {words.value(s.low or 0)} à {words.value(s.high or 0)})"
            if words.on_scale
            else f"{s.label} (de {round(s.low or 0)} à {score_text(s.high or 0)})"
            for s in found.disputed_targets[:2]
        ]
        head = f"Les {words.plural.lower()} où les tables s’écartent le plus : "
        out.append(head + " ; ".join(parts) + ".")
    if found.not_concerned:
        by_group: dict[str, list[str]] = {}
        for card, group_ids in found.not_concerned.items():
            for gid in group_ids:
                by_group.setdefault(gid, []).append(card)
        parts = []
        for gid, cards in by_group.items():
            if len(by_group) > 3:  # many tables: how many cards each, the cards are in the annex
                parts.append(f"{names.get(gid, gid)} ({plural(len(cards), 'carte')})")
            elif len(cards) <= 2:
                parts.append(f"{names.get(gid, gid)} pour {' et '.join(quote(c) for c in cards)}")
            else:
                parts.append(f"{names.get(gid, gid)} pour {plural(len(cards), 'carte')}")
        out.append(
            "Ont répondu « non concerné » (réponse non comptée dans les scores) : " + " ; ".join(parts) + "."
        )
    return out


def count_sentence(cards: int, agreed: int, disputed: int, steps: float = 4.0) -> str:
    """« Sur les 33 cartes …, les tables s’accordent sur 16 cartes et divergent nettement … sur 17 cartes »,
    in agreement with the numbers (one card, none). ``steps``: the deck's scale from its first to its last
    level; a split is half of it (50 points), in whole levels since a card's answers are: two levels on 0–4
    or −2…+2, and two on 0–3 too (1,5 levels apart cannot happen)."""
    head = (
        f"Sur les {plural(cards, 'carte')} auxquelles au moins deux tables ont répondu"
        if cards > 1
        else "Sur la seule carte à laquelle au moins deux tables ont répondu"
    )
    agree = f"les tables s’accordent sur {plural(agreed, 'carte')}" if agreed else (
        "les tables ne s’accordent sur aucune"
    )
    half = steps / 2
    if float(steps).is_integer():  # whole levels: the smallest gap that reaches 50 points
        half = float(math.ceil(half - 1e-9))
    if half == 2:
        split = "deux niveaux d’écart ou plus"
    else:
        number = format_number(half, 2)
        number = number.rstrip("0").rstrip(",") if "," in number else number
        split = f"{number}\u00a0{'niveau' if half < 2 else 'niveaux'} d’écart ou plus"
    disagree = f"divergent nettement ({split}) sur {plural(disputed, 'carte')}" if disputed else (
        "ne divergent nettement sur aucune"
    )
    return f"{head}, {agree} et {disagree}."


def strategy_sentences(found: SequenceFindings) -> list[str]:
    """The cards most tables retained, and what the strategies would change (hypothetical effects)."""
    out: list[str] = []
    if found.consensus:
        top = found.consensus[:3]
        out.append(
            "Cartes retenues par la moitié des tables ou plus : "
            + " ; ".join(f"{quote(c.title)} ({c.count} tables sur {c.of})" for c in top)
            + "."
        )
    elif found.playing > 1:
        out.append("Aucune carte n’a été retenue par la moitié des tables ou plus.")
    if found.effects_up:
        out.append(
            "Effets attendus des stratégies retenues (un jeu, pas un état du territoire) : elles "
            "renforceraient "
            + ", ".join(f"{f.label} ({score_text(f.score)})" for f in found.effects_up[:3])
            + " ; 50 signifie « sans effet »."
        )
    return out


def room_radar(deck: QuestionDeck | StrategyDeck, reading: CompassReading, caption: str) -> RadarChart | None:
    axes = deck.compass.axes
    if len(axes) < 3:
        return None
    values = [reading.room.axes[a.id].score if a.id in reading.room.axes else None for a in axes]
    labels = [a.display for a in axes]
    return RadarChart(labels, [Serie("Salle (toutes tables)", ROOM_COLOUR, values, room=True)], caption,
                      middle=isinstance(deck, StrategyDeck), height_cm=4.9)


def lever_bars(deck: QuestionDeck, reading: CompassReading, caption: str) -> BarChart:
    """The room's score per lever, from strength to vulnerability, each with its principle's name."""
    from workshop_app.core.findings import target_label

    bars: list[Bar] = []
    for axis in deck.compass.axes:
        for key in [lv.id for lv in axis.levers] or [axis.id]:
            score = reading.room.levers.get(key) or reading.room.axes.get(key)
            bars.append(Bar(target_label(deck, key), axis.display, axis.colour,
                            score.score if score is not None else None, _table_marks(reading, key)))
    bars.sort(key=lambda b: (b.value is None, -(b.value or 0.0)))
    return BarChart(bars, caption)


def _table_marks(reading: CompassReading, key: str) -> tuple[float, ...]:
    """Each table's score on a lever (or an axis without levers), for the ticks beside the room's bar."""
    found = ((g.levers.get(key) or g.axes.get(key)) for g in reading.groups.values())
    return tuple(s.score for s in found if s is not None and s.score is not None)


def action_table(
    snapshot: WorkshopSnapshot, text: Text, lever_label: Callable[[str | None], str]
) -> TableBlock:
    actions = sorted(snapshot.actions, key=lambda a: a.position)
    rows = [
        [str(i), text(a.action), text(a.owner) or "à désigner", format_date(a.deadline, "à fixer"),
         lever_label(a.lever_id) or "—"]
        for i, a in enumerate(actions, start=1)
    ]
    return TableBlock(["N°", "Action", "Porteur", "Échéance", "Levier"], rows,
                      [0.05, 0.39, 0.2, 0.14, 0.22], "rllll")


def key_facts(snapshot: WorkshopSnapshot, sequences: Sequence[SequenceInfo]) -> str:
    info = snapshot.info
    people = len(snapshot.participants)
    tables = len(snapshot.groups)
    when = format_date(info.date)
    who = []
    if people:
        who.append(plural(people, "participant·e", "participant·es"))
    if tables > 1:
        who.append(f"en {plural(tables, 'table')}" if people else plural(tables, "table"))
    elif tables and not people:  # one table (one interviewer): « 1 table » counts nothing
        who.append("une table")
    played = " puis ".join(subjects_text.played_phrases(sequences, _played))  # one per subject deck
    head = f"Le {when}, " if when else ""
    subject = " ".join(who) or "les participant·es"
    subject = subject if head else subject[0].upper() + subject[1:]
    verb = "a" if (people or tables) == 1 else "ont"  # « 1 table a répondu »
    return f"{head}{subject} {verb} {played}." if played else f"{head}{subject}."


def _played(sequence: SequenceInfo) -> str:
    """« répondu aux 33 cartes du jeu … », « construit une stratégie avec le jeu … »."""
    title = sequence.deck.title if "«" in sequence.deck.title else quote(sequence.deck.title)
    if isinstance(sequence.deck, StrategyDeck):
        return f"construit une stratégie avec le jeu {title}"
    return f"répondu aux {plural(len(sequence.deck.cards), 'carte')} du jeu {title}"


def synthesis(
    snapshot: WorkshopSnapshot,
    found: WorkshopFindings,
    readings: Mapping[str, CompassReading],
    text: Text,
    lever_label: Callable[[str | None], str],
    max_actions: int | None = None,
    lever_column: bool = True,
) -> Section:
    """The one- or two-page synthesis (see the module docstring); at most ``max_actions`` actions, the
    others said to be in the body; ``lever_column`` False when the body has the whole plan."""
    sequences = sorted(snapshot.sequences, key=lambda s: s.position)
    groups = sorted(snapshot.groups, key=lambda g: g.position)
    blocks: list[Block] = [Para(key_facts(snapshot, sequences), "lead")]
    first = next(
        (s for s in sequences if isinstance(s.deck, QuestionDeck) and not is_subject_deck(s.deck)), None
    )
    for matrix in subjects_text.matrices(snapshot):  # projects, services: side by side, not a 0–100 radar
        if not any(r.code for r in matrix.rows):  # by lever (18 columns): the body's table, findings here
            blocks.append(subjects_text.comparison_table(matrix, text))
    if first is not None and groups:
        radar = room_radar(first.deck, readings[first.id],
                           "La boussole de la salle, de 0 (centre) à 100 (bord).")
        if radar is not None:
            blocks.append(radar)
    if any(isinstance(s.deck, QuestionDeck) for s in sequences) or _debrief_lines(snapshot):
        blocks.append(findings_block(snapshot, found, text))  # (a strategy game alone never gives any)
    agreement: list[str] = []
    written = bool(snapshot.debrief.agreement.strip())
    for seq in found.sequences:
        if not seq.strategy:
            sentences = agreement_sentences(seq, groups, text)
            # with the facilitator's reading, only what it may not say: the stricter table, « non concerné »
            kept = [x for x in sentences if not written or x.startswith(("L’essentiel", "Ont répondu"))]
            if is_subject_deck(seq.sequence.deck):  # which project (service) the sentence is about; its
                # « non concerné » are in the body, one line per subject would drown the synthesis
                kept = [f"{text(seq.sequence.display_title)} — {x[0].lower()}{x[1:]}" for x in kept
                        if not x.startswith("Ont répondu")]
            agreement += kept
    if written:
        blocks.append(
            Para(text(snapshot.debrief.agreement), "body", "Accords et désaccords, selon l’animation.")
        )
    if agreement:  # under the facilitator's reading, or with a title of their own
        blocks.append(Bullets(agreement, "" if written else "Accords et désaccords, d’après les réponses"))
    strategies: list[str] = []
    for seq in found.sequences:
        if seq.strategy:
            strategies += strategy_sentences(seq)[:1]  # the consensus; the effects are in the body
    if strategies:
        blocks.append(Para(" ".join(strategies), "body", "Les stratégies des tables."))
    if snapshot.actions:
        table = action_table(snapshot, text, lever_label)
        rows = table.rows[:max_actions] if max_actions is not None else table.rows
        if lever_column:
            blocks.append(TableBlock(table.header, rows, table.widths, table.align, "Le plan d’action"))
        else:  # action, owner, deadline: the lever of each action is in the body's plan
            blocks.append(TableBlock(table.header[:4], [r[:4] for r in rows], [0.05, 0.53, 0.27, 0.15],
                                     "rlll", "Le plan d’action"))
        more = len(table.rows) - len(rows)
        if more > 0:
            blocks.append(Para(
                f"… et {plural(more, 'autre action', 'autres actions')} : voir le plan d’action complet.",
                "muted",
            ))
    else:
        blocks.append(Para("Aucune action n’a encore été inscrite au plan d’action.", "muted"))
    return Section("Synthèse", blocks, numbered=False)
