"""The sections of the compte-rendu, each a function from the build context to a list of flowables.

Every user string goes through :func:`.escaping.markup` / :func:`.escaping.inline` (via ``_p``/``_c``); every
table is made of Paragraph cells, repeats its header row and may split inside a row, so that no text, however
long, can make a cell taller than a page (reportlab's LayoutError).
"""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    Image,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.tableofcontents import TableOfContents

from workshop_app.core.deck import DELAY_LABELS, QuestionDeck, StrategyDeck
from workshop_app.core.scoring import CompassReading, GroupReading, Score
from workshop_app.core.state import Note, SequenceState, WorkshopState
from workshop_app.core.workshop import GroupInfo, SequenceInfo, WorkshopSnapshot
from workshop_app.export import analysis
from workshop_app.export.anonymise import Anonymiser
from workshop_app.export.french import (
    NBSP,
    format_date,
    format_minutes,
    format_number,
    format_percent,
    format_time,
    plural,
    quote,
)
from workshop_app.export.pdf import charts
from workshop_app.export.pdf.escaping import clean, inline, markup
from workshop_app.export.pdf.fonts import BOLD, REGULAR
from workshop_app.export.pdf.styles import (
    ACCENT,
    FRAME_HEIGHT,
    FRAME_WIDTH,
    GOOD,
    LIGHT,
    LIGHTER,
    MUTED,
    PRIMARY,
    RULE,
    WARN,
    WHITE,
    Styles,
    styles,
)

SELF_ASSESSMENT = (
    "Les scores de ce document sont l'autoévaluation des groupes eux-mêmes, telle qu'exprimée pendant "
    "l'atelier : ce n'est pas un indice officiel, ni une évaluation du territoire par un tiers, et ils ne "
    "permettent pas de classer des territoires entre eux. Ils servent à ouvrir la discussion et à repérer où "
    "agir."
)

QUESTIONS_RULE = (
    "Chaque réponse prend la valeur de l'échelle, ramenée entre 0 et 100 (de {lo} = 0 à {hi} = 100). "
    "Une carte éclaire un ou plusieurs leviers, avec un poids. Le score d'un levier est la moyenne pondérée "
    "des réponses des cartes qui l'éclairent ; celui d'un principe est la moyenne pondérée de tous les liens "
    "carte–levier de ce principe. La réponse {nc} ne compte pas dans le calcul mais compte comme une "
    "réponse. La <b>couverture</b> est la part des liens carte–levier qui ont reçu une réponse : un score "
    "peu couvert reflète un atelier inachevé, pas un territoire faible. Le score de la salle regroupe les "
    "réponses de toutes les tables, chacune comptant une fois. Sans aucune réponse, le score est « non "
    "renseigné » (jamais 0)."
)

STRATEGY_RULE = (
    "L'effet brut d'une table sur un axe est la somme des effets (de −2 à +2) des cartes qu'elle a retenues. "
    "Il est placé sur une échelle de 0 à 100 où 50 signifie « sans effet » : 100 correspond au meilleur "
    "total qu'une table pouvait atteindre sur cet axe dans le budget de {budget}, 0 au pire total ; une "
    "table qui dépasse le budget peut aller au-delà, son score est alors plafonné à 0 ou 100. La "
    "<b>couverture</b> est la part du budget dépensée. Les dépassements de budget et les cartes "
    "incompatibles ou manquantes sont signalés, jamais masqués. Le score de la salle est la moyenne des "
    "tables qui ont retenu au moins une carte."
)

AGREEMENT_RULE = (
    "Méthode : pour chaque carte, on compare les réponses des tables ramenées sur 0–100. Les tables sont "
    "d'accord quand toutes leurs réponses tiennent dans un écart de 25 points (un cran sur une échelle de 0 "
    "à "
    "4) ; elles divergent à partir de 50 points d'écart (deux crans ou plus). Les réponses « non concerné » "
    "et "
    "les cartes auxquelles moins de deux tables ont répondu ne sont pas comparées."
)

MAX_AGREEMENT_ROWS = 8
IMAGE_MAX_HEIGHT = 11.5 * cm
IMAGE_MAX_PIXELS = 1800


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
    st: Styles = field(default_factory=styles)
    numbers: list[int] = field(default_factory=lambda: [0, 0])
    heading_count: int = 0

    @classmethod
    def create(cls, snapshot: WorkshopSnapshot, attachments: Mapping[str, bytes], anonymise: bool) -> Context:
        state = snapshot.state()
        readings = {s.id: snapshot.compass(s.id, state) for s in snapshot.sequences}
        return cls(
            snapshot=snapshot,
            attachments=attachments,
            anonymiser=Anonymiser(snapshot.participants, anonymise),
            state=state,
            readings=readings,
            groups=sorted(snapshot.groups, key=lambda g: g.position),
        )

    @property
    def sequences(self) -> list[SequenceInfo]:
        return sorted(self.snapshot.sequences, key=lambda s: s.position)

    def seq_state(self, sequence_id: str) -> SequenceState:
        return self.state.sequences.get(sequence_id, SequenceState())

    def text(self, value: str) -> str:
        return self.anonymiser.text(value)

    # -- headings ------------------------------------------------------------------------------------------

    def h1(self, title: str) -> list[Flowable]:
        """A numbered section title, starting a new page when less than a third of the page is left."""
        self.numbers[0] += 1
        self.numbers[1] = 0
        label = f"{self.numbers[0]}. {clean(title)}"
        return [CondPageBreak(FRAME_HEIGHT / 3), self._heading(label, 0, self.st.h1)]

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
    return Paragraph(markup(text), style)


def _c(text: object, style: object) -> Paragraph:
    return Paragraph(inline(text), style)


def _short(text: str, style: ParagraphStyle, width: float) -> str | Paragraph:
    """A table cell: the cleaned plain string when it fits on one line (drawn with the table's font, so the
    table must set FONT/FONTNAME to match ``style``), else a wrapping Paragraph."""
    plain = " ".join(clean(text).split(" "))
    if "\n" not in plain and stringWidth(plain, style.fontName, style.fontSize) <= width - 8.5:
        return plain
    return Paragraph(inline(text), style)


def _raw(markup_text: str, style: object) -> Paragraph:
    """Markup we wrote ourselves (already escaped where it holds user text)."""
    return Paragraph(markup_text, style)


