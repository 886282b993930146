"""The ``govsim`` command: thin commands over the scenario, runner and analysis modules.

A bad scenario is the most common failure at the command line, and its users need the file, the
line and the fix, not a traceback: any :class:`ScenarioError` ends a command with its problems on
stderr and exit status 2 (see :func:`exits_on_scenario_error`).

Every command that prints for people speaks English or Chinese: ``--lang en|zh``, or once for
all commands with ``GOVSIM_LANG``. Output that is not a terminal (a pipe, a file, a test) is not
wrapped, so that each table row stays on one line for ``grep`` and for the reader of a log.
"""

from __future__ import annotations

import functools
import json
import time
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console, ConsoleDimensions
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text

import govsim
from govsim.attribution.console import attribution_table
from govsim.attribution.files import RECORD as ATTRIBUTION_RECORD
from govsim.attribution.files import default_folder as attribution_folder
from govsim.attribution.files import read_attribution, write_attribution
from govsim.attribution.players import game as attribution_game_of
from govsim.attribution.report import report_html as attribution_report_html
from govsim.attribution.running import ATTRIBUTED, Attribution
from govsim.attribution.running import attribute as attribute_effect
from govsim.attribution.running import plan as attribution_plan
from govsim.attribution.sentences import outcome_sentences, synergy_sentences
from govsim.cli_help import PlainGroup
from govsim.comparison.caveats import overrides_of
from govsim.comparison.console import difference_table
from govsim.comparison.files import default_folder, read_comparison, write_comparison
from govsim.comparison.frames import KEY_OUTCOMES
from govsim.comparison.precision import check_precision, compare_to_precision
from govsim.comparison.report import report_html as comparison_report_html
from govsim.comparison.running import (
    DEFAULT_REPLICATIONS,
    Comparison,
    ComparisonError,
    Override,
    check_scenarios,
)
from govsim.comparison.running import compare as compare_scenarios
from govsim.comparison.verdicts import cost_sentence, precision_sentence, verdicts
from govsim.comparison.wording import word
from govsim.experiments import SweepFolderError, SweepReport, load_experiment, make_backend
from govsim.experiments import sweep as sweep_experiment
from govsim.experiments.analysis import (
    Analysis,
    AnalysisError,
    check_analysis_folder,
    write_analysis,
)
from govsim.experiments.analysis import analyze as analyze_sweep
from govsim.experiments.analysis.console import box_table, index_table, span_table
from govsim.experiments.analysis.discovery import MIN_COVERAGE as DISCOVERY_COVERAGE
from govsim.experiments.analysis.files import FOLDER as ANALYSIS_FOLDER
from govsim.experiments.analysis.report import lead
from govsim.experiments.analysis.wording import word as aword
from govsim.experiments.backends import (
    BACKENDS,
    SCHEDULER_FILE_SECONDS,
    BackendUnavailableError,
)
from govsim.experiments.experiment import is_experiment
from govsim.labels import LANGUAGE_VARIABLE, LANGUAGES, checked_language, phrase
from govsim.results import (
    ResultsFolderError,
    check_results_folder,
    write_results,
    write_text_atomically,
)
from govsim.runner import run as run_replications
from govsim.scenario import Scenario, ScenarioError, load_scenario
from govsim.scenario.cautions import ScenarioWarning
from govsim.scenario.loading import NAME, SCENARIO_FILE, parent_file, read_document
from govsim.scenario.messages import Message
from govsim.scenario.overrides import load_with_overrides, parse_settings
from govsim.scenario.showing import differences, render_differences, show_text
from govsim.tables import market_table, summary_table

EXIT_INVALID = 2
"""Exit status for invalid input (a bad scenario), as for a command-line usage error."""
JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
PIPED_WIDTH = 400
"""Columns of output that is not a terminal: wide enough that no table row wraps."""

app = typer.Typer(
    name="govsim",
    help="Agent-based simulation of telecom-fraud governance.",
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
    cls=PlainGroup,
    # Docstrings are wrapped at the source's width: their single line breaks are joined,
    # so help paragraphs reflow to the terminal's width (the "rich" mode keeps them).
    rich_markup_mode="markdown",
)


class PipeConsole(Console):
    """A console as wide as the terminal, or :data:`PIPED_WIDTH` when it writes elsewhere.

    Rich otherwise takes the width of whichever standard stream is a terminal (or 80), so
    ``govsim run ... | tee log`` would split table rows, and intervals, across lines.
    """

    @property
    def size(self) -> ConsoleDimensions:
        """The terminal's size, or a wide page when the output is not a terminal."""
        size = super().size
        return size if self.is_terminal else ConsoleDimensions(PIPED_WIDTH, size.height)


_stdout = PipeConsole(highlight=False, soft_wrap=True)
_stderr = PipeConsole(stderr=True, highlight=False, soft_wrap=True)


