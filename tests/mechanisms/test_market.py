"""The black market: rationed supply, prices, controls, crackdowns and the leaked-record pool."""

from __future__ import annotations

import numpy as np
import pytest

from govsim.agents.market import GOODS, BlackMarket
from govsim.randomness import KeyedRandom
from govsim.scenario.fraud import BlackMarket as MarketConfig
from tests.mechanisms.builders import model


def market(controls=None, leaked=None, groups=None, **config) -> BlackMarket:
    groups = np.repeat(np.arange(3), 1_000) if groups is None else groups
    leaked = np.ones(groups.size, bool) if leaked is None else leaked
    return BlackMarket(MarketConfig(**config), controls or {}, leaked, groups)


def luck(n: int, seed: int = 0) -> np.ndarray:
    """One rationing uniform per ring, keyed as the model keys them (ring, day, good)."""
    return KeyedRandom(seed).uniform("market_rationing", np.arange(n), 1, 0)


def quantities(sales) -> np.ndarray:
    return sales[0]


def test_rationing_gives_each_ring_its_pro_rata_share_rounded_at_random():
    shop = market(sim_supply_per_day=800.0)
    demands = np.array([5_000, 3_000, 2_000, 10])
    share = demands * 800.0 / demands.sum()  # 392.2..., 235.3..., 156.8..., 0.78...
    for seed in range(50):
        sold = quantities(shop.clear("sims", demands, luck(demands.size, seed)))
        assert ((sold == np.floor(share)) | (sold == np.ceil(share))).all()
        assert (sold <= demands).all()
        # Never more than the supply plus one unit per ring (each rounds up at most once).
        assert sold.sum() <= 800.0 + demands.size
        assert sold.sum() >= 800.0 - demands.size


def test_rationing_sells_the_supply_on_average_and_rounds_by_the_fraction():
    shop = market(sim_supply_per_day=800.0)
    demands = np.array([5_000, 3_000, 2_000, 10])
    share = demands * 800.0 / demands.sum()
    sold = np.array(
        [quantities(shop.clear("sims", demands, luck(demands.size, seed))) for seed in range(2_000)]
    )
    assert sold.sum(axis=1).mean() == pytest.approx(800.0, abs=0.1)
    assert sold.mean(axis=0) == pytest.approx(share, abs=0.05)
    shares = sold.mean(axis=0) / demands
    assert shares == pytest.approx(np.full(4, 0.08), rel=0.05)


def test_rationing_rounds_up_exactly_when_the_luck_is_below_the_fraction():
    shop = market(sim_supply_per_day=10.0)
    demands = np.array([15, 15])  # each ring's share is 5 exactly: no rounding at all
    assert quantities(shop.clear("sims", demands, np.array([1e-9, 1 - 1e-9]))).tolist() == [5, 5]
    demands = np.array([10, 10, 10])  # shares of 3.333...: the fraction is 1/3
    sold = quantities(shop.clear("sims", demands, np.array([0.1, 0.5, 0.33])))
    assert sold.tolist() == [4, 3, 4]


def test_demand_below_supply_is_met_in_full_below_the_base_price():
    # Sellers with more than the rings want cut their price along the same supply curve.
    shop = market(mule_supply_per_day=150.0, mule_price=1_500.0, price_elasticity=0.5)
    bought, cost = shop.clear("mules", np.array([40, 60]), luck(2, 1))
    assert bought.tolist() == [40, 60]
    price = 1_500.0 * (100.0 / 150.0) ** 0.5
    assert shop.price["mules"] == pytest.approx(price)
    assert cost == pytest.approx([40 * price, 60 * price])
    assert market(price_elasticity=0.0).clear("mules", np.array([1]), luck(1, 1))[1] == [1_500.0]


def test_price_rises_above_base_when_demand_exceeds_supply():
    shop = market(sim_supply_per_day=100.0, sim_price=150.0, price_elasticity=1.0)
    bought, cost = shop.clear("sims", np.array([300, 100]), luck(2, 2))
    assert shop.price["sims"] == pytest.approx(150.0 * 4.0)
    assert cost == pytest.approx(bought * 600.0)
    steep = market(sim_supply_per_day=100.0, sim_price=150.0, price_elasticity=2.0)
    steep.clear("sims", np.array([300, 100]), luck(2, 2))
    assert steep.price["sims"] == pytest.approx(150.0 * 16.0)


def test_price_follows_demand_down_and_is_the_base_price_with_no_demand():
    shop = market(account_supply_per_day=100.0)
    shop.clear("accounts", np.array([1_000]), luck(1, 3))
    assert shop.price["accounts"] > shop.base_price["accounts"]
    shop.clear("accounts", np.array([100]), luck(1, 4))
    assert shop.price["accounts"] == pytest.approx(shop.base_price["accounts"])
    shop.clear("accounts", np.array([25]), luck(1, 4))
    assert shop.price["accounts"] < shop.base_price["accounts"]
    bought, _ = shop.clear("accounts", np.array([0, 0]), luck(2, 5))
    assert bought.tolist() == [0, 0]
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
    demands = np.array([2_000, 2_000])
    shop = market(sim_supply_per_day=800.0)
    loose = quantities(shop.clear("sims", demands, luck(2, 4))).sum()
    shop.crackdown_intensity = 0.75
    tight = quantities(shop.clear("sims", demands, luck(2, 4))).sum()
    assert tight < 0.5 * loose
    assert tight == 200  # pro rata, 100 each: nothing to round


