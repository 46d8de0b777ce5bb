"""Parts of the story made when the layout reaches them, so that the pages not laid out yet are not all in
memory at once.

reportlab's ``build`` takes the story's flowables one by one from the front of the list and lets go of each
once drawn; but a story made up front holds every page's paragraphs and tables from the start (a full day's
card-by-card annex: ~600 flowables, about half of the story's memory). A :class:`Deferred` stands in the
story for a few flowables (one card's answers), made by its function when the template's
:func:`expand_ahead` reaches it: they then take its place, in its position, and are laid out exactly as if
they had been in the story from the start.

What a deferred part may hold: no heading (the table of contents and the outline list the story's headings
before the layout), nothing that changes the numbering of the headings made before or after it. The
expansion checks the first (a heading there is a bug of ours: it raises).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reportlab.platypus import Flowable

from workshop_app.export.pdf.late import headings_of
from workshop_app.export.pdf.parsed import forget_texts


class Deferred(Flowable):
    """A stand-in for the flowables ``make()`` returns; ``weight``: about how many it makes (the progress
    bar counts them before they exist). Never laid out itself."""

    def __init__(self, make: Callable[[], list[Flowable]], weight: int = 1) -> None:
        super().__init__()
        self.make: Callable[[], list[Flowable]] | None = make
        self.weight = max(1, weight)

    def expand(self) -> list[Flowable]:
        """Its flowables (once: the function is then let go)."""
        make, self.make = self.make, None
        if make is None:
            raise RuntimeError("a deferred part of the story was expanded twice")
        with forget_texts():  # its texts are its own: not kept for the pages after it
            made = make()
        found = headings_of(made)
        if found:  # the contents and the outline were made without it
            raise RuntimeError(f"a deferred part of the story holds headings: {[h.text for h in found]}")
        return made

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        raise RuntimeError("a deferred part of the story reached the frame unexpanded")

    def draw(self) -> None:  # pragma: no cover - never wrapped, so never drawn
        raise RuntimeError("a deferred part of the story reached the frame unexpanded")


def expand_ahead(flowables: list[Any]) -> int:
    """Expand the deferred parts the layout is about to look at: the first flowable, and the ones reportlab
    glues to it (a run of ``keepWithNext`` flowables and the one after it). Returns how many flowables the
    list gained."""
    grown = 0
    i = 0
    while i < len(flowables):
        flowable = flowables[i]
        if isinstance(flowable, Deferred):
            made = flowable.expand()
            flowables[i : i + 1] = made
            grown += len(made) - 1
            continue  # what it made is looked at from its first flowable on
        if flowable is not None and flowable.getKeepWithNext():
            i += 1
            continue
        break
    return grown


def weight_of(story: list[Any]) -> int:
    """How many flowables the story is expected to have once every deferred part is made."""
    return sum(f.weight if isinstance(f, Deferred) else 1 for f in story)