GROUP_LANGUAGE = "govsim.lang"
"""Where ``govsim --lang X`` leaves its language for the command after it (``Context.meta``)."""


def _language(value: str | None) -> str:
    """The language named, or a usage error naming the choices."""
    try:
        return checked_language(value)
    except ValueError as error:
        raise typer.BadParameter(str(error)) from None


def _checked_language(ctx: typer.Context, param: typer.CallbackParam, value: str) -> str:
    """A command's language: its own ``--lang``, else the group's, else GOVSIM_LANG, else English.

    ``govsim --lang zh run ...`` is how a reader of Chinese first tries it; the group's choice
    is kept in the context's shared ``meta`` and beats the environment, not the command's own.
    """
    chosen = ctx.meta.get(GROUP_LANGUAGE)
    # By name: Typer carries its own copy of Click, whose enum is not click's.
    source = ctx.get_parameter_source(param.name or "")
    typed = source is not None and source.name == "COMMANDLINE"
    return chosen if chosen is not None and not typed else _language(value)


def _group_language(ctx: typer.Context, value: str | None) -> str | None:
    """Check ``govsim --lang X`` and leave it for the command that follows (None if not given)."""
    if value is not None:
        ctx.meta[GROUP_LANGUAGE] = _language(value)
        return ctx.meta[GROUP_LANGUAGE]
    return None


Language = Annotated[
    str,
    typer.Option(
        "--lang",
        envvar=LANGUAGE_VARIABLE,
        callback=_checked_language,
        metavar="|".join(LANGUAGES),
        help=f"Language of what is printed: {' or '.join(LANGUAGES)}.",
    ),
]
"""The ``--lang`` option every command that prints for people takes (default: GOVSIM_LANG)."""

# Options that run, compare and attribute share, spelled once so that they stay alike.
Seed = Annotated[
    int | None,
    typer.Option(
        min=0,
        metavar="SEED",
        help="Master seed (default: the scenario's; when comparing, the reference's).",
    ),
]
Settings = Annotated[
    list[str] | None,
    typer.Option(
        "--set",
        metavar="KEY=VALUE",
        help="Set one value by key path, e.g. --set agencies.police.capability=0.8 (repeatable; "
        "validated like a scenario file; when comparing, applied to every scenario).",
    ),
]
Days = Annotated[
    int | None, typer.Option(min=1, metavar="DAYS", help="Override the measured days.")
]
Residents = Annotated[
    int | None, typer.Option(min=100, metavar="N", help="Override population.size.")
]
Workers = Annotated[int, typer.Option(min=1, metavar="N", help="Worker processes.")]
Force = Annotated[
    bool, typer.Option("--force", help="Replace results already in the results folder.")
]


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
    lang: Annotated[
        str | None,
        typer.Option(
            "--lang",
            callback=_group_language,
            metavar="|".join(LANGUAGES),
            help="Language of the help pages and of the command that follows (unless it has "
            f"its own --lang): {' or '.join(LANGUAGES)}. Default: GOVSIM_LANG, else English.",
        ),
    ] = None,
) -> None:
    """Agent-based simulation of telecom-fraud governance."""


def report_problems(error: ScenarioError, language: str = "en") -> None:
    """Print a scenario error's problems to stderr under a heading, one per line, in ``language``.

    The heading and each problem's explanation and fix follow the language; file names, key
    paths and values are printed as written.
    """
    problems = phrase("problems", language, count=len(error.problems))
    heading = f"{phrase('error', language)}{phrase('colon', language)}{problems}"
    _stderr.print(Text(heading, style="bold red"))
    _stderr.print(Text(error.render(language)))


@contextmanager
def printing_warnings(language: str = "en") -> Iterator[None]:
    """Print each scenario warning raised inside to stderr, as ``Warning: file:line: ...``.

    A warning does not change the exit status: the scenario is valid, and may be meant. The
    prefix and the warning itself follow the language.
    """
    prefix = f"{phrase('warning', language)}{phrase('colon', language)}"
    raised: list[warnings.WarningMessage] = []
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", ScenarioWarning)
            try:
                yield
            finally:
                raised = list(caught)
    finally:
        # Shown once recording has stopped: shown while recording, another library's warning
        # (SALib's, say) would be recorded again into the list being shown, without end.
        for warning in raised:
            if isinstance(warning.message, ScenarioWarning):
                text = warning.message.problem.render(language)
                _stderr.print(Text.assemble((prefix, "bold yellow"), text))
            else:
                warnings.showwarning(
                    warning.message, warning.category, warning.filename, warning.lineno
                )


def exits_on_scenario_error[**P, R](command: Callable[P, R]) -> Callable[P, R]:
    """Make a command end with the problems on stderr and exit status 2 on a bad scenario.

    Apply it under ``@app.command()``, so that Typer sees the command's own signature.
    """

    @functools.wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return command(*args, **kwargs)
        except ScenarioError as error:
            report_problems(error, str(kwargs.get("lang") or "en"))
            raise typer.Exit(EXIT_INVALID) from None

    return wrapper


