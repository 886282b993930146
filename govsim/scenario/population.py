"""Scenario section ``population``: the residents of the simulated city."""

from __future__ import annotations

from pydantic import Field, field_validator

from govsim.scenario.fields import (
    ASSUMPTION,
    BrokenRuleError,
    ByGroup,
    ByGroupShare,
    Record,
    by_group,
    by_group_share,
    param,
    share,
)
from govsim.scenario.messages import Message

ONS = "ONS Crime Survey for England and Wales (fraud reported to police), see docs/sources.md"


class Population(Record):
    """Residents: who they are, what they own, how they see and report fraud."""

    size: int = param(
        100_000,
        "Number of residents simulated.",
        unit="residents",
        ge=100,
        le=20_000_000,
        source=ASSUMPTION,
    )
    regions: int | list[str] = Field(
        4,
        description="Number of police regions, or their names (e.g. districts).",
        json_schema_extra={"unit": "regions", "source": "assumption"},
    )
    age_shares: ByGroupShare = by_group_share(
        0.14,
        0.62,
        0.24,
        "Share of residents that are students, working, elderly.",
        source="China 7th census (2020) age structure, rounded",
    )
    savings_median: ByGroup = by_group(
        5_000,
        60_000,
        90_000,
        "Median liquid savings by age group (log-normal); a student's includes tuition money.",
        unit="yuan",
        source=ASSUMPTION,
    )
    savings_sigma: float = param(
        1.0, "Log-normal sigma of savings.", unit="ln units", ge=0.0, le=3.0, source=ASSUMPTION
    )
    max_transfer_share: float = share(
        0.7, "Largest share of their savings a victim can transfer in one scam.", source=ASSUMPTION
    )
    phone_answer: ByGroupShare = by_group_share(
        0.35,
        0.45,
        0.70,
        "Probability an unsolicited call or SMS is answered or read.",
        source=ASSUMPTION,
    )
    online_exposure: ByGroupShare = by_group_share(
        0.90, 0.80, 0.35, "Probability an unsolicited IM or web contact is seen.", source=ASSUMPTION
    )
    awareness_initial: ByGroupShare = by_group_share(
        0.35,
        0.45,
        0.25,
        "Mean fraud awareness at the start (0 naive, 1 immune).",
        source=ASSUMPTION,
    )
    awareness_concentration: float = param(
        8.0,
        "Beta-distribution concentration of initial awareness (higher, less spread).",
        unit="pseudo-count",
        gt=0.0,
        le=1_000.0,
        source=ASSUMPTION,
    )
    awareness_floor: float = share(0.2, "Awareness decays toward this floor.", source=ASSUMPTION)
    awareness_half_life_days: float = param(
        105.0,
        "Half-life of awareness above its floor without renewal.",
        unit="days",
        gt=0.0,
        le=10_000.0,
        source="phishing-training decay studies (effects fade in 4-6 months, half-life "
        "3-4 months), docs/sources.md",
    )
    resisted_boost: float = share(
        0.15,
        "Awareness gained (of the gap to 1) by a resident who sees through a scam contact: "
        "the more contacts a market's residents receive, the warier they grow, so rings "
        "compete for a pool of credulity they wear down.",
        source=ASSUMPTION,
    )
    awareness_weight: float = param(
        2.0,
        "Exponent of (1 - awareness) in the engagement probability.",
        unit="exponent",
        ge=0.0,
        le=10.0,
        source=ASSUMPTION,
    )
    frailty_sigma: float = param(
        0.6,
        "Log-normal sigma of individual susceptibility around the group profile.",
        unit="ln units",
        ge=0.0,
        le=3.0,
        source=ASSUMPTION,
    )
    ties_per_resident: int = param(
        6,
        "Mean number of social ties (same region mostly).",
        unit="ties",
        ge=0,
        le=100,
        source=ASSUMPTION,
    )
    tie_same_region_share: float = share(
        0.8, "Share of ties within the resident's region.", source=ASSUMPTION
    )
    report_share: ByGroupShare = by_group_share(
        0.17,
        0.15,
        0.13,
        "Probability a victim reports the loss to police. About one fraud incident in seven "
        "reaches the police; victims who lost money (every victim here) a little more often, "
        "the young more than the old.",
        source=ONS + "; the levels are set so that the pooled share of baseline's victims "
        "who report falls in the survey's 14-15%",
    )
    report_delay_median_hours: float = param(
        5.7,
        "Median delay from the transfer to the victim's report.",
        unit="hours",
        gt=0.0,
        le=10_000.0,
        source="Xiamen 2015, 513 reports by delay band: log-normal fit (interval-censored "
        "maximum likelihood), see docs/sources.md",
    )
    report_delay_sigma: float = param(
        1.9,
        "Log-normal sigma of the reporting delay.",
        unit="ln units",
        ge=0.0,
        le=5.0,
        source="Xiamen 2015, the same fit as the median",
    )

    @field_validator("age_shares")
    @classmethod
    def _someone_lives_here(cls, shares: ByGroupShare) -> ByGroupShare:
        if sum(shares.as_tuple()) <= 0:
            raise BrokenRuleError(
                "",
                Message("nobody_lives_here"),
                Message("nobody_lives_here_fix"),
            )
        return shares

    @field_validator("regions")
    @classmethod
    def _regions_valid(cls, value: int | list[str]) -> int | list[str]:
        count = value if isinstance(value, int) else len(value)
        if not 1 <= count <= 64:
            raise ValueError(Message("region_count"))
        if isinstance(value, list) and len(set(value)) != len(value):
            raise ValueError(Message("region_names_unique"))
        return value

    @property
    def region_names(self) -> list[str]:
        """Names of the regions, generated when only a count is given."""
        if isinstance(self.regions, list):
            return list(self.regions)
        return [f"region-{i + 1}" for i in range(self.regions)]
