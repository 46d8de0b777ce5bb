"""The body of the compte-rendu as the document model (:mod:`.model`): context and programme, results,
agreement, debrief, action plan. The PDF renders the context, the programme and the debrief from here (its
results and agreement chapters hold more, e.g. the small radars and the card tables); a DOCX renderer can
render every section of :func:`document`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from workshop_app.core.deck import QuestionDeck, StrategyDeck
from workshop_app.core.findings import WorkshopFindings
from workshop_app.core.programme import KIND_TITLES, ProgrammeStep, programme_steps, step_title
from workshop_app.core.scoring import CompassReading
from workshop_app.core.spread_words import spread_words
from workshop_app.core.state import WorkshopState
from workshop_app.core.workshop import ParticipantInfo, WorkshopSnapshot
from workshop_app.export import analysis
from workshop_app.export.french import format_date, format_minutes, format_time
from workshop_app.export.report import kinds, tables
from workshop_app.export.report import synthesis as syn
from workshop_app.export.report.model import Block, Bullets, Para, RadarChart, Section, Serie, TableBlock

Text = Callable[[str], str]
MISSING = "Non renseigné."


def _or_missing(text: Text, value: str) -> Para:
    return Para(text(value), "body") if value.strip() else Para(MISSING, "muted")


def context(
    snapshot: WorkshopSnapshot,
    state: WorkshopState,
    text: Text,
    name: Callable[[ParticipantInfo], str] | None = None,
    full: bool = True,
) -> Section:
    """« Contexte, objectifs et programme », with the programme as played and who sat at each table
    (``name``: how a participant is named, the anonymiser's label when anonymising; ``full``: the list of
    people per table, which the short edition leaves out)."""
    info = snapshot.info
    seats = tables.composition(snapshot, text, name or (lambda p: text(p.name) or "—"), full)
    return Section(
        "Contexte, objectifs et programme",
        subsections=(
            Section("Contexte", (_or_missing(text, info.context),), level=2),
            Section("Objectifs", (_or_missing(text, info.objectives),), level=2),
            Section(
                "Ce qui était fixé, ce qui était ouvert au débat",
                (_or_missing(text, info.fixed_points),),
                level=2,
            ),
            programme(snapshot, state, text),
            *((seats,) if seats is not None else ()),
        ),
    )


def programme(snapshot: WorkshopSnapshot, state: WorkshopState, text: Text) -> Section:
    timings = analysis.programme(snapshot, state)
    steps = programme_steps(snapshot.events)  # accueil, pauses, bilan…: the day's other times
    if not timings and not steps:
        return Section("Programme", (Para("Aucune séquence n’a été jouée.", "muted"),), level=2)
    day = format_date(snapshot.info.date)
    what = "Les séquences jouées et les autres temps de la journée" if steps else "Les séquences jouées"
    blocks: list[Block] = [
        Para(
            f"{what}, dans l’ordre, avec la durée prévue et les heures réelles"
            f"{' (le ' + day + ')' if day else ''}, relevées dans le journal de l’atelier."
        )
    ]
    rows: list[list[str]] = []
    inferred = False
    for index in range(len(timings) + 1):
        rows += [_step_row(step, text) for step in steps if min(step.slot, len(timings)) == index]
        if index == len(timings):
            break
        t = timings[index]
        mark = "" if t.explicit else "≈ "
        inferred = inferred or (not t.explicit and t.start is not None)
        rows.append(
            [
                text(t.sequence.display_title),
                f"{t.sequence.deck.title} (v{t.sequence.deck.version})",
                format_minutes(t.planned_minutes),
                mark + format_time(t.start, "—") if t.start else "—",
                mark + format_time(t.end, "—") if t.end else "—",
                format_minutes(t.actual_minutes),
                f"{t.cards_shown} / {t.cards_total}"
                if isinstance(t.sequence.deck, QuestionDeck)
                else "stratégie",
            ]
        )
    blocks.append(
        TableBlock(
            ["Séquence ou étape" if steps else "Séquence", "Jeu", "Prévu", "Début", "Fin", "Durée réelle",
             "Cartes jouées"],
            rows,
            [0.246, 0.258, 0.088, 0.088, 0.088, 0.106, 0.126],
            "llrrrrr",
        )
    )
    if inferred:
        blocks.append(
            Para(
                "« ≈ » : heure déduite de la première et de la dernière action de la séquence (début ou fin "
                "non enregistrés).",
                "muted",
            )
        )
    return Section("Programme", blocks, level=2)


def _step_row(step: ProgrammeStep, text: Text) -> list[str]:
    """A step that is not a deck: its title, its kind, planned and actual times (« — » until played)."""
    title, kind = text(step_title(step)), KIND_TITLES[step.kind]
    if step.kind != "autre" and step.label and not title.casefold().startswith(kind.casefold()):
        title = f"{kind} : {title}"  # « Bilan : tour de table »
    return [
        title,
        "—",
        format_minutes(step.planned_minutes),
        format_time(step.started_at, "—"),
        format_time(step.ended_at, "—"),
        format_minutes(step.actual_minutes),
        "—",
    ]


def results(
    snapshot: WorkshopSnapshot, found: WorkshopFindings, readings: Mapping[str, CompassReading], text: Text
) -> Section:
    """The compass per sequence: the room's radar (with each table when at most six), the lever bars."""
    groups = sorted(snapshot.groups, key=lambda g: g.position)
    subsections: list[Section] = []
    for sequence in sorted(snapshot.sequences, key=lambda s: s.position):
        deck, reading = sequence.deck, readings[sequence.id]
        blocks: list[Block] = []
        axes = deck.compass.axes
        if len(axes) >= 3 and groups:
            series = []
            if len(groups) <= 6:
                for g in groups:
                    gr = reading.groups.get(g.id)
                    if gr is not None:
                        values = [gr.axes[a.id].score if a.id in gr.axes else None for a in axes]
                        series.append(Serie(text(g.name), g.colour, values))
            room = [reading.room.axes[a.id].score if a.id in reading.room.axes else None for a in axes]
            series.append(Serie("Salle (toutes tables)", syn.ROOM_COLOUR, room, room=True))
            caption = kinds.radar_caption(deck)
            blocks.append(
                RadarChart([a.display for a in axes], series, caption, middle=isinstance(deck, StrategyDeck))
            )
        if isinstance(deck, QuestionDeck):
            blocks.append(
                syn.lever_bars(
                    deck,
                    reading,
                    "Score de la salle par levier, du plus fort au plus faible ; chaque trait vertical "
                    "est le score d’une table.",
                )
            )
        subsections.append(Section(text(sequence.display_title), blocks, level=2))
    decks = [s.deck for s in sorted(snapshot.sequences, key=lambda s: s.position)]
    note = Para(kinds.scores_note(decks, len(groups)), "muted")
    return Section(kinds.results_title(decks), (note,), subsections=tuple(subsections))


