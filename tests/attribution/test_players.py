"""Each coalition's scenario: who is passive, which links are void, what the hub switches off."""

from __future__ import annotations

import pytest

from govsim.attribution.players import (
    CAPACITY_OFF,
    HUB_MECHANISMS,
    PARTY_SIDES,
    AttributionError,
    game,
)
from govsim.runner import run
from govsim.scenario.cooperation import KNOWN_LINKS
from tests.helpers import shipped

HUB = shipped("multi_party_hub", residents=1000, days=10, warmup=5)
BILATERAL = shipped("bilateral", residents=1000, days=10, warmup=5)


def mask_of(g, *names: str) -> int:
    return sum(1 << g.players.index(name) for name in names)


@pytest.mark.parametrize("scenario", [HUB, BILATERAL], ids=["hub", "bilateral"])
def test_the_empty_party_coalition_is_no_governance(scenario):
    empty = game(scenario, "parties").coalition(0)
    assert all(not getattr(empty.agencies, party).enabled for party in PARTY_SIDES)
    assert all(empty.cooperation.level(link) == 0.0 for link in KNOWN_LINKS)
    assert empty.cooperation.hub is None or not empty.cooperation.centre.one_intake


@pytest.mark.parametrize("scenario", [HUB, BILATERAL], ids=["hub", "bilateral"])
def test_every_grand_coalition_keeps_the_scenarios_link_levels(scenario):
    for kind in ("parties", "links"):
        g = game(scenario, kind)
        grand = g.coalition((1 << len(g.players)) - 1)
        for link in KNOWN_LINKS:
            assert grand.cooperation.level(link) == pytest.approx(scenario.cooperation.level(link))
        assert grand.agencies == scenario.agencies


def test_a_passive_party_has_its_links_void_and_the_others_keep_theirs():
    g = game(HUB, "parties")
    coalition = g.coalition(mask_of(g, "police", "telecoms", "education"))
    assert not coalition.agencies.banks.enabled
    assert coalition.agencies.police.enabled
    levels = coalition.cooperation.level
    assert levels("police-bank") == levels("bank-telecom") == 0.0
    assert levels("police-telecom") == pytest.approx(HUB.cooperation.level("police-telecom"))
    assert levels("government-public") == pytest.approx(0.8)
    assert levels("police-international") == pytest.approx(0.5)
    assert coalition.cooperation.centre.one_intake  # the police run the centre


def test_without_the_police_the_centre_is_off():
    g = game(HUB, "parties")
    centre = g.coalition(mask_of(g, "banks", "telecoms")).cooperation.centre
    assert (centre.one_intake, centre.data_desk, centre.joint_operations) == (False, 0.0, 0.0)


def test_links_are_the_scenarios_links_above_zero():
    assert game(HUB, "links").players == KNOWN_LINKS
    g = game(BILATERAL, "links")
    coalition = g.coalition(mask_of(g, g.players[0]))
    assert coalition.cooperation.level(g.players[0]) > 0.0
    assert all(coalition.cooperation.level(link) == 0.0 for link in g.players[1:])


def test_hub_mechanisms_are_switched_off_one_by_one():
    g = game(HUB, "hub")
    assert g.players == HUB_MECHANISMS
    only_desk = g.coalition(mask_of(g, "data_desk"))
    assert only_desk.cooperation.centre.data_desk == HUB.cooperation.centre.data_desk
    assert not only_desk.cooperation.centre.one_intake
    assert only_desk.cooperation.hub_colocation == 0.0
    assert only_desk.agencies.police.dissuasion_calls_per_100k == CAPACITY_OFF
    assert g.coalition(mask_of(g, *HUB_MECHANISMS)) == HUB


def test_the_grand_coalition_runs_exactly_as_the_scenario():
    # Links written out at their hub levels with co-location 0 change nothing in a run.
    g = game(HUB, "parties")
    grand = g.coalition((1 << len(g.players)) - 1)
    columns = ["victims", "net_loss", "governance_cost", "legit_calls_blocked"]
    first = run(HUB, 2, seed=5).summary[columns]
    second = run(grand, 2, seed=5).summary[columns]
    assert first.equals(second)


@pytest.mark.parametrize(
    ("name", "kind", "key"),
    [("bilateral", "hub", "no_hub"), ("no_governance", "links", "no_links")],
)
def test_a_scenario_without_such_players_is_refused(name, kind, key):
    with pytest.raises(AttributionError) as caught:
        game(shipped(name, residents=1000, days=5, warmup=None), kind)
    assert caught.value.key == key
    assert "--players" in caught.value.render("en")
    assert "--players" in caught.value.render("zh")


def test_an_unknown_kind_of_player_is_refused():
    with pytest.raises(AttributionError, match="--players must be one of parties, links, hub"):
        game(HUB, "agencies")
