"""Read a deck back from its workbook (see ``deck_sheet_write``): every error names the sheet, the row and
the column, in French, as YAML errors name the file, the line and the field. Qt-free.

Cells become plain data (the same shape as a deck's YAML), which the deck model then validates; each
field's cell is remembered so that a rule the model breaks (an unknown lever, a blank card id) is reported
at the cell that holds it.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from workshop_app.core import deck_sheet_layout as L
from workshop_app.core.deck_loader import AnyDeck, DeckLoadError, deck_from_data
from workshop_app.core.deck_sheet_grid import Grid, SheetIssue, fail, read_grids

Path_ = tuple[str | int, ...]
Cell = tuple[str, int | None, str, str]  # sheet, row, column letter, header


class _Bad(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def read_deck_sheet(path: Path | str, base: AnyDeck | None = None) -> AnyDeck:
    """The deck a workbook holds. A .csv holds the cards alone: ``base`` gives the rest of the deck."""
    path = Path(path)
    grids = read_grids(path)
    if path.suffix.lower() == ".csv":
        if base is None:
            raise fail(
                path.name, "un fichier .csv ne contient que les cartes : indiquez le jeu qu’il complète"
            )
        return _Reader(path.name, grids).deck(base.model_dump(mode="json"))
    return _Reader(path.name, grids).deck(None)


class _Reader:
    def __init__(self, file: str, grids: Grid) -> None:
        self.file = file
        self.grids = {L.folded(name): (name, rows) for name, rows in grids.items()}
        self.issues: list[SheetIssue] = []
        self.cells: dict[Path_, Cell] = {}

    # -- the whole deck ---------------------------------------------------------------------------------
    def deck(self, base: dict[str, Any] | None) -> AnyDeck:
        data: dict[str, Any] = dict(base) if base is not None else self._deck_fields()
        strategy = data.get("mechanic") == "strategy"
        if base is None:
            data.setdefault("compass", {})["axes"] = self._compass()
            if not strategy:
                data["scale"] = self._rows(L.SCALE, L.SCALE_COLUMNS, ("scale",), required=True)
                for option in data["scale"]:
                    option.setdefault("value", None)  # a blank value: « non concerné » or « ne sait pas »
            for key, sheet, columns in (
                ("sections", L.SECTIONS, L.SECTION_COLUMNS),
                ("subsets", L.SUBSETS, L.SUBSET_COLUMNS),
            ):
                rows = self._rows(sheet, columns, (key,), required=False)
                if rows or key in data:
                    data[key] = rows
        data["cards"] = self._cards(data, strategy)
        if strategy and base is None:
            axes = [a.get("id") for a in data["compass"]["axes"]]
            self._effects(data["cards"], axes)
            synergies = self._synergies(axes)
            if synergies:
                data["synergies"] = synergies
        elif strategy and base is not None:  # a .csv has no effects sheet: each card keeps the deck's effects
            effects = {c["id"]: c.get("effects", {}) for c in base.get("cards", [])}
            for card in data["cards"]:
                card["effects"] = dict(effects.get(card.get("id"), {}))
        if self.issues:
            raise DeckLoadError(self.issues)
        try:
            return deck_from_data(data, self.file)
        except DeckLoadError as exc:
            raise DeckLoadError([self._located(i.field, i.message) for i in exc.issues]) from None

    def _located(self, field: str, message: str) -> SheetIssue:
        path = _parse_field(field)
        for n in range(len(path), -1, -1):
            cell = self.cells.get(tuple(path[:n]))
            if cell is not None:
                sheet, row, column, header = cell
                if n == len(path) and row is None and message.startswith("liste trop courte"):
                    message = "aucune ligne remplie : ajoutez-en au moins une"
                elif n < len(path) and not column:
                    message = f"{field} : {message}"
                return SheetIssue(self.file, sheet, row, column, header, message)
        return SheetIssue(self.file, "", None, "", "", f"{field} : {message}" if field else message)

    # -- sheets -----------------------------------------------------------------------------------------
    def _sheet(self, name: str, required: bool) -> tuple[str, list[list[Any]]] | None:
        found = self.grids.get(L.folded(name))
        if found is None and required:
            self.issues.append(SheetIssue(self.file, name, None, "", "", "feuille manquante"))
        return found

    def _deck_fields(self) -> dict[str, Any]:
        data: dict[str, Any] = {}
        found = self._sheet(L.DECK, True)
        if found is None:
            raise DeckLoadError(self.issues)
        sheet, rows = found
        by_label = {L.folded(c.header): c for c in L.DECK_ROWS}
        for r, row in enumerate(rows[1:], start=2):
            label = _text(row[0]) if row else ""
            value = row[1] if len(row) > 1 else None
            if not label:
                continue
            column = by_label.get(L.folded(label))
            if column is None:
                if _text(value):
                    self._issue(sheet, r, "A", "Champ", f"champ inconnu « {label} »")
                continue
            parts = column.key.split(".")
            self.cells[tuple(parts)] = (sheet, r, "B", column.header)
            converted = self._convert(value, column, sheet, r, "B")
            if converted is None:
                continue
            target = data
            for part in parts[:-1]:
                target = target.setdefault(part, {})
            target[parts[-1]] = converted
        return data

    def _compass(self) -> list[dict[str, Any]]:
        axes: list[dict[str, Any]] = []
        self.cells[("compass", "axes")] = (L.COMPASS, None, "", "")
        found = self._table(L.COMPASS, L.COMPASS_COLUMNS, True)
        for r, values, where in found:  # a lever row belongs to the axis above it
            kind = L.folded(str(values.pop("type", "")))
            if kind == L.AXIS:
                path: Path_ = ("compass", "axes", len(axes))
                axes.append(values)
            elif kind == L.LEVER and axes:
                levers = axes[-1].setdefault("levers", [])
                path = ("compass", "axes", len(axes) - 1, "levers", len(levers))
                levers.append(values)
            else:
                problem = (
                    "un levier doit suivre son axe" if kind == L.LEVER else "« axe » ou « levier » attendu"
                )
                self._issue(L.COMPASS, r, "A", "Type", problem)
                continue
            self._remember(path, where)
        return axes

    def _rows(
        self, name: str, columns: Sequence[L.Column], prefix: Path_, required: bool
    ) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        self.cells[prefix] = (name, None, "", "")
        for _r, values, where in self._table(name, columns, required):
            self._remember((*prefix, len(out)), where)
            out.append(values)
        return out

    def _cards(self, data: dict[str, Any], strategy: bool) -> list[dict[str, Any]]:
        from workshop_app.core.deck_sheet_write import card_columns

        known = card_columns({**data, "cards": []})
        cards: list[dict[str, Any]] = []
        self.cells[("cards",)] = (L.CARDS, None, "", "")
        for _r, values, where in self._table(L.CARDS, known, True, dynamic=not strategy):
            index = len(cards)
            self._remember(("cards", index), where)
            informs: list[dict[str, Any]] = []
            levels: dict[str, Any] = {}
            for key in list(values):
                if key.startswith("level:"):
                    levels[key[6:]] = values.pop(key)
                    self.cells[("cards", index, "levels", key[6:])] = where[key]
            for k in range(1, 9):
                lever, weight = values.pop(f"lever{k}", None), values.pop(f"weight{k}", None)
                if lever is None and weight is None:
                    continue
                link: dict[str, Any] = {"lever": lever} if lever is not None else {}
                if weight is not None:
                    link["weight"] = weight
                for field, key in (("lever", f"lever{k}"), ("weight", f"weight{k}")):
                    if key in where:
                        self.cells[("cards", index, "informs", len(informs), field)] = where[key]
                if f"lever{k}" in where:
                    self.cells[("cards", index, "informs", len(informs))] = where[f"lever{k}"]
                informs.append(link)
            if "lever1" in where:
                self.cells[("cards", index, "informs")] = where["lever1"]
            if not strategy:
                values["informs"] = informs
                if levels:
                    values["levels"] = levels
            else:
                values["effects"] = {}
            cards.append(values)
        return cards

    def _effects(self, cards: list[dict[str, Any]], axes: list[Any]) -> None:
        by_id = {c.get("id"): i for i, c in enumerate(cards)}
        columns = [L.EFFECT_CARD] + [L.Column(str(a), str(a), "int") for a in axes if a]
        for r, values, where in self._table(L.EFFECTS, columns, True, effects=True):
            card_id = values.pop("card", None)
            sheet, _row, _column, _header = where.get("card", (L.EFFECTS, r, "A", "Carte"))
            if card_id not in by_id:
                self._issue(sheet, r, "A", "Carte", f"carte inconnue « {card_id} » (feuille « {L.CARDS} »)")
                continue
            index = by_id[card_id]
            cards[index]["effects"] = values
            for axis in values:
                self.cells[("cards", index, "effects", axis)] = where[axis]

    def _synergies(self, axes: list[Any]) -> list[dict[str, Any]]:
        """The « Synergies » sheet (optional): two cards, a reason, an extra effect per axis column."""
        columns = [*L.SYNERGY_COLUMNS] + [L.Column(str(a), str(a), "int") for a in axes if a]
        out: list[dict[str, Any]] = []
        self.cells[("synergies",)] = (L.SYNERGIES, None, "", "")
        for _r, values, where in self._table(L.SYNERGIES, columns, False, effects=True):
            path: Path_ = ("synergies", len(out))
            self._remember(path, where)
            for field, key in (((*path, "cards", 0), "card"), ((*path, "cards", 1), "other")):
                if key in where:
                    self.cells[field] = where[key]
            for axis in [a for a in values if a not in ("card", "other", "reason")]:
                self.cells[(*path, "effects", axis)] = where[axis]
            pair = [values.pop("card", ""), values.pop("other", "")]
            reason = values.pop("reason", "")
            out.append({"cards": pair, "effects": values, "reason": reason})
        return out

    # -- a table of rows under a header -------------------------------------------------------------------
    def _table(
        self,
        name: str,
        columns: Sequence[L.Column],
        required: bool,
        dynamic: bool = False,
        effects: bool = False,
    ) -> list[tuple[int, dict[str, Any], dict[str, Cell]]]:
        found = self._sheet(name, required)
        if found is None or not found[1]:
            return []
        sheet, rows = found
        header = rows[0]
        spec: dict[int, L.Column] = {}
        by_header = {L.folded(c.header): c for c in columns}
        by_id = {L.folded(c.key): c for c in columns} if effects else {}
        for c, cell in enumerate(header):
            title = _text(cell)
            if not title:
                if any(len(row) > c and _text(row[c]) for row in rows[1:]):
                    self._issue(
                        sheet, 1, L.column_letter(c), "", "colonne sans titre : donnez-lui le titre prévu"
                    )
                continue
            column = by_header.get(L.folded(title)) or by_id.get(L.folded(L.ident_of(title)))
            if column is None and dynamic:
                column = _dynamic(title)
            if column is None:
                self._issue(sheet, 1, L.column_letter(c), title, "colonne inconnue (vérifiez son titre)")
                continue
            spec[c] = column
        present = {col.key for col in spec.values()}
        for column in columns:
            if column.required and column.key not in present:
                self._issue(sheet, 1, "", column.header, f"colonne « {column.header} » manquante")
        out: list[tuple[int, dict[str, Any], dict[str, Cell]]] = []
        for r, row in enumerate(rows[1:], start=2):
            if not any(_text(v) for v in row):
                continue
            values: dict[str, Any] = {}
            where: dict[str, Cell] = {}
            for c, column in spec.items():
                letter = L.column_letter(c)
                where[column.key] = (sheet, r, letter, column.header)
                converted = self._convert(row[c] if c < len(row) else None, column, sheet, r, letter)
                if converted is not None:
                    values[column.key] = converted
            out.append((r, values, where))
        return out

    def _remember(self, path: Path_, where: dict[str, Cell]) -> None:
        first = next(iter(where.values()), None)
        if first is not None:
            sheet, row, _c, _h = first
            self.cells[path] = (sheet, row, "", "")
        for key, cell in where.items():
            self.cells[(*path, key)] = cell

    def _convert(self, value: Any, column: L.Column, sheet: str, row: int, letter: str) -> Any:
        try:
            return _value(value, column.kind)
        except _Bad as exc:
            self._issue(sheet, row, letter, column.header, exc.message)
            return None

    def _issue(self, sheet: str, row: int, column: str, header: str, message: str) -> None:
        self.issues.append(SheetIssue(self.file, sheet, row, column, header, message))


def _dynamic(title: str) -> L.Column | None:
    """« Levier 2 », « Poids 2 », « Niveau 3 : … »: columns whose number follows the deck."""
    for prefix, key, kind in ((L.LEVER_PREFIX, "lever", "text"), (L.WEIGHT_PREFIX, "weight", "number")):
        match = re.fullmatch(re.escape(prefix.strip()) + r"\s*([1-8])", title.strip(), re.IGNORECASE)
        if match:
            return L.Column(title, f"{key}{match.group(1)}", kind)  # type: ignore[arg-type]
    if L.folded(title).startswith(L.folded(L.LEVEL_PREFIX)):
        level = L.ident_of(title.strip(), title.strip()[: len(L.LEVEL_PREFIX)])
        if level:
            return L.Column(title, f"level:{level}")
    return None


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "oui" if value else "non"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        raise _Bad("date ou heure inattendue : écrivez ce texte précédé d’une apostrophe (')")
    return str(value).strip()


_YES = {"oui", "o", "vrai", "x", "1", "yes", "true"}
_NO = {"non", "n", "faux", "0", "no", "false", ""}


def _value(value: Any, kind: str) -> Any:
    if kind == "text":
        return _text(value) or None
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if kind == "bool":
        text = L.folded(_text(value))
        if text in _YES:
            return True
        if text in _NO:
            return False
        raise _Bad(f"« oui » ou vide attendu (reçu « {value} »)")
    if kind == "ids":
        return [part.strip() for part in re.split(r"[;,]", _text(value)) if part.strip()]
    if isinstance(value, bool):
        raise _Bad("nombre attendu")
    if isinstance(value, int | float):
        number = value
    else:
        try:
            number = float(_text(value).replace("\u00a0", "").replace(" ", "").replace(",", "."))
        except ValueError:
            raise _Bad(f"nombre attendu (reçu « {value} »)") from None
    if number != number or number in (float("inf"), float("-inf")):
        raise _Bad("nombre attendu")
    if kind == "int":
        if not float(number).is_integer():
            raise _Bad(f"nombre entier attendu (reçu « {value} »)")
        return int(number)
    return float(number)


def _parse_field(field: str) -> list[str | int]:
    parts: list[str | int] = []
    for chunk in field.replace("]", "").split("."):
        head, *indices = chunk.split("[")
        if head:
            parts.append(head)
        parts.extend(int(i) for i in indices if i.isdigit())
    return parts
