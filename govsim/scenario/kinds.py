"""Values written as their kind: a number as a number, a switch as true or false.

YAML reads ``yes``, ``no``, ``on`` and ``off`` as booleans, and pydantic, lax by design, would
then quietly take ``capability: yes`` as 1, ``capability: off`` as 0, and a switch written
``enabled: "no"`` or ``enabled: 0`` as false: a typo or a habit from another tool changes the
scenario with no word said. Text that reads as a number stays accepted for a number: YAML reads
``5e6`` (no dot) as text, and it means five million. Strict validation would also refuse a
list where a tuple is declared, so the check is made here, on the validated scenario against
the data as written, and every value written as another kind is reported at once, with its
file and line. A scenario that fails validation for another reason is checked against the
declared types instead (:func:`declared_kind_problems`), so that its ``yes`` is reported
with the other problems rather than only once they are fixed.
"""

from __future__ import annotations

import types
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, Union, get_args, get_origin

from pydantic import BaseModel

from govsim.scenario.errors import KeyPath, Locator, Problem, format_key_path, show
from govsim.scenario.messages import Message


def written_kind_problems(data: Any, validated: BaseModel, locate: Locator) -> list[Problem]:
    """A problem for each number written as a boolean, and each switch written otherwise."""
    return _problems(_mistyped(data, validated, ()), data, locate)


def set_kind_problems(
    placed: Iterable[tuple[KeyPath, Any]], validated: BaseModel, data: Any, locate: Locator
) -> list[Problem]:
    """As :func:`written_kind_problems`, for the values set at ``placed`` key paths only.

    Overrides are set on a resolved scenario whose every other value was validated, and
    written as its kind, when the scenario was loaded: a sweep checks thousands of points, and
    walking each whole tree again cost it as much as the validation itself.
    """
    found = (
        problem
        for path, written in placed
        for value in _value_at(validated, path)
        for problem in _mistyped(written, value, path)
    )
    return _problems(found, data, locate)


def _value_at(validated: Any, path: KeyPath) -> Iterator[Any]:
    """The validated value at a key path, if it is still there.

    A later setting may have replaced the list or record above it (``events.0.day``, then
    ``events``): then there is nothing to check at that path.
    """
    value = validated
    try:
        for part in path:
            value = getattr(value, part) if isinstance(value, BaseModel) else value[part]
    except (AttributeError, IndexError, KeyError, TypeError):
        return
    yield value


def declared_kind_problems(data: Any, model: type[BaseModel], locate: Locator) -> list[Problem]:
    """As :func:`written_kind_problems`, for data that did not validate: against the types.

    Followed only where a key's declared type is plain (a record, a number, a switch, a
    mapping or list of them); a value that can take several forms is left to the validation.
    """
    return _problems(_mistyped_as_declared(data, model, ()), data, locate)


def _problems(
    found: Iterator[tuple[KeyPath, Any, type]], data: Any, locate: Locator
) -> list[Problem]:
    problems = []
    for path, written, kind in found:
        file, line = locate(path, False)
        expected = Message("kind_bool") if kind is bool else Message("kind_float")
        message = Message("expected_got", expected=expected, got=show(written))
        hint = Message("written_bool_fix" if kind is bool else "written_number_fix")
        problems.append(Problem(file, line, format_key_path(path, data), message, hint=hint))
    return problems


def _mistyped(written: Any, value: Any, path: KeyPath) -> Iterator[tuple[KeyPath, Any, type]]:
    """(key path, value as written, kind wanted) for each value written as another kind.

    Walks the data as written alongside the validated values; a key the validation renamed
    (a link written ``bank-police``) is not followed.
    """
    if isinstance(value, BaseModel) and isinstance(written, Mapping):
        fields = type(value).model_fields
        for key, part in written.items():
            if key in fields:
                yield from _mistyped(part, getattr(value, key), (*path, key))
    elif isinstance(value, Mapping) and isinstance(written, Mapping):
        for key, part in written.items():
            if key in value:
                yield from _mistyped(part, value[key], (*path, key))
    elif isinstance(value, list | tuple) and isinstance(written, list):
        for index, (part, item) in enumerate(zip(written, value, strict=False)):
            yield from _mistyped(part, item, (*path, index))
    elif isinstance(value, bool):
        if not isinstance(written, bool):
            yield path, written, bool
    elif isinstance(value, int | float) and isinstance(written, bool):
        yield path, written, float


def _mistyped_as_declared(
    written: Any, declared: Any, path: KeyPath
) -> Iterator[tuple[KeyPath, Any, type]]:
    """(key path, value as written, kind wanted) for each value not of its declared kind.

    Records' fields, mappings' values and lists' items are followed.
    """
    declared = _plain(declared)
    origin = get_origin(declared)
    if isinstance(declared, type) and issubclass(declared, BaseModel):
        if isinstance(written, Mapping):
            fields = declared.model_fields
            for key, part in written.items():
                if key in fields:
                    yield from _mistyped_as_declared(part, fields[key].annotation, (*path, key))
    elif origin is dict and isinstance(written, Mapping):
        value_type = get_args(declared)[1]
        for key, part in written.items():
            yield from _mistyped_as_declared(part, value_type, (*path, key))
    elif origin in (list, tuple) and isinstance(written, list):
        args = [arg for arg in get_args(declared) if arg is not Ellipsis]
        if len(args) == 1:
            for index, part in enumerate(written):
                yield from _mistyped_as_declared(part, args[0], (*path, index))
    elif declared is bool:
        if not isinstance(written, bool):
            yield path, written, bool
    elif declared in (int, float) and isinstance(written, bool):
        yield path, written, float


def _plain(declared: Any) -> Any:
    """The one type of an optional (``X | None``); None for a choice between several forms."""
    if get_origin(declared) in (Union, types.UnionType):
        forms = [arg for arg in get_args(declared) if arg is not type(None)]
        return forms[0] if len(forms) == 1 else None
    return declared
