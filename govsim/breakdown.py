"""City counts by place: by region, and by the bank, telecom operator and platform involved.

A city total says how much fraud there is; a breakdown says where, and which institution let
it through or stopped it. Each count goes to every place it belongs to:

- a victim, her payments and the money frozen from them go to her region, to the bank she pays
  from, and to the carrier of the scam's contact: her telecom operator for a call or SMS, the
  platform it landed on for IM or the web;
- a bank hold (a transfer held and abandoned) goes to the payer's region and bank;
- a blocked call or SMS goes to the target's region and operator; removed IM or web content to
  the target's region and the platform.

So, over a sector's institutions, the counts add up to the city's: banks hold every victim,
operators and platforms together every victim; only each sector's own action is counted at its
institutions (:data:`ATTRIBUTED`). Collateral burden is drawn once per sector, not per
institution or resident, so it has no place. Nothing is counted during the warm-up.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

PLACES: tuple[str, ...] = ("region", "bank", "telecom", "platform")
"""The kinds of place a count can belong to: regions, then the three sectors' institutions."""
PLACE_COUNTS: tuple[str, ...] = (
    "victims",
    "gross_loss",
    "frozen",
    "held_by_bank",
    "blocked_telecom",
    "blocked_platform",
)
ATTRIBUTED: dict[str, tuple[str, ...]] = {
    "victims": PLACES,
    "gross_loss": PLACES,
    "frozen": PLACES,
    "held_by_bank": ("region", "bank"),
    "blocked_telecom": ("region", "telecom"),
    "blocked_platform": ("region", "platform"),
}
"""The kinds of place each count is kept for; elsewhere it is not defined (NaN in tables)."""


class Breakdown:
    """Counts by region and by institution, one table (count x place) per kind of place."""

    def __init__(self, sizes: Mapping[str, int]) -> None:
        """Make empty tables; ``sizes`` gives the number of places of each kind in PLACES."""
        self.tables = {kind: np.zeros((len(PLACE_COUNTS), sizes[kind])) for kind in PLACES}

    def add(
        self, name: str, places: Mapping[str, np.ndarray], weights: np.ndarray | None = None
    ) -> None:
        """Add one count (1 each, or ``weights``) to the place of each item, per kind.

        ``places`` maps a kind of place to each item's index there; -1 means none (a call has
        no platform). Kinds the count is not kept for are ignored.
        """
        row = PLACE_COUNTS.index(name)
        for kind in ATTRIBUTED[name]:
            index = places.get(kind)
            if index is None or index.size == 0:
                continue
            table = self.tables[kind][row]
            known = index >= 0
            values = None if weights is None else weights[known]
            table += np.bincount(index[known], weights=values, minlength=table.size)

    def totals(self, kind: str) -> dict[str, np.ndarray]:
        """Each count by place of one kind, with ``net_loss``; NaN where not kept."""
        table = self.tables[kind]
        counts = {
            name: table[row] if kind in ATTRIBUTED[name] else np.full(table.shape[1], np.nan)
            for row, name in enumerate(PLACE_COUNTS)
        }
        counts["net_loss"] = counts["gross_loss"] - counts["frozen"]
        return counts
