"""What leaves the laptop: anonymisation of the exports, and the notes kept out of every compte-rendu.

**Anonymising** (``--anonymise``) replaces participants' names by « Participant·e N » in the list of
participants and in every free text (arguments, notes, debrief, actions, titles). A name is recognised in
any of these forms, whatever the case and the accents: « Marie Dupont », « Dupont Marie », « DUPONT Marie »,
« M. Dupont », « Mme Dupont », « Madame Dupont », « M Dupont », « M. Dupont » (initial of Marie), « Dupont »
alone (written with a capital), « Marie » alone (capital), « JP Le Gall » for Jean-Pierre, and « Marie
Helene » for « Marie-Hélène ». A surname or first name shared by two participants becomes « Participant·e »
(without a number); a surname of one or two letters (« Ba ») is recognised after « M. », « Mme »… only.
The owners of actions become their service (« CCAS (Ville) »), not a number. Attachment file names become
« photo-1.jpg »… and the document metadata name no one (author « Atelier Résilience »).
The facilitators are people too: their names (read from the workshop's « Animation » field, see
:func:`facilitator_names`) become « l’animation » in free text and « Animation » as an action's owner, and the
cover keeps only what they wrote of their role (« Cerema, direction territoriale » for « Claire Fontaine
(Cerema, direction territoriale) »), see :meth:`Anonymiser.facilitators`.
What stays: each participant's service and organisation, the facilitators' roles, the tables' names, the
texts of the decks. Nicknames, initials alone (« M.D. ») or a misspelt name are not recognised:
the facilitator should still read the document before sending it.

**Notes « hors compte-rendu »** (payload ``internal: true`` on a ``note_added`` event) reach no export: the
PDF, the DOCX, the CSV, the XLSX and the report pack leave them out (see :func:`for_export`). The workshop
archive (``bundle export``) keeps them, with their flag, because it moves a workshop between laptops; an
anonymised archive leaves them out.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import replace
from pathlib import PurePath

from workshop_app.core.events import Event, EventKind
from workshop_app.core.workshop import AttachmentInfo, ParticipantInfo, WorkshopSnapshot

INTERNAL = "internal"  # the payload flag of a note kept out of the compte-rendu
ANONYMOUS_AUTHOR = "Atelier Résilience"
GENERIC = "Participant·e"
_CIVILITY = r"(?:monsieur|madame|mademoiselle|mme|mlle|mr|dr|pr|m)\.?\s+"
_JOIN = r"[\s\-‐‑–]+"  # spaces or hyphens between the words of a name
FACILITATOR_TEXT = "l’animation"  # a facilitator's name in free text, when anonymising
FACILITATOR_OWNER = "Animation"  # a facilitator as an action's owner
_MARK = "\ue002"  # a facilitator's name in the « Animation » field, while its roles are kept
_PARTICLES = frozenset({"de", "du", "des", "d'", "le", "la", "van", "von", "der", "di", "da"})


def is_internal(event: Event) -> bool:
    """A note the facilitator marked « hors compte-rendu »."""
    return event.kind is EventKind.NOTE_ADDED and bool(event.payload.get(INTERNAL))


def _fold_char(c: str) -> str:
    """One character, lower case and without accent, always one character (so spans map back)."""
    if c in "’ʼ‘":
        return "'"
    base = unicodedata.normalize("NFD", c)[:1].lower()
    return base if len(base) == 1 else c


def fold(text: str) -> str:
    return "".join(_fold_char(c) for c in text)


# words that start an organisation or a role, not a person's name (« Ville de Valmont », « Équipe projet »)
_NOT_A_NAME = frozenset(
    fold(w)
    for w in (
        *("ville", "commune", "mairie", "cerema", "agglomération", "communauté", "département", "région"),
        *("direction", "service", "équipe", "cabinet", "bureau", "association", "conseil", "syndicat"),
        *("préfecture", "ddt", "ademe", "agence", "mission", "pôle", "référent", "référente", "chargé"),
        *("chargée", "chef", "cheffe", "responsable", "directeur", "directrice"),
    )
)


def facilitator_names(facilitators: str) -> list[str]:
    """The people named in a workshop's « Animation » field: each part between « ; », « , », « / », « & »,
    « et », a dash or a line break, outside parentheses, that reads as a name (two to four words, each with
    a capital but particles such as « de », « Le »; not starting like an organisation, « Ville de… »).
    « Claire Fontaine (Cerema) ; Mathieu Lefort, Ville » → [« Claire Fontaine », « Mathieu Lefort »]."""
    flat = re.sub(r"\([^()]*\)", " ; ", facilitators)
    names: list[str] = []
    for part in re.split(r"[;,/&\n]|\s[–—-]\s|\bet\b", flat):
        words = part.split()
        if not 2 <= len(words) <= 4 or fold(words[0]) in _NOT_A_NAME:
            continue
        capitals = [w for w in words if w[:1].isupper() and not any(c.isdigit() for c in w)]
        rest = [w for w in words if w not in capitals]
        if len(capitals) >= 2 and all(fold(w) in _PARTICLES for w in rest):
            names.append(" ".join(words))
    return names


def _words(name: str) -> list[str]:
    return [w for w in re.split(r"[\s\-‐‑–]+", fold(name)) if w]


def _pattern(words: Sequence[str]) -> str:
    return _JOIN.join(re.escape(w) for w in words)


class Anonymiser:
    """``facilitators``: the workshop's « Animation » field (``info.facilitators``), whose names are removed
    too when anonymising."""

    def __init__(
        self, participants: Sequence[ParticipantInfo], enabled: bool, facilitators: str = ""
    ) -> None:
        self.enabled = enabled
        self._labels: dict[str, str] = {}
        self._services: dict[str, str] = {}
        # folded form -> (participant id or "" when shared, needs a capital in the text)
        forms: dict[str, tuple[str, bool]] = {}
        short: set[str] = set()  # surnames of one or two letters: only after « M. », « Mme »…

        def add(words: Sequence[str], person_id: str, capital: bool, civility_only: bool = False) -> None:
            key = " ".join(words)
            if len(key.replace(" ", "")) < 3:
                if not civility_only or not key:
                    return
                short.add(key)
            known = forms.get(key)
            if known is None:
                forms[key] = (person_id, capital)
            elif known[0] != person_id:
                forms[key] = ("", known[1] and capital)

        people = [(p.id, p.name) for p in participants]
        for index, person in enumerate(participants, start=1):
            self._labels[person.id] = person.display(enabled, index)
            self._services[person.id] = _service(person)
        if enabled:
            for index, name in enumerate(facilitator_names(facilitators), start=1):
                key = f"\ue003facilitator-{index}"  # never a participant's id (those are uuids)
                self._labels[key] = FACILITATOR_TEXT
                self._services[key] = FACILITATOR_OWNER
                people.append((key, name))
        for person_id, name in people:
            parts = name.split()
            words = _words(name)
            if not enabled or not words or len("".join(words)) < 3:
                continue
            add(words, person_id, False)
            if len(parts) >= 2:
                first, last = _words(parts[0]), _words(" ".join(parts[1:]))
                add(last + first, person_id, False)  # « DUPONT Marie »
                add(last, person_id, True, civility_only=True)  # « Dupont », « M. Dupont » (« Mme Ba »)
                add(first, person_id, True)  # « Marie », « Marie-Hélène »
                add([first[0][0] + ".", *last], person_id, False)  # « M. Dupont » read as an initial
                if len(first) > 1:  # « JP Le Gall » for Jean-Pierre
                    add(["".join(w[0] for w in first), *last], person_id, False)
        self._forms = forms
        self._pattern: re.Pattern[str] | None = None
        if forms:
            ordered = sorted((f for f in forms if f not in short), key=len, reverse=True)
            body = "|".join(_pattern(f.split(" ")).replace(r"\.", r"\.?") for f in ordered) or "(?!)"
            tiny = "|".join(re.escape(f) for f in sorted(short, key=len, reverse=True)) or "(?!)"
            self._pattern = re.compile(
                rf"(?<![\w'\-])(?:(?:{_CIVILITY})?(?:{body})|(?:{_CIVILITY})(?:{tiny}))(?![\w-])",
                re.IGNORECASE,
            )

    def participant(self, person: ParticipantInfo) -> str:
        """The name to print for a participant (« Participant·e 3 » when anonymised or unnamed)."""
        return self._labels.get(person.id, person.name)

    def text(self, value: str) -> str:
        """Free text with participants' names replaced by their label (unchanged when not anonymising)."""
        return self._scrub(value, self._labels)

    def owner(self, value: str) -> str:
        """The owner of an action: names become the person's service (« CCAS (Ville) »)."""
        if not self.enabled:
            return value
        marks = {pid: f"\ue000{pid}\ue001" for pid in self._services}
        out = self._scrub(value, marks)
        if re.sub(r"\ue000[^\ue001]*\ue001|[\s(),;/–-]", "", out):
            # « CCAS (Marie Dupont) »: the service is already written, the name just goes
            out = re.sub(r"\s*\(\s*\ue000[^\ue001]*\ue001\s*\)", "", out)
        out = re.sub(r"\ue000([^\ue001]*)\ue001", lambda m: self._services.get(m.group(1), GENERIC), out)
        return " ".join(out.replace(GENERIC.join("\ue000\ue001"), GENERIC).split())

    def facilitators(self, value: str) -> str:
        """The « Animation » field as an export may print it: unchanged when not anonymising; else with no
        name, only the roles written with them (« Claire Fontaine (Cerema) ; Mathieu Lefort » → « Cerema »),
        "" when only names were written."""
        if not self.enabled:
            return value
        names = facilitator_names(value)
        if not names:
            return self.text(value)
        pattern = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
        out = re.sub(rf"(?:{pattern})\s*(?:\(([^()]*)\))?", lambda m: _MARK + (m.group(1) or ""), value)
        ends = r"(?:[\s,;/&–—-]|\bet\b)*"  # what joined a name to the next, once the name is gone
        parts = (re.sub(rf"^{ends}|{ends}$", "", p.replace(_MARK, "")) for p in re.split(r"[;\n]", out))
        kept = [p for p in parts if p]
        return self.text(" ; ".join(kept))

    def author(self, author: str) -> str:
        """Note authors are never printed in the minutes; kept in raw exports unless anonymising."""
        return "" if self.enabled else author

    def _scrub(self, value: str, labels: dict[str, str]) -> str:
        if not self.enabled or self._pattern is None or not value:
            return value
        folded = fold(value)
        out: list[str] = []
        last = 0
        for match in self._pattern.finditer(folded):
            start, end = match.span()
            key = self._key(match.group(0))
            person_id, capital = self._forms.get(key, ("", False))
            civility = re.match(_CIVILITY, match.group(0), re.IGNORECASE) is not None
            if capital and not civility and not value[start].isupper():
                continue  # « marchand » the word, not « Marchand » the person
            out.append(value[last:start])
            label = labels.get(person_id, GENERIC) if person_id else GENERIC
            if label[:1].islower() and re.search(r"(?:^|[.!?…]\s+|\n\s*)$", value[:start]):
                label = label[:1].upper() + label[1:]  # « L’animation a rappelé… » at a sentence's start
            out.append(label)
            last = end
        out.append(value[last:])
        return "".join(out)

    def _key(self, matched: str) -> str:
        text = re.sub(rf"^{_CIVILITY}", "", matched, flags=re.IGNORECASE)
        words = _words(text)
        key = " ".join(words)
        if key in self._forms:
            return key
        if len(words) >= 2 and len(words[0]) == 1:  # « m dupont » for « m. dupont »
            dotted = " ".join([words[0] + ".", *words[1:]])
            if dotted in self._forms:
                return dotted
        return key


