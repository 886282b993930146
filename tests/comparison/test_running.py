"""Which scenarios can be compared: two or more, distinct names, names that make folders."""

from __future__ import annotations

import pytest

from govsim.comparison.running import check_scenarios
from govsim.scenario import ScenarioError
from tests.helpers import shipped


def named(*names: str):
    base = shipped("baseline", residents=1000, days=5, warmup=5)
    return [base.model_copy(update={"name": name}) for name in names]


@pytest.mark.parametrize(
    ("names", "message"),
    [
        (("a",), "at least two scenario files"),
        (("a", "a"), "two scenarios are named a"),
        (("a", "report.html"), "comparison's own files"),
    ],
)
def test_what_cannot_be_compared_is_refused(names, message):
    with pytest.raises(ValueError, match=message):
        check_scenarios(named(*names))


@pytest.mark.parametrize("name", ["../b", "b/c", ".."])
def test_a_name_that_is_no_folder_is_refused_before_any_comparison(name):
    with pytest.raises(ScenarioError, match="cannot name a results folder"):
        named("a", name)


def test_distinct_plain_names_pass():
    check_scenarios(named("police_only", "多方合成"))
