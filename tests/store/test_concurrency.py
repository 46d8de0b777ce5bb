"""Sequence numbers are allocated safely: several writers on one workshop (threads of one process, or separate
processes) all succeed, and the log's numbers stay unique and gap-free."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

from store_decks import boussole_like_deck

from workshop_app.store import WorkshopStore, open_store

CHILD = Path(__file__).with_name("kill_child.py")
PER_CHILD = 60


def _prepare(store: WorkshopStore) -> tuple[str, str, str]:
    workshop = store.create_workshop("Concurrence")
    sequence = store.add_sequence(workshop.id, boussole_like_deck(33))
    group = store.add_group(workshop.id, "Table 1")
    return workshop.id, sequence.id, group.id


def test_threads_share_one_store(store: WorkshopStore) -> None:
    wid, sid, gid = _prepare(store)
    cards = [c.id for c in boussole_like_deck(33).cards]
    errors: list[BaseException] = []

    def work(n: int) -> None:
        try:
            for i in range(15):
                store.record_choice(wid, sid, gid, cards[(n * 7 + i) % len(cards)], str(i % 5), f"t{n}-{i}")
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert errors == []
    seqs = [e.seq for e in store.events(wid)]
    assert seqs == list(range(1, 61))


def test_two_processes_write_the_same_workshop(store_url: str, tmp_path: Path) -> None:
    with open_store(store_url) as store:
        wid = _prepare(store)[0]
    go = tmp_path / "go"
    procs = [
        subprocess.Popen(
            [sys.executable, str(CHILD), store_url, str(PER_CHILD), tag, str(go)],
            stdout=subprocess.PIPE,
            stderr=(tmp_path / f"{tag}.err").open("w"),
            text=True,
        )
        for tag in ("a", "b")
    ]
    for proc in procs:  # both ready, then both start at once
        assert proc.stdout is not None and proc.stdout.readline().startswith("ready")
    go.touch()
    outputs = []
    for proc, tag in zip(procs, ("a", "b"), strict=True):
        assert proc.wait(120) == 0, (tmp_path / f"{tag}.err").read_text()
        assert proc.stdout is not None
        outputs.append(proc.stdout.read())
        proc.stdout.close()
    reported = [line.split() for out in outputs for line in out.splitlines()]
    assert len(reported) == 2 * PER_CHILD
    with open_store(store_url) as store:
        events = {e.seq: e for e in store.events(wid)}
    assert sorted(events) == list(range(1, 2 * PER_CHILD + 1))
    # (On SQLite the busy handler often lets one writer run ahead for a while: no interleaving is required,
    # only that nobody failed and that numbers stayed unique.)
    for seq, card, option, tag in reported:
        event = events[int(seq)]
        assert (event.card_id, event.payload["option"]) == (card, option)
        assert str(event.payload["argument"]).startswith(tag)
