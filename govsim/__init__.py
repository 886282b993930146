"""govsim: agent-based simulation of multi-party governance of telecom and online fraud."""

__version__ = "0.1.0"

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


def __getattr__(name: str) -> object:
    """Import the sweep machinery only when ``govsim.read_results`` is first used."""
    if name == "read_results":
        from govsim.experiments import read_results

        return read_results
    raise AttributeError(f"module 'govsim' has no attribute {name!r}")