@app.command()
def validate(
    files: Annotated[
        list[Path],
        typer.Argument(
            help="Scenario or experiment files to check; a folder stands for its *.yaml files.",
            metavar="FILE...",
        ),
    ],
    lang: Language = "en",
) -> None:
    """Check scenario and experiment files; report every problem with its file, line and fix.

    An experiment file (one with `scenario:`, `levers:`, `design:`...) is checked as `govsim
    sweep` would check it before its first run: its scenario, every point and its cautions.
    Exits with status 2 if any file has a problem, 0 if all are valid.
    """
    valid = [_validate_one(path, lang) for path in _scenario_files(files, lang)]
    if len(valid) > 1:  # a folder's worth: the tally, so that no failure scrolls by unseen
        tally = phrase("validated", lang, files=len(valid), failed=valid.count(False))
        _stderr.print(Text(tally, style="bold red" if not all(valid) else "bold"))
    if not valid or not all(valid):
        raise typer.Exit(EXIT_INVALID)


def _scenario_files(paths: list[Path], language: str = "en") -> list[Path]:
    """Return the paths with each folder replaced by its *.yaml files, in name order."""
    files = []
    for path in paths:
        if not path.is_dir():
            files.append(path)
            continue
        found = sorted(path.glob("*.yaml"))
        if not found:
            hint = Message("no_yaml_files_fix")
            error = ScenarioError.single(str(path), None, "", Message("no_yaml_files"), hint)
            report_problems(error, language)
        files.extend(found)
    return files


def _validate_one(path: Path, language: str = "en") -> bool:
    if _holds_experiment(path):
        return _validate_experiment(path, language)
    try:
        with printing_warnings(language):
            scenario = load_scenario(path)
    except ScenarioError as error:
        report_problems(error, language)
        return False
    summary = phrase(
        "valid",
        language,
        file=path,
        name=scenario.name,
        residents=scenario.population.size,
        days=scenario.days,
    )
    return _valid(summary, language)


def _valid(summary: str, language: str) -> bool:
    """Print a valid file's line, "OK" then what it holds, and say it is valid."""
    _stdout.print(Text.assemble((phrase("ok", language), "bold green"), "  ", summary))
    return True


def _holds_experiment(path: Path) -> bool:
    """Whether a file reads as an experiment.

    One that does not read at all is left to the scenario check, which reports why.
    """
    try:
        return is_experiment(read_document(path, SCENARIO_FILE).data)
    except ScenarioError:
        return False


def _validate_experiment(path: Path, language: str = "en") -> bool:
    try:
        with printing_warnings(language):
            experiment = load_experiment(path)
    except ScenarioError as error:
        report_problems(error, language)
        return False
    summary = phrase(
        "valid_experiment",
        language,
        file=path,
        name=experiment.name,
        scenario=experiment.spec.scenario,
        points=len(experiment.points),
        replications=len(experiment.seeds),
        runs=experiment.runs,
        design=experiment.spec.design,
    )
    return _valid(summary, language)


@app.command()
@exits_on_scenario_error
def show(
    scenario_file: Annotated[Path, typer.Argument(help="Scenario YAML file.", metavar="SCENARIO")],
    diff: Annotated[
        bool, typer.Option("--diff", help="List what it changes against the file it extends.")
    ] = False,
    against: Annotated[
        Path | None,
        typer.Option(help="List what it changes against this scenario.", metavar="OTHER"),
    ] = None,
    lang: Language = "en",
) -> None:
    """Print a scenario fully resolved: extends merged, every default spelled out.

    Each link's effective level (under structure none or in a hub) is a comment beside it.
    With --diff or --against, print instead each key path that differs, with both values.
    """
    with printing_warnings(lang):
        scenario = load_scenario(scenario_file)
    if not diff and against is None:
        typer.echo(show_text(scenario), nl=False)
        return
    other_file = against or parent_file(scenario_file)
    if other_file is None:
        message = Message("nothing_to_compare")
        hint = Message("nothing_to_compare_fix")
        raise ScenarioError.single(str(scenario_file), None, "", message, hint)
    changes = differences(load_scenario(other_file), scenario)
    text = render_differences(changes, str(other_file), str(scenario_file), lang)
    typer.echo(text, nl=False)


@app.command()
@exits_on_scenario_error
def schema(
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", metavar="FILE", help="Write to this file, not stdout."),
    ] = None,
    lang: Language = "en",
) -> None:
    """Print the JSON Schema of scenario files, for editor completion and checking."""
    text = json.dumps(scenario_json_schema(), indent=2, ensure_ascii=False)
    if output is None:
        typer.echo(text)
        return
    write_text_atomically(text, output)
    _stderr.print(Text(phrase("wrote_schema", lang, file=output)))


