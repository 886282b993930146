"""``replace:``: the key paths whose inherited value a file drops instead of merging onto it.

A file that ``extends`` another merges onto it key by key, links included, so a scenario that
writes only ``police-bank`` keeps every other link of its parent. That is what a variant of a
scenario wants, and what a scenario of its own often does not: it then lists the mappings it
states in full under ``replace``, and the parent's value there is dropped before merging::

    extends: baseline.yaml
    replace: [cooperation.links]     # only the links below; every other link is 0
    cooperation:
      links:
        police-bank: 0.9

A key path listed but not set in the file falls back to the schema's default (no links at
all, for ``cooperation.links``). Only mappings can be listed: lists and single values already
replace the parent's whole.
"""

from __future__ import annotations

import copy
import types
import typing
from typing import Any, get_args, get_origin

from pydantic import BaseModel

from govsim.scenario.errors import KeyPath, Problem, ScenarioError, show, suggest
from govsim.scenario.messages import Message
from govsim.scenario.schema import Scenario

REPLACE = "replace"
EXAMPLE = "replace: [cooperation.links]"


def replaced_paths(value: Any, file: str, lines: dict[KeyPath, int | None]) -> list[KeyPath]:
    """Return the key paths a ``replace`` value lists, each checked against the schema.

    Args:
        value: What the file gives for ``replace``.
        file: The file, for messages.
        lines: The line of each key path of the file, e.g. ``("replace", 0)``.

    Raises:
        ScenarioError: if the value is not a list of key paths naming mappings of a scenario.
    """
    if not isinstance(value, list):
        message = Message("expected_got", expected=Message("kind_key_paths"), got=show(value))
        raise ScenarioError.single(file, lines.get((REPLACE,)), REPLACE, message, EXAMPLE)
    paths, problems = [], []
    for index, entry in enumerate(value):
        parts = tuple(str(entry).split(".")) if isinstance(entry, str) and entry else ()
        fault = _fault(parts) if parts else (_not_a_key_path(entry), EXAMPLE)
        if fault is None:
            paths.append(parts)
            continue
        line = lines.get((REPLACE, index), lines.get((REPLACE,)))
        problems.append(Problem(file, line, f"{REPLACE}[{index}]", fault[0], hint=fault[1]))
    if problems:
        raise ScenarioError(problems)
    return paths


def without(data: dict[str, Any], paths: list[KeyPath]) -> dict[str, Any]:
    """Return a copy of a parent's data with the values at ``paths`` removed."""
    pruned = copy.deepcopy(data)
    for path in paths:
        node: Any = pruned
        for part in path[:-1]:
            node = node.get(part) if isinstance(node, dict) else None
        if isinstance(node, dict):
            node.pop(path[-1], None)
    return pruned


def _not_a_key_path(entry: object) -> Message:
    return Message("expected_got", expected=Message("kind_key_path"), got=show(entry))


def _fault(parts: KeyPath) -> tuple[str, str | None] | None:
    """Return (message, hint) if a key path does not name a mapping of a scenario, else None."""
    annotation: Any = Scenario
    for depth, part in enumerate(parts):
        model = _model(annotation)
        if model is not None:
            if part not in model.model_fields:
                valid = list(model.model_fields)
                hint = suggest(part, valid) or Message("valid_keys", keys=tuple(valid))
                return Message("no_such_replace_key", key=part, where=_where(parts[:depth])), hint
            annotation = model.model_fields[str(part)].annotation
        elif get_origin(annotation) is dict:
            annotation = get_args(annotation)[1]
        else:
            return _not_a_mapping(parts[:depth])
    if _model(annotation) is None and get_origin(annotation) is not dict:
        return _not_a_mapping(parts)
    return None


def _not_a_mapping(parts: KeyPath) -> tuple[str, str]:
    return (
        Message("replace_not_mapping", path=".".join(map(str, parts))),
        Message("replace_not_mapping_fix"),
    )


def _where(parts: KeyPath) -> str:
    return ".".join(map(str, parts)) if parts else Message("a_scenario")


def _model(annotation: Any) -> type[BaseModel] | None:
    if get_origin(annotation) in (typing.Union, types.UnionType):
        return None
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    return None
