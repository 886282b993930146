"""A tiny real attribution: the values add up to the whole effect in every replication."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from govsim.attribution.executing import run_coalitions
from govsim.attribution.players import game
from govsim.attribution.running import ATTRIBUTED, GRAND, attribute, plan, reductions
from govsim.attribution.shapley import exact_shapley
from tests.helpers import shipped

HUB = shipped("multi_party_hub", residents=2000, days=20, warmup=5)


@pytest.fixture(scope="module")
def hub_attribution():
    return attribute(game(HUB, "hub"), replications=3, seed=11)


def test_every_coalition_ran_every_replication_with_the_same_seeds(hub_attribution):
    coalitions = hub_attribution.coalitions
    assert coalitions["mask"].nunique() == 32
    assert (coalitions.groupby("mask").size() == 3).all()
    assert coalitions.loc[coalitions["mask"] == 0, "coalition"].iloc[0] == "none"
    assert len(hub_attribution.seeds) == 3


def test_efficiency_holds_replication_by_replication_on_a_real_run(hub_attribution):
    gains = reductions(hub_attribution.coalitions)
    for outcome in ATTRIBUTED:
        table = np.stack([gains[outcome][mask] for mask in range(32)])
        per_replication = exact_shapley(table, 5)
        np.testing.assert_allclose(per_replication.sum(axis=0), table[-1], rtol=1e-9, atol=1e-6)
        rows = hub_attribution.values[hub_attribution.values["outcome"] == outcome]
        players = rows[rows["player"] != GRAND]["shapley"].sum()
        whole = rows.loc[rows["player"] == GRAND, "shapley"].iloc[0]
        assert players == pytest.approx(whole, rel=1e-9, abs=1e-6)


def test_interactions_are_given_for_every_pair(hub_attribution):
    pairs = hub_attribution.interactions
    assert len(pairs) == 10 * len(ATTRIBUTED)
    assert not (pairs["player_a"] == pairs["player_b"]).any()


def test_above_eight_players_orders_are_sampled_and_still_add_up():
    links = game(HUB, "links")
    assert len(links.players) == 10
    result = attribute(links, replications=2, seed=11, orders=1)
    assert result.method == "sampled"
    assert result.orders == 2
    assert result.interactions.empty
    for outcome in ATTRIBUTED:
        rows = result.values[result.values["outcome"] == outcome]
        players = rows[rows["player"] != GRAND]["shapley"].sum()
        whole = rows.loc[rows["player"] == GRAND, "shapley"].iloc[0]
        assert players == pytest.approx(whole, rel=1e-9, abs=1e-6)


def test_above_eight_players_pairs_are_estimated_from_drawn_coalitions_when_asked():
    links = game(HUB, "links")
    chosen = plan(links, seed=11, orders=1, pair_samples=2)
    assert len(chosen.pairs) == 45
    for (a, b), drawn in chosen.pairs.items():
        for mask in drawn:
            assert {mask, mask | 1 << a, mask | 1 << b, mask | 1 << a | 1 << b} <= set(chosen.masks)
    result = attribute(links, replications=2, seed=11, orders=1, pair_samples=2)
    assert result.pair_samples == 2
    assert result.coalitions["mask"].nunique() == len(chosen.masks)
    pairs = result.interactions
    assert len(pairs) == 45 * len(ATTRIBUTED)
    assert pairs[["index", "ci_low", "ci_high"]].notna().all().all()
    assert (pairs["ci_low"] <= pairs["index"]).all()
    assert (pairs["index"] <= pairs["ci_high"]).all()


def test_one_pool_for_all_coalitions_gives_what_one_process_gives():
    g = game(shipped("multi_party_hub", residents=1000, days=10, warmup=5), "hub")
    scenarios = [g.coalition(0), g.coalition(31)]
    seeds = [7, 8]
    alone = run_coalitions(scenarios, seeds, workers=1)
    pooled = run_coalitions(scenarios, seeds, workers=2)
    for mine, theirs in zip(pooled, alone, strict=True):
        assert pd.DataFrame(mine).equals(pd.DataFrame(theirs))  # NaN where NaN
    assert alone[0][1]["seed"] == 8