def scenario_json_schema() -> dict[str, Any]:
    """Return the JSON Schema of a scenario file, with its dialect and a title.

    A file may leave out its name (the loader names it after the file), so an editor must not
    flag that: the schema of a file requires nothing the loader supplies.
    """
    schema = Scenario.model_json_schema()
    schema.pop("title", None)
    required = [key for key in schema.pop("required", []) if key != NAME]
    return {
        "$schema": JSON_SCHEMA_DIALECT,
        "title": "govsim scenario",
        **schema,
        **({"required": required} if required else {}),
    }


# --- govsim run -------------------------------------------------------------------------------


@app.command()
@exits_on_scenario_error
def run(
    scenario_file: Annotated[Path, typer.Argument(help="Scenario YAML file.", metavar="SCENARIO")],
    replications: Annotated[
        int, typer.Option("--replications", "-r", min=1, metavar="N", help="Replications.")
    ] = 5,
    seed: Seed = None,
    settings: Settings = None,
    days: Days = None,
    residents: Residents = None,
    workers: Workers = 1,
    out: Annotated[
        Path | None,
        typer.Option(metavar="DIR", help="Results folder (default: `results/<scenario name>`)."),
    ] = None,
    lang: Language = "en",
    force: Force = False,
) -> None:
    """Run a scenario's replications, write tidy results and print the summary."""
    with printing_warnings(lang):
        chosen = parse_settings(settings or [])
        scenario = load_with_overrides(
            scenario_file, chosen, days=days, residents=residents
        ).scenario
    out_dir = out or Path("results") / scenario.name
    _exit_unless_writable(out_dir, force, lang)
    started = time.perf_counter()
    with _progress(replications, lang) as advance:
        results = run_replications(
            scenario, replications=replications, seed=seed, workers=workers, progress=advance
        )
    wall = time.perf_counter() - started
    write_results(results, out_dir, wall)
    _stdout.print(summary_table(results, lang))
    _stdout.print(market_table(results, lang))
    finished = phrase("finished", lang, replications=replications, seconds=wall, folder=out_dir)
    _stdout.print(Text(finished))


def _exit_unless_writable(out_dir: Path, force: bool, language: str = "en") -> None:
    """End the command (status 2) before the run if its results could not be written."""
    try:
        check_results_folder(out_dir, force)
    except ResultsFolderError as error:
        _stderr.print(Text(error.render(language)))
        raise typer.Exit(EXIT_INVALID) from None


# --- govsim compare ---------------------------------------------------------------------------


@app.command()
@exits_on_scenario_error
def compare(
    scenario_files: Annotated[
        list[Path],
        typer.Argument(
            help="Scenario files; the first is the reference the others are compared with.",
            metavar="REFERENCE OTHER...",
        ),
    ],
    replications: Annotated[
        int,
        typer.Option(
            "--replications", "-r", min=2, metavar="N", help="Paired replications per scenario."
        ),
    ] = DEFAULT_REPLICATIONS,
    seed: Seed = None,
    settings: Settings = None,
    days: Days = None,
    residents: Residents = None,
    workers: Workers = 1,
    precision: Annotated[
        float | None,
        typer.Option(
            metavar="P",
            help="Add batches of --replications until every key difference's 95% interval is "
            "no wider than P times the reference's mean (0.1: 10%), or --max-replications.",
        ),
    ] = None,
    max_replications: Annotated[
        int, typer.Option(min=2, metavar="N", help="With --precision: replications at most.")
    ] = 300,
    out: Annotated[
        Path | None,
        typer.Option(
            metavar="DIR",
            help="Results folder (default: results/compare_A_vs_B..., A the reference's name).",
        ),
    ] = None,
    lang: Language = "en",
    force: Force = False,
) -> None:
    """Compare scenarios, paired replication by replication; write the runs and report.html.

    Every scenario runs with the same replication seeds (common random numbers). Prints each
    outcome with its paired difference against the reference, and verdicts in words.
    """
    if len(scenario_files) < 2:
        _stderr.print(Text(ComparisonError("needs_two").render(lang)))
        raise typer.Exit(EXIT_INVALID)
    with printing_warnings(lang):
        chosen = parse_settings(settings or [])
        loaded = [
            load_with_overrides(path, chosen, days=days, residents=residents)
            for path in scenario_files
        ]
    written, scenarios = [one.written for one in loaded], [one.scenario for one in loaded]
    try:
        check_scenarios(scenarios)
        check_precision(precision, replications, max_replications)
    except ComparisonError as error:
        _stderr.print(Text(error.render(lang)))
        raise typer.Exit(EXIT_INVALID) from None
    out_dir = out or default_folder([scenario.name for scenario in scenarios])
    _exit_unless_writable(out_dir, force, lang)
    most = replications if precision is None else max_replications
    with _progress(most * len(scenarios), lang) as advance:
        if precision is None:
            comparison = compare_scenarios(scenarios, replications, seed, workers, advance)
        else:
            comparison = compare_to_precision(
                scenarios, precision, replications, max_replications, seed, workers, advance
            )
    comparison.overrides = _overrides(written, scenarios, chosen, days, residents)
    report = write_comparison(comparison, out_dir, lang)
    _print_comparison(comparison, lang)
    finished = word(
        "finished",
        lang,
        count=len(scenarios),
        replications=comparison.replications,
        seconds=comparison.wall,
        folder=out_dir,
        report=report,
    )
    _stdout.print(Text(finished))


