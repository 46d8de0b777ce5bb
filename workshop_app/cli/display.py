"""Is there a screen to open a window on? Asked before Qt loads, since Qt aborts the process without one.

On a machine with no screen (a server, a fresh Debian install reached over SSH), ``atelier`` opens its
window on a virtual screen with Xvfb when ``xvfb-run`` is installed (scripts/setup.sh installs it), saying
so; without it, a clear message explains what to do instead of Qt's abort.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Sequence

NO_DISPLAY_MESSAGE = (
    "Aucun écran n’est disponible (ni DISPLAY ni WAYLAND_DISPLAY) : la fenêtre ne peut pas s’ouvrir.\n"
    "Lancez l’application depuis une session graphique, ou sur un écran virtuel : xvfb-run -a atelier\n"
    "Pour vérifier l’installation sans écran : QT_QPA_PLATFORM=offscreen atelier --selftest\n"
    "Les commandes sans fenêtre (atelier --help) fonctionnent partout."
)


def no_display() -> bool:
    """True on Linux/BSD without X11 or Wayland, unless a Qt platform was chosen explicitly (offscreen…)."""
    if os.environ.get("QT_QPA_PLATFORM") or sys.platform in ("win32", "darwin"):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


XVFB_NOTE = (
    "Aucun écran n’est disponible : l’application s’ouvre sur un écran virtuel (Xvfb), invisible ici. "
    "Sur l’ordinateur de l’animateur, lancez-la depuis la session graphique."
)


def run_on_virtual_screen(argv: Sequence[str]) -> int:
    """Start the app under ``xvfb-run`` (replacing this process); 2 with an explanation when it is missing."""
    xvfb = shutil.which("xvfb-run")
    if xvfb is None:
        print(f"atelier : {NO_DISPLAY_MESSAGE}", file=sys.stderr)
        return 2
    print(f"atelier : {XVFB_NOTE}", file=sys.stderr)
    # A PyInstaller bundle's executable is the app itself; from Python, run the package.
    app = [sys.executable] if getattr(sys, "frozen", False) else [sys.executable, "-m", "workshop_app"]
    command = [xvfb, "-a", "-s", "-screen 0 1920x1080x24", *app, *argv]
    os.execv(xvfb, command)
    return 0  # not reached: execv replaces the process
