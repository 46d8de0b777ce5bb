"""Store benchmark (not collected by pytest): ``.venv/bin/python tests/benchmarks/bench_store.py``.

Prints median and p95 of
  * recording one choice (``record_choice``: one committed transaction, SQLite WAL + synchronous=FULL);
  * loading a workshop of 12 groups x 33 cards with 5,000 events: ``snapshot()`` + fold + compass scoring,
    with a warm store (deck snapshots cached) and a cold one (a new store each time, decks rebuilt from JSON).
Also on PostgreSQL when ATELIER_TEST_POSTGRES_URL is set.
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests" / "store"))
sys.path.insert(0, str(ROOT))

from store_decks import boussole_like_deck  # noqa: E402

from workshop_app.core.deck import QuestionDeck  # noqa: E402
from workshop_app.core.events import Event, EventKind  # noqa: E402
from workshop_app.core.workshop import GroupInfo, SequenceInfo, WorkshopInfo, WorkshopSnapshot  # noqa: E402
from workshop_app.store import WorkshopStore, open_store  # noqa: E402

GROUPS = 12
EVENTS = 5000
RECORDS = 300
LOADS = 30


def deck() -> QuestionDeck:
    try:
        from workshop_app.core.catalogue import find_deck

        found = find_deck("et-si-33")
        if isinstance(found, QuestionDeck):
            return found
    except KeyError:
        pass
    return boussole_like_deck(33)


def stats(name: str, samples: list[float]) -> None:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    median = statistics.median(ordered)
    print(f"  {name:<50} median {median * 1000:8.2f} ms   p95 {p95 * 1000:8.2f} ms  (n={len(ordered)})")


def timed(action: Callable[[], object], n: int) -> list[float]:
    samples = []
    for _ in range(n):
        start = time.perf_counter()
        action()
        samples.append(time.perf_counter() - start)
    return samples


def big_workshop(d: QuestionDeck, rng: random.Random) -> WorkshopSnapshot:
    import uuid

    groups = tuple(GroupInfo(str(uuid.uuid4()), f"Table {i + 1}", "#0072B2", i) for i in range(GROUPS))
    seq = SequenceInfo(str(uuid.uuid4()), 0, d, 120)
    options = [o.id for o in d.scale]
    cards = [c.id for c in d.cards]
    at = datetime(2025, 3, 13, 13, 0, tzinfo=UTC)
    events: list[Event] = []
    while len(events) < EVENTS:
        at += timedelta(seconds=2)
        n = len(events) + 1
        roll = rng.random()
        if roll < 0.05:
            events.append(Event(n, EventKind.CARD_SHOWN, seq.id, None, rng.choice(cards), {}, at))
        elif roll < 0.08:
            events.append(
                Event(n, EventKind.NOTE_ADDED, seq.id, None, rng.choice(cards), {"text": "Note"}, at)
            )
        elif roll < 0.10 and events:
            events.append(Event(n, EventKind.UNDO, seq.id, None, None, {"target": n - 1}, at))
        else:
            payload = {"option": rng.choice(options), "argument": "Argument de la table, quelques mots."}
            group = rng.choice(groups).id
            events.append(Event(n, EventKind.CHOICE_RECORDED, seq.id, group, rng.choice(cards), payload, at))
    info = WorkshopInfo(str(uuid.uuid4()), "Banc d'essai", territory="Valmont-sur-Oise")
    return WorkshopSnapshot(info, groups, (), (seq,), tuple(events))


def bench(url: str, label: str) -> None:
    print(f"{label}: {url.split('@')[-1]}")
    d = deck()
    rng = random.Random(1)
    with open_store(url) as store:
        w = store.create_workshop("Banc d'essai : saisie")
        seq = store.add_sequence(w.id, d)
        groups = [store.add_group(w.id, f"Table {i + 1}").id for i in range(GROUPS)]
        options = [o.id for o in d.scale]

        def record() -> None:
            store.record_choice(
                w.id,
                seq.id,
                rng.choice(groups),
                rng.choice(d.cards).id,
                rng.choice(options),
                "Argument court.",
            )

        timed(record, 20)  # warm-up
        stats("record_choice (one committed event)", timed(record, RECORDS))
        snapshot = big_workshop(d, rng)
        store.import_snapshot(snapshot, {})
        wid, sid = snapshot.info.id, snapshot.sequences[0].id

        def load(s: WorkshopStore) -> None:
            snap = s.snapshot(wid)
            state = snap.state()
            snap.compass(sid, state)

        load(store)
        stats(
            f"load {GROUPS}x{len(d.cards)}, {EVENTS} events: snapshot+fold+score",
            timed(lambda: load(store), LOADS),
        )
        snap = store.snapshot(wid)
        stats("  of which snapshot() alone", timed(lambda: store.snapshot(wid), LOADS))
        stats("  of which fold alone", timed(snap.state, LOADS))
        state = snap.state()
        stats("  of which compass scoring alone", timed(lambda: snap.compass(sid, state), LOADS))
        stats("list_workshops (2 workshops)", timed(store.list_workshops, LOADS))

    def cold() -> None:
        with open_store(url) as fresh:
            load(fresh)

    stats("cold: open_store + load (decks rebuilt from JSON)", timed(cold, 10))


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        os.environ["ATELIER_HOME"] = folder
        bench(f"sqlite:///{Path(folder) / 'bench.sqlite3'}", "SQLite (WAL, synchronous=FULL)")
    pg = os.environ.get("ATELIER_TEST_POSTGRES_URL")
    if pg:
        sys.path.insert(0, str(ROOT))
        from tests.postgres_schema import postgres_schema_url

        for url in postgres_schema_url():
            bench(url, "PostgreSQL")


if __name__ == "__main__":
    main()