def _overrides(
    written: list[Scenario],
    run: list[Scenario],
    settings: dict[str, object],
    days: int | None,
    residents: int | None,
) -> tuple[Override, ...]:
    """The values the options set in place of the files', for the report to say so."""
    options = {"days": "--days"} if days is not None else {}
    if residents is not None:
        options["population.size"] = "--residents"
    return tuple(
        override
        for before, after in zip(written, run, strict=True)
        for override in overrides_of(after.name, before, after, list(settings), options)
    )


def _print_comparison(comparison: Comparison, language: str) -> None:
    """Each scenario's table against the reference, then the verdicts and cost-effectiveness."""
    for results in comparison.runs[1:]:
        _stdout.print(difference_table(comparison, results.scenario.name, language))
    _stdout.print(Text(word("verdicts_title", language), style="bold"))
    for line in verdicts(comparison.differences, KEY_OUTCOMES, language):
        _stdout.print(Text(f"  {line}"))
    if not comparison.between.empty:
        _stdout.print(Text(word("between_title", language), style="bold"))
        for line in verdicts(comparison.between, KEY_OUTCOMES, language):
            _stdout.print(Text(f"  {line}"))
    _stdout.print(Text(word("cost_effectiveness", language), style="bold"))
    for row in comparison.cost_effectiveness.to_dict("records"):
        _stdout.print(Text(f"  {cost_sentence(row, language)}"))
    if comparison.precision is not None:
        _stdout.print(Text(precision_sentence(comparison, language)))


@contextmanager
def _progress(total: int, language: str = "en") -> Iterator[Callable[[float], None]]:
    """A progress bar over replications; it moves within one too, so a long run shows life."""
    with Progress(console=_stderr, transient=True) as progress:
        task = progress.add_task(phrase("progress", language), total=total)
        yield lambda done: progress.update(task, completed=done)


# --- govsim attribute -------------------------------------------------------------------------


@app.command()
@exits_on_scenario_error
def attribute(
    scenario_file: Annotated[Path, typer.Argument(help="Scenario YAML file.", metavar="SCENARIO")],
    players: Annotated[
        str,
        typer.Option(
            metavar="parties|links|hub",
            help="Who shares the effect: the parties, each cooperation link, or the one-stop "
            "centre's own mechanisms.",
        ),
    ] = "parties",
    replications: Annotated[
        int,
        typer.Option(
            "--replications", "-r", min=2, metavar="N", help="Replications per coalition."
        ),
    ] = 10,
    seed: Seed = None,
    settings: Settings = None,
    days: Days = None,
    residents: Residents = None,
    workers: Workers = 1,
    orders: Annotated[
        int,
        typer.Option(
            min=1,
            metavar="M",
            help="Above 8 players: random orders of arrival sampled (each also reversed).",
        ),
    ] = 20,
    pair_samples: Annotated[
        int,
        typer.Option(
            min=0,
            metavar="K",
            help=(
                "Above 8 players: coalitions drawn per pair to estimate its interaction index "
                "(each adds up to 4 coalitions to run; 0: interactions not estimated)."
            ),
        ),
    ] = 0,
    out: Annotated[
        Path | None,
        typer.Option(
            metavar="DIR",
            help="Results folder (default: `results/attribute_<scenario>_<players>`).",
        ),
    ] = None,
    lang: Language = "en",
    force: Force = False,
) -> None:
    """Share a scenario's effect among parties, links or hub mechanisms by Shapley values.

    Runs every coalition of the players (up to 8; above, sampled orders of arrival) with the
    same replication seeds, once for coalitions whose runs would be the same, and writes
    attribution.parquet, interactions.parquet and report.html.
    """
    with printing_warnings(lang):
        chosen = parse_settings(settings or [])
        scenario = load_with_overrides(
            scenario_file, chosen, days=days, residents=residents
        ).scenario
    try:
        attribution_game = attribution_game_of(scenario, players)
    except ComparisonError as error:
        _stderr.print(Text(error.render(lang)))
        raise typer.Exit(EXIT_INVALID) from None
    out_dir = out or attribution_folder(scenario.name, players)
    _exit_unless_writable(out_dir, force, lang)
    planned = attribution_plan(attribution_game, seed, orders, pair_samples)
    total = replications * len(planned.runs)
    # Said before the runs start: a --players links attribution can take many minutes.
    size = word(
        "attribution_plan",
        lang,
        players=len(attribution_game.players),
        coalitions=len(planned.masks),
        runs=len(planned.runs),
        replications=replications,
        total=total,
        workers=workers,
    )
    _stderr.print(Text(size))
    with _progress(total, lang) as advance:
        attribution = attribute_effect(
            attribution_game, replications, seed, workers, orders, advance, pair_samples
        )
    report = write_attribution(attribution, out_dir, lang)
    _print_attribution(attribution, lang)
    finished = word(
        "attribution_finished",
        lang,
        coalitions=int(attribution.coalitions["mask"].nunique()),
        replications=attribution.replications,
        seconds=attribution.wall,
        folder=out_dir,
        report=report,
    )
    _stdout.print(Text(finished))
    if shared := attribution.coalitions_shared:
        coalitions = int(attribution.coalitions["mask"].nunique())
        _stdout.print(Text(word("coalitions_shared", lang, shared=shared, coalitions=coalitions)))


