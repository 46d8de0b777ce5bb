"""Photos of boards and post-its, made ready to store (no Qt): checked, bounded, downscaled.

A phone photo is 12–50 million pixels; the compte-rendu needs far fewer, and a decompression bomb (a small
PNG of 12,000 × 12,000 pixels decodes to 1.3 GB) must never be decoded at all. So:

* the size in pixels is read from the file's header first; above :data:`MAX_PIXELS` the file is refused with a
  French sentence, before any decoding (Pillow's own bomb guard is kept as a second net);
* a photo whose long side exceeds :data:`MAX_SIDE` is turned upright (EXIF orientation) and downscaled, then
  stored as JPEG (PNG when it has transparency);
* a file that is not an image (or one Pillow cannot read, e.g. HEIC) is refused, saying which file.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass
from pathlib import Path

from workshop_app.core.errors import AtelierError, os_reason

#: more pixels than this is refused before decoding (a 12,000 × 12,000 image has 144 million)
MAX_PIXELS = 60_000_000
#: the long side of a stored photo, in pixels (enough for an A4 page and for the screen)
MAX_SIDE = 2400
#: a file larger than this is not even read
MAX_FILE_BYTES = 64 * 1024 * 1024
#: the formats accepted (what Pillow reads without plugins and a phone or a scanner produces)
FORMATS = frozenset({"JPEG", "PNG", "WEBP", "GIF", "BMP", "TIFF", "MPO"})
#: what the file pickers offer
PATTERNS = ("*.jpg", "*.jpeg", "*.png", "*.webp", "*.gif", "*.bmp", "*.tif", "*.tiff")


@dataclass(frozen=True)
class PreparedPhoto:
    filename: str
    data: bytes
    media_type: str
    width: int
    height: int
    downscaled: bool = False


def _millions(pixels: int) -> str:
    return f"{pixels / 1_000_000:.0f}".replace(".", ",")


def _grouped(value: int) -> str:
    return f"{value:,}".replace(",", "\u202f")


def prepare_photo(filename: str, data: bytes) -> PreparedPhoto:
    """The photo as it will be stored; AtelierError (French, naming the file) when it cannot be."""
    from PIL import Image, ImageOps, UnidentifiedImageError

    name = Path(filename).name or "photo"
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)  # MAX_PIXELS decides, below
            with Image.open(io.BytesIO(data)) as image:  # reads the header only
                width, height = image.size
                kind = image.format or ""
                if width * height > MAX_PIXELS:
                    raise AtelierError(
                        f"« {name} » : {_grouped(width)} × {_grouped(height)} pixels, c’est trop "
                        f"({_millions(MAX_PIXELS)} millions de pixels au plus). "
                        "Réduisez la photo avant de l’ajouter."
                    )
                if kind not in FORMATS:
                    raise AtelierError(
                        f"« {name} » : format {kind or 'inconnu'} non pris en charge "
                        "(JPEG, PNG, WebP, GIF, BMP ou TIFF)."
                    )
                if max(width, height) <= MAX_SIDE:
                    image.verify()  # a truncated or damaged file is refused now, not in the PDF
                    media = Image.MIME.get(kind, "application/octet-stream")
                    return PreparedPhoto(name, bytes(data), media, width, height)
                image.draft("RGB", (MAX_SIDE, MAX_SIDE))  # JPEG: decode at a fraction of the size
                upright = ImageOps.exif_transpose(image)
                upright.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.LANCZOS)
                return _encode(name, upright)
    except AtelierError:
        raise
    except Image.DecompressionBombError:  # Pillow's own net (beyond twice its limit)
        raise AtelierError(
            f"« {name} » est refusée : l’image décompressée serait énorme (fichier piégé ou abîmé)."
        ) from None
    except UnidentifiedImageError:
        raise AtelierError(f"« {name} » n’est pas une image lisible (JPEG, PNG, WebP…).") from None
    except (OSError, ValueError, SyntaxError) as error:  # truncated, damaged (Pillow raises all three)
        raise AtelierError(f"« {name} » est abîmée ou incomplète : elle ne peut pas être lue.",
                           detail=str(error)) from None


def _encode(name: str, image: object) -> PreparedPhoto:
    from PIL import Image

    assert isinstance(image, Image.Image)
    transparent = image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info
    out = io.BytesIO()
    stem = Path(name).stem or "photo"
    if transparent:
        image.save(out, format="PNG", optimize=True)
        filename, media = f"{stem}.png", "image/png"
    else:
        image.convert("RGB").save(out, format="JPEG", quality=85, optimize=True)
        filename, media = f"{stem}.jpg", "image/jpeg"
    return PreparedPhoto(filename, out.getvalue(), media, image.width, image.height, downscaled=True)


def read_photo(path: Path) -> PreparedPhoto:
    """Read ``path`` and prepare it; a missing or unreadable file is a French error too."""
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise AtelierError(
                f"« {path.name} » est trop lourde ({path.stat().st_size / 1024 / 1024:.0f} Mo ; "
                f"{MAX_FILE_BYTES // (1024 * 1024)} Mo au plus)."
            )
        data = path.read_bytes()
    except OSError as error:
        raise AtelierError(f"« {path.name} » ne peut pas être lu : {os_reason(error)}.") from None
    return prepare_photo(path.name, data)
