"""Every malformed scenario in malformed/ fails with the messages named in its header.

Each file says what its error must contain with ``# expect: fragment`` lines (a fragment such as
``:7: agencies.police.capability: expected a number in [0, 1], got 1.5`` pins the line number
too), and ``# xfail: reason`` for a case the schema does not catch yet.
"""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from govsim.scenario import ScenarioError, load_scenario

MALFORMED = Path(__file__).parent / "malformed"
CASES = sorted(MALFORMED.glob("[0-9][0-9]_*.yaml"))


def header(path: Path, tag: str) -> list[str]:
    prefix = f"# {tag}:"
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.removeprefix(prefix).strip() for line in lines if line.startswith(prefix)]


def case(path: Path) -> pytest.param:
    reasons = header(path, "xfail")
    marks = [pytest.mark.xfail(reason=reasons[0], strict=True)] if reasons else []
    return pytest.param(path, id=path.stem, marks=marks)


def test_there_are_enough_cases() -> None:
    assert len(CASES) >= 18
    assert all(header(path, "expect") for path in CASES)


@pytest.mark.parametrize("path", [case(path) for path in CASES])
def test_malformed_scenario_is_reported(path: Path) -> None:
    with pytest.raises(ScenarioError) as caught:
        load_scenario(path)
    message = str(caught.value)
    for fragment in header(path, "expect"):
        assert fragment in message
    assert all(problem.file and problem.message for problem in caught.value.problems)
    assert "Traceback" not in message


def test_several_problems_come_together() -> None:
    with pytest.raises(ScenarioError) as caught:
        load_scenario(MALFORMED / "21_several_problems.yaml")
    problems = caught.value.problems
    assert len(problems) == 5
    assert [problem.line for problem in problems] == sorted(p.line for p in problems)
    assert str(caught.value).count("\n") == 4


def test_problem_records_are_structured() -> None:
    with pytest.raises(ScenarioError) as caught:
        load_scenario(MALFORMED / "02_unknown_nested_key.yaml")
    (problem,) = caught.value.problems
    assert problem.file == str(MALFORMED / "02_unknown_nested_key.yaml")
    assert problem.line == 6
    assert problem.key_path == "agencies.polise"
    assert problem.message == "unknown key"
    assert problem.hint == "did you mean 'police'?"
    assert problem.expected is not None
    assert "police" in problem.expected


def test_scenario_error_survives_pickling() -> None:
    with pytest.raises(ScenarioError) as caught:
        load_scenario(MALFORMED / "03_capability_out_of_range.yaml")
    copy = pickle.loads(pickle.dumps(caught.value))
    assert copy.problems == caught.value.problems
    assert str(copy) == str(caught.value)


def test_a_long_list_of_problems_ends_with_how_many_more(tmp_path: Path) -> None:
    path = tmp_path / "many.yaml"
    path.write_text("name: many\n" + "".join(f"key_{n}: 1\n" for n in range(40)), "utf-8")
    with pytest.raises(ScenarioError) as caught:
        load_scenario(path)
    assert len(caught.value.problems) == 40
    lines = str(caught.value).splitlines()
    assert len(lines) == 31
    assert lines[-1] == "... and 10 more problem(s), not shown: fix these and check again"
    assert caught.value.render("zh").endswith(
        "……另有 10 处问题未列出：请先改正以上问题，再检查一次"
    )
    assert len(caught.value.render(limit=None).splitlines()) == 40
