"""Scenario section ``agencies``: each party's switch, effort and mechanism parameters.

``capability`` in [0, 1] scales how hard a party acts; the other numbers describe what its
mechanisms achieve at full capability.
"""

from __future__ import annotations

import functools
from typing import Literal

from pydantic import Field, field_validator

from govsim.scenario.fields import (
    ASSUMPTION,
    BrokenRuleError,
    ByGroupShare,
    LocalizedText,
    Record,
    Text,
    by_group_share,
    param,
    share,
    text_in,
)
from govsim.scenario.messages import Message

IC3 = "FBI IC3 Recovery Asset Team outcomes, docs/sources.md"
NAFC = "China National Anti-Fraud Center statements, docs/sources.md"


class Agency(Record):
    """What every party has: whether it acts and how hard."""

    enabled: bool = Field(True, description="Whether this party acts at all.")
    capability: float = share(
        0.6, "Effort and competence, 0 (none) to 1 (best practice).", source=ASSUMPTION
    )

    @property
    def effort(self) -> float:
        """Capability if the party acts, else 0."""
        return self.capability if self.enabled else 0.0


class Institution(Record):
    """One bank, telecom operator or platform within its sector."""

    name: Text = Field(description="Display name (en/zh).")
    market_share: float = param(
        1.0,
        "Share of customers (normalised within the sector).",
        unit="relative weight",
        gt=0.0,
        le=1_000.0,
        source=ASSUMPTION,
    )
    capability: float | None = param(
        None,
        "Its own capability; empty means the sector's.",
        unit="share",
        ge=0.0,
        le=1.0,
        source=ASSUMPTION,
    )

    def effort(self, sector: Agency) -> float:
        """This institution's effort: its own capability or the sector's, if the sector acts."""
        if not sector.enabled:
            return 0.0
        return sector.capability if self.capability is None else self.capability


class PlatformInstitution(Institution):
    """A platform and the channels on which it carries contacts."""

    channels: list[Literal["im", "web"]] = Field(
        description="Channels it carries: im (social, messaging) and/or web (sites, ads, apps)."
    )


def _named(en: str, zh: str, market_share: float, **extra: object) -> dict:
    return {"name": LocalizedText(en=en, zh=zh), "market_share": market_share, **extra}


def both(first: str, second: str) -> Message:
    """Return ``first and second``, for joining names in a message."""
    return Message("both", first=first, second=second)


def _unique_names(institutions: list[Institution]) -> list[Institution]:
    names = [text_in(i.name) for i in institutions]
    if len(set(names)) != len(names):
        raise ValueError(Message("institution_names_unique"))
    if not institutions:
        raise ValueError(Message("sector_needs_institution"))
    return institutions


class Police(Agency):
    """Police units, one per region, with divisions and an anti-fraud centre."""

    investigators_per_100k: float = param(
        8.0,
        "Investigators on fraud per 100,000 residents.",
        unit="officers",
        ge=0.0,
        source=ASSUMPTION,
    )
    cases_per_investigator: float = param(
        25.0,
        "Open cases one investigator can carry: a case gets capacity / (capacity + open "
        "cases) of full attention, half when the city's backlog equals its capacity.",
        unit="cases",
        gt=0.0,
        source=ASSUMPTION,
    )
    identification_rate: float = param(
        0.015,
        "Daily hazard of identifying a ring per 100 linked cases (market-wide, expected) at "
        "capability 1.",
        unit="1/day",
        ge=0.0,
        le=1.0,
        source="assumption, set so that arrests per victim's report in baseline reach the "
        "national 2017 figure (0.088; docs/sources.md P2.1d, docs/validation.md)",
    )
    evidence_half_depth: float = param(
        30.0,
        "Expected weighted cases at which arrests reach half of a ring's core and leader at "
        "home. Set near the evidence on which rings are typically identified (median 20 in "
        "baseline, 66 in multi_party_hub at 50,000 residents), so that a typical operation "
        "reaches about half the core; leaders abroad stay out of reach without international "
        "cooperation, which is why rings rarely dissolve.",
        unit="cases",
        gt=0.0,
        source=ASSUMPTION,
    )
    data_weight: float = share(
        0.5,
        "How much bank, telecom and platform data each raise identification odds.",
        source=ASSUMPTION,
    )
    unlinked_case_weight: float = share(
        0.25,
        "Evidence an isolated (unlinked) case is worth, relative to a linked one.",
        source=ASSUMPTION,
    )
    division_coordination: float = share(
        0.4,
        "Probability cases of one ring in one region are linked across divisions.",
        source=ASSUMPTION,
    )
    case_cold_days: int = param(
        120,
        "A case goes cold (stops counting as evidence) after this many days.",
        unit="days",
        ge=1,
        source=ASSUMPTION,
    )
    arrest_share: float = share(
        0.8,
        "Share of reachable operators, buyers, technicians and movers taken in an operation.",
        source="assumption, set so that arrests per victim's report in baseline reach the "
        "national 2017 figure (0.088; docs/sources.md P2.1d, docs/validation.md)",
    )
    arrest_core_share: float = share(
        0.8, "Share of reachable core and leader taken at full evidence depth.", source=ASSUMPTION
    )
    dissuasion_calls_per_100k: float = param(
        20.0,
        "Dissuasion calls the anti-fraud centre can make per day per 100,000.",
        unit="calls/day",
        ge=0.0,
        source=NAFC,
    )
    lead_expiry_days: int = param(
        3,
        "Days a risk lead the centre could not call at once waits in its queue before it is "
        "dropped as stale.",
        unit="days",
        ge=1,
        source=ASSUMPTION,
    )
    dissuasion_efficacy: float = share(
        0.7,
        "Probability a dissuasion call stops a resident from engaging or paying.",
        source=ASSUMPTION,
    )
    crackdown_arrest_share: float = share(
        0.3,
        "Share of domestic money movers taken by a card crackdown at full intensity.",
        source=ASSUMPTION,
    )


