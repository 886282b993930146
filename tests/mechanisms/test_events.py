"""Timed events: each takes effect on its day, not before, and (if it lasts) ends on time."""

from __future__ import annotations

import numpy as np
import pytest

from govsim.scenario.fields import AGE_GROUPS
from govsim.scenario.schema import Scenario
from tests.mechanisms.builders import model, scam_index

BUSY = {"size": 2_000, "fraud": {"market_population": 20_000}}


def test_data_breach_leaks_the_group_records_on_its_day_and_not_before():
    city = model(
        events=[{"type": "data_breach", "day": 3, "group": "elderly", "share": 0.6}],
        black_market={"records_leaked_share": 0.1, "monthly_leak_share": 0.0},
        **BUSY,
    )
    initial = city.market.leaked.copy()
    elderly = city.residents.group == AGE_GROUPS.index("elderly")
    for _ in range(2):
        city.step()
        assert np.array_equal(city.market.leaked, initial)
    city.step()
    newly = city.market.leaked & ~initial
    assert newly.any()
    assert elderly[newly].all()
    leaked_share = city.market.leaked[elderly].mean()
    assert leaked_share == pytest.approx(0.1 + 0.9 * 0.6, abs=0.05)
    assert city.market.leaked_counts()[2] == city.market.leaked[elderly].sum()


def test_data_breach_of_everyone_leaks_every_group():
    city = model(
        size=2_000,
        events=[{"type": "data_breach", "day": 1, "group": None, "share": 1.0}],
    )
    city.step()
    assert city.market.leaked.all()


def epidemic_attempts(city) -> float:
    return float(city.metrics.by_scam["attempts"][scam_index(city, "epidemic")].sum())


def test_epidemic_scams_run_only_while_the_epidemic_does():
    city = model(events=[{"type": "epidemic", "day": 4, "duration_days": 3}], **BUSY)
    epidemic = scam_index(city, "epidemic")
    counts = []
    for day in range(1, 11):
        city.step()
        assert city.scams.active(city.running_events)[epidemic] == (4 <= day <= 6)
        counts.append(epidemic_attempts(city))
    daily = np.diff([0.0, *counts])
    assert not daily[:3].any()
    assert (daily[3:6] > 0).all()
    assert not daily[6:].any()


def test_epidemic_moves_life_online_while_it_runs():
    city = model(
        events=[{"type": "epidemic", "day": 2, "duration_days": 2, "online_multiplier": 1.5}],
        size=1_000,
    )
    multipliers = []
    for _ in range(4):
        city.step()
        multipliers.append(city.residents.online_multiplier)
    assert multipliers == [1.0, 1.5, 1.5, 1.0]


def test_card_crackdown_cuts_supply_only_while_it_runs():
    city = model(
        events=[{"type": "card_crackdown", "day": 3, "duration_days": 4, "intensity": 0.5}],
        **BUSY,
    )
    base = {good: city.market.supply(good) for good in ("sims", "accounts", "mules")}
    supplies = []
    for _ in range(8):
        city.step()
        supplies.append({good: city.market.supply(good) for good in base})
    for day, supply in enumerate(supplies, start=1):
        running = 3 <= day <= 6
        factor = 0.5 if running else 1.0
        assert supply["sims"] == pytest.approx(base["sims"] * factor)
        assert supply["mules"] == pytest.approx(base["mules"] * factor)
        assert supply["accounts"] == pytest.approx(base["accounts"])


def test_card_crackdown_arrests_domestic_money_movers_on_its_day():
    city = model(
        events=[{"type": "card_crackdown", "day": 2, "intensity": 1.0}],
        agencies={"police": {"crackdown_arrest_share": 1.0, "capability": 1.0}},
        fraud={"market_population": 20_000, "cross_border_share": 0.0},
        size=2_000,
    )
    city.step()
    assert city.metrics.days[0]["arrests_money_movers"] == 0
    city.step()
    assert city.metrics.days[1]["arrests_money_movers"] > 0


