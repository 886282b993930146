"""A session's simulation: built from choices, stepped, read, and failing without raising."""

from __future__ import annotations

import pytest

from govsim.dashboard import simulation
from govsim.dashboard.catalogue import ScenarioCatalogue
from govsim.dashboard.chosen import DEFAULT_RESIDENTS
from govsim.dashboard.simulation import Choices, Simulation, event_name
from govsim.dashboard.warmed_up import WarmedUpCities
from govsim.scenario.events import DataBreach


@pytest.fixture
def catalogue(lesson):
    return ScenarioCatalogue([lesson])


def test_a_new_simulation_has_run_its_warm_up_and_waits_at_day_zero(catalogue):
    simulation = Simulation.of(catalogue, Choices("tiny"))
    assert simulation.ready
    assert simulation.residents == 3_000  # the scenario's own size, below the cap
    snapshot = simulation.snapshot()
    assert (snapshot.day, snapshot.days) == (0, 30)
    assert snapshot.daily.empty
    assert snapshot.total("victims") == 0.0


def test_stepping_adds_measured_days_to_every_view(catalogue):
    simulation = Simulation.of(catalogue, Choices("tiny"))
    simulation.step(3)
    snapshot = simulation.snapshot()
    assert snapshot.day == 3
    assert list(snapshot.daily["day"]) == [1.0, 2.0, 3.0]
    assert list(snapshot.market["day"]) == [1.0, 2.0, 3.0]
    assert snapshot.market["rings_active"].gt(0).all()
    assert list(snapshot.districts.columns) == ["district", "victims", "net_loss"]
    assert snapshot.districts["victims"].sum() == pytest.approx(snapshot.total("victims"))


def test_stepping_stops_at_the_scenarios_last_day(catalogue):
    simulation = Simulation.of(catalogue, Choices("tiny"))
    simulation.step(100)
    snapshot = simulation.snapshot()
    assert snapshot.day == 30
    assert snapshot.finished
    simulation.step()
    assert simulation.snapshot().day == 30


def test_the_event_log_shows_events_once_their_day_has_come(catalogue):
    simulation = Simulation.of(catalogue, Choices("tiny"))
    simulation.step(1)
    assert simulation.snapshot().event_log() == []
    simulation.step(1)
    assert simulation.snapshot().event_log("en") == ["day 2: Awareness campaign"]
    assert simulation.snapshot().event_log("zh") == ["第 2 天：反诈宣传活动"]


def test_an_event_is_named_by_its_label_or_its_kind_and_group():
    breach = DataBreach(type="data_breach", day=60, group="student")
    assert event_name(breach, "en") == "Data breach (Students)"
    assert event_name(breach, "zh") == "个人信息泄露（学生）"
    labelled = DataBreach(type="data_breach", day=60, label={"en": "Leak", "zh": "泄露"})
    assert event_name(labelled, "zh") == "泄露"


def test_controls_rebuild_the_model_through_overrides(catalogue):
    choices = (
        Choices("tiny", residents=2_000, seed=7)
        .with_setting("agencies.banks.enabled", False)
        .with_setting("agencies.police.capability", 0.3)
        .with_setting("cooperation.links.police-bank", 0.1)
        .with_setting("agencies.police.capability", 0.4)
    )
    simulation = Simulation.of(catalogue, choices)
    assert simulation.residents == 2_000
    assert simulation.parties()["banks"] == (False, pytest.approx(simulation.parties()["banks"][1]))
    assert simulation.parties()["police"][1] == pytest.approx(0.4)
    assert simulation.links()["police-bank"] == pytest.approx(0.1)
    assert simulation.model.config.agencies.police.capability == pytest.approx(0.4)


def test_another_scenario_drops_the_last_ones_settings():
    choices = Choices("tiny", residents=4_000).with_setting("agencies.police.enabled", False)
    moved = choices.with_scenario("other")
    assert (moved.scenario, moved.settings, moved.residents) == ("other", (), 4_000)


def test_big_shipped_cities_are_shrunk_unless_asked(lesson):
    from govsim.dashboard.server import scenario_folders

    simulation = Simulation.of(ScenarioCatalogue(scenario_folders()), Choices("police_only"))
    assert simulation.residents == DEFAULT_RESIDENTS


def test_a_scenario_with_an_error_is_kept_and_shown_not_raised(catalogue):
    simulation = Simulation.of(catalogue, Choices("broken"))
    assert not simulation.ready
    assert "agencies.police.capability" in simulation.error_text("en")
    assert simulation.error_text("zh") != simulation.error_text("en")
    assert simulation.snapshot().daily.empty
    simulation.step()  # nothing to step, and no exception


