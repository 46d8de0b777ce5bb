"""French typography shared by every renderer of the compte-rendu (PDF, DOCX): one apostrophe, the
typographic ’, everywhere (the app's strings and what was typed alike), and inclusive writing as a setting.

* :func:`apostrophes`: a straight ``'`` between two letters (« l'eau », « aujourd'hui ») becomes ’; a ``'``
  used as a quotation mark elsewhere is left alone.
* :func:`inclusive`: with the point médian off (the default), « participant·es » becomes « participants » and
  « Participant·e 3 » « Participant 3 »; on, the text is unchanged. The setting applies to the whole document,
  typed text included, so one document keeps one convention. Renderers set it for a build with
  :func:`writing` (a context variable: safe in a worker thread).
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from contextvars import ContextVar

_APOSTROPHE = re.compile(r"(?<=[^\W\d_])'(?=[^\W\d_])")
_MEDIAN = re.compile(r"(?<=[^\W\d_])·(e|es|rice|rices|euse|euses)(?![^\W\d_])")
_INCLUSIVE: ContextVar[bool] = ContextVar("inclusive_writing", default=False)


def apostrophes(text: str) -> str:
    return _APOSTROPHE.sub("\u2019", text) if "'" in text else text


_FEMININE_ENDINGS = {"e": "", "es": "s", "rice": "", "rices": "s", "euse": "", "euses": "s"}


def inclusive(text: str, enabled: bool | None = None) -> str:
    """``text`` with the point médian removed unless inclusive writing is on (``enabled`` or the current
    :func:`writing` setting)."""
    on = _INCLUSIVE.get() if enabled is None else enabled
    if on or "·" not in text:
        return text
    return _MEDIAN.sub(lambda m: _FEMININE_ENDINGS[m.group(1)], text)


@contextlib.contextmanager
def writing(inclusive_writing: bool) -> Iterator[None]:
    """Within the block, :func:`inclusive` (and the PDF's text cleaning) use ``inclusive_writing``."""
    token = _INCLUSIVE.set(inclusive_writing)
    try:
        yield
    finally:
        _INCLUSIVE.reset(token)


def inclusive_writing() -> bool:
    """The current setting (see :func:`writing`)."""
    return _INCLUSIVE.get()


def french(text: str) -> str:
    """Both rules: what every renderer applies to every string of the document."""
    return inclusive(apostrophes(text))
