"""Valid scenarios that will not act as written load with a warning naming the key and the fix."""

from __future__ import annotations

import warnings
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from govsim.cli import app
from govsim.scenario import load_scenario, scenario_from_dict
from govsim.scenario.cautions import Caution, ScenarioWarning, cautions
from govsim.scenario.messages import Message
from govsim.scenario.overrides import (
    OVERRIDE_SOURCE,
    _causes,
    _with_cause,
    load_with_overrides,
    with_overrides,
)

Write = Callable[[str, str], Path]
SCENARIOS = Path(__file__).parents[2] / "scenarios"
runner = CliRunner()


def warned(path: Path) -> list[str]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        load_scenario(path)
    return [str(w.message) for w in caught if issubclass(w.category, ScenarioWarning)]


@pytest.mark.parametrize("path", sorted(SCENARIOS.glob("*.yaml")), ids=lambda p: p.stem)
def test_shipped_scenarios_load_without_warnings(path: Path) -> None:
    assert warned(path) == []


def test_shares_not_summing_to_1_are_scaled_with_a_warning(write: Write) -> None:
    shares = "{student: 0.1, working: 0.1, elderly: 0.2}"
    path = write("shares.yaml", f"name: s\npopulation:\n  age_shares: {shares}\n")
    (message,) = warned(path)
    assert message.startswith(f"{path}:3: population.age_shares: the shares sum to 0.4, not 1")
    assert "scaled to 0.25, 0.25, 0.5" in message
    assert "sum to 1" in message


def test_an_event_after_the_last_day_warns(write: Write) -> None:
    path = write("late.yaml", "name: late\ndays: 90\nevents:\n  - {type: epidemic, day: 120}\n")
    (message,) = warned(path)
    assert f"{path}:4: events[0].day: day 120 is after the last measured day (90)" in message
    assert "set a day from 1 to 90, or raise days" in message


def test_idle_events_warn(write: Write) -> None:
    path = write(
        "idle.yaml",
        """\
        name: idle
        events:
          - {type: campaign, day: 10, groups: []}
          - {type: campaign, day: 20, reach: 0}
          - {type: data_breach, day: 30, share: 0}
          - {type: card_crackdown, day: 40, intensity: 0}
        """,
    )
    messages = warned(path)
    assert len(messages) == 4
    assert "events[0].groups: no age group is targeted: the campaign reaches nobody" in messages[0]
    assert "events[1].reach: reach is 0" in messages[1]
    assert "events[2].share: share is 0: no record leaks" in messages[2]
    assert "events[3].intensity: intensity is 0" in messages[3]


def test_hub_settings_outside_a_hub_warn(write: Write) -> None:
    path = write(
        "nohub.yaml", "name: n\ncooperation:\n  structure: bilateral\n  hub_colocation: 0.9\n"
    )
    (message,) = warned(path)
    assert "cooperation.hub_colocation: only a hub reads hub_colocation" in message


def test_the_centres_staff_cost_outside_a_hub_warns(write: Write) -> None:
    path = write("staff.yaml", "name: s\ncosts:\n  centre_staff_per_100k: 3\n")
    (message,) = warned(path)
    assert "staff.yaml:3: costs.centre_staff_per_100k: only a hub reads" in message
    assert "the structure is 'bilateral'; set cooperation.structure: hub" in message


def test_every_key_marked_hub_only_is_cautioned_outside_a_hub() -> None:
    scenario = load_scenario(SCENARIOS / "multi_party_hub.yaml")
    data = scenario.model_dump(mode="json")
    data["cooperation"]["structure"] = "none"
    data["cooperation"]["centre"]["data_desk"] = 0.1
    data["costs"]["centre_staff_per_100k"] = 2.0
    paths = [c.path for c in cautions(scenario_from_dict(data, warn=False))]
    assert ("cooperation", "hub_colocation") in paths  # the file's 0.8
    assert ("cooperation", "centre") in paths
    assert ("costs", "centre_staff_per_100k") in paths


def test_a_hub_setting_its_own_keys_is_not_cautioned() -> None:
    scenario = load_scenario(SCENARIOS / "multi_party_hub.yaml")
    assert scenario.costs.centre_staff_per_100k > 0
    assert cautions(scenario) == []


def test_more_initial_rings_than_max_rings_warns(write: Write) -> None:
    path = write("rings.yaml", "name: r\nfraud: {rings_per_million: 100, max_rings: 50}\n")
    (message,) = warned(path)
    assert "fraud.max_rings: the market starts with 500 rings" in message


def test_an_institution_of_a_disabled_sector_warns(write: Write) -> None:
    path = write(
        "off.yaml",
        """\
        name: sector_off
        agencies:
          banks:
            enabled: false
            institutions: [{name: A, capability: 0.9}]
        """,
    )
    (message,) = warned(path)
    assert "agencies.banks.institutions[0].capability: the banks are disabled" in message


