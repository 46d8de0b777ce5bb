"""The computations behind the minutes: spreads, agreement, findings, programme, raw rows, anonymising."""

from __future__ import annotations

from datetime import timedelta

from export_decks import boussole_deck
from export_factory import T0, make_snapshot

from workshop_app.core.events import Event, EventKind
from workshop_app.core.state import fold
from workshop_app.core.workshop import ParticipantInfo
from workshop_app.export import analysis
from workshop_app.export.anonymise import Anonymiser


def _answers(deck_id: str, answers: dict[tuple[str, str], str]) -> list[Event]:
    events = []
    for i, ((group, card), option) in enumerate(answers.items(), start=1):
        events.append(
            Event(
                i,
                EventKind.CHOICE_RECORDED,
                "s1",
                group,
                card,
                {"option": option, "argument": ""},
                T0 + timedelta(minutes=i),
            )
        )
    return events


def test_card_spreads_and_classification() -> None:
    deck = boussole_deck(4)
    events = _answers(
        deck.id,
        {
            ("g1", "q01"): "2",
            ("g2", "q01"): "3",
            ("g3", "q01"): "2",  # within one step: agreement
            ("g1", "q02"): "0",
            ("g2", "q02"): "4",  # four steps: disagreement
            ("g1", "q03"): "1",
            ("g2", "q03"): "nc",
            ("g3", "q03"): "3",  # nc left out, two steps
            ("g1", "q04"): "2",  # a single answer: not comparable
        },
    )
    state = fold(events).sequences["s1"]
    spreads = {s.key: s for s in analysis.card_spreads(deck, state, ["g1", "g2", "g3"])}
    assert spreads["q01"].range == 25.0 and spreads["q01"].count == 3
    assert spreads["q02"].range == 100.0
    assert spreads["q03"].values == {"g1": 25.0, "g3": 75.0}
    assert spreads["q04"].range is None and not spreads["q04"].comparable
    result = analysis.classify(list(spreads.values()))
    assert [s.key for s in result.agreed] == ["q01"]
    assert [s.key for s in result.disputed] == ["q02", "q03"]  # widest first


def test_no_answers_means_nothing_to_compare() -> None:
    deck = boussole_deck(3)
    spreads = analysis.card_spreads(deck, fold([]).sequence("s1"), ["g1", "g2"])
    assert all(s.values == {} and s.mean is None and s.low is None for s in spreads)
    assert analysis.classify(spreads).agreed == [] == analysis.classify(spreads).disputed


def test_lever_spreads_from_reading() -> None:
    snapshot, _ = make_snapshot(n_groups=3, n_cards=18, answered_share=1.0)
    reading = snapshot.compass("s1")
    deck = snapshot.sequences[0].deck
    spreads = analysis.reading_spreads(reading, [(t, t) for t in deck.lever_ids()], levers=True)
    assert len(spreads) == 18
    for s in spreads:
        for group_id, value in s.values.items():
            assert value == reading.groups[group_id].levers[s.key].score


def test_proposed_findings_pick_best_and_worst_levers() -> None:
    snapshot, _ = make_snapshot(n_groups=4, n_cards=18, answered_share=1.0)
    deck = snapshot.sequences[0].deck
    reading = snapshot.compass("s1")
    strengths, vulnerabilities = analysis.propose_findings(deck, reading)
    assert len(strengths) <= 3 and len(vulnerabilities) <= 3
    assert all(round(f.score) >= 65 for f in strengths) and all(round(f.score) <= 35 for f in vulnerabilities)
    assert strengths == sorted(strengths, key=lambda f: -f.score)
    scored = [s.score for s in reading.room.levers.values() if s.score is not None]
    assert (strengths[0].score == max(scored)) if max(scored) >= 65 else not strengths
    assert (vulnerabilities[0].score == min(scored)) if min(scored) <= 35 else not vulnerabilities
    assert all(f.label.startswith(f.key + " ") for f in strengths + vulnerabilities)


