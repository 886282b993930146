"""Key-path overrides of a loaded scenario: setting values, errors, and the numeric leaves."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

import govsim
from govsim.cli import app
from govsim.scenario import Scenario, ScenarioError
from govsim.scenario.overrides import (
    OVERRIDE_SOURCE,
    numeric_leaves,
    parse_setting,
    parse_settings,
    with_overrides,
)

SCENARIOS = Path(__file__).resolve().parents[2] / "scenarios"


@pytest.fixture(scope="module")
def hub() -> Scenario:
    return govsim.load_scenario(SCENARIOS / "multi_party_hub.yaml")


@pytest.fixture(scope="module")
def with_event() -> Scenario:
    scenario = govsim.load_scenario(SCENARIOS / "baseline.yaml")
    event = {"type": "campaign", "day": 120, "reach": 0.6, "boost": 0.25, "groups": ["elderly"]}
    return with_overrides(scenario, settings={"events": [event]})


def test_no_overrides_returns_the_same_scenario(hub: Scenario) -> None:
    assert with_overrides(hub) is hub
    assert with_overrides(hub, settings={}) is hub


def test_days_and_residents_still_work(hub: Scenario) -> None:
    changed = with_overrides(hub, days=30, residents=5_000)
    assert (changed.days, changed.population.size) == (30, 5_000)


def test_nested_values_are_set(hub: Scenario) -> None:
    settings = {
        "agencies.police.capability": 0.3,
        "fraud.roles.operators": 40,
        "population.age_shares": {"student": 0.2, "working": 0.6, "elderly": 0.2},
        "scam_types.investment_group.loss_median": 50_000.0,
    }
    changed = with_overrides(hub, settings=settings, days=90)
    assert changed.agencies.police.capability == 0.3
    assert changed.fraud.roles.operators == 40
    assert changed.population.age_shares.elderly == 0.2
    assert changed.scam_types["investment_group"].loss_median == 50_000.0
    assert changed.days == 90
    assert hub.agencies.police.capability == 0.8  # the original is untouched
    assert changed.agencies.police.dissuasion_calls_per_100k == 40.0  # the rest is kept


def test_link_in_reversed_order_sets_the_canonical_link(hub: Scenario) -> None:
    changed = with_overrides(hub, settings={"cooperation.links.bank-police": 0.2})
    assert changed.cooperation.links["police-bank"] == 0.2
    assert "bank-police" not in changed.cooperation.links


def test_a_known_link_left_out_of_the_file_can_be_set(hub: Scenario) -> None:
    unlinked = with_overrides(hub, settings={"cooperation.links": {}})
    assert unlinked.cooperation.links == {}
    changed = with_overrides(unlinked, settings={"cooperation.links.telecom-bank": 0.4})
    assert changed.cooperation.links == {"bank-telecom": 0.4}


def test_list_index(with_event: Scenario) -> None:
    changed = with_overrides(with_event, settings={"events.0.reach": 0.9})
    assert changed.events[0].reach == 0.9
    assert changed.events[0].groups == ["elderly"]
    bracketed = with_overrides(with_event, settings={"events[0].day": 30})
    assert bracketed.events[0].day == 30


def test_list_index_out_of_range_is_unknown(with_event: Scenario) -> None:
    with pytest.raises(ScenarioError) as error:
        with_overrides(with_event, settings={"events.1.reach": 0.9})
    assert "events.1.reach: no such key in the scenario" in str(error.value)


def test_unknown_path_names_it_and_suggests_the_closest(hub: Scenario) -> None:
    with pytest.raises(ScenarioError) as error:
        with_overrides(hub, settings={"agencies.polise.capabilty": 0.5})
    [problem] = error.value.problems
    assert problem.file == OVERRIDE_SOURCE
    assert problem.key_path == "agencies.polise.capabilty"
    assert problem.message == "no such key in the scenario"
    assert problem.hint == "did you mean 'agencies.police.capability'?"


def test_every_unknown_path_is_reported_at_once(hub: Scenario) -> None:
    settings = {"dayz": 30, "agencies.police.capability.extra": 1, "cooperation.links.x-y": 1}
    with pytest.raises(ScenarioError) as error:
        with_overrides(hub, settings=settings)
    paths = {problem.key_path for problem in error.value.problems}
    assert paths == set(settings)
    assert "did you mean 'days'?" in str(error.value)


def test_unknown_link_suggests_a_known_one(hub: Scenario) -> None:
    with pytest.raises(ScenarioError) as error:
        with_overrides(hub, settings={"cooperation.links.police-bnak": 0.5})
    assert "did you mean 'cooperation.links.police-bank'?" in str(error.value)


def test_out_of_range_value_gets_the_usual_error(hub: Scenario) -> None:
    with pytest.raises(ScenarioError) as error:
        with_overrides(hub, settings={"agencies.police.capability": 1.5})
    [problem] = error.value.problems
    assert problem.file == OVERRIDE_SOURCE
    assert problem.key_path == "agencies.police.capability"
    assert "expected a number in [0, 1], got 1.5" in problem.message


def test_out_of_range_link_in_reversed_order(hub: Scenario) -> None:
    with pytest.raises(ScenarioError) as error:
        with_overrides(hub, settings={"cooperation.links.bank-police": 2.0})
    assert "must be in [0, 1]" in str(error.value)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("agencies.police.capability=0.8", ("agencies.police.capability", 0.8)),
        (" fraud.roles.operators = 40 ", ("fraud.roles.operators", 40)),
        ("cooperation.structure=hub", ("cooperation.structure", "hub")),
        ("agencies.banks.enabled=false", ("agencies.banks.enabled", False)),
        ("name=a=b", ("name", "a=b")),
        (
            "events=[{type: campaign, day: 120, groups: [elderly]}]",
            ("events", [{"type": "campaign", "day": 120, "groups": ["elderly"]}]),
        ),
    ],
)
def test_parse_setting(text: str, expected: tuple[str, object]) -> None:
    assert parse_setting(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("agencies.police.capability", "no '='"),
        ("=0.8", "no key path"),
        ("events=[{type: campaign", "is not valid YAML"),
    ],
)
def test_parse_setting_errors(text: str, message: str) -> None:
    with pytest.raises(ScenarioError) as error:
        parse_setting(text)
    [problem] = error.value.problems
    assert message in problem.message
    assert problem.file == OVERRIDE_SOURCE
    assert problem.hint


def test_parsed_settings_apply(hub: Scenario) -> None:
    settings = dict(parse_setting(text) for text in ["agencies.police.capability=0.4", "days=10"])
    changed = with_overrides(hub, settings=settings)
    assert (changed.agencies.police.capability, changed.days) == (0.4, 10)


def test_numeric_leaves_of_the_hub(hub: Scenario) -> None:
    leaves = numeric_leaves(hub)
    assert leaves["agencies.police.capability"] == 0.8
    assert leaves["cooperation.links.police-bank"] == 0.9
    assert leaves["fraud.roles.operators"] == 12.0
    assert leaves["population.age_shares.elderly"] == 0.24
    assert "agencies.banks.institutions.0.market_share" in leaves
    assert not {"seed", "days", "population.size"} & set(leaves)
    assert not any(path.endswith(".enabled") for path in leaves)  # booleans are left out
    assert all(type(value) is float for value in leaves.values())


def test_numeric_leaves_index_list_items(with_event: Scenario) -> None:
    leaves = numeric_leaves(with_event)
    assert leaves["events.0.reach"] == 0.6
    assert leaves["events.0.day"] == 120.0


def test_every_numeric_leaf_can_be_set_back(hub: Scenario) -> None:
    leaves = numeric_leaves(hub)
    assert with_overrides(hub, settings=leaves) == hub


def test_a_number_in_full_width_digits_is_named_as_such(hub: Scenario) -> None:
    path, value = parse_setting("agencies.police.capability=\uff10.\uff18")
    with pytest.raises(ScenarioError) as caught:
        with_overrides(hub, {path: value})
    (problem,) = caught.value.problems
    assert problem.hint == "type the number with ordinary digits: 0.8"
    assert "改用半角数字：0.8" in problem.render("zh")


def test_every_unreadable_setting_is_reported_not_only_the_first() -> None:
    with pytest.raises(ScenarioError) as caught:
        parse_settings(["agencies.police.capability=[1", "days=10", "residents"])
    assert [p.key_path for p in caught.value.problems] == [
        "agencies.police.capability",
        "residents",
    ]


def test_a_path_not_found_does_not_hide_a_bad_value(hub: Scenario) -> None:
    settings = {"agencies.police.capability": 2, "agencies.banks.capabiliti": 0.5}
    with pytest.raises(ScenarioError) as caught:
        with_overrides(hub, settings)
    messages = {p.key_path: p.message for p in caught.value.problems}
    assert messages["agencies.banks.capabiliti"] == "no such key in the scenario"
    assert messages["agencies.police.capability"] == "expected a number in [0, 1], got 2"


def test_run_reports_every_bad_setting_at_once(tmp_path: Path) -> None:
    settings = ["--set", "agencies.police.capability=2", "--set", "agencies.banks.capabiliti=1"]
    args = ["run", str(SCENARIOS / "baseline.yaml"), "--days", "1", *settings]
    result = CliRunner().invoke(app, [*args, "--out", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert "agencies.police.capability: expected a number in [0, 1], got 2" in result.stderr
    assert "agencies.banks.capabiliti: no such key in the scenario" in result.stderr
