"""Translations: French is the language of the source code; English comes from ``atelier_en.qm``.

Qt's own catalogue (``qtbase_fr.qm``) is loaded for French so that standard dialogs and buttons (Oui / Non,
Annuler, the colour and file dialogs) speak French too. The language is read once at start-up.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from workshop_app.paths import resource_path

log = logging.getLogger(__name__)

LANGUAGES: dict[str, str] = {"fr": "Français", "en": "English"}
SOURCE_LANGUAGE = "fr"


def translations_dir() -> str:
    return str(resource_path("resources", "translations"))


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Load Qt's catalogue and ours for ``language``; returns the translators (parented to ``app``)."""
    language = language if language in LANGUAGES else SOURCE_LANGUAGE
    QLocale.setDefault(
        QLocale(
            QLocale.Language.French if language == "fr" else QLocale.Language.English,
            QLocale.Country.France if language == "fr" else QLocale.Country.UnitedKingdom,
        )
    )
    installed: list[QTranslator] = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if language != "en":
        installed += _load(app, f"qtbase_{language}", qt_dir)
    if language == "fr":  # installed after qtbase_fr: it is asked first, for the strings qtbase_fr lacks
        from workshop_app.ui.qt_french import QtFrenchGaps

        gaps = QtFrenchGaps(app)
        app.installTranslator(gaps)
        installed.append(gaps)
    if language != SOURCE_LANGUAGE:
        installed += _load(app, f"atelier_{language}", translations_dir())
    return installed


def _load(app: QCoreApplication, name: str, folder: str) -> list[QTranslator]:
    translator = QTranslator(app)
    if not translator.load(name, folder):
        log.info("no translation catalogue %s in %s", name, folder)
        return []
    app.installTranslator(translator)
    return [translator]
