"""Screenshots of the comparison views on ``atelier demo --cohort``: ``python scripts/screenshots_compare.py
[folder]``. Writes the cohort (its tabs) and the evolution at 1366×768 and 1920×1080, as « Comparer… » from
the start page opens them; offscreen, with a throw-away ATELIER_HOME."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SIZES = ((1366, 768), (1920, 1080))


def main(out: Path) -> int:
    os.environ["ATELIER_HOME"] = tempfile.mkdtemp(prefix="atelier-compare-")
    os.environ.pop("ATELIER_DATABASE_URL", None)
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    sys.path.insert(0, str(ROOT))
    from PySide6.QtCore import QItemSelectionModel
    from PySide6.QtWidgets import QApplication

    from workshop_app.app import create_main_window
    from workshop_app.store.demo_cohort import create_demo_cohort
    from workshop_app.ui import workshop_tools
    from workshop_app.ui.tasks import wait_all

    app = QApplication(["atelier"])
    window = create_main_window(app)
    window.show()
    if not window.open_store() or window.service is None:
        return 1
    demo = create_demo_cohort(window.service)
    window.refresh_workshops()
    out.mkdir(parents=True, exist_ok=True)

    def settle() -> None:
        for _ in range(3):
            wait_all()
            for _ in range(5):
                app.processEvents()

    def shot(widget: object, name: str) -> None:
        settle()
        path = out / f"{name}.png"
        widget.grab().save(str(path))  # type: ignore[attr-defined]
        print("wrote", path)

    for width, height in SIZES:
        size = f"{width}x{height}"
        window.resize(width, height)
        window.start.workshop_view.clearSelection()
        for workshop_id in demo.cities.values():  # as Ctrl+click leaves them
            row = window.start.workshops.row_of(workshop_id)
            window.start.workshop_view.selectionModel().select(
                window.start.workshops.index(row, 0),
                QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
            )
        shot(window, f"start_selection_{size}")
        soissons = [*demo.evolution, demo.cities["Soissons"]]  # with another game: flagged, left out
        for name, ids in (
            ("cohort", list(demo.cities.values())),
            ("evolution", demo.evolution),
            ("evolution_flagged", soissons),
        ):
            workshop_tools.compare_workshops(window, ids)
            settle()
            compare = window.compare_flow.window  # type: ignore[attr-defined]
            compare.resize(width, height)
            shot(compare, f"compare_{name}_{size}")
            if name == "cohort":
                for tab in range(1, compare.cohort.count()):
                    if compare.cohort.isTabVisible(tab):
                        compare.cohort.setCurrentIndex(tab)
                        shot(compare, f"compare_{name}_tab{tab}_{size}")
                compare.cohort.setCurrentIndex(0)
                compare.anonymise.setChecked(True)
                shot(compare, f"compare_{name}_anonymised_{size}")
            if name == "evolution_flagged":
                compare.rules_button.setChecked(True)
                shot(compare, f"compare_{name}_rules_{size}")
            compare.close()
            settle()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "screenshots"))
