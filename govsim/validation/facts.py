"""The facts the model is validated against, declared as data.

Each fact names the shipped scenarios it reads, the statistic of their replications that gives
the model's value, the target that value must meet, and the public source of the target. The
stylized facts are the patterns of docs/ODD.md section 1 (those `tests/test_stylized_facts.py`
asserts, with the same thresholds, and a few more); the calibration targets are the public
figures of docs/ODD.md section 9 and docs/sources.md that a run can be compared with.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from govsim.validation.estimates import (
    Bootstrapped,
    Estimate,
    ShareOfReplications,
    Statistic,
    paired,
    per_100k_year,
    pooled,
    ratio,
)
from govsim.validation.outcomes import Outcomes
from govsim.validation.targets import (
    Format,
    Target,
    above,
    at_least,
    below,
    between,
    exactly,
)

STYLIZED = "Stylized facts"
CALIBRATION = "Calibration targets"

NONE = "no_governance"
POLICE = "police_only"
TELECOMS = "telecom_only"
BANKS = "bank_only"
PLATFORMS = "platform_only"
EDUCATION = "education_only"
UNCOORDINATED = "uncoordinated"
BILATERAL = "bilateral"
HUB = "multi_party_hub"
CENTRE = "baseline_with_centre"
BASELINE = "baseline"
BREACH = "data_breach"

SCENARIO_ORDER = (
    NONE,
    POLICE,
    BANKS,
    TELECOMS,
    PLATFORMS,
    EDUCATION,
    UNCOORDINATED,
    BASELINE,
    CENTRE,
    BILATERAL,
    HUB,
    BREACH,
)
"""The order of scenarios/README.md: from no governance to the one-stop centre, then events."""

SEED_PAPER = "Seed paper (Zhang Mingwang, Sichuan Police College)"
CENTRES_SPREAD = (
    "MPS: filed cases -17.3% in 2022; losses -30% in the five years to 2024, while centres "
    "spread (docs/sources.md P2.1a, §6)"
)
"""The national record of the years centres spread, which both centre targets are set against."""
CENTRES_CUT = between(0.17, 0.30)
"""Those years' fall in filed cases (17%) to losses (30%)."""


def number(value: float) -> str:
    """Three significant digits, or a whole number with thousands separators from 1,000 up."""
    return f"{value:,.0f}" if abs(value) >= 1000 else f"{value:.3g}"


def scientific(value: float) -> str:
    """Two significant digits, in scientific notation."""
    return f"{value:.1e}"


def percent(value: float) -> str:
    """A share as a percentage, to three significant digits (1.98%, 20.6%, 100%)."""
    return f"{100 * value:.3g}%"


def per_100k(value: float) -> str:
    """A rate per 100,000 residents a year."""
    return f"{value:,.0f}"


def hours(value: float) -> str:
    """Hours."""
    return f"{value:.0f} h"


def yuan(value: float) -> str:
    """Yuan, to the unit."""
    return f"¥{value:,.0f}"


@dataclass(frozen=True, slots=True)
class Fact:
    """A fact: what it says, where it comes from, its target and how a run measures it."""

    id: str
    kind: str
    statement: str
    source: str
    target: Target
    scenarios: tuple[str, ...]
    estimator: Bootstrapped | ShareOfReplications
    fmt: Format = number
    caveat: str = ""
    """What is known about the target's fit to the model, shown when the target is not met."""

    def evaluate(self, outcomes: Outcomes) -> Finding:
        """The model's value, its interval, and whether it meets the target."""
        estimate = self.estimator.estimate(outcomes.only(self.scenarios))
        return Finding(self, estimate, self.target.met(estimate.value))


@dataclass(frozen=True, slots=True)
class Finding:
    """A fact evaluated on a set of runs."""

    fact: Fact
    estimate: Estimate
    met: bool

    @property
    def computable(self) -> bool:
        """Whether the runs gave a value at all (not, e.g., a ratio of two zeros)."""
        return not np.isnan(self.estimate.value)

    @property
    def certain(self) -> bool:
        """Whether the whole interval falls on the same side of the target as the value."""
        low, high = self.estimate.low, self.estimate.high
        if np.isnan(low) or np.isnan(high):
            return False
        target = self.fact.target
        if self.met:
            return target.holds_throughout(low, high)
        return not (target.met(low) or target.met(high) or _straddles(target, low, high))


