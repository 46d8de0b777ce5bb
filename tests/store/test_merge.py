"""Several laptops, one workshop: merging copies is a union of events (by id) and a per-field merge of the
records, through the real archive (export_bundle → read_bundle → merge_snapshot) on real SQLite files.

The scenarios are the ones the 2026-12 reliability and ecosystem reviews reproduced (votes dropped, a vote
undone by another laptop's undo, edits never merged, a crafted archive accepted)."""

from __future__ import annotations

import contextlib
import dataclasses
import itertools
import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from laptops import open_laptop
from laptops import ship as _ship

from workshop_app.core.deck import QuestionDeck
from workshop_app.core.deck_loader import load_deck
from workshop_app.core.errors import AtelierError
from workshop_app.core.events import Event, EventKind
from workshop_app.core.workshop import Debrief, WorkshopSnapshot
from workshop_app.export.bundle import export_bundle, read_bundle
from workshop_app.export.tabular import csv_bytes
from workshop_app.store import WorkshopStore

GRID = Path(__file__).resolve().parents[2] / "scenarios" / "grille-decision.yaml"


def _open(folder: Path, name: str) -> WorkshopStore:
    return open_laptop(folder, name, prefix="laptop")


@pytest.fixture
def laptops(tmp_path: Path) -> Iterator[tuple[WorkshopStore, WorkshopStore]]:
    a, b = _open(tmp_path, "a"), _open(tmp_path, "b")
    yield a, b
    a.close()
    b.close()


def _setup(store: WorkshopStore, qdeck: QuestionDeck) -> tuple[str, str, list[str]]:
    w = store.create_workshop(
        "Atelier", territory="Valmont", place="Salle du conseil", date=date(2025, 3, 13)
    )
    seq = store.add_sequence(w.id, qdeck, 60)
    groups = [store.add_group(w.id, f"Table {i}").id for i in range(1, 5)]
    store.add_action(w.id, "Créer une cellule de veille", owner="DGS")
    return w.id, seq.id, groups


def _answers(store: WorkshopStore, wid: str, sid: str) -> dict[tuple[str, str], str]:
    return {k: a.option for k, a in store.snapshot(wid).sequence_state(sid).answers.items()}


def _same(snapshot: WorkshopSnapshot) -> tuple[object, ...]:
    """What two copies must agree on (seq numbers are local, and so is ``updated_at``)."""
    events = tuple(sorted((dataclasses.replace(e, seq=0) for e in snapshot.events), key=lambda e: e.id))
    info = dataclasses.replace(snapshot.info, updated_at=None)
    return (
        info,
        snapshot.groups,
        snapshot.participants,
        snapshot.sequences,
        events,
        snapshot.actions,
        snapshot.attachments,
        snapshot.debrief,
        tuple(sorted(snapshot.versions, key=repr)),
        tuple(sorted(snapshot.tombstones, key=repr)),
    )


