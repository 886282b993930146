"""A value written as another kind is an error, not a quiet conversion (yes as 1, "no" as false)."""

# 5e-1 is text to YAML (no dot): it stays accepted for a number, as it means 0.5.

from __future__ import annotations

import pytest

from govsim.scenario import ScenarioError, load_scenario
from govsim.scenario.kinds import declared_kind_problems, written_kind_problems
from govsim.scenario.overrides import resolved_data, with_overrides
from govsim.scenario.schema import Scenario
from tests.helpers import SCENARIOS

FILE = """\
extends: {parent}
name: 写法有误
agencies:
  police:
    capability: yes
  platforms:
    capability: off
  education:
    capability: 5e-1
  banks:
    enabled: "no"
  telecoms:
    capability: 1
fraud:
  max_rings: 400.0
"""


def nowhere(path, on_key):
    """A locator for data that came from no file."""
    return None, None


def test_every_value_written_as_another_kind_is_reported_with_its_line(tmp_path):
    path = tmp_path / "kinds.yaml"
    path.write_text(FILE.format(parent=SCENARIOS / "baseline.yaml"), encoding="utf-8")
    with pytest.raises(ScenarioError) as raised:
        load_scenario(path)
    problems = {problem.key_path: problem for problem in raised.value.problems}
    assert set(problems) == {
        "agencies.police.capability",
        "agencies.platforms.capability",
        "agencies.banks.enabled",
    }, "a whole number for a decimal one (1, 400.0 for 400), or 5e-1 (text to YAML), is fine"
    assert problems["agencies.police.capability"].line == 5
    assert problems["agencies.banks.enabled"].line == 11
    english = raised.value.render("en")
    assert "agencies.police.capability: expected a number, got true" in english
    assert "agencies.platforms.capability: expected a number, got false" in english
    assert "agencies.banks.enabled: expected true or false, got 'no'" in english
    assert "应为数字，实为 true" in raised.value.render("zh")


def test_shipped_scenarios_are_written_as_their_kinds():
    for path in sorted(SCENARIOS.glob("*.yaml")):
        load_scenario(path)


def test_a_value_written_as_another_kind_is_reported_with_the_other_problems(tmp_path):
    """Not only once the rest is fixed: a `yes` beside an out-of-range value, both at once."""
    path = tmp_path / "kinds.yaml"
    text = FILE.format(parent=SCENARIOS / "baseline.yaml")
    path.write_text(text + "population:\n  size: -5\n", encoding="utf-8")
    with pytest.raises(ScenarioError) as raised:
        load_scenario(path)
    problems = {problem.key_path: problem for problem in raised.value.problems}
    assert set(problems) == {
        "population.size",
        "agencies.police.capability",
        "agencies.platforms.capability",
        "agencies.banks.enabled",
    }
    assert problems["agencies.police.capability"].line == 5


def test_the_declared_types_find_what_the_validated_values_find():
    """Both walks over every shipped scenario's data, each value flipped to a boolean."""
    scenario = load_scenario(SCENARIOS / "multi_party_hub.yaml")
    data = resolved_data(scenario)
    data["agencies"]["police"]["capability"] = True
    data["agencies"]["banks"]["enabled"] = "no"
    data["cooperation"]["links"]["police-bank"] = False
    validated = Scenario.model_validate(data)
    by_values = {p.key_path for p in written_kind_problems(data, validated, nowhere)}
    by_types = {p.key_path for p in declared_kind_problems(data, Scenario, nowhere)}
    assert (
        by_types
        == by_values
        == {
            "agencies.police.capability",
            "agencies.banks.enabled",
            "cooperation.links.police-bank",
        }
    )


@pytest.mark.parametrize(
    ("settings", "said"),
    [
        ({"agencies.banks.enabled": 1}, "agencies.banks.enabled: expected true or false, got 1"),
        ({"agencies.police.capability": True}, "agencies.police.capability: expected a number"),
        ({"cooperation.links.bank-police": True}, "cooperation.links.police-bank: expected a"),
        ({"events": [{"type": "campaign", "day": 10, "reach": True}]}, "events[0].reach: expec"),
    ],
)
def test_a_value_set_as_another_kind_is_refused_where_it_was_set(settings, said) -> None:
    """Overrides check the values they set (the rest of a loaded scenario was checked)."""
    scenario = load_scenario(SCENARIOS / "baseline.yaml")
    with pytest.raises(ScenarioError) as raised:
        with_overrides(scenario, settings)
    assert said in str(raised.value)
    switched = with_overrides(scenario, {"agencies.banks.enabled": False})
    assert switched.agencies.banks.enabled is False


def test_a_value_set_then_replaced_from_above_is_not_looked_for() -> None:
    scenario = load_scenario(SCENARIOS / "data_breach.yaml")
    assert with_overrides(scenario, {"events.0.day": 5, "events": []}).events == []