def _straddles(target: Target, low: float, high: float) -> bool:
    """Whether [low, high] contains the whole target (both of its ends)."""
    return low <= target.low and high >= target.high


def _ratio_of(numerator: Statistic, denominator: Statistic) -> Statistic:
    return lambda o: ratio(numerator(o), denominator(o))


def _reduction(scenario: str, reference: str, column: str) -> Statistic:
    """1 - total in ``scenario`` over total in ``reference``, on the same seeds."""
    return lambda o: 1.0 - paired(scenario, reference, column)(o)


def _revenue_per_member_month(scenario: str) -> Statistic:
    """Market-wide ring proceeds per ring member per month (city proceeds scaled to the market)."""

    def statistic(o: Outcomes) -> np.ndarray:
        proceeds = (o[scenario, "ring_proceeds"] * o[scenario, "market_scale"]).sum(axis=-1)
        member_months = (o[scenario, "market_members_mean"] * o[scenario, "months"]).sum(axis=-1)
        return ratio(proceeds, member_months)

    return statistic


def _median_hours_to_freeze(scenario: str) -> Statistic:
    return lambda o: np.nanmedian(o[scenario, "median_hours_to_freeze"], axis=-1)


def _hub_beats(single: str, party: str, key: str) -> Fact:
    return Fact(
        id=f"hub_beats_{key}_alone",
        kind=STYLIZED,
        statement=(
            f"Multi-party co-governance beats {party} acting alone: victims in `{single}` over "
            f"victims in `{HUB}`."
        ),
        source=f"{SEED_PAPER}: only multi-party co-governance breaks the industrial chain",
        target=above(2.0),
        scenarios=(single, HUB),
        estimator=Bootstrapped(paired(single, HUB, "victims")),
    )


