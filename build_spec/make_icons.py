"""Renders ``resources/icons/atelier.svg`` into ``atelier.ico`` (Windows) and ``atelier.icns`` (macOS).

    .venv/bin/python build_spec/make_icons.py        (build.sh runs it; the spec and the installers use them)

Both formats are written here as PNG-compressed entries (ICO since Vista, ICNS since macOS 10.7), rendered by
Qt's SVG renderer: no ImageMagick or iconutil needed, and the same on every system. Generated, not committed.
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_TYPES = {16: b"icp4", 32: b"icp5", 64: b"icp6", 128: b"ic07", 256: b"ic08", 512: b"ic09", 1024: b"ic10"}


def render_png(svg: Path, size: int) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"make_icons: {svg} is not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def ico(pngs: dict[int, bytes]) -> bytes:
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = 6 + 16 * len(pngs)
    entries, blobs = b"", b""
    for size, png in sorted(pngs.items()):
        side = 0 if size >= 256 else size  # 0 means 256 in an ICONDIRENTRY
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset + len(blobs))
        blobs += png
    return header + entries + blobs


def icns(pngs: dict[int, bytes]) -> bytes:
    body = b"".join(
        ICNS_TYPES[size] + struct.pack(">I", 8 + len(png)) + png for size, png in sorted(pngs.items())
    )
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main() -> int:
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication([*sys.argv[:1], "-platform", "offscreen"])
    svg = ICONS / "atelier.svg"
    sizes = sorted(set(ICO_SIZES) | set(ICNS_TYPES))
    pngs = {size: render_png(svg, size) for size in sizes}
    (ICONS / "atelier.ico").write_bytes(ico({s: pngs[s] for s in ICO_SIZES}))
    (ICONS / "atelier.icns").write_bytes(icns({s: pngs[s] for s in ICNS_TYPES}))
    print(ICONS / "atelier.ico")
    print(ICONS / "atelier.icns")
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
