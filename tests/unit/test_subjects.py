"""Subjects compared side by side (``core.subjects``): the projects of « Cotation de projet » on −2…+2.

Every number is computed by hand from the shipped deck; the property tests check that the signed reading is
exactly the mean of the answers' own values, that « neutre » is 0 and an obstructing project stays negative.
"""

from __future__ import annotations

from typing import Any

import pytest
from core_samples import SCENARIOS, Log
from hypothesis import given, settings
from hypothesis import strategies as st

from workshop_app.core.deck import QuestionDeck
from workshop_app.core.deck_loader import DeckLoadError as DeckError
from workshop_app.core.deck_loader import deck_from_data, load_deck
from workshop_app.core.deck_subject import ScoreReading
from workshop_app.core.events import EventKind
from workshop_app.core.state import fold
from workshop_app.core.subjects import MINUS, Verdict, format_value, subject_matrices
from workshop_app.core.workshop import SequenceInfo

VALUES = {"neg2": -2, "neg1": -1, "neutre": 0, "pos1": 1, "pos2": 2}


def _cotation() -> QuestionDeck:
    deck = load_deck(SCENARIOS / "cotation-projet.yaml")
    assert isinstance(deck, QuestionDeck)
    return deck


def _sequences(deck: QuestionDeck, names: list[str]) -> list[SequenceInfo]:
    return [SequenceInfo(f"s{i}", i, deck, title=name) for i, name in enumerate(names)]


def _log(answers: dict[tuple[str, str, str], str]) -> Log:
    log = Log()
    for (seq, group, card), option in answers.items():
        log.add(EventKind.CHOICE_RECORDED, group, card, sequence=seq, option=option, argument="")
    return log


def test_the_cotation_deck_reads_on_its_own_scale() -> None:
    deck = _cotation()
    assert deck.reading is ScoreReading.SCALE
    assert deck.subject is not None and deck.subject.label == "Projet"
    assert (deck.scale_min, deck.scale_max) == (-2, 2)
    assert [a.id for a in deck.compass.axes] == ["p1", "p2", "p3", "p4", "p5", "p6"]


def test_two_projects_side_by_side_keep_their_sign() -> None:
    deck = _cotation()
    log = _log(
        {
            ("s0", "t1", "c3"): "neg2",
            ("s0", "t2", "c3"): "neg1",  # friche: −1.5 on anticipation
            ("s0", "t1", "c6"): "pos2",
            ("s0", "t2", "c6"): "pos2",
            ("s1", "t1", "c3"): "neutre",
            ("s1", "t2", "c3"): "pos1",  # place: +0.5
            ("s1", "t1", "c6"): "nsp",  # « ne sait pas »: no value
        }
    )
    [matrix] = subject_matrices(_sequences(deck, ["Friche", "Place"]), fold(log.events), ["t1", "t2"])
    assert [c.display_title for c in matrix.columns] == ["Friche", "Place"]
    friche, place = matrix.cell("p3", "s0"), matrix.cell("p3", "s1")
    assert friche.value == pytest.approx(-1.5)
    assert (friche.low, friche.high) == (pytest.approx(-2), pytest.approx(-1))
    assert dict(friche.tables) == {"t1": pytest.approx(-2), "t2": pytest.approx(-1)}
    assert place.value == pytest.approx(0.5)
    assert matrix.text(friche.value) == f"{MINUS}1,5"
    assert matrix.text(place.value) == "+0,5"
    assert matrix.verdict(friche.value) is Verdict.VULNERABILITY
    assert matrix.verdict(place.value) is Verdict.NEUTRAL
    assert matrix.verdict(matrix.cell("p6", "s0").value) is Verdict.STRENGTH
    assert matrix.cell("p6", "s1").value is None  # only « ne sait pas »: not rated, never 0
    assert matrix.text(matrix.cell("p1", "s0").value) == "—"
    assert matrix.column_mean("s0") == pytest.approx(0.25)


def test_format_value() -> None:
    assert format_value(0.04, True) == "0"
    assert format_value(-0.06, True) == f"{MINUS}0,1"
    assert format_value(2.0, True) == "+2"
    assert format_value(62.6, False) == "63"
    assert format_value(None, True) == "—"
    assert format_value(2.25, True, plus=False) == "2,3"  # half away from zero, as one counts in French
    assert format_value(-1.25, True) == f"{MINUS}1,3"


