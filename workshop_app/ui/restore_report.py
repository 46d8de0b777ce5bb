"""What a backup holds and what its restoration did, in the interface's language.

The store describes a backup as data (:class:`workshop_app.store.backup.BackupContents`, with a French
``summary()`` for the command line); the app words it here, through its catalogue, so an English interface
says « 3 workshops, 812 events… » too.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale


def _count(singular: str, plural: str, count: int) -> str:
    """One of two already translated forms, by count (« 1 atelier », « 3 ateliers »)."""
    return (singular if count <= 1 else plural).replace("%1", str(count))


def _events(count: int) -> str:
    return _count(
        QCoreApplication.translate("RestoreReport", "%1 événement"),
        QCoreApplication.translate("RestoreReport", "%1 événements"),
        count,
    )


def contents_summary(contents: Any) -> str:
    """« 3 ateliers, 812 événements, 4 photos (2,1 Mo), 1 jeu personnel »."""
    workshops = _count(
        QCoreApplication.translate("RestoreReport", "%1 atelier"),
        QCoreApplication.translate("RestoreReport", "%1 ateliers"),
        len(contents.workshops),
    )
    photos = _count(
        QCoreApplication.translate("RestoreReport", "%1 photo"),
        QCoreApplication.translate("RestoreReport", "%1 photos"),
        int(contents.photos),
    )
    size = QCoreApplication.translate("RestoreReport", "(%1 Mo)").replace(
        "%1", QLocale().toString(contents.photo_bytes / 1e6, "f", 1)
    )
    decks = _count(
        QCoreApplication.translate("RestoreReport", "%1 jeu personnel"),
        QCoreApplication.translate("RestoreReport", "%1 jeux personnels"),
        len(contents.decks),
    )
    return f"{workshops}, {_events(int(contents.events))}, {photos} {size}, {decks}"


def restore_lines(report: Any, source: Path) -> list[str]:
    """The lines of the confirmation after a restoration: where the old data went, what came back."""
    contents = report.contents
    try:
        made = datetime.fromisoformat(contents.created_at).astimezone()
    except ValueError:
        when = QCoreApplication.translate("RestoreReport", "sauvegarde")
    else:
        when = QCoreApplication.translate("RestoreReport", "sauvegarde du %1 à %2")
        when = when.replace("%1", made.strftime("%d/%m/%Y")).replace("%2", made.strftime("%H:%M"))
    version = contents.app_version or QCoreApplication.translate("RestoreReport", "inconnue")
    aside = QCoreApplication.translate("RestoreReport", "Données d’avant mises de côté dans « %1 ».")
    restored = QCoreApplication.translate("RestoreReport", "Restauré depuis « %1 » (%2, version %3) : %4.")
    lines = [
        aside.replace("%1", str(report.set_aside)),
        restored.replace("%1", source.name)
        .replace("%2", when)
        .replace("%3", version)
        .replace("%4", contents_summary(contents)),
    ]
    for workshop in contents.workshops:
        events = _events(int(workshop.events))
        if workshop.territory and workshop.territory not in workshop.title:
            events = f"{workshop.territory}, {events}"
        lines.append(f"  • {workshop.title} ({events})")
    return lines