def test_overrides_warn_only_for_what_they_bring(write: Write) -> None:
    path = write("late.yaml", "name: late\nevents:\n  - {type: epidemic, day: 120}\n")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        scenario = load_scenario(path)
        assert caught == []
        with_overrides(scenario, days=60)
    (warning,) = caught
    assert str(warning.message).startswith("command-line options: events[0].day: day 120")
    assert "the scenario sets this key, not these options" in str(warning.message)
    assert "once ('days',)" not in str(warning.message)
    assert "once days is set as here" in str(warning.message)


def test_a_caution_blames_only_the_options_that_bring_it(write: Write) -> None:
    path = write("late.yaml", "name: late\nevents:\n  - {type: epidemic, day: 120}\n")
    scenario = load_scenario(path)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with_overrides(scenario, {"agencies.police.capability": 0.5}, days=60, residents=20_000)
    (warning,) = caught
    assert "once days is set as here" in str(warning.message)
    assert "capability" not in str(warning.message)


def test_a_caution_no_option_brings_alone_names_them_all_in_the_plural(write: Write) -> None:
    scenario = load_scenario(write("late.yaml", "name: late\n"))
    joint = Caution(("events", 0, "day"), Message("kind_int"), None)  # none brings it alone
    changes = {"agencies.police.capability": 0.5, "days": 60}
    causes = _causes(joint, scenario, changes, OVERRIDE_SOURCE)
    assert causes == ["agencies.police.capability", "days"]
    blamed = _with_cause(joint, causes)
    assert "once agencies.police.capability, days are set as here" in blamed.message.render("en")


def test_a_caution_about_a_key_the_overrides_set_is_theirs_alone(write: Write) -> None:
    """Set by the options themselves, the key needs no word on where it came from."""
    scenario = load_scenario(write("plain.yaml", "name: plain\n"))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with_overrides(scenario, {"events": [{"type": "epidemic", "day": 500}]})
    (warning,) = caught
    assert "events[0].day: day 500" in str(warning.message)
    assert "the scenario sets this key" not in str(warning.message)


def test_a_files_caution_the_options_put_right_is_not_said(write: Write) -> None:
    text = "name: late\ndays: 90\nevents:\n  - {type: epidemic, day: 120}\n"
    path = write("late.yaml", text)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        load_with_overrides(path, days=150)
    assert [w for w in caught if issubclass(w.category, ScenarioWarning)] == []


def test_a_files_caution_the_options_leave_is_said_at_the_files_line(write: Write) -> None:
    text = "name: late\ndays: 90\nevents:\n  - {type: epidemic, day: 120}\n"
    path = write("late.yaml", text)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        written, scenario = load_with_overrides(path, {"agencies.police.capability": 0.5})
    (warning,) = caught
    assert str(warning.message).startswith(f"{path}:4: events[0].day: day 120 is after")
    assert written.agencies.police.capability != 0.5 == scenario.agencies.police.capability


def test_run_does_not_warn_of_what_its_options_put_right(write: Write, tmp_path: Path) -> None:
    path = write("late.yaml", "name: late\ndays: 5\nevents:\n  - {type: epidemic, day: 8}\n")
    args = ["run", str(path), "--days", "10", "--residents", "1000", "--replications", "1"]
    result = runner.invoke(app, [*args, "--set", "warmup_days=0", "--out", str(tmp_path / "o")])
    assert result.exit_code == 0, result.output
    assert "Warning" not in result.stderr


def test_validate_prints_warnings_and_exits_0(write: Write) -> None:
    path = write("late.yaml", "name: late\ndays: 90\nevents:\n  - {type: epidemic, day: 120}\n")
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 0, result.output
    assert f"OK  {path}" in result.stdout
    assert f"Warning: {path}:4: events[0].day: day 120 is after" in result.stderr


def test_run_prints_warnings_and_still_runs(tmp_path: Path) -> None:
    args = ["run", str(SCENARIOS / "data_breach.yaml"), "--days", "5", "--residents", "1000"]
    result = runner.invoke(app, [*args, "--replications", "1", "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert "Warning: command-line options: events[0].day: day 60 is after the last" in result.stderr
    assert (tmp_path / "out").is_dir()


def test_overrides_told_not_to_warn_issue_nothing(write: Write) -> None:
    scenario = load_scenario(
        write("late.yaml", "name: late\nevents:\n  - {type: epidemic, day: 120}\n")
    )
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        quiet = with_overrides(scenario, days=60, warn=False)
        loud = with_overrides(scenario, days=60)
    assert len(caught) == 1  # the second call's only
    assert quiet == loud
