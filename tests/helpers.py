"""Shared helpers for tests: shipped scenarios, shrunk to test size."""

from __future__ import annotations

from pathlib import Path

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
