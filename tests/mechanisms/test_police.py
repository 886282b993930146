"""Police: case linking across regions, pooled evidence, arrests abroad, stop-payment latency."""

from __future__ import annotations

import itertools
import math

import numpy as np
import pytest

from govsim.agents.rings import CORE, LEADER, OPERATORS
from govsim.randomness import combine
from tests.mechanisms.builders import model

RING = 99
# No station routing here, so that the link's own latency shows; routing is tested apart.
LATENCIES = {
    "stop_payment_slowest_hours": 72.0,
    "stop_payment_fastest_hours": 0.25,
    "station_routing_hours": 0.0,
}


def police(links=None, structure="bilateral", division_coordination=0.0, **agencies):
    city = model(
        size=2_000,
        population={"regions": 4},
        agencies={"police": {"division_coordination": division_coordination}, **agencies},
        cooperation={"structure": structure, "links": links or {}, "latencies": LATENCIES},
    )
    return city


def open_case(force, region: int, day: int, ring: int = RING) -> int:
    episode = combine(ring, region, day)  # the key of the contact behind the report
    return force.open_cases(np.array([ring]), np.array([region]), episode, day)


def linked_reports(force, reports: int = 200, regions: int = 4) -> int:
    """Report one ring's cases day after day, in turn across ``regions``; count the links."""
    return sum(open_case(force, region=day % regions, day=day) for day in range(1, reports + 1))


@pytest.mark.parametrize("level", [0.0, 1.0])
def test_cases_of_one_ring_across_regions_link_only_through_the_police_police_link(level):
    force = police({"police-police": level}, division_coordination=0.0).police
    linked = linked_reports(force)
    if level == 0.0:
        assert linked == 0
        assert not force.cases.linked.any()
    else:
        assert linked > 100
        assert force.cases.linked.sum() >= linked


def test_a_stronger_police_police_link_links_more_cases():
    counts = [linked_reports(police({"police-police": level}).police) for level in (0.0, 0.5, 1.0)]
    assert counts[0] < counts[1] < counts[2]


def test_cases_in_one_region_link_through_division_coordination():
    city = {"population": {"regions": 1}}
    apart = model(
        size=2_000,
        agencies={"police": {"division_coordination": 0.0}},
        cooperation={"links": {"police-police": 1.0}},
        **city,
    ).police
    together = model(
        size=2_000,
        agencies={"police": {"division_coordination": 1.0}},
        cooperation={"links": {"police-police": 0.0}},
        **city,
    ).police
    assert linked_reports(apart, 50, regions=1) == 0
    assert linked_reports(together, 50, regions=1) >= 49


def test_structure_none_blocks_case_linking():
    force = police({"police-police": 1.0}, structure="none").police
    assert linked_reports(force) == 0


def evidence_after(force, days: int, victims: float = 2.0, reports_per_engaged: float = 0.5):
    ring = force.model.active_rings()[0]
    ring.city_expected_victims = victims
    for day in range(1, days + 1):
        force.gather_evidence([ring], reports_per_engaged, day)
    return force.evidence(ring)


def test_evidence_is_the_expected_open_cases_against_the_ring_market_wide():
    force = police({"police-police": 1.0}).police
    weight = force.link_chance + (1 - force.link_chance) * force.config.unlinked_case_weight
    per_day = 2.0 * force.model.scale * 0.5 * weight
    assert evidence_after(force, days=10) == pytest.approx(10 * per_day)


def test_linked_cases_pool_more_evidence_than_isolated_ones():
    isolated = evidence_after(police({"police-police": 0.0}).police, days=30)
    linked = evidence_after(police({"police-police": 1.0}).police, days=30)
    assert 0.0 < isolated < linked


def test_evidence_goes_cold():
    force = police().police
    cold = force.config.case_cold_days
    full = evidence_after(force, days=cold)
    ring = force.model.active_rings()[0]
    ring.city_expected_victims = 0.0
    force.gather_evidence([ring], 0.5, cold + 1)
    assert force.evidence(ring) == pytest.approx(full * (cold - 1) / cold)
    for day in range(cold + 2, 2 * cold + 1):
        force.gather_evidence([ring], 0.5, day)
    assert force.evidence(ring) == 0.0


def test_evidence_does_not_depend_on_the_citys_size():
    small = evidence_after(model(size=1_000).police, days=20, victims=0.1)
    large = evidence_after(model(size=10_000).police, days=20, victims=1.0)
    assert small == pytest.approx(large)


def test_without_police_there_is_no_evidence():
    assert evidence_after(police(police={"enabled": False}).police, days=10) == 0.0


def test_disabled_police_open_no_cases():
    force = police(police={"enabled": False}).police
    assert open_case(force, region=0, day=1) == 0
    assert len(force.cases) == 0


