"""The city as a sample of the rings' market: extrapolating ring-level flows to the market.

Rings work a market of ``fraud.market_population`` residents; the city sees its share of their
attempts. A ring's takings, its mule accounts burnt by freezes and its numbers blacklisted after
reports elsewhere are market-wide, but the city observes only its own sample. Scaling each city
event up by market/size would turn one victim in a small city into a windfall and one freeze
into the loss of every mule account, making results depend on the city's size; so would
extrapolating the city's realised yields per attempt, which a small city measures from a
handful of victims.

The rest of the market is therefore extrapolated from *expected* values. Each contact a ring
makes in the city carries its chance of paying (the engagement probability, unless a warning
stopped it) and its scam type's mean takings. Summed over the ring's city contacts and times
``scale - 1`` (the ring's attempts elsewhere per attempt in the city), they are the ring's
expected victims and takings elsewhere: thousands of contacts a month back that estimate, not
a few victims. What happens after a victim engages (how much of the expected takings is paid,
what share of their scams' mean amounts victims' savings allow them to pay, how much of it is
frozen, reports and frozen mule paths per expected engagement, the share of transfers the mule
network admits) enters as ratios pooled over all rings and smoothed over
``RATIO_MEMORY_DAYS`` days, or proportionally longer in a city smaller than
``MEMORY_REFERENCE_RESIDENTS``, so that the ratios of every city rest on about as many victims.
The two that carry the rings' revenue rest on chances as well as on outcomes: the paid share
on each stop decision's chance (``GovernanceModel.count_stop_chances``), the frozen share on
each transfer's chance that its mule paths are frozen (``transfers.freeze_chances``). Without
them, a city that has seen a few victims could tell the whole market that fraud never pays,
and the market would tip to nothing on the city's luck.
"""

from __future__ import annotations

from dataclasses import dataclass, field

RATIO_MEMORY_DAYS = 180.0
# A city smaller than this remembers proportionally longer, so that every city's ratios rest on
# about as many victims as this city's 180 days hold: their noise, and so the rings' economy,
# do not depend on the city's size.
MEMORY_REFERENCE_RESIDENTS = 100_000
FLOWS: tuple[str, ...] = (
    "attempts",
    "expected_engaged",
    "engaged_takings",
    "paid_expected",
    "paid_at_mean",
    "paid_capped",
    "paths_paid",
    "frozen_paths",
    "reports",
    "public_reports",
    "transfers_due",
    "transfers_admitted",
)
# ratio: (numerator flow, denominator flow, value before the city has seen the denominator)
RATIOS: dict[str, tuple[str, str, float]] = {
    "paid_per_expected": ("paid_expected", "engaged_takings", 1.0),
    # Victims pay less than their scam's mean amount when their savings run short
    # (transfers.draw_amounts): the city's payments at their expected amounts given the payers'
    # savings at payment and bank holds (transfers.expected_paid_amounts), over the same
    # payments at the mean amounts. Chance-based in the amounts, which are the noisy part.
    "amount_share": ("paid_capped", "paid_at_mean", 1.0),
    "frozen_path_share": ("frozen_paths", "paths_paid", 0.0),
    # Per expected engagement: the multiplier V_r is the sum of the contacts' chances of
    # engaging (``paying``), before grooming interruption, mule capacity, bank holds and empty
    # savings thin engagements into first payments, so the denominator is the city's same sum.
    "reports_per_engaged": ("reports", "expected_engaged", 0.5),
    "frozen_paths_per_engaged": ("frozen_paths", "expected_engaged", 0.0),
    "transfers_per_engaged": ("transfers_due", "expected_engaged", 1.0),
    "admitted_share": ("transfers_admitted", "transfers_due", 1.0),
    "public_reports_per_attempt": ("public_reports", "attempts", 0.0),
}


@dataclass
class MarketExtrapolation:
    """Smoothed per-victim ratios, and the extrapolation of a ring's city contacts."""

    scale: float
    residents: int = MEMORY_REFERENCE_RESIDENTS
    totals: dict[str, float] = field(default_factory=lambda: dict.fromkeys(FLOWS, 0.0))

    def __post_init__(self) -> None:
        self._ratios = {name: self._compute(name) for name in RATIOS}

    @property
    def memory_days(self) -> float:
        """Days the smoothed totals remember: longer for a city below the reference size."""
        return RATIO_MEMORY_DAYS * max(1.0, MEMORY_REFERENCE_RESIDENTS / self.residents)

    def observe(self, **flows: float) -> None:
        """Fold one day of the city's realised flows into the smoothed totals."""
        unknown = set(flows) - set(FLOWS)
        if unknown:  # a misspelt or retired flow would be read as zero, silently
            raise ValueError(f"not flows of the market extrapolation: {sorted(unknown)}")
        keep = 1.0 - 1.0 / self.memory_days
        for name in FLOWS:
            self.totals[name] = self.totals[name] * keep + flows.get(name, 0.0)
        self._ratios = {name: self._compute(name) for name in RATIOS}

    def ratio(self, name: str) -> float:
        """One of :data:`RATIOS`, pooled over rings and smoothed."""
        return self._ratios[name]

    def _compute(self, name: str) -> float:
        numerator, denominator, before = RATIOS[name]
        below = self.totals[denominator]
        # Paid takings are partly engaged takings less the stops' chances (GovernanceModel.
        # count_stop_chances), which a victim facing many decisions can overcount.
        return max(self.totals[numerator] / below, 0.0) if below > 0 else before

    @property
    def elsewhere(self) -> float:
        """A ring's attempts outside the city per attempt in it."""
        return self.scale - 1.0

    def takings_elsewhere(self, expected_takings: float, own_admitted_share: float) -> float:
        """What a ring cashes out outside the city, from its city contacts' expected takings.

        The pooled ratios reflect the pool's mule capacity; the ring's own replaces it.
        """
        pooled = self.ratio("admitted_share")
        mules = own_admitted_share / pooled if pooled > 0 else 1.0
        paid = expected_takings * self.elsewhere * self.ratio("paid_per_expected") * mules
        paid = paid * self.ratio("amount_share")
        return paid * (1.0 - self.ratio("frozen_path_share"))

    def frozen_paths_elsewhere(self, expected_victims: float) -> float:
        """Mule paths of a ring frozen outside the city."""
        return expected_victims * self.elsewhere * self.ratio("frozen_paths_per_engaged")

    def reports_elsewhere(self, expected_victims: float, city_attempts: float) -> float:
        """Reports by victims and by the public outside the city that name a ring's handles."""
        victims = expected_victims * self.ratio("reports_per_engaged")
        public = city_attempts * self.ratio("public_reports_per_attempt")
        return (victims + public) * self.elsewhere

    def transfers_wanted(self, expected_victims_per_day: float) -> float:
        """Transfers per day a ring's victims across the market want to make."""
        return expected_victims_per_day * self.scale * self.ratio("transfers_per_engaged")
