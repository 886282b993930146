"""The black market: rationed supply, prices, controls, crackdowns and the leaked-record pool."""

from __future__ import annotations

import numpy as np
import pytest

from govsim.agents.market import GOODS, BlackMarket
from govsim.scenario.fraud import BlackMarket as MarketConfig
from tests.mechanisms.builders import model


def market(controls=None, leaked=None, groups=None, **config) -> BlackMarket:
    groups = np.repeat(np.arange(3), 1_000) if groups is None else groups
    leaked = np.ones(groups.size, bool) if leaked is None else leaked
    return BlackMarket(MarketConfig(**config), controls or {}, leaked, groups)


def test_rationing_never_sells_more_than_supply_on_average():
    shop = market(sim_supply_per_day=800.0)
    rng = np.random.default_rng(0)
    demands = np.array([5_000, 3_000, 2_000, 10])
    sold = np.array([[s.quantity for s in shop.clear("sims", demands, rng)] for _ in range(400)])
    assert sold.sum(axis=1).mean() == pytest.approx(800.0, rel=0.01)
    assert (sold <= demands).all()
    shares = sold.mean(axis=0) / demands
    assert shares[:3] == pytest.approx(np.full(3, 0.08), rel=0.05)


def test_demand_below_supply_is_met_in_full_at_the_base_price():
    shop = market(mule_supply_per_day=150.0, mule_price=1_500.0)
    sales = shop.clear("mules", np.array([40, 60]), np.random.default_rng(1))
    assert [s.quantity for s in sales] == [40, 60]
    assert [s.cost for s in sales] == [40 * 1_500.0, 60 * 1_500.0]
    assert shop.price["mules"] == 1_500.0


def test_price_rises_above_base_when_demand_exceeds_supply():
    shop = market(sim_supply_per_day=100.0, sim_price=150.0, price_elasticity=1.0)
    sales = shop.clear("sims", np.array([300, 100]), np.random.default_rng(2))
    assert shop.price["sims"] == pytest.approx(150.0 * 4.0)
    assert all(s.cost == pytest.approx(s.quantity * 600.0) for s in sales)
    steep = market(sim_supply_per_day=100.0, sim_price=150.0, price_elasticity=2.0)
    steep.clear("sims", np.array([300, 100]), np.random.default_rng(2))
    assert steep.price["sims"] == pytest.approx(150.0 * 16.0)


def test_price_returns_to_base_when_demand_falls():
    shop = market(account_supply_per_day=100.0)
    rng = np.random.default_rng(3)
    shop.clear("accounts", np.array([1_000]), rng)
    assert shop.price["accounts"] > shop.base_price["accounts"]
    shop.clear("accounts", np.array([50]), rng)
    assert shop.price["accounts"] == shop.base_price["accounts"]
    sales = shop.clear("accounts", np.array([0, 0]), rng)
    assert [s.quantity for s in sales] == [0, 0]
    assert shop.price["accounts"] == shop.base_price["accounts"]


def test_controls_cut_supply():
    free = market()
    controlled = market(controls={"sims": 0.5, "accounts": 0.25, "mules": 1.0})
    assert controlled.supply("sims") == pytest.approx(free.supply("sims") * 0.5)
    assert controlled.supply("accounts") == pytest.approx(free.supply("accounts") * 0.75)
    assert controlled.supply("mules") == 0.0


def test_a_crackdown_cuts_sim_and_mule_supply_but_not_accounts():
    shop = market(controls={"sims": 0.5})
    before = {good: shop.supply(good) for good in GOODS}
    shop.crackdown_intensity = 0.6
    assert shop.supply("sims") == pytest.approx(before["sims"] * 0.4)
    assert shop.supply("mules") == pytest.approx(before["mules"] * 0.4)
    assert shop.supply("accounts") == before["accounts"]


def test_less_supply_sells_less():
    rng = np.random.default_rng(4)
    demands = np.array([2_000, 2_000])
    shop = market(sim_supply_per_day=800.0)
    loose = sum(s.quantity for s in shop.clear("sims", demands, rng))
    shop.crackdown_intensity = 0.75
    tight = sum(s.quantity for s in shop.clear("sims", demands, rng))
    assert tight < 0.5 * loose


def test_telecom_real_name_checks_cut_the_city_sim_supply():
    base = {"black_market": {"sim_supply_per_day": 1_000.0}}
    off = model(size=1_000, agencies={"telecoms": {"enabled": False}}, **base)
    on = model(size=1_000, agencies={"telecoms": {"capability": 1.0}}, **base)
    assert on.market.supply("sims") < off.market.supply("sims")
    assert on.market.supply("accounts") == off.market.supply("accounts")


def test_draw_targets_returns_only_leaked_residents():
    rng = np.random.default_rng(5)
    groups = rng.integers(0, 3, size=3_000)
    leaked = rng.random(3_000) < 0.2
    shop = market(leaked=leaked, groups=groups)
    targets = shop.draw_targets(np.array([1.0, 1.0, 1.0]), 5_000, rng)
    assert targets.size == 5_000
    assert leaked[targets].all()


def test_draw_targets_follows_the_profile_weights():
    rng = np.random.default_rng(6)
    groups = np.repeat(np.arange(3), [1_000, 2_000, 1_000])
    leaked = np.zeros(groups.size, bool)
    leaked[::2] = True
    shop = market(leaked=leaked, groups=groups)
    profile = np.array([2.0, 0.0, 1.0])
    targets = shop.draw_targets(profile, 30_000, rng)
    drawn = np.bincount(groups[targets], minlength=3) / targets.size
    counts = shop.leaked_counts()
    assert counts.tolist() == [500.0, 1_000.0, 500.0]
    expected = profile * counts / (profile * counts).sum()
    assert drawn == pytest.approx(expected, abs=0.01)
    assert drawn[1] == 0.0


def test_draw_targets_with_no_leaked_records_draws_no_one():
    shop = market(leaked=np.zeros(3_000, bool))
    targets = shop.draw_targets(np.ones(3), 10, np.random.default_rng(7))
    assert targets.tolist() == [-1] * 10


def test_leaking_adds_records_to_the_pool():
    groups = np.repeat(np.arange(3), 100)
    shop = market(leaked=np.zeros(300, bool), groups=groups)
    shop.leak(np.array([0, 1, 150, 299]))
    assert shop.leaked_counts().tolist() == [2.0, 1.0, 1.0]
    targets = shop.draw_targets(np.array([0.0, 0.0, 1.0]), 50, np.random.default_rng(8))
    assert set(targets.tolist()) == {299}


def count_sales(city, good: str) -> list[int]:
    """Wrap the city's market so that units of ``good`` sold are added to the returned list."""
    sold: list[int] = []
    clear = city.market.clear

    def counting_clear(name, demands, rng):
        sales = clear(name, demands, rng)
        if name == good:
            sold.append(sum(s.quantity for s in sales))
        return sales

    city.market.clear = counting_clear
    return sold


def test_a_day_of_ring_entries_sells_no_more_than_the_day_supply():
    city = model(size=1_000, black_market={"sim_supply_per_day": 100.0})
    sold = count_sales(city, "sims")
    for ring in city.active_rings():  # rings start fully stocked: empty their SIM stock
        ring.numbers = ring.numbers[:0]
    city.day = 1
    city.plan_rings(city.active_rings())  # the day's rationed purchase: demand exceeds supply
    assert sold[0] == pytest.approx(city.market.supply("sims"), rel=0.3)
    for _ in range(3):  # rings entering later that day (as _enter_rings does)
        city.add_ring()
    assert sum(sold) <= 1.3 * city.market.supply("sims")