def _service(person: ParticipantInfo) -> str:
    service = person.service.strip()
    organisation = person.organisation.strip()
    if service and organisation and organisation.casefold() not in service.casefold():
        return f"{service} ({organisation})"
    return service or organisation or GENERIC


def public_attachments(snapshot: WorkshopSnapshot, anonymise: bool) -> Iterator[tuple[str, AttachmentInfo]]:
    """Each attachment with the file name an export may show (« photo-1.jpg » when anonymising), never
    twice the same name."""
    seen: set[str] = set()
    for index, attachment in enumerate(sorted(snapshot.attachments, key=lambda a: a.filename), start=1):
        path = PurePath(attachment.filename.replace("\\", "/"))
        suffix = path.suffix.lower()[:8]
        image = attachment.media_type.lower().startswith("image/")
        name = f"{'photo' if image else 'piece-jointe'}-{index}{suffix}"
        if not anonymise and path.name:
            name = path.name
            if name.casefold() in seen:
                name = f"{path.stem}-{index}{path.suffix}"
        seen.add(name.casefold())
        yield name, attachment


def for_export(snapshot: WorkshopSnapshot, anonymise: bool) -> WorkshopSnapshot:
    """The snapshot as the exports may show it: notes « hors compte-rendu » left out; when anonymising,
    actions' owners turned into their service and attachment file names into « photo-N »."""
    events = tuple(e for e in snapshot.events if not is_internal(e))
    out = replace(snapshot, events=events) if len(events) != len(snapshot.events) else snapshot
    if not anonymise:
        return out
    anonymiser = Anonymiser(snapshot.participants, True, snapshot.info.facilitators)
    actions = tuple(replace(a, owner=anonymiser.owner(a.owner)) for a in snapshot.actions)
    renamed = {a.id: name for name, a in public_attachments(snapshot, True)}
    attachments = tuple(
        replace(a, filename=renamed.get(a.id, a.filename), caption=anonymiser.text(a.caption))
        for a in snapshot.attachments
    )
    return replace(out, actions=actions, attachments=attachments)
