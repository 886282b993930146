"""No inert parameters: every number moves the results where it applies.

Each numeric leaf of the resolved ``multi_party_hub`` is perturbed in turn (the rule of
:mod:`govsim.inert`) and run on the same seeds as the unperturbed scenario; so are the leaves of
the ``events`` of each event scenario. Every draw is keyed, so the two runs differ only where the
parameter acts: a numeric summary that stays bit-identical means the parameter did nothing.

Such a leaf fails, unless it matches a pattern of ``INERT_BY_DESIGN`` (idle there, and why) or
of ``DEFECTS`` (idle because of the model: listed only so the suite stays green until it is
fixed). A listed leaf that does move the summary fails too, and so does a pattern that matches
no leaf, so neither list can go stale. Where a leaf idle in the hub has a shipped scenario in
which it acts (``Idle.binds_in``), it is checked there as well.

The leaves are discovered from the resolved scenarios, so new parameters are checked without
editing this file. Each case is a test of its own, so ``pytest -n 2`` spreads them. The size
was chosen by measurement: in the hub a few arrest operations a year decide the police
parameters and rare scam types have few victims, so one run of any affordable size leaves some
active leaves identical by luck; more seeds for just those leaves is what makes them bind
(see ``SEEDS``). The file takes about 590 CPU seconds: about 5 minutes with ``-n 2`` on 2
free cores.
"""

from __future__ import annotations

from fnmatch import fnmatchcase
from functools import cache
from typing import NamedTuple

import pandas as pd
import pytest

from govsim.inert import identical, perturb, summarise
from govsim.scenario import Scenario, ScenarioError
from govsim.scenario.overrides import numeric_leaves
from tests.helpers import shipped

HUB = "multi_party_hub"
EVENT_SCENARIOS = ("data_breach", "card_crackdown", "epidemic")
RESIDENTS = 300_000
"""Residents are cheap (the work is per day and per ring); many give rare scam types victims."""
DAYS = 300
"""Covers every shipped event, lengthened by its perturbation, and some aftermath."""
WARMUP = 0
"""No warm-up: a settled ring market is not needed to see a parameter act, and days cost."""
SEEDS = tuple(range(2026, 2034))
"""A leaf counts as inert only if it leaves the summary identical on every one of these seeds.
The next seed is run only while it has, so an active leaf mostly costs one run, and a weak one
(acting through a few arrest operations a year, or a rare scam type) is not called inert by the
luck of one run. A listed leaf is run on the first seed only: it fails if it acts there."""


class Idle(NamedTuple):
    """Why a leaf is idle in the hub, and a shipped scenario where it acts (checked there).

    ``warmup`` is the warm-up of the runs that check it there: a leaf that acts only once
    evidence against rings has built up is checked after the default year of warm-up.
    """

    why: str
    binds_in: str | None = None
    warmup: int = 0


EPIDEMIC_ONLY = Idle("the epidemic scam type is open only during an epidemic", "epidemic")
ONE_TRANSFER = Idle("the scam type asks for one transfer: there is no spacing to change")
SAME_CAPABILITY = Idle("every institution takes the sector's capability: shares change no effort")

INERT_BY_DESIGN: dict[str, Idle] = {
    # Key path (fnmatch pattern: * also crosses dots) -> why it is idle in multi_party_hub.
    "fraud.roles.leader": Idle("fixed at 1 by the schema (one leader per ring)"),
    "fraud.max_rings": Idle(
        "a safety ceiling on the market: no shipped scenario's market reaches it (the hub's "
        "holds about 50 rings, telecom_only's at most about 400; bench_ring_cap.py, ODD 7.14)"
    ),
    "fraud.transfers_per_mule_day": Idle(
        "mule accounts never run short unless a card crackdown cuts their supply", "card_crackdown"
    ),
    "scam_types.epidemic.profile.*": EPIDEMIC_ONLY,
    "scam_types.epidemic.conversion": EPIDEMIC_ONLY,
    "scam_types.epidemic.record_lift": EPIDEMIC_ONLY,
    "scam_types.epidemic.grooming_days": EPIDEMIC_ONLY,
    "scam_types.epidemic.transfers": EPIDEMIC_ONLY,
    "scam_types.epidemic.loss_median": EPIDEMIC_ONLY,
    "scam_types.epidemic.loss_sigma": EPIDEMIC_ONLY,
    "scam_types.epidemic.transfer_spacing_days": ONE_TRANSFER,
    "scam_types.impersonate_official.transfer_spacing_days": ONE_TRANSFER,
    "scam_types.student_aid.transfer_spacing_days": ONE_TRANSFER,
    "scam_types.fake_prize.transfer_spacing_days": ONE_TRANSFER,
    "scam_types.impersonate_friend.transfer_spacing_days": ONE_TRANSFER,
    "scam_types.shopping_refund.transfer_spacing_days": ONE_TRANSFER,
    "scam_types.phishing.transfer_spacing_days": ONE_TRANSFER,
    "scam_types.loan.transfer_spacing_days": ONE_TRANSFER,
    "agencies.*.institutions.*.market_share": SAME_CAPABILITY,
    "agencies.police.crackdown_arrest_share": Idle(
        "read only by a card crackdown event", "card_crackdown"
    ),
    "agencies.banks.self_freeze_hours": Idle(
        "the centre's stop-payment (minutes) always beats the bank's own freeze", "bank_only"
    ),
    "agencies.judiciary.sentence_days": Idle(
        "no sentence (1,100 days) ends within the run: no convict is released"
    ),
    "cooperation.latencies.blacklist_slowest_days": Idle(
        "hub links deliver blacklists within the day, rounded up to one day", "baseline"
    ),
    "cooperation.latencies.station_routing_hours": Idle(
        "the hub's one intake skips the station's routing", "baseline"
    ),
    "cooperation.latencies.stop_payment_*_hours": Idle(
        "the hub's one intake issues the stop-payment instead of the police-bank link", "baseline"
    ),
    "cooperation.latencies.blacklist_fastest_days": Idle(
        "blacklists arrive on whole days: a tenth of a day moves no delivery at these links"
    ),
    "fraud.dissolution_core_share": Idle(
        "decides a dissolution only when an operation takes a ring's leader, which needs deep "
        "evidence: without warm-up, one to two leaders a run are taken in the whole market, "
        "with the core intact; after a year of warm-up about five a year, some "
        "with half the core gone",
        HUB,
        warmup=365,
    ),
}
"""Leaves idle in the hub by design; edit freely, the tests keep every entry true."""

