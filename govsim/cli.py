"""The ``govsim`` command: thin commands over the scenario, runner and analysis modules.

A bad scenario is the most common failure at the command line, and its users need the file, the
line and the fix, not a traceback: any :class:`ScenarioError` ends a command with its problems on
stderr and exit status 2 (see :func:`exits_on_scenario_error`).
"""

from __future__ import annotations

import functools
import json
import math
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import Progress
from rich.table import Table
from rich.text import Text

import govsim
from govsim.labels import HEADERS, label
from govsim.results import (
    ResultsFolderError,
    check_results_folder,
    market_statistics,
    summary_statistics,
    write_results,
)
from govsim.runner import RunResults
from govsim.runner import run as run_replications
from govsim.scenario import Scenario, ScenarioError, dump_scenario, load_scenario
from govsim.scenario.overrides import with_overrides

EXIT_INVALID = 2
"""Exit status for invalid input (a bad scenario), as for a command-line usage error."""
JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"

app = typer.Typer(
    name="govsim",
    help="Agent-based simulation of telecom-fraud governance.",
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
)
_stdout = Console(highlight=False, soft_wrap=True)
_stderr = Console(stderr=True, highlight=False, soft_wrap=True)


def _print_version(requested: bool) -> None:
    """Print the version and stop, before any command runs (``govsim --version``)."""
    if requested:
        typer.echo(f"govsim {govsim.__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_print_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
) -> None:
    """Agent-based simulation of telecom-fraud governance."""


def report_problems(error: ScenarioError) -> None:
    """Print a scenario error's problems to stderr, one per line, exactly as rendered."""
    _stderr.print(Text(str(error)))


def exits_on_scenario_error[**P, R](command: Callable[P, R]) -> Callable[P, R]:
    """Make a command end with the problems on stderr and exit status 2 on a bad scenario.

    Apply it under ``@app.command()``, so that Typer sees the command's own signature.
    """

    @functools.wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return command(*args, **kwargs)
        except ScenarioError as error:
            report_problems(error)
            raise typer.Exit(EXIT_INVALID) from None

    return wrapper


@app.command()
def validate(
    files: Annotated[
        list[Path], typer.Argument(help="Scenario files to check.", metavar="FILE...")
    ],
) -> None:
    """Check scenario files; report every problem with its file, line and fix.

    Exits with status 2 if any file has a problem, 0 if all are valid.
    """
    valid = [_validate_one(path) for path in files]
    if not all(valid):
        raise typer.Exit(EXIT_INVALID)


def _validate_one(path: Path) -> bool:
    try:
        scenario = load_scenario(path)
    except ScenarioError as error:
        report_problems(error)
        return False
    residents = f"{scenario.population.size:,} residents"
    summary = f"  {path}  (name: {scenario.name}, {residents}, {scenario.days} days)"
    _stdout.print(Text.assemble(("OK", "bold green"), summary))
    return True


@app.command()
@exits_on_scenario_error
def show(
    scenario_file: Annotated[Path, typer.Argument(help="Scenario YAML file.", metavar="SCENARIO")],
) -> None:
    """Print a scenario fully resolved: extends merged, every default spelled out."""
    typer.echo(dump_scenario(load_scenario(scenario_file)), nl=False)


@app.command()
@exits_on_scenario_error
def schema(
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to this file, not stdout.")
    ] = None,
) -> None:
    """Print the JSON Schema of scenario files, for editor completion and checking."""
    text = json.dumps(scenario_json_schema(), indent=2, ensure_ascii=False)
    if output is None:
        typer.echo(text)
        return
    output.write_text(text + "\n", encoding="utf-8")
    _stderr.print(Text(f"Wrote the scenario schema to {output}"))


def scenario_json_schema() -> dict[str, Any]:
    """Return the JSON Schema of a scenario file, with its dialect and a title."""
    schema = Scenario.model_json_schema()
    schema.pop("title", None)
    return {"$schema": JSON_SCHEMA_DIALECT, "title": "govsim scenario", **schema}


# --- govsim run -------------------------------------------------------------------------------


