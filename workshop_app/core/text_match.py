"""Matching names typed quickly: case and accents ignored (« saint-quentin » finds « Saint-Quentin »)."""

from __future__ import annotations

import unicodedata


def fold_text(text: str) -> str:
    """Lower case without accents, typographic apostrophes as plain ones, outer spaces removed."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().replace("’", "'"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).strip()
