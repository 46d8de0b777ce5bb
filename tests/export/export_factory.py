"""Builds realistic WorkshopSnapshots without a database, for the export tests and the benchmark.

``make_snapshot`` plays the decks of ``export_decks`` (``boussole_deck``, ``nature_deck``) with a few groups,
notes, a debrief, an action plan, participants and photos, with increasing timestamps. ``pdf_text`` reads
back the text of a PDF.
"""

from __future__ import annotations

import hashlib
import io
import random
import re
from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from export_decks import COLOURS, boussole_deck, nature_deck

from workshop_app.core.deck import QuestionDeck
from workshop_app.core.events import Event, EventKind
from workshop_app.core.workshop import (
    ActionItem,
    AttachmentInfo,
    Debrief,
    GroupInfo,
    ParticipantInfo,
    SequenceInfo,
    WorkshopInfo,
    WorkshopSnapshot,
    WorkshopStatus,
)

HOSTILE = [
    "<font color=red>rouge</font>",
    '<img src="/etc/passwd"/>',
    "a<b & c>d",
]

ARGUMENTS = [
    "Le plan communal de sauvegarde existe mais n'a pas été exercé depuis 2019 ; les agents ne le "
    "connaissent "
    "pas tous.",
    "Nous coopérons déjà avec l'agglomération sur la gestion de l'eau, mais rien n'est formalisé pour les "
    "crises.",
    "Les associations de quartier sont très actives : elles ont porté les repas pendant le confinement.",
    "Aucun diagnostic des dépendances énergétiques des bâtiments publics ; c'est une priorité du mandat.",
    "Le sujet divise la table : les services techniques s'estiment prêts, les services sociaux beaucoup "
    "moins.",
    "On s'appuie sur le retour d'expérience de la crue de 2021, qui a changé nos pratiques d'alerte.",
    "Des îlots de fraîcheur ont été créés dans deux écoles ; il reste les EHPAD et la place du marché.",
    "Nous n'avons pas de stock tampon ; la cuisine centrale dépend d'un seul fournisseur régional.",
]
SERVICES = [
    ("Urbanisme", "Ville"),
    ("Espaces verts", "Ville"),
    ("Eau et assainissement", "Agglomération"),
    ("Voirie", "Ville"),
    ("CCAS – action sociale", "Ville"),
    ("Développement économique", "Agglomération"),
    ("Direction générale", "Ville"),
    ("Police municipale", "Ville"),
    ("Syndicat de rivière", "Partenaire"),
]
FIRST = [
    "Marie",
    "Jean",
    "Nadia",
    "Pierre",
    "Sophie",
    "Karim",
    "Lucie",
    "Thomas",
    "Élodie",
    "Hugo",
    "Inès",
    "Olivier",
    "Chloé",
    "Bruno",
    "Fatou",
    "Yann",
    "Claire",
    "Mehdi",
    "Anne",
    "Louis",
]
LAST = [
    "Dupont",
    "Martin",
    "Benali",
    "Lefèvre",
    "Moreau",
    "Haddad",
    "Garnier",
    "Roux",
    "Fontaine",
    "Chevalier",
    "Girard",
    "Morel",
    "Lambert",
    "Faure",
    "Diallo",
    "Le Gall",
    "Bonnet",
    "Mercier",
    "Blanc",
    "Guérin",
]
GROUP_NAMES = [
    "Table des Tilleuls",
    "Table des Platanes",
    "Table des Chênes",
    "Table des Saules",
    "Table des Érables",
    "Table des Frênes",
    "Table des Hêtres",
    "Table des Charmes",
    "Table des Ormes",
    "Table des Aulnes",
    "Table des Bouleaux",
    "Table des Peupliers",
]
T0 = datetime(2026, 11, 23, 8, 45, tzinfo=UTC)  # 9 h 45 in Paris


