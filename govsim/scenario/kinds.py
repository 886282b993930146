"""Values written as their kind: a number as a number, a switch as true or false.

YAML reads ``yes``, ``no``, ``on`` and ``off`` as booleans, and pydantic, lax by design, would
then quietly take ``capability: yes`` as 1, ``capability: off`` as 0, and a switch written
``enabled: "no"`` or ``enabled: 0`` as false: a typo or a habit from another tool changes the
scenario with no word said. Text that reads as a number stays accepted for a number: YAML reads
``5e6`` (no dot) as text, and it means five million. Strict validation would also refuse a
list where a tuple is declared, so the check is made here, on the validated scenario against
the data as written, and every value written as another kind is reported at once, with its
file and line.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from pydantic import BaseModel

from govsim.scenario.errors import KeyPath, Locator, Problem, format_key_path, show
from govsim.scenario.messages import Message


def written_kind_problems(data: Any, validated: BaseModel, locate: Locator) -> list[Problem]:
    """A problem for each number written as a boolean, and each switch written otherwise."""
    problems = []
    for path, written, kind in _mistyped(data, validated, ()):
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
