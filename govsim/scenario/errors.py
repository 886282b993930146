"""Readable scenario errors: each problem with its file, line, key path and fix.

Scenario files are written by hand, often by analysts rather than programmers. An error must say
where it is, what was expected and how to fix it, and every problem in a file is reported at
once, so that the file is fixed in one pass. Pydantic's own errors are not fit for that: their
locations name union branches (``events.0.data_breach.day``) and their messages name Python
types, so they are translated here, using the schema to find valid keys, ranges and choices.
"""

from __future__ import annotations

import difflib
import re
import types
import typing
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Literal, get_args, get_origin

import annotated_types
from pydantic import BaseModel, ValidationError
from pydantic.fields import FieldInfo
from pydantic_core import ErrorDetails

from govsim.scenario.cooperation import KNOWN_LINKS, Cooperation, canonical_link
from govsim.scenario.fields import BrokenRuleError
from govsim.scenario.naming import link_hint, scam_type_hint

KeyPath = tuple[str | int, ...]
Locator = Callable[[KeyPath, bool], tuple[str | None, int | None]]
"""Where a key path was written, as (file, line); the flag asks for the key's line."""

LINKS_PATH: KeyPath = ("cooperation", "links")
SCAM_TYPES = "scam_types"
LINK_SPELLINGS: tuple[str, ...] = tuple(
    dict.fromkeys(
        spelling for link in KNOWN_LINKS for spelling in (link, "-".join(reversed(link.split("-"))))
    )
)
DISCRIMINATOR = "type"
KEY_LOCATION = "[key]"
"""Pydantic's location part for a bad key of a mapping (rather than its value)."""
_KINDS: dict[Any, str] = {
    bool: "true or false",
    int: "a whole number",
    float: "a number",
    str: "text",
    list: "a list (one '- item' per line)",
    dict: "a mapping ('key: value' lines)",
}
_TYPE_ERRORS: dict[str, Any] = {
    "int_type": int,
    "int_parsing": int,
    "int_from_float": int,
    "float_type": float,
    "float_parsing": float,
    "finite_number": float,
    "bool_type": bool,
    "bool_parsing": bool,
    "string_type": str,
    "list_type": list,
    "dict_type": dict,
    "model_type": dict,
    "model_attributes_type": dict,
}
_BOUND_NAMES: dict[type, str] = {
    annotated_types.Ge: "ge",
    annotated_types.Gt: "gt",
    annotated_types.Le: "le",
    annotated_types.Lt: "lt",
}
_RANGE_ERRORS = frozenset({"greater_than", "greater_than_equal", "less_than", "less_than_equal"})


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a scenario, and where it was written.

    Attributes:
        file: The file that supplied the offending key (or a label such as ``<dict>``).
        line: 1-based line in that file, or None when unknown.
        key_path: Where in the scenario, e.g. ``agencies.police.capability`` or ``events[0].day``.
        message: What is wrong, e.g. ``expected a number in [0, 1], got 1.5``.
        expected: What would be accepted, briefly, e.g. ``a number in [0, 1]``.
        hint: How to fix it, e.g. ``did you mean 'police'?``.
    """

    file: str | None
    line: int | None
    key_path: str
    message: str
    expected: str | None = None
    hint: str | None = None

    def render(self) -> str:
        """Return the problem as ``file:line: key.path: message; hint``."""
        where = ":".join(str(part) for part in (self.file, self.line) if part is not None)
        text = f"{self.key_path}: {self.message}" if self.key_path else self.message
        if self.hint:
            text = f"{text}; {self.hint}"
        return f"{where}: {text}" if where else text


class ScenarioError(Exception):
    """A scenario could not be loaded; carries every problem found, in reading order."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: list[Problem] = sorted(problems, key=_reading_order)
        super().__init__(self.problems)  # picklable: unpickling calls cls(problems)

    def __str__(self) -> str:
        return "\n".join(problem.render() for problem in self.problems)

    @classmethod
    def single(
        cls,
        file: str | None,
        line: int | None,
        key_path: str,
        message: str,
        hint: str | None = None,
    ) -> ScenarioError:
        """Return an error holding one problem."""
        return cls([Problem(file, line, key_path, message, hint=hint)])


def _reading_order(problem: Problem) -> tuple[str, int]:
    return (problem.file or "", problem.line or 0)