class Banks(Agency):
    """Banks and payment platforms."""

    institutions: list[Institution] = Field(
        default_factory=lambda: [
            Institution(**_named("State-owned banks", "国有大型银行", 0.5)),
            Institution(**_named("Joint-stock and city banks", "股份制及城商行", 0.3)),
            Institution(**_named("Third-party payment", "第三方支付平台", 0.2)),
        ],
        description="Banks and payment platforms; each resident banks with one.",
    )
    _institutions_valid = field_validator("institutions")(_unique_names)

    risk_detection: float = share(
        0.5,
        "Probability real-time risk control holds a small fraudulent transfer.",
        source=ASSUMPTION,
    )
    large_transfer: float = param(
        20_000.0,
        "Transfers from this amount are in the large-transfer tier.",
        unit="yuan",
        gt=0.0,
        source=ASSUMPTION,
    )
    large_tier_factor: float = param(
        1.6,
        "Risk-control multiplier for large transfers.",
        unit="multiplier",
        ge=0.0,
        le=10.0,
        source=ASSUMPTION,
    )
    repeat_tier_factor: float = param(
        1.3,
        "Risk-control multiplier for a victim's repeated transfers.",
        unit="multiplier",
        ge=0.0,
        le=10.0,
        source=ASSUMPTION,
    )
    hold_stop_share: float = share(
        0.4,
        "Probability a held transfer is abandoned after the bank's own warning.",
        source=ASSUMPTION,
    )
    hold_hours: float = param(
        24.0, "Hours a held transfer waits before release.", unit="hours", ge=0.0, source=ASSUMPTION
    )
    mule_detection: float = share(
        0.15, "Probability a mule path is detected and frozen at its first hop.", source=ASSUMPTION
    )
    account_opening_control: float = share(
        0.5, "How much account-opening checks cut the supply of mule accounts.", source=ASSUMPTION
    )
    self_freeze_hours: float = param(
        48.0,
        "Hours for an acting bank to freeze on its customer's own request (police or not).",
        unit="hours",
        gt=0.0,
        source=ASSUMPTION,
    )
    legit_transfers_per_resident_day: float = param(
        0.3,
        "Legitimate transfers per resident per day.",
        unit="transfers/day",
        ge=0.0,
        source=ASSUMPTION,
    )
    false_positive_rate: float = share(
        0.002,
        "Share of legitimate transfers delayed by risk control at capability 1.",
        source=ASSUMPTION,
    )


class Telecoms(Agency):
    """Telecom operators."""

    institutions: list[Institution] = Field(
        default_factory=lambda: [
            Institution(**_named("Operator A", "运营商甲", 0.6)),
            Institution(**_named("Operator B", "运营商乙", 0.2)),
            Institution(**_named("Operator C", "运营商丙", 0.2)),
        ],
        description="Telecom operators; each resident's calls go through one.",
    )
    _institutions_valid = field_validator("institutions")(_unique_names)

    block_rate: float = share(
        0.6,
        "Probability a scam call or SMS from an unlisted number is blocked.",
        source="ACMA call-blocking reports; assumption",
    )
    blacklist_block: float = share(
        0.98, "Probability a call from a blacklisted number is blocked.", source=ASSUMPTION
    )
    burst_detection: float = share(
        0.05,
        "Daily probability the operator itself blacklists a number used by a ring.",
        source=ASSUMPTION,
    )
    suspicion_flag: float = share(
        0.5,
        "Probability a scam in progress on a call (long call, spoofed number) is flagged.",
        source=ASSUMPTION,
    )
    real_name_enforcement: float = share(
        0.6, "How much SIM real-name checks cut the supply of SIM cards.", source=ASSUMPTION
    )
    legit_calls_per_resident_day: float = param(
        3.0,
        "Legitimate calls and SMS per resident per day.",
        unit="calls/day",
        ge=0.0,
        source=ASSUMPTION,
    )
    false_positive_rate: float = share(
        0.0005, "Share of legitimate calls blocked at capability 1.", source=ASSUMPTION
    )


