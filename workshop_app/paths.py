"""Every path the app uses, resolved in one place.

``ATELIER_HOME`` (a folder) overrides the user's data folder: tests and portable installs use it. Resources
(decks, fonts, translations, migrations) are found through :func:`resource_path`, which works from a source
checkout, an installed wheel and a PyInstaller bundle alike.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "AtelierResilience"
APP_AUTHOR = "AtelierResilience"
DATABASE_FILE = "atelier.sqlite3"


def _source_root() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle)
    return Path(__file__).resolve().parent.parent


def resource_path(*parts: str) -> Path:
    """A shipped file: ``resource_path("scenarios", "et-si-33.yaml")`` or ``resource_path("resources", ...)``.

    In a source checkout the top-level ``scenarios/`` and ``resources/`` folders are used; in a wheel they are
    installed as ``workshop_app/_data/``; in a bundle they sit under ``sys._MEIPASS``.
    """
    root = _source_root()
    candidate = root.joinpath(*parts)
    if candidate.exists():
        return candidate
    packaged = Path(__file__).resolve().parent / "_data"
    return packaged.joinpath(*parts)


def package_path(*parts: str) -> Path:
    """A file inside the ``workshop_app`` package (e.g. the Alembic migrations)."""
    bundle = getattr(sys, "_MEIPASS", None)
    base = Path(bundle) / "workshop_app" if bundle else Path(__file__).resolve().parent
    return base.joinpath(*parts)


def home() -> Path:
    """The folder holding the database, the user's decks, logs and backups."""
    override = os.environ.get("ATELIER_HOME")
    if override:
        path = Path(override).expanduser()
    else:
        from platformdirs import user_data_path

        path = user_data_path(APP_NAME, APP_AUTHOR)
    return path


def folder_problem(path: Path, what: str = "Le dossier de données") -> str:
    """Why ``path`` cannot be (or become) a folder the app writes into, in French; "" when it can."""
    probe = path
    while not probe.exists() and not probe.is_symlink() and probe.parent != probe:
        probe = probe.parent  # the first part of the path that exists: it must be a writable folder
    hint = (
        "Donnez à ATELIER_HOME le chemin d'un dossier où vous pouvez écrire (ou retirez cette variable)."
        if os.environ.get("ATELIER_HOME")
        else "Choisissez un dossier où vous pouvez écrire (ATELIER_HOME ou --database)."
    )
    if not probe.is_dir():
        kind = "un fichier" if probe.is_file() else "un périphérique ou un lien brisé"
        return f"{what} « {path} » est inutilisable : « {probe} » n'est pas un dossier (c'est {kind}). {hint}"
    if not os.access(probe, os.W_OK | os.X_OK):
        return f"{what} « {path} » est inutilisable : « {probe} » est en lecture seule. {hint}"
    return ""


def ensure_home() -> Path:
    """The home folder, created if needed; a French AtelierError when it is a file or is read-only."""
    from workshop_app.core.errors import AtelierError

    path = home()
    problem = folder_problem(path)
    if problem:
        raise AtelierError(problem)
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        from workshop_app.core.errors import os_reason

        reason = os_reason(error)
        raise AtelierError(f"Le dossier de données « {path} » ne peut pas être créé : {reason}.") from None
    return path


def user_decks_dir() -> Path:
    return home() / "decks"


def backups_dir() -> Path:
    return home() / "backups"


def logs_dir() -> Path:
    return home() / "logs"


def pending_writes_dir() -> Path:
    """Markers of the files being written (see ``core.atomic.start_journal``)."""
    return home() / "en-cours"


def start_up() -> None:
    """At every start (app and CLI): delete the temporary files of exports killed while writing, and keep a
    journal of the new ones. Best effort: an unusable home only skips it (the command then says why)."""
    from workshop_app.core.atomic import start_journal

    if not folder_problem(home()):
        start_journal(pending_writes_dir())


def attachments_dir() -> Path:
    return home() / "attachments"


def builtin_decks_dir() -> Path:
    return resource_path("scenarios")


def default_database_url() -> str:
    """``ATELIER_DATABASE_URL`` wins; otherwise an SQLite file in :func:`home`."""
    override = os.environ.get("ATELIER_DATABASE_URL")
    if override:
        return override
    return f"sqlite:///{home() / DATABASE_FILE}"


DEVICE_FILE = "device-id"
_device: dict[Path, str] = {}


def device_id() -> str:
    """This data folder's device id: a UUID made once and kept in :func:`home` (``device-id``), naming the
    author of every event recorded here, so two laptops' copies of a workshop can merge and an undo only ever
    takes back this device's own entries. A folder that cannot be written gets an id for this run only."""
    import uuid

    folder = home()
    known = _device.get(folder)
    if known is not None:
        return known
    path = folder / DEVICE_FILE
    value = ""
    try:
        value = path.read_text(encoding="ascii").strip()
        uuid.UUID(value)
    except (OSError, ValueError, UnicodeDecodeError):
        value = str(uuid.uuid4())
        try:
            from workshop_app.core.atomic import write_bytes_atomic

            folder.mkdir(parents=True, exist_ok=True)
            write_bytes_atomic(path, (value + "\n").encode("ascii"))
        except Exception:
            pass
    _device[folder] = value
    return value


def renew_device_id(folder: Path | None = None) -> str:
    """Give the data folder (default :func:`home`) a new device id, written at once. A restored backup does
    this: two laptops restored from one backup, or a laptop restored to an older state while its later
    entries live on in the cohort, must not record under one identity."""
    import uuid

    from workshop_app.core.atomic import write_bytes_atomic

    folder = folder or home()
    value = str(uuid.uuid4())
    folder.mkdir(parents=True, exist_ok=True)
    write_bytes_atomic(folder / DEVICE_FILE, (value + "\n").encode("ascii"))
    _device[folder] = value
    return value
