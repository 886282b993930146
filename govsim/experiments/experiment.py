"""Experiment files: a base scenario, levers and uncertainties, a design, replications.

An experiment file is written by hand, like a scenario, and is checked as thoroughly before a
single run starts: a sweep of hours must not stop at its 900th point on a value the scenario
refuses. Every problem is reported with the file, the line, the key path and the fix, and all
that do not depend on each other at once: the file's own keys (a misspelt top-level key does
not hide the others), the key paths the scenario lacks, and the base scenario's and ``fixed``'s
problems; the values the points give, which depend on the design, once those are right. Every
point's scenario is validated up front, and a point's problem is placed on the line of
the lever or uncertainty that produced it. The points keep each value as the scenario takes it
(``1e-3``, which YAML reads as text, as the number 0.001): what the sweep stores is what the
runs used, and validation has already built it. Two keys that set one value (a link written both
ways round, a key both fixed and varied) are refused: the later would silently win, and the
results would show a column the model never used. What is valid but will not act as written
is issued as a caution (see ``cautions.py``), once, before any run.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from govsim.experiments.cautions import (
    PointCautions,
    issue_cautions,
    problem_at,
    quietly_overridden,
    samples_caution,
)
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
    problems_from_validation,
    show,
    suggest,
)
from govsim.scenario.folder_names import folder_name_problem, folder_safe
from govsim.scenario.loading import Document, dump_scenario, read_document
from govsim.scenario.messages import Message
from govsim.scenario.overrides import setting_holding, setting_of, values_at

SECTIONS = ("levers", "uncertainties")
"""The two kinds of parameter: what governance chooses, and what it cannot know."""
WRITTEN = ("fixed", *SECTIONS)
"""Where an experiment file sets key paths: for every point, or varied between points."""
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
UNKNOWN_KEY = Message("no_such_key")
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


EXPERIMENT_ONLY_KEYS = frozenset(ExperimentSpec.model_fields) - frozenset(Scenario.model_fields)
"""Top-level keys that experiment files have and scenario files do not (``name`` is in both)."""


@dataclass(frozen=True)
class Experiment:
    """A validated experiment: its base scenario, parameters, points and replication seeds.

    Attributes:
        file: The experiment file, as given.
        name: The experiment's name (its file's stem unless it names itself).
        spec: The file's keys, validated.
        scenario: The base scenario with ``fixed`` applied; each point overrides it.
        parameters: Levers then uncertainties, in the file's order; their levels as the
            scenario takes them (what the points hold, and what the analysis groups by).
        points: The design's points, each a mapping from key path to the value as the
            scenario takes it: what the runs use, and what the sweep stores.
        seeds: Replication seeds, the same for every point (common random numbers).
        drawn: The points as the design drew them from the file's values, before the scenario
            took them (what the fingerprint hashes).
    """

    file: str
    name: str
    spec: ExperimentSpec
    scenario: Scenario
    parameters: tuple[Parameter, ...]
    points: tuple[Point, ...]
    seeds: tuple[int, ...]
    drawn: tuple[Point, ...]

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
        new SALib drawing other points) does. The drawn points decide the points as taken, and
        hashing them keeps the fingerprints of folders swept before points were stored as
        taken (a level ``8`` is now stored as the scenario's ``8.0``), which then still
        resume. The outcomes are left out: they choose what to
        analyse, not what is run. With ``seeds``, the fingerprint this experiment would have
        with those replication seeds instead of its own: a sweep folder asks whether its runs
        are this experiment's with fewer replications.
        """
        content = {
            "scenario": dump_scenario(self.scenario),
            "points": list(self.drawn),
            "seeds": list(self.seeds if seeds is None else seeds),
        }
        return _short_hash(content)


