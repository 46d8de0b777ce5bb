"""Screenshots of the whole app on the demo workshop: ``python scripts/screenshots.py [folder]``.

Writes PNGs into ``screenshots/`` (git-ignored) at 1366×768 and 1920×1080: the start page, the set-up page,
the play page, the compass with the four tables, the projector (results revealed) and the debrief, as the main
window composes them; plus the play page in high contrast with large text. Runs offscreen with two virtual
screens (laptop and projector) and a throw-away ATELIER_HOME. Prints the UI font and whether it draws « é ».
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SIZES = ((1366, 768), (1920, 1080))
FRENCH = "éèàçœ«»’€"


def _screens_config(folder: Path) -> Path:
    screens = [  # the laptop, and one projector per size we look at
        {
            "name": "Portable",
            "x": 0,
            "y": 0,
            "width": 1920,
            "height": 1080,
            "logicalDpi": 96,
            "logicalBpp": 32,
        },
        {
            "name": "Projecteur-1366x768",
            "x": 1920,
            "y": 0,
            "width": 1366,
            "height": 768,
            "logicalDpi": 96,
            "logicalBpp": 32,
        },
        {
            "name": "Projecteur-1920x1080",
            "x": 3286,
            "y": 0,
            "width": 1920,
            "height": 1080,
            "logicalDpi": 96,
            "logicalBpp": 32,
        },
    ]
    path = folder / "screens.json"
    path.write_text(json.dumps({"screens": screens}), encoding="utf-8")
    return path


def main(out: Path) -> int:
    work = Path(tempfile.mkdtemp(prefix="atelier-screens-"))
    os.environ["ATELIER_HOME"] = str(work / "home")
    os.environ.pop("ATELIER_DATABASE_URL", None)
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_screens_config(work)}"
    os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")
    sys.path.insert(0, str(ROOT))
    from PySide6.QtGui import QFontInfo, QFontMetrics
    from PySide6.QtWidgets import QApplication, QWidget

    from workshop_app.app import create_main_window
    from workshop_app.store import create_demo_workshop
    from workshop_app.ui.settings import PROJECTOR_SCREEN
    from workshop_app.ui.workshop_pages import PAGE_DEBRIEF, PAGE_PLAY, PAGE_SETUP, PAGE_START

    app = QApplication(["atelier"])
    window = create_main_window(app)
    window.show()
    if not window.open_store() or window.service is None:
        print("the database could not be opened", file=sys.stderr)
        return 1
    demo = create_demo_workshop(window.service)
    window.refresh_workshops()
    font = app.font()
    metrics = QFontMetrics(font)
    missing = [ch for ch in FRENCH if not metrics.inFontUcs4(ord(ch))]
    print(f"font: {QFontInfo(font).family()} {font.pointSizeF():.1f} pt; missing glyphs: {missing or 'none'}")
    out.mkdir(parents=True, exist_ok=True)

    def settle() -> None:
        for _ in range(5):
            app.processEvents()

    def shot(widget: QWidget, name: str) -> None:
        settle()
        path = out / f"{name}.png"
        widget.grab().save(str(path))
        print("wrote", path)

    for width, height in SIZES:
        size = f"{width}x{height}"
        window.close_workshop()
        window.resize(width, height)
        window.pages.show(PAGE_START)
        shot(window, f"start_{size}")
        window.open_workshop(demo, PAGE_SETUP)
        shot(window, f"setup_{size}")
        session = window.session
        assert session is not None
        questions = min(session.sequences, key=lambda s: s.position)
        session.select_sequence(questions.id)
        session.show_card(questions.deck.cards[4].id)
        window.pages.show(PAGE_PLAY)
        window.pages.focus_group(1)
        play = window.pages.play
        flush = getattr(play, "flush_compass", None)
        if flush is not None:
            flush()
        shot(window, f"play_{size}")
        compass = getattr(play, "compass", None)
        if isinstance(compass, QWidget):
            shot(compass, f"compass_4_groups_{size}")
        window.settings.set(PROJECTOR_SCREEN, f"Projecteur-{size}")
        window.registry["projector"].trigger()
        projector = window.projector.window
        if not session.sequence_state().revealed:
            window.registry["reveal"].trigger()
        projector.compass.flush()
        shot(projector, f"projector_{size}")
        window.registry["projector"].trigger()
        window.pages.show(PAGE_DEBRIEF)
        shot(window, f"debrief_{size}")

    window.view.set_high_contrast(True)
    window.view.set_scale(1.4)
    window.resize(1366, 768)
    window.pages.show(PAGE_PLAY)
    shot(window, "play_high_contrast_large_1366x768")
    window.pages.show(PAGE_SETUP)
    shot(window, "setup_high_contrast_large_1366x768")
    window.view.set_high_contrast(False)
    window.view.set_scale(1.0)
    window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "screenshots"))
