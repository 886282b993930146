"""Shared helpers for tests: shipped scenarios, shrunk to test size."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from govsim.scenario import Scenario, load_scenario
from govsim.scenario.overrides import with_overrides

ROOT = Path(__file__).resolve().parents[1]
SCENARIOS = ROOT / "scenarios"
SHIPPED = sorted(p.stem for p in SCENARIOS.glob("*.yaml"))


def shipped(
    name: str, *, residents: int = 3_000, days: int = 60, warmup: int | None = 30
) -> Scenario:
    """A shipped scenario with a smaller city, a shorter horizon and (unless None) warm-up."""
    scenario = load_scenario(SCENARIOS / f"{name}.yaml")
    settings = {} if warmup is None else {"warmup_days": warmup}
    return with_overrides(scenario, days=days, residents=residents, settings=settings)


IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")
"""CI must run the browser tests: there a missing browser fails instead of skipping."""


def system_chromium() -> str:
    """The system's Chromium (never a downloaded one); skip without it, except in CI."""
    path = shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(path).exists():
        if IN_CI:
            pytest.fail("CI runs the browser tests: install Debian's chromium (see .ci/run)")
        pytest.skip("needs the system's chromium")
    return path