def ring_abroad(city):
    ring = city.rings[0]
    ring.abroad = ring.abroad + ring.home
    ring.home = np.zeros_like(ring.home)
    ring.cross_border = True
    return ring


def test_arrest_never_takes_members_abroad_without_international_cooperation():
    city = police(
        {"police-international": 0.0},
        police={"arrest_share": 1.0, "arrest_core_share": 1.0},
    )
    for _ in range(20):
        ring = ring_abroad(city)
        before = ring.members.copy()
        operation = city.police.arrest(ring, evidence=1e9)
        assert operation.total == 0
        assert not operation.taken_abroad.any()
        assert np.array_equal(ring.members, before)


def test_arrest_takes_members_abroad_with_international_cooperation():
    city = police(
        {"police-international": 1.0},
        police={"arrest_share": 1.0, "arrest_core_share": 1.0},
    )
    ring = ring_abroad(city)
    operation = city.police.arrest(ring, evidence=1e9)
    assert operation.taken_abroad[OPERATORS] == ring.full_strength[OPERATORS]
    assert operation.taken_abroad[LEADER] == 1
    assert not operation.taken_home.any()


def test_arrest_takes_reachable_home_members():
    city = police(police={"arrest_share": 1.0, "arrest_core_share": 1.0})
    ring = city.rings[0]
    ring.home, ring.abroad = ring.home + ring.abroad, np.zeros_like(ring.abroad)
    operation = city.police.arrest(ring, evidence=1e9)
    assert operation.taken_home[OPERATORS] == ring.full_strength[OPERATORS]
    assert operation.taken_home[CORE] == ring.full_strength[CORE]
    assert operation.total == int(ring.full_strength.sum())
    assert operation.dissolved


def test_deeper_evidence_takes_more_of_the_core():
    city = police(police={"arrest_core_share": 1.0, "evidence_half_depth": 100.0})
    taken = {}
    for evidence in (10.0, 10_000.0):
        core = 0
        for day in range(1, 201):  # arrests are keyed by the ring and the day
            city.day = day
            ring = city.rings[0]
            ring.home = ring.full_strength.copy()
            ring.abroad = np.zeros_like(ring.home)
            ring.active = True
            core += int(city.police.arrest(ring, evidence).taken_home[CORE])
        taken[evidence] = core
    assert taken[10_000.0] > 5 * taken[10.0]


def latency(level=None, **agencies) -> float:
    links = {} if level is None else {"police-bank": level}
    return police(links, **agencies).stop_payment_latency_hours()


def test_stop_payment_is_slowest_without_the_police_bank_link():
    assert latency(0.0, banks={"enabled": False}) == pytest.approx(72.0)


def test_an_active_bank_freezes_on_the_victims_call_when_that_is_faster():
    assert latency(0.0, banks={"self_freeze_hours": 48.0}) == pytest.approx(48.0)
    assert latency(1.0, banks={"self_freeze_hours": 48.0}) == pytest.approx(0.25)


def test_stop_payment_is_fastest_with_a_full_police_bank_link():
    assert latency(1.0) == pytest.approx(0.25)


def test_stop_payment_latency_falls_as_the_link_strengthens():
    levels = [0.0, 0.25, 0.5, 0.75, 1.0]
    hours = [latency(level) for level in levels]
    assert all(a > b for a, b in itertools.pairwise(hours))
    assert hours[2] == pytest.approx(math.sqrt(72.0 * 0.25))


def test_a_hub_speeds_up_stop_payment():
    bilateral = police({"police-bank": 0.2}).stop_payment_latency_hours()
    hub = police({"police-bank": 0.2}, structure="hub").stop_payment_latency_hours()
    assert hub < bilateral


def test_a_report_at_a_station_waits_for_routing_before_the_stop_payment():
    def with_routing(hours):
        latencies = {**LATENCIES, "station_routing_hours": hours}
        city = model(size=500, cooperation={"links": {"police-bank": 1.0}, "latencies": latencies})
        return city.stop_payment_latency_hours()

    assert with_routing(0.0) == pytest.approx(0.25)
    assert with_routing(5.0) == pytest.approx(5.25)


def test_without_police_the_bank_freezes_on_the_victim_request():
    hours = latency(1.0, police={"enabled": False}, banks={"self_freeze_hours": 36.0})
    assert hours == 36.0


def test_stop_payment_never_lands_with_police_and_banks_disabled():
    hours = latency(1.0, police={"enabled": False}, banks={"enabled": False})
    assert math.isinf(hours)


def test_partner_data_raise_identification_odds_through_their_links():
    weak = police({}).police.data_multiplier
    strong = police({"police-bank": 1.0, "police-telecom": 1.0, "police-platform": 1.0})
    assert strong.police.data_multiplier > weak > 1.0


