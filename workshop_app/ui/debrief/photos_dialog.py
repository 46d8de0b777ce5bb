"""The workshop's photos (boards, post-its): add files or drop several at once, caption each, attach each to a
card or to the debrief, remove one. Every change goes through the service and is stored at once.

Files are read by :func:`workshop_app.services.photos.read_photo` (pixel limit, downscaling); a refused file
is listed with its French reason and the others are still added.
"""

from __future__ import annotations

from contextlib import suppress
from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QIcon, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workshop_app.core.errors import AtelierError
from workshop_app.core.workshop import AttachmentInfo
from workshop_app.services.photos import PATTERNS, read_photo
from workshop_app.ui.session import WorkshopSession

ID_ROLE = Qt.ItemDataRole.UserRole + 1
THUMB = 96
Link = tuple[str, str] | None  # (sequence_id, card_id), or None: the debrief


class PhotosDialog(QDialog):
    def __init__(self, session: WorkshopSession, card: Link = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("photosDialog")
        self.setWindowTitle(self.tr("Photos de l’atelier"))
        self.setAcceptDrops(True)
        self._session = session
        self._new_link = card
        self._thumbs: dict[str, QIcon] = {}
        self.list = QListWidget()
        self.list.setObjectName("photosList")
        self.list.setIconSize(QSize(THUMB, THUMB))
        self.list.setWordWrap(True)
        self.list.setAccessibleName(self.tr("Photos"))
        self.list.currentItemChanged.connect(lambda *_: self.on_selection_changed())
        self.hint = QLabel(self.tr(
            "Ajoutez des photos des tableaux et des post-its, ou déposez-en plusieurs ici. "
            "Les grandes photos sont réduites (2\u00a0400 pixels de côté au plus)."))
        self.hint.setWordWrap(True)
        self.errors = QLabel()
        self.errors.setObjectName("photosErrors")
        self.errors.setWordWrap(True)
        self.errors.setStyleSheet("color: #B03A2E; font-weight: bold;")
        self.errors.hide()
        self.caption = QLineEdit()
        self.caption.setObjectName("photoCaption")
        self.caption.setPlaceholderText(self.tr("ex. Tableau des risques de la table 2"))
        self.caption.editingFinished.connect(self.on_caption_finished)
        self.link = QComboBox()
        self.link.setObjectName("photoLink")
        self._fill_links()
        self.link.activated.connect(self.on_link_activated)
        self.add_button = QPushButton(self.tr("&Ajouter des photos…"))
        self.add_button.clicked.connect(self.on_add_clicked)
        self.remove_button = QPushButton(self.tr("&Retirer la photo"))
        self.remove_button.clicked.connect(self.on_remove_clicked)
        close = QPushButton(self.tr("Fermer"))
        close.clicked.connect(self.accept)
        for button in (self.add_button, self.remove_button, close):
            button.setAutoDefault(False)  # Enter in the caption saves it; it never clicks a button
        self._build_layout(close)
        self.refresh()

    def _build_layout(self, close: QPushButton) -> None:
        form = QFormLayout()
        form.addRow(self.tr("&Légende"), self.caption)
        form.addRow(self.tr("Rattachée &à"), self.link)
        for field in (self.caption, self.link):
            label = form.labelForField(field)
            if isinstance(label, QLabel):
                label.setBuddy(field)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.errors)
        layout.addLayout(form)
        layout.addLayout(buttons)
        self.resize(720, 560)

    def _fill_links(self) -> None:
        self.link.clear()
        self.link.addItem(self.tr("Le bilan (pas une carte)"), "")
        for seq in sorted(self._session.sequences, key=lambda s: s.position):
            for card in seq.deck.cards:
                self.link.addItem(f"{seq.position + 1}. {card.id} — {card.title}", _key(seq.id, card.id))

    def _link_index(self, photo: AttachmentInfo) -> int:
        """The combo's row for the photo's card (0: the debrief)."""
        if not photo.card_id:
            return 0
        return max(0, self.link.findData(_key(photo.sequence_id or "", photo.card_id)))

    # -- reading --------------------------------------------------------------------------------------------
    def photos(self) -> list[AttachmentInfo]:
        return list(self._session.snapshot.attachments)

    def refresh(self, select: str | None = None) -> None:
        current = select or self.current_id()
        self.list.clear()
        for photo in self.photos():
            item = QListWidgetItem(self._icon(photo), self._label(photo))
            item.setData(ID_ROLE, photo.id)
            item.setToolTip(f"{photo.filename} · {photo.size // 1024} ko")
            self.list.addItem(item)
            if photo.id == current:
                self.list.setCurrentItem(item)
        if self.list.currentItem() is None and self.list.count():
            self.list.setCurrentRow(self.list.count() - 1)
        self.on_selection_changed()

    def _label(self, photo: AttachmentInfo) -> str:
        where = self._where(photo)
        caption = photo.caption or self.tr("(sans légende)")
        return f"{caption}\n{where} · {photo.filename}"

    def _where(self, photo: AttachmentInfo) -> str:
        return self.link.itemText(self._link_index(photo)) if photo.card_id else self.tr("Bilan")

    def _icon(self, photo: AttachmentInfo) -> QIcon:
        icon = self._thumbs.get(photo.id)
        if icon is None:
            pixmap = QPixmap()
            with suppress(AtelierError):  # a photo that cannot be read shows no thumbnail, nothing else
                pixmap.loadFromData(self._session.service.attachment_data(photo.id))
            if not pixmap.isNull():
                pixmap = pixmap.scaled(THUMB, THUMB, Qt.AspectRatioMode.KeepAspectRatio,
                                       Qt.TransformationMode.SmoothTransformation)
            icon = self._thumbs[photo.id] = QIcon(pixmap)
        return icon

    def current_id(self) -> str | None:
        item = self.list.currentItem()
        return str(item.data(ID_ROLE)) if item is not None else None

    def current(self) -> AttachmentInfo | None:
        wanted = self.current_id()
        return next((p for p in self.photos() if p.id == wanted), None)

    def on_selection_changed(self) -> None:
        photo = self.current()
        for widget in (self.caption, self.link, self.remove_button):
            widget.setEnabled(photo is not None)
        self.caption.setText(photo.caption if photo else "")
        if photo is not None:
            self.link.setCurrentIndex(self._link_index(photo))

    # -- adding ---------------------------------------------------------------------------------------------
    def on_add_clicked(self) -> None:
        self.add_files(self.choose_files())

    def choose_files(self) -> list[Path]:
        """Asks for image files (tests replace this)."""
        patterns = " ".join(PATTERNS)
        paths, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Ajouter des photos"), "", self.tr("Photos (%1)").replace("%1", patterns))
        return [Path(p) for p in paths]

    def add_files(self, paths: list[Path]) -> int:
        """Add every file that can be; say which ones were refused and why. Returns how many were added."""
        refused: list[str] = []
        added: str | None = None
        link = self._new_link
        for path in paths:
            try:
                photo = read_photo(path)
                info = self._session.service.add_attachment(
                    self._session.workshop_id, photo.filename, photo.data, media_type=photo.media_type,
                    sequence_id=link[0] if link else None, card_id=link[1] if link else None,
                )
            except AtelierError as error:
                refused.append(str(error))
                continue
            added = info.id
        self.errors.setText("\n".join(refused))
        self.errors.setVisible(bool(refused))
        if added is not None:
            self._session.reload()
            self.refresh(select=added)
            self.caption.setFocus(Qt.FocusReason.OtherFocusReason)
        return len(paths) - len(refused)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.add_files(paths)

    # -- editing --------------------------------------------------------------------------------------------
    def _update(self, **fields: object) -> None:
        photo = self.current()
        if photo is None:
            return
        try:
            self._session.service.update_attachment(photo.id, **fields)  # type: ignore[arg-type]
        except AtelierError as error:
            self.errors.setText(str(error))
            self.errors.show()
            return
        self.errors.hide()
        self._session.reload()
        self.refresh(select=photo.id)

    def on_caption_finished(self) -> None:
        photo = self.current()
        if photo is not None and self.caption.text().strip() != photo.caption:
            self._update(caption=self.caption.text().strip())

    def on_link_activated(self, index: int) -> None:
        key = str(self.link.itemData(index) or "")
        if key:
            sequence_id, card_id = key.split("\x1f", 1)
            self._update(sequence_id=sequence_id, card_id=card_id)
        else:
            self._update(unlink=True)

    def on_remove_clicked(self) -> None:
        photo = self.current()
        if photo is None:
            return
        try:
            self._session.service.remove_attachment(photo.id)
        except AtelierError as error:
            self.errors.setText(str(error))
            self.errors.show()
            return
        self._thumbs.pop(photo.id, None)
        self._session.reload()
        self.refresh()


def _key(sequence_id: str, card_id: str) -> str:
    return f"{sequence_id}\x1f{card_id}"


def open_photos(session: WorkshopSession, parent: QWidget, card: Link = None) -> PhotosDialog:
    """Show the photos dialog (non-blocking; one at a time per parent window)."""
    existing = parent.findChild(PhotosDialog)
    if isinstance(existing, PhotosDialog) and existing.isVisible():
        existing.raise_()
        existing.activateWindow()
        return existing
    dialog = PhotosDialog(session, card, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