def format_key_path(path: KeyPath, data: Any = None) -> str:
    """Return a key path as written in documentation: ``events[0].day``.

    Args:
        path: The keys and list indexes leading to a value.
        data: The data the path is in, if known, to tell list indexes from numeric keys.
    """
    text, node = "", data
    for part in path:
        index = isinstance(node, list) if data is not None else type(part) is int
        text += f"[{part}]" if index else f".{part}"
        node = node[part] if has_key(node, part) else None
    return text.lstrip(".")


def suggest(word: object, options: Iterable[str]) -> str | None:
    """Return ``did you mean 'x'?`` for the option closest to a misspelt word, if any."""
    matches = difflib.get_close_matches(str(word), list(options), n=1, cutoff=0.6)
    return f"did you mean '{matches[0]}'?" if matches else None


def show(value: object) -> str:
    """Return a value as the user wrote it in YAML, for ``got ...`` in messages."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "nothing (null)"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return f"'{value[:60]}...'" if len(value) > 60 else f"'{value}'"
    return number(value) if isinstance(value, int | float) else repr(value)


def number(value: float) -> str:
    """Return a number readably: ``1`` not ``1.0``, ``20_000_000`` not ``20000000``."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int) and abs(value) >= 10_000:
        return f"{value:_}"
    return str(value)


# --- Translating pydantic's errors ------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Issue:
    """A problem before it is placed in a file: ``on_key`` picks the key's line over the value's."""

    path: KeyPath
    message: str
    expected: str | None = None
    hint: str | None = None
    on_key: bool = False


def problems_from_validation(
    error: ValidationError, data: Any, root: type[BaseModel], locate: Locator
) -> list[Problem]:
    """Translate every error pydantic found in ``data`` into a located, readable problem.

    Args:
        error: What ``root.model_validate(data)`` raised.
        data: The data that was validated (before any defaults were merged in).
        root: The model validated, used to look up valid keys, ranges and choices.
        locate: Maps a key path to the file and line that supplied it.
    """
    schema = _Schema(root, data)
    issues = _merge_union_branches(schema, error.errors(include_url=False))
    problems = []
    for issue in dict.fromkeys(issues):  # one problem per issue, in order
        file, line = locate(issue.path, issue.on_key)
        path = format_key_path(issue.path, data)
        problems.append(Problem(file, line, path, issue.message, issue.expected, issue.hint))
    return problems


def _merge_union_branches(schema: _Schema, errors: Sequence[ErrorDetails]) -> list[_Issue]:
    """Explain each error, reporting a value that fits no alternative of a union only once.

    Pydantic reports a failed union once per alternative. If some alternative failed deeper
    inside the value (a list item, a nested key), the value had the right shape for it and only
    that alternative's errors are kept; otherwise the alternatives are joined into one
    ``expected A or B`` problem.
    """
    cleaned = [(details, *_clean_location(details, schema.data)) for details in errors]
    deep = {union for _, path, union in cleaned if union is not None and len(path) > len(union)}
    issues: list[_Issue] = []
    shallow: dict[KeyPath, list[_Issue]] = {}
    for details, path, union in cleaned:
        if union is None or len(path) > len(union):
            issues.extend(_explain(schema, details, path))
        elif union not in deep:
            shallow.setdefault(union, []).extend(_explain(schema, details, path))
    issues.extend(_join_alternatives(schema, path, group) for path, group in shallow.items())
    return issues


def _clean_location(details: ErrorDetails, data: Any) -> tuple[KeyPath, KeyPath | None]:
    """Return the error's key path in the data, and where a union branch label was dropped."""
    path: list[str | int] = []
    union: KeyPath | None = None
    node = data
    last = len(details["loc"]) - 1
    for index, part in enumerate(details["loc"]):
        if has_key(node, part):
            node = node[part]
        elif part == KEY_LOCATION:
            continue
        elif not (details["type"] == "missing" and index == last):
            union = tuple(path) if union is None else union
            continue
        path.append(part)
    return tuple(path), union


def has_key(node: Any, part: str | int) -> bool:
    """Return whether ``node[part]`` exists in parsed YAML: a mapping key or a list item."""
    if isinstance(node, dict):
        return part in node
    return isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)