def agreement(snapshot: WorkshopSnapshot, found: WorkshopFindings, text: Text) -> Section:
    groups = sorted(snapshot.groups, key=lambda g: g.position)
    blocks: list[Block] = []
    if snapshot.debrief.agreement.strip():
        blocks.append(Para(text(snapshot.debrief.agreement), "body", "Ce qu’en retient l’animation."))
    subsections: list[Section] = []
    for seq in found.sequences:
        inner: list[Block] = []
        if seq.strategy:
            inner += [Bullets(syn.strategy_sentences(seq))]
        else:
            inner.append(Bullets(syn.agreement_sentences(seq, groups, text)))
            if seq.target_spreads:
                words = spread_words(seq.sequence.deck)
                inner.append(
                    TableBlock(
                        [words.column, "Plus bas", "Plus haut", "Écart"],
                        [
                            [s.label, words.value(s.low or 0), words.value(s.high or 0),
                             words.gap(s.range or 0)]
                            for s in seq.target_spreads[:8]
                        ],
                        [0.58, 0.14, 0.14, 0.14],
                        "lccc",
                        words.title,
                    )
                )
        subsections.append(Section(text(seq.sequence.display_title), inner, level=2))
    return Section("Accords et désaccords entre les tables", blocks, subsections=tuple(subsections))


def debrief(snapshot: WorkshopSnapshot, text: Text) -> Section:
    d = snapshot.debrief
    return Section(
        "Bilan de la séance",
        subsections=(
            Section("Ce qui a été ressenti", (_or_missing(text, d.felt),), level=2),
            Section("Ce qui s’est passé", (_or_missing(text, d.happened),), level=2),
            Section("Ce qui se transpose dans la réalité", (_or_missing(text, d.transfer),), level=2),
        ),
    )


def actions(snapshot: WorkshopSnapshot, text: Text, lever_label: Callable[[str | None], str]) -> Section:
    if not snapshot.actions:
        return Section(
            "Engagements et plan d’action",
            (Para("Aucune action n’a été inscrite au plan d’action.", "muted"),),
        )
    return Section("Engagements et plan d’action", (syn.action_table(snapshot, text, lever_label),))


def document(
    snapshot: WorkshopSnapshot,
    found: WorkshopFindings,
    readings: Mapping[str, CompassReading],
    state: WorkshopState,
    text: Text,
    lever_label: Callable[[str | None], str],
) -> Sequence[Section]:
    """The synthesis then the body, in the PDF's order (the method and the annexes are the PDF's own)."""
    return (
        syn.synthesis(snapshot, found, readings, text, lever_label),
        context(snapshot, state, text),
        results(snapshot, found, readings, text),
        agreement(snapshot, found, text),
        debrief(snapshot, text),
        actions(snapshot, text, lever_label),
    )
