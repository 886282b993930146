"""A comparison on disk: each run as ``govsim run`` writes it, the tables, a record, the report.

Every file is written atomically (``govsim.results``): an interrupted comparison leaves no
half-written file that looks complete.
"""

from __future__ import annotations

import json
from pathlib import Path

import govsim
from govsim.comparison.report import report_html
from govsim.comparison.running import Comparison
from govsim.results import write_parquet_atomically, write_results, write_text_atomically

REPORT = "report.html"


def default_folder(names: list[str]) -> Path:
    """``results/compare_<A>_vs_<B>...``: the scenarios' names, the reference first."""
    return Path("results") / ("compare_" + "_vs_".join(names))


def write_comparison(comparison: Comparison, out_dir: Path, language: str = "en") -> Path:
    """Write every run in a subfolder named after its scenario, the tables and the report.

    Returns:
        The path of the report.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    for results in comparison.runs:
        # The scenarios ran together on the same workers: each records the wall time of all.
        write_results(results, out_dir / results.scenario.name, comparison.wall)
    write_parquet_atomically(comparison.outcomes, out_dir / "comparison.parquet")
    write_parquet_atomically(comparison.differences, out_dir / "differences.parquet")
    write_parquet_atomically(comparison.cost_effectiveness, out_dir / "cost_effectiveness.parquet")
    record = {
        "govsim_version": govsim.__version__,
        "reference": comparison.reference.scenario.name,
        "scenarios": [results.scenario.name for results in comparison.runs],
        "replications": comparison.replications,
        "seed": comparison.seed,
        "seeds": comparison.reference.seeds,
        "wall_seconds": round(comparison.wall, 3),
    }
    if comparison.precision is not None:
        record["precision"] = {
            "target": comparison.precision.target,
            "max_replications": comparison.precision.max_replications,
            "reached": comparison.precision.reached,
            "too_wide": [
                {"scenario": scenario, "outcome": outcome}
                for scenario, outcome in comparison.precision.wide
            ],
        }
    text = json.dumps(record, indent=2, ensure_ascii=False)
    write_text_atomically(text, out_dir / "comparison.json")
    return write_text_atomically(report_html(comparison, language), out_dir / REPORT)
