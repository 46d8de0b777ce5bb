"""WorkshopStore implements the service API: every write commits and returns what it stored."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from workshop_app.core.deck import QuestionDeck, StrategyDeck
from workshop_app.core.errors import AtelierError
from workshop_app.core.events import EventKind
from workshop_app.core.workshop import Debrief, WorkshopStatus
from workshop_app.services.api import WorkshopService
from workshop_app.store import WorkshopStore, open_store


def test_store_is_a_workshop_service(store: WorkshopStore) -> None:
    svc: WorkshopService = store  # mypy checks this line; at run time, check every method exists
    for name in WorkshopService.__dict__:
        if not name.startswith("_"):
            assert callable(getattr(svc, name)), name


def test_workshop_fields_round_trip(store: WorkshopStore, store_url: str) -> None:
    info = store.create_workshop(
        "Atelier résilience",
        territory="Valmont-sur-Oise",
        territory_kind="Commune",
        date=date(2025, 3, 14),
        place="Salle du conseil",
        facilitators="A. Martin, B. Durand",
        context="Contexte « long »\navec retour",
        objectives="Objectifs",
        fixed_points="Le budget est fixé.",
    )
    assert info.created_at is not None and info.created_at.tzinfo is not None
    updated = store.update_workshop(info.id, status=WorkshopStatus.RUNNING, place="Mairie")
    assert updated.status is WorkshopStatus.RUNNING and updated.place == "Mairie"
    assert updated.updated_at is not None and updated.updated_at >= info.created_at
    store.close()
    with open_store(store_url) as again:
        got = again.get_workshop(info.id)
        assert got.territory == "Valmont-sur-Oise" and got.date == date(2025, 3, 14)
        assert got.context == "Contexte « long »\navec retour" and got.fixed_points == "Le budget est fixé."
        assert got.status is WorkshopStatus.RUNNING


def test_bad_input_is_refused_in_french(store: WorkshopStore) -> None:
    with pytest.raises(AtelierError, match="obligatoire"):
        store.create_workshop("  ")
    with pytest.raises(AtelierError, match="trop long"):
        store.create_workshop("x" * 201)
    with pytest.raises(AtelierError, match="Statut"):
        store.create_workshop("A", status="bientôt")
    with pytest.raises(AtelierError, match="Date invalide"):
        store.create_workshop("A", date="14/03/2025")
    with pytest.raises(TypeError):
        store.create_workshop("A", colour="red")
    with pytest.raises(AtelierError, match="introuvable"):
        store.get_workshop("no-such-id")


def test_groups_and_participants(store: WorkshopStore) -> None:
    w = store.create_workshop("A")
    g1 = store.add_group(w.id, "Table des élus")
    g2 = store.add_group(w.id, "Table 2", colour="#aa3377")
    assert (g1.position, g2.position) == (0, 1) and g2.colour == "#AA3377"
    with pytest.raises(AtelierError, match="Couleur"):
        store.add_group(w.id, "X", colour="rouge")
    p = store.add_participant(w.id, name="Claire", service="Espaces verts", group_id=g1.id)
    p = store.update_participant(p.id, role="Directrice")
    assert (p.role, p.service, p.group_id) == ("Directrice", "Espaces verts", g1.id)
    other = store.create_workshop("B")
    with pytest.raises(AtelierError, match="groupe"):
        store.add_participant(other.id, group_id=g1.id)
    store.remove_group(g1.id)  # no answers yet: allowed; the participant stays, without a group
    snap = store.snapshot(w.id)
    assert [g.name for g in snap.groups] == ["Table 2"]
    assert snap.participants[0].group_id is None
    store.remove_participant(p.id)
    assert store.snapshot(w.id).participants == ()


def test_move_participants_seats_several_in_one_commit(store: WorkshopStore) -> None:
    w = store.create_workshop("A")
    g1, g2 = store.add_group(w.id, "Table 1"), store.add_group(w.id, "Table 2")
    people = [store.add_participant(w.id, name=n, group_id=g1.id if n == "C" else None) for n in "ABC"]
    ids = [p.id for p in people]
    assert store.move_participants(ids, g2.id) == 3
    assert {p.group_id for p in store.snapshot(w.id).participants} == {g2.id}
    assert store.move_participants(ids[:2], g2.id) == 0  # already there
    assert store.move_participants(ids[1:], None) == 2
    assert [p.group_id for p in store.snapshot(w.id).participants] == [g2.id, None, None]
    other = store.create_workshop("B")
    stranger = store.add_participant(other.id, name="D")
    with pytest.raises(AtelierError, match="même atelier"):
        store.move_participants([ids[0], stranger.id], g1.id)
    with pytest.raises(AtelierError, match="groupe"):
        store.move_participants([stranger.id], g1.id)
    with pytest.raises(AtelierError, match="n’existe plus"):
        store.move_participants(["no-such-id"], g1.id)
    assert [p.group_id for p in store.snapshot(w.id).participants] == [g2.id, None, None]  # nothing moved
    assert store.move_participants([], g1.id) == 0


def test_sequence_keeps_a_snapshot_of_the_deck(store: WorkshopStore, qdeck: QuestionDeck) -> None:
    w = store.create_workshop("A")
    seq = store.add_sequence(w.id, qdeck, planned_minutes=45)
    edited = qdeck.model_copy(update={"title": "Titre modifié plus tard"})
    assert edited.title != qdeck.title
    snap = store.snapshot(w.id)
    assert snap.sequences[0].deck == qdeck and snap.sequences[0].planned_minutes == 45
    store.update_sequence(seq.id, title="Séquence 1", planned_minutes=50)
    assert store.snapshot(w.id).sequences[0].display_title == "Séquence 1"


def test_move_and_remove_sequences(store: WorkshopStore, qdeck: QuestionDeck, sdeck: StrategyDeck) -> None:
    w = store.create_workshop("A")
    a = store.add_sequence(w.id, qdeck)
    b = store.add_sequence(w.id, sdeck)
    store.move_sequence(b.id, 0)
    assert [s.id for s in store.snapshot(w.id).sequences] == [b.id, a.id]
    g = store.add_group(w.id, "T1")
    store.record_choice(w.id, a.id, g.id, "q1", "2")
    with pytest.raises(AtelierError, match="déjà été jouée"):
        store.remove_sequence(a.id)
    with pytest.raises(AtelierError, match="déjà des réponses"):
        store.remove_group(g.id)
    store.remove_sequence(b.id)
    assert [s.id for s in store.snapshot(w.id).sequences] == [a.id]


def test_recording_returns_the_committed_event(store: WorkshopStore, qdeck: QuestionDeck) -> None:
    w = store.create_workshop("A")
    seq = store.add_sequence(w.id, qdeck)
    g = store.add_group(w.id, "T1")
    before = datetime.now(UTC)
    e1 = store.show_card(w.id, seq.id, "q1")
    e2 = store.record_choice(w.id, seq.id, g.id, "q1", "3", "On a un plan canicule.")
    e3 = store.set_argument(w.id, seq.id, g.id, "q1", "Plan canicule, mais peu connu.")
    e4 = store.add_note(w.id, "« Il faut en parler aux élus »", sequence_id=seq.id, card_id="q1")
    e5 = store.set_revealed(w.id, seq.id, True)
    assert [e.seq for e in (e1, e2, e3, e4, e5)] == [1, 2, 3, 4, 5]
    assert e2.kind is EventKind.CHOICE_RECORDED and e2.payload["option"] == "3"
    assert e2.at.tzinfo is not None and before - timedelta(seconds=1) <= e2.at <= datetime.now(UTC)
    assert store.events(w.id) == [e1, e2, e3, e4, e5]
    assert store.events(w.id, after_seq=3) == [e4, e5]
    state = store.snapshot(w.id).state().sequences[seq.id]
    answer = state.answer(g.id, "q1")
    assert answer is not None and (answer.option, answer.argument) == ("3", "Plan canicule, mais peu connu.")
    assert state.revealed and state.current_card == "q1" and state.notes[0].text.startswith("«")


def test_record_checks_what_it_refers_to(
    store: WorkshopStore, qdeck: QuestionDeck, sdeck: StrategyDeck
) -> None:
    w = store.create_workshop("A")
    seq = store.add_sequence(w.id, qdeck)
    strat = store.add_sequence(w.id, sdeck)
    g = store.add_group(w.id, "T1")
    other = store.create_workshop("B")
    with pytest.raises(AtelierError, match="échelle"):
        store.record_choice(w.id, seq.id, g.id, "q1", "9")
    with pytest.raises(AtelierError, match="pas dans le jeu"):
        store.record_choice(w.id, seq.id, g.id, "zz", "1")
    with pytest.raises(AtelierError, match="séquence"):
        store.record_choice(other.id, seq.id, g.id, "q1", "1")
    with pytest.raises(AtelierError, match="ne s’applique pas"):
        store.pick_card(w.id, seq.id, g.id, "q1")
    with pytest.raises(AtelierError, match="ne s’applique pas"):
        store.record_choice(w.id, strat.id, g.id, "s1", "1")
    with pytest.raises(AtelierError, match="introuvable"):
        store.record_choice("nope", seq.id, g.id, "q1", "1")
    with pytest.raises(AtelierError, match="Annuler"):
        store.record_event(w.id, EventKind.UNDO, payload={"target": 1})
    assert store.events(w.id) == []


def test_strategy_picks_and_timer_events(store: WorkshopStore, sdeck: StrategyDeck) -> None:
    w = store.create_workshop("A")
    seq = store.add_sequence(w.id, sdeck)
    g = store.add_group(w.id, "T1")
    store.record_event(w.id, EventKind.SEQUENCE_STARTED, sequence_id=seq.id)
    store.record_event(w.id, EventKind.TIMER_STARTED, sequence_id=seq.id, payload={"scope": "sequence"})
    store.pick_card(w.id, seq.id, g.id, "s2")
    store.pick_card(w.id, seq.id, g.id, "s3")
    store.drop_card(w.id, seq.id, g.id, "s3")
    snap = store.snapshot(w.id)
    assert snap.sequence_state(seq.id).picked(g.id) == ["s2"]
    budget = snap.compass(seq.id).groups[g.id].budget
    assert budget is not None and budget.spent == 5 and budget.violations  # s2 requires s1


def test_undo_redo_are_compensating_events(store: WorkshopStore, qdeck: QuestionDeck) -> None:
    w = store.create_workshop("A")
    seq = store.add_sequence(w.id, qdeck)
    g = store.add_group(w.id, "T1")
    assert store.undo(w.id) is None and store.redo(w.id) is None
    store.record_choice(w.id, seq.id, g.id, "q1", "1")
    store.show_card(w.id, seq.id, "q2")  # navigation: not undoable
    changed = store.record_choice(w.id, seq.id, g.id, "q1", "4")
    undo = store.undo(w.id)
    assert undo is not None and undo.kind is EventKind.UNDO and undo.card_id == "q1"
    assert undo.target == changed.id and undo.author == store.author  # names the event by its global id
    assert store.snapshot(w.id).sequence_state(seq.id).answers[(g.id, "q1")].option == "1"
    redo = store.redo(w.id)
    assert redo is not None and redo.target == undo.id
    assert store.snapshot(w.id).sequence_state(seq.id).answers[(g.id, "q1")].option == "4"
    assert store.undo(w.id) is not None and store.undo(w.id) is not None
    assert (g.id, "q1") not in store.snapshot(w.id).sequence_state(seq.id).answers
    assert store.undo(w.id) is None
    assert len(store.events(w.id)) == 7  # nothing was ever removed


def test_debrief_actions_and_attachments(store: WorkshopStore) -> None:
    w = store.create_workshop("A")
    store.set_debrief(
        w.id, Debrief(strengths=("Coopération",), vulnerabilities=("Eau", "Énergie"), felt="Bien")
    )
    a = store.add_action(
        w.id, "Créer une cellule de veille", owner="DGS", deadline=date(2025, 9, 1), lever_id="3.1"
    )
    store.add_action(w.id, "Cartographier les îlots de chaleur")
    a = store.update_action(a.id, owner="Direction des risques")
    photo = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 10
    att = store.add_attachment(w.id, "tableau.png", photo, caption="Post-its")
    assert att.media_type == "image/png" and att.size == len(photo) and len(att.sha256) == 64
    assert store.attachment_data(att.id) == photo
    snap = store.snapshot(w.id)
    assert snap.debrief.vulnerabilities == ("Eau", "Énergie") and snap.debrief.felt == "Bien"
    assert [x.action for x in snap.actions] == [
        "Créer une cellule de veille",
        "Cartographier les îlots de chaleur",
    ]
    assert snap.actions[0].owner == "Direction des risques" and snap.actions[0].deadline == date(2025, 9, 1)
    assert snap.attachments[0].caption == "Post-its"
    store.remove_action(a.id)
    store.remove_attachment(att.id)
    snap = store.snapshot(w.id)
    assert len(snap.actions) == 1 and snap.attachments == ()
    with pytest.raises(AtelierError, match="introuvable"):
        store.attachment_data(att.id)


def test_attachment_size_limit(store: WorkshopStore, monkeypatch: pytest.MonkeyPatch) -> None:
    import workshop_app.store.extras as extras

    monkeypatch.setattr(extras, "MAX_ATTACHMENT_BYTES", 1000)
    w = store.create_workshop("A")
    with pytest.raises(AtelierError, match="trop lourde"):
        store.add_attachment(w.id, "grande.jpg", b"x" * 1001)


def test_list_workshops_progress(store: WorkshopStore, qdeck: QuestionDeck, sdeck: StrategyDeck) -> None:
    old = store.create_workshop("Ancien", territory="Ville A", date=date(2024, 5, 2))
    w = store.create_workshop("Récent", territory="Ville B")
    seq = store.add_sequence(w.id, qdeck)
    strat = store.add_sequence(w.id, sdeck)
    g1, g2 = store.add_group(w.id, "T1"), store.add_group(w.id, "T2")
    store.record_choice(w.id, seq.id, g1.id, "q1", "2")
    store.record_choice(w.id, seq.id, g2.id, "q3", "nc")
    store.pick_card(w.id, strat.id, g1.id, "s1")
    summaries = store.list_workshops()
    assert [s.id for s in summaries] == [w.id, old.id]
    top = summaries[0]
    assert (top.answered, top.total) == (3, 3 * 2 + 2)
    assert top.deck_titles == (qdeck.title, sdeck.title) and top.last_event_at is not None
    assert summaries[1].last_event_at is None and summaries[1].date == date(2024, 5, 2)
    store.update_workshop(old.id, title="Ancien (modifié)")
    assert store.list_workshops()[0].id == old.id


def test_delete_workshop_removes_everything(store: WorkshopStore, qdeck: QuestionDeck) -> None:
    w = store.create_workshop("A")
    keep = store.create_workshop("B")
    seq = store.add_sequence(w.id, qdeck)
    g = store.add_group(w.id, "T1")
    store.add_participant(w.id, name="X", group_id=g.id)
    store.record_choice(w.id, seq.id, g.id, "q1", "2")
    store.add_action(w.id, "Agir")
    store.add_attachment(w.id, "a.txt", b"abc")
    store.delete_workshop(w.id)
    assert [s.id for s in store.list_workshops()] == [keep.id]
    with pytest.raises(AtelierError):
        store.delete_workshop(w.id)


def test_delete_workshop_leaves_no_row_behind_and_a_later_import_starts_afresh(
    sqlite_url: str, qdeck: QuestionDeck
) -> None:
    """On a real SQLite file: every table is emptied of the workshop in one go (photos too), the other
    workshop is untouched, and re-importing the same workshop id later does not show the deleted state."""
    from dataclasses import replace

    from sqlalchemy import create_engine, text

    from workshop_app.core.events import Event

    with open_store(sqlite_url) as store:
        w = store.create_workshop("À supprimer")
        keep = store.create_workshop("À garder")
        for wid in (w.id, keep.id):
            seq = store.add_sequence(wid, qdeck)
            g = store.add_group(wid, "T1")
            store.add_participant(wid, name="X", group_id=g.id)
            store.record_choice(wid, seq.id, g.id, "q1", "2")
            store.add_action(wid, "Agir")
            store.add_attachment(wid, "photo.png", b"\x89PNG...")
        before = store.snapshot(w.id)
        assert [s.answered for s in store.list_workshops() if s.id == w.id] == [1]  # its state is now cached
        store.delete_workshop(w.id)
        other = replace(  # the same workshop from another laptop: one event too, but a note, not an answer
            before,
            events=(Event(1, EventKind.NOTE_ADDED, at=before.events[0].at, payload={"text": "Une note"}),),
            attachments=(),
        )
        assert store.import_snapshot(other, {})
        assert [s.answered for s in store.list_workshops() if s.id == w.id] == [0]
        store.delete_workshop(w.id)
    engine = create_engine(sqlite_url)
    tables = ("sequences", "groups", "participants", "events", "action_items", "attachments")
    with engine.connect() as conn:
        for table in tables:
            rows = conn.execute(text(f"SELECT workshop_id FROM {table}")).scalars().all()
            assert rows == [keep.id], table
        assert conn.execute(text("SELECT id FROM workshops")).scalars().all() == [keep.id]
        assert conn.execute(text("PRAGMA foreign_key_check")).all() == []
    engine.dispose()


def test_naive_and_foreign_datetimes_are_stored_as_utc(store: WorkshopStore) -> None:
    from workshop_app.store.models import UTCDateTime

    paris = timezone(timedelta(hours=2))
    column = UTCDateTime()
    dialect = store.engine.dialect
    stored = column.process_bind_param(datetime(2025, 6, 1, 14, 0, tzinfo=paris), dialect)
    assert stored is not None and stored.hour == 12
    back = column.process_result_value(datetime(2025, 6, 1, 12, 0), dialect)
    assert back == datetime(2025, 6, 1, 12, 0, tzinfo=UTC)
