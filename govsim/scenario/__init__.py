"""Scenario files: the schema, loading with ``extends``, and readable errors."""

from govsim.scenario.errors import Problem, ScenarioError
from govsim.scenario.loading import (
    dump_scenario,
    load_scenario,
    load_scenario_data,
    scenario_from_dict,
)
from govsim.scenario.schema import Agencies, Scenario

__all__ = [
    "Agencies",
    "Problem",
    "Scenario",
    "ScenarioError",
    "dump_scenario",
    "load_scenario",
    "load_scenario_data",
    "scenario_from_dict",
]
