"""A comparison on disk: each run as ``govsim run`` writes it, the tables, a record, the report.

Every file is written atomically (``govsim.results``): an interrupted comparison leaves no
half-written file that looks complete.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

from govsim.comparison.precision import Precision
from govsim.comparison.report import report_html
from govsim.comparison.running import Comparison, ComparisonError, Override, tables_of
from govsim.results import (
    read_run,
    write_parquet_atomically,
    write_results,
    write_text_atomically,
)
from govsim.versions import versions

REPORT = "report.html"
RECORD = "comparison.json"


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
    if len(comparison.runs) > 2:
        write_parquet_atomically(comparison.between, out_dir / "differences_between.parquet")
    record = {
        **versions(),
        "reference": comparison.reference.scenario.name,
        "scenarios": [results.scenario.name for results in comparison.runs],
        "replications": comparison.replications,
        "seed": comparison.seed,
        "seeds": comparison.reference.seeds,
        "wall_seconds": round(comparison.wall, 3),
        "overrides": [dataclasses.asdict(override) for override in comparison.overrides],
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
    write_text_atomically(text, out_dir / RECORD)
    return write_text_atomically(report_html(comparison, language), out_dir / REPORT)


def read_comparison(out_dir: Path) -> Comparison:
    """A comparison as :func:`write_comparison` wrote it, its tables computed again from its runs.

    The tables are a function of the runs (``tables_of``), so the report drawn from what this
    returns is the one the comparison wrote, in any language (``govsim report``).

    Raises:
        ComparisonError: the folder holds no comparison, or its record cannot be read.
        ResultsFolderError: a scenario's run is missing a file or cannot be read.
    """
    record_file = out_dir / RECORD
    if not record_file.is_file():
        raise ComparisonError("not_a_comparison", folder=out_dir)
    try:
        record = json.loads(record_file.read_text(encoding="utf-8"))
        names = [str(name) for name in record["scenarios"]]
        wall = float(record["wall_seconds"])
        asked = record.get("precision")
        overrides = tuple(Override(**item) for item in record.get("overrides", []))
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise ComparisonError("record_unreadable", file=record_file, error=error) from None
    comparison = tables_of([read_run(out_dir / name) for name in names], wall)
    comparison = dataclasses.replace(comparison, overrides=overrides)
    if asked is None:
        return comparison
    precision = Precision(
        target=float(asked["target"]),
        max_replications=int(asked["max_replications"]),
        reached=bool(asked["reached"]),
        wide=tuple((item["scenario"], item["outcome"]) for item in asked["too_wide"]),
    )
    return dataclasses.replace(comparison, precision=precision)