def _tiny(reading: str = "echelle", **subject: Any) -> dict[str, Any]:
    return {
        "id": "t",
        "title": "T",
        "version": "1",
        "mechanic": "questions",
        "reading": reading,
        "subject": {"label": "Projet", "plural": "Projets", **subject},
        "compass": {"name": "C", "axes": [{"id": "A", "label": "A"}]},
        "scale": [{"id": k, "label": k, "value": v} for k, v in VALUES.items()],
        "cards": [{"id": "c", "title": "c", "prompt": "p", "informs": [{"lever": "A"}]}],
    }


@pytest.mark.parametrize(
    ("subject", "field"),
    [
        ({"strength_at": 3}, "subject.strength_at"),
        ({"strength_at": -1, "vulnerability_at": 0}, "subject.strength_at"),
    ],
)
def test_thresholds_off_the_scale_are_refused_with_their_field(subject: dict[str, Any], field: str) -> None:
    with pytest.raises(DeckError) as caught:
        deck_from_data(_tiny(**subject))
    assert field in str(caught.value)


def test_a_bad_subject_names_file_line_and_field(tmp_path: Any) -> None:
    text = (SCENARIOS / "cotation-projet.yaml").read_text(encoding="utf-8")
    bad = tmp_path / "cotation.yaml"
    bad.write_text(text.replace("  compare: axes", "  compare: services"), encoding="utf-8")
    with pytest.raises(DeckError) as caught:
        load_deck(bad)
    message = str(caught.value)
    line = text.splitlines().index("  compare: axes") + 1
    assert "cotation.yaml" in message and "subject.compare" in message and f"cotation.yaml:{line}:" in message


# -- properties ----------------------------------------------------------------------------------------------

ANSWER = st.sampled_from([*VALUES, "nsp", None])


@settings(max_examples=80, deadline=None)
@given(st.lists(st.lists(ANSWER, min_size=3, max_size=3), min_size=1, max_size=4))
def test_the_signed_reading_is_the_mean_of_the_answers(projects: list[list[str | None]]) -> None:
    data = _tiny()
    data["scale"].append({"id": "nsp", "label": "Ne sait pas", "value": None, "unknown": True})
    deck = deck_from_data(data)
    assert isinstance(deck, QuestionDeck)
    groups = ["g1", "g2", "g3"]
    answers = {
        (f"s{i}", g, "c"): option
        for i, options in enumerate(projects)
        for g, option in zip(groups, options, strict=True)
        if option is not None
    }
    names = [f"P{i}" for i in range(len(projects))]
    [matrix] = subject_matrices(_sequences(deck, names), fold(_log(answers).events), groups)
    for i, options in enumerate(projects):
        values = [VALUES[o] for o in options if o in VALUES]
        cell = matrix.cell("A", f"s{i}")
        if not values:
            assert cell.value is None
            continue
        mean = sum(values) / len(values)
        assert cell.value == pytest.approx(mean)
        assert cell.low is not None and cell.high is not None
        assert cell.low - 1e-9 <= cell.value <= cell.high + 1e-9
        assert cell.low >= -2 and cell.high <= 2
        if all(v < 0 for v in values):  # an obstructing project is never shown as neutral or positive
            assert matrix.text(cell.value).startswith(MINUS) or round(mean, 1) == 0
            assert matrix.verdict(cell.value) is Verdict.VULNERABILITY or mean > -1
        if all(v == 0 for v in values):
            assert matrix.text(cell.value) == "0"


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(list(VALUES)), min_size=1, max_size=3))
def test_percent_and_scale_readings_are_one_line_apart(options: list[str]) -> None:
    """The same answers read on 0–100 and on −2…+2 differ only by the scale's linear map."""
    groups = [f"g{i}" for i in range(len(options))]
    answers = {("s0", g, "c"): o for g, o in zip(groups, options, strict=True)}
    readings = []
    for reading in ("echelle", "pourcentage"):
        deck = deck_from_data(_tiny(reading))
        assert isinstance(deck, QuestionDeck)
        [matrix] = subject_matrices(_sequences(deck, ["P"]), fold(_log(answers).events), groups)
        readings.append(matrix.cell("A", "s0").value)
    signed, percent = readings
    assert signed is not None and percent is not None
    assert percent == pytest.approx((signed + 2) * 25)
