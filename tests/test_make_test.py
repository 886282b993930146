"""`make test`: the long statistical tests stay out locally and run in CI."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest

from tests import test_inert_parameters, test_size_invariance, test_stylized_facts
from tests.helpers import ROOT
from tests.mechanisms import test_market_chances


def pytest_command(**env: str) -> str:
    """The pytest line `make test` would run with this environment (nothing is run)."""
    clean = {k: v for k, v in os.environ.items() if k not in ("CI", "SLOW", "MAKEFLAGS")}
    done = subprocess.run(
        ["make", "-n", "test"],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        check=True,
    )
    return next(line for line in done.stdout.splitlines() if "pytest" in line)


@pytest.mark.skipif(shutil.which("make") is None, reason="needs make")
def test_make_test_leaves_the_slow_tests_out_locally_only():
    assert '-m "not slow"' in pytest_command()
    assert '-m "not slow"' in pytest_command(CI="false")
    assert "-m" not in pytest_command(CI="true").split("pytest")[1]
    assert "-m" not in pytest_command(SLOW="1").split("pytest")[1]


def marks(item: object) -> set[str]:
    found = getattr(item, "pytestmark", [])
    return {mark.name for mark in (found if isinstance(found, list) else [found])}


def test_the_long_statistical_tests_are_marked_slow():
    for module in (test_stylized_facts, test_size_invariance, test_market_chances):
        assert "slow" in marks(module), module.__name__
    inert = test_inert_parameters
    for test in (
        inert.test_every_hub_parameter_moves_the_summary,
        inert.test_every_event_parameter_moves_its_scenario,
        inert.test_parameters_idle_in_the_hub_act_where_they_apply,
    ):
        assert "slow" in marks(test), test.__name__