def _short_hash(content: dict[str, object]) -> str:
    text = json.dumps(content, sort_keys=True, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def is_experiment(data: Mapping[str, Any]) -> bool:
    """Whether a file's top-level keys are an experiment's rather than a scenario's.

    Any key that only experiment files have (``scenario``, ``levers``, ``design``...) decides:
    ``govsim validate`` then checks the file as an experiment, and tells its author what an
    experiment lacks rather than that every experiment key is unknown to a scenario.
    """
    return any(key in EXPERIMENT_ONLY_KEYS for key in data)


def load_experiment(path: str | Path) -> Experiment:
    """Read an experiment file and check it, and every point's scenario, before any run.

    Warns:
        ScenarioWarning: once for each caution the experiment brings to its scenario (see
            ``cautions.py``), and for a Sobol design's samples that are not a power of 2.

    Raises:
        ScenarioError: with every problem found, each with its file, line, key path and fix;
            problems of the base scenario file name that file.
    """
    path = Path(path)
    document = read_document(path)
    spec, problems = _read_spec(document)
    with _reported_after(problems):
        base = _base_scenario(spec, document, path)
        scenario = _fixed_scenario(base, spec, document)
    problems.extend(_unknown_key_problems(scenario, spec, document))
    if problems:
        raise ScenarioError(problems)
    parameters = parameters_of(spec)
    drawn = _drawn_points(spec, parameters, document)
    found = PointCautions(base, scenario, spec.fixed, {p.path: p for p in parameters}, document)
    points = _checked_points(scenario, parameters, drawn, document, found)
    issue_cautions([*found.problems(), *_samples_cautions(spec, document)])
    return Experiment(
        file=str(path),
        name=spec.name or path.stem,
        spec=spec,
        scenario=scenario,
        parameters=tuple(taken_levels(parameters, drawn, points)),
        points=tuple(points),
        seeds=tuple(replication_seeds(spec.seed, spec.replications)),
        drawn=tuple(drawn),
    )


def _drawn_points(
    spec: ExperimentSpec, parameters: list[Parameter], document: Document
) -> list[Point]:
    try:
        return design_points(spec.design, parameters, spec.samples, spec.seed)
    except ImportError:
        message = Message("no_salib", design=spec.design)
        hint = Message("no_salib_fix")
        raise ScenarioError([problem_at(document, ("design",), message, hint)]) from None


def _samples_cautions(spec: ExperimentSpec, document: Document) -> list[Problem]:
    caution = samples_caution(spec.design, spec.samples, document)
    return [] if caution is None else [caution]


# --- The file's own keys ----------------------------------------------------------------------


def _read_spec(document: Document) -> tuple[ExperimentSpec, list[Problem]]:
    """The file's keys, and every problem in them that does not stop the reading.

    A top-level key an experiment does not have (``replication: 3`` for ``replications``)
    does nothing, so the file is read without it and its other keys are checked as well. Any
    other malformed key stops the reading here: read with its default instead, it would bring
    problems of its own (``design: sobbol`` read as a grid would have every range refused).

    Raises:
        ScenarioError: if the keys cannot be read, with every problem pydantic found.
    """
    data = document.data
    try:
        spec = ExperimentSpec.model_validate(data)
    except ValidationError as error:
        problems = problems_from_validation(error, data, ExperimentSpec, document.locate)
        unknown = _unknown_top_keys(error)
        if unknown is None:
            raise ScenarioError(problems) from None
        spec = ExperimentSpec.model_validate({k: v for k, v in data.items() if k not in unknown})
        return spec, [*problems, *_spec_problems(spec, document)]
    return spec, _spec_problems(spec, document)


def _unknown_top_keys(error: ValidationError) -> set[str] | None:
    """The top-level keys pydantic refused as unknown, or None if it found anything else."""
    errors = error.errors(include_url=False)
    if all(e["type"] == "extra_forbidden" and len(e["loc"]) == 1 for e in errors):
        return {str(e["loc"][0]) for e in errors}
    return None


def _spec_problems(spec: ExperimentSpec, document: Document) -> list[Problem]:
    return [
        *_name_problems(spec, document),
        *_parameter_problems(spec, document),
        *_overlap_problems(spec, document),
        *_design_problems(spec, document),
        *_outcome_problems(spec, document),
    ]


@contextmanager
def _reported_after(problems: list[Problem]) -> Iterator[None]:
    """Report the problems found so far with those of a step that cannot go on without them."""
    try:
        yield
    except ScenarioError as error:
        raise ScenarioError([*problems, *error.problems]) from None


def _name_problems(spec: ExperimentSpec, document: Document) -> list[Problem]:
    """The name picks the sweep's folder (``results/<name>/``): it must be a safe one.

    A file without ``name:`` is named after its file, which is checked alike: ``CON.yaml``
    would otherwise sweep into ``results/CON/``, a folder Windows cannot open.
    """
    if spec.name is not None:
        problem = folder_name_problem(spec.name)
        return [] if problem is None else [problem_at(document, ("name",), *problem)]
    stem = Path(document.file).stem
    problem = folder_name_problem(stem)
    if problem is None:
        return []
    message = Message("name_from_file", problem=problem[0])
    hint = Message("name_from_file_fix", suggestion=folder_safe(stem))
    return [Problem(document.file, 1, "", message, hint=hint)]


def _parameter_problems(spec: ExperimentSpec, document: Document) -> list[Problem]:
    problems = []
    for section in SECTIONS:
        for key, parameter in getattr(spec, section).items():
            here = (section, key)
            if (parameter.levels is None) == (parameter.range is None):
                message, hint = Message("levels_or_range"), Message("levels_or_range_fix")
                problems.append(problem_at(document, here, message, hint, on_key=True))
            elif parameter.range is not None and not parameter.range[0] < parameter.range[1]:
                low, high = parameter.range
                message = Message("range_empty", low=low, high=high)
                hint = Message("range_empty_fix")
                problems.append(problem_at(document, (*here, "range"), message, hint))
            elif parameter.integer and parameter.levels is not None:
                problems.extend(_integer_level_problems(parameter.levels, here, document))
            elif parameter.integer and parameter.range is not None:
                problems.extend(_integer_bound_problems(parameter.range, here, document))
    return problems


def _integer_level_problems(levels: list[Any], here: KeyPath, document: Document) -> list[Problem]:
    """Levels of an integer parameter are ints (a bool is not one, though Python says so)."""
    return _not_whole(levels, (*here, "levels"), document, _is_int)


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _integer_bound_problems(
    bounds: tuple[float, float], here: KeyPath, document: Document
) -> list[Problem]:
    """Whole numbers are drawn between whole bounds, each as often (``Parameter.whole_at``)."""
    return _not_whole(bounds, (*here, "range"), document, lambda v: float(v).is_integer())


def _not_whole(
    values: Sequence[Any], where: KeyPath, document: Document, whole: Callable[[Any], bool]
) -> list[Problem]:
    """A problem at each value under ``where`` that ``whole`` refuses."""
    return [
        problem_at(
            document,
            (*where, index),
            Message("expected_got", expected=Message("kind_int"), got=_shown(value)),
            None,
        )
        for index, value in enumerate(values)
        if not whole(value)
    ]


def _shown(value: Any) -> str:
    """A value as written; a float keeps its point (``10.0`` is not a whole number here)."""
    return repr(value) if isinstance(value, float) else show(value)


# --- Keys that set one value ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Written:
    """A key path as the file sets it: its section, its line and the setting it names."""

    section: str
    key: str
    line: int | None
    setting: tuple[str, ...]

    @property
    def place(self) -> str:
        """Where it is written, as a key path of the file: ``levers.days``."""
        return f"{self.section}.{self.key}"

    def holds(self, other: _Written) -> bool:
        """Whether the other's setting lies inside this one's (``events`` holds ``events.0``)."""
        return other.setting[: len(self.setting)] == self.setting != other.setting


def _overlap_problems(spec: ExperimentSpec, document: Document) -> list[Problem]:
    """Keys that set one value, or one inside another's: one of them would do nothing.

    Overrides are applied in order, so the later key would silently win: a lever written as
    ``bank-police`` with another as ``police-bank`` varies a column the model never used. A
    fixed key that holds a lever or uncertainty is allowed: the points refine what it sets.
    Each overlap is reported once, at the later key, naming the earlier.
    """
    written = _written_keys(spec, document)
    problems = []
    for index, later in enumerate(written):
        for earlier in written[:index]:
            problem = _overlap(earlier, later, document)
            if problem is not None:
                problems.append(problem)
                break
    return problems


def _written_keys(spec: ExperimentSpec, document: Document) -> list[_Written]:
    written = [
        _Written(section, key, document.locate((section, key), True)[1], setting_of(key))
        for section in WRITTEN
        for key in getattr(spec, section)
    ]
    return sorted(written, key=lambda item: item.line or 0)


def _overlap(first: _Written, second: _Written, document: Document) -> Problem | None:
    if first.setting == second.setting:
        return _same_setting(first, second, document)
    for outer, inner in ((first, second), (second, first)):
        refined = outer.section == "fixed" and inner.section != "fixed"
        if outer.holds(inner) and not refined:
            return _inside_setting(outer, inner, document)
    return None


def _same_setting(first: _Written, second: _Written, document: Document) -> Problem:
    sections = {first.section, second.section}
    if sections == set(SECTIONS):
        message = Message("lever_and_uncertainty", other=first.place, line=first.line)
        hint = Message("lever_and_uncertainty_fix")
    else:
        message = Message("same_setting", other=first.place, line=first.line)
        varied = (sections - {"fixed"}).pop() if len(sections) > 1 else None
        hint = (
            Message("keep_one")
            if varied is None
            else Message("fixed_or_varied_fix", section=varied)
        )
    return problem_at(document, (second.section, second.key), message, hint, on_key=True)


def _inside_setting(outer: _Written, inner: _Written, document: Document) -> Problem:
    message = Message("inside_setting", other=outer.place, line=outer.line)
    if inner.section == "fixed":
        hint = Message("inside_varied_fix", outer=outer.place)
    else:
        hint = Message("inside_setting_fix", outer=outer.key)
    return problem_at(document, (inner.section, inner.key), message, hint, on_key=True)


# --- The design and the outcomes --------------------------------------------------------------


def _design_problems(spec: ExperimentSpec, document: Document) -> list[Problem]:
    problems = []
    design = spec.design
    if design in SAMPLED and spec.samples is None:
        message = Message("design_needs_samples", design=design)
        hint = Message("design_needs_samples_fix")
        problems.append(problem_at(document, ("design",), message, hint))
    if design == "grid" and spec.samples is not None:
        message, hint = Message("grid_takes_no_samples"), Message("grid_takes_no_samples_fix")
        problems.append(problem_at(document, ("samples",), message, hint, on_key=True))
    problems.extend(_value_kind_problems(spec, document))
    if _point_count(spec) > MAX_POINTS:
        message = Message("too_many_points", count=f"{MAX_POINTS:_}")
        hint = Message("too_many_points_fix")
        problems.append(problem_at(document, ("design",), message, hint))
    return problems


def _value_kind_problems(spec: ExperimentSpec, document: Document) -> list[Problem]:
    """A grid lists levels; Sobol and Morris draw from ranges."""
    problems = []
    design = spec.design
    for section in SECTIONS:
        for key, parameter in getattr(spec, section).items():
            if design == "grid" and parameter.levels is None and parameter.range is not None:
                message, hint = Message("grid_needs_levels"), Message("grid_needs_levels_fix")
                path = (section, key, "range")
                problems.append(problem_at(document, path, message, hint, on_key=True))
            if design in RANGES_ONLY and parameter.levels is not None:
                message = Message("design_needs_range", design=design)
                hint = Message("design_needs_range_fix")
                path = (section, key, "levels")
                problems.append(problem_at(document, path, message, hint, on_key=True))
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
            hint = suggest(outcome, OUTCOMES) or Message("not_an_outcome_fix")
            message = Message("not_an_outcome", outcome=repr(outcome))
            problems.append(problem_at(document, ("outcomes", index), message, hint))
    return problems


# --- Against the scenario ---------------------------------------------------------------------


def _base_scenario(spec: ExperimentSpec, document: Document, path: Path) -> Scenario:
    """Load the base scenario, relative to the experiment file; its own cautions are issued."""
    scenario_path = path.parent / spec.scenario
    if not scenario_path.is_file():
        message = Message("no_scenario_file", path=scenario_path)
        hint = Message("no_scenario_file_fix")
        raise ScenarioError([problem_at(document, ("scenario",), message, hint)])
    return load_scenario(scenario_path)


def _fixed_scenario(base: Scenario, spec: ExperimentSpec, document: Document) -> Scenario:
    """The base scenario with ``fixed`` applied: what every point overrides."""
    try:
        return quietly_overridden(base, spec.fixed)
    except ScenarioError as error:
        raise ScenarioError(_placed(error, document, "fixed", list(spec.fixed))) from None


def _unknown_key_problems(
    scenario: Scenario, spec: ExperimentSpec, document: Document
) -> list[Problem]:
    """Each lever and uncertainty whose key path the scenario lacks, with the closest one.

    A key path needs no value to be found, so these are reported with the file's other
    problems, before any point is drawn: the design may be the next thing to fix.
    """
    problems = []
    for section in SECTIONS:
        keys = list(getattr(spec, section))
        held = values_at(scenario, keys)
        for key in (key for key in keys if key not in held):
            found = _applied(scenario, {key: None})[1]
            problems.extend(
                problem_at(document, (section, key), p.message, p.hint, on_key=True)
                for p in found
                if p.message == UNKNOWN_KEY
            )
    return problems


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


def _checked_points(
    scenario: Scenario,
    parameters: list[Parameter],
    points: list[Point],
    document: Document,
    found_cautions: PointCautions,
) -> list[Point]:
    """Validate every point's scenario; return the points with their values as it takes them.

    Each distinct problem is reported once, at its parameter (every key path is known: those
    the scenario lacks were reported before). The cautions of each valid point's scenario go
    to ``found_cautions``.
    """
    place = _Placer(document, {p.path: p for p in parameters})
    found: dict[tuple[str, str], Problem] = {}
    taken = []
    for point in points:
        overridden, problems = _applied(scenario, point)
        for problem in problems:
            placed = place(problem, point)
            found.setdefault((placed.key_path, placed.message), placed)
        if overridden is not None:
            found_cautions.add(point, overridden)
            taken.append(_as_taken(point, overridden))
    if found:
        raise ScenarioError(found.values())
    return taken


def _as_taken(point: Point, scenario: Scenario) -> Point:
    """A point with each value as its scenario holds it, in the point's order."""
    held = values_at(scenario, point)
    return {path: held.get(path, value) for path, value in point.items()}


def taken_levels(
    parameters: list[Parameter], drawn: list[Point], taken: list[Point]
) -> list[Parameter]:
    """The parameters with each level as the scenario took it, at the first point that drew it.

    The analysis groups the stored points by level, so it needs the levels in the form the
    points were stored in. A level no point drew (a few random samples) has no run to group
    and is kept as written.
    """
    return [
        parameter if parameter.levels is None else _with_taken_levels(parameter, drawn, taken)
        for parameter in parameters
    ]


def _with_taken_levels(parameter: Parameter, drawn: list[Point], taken: list[Point]) -> Parameter:
    written = parameter.levels or ()
    found: dict[int, Any] = {}
    for before, after in zip(drawn, taken, strict=True):
        found.setdefault(written.index(before[parameter.path]), after[parameter.path])
    levels = tuple(found.get(index, level) for index, level in enumerate(written))
    return dataclasses.replace(parameter, levels=levels)


def _applied(scenario: Scenario, point: Point) -> tuple[Scenario | None, list[Problem]]:
    """One point's scenario and no problem, or None and its problems as the scenario says."""
    try:
        return quietly_overridden(scenario, point), []
    except ScenarioError as error:
        return None, error.problems


@dataclass(frozen=True)
class _Placer:
    """Places a point's scenario problem on the line of the lever or uncertainty behind it."""

    document: Document
    parameters: dict[str, Parameter]

    def __call__(self, problem: Problem, point: Point) -> Problem:
        key = setting_holding(problem.key_path, list(point))
        if key is None:
            settings = ", ".join(f"{path}={value!r}" for path, value in point.items())
            message = Message("point_invalid", settings=settings, problem=problem.message)
            return problem_at(self.document, (), message, problem.hint)
        here = (self._section(key), key)
        if problem.message == UNKNOWN_KEY:
            return problem_at(self.document, here, problem.message, problem.hint, on_key=True)
        parameter = self.parameters[key]
        if parameter.levels is None:
            low, high = parameter.bounds or (0, 0)
            message = Message(
                "range_leaves_scenario", low=low, high=high, problem=_without_value(problem.message)
            )
            return problem_at(self.document, (*here, "range"), message, problem.hint)
        index = parameter.levels.index(point[key])
        return problem_at(self.document, (*here, "levels", index), problem.message, problem.hint)

    def _section(self, key: str) -> str:
        return next(
            (section for section in SECTIONS if key in (self.document.data.get(section) or {})),
            SECTIONS[0],
        )


VALUELESS = {"expected_got": "expected_only", "link_level_range": "link_level_range_only"}
"""Messages that name a drawn value, and the same message without it."""


def _without_value(message: str) -> str:
    """A message about a drawn value without the value, so that one range gives one problem."""
    if isinstance(message, Message) and message.key in VALUELESS:
        return Message(VALUELESS[message.key], **message.values)
    return message.split(", got ")[0]


def _placed(
    error: ScenarioError, document: Document, section: str, keys: list[str]
) -> list[Problem]:
    """Place a scenario's problems with ``fixed`` on the lines of the keys that caused them."""
    placed = []
    for problem in error.problems:
        key = setting_holding(problem.key_path, keys)
        path: KeyPath = (section, key) if key is not None else (section,)
        on_key = problem.message == UNKNOWN_KEY
        placed.append(problem_at(document, path, problem.message, problem.hint, on_key))
    return placed
