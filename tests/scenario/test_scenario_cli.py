"""The ``govsim validate`` and ``govsim schema`` commands, run through Typer's CliRunner."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from typer.testing import CliRunner

from govsim.cli import EXIT_INVALID, app, exits_on_scenario_error
from govsim.scenario import ScenarioError, load_scenario
from tests.helpers import SCENARIOS

MALFORMED = Path(__file__).parent / "malformed"
runner = CliRunner()


def good_file(tmp_path: Path) -> Path:
    path = tmp_path / "good.yaml"
    path.write_text("name: 好城市\ndays: 90\npopulation: {size: 12000}\n", encoding="utf-8")
    return path


def test_validate_good_file_exits_0(tmp_path: Path) -> None:
    path = good_file(tmp_path)
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 0, result.output
    assert f"OK  {path}  (name: 好城市, 12,000 residents, 90 days)" in result.stdout


def test_validate_reports_every_bad_file_and_exits_2(tmp_path: Path) -> None:
    good = good_file(tmp_path)
    several = MALFORMED / "21_several_problems.yaml"
    broken = MALFORMED / "15_yaml_syntax_error.yaml"
    result = runner.invoke(app, ["validate", str(several), str(good), str(broken)])
    assert result.exit_code == EXIT_INVALID
    assert f"OK  {good}" in result.stdout
    assert f"{several}:9: agencies.police.capability: expected a number in [0, 1]" in result.stderr
    assert f"{several}:15: dayz: unknown key; did you mean 'days'?" in result.stderr
    assert f"{broken}:7: invalid YAML" in result.stderr
    assert "Traceback" not in result.output


def test_validate_every_malformed_file_without_a_traceback() -> None:
    for path in sorted(MALFORMED.glob("[0-9][0-9]_*.yaml")):
        result = runner.invoke(app, ["validate", str(path)])
        assert result.exception is None or isinstance(result.exception, SystemExit), path
        assert "Traceback" not in result.output, path


def test_validate_missing_file_exits_2(tmp_path: Path) -> None:
    result = runner.invoke(app, ["validate", str(tmp_path / "absent.yaml")])
    assert result.exit_code == EXIT_INVALID
    assert "absent.yaml: file not found" in result.stderr


def test_no_arguments_shows_help() -> None:
    result = runner.invoke(app, [])
    assert "validate" in result.output
    assert "schema" in result.output


def test_schema_is_json_with_dialect_and_title() -> None:
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert schema["$schema"].startswith("https://json-schema.org/")
    assert schema["title"] == "govsim scenario"
    assert {"name", "population", "agencies", "cooperation", "events"} <= set(schema["properties"])


def test_schema_lets_a_file_write_only_some_age_groups() -> None:
    """Editors must not flag ``campaign_reach: {elderly: 0.9}``: the loader completes it."""
    schema = json.loads(runner.invoke(app, ["schema"]).stdout)
    for name in ("ByGroup", "ByGroupShare"):
        record = schema["$defs"][name]
        assert "required" not in record
        assert set(record["properties"]) == {"student", "working", "elderly"}
        assert record["additionalProperties"] is False


def test_schema_lets_a_file_leave_out_its_name(tmp_path: Path) -> None:
    """The loader names a file without ``name`` after the file: an editor must not flag it."""
    schema = json.loads(runner.invoke(app, ["schema"]).stdout)
    assert "name" not in schema.get("required", [])
    assert "name" in schema["properties"]
    unnamed = tmp_path / "quiet_city.yaml"
    unnamed.write_text("extends: " + str(SCENARIOS / "baseline.yaml") + "\n", encoding="utf-8")
    assert load_scenario(unnamed).name == "quiet_city"


def test_schema_output_file(tmp_path: Path) -> None:
    target = tmp_path / "scenario.schema.json"
    result = runner.invoke(app, ["schema", "--output", str(target)])
    assert result.exit_code == 0
    assert json.loads(target.read_text(encoding="utf-8"))["title"] == "govsim scenario"


def test_scenario_errors_in_any_command_exit_2() -> None:
    probe = typer.Typer()

    @probe.command()
    @exits_on_scenario_error
    def fail(name: str) -> None:
        raise ScenarioError.single("x.yaml", 3, "days", f"bad {name}")

    result = runner.invoke(probe, ["thing"])
    assert result.exit_code == EXIT_INVALID
    assert "x.yaml:3: days: bad thing" in result.stderr
    assert "Traceback" not in result.output


def test_validate_a_folder_checks_each_yaml_file(tmp_path: Path) -> None:
    good = good_file(tmp_path)
    (tmp_path / "bad.yaml").write_text("name: bad\ndayz: 3\n", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not a scenario", encoding="utf-8")
    result = runner.invoke(app, ["validate", str(tmp_path)])
    assert result.exit_code == EXIT_INVALID
    assert f"OK  {good}" in result.stdout
    assert f"{tmp_path / 'bad.yaml'}:2: dayz: unknown key" in result.stderr
    assert "notes.txt" not in result.output
    assert "is a directory" not in result.output
    assert "2 files checked: 1 with problems" in result.stderr


def test_validate_the_shipped_folder_exits_0() -> None:
    folder = Path(__file__).parents[2] / "scenarios"
    result = runner.invoke(app, ["validate", str(folder)])
    assert result.exit_code == 0, result.output
    assert result.stdout.count("OK  ") == len(list(folder.glob("*.yaml")))
    assert f"{len(list(folder.glob('*.yaml')))} files checked: 0 with problems" in result.stderr


def test_validate_an_empty_folder_fails(tmp_path: Path) -> None:
    result = runner.invoke(app, ["validate", str(tmp_path)])
    assert result.exit_code == EXIT_INVALID
    assert f"{tmp_path}: no *.yaml files; name scenario files" in result.stderr
