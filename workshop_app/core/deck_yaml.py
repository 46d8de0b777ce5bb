"""Write a deck as YAML that reads back to the same deck: plain data, fields in the model's order, defaults
left out, no anchors or aliases (the loader refuses them), long texts as they are."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from workshop_app.core.atomic import write_text_atomic
from workshop_app.core.deck_loader import AnyDeck

HEADER = (
    "# Jeu Atelier Résilience — format : voir deck.schema.json ; vérification : atelier validate FICHIER\n"
)


class _Dumper(yaml.SafeDumper):
    def ignore_aliases(self, data: Any) -> bool:
        return True


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _text)


def deck_data(deck: AnyDeck) -> dict[str, Any]:
    data = deck.model_dump(mode="json", exclude_defaults=True)
    head = {"format": deck.format, "id": deck.id, "title": deck.title, "version": deck.version}
    head["mechanic"] = data.pop("mechanic")
    return {**head, **data}


def deck_to_yaml(deck: AnyDeck) -> str:
    body = yaml.dump(deck_data(deck), Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=110)
    return HEADER + body


def save_deck_yaml(deck: AnyDeck, target: Path) -> None:
    write_text_atomic(Path(target), deck_to_yaml(deck))
