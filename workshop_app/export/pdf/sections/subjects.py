"""Subjects compared side by side in the compte-rendu (« Projets comparés », « Leviers par service »): one row
per principle or lever, one column per subject, each cell the tables' mean read on the deck's own scale
(« +1,5 », « −2 ») or on 100, with the tables' lowest and highest beside it; strengths and vulnerabilities
shaded (and the strengths in bold, so that a grayscale print still tells them apart).

A deck that rates subjects is shown here instead of one radar per subject: on a −2…+2 scale the radar's
0–100 would fold an obstructing project into a number that looks positive.
"""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, Paragraph

from workshop_app.core.criteria import ranking, weights
from workshop_app.core.deck import QuestionDeck, StrategyDeck
from workshop_app.core.subjects import SubjectMatrix, Verdict, subject_matrices
from workshop_app.export.french import NBSP, format_number
from workshop_app.export.pdf.escaping import clean, inline
from workshop_app.export.pdf.sections.common import Context, _c, _h3, _p, _raw, bullet_list, head_row, table
from workshop_app.export.pdf.sections.method import kinds_rows
from workshop_app.export.pdf.styles import FRAME_WIDTH
from workshop_app.export.report import subjects_text

MAX_NAMED_COLUMNS = 6  # beyond, the subjects' columns are « S1 », « S2 »… with a key under the table
_FILL = {Verdict.STRENGTH: colors.HexColor("#CBEBD3"), Verdict.VULNERABILITY: colors.HexColor("#F8D3C9")}


def on_own_scale(deck: QuestionDeck | StrategyDeck) -> bool:
    """A deck that rates subjects on its own scale: its comparison says the scale, never « sur 100 »."""
    return isinstance(deck, QuestionDeck) and deck.subject is not None and deck.reading == "echelle"


def matrices(ctx: Context) -> list[SubjectMatrix]:
    return subject_matrices(ctx.sequences, ctx.state, [g.id for g in ctx.groups])


def subjects_section(ctx: Context) -> list[Flowable]:
    """Every subject deck's comparison (usually one), for the results chapter."""
    out: list[Flowable] = []
    for matrix in matrices(ctx):
        if matrix.columns:
            out += comparison(ctx, matrix)
    return out


def _scale_sentence(matrix: SubjectMatrix) -> str:
    if matrix.signed:
        lo, hi = matrix.bounds
        low = next((o.label for o in matrix.deck.scale if o.value == lo), matrix.text(lo))
        high = next((o.label for o in matrix.deck.scale if o.value == hi), matrix.text(hi))
        span = (
            f"de {matrix.text(lo)} ({low.split('—')[-1].strip().lower()}) à "
            f"{matrix.text(hi)} ({high.split('—')[-1].strip().lower()})"
        )
        if lo >= 0:
            return f"Notes sur l’échelle du jeu, {span}."
        return (
            f"Cotes sur l’échelle du jeu, {span} ; 0 = neutre. Une cote négative signale un obstacle au "
            f"{kinds_rows(matrix.deck)} : elle n’est pas ramenée à une note sur 100."
        )
    return "Scores sur 100 : la moyenne des réponses, de 0 (premier niveau) à 100 (dernier niveau)."


def comparison(ctx: Context, matrix: SubjectMatrix) -> list[Flowable]:
    st = ctx.st
    subject = matrix.subject
    by_lever = any(r.code for r in matrix.rows)
    title = (
        f"Leviers par {subject.label.lower()}" if by_lever else f"Comparaison des {subject.plural.lower()}"
    )
    cells = (
        "Chaque case donne la note de la table."  # one interviewer: no mean, no spread
        if len(ctx.groups) == 1
        else "Chaque case donne la moyenne des tables, et entre parenthèses la cote la plus basse et la plus "
        "haute quand les tables diffèrent."
    )
    whose = "de la table" if len(ctx.groups) == 1 else "des tables"
    intro = (
        f"{_scale_sentence(matrix)} {cells} Cases vertes (chiffre en gras) : points forts ; cases orangées : "
        f"vulnérabilités ; « — » : pas coté. C’est l’avis {whose}, pas une note officielle."
    )
    names = [ctx.text(c.display_title) for c in matrix.columns]
    coded = len(names) > MAX_NAMED_COLUMNS
    labels = [f"S{i + 1}" for i in range(len(names))] if coded else names
    label_width = 6.2 * cm if by_lever else 5.0 * cm
    column = (FRAME_WIDTH - label_width) / max(1, len(labels))
    head = head_row(ctx, [subject.label if not by_lever else "Levier", *labels])
    words = [w for name in labels for w in clean(name).split()] or [""]
    style = st.cell_head
    if max(stringWidth(w, style.fontName, style.fontSize) for w in words) > column - 9:  # a long word
        small = ParagraphStyle("subjectHead", parent=style, fontSize=6.6, leading=8)
        head = [head[0], *[_c(name, small) for name in labels]]
    rows: list[list[object]] = [head]
    extra: list[tuple[object, ...]] = []
    small = st.cell if len(labels) <= MAX_NAMED_COLUMNS else st.muted
    for r, row in enumerate(matrix.rows, start=1):
        label = f"{row.code} {row.label}" if row.code else row.label
        line: list[object] = [_c(ctx.text(label), st.cell)]
        for c, seq in enumerate(matrix.columns, start=1):
            cell = matrix.cell(row.target_id, seq.id)
            verdict = matrix.verdict(cell.value)
            text = inline(matrix.text(cell.value))
            if verdict is Verdict.STRENGTH:
                text = f"<b>{text}</b>"
            if cell.low is not None and cell.high is not None and cell.low != cell.high:
                text += f"<br/>({inline(matrix.text(cell.low))}{NBSP}à{NBSP}{inline(matrix.text(cell.high))})"
            line.append(Paragraph(text, small))
            if verdict in _FILL:
                extra.append(("BACKGROUND", (c, r), (c, r), _FILL[verdict]))
        rows.append(line)
    extra.append(("ALIGN", (1, 0), (-1, -1), "CENTER"))
    grid = table(rows, [label_width] + [column] * len(labels), zebra=False, extra=extra)
    out: list[Flowable] = [*ctx.h2_block(title, room=9 * cm), _p(intro, st.muted)]
    block: list[Flowable] = [grid]
    if coded:
        key = " · ".join(f"<b>S{i + 1}</b>{NBSP}:{NBSP}{inline(n)}" for i, n in enumerate(names))
        block.append(_raw(key, st.muted))
    out += [KeepTogether(block)] if len(matrix.rows) <= 8 else block
    if matrix.deck.cobuilt is not None:
        return out + ranking_block(ctx, matrix)
    out += _overall(ctx, matrix)
    return out


