"""``atelier backup FILE.zip`` and ``atelier restore FILE.zip``: the whole local database (photos included)
and the user's decks, for a USB key. See :mod:`workshop_app.store.backup`.

The command line asks no question: ``restore`` always sets the current data aside first (in
``$ATELIER_HOME/backups/avant-restauration-<date>/``) and says so; the app asks before restoring.
"""

from __future__ import annotations

import argparse
from datetime import datetime
from pathlib import Path
from typing import Any

from workshop_app.core.errors import AtelierError


def register(subparsers: Any) -> None:
    backup = subparsers.add_parser(
        "backup",
        help="sauvegarde toute la base locale (ateliers, photos) et vos jeux dans une archive .zip",
    )
    backup.add_argument(
        "target", metavar="FICHIER.zip", type=Path, help="l’archive à écrire (remplacée si elle existe)"
    )
    backup.set_defaults(handler=cmd_backup)
    restore = subparsers.add_parser(
        "restore",
        help="remplace la base locale par une sauvegarde, après avoir mis les données actuelles de côté",
    )
    restore.add_argument(
        "source", metavar="FICHIER.zip", type=Path, help="une archive écrite par « atelier backup »"
    )
    restore.set_defaults(handler=cmd_restore)


def local_database() -> Path:
    """The SQLite file the app uses; a clear French refusal for a shared server database."""
    from workshop_app import paths
    from workshop_app.store.engine import describe, sqlite_path

    url = paths.default_database_url()
    path = sqlite_path(url)
    if path is None:
        raise AtelierError(
            "La sauvegarde concerne la base SQLite de cet ordinateur ; la base utilisée est "
            f"« {describe(url)} ». "
            "Une base PostgreSQL partagée se sauvegarde sur son serveur (pg_dump)."
        )
    return path


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    from workshop_app.store.migrate import alembic_config

    script = ScriptDirectory.from_config(alembic_config())
    return {revision.revision for revision in script.walk_revisions()}


def cmd_backup(args: argparse.Namespace) -> int:
    from workshop_app import __version__, paths
    from workshop_app.store.backup import write_backup

    target = Path(args.target)
    if target.suffix.lower() != ".zip":
        target = target.with_name(target.name + ".zip")
    contents = write_backup(local_database(), paths.user_decks_dir(), target, __version__)
    print(f"Sauvegarde écrite : {target}")
    print(f"Contenu : {contents.summary()}.")
    return 0


def describe_restore(report: Any, source: Path) -> list[str]:
    """The lines that say what was restored (shared by the CLI and the app's confirmation)."""
    contents = report.contents
    when = ""
    try:
        made = datetime.fromisoformat(contents.created_at).astimezone()
        when = f" du {made:%d/%m/%Y à %H:%M}"
    except ValueError:
        pass
    lines = [
        f"Données d’avant mises de côté dans « {report.set_aside} ».",
        f"Restauré depuis « {source.name} » (sauvegarde{when}, "
        f"version {contents.app_version or 'inconnue'}) : {contents.summary()}.",
    ]
    for workshop in contents.workshops:
        where = (
            f"{workshop.territory}, "
            if workshop.territory and workshop.territory not in workshop.title
            else ""
        )
        lines.append(f"  • {workshop.title} ({where}{workshop.events} événements)")
    device = getattr(report, "device_id", "")
    if device:
        lines.append(
            f"Ce portable a reçu un nouvel identifiant d’appareil ({device[:8]}) : ses prochaines saisies ne "
            "se confondront pas avec celles d’un autre ordinateur restauré depuis la même sauvegarde. Les "
            "saisies d’avant la restauration ne s’annulent plus avec Ctrl+Z."
        )
    return lines


def cmd_restore(args: argparse.Namespace) -> int:
    from workshop_app import paths
    from workshop_app.store.backup import restore_backup

    source = Path(args.source)
    report = restore_backup(
        source, local_database(), paths.user_decks_dir(), paths.backups_dir(), known_revisions()
    )
    for line in describe_restore(report, source):
        print(line)
    return 0