def png_bytes(width: int = 320, height: int = 200, colour: tuple[int, int, int] = (90, 150, 90)) -> bytes:
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (width, height), colour)
    draw = ImageDraw.Draw(image)
    for i in range(0, width, 40):
        draw.rectangle([i, height // 3, i + 25, height // 3 + 30], fill=(250, 230, 80))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


class _Log:
    def __init__(self) -> None:
        self.events: list[Event] = []
        self.now = T0

    def add(self, kind: EventKind, minutes: float = 0.5, **fields: Any) -> Event:
        self.now += timedelta(minutes=minutes)
        event = Event(seq=len(self.events) + 1, kind=kind, at=self.now, **fields)
        self.events.append(event)
        return event


def make_snapshot(
    *,
    n_groups: int = 4,
    n_cards: int = 12,
    notes_per_answer: bool = False,
    strategy: bool = True,
    n_actions: int = 5,
    n_participants: int = 12,
    photos: int = 2,
    hostile: bool = False,
    long_text: bool = False,
    answered_share: float = 0.9,
    seed: int = 7,
    deck: QuestionDeck | None = None,
) -> tuple[WorkshopSnapshot, dict[str, bytes]]:
    """A played workshop. ``hostile`` puts markup-like strings, emoji and unknown scripts in most texts;
    ``long_text`` adds a 30,000-character argument and a 5,000-character word."""
    rng = random.Random(seed)
    question_deck = deck or boussole_deck(n_cards)
    groups = [
        GroupInfo(
            f"g{i + 1:02d}",
            GROUP_NAMES[i % len(GROUP_NAMES)] + ("" if i < 12 else f" {i}"),
            COLOURS[i % len(COLOURS)],
            i,
        )
        for i in range(n_groups)
    ]
    if hostile:
        groups[0] = GroupInfo(groups[0].id, "Table <b>" + HOSTILE[2], groups[0].colour, 0)
    participants = []
    for i in range(n_participants):
        service, organisation = SERVICES[i % len(SERVICES)]
        participants.append(
            ParticipantInfo(
                f"p{i + 1:03d}",
                name=f"{FIRST[i % len(FIRST)]} {LAST[(i * 3) % len(LAST)]}",
                role="Directeur·rice" if i % 4 == 0 else "Chargé·e de mission",
                service=service,
                organisation=organisation,
                group_id=groups[i % n_groups].id,
            )
        )
    sequences = [
        SequenceInfo("s1", 0, question_deck, planned_minutes=90, title="Les « Et si… » du territoire")
    ]
    snature = nature_deck()
    if strategy:
        sequences.append(SequenceInfo("s2", 1, snature, planned_minutes=45))
    log = _Log()
    log.add(EventKind.SEQUENCE_STARTED, sequence_id="s1")
    for ci, card in enumerate(question_deck.cards):
        log.add(EventKind.CARD_SHOWN, 1.0, sequence_id="s1", card_id=card.id)
        base = rng.randint(0, 4)
        for gi, group in enumerate(groups):
            if rng.random() > answered_share:
                continue
            if rng.random() < 0.05:
                option = "nc"
            else:
                option = str(max(0, min(4, base + rng.choice((-2, -1, 0, 0, 1, 1)) if ci % 5 else base)))
            argument = ARGUMENTS[(ci + gi) % len(ARGUMENTS)]
            if hostile and gi == 0:
                argument = " ".join(HOSTILE) + " 🌍 中文 العربية \u202f\x00\x07 fin"
            if long_text and gi == 1 and ci == 0:
                argument = ("Un très long argument. " * 1400)[:30_000]
            if long_text and gi == 2 and ci == 0:
                argument = "x" * 5_000
            log.add(
                EventKind.CHOICE_RECORDED,
                0.3,
                sequence_id="s1",
                group_id=group.id,
                card_id=card.id,
                payload={"option": option, "argument": argument},
            )
            if notes_per_answer:
                log.add(
                    EventKind.NOTE_ADDED,
                    0.1,
                    sequence_id="s1",
                    group_id=group.id,
                    card_id=card.id,
                    payload={
                        "text": f"Verbatim : « {ARGUMENTS[(ci * 3 + gi) % len(ARGUMENTS)]} »",
                        "author": participants[gi % len(participants)].name if participants else "",
                    },
                )
        if ci == 1:
            # a change of mind and an undo: the minutes show the final state only
            ev = log.add(
                EventKind.CHOICE_RECORDED,
                0.2,
                sequence_id="s1",
                group_id=groups[0].id,
                card_id=card.id,
                payload={"option": "0", "argument": "Erreur de saisie"},
            )
            log.add(EventKind.UNDO, 0.1, payload={"target": ev.seq})
        if ci % 4 == 2 and not notes_per_answer:
            text = f"{participants[0].name} rappelle que le PCS date de 2019." if participants else "Note."
            if hostile:
                text = HOSTILE[1] + " " + HOSTILE[0]
            log.add(
                EventKind.NOTE_ADDED,
                0.2,
                sequence_id="s1",
                card_id=card.id,
                group_id=groups[-1].id,
                payload={"text": text, "author": participants[1].name if len(participants) > 1 else ""},
            )
    log.add(EventKind.RESULTS_REVEALED, 1, sequence_id="s1")
    log.add(EventKind.SEQUENCE_ENDED, 2, sequence_id="s1")
    if strategy:
        log.add(EventKind.SEQUENCE_STARTED, 15, sequence_id="s2")
        for gi, group in enumerate(groups):
            picks = [
                ["c1", "c2", "c3", "c7"],
                ["c4", "c8", "c7"],
                ["c5", "c6", "c3"],
                ["c2", "c6", "c8", "c5"],
            ][gi % 4]
            for card_id in picks:
                log.add(EventKind.CARD_PICKED, 0.7, sequence_id="s2", group_id=group.id, card_id=card_id)
            log.add(
                EventKind.ARGUMENT_SET,
                0.3,
                sequence_id="s2",
                group_id=group.id,
                card_id=picks[0],
                payload={
                    "argument": "Priorité aux écoles : c'est là que la chaleur frappe les plus fragiles."
                },
            )
        log.add(EventKind.SEQUENCE_ENDED, 5, sequence_id="s2")
    log.add(
        EventKind.NOTE_ADDED,
        2,
        payload={
            "text": "Le maire souhaite présenter la démarche en conseil municipal de janvier.",
            "author": "Animateur",
        },
    )
    lever_ids = question_deck.lever_ids() or question_deck.axis_ids()  # a deck of axes without levers
    actions = [
        ActionItem(
            f"a{i + 1:02d}",
            action=f"Action {i + 1} : exercer le plan communal de sauvegarde avec les "
            "services techniques et le CCAS"
            if i % 2 == 0
            else f"Action {i + 1} : cartographier les dépendances énergétiques des bâtiments publics",
            owner=f"{SERVICES[i % len(SERVICES)][0]} ({SERVICES[i % len(SERVICES)][1]})",
            deadline=date(2027, 1 + i % 12, 15) if i % 3 else None,
            lever_id=lever_ids[i % len(lever_ids)],
            position=i,
        )
        for i in range(n_actions)
    ]
    if hostile and actions:
        actions[0] = ActionItem("a01", action=HOSTILE[0] + " " + HOSTILE[2], owner=HOSTILE[1], lever_id="zz")
    attachments: list[AttachmentInfo] = []
    data: dict[str, bytes] = {}
    for i in range(photos):
        blob = png_bytes(480 if i % 2 == 0 else 200, 300 if i % 2 == 0 else 420, (60 + 40 * i, 130, 90))
        att = AttachmentInfo(
            f"att{i + 1:02d}",
            f"tableau-{i + 1}.png",
            "image/png",
            hashlib.sha256(blob).hexdigest(),
            caption=f"Tableau de post-it de la table {i + 1}",
            size=len(blob),
        )
        attachments.append(att)
        data[att.id] = blob
    info = WorkshopInfo(
        id="0b7c3f9e-2a41-4c55-9d0e-5f1a2b3c4d5e",
        title="Atelier résilience territoriale" + (" " + HOSTILE[0] if hostile else ""),
        territory="Soissons" + (" & <Agglo>" if hostile else ""),
        territory_kind="Commune",
        date=date(2026, 11, 23),
        place="Hôtel de ville, salle du conseil",
        facilitators="Équipe Cerema Hauts-de-France",
        context="La ville a engagé une démarche de résilience territoriale avec le Cerema. Cet atelier de "
        "sensibilisation ouvre la phase de diagnostic partagé.\nIl réunit élus et chefs de service.",
        objectives="Partager une lecture commune des vulnérabilités du territoire ; repérer les leviers sur "
        "lesquels agir en priorité ; préparer le plan d'action.",
        fixed_points="Fixé : le périmètre (ville et agglomération) et le calendrier.\nOuvert au débat : les "
        "priorités et les porteurs des actions.",
        status=WorkshopStatus.DONE,
    )
    debrief = Debrief(
        strengths=(
            "Un tissu associatif très mobilisé",
            "Une culture du retour d'expérience depuis la crue de 2021",
        ),
        vulnerabilities=(
            "Dépendance à un seul fournisseur pour la cuisine centrale",
            "Plan communal de sauvegarde non exercé",
        ),
        felt="Un atelier jugé concret ; certains ont découvert les dépendances entre services.",
        happened="Les tables ont convergé sur l'eau et l'énergie, divergé sur la solidarité.",
        transfer="Exercer le PCS au printemps ; associer l'agglomération au diagnostic des réseaux.",
        agreement="Les tables s'accordent sur la faiblesse de la veille ; elles divergent sur la solidarité.",
    )
    if hostile:
        debrief = Debrief(
            strengths=(HOSTILE[0],),
            vulnerabilities=(HOSTILE[1],),
            felt=HOSTILE[2],
            happened="🌍 " + HOSTILE[1],
            transfer="x" * 3000,
            agreement=HOSTILE[0],
        )
    snapshot = WorkshopSnapshot(
        info=info,
        groups=tuple(groups),
        participants=tuple(participants),
        sequences=tuple(sequences),
        events=tuple(log.events),
        actions=tuple(actions),
        attachments=tuple(attachments),
        debrief=debrief,
    )
    return snapshot, data


def participant_names(snapshot: WorkshopSnapshot) -> Sequence[str]:
    return [p.name for p in snapshot.participants if p.name]


def pdf_text(path: Path | bytes) -> str:
    """All the text of a PDF, spaces normalised (no-break spaces → space, runs of whitespace → one space)
    and apostrophes too (’ → '), so that a test can quote a sentence either way; :func:`pdf_pages` keeps the
    text exactly as printed, page by page."""
    text = " ".join(pdf_pages(path)).replace("\u2019", "'")
    text = text.replace("\u00a0", " ").replace("\u202f", " ")
    return re.sub(r"\s+", " ", text)


def pdf_pages(path: Path | bytes) -> list[str]:
    """The text of each page, as extracted (no normalisation)."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(path) if isinstance(path, bytes) else str(path))
    return [page.extract_text() or "" for page in reader.pages]
