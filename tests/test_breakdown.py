"""By region and by institution: the breakdowns add up to the city's totals, in the right places."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from govsim.runner import run
from govsim.scenario.overrides import with_overrides
from tests.helpers import shipped

LOSSES = ["victims", "gross_loss", "frozen", "net_loss"]
ACTIONS = {"held_by_bank": "bank", "blocked_telecom": "telecom", "blocked_platform": "platform"}


@pytest.fixture(scope="module")
def results():
    return run(shipped("baseline", residents=20_000, days=120, warmup=60), replications=2, seed=5)


def per_replication(frame: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    return frame.groupby("replication")[columns].sum(min_count=1)


def assert_sums_match(table: pd.DataFrame, summary: pd.DataFrame, columns: list[str]) -> None:
    totals = summary.set_index("replication")[columns]
    pd.testing.assert_frame_equal(table[columns], totals, check_exact=False, rtol=1e-9)


def test_the_run_exercises_every_count(results):
    totals = results.summary[[*LOSSES, *ACTIONS]].sum()
    assert (totals[["victims", "gross_loss", "frozen", *ACTIONS]] > 0).all(), totals


def test_regions_add_up_to_the_city(results):
    by_region = results.by_region
    assert list(by_region.columns[:4]) == ["scenario", "replication", "region", "residents"]
    assert set(by_region["region"]) == set(results.scenario.population.region_names)
    assert (by_region.groupby("replication")["residents"].sum() == 20_000).all()
    sums = per_replication(by_region, [*LOSSES, *ACTIONS])
    assert_sums_match(sums, results.summary, [*LOSSES, *ACTIONS])


def test_each_sector_adds_up_to_the_city(results):
    table = results.by_institution
    assert list(table.columns[:5]) == [
        "scenario",
        "replication",
        "kind",
        "institution",
        "customers",
    ]
    banks = table[table["kind"] == "bank"]
    assert_sums_match(per_replication(banks, LOSSES), results.summary, LOSSES)
    # A victim's scam came by call or SMS through her operator, or by IM or web on a platform.
    carriers = table[table["kind"].isin(["telecom", "platform"])]
    assert_sums_match(per_replication(carriers, LOSSES), results.summary, LOSSES)
    for action, kind in ACTIONS.items():
        own = table[table["kind"] == kind]
        assert_sums_match(per_replication(own, [action]), results.summary, [action])
        assert table.loc[table["kind"] != kind, action].isna().all(), action


def test_customers_are_the_residents_of_each_sector(results):
    table = results.by_institution
    for kind in ("bank", "telecom"):
        counts = table[table["kind"] == kind].groupby("replication")["customers"].sum()
        assert (counts == 20_000).all()
    assert table.loc[table["kind"] == "platform", "customers"].isna().all()


def test_by_scam_has_net_loss(results):
    by_scam = results.by_scam
    assert np.allclose(by_scam["net_loss"], by_scam["gross_loss"] - by_scam["frozen"])
    sums = per_replication(by_scam, ["victims", "net_loss"])
    assert_sums_match(sums, results.summary, ["victims", "net_loss"])


def test_a_bank_without_capability_has_more_victims_per_customer():
    weak = [
        {"name": "Bank A", "market_share": 1.0},
        {"name": "Bank B", "market_share": 1.0},
        {"name": "Weak bank", "market_share": 1.0, "capability": 0.0},
    ]
    scenario = with_overrides(
        shipped("bank_only", residents=30_000, days=180, warmup=60),
        settings={
            "agencies.banks.institutions": weak,
            "agencies.banks.capability": 1.0,
            "agencies.banks.risk_detection": 0.8,
            "agencies.banks.hold_stop_share": 0.8,
        },
    )
    table = run(scenario, replications=2, seed=3).by_institution
    banks = table[table["kind"] == "bank"].groupby("institution")
    per_customer = banks["victims"].sum() / banks["customers"].sum()
    held = banks["held_by_bank"].sum()
    assert per_customer["Weak bank"] > 1.5 * max(per_customer["Bank A"], per_customer["Bank B"])
    assert held["Weak bank"] == 0
    assert (held[["Bank A", "Bank B"]] > 0).all()