def test_two_laptops_keep_every_vote_and_undo_only_their_own(
    laptops: tuple[WorkshopStore, WorkshopStore], qdeck: QuestionDeck, tmp_path: Path
) -> None:
    a, b = laptops
    wid, sid, groups = _setup(a, qdeck)
    _ship(a, b, wid, tmp_path)
    cards = ["q1", "q2", "q3"]
    slots = [(g, c) for g in groups for c in cards]
    for g, c in slots[:5]:  # A: 5 votes
        a.record_choice(wid, sid, g, c, "4")
    for g, c in slots[5:10]:  # B: 5 votes, 1 undo, then 4 more
        b.record_choice(wid, sid, g, c, "1")
    assert b.undo(wid) is not None  # takes back B's last vote, on slot 9
    for g, c in slots[9:12] + slots[:1]:
        b.record_choice(wid, sid, g, c, "2")
    expected_b = {**{s: "1" for s in slots[5:9]}, **{s: "2" for s in slots[9:12]}}
    report = _ship(b, a, wid, tmp_path)
    assert report.added["vote"] == 9 and report.conflicts == []
    merged = _answers(a, wid, sid)
    assert {
        s: merged[s] for s in expected_b
    } == expected_b  # all 8 of B's effective votes (+ its late change)
    assert all(merged[s] == "4" for s in slots[1:5])  # none of A's acknowledged votes was undone
    assert merged[slots[0]] == "2"  # B changed slot 0 after A's vote: the later vote counts
    assert _ship(a, b, wid, tmp_path).added["vote"] == 5
    assert _same(a.snapshot(wid)) == _same(b.snapshot(wid))
    assert csv_bytes(a.snapshot(wid)) == csv_bytes(b.snapshot(wid))  # byte-identical exports
    again = _ship(b, a, wid, tmp_path)
    assert not again.anything and again.summary() == "rien de nouveau"
    assert len(a.events(wid)) == len(b.events(wid)) == 15
    # Ctrl+Z on A takes back A's own latest vote, never B's later ones
    undone = a.undo(wid)
    assert undone is not None
    target = next(e for e in a.events(wid) if e.id == undone.target)
    assert target.author == "laptop-a" and (target.group_id, target.card_id) == slots[4]


def test_edits_of_records_merge_per_field_and_a_conflict_is_reported(
    laptops: tuple[WorkshopStore, WorkshopStore], qdeck: QuestionDeck, tmp_path: Path
) -> None:
    a, b = laptops
    wid, sid, groups = _setup(a, qdeck)
    _ship(a, b, wid, tmp_path)
    action = a.snapshot(wid).actions[0].id
    a.update_workshop(wid, place="Mairie annexe")  # A moves the place; B edits the action and a table
    b.update_action(action, action="Créer une cellule de veille [modifié sur B]")
    b.update_group(groups[1], name="Table des élus")
    b.add_note(wid, "Note prise sur le portable B", sequence_id=sid)
    report = _ship(b, a, wid, tmp_path)
    assert report.summary() == "1 note, 1 table modifiée, 1 action modifiée"
    _ship(a, b, wid, tmp_path)
    # the debrief merges per paragraph: A writes what was felt, B the strengths, a participant moves table
    a.set_debrief(wid, Debrief(felt="Une salle engagée"))
    b.set_debrief(wid, Debrief(strengths=("Coopération",)))
    person = b.add_participant(wid, name="Claire", group_id=groups[0])
    _ship(b, a, wid, tmp_path)
    a.update_participant(person.id, group_id=groups[2])
    assert _ship(a, b, wid, tmp_path).summary() == "1 participant·e modifié·e, 1 débriefing modifié"
    for store in (a, b):
        snap = store.snapshot(wid)
        assert (snap.debrief.felt, snap.debrief.strengths) == ("Une salle engagée", ("Coopération",))
        assert snap.participants[0].group_id == groups[2]
    for store in (a, b):
        snap = store.snapshot(wid)
        assert snap.info.place == "Mairie annexe" and snap.actions[0].action.endswith("[modifié sur B]")
        assert snap.group(groups[1]).name == "Table des élus"
    # both edit the place apart: the later edit wins on both copies, the other value is kept as a conflict
    a.update_workshop(wid, place="Salle A")
    b.update_workshop(wid, place="Salle B")
    report = _ship(a, b, wid, tmp_path)
    assert report.summary() == "1 conflit : lieu"  # B's edit is the later one: B keeps it
    back = _ship(b, a, wid, tmp_path)
    assert back.summary() == "1 fiche de l’atelier modifiée ; 1 conflit : lieu"
    assert a.get_workshop(wid).place == b.get_workshop(wid).place == "Salle B"
    (kept,) = a.conflicts(wid)
    assert (kept.label, kept.kept, kept.lost) == ("lieu", "Salle B", "Salle A")
    assert _same(a.snapshot(wid)) == _same(b.snapshot(wid))
    assert not _ship(a, b, wid, tmp_path).anything


