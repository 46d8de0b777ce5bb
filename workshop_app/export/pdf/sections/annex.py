"""The annexes of the complete edition, lettered in the order they come: answers card by card, the timing
log, the strategy catalogue, the score tables, participants by service, the raw answers grid,
photos (scaled, turned upright)."""

from __future__ import annotations

import io
from collections.abc import Callable

from reportlab.lib.units import cm
from reportlab.platypus import Flowable, Image, KeepTogether, PageBreak

from workshop_app.core.deck import QuestionDeck, StrategyDeck
from workshop_app.export import analysis
from workshop_app.export.french import NBSP, format_level
from workshop_app.export.pdf.escaping import inline
from workshop_app.export.pdf.sections.common import Context, _c, _h3, _p, _raw, head_row, table
from workshop_app.export.pdf.styles import FRAME_WIDTH

IMAGE_MAX_HEIGHT = 11.5 * cm
IMAGE_MAX_PIXELS = 1800


# -- annexes -------------------------------------------------------------------------------------------------


def annexes(ctx: Context, tick: Callable[[], None]) -> list[Flowable]:
    from workshop_app.export.pdf.sections.answers import answers_section
    from workshop_app.export.pdf.sections.front import catalogue_annex, timeline_annex
    from workshop_app.export.pdf.sections.scores_annex import scores_annex

    out: list[Flowable] = [PageBreak(), *ctx.h1_plain("Annexes")]
    out += answers_section(ctx, tick)
    out += timeline_annex(ctx)
    out += catalogue_annex(ctx)
    out += scores_annex(ctx)
    out += participants_annex(ctx)
    if any(a.media_type.lower().startswith("image/") for a in ctx.snapshot.attachments):
        out += raw_annex(ctx, tick)
        out += photos_annex(ctx)
    else:  # « Aucune photo » is one line: before the long grid rather than alone on a last page
        out += photos_annex(ctx)
        out += raw_annex(ctx, tick)
    return out


def participants_annex(ctx: Context) -> list[Flowable]:
    st = ctx.st
    out: list[Flowable] = [*ctx.next_annex("Participant·es par service")]
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
    return out  # who sat at which table: « Composition des tables », in the programme (report/tables.py)


def photos_annex(ctx: Context) -> list[Flowable]:
    st = ctx.st
    attachments = sorted(ctx.snapshot.attachments, key=lambda a: a.filename)
    images = [a for a in attachments if a.media_type.lower().startswith("image/")]
    others = [a for a in attachments if not a.media_type.lower().startswith("image/")]
    # without a photo the annex is one line: it needs no more room than that
    out: list[Flowable] = [*ctx.next_annex("Photos des tableaux et post-it", room=(5 if images else 2) * cm)]
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

        from workshop_app.export.archive_checks import image_too_big

        if image_too_big(data):  # gigabytes to decode (a 12,000 × 12,000 PNG took 1.3 GB): placeholder
            return None
        with PILImage.open(io.BytesIO(data)) as src:
            src.draft("RGB", (IMAGE_MAX_PIXELS, IMAGE_MAX_PIXELS))  # JPEG: decoded at a reduced scale
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
    out: list[Flowable] = [*ctx.next_annex("Tableau brut des réponses")]
    rows_all = analysis.raw_rows(ctx.snapshot, ctx.state, ctx.anonymiser, include_unanswered=False)
    if not rows_all:
        return [*out, _p("Aucune réponse n'a été enregistrée.", st.muted)]
    out.append(
        _p(
            "Une ligne par carte, une colonne par table. Les arguments figurent dans l’annexe « Réponses "
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
            signed = deck.scale_min < 0  # −2…+2: « +2 », not « 2 »
            legend = " · ".join(_legend_item(o.value, o.label, o.unknown, signed) for o in deck.scale)
            out.append(_p(f"Valeurs : {legend} ; « — » : pas de réponse.", st.muted))
        else:
            out.append(_p("« ✓ » : carte retenue par la table.", st.muted))
        strategy = isinstance(deck, StrategyDeck)
        signed = isinstance(deck, QuestionDeck) and deck.scale_min < 0
        unknown = {o.label for o in deck.scale if o.unknown} if isinstance(deck, QuestionDeck) else set()
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
            for number, (card_id, title) in enumerate(((c.id, c.title) for c in deck.cards), start=1):
                data.append(
                    [
                        _c(f"{number}. {title}", st.cell),
                        *(_grid_cell(cells.get((card_id, g.id)), strategy, unknown, signed) for g in groups),
                    ]
                )
            extra = [("ALIGN", (1, 1), (-1, -1), "CENTER"), ("FONTSIZE", (1, 1), (-1, -1), 8.3)]
            out.append(
                table(data, [FRAME_WIDTH - column * len(groups)] + [column] * len(groups), extra=extra)
            )
            offset += len(groups)

    return out


def _legend_item(value: float | None, label: str, unknown: bool = False, signed: bool = False) -> str:
    shown = ("?" if unknown else "×") if value is None else format_level(value, signed)
    return label if label.startswith(shown) else f"{shown}{NBSP}= {label}"


def _grid_cell(
    row: analysis.RawRow | None, strategy: bool, unknown: set[str] | None = None, signed: bool = False
) -> str:
    if strategy:
        return "✓" if row is not None else ""
    if row is None:
        return "—"
    if row.value is None:  # « ne sait pas » (an unknown option) is not « non concerné »
        return "?" if unknown and row.response in unknown else "×"
    return format_level(row.value, signed)
