"""The city as a sample of the rings' market: extrapolating ring-level flows to the market.

Rings work a market of ``fraud.market_population`` residents; the city sees its share of their
attempts. A ring's cash, its mule accounts burnt by freezes and its numbers blacklisted after
reports elsewhere are market-wide, but the city observes only its own sample. Scaling each city
event up by market/size would turn one victim in a small city into a windfall and one freeze
into the loss of every mule account, making results depend on the city's size. Instead the rest
of the market is extrapolated from the city's yields per attempt, pooled over all rings and
smoothed over about a month, times each ring's own attempts elsewhere: the same expectation,
with the noise of the whole city rather than of one ring's few victims.
"""

from __future__ import annotations

from dataclasses import dataclass, field

MEMORY_DAYS = 30.0
FLOWS: tuple[str, ...] = (
    "proceeds",
    "frozen_paths",
    "reports",
    "transfers_due",
    "transfers_admitted",
)


@dataclass
class MarketExtrapolation:
    """Smoothed city yields per attempt, and their extrapolation to the rest of the market."""

    scale: float
    totals: dict[str, float] = field(default_factory=lambda: dict.fromkeys(FLOWS, 0.0))
    attempts: float = 0.0

    def observe(self, attempts: float, **flows: float) -> None:
        """Fold one day of city attempts and flows into the smoothed totals."""
        keep = 1.0 - 1.0 / MEMORY_DAYS
        self.attempts = self.attempts * keep + attempts
        for name in FLOWS:
            self.totals[name] = self.totals[name] * keep + flows.get(name, 0.0)

    def per_attempt(self, flow: str) -> float:
        """The city's smoothed yield of ``flow`` per attempt."""
        return self.totals[flow] / self.attempts if self.attempts > 0 else 0.0

    def ratio(self, flow: str, per: str) -> float:
        """Smoothed ratio of two flows (e.g. transfers admitted per transfer due)."""
        return self.totals[flow] / self.totals[per] if self.totals[per] > 0 else 0.0

    def elsewhere(self, market_attempts: float) -> float:
        """A ring's attempts outside the city, from its market-wide attempts."""
        return market_attempts * (1.0 - 1.0 / self.scale)

    def rest_of_market(self, flow: str, market_attempts: float) -> float:
        """Expected ``flow`` a ring gets outside the city today."""
        return self.per_attempt(flow) * self.elsewhere(market_attempts)