STYLIZED_FACTS: tuple[Fact, ...] = (
    Fact(
        id="broadcast_succeeds_rarely",
        kind=STYLIZED,
        statement=(
            f"A broadcast contact succeeds rarely: victims per broadcast attempt, `{POLICE}`."
        ),
        source=(
            f'{SEED_PAPER}: "1 in 1,000 or even 1 in 10,000"; no public figure found '
            "(docs/sources.md §1)"
        ),
        target=between(1e-4, 1e-3),
        scenarios=(POLICE,),
        estimator=Bootstrapped(pooled(POLICE, "broadcast_victims", "broadcast_attempts")),
        fmt=scientific,
    ),
    Fact(
        id="targeted_converts_far_better",
        kind=STYLIZED,
        statement=(
            "A leaked, profiled list converts far better than broadcast: victims per targeted "
            f"attempt over victims per broadcast attempt, `{POLICE}`."
        ),
        source=(
            f"{SEED_PAPER}; a targeted simulated scam converted 16.4% of older adults (Yu et al., "
            "JAMA Netw Open 2023; docs/sources.md §1)"
        ),
        target=above(3.0),
        scenarios=(POLICE,),
        estimator=Bootstrapped(
            _ratio_of(
                pooled(POLICE, "targeted_victims", "targeted_attempts"),
                pooled(POLICE, "broadcast_victims", "broadcast_attempts"),
            )
        ),
    ),
    Fact(
        id="data_breach_raises_student_victims",
        kind=STYLIZED,
        statement=(
            "A leak of student records raises student victimisation: student victims in "
            f"`{BREACH}` over `{BASELINE}`."
        ),
        source=(
            f"{SEED_PAPER}; the Xu Yuyu case, 2016 (China Daily 2016-08-26, 2017-03-03; "
            "docs/sources.md §12)"
        ),
        target=above(1.3),
        scenarios=(BREACH, BASELINE),
        estimator=Bootstrapped(paired(BREACH, BASELINE, "victims_student")),
    ),
    Fact(
        id="ring_is_large",
        kind=STYLIZED,
        statement=(
            "An organised ring is large: members per active ring, market-wide, mean over the "
            f"measured days, `{BASELINE}`."
        ),
        source=(
            "Suspects per gang broken up 6-11 (MPS 2015-21); overseas dens of 8-61 suspects "
            "(MPS 2016-19) (docs/sources.md P2.1d)"
        ),
        target=between(6.0, 61.0),
        scenarios=(BASELINE,),
        estimator=Bootstrapped(pooled(BASELINE, "market_members_mean", "market_rings_mean")),
    ),
    Fact(
        id="ring_is_productive",
        kind=STYLIZED,
        statement=(
            "An organised ring is productive: ring proceeds (money that escaped freezing) per "
            f"ring member per month, market-wide, `{BASELINE}`."
        ),
        source=(
            "Seed case: about ¥20k per staff-month; USIP 2024: about ¥77k per worker-month in "
            "Southeast Asian compounds (docs/sources.md P2.2a, P2.2d)"
        ),
        target=between(20_000.0, 77_000.0),
        scenarios=(BASELINE,),
        estimator=Bootstrapped(_revenue_per_member_month(BASELINE)),
        fmt=yuan,
        caveat=(
            "Both figures describe large operations (the seed's ring of 100+ staff, the "
            "compounds of Myanmar, Cambodia and Laos); no figure was found for small domestic "
            "rings."
        ),
    ),
    Fact(
        id="arrests_do_not_dissolve_rings",
        kind=STYLIZED,
        statement=(
            "Striking one link does not stop a ring: rings dissolved per police operation, "
            f"market-wide, `{POLICE}`."
        ),
        source=f"{SEED_PAPER}: arrested members are replaced quickly",
        target=below(0.5),
        scenarios=(POLICE,),
        estimator=Bootstrapped(pooled(POLICE, "market_rings_dissolved", "market_operations")),
    ),
    Fact(
        id="rings_remain_under_police_alone",
        kind=STYLIZED,
        statement=(
            "Rings remain active at the end of the year: share of replications of "
            f"`{POLICE}` with active rings on the last day."
        ),
        source=f"{SEED_PAPER}: arrested members are replaced quickly",
        target=exactly(1.0),
        scenarios=(POLICE,),
        estimator=ShareOfReplications(lambda o: o[POLICE, "market_rings_active_end"] > 0),
        fmt=percent,
    ),
    Fact(
        id="rings_remain_under_hub",
        kind=STYLIZED,
        statement=(
            "Pressure displaces fraud rather than ending it: share of replications of "
            f"`{HUB}` with active rings on every measured day."
        ),
        source=(
            f"{SEED_PAPER}; MPS: 25.8万 cases still solved in 2025, a decade into the campaign "
            "(docs/sources.md P2.1a)"
        ),
        target=exactly(1.0),
        scenarios=(HUB,),
        estimator=ShareOfReplications(lambda o: o[HUB, "market_rings_fewest"] > 0),
        fmt=percent,
        caveat=(
            "The city is a sample of the market and its luck is scaled up to the market, so a "
            "smaller city loses its whole market more often; the shipped city has 100,000 "
            "residents."
        ),
    ),
    Fact(
        id="police_alone_lags",
        kind=STYLIZED,
        statement=(
            "Governance by police alone lags behind adapting rings: victims in the last quarter "
            f"of the measured year over the first, `{POLICE}` (fraud does not collapse)."
        ),
        source=f"{SEED_PAPER}: rings adapt faster than single measures",
        target=above(0.5),
        scenarios=(POLICE,),
        estimator=Bootstrapped(pooled(POLICE, "victims_last_quarter", "victims_first_quarter")),
    ),
    Fact(
        id="governance_cuts_net_loss",
        kind=STYLIZED,
        statement=f"Police governance cuts losses: net loss in `{NONE}` over `{POLICE}`.",
        source=SEED_PAPER,
        target=above(1.0),
        scenarios=(NONE, POLICE),
        estimator=Bootstrapped(paired(NONE, POLICE, "net_loss")),
    ),
    Fact(
        id="hub_cuts_net_loss_far_more",
        kind=STYLIZED,
        statement=(
            "Multi-party co-governance cuts losses far more than police alone: net loss in "
            f"`{POLICE}` over `{HUB}`."
        ),
        source=f"{SEED_PAPER}: only multi-party co-governance breaks the industrial chain",
        target=above(2.0),
        scenarios=(POLICE, HUB),
        estimator=Bootstrapped(paired(POLICE, HUB, "net_loss")),
    ),
    _hub_beats(POLICE, "the police", "police"),
    _hub_beats(TELECOMS, "telecoms", "telecoms"),
    _hub_beats(BANKS, "banks", "banks"),
    _hub_beats(PLATFORMS, "platforms", "platforms"),
    _hub_beats(EDUCATION, "education", "education"),
    Fact(
        id="cooperation_itself_has_value",
        kind=STYLIZED,
        statement=(
            f"Cooperation itself has value: victims in `{UNCOORDINATED}` (every party acts, no "
            f"links) over `{BILATERAL}` (the same parties at the same effort, with links)."
        ),
        source=f"{SEED_PAPER}: co-governance (多位一体共治)",
        target=above(1.5),
        scenarios=(UNCOORDINATED, BILATERAL),
        estimator=Bootstrapped(paired(UNCOORDINATED, BILATERAL, "victims")),
    ),
    Fact(
        id="police_alone_recover_little",
        kind=STYLIZED,
        statement=(
            "Police alone recover a small share: money frozen over the loss of victims who "
            f"report (what police statistics count), pooled, `{POLICE}`."
        ),
        source="Xiamen H1 2015, before a centre: 2.2% of losses stopped (docs/sources.md P2.3)",
        target=between(0.0, 0.05, open_ends=True),
        scenarios=(POLICE,),
        estimator=Bootstrapped(pooled(POLICE, "frozen_reported", "reported_loss")),
        fmt=percent,
    ),
    Fact(
        id="police_alone_freeze_slowly",
        kind=STYLIZED,
        statement=(
            "Police alone freeze slowly: median over replications of the median hours from "
            f"transfer to freeze, `{POLICE}`."
        ),
        source=(
            "Shenzhen: stop-payments made within 60 minutes rose from 18% (2020) to 87% "
            "(2021) (docs/sources.md P2.3)"
        ),
        target=above(24.0),
        scenarios=(POLICE,),
        estimator=Bootstrapped(_median_hours_to_freeze(POLICE)),
        fmt=hours,
    ),
    Fact(
        id="police_alone_freeze_in_most_runs",
        kind=STYLIZED,
        statement=(
            f"Some money is frozen under police alone: share of replications of `{POLICE}` with "
            "a freeze (the city is large enough for the previous fact to be measured)."
        ),
        source="A sample-size check of tests/test_stylized_facts.py, not a public figure",
        target=at_least(0.9),
        scenarios=(POLICE,),
        estimator=ShareOfReplications(lambda o: np.isfinite(o[POLICE, "median_hours_to_freeze"])),
        fmt=percent,
    ),
    Fact(
        id="hub_recovers_far_more",
        kind=STYLIZED,
        statement=(
            "The one-stop centre recovers far more: money frozen over the loss of victims who "
            f"report, pooled, `{HUB}`."
        ),
        source="National 2017: 11% seized; Quanzhou 2017: 14.8% stop-paid (docs/sources.md P2.3)",
        target=above(0.1),
        scenarios=(HUB,),
        estimator=Bootstrapped(pooled(HUB, "frozen_reported", "reported_loss")),
        fmt=percent,
    ),
    Fact(
        id="no_collateral_where_no_party_blocks",
        kind=STYLIZED,
        statement=(
            "Collateral burden is counted only where a party acts: legitimate calls blocked per "
            f"100,000 residents a year, `{POLICE}` (no telecom blocking)."
        ),
        source=(
            "Complaints about warnings and blocks (Lanzhou police 2021; PSBC Shenzhen 2025; "
            "docs/sources.md P2.4); no measured rate found"
        ),
        target=exactly(0.0),
        scenarios=(POLICE,),
        estimator=Bootstrapped(per_100k_year(POLICE, "legit_calls_blocked")),
        fmt=per_100k,
    ),
    Fact(
        id="telecoms_block_legitimate_calls",
        kind=STYLIZED,
        statement=(
            "Telecom blocking has a cost: legitimate calls blocked per 100,000 residents a "
            f"year, `{TELECOMS}`."
        ),
        source=(
            "Call-labelling false positives, vendor claims only (docs/sources.md §8); no audited "
            "rate found"
        ),
        target=above(0.0),
        scenarios=(TELECOMS,),
        estimator=Bootstrapped(per_100k_year(TELECOMS, "legit_calls_blocked")),
        fmt=per_100k,
    ),
    Fact(
        id="banks_delay_legitimate_transfers",
        kind=STYLIZED,
        statement=(
            "Bank holds have a cost: legitimate transfers delayed per 100,000 residents a year, "
            f"`{BANKS}`."
        ),
        source=(
            "Interception errors and customer churn (PSBC Shenzhen 2025; docs/sources.md "
            "P2.4); no measured rate found"
        ),
        target=above(0.0),
        scenarios=(BANKS,),
        estimator=Bootstrapped(per_100k_year(BANKS, "legit_transfers_delayed")),
        fmt=per_100k,
    ),
)

