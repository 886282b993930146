"""Governance cost: each party's staff and the links, in yuan; an output that changes nothing."""

from __future__ import annotations

import pytest

from govsim.costs import COST_COUNTS, daily_costs, daily_staff_days
from govsim.runner import run_once
from tests.mechanisms.builders import model, scenario

DISABLED = {"enabled": False}


def test_staff_scale_with_residents_and_effort():
    small = daily_staff_days(model(size=2_000), calls=0.0, defendants=0.0)
    large = daily_staff_days(model(size=4_000), calls=0.0, defendants=0.0)
    for party in ("police", "banks", "telecoms", "platforms", "education", "cooperation"):
        assert large[party] == pytest.approx(2 * small[party]), party
    weak = model(size=2_000, agencies={"banks": {"capability": 0.3}})
    strong = model(size=2_000, agencies={"banks": {"capability": 0.6}})
    assert daily_staff_days(strong, 0.0, 0.0)["banks"] == pytest.approx(
        2 * daily_staff_days(weak, 0.0, 0.0)["banks"]
    )


def test_a_party_that_does_not_act_costs_nothing():
    parties = ("banks", "police", "judiciary")
    city = model(size=2_000, agencies={name: DISABLED for name in parties})
    staff = daily_staff_days(city, calls=0.0, defendants=3.0)
    assert staff["banks"] == 0.0
    assert staff["police"] == 0.0
    assert staff["judiciary"] == 0.0  # suspects detained, but nobody prosecutes or tries them


def test_a_headcount_costs_its_working_days_spread_over_the_year():
    """150,000 yuan a year for one investigator: 300 working days at 500 yuan, not 365."""
    city = model(size=100_000, agencies={"police": {"investigators_per_100k": 1.0}})
    costs = city.config.costs
    assert (costs.working_days_per_year, costs.staff_day_yuan) == (300.0, 500.0)
    police_year = 365 * daily_costs(city, 0.0, 0.0, 0.0)["cost_police"]
    assert police_year == pytest.approx(150_000.0)
    fewer = model(size=100_000, costs={"working_days_per_year": 150.0})
    assert daily_staff_days(fewer, 0.0, 0.0)["banks"] == pytest.approx(
        0.5 * daily_staff_days(model(size=100_000), 0.0, 0.0)["banks"]
    )


def test_calls_defendants_and_campaign_contacts_cost_by_their_unit():
    city = model(size=2_000)
    costs = city.config.costs
    base = daily_costs(city, calls=0.0, defendants=0.0, campaign_contacts=0.0)
    more = daily_costs(city, calls=120.0, defendants=2.0, campaign_contacts=1_000.0)
    assert more["cost_police"] - base["cost_police"] == pytest.approx(
        120.0 / costs.calls_per_staff_day * costs.staff_day_yuan
    )
    assert more["cost_judiciary"] - base["cost_judiciary"] == pytest.approx(
        2.0 * costs.staff_days_per_defendant * costs.staff_day_yuan
    )
    assert more["cost_education"] - base["cost_education"] == pytest.approx(
        1_000.0 * costs.yuan_per_campaign_contact
    )


def test_links_cost_liaison_staff_and_a_hub_seats_its_own():
    def cooperation_staff(**cooperation):
        city = model(size=100_000, cooperation=cooperation)
        return daily_staff_days(city, 0.0, 0.0)["cooperation"]

    costs = scenario().costs
    assert cooperation_staff(structure="none") == 0.0
    one_link = cooperation_staff(structure="bilateral", links={"police-bank": 0.5})
    working = costs.working_days_per_year / 365
    assert one_link == pytest.approx(0.5 * costs.liaison_staff_per_100k * working)
    hub = cooperation_staff(structure="hub", links={"police-bank": 0.5}, hub_colocation=0.0)
    assert hub == pytest.approx(one_link + costs.centre_staff_per_100k * working)


def test_cost_is_an_output_only_and_the_summary_adds_up_its_parts():
    plain = scenario(size=2_000, days=20)
    dearer = plain.model_copy(
        update={"costs": plain.costs.model_copy(update={"staff_day_yuan": 1_000.0})}
    )
    one, two = run_once(plain, seed=3).summary, run_once(dearer, seed=3).summary
    assert one["victims"] == two["victims"]
    assert one["gross_loss"] == two["gross_loss"]
    assert one["governance_cost"] == pytest.approx(sum(one[name] for name in COST_COUNTS))
    assert one["governance_cost"] > 0
    assert two["cost_banks"] == pytest.approx(2 * one["cost_banks"])
