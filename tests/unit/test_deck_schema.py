"""The committed JSON Schema never drifts from the pydantic models, and the shipped decks follow it."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest
import yaml
from core_samples import SCENARIOS, SHIPPED

from workshop_app.cli.decks import deck_json_schema

SCHEMA_FILE = SCENARIOS / "deck.schema.json"


def _committed() -> dict[str, Any]:
    return json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))


def _validator() -> Any:
    # Only these tests need jsonschema: the drift test below runs without it.
    jsonschema = pytest.importorskip("jsonschema", reason="jsonschema (dev dependency) is not installed")
    schema = _committed()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_committed_schema_is_the_generated_one() -> None:
    expected = json.dumps(deck_json_schema(), ensure_ascii=False, indent=2) + "\n"
    assert SCHEMA_FILE.read_text(encoding="utf-8") == expected, (
        "scenarios/deck.schema.json is stale: run `atelier schema -o scenarios/deck.schema.json`"
    )


@pytest.mark.parametrize("deck_id", sorted(SHIPPED))
def test_shipped_deck_follows_the_schema(deck_id: str) -> None:
    data = yaml.safe_load(SHIPPED[deck_id].read_text(encoding="utf-8"))
    errors = sorted(_validator().iter_errors(data), key=lambda e: list(e.absolute_path))
    assert [f"{list(e.absolute_path)}: {e.message}" for e in errors] == []


@pytest.mark.parametrize(
    ("deck_id", "path", "value"),
    [
        ("nature-en-ville", ("cards", 0, "cost"), "trois"),
        ("nature-en-ville", ("cards", 0, "effects", "chaleur"), 3),
        ("nature-en-ville", ("cards", 0, "delay"), "bientôt"),
        ("et-si-33", ("compass", "axes", 0, "colour"), "bleu"),
        ("et-si-33", ("cards", 0, "informs"), []),
        ("et-si-33", ("mechanic",), "poker"),
        ("boussole-autodiagnostic", ("cards", 0, "unknown_field"), "x"),
    ],
)
def test_schema_rejects_broken_decks(deck_id: str, path: tuple[str | int, ...], value: object) -> None:
    """Guards against a schema so loose that the test above could never fail."""
    data = copy.deepcopy(yaml.safe_load(SHIPPED[deck_id].read_text(encoding="utf-8")))
    node = data
    for part in path[:-1]:
        node = node[part]
    node[path[-1]] = value
    assert list(_validator().iter_errors(data))
