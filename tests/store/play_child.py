"""Child process for test_live_writers: one facilitator's copy of the app, without the screen. It opens the
workshop at ``argv[1]`` with its own author (``argv[2]``) through the play session (the app's write path),
then votes, sometimes undoes, and looks for the other copy's events (``refresh``, as the window's poll does)
for at least ``argv[3]`` seconds and until it has made ``MIN_VOTES`` votes and seen the other copy's events,
however slow the machine is (bounded by ``DEADLINE`` seconds). Each line is printed only after the call
returned (after the commit): ``vote ID``, ``undo ID TARGET``; at the end ``seen N`` (events of the other copy
folded in).

Usage: ``python play_child.py URL AUTHOR SECONDS GO_FILE``.
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from workshop_app.services.play_session import PlaySession
from workshop_app.store import open_store

MIN_VOTES = 12
DEADLINE = 120.0  # seconds: generous, for a loaded machine; the test fails if the conditions never hold


def main() -> int:
    url, author, seconds, go = sys.argv[1], sys.argv[2], float(sys.argv[3]), Path(sys.argv[4])
    rng = random.Random(author)
    with open_store(url, busy_timeout_ms=20_000, author=author) as store:
        workshop_id = store.list_workshops()[0].id
        play = PlaySession(store, workshop_id)
        options = [o.id for o in play.deck.scale] if play.deck else []  # type: ignore[union-attr]
        print("ready", flush=True)
        while not go.exists():
            time.sleep(0.01)
        seen = votes = 0
        start = time.monotonic()

        def done() -> bool:
            now = time.monotonic() - start
            return now >= DEADLINE or (now >= seconds and votes >= MIN_VOTES and seen > 0)

        while not done():
            seen += len(play.refresh().foreign)
            if rng.random() < 0.2 and play.can_undo():
                undo = play.undo().primary
                if undo is not None:
                    print("undo", undo.id, undo.target, flush=True)
                continue
            play.step_card(rng.choice([-1, 1]))
            group = rng.choice(play.groups).id
            vote = play.record_choice(group, rng.choice(options), f"{author}").primary
            assert vote is not None
            votes += 1
            print("vote", vote.id, flush=True)
        seen += len(play.refresh().foreign)
        print("seen", seen, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
