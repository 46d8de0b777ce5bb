"""Photos made ready to store, without Qt: bombs refused before decoding, big photos downscaled."""

from __future__ import annotations

import io
import tracemalloc
import zlib
from pathlib import Path

import pytest
from PIL import Image

from workshop_app.core.errors import AtelierError
from workshop_app.services.photos import MAX_PIXELS, MAX_SIDE, prepare_photo, read_photo


def _image(width: int, height: int, fmt: str = "JPEG", mode: str = "RGB", **save: object) -> bytes:
    out = io.BytesIO()
    Image.new(mode, (width, height), (30, 120, 200) if mode == "RGB" else (30, 120, 200, 128)).save(
        out, format=fmt, **save)
    return out.getvalue()


def _bomb_png(width: int, height: int) -> bytes:
    """A PNG header for a huge image with a few compressed bytes: what a decompression bomb looks like."""
    import struct

    def chunk(kind: bytes, payload: bytes) -> bytes:
        crc = struct.pack(">I", zlib.crc32(kind + payload))
        return struct.pack(">I", len(payload)) + kind + payload + crc

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    row = b"\x00" + b"\x00" * width
    data = zlib.compress(row * 4, 9)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data) + chunk(b"IEND", b"")


def test_a_small_photo_is_kept_as_it_is() -> None:
    data = _image(800, 600)
    photo = prepare_photo("tableau.jpg", data)
    assert (photo.data, photo.media_type, photo.width, photo.height, photo.downscaled) == (
        data, "image/jpeg", 800, 600, False)


def test_a_large_photo_is_downscaled_to_a_jpeg() -> None:
    photo = prepare_photo("post-its.png", _image(4000, 3000, "PNG"))
    assert photo.downscaled and photo.filename == "post-its.jpg" and photo.media_type == "image/jpeg"
    assert (photo.width, photo.height) == (MAX_SIDE, MAX_SIDE * 3 // 4)
    with Image.open(io.BytesIO(photo.data)) as back:
        assert back.size == (MAX_SIDE, 1800) and back.format == "JPEG"


def test_transparency_stays_png() -> None:
    photo = prepare_photo("schema.png", _image(3000, 1000, "PNG", mode="RGBA"))
    assert photo.filename == "schema.png" and photo.media_type == "image/png" and photo.width == MAX_SIDE


def test_the_exif_orientation_is_applied_when_downscaling() -> None:
    exif = Image.Exif()
    exif[0x0112] = 6  # rotated 90°: the phone held upright
    photo = prepare_photo("debout.jpg", _image(4000, 3000, exif=exif.tobytes()))
    assert (photo.width, photo.height) == (1800, MAX_SIDE)


def test_a_decompression_bomb_is_refused_in_french_without_decoding_it() -> None:
    bomb = _bomb_png(12_000, 12_000)
    assert len(bomb) < 10_000
    tracemalloc.start()
    with pytest.raises(AtelierError) as caught:
        prepare_photo("piege.png", bomb)
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert peak < 20 * 1024 * 1024  # nothing near the 144 MB (or 1.3 GB RGBA) it would decode to
    message = str(caught.value)
    assert message.startswith("« piege.png » : 12\u202f000 × 12\u202f000 pixels, c’est trop")
    assert f"{MAX_PIXELS // 1_000_000} millions de pixels au plus" in message


def test_pillow_s_own_bomb_guard_is_french_too() -> None:
    with pytest.raises(AtelierError, match="fichier piégé ou abîmé"):
        prepare_photo("enorme.png", _bomb_png(20_000, 20_000))


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("notes.txt", b"pas une image", "« notes.txt » n’est pas une image lisible"),
        ("coupee.jpg", _image(800, 600)[:300], "« coupee.jpg » est abîmée ou incomplète"),
        ("scan.pdf", b"%PDF-1.4\n", "n’est pas une image lisible"),
    ],
)
def test_what_is_not_a_photo_is_refused_naming_the_file(name: str, data: bytes, reason: str) -> None:
    with pytest.raises(AtelierError) as caught:
        prepare_photo(name, data)
    assert reason in str(caught.value)


def test_read_photo_says_when_the_file_is_missing(tmp_path: Path) -> None:
    with pytest.raises(AtelierError, match=r"« absente\.jpg » ne peut pas être lu : fichier ou dossier"):
        read_photo(tmp_path / "absente.jpg")
    (tmp_path / "ok.jpg").write_bytes(_image(100, 80))
    assert read_photo(tmp_path / "ok.jpg").width == 100