def call(force, leads, keys, urgent=None):
    """Today's calls for these leads (residents numbered like the keys)."""
    urgent = np.zeros(leads.size, bool) if urgent is None else urgent
    return force.dissuade(leads, keys, keys.astype(np.int64), urgent)


def test_the_centre_calls_every_lead_within_capacity_and_no_more():
    force = police(police={"dissuasion_calls_per_100k": 500.0}).police
    assert force.centre_capacity == pytest.approx(10.0)
    leads = np.zeros(100, bool)
    leads[[3, 50, 70]] = True
    keys = np.arange(100)
    assert np.array_equal(call(force, leads, keys), leads)
    leads[:40] = True
    called = call(force, leads, keys)
    assert called.sum() == 10
    assert not (called & ~leads).any()
    # Which leads are called is decided by each lead's own key, not by its place in the batch.
    order = np.random.default_rng(0).permutation(100)
    assert np.array_equal(call(force, leads[order], keys[order]), called[order])


def test_a_small_city_gets_its_share_of_the_centre_calls():
    force = police(police={"dissuasion_calls_per_100k": 20.0}).police
    assert force.centre_capacity == pytest.approx(0.4)
    leads = np.zeros(50, bool)
    leads[:5] = True
    calls = []
    for day in range(1, 251):  # the capacity is rounded at random once a day
        force.model.day = day
        calls.append(int(call(force, leads, np.arange(50) + 50 * day).sum()))
    assert set(calls) <= {0, 1}
    assert sum(calls) == pytest.approx(0.4 * 250, rel=0.25)


def test_members_are_taken_seat_by_seat_at_the_given_chance():
    city = police()
    force, ring = city.police, city.rings[0]
    members = np.zeros(ring.home.size, dtype=np.int64)
    members[OPERATORS], members[CORE] = 400, 100
    chance = np.full(members.size, 0.3)
    chance[CORE] = 0.8
    total = np.zeros(members.size)
    for day in range(1, 51):
        city.day = day
        taken = force._members_taken(ring, members, chance, "arrest", 0)
        assert (taken <= members).all()
        total += taken
    mean = total / 50
    assert mean[OPERATORS] == pytest.approx(120.0, rel=0.05)
    assert mean[CORE] == pytest.approx(80.0, rel=0.05)
    assert mean[members == 0].sum() == 0
    city.day = 3
    assert force._members_taken(ring, members, np.zeros(members.size), "arrest", 0).sum() == 0
    everyone = force._members_taken(ring, members, np.ones(members.size), "arrest", 0)
    assert np.array_equal(everyone, members)


def test_a_ring_with_one_member_fewer_keeps_the_others_luck():
    city = police()
    force, ring = city.police, city.rings[0]
    city.day = 7
    members = np.full(ring.home.size, 30, dtype=np.int64)
    chance = np.full(members.size, 0.5)
    full = force._members_taken(ring, members, chance, "arrest", 0)
    fewer = members.copy()
    fewer[OPERATORS] -= 1
    less = force._members_taken(ring, fewer, chance, "arrest", 0)
    others = np.arange(members.size) != OPERATORS
    assert np.array_equal(less[others], full[others])
    assert full[OPERATORS] - less[OPERATORS] in (0, 1)
    # Home and abroad, and another purpose, are told apart.
    abroad = force._members_taken(ring, members, chance, "arrest", 1)
    sweep = force._members_taken(ring, members, chance, "crackdown_arrest", 0)
    assert not np.array_equal(abroad, full)
    assert not np.array_equal(sweep, full)


def test_cases_go_cold():
    force = police().police
    open_case(force, region=0, day=1)
    force.close_cold_cases(1 + force.config.case_cold_days)
    assert force.cases.open.sum() == 1
    force.close_cold_cases(2 + force.config.case_cold_days)
    assert force.cases.open.sum() == 0


def test_each_open_case_slows_the_others_before_the_desks_are_full():
    force = police().police
    capacity = sum(unit.capacity for unit in force.units)
    assert force.workload_factor() == 1.0
    for day in range(int(capacity // 2)):
        open_case(force, region=day % 4, day=day, ring=RING + day)
    half_full = force.workload_factor()
    assert half_full == pytest.approx(capacity / (capacity + int(capacity // 2)))
    assert 0.5 < half_full < 1.0


def test_more_investigators_give_each_open_case_more_attention():
    factors = []
    for investigators in (4.0, 8.0, 16.0):
        force = police(police={"investigators_per_100k": investigators}).police
        for day in range(10):
            open_case(force, region=day % 4, day=day, ring=RING + day)
        factors.append(force.workload_factor())
    assert factors[0] < factors[1] < factors[2] < 1.0
