"""Screenshots of the play screens on the demo workshop: ``python scripts/preview_play.py [folder]``.

Writes PNGs into ``screenshots/`` (git-ignored) at 1366×768 and 1920×1080: play (questions deck with its four
tables, strategy deck), the compass (radar and bars, principles and levers), the projector (results hidden and
revealed) and the debrief, in the normal look; then the play page, compass and projector again in high
contrast (``*_hc_*``). Runs offscreen with two virtual screens (laptop and projector).
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SIZES = ((1366, 768), (1920, 1080))


def _screens_config(folder: Path) -> Path:
    screens = [
        {"name": "Portable", "x": 0, "y": 0, "width": 1366, "height": 768, "logicalDpi": 96,
         "logicalBpp": 32},
        {"name": "Projecteur", "x": 1366, "y": 0, "width": 1920, "height": 1080, "logicalDpi": 96,
         "logicalBpp": 32},
    ]
    path = folder / "screens.json"
    path.write_text(json.dumps({"screens": screens}), encoding="utf-8")
    return path


def _play_and_projector(
    app: Any, session: Any, settings: Any, size_wh: tuple[int, int], tag: str,
    shot: Callable[[Any, str], None],
) -> None:
    from workshop_app.ui.compass.widget import CompassWidget
    from workshop_app.ui.play.page import PlayPage
    from workshop_app.ui.projector import ProjectorWindow
    from workshop_app.ui.settings import PROJECTOR_SCREEN

    width, height = size_wh
    size = f"{width}x{height}"
    questions, strategy = sorted(session.sequences, key=lambda s: s.position)[:2]
    page = PlayPage(session, settings)
    page.resize(width, height)
    page.show()
    session.select_sequence(questions.id)
    session.show_card(questions.deck.cards[4].id)
    page.card.help_toggle.setChecked(True)
    page.focus_group(1)
    page.flush_compass()
    shot(page, f"play_{tag}questions_{size}")
    session.select_sequence(strategy.id)
    session.show_card(strategy.deck.cards[2].id)
    page.focus_group(0)
    page.flush_compass()
    shot(page, f"play_{tag}strategy_{size}")
    page.close()
    page.deleteLater()

    session.select_sequence(questions.id)
    compass = CompassWidget()
    compass.resize(int(width * 0.3), int(height * 0.85))
    compass.show()
    for view in ("radar", "bars"):
        for levers in (False, True):
            compass.set_view(view)
            compass.set_levers(levers)
            compass.set_data(session.deck, session.compass(), session.groups)
            compass.flush()
            shot(compass, f"compass_{tag}{view}_{'levers' if levers else 'principles'}_{size}")
    compass.close()

    settings.set(PROJECTOR_SCREEN, "Portable" if width == 1366 else "Projecteur")
    projector = ProjectorWindow(session, settings)
    projector.show_on_preferred_screen()
    for revealed in (False, True):
        session.set_revealed(revealed)
        projector.compass.flush()
        shot(projector, f"projector_{tag}{'revealed' if revealed else 'hidden'}_{size}")
    projector.close()


def main(out: Path) -> int:
    work = Path(tempfile.mkdtemp(prefix="atelier-shots-"))
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_screens_config(work)}"
    os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")
    sys.path.insert(0, str(ROOT))
    from PySide6.QtGui import QFontInfo
    from PySide6.QtWidgets import QApplication, QWidget

    from workshop_app.ui.debrief.page import DebriefPage
    from workshop_app.ui.play.demo_session import demo_session
    from workshop_app.ui.theme import apply_theme

    app = QApplication([])
    apply_theme(app)
    out.mkdir(parents=True, exist_ok=True)
    print("font:", QFontInfo(app.font()).family(), "| screens:", [s.name() for s in app.screens()])
    session, settings = demo_session(work)

    def shot(widget: QWidget, name: str) -> None:
        for _ in range(3):
            app.processEvents()
        path = out / f"{name}.png"
        widget.grab().save(str(path))
        print("wrote", path)

    for width, height in SIZES:
        _play_and_projector(app, session, settings, (width, height), "", shot)
        size = f"{width}x{height}"
        debrief = DebriefPage(session)
        debrief.resize(width, height)
        debrief.show()
        shot(debrief, f"debrief_{size}")
        debrief.close()
    apply_theme(app, 1.0, high_contrast=True)
    for width, height in SIZES:
        _play_and_projector(app, session, settings, (width, height), "hc_", shot)
    apply_theme(app)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "screenshots"))