def test_a_crackdown_that_arrests_nobody_moves_no_ring_abroad():
    """Relocation follows an arrest operation; a ring the sweep did not touch stays home."""

    def abroad_after(arrest_share: float) -> tuple[int, int]:
        city = model(
            events=[{"type": "card_crackdown", "day": 2, "intensity": 1.0}],
            agencies={"police": {"crackdown_arrest_share": arrest_share, "capability": 1.0}},
            fraud={
                "market_population": 20_000,
                "cross_border_share": 0.0,
                "relocation_propensity": 1.0,
            },
            size=2_000,
        )
        city.step()
        before = sum(ring.cross_border for ring in city.active_rings())
        city.step()
        return before, sum(ring.cross_border for ring in city.active_rings())

    assert abroad_after(0.0) == (0, 0)
    before, after = abroad_after(1.0)
    assert before == 0
    assert after > 0


def awareness_rows(events: list[dict], days: int) -> list[dict]:
    city = model(
        seed=4,
        events=events,
        agencies={"education": {"campaign_interval_days": 365}},
        **BUSY,
    )
    for _ in range(days):
        city.step()
    return city.metrics.days


def test_campaign_raises_awareness_of_the_targeted_groups_on_its_day():
    campaign = {"type": "campaign", "day": 3, "reach": 1.0, "boost": 0.4, "groups": ["elderly"]}
    with_campaign = awareness_rows([campaign], 3)
    without = awareness_rows([], 3)
    for row, control in zip(with_campaign[:2], without[:2], strict=True):
        assert row["awareness_elderly"] == control["awareness_elderly"]
    day3, control3 = with_campaign[2], without[2]
    assert day3["awareness_elderly"] > control3["awareness_elderly"] + 0.15
    for group in ("student", "working"):
        key = f"awareness_{group}"
        assert day3[key] == pytest.approx(control3[key], abs=0.01)
    assert day3["campaign_reached"] > 0
    assert control3["campaign_reached"] == 0


def test_overlapping_crackdowns_keep_supply_cut_until_the_last_ends():
    city = model(
        events=[
            {"type": "card_crackdown", "day": 2, "duration_days": 10, "intensity": 0.5},
            {"type": "card_crackdown", "day": 4, "duration_days": 3, "intensity": 0.5},
        ],
        **BUSY,
    )
    base = city.market.supply("sims")
    for _ in range(8):
        city.step()
    assert city.market.supply("sims") < base


def test_overlapping_epidemics_keep_epidemic_scams_until_the_last_ends():
    city = model(
        events=[
            {"type": "epidemic", "day": 2, "duration_days": 10},
            {"type": "epidemic", "day": 3, "duration_days": 2},
        ],
        size=1_000,
    )
    for _ in range(8):
        city.step()
    assert city.scams.active(city.running_events)[scam_index(city, "epidemic")]


def test_two_campaigns_on_one_day_reach_residents_by_their_own_luck():
    campaign = {"type": "campaign", "day": 2, "reach": 0.5, "boost": 0.3, "groups": ["elderly"]}
    city = model(
        seed=4,
        events=[campaign, dict(campaign)],
        agencies={"education": {"campaign_interval_days": 365}},
        size=4_000,
    )
    for _ in range(2):
        city.step()
    elderly = city.residents.group == AGE_GROUPS.index("elderly")
    touched = city.residents.awareness_day[elderly] == 2
    # Each event draws with its own number: together they reach 1 - 0.5**2 of the elderly,
    # not the same half twice.
    assert touched.mean() == pytest.approx(0.75, abs=0.04)
    assert city.metrics.days[1]["campaign_reached"] == pytest.approx(elderly.sum(), rel=0.08)


def test_an_epidemic_opens_its_scams_alike_whatever_the_catalogue_weights_sum_to():
    # Catalogue weights are relative: scaled tenfold, they must give the same run. Before the
    # opened types were compared with the raw weights, a catalogue summing to 10 gave the
    # epidemic's scams about a third of every portfolio on its first day instead of a twentieth.
    default = Scenario(name="test", population={"size": 1_000}).scam_types
    scaled = {
        key: scam.model_copy(update={"weight": scam.weight * 10}) for key, scam in default.items()
    }
    epidemic = [{"type": "epidemic", "day": 2, "duration_days": 5}]
    cities = [model(events=epidemic, scam_types=types, **BUSY) for types in (default, scaled)]
    for _ in range(6):
        for city in cities:
            city.step()
        one, tenfold = ([ring.portfolio for ring in city.active_rings()] for city in cities)
        assert len(one) == len(tenfold)
        for a, b in zip(one, tenfold, strict=True):
            np.testing.assert_allclose(a, b, rtol=1e-12)
    assert epidemic_attempts(cities[0]) == epidemic_attempts(cities[1]) > 0