def _join_alternatives(schema: _Schema, path: KeyPath, group: list[_Issue]) -> _Issue:
    expected = " or ".join(dict.fromkeys(issue.expected or issue.message for issue in group))
    got = show(schema.node(path))
    return _Issue(path, f"expected {expected}, got {got}", expected)


def _explain(schema: _Schema, details: ErrorDetails, path: KeyPath) -> list[_Issue]:
    kind = details["type"]
    if kind == "invalid_key" or details["loc"][-1:] == (KEY_LOCATION,):
        return [_bad_key(details, path)]
    if kind == "extra_forbidden":
        return [_unknown_key(schema, path)]
    if kind == "missing":
        return [_missing(schema, path)]
    if kind in _RANGE_ERRORS:
        return [_out_of_range(schema, details, path)]
    if kind in _TYPE_ERRORS:
        return [_wrong_type(schema, details, path)]
    if kind == "literal_error":
        return [_not_a_choice(schema, details, path)]
    if kind == "union_tag_invalid":
        return [_unknown_tag(details, path)]
    if kind == "union_tag_not_found":
        return [_missing_tag(schema, path)]
    if kind in ("value_error", "assertion_error"):
        return _rule_broken(schema, details, path)
    return [_Issue(path, details["msg"])]


def _unknown_key(schema: _Schema, path: KeyPath) -> _Issue:
    valid = schema.keys(path[:-1])
    hint = suggest(path[-1], valid) or (f"valid keys here: {', '.join(valid)}" if valid else None)
    return _Issue(path, "unknown key", "one of " + ", ".join(valid), hint, on_key=True)


def _bad_key(details: ErrorDetails, path: KeyPath) -> _Issue:
    key = details["input"]
    hint = None
    if isinstance(key, bool):
        hint = "put the key in quotes: YAML reads unquoted yes, no, on, off as true or false"
    elif isinstance(key, int | float):
        hint = f"put it in quotes: '{key}':"
    return _Issue(path, f"keys must be text, got {show(key)}", "text", hint, on_key=True)


def _missing(schema: _Schema, path: KeyPath) -> _Issue:
    annotation, field = schema.lookup(path)
    expected = _describe(annotation, field)
    hint = f"add '{path[-1]}:' with {expected}"
    if field is not None and field.description:
        hint += f" ({field.description[0].lower()}{field.description[1:].rstrip('.')})"
    builtin = scam_type_hint(path[1]) if len(path) == 3 and path[0] == SCAM_TYPES else None
    if builtin:
        hint = f"{builtin} (a new scam type needs '{path[-1]}:' with {expected})"
    return _Issue(path, "required key is missing", expected, hint, on_key=True)


def _missing_tag(schema: _Schema, path: KeyPath) -> _Issue:
    """Explain an entry of a tagged union (an event) that does not say which kind it is."""
    annotation, _ = schema.lookup(path)
    tags = [tag for model in _models(annotation) for tag in _tags(model)]
    expected = "one of " + ", ".join(f"'{tag}'" for tag in tags)
    hint = f"add '{DISCRIMINATOR}:' with {expected}"
    return _Issue((*path, DISCRIMINATOR), "required key is missing", expected, hint, on_key=True)


def _out_of_range(schema: _Schema, details: ErrorDetails, path: KeyPath) -> _Issue:
    annotation, field = schema.lookup(path)
    kind = _KINDS[int] if int in _branches(annotation) else _KINDS[float]
    bounds = _range_of(field) if field is not None else _range_of_context(details)
    expected = f"{kind}{bounds}"
    return _Issue(path, f"expected {expected}, got {show(details['input'])}", expected)


def _wrong_type(schema: _Schema, details: ErrorDetails, path: KeyPath) -> _Issue:
    annotation, field = schema.lookup(path)
    expected = _KINDS[_TYPE_ERRORS[details["type"]]]
    if annotation is not None and not _has_union(annotation):
        expected = _describe(annotation, field)
    got = details["input"]
    hint = _number_hint(got) if details["type"].startswith(("int", "float")) else None
    return _Issue(path, f"expected {expected}, got {show(got)}", expected, hint)