CALIBRATION_TARGETS: tuple[Fact, ...] = (
    Fact(
        id="victims_per_100k_baseline",
        kind=CALIBRATION,
        statement=f"Victims per 100,000 residents a year, `{BASELINE}`.",
        source=(
            "National filed cases 2017: 53.7万, about 40 per 100,000 residents (docs/sources.md "
            "P2.1a)"
        ),
        target=at_least(40.0),
        scenarios=(BASELINE,),
        estimator=Bootstrapped(per_100k_year(BASELINE, "victims")),
        fmt=per_100k,
        caveat="A lower bound: every filed case has a victim, and not every victim files.",
    ),
    Fact(
        id="reports_per_100k_baseline",
        kind=CALIBRATION,
        statement=f"Victims' reports to the police per 100,000 residents a year, `{BASELINE}`.",
        source=(
            "National filed cases 2017 (about 40) to city reports 2015-22 (160-260: Xiamen, "
            "Tianjin, Yancheng) (docs/sources.md P2.1a, P2.6b)"
        ),
        target=between(40.0, 260.0),
        scenarios=(BASELINE,),
        estimator=Bootstrapped(per_100k_year(BASELINE, "reports")),
        fmt=per_100k,
    ),
    Fact(
        id="report_share_baseline",
        kind=CALIBRATION,
        statement=f"Share of victims who report to the police, pooled, `{BASELINE}`.",
        source=(
            "ONS Crime Survey for England and Wales: 15% of fraud incidents (YE Mar 2019), one "
            "in seven (YE Sep 2024) (docs/sources.md §3)"
        ),
        target=between(0.14, 0.15),
        scenarios=(BASELINE,),
        estimator=Bootstrapped(pooled(BASELINE, "reports", "victims")),
        fmt=percent,
        caveat=(
            "A UK survey share of all fraud incidents, with or without a loss; no Chinese share "
            "was found. The share reported follows the input `population.report_share`."
        ),
    ),
    Fact(
        id="recovered_share_police_alone",
        kind=CALIBRATION,
        statement=(
            "Money frozen over the loss of victims who report to the police (police statistics "
            f"know only these), pooled, `{POLICE}`."
        ),
        source=(
            "Xiamen H1 2015, before a centre: 2.2% of losses, 5.0% of the amounts requested "
            "(docs/sources.md P2.3)"
        ),
        target=between(0.02, 0.05),
        scenarios=(POLICE,),
        estimator=Bootstrapped(pooled(POLICE, "frozen_reported", "reported_loss")),
        fmt=percent,
        caveat="One city in one half-year, just before its centre opened.",
    ),
    Fact(
        id="recovered_share_hub",
        kind=CALIBRATION,
        statement=(
            f"Money frozen over the loss of victims who report to the police, pooled, `{HUB}`."
        ),
        source=(
            "With centres: national 2017, 11% seized; Quanzhou 2017, 14.8% stop-paid "
            "(docs/sources.md P2.3)"
        ),
        target=between(0.11, 0.15),
        scenarios=(HUB,),
        estimator=Bootstrapped(pooled(HUB, "frozen_reported", "reported_loss")),
        fmt=percent,
        caveat="Centres of 2017; later centres (Shenzhen 2021) stop payments much faster.",
    ),
    Fact(
        id="hub_cut_in_victims",
        kind=CALIBRATION,
        statement=(
            "Share of victims the one-stop centre prevents: 1 - victims in "
            f"`{HUB}` over `{BASELINE}`."
        ),
        source=CENTRES_SPREAD,
        target=CENTRES_CUT,
        scenarios=(HUB, BASELINE),
        estimator=Bootstrapped(_reduction(HUB, BASELINE, "victims")),
        fmt=percent,
        caveat=(
            "The national figures mix everything that changed in those years, and "
            f"`{HUB}` differs from `{BASELINE}` in more than the centre (scenarios/README.md)."
        ),
    ),
    Fact(
        id="centre_cut_in_victims",
        kind=CALIBRATION,
        statement=(
            "Share of victims a one-stop centre alone prevents: 1 - victims in "
            f"`{CENTRE}` (the status quo plus a centre, every party's effort and every "
            f"agreement unchanged) over `{BASELINE}`."
        ),
        source=CENTRES_SPREAD,
        target=CENTRES_CUT,
        scenarios=(CENTRE, BASELINE),
        estimator=Bootstrapped(_reduction(CENTRE, BASELINE, "victims")),
        fmt=percent,
        caveat=(
            "The national figures mix everything that changed while centres spread; this is "
            "the centre alone, and `hub_cut_in_victims` the centre with a stronger police and "
            "stronger agreements."
        ),
    ),
    Fact(
        id="arrests_per_report_baseline",
        kind=CALIBRATION,
        statement=(
            "Arrests per victim's report, pooled, the city's share of market-wide arrests, "
            f"`{BASELINE}`."
        ),
        source=(
            "MPS 2017: 4.7万 dealt with per 53.7万 filed cases (0.088); about 0.6 in 2021, rough "
            "(docs/sources.md P2.1d)"
        ),
        target=between(0.088, 0.6),
        scenarios=(BASELINE,),
        estimator=Bootstrapped(pooled(BASELINE, "arrests", "reports")),
        caveat=(
            "The national count of arrests includes card and mule sellers from 2020 on, which "
            "raises the later figure; the 2017 figure is the cleaner one."
        ),
    ),
    Fact(
        id="convictions_per_arrest_baseline",
        kind=CALIBRATION,
        statement=f"Convictions per arrest, market-wide, pooled, `{BASELINE}`.",
        source=(
            "Prosecuted per suspect 0.53 (SPP and MPS, three years to mid-2019); "
            "non-prosecution 20-24% for all crime; acquittals about 6 in 10,000 "
            "(docs/sources.md P2.1d)"
        ),
        target=between(0.5, 0.8),
        scenarios=(BASELINE,),
        estimator=Bootstrapped(pooled(BASELINE, "market_convictions", "market_arrests")),
        caveat=(
            "The year's convictions come from arrests made up to a prosecution delay earlier, "
            "so the ratio is a steady-state figure."
        ),
    ),
)

FACTS: tuple[Fact, ...] = STYLIZED_FACTS + CALIBRATION_TARGETS
"""Every fact, in the order of the document."""


def scenarios_of(facts: tuple[Fact, ...] = FACTS) -> tuple[str, ...]:
    """The scenarios the facts read, each once, in the order of scenarios/README.md."""
    names = {name for fact in facts for name in fact.scenarios}
    known = [name for name in SCENARIO_ORDER if name in names]
    return (*known, *sorted(names - set(known)))


def evaluate(outcomes: Outcomes, facts: tuple[Fact, ...] = FACTS) -> list[Finding]:
    """Every fact evaluated on the same runs."""
    return [fact.evaluate(outcomes) for fact in facts]
