"""Fraud rings: resilience to arrests, dissolution, relocation and adaptation."""

from __future__ import annotations

import math

import numpy as np
import pytest

from govsim.agents.rings import CORE, LEADER, OPERATORS, ROLE, STAY_HOME_ROLES, FraudRing
from tests.mechanisms.builders import model

DATA_BUYERS, MONEY_MOVERS = ROLE["data_buyers"], ROLE["money_movers"]


def home_ring(**fraud) -> FraudRing:
    city = model(size=1_000, fraud={"cross_border_share": 0.0, **fraud})
    ring = city.rings[0]
    assert not ring.cross_border
    return ring


def taken(**roles: int) -> np.ndarray:
    counts = np.zeros(len(ROLE), dtype=np.int64)
    for role, count in roles.items():
        counts[ROLE[role]] = count
    return counts


def no_one() -> np.ndarray:
    return taken()


def test_arresting_one_operator_does_not_stop_the_ring():
    ring = home_ring()
    full = ring.full_strength[OPERATORS]
    assert ring.lose_members(taken(operators=1), no_one()) is False
    assert ring.active
    assert ring.operators == full - 1
    assert [role for _, role in ring.recruiting] == [OPERATORS]


def test_an_arrested_operator_is_replaced_after_the_recruitment_delay():
    ring = home_ring()
    full = ring.full_strength[OPERATORS]
    ring.model.day = 10
    ring.lose_members(taken(operators=3), no_one())
    due = [when for when, _ in ring.recruiting]
    ring.admit_recruits()
    assert ring.operators == full - 3
    for day in range(11, math.ceil(max(due)) + 1):
        ring.model.day = day
        ring.admit_recruits()
        assert ring.operators == full - 3 + sum(when <= day for when in due)
    assert ring.operators == full
    assert ring.recruiting == []


def test_the_mean_recruitment_delay_is_the_configured_one():
    ring = home_ring(roles={"operators": 300}, recruitment_delay_days=14.0)
    ring.model.day = 5
    slowdown = ring.model.recruitment_slowdown()
    ring.lose_members(taken(operators=200), no_one())
    waits = np.array([when - 5 for when, _ in ring.recruiting])
    assert waits.mean() == pytest.approx(14.0 * slowdown, rel=0.25)


def test_recruitment_delays_are_keyed_by_ring_day_role_and_vacancy():
    waits = []
    for pool in (1_000_000, 2_000_000):  # another scenario: only the scale of the delay moves
        ring = home_ring(
            labour_pool=pool,
            recruitment_delay_days=10.0,
            roles={"operators": 60, "money_movers": 10},
        )
        ring.model.day = 8
        ring.lose_members(taken(operators=5, money_movers=3), no_one())
        slowdown = ring.model.recruitment_slowdown()  # as lose_members computed it
        waits.append(np.array([(when - 8) / slowdown for when, _ in ring.recruiting]))
    assert waits[0] == pytest.approx(waits[1], rel=1e-9)
    assert len(set(waits[0].tolist())) == 8


def test_recruits_wait_longer_when_the_labour_pool_is_depleted():
    delays = {}
    for pool in (1_000_000, 2_000):
        ring = home_ring(
            labour_pool=pool,
            recruitment_delay_days=10.0,
            roles={"operators": 60},
            ring_size_sigma=0.0,
        )
        employed = sum(int(r.members.sum()) for r in ring.model.active_rings())
        # Detain enough people to leave 300 of the small pool free (and the large one intact).
        ring.model.courts.receive_suspects(2_000 - employed - 300, 0)
        ring.lose_members(taken(operators=40), no_one())
        delays[pool] = np.mean([when for when, _ in ring.recruiting])
    assert delays[2_000] > 3 * delays[1_000_000]


def test_taking_the_leader_and_enough_core_dissolves_the_ring():
    ring = home_ring(dissolution_core_share=0.5)
    core = int(ring.full_strength[CORE])
    assert ring.lose_members(taken(leader=1, core=math.ceil(core / 2)), no_one()) is True
    assert not ring.active


def test_taking_the_leader_with_core_intact_promotes_a_core_member():
    ring = home_ring(dissolution_core_share=0.5)
    core = int(ring.full_strength[CORE])
    assert ring.lose_members(taken(leader=1), no_one()) is False
    assert ring.active
    assert ring.members[LEADER] == 1
    assert ring.members[CORE] == core - 1


def test_taking_core_without_the_leader_does_not_dissolve():
    ring = home_ring()
    core = int(ring.full_strength[CORE])
    assert ring.lose_members(taken(core=core), no_one()) is False
    assert ring.active
    assert ring.members[LEADER] == 1


def test_after_a_promotion_recruits_restore_one_leader_and_the_full_core():
    ring = home_ring(dissolution_core_share=0.5)
    ring.lose_members(taken(leader=1), no_one())
    ring.model.day = 10**6
    ring.admit_recruits()
    assert ring.members[LEADER] == 1
    assert np.array_equal(ring.members, ring.full_strength)


