"""``atelier install-desktop``: puts Atelier Résilience in the Linux desktop's application menu, for the
current user only (no administrator rights): a ``.desktop`` entry in ``~/.local/share/applications`` and the
icon in ``~/.local/share/icons/hicolor/scalable/apps`` (``$XDG_DATA_HOME`` is honoured).

The entry starts the very executable that ran the command: the bundle's ``atelier``, or the ``atelier`` of a
virtual environment. ``--remove`` takes both files away again; ``--print`` only shows the entry.
Windows and macOS have their installers (``build_spec/windows``, ``build_spec/macos``).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from workshop_app.core.errors import AtelierError

DESKTOP_ID = (
    "atelier-resilience"  # = QGuiApplication.setDesktopFileName in app.py: the window finds its entry
)


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "install-desktop",
        help="ajoute l’application au menu du bureau Linux (pour vous seul, sans droits d’administrateur)",
    )
    parser.add_argument("--remove", action="store_true", help="retire l’entrée et l’icône du menu")
    parser.add_argument("--print", dest="show", action="store_true", help="affiche l’entrée sans l’installer")
    parser.set_defaults(handler=cmd_install_desktop)


def data_home() -> Path:
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")


def launcher() -> list[str]:
    """The command that starts this installation of the app."""
    if getattr(sys, "frozen", False):
        return [str(Path(sys.executable).resolve())]
    script = Path(sys.argv[0]) if sys.argv and sys.argv[0] else None
    if script is not None and script.name.startswith("atelier") and script.exists():
        return [str(script.resolve())]
    beside = Path(sys.executable).with_name("atelier")
    if beside.exists():
        return [str(beside)]
    return [str(Path(sys.executable)), "-m", "workshop_app"]


def _exec_quote(argument: str) -> str:
    """Quoting of the Desktop Entry Specification's Exec key."""
    if not any(c in argument for c in " \t\n\"'\\><~|&;$*?#()`"):
        return argument.replace("%", "%%")
    escaped = argument.replace("\\", "\\\\").replace('"', '\\"').replace("`", "\\`").replace("$", "\\$")
    return f'"{escaped}"'.replace("%", "%%")


def desktop_entry(command: list[str]) -> str:
    exec_line = " ".join(_exec_quote(part) for part in command)
    return "\n".join(
        [
            "[Desktop Entry]",
            "Type=Application",
            "Version=1.4",
            "Name=Atelier Résilience",
            "GenericName=Ateliers de résilience territoriale",
            "GenericName[en]=Territorial-resilience workshops",
            "Comment=Animer un atelier de résilience hors ligne et remettre le compte-rendu en PDF",
            "Comment[en]=Run territorial-resilience workshops offline and hand out the minutes as PDF",
            f"Exec={exec_line}",
            f"Icon={DESKTOP_ID}",
            "Terminal=false",
            "Categories=Office;ProjectManagement;",
            "Keywords=résilience;atelier;boussole;Cerema;compte-rendu;territoire;",
            f"StartupWMClass={DESKTOP_ID}",
            "StartupNotify=true",
            "",
        ]
    )


def targets() -> tuple[Path, Path]:
    base = data_home()
    return (
        base / "applications" / f"{DESKTOP_ID}.desktop",
        base / "icons" / "hicolor" / "scalable" / "apps" / f"{DESKTOP_ID}.svg",
    )


def _refresh(folder: Path) -> None:
    """Tell the desktop about the change when its tools are there (menus also notice by themselves)."""
    if shutil.which("update-desktop-database"):
        subprocess.run(["update-desktop-database", str(folder)], check=False, capture_output=True, timeout=30)


def cmd_install_desktop(args: argparse.Namespace) -> int:
    from workshop_app.core.atomic import write_bytes_atomic, write_text_atomic
    from workshop_app.paths import resource_path

    entry_path, icon_path = targets()
    if args.show:
        print(desktop_entry(launcher()), end="")
        return 0
    if args.remove:
        removed = [p for p in (entry_path, icon_path) if p.exists()]
        for path in removed:
            path.unlink()
        _refresh(entry_path.parent)
        print("Retiré du menu : " + (", ".join(str(p) for p in removed) if removed else "rien à retirer."))
        return 0
    if sys.platform in ("win32", "darwin"):
        raise AtelierError(
            "« install-desktop » concerne Linux. Sous Windows et macOS, utilisez l’installateur "
            "(voir build_spec/README.md)."
        )
    icon = resource_path("resources", "icons", "atelier.svg")
    if not icon.is_file():
        raise AtelierError(f"Icône introuvable : « {icon} » (installation incomplète).")
    write_bytes_atomic(icon_path, icon.read_bytes())
    write_text_atomic(entry_path, desktop_entry(launcher()))
    _refresh(entry_path.parent)
    print(f"Ajouté au menu des applications : {entry_path}")
    print(f"Icône : {icon_path}")
    print(f"Commande lancée : {' '.join(launcher())}")
    print("Pour le retirer : atelier install-desktop --remove")
    return 0
