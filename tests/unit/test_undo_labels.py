"""The words for what Ctrl+Z / Ctrl+Shift+Z take back, without Qt."""

from __future__ import annotations

from core_samples import Log

from workshop_app.core.events import EventKind
from workshop_app.core.state import history
from workshop_app.services.undo_labels import TEMPLATES, compensated, describe_event, find, quoted_title

TITLE = "Et si la canicule durait trois semaines ?"


def test_each_undoable_event_says_which_table_and_card() -> None:
    log = Log()
    choice = log.choose("g2", "q05", "3")
    assert describe_event(choice, "Table 2", TITLE) == (
        "réponse de Table 2 à la carte « Et si la canicule durait trois semaines ? »")
    assert describe_event(log.withdraw("g2", "q05"), "Table 2", TITLE).startswith(
        "retrait de la réponse de Table 2")
    assert describe_event(log.argue("g1", "q05", "car"), "Les Coteaux", TITLE).startswith(
        "argument des Coteaux à la carte")
    assert describe_event(choice, "Le Canal", "Crue") == "réponse du Canal à la carte « Crue »"
    assert describe_event(choice, "La Plaine", "Crue") == "réponse de La Plaine à la carte « Crue »"
    picked, dropped = log.pick("g1", "a"), log.drop("g1", "a")
    assert describe_event(picked, "Table 1", "Planter") == "carte « Planter » choisie par Table 1"
    assert describe_event(dropped, "Table 1", "Planter") == "carte « Planter » retirée par Table 1"


def test_notes_say_where_they_are() -> None:
    log = Log()
    note = log.add(EventKind.NOTE_ADDED, "g1", "q01", text="à revoir")
    assert describe_event(note, "Table 1", "Crue") == "note de Table 1 à la carte « Crue »"
    assert describe_event(note, None, "Crue") == "note sur la carte « Crue »"
    assert describe_event(note, None, None) == "note générale"


def test_unknown_names_fall_back_and_long_titles_are_cut() -> None:
    log = Log()
    choice = log.choose("g9", "q99", "1")
    assert describe_event(choice, None, TITLE) == "dernière saisie"
    long = quoted_title("Et si " + "très " * 30 + "longtemps ?")
    assert long.endswith("… »") and len(long) <= 48 + 4


def test_templates_can_be_translated() -> None:
    english = {**TEMPLATES, "choice": "answer of {group} to card {card}"}  # English keeps the name as it is
    choice = Log().choose("g1", "q01", "2")
    assert describe_event(choice, "Table 1", "Flood", english) == "answer of Table 1 to card « Flood »"


def test_compensated_finds_the_event_behind_an_undo_and_a_redo() -> None:
    log = Log()
    first = log.choose("g1", "q01", "1")
    second = log.choose("g2", "q01", "2")
    undo = log.undo(history(log.events).undo_target)
    assert compensated(log.events, undo) == second
    redo = log.redo(history(log.events).redo_target)
    assert compensated(log.events, redo) == second
    assert find(log.events, first.key) == first
    assert find(log.events, None) is None and find(log.events, "#999") is None