def _crafted(store: WorkshopStore, wid: str, *events: Event) -> WorkshopSnapshot:
    snap = store.snapshot(wid)
    return dataclasses.replace(snap, events=(*snap.events, *events))


def test_a_crafted_copy_is_refused_whole(
    laptops: tuple[WorkshopStore, WorkshopStore], qdeck: QuestionDeck, tmp_path: Path
) -> None:
    a, b = laptops
    wid, sid, groups = _setup(a, qdeck)
    _ship(a, b, wid, tmp_path)
    vote = a.record_choice(wid, sid, groups[0], "q1", "3")
    b.record_choice(wid, sid, groups[1], "q1", "1")
    before = a.events(wid)
    undo_a_vote = Event(
        0,
        EventKind.UNDO,
        payload={"target": vote.id},
        id="f" * 8 + "-0000-4000-8000-" + "0" * 12,
        author="laptop-b",
    )
    forged = dataclasses.replace(undo_a_vote, author="laptop-a", id="e" * 8 + "-0000-4000-8000-" + "0" * 12)
    for event, reason in [
        (undo_a_vote, "annulation d’une saisie faite sur un autre appareil"),
        (forged, "attribue à cet ordinateur une annulation qu’il n’a jamais faite"),  # A's own undo, forged
        (
            Event(
                0,
                EventKind.CHOICE_RECORDED,
                sid,
                groups[0],
                "q1",
                {"option": "99"},
                id="x1",
                author="laptop-b",
            ),
            "Réponse « 99 » inconnue",
        ),
        (
            Event(
                0, EventKind.CHOICE_RECORDED, sid, groups[0], "carte-x", {"option": "1"}, id="x2", author="z"
            ),
            "n’est pas dans le jeu",
        ),
        (
            Event(0, EventKind.CHOICE_RECORDED, sid, None, "q1", {"option": "1"}, id="x3", author="z"),
            "Saisie incomplète",
        ),
        (dataclasses.replace(vote, payload={"option": "0", "argument": ""}), "avec un autre contenu"),
    ]:
        with pytest.raises(AtelierError, match=reason):
            a.merge_snapshot(_crafted(b, wid, event), {})
        assert a.events(wid) == before  # whole or nothing: not even B's genuine vote came in
    assert a.snapshot(wid).sequence_state(sid).answer(groups[0], "q1") is not None


def test_a_sequence_with_another_deck_is_refused(
    laptops: tuple[WorkshopStore, WorkshopStore], qdeck: QuestionDeck, tmp_path: Path
) -> None:
    a, _ = laptops
    wid, _, _ = _setup(a, qdeck)
    snap = a.snapshot(wid)
    other = qdeck.model_copy(update={"title": "Un autre jeu"})
    seqs = tuple(dataclasses.replace(s, deck=other) for s in snap.sequences)
    with pytest.raises(AtelierError, match="joue un autre jeu"):
        a.merge_snapshot(dataclasses.replace(snap, sequences=seqs), {})


# -- three laptops, every merge order ---------------------------------------------------------------------

_OPS = st.lists(
    st.tuples(
        st.sampled_from(
            [
                *("vote", "vote", "undo", "redo", "note", "place", "action", "delete", "delete"),
                *("add_action", "vote_spare", "delete_spare", "criterion", "rate"),
            ]
        ),
        st.integers(0, 3),
        st.sampled_from(["q1", "q2", "q3"]),
        st.sampled_from(["0", "1", "2", "3", "4", "nc"]),
    ),
    max_size=6,
)


