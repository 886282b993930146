"""What the model counts: daily counters, the per-scam table and the run summary.

Two levels are kept apart. *City* counts (``summary``, ``timeseries``) are for the simulated
city: its attempts, victims, losses, reports, blocks. *Market* counts (``market``) are for the
whole market the rings serve (``fraud.market_population`` residents): rings, their members,
operations against them, arrests, convictions. A market-wide count that matters for the city,
such as arrests, also appears in the city tables, attributed to the city by its share of the
market's residents (size / market population): rings work their whole market evenly, so the
city's share of their victims, and of the enforcement against them, is its share of residents.

Column names here are a public contract: researchers' scripts, comparisons and the dashboard read
them. Add columns freely; do not rename them. Nothing is counted during the warm-up.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

import numpy as np

from govsim.breakdown import Breakdown
from govsim.costs import COST_COUNTS

DAILY_COUNTS: tuple[str, ...] = (
    "attempts",
    "contacts_reached",
    "blocked_telecom",
    "blocked_platform",
    "flagged",
    "leads",
    "leads_expired",
    "warned",
    "dissuaded",
    "held_by_bank",
    "victims",
    "victims_student",
    "victims_working",
    "victims_elderly",
    "transfers_due",
    "transfers_admitted",
    "transfers",
    "gross_loss",
    "frozen",
    "reported_loss",
    "frozen_reported",
    "frozen_paths",
    "ring_proceeds",
    "proceeds_abroad",
    "reports",
    "public_reports",
    "handles_blacklisted",
    "cases_opened",
    "cases_linked",
    "legit_calls_blocked",
    "legit_transfers_delayed",
    "legit_content_removed",
    "campaign_reached",
    "dissuasion_calls",
    *COST_COUNTS,
)
MARKET_COUNTS: tuple[str, ...] = (
    "operations",
    "arrests",
    "arrests_cross_border",
    "arrests_leader",
    "arrests_core",
    "arrests_operators",
    "arrests_money_movers",
    "arrests_other_roles",
    "convictions",
    "handles_taken_down",
    "rings_entered",
    "rings_dissolved",
    "rings_exited",
)
"""Counted for the whole market; also attributed to the city (per resident share)."""
ATTRIBUTED: tuple[str, ...] = tuple(n for n in MARKET_COUNTS if not n.startswith("rings_"))
"""Market counts that also appear in the city tables, attributed to the city."""
SUMMARY_SUMS: tuple[str, ...] = (
    "attempts",
    "contacts_reached",
    "blocked_telecom",
    "blocked_platform",
    "dissuaded",
    "held_by_bank",
    "victims",
    "gross_loss",
    "frozen",
    "reported_loss",
    "frozen_reported",
    "reports",
    "cases_linked",
    "operations",
    "arrests",
    "arrests_cross_border",
    "convictions",
    "legit_calls_blocked",
    "legit_transfers_delayed",
    "legit_content_removed",
    "flagged",
    "leads",
    "dissuasion_calls",
    "leads_expired",
    *COST_COUNTS,
)


LINK_TRAFFIC: tuple[str, ...] = ("freeze", "blacklist", "lead", "case", "suspect", "arrest")
"""What a cooperation link carries, counted per link and day for the dashboard's network view:
a stop-payment order (police-bank), a reported number or account to block (police-telecom,
police-platform), a risk lead or signal (a flag forwarded to the centre or a bank, a telecom's
flag shared with platforms, a public report through the government-public link), a city's case
linked to the ring's cases in other regions (police-police), an arrested suspect whose case the
procuratorate joined early (police-judiciary) and a ring member arrested abroad at the police's
request (police-international). Each is counted where the link's level acts and only when it
did: a case linked within its own region, a suspect without early involvement or an arrest at
home is not. Suspects and arrests abroad are counted for the whole market, like the arrests they
come from; the rest for the city. Kept apart from the daily columns: it is a view of the
mechanisms, not an outcome written to files."""


class Metrics:
    """Counters of the current day, the history of measured days, and run-level tallies."""

    def __init__(self, scam_count: int, city_share: float, places: Mapping[str, int]) -> None:
        """Start counting; ``places`` gives the number of regions and of each sector's members."""
        self.city_share = city_share
        self.measuring = False
        self.today: Counter[str] = Counter()
        self.market_today: Counter[str] = Counter()
        self.days: list[dict[str, float]] = []
        self.market_days: list[dict[str, float]] = []
        shape = (scam_count, 2)
        self.by_scam = {
            name: np.zeros(shape)
            for name in ("attempts", "contacts_reached", "victims", "gross_loss", "frozen")
        }
        self.hours_to_freeze: list[np.ndarray] = []
        self.by_place = Breakdown(places)
        self.links_today: Counter[tuple[str, str]] = Counter()
        self.link_days: list[dict[tuple[str, str], float]] = []
        """Per measured day, what each link carried: ``(link, kind)`` to a count."""

    def add(self, name: str, amount: float) -> None:
        """Add to one of today's city counters."""
        self.today[name] += amount

    def add_market(self, name: str, amount: float) -> None:
        """Add to one of today's market-wide counters."""
        self.market_today[name] += amount

    def add_by_scam(self, name: str, scam: np.ndarray, mode: np.ndarray, weights=None) -> None:
        """Add per (scam type, mode) counts or amounts to the run's per-scam table."""
        if not (scam.size and self.measuring):
            return
        table = self.by_scam[name]
        if weights is None:
            # Counts: whole numbers, so adding each cell's count at once is adding one by one.
            cells = scam.astype(np.int64) * 2 + mode
            table += np.bincount(cells, minlength=table.size).reshape(table.shape)
        else:
            np.add.at(table, (scam, mode), weights)

    def add_by_place(
        self, name: str, places: Mapping[str, np.ndarray], weights: np.ndarray | None = None
    ) -> None:
        """Add counts or amounts to the run's tables by region and institution (breakdown)."""
        if self.measuring:
            self.by_place.add(name, places, weights)

    def add_link(self, link: str, kind: str, amount: float) -> None:
        """Count what a cooperation link carried today (a kind of :data:`LINK_TRAFFIC`)."""
        if amount:
            self.links_today[link, kind] += amount

    def add_hours_to_freeze(self, hours: np.ndarray) -> None:
        """Record hours from transfer to freeze of frozen mule paths."""
        if self.measuring:
            self.hours_to_freeze.append(hours)

    def close_day(
        self, day: int, levels: dict[str, float], market_levels: dict[str, float]
    ) -> dict[str, float]:
        """Store today's counters with the day's levels (if measuring) and start a new day."""
        row = {"day": float(day)}
        row.update({name: float(self.today.get(name, 0.0)) for name in DAILY_COUNTS})
        row.update(
            {name: float(self.market_today.get(name, 0.0)) * self.city_share for name in ATTRIBUTED}
        )
        row["net_loss"] = row["gross_loss"] - row["frozen"]
        row.update(levels)
        market = {"day": float(day)}
        market.update({name: float(self.market_today.get(name, 0.0)) for name in MARKET_COUNTS})
        market.update(market_levels)
        if self.measuring:
            self.days.append(row)
            self.market_days.append(market)
            self.link_days.append(dict(self.links_today))
        self.today = Counter()
        self.market_today = Counter()
        self.links_today = Counter()
        return row

    def drop_day(self) -> None:
        """Start a new day without keeping this one (a warm-up day)."""
        self.today = Counter()
        self.market_today = Counter()
        self.links_today = Counter()

    def median_hours_to_freeze(self) -> float:
        """Median hours from transfer to freeze over all frozen mule paths (NaN if none)."""
        if not self.hours_to_freeze:
            return float("nan")
        hours = np.concatenate(self.hours_to_freeze)
        return float(np.median(hours)) if hours.size else float("nan")

    def summary(self) -> dict[str, float]:
        """City totals over the measured days and the shares derived from them."""
        totals = {name: float(sum(day[name] for day in self.days)) for name in SUMMARY_SUMS}
        proceeds = sum(day["ring_proceeds"] for day in self.days)
        abroad = sum(day["proceeds_abroad"] for day in self.days)
        totals["net_loss"] = totals["gross_loss"] - totals["frozen"]
        totals["governance_cost"] = sum(totals[name] for name in COST_COUNTS)
        totals["report_share"] = _share(totals["reports"], totals["victims"])
        totals["recovered_share"] = _share(totals["frozen"], totals["gross_loss"])
        totals["reported_recovered_share"] = _share(
            totals["frozen_reported"], totals["reported_loss"]
        )
        totals["cross_border_loss_share"] = _share(abroad, proceeds)
        totals["median_hours_to_freeze"] = self.median_hours_to_freeze()
        return totals


def _share(part: float, whole: float) -> float:
    return part / whole if whole > 0 else float("nan")
