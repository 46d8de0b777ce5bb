"""The report pack: one zip with everything a facilitator sends or reuses after a workshop.

```
compte-rendu.pdf            the compte-rendu (archival PDF)
compte-rendu.docx           the same, editable (Word, LibreOffice)
graphiques/NN-nom.png       each chart at 300 dpi (for slides)
graphiques/NN-nom.svg       each chart as vector graphics
donnees/reponses.csv        the raw answers (French Excel: UTF-8 with BOM, « ; »)
donnees/atelier.xlsx        the raw answers, the compass and the action plan
photos/…                    the photos attached to the workshop (renamed « photo-N » when anonymised)
pieces-jointes/…            any other attached file
LISEZMOI.txt                what each file is
```

Built in memory, written atomically; the entries have fixed dates so that the same workshop gives the same
bytes. ``anonymise`` applies to every file of the pack.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from workshop_app.core.atomic import write_bytes_atomic
from workshop_app.core.workshop import WorkshopSnapshot
from workshop_app.export import figures, stable_zip

Progress = Callable[[float, str], None]

README = """Dossier de compte-rendu — {title}

compte-rendu.pdf    le compte-rendu (PDF/A, pour l’archive et l’envoi)
compte-rendu.docx   le même compte-rendu, modifiable (Word, LibreOffice)
graphiques/         chaque graphique en PNG (300 dpi, pour une présentation) et en SVG (vectoriel)
donnees/            les réponses brutes : reponses.csv (Excel français : UTF-8, « ; ») et atelier.xlsx
photos/             les photos jointes à l’atelier (pieces-jointes/ : les autres fichiers joints)
{anonymised}"""


def render_pack(
    snapshot: WorkshopSnapshot,
    attachments: Mapping[str, bytes],
    *,
    anonymise: bool = False,
    progress: Progress | None = None,
    edition: str = "complet",
    inclusive: bool = False,
) -> bytes:
    from workshop_app.export import tabular
    from workshop_app.export.anonymise import Anonymiser, public_attachments
    from workshop_app.export.docx.story import blocks_of, figures_of, pdf_story
    from workshop_app.export.docx.writer import render_docx
    from workshop_app.export.pdf import render_pdf

    def report(fraction: float, message: str) -> None:
        if progress is not None:
            progress(fraction, message)

    report(0.0, "Compte-rendu PDF")
    options: dict[str, Any] = {"anonymise": anonymise, "edition": edition, "inclusive": inclusive}
    pdf = render_pdf(snapshot, attachments, **options)
    report(0.35, "Compte-rendu DOCX")
    blocks = blocks_of(pdf_story(snapshot, attachments, **options))
    pictures: dict[int, bytes] = {}
    docx = render_docx(snapshot, attachments, blocks=blocks, pictures=pictures, **options)
    report(0.65, "Graphiques")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        anonymiser = Anonymiser(snapshot.participants, anonymise, snapshot.info.facilitators)
        note = "Version anonymisée : voir la mention en première page du compte-rendu.\n" if anonymise else ""
        readme = README.format(title=anonymiser.text(snapshot.info.title), anonymised=note)
        stable_zip.entry(archive, "LISEZMOI.txt", readme.replace("\n", "\r\n").encode("utf-8"))
        stable_zip.entry(archive, "compte-rendu.pdf", pdf)
        stable_zip.entry(archive, "compte-rendu.docx", docx)
        charts = figures.unique_names(figures_of(blocks))
        for index, figure in enumerate(charts):
            png = pictures.get(id(figure.drawing)) or figures.png_bytes(figure.drawing)
            stable_zip.entry(archive, f"graphiques/{figure.name}.png", png)
            stable_zip.entry(archive, f"graphiques/{figure.name}.svg", figures.svg_bytes(figure.drawing))
            report(0.65 + 0.25 * (index + 1) / max(1, len(charts)), "Graphiques")
        stable_zip.entry(archive, "donnees/reponses.csv", tabular.csv_bytes(snapshot, anonymise=anonymise))
        stable_zip.entry(archive, "donnees/atelier.xlsx", tabular.xlsx_bytes(snapshot, anonymise=anonymise))
        for name, attachment in public_attachments(snapshot, anonymise):
            data = attachments.get(attachment.id)
            folder = "photos" if attachment.media_type.lower().startswith("image/") else "pieces-jointes"
            if data:
                stable_zip.entry(archive, f"{folder}/{name}", data)
    report(1.0, "Dossier prêt")
    return out.getvalue()


def build_pack(
    snapshot: WorkshopSnapshot, attachments: Mapping[str, bytes], target: Path, **options: Any
) -> None:
    """Write the report pack (zip) of ``snapshot`` to ``target``, atomically; ``options`` are
    :func:`render_pack`'s (the compte-rendu's: anonymise, progress, edition, inclusive). No Qt."""
    write_bytes_atomic(Path(target), render_pack(snapshot, attachments, **options))
