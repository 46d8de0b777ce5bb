"""Typed access to an archive's JSON: each accessor checks one field's type or format and raises a
:class:`.BundleError` whose French message names the archive and the field (``workshop.groups[2].name``).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from workshop_app.core.events import as_utc
from workshop_app.export.manifest import BundleError


class FieldReader:
    """Typed access to the manifest with errors that say which field is wrong."""

    def __init__(self, bundle: str) -> None:
        self.bundle = bundle

    def fail(self, where: str, message: str) -> BundleError:
        return BundleError(f"Contenu invalide dans « {self.bundle} » ({where}) : {message}.")

    def obj(self, value: Any, where: str) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(where, "objet attendu")
        return value

    def items(self, value: Any, where: str) -> list[Any]:
        if value is None:
            return []
        if not isinstance(value, list):
            raise self.fail(where, "liste attendue")
        return value

    def string(self, data: dict[str, Any], key: str, where: str, *, required: bool = False) -> str:
        value = data.get(key)
        if value is None:
            if required:
                raise self.fail(f"{where}.{key}", "champ obligatoire manquant")
            return ""
        if not isinstance(value, str):
            raise self.fail(f"{where}.{key}", "texte attendu")
        return value

    def ident(self, data: dict[str, Any], key: str, where: str) -> str:
        value = self.string(data, key, where, required=True)
        if not value or len(value) > 128:
            raise self.fail(f"{where}.{key}", "identifiant invalide")
        return value

    def opt_ident(self, data: dict[str, Any], key: str, where: str) -> str | None:
        value = data.get(key)
        if value is None:
            return None
        return self.ident(data, key, where)

    def integer(self, data: dict[str, Any], key: str, where: str, *, default: int | None = None) -> int:
        value = data.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.fail(f"{where}.{key}", "nombre entier attendu")
        return value

    def opt_integer(self, data: dict[str, Any], key: str, where: str) -> int | None:
        if data.get(key) is None:
            return None
        return self.integer(data, key, where)

    def day(self, data: dict[str, Any], key: str, where: str) -> date | None:
        value = data.get(key)
        if value is None:
            return None
        try:
            return date.fromisoformat(value)
        except (TypeError, ValueError):
            raise self.fail(f"{where}.{key}", "date invalide (AAAA-MM-JJ attendu)") from None

    def moment(
        self, data: dict[str, Any], key: str, where: str, *, required: bool = False
    ) -> datetime | None:
        value = data.get(key)
        if value is None:
            if required:
                raise self.fail(f"{where}.{key}", "horodatage manquant")
            return None
        try:
            return as_utc(datetime.fromisoformat(value))
        except (TypeError, ValueError):
            raise self.fail(f"{where}.{key}", "horodatage invalide (ISO 8601 attendu)") from None
