"""The ring market: wear of handles and mule accounts, exit while losing, entry, extrapolation."""

from __future__ import annotations

import numpy as np
import pytest

from govsim.extrapolation import RATIO_MEMORY_DAYS, MarketExtrapolation
from tests.mechanisms.builders import model

NO_GOVERNANCE = {
    "police": {"enabled": False},
    "banks": {"enabled": False},
    "telecoms": {"enabled": False},
    "platforms": {"enabled": False},
    "judiciary": {"enabled": False},
    "education": {"enabled": False},
}


def stock_after_a_day(life: float) -> tuple[int, int]:
    city = model(size=1_000, agencies=NO_GOVERNANCE, fraud={"handle_life_days": life})
    rings = city.active_rings()
    before = sum(ring.numbers.size + ring.accounts.size for ring in rings)
    city.day = 3
    city.market.base_supply = dict.fromkeys(city.market.base_supply, 0.0)  # no restocking
    city.plan_rings(rings)
    after = sum(ring.numbers.size + ring.accounts.size for ring in rings)
    return before, after


@pytest.mark.parametrize("life", [2.0, 5.0, 20.0])
def test_handles_wear_out_at_one_over_their_life_per_day(life):
    before, after = stock_after_a_day(life)
    worn = (before - after) / before
    assert before > 300
    assert worn == pytest.approx(1.0 / life, abs=3.0 * np.sqrt(1.0 / life / before) + 0.01)


def test_with_a_long_life_no_handle_wears_out_in_a_day():
    before, after = stock_after_a_day(1e12)
    assert after == before


def test_mule_accounts_wear_out_at_one_over_their_life_per_day():
    city = model(size=1_000, fraud={"mule_life_days": 10.0})
    ring = city.active_rings()[0]
    ring.mules = 50.0
    ring.wear_mules()
    assert ring.mules == pytest.approx(45.0)


def test_a_ring_losing_money_quits_at_random_at_the_configured_rate():
    city = model(size=1_000, fraud={"exit_after_loss_days": 20})
    city.day = 40  # the ring has worked more than a month
    ring = city.active_rings()[0]
    ring.recent_profit = -1.0
    draws = np.linspace(0.0, 1.0, 1_001)[1:-1]
    quits = np.array([ring.should_exit(float(u)) for u in draws])
    assert quits.mean() == pytest.approx(1 / 20, abs=0.002)
    ring.recent_profit = 1.0
    assert not any(ring.should_exit(float(u)) for u in draws)


def test_a_ring_in_its_first_month_is_not_judged_on_profit():
    city = model(size=1_000, fraud={"exit_after_loss_days": 1})
    ring = city.active_rings()[0]
    ring.recent_profit = -1e6
    city.day = ring.entered_day + 29
    assert not ring.established
    assert not ring.should_exit(1e-9)
    city.day = ring.entered_day + 30
    assert ring.established
    assert ring.should_exit(1e-9)


def test_a_broke_ring_quits_at_once():
    city = model(size=1_000)
    ring = city.active_rings()[0]
    ring.recent_profit, ring.cash = 1e6, -1.0
    assert ring.should_exit(0.999)


def test_inputs_bought_count_against_the_rings_profit():
    city = model(size=1_000)
    ring = city.active_rings()[0]
    profit, cash = ring.recent_profit, ring.cash
    ring.take_delivery(2, 0, 1, cost=500.0)
    assert ring.recent_profit == profit - 500.0
    assert ring.cash == cash - 500.0


def entrants(profit: float, rings: int, trial: float = 0.0, days: int = 300) -> int:
    city = model(
        size=1_000,
        fraud={
            "initial_rings": rings,
            "trial_entry_per_month": trial,
            "entry_rate_per_month": 30.0,
            "entry_profit_reference": 1_000.0,
            "max_rings": 10_000,
        },
    )
    start = len(city.active_rings())
    for day in range(30, 30 + days):  # from the day the first rings are established
        city.day = day
        for ring in city.active_rings():
            ring.recent_profit = profit
        city._enter_rings()
    return len(city.active_rings()) - start


def test_entry_answers_the_markets_profit():
    assert entrants(profit=-5.0, rings=4) == 0
    few, many = entrants(profit=500.0, rings=4), entrants(profit=2_000.0, rings=4)
    assert 0 < few < many
    # 30 a month at the reference, so about 30 * 10 * profit / reference over 300 days.
    assert many == pytest.approx(600, rel=0.15)


def test_trial_entry_keeps_the_market_open_when_it_loses_money_or_is_empty():
    assert entrants(profit=-5.0, rings=4, trial=3.0) == pytest.approx(30, abs=18)
    assert entrants(profit=-5.0, rings=0, trial=3.0) > 0


def test_with_no_ring_left_entrants_go_by_the_last_profit_heard():
    city = model(
        size=1_000,
        fraud={"initial_rings": 2, "trial_entry_per_month": 0.0, "entry_rate_per_month": 30.0},
    )
    city.day = 40
    for ring in city.active_rings():
        ring.recent_profit = 3 * city.config.fraud.entry_profit_reference
    city._enter_rings()
    heard = city.market_profit
    for ring in city.active_rings():
        ring.active = False
    for day in range(41, 100):
        city.day = day
        city._enter_rings()
    assert heard == 3 * city.config.fraud.entry_profit_reference
    assert len(city.active_rings()) > 0


