"""Experiment files: a base scenario, levers and uncertainties, a design, replications.

An experiment file is written by hand, like a scenario, and is checked as thoroughly before a
single run starts: a sweep of hours must not stop at its 900th point on a value the scenario
refuses. Every problem is reported at once with the file, the line, the key path and the fix;
every point's scenario is validated up front, and a point's problem is placed on the line of
the lever or uncertainty that produced it.
"""

from __future__ import annotations

import hashlib
import json
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from govsim.experiments.designs import (
    RANGES_ONLY,
    SAMPLED,
    DesignName,
    Parameter,
    Point,
    design_points,
)
from govsim.metrics import SUMMARY_SUMS
from govsim.runner import replication_seeds
from govsim.scenario import Scenario, load_scenario
from govsim.scenario.errors import (
    KeyPath,
    Problem,
    ScenarioError,
    format_key_path,
    problems_from_validation,
    suggest,
)
from govsim.scenario.folder_names import folder_name_problem
from govsim.scenario.loading import Document, dump_scenario, read_document
from govsim.scenario.overrides import with_overrides

SECTIONS = ("levers", "uncertainties")
"""The two kinds of parameter: what governance chooses, and what it cannot know."""
OUTCOMES: tuple[str, ...] = (
    *SUMMARY_SUMS,
    "net_loss",
    "governance_cost",
    "report_share",
    "recovered_share",
    "reported_recovered_share",
    "cross_border_loss_share",
    "median_hours_to_freeze",
)
"""Summary columns of one run that an experiment may name as outcomes."""
UNKNOWN_KEY = "no such key in the scenario"
"""The message of :func:`govsim.with_overrides` for a key path the scenario lacks."""
MAX_POINTS = 1_000_000
"""More points than any sweep could run: a typo (samples: 1e9) is refused before validation."""


class ParameterSpec(BaseModel):
    """A lever or uncertainty as written: ``levels: [...]`` or ``range: [lo, hi]``."""

    model_config = ConfigDict(extra="forbid")

    levels: list[Any] | None = Field(default=None, min_length=1)
    range: tuple[float, float] | None = None
    integer: bool = False


class ExperimentSpec(BaseModel):
    """The keys of an experiment file, before they are checked against the scenario."""

    model_config = ConfigDict(extra="forbid")

    name: str | None = None
    description: str | None = None
    scenario: str
    fixed: dict[str, Any] = Field(default_factory=dict)
    levers: dict[str, ParameterSpec] = Field(default_factory=dict)
    uncertainties: dict[str, ParameterSpec] = Field(default_factory=dict)
    design: DesignName = "grid"
    samples: int | None = Field(default=None, ge=1)
    replications: int = Field(default=1, ge=1)
    seed: int = Field(default=0, ge=0)
    outcomes: list[str] = Field(default_factory=list)


@dataclass(frozen=True)
class Experiment:
    """A validated experiment: its base scenario, parameters, points and replication seeds.

    Attributes:
        file: The experiment file, as given.
        name: The experiment's name (its file's stem unless it names itself).
        spec: The file's keys, validated.
        scenario: The base scenario with ``fixed`` applied; each point overrides it.
        parameters: Levers then uncertainties, in the file's order.
        points: The design's points, each a mapping from key path to value.
        seeds: Replication seeds, the same for every point (common random numbers).
    """

    file: str
    name: str
    spec: ExperimentSpec
    scenario: Scenario
    parameters: tuple[Parameter, ...]
    points: tuple[Point, ...]
    seeds: tuple[int, ...]

    @property
    def runs(self) -> int:
        """Runs in the sweep: every point times every replication."""
        return len(self.points) * len(self.seeds)

    @property
    def levers(self) -> list[str]:
        """Key paths of the levers."""
        return list(self.spec.levers)

    @property
    def uncertainties(self) -> list[str]:
        """Key paths of the uncertainties."""
        return list(self.spec.uncertainties)

    def fingerprint(self, seeds: Sequence[int] | None = None) -> str:
        """A short hash of everything that decides the runs' results.

        The resolved base scenario and the drawn points are hashed rather than the file's text,
        so that a comment edited does not block a resume, while an edited base scenario (or a
        new SALib drawing other points) does. The outcomes are left out: they choose what to
        analyse, not what is run. With ``seeds``, the fingerprint this experiment would have
        with those replication seeds instead of its own: a sweep folder asks whether its runs
        are this experiment's with fewer replications.
        """
        content = {
            "scenario": dump_scenario(self.scenario),
            "points": list(self.points),
            "seeds": list(self.seeds if seeds is None else seeds),
        }
        return _short_hash(content)


