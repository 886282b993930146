"""An analysis on disk: ``analysis.parquet`` (the tidy table) and ``analysis.html``.

Both are written atomically. A folder that already holds files (an earlier analysis, say
with another ``--discover``) is refused unless ``force``, as ``govsim run`` refuses one: an
analysis replaced without a word is lost. With ``force`` only the two files are replaced.
"""

from __future__ import annotations

from pathlib import Path

from govsim.experiments.analysis.errors import AnalysisError
from govsim.experiments.analysis.report import report_html
from govsim.experiments.analysis.running import Analysis
from govsim.experiments.analysis.table import tidy_table
from govsim.results import write_parquet_atomically, write_text_atomically

TABLE = "analysis.parquet"
REPORT = "analysis.html"
FOLDER = "analysis"
"""The default output folder, inside the sweep's results folder."""


def check_analysis_folder(out_dir: Path, force: bool = False) -> None:
    """Check, before analysing, that the analysis may be written into ``out_dir``.

    Raises:
        AnalysisError: if the folder already holds files and ``force`` is not given.
    """
    if not force and out_dir.is_dir() and any(out_dir.iterdir()):
        raise AnalysisError("out_holds_files", folder=out_dir)


def write_analysis(analysis: Analysis, out_dir: Path, language: str = "en") -> tuple[Path, Path]:
    """Write the tidy table and the report; return their paths.

    Raises:
        AnalysisError: if the folder cannot be made or written (a file in the way, read-only).
    """
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise AnalysisError("cannot_write", folder=out_dir, reason=error.strerror) from None
    table = write_parquet_atomically(tidy_table(analysis), out_dir / TABLE)
    report = write_text_atomically(report_html(analysis, language), out_dir / REPORT)
    return table, report