def test_a_bad_choice_is_an_error_in_the_page_too(catalogue):
    simulation = Simulation.of(
        catalogue, Choices("tiny").with_setting("agencies.police.capablity", 1)
    )
    assert not simulation.ready
    assert "capability" in simulation.error_text("en")  # the closest existing key is suggested


def test_a_path_outside_the_folders_is_an_error_not_a_read(catalogue):
    simulation = Simulation.of(catalogue, Choices("../../etc/passwd"))
    assert not simulation.ready
    assert "not a scenario of the dashboard's folders" in simulation.error_text()


def test_an_outside_path_is_said_in_chinese_too(catalogue, tmp_path):
    from govsim.dashboard.catalogue import OutsideFoldersError, inside

    with pytest.raises(OutsideFoldersError) as raised:
        inside(tmp_path / "lesson", tmp_path / "elsewhere.yaml")
    assert "outside the scenario folder" in raised.value.render("en")
    assert "情景文件夹" in raised.value.render("zh")
    simulation = Simulation.of(catalogue, Choices("../../etc/passwd"))
    assert "不是仪表盘情景文件夹中的情景" in simulation.error_text("zh")


@pytest.mark.parametrize("seed", [-1, -20_260])
def test_a_negative_seed_is_an_error_in_the_page_not_a_crash(catalogue, seed):
    simulation = Simulation.of(catalogue, Choices("tiny", seed=seed))
    assert not simulation.ready
    for language in ("en", "zh"):
        text = simulation.error_text(language)
        assert "seed" in text
        assert f"{seed:_}" in text  # numbers as YAML writes them
    assert "the dashboard's controls" in simulation.error_text("en")
    assert "仪表盘的控件" in simulation.error_text("zh")
    assert "command-line" not in simulation.error_text("en")


@pytest.mark.parametrize("residents", [0, -5])
def test_a_city_of_no_one_is_an_error_not_the_default_city(catalogue, residents):
    simulation = Simulation.of(catalogue, Choices("tiny", residents=residents))
    assert not simulation.ready
    assert simulation.residents == residents, "the box keeps what the trainer typed"
    assert "population.size" in simulation.error_text("en")


def test_the_seed_chosen_is_the_models_seed(catalogue):
    simulation = Simulation.of(catalogue, Choices("tiny", seed=7))
    assert simulation.scenario.seed == 7
    assert simulation.model.keyed.seed == 7


def test_two_sessions_never_share_a_model(catalogue):
    first, second = (Simulation.of(catalogue, Choices("tiny")) for _ in range(2))
    first.step(4)
    assert first.model is not second.model
    assert (first.snapshot().day, second.snapshot().day) == (4, 0)


def test_the_same_choices_give_the_same_days(catalogue):
    runs = [Simulation.of(catalogue, Choices("tiny", seed=3)) for _ in range(2)]
    for run in runs:
        run.step(5)
    first, second = (run.snapshot().daily for run in runs)
    assert first.equals(second)


def test_a_live_event_acts_from_the_next_day_and_enters_the_log(catalogue):
    simulation = Simulation.of(catalogue, Choices("tiny"))
    simulation.step(3)
    simulation.inject("data_breach")
    assert simulation.snapshot().event_log() == ["day 2: Awareness campaign"]
    simulation.step()
    assert simulation.snapshot().event_log()[-1] == "day 4: Data breach (Students)"


def test_no_live_event_after_the_last_day_or_without_a_model(catalogue):
    finished = Simulation.of(catalogue, Choices("tiny"))
    finished.step(30)
    finished.inject("campaign")
    assert len(finished.model.events) == 1
    Simulation.of(catalogue, Choices("broken")).inject("campaign")  # nothing to add it to


def test_a_snapshot_holds_the_links_traffic_the_centre_and_the_rings(catalogue):
    from govsim.dashboard.simulation import LIT_DAYS, recent_traffic

    simulation = Simulation.of(catalogue, Choices("tiny", residents=3_000))
    simulation.step(6)
    snapshot = simulation.snapshot()
    link_days = simulation.model.metrics.link_days
    assert len(link_days) == 6
    assert snapshot.traffic == recent_traffic(link_days, LIT_DAYS)
    assert snapshot.structure == "hub"
    assert snapshot.hub
    assert snapshot.centre_staff_per_100k == pytest.approx(1.5)
    assert snapshot.call_capacity > 0
    assert snapshot.summary["victims"] == snapshot.total("victims")
    assert snapshot.rings
    assert all(ring.members > 0 for ring in snapshot.rings)
    assert len(snapshot.rings) == int(snapshot.market["rings_active"].iloc[-1])


