"""govsim: agent-based simulation of multi-party governance of telecom and online fraud."""

__version__ = "0.1.0"

from govsim.experiments import read_results
from govsim.model import GovernanceModel
from govsim.runner import RunResult, RunResults, run, run_once
from govsim.scenario import Scenario, ScenarioError, load_scenario
from govsim.scenario.overrides import with_overrides

__all__ = [
    "GovernanceModel",
    "RunResult",
    "RunResults",
    "Scenario",
    "ScenarioError",
    "__version__",
    "load_scenario",
    "read_results",
    "run",
    "run_once",
    "with_overrides",
]
