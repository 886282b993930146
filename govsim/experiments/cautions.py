"""Cautions of an experiment: what it asks of its scenario that will not act as written.

A scenario's cautions (an event after the last day, say) are shown when it is loaded. An
experiment can bring new ones: ``fixed: {days: 20}`` puts the data breach of day 60 after the
end, and so can a lever at some of its levels. A sweep must say so before its runs start, as
``govsim run --days 20`` does, rather than run hours of points in which nothing happens.

Each caution is placed in the experiment file, on the line of the key behind it, and is shown
once however many points bring it, saying how many do when not all of them do.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from govsim.experiments.designs import Parameter, Point
from govsim.scenario import Scenario
from govsim.scenario.cautions import Caution, ScenarioWarning, cautions
from govsim.scenario.errors import KeyPath, Problem, ScenarioError, format_key_path
from govsim.scenario.loading import Document
from govsim.scenario.messages import Message
from govsim.scenario.overrides import setting_holding, with_overrides

FIXED = "fixed"


def problem_at(
    document: Document, path: KeyPath, message: str, hint: str | None, on_key: bool = False
) -> Problem:
    """A problem or caution placed at the file and line where ``path`` was written."""
    file, line = document.locate(path, on_key)
    return Problem(file, line, format_key_path(path, document.data), message, hint=hint)


def issue_cautions(found: Iterable[Problem]) -> None:
    """Issue a :class:`ScenarioWarning` per caution, in reading order, as a scenario's are."""
    for problem in sorted(found, key=lambda p: (p.file or "", p.line or 0)):
        warning = ScenarioWarning(
            problem.file, problem.line, problem.key_path, problem.message, problem.hint
        )
        warnings.warn(warning, stacklevel=3)


def quietly_overridden(scenario: Scenario, settings: Mapping[str, Any]) -> Scenario:
    """The scenario with ``settings`` applied, its cautions not issued: they are placed here."""
    return with_overrides(scenario, settings, warn=False)


# --- Sobol samples ----------------------------------------------------------------------------


def samples_caution(design: str, samples: int | None, document: Document) -> Problem | None:
    """A caution at ``samples:`` when a Sobol design's samples are not a power of 2.

    Sobol' points are balanced only in powers of 2, and the indices converge as they should
    only then. scipy says so through SALib with a line of its own code; this says it where
    it can be fixed, with the nearest power of 2.
    """
    if design != "sobol" or samples is None or is_power_of_2(samples):
        return None
    message = Message("sobol_samples", samples=samples)
    hint = Message("sobol_samples_fix", nearest=nearest_power_of_2(samples))
    return problem_at(document, ("samples",), message, hint)


def is_power_of_2(number: int) -> bool:
    """Whether a positive whole number is 1, 2, 4, 8, ..."""
    return number > 0 and number & (number - 1) == 0


def nearest_power_of_2(number: int) -> int:
    """The power of 2 nearest a positive whole number; the larger one between two as near."""
    lower = 1 << (number.bit_length() - 1)
    upper = lower * 2
    return lower if number - lower < upper - number else upper


# --- What the fixed keys and the points bring -------------------------------------------------


