"""Look of the app: Qt's Fusion style, a font scale for projectors and an optional high-contrast palette.

``apply_theme`` can be called again at any time (Ctrl++ / Ctrl+- / View menu): it only sets the application's
font, palette and one small stylesheet, so every widget follows without being told.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QFontInfo, QFontMetrics, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from workshop_app.paths import resource_path

log = logging.getLogger(__name__)

MIN_SCALE = 0.8
MAX_SCALE = 2.5
SCALE_STEP = 0.1
_BASE_POINT_SIZE = "atelier_base_point_size"
#: set on the application by :func:`apply_theme`, read by ``theme_ink.ink()`` (which the start screen does not
#: import: its dataclass and palettes cost ~2 ms of every start)
HIGH_CONTRAST_PROPERTY = "atelier_high_contrast"

#: colours a facilitator can tell apart on a washed-out projector, also for colour-blind people (Okabe–Ito)
GROUP_COLOURS = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9", "#F0E442", "#000000")

_CHECK_TEXT = "éèàçœ«»’€"


def clamp_scale(scale: float) -> float:
    return round(max(MIN_SCALE, min(MAX_SCALE, scale)), 2)


def ensure_french_glyphs(app: QGuiApplication) -> str:
    """Make sure the UI font draws é, œ, « », ’: if not, load the DejaVu fonts we ship. Returns the family."""
    font = app.font()
    if _draws(font):
        return QFontInfo(font).family()
    folder = resource_path("resources", "fonts")
    families: list[str] = []
    for path in sorted(folder.glob("*.ttf")) if folder.is_dir() else []:
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0:
            families.extend(QFontDatabase.applicationFontFamilies(font_id))
    if families:
        font.setFamilies([families[0]])
        app.setFont(font)
    family = QFontInfo(app.font()).family()
    if not _draws(app.font()):
        log.warning("the UI font %s lacks French glyphs: accented letters may show as boxes", family)
    return family


def _draws(font: QFont) -> bool:
    metrics = QFontMetrics(font)
    return all(metrics.inFontUcs4(ord(ch)) for ch in _CHECK_TEXT)


def apply_theme(app: QApplication, scale: float = 1.0, high_contrast: bool = False) -> None:
    if app.style().name().lower() != "fusion":
        app.setStyle("Fusion")
    app.setProperty(HIGH_CONTRAST_PROPERTY, high_contrast)  # first: widgets ask ``ink()`` as they restyle
    base = app.property(_BASE_POINT_SIZE)
    if base is None:
        base = max(10.0, app.font().pointSizeF())
        app.setProperty(_BASE_POINT_SIZE, base)
    size = float(base) * clamp_scale(scale)
    font = app.font()
    font.setPointSizeF(size)
    app.setFont(font)
    app.setPalette(high_contrast_palette() if high_contrast else app.style().standardPalette())
    app.setStyleSheet(stylesheet(size, high_contrast))


def high_contrast_palette() -> QPalette:
    palette = QPalette()
    black, white, yellow = QColor("#000000"), QColor("#FFFFFF"), QColor("#FFD400")
    for role in (
        QPalette.ColorRole.Window,
        QPalette.ColorRole.Base,
        QPalette.ColorRole.Button,
        QPalette.ColorRole.ToolTipBase,
    ):
        palette.setColor(role, black)
    palette.setColor(QPalette.ColorRole.AlternateBase, QColor("#1E1E1E"))
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
        QPalette.ColorRole.ToolTipText,
        QPalette.ColorRole.BrightText,
    ):
        palette.setColor(role, white)
    palette.setColor(QPalette.ColorRole.Highlight, yellow)
    palette.setColor(QPalette.ColorRole.HighlightedText, black)
    palette.setColor(QPalette.ColorRole.Link, QColor("#7FDBFF"))
    palette.setColor(QPalette.ColorRole.PlaceholderText, QColor("#BDBDBD"))
    palette.setColor(QPalette.ColorRole.Light, white)
    palette.setColor(QPalette.ColorRole.Mid, QColor("#9E9E9E"))
    palette.setColor(QPalette.ColorRole.Dark, white)
    disabled = QPalette.ColorGroup.Disabled
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        palette.setColor(disabled, role, QColor("#9E9E9E"))
    return palette


def stylesheet(point_size: float, high_contrast: bool) -> str:
    """The app's stylesheet. Sizes that must follow the text size (Ctrl++, « grand texte ») live here, by role
    (object name), rather than in a widget's ``setFont``, which would freeze them at their creation size."""
    title = point_size * 1.6
    subtitle = point_size * 1.2
    focus = "#FFD400" if high_contrast else "#1565C0"
    muted = "#E0E0E0" if high_contrast else "#555555"
    error = "#FF8A80" if high_contrast else "#B00020"
    border = "2px" if high_contrast else "1px"
    checked = ""
    if high_contrast:  # Fusion's checked buttons are a shade of the (black) button colour: unreadable
        checked = "QToolButton:checked, QPushButton:checked { background: #FFD400; color: #000000; }"
    return f"""
QLabel#pageTitle {{ font-size: {title:.1f}pt; font-weight: bold; }}
QLabel#sectionTitle {{ font-size: {subtitle:.1f}pt; font-weight: bold; }}
QLabel#cardTitle {{ font-size: {point_size * 1.7:.1f}pt; font-weight: bold; }}
QLabel#cardPrompt {{ font-size: {point_size * 1.2:.1f}pt; }}
QLabel#timerValue {{ font-family: "DejaVu Sans Mono"; font-weight: bold;
    font-size: {point_size * 1.3:.1f}pt; }}
QLabel#muted {{ color: {muted}; }}
QLabel#error {{ color: {error}; }}
QTabBar::tab {{ padding: 6px 18px; }}
QLineEdit, QPlainTextEdit {{ border: {border} solid {muted}; padding: 3px; }}
QLineEdit:focus, QPlainTextEdit:focus, QTableView:focus, QListView:focus, QTreeView:focus {{
    border: 2px solid {focus}; }}
{checked}
"""


def set_role(widget: QWidget, name: str) -> None:
    """Give a label one of the stylesheet roles (``muted``, ``error``, ``sectionTitle``…) and restyle it.

    Only a widget already polished (shown) is restyled, and only when its role changes: one being built
    takes its role when first shown, and restyling at every call (the start page's state, several times per
    start) cost ~3 ms of each start, with a first ``style()`` from Python that PySide6 pays for."""
    if widget.objectName() == name:
        return
    widget.setObjectName(name)
    if widget.testAttribute(Qt.WidgetAttribute.WA_WState_Polished):
        widget.style().unpolish(widget)
        widget.style().polish(widget)