def _h3(text: str, room: float = 3.5 * cm) -> list[Flowable]:
    """A small heading, moved to the next page with what follows when less than ``room`` is left."""
    return [CondPageBreak(room), Paragraph(inline(text), styles().h3)]


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
    t = Table(
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
    commands.extend(extra)
    t.setStyle(TableStyle(commands))
    return t


def head_row(ctx: Context, labels: Sequence[str]) -> list[Paragraph]:
    return [_c(lbl, ctx.st.cell_head) for lbl in labels]


def bullet_list(ctx: Context, items: Sequence[str], style: object | None = None) -> list[Flowable]:
    st = style or ctx.st.bullet
    return [Paragraph(markup(ctx.text(item)), st, bulletText="•") for item in items if item.strip()]


def _score_text(score: Score | None) -> str:
    if score is None or score.score is None:
        return "n.r."
    return format_percent(score.score, scale=100)


@dataclass(frozen=True)
class GroupColumns:
    labels: list[str]
    key: Flowable | None  # « T1 : Table des Tilleuls · … » when abbreviated
    label_width: float  # the first column (principle, lever, axis)
    column_width: float  # each score column


MAX_GROUP_COLUMNS = 6


def _group_columns(ctx: Context, groups: Sequence[GroupInfo], fixed: int, offset: int = 0) -> GroupColumns:
    """Headers for the groups' score columns: names when every word fits (at most 2.3 cm per column),
    otherwise « T1 », « T2 »… with a key printed under the table. ``fixed`` = other score columns."""
    names = [ctx.text(g.name) for g in groups]
    n = len(names) + fixed
    min_label = 5.6 * cm
    words = [w for name in names for w in clean(name).split()] or [""]
    longest = max(stringWidth(w, BOLD, ctx.st.cell_head.fontSize) for w in words) + 9
    column = max(1.45 * cm, min(2.3 * cm, longest))
    if longest <= 2.3 * cm and FRAME_WIDTH - n * column >= min_label:
        return GroupColumns(names, None, FRAME_WIDTH - n * column, column)
    column = min(1.45 * cm, (FRAME_WIDTH - min_label) / max(1, n))
    labels = [f"T{offset + i + 1}" for i in range(len(names))]
    key = " · ".join(f"<b>{lbl}</b>{NBSP}:{NBSP}{inline(nm)}" for lbl, nm in zip(labels, names, strict=True))
    return GroupColumns(labels, _raw(key, ctx.st.muted), FRAME_WIDTH - n * column, column)


def _group_chunks(ctx: Context, fixed: int) -> list[tuple[list[GroupInfo], GroupColumns]]:
    """The groups in balanced chunks of at most ``MAX_GROUP_COLUMNS`` (one table each), with their headers."""
    groups = ctx.groups
    count = max(1, -(-len(groups) // MAX_GROUP_COLUMNS))
    size = -(-len(groups) // count) if groups else 0
    chunks = [groups[i : i + size] for i in range(0, len(groups), size)] if size else [[]]
    out = []
    offset = 0
    for chunk in chunks:
        out.append((chunk, _group_columns(ctx, chunk, fixed, offset)))
        offset += len(chunk)
    return out


# -- cover and contents --------------------------------------------------------------------------------------


def cover(ctx: Context) -> list[Flowable]:
    info = ctx.snapshot.info
    st = ctx.st
    out: list[Flowable] = [Spacer(1, 2.2 * cm)]
    out.append(_c("COMPTE-RENDU D'ATELIER — RÉSILIENCE TERRITORIALE", st.cover_kicker))
    out.append(_p(ctx.text(info.title) or "Atelier", st.cover_title))
    territory = " — ".join(x for x in (info.territory, info.territory_kind) if x.strip())
    if territory:
        out.append(_p(territory, st.cover_sub))
    out.append(Spacer(1, 0.6 * cm))
    rows: list[list[object]] = []

    def add(label: str, value: str, raw: bool = False) -> None:
        if value.strip():
            rows.append(
                [_c(label, st.cell_bold), _raw(value, st.cover_field) if raw else _p(value, st.cover_field)]
            )

    add("Date", format_date(info.date))
    add("Lieu", info.place)
    add("Animation", info.facilitators)
    add("Participant·es", participants_summary(ctx))
    if ctx.groups:
        add(
            "Tables",
            f"{plural(len(ctx.groups), 'table')} : " + ", ".join(ctx.text(g.name) for g in ctx.groups),
        )
    decks = [
        f"{s.display_title} ({s.deck.title}, v{s.deck.version})"
        if s.title
        else f"{s.deck.title} (v{s.deck.version})"
        for s in ctx.sequences
    ]
    add("Jeux joués", " ; ".join(decks))
    if rows:
        t = Table(rows, colWidths=[3.4 * cm, FRAME_WIDTH - 3.4 * cm], hAlign="LEFT")
        t.setStyle(
            TableStyle(
                [
                    ("FONT", (0, 0), (-1, -1), REGULAR, 9),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LINEABOVE", (0, 0), (-1, 0), 1.2, ACCENT),
                    ("LINEBELOW", (0, 0), (-1, -1), 0.35, RULE),
                    ("TOPPADDING", (0, 0), (-1, -1), 6),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
                    ("LEFTPADDING", (0, 0), (-1, -1), 2),
                ]
            )
        )
        out.append(t)
    out.append(Spacer(1, 1.2 * cm))
    out.append(_raw(f"<b>À lire avant tout.</b> {SELF_ASSESSMENT}", st.boxed))
    if ctx.anonymiser.enabled:
        out.append(
            _p(
                "Version anonymisée : les noms des participant·es sont remplacés (« Participant·e 1 »…) ; "
                "seuls leur service et leur organisation sont conservés.",
                st.muted,
            )
        )
    out.append(NextPageTemplate("body"))
    out.append(PageBreak())
    return out


def participants_summary(ctx: Context) -> str:
    people = ctx.snapshot.participants
    if not people:
        return ""
    by_org = Counter((p.organisation or "organisation non précisée") for p in people)
    orgs = ", ".join(
        f"{clean(org)} : {n}" for org, n in sorted(by_org.items(), key=lambda kv: (-kv[1], kv[0]))
    )
    services = sorted({p.service for p in people if p.service})
    text = f"{plural(len(people), 'participant·e', 'participant·es')} ({orgs})"
    if services:
        text += f". Services représentés : {', '.join(services)}"
    return text + "."


def contents(ctx: Context) -> list[Flowable]:
    toc = TableOfContents(dotsMinLevel=0)
    toc.levelStyles = [ctx.st.toc1, ctx.st.toc2]
    toc.tableStyle = TableStyle(
        [
            ("FONT", (0, 0), (-1, -1), REGULAR, 9),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ]
    )
    return [_c("Sommaire", ctx.st.toc_title), toc, PageBreak()]


# -- 1. context ----------------------------------------------------------------------------------------------


def context_section(ctx: Context) -> list[Flowable]:
    info = ctx.snapshot.info
    out: list[Flowable] = [*ctx.h1("Contexte et objectifs")]
    out += [*ctx.h2_block("Contexte"), _or_missing(ctx, info.context)]
    out += [*ctx.h2_block("Objectifs"), _or_missing(ctx, info.objectives)]
    out += [
        *ctx.h2_block("Ce qui était fixé, ce qui était ouvert au débat"),
        _or_missing(ctx, info.fixed_points),
    ]
    return out


# -- 2. programme --------------------------------------------------------------------------------------------


def programme_section(ctx: Context) -> list[Flowable]:
    st = ctx.st
    timings = analysis.programme(ctx.snapshot, ctx.state)
    out: list[Flowable] = [*ctx.h1("Programme")]
    if not timings:
        return [*out, _p("Aucune séquence n'a été jouée.", st.muted)]
    day = format_date(ctx.snapshot.info.date)
    intro = "Les séquences jouées, dans l'ordre, avec la durée prévue et les heures réelles"
    out.append(
        _p(f"{intro}{' (le ' + day + ')' if day else ''}, relevées dans le journal de l'atelier.", st.body)
    )
    rows: list[list[object]] = [
        head_row(ctx, ["Séquence", "Jeu", "Prévu", "Début", "Fin", "Durée réelle", "Cartes jouées"])
    ]
    inferred = False
    for t in timings:
        mark = "" if t.explicit else "≈ "
        inferred = inferred or (not t.explicit and t.start is not None)
        rows.append(
            [
                _c(ctx.text(t.sequence.display_title), st.cell_bold),
                _c(f"{t.sequence.deck.title} (v{t.sequence.deck.version})", st.cell),
                _c(format_minutes(t.planned_minutes), st.cell_right),
                _c(mark + format_time(t.start, "—") if t.start else "—", st.cell_right),
                _c(mark + format_time(t.end, "—") if t.end else "—", st.cell_right),
                _c(format_minutes(t.actual_minutes), st.cell_right),
                _c(
                    f"{t.cards_shown} / {t.cards_total}"
                    if isinstance(t.sequence.deck, QuestionDeck)
                    else "—",
                    st.cell_right,
                ),
            ]
        )
    out.append(table(rows, [4.2 * cm, 4.4 * cm, 1.5 * cm, 1.5 * cm, 1.5 * cm, 1.8 * cm, 2.1 * cm]))
    notes = "Heures de Paris."
    if inferred:
        notes += (
            " « ≈ » : heure déduite de la première et de la dernière action de la séquence (début ou fin non "
            "enregistrés)."
        )
    out.append(_p(notes, st.muted))
    for t in timings:
        seq_state = ctx.seq_state(t.sequence.id)
        if not seq_state.cards_shown:
            continue
        out += ctx.h2_block(f"Déroulé — {ctx.text(t.sequence.display_title)}")
        out.append(card_timeline(ctx, t.sequence, seq_state, t.end))
    return out


def card_timeline(
    ctx: Context, sequence: SequenceInfo, seq_state: SequenceState, end: datetime | None
) -> Table:
    st = ctx.st
    titles = {c.id: c.title for c in sequence.deck.cards}
    shown = seq_state.cards_shown
    rows: list[list[object]] = [head_row(ctx, ["N°", "Carte", "Présentée à", "Temps passé"])]
    for i, card_id in enumerate(shown):
        at = seq_state.card_first_shown.get(card_id)
        nxt = seq_state.card_first_shown.get(shown[i + 1]) if i + 1 < len(shown) else end
        spent = (nxt - at).total_seconds() / 60 if at and nxt and nxt >= at else None
        rows.append(
            [
                _c(str(i + 1), st.cell_right),
                _c(titles.get(card_id, card_id), st.cell),
                _c(format_time(at, "—"), st.cell_right),
                _c(format_minutes(spent), st.cell_right),
            ]
        )
    return table(rows, [1.0 * cm, FRAME_WIDTH - 6.4 * cm, 2.6 * cm, 2.8 * cm])


# -- 3. decks and scoring rule -------------------------------------------------------------------------------


def decks_section(ctx: Context) -> list[Flowable]:
    st = ctx.st
    out: list[Flowable] = [*ctx.h1("Jeux utilisés et règle de calcul")]
    out.append(_raw(f"<b>Autoévaluation.</b> {SELF_ASSESSMENT}", st.boxed))
    for sequence in ctx.sequences:
        deck = sequence.deck
        out += ctx.h2_block(f"{deck.title} (version {deck.version})")
        facts = [f"Séquence : {ctx.text(sequence.display_title)}", f"Grille de lecture : {deck.compass.name}"]
        if deck.authors:
            facts.append(f"Auteurs : {deck.authors}")
        facts.append(f"{plural(len(deck.cards), 'carte')}")
        out.append(_p(" · ".join(facts), st.muted))
        if deck.description:
            out.append(_p(deck.description, st.body))
        if deck.compass.source_note:
            out.append(_p(deck.compass.source_note, st.body_small))
        if isinstance(deck, QuestionDeck):
            out += question_deck_rules(ctx, deck)
        else:
            out += strategy_deck_rules(ctx, deck)
    return out


def question_deck_rules(ctx: Context, deck: QuestionDeck) -> list[Flowable]:
    st = ctx.st
    out: list[Flowable] = _h3("Échelle de réponse")
    rows: list[list[object]] = [head_row(ctx, ["Réponse", "Valeur", "Sur 0–100", "Signification"])]
    lo, hi = deck.scale_min, deck.scale_max
    for option in deck.scale:
        on100 = "—" if option.value is None else format_number(100 * (option.value - lo) / (hi - lo), 0)
        rows.append(
            [
                _c(option.label, st.cell_bold),
                _c(format_number(option.value, 2, "non concerné"), st.cell_center),
                _c(on100, st.cell_center),
                _p(option.description or "", st.cell),
            ]
        )
    out.append(table(rows, [4.6 * cm, 2.4 * cm, 2.0 * cm, FRAME_WIDTH - 9.0 * cm]))
    lo_label = next((o.label for o in deck.scale if o.value == lo), "")
    hi_label = next((o.label for o in deck.scale if o.value == hi), "")
    nc = next((o.label for o in deck.scale if o.value is None), "« non concerné »")
    out += _h3("Comment les scores sont calculés")
    out.append(
        _raw(
            QUESTIONS_RULE.format(
                lo=inline(quote(lo_label)), hi=inline(quote(hi_label)), nc=inline(quote(nc))
            ),
            st.body,
        )
    )
    if any(lv.source != "officiel" for a in deck.compass.axes for lv in a.levers) or any(
        a.source != "officiel" for a in deck.compass.axes
    ):
        out.append(
            _p(
                "Les intitulés marqués d'un astérisque (*) sont une formulation de l'atelier, pas la "
                "formulation "
                "officielle de la grille : à vérifier avec le document de référence.",
                st.muted,
            )
        )
    return out


def strategy_deck_rules(ctx: Context, deck: StrategyDeck) -> list[Flowable]:
    st = ctx.st
    unit = deck.strategy.budget_unit
    budget = f"{deck.strategy.budget}{NBSP}{unit}"
    out: list[Flowable] = [_p(f"Chaque table construit sa stratégie avec un budget de {budget}.", st.body)]
    axis_labels = {a.id: a.display for a in deck.compass.axes}
    rows: list[list[object]] = [head_row(ctx, ["Carte", "Coût", "Délai", "Effets", "Conditions"])]
    titles = {c.id: c.title for c in deck.cards}
    for card in deck.cards:
        effects = ", ".join(
            f"{axis_labels.get(a, a)}{NBSP}{_signed(v)}" for a, v in card.effects.items() if v
        )
        conditions = []
        if card.requires:
            conditions.append("demande " + ", ".join(quote(titles.get(c, c)) for c in card.requires))
        if card.excludes:
            conditions.append("exclut " + ", ".join(quote(titles.get(c, c)) for c in card.excludes))
        rows.append(
            [
                _c(card.title, st.cell_bold),
                _c(str(card.cost), st.cell_center),
                _c(DELAY_LABELS.get(card.delay, str(card.delay)), st.cell),
                _c(effects or "—", st.cell),
                _c("; ".join(conditions) or "—", st.cell),
            ]
        )
    out.append(table(rows, [5.0 * cm, 1.2 * cm, 2.1 * cm, 5.0 * cm, FRAME_WIDTH - 13.3 * cm]))
    out += _h3("Comment les scores sont calculés")
    out.append(_raw(STRATEGY_RULE.format(budget=inline(budget)), st.body))
    return out


def _signed(value: int) -> str:
    return f"+{value}" if value > 0 else f"−{-value}"


# -- 4. results ----------------------------------------------------------------------------------------------


def results_section(ctx: Context) -> list[Flowable]:
    out: list[Flowable] = [*ctx.h1("Résultats : la boussole")]
    out.append(
        _p(
            "Scores de 0 à 100 (autoévaluation des tables). « n.r. » : non renseigné. La couverture dit "
            "quelle "
            "part des questions a reçu une réponse.",
            ctx.st.muted,
        )
    )
    if not ctx.groups:
        return [*out, _p("Aucune table n'a été constituée.", ctx.st.muted)]
    for sequence in ctx.sequences:
        out += ctx.h2_block(ctx.text(sequence.display_title), room=13 * cm)
        if isinstance(sequence.deck, QuestionDeck):
            out += question_results(ctx, sequence, sequence.deck)
        else:
            out += strategy_results(ctx, sequence, sequence.deck)
    return out


def _room_and_groups_radars(
    ctx: Context, deck: QuestionDeck | StrategyDeck, reading: CompassReading, caption: str
) -> list[Flowable]:
    st = ctx.st
    axes = deck.compass.axes
    labels = [a.display for a in axes]
    if len(axes) < 3:
        return []
    room_values = [reading.room.axes[a.id].score if a.id in reading.room.axes else None for a in axes]
    series = []
    overlay = len(ctx.groups) <= 6
    if overlay:
        for g in ctx.groups:
            gr = reading.groups.get(g.id)
            if gr is None:
                continue
            series.append(
                charts.Series(
                    ctx.text(g.name), g.colour, [_axis(gr, a.id) for a in axes], fill=False, width=0.9
                )
            )
    series.append(charts.Series("Salle", "#1F4E6B", room_values, fill=True, width=2.2))
    out: list[Flowable] = []
    room_labels = [f"{lbl} (n.r.)" if v is None else lbl for lbl, v in zip(labels, room_values, strict=True)]
    big = charts.radar(room_labels, series, width=FRAME_WIDTH, height=9.6 * cm, font_size=8, label_width=120)
    legend_items = [(ctx.text(g.name), g.colour, False) for g in ctx.groups] if overlay else []
    legend_items.append(("Salle (toutes tables)", "#1F4E6B", False))
    out.append(
        KeepTogether(
            [
                big,
                Spacer(1, 6),
                charts.legend(legend_items, width=FRAME_WIDTH),
                _p(caption, st.caption),
            ]
        )
    )
    # small multiples, two or three per row
    cells: list[list[Flowable]] = []
    per_row = 2 if len(ctx.groups) <= 4 else 3
    w = FRAME_WIDTH / per_row
    for g in ctx.groups:
        gr = reading.groups.get(g.id)
        if gr is None:
            continue
        values = [_axis(gr, a.id) for a in axes]
        drawing = charts.radar(
            [f"{lbl} (n.r.)" if v is None else lbl for lbl, v in zip(labels, values, strict=True)],
            [
                charts.Series("Salle", "#5F6B73", room_values, fill=False, width=0.8, dashed=True),
                charts.Series(ctx.text(g.name), g.colour, values, fill=True, width=1.5),
            ],
            width=w - 6,
            height=(6.6 if per_row == 2 else 5.6) * cm,
            font_size=6.6 if per_row == 2 else 5.9,
            label_width=70 if per_row == 2 else 50,
            ring_labels=False,
            title=ctx.text(g.name),
        )
        missing = [a.display for a in axes if _axis(gr, a.id) is None and _total(gr, a.id) > 0]
        note = f"Couverture {format_percent(gr.coverage)}"
        if missing:
            note += " · non renseigné : " + ", ".join(missing)
        cells.append([drawing, _p(note, st.caption)])
    if cells:
        out += _h3("Par table (en pointillé : la salle).", room=8.5 * cm)
        grid = [cells[i : i + per_row] for i in range(0, len(cells), per_row)]
        grid[-1] += [[Spacer(1, 1)]] * (per_row - len(grid[-1]))
        t = Table(grid, colWidths=[w] * per_row, hAlign="LEFT")
        t.setStyle(
            TableStyle(
                [
                    ("FONT", (0, 0), (-1, -1), REGULAR, 9),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ]
            )
        )
        out.append(t)
    return out


def _total(reading: GroupReading, axis_id: str) -> int:
    score = reading.axes.get(axis_id)
    return score.total if score is not None else 0


def _axis(reading: GroupReading, axis_id: str) -> float | None:
    score = reading.axes.get(axis_id)
    return score.score if score is not None else None


def question_results(ctx: Context, sequence: SequenceInfo, deck: QuestionDeck) -> list[Flowable]:
    st = ctx.st
    reading = ctx.readings[sequence.id]
    out: list[Flowable] = []
    caption = (
        f"Score de la salle par principe, de 0 (centre) à 100 (bord). Couverture de la salle : "
        f"{format_percent(reading.room.coverage)}."
    )
    uncovered = [a.display for a in deck.compass.axes if _total(reading.room, a.id) == 0]
    if uncovered:
        caption += f" Aucune carte du jeu ne porte sur : {', '.join(uncovered)}."
    out += _room_and_groups_radars(ctx, deck, reading, caption)
    # bars per lever
    rows = []
    for axis in deck.compass.axes:
        for target_id, label, source in [(lv.id, lv.label, lv.source) for lv in axis.levers] or [
            (axis.id, axis.label, axis.source)
        ]:
            room = reading.room.levers.get(target_id)
            marks = [
                s.score
                for g in ctx.groups
                if (gr := reading.groups.get(g.id)) is not None
                and (s := gr.levers.get(target_id)) is not None
                and s.score is not None
            ]
            star = "*" if source != "officiel" else ""
            rows.append(
                charts.BarRow(
                    f"{target_id} {label}{star}" if target_id != axis.id else f"{label}{star}",
                    axis.colour,
                    room.score if room else None,
                    marks,
                    format_percent(room.coverage) if room else "",
                )
            )
    if rows:
        chunk = max(8, int((FRAME_HEIGHT - 3 * cm) // 19))
        for i in range(0, len(rows), chunk):
            drawing = charts.bars(rows[i : i + chunk], width=FRAME_WIDTH, label_width=205)
            out.append(KeepTogether([Paragraph("Par levier", st.h3), drawing]) if i == 0 else drawing)
        out.append(
            _p(
                "Barre : score de la salle ; traits verticaux : score de chaque table ; à droite : "
                "couverture.",
                st.caption,
            )
        )
    out += lever_table(ctx, deck, reading)
    return out


def lever_table(ctx: Context, deck: QuestionDeck, reading: CompassReading) -> list[Flowable]:
    st = ctx.st
    out: list[Flowable] = _h3("Scores par principe et par levier")
    for groups, cols in _group_chunks(ctx, 2):
        rows: list[list[object]] = [head_row(ctx, ["Principe / levier", "Salle", *cols.labels, "Couv."])]
        extra: list[tuple[object, ...]] = []
        for axis in deck.compass.axes:
            star = "*" if axis.source != "officiel" else ""
            r = len(rows)
            rows.append(
                [
                    _c(f"{axis.label}{star}", st.cell_bold),
                    _c(_score_text(reading.room.axes.get(axis.id)), st.cell_bold),
                ]
                + [_c(_score_text(_group_axis(reading, g.id, axis.id)), st.cell_center) for g in groups]
                + [_c(format_percent(reading.room.axes[axis.id].coverage), st.cell_right)]
            )
            extra.append(("BACKGROUND", (0, r), (-1, r), LIGHT))
            for lever in axis.levers:
                star = "*" if lever.source != "officiel" else ""
                room = reading.room.levers.get(lever.id)
                rows.append(
                    [_c(f"{lever.id} {lever.label}{star}", st.cell), _c(_score_text(room), st.cell_center)]
                    + [_c(_score_text(_group_lever(reading, g.id, lever.id)), st.cell_center) for g in groups]
                    + [_c(format_percent(room.coverage) if room else "—", st.cell_right)]
                )
        widths = [cols.label_width] + [cols.column_width] * (len(groups) + 2)
        out.append(table(rows, widths, zebra=False, extra=extra))
        if cols.key is not None:
            out.append(cols.key)
        out.append(Spacer(1, 6))
    return out


def _group_axis(reading: CompassReading, group_id: str, axis_id: str) -> Score | None:
    gr = reading.groups.get(group_id)
    return gr.axes.get(axis_id) if gr else None


def _group_lever(reading: CompassReading, group_id: str, lever_id: str) -> Score | None:
    gr = reading.groups.get(group_id)
    return gr.levers.get(lever_id) if gr else None


def strategy_results(ctx: Context, sequence: SequenceInfo, deck: StrategyDeck) -> list[Flowable]:
    st = ctx.st
    reading = ctx.readings[sequence.id]
    out: list[Flowable] = []
    caption = "Effet des stratégies sur chaque axe, de 0 (pire) à 100 (meilleur) ; 50 = sans effet."
    out += _room_and_groups_radars(ctx, deck, reading, caption)
    out += _h3("Scores par axe et budget")
    unit = deck.strategy.budget_unit
    for groups, cols in _group_chunks(ctx, 1):
        rows: list[list[object]] = [head_row(ctx, ["Axe", "Salle", *cols.labels])]
        for axis in deck.compass.axes:
            rows.append(
                [
                    _c(axis.label, st.cell_bold),
                    _c(_score_text(reading.room.axes.get(axis.id)), st.cell_bold),
                ]
                + [_c(_score_text(_group_axis(reading, g.id, axis.id)), st.cell_center) for g in groups]
            )
        budget_row: list[object] = [_c(f"Budget dépensé ({unit})", st.cell_bold), _c("", st.cell)]
        for g in groups:
            gr = reading.groups.get(g.id)
            b = gr.budget if gr else None
            budget_row.append(_c(f"{b.spent} / {b.budget}" if b else "—", st.cell_center))
        rows.append(budget_row)
        out.append(table(rows, [cols.label_width] + [cols.column_width] * (len(groups) + 1)))
        if cols.key is not None:
            out.append(cols.key)
        out.append(Spacer(1, 6))
    return out


# -- 5. strengths and vulnerabilities ------------------------------------------------------------------------


def findings_section(ctx: Context) -> list[Flowable]:
    st = ctx.st
    debrief = ctx.snapshot.debrief
    out: list[Flowable] = [*ctx.h1("Points forts et vulnérabilités")]
    if debrief.strengths or debrief.vulnerabilities:
        out.append(_p("Formulés par les participant·es lors du débriefing.", st.muted))
        out.append(two_lists(ctx, list(debrief.strengths), list(debrief.vulnerabilities)))
    proposals: list[tuple[SequenceInfo, list[analysis.Finding], list[analysis.Finding]]] = []
    for sequence in ctx.sequences:
        strengths, vulns = analysis.propose_findings(sequence.deck, ctx.readings[sequence.id])
        if strengths or vulns:
            proposals.append((sequence, strengths, vulns))
    if proposals:
        title = (
            "Lecture des scores"
            if (debrief.strengths or debrief.vulnerabilities)
            else "Proposés d'après les scores"
        )
        out += [CondPageBreak(4.5 * cm), ctx.h2(title, numbered=False)]
        out.append(
            _p(
                "Les leviers (ou axes) les mieux et les moins bien notés par la salle, parmi ceux qui ont "
                "reçu au "
                "moins la moitié des réponses. C'est une proposition de lecture, à valider avec les "
                "participant·es.",
                st.muted,
            )
        )
        for sequence, strengths, vulns in proposals:
            if len(proposals) > 1:
                out += _h3(ctx.text(sequence.display_title))
            out.append(
                two_lists(
                    ctx,
                    [f"{f.label} — {format_percent(f.score, scale=100)}" for f in strengths],
                    [f"{f.label} — {format_percent(f.score, scale=100)}" for f in vulns],
                )
            )
    if len(out) == 1:
        out.append(_p("Aucun point fort ni aucune vulnérabilité n'a été relevé.", st.muted))
    return out


def two_lists(ctx: Context, left: Sequence[str], right: Sequence[str]) -> Table:
    """Strengths and vulnerabilities side by side, one item per row (so that long lists split cleanly)."""
    st = ctx.st
    half = FRAME_WIDTH / 2
    lefts = [x for x in left if x.strip()] or ["—"]
    rights = [x for x in right if x.strip()] or ["—"]
    rows: list[list[object]] = [[_c("Points forts", st.cell_head), _c("Vulnérabilités", st.cell_head)]]
    for i in range(max(len(lefts), len(rights))):
        rows.append(
            [
                Paragraph(markup(ctx.text(items[i])), st.bullet, bulletText="•")
                if i < len(items) and items[i] != "—"
                else _p("—" if i == 0 else "", st.muted)
                for items in (lefts, rights)
            ]
        )
    t = Table(rows, colWidths=[half - 3, half - 3], hAlign="LEFT", splitInRow=1, repeatRows=1)
    t.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), REGULAR, 9),
                ("BACKGROUND", (0, 0), (0, 0), GOOD),
                ("BACKGROUND", (1, 0), (1, 0), WARN),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBEFORE", (0, 1), (0, -1), 0.6, GOOD),
                ("LINEAFTER", (0, 1), (0, -1), 0.6, GOOD),
                ("LINEBELOW", (0, -1), (0, -1), 0.6, GOOD),
                ("LINEBEFORE", (1, 1), (1, -1), 0.6, WARN),
                ("LINEAFTER", (1, 1), (1, -1), 0.6, WARN),
                ("LINEBELOW", (1, -1), (1, -1), 0.6, WARN),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                ("TOPPADDING", (0, 0), (-1, 0), 5),
                ("BOTTOMPADDING", (0, 0), (-1, 0), 5),
            ]
        )
    )
    return t


# -- 6. agreement --------------------------------------------------------------------------------------------


def agreement_section(ctx: Context) -> list[Flowable]:
    st = ctx.st
    out: list[Flowable] = [*ctx.h1("Accords et désaccords entre les tables")]
    if ctx.snapshot.debrief.agreement.strip():
        out += _h3("Ce qu'en retient l'animation")
        out.append(_p(ctx.text(ctx.snapshot.debrief.agreement), st.body))
    out.append(_p(AGREEMENT_RULE, st.muted))
    group_ids = [g.id for g in ctx.groups]
    for sequence in ctx.sequences:
        deck = sequence.deck
        seq_state = ctx.seq_state(sequence.id)
        out += ctx.h2_block(ctx.text(sequence.display_title))
        if isinstance(deck, QuestionDeck):
            spreads = analysis.card_spreads(deck, seq_state, group_ids)
            result = analysis.classify(spreads)
            steps = deck.scale_max - deck.scale_min
            out += _h3("Cartes qui divisent les tables")
            out += spread_table(ctx, deck, result.disputed, steps, "Aucune carte ne divise les tables.")
            out += _h3("Cartes qui font consensus")
            out += spread_table(ctx, deck, result.agreed, steps, "Aucune carte ne fait consensus.")
            levers = [(t, analysis.target_label(deck, t)) for t in deck.lever_ids()]
            lever_spreads = [
                s
                for s in analysis.reading_spreads(ctx.readings[sequence.id], levers, levers=True)
                if s.comparable
            ]
            lever_spreads.sort(key=lambda s: -(s.range or 0))
            if lever_spreads:
                out += _h3("Leviers sur lesquels les tables s'écartent le plus")
                rows: list[list[object]] = [head_row(ctx, ["Levier", "Plus bas", "Plus haut", "Écart"])]
                for s in lever_spreads[:MAX_AGREEMENT_ROWS]:
                    rows.append(
                        [
                            _c(s.label, st.cell),
                            _c(format_percent(s.low, scale=100), st.cell_center),
                            _c(format_percent(s.high, scale=100), st.cell_center),
                            _c(f"{round(s.range or 0)}{NBSP}points", st.cell_center),
                        ]
                    )
                out.append(table(rows, [FRAME_WIDTH - 7.2 * cm, 2.2 * cm, 2.2 * cm, 2.8 * cm]))
        else:
            out += strategy_agreement(ctx, sequence, deck, seq_state, group_ids)
    return out


def spread_table(
    ctx: Context, deck: QuestionDeck, spreads: Sequence[analysis.Spread], steps: float, empty: str
) -> list[Flowable]:
    st = ctx.st
    if not spreads:
        return [_p(empty, st.muted)]
    rows: list[list[object]] = [head_row(ctx, ["Carte", "Réponses des tables", "Écart"])]
    names = {g.id: ctx.text(g.name) for g in ctx.groups}
    lo = deck.scale_min
    for s in spreads[:MAX_AGREEMENT_ROWS]:
        answers = " · ".join(
            f"{names.get(gid, gid)}{NBSP}: {format_number(lo + v * steps / 100, 1)}"
            for gid, v in s.values.items()
        )
        gap = (s.range or 0) * steps / 100
        rows.append(
            [
                _c(s.label, st.cell_bold),
                _c(answers, st.cell),
                _c(f"{format_number(gap, 1)} cran{'s' if gap >= 2 else ''}", st.cell_center),
            ]
        )
    more = len(spreads) - MAX_AGREEMENT_ROWS
    t = table(rows, [5.6 * cm, FRAME_WIDTH - 7.8 * cm, 2.2 * cm])
    if more > 0:
        return [t, _p(f"… et {plural(more, 'autre carte', 'autres cartes')}.", st.muted)]
    return [t]


def strategy_agreement(
    ctx: Context,
    sequence: SequenceInfo,
    deck: StrategyDeck,
    seq_state: SequenceState,
    group_ids: Sequence[str],
) -> list[Flowable]:
    st = ctx.st
    counts = analysis.pick_counts(deck, seq_state, group_ids)
    playing = sum(1 for g in group_ids if seq_state.picked(g))
    out: list[Flowable] = []
    if not playing:
        return [_p("Aucune table n'a retenu de carte.", st.muted)]
    titles = {c.id: c.title for c in deck.cards}
    everyone = [titles[c] for c, n in counts.items() if n == playing and playing > 1]
    single = [titles[c] for c, n in counts.items() if n == 1 and playing > 1]
    nobody = [titles[c] for c, n in counts.items() if n == 0]
    out.append(
        _p(
            f"{plural(playing, 'table')} ont construit une stratégie."
            if playing > 1
            else "Une seule table a construit une stratégie.",
            st.body,
        )
    )
    for title, items in (
        ("Cartes retenues par toutes les tables", everyone),
        ("Cartes retenues par une seule table", single),
        ("Cartes retenues par aucune table", nobody),
    ):
        if items:
            out += _h3(title)
            out += bullet_list(ctx, items)
    axes = [(a.id, a.label) for a in deck.compass.axes]
    spreads = [
        s for s in analysis.reading_spreads(ctx.readings[sequence.id], axes, levers=False) if s.comparable
    ]
    if spreads:
        out += _h3("Écart entre les tables par axe")
        rows: list[list[object]] = [head_row(ctx, ["Axe", "Plus bas", "Plus haut", "Écart"])]
        for s in sorted(spreads, key=lambda s: -(s.range or 0)):
            rows.append(
                [
                    _c(s.label, st.cell),
                    _c(format_percent(s.low, scale=100), st.cell_center),
                    _c(format_percent(s.high, scale=100), st.cell_center),
                    _c(f"{round(s.range or 0)}{NBSP}points", st.cell_center),
                ]
            )
        out.append(table(rows, [FRAME_WIDTH - 7.2 * cm, 2.2 * cm, 2.2 * cm, 2.8 * cm]))
    return out


# -- 7. card by card -----------------------------------------------------------------------------------------


def answers_section(ctx: Context, tick: Callable[[], None]) -> list[Flowable]:
    out: list[Flowable] = [*ctx.h1("Réponses carte par carte")]
    out.append(
        _p(
            "Pour chaque carte, la réponse de chaque table et son argument, tels que saisis pendant "
            "l'atelier ; "
            "puis les notes prises sur la carte. Les notes ne portent pas le nom de leur auteur.",
            ctx.st.muted,
        )
    )
    for sequence in ctx.sequences:
        out += ctx.h2_block(ctx.text(sequence.display_title))
        if isinstance(sequence.deck, QuestionDeck):
            out += question_answers(ctx, sequence, sequence.deck, tick)
        else:
            out += strategy_answers(ctx, sequence, sequence.deck)
    return out


def question_answers(
    ctx: Context, sequence: SequenceInfo, deck: QuestionDeck, tick: Callable[[], None]
) -> list[Flowable]:
    st = ctx.st
    seq_state = ctx.seq_state(sequence.id)
    notes_by_card: dict[str, list[Note]] = {}
    for note in seq_state.notes:
        if note.card_id:
            notes_by_card.setdefault(note.card_id, []).append(note)
    out: list[Flowable] = []
    options = {o.id: o for o in deck.scale}
    # plain strings are much faster to lay out than Paragraphs: used when the text fits on one line
    names = {g.id: _short(ctx.text(g.name), st.cell_bold, 3.6 * cm) for g in ctx.groups}
    for index, card in enumerate(deck.cards, start=1):
        tick()
        informs = ", ".join(
            f"{link.lever}" + (f" (poids {format_number(link.weight, 2)})" if link.weight != 1 else "")
            for link in card.informs
        )
        head = [
            _raw(f"{index}. {inline(card.title)}", st.card_title),
            _raw(
                f"{markup(card.prompt)}<br/><font color='#5F6B73'>Leviers : {inline(informs)}</font>",
                st.card_prompt,
            ),
        ]
        rows: list[list[object]] = [head_row(ctx, ["Table", "Réponse", "Argument"])]
        for g in ctx.groups:
            answer = seq_state.answer(g.id, card.id)
            if answer is None:
                rows.append([names[g.id], _c("sans réponse", st.muted), ""])
                continue
            option = options.get(answer.option)
            label = option.label if option else answer.option
            shown = "" if option is None or option.value is None else format_number(option.value, 2)
            value = f" ({shown})" if shown and not label.startswith(shown) else ""
            rows.append(
                [
                    names[g.id],
                    _short(label + value, st.cell, 3.7 * cm),
                    _p(ctx.text(answer.argument), st.cell),
                ]
            )
        if not ctx.groups:
            continue
        t = table(
            rows, [3.6 * cm, 3.7 * cm, FRAME_WIDTH - 7.3 * cm], extra=[("FONTNAME", (0, 1), (0, -1), BOLD)]
        )
        if len(rows) <= 7:
            out.append(KeepTogether([*head, t]))
        else:  # a long table may split: keep at least its head and first rows with the title
            out += [CondPageBreak(6 * cm), *head, t]
        out += [note_paragraph(ctx, note) for note in notes_by_card.get(card.id, [])]
    return out


def note_paragraph(ctx: Context, note: Note) -> Paragraph:
    who = ctx.group_name(note.group_id)
    text = ctx.text(note.text).strip()
    if not any(mark in text for mark in ("«", '"', "“")):
        text = quote(text)
    meta = " · ".join(x for x in (who, format_time(note.at)) if x)
    return _raw(
        f"<font color='#2E8B7A'>▸</font> {markup(text)}"
        f"<font color='#5F6B73' size='7.5'>{NBSP}— {inline(meta)}</font>",
        ctx.st.note,
    )


def strategy_answers(ctx: Context, sequence: SequenceInfo, deck: StrategyDeck) -> list[Flowable]:
    st = ctx.st
    seq_state = ctx.seq_state(sequence.id)
    reading = ctx.readings[sequence.id]
    plays = analysis.strategy_plays(sequence, seq_state, ctx.groups, reading)
    axis_labels = {a.id: a.display for a in deck.compass.axes}
    unit = deck.strategy.budget_unit
    out: list[Flowable] = []
    for play in plays:
        status = f"{play.spent} / {play.budget}{NBSP}{unit} dépensés"
        out.append(CondPageBreak(5 * cm))
        out.append(
            _raw(
                f"{inline(ctx.text(play.group.name))} <font color='#5F6B73' size='8.5'>— {status}</font>",
                st.card_title,
            )
        )
        if not play.cards and not play.unknown:
            out.append(_p("Aucune carte retenue.", st.muted))
            continue
        rows: list[list[object]] = [head_row(ctx, ["Carte retenue", "Coût", "Délai", "Effets", "Argument"])]
        for card in play.cards:
            effects = ", ".join(
                f"{axis_labels.get(a, a)}{NBSP}{_signed(v)}" for a, v in card.effects.items() if v
            )
            rows.append(
                [
                    _c(card.title, st.cell_bold),
                    _c(str(card.cost), st.cell_center),
                    _c(DELAY_LABELS.get(card.delay, str(card.delay)), st.cell),
                    _c(effects, st.cell),
                    _p(ctx.text(play.arguments.get(card.id, "")), st.cell),
                ]
            )
        for card_id in play.unknown:
            rows.append(
                [
                    _c(card_id, st.cell_bold),
                    _c("?", st.cell_center),
                    _c("", st.cell),
                    _c("carte absente du jeu", st.muted),
                    _c("", st.cell),
                ]
            )
        out.append(table(rows, [4.4 * cm, 1.1 * cm, 2.0 * cm, 4.2 * cm, FRAME_WIDTH - 11.7 * cm]))
        if play.over:
            out.append(
                _raw(
                    f"<font color='#B5462F'><b>Budget dépassé</b> de {play.spent - play.budget}"
                    f"{NBSP}{inline(unit)}.</font>",
                    st.body_small,
                )
            )
        for violation in play.violations:
            out.append(
                _raw(
                    f"<font color='#B5462F'>Règle non respectée : {inline(violation)}.</font>", st.body_small
                )
            )
    return out


# -- 8. notes, 9. debrief, 10. action plan -------------------------------------------------------------------


def notes_section(ctx: Context) -> list[Flowable]:
    st = ctx.st
    general = list(ctx.state.notes)
    by_sequence = {s.id: [n for n in ctx.seq_state(s.id).notes if not n.card_id] for s in ctx.sequences}
    out: list[Flowable] = [*ctx.h1("Notes et verbatims")]
    if not general and not any(by_sequence.values()):
        return [*out, _p("Pas d'autre note que celles rattachées aux cartes.", st.muted)]
    out.append(_p("Notes prises en dehors des cartes. Les auteurs ne sont pas nommés.", st.muted))
    if general:
        out += _h3("Sur l'ensemble de l'atelier")
        out += [note_paragraph(ctx, n) for n in general]
    for sequence in ctx.sequences:
        notes = by_sequence[sequence.id]
        if notes:
            out += _h3(ctx.text(sequence.display_title))
            out += [note_paragraph(ctx, n) for n in notes]
    return out


def debrief_section(ctx: Context) -> list[Flowable]:
    d = ctx.snapshot.debrief
    out: list[Flowable] = [*ctx.h1("Débriefing")]
    out += [*ctx.h2_block("Ce qui a été ressenti"), _or_missing(ctx, d.felt)]
    out += [*ctx.h2_block("Ce qui s'est passé"), _or_missing(ctx, d.happened)]
    out += [*ctx.h2_block("Ce qui se transfère dans la vie réelle"), _or_missing(ctx, d.transfer)]
    return out


def actions_section(ctx: Context) -> list[Flowable]:
    st = ctx.st
    out: list[Flowable] = [*ctx.h1("Engagements et plan d'action")]
    actions = sorted(ctx.snapshot.actions, key=lambda a: a.position)
    if not actions:
        return [*out, _p("Aucune action n'a été inscrite au plan d'action.", st.muted)]
    rows: list[list[object]] = [head_row(ctx, ["N°", "Action", "Porteur", "Échéance", "Levier"])]
    for i, action in enumerate(actions, start=1):
        rows.append(
            [
                _c(str(i), st.cell_right),
                _p(ctx.text(action.action), st.cell),
                _p(ctx.text(action.owner) or "à désigner", st.cell),
                _c(format_date(action.deadline, "à fixer"), st.cell),
                _p(analysis.lever_label(ctx.snapshot, action.lever_id) or "—", st.cell),
            ]
        )
    out.append(table(rows, [0.8 * cm, FRAME_WIDTH - 10.9 * cm, 3.3 * cm, 2.5 * cm, 4.3 * cm]))
    return out


# -- annexes -------------------------------------------------------------------------------------------------


def annexes(ctx: Context, tick: Callable[[], None]) -> list[Flowable]:
    out: list[Flowable] = [PageBreak(), *ctx.h1("Annexes")]
    out += participants_annex(ctx)
    out += photos_annex(ctx)
    out += raw_annex(ctx, tick)
    return out


def participants_annex(ctx: Context) -> list[Flowable]:
    st = ctx.st
    out: list[Flowable] = [ctx.annex("A", "Participant·es par service")]
    people = list(ctx.snapshot.participants)
    if not people:
        return [*out, _p("La liste des participant·es n'a pas été saisie.", st.muted)]
    if ctx.anonymiser.enabled:
        out.append(_p("Version anonymisée : seuls le service et l'organisation sont indiqués.", st.muted))
    groups: dict[tuple[str, str], list[str]] = {}
    for person in people:
        key = (person.organisation or "Non précisé", person.service or "Non précisé")
        name = ctx.anonymiser.participant(person)
        if person.role and not ctx.anonymiser.enabled:
            name += f" ({person.role})"
        groups.setdefault(key, []).append(name)
    rows: list[list[object]] = [head_row(ctx, ["Organisation", "Service", "Participant·es", "Nombre"])]
    for (org, service), names in sorted(groups.items()):
        rows.append(
            [
                _c(org, st.cell_bold),
                _c(service, st.cell),
                _p(", ".join(names), st.cell),
                _c(str(len(names)), st.cell_right),
            ]
        )
    out.append(table(rows, [3.4 * cm, 4.4 * cm, FRAME_WIDTH - 9.4 * cm, 1.6 * cm]))
    return out


def photos_annex(ctx: Context) -> list[Flowable]:
    st = ctx.st
    attachments = sorted(ctx.snapshot.attachments, key=lambda a: a.filename)
    images = [a for a in attachments if a.media_type.lower().startswith("image/")]
    others = [a for a in attachments if not a.media_type.lower().startswith("image/")]
    out: list[Flowable] = [ctx.annex("B", "Photos des tableaux et post-it")]
    if not images:
        out.append(_p("Aucune photo n'a été jointe.", st.muted))
    for i, att in enumerate(images, start=1):
        caption = f"Photo {i} — {ctx.text(att.caption) or att.filename}"
        if att.caption:
            caption += f" ({att.filename})"
        flowable = image_flowable(ctx.attachments.get(att.id), FRAME_WIDTH, IMAGE_MAX_HEIGHT)
        if flowable is None:
            out.append(_p(f"{caption} : image absente ou illisible.", st.muted))
            continue
        out.append(KeepTogether([flowable, _p(caption, st.caption)]))
    if others:
        out.append(
            _p(
                "Autres pièces jointes (non reproduites) : " + ", ".join(a.filename for a in others) + ".",
                st.muted,
            )
        )
    return out


def image_flowable(data: bytes | None, max_width: float, max_height: float) -> Flowable | None:
    """The photo scaled to fit, turned upright (EXIF), downsampled; None when absent or unreadable."""
    if not data:
        return None
    try:
        from PIL import Image as PILImage
        from PIL import ImageOps

        with PILImage.open(io.BytesIO(data)) as src:
            src.load()
            picture = ImageOps.exif_transpose(src)
            picture.thumbnail((IMAGE_MAX_PIXELS, IMAGE_MAX_PIXELS))
            buffer = io.BytesIO()
            if picture.mode in ("RGBA", "LA", "P"):
                picture.save(buffer, format="PNG", optimize=False)
            else:
                picture.convert("RGB").save(buffer, format="JPEG", quality=85)
            width_px, height_px = picture.size
    except Exception:  # any decoding failure (truncated file, bomb, unknown format): show a placeholder
        return None
    if width_px <= 0 or height_px <= 0:
        return None
    scale = min(max_width / width_px, max_height / height_px, 1.0)  # never enlarged past 72 dpi
    buffer.seek(0)
    image = Image(buffer, width=width_px * scale, height=height_px * scale)
    image.hAlign = "CENTER"
    return image


def raw_annex(ctx: Context, tick: Callable[[], None]) -> list[Flowable]:
    """The grid of raw answers: one row per card, one column per table (arguments are in the section
    « Réponses carte par carte » and in the CSV/XLSX exports)."""
    st = ctx.st
    out: list[Flowable] = [ctx.annex("C", "Tableau brut des réponses")]
    rows_all = analysis.raw_rows(ctx.snapshot, ctx.state, ctx.anonymiser, include_unanswered=False)
    if not rows_all:
        return [*out, _p("Aucune réponse n'a été enregistrée.", st.muted)]
    out.append(
        _p(
            "Une ligne par carte, une colonne par table. Les arguments figurent dans la partie « Réponses "
            "carte par carte » ; toutes les données (réponses, arguments, heures) existent aussi en tableur "
            "(CSV, XLSX).",
            st.muted,
        )
    )
    for sequence in ctx.sequences:
        rows = [r for r in rows_all if r.sequence_id == sequence.id]
        if not rows:
            continue
        tick()
        deck = sequence.deck
        out += _h3(ctx.text(sequence.display_title), room=6 * cm)
        cells = {(r.card_id, r.group_id): r for r in rows}
        if isinstance(deck, QuestionDeck):
            legend = " · ".join(_legend_item(o.value, o.label) for o in deck.scale)
            out.append(_p(f"Valeurs : {legend} ; « — » : pas de réponse.", st.muted))
        else:
            out.append(_p("« ✓ » : carte retenue par la table.", st.muted))
        strategy = isinstance(deck, StrategyDeck)
        key = " · ".join(
            f"<b>T{i + 1}</b>{NBSP}:{NBSP}{inline(ctx.text(g.name))}" for i, g in enumerate(ctx.groups)
        )
        out.append(_raw(key, st.muted))

        per_table = 12
        chunks = [ctx.groups[i : i + per_table] for i in range(0, len(ctx.groups), per_table)] or [[]]
        offset = 0
        for groups in chunks:
            labels = [f"T{offset + i + 1}" for i in range(len(groups))]
            column = min(1.3 * cm, (FRAME_WIDTH - 6 * cm) / max(1, len(groups)))
            data: list[list[object]] = [head_row(ctx, ["Carte", *labels])]
            for card in deck.cards:
                data.append(
                    [
                        _c(f"{card.id} — {card.title}" if len(card.id) <= 4 else card.title, st.cell),
                        *(_grid_cell(cells.get((card.id, g.id)), strategy) for g in groups),
                    ]
                )
            extra = [("ALIGN", (1, 1), (-1, -1), "CENTER"), ("FONTSIZE", (1, 1), (-1, -1), 8.3)]
            out.append(
                table(data, [FRAME_WIDTH - column * len(groups)] + [column] * len(groups), extra=extra)
            )
            offset += len(groups)

    return out


def _legend_item(value: float | None, label: str) -> str:
    shown = "n.c." if value is None else format_number(value, 2)
    return label if label.startswith(shown) else f"{shown}{NBSP}= {label}"


def _grid_cell(row: analysis.RawRow | None, strategy: bool) -> str:
    if strategy:
        return "✓" if row is not None else ""
    if row is None:
        return "—"
    return "n.c." if row.value is None else format_number(row.value, 2)


__all__ = [
    "MUTED",
    "Context",
    "Heading",
    "HeadingParagraph",
    "actions_section",
    "agreement_section",
    "annexes",
    "answers_section",
    "contents",
    "context_section",
    "cover",
    "debrief_section",
    "decks_section",
    "findings_section",
    "notes_section",
    "programme_section",
    "results_section",
]
