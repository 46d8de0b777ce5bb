"""Every user setting, declared once: type, default and meaning. Stored in ``$ATELIER_HOME/settings.ini``.

Nobody calls ``QSettings(...)`` elsewhere: widgets receive an :class:`AppSettings` and read typed attributes.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any, Generic, TypeVar, cast

from PySide6.QtCore import QByteArray, QSettings

from workshop_app.core.errors import AtelierError
from workshop_app.paths import ensure_home

T = TypeVar("T")

SETTINGS_VERSION = 1


class Option(Generic[T]):
    """One setting: its key in ``settings.ini``, its default, and what it means in French (shown in the
    preferences). A plain class: building a frozen dataclass cost ~0.6 ms of every start."""

    __slots__ = ("default", "key", "title")

    def __init__(self, key: str, default: T, title: str) -> None:
        self.key = key
        self.default = default
        self.title = title

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Option) and (self.key, self.default, self.title) == (
            other.key,
            other.default,
            other.title,
        )

    def __hash__(self) -> int:
        return hash(self.key)

    def __repr__(self) -> str:
        return f"Option({self.key!r}, {self.default!r}, {self.title!r})"


PROJECTOR_SCREEN: Option[str] = Option("projector/screen_name", "", "Écran du projecteur (nom de l’écran)")
LANGUAGE: Option[str] = Option("ui/language", "fr", "Langue de l’interface (fr ou en)")
FONT_SCALE: Option[float] = Option("ui/font_scale", 1.0, "Taille du texte (1,0 = normale)")
HIGH_CONTRAST: Option[bool] = Option("ui/high_contrast", False, "Contraste élevé")
RECENT_WORKSHOPS: Option[list[str]] = Option("workshops/recent", [], "Ateliers ouverts récemment")
OPEN_WORKSHOP: Option[str] = Option(
    "workshops/open", "", "Atelier en cours : rouvert après un arrêt brutal, effacé à la fermeture normale"
)
WINDOW_GEOMETRY: Option[bytes] = Option("window/geometry", b"", "Position et taille de la fenêtre")
COMPASS_VIEW: Option[str] = Option("compass/view", "radar", "Vue de la boussole (radar ou barres)")
ROOM_MODE: Option[bool] = Option(
    "ui/room_mode", False,
    "Mode salle (écran unique) : boussole et réponses des autres tables masquées jusqu’au dévoilement",
)
PLAY_SPLITTER: Option[bytes] = Option(
    "play/splitter", b"", "Largeurs du plan, de la carte et de la boussole dans l’onglet Jeu"
)
SETUP_SPLITTER: Option[bytes] = Option(
    "setup/splitter", b"", "Largeurs des détails de l’atelier et des onglets dans l’onglet Préparation"
)
COHORT_URL: Option[str] = Option(
    "sync/cohort_url", "", "Base partagée de la cohorte pour « Synchroniser… » (adresse sans mot de passe)"
)

ALL_OPTIONS: tuple[Option[Any], ...] = (
    PROJECTOR_SCREEN, LANGUAGE, FONT_SCALE, HIGH_CONTRAST, RECENT_WORKSHOPS, OPEN_WORKSHOP, WINDOW_GEOMETRY,
    COMPASS_VIEW, PLAY_SPLITTER, ROOM_MODE, COHORT_URL, SETUP_SPLITTER,
)

MAX_RECENT = 10


class AppSettings:
    def __init__(self, store: QSettings | None = None) -> None:
        if store is None:
            try:
                path = ensure_home() / "settings.ini"
            except AtelierError:  # ATELIER_HOME is a file, or read-only: the window opens and says why
                path = Path(tempfile.mkdtemp(prefix="atelier-reglages-")) / "settings.ini"
            store = QSettings(str(path), QSettings.Format.IniFormat)
        self._store = store
        if int(cast(Any, self._store.value("meta/version", 0))) < SETTINGS_VERSION:
            self._store.setValue("meta/version", SETTINGS_VERSION)

    def get(self, option: Option[T]) -> T:
        raw = self._store.value(option.key, None)
        if raw is None:
            return option.default
        default = option.default
        try:
            if isinstance(default, bool):
                return cast(T, raw if isinstance(raw, bool) else str(raw).lower() in ("1", "true", "yes"))
            if isinstance(default, float):
                return cast(T, float(cast(Any, raw)))
            if isinstance(default, list):
                if isinstance(raw, str):
                    return cast(T, [raw] if raw else [])
                return cast(T, [str(x) for x in cast(list[Any], raw)])
            if isinstance(default, bytes):
                return cast(T, bytes(cast(Any, raw)))
            return cast(T, str(raw))
        except (TypeError, ValueError):
            return option.default  # a hand-edited or damaged ini must not stop the app

    def set(self, option: Option[T], value: T) -> None:
        # bytes (the window's geometry, the splitters) as Qt's own @ByteArray: read back at each start without
        # PySide6 unpickling a Python object (``import pickle``, ~2 ms); an older pickled value is rewritten
        stored = QByteArray(value) if isinstance(value, bytes) else value
        if self._store.contains(option.key):
            current = self._store.value(option.key)
            if current == stored and isinstance(current, QByteArray) == isinstance(stored, QByteArray):
                return  # unchanged (the geometry, « no open workshop » at each quit): no write, ~10 ms each
        self._store.setValue(option.key, stored)
        self._store.sync()

    def remember_workshop(self, workshop_id: str) -> None:
        recent = [w for w in self.get(RECENT_WORKSHOPS) if w != workshop_id]
        self.set(RECENT_WORKSHOPS, [workshop_id, *recent][:MAX_RECENT])
        self.set(OPEN_WORKSHOP, workshop_id)

    def forget_open_workshop(self) -> None:
        self.set(OPEN_WORKSHOP, "")

    def forget_workshop(self, workshop_id: str) -> None:
        """A deleted workshop leaves the recent list (and is no longer the one to resume)."""
        self.set(RECENT_WORKSHOPS, [w for w in self.get(RECENT_WORKSHOPS) if w != workshop_id])
        if self.get(OPEN_WORKSHOP) == workshop_id:
            self.forget_open_workshop()