@app.command()
@exits_on_scenario_error
def run(
    scenario_file: Annotated[Path, typer.Argument(help="Scenario YAML file.", metavar="SCENARIO")],
    replications: Annotated[int, typer.Option("--replications", "-r", min=1)] = 5,
    seed: Annotated[
        int | None, typer.Option(min=0, help="Master seed (default: the scenario's).")
    ] = None,
    days: Annotated[int | None, typer.Option(min=1, help="Override the scenario's days.")] = None,
    residents: Annotated[
        int | None, typer.Option(min=100, help="Override population.size.")
    ] = None,
    workers: Annotated[int, typer.Option(min=1, help="Worker processes.")] = 1,
    out: Annotated[
        Path | None, typer.Option(help="Results folder (default: results/<scenario name>).")
    ] = None,
    lang: Annotated[str, typer.Option(help="Table language: en or zh.")] = "en",
    force: Annotated[
        bool, typer.Option("--force", help="Replace results already in the results folder.")
    ] = False,
) -> None:
    """Run a scenario's replications, write tidy results and print the summary."""
    scenario = with_overrides(load_scenario(scenario_file), days=days, residents=residents)
    out_dir = out or Path("results") / scenario.name
    _exit_unless_writable(out_dir, force)
    started = time.perf_counter()
    with _progress(replications) as advance:
        results = run_replications(
            scenario, replications=replications, seed=seed, workers=workers, progress=advance
        )
    wall = time.perf_counter() - started
    write_results(results, out_dir, wall)
    _stdout.print(summary_table(results, lang))
    _stdout.print(market_table(results, lang))
    _stdout.print(Text(f"{replications} replication(s) in {wall:.1f} s; results in {out_dir}/"))


def _exit_unless_writable(out_dir: Path, force: bool) -> None:
    """End the command (status 2) before the run if its results could not be written."""
    try:
        check_results_folder(out_dir, force)
    except ResultsFolderError as error:
        _stderr.print(Text(str(error)))
        raise typer.Exit(EXIT_INVALID) from None


@contextmanager
def _progress(total: int) -> Iterator[Callable[[int], None]]:
    """A progress bar for multi-run work (silent for a single run)."""
    if total == 1:
        yield lambda done: None
        return
    with Progress(console=_stderr, transient=True) as progress:
        task = progress.add_task("replications", total=total)
        yield lambda done: progress.update(task, completed=done)


def summary_table(results: RunResults, lang: str = "en") -> Table:
    """The headline measures: mean and 95% CI over replications, and per 100k residents."""
    scenario = results.scenario
    table = Table(title=scenario.name, caption=scenario.describe(lang), title_justify="left")
    for key in ("measure", "mean", "ci", "per_100k"):
        table.add_column(label(key, lang, HEADERS), justify="left" if key == "measure" else "right")
    for row in summary_statistics(results.summary).itertuples():
        # Every headline measure is non-negative, so the interval is shown clipped at zero.
        low = max(row.ci_low, 0.0)
        ci = "" if math.isnan(row.ci_low) else f"{_fmt(low)} - {_fmt(row.ci_high)}"
        per = "" if math.isnan(row.per_100k) else _fmt(row.per_100k)
        table.add_row(label(row.measure, lang), _fmt(row.mean), ci, per)
    return table


def market_table(results: RunResults, lang: str = "en") -> Table:
    """Market-wide measures (the whole market the rings serve): mean and 95% CI."""
    market = results.scenario.fraud.market_population
    title = (
        f"全市场（{market:,} 居民，团伙所服务的整个市场）"
        if lang == "zh"
        else f"Market ({market:,} residents the rings serve)"
    )
    table = Table(title=title, title_justify="left")
    for key in ("measure", "mean", "ci"):
        table.add_column(label(key, lang, HEADERS), justify="left" if key == "measure" else "right")
    for row in market_statistics(results.market).itertuples():
        low = max(row.ci_low, 0.0)
        ci = "" if math.isnan(row.ci_low) else f"{_fmt(low)} - {_fmt(row.ci_high)}"
        table.add_row(label(row.measure, lang), _fmt(row.mean), ci)
    return table


def _fmt(value: float) -> str:
    if math.isnan(value):
        return "-"
    if abs(value) < 10:
        return f"{value:.3g}"
    return f"{value:,.0f}"


if __name__ == "__main__":
    app()
