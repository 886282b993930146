"""How numbers are written on chart axes in each language.

Plotly abbreviates large numbers with SI suffixes (20k, 2M). They are English abbreviations,
which a Chinese page or report should not lean on; there the axes write numbers in full, with
separators (20,000; 2,000,000). Dashboard charts and report charts take their axis settings
from here, so that a page and the report it leads to read alike.
"""

from __future__ import annotations

WRITTEN_IN_FULL = frozenset({"zh"})
"""Languages whose charts write axis numbers in full."""
FULL_NUMBERS = {"exponentformat": "none", "separatethousands": True, "automargin": True}
"""Plotly axis settings for numbers in full; the margin grows with the longer labels."""


def axis_numbers(language: str) -> dict[str, object]:
    """Settings to merge into every numeric axis of a chart in ``language`` (none for English)."""
    return dict(FULL_NUMBERS) if language in WRITTEN_IN_FULL else {}
