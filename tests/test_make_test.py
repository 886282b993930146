"""`make test`: the long statistical tests stay out locally and run in CI."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess

import pytest
from typer.testing import CliRunner

from govsim.cli import app
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


@pytest.mark.skipif(shutil.which("make") is None, reason="needs make")
def test_make_run_can_be_run_again(tmp_path):
    # The README's first command must keep working the second time, over its own results.
    clean = {k: v for k, v in os.environ.items() if k != "MAKEFLAGS"}
    done = subprocess.run(
        ["make", "-n", "run"], cwd=ROOT, env=clean, capture_output=True, text=True, check=True
    )
    text = done.stdout.replace("\\\n", " ")
    line = next(line for line in text.splitlines() if "govsim " in line)
    args = shlex.split(line.split("govsim", 1)[1])
    out = args.index("--out")
    args[out + 1] = str(tmp_path / "results")
    args = [str(ROOT / a) if a.endswith(".yaml") else a for a in args]
    small = ["--residents", "1000", "--days", "5", "--replications", "2", "--workers", "1"]
    for _ in range(2):
        result = CliRunner().invoke(app, [*args, *small])
        assert result.exit_code == 0, result.output
