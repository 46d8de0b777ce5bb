"""« Comment lire ces scores ? »: the scoring method in plain words, from the compass (issue #14 item 3).

The French text is :data:`workshop_app.core.scoring.METHOD_TEXT`, written once for the compte-rendu; it is
repeated here as a literal so that ``pyside6-lupdate`` puts it in the English catalogue (a test keeps the two
equal).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget


def method_title() -> str:
    return QCoreApplication.translate("ScoreMethod", "Comment lire ces scores ?")


def method_text() -> str:
    return QCoreApplication.translate(
        "ScoreMethod",
        "Chaque réponse est placée entre 0 (premier niveau de l’échelle) et 100 (dernier niveau). Le "
        "score d’un levier est la moyenne des réponses des cartes qui le renseignent, pondérée par le "
        "poids de chaque carte. Le score d’un principe est la moyenne simple de ses leviers : un "
        "levier renseigné par beaucoup de cartes ne compte pas plus qu’un autre, et une carte liée à "
        "deux leviers d’un même principe n’y est comptée qu’une fois. « Non concerné » sort du calcul "
        "; « ne sait pas » compte comme sans réponse. Le score de la salle met en commun les réponses "
        "de toutes les tables. À côté de chaque moyenne figure l’écart : le plus bas et le plus haut "
        "des scores de levier qu’elle résume, table par table, pour qu’un 0 et un 100 ne se lisent "
        "pas comme un 50 tranquille. Prudence : les niveaux de l’échelle sont des étapes, pas des "
        "mesures ; le pas d’un niveau au suivant n’est pas forcément le même, et leur moyenne est un "
        "repère pour la discussion, pas une mesure. Ces scores sont l’autoévaluation des groupes, pas "
        "un indice officiel.",
    )


def show_method(parent: QWidget | None) -> QMessageBox:
    """A non-modal box: the facilitator can keep it open beside the compass while the room talks."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(method_title())
    box.setText(method_title())
    box.setInformativeText(method_text())
    box.setStandardButtons(QMessageBox.StandardButton.Close)
    box.setObjectName("scoreMethod")
    box.setModal(False)
    box.show()
    return box
