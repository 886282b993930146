"""Readable scenario errors: each problem with its file, line, key path and fix.

Scenario files are written by hand, often by analysts rather than programmers. An error must say
where it is, what was expected and how to fix it, and every problem in a file is reported at
once, so that the file is fixed in one pass. Pydantic's own errors are not fit for that: their
locations name union branches (``events.0.data_breach.day``) and their messages name Python
types, so they are translated here, using the schema to find valid keys, ranges and choices.
"""

from __future__ import annotations

import difflib
import functools
import re
import types
import typing
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Literal, get_args, get_origin

import annotated_types
from pydantic import BaseModel, ValidationError
from pydantic.fields import FieldInfo
from pydantic_core import ErrorDetails

from govsim.scenario.cooperation import KNOWN_LINKS, Cooperation, canonical_link
from govsim.scenario.fields import BrokenRuleError, BrokenRulesError
from govsim.scenario.messages import Message, frame, in_language, message_of
from govsim.scenario.naming import link_hint, scam_type_hint

KeyPath = tuple[str | int, ...]
Locator = Callable[[KeyPath, bool], tuple[str | None, int | None]]
"""Where a key path was written, as (file, line); the flag asks for the key's line."""

LINKS_PATH: KeyPath = ("cooperation", "links")
MAX_SHOWN = 30
"""How many problems an error prints before saying how many more there are."""
SCAM_TYPES = "scam_types"
LINK_SPELLINGS: tuple[str, ...] = tuple(
    dict.fromkeys(
        spelling for link in KNOWN_LINKS for spelling in (link, "-".join(reversed(link.split("-"))))
    )
)
DISCRIMINATOR = "type"
KEY_LOCATION = "[key]"
"""Pydantic's location part for a bad key of a mapping (rather than its value)."""
_KINDS: dict[Any, Message] = {
    bool: Message("kind_bool"),
    int: Message("kind_int"),
    float: Message("kind_float"),
    str: Message("kind_str"),
    list: Message("kind_list"),
    dict: Message("kind_dict"),
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

    The message, expected and hint are :class:`~govsim.scenario.messages.Message` texts where
    govsim wrote them, so that :meth:`render` can give them in another language.
    """

    file: str | None
    line: int | None
    key_path: str
    message: str
    expected: str | None = None
    hint: str | None = None

    def render(self, language: str = "en") -> str:
        """Return the problem as ``file:line: key.path: message; hint``, in ``language``.

        Only the explanation, the fix and the framing change with the language: the file, the
        line number and the key path are given as the user wrote them.
        """
        text = in_language(self.message, language)
        if self.key_path:
            text = frame("key", language, key_path=self.key_path, message=self.message)
        if self.hint:
            text = frame("hint", language, message=text, hint=self.hint)
        where = self._where(language)
        return frame("where", language, where=where, text=text) if where else text

    def _where(self, language: str) -> str:
        if self.file is not None and self.line is not None:
            return frame("line", language, file=self.file, line=self.line)
        known = [part for part in (self.file, self.line) if part is not None]
        return str(in_language(known[0], language)) if known else ""


class ScenarioError(Exception):
    """A scenario could not be loaded; carries every problem found, in reading order."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: list[Problem] = sorted(problems, key=_reading_order)
        super().__init__(self.problems)  # picklable: unpickling calls cls(problems)

    def __str__(self) -> str:
        return self.render()

    def render(self, language: str = "en", limit: int | None = MAX_SHOWN) -> str:
        """Return the problems, one per line, in ``language`` (``str(error)`` is English).

        Beyond ``limit`` problems (None for no limit), a last line says how many more there
        are: a file that is not a scenario at all (a results table renamed .yaml) would
        otherwise bury the first, most telling ones. :attr:`problems` holds them all.
        """
        shown = self.problems if limit is None else self.problems[:limit]
        lines = [problem.render(language) for problem in shown]
        if len(self.problems) > len(shown):
            more = Message("more_problems", count=len(self.problems) - len(shown))
            lines.append(more.render(language))
        return "\n".join(lines)

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
    return Message("did_you_mean", word=matches[0]) if matches else None


def show(value: object) -> str:
    """Return a value as the user wrote it in YAML, for ``got ...`` in messages."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return Message("got_null")
    if isinstance(value, dict):
        return Message("got_mapping")
    if isinstance(value, list):
        return Message("got_list")
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
    deep = {
        union
        for details, path, union in cleaned
        if union is not None and (len(path) > len(union) or _broke_a_rule(details))
    }
    issues: list[_Issue] = []
    shallow: dict[KeyPath, list[_Issue]] = {}
    for details, path, union in cleaned:
        if union is None or len(path) > len(union) or _broke_a_rule(details):
            issues.extend(_explain(schema, details, path))
        elif union not in deep:
            shallow.setdefault(union, []).extend(_explain(schema, details, path))
    issues.extend(_join_alternatives(schema, path, group) for path, group in shallow.items())
    return issues


def _broke_a_rule(details: ErrorDetails) -> bool:
    """Whether a validator refused the value: it had the alternative's shape, and broke a rule."""
    return isinstance(details.get("ctx", {}).get("error"), BrokenRuleError | BrokenRulesError)


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
    expected = either(dict.fromkeys(issue.expected or issue.message for issue in group))
    got = show(schema.node(path))
    return _Issue(path, Message("expected_got", expected=expected, got=got), expected)


def either(options: Iterable[str]) -> str:
    """Return ``a or b or c`` as a message: each alternative is rendered in the language."""
    return functools.reduce(
        lambda first, second: Message("either", first=first, second=second), options
    )


def one_of(choices: Iterable[object], *, quoted: bool = True) -> Message:
    """Return ``one of 'a', 'b'`` as a message; the choices are given as written."""
    return Message("one_of", choices=tuple(f"'{c}'" if quoted else str(c) for c in choices))


def _explain(schema: _Schema, details: ErrorDetails, path: KeyPath) -> list[_Issue]:
    kind = details["type"]
    if kind == "invalid_key" or details["loc"][-1:] == (KEY_LOCATION,):
        return [_bad_key(details, path)]
    if kind == "extra_forbidden":
        return [_unknown_key(schema, path)]
    if kind == "missing" and path and type(path[-1]) is int:
        return [_too_few_values(schema, details, path)]
    if kind == "missing":
        return [_missing(schema, path)]
    if kind == "too_short":
        return [_too_short(details, path)]
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
    return [_Issue(path, details["msg"])]  # pydantic's own words: a kind of error not met yet


def _unknown_key(schema: _Schema, path: KeyPath) -> _Issue:
    valid = schema.keys(path[:-1])
    hint = suggest(path[-1], valid) or (Message("valid_keys", keys=tuple(valid)) if valid else None)
    expected = one_of(valid, quoted=False)
    return _Issue(path, Message("unknown_key"), expected, hint, on_key=True)


def _bad_key(details: ErrorDetails, path: KeyPath) -> _Issue:
    key = details["input"]
    hint = None
    if isinstance(key, bool):
        hint = Message("quote_yes_no")
    elif isinstance(key, int | float):
        hint = Message("quote_number", key=key)
    message = Message("key_not_text", got=show(key))
    return _Issue(path, message, _KINDS[str], hint, on_key=True)


def _missing(schema: _Schema, path: KeyPath) -> _Issue:
    annotation, field = schema.lookup(path)
    expected = _describe(annotation, field)
    hint = Message("add_key", key=path[-1], expected=expected)
    if field is not None and field.description:
        description = f"{field.description[0].lower()}{field.description[1:].rstrip('.')}"
        hint = Message(
            "add_key_described", key=path[-1], expected=expected, description=description
        )
    builtin = scam_type_hint(path[1]) if len(path) == 3 and path[0] == SCAM_TYPES else None
    if builtin:
        hint = Message("new_scam_type_needs", builtin=builtin, key=path[-1], expected=expected)
    return _Issue(path, Message("missing_key"), expected, hint, on_key=True)


def _too_few_values(schema: _Schema, details: ErrorDetails, path: KeyPath) -> _Issue:
    """A fixed-length list (a range's low and high) with a value missing at ``path[-1]``."""
    annotation, _ = schema.lookup(path[:-1])
    count = len([arg for arg in typing.get_args(annotation) if arg is not Ellipsis])
    count = max(count, int(path[-1]) + 1)
    message = Message("too_few_values", count=count, got=int(path[-1]))
    fix = "too_few_values_range_fix" if path[-2:-1] == ("range",) else "too_few_values_fix"
    return _Issue(path[:-1], message, hint=Message(fix, count=count))


def _too_short(details: ErrorDetails, path: KeyPath) -> _Issue:
    """A list with fewer items than it needs (levels: [])."""
    context = details.get("ctx", {})
    least, got = context.get("min_length", 1), context.get("actual_length", 0)
    message = Message("too_few_items", least=least, got=got)
    return _Issue(path, message, hint=Message("too_few_items_fix", least=least))


def _missing_tag(schema: _Schema, path: KeyPath) -> _Issue:
    """Explain an entry of a tagged union (an event) that does not say which kind it is."""
    annotation, _ = schema.lookup(path)
    tags = [tag for model in _models(annotation) for tag in _tags(model)]
    expected = one_of(tags)
    hint = Message("add_key", key=DISCRIMINATOR, expected=expected)
    return _Issue((*path, DISCRIMINATOR), Message("missing_key"), expected, hint, on_key=True)


def _out_of_range(schema: _Schema, details: ErrorDetails, path: KeyPath) -> _Issue:
    annotation, field = schema.lookup(path)
    kind = _KINDS[int] if int in _branches(annotation) else _KINDS[float]
    bounds = _bounds_of(field) if field is not None else _bounds_of_context(details)
    expected = _ranged(kind, bounds)
    return _Issue(
        path, Message("expected_got", expected=expected, got=show(details["input"])), expected
    )


def _wrong_type(schema: _Schema, details: ErrorDetails, path: KeyPath) -> _Issue:
    annotation, field = schema.lookup(path)
    expected = _KINDS[_TYPE_ERRORS[details["type"]]]
    if annotation is not None and not _has_union(annotation):
        expected = _describe(annotation, field)
    got = details["input"]
    hint = _number_hint(got) if details["type"].startswith(("int", "float")) else None
    return _Issue(path, Message("expected_got", expected=expected, got=show(got)), expected, hint)


def _not_a_choice(schema: _Schema, details: ErrorDetails, path: KeyPath) -> _Issue:
    annotation, _ = schema.lookup(path)
    choices = _literal_values(annotation) or _quoted(str(details.get("ctx", {}).get("expected")))
    expected = one_of(choices)
    got = details["input"]
    message = Message("expected_got", expected=expected, got=show(got))
    return _Issue(path, message, expected, suggest(got, choices))


def _unknown_tag(details: ErrorDetails, path: KeyPath) -> _Issue:
    context = details.get("ctx", {})
    tags = _quoted(str(context.get("expected_tags", "")))
    key = _quoted(str(context.get("discriminator", ""))) or [DISCRIMINATOR]
    expected = one_of(tags)
    tag = context.get("tag")
    hint = suggest(tag, tags) or Message("use", expected=expected)
    return _Issue((*path, key[0]), Message("unknown_tag", key=key[0], tag=tag), expected, hint)


def _rule_broken(schema: _Schema, details: ErrorDetails, path: KeyPath) -> list[_Issue]:
    """Explain a failed validator, pointing at the key its message is about."""
    error = details.get("ctx", {}).get("error", details["msg"])
    rules = error.rules if isinstance(error, BrokenRulesError) else [error]
    if all(isinstance(rule, BrokenRuleError) for rule in rules):
        return [_rule_issue(path, rule) for rule in rules]
    message = message_of(error) if isinstance(error, BaseException) else str(error)
    if path == LINKS_PATH and isinstance(schema.node(path), dict):
        issues = _link_issues(schema.node(path))
        if issues:
            return issues
    if path == ():
        path = _subject(message, schema.data)
    return [_Issue(path, message)]


def _rule_issue(path: KeyPath, rule: BrokenRuleError) -> _Issue:
    below = tuple(part for part in rule.key_path.split(".") if part)
    return _Issue((*path, *below), rule.message, hint=rule.hint)


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
            hint = link_hint(name) or suggest(name, LINK_SPELLINGS) or message_of(error)
            expected = Message("kind_known_link")
            issues.append(_Issue(here, Message("unknown_link"), expected, hint, on_key=True))
            continue
        if key in seen:
            message = Message("link_twice", link=key, first=seen[key], second=name)
            issues.append(_Issue(here, message, hint=Message("keep_one"), on_key=True))
            continue
        seen[key] = name
        issues.extend(_link_level_issues(here, name, level))
    return issues


def _link_level_issues(here: KeyPath, name: Any, level: Any) -> list[_Issue]:
    try:
        Cooperation.model_validate({"links": {name: level}})
    except ValidationError as error:
        return [_Issue(here, _message_in(details)) for details in error.errors()]
    return []


def _message_in(details: ErrorDetails) -> str:
    """Return a validator's message, a :class:`Message` if it raised one, else pydantic's."""
    error = details.get("ctx", {}).get("error")
    return message_of(error) if isinstance(error, BaseException) else str(error or details["msg"])


THOUSANDS = re.compile(r"[+-]?[1-9]\d{0,2}(,\d{3})+(\.\d*)?")
"""A number whose commas group thousands: ``1,000``, ``12,345.5``."""
DECIMAL_COMMA = re.compile(r"[+-]?\d+,\d+")
"""A number written with a decimal comma, as much of Europe writes it: ``0,8``."""


def _number_hint(value: Any) -> str | None:
    """Suggest how to write a number that YAML read as text (``1,000``, ``'5'``, ``1e6``).

    ``0,8`` is read as 0.8, not 8: a capability of 8 would be out of range, and suggesting it
    would send the user from one error to the next.
    """
    if not isinstance(value, str):
        return None
    plain = value.strip().replace("_", "")
    if DECIMAL_COMMA.fullmatch(plain) and not THOUSANDS.fullmatch(plain):
        plain = plain.replace(",", ".")
    plain = plain.replace(",", "")
    try:
        parsed = float(plain)  # reads full-width digits too
    except ValueError:
        return None
    if any(unicodedata.east_asian_width(char) == "F" for char in plain):
        return Message("full_width_digits_fix", example=number(parsed))
    return Message("plain_number", example=number(parsed))


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
        return one_of(choices)
    kinds = []
    for branch in _branches(annotation):
        base = get_origin(branch) or (dict if _models(branch) else branch)
        kind = _KINDS.get(base, Message("kind_value"))
        bounded = base in (int, float) and field is not None
        kinds.append(_ranged(kind, _bounds_of(field)) if bounded else kind)
    return either(dict.fromkeys(kinds))


def _bounds_of(field: FieldInfo | None) -> dict[str, Any]:
    bounds = {}
    for rule in field.metadata if field is not None else ():
        name = _BOUND_NAMES.get(type(rule))
        if name is not None:
            bounds[name] = getattr(rule, name)
    return bounds


def _bounds_of_context(details: ErrorDetails) -> dict[str, Any]:
    context = details.get("ctx", {})
    return {key: context[key] for key in ("ge", "gt", "le", "lt") if key in context}


_RANGES: dict[tuple[str | None, str | None], str] = {
    ("ge", "le"): "range_closed",
    ("gt", "le"): "range_open_low",
    ("ge", "lt"): "range_open_high",
    ("gt", "lt"): "range_open",
    ("ge", None): "range_ge",
    ("gt", None): "range_gt",
    (None, "le"): "range_le",
    (None, "lt"): "range_lt",
}


def _ranged(kind: str, bounds: dict[str, Any]) -> str:
    """Return ``a number in [0, 1]``, ``a number in (0, 10]``, ``a number >= 100`` or ``kind``.

    Each pair of bounds has its own message, since Chinese words the bound around the kind
    (``0 到 1 之间的数字``) rather than after it.
    """
    low = "ge" if "ge" in bounds else "gt" if "gt" in bounds else None
    high = "le" if "le" in bounds else "lt" if "lt" in bounds else None
    if low is None and high is None:
        return kind
    ends = {"low": bounds.get(low or ""), "high": bounds.get(high or "")}
    shown = {name: number(end) for name, end in ends.items() if end is not None}
    return Message(_RANGES[low, high], kind=kind, **shown)


def _quoted(text: str) -> list[str]:
    """Return the 'quoted' words of a pydantic context string such as ``'a', 'b' or 'c'``."""
    return re.findall(r"'([^']*)'", text)
