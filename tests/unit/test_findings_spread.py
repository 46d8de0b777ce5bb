"""The spread beside every mean of the strengths and vulnerabilities (issue #14, « scores that hold up »):
property tests over random answers, with the app's own scoring (no Qt)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from workshop_app.core.deck import QuestionDeck
from workshop_app.core.events import Event, EventKind
from workshop_app.core.findings import Finding, Thresholds, compute
from workshop_app.core.spreads import between_tables
from workshop_app.core.workshop import GroupInfo, SequenceInfo, WorkshopInfo, WorkshopSnapshot

SCALE = [{"id": f"v{v}", "label": str(v), "value": v} for v in range(5)] + [
    {"id": "nc", "label": "Non concerné", "value": None}
]
CARDS = 3  # cards on lever 1.1
RANGE = re.compile(r"de (\d+) à (\d+)\)$")


def _deck() -> QuestionDeck:
    axes = [{"id": "gov", "label": "Gouvernance", "levers": [{"id": "1.1", "label": "Gouvernance partagée"}]}]
    cards = [{"id": f"c{i}", "title": f"Carte {i}", "prompt": "?", "informs": [{"lever": "1.1"}]}
             for i in range(CARDS)]
    return QuestionDeck.model_validate({
        "id": "q", "title": "Questions", "version": "1", "mechanic": "questions",
        "compass": {"name": "B", "axes": axes}, "scale": SCALE, "cards": cards,
    })


DECK = _deck()


def _snapshot(levels: list[list[int]]) -> WorkshopSnapshot:
    """``levels[t]``: table t's answers (0–4) on the first cards of lever 1.1."""
    groups = tuple(GroupInfo(f"g{t}", f"Table {t}", position=t) for t in range(len(levels)))
    events = []
    for t, answers in enumerate(levels):
        for c, level in enumerate(answers):
            events.append(Event(len(events) + 1, EventKind.CHOICE_RECORDED, sequence_id="sq",
                                group_id=f"g{t}", card_id=f"c{c}", payload={"option": f"v{level}"}))
    return WorkshopSnapshot(WorkshopInfo("w", "Atelier"), groups=groups,
                            sequences=[SequenceInfo("sq", 0, DECK)], events=events)


def _lines(levels: list[list[int]]) -> list[Finding]:
    found = compute(_snapshot(levels))
    return [*found.strengths, *found.vulnerabilities]


tables_levels = st.lists(st.lists(st.integers(0, 4), min_size=2, max_size=CARDS), min_size=1, max_size=6)


@settings(max_examples=150, deadline=None)
@given(tables_levels)
def test_the_range_printed_is_the_tables_own_lowest_and_highest(levels: list[list[int]]) -> None:
    own = [100 * sum(a) / (4 * len(a)) for a in levels]  # each table's score on the lever
    for finding in _lines(levels):
        assert f"({round(finding.score)}/100, " in finding.text  # never the mean alone
        if len(levels) == 1:
            assert finding.text.endswith("(" + f"{round(finding.score)}/100, une seule table)")
            assert not RANGE.search(finding.text)  # no spread claimed for one table
            continue
        low, high = round(min(own)), round(max(own))
        match = RANGE.search(finding.text)
        if match:
            assert (int(match[1]), int(match[2])) == (low, high)
            assert finding.high is not None and finding.low is not None
            assert abs((finding.high - finding.low) - (max(own) - min(own))) < 1e-9
        else:
            assert low == high and finding.text.endswith(f"les {len(levels)}\u00a0tables à {low})")
        divided = max(own) - min(own) >= Thresholds().spread
        assert ("divergent" in finding.text) is divided


@settings(max_examples=100, deadline=None)
@given(st.lists(st.integers(0, 4), min_size=0, max_size=4), st.data())
def test_a_zero_and_a_four_never_read_as_calm(others: list[int], data: st.DataObject) -> None:
    """A table all at 0 and a table all at 4: whatever the others, the lever is never listed calmly."""
    n = data.draw(st.integers(2, CARDS))
    levels = [[0] * n, [4] * n] + [[level] * n for level in others]
    for finding in _lines(levels):
        assert "mais les tables divergent : de 0 à 100" in finding.text, finding.text


def test_zero_and_four_alone_is_neither_a_strength_nor_a_vulnerability() -> None:
    assert _lines([[0, 0], [4, 4]]) == []  # the room's 50 is not proposed at all
    (line,) = _lines([[0, 0], [4, 4], [4, 4], [4, 4]])  # three tables at 4 outweigh one at 0: a strength...
    assert line.text == "1.1 Gouvernance partagée (75/100, mais les tables divergent : de 0 à 100)"
    (line,) = _lines([[3, 4], [4, 3]])  # ...and a calm one
    assert line.text == "1.1 Gouvernance partagée (88/100, les 2\u00a0tables à 88)"


def test_divided_lines_come_after_calm_ones() -> None:
    calm = Finding("s", "a", "A", 70, 1.0, (65.0, 75.0))
    split = Finding("s", "b", "B", 90, 1.0, (50.0, 100.0), divided=True)
    from workshop_app.core.findings import _rank

    assert sorted([split, calm], key=lambda f: _rank(f, True)) == [calm, split]


def test_the_words_beside_a_mean() -> None:
    assert between_tables([]) == ""
    assert between_tables([70.0]) == "une seule table"
    assert between_tables([55.2, 84.6, 70.0]) == "tables de 55 à 85"
    assert between_tables([70.0, 70.4]) == "les 2\u00a0tables à 70"
    assert between_tables([0.0, 100.0], divided=True) == "mais les tables divergent : de 0 à 100"
    assert between_tables([-2.0, -1.0], fmt=lambda v: f"{v:+.0f}") == "tables de -2 à -1"
