"""reportlab's bags of attributes (paragraph fragments and lines) cloned without the detour through keyword
arguments (export/pdf/fastclone.py): the same class, the same attributes in the same order, a dict of its
own; a class with an ``__init__`` of its own is cloned by reportlab; whole PDFs are byte-identical."""

from __future__ import annotations

from typing import Any

import pytest
from export_factory import make_snapshot
from reportlab import rl_config
from reportlab.lib.abag import ABag
from reportlab.platypus import Paragraph
from reportlab.platypus.paragraph import FragLine, ParaLines
from reportlab.platypus.paraparser import ParaFrag

from workshop_app.core.catalogue import find_deck
from workshop_app.export.pdf import fastclone
from workshop_app.export.pdf.document import render_pdf
from workshop_app.export.pdf.fonts import register_fonts
from workshop_app.export.pdf.styles import styles
from workshop_app.store.demo_fullday import build_full_day_snapshot


class _Own(ABag):
    def __init__(self, **attr: Any) -> None:
        super().__init__(**attr)
        self.made = True


def _seen(bag: Any) -> tuple[type, list[tuple[str, Any]]]:
    return type(bag), list(vars(bag).items())


def test_a_bag_is_cloned_as_reportlab_clones_it() -> None:
    register_fonts()
    para = Paragraph("a <b>gras</b> <font color='#5F6B73' size='7.5'>petit</font>", styles().note)
    frags = list(para.frags)  # (the line break replaces them by its words)
    para.wrap(120, 1000)
    assert frags and all(type(f) is ParaFrag for f in frags) and type(para.blPara) is ParaLines
    bags = [*frags, para.blPara, FragLine(x=1, words=[]), ParaLines(kind=0, lines=[]), _Own(a=1)]
    for bag in bags:
        for extra in ({}, {"text": "autre", "kind": 1}):
            ours, theirs = fastclone.clone(bag, **extra), fastclone._reportlab_clone(bag, **extra)
            assert _seen(ours) == _seen(theirs)
            ours.added = 1  # its own attributes
            assert not hasattr(bag, "added")
    own = _Own(a=1)
    own.made = False
    assert fastclone.clone(own).made is True  # its __init__ ran, as in reportlab's clone


def _render(snapshot: Any, photos: Any) -> bytes:
    previous, rl_config.invariant = rl_config.invariant, 1
    try:
        return render_pdf(snapshot, photos)
    finally:
        rl_config.invariant = previous


@pytest.mark.parametrize("which", ["full day", "hostile"])
def test_pdfs_are_byte_identical_with_reportlabs_clone(monkeypatch: pytest.MonkeyPatch, which: str) -> None:
    if which == "full day":
        snapshot = build_full_day_snapshot(find_deck("et-si-33"), find_deck("nature-en-ville"), 3033)  # type: ignore[arg-type]
        photos: dict[str, bytes] = {}
    else:
        snapshot, photos = make_snapshot(n_groups=5, n_cards=5, hostile=True, long_text=True)
    ours = _render(snapshot, photos)
    assert ABag.clone is fastclone.clone  # installed with the fonts
    monkeypatch.setattr(ABag, "clone", fastclone._reportlab_clone)
    assert _render(snapshot, photos) == ours


def test_it_runs_with_the_installed_reportlab() -> None:
    """A reportlab upgrade turns it off (reportlab clones, slower): compare this file's tests with the new
    version (set ``fasttext.VERIFIED`` to it) and add it when they pass."""
    import reportlab

    register_fonts()
    assert fastclone.AVAILABLE, f"reportlab {reportlab.Version} is not in fasttext.VERIFIED"
    assert ParaFrag.clone is fastclone.clone
