"""Researchers' sweeps: experiment files, designs, resumable runs on processes or Dask.

An experiment file names a base scenario, the levers and uncertainties to vary (key paths, as
for ``govsim run --set``), a design, replications and a seed. :func:`load_experiment` checks it,
every point included; :func:`sweep` runs each (point, replication) once into a results folder
it can resume (runs recorded as failed are run again); :func:`read_results` gives back a row
per run.
"""

from govsim.experiments.backends import DaskCluster, LocalProcesses, Sequential, make_backend
from govsim.experiments.designs import DESIGNS, Parameter, design_points
from govsim.experiments.experiment import Experiment, load_experiment
from govsim.experiments.store import SweepFolderError, read_results
from govsim.experiments.sweep import SweepReport, sweep

__all__ = [
    "DESIGNS",
    "DaskCluster",
    "Experiment",
    "LocalProcesses",
    "Parameter",
    "Sequential",
    "SweepFolderError",
    "SweepReport",
    "design_points",
    "load_experiment",
    "make_backend",
    "read_results",
    "sweep",
]
