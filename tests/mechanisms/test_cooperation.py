"""Cooperation: link names, structures and the hub's co-location."""

from __future__ import annotations

import numpy as np
import pydantic
import pytest

from govsim.scenario.cooperation import KNOWN_LINKS, Cooperation, canonical_link
from tests.mechanisms.builders import model

# In a one-stop centre police, banks, telecoms and platforms sit together.
POLICE_MEMBER_LINKS = (
    "police-bank",
    "police-telecom",
    "police-platform",
    "bank-telecom",
    "bank-platform",
    "telecom-platform",
)
OTHER_LINKS = tuple(link for link in KNOWN_LINKS if link not in POLICE_MEMBER_LINKS)


def reversed_name(link: str) -> str:
    first, second = link.split("-")
    return f"{second}-{first}"


@pytest.mark.parametrize("link", KNOWN_LINKS)
def test_link_names_in_either_order_are_the_same_link(link):
    assert canonical_link(reversed_name(link)) == link
    given = Cooperation(links={reversed_name(link): 0.4})
    assert given.level(link) == 0.4
    assert given.level(reversed_name(link)) == 0.4


def test_a_link_given_in_both_orders_is_rejected():
    with pytest.raises(pydantic.ValidationError, match="given twice"):
        Cooperation(links={"police-bank": 0.3, "bank-police": 0.5})


@pytest.mark.parametrize("name", ["police-police-bank", "police-mayor", "bank-judiciary"])
def test_unknown_links_are_rejected(name):
    with pytest.raises(ValueError, match="link"):
        canonical_link(name)


def test_an_unset_link_is_zero_under_bilateral():
    assert Cooperation(structure="bilateral").level("police-bank") == 0.0


def test_structure_none_gives_zero_for_every_link():
    links = dict.fromkeys(KNOWN_LINKS, 1.0)
    none = Cooperation(structure="none", links=links)
    assert [none.level(link) for link in KNOWN_LINKS] == [0.0] * len(KNOWN_LINKS)
    assert none.level("bank-police") == 0.0


@pytest.mark.parametrize("link", POLICE_MEMBER_LINKS)
@pytest.mark.parametrize("level", [0.0, 0.2, 0.5, 1.0])
def test_hub_raises_police_member_links_by_colocation_of_the_gap(link, level):
    hub = Cooperation(structure="hub", links={link: level}, hub_colocation=0.7)
    assert hub.level(link) == pytest.approx(level + (1 - level) * 0.7)
    assert hub.level(reversed_name(link)) == pytest.approx(level + (1 - level) * 0.7)


@pytest.mark.parametrize("link", OTHER_LINKS)
def test_hub_leaves_other_links_alone(link):
    hub = Cooperation(structure="hub", links={link: 0.2}, hub_colocation=0.7)
    bilateral = Cooperation(structure="bilateral", links={link: 0.2})
    assert hub.level(link) == bilateral.level(link) == 0.2


def test_hub_with_no_colocation_is_bilateral():
    links = dict.fromkeys(KNOWN_LINKS, 0.3)
    hub = Cooperation(structure="hub", links=links, hub_colocation=0.0)
    bilateral = Cooperation(structure="bilateral", links=links)
    assert [hub.level(x) for x in KNOWN_LINKS] == [bilateral.level(x) for x in KNOWN_LINKS]


@pytest.mark.parametrize("level", [-0.1, 1.5])
def test_levels_outside_zero_one_are_rejected(level):
    with pytest.raises(pydantic.ValidationError):
        Cooperation(links={"police-bank": level})


def campaign_reached(public_link: float) -> int:
    city = model(
        size=3_000,
        agencies={"education": {"capability": 1.0}},
        cooperation={"links": {"government-public": public_link}},
    )
    before = city.residents.awareness_set.copy()
    city.education.run_routine_campaign()
    return int((city.residents.awareness_set != before).sum())


def test_government_public_link_widens_campaign_reach():
    assert campaign_reached(1.0) > campaign_reached(0.0) > 0


def test_government_public_link_carries_public_reports():
    reports = {}
    for level in (0.0, 1.0):
        city = model(
            size=1_000,
            agencies={"education": {"public_reporting": 0.5}},
            cooperation={"links": {"government-public": level}},
        )
        resisted = np.ones(2_000, bool)
        keys = np.arange(2_000, dtype=np.uint64)  # one contact key per resident who resisted
        reports[level] = int(city.education.public_reports(resisted, keys).sum())
    assert reports[0.0] == 0
    assert reports[1.0] == pytest.approx(1_000, abs=150)


def test_a_copy_with_another_structure_does_not_keep_the_remembered_levels():
    hub = Cooperation(structure="hub", links={"police-bank": 0.5}, hub_colocation=0.7)
    assert hub.level("police-bank") == pytest.approx(0.85)
    bilateral = hub.model_copy(update={"structure": "bilateral"})
    assert bilateral.level("police-bank") == 0.5
    assert hub.level("bank-police") == pytest.approx(0.85)
