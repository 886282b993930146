"""The server keeps cities at the end of their warm-up: a reset or a return builds at once.

A kept city must be the city a full build gives, and each session's model its own copy.
"""

from __future__ import annotations

import threading
import time

import pandas as pd
import pytest

from govsim.dashboard import simulation
from govsim.dashboard.building import Superseded
from govsim.dashboard.catalogue import SHIPPED_FOLDER, ScenarioCatalogue
from govsim.dashboard.chosen import choose, first_choice
from govsim.dashboard.simulation import Choices, Simulation
from govsim.dashboard.warmed_up import WarmedUpCities, warm_up_in_background
from govsim.model import GovernanceModel
from govsim.scenario.overrides import with_overrides
from tests.helpers import shipped

DAYS = 20


def unheard(_share: float) -> None:
    """A build's progress nobody watches."""


def scenario():
    return shipped("baseline", residents=3_000, days=DAYS, warmup=60)


def stepped(model: GovernanceModel, days: int = DAYS) -> pd.DataFrame:
    for _ in range(days):
        model.step()
    return pd.DataFrame(model.metrics.days)


def built_in_full(city, seed: int) -> pd.DataFrame:
    model = GovernanceModel(city, rng=seed)
    for _ in range(city.warmup_days):
        model.step()
    return stepped(model)


def test_a_kept_city_is_the_city_a_full_build_gives():
    cities, city = WarmedUpCities(), scenario()
    heard = []
    first = cities.model(city, 5, heard.append)
    assert first.day == 0
    assert heard[-1] == 1.0
    assert len(heard) > 2  # the warm-up's progress, day by day
    heard.clear()
    again = cities.model(city, 5, heard.append)
    assert heard == [1.0]
    assert cities.warm_ups_run == 1
    full = built_in_full(city, 5)
    pd.testing.assert_frame_equal(stepped(first), full)
    pd.testing.assert_frame_equal(stepped(again), full)


def test_each_model_is_a_copy_of_its_own():
    cities, city = WarmedUpCities(), scenario()
    one, two = cities.model(city, 5, unheard), cities.model(city, 5, unheard)
    stepped(one, 5)
    assert (one.day, two.day) == (5, 0)
    assert two.metrics.days == []


def test_a_scenario_that_differs_in_events_continues_the_same_warm_up():
    cities, city = WarmedUpCities(), scenario()
    breach = with_overrides(
        city, settings={"events": [{"type": "data_breach", "day": 2, "group": "student"}]}
    )
    cities.model(city, 5, unheard)
    model = cities.model(breach, 5, unheard)
    assert cities.warm_ups_run == 1
    assert [event.config.type for event in model.events] == ["data_breach"]
    pd.testing.assert_frame_equal(stepped(model), built_in_full(breach, 5))


@pytest.mark.parametrize(
    "other",
    [
        {"seed": 6},
        {"settings": {"agencies.police.capability": 0.9}},
        {"settings": {"population.size": 3_001}},
    ],
)
def test_another_seed_or_city_or_governance_runs_its_own_warm_up(other):
    cities, city = WarmedUpCities(), scenario()
    cities.model(city, 5, unheard)
    changed = with_overrides(city, settings=other.get("settings", {}))
    cities.model(changed, other.get("seed", 5), unheard)
    assert cities.warm_ups_run == 2


def test_the_least_recently_used_city_goes_first_when_too_many_bytes_are_kept():
    cities, city = WarmedUpCities(kept_bytes=1), scenario()
    cities.model(city, 1, unheard)
    cities.model(city, 2, unheard)
    cities.model(city, 2, unheard)
    assert cities.warm_ups_run == 2
    cities.model(city, 1, unheard)  # gone: only the last one is kept
    assert cities.warm_ups_run == 3


def test_a_reset_of_the_dashboard_does_not_run_the_warm_up_again(lesson, monkeypatch):
    cities = WarmedUpCities()
    monkeypatch.setattr(simulation, "WARMED_UP", cities)
    chosen = choose(ScenarioCatalogue([lesson]), Choices("tiny", seed=8))
    first, reset = Simulation(chosen), Simulation(chosen)
    assert cities.warm_ups_run == 1
    first.step(4)
    reset.step(4)
    assert first.snapshot().daily.equals(reset.snapshot().daily)
    assert first.model is not reset.model


def test_sessions_asking_for_a_city_being_warmed_up_wait_for_it():
    """A class opening the page at once: one warm-up, every session its own copy."""
    cities, city = WarmedUpCities(), scenario()
    go = threading.Event()
    heard: dict[int, list[float]] = {n: [] for n in range(4)}
    models: dict[int, GovernanceModel] = {}

    def first_report(share: float) -> None:
        go.wait(10)
        heard[0].append(share)

    def build(n: int) -> None:
        report = first_report if n == 0 else heard[n].append
        models[n] = cities.model(city, 5, report)

    threads = [threading.Thread(target=build, args=(n,)) for n in range(4)]
    threads[0].start()
    time.sleep(0.2)  # the first is warming up (held at its first day)
    for thread in threads[1:]:
        thread.start()
    time.sleep(0.3)
    go.set()
    for thread in threads:
        thread.join(60)
    assert cities.warm_ups_run == 1
    assert all(shares[-1] == 1.0 for shares in heard.values())
    assert len({id(model) for model in models.values()}) == 4
    full = built_in_full(city, 5)
    for model in models.values():
        pd.testing.assert_frame_equal(stepped(model), full)


def test_a_session_waiting_for_a_stopped_warm_up_runs_it_itself():
    cities, city = WarmedUpCities(), scenario()
    waiting = threading.Event()
    errors: list[BaseException] = []
    models: list[GovernanceModel] = []

    def superseded(share: float) -> None:
        waiting.wait(10)
        if share > 0.5:
            raise Superseded

    def first() -> None:
        try:
            cities.model(city, 5, superseded)
        except Superseded as error:
            errors.append(error)

    def second() -> None:
        models.append(cities.model(city, 5, unheard))

    one, two = threading.Thread(target=first), threading.Thread(target=second)
    one.start()
    time.sleep(0.2)
    two.start()
    time.sleep(0.3)
    waiting.set()
    one.join(60)
    two.join(60)
    assert len(errors) == 1
    assert cities.warm_ups_run == 1  # the stopped one did not finish
    pd.testing.assert_frame_equal(stepped(models[0]), built_in_full(city, 5))


def test_the_server_warms_the_first_session_s_city_up_before_it_asks(lesson, monkeypatch):
    cities = WarmedUpCities()
    monkeypatch.setattr(simulation, "WARMED_UP", cities)
    chosen = choose(ScenarioCatalogue([lesson]), Choices("tiny"))
    thread = warm_up_in_background(chosen, cities)
    assert thread is not None
    thread.join(60)
    assert cities.warm_ups_run == 1
    Simulation(chosen)  # the first page's build: a copy
    assert cities.warm_ups_run == 1


def test_no_city_is_warmed_up_for_a_scenario_with_an_error(lesson):
    broken = choose(ScenarioCatalogue([lesson]), Choices("broken"))
    assert warm_up_in_background(broken, WarmedUpCities()) is None


def test_the_city_warmed_up_first_is_the_one_a_new_session_opens():
    assert first_choice(ScenarioCatalogue([SHIPPED_FOLDER])).scenario.name == "multi_party_hub"
