"""Coalitions that share a run: the judiciary without the police, and equal scenarios.

A coalition is not run again when its run would be a bare copy of another's. These tests run
both coalitions of such pairs and find their summaries equal, and check that the judiciary does
matter once the police are in (so that the equality is not an accident of a quiet run).
"""

from __future__ import annotations

import pandas as pd
import pytest

from govsim.attribution.players import game
from govsim.attribution.running import attribute, plan
from govsim.runner import run_once
from govsim.scenario.overrides import with_overrides
from tests.helpers import shipped

HUB = shipped("multi_party_hub", residents=4000, days=120, warmup=200)
PARTIES = game(HUB, "parties")
PLATFORM_LINKS = ("police-platform", "bank-platform", "telecom-platform")


def mask_of(*names: str) -> int:
    return sum(1 << PARTIES.players.index(name) for name in names)


def summary(mask: int, seed: int = 3) -> pd.Series:
    result = run_once(PARTIES.coalition(mask), seed=seed).summary
    return pd.Series(result).drop(["scenario"])


def test_the_judiciary_without_the_police_runs_as_the_coalition_without_it():
    assert PARTIES.runs_as(mask_of("judiciary")) == 0
    assert PARTIES.runs_as(mask_of("banks", "judiciary")) == mask_of("banks")
    assert PARTIES.runs_as(mask_of("police", "judiciary")) == mask_of("police", "judiciary")
    assert game(HUB, "hub").runs_as(5) == 5


@pytest.mark.parametrize(
    "others", [(), ("banks",), ("banks", "telecoms", "platforms", "education")], ids=str
)
def test_without_the_police_the_judiciary_changes_nothing(others):
    with_judiciary = PARTIES.coalition(mask_of(*others, "judiciary"))
    assert with_judiciary.agencies.judiciary.enabled
    pd.testing.assert_series_equal(
        summary(mask_of(*others, "judiciary")), summary(mask_of(*others))
    )


def test_with_the_police_the_judiciary_changes_the_run():
    police = summary(mask_of("police"))
    assert police["arrests"] > 0, "the run is too quiet to tell"
    assert not police.equals(summary(mask_of("police", "judiciary")))


def test_the_six_parties_run_48_of_their_64_coalitions():
    chosen = plan(PARTIES, seed=1)
    assert len(chosen.masks) == 64
    assert len(chosen.runs) == 48
    police, judiciary = mask_of("police"), mask_of("judiciary")
    for mask, run in chosen.shared.items():
        expected = mask & ~judiciary if not mask & police else mask
        assert run == expected


def test_a_party_the_scenario_leaves_passive_and_unlinked_halves_the_runs():
    """Its coalitions' scenarios are those without it, key for key: it is a null player."""
    bilateral = shipped("bilateral", residents=1000, days=10, warmup=5)
    settings: dict[str, object] = {"agencies.platforms.enabled": False}
    settings |= {f"cooperation.links.{link}": 0.0 for link in PLATFORM_LINKS}
    chosen = plan(game(with_overrides(bilateral, settings), "parties"), seed=1)
    assert len(chosen.runs) == 24
    platforms = mask_of("platforms")
    assert all(chosen.shared[mask | platforms] == chosen.shared[mask] for mask in range(64))


def test_a_passive_party_with_links_still_runs_its_coalitions():
    """Banks that do nothing on their own keep their links (which cost, and along which the
    police's stop-payments travel): they are no null player, so nothing is shared."""
    bilateral = shipped("bilateral", residents=4000, days=120, warmup=200)
    parties = game(with_overrides(bilateral, {"agencies.banks.enabled": False}), "parties")
    police_banks = mask_of("police", "banks")
    assert plan(parties, seed=1).shared[police_banks] == police_banks
    with_link = run_once(parties.coalition(police_banks), seed=3).summary
    without = run_once(parties.coalition(mask_of("police")), seed=3).summary
    assert with_link["cost_cooperation"] > without["cost_cooperation"]


def test_shared_coalitions_carry_the_run_they_share():
    tiny = shipped("multi_party_hub", residents=1000, days=10, warmup=5)
    result = attribute(game(tiny, "parties"), replications=2, seed=11)
    coalitions = result.coalitions
    assert coalitions["mask"].nunique() == 64
    assert result.coalitions_run == 48
    shared = coalitions[coalitions["mask"] != coalitions["run_as_mask"]]
    assert set(shared["coalition"].str.contains("judiciary")) == {True}
    assert not shared["coalition"].str.contains("police").any()
    outcomes = [c for c in coalitions.columns if c not in ("mask", "coalition", "run_as")]
    by_mask = coalitions.set_index(["mask", "replication"])
    for row in shared.itertuples():
        mine = by_mask.loc[(row.mask, row.replication), outcomes[3:]]
        theirs = by_mask.loc[(row.run_as_mask, row.replication), outcomes[3:]]
        assert mine.equals(theirs)
