"""Names that pick results folders: refused where a file system would misread them."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govsim.experiments import load_experiment
from govsim.scenario import ScenarioError, load_scenario
from govsim.scenario.folder_names import MAX_LENGTH, folder_name_problem, folder_safe
from tests.experiments.builders import experiment_file
from tests.helpers import ROOT

BASELINE = ROOT / "scenarios" / "baseline.yaml"


@pytest.mark.parametrize(
    "name",
    ["baseline", "multi_party_hub", "加强宣传", "hub (weak banks)", "hub v1.2", "a-b_c", "x" * 100],
)
def test_names_a_folder_can_carry_are_accepted(name: str) -> None:
    assert folder_name_problem(name) is None


@pytest.mark.parametrize(
    ("name", "why"),
    [
        ("../shared", "'..'"),
        ("..", "'..'"),
        ("a/b", "cannot"),
        ("a\\b", "cannot"),
        ("hub: strong", "cannot"),
        ("what?", "cannot"),
        ("tab\there", "control character"),
        ("", "blank"),
        ("   ", "blank"),
        ("hub.", "ends with a dot"),
        ("hub ", "ends with a dot or a space"),
        ("NUL", "device"),
        ("com1.backup", "device"),
        ("x" * (MAX_LENGTH + 1), "longer than"),
    ],
)
def test_names_a_folder_cannot_carry_are_refused_with_a_reason(name: str, why: str) -> None:
    problem = folder_name_problem(name)
    assert problem is not None
    message, fix = problem
    assert why in message
    assert folder_name_problem(fix.split("e.g. ")[-1]) is None, "the fix suggests a safe name"


@given(st.text(max_size=120))
def test_the_suggested_name_is_always_safe(name: str) -> None:
    assert folder_name_problem(folder_safe(name)) is None


def test_a_scenario_named_as_a_path_is_refused_at_its_line(tmp_path: Path) -> None:
    path = tmp_path / "child.yaml"
    path.write_text(f"extends: {BASELINE}\nname: ../elsewhere\n", encoding="utf-8")
    with pytest.raises(ScenarioError) as caught:
        load_scenario(path)
    (problem,) = caught.value.problems
    assert problem.line == 2
    assert problem.key_path == "name"
    assert "'../elsewhere' cannot name a results folder" in problem.render("en")
    assert "不能用作结果文件夹名" in problem.render("zh")


@pytest.mark.parametrize("stem", ["CON", "trail. "])
def test_a_file_without_a_name_must_have_a_file_name_that_names_a_folder(
    tmp_path: Path, stem: str
) -> None:
    """Its name is its file name: refused in this file, not at the name of the one it extends."""
    path = tmp_path / f"{stem}.yaml"
    path.write_text(f"extends: {BASELINE}\n", encoding="utf-8")
    with pytest.raises(ScenarioError) as caught:
        load_scenario(path)
    (problem,) = caught.value.problems
    assert (problem.file, problem.key_path) == (str(path), "name")
    assert f"'{stem}' cannot name a results folder" in problem.render("en")
    assert "named after its file" in problem.render("en")
    assert f"add a line name: {folder_safe(stem)}" in problem.render("en")
    assert "以文件名命名" in problem.render("zh")


def test_an_experiment_named_as_a_path_is_refused_at_its_line(tmp_path: Path) -> None:
    path = experiment_file(tmp_path)
    path.write_text("name: ../up\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(ScenarioError) as caught:
        load_experiment(path)
    (problem,) = caught.value.problems
    assert (problem.line, problem.key_path) == (1, "name")
    assert "'../up' cannot name a results folder" in problem.render("en")
