"""``preload`` loads what a session's first PDF export would otherwise load while the user waits for it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

CODE = """
import json, sys
sys.path.insert(0, sys.argv[1])
from pathlib import Path
from export_factory import make_snapshot
snapshot, photos = make_snapshot(n_groups=4, n_cards=8)
before_preload = set(sys.modules)
from workshop_app.export.pdf import build_pdf, fonts, preload
preload()
loaded = set(sys.modules) - before_preload
registered = fonts._registered
before = set(sys.modules)
build_pdf(snapshot, photos, Path(sys.argv[2]))
print(json.dumps({"new": sorted(set(sys.modules) - before), "registered": registered, "loaded": len(loaded)}))
"""


def test_after_the_preload_the_first_export_loads_nothing_more(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-c", CODE, str(HERE), str(tmp_path / "cr.pdf")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout.strip().splitlines()[-1])
    assert found["registered"] is True and found["loaded"] > 50  # reportlab and the export (a fresh process)
    assert found["new"] == []  # not a module left for the export the user waits for
    assert (tmp_path / "cr.pdf").stat().st_size > 0


RACE = """
import json, threading
from workshop_app.export.pdf import document
from workshop_app.export.pdf.escaping import drawable
from workshop_app.export.pdf.styles import styles
threads = [threading.Thread(target=document.preload), threading.Thread(target=document.warm_up)]
for thread in threads:
    thread.start()
document.warm_up()  # as a build started on another worker while the preload runs
for thread in threads:
    thread.join()
print(json.dumps({"styles": styles.cache_info().misses, "drawable": drawable.cache_info().misses,
                  "warm": document._warm}))
"""


def test_a_build_during_the_preload_waits_for_it_and_finds_one_of_each_table() -> None:
    # the build calls warm_up() where it registered the fonts: never two Styles, two character sets
    result = subprocess.run([sys.executable, "-c", RACE], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.strip().splitlines()[-1]) == {"styles": 1, "drawable": 1, "warm": True}