def test_telecom_real_name_checks_cut_the_city_sim_supply():
    base = {"black_market": {"sim_supply_per_day": 1_000.0}}
    off = model(size=1_000, agencies={"telecoms": {"enabled": False}}, **base)
    on = model(size=1_000, agencies={"telecoms": {"capability": 1.0}}, **base)
    assert on.market.supply("sims") < off.market.supply("sims")
    assert on.market.supply("accounts") == off.market.supply("accounts")


def target_draws(count: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """The two uniforms of each of ``count`` targeted attempts (group, then pick)."""
    keyed, slots = KeyedRandom(seed), np.arange(count)
    return keyed.uniform("target_group", slots), keyed.uniform("target", slots)


def test_draw_targets_returns_only_leaked_residents():
    rng = np.random.default_rng(5)
    groups = rng.integers(0, 3, size=3_000)
    leaked = rng.random(3_000) < 0.2
    shop = market(leaked=leaked, groups=groups)
    profiles = np.ones((5_000, 3))
    targets = shop.draw_targets(profiles, *target_draws(5_000, 5))
    assert targets.size == 5_000
    assert leaked[targets].all()


def test_draw_targets_follows_the_profile_weights():
    groups = np.repeat(np.arange(3), [1_000, 2_000, 1_000])
    leaked = np.zeros(groups.size, bool)
    leaked[::2] = True
    shop = market(leaked=leaked, groups=groups)
    profile = np.array([2.0, 0.0, 1.0])
    targets = shop.draw_targets(np.tile(profile, (30_000, 1)), *target_draws(30_000, 6))
    drawn = np.bincount(groups[targets], minlength=3) / targets.size
    counts = shop.leaked_counts()
    assert counts.tolist() == [500.0, 1_000.0, 500.0]
    expected = profile * counts / (profile * counts).sum()
    assert drawn == pytest.approx(expected, abs=0.01)
    assert drawn[1] == 0.0
    # Within a group, every leaked record is about equally likely.
    student_picks = np.bincount(targets[groups[targets] == 0], minlength=groups.size)[leaked]
    assert student_picks[:500].min() > 0


def test_draw_targets_uses_each_attempts_own_profile():
    groups = np.repeat(np.arange(3), 1_000)
    shop = market(groups=groups)
    profiles = np.repeat(np.eye(3), 2_000, axis=0)  # 2,000 attempts aimed at each group
    targets = shop.draw_targets(profiles, *target_draws(6_000, 7))
    assert np.array_equal(groups[targets], np.repeat(np.arange(3), 2_000))


def test_draw_targets_maps_the_uniforms_monotonically():
    groups = np.repeat(np.arange(3), 100)
    shop = market(groups=groups)
    profiles = np.ones((5, 3))
    group_draw = np.array([0.1, 0.5, 0.9, 0.5, 0.5])
    pick = np.array([0.5, 0.5, 0.5, 0.0, 0.999])
    targets = shop.draw_targets(profiles, group_draw, pick)
    assert groups[targets].tolist() == [0, 1, 2, 1, 1]
    assert targets.tolist() == [50, 150, 250, 100, 199]


def test_draw_targets_with_no_leaked_records_draws_no_one():
    shop = market(leaked=np.zeros(3_000, bool))
    targets = shop.draw_targets(np.ones((10, 3)), *target_draws(10, 7))
    assert targets.tolist() == [-1] * 10


def test_draw_targets_of_an_empty_profile_draws_no_one():
    shop = market()
    profiles = np.array([[0.0, 0.0, 0.0], [1.0, 1.0, 1.0]])
    targets = shop.draw_targets(profiles, *target_draws(2, 8))
    assert targets[0] == -1
    assert targets[1] >= 0


def test_leaking_adds_records_to_the_pool():
    groups = np.repeat(np.arange(3), 100)
    shop = market(leaked=np.zeros(300, bool), groups=groups)
    shop.leak(np.array([0, 1, 150, 299]))
    assert shop.leaked_counts().tolist() == [2.0, 1.0, 1.0]
    profiles = np.tile([0.0, 0.0, 1.0], (50, 1))
    targets = shop.draw_targets(profiles, *target_draws(50, 8))
    assert set(targets.tolist()) == {299}


def test_routine_leaks_follow_the_monthly_share_and_their_keys():
    groups = np.repeat(np.arange(3), 10_000)
    shops = [
        market(leaked=np.zeros(groups.size, bool), groups=groups, monthly_leak_share=0.03)
        for _ in range(2)
    ]
    for day in range(1, 31):
        shops[0].leak_routinely(KeyedRandom(9), day)
    for day in range(1, 31):
        shops[1].leak_routinely(KeyedRandom(9), day)
    assert np.array_equal(shops[0].leaked, shops[1].leaked)
    # About 3% of 30,000 records a month (a few repeats aside): a Poisson count of about 900.
    assert shops[0].leaked.sum() == pytest.approx(900, abs=4 * 30)
    other = market(leaked=np.zeros(groups.size, bool), groups=groups, monthly_leak_share=0.03)
    for day in range(1, 31):
        other.leak_routinely(KeyedRandom(10), day)
    assert not np.array_equal(other.leaked, shops[0].leaked)


def count_sales(city, good: str) -> list[int]:
    """Wrap the city's market so that units of ``good`` sold are added to the returned list."""
    sold: list[int] = []
    clear = city.market.clear

    def counting_clear(name, demands, luck):
        sales = clear(name, demands, luck)
        if name == good:
            sold.append(int(sales[0].sum()))
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
    rings = len(city.active_rings())
    assert sold[0] <= city.market.supply("sims") + rings
    assert sold[0] == pytest.approx(city.market.supply("sims"), abs=rings)
    for order in range(3):  # rings entering later that day (as _enter_rings does)
        city.add_ring(order)
    assert sum(sold) <= city.market.supply("sims") + rings