def _not_a_choice(schema: _Schema, details: ErrorDetails, path: KeyPath) -> _Issue:
    annotation, _ = schema.lookup(path)
    choices = _literal_values(annotation) or _quoted(str(details.get("ctx", {}).get("expected")))
    expected = "one of " + ", ".join(f"'{choice}'" for choice in choices)
    got = details["input"]
    return _Issue(path, f"expected {expected}, got {show(got)}", expected, suggest(got, choices))


def _unknown_tag(details: ErrorDetails, path: KeyPath) -> _Issue:
    context = details.get("ctx", {})
    tags = _quoted(str(context.get("expected_tags", "")))
    key = _quoted(str(context.get("discriminator", ""))) or [DISCRIMINATOR]
    expected = "one of " + ", ".join(f"'{tag}'" for tag in tags)
    tag = context.get("tag")
    hint = suggest(tag, tags) or f"use {expected}"
    return _Issue((*path, key[0]), f"unknown {key[0]} '{tag}'", expected, hint)


def _rule_broken(schema: _Schema, details: ErrorDetails, path: KeyPath) -> list[_Issue]:
    """Explain a failed validator, pointing at the key its message is about."""
    error = details.get("ctx", {}).get("error", details["msg"])
    if isinstance(error, BrokenRuleError):
        below = tuple(part for part in error.key_path.split(".") if part)
        return [_Issue((*path, *below), error.message, hint=error.hint)]
    message = str(error)
    if path == LINKS_PATH and isinstance(schema.node(path), dict):
        issues = _link_issues(schema.node(path))
        if issues:
            return issues
    if path == ():
        path = _subject(message, schema.data)
    return [_Issue(path, message)]


def _subject(message: str, data: Any) -> KeyPath:
    """Return the longest key path of the data that a message starts with (``population.size``)."""
    match = re.match(r"[A-Za-z_]\w*(\.[A-Za-z_]\w*)*", message)
    path: KeyPath = ()
    node = data
    for part in match.group(0).split(".") if match else ():
        if not has_key(node, part):
            break
        path, node = (*path, part), node[part]
    return path


def _link_issues(links: dict[Any, Any]) -> list[_Issue]:
    """Check each link on its own, so that every bad link is reported with its own line."""
    issues = []
    seen: dict[str, Any] = {}
    for name, level in links.items():
        here = (*LINKS_PATH, name)
        try:
            key = canonical_link(str(name))
        except ValueError as error:
            hint = link_hint(name) or suggest(name, LINK_SPELLINGS) or str(error)
            issues.append(_Issue(here, "unknown link", "a known link", hint, on_key=True))
            continue
        if key in seen:
            message = f"the {key} link is given twice, as '{seen[key]}' and '{name}'"
            issues.append(_Issue(here, message, hint="keep only one of them", on_key=True))
            continue
        seen[key] = name
        issues.extend(_link_level_issues(here, name, level))
    return issues


def _link_level_issues(here: KeyPath, name: Any, level: Any) -> list[_Issue]:
    try:
        Cooperation.model_validate({"links": {name: level}})
    except ValidationError as error:
        return [_Issue(here, str(e.get("ctx", {}).get("error", e["msg"]))) for e in error.errors()]
    return []


def _number_hint(value: Any) -> str | None:
    """Suggest how to write a number that YAML read as text (``1,000``, ``'5'``, ``1e6``)."""
    if not isinstance(value, str):
        return None
    plain = value.strip().replace(",", "").replace("_", "")
    try:
        parsed = float(plain)
    except ValueError:
        return None
    return f"write it as a plain number without quotes or commas, e.g. {number(parsed)}"


# --- Reading the schema -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Schema:
    """The root model and the data being validated, walked together along key paths."""

    root: type[BaseModel]
    data: Any

    def node(self, path: KeyPath) -> Any:
        """Return the data at a key path, or None if it is not there."""
        node = self.data
        for part in path:
            try:
                node = node[part]
            except (KeyError, IndexError, TypeError):
                return None
        return node

    def lookup(self, path: KeyPath) -> tuple[Any, FieldInfo | None]:
        """Return the annotation and field (None if not a model field) governing a key path."""
        annotation: Any = self.root
        field: FieldInfo | None = None
        for depth, part in enumerate(path):
            step = _child(annotation, part, self.node(path[:depth]))
            if step is None:
                return None, None
            annotation, field = step
        return annotation, field

    def keys(self, path: KeyPath) -> list[str]:
        """Return the valid keys of the mapping at a key path (empty if it is not a model)."""
        annotation, _ = self.lookup(path)
        model = _pick_model(annotation, self.node(path))
        return list(model.model_fields) if model is not None else []


