"""Experiment files: what they accept, and errors that name the file, line, key path and fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from govsim.experiments import load_experiment
from govsim.scenario import ScenarioError
from govsim.scenario.messages import in_language
from tests.experiments.builders import TINY, experiment_file
from tests.helpers import ROOT
from tests.scenario.test_messages import ENGLISH_TEMPLATE_WORDS, HAN

SHIPPED = sorted((ROOT / "experiments").glob("*.yaml"))


def _problems(path: Path) -> list[str]:
    with pytest.raises(ScenarioError) as caught:
        load_experiment(path)
    return [problem.render() for problem in caught.value.problems]


def test_shipped_experiments_exist() -> None:
    assert "cooperation_grid" in [path.stem for path in SHIPPED]


@pytest.mark.parametrize("path", SHIPPED, ids=lambda path: path.stem)
def test_shipped_experiment_validates(path: Path) -> None:
    experiment = load_experiment(path)
    assert experiment.runs == len(experiment.points) * experiment.spec.replications
    assert experiment.spec.outcomes, "each shipped experiment names its outcomes"


def test_cooperation_grid_crosses_the_two_links() -> None:
    experiment = load_experiment(ROOT / "experiments" / "cooperation_grid.yaml")
    assert experiment.levers == [
        "cooperation.links.police-bank",
        "cooperation.links.police-telecom",
    ]
    pairs = {tuple(point.values()) for point in experiment.points}
    assert len(pairs) == len(experiment.points) == 25


def test_grid_points_and_common_seeds(tmp_path: Path) -> None:
    experiment = load_experiment(experiment_file(tmp_path))
    assert len(experiment.points) == 4
    assert experiment.runs == 8
    assert len(set(experiment.seeds)) == 2
    assert experiment.scenario.population.size == 1000  # fixed applied to the base


def test_unknown_key_paths_each_reported_with_a_suggestion(tmp_path: Path) -> None:
    levers = {
        "agencies.police.capabilty": {"levels": [0.2, 0.4]},
        "agencies.bankz.capability": {"levels": [0.2, 0.4]},
    }
    problems = _problems(experiment_file(tmp_path, levers=levers))
    assert len(problems) == 2
    assert "levers.agencies.police.capabilty: no such key in the scenario" in problems[0]
    assert "did you mean 'agencies.police.capability'?" in problems[0]
    assert problems[0].startswith(f"{tmp_path / 'tiny.yaml'}:")


def test_levels_the_scenario_refuses_point_at_their_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(
        "scenario: " + str(ROOT / "scenarios" / "baseline.yaml") + "\n"
        "levers:\n"
        "  cooperation.links.police-bank:\n"
        "    levels:\n"
        "      - 0.5\n"
        "      - 1.5\n",
        encoding="utf-8",
    )
    (problem,) = _problems(path)
    assert problem.startswith(f"{path}:6: levers.cooperation.links.police-bank.levels[1]:")
    assert "[0, 1]" in problem
    assert "1.5" in problem


def test_a_range_leaving_the_scenario_is_one_problem(tmp_path: Path) -> None:
    uncertainties = {"population.report_delay_sigma": {"range": [-1, 1]}}
    path = experiment_file(tmp_path, design="lhs", samples=20, uncertainties=uncertainties)
    (problem,) = _problems(path)
    assert "uncertainties.population.report_delay_sigma.range" in problem
    assert "leaves what the scenario takes" in problem


MALFORMED = [
    ({"design": "grdi"}, "did you mean 'grid'?"),
    ({"replications": 0}, "replications: expected a whole number >= 1"),
    ({"outcomes": ["net_los"]}, "did you mean 'net_loss'?"),
    ({"design": "lhs"}, "the lhs design needs samples"),
    ({"samples": 4}, "a grid runs every combination of levels"),
    ({"scenario": "nowhere.yaml"}, "no scenario file"),
    ({"levers": {"days": {"levels": [10, 12.5], "integer": True}}}, "whole number"),
    ({"levers": {"days": {"range": [20, 10]}}, "design": "lhs", "samples": 2}, "is empty"),
    ({"levers": {"days": {"levels": [10], "range": [1, 2]}}}, "either levels or range"),
    ({"design": "sobol", "samples": 4}, "needs a range, not levels"),
    ({"fixed": {"days": 0}}, "fixed.days: expected a whole number in [1"),
    ({"colour": "red"}, "colour: unknown key"),
]
"""Experiment files with one mistake each, and what the problem says."""


@pytest.mark.parametrize(("keys", "expected"), MALFORMED)
def test_malformed_experiment_files(tmp_path: Path, keys: dict, expected: str) -> None:
    problems = _problems(experiment_file(tmp_path, **keys))
    assert any(expected in problem for problem in problems), problems


@pytest.mark.parametrize(("keys", "expected"), MALFORMED)
def test_malformed_experiment_files_are_explained_in_chinese(
    tmp_path: Path, keys: dict, expected: str
) -> None:
    with pytest.raises(ScenarioError) as caught:
        load_experiment(experiment_file(tmp_path, **keys))
    for problem in caught.value.problems:
        said = problem.render("zh").replace(str(tmp_path), "")
        assert HAN.search(str(in_language(problem.message, "zh"))), said
        assert expected not in said
        assert not any(word in said.lower() for word in ENGLISH_TEMPLATE_WORDS), said


def test_a_range_leaving_the_scenario_is_explained_in_chinese(tmp_path: Path) -> None:
    levers = {"cooperation.links.police-bank": {"range": [0.5, 1.5]}}
    path = experiment_file(tmp_path, design="lhs", samples=8, levers=levers, uncertainties={})
    with pytest.raises(ScenarioError) as caught:
        load_experiment(path)
    (problem,) = caught.value.problems
    assert "the range [0.5, 1.5] leaves what the scenario takes: link 'police-bank' must be" in (
        problem.render()
    )
    assert "范围 [0.5, 1.5] 超出了情景可接受的值：链路 'police-bank' 的值应在 0 到 1 之间" in (
        problem.render("zh")
    )


def test_a_lever_that_is_also_an_uncertainty(tmp_path: Path) -> None:
    both = {"fraud.rings_per_million": {"levels": [8, 16]}}
    problems = _problems(experiment_file(tmp_path, levers=both))
    assert any("is both a lever and an uncertainty" in problem for problem in problems)


@pytest.mark.parametrize(("design", "count"), [("random", 6), ("lhs", 6), ("sobol", 4 * 8)])
def test_sampled_designs_stay_in_range(tmp_path: Path, design: str, count: int) -> None:
    parameters = {
        "cooperation.links.police-bank": {"range": [0.1, 0.9]},
        "agencies.police.capability": {"range": [0.2, 0.6]},
        "fraud.rings_per_million": {"range": [4, 20], "integer": True},
    }
    samples = 4 if design == "sobol" else 6
    path = experiment_file(
        tmp_path, levers=parameters, uncertainties={}, design=design, samples=samples
    )
    experiment = load_experiment(path)
    assert len(experiment.points) == count
    for point in experiment.points:
        assert 0.1 <= point["cooperation.links.police-bank"] <= 0.9
        # Drawn a whole number; stored as the scenario takes it (rings per million is a float).
        assert float(point["fraud.rings_per_million"]).is_integer()
    assert all(isinstance(point["fraud.rings_per_million"], int) for point in experiment.drawn)
    again = load_experiment(path)
    assert again.points == experiment.points
    assert again.fingerprint() == experiment.fingerprint()


def test_morris_trajectories(tmp_path: Path) -> None:
    parameters = {
        "cooperation.links.police-bank": {"range": [0.0, 1.0]},
        "agencies.police.capability": {"range": [0.0, 1.0]},
    }
    path = experiment_file(
        tmp_path, levers=parameters, uncertainties={}, design="morris", samples=3
    )
    assert len(load_experiment(path).points) == 3 * (2 + 1)


@pytest.mark.parametrize(
    ("lever", "said"),
    [
        ({"levels": []}, "levels: expected at least 1 item(s), got 0; list at least 1 value"),
        ({"range": [0.5]}, "range: expected 2 values in brackets, got 1; write both ends"),
    ],
)
def test_a_short_list_is_explained_with_its_fix(tmp_path, lever, said):
    path = experiment_file(tmp_path, levers={"cooperation.links.police-bank": lever})
    with pytest.raises(ScenarioError) as raised:
        load_experiment(path)
    assert said in raised.value.render("en")
    assert "List should have" not in raised.value.render("en")


# --- Two keys that set one value --------------------------------------------------------------

BASELINE = ROOT / "scenarios" / "baseline.yaml"


def _written(tmp_path: Path, body: str, name: str = "overlap") -> Path:
    """An experiment over the baseline, its keys written out so that their lines are known."""
    path = tmp_path / f"{name}.yaml"
    path.write_text(f"scenario: {BASELINE}\n{body}", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("body", "later", "earlier"),
    [
        (  # the walkthrough's file: the bank-police column varied, the model used 0.5
            "levers:\n"
            "  cooperation.links.bank-police: {levels: [0.0, 0.9]}\n"
            "  cooperation.links.police-bank: {levels: [0.5]}\n",
            "4: levers.cooperation.links.police-bank",
            "levers.cooperation.links.bank-police (line 3)",
        ),
        (
            "uncertainties:\n"
            "  cooperation.links.telecom-police: {levels: [0.1]}\n"
            "  cooperation.links.police-telecom: {levels: [0.5]}\n",
            "4: uncertainties.cooperation.links.police-telecom",
            "uncertainties.cooperation.links.telecom-police (line 3)",
        ),
        (
            "fixed:\n  cooperation.links.bank-police: 0.2\n  cooperation.links.police-bank: 0.4\n",
            "4: fixed.cooperation.links.police-bank",
            "fixed.cooperation.links.bank-police (line 3)",
        ),
        (
            "fixed:\n  agencies.police.capability: 0.3\n"
            "levers:\n  agencies.police.capability: {levels: [0.2, 0.4]}\n",
            "5: levers.agencies.police.capability",
            "fixed.agencies.police.capability (line 3)",
        ),
        (
            "uncertainties:\n  cooperation.links.bank-police: {levels: [0.2, 0.4]}\n"
            "fixed:\n  cooperation.links.police-bank: 0.3\n",
            "5: fixed.cooperation.links.police-bank",
            "uncertainties.cooperation.links.bank-police (line 3)",
        ),
        (
            "levers:\n  cooperation.links.police-bank: {levels: [0.2, 0.4]}\n"
            "uncertainties:\n  cooperation.links.bank-police: {levels: [0.1, 0.3]}\n",
            "5: uncertainties.cooperation.links.bank-police",
            "levers.cooperation.links.police-bank (line 3)",
        ),
    ],
    ids=["levers", "uncertainties", "fixed", "fixed-levers", "uncertainties-fixed", "both"],
)
def test_two_keys_that_set_one_value_are_refused_naming_both(
    tmp_path: Path, body: str, later: str, earlier: str
) -> None:
    path = _written(tmp_path, body)
    (problem,) = _problems(path)
    assert problem.startswith(f"{path}:{later}: "), problem
    assert earlier in problem
    assert problem.count(";") == 1, "a fix follows"


def test_a_key_fixed_and_varied_is_told_which_to_remove(tmp_path: Path) -> None:
    path = _written(tmp_path, "fixed:\n  days: 12\nlevers:\n  days: {levels: [10, 14]}\n")
    (problem,) = _problems(path)
    assert "remove it from fixed to vary it, or from levers to hold it fixed" in problem


def test_a_key_inside_one_set_whole_is_refused(tmp_path: Path) -> None:
    body = (
        "fixed:\n  agencies.police.capability: 0.3\n"
        "levers:\n  agencies.police: {levels: [{capability: 0.2}, {capability: 0.4}]}\n"
    )
    (problem,) = _problems(_written(tmp_path, body))
    assert ":3: fixed.agencies.police.capability: lies inside levers.agencies.police" in problem
    assert "put the value into each level of levers.agencies.police" in problem


def test_a_lever_inside_what_fixed_sets_refines_it(tmp_path: Path) -> None:
    body = (
        "fixed:\n  agencies.police: {capability: 0.3}\n"
        "levers:\n  agencies.police.capability: {levels: [0.2, 0.4]}\n"
    )
    experiment = load_experiment(_written(tmp_path, body))
    assert [point["agencies.police.capability"] for point in experiment.points] == [0.2, 0.4]


# --- What the file is, and the name taken from it ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("", "the file is empty; an experiment needs at least 'scenario: ...'"),
        ("- scenario: x.yaml\n", "start with 'scenario: ...' at the left margin"),
    ],
)
def test_an_empty_or_listed_file_is_told_it_needs_a_scenario(tmp_path, text, said) -> None:
    path = tmp_path / "experiment.yaml"
    path.write_text(text, encoding="utf-8")
    (problem,) = _problems(path)
    assert said in problem
    assert "name: ..." not in problem


@pytest.mark.parametrize(("stem", "safe"), [("CON", "CON_"), ("trail. ", "trail")])
def test_a_file_name_that_cannot_name_a_folder_is_refused(tmp_path, stem, safe) -> None:
    path = _written(tmp_path, "", name=stem)
    (problem,) = _problems(path)
    assert problem.startswith(f"{path}:1: the experiment is named after its file: '{stem}'")
    assert problem.endswith(f"add a line name: {safe} (or rename the file)")
    path.write_text(path.read_text() + f"name: {safe}\n", encoding="utf-8")
    assert load_experiment(path).name == safe


def test_independent_problems_are_reported_in_one_pass(tmp_path: Path) -> None:
    """A misspelt key hid the others, and a key path the scenario lacks came a pass later."""
    path = experiment_file(
        tmp_path,
        levers={
            "agencies.police.capabilty": {"levels": [0.2, 0.8]},
            "cooperation.links.police-bank": {"range": [0.8, 0.2]},
        },
        samples=8,
        replication=3,
        outcomes=["victim", "net_loss"],
    )
    with pytest.raises(ScenarioError) as error:
        load_experiment(path)
    said = {(problem.key_path, str(problem.message)) for problem in error.value.problems}
    assert len(said) == 6, said
    assert {key_path for key_path, _ in said} == {
        "replication",
        "levers.agencies.police.capabilty",
        "levers.cooperation.links.police-bank.range",
        "samples",
        "outcomes[0]",
    }
    assert "did you mean 'agencies.police.capability'?" in str(error.value)


def test_problems_of_fixed_are_reported_with_those_of_the_file(tmp_path: Path) -> None:
    path = experiment_file(tmp_path, fixed={**TINY, "days": -1}, outcomes=["victim"])
    with pytest.raises(ScenarioError) as error:
        load_experiment(path)
    assert {problem.key_path for problem in error.value.problems} == {"fixed.days", "outcomes[0]"}