def _print_attribution(attribution: Attribution, language: str) -> None:
    """The table, then per outcome the whole effect and its largest contributors in words."""
    _stdout.print(attribution_table(attribution, language))
    _stdout.print(Text(word("verdicts_title", language), style="bold"))
    for outcome in ATTRIBUTED:
        for line in outcome_sentences(attribution, outcome, language):
            _stdout.print(Text(f"  {line}"))
    if attribution.interactions.empty:  # said once, not once per outcome
        _stdout.print(Text(f"  {word('no_synergy', language)}"))
        return
    for outcome in ("net_loss", "victims"):
        for line in synergy_sentences(attribution.interactions, outcome, language):
            _stdout.print(Text(f"  {line}"))


# --- govsim report ----------------------------------------------------------------------------


@app.command()
@exits_on_scenario_error
def report(
    folder: Annotated[
        Path,
        typer.Argument(
            help="Results folder of govsim compare or govsim attribute (its --out).",
            metavar="DIR",
        ),
    ],
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="Where to write the report (default: `DIR/report_<lang>.html`).",
        ),
    ] = None,
    lang: Language = "en",
) -> None:
    """Write a comparison's or an attribution's report again, in another language.

    Nothing is run: the report is drawn from the runs and tables the command left in DIR, so it
    says what the first report said (the same numbers and verdicts). The verdicts are printed
    too. DIR's own report.html is left as it is.
    """
    try:
        if (folder / ATTRIBUTION_RECORD).is_file():
            attribution = read_attribution(folder)
            page = attribution_report_html(attribution, lang)
            _print_attribution(attribution, lang)
        else:
            comparison = read_comparison(folder)
            page = comparison_report_html(comparison, lang)
            _print_comparison(comparison, lang)
    except (ComparisonError, ResultsFolderError) as error:
        _stderr.print(Text(error.render(lang)))
        raise typer.Exit(EXIT_INVALID) from None
    target = output or folder / f"report_{lang}.html"
    if target.is_dir():
        _stderr.print(Text(phrase("out_is_a_folder", lang, file=target)))
        raise typer.Exit(EXIT_INVALID)
    target.parent.mkdir(parents=True, exist_ok=True)
    write_text_atomically(page, target)
    _stdout.print(Text(word("report_written", lang, report=target)))


# --- govsim sweep -----------------------------------------------------------------------------

EXIT_RUNS_FAILED = 1
"""Exit status of a sweep that left failed runs in its folder, or was stopped before its end."""


