"""Every menu action and keyboard shortcut of the app, declared in one registry.

The main window composes menus from :meth:`ActionRegistry.menus` and connects each action's ``triggered`` to
its handler; the projector window receives the actions that must work while it has the focus. The Help menu's
list of shortcuts is generated from here, so it cannot drift from what the keys do.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenuBar

from workshop_app.ui.i18n import LANGUAGES

if TYPE_CHECKING:
    from workshop_app.ui.session import WorkshopSession

Keys = Iterable[str | QKeySequence.StandardKey]

#: actions that must also work while the projector window has the keyboard focus
PROJECTOR_ACTIONS = (
    "next_card",
    "previous_card",
    "reveal",
    "projector",
    "swap_screen",
    "blank",
    "undo",
    "redo",
    "card_timer",
    "sequence_timer",
)
#: Alt+1 … Alt+8 put the keyboard on that table's row of the play page
MAX_GROUP_KEYS = 8


class ActionRegistry(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._actions: dict[str, QAction] = {}
        self._titles: dict[str, str] = {}  # each action's own text (undo and redo add what they would do)
        # -- Fichier
        self._add(
            "new_workshop",
            self.tr("&Nouvel atelier"),
            ["Ctrl+N"],
            self.tr("Crée un atelier et ouvre sa préparation"),
        )
        self._add(
            "open_file",
            self.tr("&Ouvrir…"),
            ["Ctrl+O"],
            self.tr("Ouvre un jeu (.yaml) ou l’archive d’un atelier (.zip)"),
        )
        self._add(
            "import_deck",
            self.tr("&Importer un jeu (YAML)…"),
            ["Ctrl+Shift+O"],
            self.tr("Vérifie un fichier de jeu et l’ajoute à vos jeux"),
        )
        self._add("export", self.tr("&Exporter le compte-rendu…"), ["Ctrl+E"], self.tr("PDF, CSV ou XLSX"))
        self._add(
            "export_bundle",
            self.tr("Exporter l'&archive de l’atelier (.zip)…"),
            ["Ctrl+Shift+E"],
            self.tr("Tout l’atelier et ses photos, pour le rouvrir sur un autre ordinateur (Ctrl+O)"),
        )
        self._add(
            "rescue",
            self.tr("Sau&ver les ateliers d’une base endommagée…"),
            [],
            self.tr("Une archive (.zip) par atelier encore lisible ; la base n’est que lue"),
        )
        self._add(
            "backup_all",
            self.tr("&Sauvegarder toutes les données…"),
            [],
            self.tr("Tous les ateliers, leurs photos et vos jeux dans un .zip, sur une clé USB par exemple"),
        )
        self._add(
            "restore_backup",
            self.tr("&Restaurer une sauvegarde…"),
            [],
            self.tr(
                "Remplace les données de cet ordinateur par une sauvegarde, après les avoir mises de côté"
            ),
        )
        self._add(
            "sync",
            self.tr("S&ynchroniser avec la cohorte…"),
            [],
            self.tr("Envoie les ateliers à la base partagée de la cohorte et reçoit ceux des autres"),
        )
        self._add(
            "conflicts",
            self.tr("Conf&lits de synchronisation…"),
            [],
            self.tr("Les champs de cet atelier modifiés sur deux portables : choisir la valeur qui reste"),
        )
        self._add(
            "photos",
            self.tr("&Photos de l’atelier…"),
            ["Ctrl+Shift+P"],
            self.tr("Photos des tableaux et des post-its, pour le compte-rendu (à une carte ou au bilan)"),
        )
        self._add("close_workshop", self.tr("&Fermer l’atelier"), ["Ctrl+W"])
        self._add("quit", self.tr("&Quitter"), ["Ctrl+Q"])
        # -- Édition
        self._add(
            "undo", self.tr("&Annuler"), ["Ctrl+Z"], self.tr("Annule la dernière réponse, note ou carte")
        )
        self._add("redo", self.tr("&Rétablir"), ["Ctrl+Shift+Z", "Ctrl+Y"])
        # -- Jeu
        self._add("next_card", self.tr("Carte &suivante"), ["PgDown", "Alt+Right"])
        self._add("previous_card", self.tr("Carte &précédente"), ["PgUp", "Alt+Left"])
        self._add(
            "reveal",
            self.tr("&Révéler / masquer la boussole"),
            ["R"],
            self.tr("Montre les résultats aux tables (ils restent cachés jusque-là)"),
        )
        self._add(
            "add_action",
            self.tr("Ajouter une ac&tion au plan"),
            ["Ctrl+Shift+A"],
            self.tr("Nouvelle ligne dans le plan d’action du bilan"),
        )
        self._add(
            "history",
            self.tr("&Historique et relecture…"),
            ["Ctrl+H"],
            self.tr("Tout ce qui s’est passé, filtrable, et la boussole à n’importe quel moment"),
        )
        self._add("card_timer", self.tr("&Minuteur de la carte (démarrer / pause)"), ["T"])
        self._add("sequence_timer", self.tr("Minuteur de la sé&quence (démarrer / pause)"), ["Shift+T"])
        for number in range(1, MAX_GROUP_KEYS + 1):
            self._add(
                f"group_{number}",
                self.tr("Aller à la table %1").replace("%1", str(number)),
                [f"Alt+{number}"],
            )
        # -- Affichage
        self._add("go_start", self.tr("&Accueil"), ["Ctrl+1"])
        self._add("go_setup", self.tr("&Préparation"), ["Ctrl+2"])
        self._add("go_play", self.tr("&Jeu"), ["Ctrl+3"])
        self._add("go_debrief", self.tr("&Bilan"), ["Ctrl+4"])
        self._add("projector", self.tr("P&rojecteur (afficher / masquer)"), ["F5"], checkable=True)
        self._add("swap_screen", self.tr("Projecteur sur l’autre &écran"), ["F6"])
        self._add("blank", self.tr("Écran &noir au projecteur"), ["B"], checkable=True)
        self._add(
            "room_mode",
            self.tr("Mode &salle (écran unique)"),
            [],
            self.tr("La salle voit cet écran : boussole et réponses des autres tables masquées jusqu’à R"),
            checkable=True,
        )
        self._add("fullscreen", self.tr("Plein é&cran"), ["F11"], checkable=True)
        self._add("font_bigger", self.tr("A&grandir le texte"), ["Ctrl++", "Ctrl+="])
        self._add("font_smaller", self.tr("Ré&duire le texte"), ["Ctrl+-"])
        self._add("font_reset", self.tr("&Taille de texte normale"), ["Ctrl+0"])
        self._add("high_contrast", self.tr("Contraste é&levé (projecteur)"), ["Ctrl+Shift+H"], checkable=True)
        self.language_group = QActionGroup(self)
        for code, name in LANGUAGES.items():
            action = self._add(f"language_{code}", name, [], checkable=True)
            self.language_group.addAction(action)
        # -- Aide
        self._add("shortcuts", self.tr("&Raccourcis clavier"), ["F1"])
        self._add("about", self.tr("À &propos d’Atelier Résilience"), [])

    def _add(self, name: str, text: str, keys: Keys, tip: str = "", checkable: bool = False) -> QAction:
        action = QAction(text, self)
        action.setObjectName(f"action_{name}")
        action.setShortcuts([k if isinstance(k, QKeySequence) else QKeySequence(k) for k in keys])
        action.setCheckable(checkable)
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        self._actions[name] = action
        self._titles[name] = text
        return action

    def __getitem__(self, name: str) -> QAction:
        return self._actions[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._actions)

    def menus(self) -> list[tuple[str, list[str | None]]]:
        """(menu title, action names; None is a separator), in menu-bar order."""
        languages: list[str | None] = [f"language_{code}" for code in LANGUAGES]
        return [
            (
                self.tr("&Fichier"),
                [
                    "new_workshop",
                    "open_file",
                    "import_deck",
                    None,
                    "export",
                    "export_bundle",
                    "photos",
                    "rescue",
                    None,
                    "backup_all",
                    "restore_backup",
                    None,
                    "sync",
                    "conflicts",
                    None,
                    "close_workshop",
                    "quit",
                ],
            ),
            (self.tr("É&dition"), ["undo", "redo"]),
            (
                self.tr("&Jeu"),
                [
                    "previous_card",
                    "next_card",
                    None,
                    "reveal",
                    None,
                    "card_timer",
                    "sequence_timer",
                    None,
                    "add_action",
                    "history",
                ],
            ),
            (
                self.tr("&Affichage"),
                [
                    "go_start",
                    "go_setup",
                    "go_play",
                    "go_debrief",
                    None,
                    "projector",
                    "swap_screen",
                    "blank",
                    "room_mode",
                    None,
                    "fullscreen",
                    "font_bigger",
                    "font_smaller",
                    "font_reset",
                    "high_contrast",
                    None,
                    *languages,
                ],
            ),
            (self.tr("Aid&e"), ["shortcuts", "about"]),
        ]

    def update_enabled(self, has_store: bool, session: WorkshopSession | None) -> None:
        """Enable what makes sense now: nothing without a database, the play keys once a sequence is open."""
        self["new_workshop"].setEnabled(has_store)
        self["open_file"].setEnabled(has_store)
        self["backup_all"].setEnabled(has_store)
        self["restore_backup"].setEnabled(has_store)
        self["sync"].setEnabled(has_store)
        self["conflicts"].setEnabled(session is not None)
        workshop_actions = (
            "export", "export_bundle", "photos", "close_workshop", "go_setup", "go_play", "go_debrief"
        )
        for name in (*workshop_actions, "add_action", "history"):
            self[name].setEnabled(session is not None)
        playing = session is not None and session.sequence_id is not None
        for name in ("next_card", "previous_card", "reveal", "card_timer", "sequence_timer"):
            self[name].setEnabled(playing)
        groups = len(session.snapshot.groups) if session is not None else 0
        for number in range(1, MAX_GROUP_KEYS + 1):
            self[f"group_{number}"].setEnabled(number <= groups)
        self["undo"].setEnabled(session is not None and session.can_undo())
        self["redo"].setEnabled(session is not None and session.can_redo())
        self.update_undo_texts(session)

    def update_undo_texts(self, session: WorkshopSession | None) -> None:
        """« Annuler : réponse de Table 2 à la carte « … » »: the menu says what the key will do."""
        if session is None:  # the start screen: plain words, without importing the play modules
            self["undo"].setText(self.tr("&Annuler"))
            self["redo"].setText(self.tr("&Rétablir"))
            return
        from workshop_app.ui.play.feedback import redo_text, undo_text

        self["undo"].setText(undo_text(session))
        self["redo"].setText(redo_text(session))

    def fill_menu_bar(self, bar: QMenuBar) -> None:
        for title, names in self.menus():
            menu = bar.addMenu(title)
            for name in names:
                if name is None:
                    menu.addSeparator()
                else:
                    menu.addAction(self._actions[name])

    def projector_actions(self) -> list[QAction]:
        return [self._actions[name] for name in PROJECTOR_ACTIONS]

    def shortcut_table(self) -> list[tuple[str, str]]:
        """(what it does, keys) for every action that has keys, in menu order."""
        rows: list[tuple[str, str]] = []
        for _title, names in self.menus():
            for name in names:
                if name is None:
                    continue
                action = self._actions[name]
                keys = [k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts()]
                if keys:
                    rows.append((without_mnemonic(self._titles[name]), " · ".join(keys)))
        first, last = self._actions["group_1"], self._actions[f"group_{MAX_GROUP_KEYS}"]
        native = QKeySequence.SequenceFormat.NativeText
        rows.append(
            (
                self.tr("Aller à une table (1 à %1)").replace("%1", str(MAX_GROUP_KEYS)),
                f"{first.shortcut().toString(native)} … {last.shortcut().toString(native)}",
            )
        )
        return rows


def without_mnemonic(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")