def _play(copy: WorkshopStore, wid: str, sid: str, groups: list[str], action: str, steps: list[Step]) -> None:
    for op, g, card, option in steps:
        spare = [  # the second sequence, if kept
            s.id for s in copy.snapshot(wid).sequences if s.id != sid and s.deck.id != "grille-decision"
        ]
        if op == "vote_spare" and spare and any(t.id == groups[0] for t in copy.snapshot(wid).groups):
            copy.record_choice(wid, spare[0], groups[0], card, option)
        elif op == "criterion":  # the grid's co-built criteria (``store.cobuilt``): merged by id
            with contextlib.suppress(AtelierError):  # the same name twice here: refused
                copy.add_criterion(wid, "grille-decision", f"Critère {copy.author} {g} {option}")
        elif op == "rate" and any(t.id == groups[0] for t in copy.snapshot(wid).groups):
            grid = next(s for s in copy.snapshot(wid).sequences if s.deck.id == "grille-decision")
            copy.record_choice(wid, grid.id, groups[0], grid.deck.cards[-1].id, "2")
        elif op == "delete_spare" and spare:
            with contextlib.suppress(AtelierError):  # refused once it was played here
                copy.remove_sequence(spare[0])
        elif op == "vote":
            if any(t.id == groups[g] for t in copy.snapshot(wid).groups):  # not a table deleted here
                copy.record_choice(wid, sid, groups[g], card, option)
        elif op == "undo":
            copy.undo(wid)
        elif op == "redo":
            copy.redo(wid)
        elif op == "note":
            copy.add_note(wid, f"note {copy.author} {g}", sequence_id=sid)
        elif op == "place":
            copy.update_workshop(wid, place=f"{copy.author} {option}")
        elif op == "delete":  # a table (1…4: the fifth never answers), participant, action or photo
            _delete(copy, wid, groups, g, card)
        elif op == "add_action":
            copy.add_action(wid, f"Action de {copy.author} {g}", owner="DGS")
        elif any(a.id == action for a in copy.snapshot(wid).actions):
            copy.update_action(action, owner=f"{copy.author} {g}")


def _delete(copy: WorkshopStore, wid: str, groups: list[str], g: int, card: str) -> None:
    snap = copy.snapshot(wid)
    if card == "q1":
        with contextlib.suppress(AtelierError):  # refused once the table has answers here
            copy.remove_group(groups[g + 1])
    elif card == "q2" and snap.participants:
        copy.remove_participant(snap.participants[g % len(snap.participants)].id)
    elif card == "q3" and g % 2 and snap.actions:
        copy.remove_action(snap.actions[-1].id)
    elif card == "q3" and snap.attachments:
        copy.remove_attachment(snap.attachments[0].id)