@app.command()
@exits_on_scenario_error
def sweep(
    experiment_file: Annotated[
        Path, typer.Argument(help="Experiment YAML file.", metavar="EXPERIMENT")
    ],
    backend: Annotated[
        str,
        typer.Option(metavar="|".join(BACKENDS), help="Where runs execute: local or dask."),
    ] = "local",
    workers: Annotated[
        int,
        typer.Option(
            min=1,
            metavar="N",
            help=(
                "Worker processes. With a running Dask scheduler: queue runs for at least N "
                "workers (and for every worker that joins)."
            ),
        ),
    ] = 1,
    out: Annotated[
        Path | None,
        typer.Option(metavar="DIR", help="Results folder (default: `results/<experiment name>`)."),
    ] = None,
    retry_failed: Annotated[
        bool,
        typer.Option(
            "--retry-failed/--keep-failed",
            help="Run again the runs an earlier sweep recorded as failed, or keep them failed.",
        ),
    ] = True,
    fail_fast: Annotated[
        bool, typer.Option("--fail-fast", help="Stop at the first failed run.")
    ] = False,
    restart: Annotated[
        bool,
        typer.Option(
            "--restart", help="Discard results of a changed experiment in the results folder."
        ),
    ] = False,
    scheduler: Annotated[
        str | None,
        typer.Option(metavar="ADDRESS", help="Dask scheduler to connect to (--backend dask)."),
    ] = None,
    scheduler_file: Annotated[
        Path | None,
        typer.Option(metavar="FILE", help="Dask scheduler file to connect with (--backend dask)."),
    ] = None,
    lang: Language = "en",
) -> None:
    """Run every (point, replication) of an experiment once, resumably, into Parquet.

    Running the same command again after a crash or Ctrl-C resumes: finished runs are
    skipped, also after raising the experiment's replications. A run that fails is recorded
    with its traceback and the sweep goes on; resuming runs it again, with the same seed
    (--keep-failed keeps it failed). Read the results with govsim.read_results(DIR).
    Exits with status 1 if failed runs are left in the results folder.
    """
    if backend not in BACKENDS:
        choices = ", ".join(BACKENDS)
        raise typer.BadParameter(
            phrase("backend_choices", lang, choices=choices), param_hint="--backend"
        )
    if (scheduler or scheduler_file) and backend != "dask":
        raise typer.BadParameter(phrase("scheduler_needs_dask", lang), param_hint="--scheduler")
    with printing_warnings(lang):
        experiment = load_experiment(experiment_file)
    out_dir = out or Path("results") / experiment.name
    chosen = make_backend(
        backend, workers, scheduler, None if scheduler_file is None else str(scheduler_file)
    )
    plan = phrase(
        "sweep_plan",
        lang,
        name=experiment.name,
        points=len(experiment.points),
        replications=len(experiment.seeds),
        runs=experiment.runs,
        design=experiment.spec.design,
        folder=out_dir,
    )
    _stderr.print(Text(plan))
    if scheduler_file is not None and not scheduler_file.exists():
        waiting = phrase(
            "sweep_waiting_for_scheduler", lang, file=scheduler_file, seconds=SCHEDULER_FILE_SECONDS
        )
        _stderr.print(Text(waiting))
    started = time.perf_counter()
    try:
        with _sweep_progress(lang) as advance:
            report = sweep_experiment(
                experiment,
                out_dir,
                chosen,
                restart=restart,
                retry_failed=retry_failed,
                fail_fast=fail_fast,
                started=functools.partial(_print_sweep_start, language=lang),
                progress=advance,
            )
    except (SweepFolderError, BackendUnavailableError) as error:
        _stderr.print(Text(error.render(lang)))
        raise typer.Exit(EXIT_INVALID) from None
    except KeyboardInterrupt:
        _stderr.print(Text(phrase("sweep_interrupted", lang)))
        raise typer.Exit(130) from None
    _print_sweep_report(report, out_dir, time.perf_counter() - started, lang)
    if not report.complete:
        raise typer.Exit(EXIT_RUNS_FAILED)


def _print_sweep_start(report: SweepReport, language: str) -> None:
    """Say, before the runs, how many failed runs are run again, or kept failed."""
    if report.retried:
        _stderr.print(Text(phrase("sweep_retrying", language, count=report.retried)))
    if report.kept_failed:
        _stderr.print(Text(phrase("sweep_keeping_failed", language, count=report.kept_failed)))


@contextmanager
def _sweep_progress(language: str = "en") -> Iterator[Callable[[int, int], None]]:
    """A progress bar over the sweep's runs, with the time left at the current pace."""
    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=_stderr, transient=True) as progress:
        task = progress.add_task(phrase("sweep_progress", language), total=None)
        started = False

        def advance(done: int, total: int) -> None:
            nonlocal started
            if not started:  # runs done before a resume must not count in the pace
                progress.reset(task, total=total, completed=done)
                started = True
            progress.update(task, completed=done, total=total)

        yield advance


def _print_sweep_report(report: SweepReport, out_dir: Path, seconds: float, language: str) -> None:
    done_before = report.skipped - report.kept_failed  # kept failures are not "done"
    if done_before:
        _stdout.print(Text(phrase("sweep_skipped", language, count=done_before)))
    if report.kept_failed:
        _stdout.print(Text(phrase("sweep_kept_failed", language, count=report.kept_failed)))
    finished = phrase(
        "sweep_finished",
        language,
        runs=report.ok + report.failed,
        seconds=seconds,
        ok=report.ok,
        failed=report.failed,
        done=report.done,
        total=report.runs,
        folder=out_dir,
    )
    _stdout.print(Text(finished))
    if report.errors:
        last_line = report.errors[0].strip().splitlines()[-1]
        failure = phrase("sweep_first_failure", language, error=last_line)
        _stderr.print(Text(failure, style="red"))
    if report.stopped:
        _stderr.print(Text(phrase("sweep_stopped", language)))


# --- govsim analyze ---------------------------------------------------------------------------


