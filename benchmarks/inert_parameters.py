"""Find inert parameters: numbers of a scenario that change nothing in its results.

Runs the base scenario, then, for every numeric leaf of the resolved scenario (see
``govsim.scenario.overrides.numeric_leaves``), a copy with that one value perturbed, on the
same replication seeds. A leaf whose summary (every numeric column, every replication) is
bit-identical to the base is inert at this size and horizon: not read by the model, read only
on a path this scenario never takes, or too weak to move any count. The perturbation rule and
the scan live in ``govsim.inert`` (``tests/test_inert_parameters.py`` asserts on them); this
script prints the list and the counts and asserts nothing.

Usage: python benchmarks/inert_parameters.py [scenario.yaml] [--residents 20000] [--days 365]
       [--warmup DAYS] [--replications 3] [--seed 2026] [--workers 2] [--json inert.json]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import asdict
from pathlib import Path

import govsim
from govsim.inert import InertReport, find_inert
from govsim.scenario.overrides import with_overrides

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SCENARIO = ROOT / "scenarios" / "multi_party_hub.yaml"


def print_report(report: InertReport, seconds: float) -> None:
    """Print the inert leaves with their perturbation, and the counts."""
    print(
        f"{report.scenario}: {report.residents:,} residents x {report.days} days, "
        f"{report.replications} replications, seed {report.seed}, {seconds:.0f} s"
    )
    print(
        f"{report.leaves} numeric leaves: {len(report.changed)} changed the summary, "
        f"{len(report.inert)} inert, {len(report.unperturbable)} not perturbable, "
        f"{len(report.failed)} failed"
    )
    print()
    print(f"Inert ({len(report.inert)}): summary bit-identical to the base")
    for path in report.inert:
        old, new = report.perturbations[path]
        print(f"  {path}  ({old:g} -> {new:g})")
    if report.unperturbable:
        print()
        print(f"Not perturbable ({len(report.unperturbable)}): the schema refused every candidate")
        for path, reason in report.unperturbable.items():
            print(f"  {path}  ({reason.splitlines()[-1]})")
    if report.failed:
        print()
        print(f"Failed ({len(report.failed)}): the perturbed run raised")
        for path, reason in report.failed.items():
            print(f"  {path}  ({reason})")


def main() -> None:
    """Parse the options, scan the scenario and print (and optionally save) the report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("scenario", nargs="?", type=Path, default=DEFAULT_SCENARIO)
    parser.add_argument("--residents", type=int, default=20_000)
    parser.add_argument("--days", type=int, default=365)
    parser.add_argument("--warmup", type=int, default=None, help="warm-up days (scenario's)")
    parser.add_argument("--replications", type=int, default=3)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--json", type=Path, default=None, help="also write the report here")
    parser.add_argument("--quiet", action="store_true", help="no progress line per leaf")
    args = parser.parse_args()
    settings = {} if args.warmup is None else {"warmup_days": args.warmup}
    scenario = with_overrides(
        govsim.load_scenario(args.scenario),
        days=args.days,
        residents=args.residents,
        settings=settings,
    )
    started = time.perf_counter()

    def progress(line: str) -> None:
        print(line, file=sys.stderr, flush=True)

    report = find_inert(
        scenario,
        replications=args.replications,
        seed=args.seed,
        workers=args.workers,
        progress=None if args.quiet else progress,
    )
    print_report(report, time.perf_counter() - started)
    if args.json is not None:
        args.json.write_text(json.dumps(asdict(report), indent=2, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
