"""Command-line overrides of a loaded scenario (days, residents), validated like a file."""

from __future__ import annotations

from govsim.scenario.loading import scenario_from_dict
from govsim.scenario.schema import Scenario

OVERRIDE_SOURCE = "command-line options"


def with_overrides(
    scenario: Scenario, *, days: int | None = None, residents: int | None = None
) -> Scenario:
    """Return the scenario with ``days`` and ``population.size`` replaced, re-validated.

    Raises:
        ScenarioError: if an override is out of range or the city would not fit in memory.
    """
    if days is None and residents is None:
        return scenario
    data = scenario.model_dump(mode="json", exclude={"extends"})
    if days is not None:
        data["days"] = days
    if residents is not None:
        data["population"]["size"] = residents
    return scenario_from_dict(data, source=OVERRIDE_SOURCE)