def ranking_block(ctx: Context, matrix: SubjectMatrix) -> list[Flowable]:
    """A decision grid's ranking, and which of its actions the facilitator put in the action plan."""
    st = ctx.st
    planned = {" ".join(a.action.split()).casefold() for a in ctx.snapshot.actions}
    header = ["Rang", matrix.subject.label, "Note", "Critères notés", "Au plan d’action"]
    rows: list[list[object]] = [head_row(ctx, header)]
    in_plan = 0
    for r in ranking(matrix):
        name = ctx.text(r.sequence.display_title)
        chosen = " ".join(r.sequence.display_title.split()).casefold() in planned
        in_plan += chosen
        rank = "—" if r.score is None else ("1er" if r.rank == 1 else f"{r.rank}e")
        rows.append(
            [
                _c(rank, st.cell),
                _c(name, st.cell),
                _c(matrix.text(r.score), st.cell),
                _c(f"{r.rated} sur {r.criteria}", st.cell),
                _c("oui" if chosen else "—", st.cell),
            ]
        )
    widths = [1.4 * cm, FRAME_WIDTH - 8.6 * cm, 1.8 * cm, 2.6 * cm, 2.8 * cm]
    note = (
        "Les critères sont ceux que le groupe a retenus pendant l’atelier. La note d’une action est la "
        "moyenne des notes des tables sur chaque critère, pondérée par le poids du critère ; un critère non "
        "noté pour une action n’entre pas dans sa note. Ce classement éclaire l’arbitrage, il ne le fait pas."
    )
    weight = weights(matrix.deck)
    if any(w != 1 for w in weight.values()):
        parts = [f"{a.label} {format_number(weight[a.id], 1)}" for a in matrix.deck.compass.axes]
        note += f" Poids des critères : {' ; '.join(parts)}."
    if in_plan:
        note += (
            f" {'L’action marquée' if in_plan == 1 else 'Les actions marquées'} « oui » "
            f"{'a été inscrite' if in_plan == 1 else 'ont été inscrites'} au plan d’action par l’animation "
            "à partir de ce classement (voir le plan d’action)."
        )
    return [*_h3("Classement des actions"), table(rows, widths), _p(note, st.muted)]


def _overall(ctx: Context, matrix: SubjectMatrix) -> list[Flowable]:
    """One sentence per subject: where it contributes and where it obstructs (or is strong and weak); by
    lever (services), the levers that are a strength or a vulnerability for at least half of them."""
    if any(r.code for r in matrix.rows):
        plus, minus = subjects_text.shared_findings(matrix)
        out = _h3("Les leviers partagés") if plus or minus else []
        return out + bullet_list(ctx, [*plus, *minus])
    lines: list[Flowable] = []
    signed = matrix.signed
    for seq in matrix.columns:
        verdicts = [(r.label, matrix.verdict(matrix.cell(r.target_id, seq.id).value)) for r in matrix.rows]
        plus = [label for label, v in verdicts if v is Verdict.STRENGTH]
        minus = [label for label, v in verdicts if v is Verdict.VULNERABILITY]
        if not plus and not minus:
            continue
        parts = []
        if plus:
            parts.append(("contribue à" if signed else "points forts :") + " " + ", ".join(plus))
        if minus:
            parts.append(("fait obstacle à" if signed else "vulnérabilités :") + " " + ", ".join(minus))
        lines += bullet_list(ctx, [f"{seq.display_title} — {' ; '.join(parts)}."])
    return lines
