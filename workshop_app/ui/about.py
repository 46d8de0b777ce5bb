"""Help › About: the version, the licence, and the third-party components with their versions and licences.

The component list comes from :mod:`workshop_app.components` (installed metadata); the notices file it points
to gives every licence text and how to replace the LGPL library (Qt / PySide6) in the bundle.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication, Qt, QUrl, qVersion
from PySide6.QtWidgets import QMessageBox, QWidget


def about_html() -> str:
    from workshop_app import __version__
    from workshop_app.components import APP_LICENCE, components, notices_path

    rows = "".join(
        f"<tr><td>{escape(c.name)}</td><td>{escape(c.version or '—')}</td><td>{escape(c.licence)}</td></tr>"
        for c in components()
    )
    head = QCoreApplication.translate(
        "About",
        "<b>Atelier Résilience</b> %1<br>Ateliers de résilience territoriale, hors ligne.<br>"
        "Les scores sont l’autoévaluation des groupes, pas un indice officiel.",
    ).replace("%1", __version__)
    licence = (
        QCoreApplication.translate("About", "Licence : %1. Composants utilisés (Qt %2) :")
        .replace("%1", APP_LICENCE)
        .replace("%2", qVersion())
    )
    notices = QCoreApplication.translate(
        "About", "Textes des licences et remplacement de Qt (LGPL) : %1"
    ).replace(
        "%1",
        f"<a href='{QUrl.fromLocalFile(str(notices_path())).toString()}'>{escape(notices_path().name)}</a>",
    )
    columns = QCoreApplication.translate(
        "About",
        "<tr><th align='left'>Composant</th><th align='left'>Version</th><th align='left'>Licence</th></tr>",
    )
    return (
        f"{head}<br><br>{licence}<table cellspacing='0' cellpadding='2'>{columns}{rows}</table><br>{notices}"
    )


def build_about(parent: QWidget) -> QMessageBox:
    box = QMessageBox(parent)
    box.setObjectName("aboutBox")
    box.setWindowTitle(QCoreApplication.translate("About", "À propos"))
    box.setIconPixmap(parent.windowIcon().pixmap(64, 64))
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setText(about_html())
    box.addButton(QMessageBox.StandardButton.Close)
    about_qt = box.addButton(
        QCoreApplication.translate("About", "À propos de Qt"), QMessageBox.ButtonRole.HelpRole
    )
    about_qt.clicked.connect(lambda: QMessageBox.aboutQt(box))  # then the box closes, as any button does
    return box


def show_about(parent: QWidget) -> None:
    build_about(parent).exec()  # QMessageBox's label opens the notices' file:// link itself