def test_programme_uses_sequence_events_and_infers_when_missing() -> None:
    snapshot, _ = make_snapshot(n_cards=5)
    timings = analysis.programme(snapshot, snapshot.state())
    assert [t.sequence.id for t in timings] == ["s1", "s2"]
    first = timings[0]
    assert first.explicit and first.planned_minutes == 90
    assert (
        first.start is not None
        and first.end is not None
        and first.actual_minutes
        and first.actual_minutes > 0
    )
    assert first.cards_shown == 5 == first.cards_total
    # without sequence_started / ended: inferred from the first card shown and the last event
    events = [
        e for e in snapshot.events if e.kind not in (EventKind.SEQUENCE_STARTED, EventKind.SEQUENCE_ENDED)
    ]
    from dataclasses import replace

    inferred = analysis.programme(replace(snapshot, events=tuple(events)), fold(events))[0]
    assert not inferred.explicit
    shown = [e.at for e in events if e.kind is EventKind.CARD_SHOWN]
    assert inferred.start == shown[0]
    assert inferred.end == max(e.at for e in events if e.sequence_id == "s1")


def test_raw_rows_questions_and_strategy() -> None:
    snapshot, _ = make_snapshot(n_groups=3, n_cards=6, answered_share=1.0)
    state = snapshot.state()
    rows = analysis.raw_rows(snapshot, state, Anonymiser(snapshot.participants, False))
    questions = [r for r in rows if r.sequence_id == "s1"]
    strategy = [r for r in rows if r.sequence_id == "s2"]
    assert len(questions) == 3 * 6
    picks = sum(len(state.sequences["s2"].picked(g.id)) for g in snapshot.groups)
    assert len(strategy) == picks and all(r.response == "retenue" and r.value for r in strategy)
    # card order first, then group order
    assert [r.card_id for r in questions[:3]] == ["q01"] * 3
    assert [r.group_id for r in questions[:3]] == ["g01", "g02", "g03"]
    answered = [r for r in questions if r.answered]
    assert all(r.at is not None for r in answered)
    only = analysis.raw_rows(snapshot, state, Anonymiser((), False), include_unanswered=False)
    assert all(r.answered for r in only)


def test_anonymiser_replaces_whole_words_only() -> None:
    people = [
        ParticipantInfo("a", name="Marie Dupont", service="Urbanisme"),
        ParticipantInfo("b", name="Jean  Le Gall"),
        ParticipantInfo("c", name=""),
    ]
    an = Anonymiser(people, True)
    assert an.participant(people[0]) == "Participant·e 1"
    assert an.participant(people[2]) == "Participant·e 3"
    text = "MARIE DUPONT et Jean Le\nGall ; Mariette Dupontel reste ; Marie seule reste ; (J. Le Gall)."
    assert (
        an.text(text) == "Participant·e 1 et Participant·e 2 ; Mariette Dupontel reste ; "
        "Participant·e 1 seule reste ; (Participant·e 2)."
    )
    assert an.author("Marie Dupont") == ""
    plain = Anonymiser(people, False)
    assert plain.text(text) == text and plain.participant(people[0]) == "Marie Dupont"


def test_lever_label_and_target_label() -> None:
    snapshot, _ = make_snapshot(n_cards=3)
    assert analysis.lever_label(snapshot, "1.1").startswith("1.1 Assurer une gouvernance")
    assert analysis.lever_label(snapshot, "p2") == "Cohésion sociale et solidarité des acteurs"
    assert analysis.lever_label(snapshot, "eau") == "Gestion des eaux pluviales"
    assert analysis.lever_label(snapshot, "inconnu") == "inconnu"
    assert analysis.lever_label(snapshot, None) == ""


def test_a_middling_score_is_neither_strength_nor_vulnerability() -> None:
    snapshot, _ = make_snapshot(n_groups=4, n_cards=18, answered_share=1.0)
    deck = snapshot.sequences[0].deck
    reading = snapshot.compass("s1")
    strengths, vulnerabilities = analysis.propose_findings(deck, reading)
    middling = {k for k, s in reading.room.levers.items() if s.score is not None and 35 < round(s.score) < 65}
    assert middling, "the factory should give some middling levers"
    assert not middling & {f.key for f in strengths + vulnerabilities}