@dataclass
class PointCautions:
    """Collects the cautions the experiment brings, point by point, each placed once.

    A caution is the experiment's when the base scenario file did not have it (the file's
    own were shown when it was loaded). It is placed on the key behind it: the key it is
    about if the file sets that, else the first key whose value alone brings it; a
    combination of values places it at the file.

    Attributes:
        base: The base scenario as its file gives it.
        fixed_scenario: The base with ``fixed`` applied, which every point overrides.
        fixed: The file's ``fixed`` settings.
        parameters: The levers and uncertainties, by key path.
        document: The experiment file, to place cautions in.
    """

    base: Scenario
    fixed_scenario: Scenario
    fixed: Mapping[str, Any]
    parameters: Mapping[str, Parameter]
    document: Document
    _known: set[Caution] = field(init=False)
    _culprits: dict[tuple[KeyPath, str], str | None] = field(init=False, default_factory=dict)
    _found: dict[tuple[str, ...], _Found] = field(init=False, default_factory=dict)
    _points: int = field(init=False, default=0)

    def __post_init__(self) -> None:
        self._known = set(cautions(self.base))

    def add(self, point: Point, scenario: Scenario) -> None:
        """Note the cautions of one point's scenario."""
        self._points += 1
        for caution in dict.fromkeys(cautions(scenario)):
            if caution not in self._known:
                self._note(caution, point)

    def problems(self) -> list[Problem]:
        """Each caution once, saying at how many points when not at all of them."""
        return [found.problem(self._points) for found in self._found.values()]

    def _note(self, caution: Caution, point: Point) -> None:
        key = self._culprit(caution, point)
        parameter = self.parameters.get(key) if key in point else None
        path = self._place(key, point)
        drawn = parameter is not None and parameter.levels is None
        # A range draws a value per point: its cautions differ by the value, and are one.
        said = _message_id(caution.message) if drawn else str(caution.message)
        identity = (*map(str, path), format_key_path(caution.path), said)
        if identity not in self._found:
            self._found[identity] = _Found(self._problem(caution, path), drawn)
        self._found[identity].points += 1

    def _problem(self, caution: Caution, path: KeyPath) -> Problem:
        about = format_key_path(caution.path)
        message = Message("caution_in_scenario", key_path=about, caution=caution.message)
        if not path:
            return Problem(self.document.file, None, "", message, hint=caution.hint)
        on_key = path[0] == FIXED
        return problem_at(self.document, path, message, caution.hint, on_key=on_key)

    def _place(self, key: str | None, point: Point) -> KeyPath:
        """Where a caution goes: the fixed key, the level or range of a parameter, or ()."""
        if key is None:
            return ()
        if key not in point:
            return (FIXED, key)
        parameter = self.parameters[key]
        here = (self._section(key), key)
        if parameter.levels is None:
            return (*here, "range")
        return (*here, "levels", parameter.levels.index(point[key]))

    def _section(self, key: str) -> str:
        return "levers" if key in (self.document.data.get("levers") or {}) else "uncertainties"

    def _culprit(self, caution: Caution, point: Point) -> str | None:
        """The key behind a caution, found once per kind of caution and kept."""
        kind = (caution.path, _message_id(caution.message))
        if kind not in self._culprits:
            self._culprits[kind] = self._find_culprit(caution, point)
        return self._culprits[kind]

    def _find_culprit(self, caution: Caution, point: Point) -> str | None:
        about = format_key_path(caution.path)
        direct = setting_holding(about, [*point, *self.fixed])
        if direct is not None:
            return direct
        for key in point:
            if _brings(self.fixed_scenario, {key: point[key]}, caution):
                return key
        for key in self.fixed:
            if _brings(self.base, {key: self.fixed[key]}, caution):
                return key
        return None


@dataclass
class _Found:
    """A caution as first placed, whether a range drew it, and at how many points it held."""

    first: Problem
    drawn: bool
    points: int = 0

    def problem(self, points: int) -> Problem:
        """The caution, saying at how many of the ``points`` it holds (unless all, for levels)."""
        if self.drawn:
            key = "caution_at_drawn_points"
        elif self.points < points:
            key = "caution_at_points"
        else:
            return self.first
        first = self.first
        message = Message(key, caution=first.message, count=self.points, points=points)
        return Problem(first.file, first.line, first.key_path, message, hint=first.hint)


def _brings(scenario: Scenario, settings: Mapping[str, Any], caution: Caution) -> bool:
    """Whether ``settings`` alone give the scenario this caution."""
    try:
        return caution in cautions(quietly_overridden(scenario, settings))
    except ScenarioError:
        return False


def _message_id(message: str) -> str:
    """What a caution says, without the values it names: its message's id, or its text."""
    return message.key if isinstance(message, Message) else str(message)