def _short_hash(content: dict[str, object]) -> str:
    text = json.dumps(content, sort_keys=True, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def load_experiment(path: str | Path) -> Experiment:
    """Read an experiment file and check it, and every point's scenario, before any run.

    Raises:
        ScenarioError: with every problem found, each with its file, line, key path and fix;
            problems of the base scenario file name that file.
    """
    path = Path(path)
    document = read_document(path)
    spec = _validated_spec(document)
    scenario = _base_scenario(spec, document, path)
    parameters = parameters_of(spec)
    try:
        points = design_points(spec.design, parameters, spec.samples, spec.seed)
    except ImportError:
        message = f"the {spec.design} design draws its points with SALib, which is not installed"
        hint = "install it with: pip install 'govsim[analysis]'"
        raise ScenarioError([_problem(document, ("design",), message, hint)]) from None
    _check_points(scenario, parameters, points, document)
    return Experiment(
        file=str(path),
        name=spec.name or path.stem,
        spec=spec,
        scenario=scenario,
        parameters=tuple(parameters),
        points=tuple(points),
        seeds=tuple(replication_seeds(spec.seed, spec.replications)),
    )


# --- The file's own keys ----------------------------------------------------------------------


def _validated_spec(document: Document) -> ExperimentSpec:
    try:
        spec = ExperimentSpec.model_validate(document.data)
    except ValidationError as error:
        problems = problems_from_validation(error, document.data, ExperimentSpec, document.locate)
        raise ScenarioError(problems) from None
    problems = [
        *_name_problems(spec, document),
        *_parameter_problems(spec, document),
        *_design_problems(spec, document),
        *_outcome_problems(spec, document),
    ]
    if problems:
        raise ScenarioError(problems)
    return spec


def _problem(
    document: Document, path: KeyPath, message: str, hint: str | None, on_key: bool = False
) -> Problem:
    file, line = document.locate(path, on_key)
    return Problem(file, line, format_key_path(path, document.data), message, hint=hint)


def _name_problems(spec: ExperimentSpec, document: Document) -> list[Problem]:
    """The name picks the sweep's folder (``results/<name>/``): it must be a safe one."""
    if spec.name is None or (problem := folder_name_problem(spec.name)) is None:
        return []
    return [_problem(document, ("name",), *problem)]


def _parameter_problems(spec: ExperimentSpec, document: Document) -> list[Problem]:
    problems = []
    for section in SECTIONS:
        for key, parameter in getattr(spec, section).items():
            here = (section, key)
            if (parameter.levels is None) == (parameter.range is None):
                message = "give either levels or range"
                hint = "write levels: [0.2, 0.5] for chosen values, or range: [0.2, 0.8]"
                problems.append(_problem(document, here, message, hint, on_key=True))
            elif parameter.range is not None and not parameter.range[0] < parameter.range[1]:
                low, high = parameter.range
                message = f"range [{low}, {high}] is empty: its low end must be below its high end"
                problems.append(_problem(document, (*here, "range"), message, "swap them"))
            elif parameter.integer and parameter.levels is not None:
                problems.extend(_integer_level_problems(parameter.levels, here, document))
    both = set(spec.levers) & set(spec.uncertainties)
    for key in sorted(both):
        message = "is both a lever and an uncertainty"
        hint = "a key path is either chosen by governance (lever) or not (uncertainty)"
        problems.append(_problem(document, ("uncertainties", key), message, hint, on_key=True))
    return problems


def _integer_level_problems(levels: list[Any], here: KeyPath, document: Document) -> list[Problem]:
    return [
        _problem(
            document, (*here, "levels", index), f"expected a whole number, got {value!r}", None
        )
        for index, value in enumerate(levels)
        if isinstance(value, bool) or not isinstance(value, int)
    ]


def _design_problems(spec: ExperimentSpec, document: Document) -> list[Problem]:
    problems = []
    design = spec.design
    if design in SAMPLED and spec.samples is None:
        message = f"the {design} design needs samples"
        hint = "add e.g. samples: 64 (a power of 2 for sobol)"
        problems.append(_problem(document, ("design",), message, hint))
    if design == "grid" and spec.samples is not None:
        message = "a grid runs every combination of levels, so samples is not used"
        hint = "remove samples, or choose design: random, lhs, sobol or morris"
        problems.append(_problem(document, ("samples",), message, hint, on_key=True))
    for section in SECTIONS:
        for key, parameter in getattr(spec, section).items():
            if design == "grid" and parameter.levels is None and parameter.range is not None:
                message = "a grid needs levels, not a range"
                hint = "write levels: [...], or choose design: lhs (or random, sobol, morris)"
                problems.append(_problem(document, (section, key, "range"), message, hint, True))
            if design in RANGES_ONLY and parameter.levels is not None:
                message = f"the {design} design needs a range, not levels"
                hint = "write range: [low, high] (with integer: true for whole numbers)"
                problems.append(_problem(document, (section, key, "levels"), message, hint, True))
    if _point_count(spec) > MAX_POINTS:
        message = f"the design has more than {MAX_POINTS:_} points"
        problems.append(_problem(document, ("design",), message, "lower samples or levels"))
    return problems


def _point_count(spec: ExperimentSpec) -> int:
    parameters = [*spec.levers.values(), *spec.uncertainties.values()]
    count = len(parameters)
    if spec.design == "grid":
        total = 1
        for parameter in parameters:
            total *= len(parameter.levels or [None])
        return total
    samples = spec.samples or 1
    if spec.design == "sobol":
        return samples * (2 * count + 2)
    return samples * (count + 1) if spec.design == "morris" else samples


def _outcome_problems(spec: ExperimentSpec, document: Document) -> list[Problem]:
    problems = []
    for index, outcome in enumerate(spec.outcomes):
        if outcome not in OUTCOMES:
            hint = suggest(outcome, OUTCOMES) or "outcomes are summary columns, e.g. net_loss"
            message = f"{outcome!r} is not a summary column of a run"
            problems.append(_problem(document, ("outcomes", index), message, hint))
    return problems


# --- Against the scenario ---------------------------------------------------------------------


def _base_scenario(spec: ExperimentSpec, document: Document, path: Path) -> Scenario:
    """Load the base scenario (relative to the experiment file) and apply ``fixed``."""
    scenario_path = path.parent / spec.scenario
    if not scenario_path.is_file():
        message = f"no scenario file {scenario_path}"
        hint = "give the scenario's path relative to this experiment file"
        raise ScenarioError([_problem(document, ("scenario",), message, hint)])
    scenario = load_scenario(scenario_path)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return with_overrides(scenario, spec.fixed)
    except ScenarioError as error:
        raise ScenarioError(_placed(error, document, "fixed", list(spec.fixed))) from None


def parameters_of(spec: ExperimentSpec) -> list[Parameter]:
    """Levers then uncertainties of a validated file, in its order (the design's columns)."""
    return [
        Parameter(
            path=key,
            levels=None if p.levels is None else tuple(p.levels),
            bounds=p.range,
            integer=p.integer,
        )
        for section in SECTIONS
        for key, p in getattr(spec, section).items()
    ]


def _check_points(
    scenario: Scenario, parameters: list[Parameter], points: list[Point], document: Document
) -> None:
    """Validate every point's scenario; report each distinct problem once, at its parameter.

    Each parameter is first tried alone, so that every key path the scenario lacks is reported
    (an unknown path stops the scenario's validation); the points then vary the known ones.
    """
    place = _Placer(document, {p.path: p for p in parameters})
    found: dict[tuple[str, str], Problem] = {}
    unknown = set()
    for parameter in parameters:
        alone = {parameter.path: points[0][parameter.path]}
        for problem in _problems_of(scenario, alone):
            if problem.message == UNKNOWN_KEY:
                unknown.add(parameter.path)
                placed = place(problem, alone)
                found.setdefault((placed.key_path, placed.message), placed)
    for point in points:
        known = {path: value for path, value in point.items() if path not in unknown}
        for problem in _problems_of(scenario, known):
            placed = place(problem, point)
            found.setdefault((placed.key_path, placed.message), placed)
    if found:
        raise ScenarioError(found.values())


def _problems_of(scenario: Scenario, point: Point) -> list[Problem]:
    """The problems of one point's scenario, as the scenario reports them (none if valid)."""
    if not point:
        return []
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            with_overrides(scenario, point)
    except ScenarioError as error:
        return error.problems
    return []


@dataclass(frozen=True)
class _Placer:
    """Places a point's scenario problem on the line of the lever or uncertainty behind it."""

    document: Document
    parameters: dict[str, Parameter]

    def __call__(self, problem: Problem, point: Point) -> Problem:
        key = _parameter_of(problem.key_path, list(point))
        if key is None:
            settings = ", ".join(f"{path}={value!r}" for path, value in point.items())
            message = f"the point {settings} makes an invalid scenario: {problem.message}"
            return _problem(self.document, (), message, problem.hint)
        here = (self._section(key), key)
        if problem.message == UNKNOWN_KEY:
            return _problem(self.document, here, problem.message, problem.hint, on_key=True)
        parameter = self.parameters[key]
        if parameter.levels is None:
            low, high = parameter.bounds or (0, 0)
            message = f"the range [{low}, {high}] leaves what the scenario takes: {problem.message}"
            return _problem(self.document, (*here, "range"), _without_value(message), problem.hint)
        index = parameter.levels.index(point[key])
        return _problem(self.document, (*here, "levels", index), problem.message, problem.hint)

    def _section(self, key: str) -> str:
        return next(
            (section for section in SECTIONS if key in (self.document.data.get(section) or {})),
            SECTIONS[0],
        )


def _without_value(message: str) -> str:
    """A message about a drawn value without the value, so that one range gives one problem."""
    return message.split(", got ")[0]


def _placed(
    error: ScenarioError, document: Document, section: str, keys: list[str]
) -> list[Problem]:
    """Place a scenario's problems with ``fixed`` on the lines of the keys that caused them."""
    placed = []
    for problem in error.problems:
        key = _parameter_of(problem.key_path, keys)
        path: KeyPath = (section, key) if key is not None else (section,)
        on_key = problem.message == UNKNOWN_KEY
        placed.append(_problem(document, path, problem.message, problem.hint, on_key))
    return placed


def _parameter_of(key_path: str, keys: list[str]) -> str | None:
    """The parameter a scenario problem is about: the key path itself, or one above it."""
    normal = key_path.replace("[", ".").replace("]", "")
    for key in keys:
        written = key.replace("[", ".").replace("]", "")
        if normal == written or normal.startswith(written + ".") or _same_link(normal, written):
            return key
    return None


def _same_link(one: str, other: str) -> bool:
    """Whether two key paths name the same cooperation link, written in either order."""
    prefix = "cooperation.links."
    if not (one.startswith(prefix) and other.startswith(prefix)):
        return False
    return sorted(one[len(prefix) :].split("-")) == sorted(other[len(prefix) :].split("-"))