def test_ratios_start_at_their_defaults_and_move_to_the_citys_evidence():
    market = MarketExtrapolation(scale=100.0)
    assert market.ratio("reports_per_engaged") == 0.5
    assert market.ratio("frozen_path_share") == 0.0
    for _ in range(2_000):
        market.observe(expected_engaged=4.0, reports=1.0, paths_paid=40.0, frozen_paths=10.0)
    assert market.ratio("reports_per_engaged") == pytest.approx(0.25)
    assert market.ratio("frozen_path_share") == pytest.approx(0.25)


def test_a_smaller_city_remembers_longer_so_its_ratios_rest_on_as_many_victims():
    large = MarketExtrapolation(scale=50.0, residents=100_000)
    small = MarketExtrapolation(scale=1_000.0, residents=5_000)
    assert large.memory_days == RATIO_MEMORY_DAYS
    assert small.memory_days == pytest.approx(20 * RATIO_MEMORY_DAYS)
    assert MarketExtrapolation(scale=5.0, residents=1_000_000).memory_days == RATIO_MEMORY_DAYS
    # The same flows per resident give the same smoothed ratio and the same number of victims
    # behind it, whatever the size.
    for _ in range(20_000):
        large.observe(expected_engaged=20.0, reports=10.0)
        small.observe(expected_engaged=1.0, reports=0.5)
    assert small.ratio("reports_per_engaged") == pytest.approx(large.ratio("reports_per_engaged"))
    assert small.totals["expected_engaged"] == pytest.approx(
        large.totals["expected_engaged"], rel=0.01
    )


def test_takings_elsewhere_rest_on_expected_takings_not_realised_victims():
    market = MarketExtrapolation(scale=101.0)
    assert market.takings_elsewhere(1_000.0, own_admitted_share=1.0) == pytest.approx(100_000.0)
    # A ring whose mule accounts take half of its transfers cashes half.
    assert market.takings_elsewhere(1_000.0, own_admitted_share=0.5) == pytest.approx(50_000.0)
    assert market.frozen_paths_elsewhere(2.0) == 0.0
    assert market.reports_elsewhere(2.0, city_attempts=0.0) == pytest.approx(2.0 * 0.5 * 100)
    # Expected, not realised: the same expected takings give the same takings elsewhere
    # whether or not the city saw a victim today.
    before = market.takings_elsewhere(1_000.0, own_admitted_share=1.0)
    market.observe(attempts=10.0, engaged_takings=0.0)
    assert market.takings_elsewhere(1_000.0, own_admitted_share=1.0) == before


def test_takings_elsewhere_carry_the_share_of_the_mean_amounts_savings_allow():
    market = MarketExtrapolation(scale=101.0)
    for _ in range(3_000):
        market.observe(
            engaged_takings=1_000.0, paid_expected=1_000.0, paid_at_mean=500.0, paid_capped=200.0
        )
    assert market.ratio("amount_share") == pytest.approx(0.4)
    assert market.takings_elsewhere(1_000.0, own_admitted_share=1.0) == pytest.approx(40_000.0)


def test_per_engagement_ratios_rest_on_expected_engagements_not_first_payments():
    # Of 10 expected engagements a day, 4 become victims; 2 reports are made. Evidence and
    # blacklisting elsewhere multiply V_r, expected engagements, so their ratio is per those.
    market = MarketExtrapolation(scale=11.0)
    for _ in range(3_000):
        market.observe(expected_engaged=10.0, reports=2.0, transfers_due=6.0)
    assert market.ratio("reports_per_engaged") == pytest.approx(0.2)
    assert market.ratio("transfers_per_engaged") == pytest.approx(0.6)
    assert market.reports_elsewhere(10.0, city_attempts=0.0) == pytest.approx(2.0 * 10)


def test_newcomers_do_not_count_in_the_profit_entrants_hear_of():
    city = model(size=1_000, fraud={"initial_rings": 2, "trial_entry_per_month": 0.0})
    city.day = 40
    old, new = city.active_rings()
    new.entered_day = 20  # in its first month: start-up purchases, no takings yet
    old.recent_profit, new.recent_profit = 1_000.0, -50_000.0
    city._enter_rings()
    assert city.market_profit == 1_000.0


def test_rings_neither_enter_nor_exit_while_the_burn_in_fills_the_pipelines():
    from govsim.model import MARKET_BURN_IN_DAYS

    # Rings quit at once when broke: an initial cash of nothing would empty an open market.
    city = model(warmup_days=120, fraud={"initial_cash": 0.0, "trial_entry_per_month": 100.0})
    for _ in range(MARKET_BURN_IN_DAYS):
        city.step()
    assert len(city.rings) == len(city.active_rings()) == 8
    city.step()  # the market opens: accounts restart from nothing, and wages break them
    assert not any(ring.active for ring in city.rings[:8])


def test_the_market_opens_with_the_rings_accounts_restarted():
    from govsim.model import MARKET_BURN_IN_DAYS

    city = model(warmup_days=120, fraud={"initial_cash": 123_456.0})
    for _ in range(MARKET_BURN_IN_DAYS):
        city.step()
    for ring in city.active_rings():
        ring.cash = -1.0
    city.step()
    cash = [ring.cash for ring in city.active_rings() if ring.entered_day < city.day]
    # Restarted, then a day's wages paid.
    assert cash
    assert all(100_000.0 < c <= 123_456.0 for c in cash)