Step = tuple[str, int, str, str]


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops=st.tuples(_OPS, _OPS, _OPS))
def test_three_laptops_converge_whatever_the_merge_order(
    ops: tuple[list[Step], list[Step], list[Step]],
    qdeck: QuestionDeck,
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """Three copies of one workshop, each played apart (votes, undo, edits, co-built criteria, and deletions
    of tables, participants, actions, photos, sequences), then merged pairwise in each of the 6 orders until
    every copy has seen the others: all copies of all orders end with the same events, records, tombstones
    and CSV, and a record deleted on any copy is gone from all of them (a table's or a sequence's deletion
    holds unless it has answers)."""
    folder = tmp_path_factory.mktemp("three")
    with _open(folder, "origin") as origin:
        wid, sid, groups = _setup(origin, qdeck)
        action = origin.snapshot(wid).actions[0].id
        groups.append(origin.add_group(wid, "Table vide").id)  # never answers: its deletion always holds
        origin.add_sequence(wid, qdeck, title="Séquence en trop")  # deleted, or played, on some copies
        origin.add_sequence(wid, load_deck(GRID), title="Parc inondable")  # criteria added on some copies
        for i in range(3):
            origin.add_participant(wid, name=f"Personne {i}", group_id=groups[i + 1])
        origin.add_attachment(wid, "tableau.png", b"\x89PNG\r\n\x1a\n" + bytes(64), caption="Post-it")
        for name, steps in zip("abc", ops, strict=True):
            with _open(folder, name) as copy:
                _ship(origin, copy, wid, folder)
                _play(copy, wid, sid, groups, action, steps)
    reference: tuple[object, ...] | None = None
    csvs: set[bytes] = set()
    for order in itertools.permutations("abc"):
        run = folder / "".join(order)
        run.mkdir()
        for name in "abc":
            shutil.copy(folder / f"{name}.sqlite3", run / f"{name}.sqlite3")
        copies = {name: _open(run, name) for name in "abc"}
        try:
            first, second, third = (copies[n] for n in order)
            _ship(first, second, wid, run)  # second has first's
            _ship(second, third, wid, run)  # third has everything
            _ship(third, first, wid, run)
            _ship(third, second, wid, run)
            for copy in copies.values():
                snap = copy.snapshot(wid)
                state = _same(snap)
                reference = reference or state
                assert state == reference
                csvs.add(csv_bytes(snap))
                buried = {t.row_id for t in snap.tombstones}
                records = (*snap.groups, *snap.participants, *snap.actions, *snap.attachments)
                present = {r.id for r in (*records, *snap.sequences)}
                assert not buried & present  # nothing deleted comes back
                answered = {e.group_id for e in snap.events if e.group_id}
                assert answered <= {g.id for g in snap.groups}  # a table with answers is never lost
                played = {e.sequence_id for e in snap.events if e.sequence_id}
                assert played <= {s.id for s in snap.sequences}  # nor a sequence that was played
            assert not _ship(first, third, wid, run).anything  # nothing left to add anywhere
        finally:
            for copy in copies.values():
                copy.close()
    assert len(csvs) == 1


def test_foreign_sequence_numbers_never_reach_the_log(
    laptops: tuple[WorkshopStore, WorkshopStore], qdeck: QuestionDeck, tmp_path: Path
) -> None:
    """An archive's seq is only its own order: a huge one (2^63 − 1, or beyond 64 bits) is not stored, and the
    workshop keeps recording afterwards (it used to stop: every later vote collided). Beyond 64 bits the
    archive is refused whole (``export.archive_checks``)."""
    from workshop_app.export.manifest import BundleError

    a, b = laptops
    wid, sid, groups = _setup(a, qdeck)
    a.record_choice(wid, sid, groups[0], "q1", "2")
    snap = a.snapshot(wid)
    for huge in (2**63 - 1, 2**70):
        events = tuple(dataclasses.replace(e, seq=huge - i) for i, e in enumerate(snap.events))
        path = tmp_path / f"seq-{huge}.zip"
        export_bundle(dataclasses.replace(snap, events=events), {}, path)
        if huge > 2**63 - 1:
            with pytest.raises(BundleError, match="64 bits"):
                read_bundle(path)
            continue
        read, data = read_bundle(path)
        b.merge_snapshot(read, data)
        assert max(e.seq for e in b.events(wid)) == len(snap.events)
    for card in ("q2", "q3"):
        assert b.record_choice(wid, sid, groups[1], card, "3").seq == len(b.events(wid))


def test_an_archive_event_id_must_be_a_uuid(
    laptops: tuple[WorkshopStore, WorkshopStore], qdeck: QuestionDeck, tmp_path: Path
) -> None:
    from workshop_app.export.manifest import BundleError

    a, _ = laptops
    wid, sid, groups = _setup(a, qdeck)
    a.record_choice(wid, sid, groups[0], "q1", "2")
    snap = a.snapshot(wid)
    long_id = tuple(dataclasses.replace(e, id="x" * 100) for e in snap.events)
    export_bundle(dataclasses.replace(snap, events=long_id), {}, tmp_path / "long.zip")
    with pytest.raises(BundleError, match=r"events\[0\]\.id\) : identifiant d'événement invalide"):
        read_bundle(tmp_path / "long.zip")