@app.command()
def analyze(
    folder: Annotated[
        Path, typer.Argument(help="Results folder of a sweep (govsim sweep --out).", metavar="DIR")
    ],
    outcomes: Annotated[
        list[str] | None,
        typer.Option(
            metavar="NAME[,NAME...]",
            help="Outcome columns to analyse (repeatable; default: the experiment's outcomes).",
        ),
    ] = None,
    discover: Annotated[
        str | None,
        typer.Option(
            metavar="EXPR",
            help="Find with PRIM where a condition over outcome columns mostly holds, e.g. "
            '"net_loss > 2e6".',
        ),
    ] = None,
    indices: Annotated[
        bool | None,
        typer.Option(
            "--indices/--no-indices",
            help="Require (or skip) sensitivity indices; by default computed for sobol and "
            "morris designs.",
        ),
    ] = None,
    out: Annotated[
        Path | None,
        typer.Option(
            metavar="DIR",
            help="Folder for analysis.parquet and analysis.html (default: DIR/analysis).",
        ),
    ] = None,
    lang: Language = "en",
    force: Annotated[
        bool, typer.Option("--force", help="Replace an analysis already in the output folder.")
    ] = False,
) -> None:
    """Analyse a sweep: main effects, Sobol or Morris indices, scenario discovery, a report.

    Reads the sweep's results (nothing is run again), prints the tables and writes the tidy
    analysis.parquet and an offline analysis.html. An output folder that already holds files
    is refused unless --force.
    """
    out_dir = out or folder / ANALYSIS_FOLDER
    try:
        with printing_warnings(lang):
            analysis = analyze_sweep(folder, outcomes, discover, indices)
        check_analysis_folder(out_dir, force)
        table, report = write_analysis(analysis, out_dir, lang)
    except (AnalysisError, SweepFolderError) as error:
        _stderr.print(Text(error.render(lang)))
        raise typer.Exit(EXIT_INVALID) from None
    _print_analysis(analysis, lang)
    wrote = aword(
        "wrote",
        lang,
        runs=len(analysis.swept.ok),
        folder=table.parent,
        table=table.name,
        report=report.name,
    )
    _stdout.print(Text(wrote))


def _print_analysis(analysis: Analysis, language: str) -> None:
    """The lead, the indices (sobol, morris), the main-effect spans and the boxes found."""
    _stdout.print(Text(lead(analysis, language)))
    indices = index_table(analysis, language)
    if indices is not None:
        _stdout.print(indices)
    _stdout.print(span_table(analysis, language))
    found = analysis.discovery
    if found is not None:
        note = aword(
            "discovery_note",
            language,
            cases=found.cases,
            runs=found.runs,
            share=found.share,
            coverage=DISCOVERY_COVERAGE,
        )
        _stdout.print(
            box_table(found, language) if found.boxes else Text(aword("no_box", language))
        )
        _stdout.print(Text(note))


# --- govsim dashboard -------------------------------------------------------------------------


@app.command()
def dashboard(
    scenarios: Annotated[
        list[Path] | None,
        typer.Option(
            "--scenarios",
            metavar="DIR",
            exists=True,
            file_okay=False,
            help="A folder of scenario files to offer besides the shipped ones (repeatable).",
        ),
    ] = None,
    host: Annotated[
        str,
        typer.Option(metavar="HOST", help="Address to listen on; 0.0.0.0 opens it to the network."),
    ] = "127.0.0.1",
    port: Annotated[
        int, typer.Option(min=1, max=65535, metavar="PORT", help="Port to listen on.")
    ] = 8765,
    prepare_offline: Annotated[
        bool,
        typer.Option(
            "--prepare-offline",
            help="Fetch the page's browser assets from the npm registry into Solara's cache "
            "(for a machine without internet), then exit.",
        ),
    ] = False,
    lang: Language = "en",
) -> None:
    """Serve the trainers' dashboard: run scenarios live in a browser, in English or Chinese.

    The page opens in the language of --lang; a switch on it changes the language.
    Needs govsim's dashboard extra (Solara and Plotly).
    """
    from govsim.dashboard.server import prepare_environment, scenario_folders, serve

    folders = scenario_folders(scenarios or [])
    if prepare_offline:
        prepare_environment(folders, lang)
        _prepare_offline()
        return
    typer.echo(f"govsim dashboard: http://{host}:{port}/", err=True)
    serve(folders, host, port, lang)


def _prepare_offline() -> None:
    """Fill Solara's asset cache from the npm registry; exit 1 with the reason if it fails."""
    from govsim.dashboard.offline import (
        OfflinePreparationError,
        asked_versions,
        default_cache,
        fill_cache,
    )
    from govsim.dashboard.plot import install_bundle

    try:
        fill_cache(default_cache(), asked_versions(), log=lambda line: typer.echo(line, err=True))
        install_bundle(default_cache())
    except OfflinePreparationError as error:
        _stderr.print(Text(str(error), style="bold red"))
        raise typer.Exit(1) from None


if __name__ == "__main__":
    app()
