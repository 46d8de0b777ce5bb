"""A note marked « hors compte-rendu » in the play page: stored with its flag, shown in the row, never in the
compte-rendu."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox
from test_play_support import fresh_events, open_play_page

from workshop_app.core.events import EventKind


def test_internal_note_is_kept_but_reaches_no_export(tmp_path: Path, qtbot: Any) -> None:
    page, session, store, workshop_id = open_play_page(tmp_path, qtbot)
    try:
        row = page.groups.rows[0]
        box = row.findChild(QCheckBox, "noteInternal")
        assert box is not None and not box.isVisible()
        row.on_notes_clicked()
        assert box.isVisible() and not box.isChecked()
        box.setChecked(True)
        row.note_edit.setText("Préfère des actions visibles avant les élections")  # keyClicks: ASCII only
        qtbot.keyClick(row.note_edit, Qt.Key.Key_Return)
        assert not box.isVisible()
        row.on_notes_clicked()
        assert not box.isChecked()  # each note starts as an ordinary note
        row.note_edit.setText("Le PCS date de 2019")
        qtbot.keyClick(row.note_edit, Qt.Key.Key_Return)
        notes = [e for e in fresh_events(tmp_path, workshop_id) if e.kind is EventKind.NOTE_ADDED]
        assert [(n.payload["text"], n.payload.get("internal", False)) for n in notes] == [
            ("Préfère des actions visibles avant les élections", True),
            ("Le PCS date de 2019", False),
        ]
        assert [n.internal for n in session.sequence_state().notes] == [True, False]
        import io

        from pypdf import PdfReader

        from workshop_app.export.pdf import render_pdf

        reader = PdfReader(io.BytesIO(render_pdf(store.snapshot(workshop_id), {})))
        text = " ".join(
            " ".join((p.extract_text() or "").replace("\u00a0", " ").split()) for p in reader.pages
        )
        assert "Le PCS date de 2019" in text and "avant les élections" not in text
    finally:
        store.close()
