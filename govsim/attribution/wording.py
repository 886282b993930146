"""The attribution's own words, in English and Simplified Chinese, as pairs like ``govsim.labels``.

What a reader needs to read the report without knowing Shapley values: the unit and level of
each outcome, and which sign lowers it. The words the attribution shares with the
comparison (its verdict nouns, headings, the players' names) stay in
:mod:`govsim.comparison.wording`; :func:`word` looks here first, then there (no key is in both:
``tests/attribution/test_wording.py`` checks).
"""

from __future__ import annotations

from govsim.comparison.wording import WORDS as SHARED_WORDS
from govsim.labels import label

UNITS: dict[str, tuple[str, str]] = {
    "net_loss": ("yuan", "元"),
    "victims": ("victims", "人"),
    "collateral": ("legitimate calls, transfers and items", "次"),
    "governance_cost": ("yuan", "元"),
}
"""The unit of each attributed outcome (docs/outputs.md), as a note or an axis names it."""
MONEY: frozenset[str] = frozenset({"net_loss", "governance_cost"})
"""Attributed outcomes in yuan: their amounts in sentences carry the unit."""

WORDS: dict[str, tuple[str, str]] = {
    "measure_note": (
        "Unit: {unit}. Level: the city, its {residents:,} residents over {days} measured days. "
        "A part above 0 lowers {noun}, a part below 0 raises it.",
        "单位：{unit}。统计范围：本市 {residents:,} 名居民，{days} 个统计日。分摊值大于 0 表示"
        "使{noun}减少，小于 0 表示使其增加。",
    ),
    "with_unit": ("{name} ({unit})", "{name}（{unit}）"),
    "waterfall_axis": ("Reduction, {unit} (below 0: a rise)", "减少量（{unit}；小于 0 为增加）"),
}
"""Sentences and headings of the attribution alone, filled with ``str.format``."""


def word(key: str, language: str = "en", **values: object) -> str:
    """One of the attribution's sentences or headings (its own, else the comparison's)."""
    table = WORDS if key in WORDS else SHARED_WORDS
    return label(key, language, table).format(**values)


def unit(outcome: str, language: str = "en") -> str:
    """An attributed outcome's unit: yuan, victims, or the collateral burden's counts."""
    return label(outcome, language, UNITS)


def with_unit(text: str, outcome: str, language: str = "en") -> str:
    """A money amount with its unit ("52,612 yuan", "52,612 元"); other amounts as they are."""
    if outcome not in MONEY:
        return text
    return f"{text} {unit(outcome, language)}"
