"""Anonymising the exports: participants' names are replaced, only their service and organisation are kept.

Names are also scrubbed from free text (arguments, notes, owners of actions…) when they appear whole, so that
« Marie Dupont a proposé… » (or « M. Dupont ») becomes « Participant·e 3 a proposé… ». This catches the
obvious cases only: a first name or a last name alone, or a nickname, is not recognised, so the facilitator
should still read the minutes before sending them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from workshop_app.core.workshop import ParticipantInfo


class Anonymiser:
    def __init__(self, participants: Sequence[ParticipantInfo], enabled: bool) -> None:
        self.enabled = enabled
        self._labels: dict[str, str] = {}
        names: dict[str, str] = {}
        for index, person in enumerate(participants, start=1):
            self._labels[person.id] = person.display(enabled, index)
            name = " ".join(person.name.split())
            if enabled and len(name) >= 3:
                names.setdefault(name.casefold(), self._labels[person.id])
                first, _, last = name.partition(" ")
                if last and first[:1].isalpha() and len(last) >= 2:
                    # « Y. Moreau »: the usual short form in minutes and action plans
                    names.setdefault(f"{first[0]}. {last}".casefold(), self._labels[person.id])
        self._replacements = names
        self._pattern: re.Pattern[str] | None = None
        if names:
            alternatives = sorted(names, key=len, reverse=True)
            body = "|".join(r"\s*".join(re.escape(part) for part in n.split(" ")) for n in alternatives)
            self._pattern = re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE)

    def participant(self, person: ParticipantInfo) -> str:
        """The name to print for a participant (« Participant·e 3 » when anonymised or unnamed)."""
        return self._labels.get(person.id, person.name)

    def text(self, value: str) -> str:
        """Free text with known participant names replaced (unchanged when not anonymising)."""
        if not self.enabled or self._pattern is None or not value:
            return value
        return self._pattern.sub(self._replace, value)

    def _replace(self, match: re.Match[str]) -> str:
        found = " ".join(match.group(0).split()).casefold()
        if found in self._replacements:
            return self._replacements[found]
        compact = found.replace(" ", "")
        return next(
            (v for k, v in self._replacements.items() if k.replace(" ", "") == compact), "Participant·e"
        )

    def author(self, author: str) -> str:
        """Note authors are never printed in the minutes (notes are anonymised); kept in raw exports unless
        anonymising."""
        return "" if self.enabled else author
