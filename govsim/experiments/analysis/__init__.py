"""Analysing a finished sweep: main effects, sensitivity indices, scenario discovery, a report.

:func:`analyze` reads a sweep's results folder (nothing is run again) and returns an
:class:`Analysis`.
"""

from govsim.experiments.analysis.errors import AnalysisError
from govsim.experiments.analysis.running import Analysis, analyze

__all__ = ["Analysis", "AnalysisError", "analyze"]
