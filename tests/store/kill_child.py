"""Child process for test_kill and test_concurrency: records choices in a loop on the store at ``argv[1]``
and prints ``seq card option tag`` for each one, flushed, only after the call has returned (after the commit).

Usage: ``python kill_child.py URL [COUNT] [TAG] [GO_FILE]`` — COUNT records then exit (default: forever); with
GO_FILE, wait after "ready" until that file exists (so that several children start writing together).
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from store_decks import boussole_like_deck

from workshop_app.core.errors import AtelierError
from workshop_app.store import open_store


def main() -> int:
    url = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else -1
    tag = sys.argv[3] if len(sys.argv) > 3 else "x"
    rng = random.Random()
    deck = boussole_like_deck(33)
    store = open_store(url, busy_timeout_ms=20_000)
    summaries = store.list_workshops()
    if summaries:
        snap = store.snapshot(summaries[-1].id)
        workshop_id, sequence_id, group_id = snap.info.id, snap.sequences[0].id, snap.groups[0].id
    else:
        try:
            workshop_id = store.create_workshop("Crash test").id
            sequence_id = store.add_sequence(workshop_id, deck).id
            group_id = store.add_group(workshop_id, "Table 1").id
        except AtelierError as error:
            print(f"setup failed: {error}", file=sys.stderr)
            return 2
    print(f"ready {workshop_id}", flush=True)
    if len(sys.argv) > 4:
        go = Path(sys.argv[4])
        while not go.exists():
            time.sleep(0.005)
    done = 0
    while count < 0 or done < count:
        card = rng.choice(deck.cards).id
        option = rng.choice(["0", "1", "2", "3", "4", "nc"])
        event = store.record_choice(workshop_id, sequence_id, group_id, card, option, f"{tag}-{done}")
        print(f"{event.seq} {card} {option} {tag}", flush=True)
        done += 1
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
