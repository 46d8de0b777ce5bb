"""What every section shares: the build :class:`Context` (snapshot, readings, anonymiser, numbered headings)
and the small helpers that make paragraphs, cells and tables.

Every user string goes through :func:`.escaping.markup` / :func:`.escaping.inline` (via ``_p``/``_c``); every
table is made of Paragraph cells, repeats its header row and may split inside a row, so that no text, however
long, can make a cell taller than a page (reportlab's LayoutError). The underscored helpers are shared by
the modules of this package only.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph, Table, TableStyle

from workshop_app.core.findings import WorkshopFindings, compute
from workshop_app.core.scoring import CompassReading
from workshop_app.core.state import SequenceState, WorkshopState
from workshop_app.core.workshop import GroupInfo, SequenceInfo, WorkshopSnapshot
from workshop_app.export.anonymise import Anonymiser, for_export
from workshop_app.export.pdf.escaping import clean, inline, markup
from workshop_app.export.pdf.fasttable import LeanTable
from workshop_app.export.pdf.fonts import REGULAR
from workshop_app.export.pdf.parsed import paragraph
from workshop_app.export.pdf.styles import FRAME_HEIGHT, LIGHTER, PRIMARY, RULE, WHITE, Styles, styles
from workshop_app.export.report.text import french


@dataclass
class Heading:
    text: str
    level: int
    key: str


class HeadingParagraph(Paragraph):
    """A heading the document template adds to the table of contents and the PDF outline."""

    def __init__(self, text: str, style: object, heading: Heading) -> None:
        super().__init__(text, style)
        self.heading = heading


@dataclass
class Context:
    snapshot: WorkshopSnapshot
    attachments: Mapping[str, bytes]
    anonymiser: Anonymiser
    state: WorkshopState
    readings: dict[str, CompassReading]
    groups: list[GroupInfo]
    findings: WorkshopFindings
    edition: str = "complet"  # « complet » (body then annexes) or « synthese » (elected officials)
    st: Styles = field(default_factory=styles)
    numbers: list[int] = field(default_factory=lambda: [0, 0])
    heading_count: int = 0
    annex_count: int = 0

    @classmethod
    def create(
        cls,
        snapshot: WorkshopSnapshot,
        attachments: Mapping[str, bytes],
        anonymise: bool,
        edition: str = "complet",
    ) -> Context:
        snapshot = for_export(snapshot, anonymise)  # no note « hors compte-rendu »; owners, file names
        state = snapshot.state()
        readings = {s.id: snapshot.compass(s.id, state) for s in snapshot.sequences}
        return cls(
            snapshot=snapshot,
            attachments=attachments,
            anonymiser=Anonymiser(snapshot.participants, anonymise, snapshot.info.facilitators),
            state=state,
            readings=readings,
            groups=sorted(snapshot.groups, key=lambda g: g.position),
            findings=compute(snapshot, state, readings),
            edition=edition,
        )

    @property
    def full(self) -> bool:
        """The complete edition (body, then annexes), not the short one for elected officials."""
        return self.edition != "synthese"

    @property
    def sequences(self) -> list[SequenceInfo]:
        return sorted(self.snapshot.sequences, key=lambda s: s.position)

    def seq_state(self, sequence_id: str) -> SequenceState:
        return self.state.sequences.get(sequence_id, SequenceState())

    def text(self, value: str) -> str:
        return self.anonymiser.text(value)

    # -- headings ------------------------------------------------------------------------------------------

    def h1(self, title: str, room: float = FRAME_HEIGHT / 3) -> list[Flowable]:
        """A numbered section title, starting a new page when less than ``room`` (a third) is left."""
        self.numbers[0] += 1
        self.numbers[1] = 0
        label = f"{self.numbers[0]}. {clean(title)}"
        return [CondPageBreak(room), self._heading(label, 0, self.st.h1)]

    def h1_plain(self, title: str) -> list[Flowable]:
        """An unnumbered chapter title (the synthesis) on a new page when less than a third is left."""
        return [CondPageBreak(FRAME_HEIGHT / 3), self._heading(clean(title), 0, self.st.h1)]

    def next_annex(self, title: str, room: float = 5 * cm) -> list[Flowable]:
        """« Annexe A — … », « Annexe B — … » in the order they are placed. The title asks for room for what
        follows but is not glued to it: an annex often opens on a long table, which must start right there
        rather than move whole to the next page (what keepWithNext would do)."""
        self.annex_count += 1
        heading = self.annex(chr(ord("A") + self.annex_count - 1), title)
        heading.keepWithNext = 0
        return [CondPageBreak(room), heading]

    def h2(self, title: str, numbered: bool = True) -> Flowable:
        """A numbered sub-section title (call sites add ``CondPageBreak`` via :meth:`h2_block`)."""
        if numbered:
            self.numbers[1] += 1
            label = f"{self.numbers[0]}.{self.numbers[1]} {clean(title)}"
        else:
            label = clean(title)
        return self._heading(label, 1, self.st.h2)

    def h2_block(self, title: str, room: float = 4.5 * cm) -> list[Flowable]:
        return [CondPageBreak(room), self.h2(title)]

    def annex(self, letter: str, title: str) -> Flowable:
        return self._heading(f"Annexe {letter} — {clean(title)}", 1, self.st.h2)

    def _heading(self, label: str, level: int, style: object) -> Flowable:
        self.heading_count += 1
        return HeadingParagraph(inline(label), style, Heading(label, level, f"h{self.heading_count}"))

    def group_name(self, group_id: str | None) -> str:
        if group_id is None:
            return ""
        for g in self.groups:
            if g.id == group_id:
                return self.text(g.name)
        return group_id


# -- small helpers -------------------------------------------------------------------------------------------


def _p(text: object, style: object) -> Paragraph:
    return paragraph("p", text, style, markup)


def _c(text: object, style: object) -> Paragraph:
    return paragraph("c", text, style, inline)


def with_title(title: Sequence[Flowable], flowables: Sequence[Flowable]) -> list[Flowable]:
    """``title`` (headings) kept on the same page as what follows: merged into the first flowable when it
    is a KeepTogether (reportlab's keepWithNext does not reach into one)."""
    heads = [f for f in title if not isinstance(f, CondPageBreak)]
    if flowables and isinstance(flowables[0], KeepTogether):
        first = flowables[0]
        return [KeepTogether([*heads, *first._content]), *flowables[1:]]
    return [*title, *flowables]


def _short(text: str, style: ParagraphStyle, width: float) -> str | Paragraph:
    """A table cell: the cleaned plain string when it fits on one line (drawn with the table's font, so the
    table must set FONT/FONTNAME to match ``style``), else a wrapping Paragraph."""
    plain = " ".join(clean(text).split(" "))
    if "\n" not in plain and stringWidth(plain, style.fontName, style.fontSize) <= width - 8.5:
        return plain
    return paragraph("c", text, style, inline)


def _raw(markup_text: str, style: object) -> Paragraph:
    """Markup we wrote ourselves (already escaped where it holds user text), with French typography."""
    return paragraph("raw", markup_text, style, french)


def _h3(text: str, room: float = 3.5 * cm) -> list[Flowable]:
    """A small heading, moved to the next page with what follows when less than ``room`` is left."""
    return [CondPageBreak(room), paragraph("c", text, styles().h3, inline)]


def _or_missing(ctx: Context, text: str, missing: str = "Non renseigné.") -> Paragraph:
    if text.strip():
        return _p(ctx.text(text), ctx.st.body)
    return _p(missing, ctx.st.muted)


def table(
    rows: Sequence[Sequence[object]],
    widths: Sequence[float],
    *,
    header: bool = True,
    zebra: bool = True,
    extra: Iterable[tuple[object, ...]] = (),
    font_size: float | None = None,
) -> Table:
    t = LeanTable(  # reportlab's Table, its paragraph cells measured without detours (fasttable)
        [list(r) for r in rows],
        colWidths=list(widths),
        repeatRows=1 if header else 0,
        splitInRow=1,
        hAlign="LEFT",
    )
    commands: list[tuple[object, ...]] = [
        ("FONT", (0, 0), (-1, -1), REGULAR, 8.3),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
        ("LINEBELOW", (0, 0), (-1, -1), 0.35, RULE),
    ]
    if header:
        commands += [("BACKGROUND", (0, 0), (-1, 0), PRIMARY), ("LINEBELOW", (0, 0), (-1, 0), 0.8, PRIMARY)]
    if zebra:
        start = 1 if header else 0
        commands.append(("ROWBACKGROUNDS", (0, start), (-1, -1), [WHITE, LIGHTER]))
    if len(rows) > 5:  # a split never leaves the last row alone at the top of a page
        commands.append(("NOSPLIT", (0, -2), (-1, -1)))
    commands.extend(extra)
    t.setStyle(TableStyle(commands))
    return t


def head_row(ctx: Context, labels: Sequence[str]) -> list[Paragraph]:
    return [_c(lbl, ctx.st.cell_head) for lbl in labels]


def bullet_list(ctx: Context, items: Sequence[str], style: object | None = None) -> list[Flowable]:
    st = style or ctx.st.bullet
    return [Paragraph(markup(ctx.text(item)), st, bulletText="•") for item in items if item.strip()]


def _signed(value: int) -> str:
    return f"+{value}" if value > 0 else f"−{-value}"
