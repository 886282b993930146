"""Analysing a finished sweep: main effects, sensitivity indices, scenario discovery, a report.

:func:`analyze` reads a sweep's results folder (nothing is run again) and returns an
:class:`Analysis`; :func:`write_analysis` writes its tidy table and its offline HTML report.
"""

from govsim.experiments.analysis.errors import AnalysisError
from govsim.experiments.analysis.files import check_analysis_folder, write_analysis
from govsim.experiments.analysis.running import Analysis, analyze

__all__ = [
    "Analysis",
    "AnalysisError",
    "analyze",
    "check_analysis_folder",
    "write_analysis",
]
