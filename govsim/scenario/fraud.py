"""Scenario sections ``fraud`` and ``scam_types``: the rings, their black market, their scams."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, field_validator

from govsim.scenario.fields import (
    ASSUMPTION,
    BrokenRuleError,
    ByGroup,
    Record,
    Text,
    by_group,
    param,
    share,
)
from govsim.scenario.messages import Message

SEED_PAPER = "seed paper (Zhang Mingwang, Sichuan Police College)"
UK_FINANCE = "UK Finance Annual Fraud Report, loss ratios by scam type, docs/sources.md"
ROLES: tuple[str, ...] = (
    "leader",
    "core",
    "data_buyers",
    "technicians",
    "script_designers",
    "operators",
    "money_movers",
)
Channel = Literal["call", "sms", "im", "web"]
CHANNELS: tuple[str, ...] = ("call", "sms", "im", "web")
Mode = Literal["broadcast", "targeted"]
MODES: tuple[str, ...] = ("broadcast", "targeted")
COACHING_SOURCE = (
    "police warnings of scripts that keep victims on the line, forward their calls or take "
    "over their phones (反劝阻), docs/sources.md P2.7; value an assumption"
)


class ChainRoles(Record):
    """Members of a ring by role in the fraud industrial chain."""

    leader: int = param(
        1, "Ring leader (always one).", unit="persons", ge=1, le=1, source=ASSUMPTION
    )
    core: int = param(
        2, "Core lieutenants around the leader.", unit="persons", ge=0, le=100, source=ASSUMPTION
    )
    data_buyers: int = param(
        1, "Buy leaked personal records.", unit="persons", ge=0, le=500, source=ASSUMPTION
    )
    technicians: int = param(
        1,
        "Number spoofing, chatbots, group-control devices.",
        unit="persons",
        ge=0,
        le=500,
        source=ASSUMPTION,
    )
    script_designers: int = param(
        1, "Write the scam scripts.", unit="persons", ge=0, le=500, source=ASSUMPTION
    )
    operators: int = param(
        12,
        "Callers and chatters who make contact, in a ring of median size.",
        unit="persons",
        ge=1,
        le=5_000,
        source="MPS/SPP 2016-2019: 14.6万 suspects in 1.6万 gangs (6-11 a gang); docs/sources.md",
    )
    money_movers: int = param(
        3,
        "Mule-account and card suppliers, launderers.",
        unit="persons",
        ge=0,
        le=1_000,
        source=ASSUMPTION,
    )

    def counts(self) -> tuple[int, ...]:
        """Return the member counts in the order of :data:`ROLES`."""
        return tuple(getattr(self, role) for role in ROLES)


class Fraud(Record):
    """Rings organised as industrial chains, and how they adapt."""

    rings_per_million: float = param(
        12.0,
        "Rings per million residents of the market when the warm-up starts; entry and exit "
        "then move the number toward what the market sustains.",
        unit="rings/million residents",
        ge=0.0,
        le=1_000.0,
        source=ASSUMPTION,
    )
    ring_skill_sigma: float = param(
        0.5,
        "Log-normal spread (mean 1) of rings' skill, which multiplies the chance their "
        "contacts engage (scripts, training, data): under pressure the weaker rings fold "
        "first.",
        unit="ln units",
        ge=0.0,
        le=3.0,
        source=ASSUMPTION,
    )
    ring_size_sigma: float = param(
        0.5,
        "Log-normal spread of ring sizes: each ring's members by role are the chain roles "
        "times a size factor with median 1 (a few large dens, many small rings).",
        unit="ln units",
        ge=0.0,
        le=3.0,
        source=SEED_PAPER + ": a 100+ staff den among smaller rings; assumption",
    )
    max_rings: int = param(
        1_000,
        "Upper bound on rings (entry stops there): a safety ceiling, above what any shipped "
        "scenario's market holds (no_governance's has about 340 in its third year, 390 in its "
        "fifth).",
        unit="rings",
        ge=1,
        source=ASSUMPTION,
    )
    market_population: int = param(
        5_000_000,
        "Residents the rings' whole effort is spread over. The city is a representative "
        "sample of this market, so ring-level evidence and revenue scale by market/size.",
        unit="residents",
        ge=100,
        le=10_000_000_000,
        source=ASSUMPTION,
    )
    roles: ChainRoles = Field(default_factory=ChainRoles)
    cross_border_share: float = share(
        0.5, "Share of initial rings based abroad.", source="MPS statements; assumption"
    )
    domestic_share_abroad_ring: float = share(
        0.7,
        "Share of data buyers and money movers of a cross-border ring who live at home.",
        source=ASSUMPTION,
    )
    broadcast_attempts_per_operator: float = param(
        100.0,
        "Broadcast contact attempts per operator per day.",
        unit="attempts/day",
        ge=0.0,
        le=100_000.0,
        source="Wenzhou police 2017: a den's tens of callers make several thousand calls a "
        "day, docs/sources.md",
    )
    targeted_attempts_per_operator: float = param(
        30.0,
        "Targeted (profiled) attempts per operator per day.",
        unit="attempts/day",
        ge=0.0,
        le=10_000.0,
        source=ASSUMPTION,
    )
    targeted_share: float = share(
        0.2, "Initial share of operators working targeted lists.", source=ASSUMPTION
    )
    evasion_initial: float = share(
        0.3, "Initial evasion technology (spoofing, rotation).", source=ASSUMPTION
    )
    evasion_learning: float = share(
        0.05,
        "Per adaptation round, share of the gap to full evasion closed under blocking.",
        source=ASSUMPTION,
    )
    evasion_max: float = share(0.8, "Ceiling of evasion technology.", source=ASSUMPTION)
    coaching_initial: float = share(
        0.1,
        "Initial coaching against police calls (反劝阻): the share of a dissuasion call's "
        "effect the ring's script cancels (victims told the 'police' calling are the fraud, "
        "kept on the line, told to switch off).",
        source=COACHING_SOURCE,
    )
    coaching_learning: float = share(
        0.5,
        "Per adaptation round, share of the gap to the coaching ceiling the ring's script "
        "designers close when every contact it reached got a police call (in proportion to "
        "the share that did).",
        source=ASSUMPTION,
    )
    coaching_max: float = share(
        0.6,
        "Ceiling of coaching: the share of a call's effect no script can cancel is 1 - this "
        "(calls that reach the victim in person, at the bank counter).",
        source=ASSUMPTION,
    )
    numbers_per_operator: float = param(
        3.0,
        "Phone numbers (SIM cards) a ring keeps per operator.",
        unit="SIMs",
        ge=0.0,
        le=1_000.0,
        source=ASSUMPTION,
    )
    accounts_per_operator: float = param(
        3.0,
        "IM and web accounts a ring keeps per operator.",
        unit="accounts",
        ge=0.0,
        le=1_000.0,
        source=ASSUMPTION,
    )
    mules_per_money_mover: float = param(
        4.0,
        "Mule bank accounts a ring keeps per money mover.",
        unit="accounts",
        ge=0.0,
        le=1_000.0,
        source=ASSUMPTION,
    )
    handle_life_days: float = param(
        30.0,
        "Mean days a phone number or online account stays usable with no governance at all "
        "(recipients mark numbers in caller-ID apps and report accounts; rings discard them).",
        unit="days",
        ge=1.0,
        source=ASSUMPTION,
    )
    mule_life_days: float = param(
        60.0,
        "Mean days a mule account stays usable with no freezing (holders sell it on, quit, "
        "or the bank closes it in routine checks).",
        unit="days",
        ge=1.0,
        source=ASSUMPTION,
    )
    transfers_per_mule_day: float = param(
        3.0,
        "Victim transfers one mule account can receive per day.",
        unit="transfers/day",
        gt=0.0,
        source=ASSUMPTION,
    )
    laundering_layers: int = param(
        3,
        "Mule layers funds hop through before cash-out.",
        unit="hops",
        ge=1,
        le=20,
        source="AMLSim layering typologies; assumption",
    )
    hop_hours_mean: float = param(
        0.1,
        "Mean hours per laundering hop (three hops: about 18 minutes until the money is out "
        "of reach, unless parked).",
        unit="hours",
        gt=0.0,
        le=1_000.0,
        source="'golden hour' (Xiamen 2015) and 'golden 3 minutes' (Hubei 2017) statements; "
        "set so that multi_party_hub recovers 11-15% of reported losses, as centres did in "
        "2017 (docs/validation.md)",
    )
    parked_share: float = share(
        0.04,
        "Share of mule paths whose funds wait in a reachable account before they move on "
        "(ATM and daily withdrawal limits, aggregation accounts, money waiting for a buyer): "
        "what a slow, formal stop-payment can still catch.",
        source="set so that police alone recover about 2% of reported losses: Xiamen H1 "
        "2015, before its centre, stopped 2.2% of reported losses and 5.0% of the amounts "
        "it asked banks to stop (docs/sources.md)",
    )
    parked_hours_mean: float = param(
        96.0,
        "Mean extra hours parked funds wait (exponential).",
        unit="hours",
        gt=0.0,
        le=10_000.0,
        source=ASSUMPTION,
    )
    fanout: int = param(
        3,
        "Parallel mule paths a transfer is split into.",
        unit="paths",
        ge=1,
        le=16,
        source=ASSUMPTION,
    )
    cross_border_exit_share: float = share(
        0.8,
        "Share of a cross-border ring's funds that exit abroad (domestic rings: 0.1).",
        source=ASSUMPTION,
    )
    recruitment_delay_days: float = param(
        14.0,
        "Mean days to replace an arrested member.",
        unit="days",
        gt=0.0,
        le=3_650.0,
        source=SEED_PAPER + ": struck links are quickly replaced",
    )
    labour_pool: int = param(
        20_000,
        "People willing to work for rings; convicts leave it for their sentence.",
        unit="persons",
        ge=1,
        source=ASSUMPTION,
    )
    dissolution_core_share: float = share(
        0.5,
        "A ring dissolves when its leader and at least this share of its core are taken.",
        source=ASSUMPTION,
    )
    adaptation_interval_days: int = param(
        7, "Days between portfolio and mode reviews.", unit="days", ge=1, le=365, source=ASSUMPTION
    )
    adaptation_rate: float = share(
        0.3,
        "Weight of recent payoffs in each portfolio review.",
        source=SEED_PAPER + ": methods evolve fast",
    )
    exploration: float = share(
        0.03, "Floor on each scam type's portfolio weight.", source=ASSUMPTION
    )
    relocation_propensity: float = share(
        0.3,
        "Probability a domestic ring moves abroad after an arrest operation.",
        source=ASSUMPTION,
    )
    trial_entry_per_month: float = param(
        0.5,
        "New rings per month that try the market whatever its profit (crews moving in from "
        "other regions or trades): the market is never closed to entry while this is "
        "above zero.",
        unit="rings/month",
        ge=0.0,
        le=100.0,
        source=ASSUMPTION,
    )
    entry_rate_per_month: float = param(
        25.0,
        "New rings per month, market-wide, when the market's profit equals the reference "
        "(proportional to profit; none from this term while the market loses money).",
        unit="rings/month",
        ge=0.0,
        le=100.0,
        source=ASSUMPTION,
    )
    entry_profit_reference: float = param(
        300_000.0,
        "Monthly ring profit at which entry runs at its base rate.",
        unit="yuan/month",
        gt=0.0,
        source=ASSUMPTION,
    )
    exit_after_loss_days: int = param(
        90,
        "Mean days a ring keeps going while its last month's profit is negative (each such "
        "day it quits with probability 1/this); one whose cash runs out quits at once.",
        unit="days",
        ge=1,
        source=ASSUMPTION,
    )
    wage_per_member_day: float = param(
        100.0,
        "Fixed running cost per member per day (board, den, base pay).",
        unit="yuan/day",
        ge=0.0,
        source=ASSUMPTION,
    )
    commission_share: float = share(
        0.3,
        "Share of laundered proceeds paid out as commission to callers, card suppliers and "
        "launderers: most pay is a share of what they bring in, so a ring that takes less "
        "also pays less.",
        source="police statements on ring pay, 2015-2017 (callers 5-15%, card suppliers "
        "15-20%), docs/sources.md",
    )
    initial_cash: float = param(
        500_000.0, "Cash a ring starts with.", unit="yuan", ge=0.0, source=ASSUMPTION
    )


class BlackMarket(Record):
    """The market for leaked records, SIM cards, platform accounts and mule accounts."""

    record_price: float = param(
        0.5, "Price of one leaked record.", unit="yuan", gt=0.0, source=ASSUMPTION
    )
    sim_price: float = param(
        150.0, "Price of one unregistered SIM card.", unit="yuan", gt=0.0, source=ASSUMPTION
    )
    account_price: float = param(
        30.0, "Price of one IM/web account.", unit="yuan", gt=0.0, source=ASSUMPTION
    )
    mule_price: float = param(
        1_500.0,
        "Price of one mule bank account (a 'card').",
        unit="yuan",
        gt=0.0,
        source=ASSUMPTION,
    )
    sim_supply_per_day: float = param(
        150.0,
        "SIM cards offered per day with no controls.",
        unit="SIMs/day",
        ge=0.0,
        source=ASSUMPTION,
    )
    account_supply_per_day: float = param(
        300.0,
        "Accounts offered per day with no controls.",
        unit="accounts/day",
        ge=0.0,
        source=ASSUMPTION,
    )
    mule_supply_per_day: float = param(
        60.0,
        "Mule accounts offered per day with no controls.",
        unit="accounts/day",
        ge=0.0,
        source=ASSUMPTION,
    )
    price_elasticity: float = param(
        0.5,
        "Price moves as (demand/supply) to this power: above the base price when rings want "
        "more than is offered, below it when they want less.",
        unit="exponent",
        ge=0.0,
        le=5.0,
        source=ASSUMPTION,
    )
    records_leaked_share: float = share(
        0.3, "Share of residents whose records are already on the market.", source=ASSUMPTION
    )
    compromised_accounts_share: float = share(
        0.015,
        "Share of residents whose social accounts rings control at the start.",
        source=ASSUMPTION,
    )
    monthly_leak_share: float = share(
        0.005, "Share of residents whose records newly leak each month.", source=ASSUMPTION
    )


class ScamType(Record):
    """One kind of scam: its channel, its targets, its grooming, its losses."""

    label: Text | None = Field(None, description="Display name (en/zh).")
    channel: Channel = Field(description="How victims are contacted.")
    profile: ByGroup = by_group(
        1.0, 1.0, 1.0, "Relative susceptibility by age group.", unit="multiplier", source=ASSUMPTION
    )
    conversion: float = share(
        0.0015,
        "Probability a reached, naive (awareness 0), average resident engages.",
        source=ASSUMPTION,
    )
    record_lift: float = param(
        5.0,
        "Conversion multiplier when a leaked, profiled record is used.",
        unit="multiplier",
        ge=1.0,
        le=1_000.0,
        source=SEED_PAPER + ": precision fraud success rate very high",
    )
    grooming_days: int = param(
        0,
        "Days of grooming before the first transfer.",
        unit="days",
        ge=0,
        le=365,
        source=ASSUMPTION,
    )
    transfers: int = param(
        1,
        "Transfers in an escalating scam (investment scams escalate).",
        unit="transfers",
        ge=1,
        le=20,
        source=ASSUMPTION,
    )
    transfer_spacing_days: int = param(
        7, "Days between escalating transfers.", unit="days", ge=1, le=365, source=ASSUMPTION
    )
    loss_median: float = param(
        5_000.0, "Median amount of one transfer.", unit="yuan", gt=0.0, source=UK_FINANCE
    )
    loss_sigma: float = param(
        1.0, "Log-normal sigma of the amount.", unit="ln units", ge=0.0, le=4.0, source=ASSUMPTION
    )
    weight: float = param(
        0.1,
        "Initial weight in every ring's portfolio.",
        unit="relative weight",
        ge=0.0,
        le=1_000.0,
        source=ASSUMPTION,
    )
    event: Literal["epidemic"] | None = Field(
        None, description="Only active while this event runs."
    )
    via_social_ties: bool = Field(
        False, description="Targets friends of compromised residents (impersonating friends)."
    )
    compromises_account: bool = Field(
        False, description="A victim's social account is taken over and reused."
    )

    @field_validator("profile")
    @classmethod
    def _someone_susceptible(cls, profile: ByGroup) -> ByGroup:
        if sum(profile.as_tuple()) <= 0:
            raise BrokenRuleError(
                "",
                Message("nobody_susceptible"),
                Message("nobody_susceptible_fix"),
            )
        return profile