def _branches(annotation: Any) -> list[Any]:
    """Return the alternatives a value may take: ``A | B | None`` gives ``[A, B]``."""
    if get_origin(annotation) is typing.Annotated:
        return _branches(get_args(annotation)[0])
    if get_origin(annotation) in (typing.Union, types.UnionType):
        return [b for arg in get_args(annotation) for b in _branches(arg) if b is not type(None)]
    return [annotation]


def _has_union(annotation: Any) -> bool:
    return len(_branches(annotation)) > 1


def _models(annotation: Any) -> list[type[BaseModel]]:
    return [b for b in _branches(annotation) if isinstance(b, type) and issubclass(b, BaseModel)]


def _pick_model(annotation: Any, node: Any) -> type[BaseModel] | None:
    """Return the model a mapping is validated against; events are picked by their ``type``."""
    models = _models(annotation)
    if len(models) > 1 and isinstance(node, dict):
        tagged = [m for m in models if node.get(DISCRIMINATOR) in _tags(m)]
        return tagged[0] if tagged else None
    return models[0] if models else None


def _tags(model: type[BaseModel]) -> list[Any]:
    field = model.model_fields.get(DISCRIMINATOR)
    return _literal_values(field.annotation) if field is not None else []


def _child(annotation: Any, key: str | int, node: Any) -> tuple[Any, FieldInfo | None] | None:
    """Return the annotation and field one key below ``annotation``, or None if there is none."""
    model = _pick_model(annotation, node)
    if model is not None and key in model.model_fields:
        field = model.model_fields[str(key)]
        return field.annotation, field
    for branch in _branches(annotation):
        origin, args = get_origin(branch), get_args(branch)
        if origin is dict and args:
            return args[1], None
        if origin is list and args and isinstance(key, int):
            return args[0], None
    return None


def _literal_values(annotation: Any) -> list[Any]:
    return [
        value
        for branch in _branches(annotation)
        if get_origin(branch) is Literal
        for value in get_args(branch)
    ]


def _describe(annotation: Any, field: FieldInfo | None) -> str:
    """Return what a field accepts, in words: ``a number in [0, 1]``, ``one of 'a', 'b'``."""
    choices = _literal_values(annotation)
    if choices:
        return "one of " + ", ".join(f"'{choice}'" for choice in choices)
    kinds = []
    for branch in _branches(annotation):
        base = get_origin(branch) or (dict if _models(branch) else branch)
        kind = _KINDS.get(base, "a value")
        bounded = base in (int, float) and field is not None
        kinds.append(kind + _range_of(field) if bounded else kind)
    return " or ".join(dict.fromkeys(kinds))


def _range_of(field: FieldInfo) -> str:
    bounds = {}
    for rule in field.metadata:
        name = _BOUND_NAMES.get(type(rule))
        if name is not None:
            bounds[name] = getattr(rule, name)
    return _range_text(bounds)


def _range_of_context(details: ErrorDetails) -> str:
    context = details.get("ctx", {})
    return _range_text({key: context[key] for key in ("ge", "gt", "le", "lt") if key in context})


def _range_text(bounds: dict[str, Any]) -> str:
    """Return `` in [0, 1]``, `` in (0, 10]``, `` >= 100`` or ```` from ge/gt/le/lt bounds."""
    low = ("[", bounds["ge"]) if "ge" in bounds else ("(", bounds["gt"]) if "gt" in bounds else None
    high = (
        ("]", bounds["le"]) if "le" in bounds else (")", bounds["lt"]) if "lt" in bounds else None
    )
    if low and high:
        return f" in {low[0]}{number(low[1])}, {number(high[1])}{high[0]}"
    if low:
        return f" {'>=' if low[0] == '[' else '>'} {number(low[1])}"
    if high:
        return f" {'<=' if high[0] == ']' else '<'} {number(high[1])}"
    return ""


def _quoted(text: str) -> list[str]:
    """Return the 'quoted' words of a pydantic context string such as ``'a', 'b' or 'c'``."""
    return re.findall(r"'([^']*)'", text)