DEFECTS: dict[str, Idle] = {}
"""DEFECT, to fix: leaves idle in the hub because of the model (read, but never binding at
calibrated values), listed so the suite stays green until they are fixed; the stale rule
holds for them too, so a fix that makes one act fails here until it is unlisted."""


@cache
def sized(name: str, warmup: int = WARMUP) -> Scenario:
    """A shipped scenario at the test's size and horizon."""
    return shipped(name, residents=RESIDENTS, days=DAYS, warmup=warmup)


@cache
def base_summary(name: str, seed: int, warmup: int = WARMUP) -> pd.DataFrame:
    """The unperturbed numeric summary, once per scenario, seed, warm-up and test process."""
    return summarise(sized(name, warmup), seed=seed)


def listed(path: str) -> Idle | None:
    """Why a leaf is listed as idle in the hub (by design or as a defect), or None."""
    for pattern, idle in {**INERT_BY_DESIGN, **DEFECTS}.items():
        if fnmatchcase(path, pattern):
            return idle
    return None


def inert(name: str, path: str, seeds: tuple[int, ...], warmup: int = WARMUP) -> tuple[bool, str]:
    """Whether perturbing the leaf leaves the summary bit-identical on every seed, and how."""
    try:
        change = perturb(sized(name, warmup), path)
    except ScenarioError as error:
        return True, f"not perturbable: {error.problems[-1].message}"
    done = f"{change.old:g} -> {change.new:g}"
    for seed in seeds:
        base = base_summary(name, seed, warmup)
        if not identical(base, summarise(change.scenario, seed=seed)):
            return False, f"{done} on seed {seed}"
    return True, f"{done} on seeds {', '.join(map(str, seeds))}"


def leaves(name: str, prefix: str = "") -> list[str]:
    return [path for path in numeric_leaves(sized(name)) if path.startswith(prefix)]


def check_acts(name: str, path: str, warmup: int = WARMUP) -> None:
    same, done = inert(name, path, SEEDS, warmup)
    assert not same, (
        f"{path} ({done}, warm-up {warmup} days) left the numeric summary of {name} "
        "bit-identical: find where it is read; if it is idle here by design, add it to "
        "INERT_BY_DESIGN with the reason"
    )


HUB_CASES = leaves(HUB)
EVENT_CASES = [(name, path) for name in EVENT_SCENARIOS for path in leaves(name, "events.")]
BINDING_CASES = [
    (idle.binds_in, path, idle.warmup)
    for path in HUB_CASES
    if (idle := listed(path)) is not None and idle.binds_in is not None
]


@pytest.mark.slow
@pytest.mark.parametrize("path", HUB_CASES)
def test_every_hub_parameter_moves_the_summary(path):
    idle = listed(path)
    if idle is None:
        check_acts(HUB, path)
        return
    same, done = inert(HUB, path, SEEDS[:1])
    assert same, f"{path} is listed as idle in {HUB} ({idle.why}) but {done} changed it: unlist it"


@pytest.mark.slow
@pytest.mark.parametrize(("name", "path"), EVENT_CASES, ids=[f"{n}:{p}" for n, p in EVENT_CASES])
def test_every_event_parameter_moves_its_scenario(name, path):
    check_acts(name, path)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("name", "path", "warmup"), BINDING_CASES, ids=[f"{n}:{p}" for n, p, _ in BINDING_CASES]
)
def test_parameters_idle_in_the_hub_act_where_they_apply(name, path, warmup):
    check_acts(name, path, warmup)


def test_every_listed_pattern_names_a_leaf():
    stale = [
        pattern
        for pattern in {**INERT_BY_DESIGN, **DEFECTS}
        if not any(fnmatchcase(path, pattern) for path in HUB_CASES)
    ]
    assert not stale, f"listed patterns that match no leaf of {HUB}: {stale}"


def test_every_event_scenario_has_event_leaves():
    for name in EVENT_SCENARIOS:
        assert leaves(name, "events."), f"{name} has no numeric event keys to check"