def test_relocation_moves_most_roles_abroad_but_keeps_buyers_and_movers_home():
    roles = {"data_buyers": 400, "money_movers": 600, "operators": 300}
    ring = home_ring(roles=roles, domestic_share_abroad_ring=0.7)
    before = ring.members.copy()
    ring.relocate()
    assert ring.cross_border
    assert np.array_equal(ring.members, before)
    others = [r for r in range(len(ROLE)) if r not in STAY_HOME_ROLES]
    assert not ring.home[others].any()
    assert np.array_equal(ring.abroad[others], before[others])
    for role in (DATA_BUYERS, MONEY_MOVERS):
        count = before[role]  # the chain's roles times the ring's size factor
        assert count > 100
        sd = math.sqrt(count * 0.7 * 0.3)
        assert abs(ring.home[role] - 0.7 * count) < 4 * sd


def test_relocation_is_the_same_for_the_same_ring_and_day_and_differs_between_rings():
    roles = {"data_buyers": 400, "money_movers": 600}
    homes = []
    for fraud in ({}, {"relocation_propensity": 0.9}):  # another scenario, same seed
        city = model(size=1_000, fraud={"cross_border_share": 0.0, "roles": roles, **fraud})
        city.day = 12
        for ring in city.rings[:2]:
            ring.relocate()
        homes.append([ring.home.copy() for ring in city.rings[:2]])
    assert np.array_equal(homes[0][0], homes[1][0])
    assert np.array_equal(homes[0][1], homes[1][1])
    assert not np.array_equal(homes[0][0], homes[0][1])


def test_recruits_of_a_ring_abroad_join_abroad_except_buyers_and_movers():
    ring = home_ring(roles={"money_movers": 20}, ring_size_sigma=0.0)
    ring.relocate()
    assert ring.abroad[MONEY_MOVERS] >= 1
    assert ring.abroad[OPERATORS] >= 2
    home, abroad = ring.home.copy(), ring.abroad.copy()
    ring.lose_members(no_one(), taken(operators=2, money_movers=1))
    ring.model.day = 10**6
    ring.admit_recruits()
    assert ring.abroad[OPERATORS] == abroad[OPERATORS]
    assert ring.home[MONEY_MOVERS] == home[MONEY_MOVERS] + 1
    assert ring.abroad[MONEY_MOVERS] == abroad[MONEY_MOVERS] - 1


def review(ring: FraudRing, revenue_per_attempt: dict[int, float]) -> None:
    ring.window_attempts[:] = 0.0
    ring.window_revenue[:] = 0.0
    for scam, payoff in revenue_per_attempt.items():
        ring.window_attempts[scam, 0] = 1_000.0
        ring.window_revenue[scam, 0] = 1_000.0 * payoff
    ring.adapt(ring.model.scams.active(ring.model.running_events))


def test_adapt_shifts_weight_toward_the_type_that_pays_more_per_attempt():
    ring = home_ring(adaptation_rate=0.3, exploration=0.01)
    before = ring.portfolio.copy()
    review(ring, {0: 10.0, 1: 1.0})
    assert ring.portfolio.sum() == pytest.approx(1.0)
    assert ring.portfolio[0] > before[0]
    assert ring.portfolio[1] < before[1]
    assert ring.portfolio[0] / ring.portfolio[1] > before[0] / before[1]


def test_adapt_resets_the_window():
    ring = home_ring()
    review(ring, {0: 5.0, 2: 1.0})
    assert not ring.window_attempts.any()
    assert not ring.window_revenue.any()


def test_adapt_without_revenue_keeps_the_portfolio():
    ring = home_ring()
    before = ring.portfolio.copy()
    review(ring, {0: 0.0, 1: 0.0})
    assert np.allclose(ring.portfolio, before)


def test_repeated_adaptation_concentrates_but_keeps_exploring():
    ring = home_ring(adaptation_rate=0.5, exploration=0.03)
    for _ in range(40):
        review(ring, {0: 50.0, 1: 1.0, 2: 1.0})
    assert ring.portfolio.argmax() == 0
    assert ring.portfolio[0] > 0.6
    assert (ring.portfolio > 0.025).all()


def test_adaptation_never_puts_a_weight_below_the_exploration_floor():
    ring = home_ring(adaptation_rate=0.5, exploration=0.03)
    for _ in range(40):
        review(ring, {0: 50.0, 1: 1.0, 2: 1.0})
    assert ring.portfolio.min() >= 0.03 - 1e-12


def test_entry_never_exceeds_max_rings():
    city = model(
        size=1_000,
        fraud={
            "initial_rings": 8,
            "max_rings": 9,
            "entry_rate_per_month": 30.0,
            "entry_profit_reference": 1_000.0,
        },
    )
    for ring in city.active_rings():
        ring.recent_profit = 20_000.0  # 20 times the reference: about 20 entrants expected
    city._enter_rings()
    assert len(city.active_rings()) <= 9
