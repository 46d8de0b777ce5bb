"""Two laptops for the merge tests: each its own SQLite file and device name, and a workshop shipped from one
to the other through the real archive file, as the CLI and the app's « Importer une archive » do."""

from __future__ import annotations

from pathlib import Path

from workshop_app.core.merge import MergeReport
from workshop_app.export.bundle import export_bundle, read_bundle
from workshop_app.store import WorkshopStore, open_store


def open_laptop(folder: Path, name: str, prefix: str = "portable") -> WorkshopStore:
    return open_store(f"sqlite:///{folder / f'{name}.sqlite3'}", author=f"{prefix}-{name}")


def ship(source: WorkshopStore, target: WorkshopStore, workshop_id: str, folder: Path) -> MergeReport:
    """``source``'s copy of the workshop, photos included, merged into ``target`` through an archive."""
    snapshot = source.snapshot(workshop_id)
    data = {a.id: source.attachment_data(a.id) for a in snapshot.attachments}
    path = folder / f"{source.author}-{len(list(folder.glob('*.zip')))}.zip"
    export_bundle(snapshot, data, path)
    read, read_data = read_bundle(path)
    return target.merge_snapshot(read, read_data)
