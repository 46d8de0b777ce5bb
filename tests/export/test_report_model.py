"""The document model (export/report) that the PDF renders and a DOCX renderer can render: built without
reportlab, with the synthesis first and plain French text."""

from __future__ import annotations

import subprocess
import sys

from workshop_app.core.catalogue import find_deck
from workshop_app.core.findings import compute
from workshop_app.export import analysis
from workshop_app.export.anonymise import Anonymiser
from workshop_app.export.report import body
from workshop_app.export.report.model import BarChart, Findings, RadarChart, Section, TableBlock
from workshop_app.store.demo import build_demo_snapshot


def _walk(section: Section) -> list[object]:
    out: list[object] = [section, *section.blocks]
    for sub in section.subsections:
        out += _walk(sub)
    return out


def test_the_whole_document_as_a_model() -> None:
    snapshot = build_demo_snapshot(find_deck("et-si-33"), find_deck("nature-en-ville"))  # type: ignore[arg-type]
    state = snapshot.state()
    readings = {s.id: snapshot.compass(s.id, state) for s in snapshot.sequences}
    text = Anonymiser(snapshot.participants, True).text
    sections = body.document(
        snapshot,
        compute(snapshot, state, readings),
        readings,
        state,
        text,
        lambda lever: analysis.lever_label(snapshot, lever),
    )
    assert [s.title for s in sections] == [
        "Synthèse",
        "Contexte, objectifs et programme",
        "Résultats : la boussole",
        "Accords et désaccords entre les tables",
        "Bilan de la séance",
        "Engagements et plan d’action",
    ]
    items = [x for s in sections for x in _walk(s)]
    kinds = {type(x) for x in items}
    assert {Findings, TableBlock, RadarChart, BarChart} <= kinds
    radars = [x for x in items if isinstance(x, RadarChart)]
    assert any(r.middle for r in radars) and any(not r.middle for r in radars)  # strategy chart marked
    bars = next(x for x in items if isinstance(x, BarChart))
    values = [b.value for b in bars.bars if b.value is not None]
    assert values == sorted(values, reverse=True) and all(b.group for b in bars.bars)
    for table in (x for x in items if isinstance(x, TableBlock)):
        assert abs(sum(table.widths) - 1) < 0.01 and all(len(r) == len(table.header) for r in table.rows)
    owners = [r[2] for t in items if isinstance(t, TableBlock) and t.header[1] == "Action" for r in t.rows]
    assert owners and not any("Moreau" in o for o in owners)  # anonymised through ``text``


def test_the_model_imports_neither_reportlab_nor_qt() -> None:
    code = (
        "import sys, workshop_app.export.report.body, workshop_app.export.report.synthesis;"
        "bad = [m for m in sys.modules if m.startswith(('reportlab', 'PySide6', 'docx'))];"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
