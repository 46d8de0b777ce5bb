"""The Qt-free parts of « Synchroniser… » and of the conflicts screen: the address remembered without its
password, and each conflict said in the facilitator's words."""

from __future__ import annotations

from datetime import UTC, date, datetime

from workshop_app.core.merge import MergeConflict
from workshop_app.core.workshop import ActionItem, GroupInfo, WorkshopInfo, WorkshopSnapshot
from workshop_app.services.sync import shown_url
from workshop_app.services.sync_conflicts import describe, who


def test_the_remembered_address_has_no_password() -> None:
    url = "postgresql+psycopg://atelier:secret@serveur/cohorte?options=-csearch_path%3Dx"
    assert shown_url(url) == "postgresql+psycopg://atelier@serveur/cohorte?options=-csearch_path%3Dx"
    assert shown_url(" sqlite:////data/cohorte.sqlite3 ") == "sqlite:////data/cohorte.sqlite3"
    assert shown_url("pas une adresse") == "pas une adresse"


def test_a_conflict_is_said_with_the_record_readable_values_and_who() -> None:
    info = WorkshopInfo(id="w", title="Atelier")
    snap = WorkshopSnapshot(
        info=info,
        groups=(GroupInfo("g1", "Table des élus"),),
        actions=(ActionItem("a1", "Cartographier les îlots de chaleur", deadline=date(2026, 6, 30)),),
    )
    at = datetime(2026, 12, 2, 20, 5, tzinfo=UTC)
    mine, theirs = "2026-12-02T20:05:00.000000Z|moi", "2026-12-02T20:06:00.000000Z|1a2b3c4d-9999"
    view = describe(
        MergeConflict("a1", "deadline", "échéance", "2026-09-01", None, theirs, mine, at), snap, "moi"
    )
    assert view.record == "Action « Cartographier les îlots de chaleur »" and view.field == "échéance"
    assert (view.kept, view.lost) == ("01/09/2026", "(vide)")
    assert view.kept_by.startswith("appareil 1a2b3c4d, 02/12/2026 à ") and view.lost_by.startswith(
        "ce portable"
    )
    view = describe(MergeConflict("p9", "group_id", "table", "g1", "g0", "", "", at), snap, "moi")
    assert view.record == "Élément supprimé depuis"
    assert (view.kept, view.lost, view.kept_by) == ("Table des élus", "table supprimée", "valeur d’origine")
    assert describe(MergeConflict("w", "place", "lieu", "A", "B", "", "", at), snap, "").record == (
        "Fiche de l’atelier"
    )
    assert who("pas un tampon|x", "") == "appareil x"