def test_recent_traffic_adds_up_the_last_days_only():
    from govsim.dashboard.simulation import recent_traffic

    days = [
        {("police-bank", "freeze"): 5.0},
        {("police-bank", "freeze"): 1.0, ("police-telecom", "lead"): 2.0},
        {},
        {("police-telecom", "lead"): 1.0},
    ]
    assert recent_traffic(days, 3) == {
        "police-bank": {"freeze": 1.0},
        "police-telecom": {"lead": 3.0},
    }
    assert recent_traffic([], 3) == {}


def test_the_structure_is_a_setting_like_any_other(catalogue):
    simulation = Simulation.of(
        catalogue, Choices("tiny").with_setting("cooperation.structure", "none")
    )
    assert simulation.structure() == "none"
    snapshot = simulation.snapshot()
    assert not snapshot.hub
    assert snapshot.centre_staff_per_100k == 0.0
    assert set(snapshot.cooperation.values()) == {0.0}


def test_a_hub_raises_the_seated_links_above_what_is_written(catalogue):
    simulation = Simulation.of(catalogue, Choices("tiny"))
    written, in_force = simulation.links(), simulation.links_in_force()
    assert written["police-bank"] == pytest.approx(0.9)
    assert in_force["police-bank"] == pytest.approx(0.98)  # 0.9 + 0.1 x co-location 0.8
    assert in_force["police-judiciary"] == pytest.approx(written["police-judiciary"])
    assert not simulation.links_ignored()


def test_without_a_structure_every_link_is_zero_in_force_and_the_written_ones_ignored(catalogue):
    simulation = Simulation.of(
        catalogue, Choices("tiny").with_setting("cooperation.structure", "none")
    )
    assert simulation.links_ignored()
    assert simulation.links()["police-bank"] == pytest.approx(0.9)
    assert set(simulation.links_in_force().values()) == {0.0}


def test_each_build_has_its_own_number_the_same_through_its_steps(catalogue):
    first, second = (Simulation.of(catalogue, Choices("tiny")) for _ in range(2))
    assert first.build != second.build
    before = first.snapshot().build
    first.step(2)
    assert first.snapshot().build == before == first.build
    assert Simulation.of(catalogue, Choices("broken")).snapshot().build > second.build


def test_the_warm_up_reports_how_far_it_is_and_changes_no_number(catalogue, monkeypatch):
    monkeypatch.setattr(simulation, "WARMED_UP", WarmedUpCities())  # none kept: it runs
    shares = []
    reported = Simulation.of(catalogue, Choices("tiny", seed=3), shares.append)
    assert len(shares) == reported.scenario.warmup_days == 5
    assert shares == sorted(shares)
    assert shares[-1] == 1.0
    unreported = Simulation.of(catalogue, Choices("tiny", seed=3))
    for run in (reported, unreported):
        run.step(5)
    assert reported.snapshot().daily.equals(unreported.snapshot().daily)


def test_a_build_stops_where_its_report_raises(catalogue):
    class UnwantedError(Exception):
        pass

    def refuse(share: float) -> None:
        if share > 0.5:
            raise UnwantedError

    with pytest.raises(UnwantedError):
        Simulation.of(catalogue, Choices("tiny"), refuse)


def test_the_chosen_scenario_is_read_without_building_a_model(catalogue):
    from govsim.dashboard.chosen import choose

    chosen = choose(catalogue, Choices("tiny").with_setting("agencies.police.capability", 0.3))
    assert chosen.valid
    assert not hasattr(chosen, "model")
    assert chosen.parties()["police"][1] == pytest.approx(0.3)
    assert chosen.residents == 3_000
    broken = choose(catalogue, Choices("broken"))
    assert not broken.valid
    assert "agencies.police.capability" in broken.error_text("zh")
    built = Simulation(chosen)
    assert built.ready
    assert built.scenario is chosen.scenario


def test_a_reset_builds_afresh_from_the_chosen_scenario(catalogue):
    """A reset builds again from the scenario already read: nothing of the last run carries."""
    from govsim.dashboard.chosen import choose

    chosen = choose(catalogue, Choices("tiny", seed=4))
    first = Simulation(chosen)
    first.inject("data_breach")
    first.step(3)
    again, fresh = Simulation(chosen), Simulation.of(catalogue, Choices("tiny", seed=4))
    for run in (again, fresh):
        run.step(3)
    assert again.snapshot().event_log() == fresh.snapshot().event_log()
    assert "Data breach" not in " ".join(again.snapshot().event_log())
    assert "Data breach" in " ".join(first.snapshot().event_log())
    assert again.snapshot().daily.equals(fresh.snapshot().daily)
    assert again.build != first.build