class Platforms(Agency):
    """Internet platforms: social/IM, e-commerce, search and ads, app stores."""

    institutions: list[PlatformInstitution] = Field(
        default_factory=lambda: [
            PlatformInstitution(
                **_named("Social and messaging", "社交即时通讯", 1.0, channels=["im"])
            ),
            PlatformInstitution(**_named("E-commerce", "电子商务", 0.4, channels=["web"])),
            PlatformInstitution(**_named("Search and ads", "搜索与广告", 0.4, channels=["web"])),
            PlatformInstitution(**_named("App stores", "应用商店", 0.2, channels=["web"])),
        ],
        description="Platforms; a contact on a channel lands on one that carries it, by share.",
    )
    _institutions_valid = field_validator("institutions")(_unique_names)

    @field_validator("institutions")
    @classmethod
    def _every_channel_carried(
        cls, institutions: list[PlatformInstitution]
    ) -> list[PlatformInstitution]:
        carried = {channel for i in institutions for channel in i.channels}
        missing = {"im", "web"} - carried
        if missing:
            names = functools.reduce(
                lambda a, b: Message("both", first=a, second=b), sorted(missing)
            )
            raise BrokenRuleError(
                "",
                Message("channel_uncarried", channels=names),
                Message("channel_uncarried_fix", channels=names),
            )
        return institutions

    removal_rate: float = share(
        0.5, "Probability a scam IM or web contact is removed before it is seen.", source=ASSUMPTION
    )
    blacklist_block: float = share(
        0.95, "Probability content from a reported account is removed.", source=ASSUMPTION
    )
    account_detection: float = share(
        0.05,
        "Daily probability the platform itself bans an account used by a ring.",
        source=ASSUMPTION,
    )
    suspicion_flag: float = share(
        0.6,
        "Probability a scam in progress on IM or web is flagged as a risk lead.",
        source=ASSUMPTION,
    )
    in_app_warning: float = share(
        0.25, "Probability the platform's own warning stops a flagged resident.", source=ASSUMPTION
    )
    grooming_detection: float = share(
        0.03,
        "Daily probability an ongoing grooming group is detected and the victim warned.",
        source=ASSUMPTION,
    )
    account_control: float = share(
        0.4, "How much registration checks cut the supply of accounts.", source=ASSUMPTION
    )
    legit_messages_per_resident_day: float = param(
        5.0,
        "Legitimate posts and messages per resident per day.",
        unit="messages/day",
        ge=0.0,
        source=ASSUMPTION,
    )
    false_positive_rate: float = share(
        0.0002, "Share of legitimate content removed at capability 1.", source=ASSUMPTION
    )


class Judiciary(Agency):
    """Courts and procuratorate."""

    prosecution_delay_days: float = param(
        180.0,
        "Days from arrest to verdict without early involvement.",
        unit="days",
        ge=0.0,
        source=ASSUMPTION,
    )
    early_delay_days: float = param(
        60.0,
        "Days from arrest to verdict with full early involvement.",
        unit="days",
        ge=0.0,
        source=ASSUMPTION,
    )
    conviction_rate: float = share(
        0.6,
        "Conviction probability without early involvement (capability 1; x(0.5+cap/2)).",
        source=ASSUMPTION,
    )
    early_conviction_rate: float = share(
        0.9, "Conviction probability with full early involvement.", source=ASSUMPTION
    )
    sentence_days: float = param(
        1_100.0,
        "Sentence served (incapacitation).",
        unit="days",
        ge=0.0,
        source="SPC: telecom-fraud sentences mostly 3+ years; assumption",
    )
    deterrence: float = share(
        0.5,
        "How strongly recent convictions slow recruitment and deter new rings.",
        source=ASSUMPTION,
    )


class Education(Agency):
    """Government and public education: campaigns, regulation, the reporting line."""

    campaign_interval_days: int = param(
        30, "Days between routine campaigns.", unit="days", ge=1, le=3_650, source=ASSUMPTION
    )
    campaign_reach: ByGroupShare = by_group_share(
        0.5,
        0.35,
        0.4,
        "Share of each group a routine campaign reaches at capability 1.",
        source=ASSUMPTION,
    )
    campaign_boost: float = share(
        0.15, "Awareness gained by a reached resident (of the gap to 1).", source=ASSUMPTION
    )
    warning_boost: float = share(
        0.3, "Awareness gained from a dissuasion call or in-app warning.", source=ASSUMPTION
    )
    victim_boost: float = share(0.5, "Awareness gained by a victim.", source=ASSUMPTION)
    contagion_boost: float = share(
        0.1, "Awareness gained by each tie of a victim.", source=ASSUMPTION
    )
    contagion_share: float = share(
        0.5, "Share of a victim's ties who hear about it.", source=ASSUMPTION
    )
    regulation_strength: float = share(
        0.3, "Card limits and penalties: how much they cut black-market supply.", source=ASSUMPTION
    )
    public_reporting: float = share(
        0.05,
        "Probability a resident who resisted a scam reports the number or account.",
        source=ASSUMPTION,
    )
