"""``python -m govsim.validation``: print docs/validation.md, or write it with ``--write``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from govsim.scenario import ScenarioError
from govsim.validation import runs, validation_document
from govsim.validation.document import COMMAND, DOC_PATH, ROOT, write_atomically
from govsim.validation.facts import FACTS, scenarios_of
from govsim.validation.outcomes import RunSettings

PROGRAM = "python -m govsim.validation"
RESIDENTS = 100_000
"""The shipped city: smaller cities change how often the ring market dies out.

The city is a sample of the market: evidence and takings in the rest of the market are scaled
up from it, so a small city's luck is scaled up too. Under `multi_party_hub` (seed 2026), every
ring of the market was gone on some day in 2 of 4 replications at 20,000 residents and in 5 of
30 at 50,000, but in none of 30 at 100,000 (fewest rings 3).
"""
DAYS = 365
REPLICATIONS = 30
SEED = 2026
"""The master seed of the shipped scenarios and of tests/test_stylized_facts.py."""
WORKERS = 2


def parser() -> argparse.ArgumentParser:
    """The command's options, with the defaults the committed document is generated with."""
    parse = argparse.ArgumentParser(
        prog=PROGRAM,
        description="Compute the stylized facts and calibration targets on runs of the shipped "
        "scenarios; print docs/validation.md, or write it with --write.",
    )
    parse.add_argument("--write", action="store_true", help="write the document to --out")
    parse.add_argument("--out", type=Path, default=DOC_PATH, help="default: %(default)s")
    parse.add_argument(
        "--residents", type=_positive, default=RESIDENTS, help="default: %(default)s"
    )
    parse.add_argument(
        "--replications", type=_at_least_two, default=REPLICATIONS, help="default: %(default)s"
    )
    parse.add_argument("--seed", type=_non_negative, default=SEED, help="default: %(default)s")
    parse.add_argument("--workers", type=_positive, default=WORKERS, help="default: %(default)s")
    parse.add_argument(
        "--days", type=_positive, default=DAYS, help="measured days; default: %(default)s"
    )
    parse.add_argument(
        "--warmup",
        type=_non_negative,
        default=None,
        help="warm-up days; default: each scenario's own",
    )
    parse.add_argument(
        "--save-runs",
        type=Path,
        metavar="DIR",
        help="also keep the runs' outcome tables and record in DIR",
    )
    parse.add_argument(
        "--from-runs",
        type=Path,
        metavar="DIR",
        help="render from runs kept with --save-runs instead of running (run options ignored)",
    )
    return parse


def main(argv: Sequence[str] | None = None) -> int:
    """Generate the document; exit status 2 on a scenario error or missing kept runs."""
    args = parser().parse_args(argv)
    try:
        found = runs.load(args.from_runs) if args.from_runs else _run(args)
        text = validation_document(found)
    except ScenarioError as error:
        print(error, file=sys.stderr)
        return 2
    except (FileNotFoundError, runs.StaleRunsError) as error:
        print(f"{PROGRAM}: {error}", file=sys.stderr)
        return 2
    if args.save_runs:
        runs.save(found, args.save_runs)
        print(f"kept the runs in {args.save_runs}", file=sys.stderr)
    if args.write:
        write_atomically(text, args.out)
        print(f"wrote {args.out}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0


def _run(args: argparse.Namespace) -> runs.ValidationRuns:
    settings = RunSettings(
        residents=args.residents,
        days=args.days,
        replications=args.replications,
        seed=args.seed,
        workers=args.workers,
        warmup_days=args.warmup,
    )
    commit = runs.git_commit(ROOT, DOC_PATH)
    return runs.run_all(scenarios_of(FACTS), settings, _command(args), commit, _progress)


def _command(args: argparse.Namespace) -> str:
    """The command line that regenerates the document, every setting spelled out."""
    words = [
        COMMAND,
        f"--residents {args.residents}",
        f"--days {args.days}",
        f"--replications {args.replications}",
        f"--seed {args.seed}",
        f"--workers {args.workers}",
    ]
    if args.warmup is not None:
        words.append(f"--warmup {args.warmup}")
    return " ".join(words)


def _progress(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


def _positive(text: str) -> int:
    return _integer(text, 1, "a positive integer")


def _non_negative(text: str) -> int:
    return _integer(text, 0, "a non-negative integer")


def _at_least_two(text: str) -> int:
    return _integer(text, 2, "an integer of at least 2 (an interval needs two replications)")


def _integer(text: str, least: int, wanted: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = least - 1
    if value < least:
        raise argparse.ArgumentTypeError(f"{text!r} is not {wanted}")
    return value


if __name__ == "__main__":
    raise SystemExit(main())
