"""``govsim show``: effective link levels beside the written ones, and ``--diff``/``--against``."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import yaml
from typer.testing import CliRunner

from govsim.cli import EXIT_INVALID, app
from govsim.scenario import dump_scenario, load_scenario
from govsim.scenario.showing import differences, show_text, side_by_side

Write = Callable[[str, str], Path]
SCENARIOS = Path(__file__).parents[2] / "scenarios"
runner = CliRunner()
HUB = """\
name: weak_bank_hub
extends: {parent}
cooperation:
  links:
    bank-police: 0.3
"""


def test_show_prints_the_hubs_effective_level_beside_the_written_one(write: Write) -> None:
    path = write("hub.yaml", HUB.format(parent=SCENARIOS / "multi_party_hub.yaml"))
    result = runner.invoke(app, ["show", str(path)])
    assert result.exit_code == 0, result.output
    assert (
        "    police-bank: 0.3  # effective 0.86 (hub: closes 0.8 of the gap to 1)" in result.stdout
    )
    assert "    police-police: 0.8\n" in result.stdout  # police-police is not raised in a hub


def test_show_stays_yaml_that_loads_back_to_the_same_scenario(write: Write) -> None:
    path = write("hub.yaml", HUB.format(parent=SCENARIOS / "multi_party_hub.yaml"))
    scenario = load_scenario(path)
    text = show_text(scenario)
    assert yaml.safe_load(text) == yaml.safe_load(dump_scenario(scenario))
    assert load_scenario(write("again.yaml", text)) == scenario


def test_show_names_links_left_out_that_a_hub_raises(write: Write) -> None:
    path = write("bare.yaml", "name: bare\ncooperation: {structure: hub}\n")
    text = show_text(load_scenario(path))
    assert (
        "    # bank-telecom: not written, effective 0.7 (hub: closes 0.7 of the gap to 1)" in text
    )
    assert "police-police: not written" not in text


def test_show_says_structure_none_counts_links_as_0() -> None:
    text = show_text(load_scenario(SCENARIOS / "uncoordinated.yaml"))
    assert "police-bank: 0.4  # effective 0 (structure none: every link counts as 0)" in text


def test_show_of_a_bilateral_scenario_has_no_link_comments() -> None:
    text = show_text(load_scenario(SCENARIOS / "baseline.yaml"))
    assert "# effective" not in text
    assert text == dump_scenario(load_scenario(SCENARIOS / "baseline.yaml"))


def test_diff_lists_what_a_file_changes_against_its_parent(write: Write) -> None:
    parent = SCENARIOS / "multi_party_hub.yaml"
    path = write("hub.yaml", HUB.format(parent=parent))
    result = runner.invoke(app, ["show", str(path), "--diff"])
    assert result.exit_code == 0, result.output
    lines = [line.split() for line in result.stdout.splitlines()]
    assert lines[0] == ["key", "path", str(parent), str(path)]
    assert ["name", "multi_party_hub", "weak_bank_hub"] in lines
    assert ["cooperation.links.police-bank", "0.9", "0.3"] in lines
    assert ["cooperation.links.police-bank", "(effective)", "0.98", "0.86"] in lines
    assert len(lines) == 4


def test_diff_shows_effective_levels_the_structure_changes() -> None:
    changes = differences(
        load_scenario(SCENARIOS / "baseline.yaml"), load_scenario(SCENARIOS / "uncoordinated.yaml")
    )
    paths = {change.key_path: (change.before, change.after) for change in changes}
    assert paths["cooperation.structure"] == ("bilateral", "none")
    assert paths["cooperation.links.police-bank (effective)"] == (0.4, 0.0)
    assert "cooperation.links.police-bank" not in paths  # the written level is unchanged


def test_diff_against_another_file() -> None:
    bilateral, hub = SCENARIOS / "bilateral.yaml", SCENARIOS / "multi_party_hub.yaml"
    result = runner.invoke(app, ["show", str(hub), "--against", str(bilateral)])
    assert result.exit_code == 0, result.output
    assert "cooperation.structure" in result.stdout
    assert "agencies.police.capability" in result.stdout


def test_diff_of_a_file_without_a_parent_asks_for_against() -> None:
    result = runner.invoke(app, ["show", str(SCENARIOS / "baseline.yaml"), "--diff"])
    assert result.exit_code == EXIT_INVALID
    assert "extends no other scenario" in result.stderr
    assert "--against OTHER.yaml" in result.stderr


def test_diff_of_equal_scenarios_says_so() -> None:
    baseline = str(SCENARIOS / "baseline.yaml")
    result = runner.invoke(app, ["show", baseline, "--against", baseline])
    assert result.exit_code == 0
    assert "no differences" in result.stdout


def test_asking_for_levels_does_not_change_equality() -> None:
    first = load_scenario(SCENARIOS / "multi_party_hub.yaml")
    second = load_scenario(SCENARIOS / "multi_party_hub.yaml")
    show_text(first)  # remembers the levels it asked for
    assert first == second
    assert first != load_scenario(SCENARIOS / "bilateral.yaml")


def test_side_by_side_gives_each_scenario_its_own_effective_level(write: Write) -> None:
    """Three scenarios: one raising a link itself, one whose hub raises it.

    The report of a three-way comparison showed the first's effective 0.4 for the scenario
    that raised the link to 0.8 itself, two rows below its written 0.8.
    """
    raised = write(
        "raised.yaml",
        f"name: raised\nextends: {SCENARIOS / 'baseline.yaml'}\n"
        "cooperation:\n  links:\n    police-bank: 0.8\n",
    )
    scenarios = [
        load_scenario(SCENARIOS / "baseline.yaml"),
        load_scenario(raised),
        load_scenario(SCENARIOS / "baseline_with_centre.yaml"),
    ]
    rows = side_by_side(scenarios)
    assert rows["cooperation.links.police-bank"] == [0.4, 0.8, 0.4]
    effective = rows["cooperation.links.police-bank (effective)"]
    assert effective == [0.4, 0.8, scenarios[2].cooperation.level("police-bank")]
    assert effective[2] > 0.8
    assert rows["cooperation.structure"] == ["bilateral", "bilateral", "hub"]


def test_diff_in_chinese_has_a_chinese_header() -> None:
    """The header followed the language nowhere: 'key path' above Chinese warnings."""
    path = SCENARIOS / "bank_only.yaml"
    result = runner.invoke(app, ["show", str(path), "--diff", "--lang", "zh"])
    assert result.exit_code == 0, result.output
    header = result.stdout.splitlines()[0].split()
    assert header == ["参数路径", str(SCENARIOS / "baseline.yaml"), str(path)]
    same = runner.invoke(app, ["show", str(path), "--against", str(path), "--lang", "zh"])
    assert same.stdout.strip() == f"{path} 与 {path} 没有差异"
