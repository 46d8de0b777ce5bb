"""The blocks of the compte-rendu's document model: plain frozen dataclasses, no reportlab, no python-docx.

A :class:`Section` holds a title and a list of blocks; a block is one of :class:`Para`, :class:`Bullets`,
:class:`Findings` (strengths beside vulnerabilities, each line with who wrote it), :class:`TableBlock`,
:class:`RadarChart` and :class:`BarChart`. Texts are plain French text (never markup), already anonymised
and typographically clean (see :mod:`.text`); a renderer only lays them out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

Style = Literal["body", "lead", "muted", "caption", "boxed"]


@dataclass(frozen=True)
class Para:
    """A paragraph. ``style``: body, lead (a key message), muted (a note), caption (under a chart), boxed."""

    text: str
    style: Style = "body"
    title: str = ""  # a run-in title in bold (« À lire avant tout. »)


@dataclass(frozen=True)
class Bullets:
    items: Sequence[str]
    title: str = ""  # a small heading above the list


@dataclass(frozen=True)
class Line:
    """One line of a findings list and who wrote it: ``origin`` is « proposed », « validated », « written »
    (:class:`workshop_app.core.findings.Origin`) or None when the debrief did not record it."""

    text: str
    origin: str | None = None
    note: str = ""  # « proposé d'après les scores » when the lines of one list have different origins


@dataclass(frozen=True)
class Findings:
    """Strengths beside vulnerabilities, with one caption saying who formulated them."""

    strengths: Sequence[Line]
    vulnerabilities: Sequence[Line]
    caption: str = ""
    left_title: str = "Points forts"
    right_title: str = "Vulnérabilités"


@dataclass(frozen=True)
class TableBlock:
    """A table: a header row, then rows of plain strings. ``widths`` are fractions of the text width
    (summing to 1); ``align`` one letter per column: l(eft), c(entre), r(ight)."""

    header: Sequence[str]
    rows: Sequence[Sequence[str]]
    widths: Sequence[float]
    align: str = ""
    title: str = ""


@dataclass(frozen=True)
class Serie:
    """One line of a radar: a name, a colour (#RRGGBB), one value (0–100, None = not answered) per axis."""

    name: str
    colour: str
    values: Sequence[float | None]
    room: bool = False  # the whole room (thick, filled) rather than one table


@dataclass(frozen=True)
class RadarChart:
    """A radar on a fixed 0–100 scale. ``middle`` marks 50 as « sans effet » (a strategy game's chart,
    which must not be mistaken for the compass)."""

    axes: Sequence[str]
    series: Sequence[Serie]
    caption: str = ""
    middle: bool = False
    height_cm: float = 9.0


@dataclass(frozen=True)
class Bar:
    """One bar: a lever « 3.1 Connaître les aléas », its principle, the room's score (0–100)."""

    label: str
    group: str  # the principle's name
    colour: str
    value: float | None
    marks: tuple[float, ...] = ()  # each table's score, drawn as ticks: the spread behind the room's mean


@dataclass(frozen=True)
class BarChart:
    """Horizontal bars, in the order given (the builder sorts them from strength to vulnerability)."""

    bars: Sequence[Bar]
    caption: str = ""


Block = Para | Bullets | Findings | TableBlock | RadarChart | BarChart


@dataclass(frozen=True)
class Section:
    """A titled part of the document. ``level`` 1 is a chapter, 2 a sub-section; ``numbered`` False for the
    synthesis and the annexes' own titles."""

    title: str
    blocks: Sequence[Block] = ()
    level: int = 1
    numbered: bool = True
    subsections: Sequence[Section] = field(default_factory=tuple)
