"""Overrides of a loaded scenario (days, residents, any key path), validated like a file.

A key path names one value of the resolved scenario with dots: ``agencies.police.capability``,
``cooperation.links.bank-police`` (a link in either order), ``events.0.reach`` (a list index;
``events[0].reach`` is also accepted). Overrides are applied to the resolved data and the whole
scenario is validated again, so a bad value gets the same readable error as in a file.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterable, Iterator, Mapping
from contextlib import suppress
from pathlib import Path
from typing import Any, NamedTuple

import yaml

from govsim.scenario.cautions import Caution, ScenarioWarning, cautions, issue
from govsim.scenario.cooperation import KNOWN_LINKS, canonical_link
from govsim.scenario.errors import (
    LINKS_PATH,
    KeyPath,
    Problem,
    ScenarioError,
    format_key_path,
    show,
    suggest,
)
from govsim.scenario.kinds import set_kind_problems
from govsim.scenario.limits import LimitExceededError, load_bounded
from govsim.scenario.loading import CHAIN_KEYS, load_scenario, scenario_from_dict
from govsim.scenario.messages import Message, said_by_yaml
from govsim.scenario.schema import Scenario

OVERRIDE_SOURCE = Message("override_source")
"""Where overrides come from, as errors and cautions name it: the command line by default."""
CONTROLS_SOURCE = Message("dashboard_source")
"""The source of the dashboard's overrides: a trainer's choices in the page."""
SETTING_EXAMPLE = "agencies.police.capability=0.8"
NOT_NUMERIC_LEAVES = frozenset({"seed", "days", "population.size"})
"""Numbers that are run settings rather than parameters of the city or of governance."""
_INDEX = re.compile(r"\[(\d+)\]")
_MISSING = object()
"""What a key path the scenario does not hold names (None is a value a key may hold)."""


def with_overrides(
    scenario: Scenario,
    settings: Mapping[str, object] | None = None,
    *,
    days: int | None = None,
    residents: int | None = None,
    source: Message = OVERRIDE_SOURCE,
    warn: bool = True,
) -> Scenario:
    """Return the scenario with key paths, ``days`` and ``population.size`` replaced, re-validated.

    Args:
        scenario: The validated scenario.
        days: New number of simulated days.
        residents: New ``population.size``.
        settings: Values by key path (``{"agencies.police.capability": 0.8}``), applied in
            order before ``days`` and ``residents``. A value may be a whole subtree, e.g.
            ``{"events": [{"type": "campaign", "day": 120}]}``.
        source: Where the overrides come from, as errors and cautions name it (the
            dashboard's controls are not the command line).
        warn: Issue the cautions the overrides bring; a caller that places them itself (a
            sweep, point by point) passes False and is spared finding them.

    Raises:
        ScenarioError: if a key path is not in the scenario (every such path is reported, each
            with the closest existing one), or a value is out of range, or the city would not
            fit in memory.

    Warns:
        ScenarioWarning: for each caution the overrides bring that the scenario did not have.
    """
    if days is None and residents is None and not settings:
        return scenario
    data = resolved_data(scenario)
    placed: list[tuple[KeyPath, object]] = []
    unknown = _apply(data, settings or {}, source, placed)
    if days is not None:
        data["days"] = days
    if residents is not None:
        data["population"]["size"] = residents
    try:  # the values set are checked for their kind below, the rest were when loaded
        result = scenario_from_dict(data, source=source, warn=False, check_kinds=False)
    except ScenarioError as error:  # with the paths not found: each setting stands alone
        raise ScenarioError([*unknown, *error.problems]) from None
    mistyped = set_kind_problems(placed, result, data, lambda path, on_key=False: (source, None))
    if unknown or mistyped:
        raise ScenarioError([*unknown, *mistyped])
    if not warn:
        return result
    known = set(cautions(scenario))  # the file's own were issued when it was loaded
    new = [c for c in cautions(result) if c not in known]
    if new:
        changes = _changes(settings, days, residents)
        brought = (_with_cause(c, _causes(c, scenario, changes, source)) for c in new)
        issue(brought, lambda path, _: (source, None))
    return result


class Overridden(NamedTuple):
    """A scenario as its file wrote it, and as the overrides left it to run."""

    written: Scenario
    scenario: Scenario


def load_with_overrides(
    path: str | Path,
    settings: Mapping[str, object] | None = None,
    *,
    days: int | None = None,
    residents: int | None = None,
) -> Overridden:
    """Load a scenario file and apply the command line's overrides, with the cautions of the result.

    A file's caution that the overrides put right (``--days 400`` for an event on day 380) is
    not issued: the run will do what the file seems to say. One they leave is issued at the
    file's line, and one they bring at the option (:func:`with_overrides`).
    """
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ScenarioWarning)
        written = load_scenario(path)
    result = with_overrides(written, settings, days=days, residents=residents)
    remaining = {(format_key_path(c.path), c.message) for c in cautions(result)}
    for warning in caught:
        problem = getattr(warning.message, "problem", None)
        if problem is None or (problem.key_path, problem.message) in remaining:
            warnings.warn_explicit(
                warning.message, warning.category, warning.filename, warning.lineno
            )
    return Overridden(written, result)


def _changes(
    settings: Mapping[str, Any] | None, days: int | None, residents: int | None
) -> dict[str, object]:
    """Every value the overrides set, by key path as the user wrote it."""
    changes = dict(settings or {})
    if days is not None:
        changes["days"] = days
    if residents is not None:
        changes["population.size"] = residents
    return changes


def _causes(
    caution: Caution, scenario: Scenario, changes: Mapping[str, object], source: Message
) -> list[str]:
    """The overrides that bring ``caution`` each on its own; all of them if none does alone.

    A caution blames the options that make the difference: ``--days 20`` puts an event after
    the last day, where ``--residents`` given with it has nothing to do with it.
    """
    if len(changes) == 1:
        return list(changes)
    alone = [
        key
        for key, value in changes.items()
        if caution in _cautions_with(scenario, key, value, source)
    ]
    return alone or list(changes)


def _cautions_with(scenario: Scenario, key: str, value: object, source: Message) -> set[Caution]:
    """The cautions of ``scenario`` with only ``key`` set (none if that alone is not valid)."""
    data = resolved_data(scenario)
    if _set(data, key, value, source) is not None:
        return set()
    try:
        return set(cautions(scenario_from_dict(data, source=source, warn=False)))
    except ScenarioError:
        return set()


def _with_cause(caution: Caution, changed: list[str]) -> Caution:
    """A caution about a key the overrides did not set says which of theirs brought it.

    Placed at the overrides (the dashboard's controls, the command line), a caution about a
    key the scenario file wrote would otherwise read as if the user had set it there.
    """
    if setting_holding(format_key_path(caution.path), changed) is not None:
        return caution
    text = "caution_brought_by" if len(changed) == 1 else "caution_brought_by_several"
    message = Message(text, caution=caution.message, keys=tuple(changed))
    return Caution(caution.path, message, caution.hint)


def resolved_data(scenario: Scenario) -> dict[str, Any]:
    """Return the scenario as plain data, every default spelled out, no ``extends``, ``replace``."""
    return scenario.model_dump(mode="json", exclude=set(CHAIN_KEYS))


def values_at(scenario: Scenario, paths: Iterable[str]) -> dict[str, Any]:
    """Return the value each key path names in the scenario, as plain data (as a file has it).

    An override is validated into its field's type: ``1e-3``, which YAML reads as text, is
    taken as 0.001, and ``[elderly]`` as a list of age groups. This reads back what a run will
    use. A path the scenario does not hold is left out.
    """
    data = resolved_data(scenario)
    found = {path: _get(data, path) for path in paths}
    return {path: value for path, value in found.items() if value is not _MISSING}


def parse_setting(text: str) -> tuple[str, object]:
    """Split ``key.path=value`` into the key path and the value read as YAML.

    ``agencies.police.capability=0.8`` gives ``("agencies.police.capability", 0.8)``;
    ``events=[{type: campaign, day: 120}]`` gives a list holding a mapping.

    Raises:
        ScenarioError: if there is no ``=``, no key path, or the value is not valid YAML.
    """
    path, equals, value = text.partition("=")
    path = path.strip()
    hint = Message("setting_fix", example=SETTING_EXAMPLE)
    if not equals:
        message = Message("setting_no_equals", got=show(text))
        raise ScenarioError.single(OVERRIDE_SOURCE, None, path, message, hint=hint)
    if not path:
        message = Message("setting_no_path", got=show(text))
        raise ScenarioError.single(OVERRIDE_SOURCE, None, "", message, hint=hint)
    try:
        parsed = load_bounded(value)
    except LimitExceededError as error:
        message = Message("setting_value_limit", limit=error.message)
        raise ScenarioError.single(OVERRIDE_SOURCE, None, path, message, error.hint) from None
    except yaml.YAMLError as error:
        problem = said_by_yaml(getattr(error, "problem", None) or str(error))
        message = Message("setting_value_yaml", value=show(value.strip()), problem=problem)
        hint = Message("setting_value_yaml_fix")
        raise ScenarioError.single(OVERRIDE_SOURCE, None, path, message, hint=hint) from None
    return path, parsed


def parse_settings(texts: Iterable[str]) -> dict[str, object]:
    """Read every ``key.path=value`` with :func:`parse_setting`, by key path.

    Raises:
        ScenarioError: with the problem of every setting that cannot be read, not the first.
    """
    settings: dict[str, object] = {}
    problems: list[Problem] = []
    for text in texts:
        try:
            path, value = parse_setting(text)
        except ScenarioError as error:
            problems.extend(error.problems)
            continue
        settings[path] = value
    if problems:
        raise ScenarioError(problems)
    return settings


def numeric_leaves(scenario: Scenario) -> dict[str, float]:
    """Return every number of the resolved scenario by key path, e.g. ``events.0.reach``.

    Booleans, texts and empty values are left out, as are the run settings ``seed``, ``days``
    and ``population.size``. Links are named canonically (``cooperation.links.police-bank``).
    """
    return {
        path: float(value)
        for path, value in _walk(resolved_data(scenario), ())
        if isinstance(value, int | float)
        and not isinstance(value, bool)
        and path not in NOT_NUMERIC_LEAVES
    }


def setting_of(path: str) -> tuple[str, ...]:
    """Return the setting a key path names, the same however the path is written.

    ``events[0].day`` and ``events.0.day`` both give ``("events", "0", "day")``, and a link
    gives its canonical name whichever party comes first, as :func:`with_overrides` reads them:
    two paths with one setting set one value, and only the later one would count.
    """
    parts = _split(path)
    if tuple(parts[:2]) == LINKS_PATH and len(parts) > 2:
        with suppress(ValueError):
            parts[2] = canonical_link(parts[2])
    return tuple(parts)


def setting_holding(path: str, keys: Iterable[str]) -> str | None:
    """Return the first of ``keys`` whose setting is ``path``'s or holds it, or None.

    ``events[0].day`` is held by ``events.0.day`` and by ``events``; a scenario problem or
    caution is placed with it on the line of the key that set the value.
    """
    setting = setting_of(path)
    for key in keys:
        written = setting_of(key)
        if written and setting[: len(written)] == written:
            return key
    return None


def key_paths(data: Any) -> list[str]:
    """Return the key path of every value in scenario data, subtrees and leaves alike."""
    return [path for path, _ in _walk(data, ())]


# --- Applying key paths -----------------------------------------------------------------------


def _apply(
    data: dict[str, Any],
    settings: Mapping[str, object],
    source: Message = OVERRIDE_SOURCE,
    placed: list[tuple[KeyPath, object]] | None = None,
) -> list[Problem]:
    """Set each key path in ``data`` in place; return a problem for every path not found.

    ``placed`` gets each value set, at its key path as found (a link in its canonical order).
    """
    problems = []
    for path, value in settings.items():
        problem = _set(data, str(path), value, source, placed)
        if problem is not None:
            problems.append(problem)
    return problems


def _set(
    data: dict[str, Any],
    path: str,
    value: object,
    source: Message = OVERRIDE_SOURCE,
    placed: list[tuple[KeyPath, object]] | None = None,
) -> Problem | None:
    """Set one key path, returning a problem (with the closest existing path) if not found."""
    parts = _split(path)
    node: Any = data
    found: list[str | int] = []
    for depth, part in enumerate(parts):
        last = depth == len(parts) - 1
        key = _step(node, parts[:depth], part, setting=last)
        if key is None:
            return _unknown_path(data, path, source)
        found.append(key)
        if last:
            node[key] = value
            if placed is not None:
                placed.append((tuple(found), value))
            return None
        node = node[key]
    return _unknown_path(data, path, source)  # an empty path


def _get(data: dict[str, Any], path: str) -> Any:
    """The value at one key path of scenario data (links in either order), or ``_MISSING``."""
    parts = _split(path)
    node: Any = data
    for depth, part in enumerate(parts):
        key = _step(node, parts[:depth], part, setting=False)
        if key is None:
            return _MISSING
        node = node[key]
    return node


def _split(path: str) -> list[str]:
    text = _INDEX.sub(r".\1", path.strip())
    return text.split(".") if text else []


def _step(node: Any, above: list[str], part: str, *, setting: bool) -> str | int | None:
    """Return the key or index ``part`` names in ``node``, or None if there is none."""
    if isinstance(node, list):
        if part.isdigit() and int(part) < len(node):
            return int(part)
        return None
    if not isinstance(node, dict):
        return None
    if tuple(above) == LINKS_PATH:
        try:
            link = canonical_link(part)
        except ValueError:
            return None
        # Every known link exists (absent means 0), so a link the file left out can be set.
        return link if setting or link in node else None
    return part if part in node else None


def _unknown_path(data: dict[str, Any], path: str, source: Message) -> Problem:
    candidates = key_paths(data)
    if _split(path)[:2] == list(LINKS_PATH):
        candidates += [".".join((*LINKS_PATH, link)) for link in KNOWN_LINKS]
    hint = suggest(path, dict.fromkeys(candidates))
    if hint is None:
        hint = Message("no_such_key_fix", keys=tuple(data))
    return Problem(source, None, path, Message("no_such_key"), hint=hint)


def _walk(node: Any, path: tuple[str, ...]) -> Iterator[tuple[str, Any]]:
    """Yield (dotted key path, value) for every value below ``node``, depth first."""
    if isinstance(node, dict):
        items: Any = node.items()
    elif isinstance(node, list):
        items = enumerate(node)
    else:
        return
    for key, value in items:
        child = (*path, str(key))
        yield ".".join(child), value
        yield from _walk(value, child)
