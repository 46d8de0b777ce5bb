"""The box after an export names what was written: a comparison report is not « le compte-rendu »."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from workshop_app.ui.cohort.flow import CompareFlow
from workshop_app.ui.export_done import ExportDoneBox
from workshop_app.ui.main_window import MainWindow


def test_a_workshop_pdf_is_called_the_compte_rendu(qtbot: QtBot, tmp_path: Path) -> None:
    box = ExportDoneBox(tmp_path / "cr.pdf", lambda _p: True)
    qtbot.addWidget(box)
    assert box.text() == "Compte-rendu enregistré"


def test_a_comparison_report_says_it_is_a_comparison(
    qtbot: QtBot, tmp_path: Path, window: MainWindow
) -> None:
    assert window.service is not None
    flow = CompareFlow(window.service, window)
    for name, expected in [
        ("c.pdf", "Rapport de comparaison enregistré (PDF)"),
        ("c.docx", "Rapport de comparaison enregistré (DOCX)"),
        ("c.csv", "Tableau de comparaison enregistré (CSV)"),
    ]:
        title = flow.written_title(tmp_path / name)
        box = ExportDoneBox(tmp_path / name, lambda _p: True, window, title=title)
        qtbot.addWidget(box)
        assert box.text() == expected
        assert box.windowTitle() == expected
        assert "Compte-rendu" not in box.text()
