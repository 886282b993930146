"""Stylized facts (docs/ODD.md section 1) over replications: directions and ranges, not values.

All scenarios share replication seeds, so keyed draws pair their runs (common random numbers).
"""

from __future__ import annotations

import numpy as np
import pytest

from govsim.results import market_totals
from govsim.runner import run
from tests.helpers import shipped

pytestmark = pytest.mark.slow  # seven scenarios x 48 replications of a year

RESIDENTS = 10_000
REPLICATIONS = 48


@pytest.fixture(scope="module")
def outcomes():
    names = (
        "no_governance",
        "police_only",
        "uncoordinated",
        "bilateral",
        "multi_party_hub",
        "telecom_only",
        "bank_only",
    )
    return {
        name: run(shipped(name, residents=RESIDENTS, days=365), REPLICATIONS, seed=2026)
        for name in names
    }


def mean(outcomes, name, column):
    return outcomes[name].summary[column].mean()


def test_net_loss_falls_from_no_governance_to_police_to_multi_party(outcomes):
    none, police, hub = (
        mean(outcomes, n, "net_loss") for n in ("no_governance", "police_only", "multi_party_hub")
    )
    assert none > police
    assert police > 2.0 * hub


def test_cooperation_itself_has_value(outcomes):
    # The same parties at the same effort, without and with links: only cooperation differs
    # (multi_party_hub also strengthens the police, so it is not the comparison here).
    uncoordinated, bilateral = outcomes["uncoordinated"].summary, outcomes["bilateral"].summary
    assert uncoordinated["seed"].tolist() == bilateral["seed"].tolist()
    assert uncoordinated["victims"].mean() > 1.5 * bilateral["victims"].mean()


def test_multi_party_beats_every_single_party(outcomes):
    hub = mean(outcomes, "multi_party_hub", "victims")
    for single in ("police_only", "telecom_only", "bank_only"):
        assert mean(outcomes, single, "victims") > 2 * hub, single


def test_broadcast_succeeds_rarely_and_targeted_far_better(outcomes):
    table = outcomes["police_only"].by_scam.groupby("mode")[["attempts", "victims"]].sum()
    broadcast = table.loc["broadcast", "victims"] / table.loc["broadcast", "attempts"]
    targeted = table.loc["targeted", "victims"] / table.loc["targeted", "attempts"]
    assert 1e-4 <= broadcast <= 1e-3  # "1 in 1,000 or even 1 in 10,000"
    assert targeted > 3 * broadcast


def test_striking_links_does_not_stop_rings(outcomes):
    market = market_totals(outcomes["police_only"].market)
    operations = market["operations"].sum()
    assert operations > 0
    assert market["rings_dissolved"].sum() < 0.5 * operations
    assert (market["rings_active_end"] > 0).all()


def test_police_alone_lags(outcomes):
    series = outcomes["police_only"].timeseries
    first = series[series["day"] <= 90]["victims"].sum()
    last = series[series["day"] > 275]["victims"].sum()
    assert last > 0.5 * first


def recovered(summary):
    """Frozen over the loss of victims who report: what police statistics count."""
    return summary["frozen_reported"].sum() / summary["reported_loss"].sum()


def test_police_alone_freeze_a_little_slowly_and_the_bank_link_much_more(outcomes):
    # Without a police-bank link the formal legal route still freezes what is parked. Police
    # alone freeze a parked path or two a year in a city of 10,000, so this fact gets a city
    # of 100,000 of its own, where a replication without any freeze is rare. So does the
    # hub's: its share rests on the few large losses of the victims who report, one freeze can
    # make a replication's share, and eight replications do not pin its level: these gave 7.0%
    # (police alone 1.7%), the first 30 of the same seed 13.2% [10.5%, 16.2%], which
    # docs/validation.md checks against the public 11-15%. Here the fact is the ratio.
    police = run(shipped("police_only", residents=100_000, days=365), 8, seed=2026).summary
    assert 0.0 < recovered(police) < 0.05
    hours = police["median_hours_to_freeze"]
    assert np.isfinite(hours).mean() >= 0.9
    assert hours.median() > 24.0
    hub = run(shipped("multi_party_hub", residents=100_000, days=365), 8, seed=2026).summary
    assert recovered(hub) > 2 * recovered(police)


def test_student_records_leak_raises_student_victimisation():
    # Student victims are few, so this fact gets a larger city of its own.
    students = {
        name: run(shipped(name, residents=30_000, days=365), 8, seed=7)
        .timeseries["victims_student"]
        .sum()
        for name in ("baseline", "data_breach")
    }
    assert students["data_breach"] > 1.3 * students["baseline"]


def test_collateral_burden_is_counted_where_parties_act(outcomes):
    assert mean(outcomes, "police_only", "legit_calls_blocked") == 0
    assert mean(outcomes, "telecom_only", "legit_calls_blocked") > 0
    assert mean(outcomes, "bank_only", "legit_transfers_delayed") > 0
