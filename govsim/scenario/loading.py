"""Loading scenario files: YAML with line numbers, ``extends`` chains, and validation.

Every key is traced to the file and line that supplied it, through any chain of ``extends``, so
that a problem found by the schema points at the line to edit in the file to edit. Bad input of
any kind ends in a :class:`ScenarioError`, never in a traceback.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from govsim.scenario.cautions import cautions, issue
from govsim.scenario.cooperation import canonical_link
from govsim.scenario.errors import (
    LINKS_PATH,
    KeyPath,
    Problem,
    ScenarioError,
    format_key_path,
    has_key,
    problems_from_validation,
    show,
)
from govsim.scenario.fields import merged_onto
from govsim.scenario.folder_names import folder_name_problem, folder_safe
from govsim.scenario.full_width import FullWidth, find_full_width
from govsim.scenario.kinds import declared_kind_problems, written_kind_problems
from govsim.scenario.limits import (
    MAX_FILE_BYTES,
    BoundedComposer,
    LimitExceededError,
    check_expansion,
)
from govsim.scenario.messages import Message, said_by_yaml
from govsim.scenario.replacing import REPLACE, replaced_paths, without
from govsim.scenario.resources import check_memory
from govsim.scenario.schema import Scenario

EXTENDS = "extends"
CHAIN_KEYS: tuple[str, ...] = (EXTENDS, REPLACE)
SHIPPED_SCENARIOS = Path(__file__).resolve().parents[2] / "scenarios"
"""The scenarios that come with govsim (in a checkout and an editable install): a parent
not found beside a copied file may be one of them."""
"""Keys about how a file joins its parent, consumed when the chain is resolved."""
NAME = "name"
EXPERIMENT_FIRST_KEY = "scenario"
"""The key an experiment file cannot do without: the base scenario it varies."""
MERGE_TAG = "tag:yaml.org,2002:merge"
SYNTAX_HINTS: dict[str, str] = {
    "'\\t'": Message("yaml_tab"),
    "could not find expected ':'": Message("yaml_colon"),
    "mapping values are not allowed": Message("yaml_mapping_value"),
    "expected <block end>": Message("yaml_block_end"),
    "constructor for the tag": Message("yaml_tag"),
    "special characters": Message("yaml_control"),
    "another document": Message("yaml_documents"),
}


@dataclass(frozen=True, slots=True)
class FileKind:
    """What a file holds, for the fix of an empty or shapeless one: the key to start with.

    An experiment file is read like a scenario, but a writer told that it needs ``name:``
    would write a scenario's key into it.
    """

    first_key: str
    empty_fix: str
    """The id of the message that says what an empty file of this kind needs."""


SCENARIO_FILE = FileKind(NAME, "file_empty_fix")
EXPERIMENT_FILE = FileKind(EXPERIMENT_FIRST_KEY, "experiment_empty_fix")


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a key was written: its file, and the 1-based lines of the key and of its value."""

    file: str
    key_line: int
    value_line: int


@dataclass(slots=True)
class Document:
    """Scenario data, with the origin of every key path in it."""

    file: str
    data: dict[str, Any]
    origins: dict[KeyPath, Origin] = field(default_factory=dict)
    full_width: FullWidth = field(default_factory=FullWidth)
    """Full-width punctuation where YAML syntax stands, reported if the data does not validate."""

    def locate(self, path: KeyPath, on_key: bool = False) -> tuple[str, int | None]:
        """Return the file and line that supplied a key path, or else its nearest ancestor.

        Args:
            path: The key path, e.g. ``("agencies", "police", "capability")``.
            on_key: Give the line of the key rather than of its value.
        """
        for depth in range(len(path), 0, -1):
            origin = self.origins.get(path[:depth])
            if origin is not None:
                exact = depth == len(path) and not on_key
                return origin.file, origin.value_line if exact else origin.key_line
        return self.file, None


# --- Public entry points ----------------------------------------------------------------------


def load_scenario(path: str | os.PathLike[str], *, check_resources: bool = True) -> Scenario:
    """Load a scenario file, merge its ``extends`` chain, and validate it.

    What is valid but will not act as written (an event after the last day, say) is issued as
    a :class:`~govsim.scenario.cautions.ScenarioWarning`, placed at its file and line.

    Args:
        path: The scenario file (YAML, UTF-8).
        check_resources: Also check that its residents fit in this machine's memory.

    Raises:
        ScenarioError: with every problem found, each with its file, line and key path.
    """
    document = _resolve(Path(path), str(path), ())
    scenario = _validate(document)
    if check_resources:
        _check_resources(scenario, document)
    issue(cautions(scenario), document.locate)
    return scenario


def load_scenario_data(path: str | os.PathLike[str]) -> dict[str, Any]:
    """Return a scenario file's data with its ``extends`` chain merged, not yet validated.

    Raises:
        ScenarioError: if a file cannot be read or parsed, or the chain is broken.
    """
    return _resolve(Path(path), str(path), ()).data


def parent_file(path: str | os.PathLike[str]) -> Path | None:
    """Return the file a scenario file ``extends`` (relative to it), or None if it extends none.

    Raises:
        ScenarioError: if the file cannot be read, or its parent is missing or the file itself.
    """
    document = _read(Path(path), str(path))
    name = document.data.get(EXTENDS)
    if name is None:
        return None
    origin = document.origins.get((EXTENDS,))
    line = origin.key_line if origin else None
    chain = ((os.path.realpath(path), str(path)),)
    return _find_parent(name, Path(path), str(path), line, chain)[0]


def scenario_from_dict(
    data: Mapping[str, Any],
    source: str = "<dict>",
    *,
    check_resources: bool = True,
    warn: bool = True,
    check_kinds: bool = True,
) -> Scenario:
    """Validate scenario data built in code, reporting problems as for a file named ``source``.

    Args:
        data: The scenario's keys and values, as a file would give them.
        source: The name that problems and warnings give as their file.
        check_resources: Also check that its residents fit in this machine's memory.
        warn: Issue a :class:`ScenarioWarning` for each caution (see ``cautions.py``).
        check_kinds: Refuse a number written as a boolean, or a switch written otherwise
            (``kinds.py``); a caller that checks the values it set itself passes False.

    Raises:
        ScenarioError: with every problem found.
    """
    if not isinstance(data, Mapping):
        message = Message("expected_got", expected=Message("got_mapping"), got=show(data))
        raise ScenarioError.single(source, None, "", message)
    document = Document(source, dict(data))
    scenario = _validate(document, check_kinds)
    if check_resources:
        _check_resources(scenario, document)
    if warn:
        issue(cautions(scenario), document.locate)
    return scenario


def dump_scenario(scenario: Scenario) -> str:
    """Return a scenario as resolved YAML (no ``extends`` or ``replace``, every value spelled out).

    Loading the text gives back an equal scenario.
    """
    data = scenario.model_dump(mode="json", exclude=set(CHAIN_KEYS))
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)


# --- Validation -------------------------------------------------------------------------------


def _validate(document: Document, check_kinds: bool = True) -> Scenario:
    try:
        scenario = Scenario.model_validate(document.data)
    except ValidationError as error:
        problems = problems_from_validation(error, document.data, Scenario, document.locate)
        said = {problem.key_path for problem in problems}
        problems += [  # a `yes` for a number, said now rather than once the rest is fixed
            problem
            for problem in declared_kind_problems(document.data, Scenario, document.locate)
            if problem.key_path not in said
        ]
        raise ScenarioError(document.full_width.explaining(problems)) from None
    mistyped = (
        written_kind_problems(document.data, scenario, document.locate) if check_kinds else []
    )
    if mistyped:
        raise ScenarioError(document.full_width.explaining(mistyped))
    return scenario


def _check_resources(scenario: Scenario, document: Document) -> None:
    try:
        check_memory(scenario)
    except ScenarioError as error:
        raise ScenarioError(_placed(problem, document) for problem in error.problems) from None


def _placed(problem: Problem, document: Document) -> Problem:
    """Give a problem found on the validated scenario the file and line of its key."""
    if problem.file is not None:
        return problem
    path = tuple(problem.key_path.split(".")) if problem.key_path else ()
    file, line = document.locate(path)
    return dataclasses.replace(problem, file=file, line=line)


# --- extends ----------------------------------------------------------------------------------


def _resolve(path: Path, shown: str, chain: tuple[tuple[str, str], ...]) -> Document:
    """Read a file and, if it extends another, merge it onto its resolved parent.

    Args:
        path: The file to read.
        shown: Its name in messages (as given, or relative to the file that extends it).
        chain: (real path, shown name) of the files extending this one, to detect loops.
    """
    document = _read(path, shown)
    if not chain and NAME not in document.data:
        # A file without a name is named after itself, never after the file it extends: the
        # name picks the results folder, and an inherited one would overwrite the parent's.
        document.data[NAME] = _name_from_file(path, shown)
    parent_name = document.data.pop(EXTENDS, None)
    origin = document.origins.pop((EXTENDS,), None)
    replaced = _pop_replace(document, has_parent=parent_name is not None)
    if parent_name is None:
        return document
    chain = (*chain, (os.path.realpath(path), shown))
    line = origin.key_line if origin else None
    parent_path, parent_shown = _find_parent(parent_name, path, shown, line, chain)
    parent = _resolve(parent_path, parent_shown, chain)
    if replaced:
        parent = dataclasses.replace(parent, data=without(parent.data, replaced))
    return _merge(parent, document)


def _name_from_file(path: Path, shown: str) -> str:
    """The name of a file that gives none: its own file name, if that can name a folder.

    Checked here, against this file: checked after the merge, the problem would be placed at
    the ``name:`` of the file it extends, which the user did not write and should not edit.
    """
    if problem := folder_name_problem(path.stem):
        message = Message("scenario_name_from_file", problem=problem[0])
        hint = Message("name_from_file_fix", suggestion=folder_safe(path.stem))
        raise ScenarioError.single(shown, None, NAME, message, hint)
    return path.stem


def _pop_replace(document: Document, *, has_parent: bool) -> list[KeyPath]:
    """Take the file's ``replace`` list out of its data, checked, as key paths."""
    if REPLACE not in document.data:
        return []
    value = document.data.pop(REPLACE)
    lines = {
        path: origin.value_line
        for path, origin in document.origins.items()
        if path and path[0] == REPLACE
    }
    document.origins = {path: o for path, o in document.origins.items() if path[:1] != (REPLACE,)}
    if not has_parent:
        message = Message("nothing_to_replace")
        hint = Message("nothing_to_replace_fix")
        raise ScenarioError.single(document.file, lines.get((REPLACE,)), REPLACE, message, hint)
    return replaced_paths(value, document.file, lines)


def _find_parent(
    name: Any, path: Path, shown: str, line: int | None, chain: tuple[tuple[str, str], ...]
) -> tuple[Path, str]:
    """Return the file an ``extends`` names (relative to the file), and its name in messages."""
    if not isinstance(name, str) or not name.strip():
        message = Message("expected_got", expected=Message("kind_scenario_path"), got=show(name))
        raise ScenarioError.single(shown, line, EXTENDS, message)
    parent = path.parent / name
    parent_shown = os.path.normpath(os.path.join(os.path.dirname(shown), name))
    real_paths = [real for real, _ in chain]
    if os.path.realpath(parent) in real_paths:
        loop = [name for _, name in chain[real_paths.index(os.path.realpath(parent)) :]]
        message = Message("extends_loop", chain=" -> ".join([*loop, loop[0]]))
        hint = Message("extends_loop_fix")
        raise ScenarioError.single(shown, line, EXTENDS, message, hint=hint)
    if not parent.is_file():
        message = Message("parent_not_found", name=name, path=parent_shown)
        raise ScenarioError.single(shown, line, EXTENDS, message, hint=_parent_hint(name, path))
    return parent, parent_shown


def _parent_hint(name: str, path: Path) -> Message:
    """The fix for an ``extends`` that names no file: the likeliest file it meant.

    Tried in turn: the name with ``.yaml`` beside this file (``extends: baseline``), then a
    scenario shipped with govsim of that name, with or without ``.yaml`` (a shipped scenario
    copied elsewhere, whose parent stayed behind, or a new file next to none).
    """
    with_suffix = f"{name}.yaml"
    if not name.endswith((".yaml", ".yml")) and (path.parent / with_suffix).is_file():
        return Message("parent_needs_suffix", name=with_suffix)
    for candidate in (name, with_suffix):
        shipped = SHIPPED_SCENARIOS / Path(candidate).name
        if shipped.is_file():
            return Message("parent_is_shipped", path=shipped)
    return Message("parent_not_found_fix")


def _merge(parent: Document, child: Document) -> Document:
    """Deep-merge a child onto its parent; each key keeps the origin of the file that won."""
    data = merged_onto(parent.data, child.data, drops=_relinked)
    origins = {path: origin for path, origin in parent.origins.items() if _exists(data, path)}
    origins.update(child.origins)
    return Document(child.file, data, origins, parent.full_width + child.full_width)


def _relinked(path: KeyPath, key: Any, child: dict[Any, Any]) -> bool:
    """Whether the child sets a parent's link under the other spelling (bank-police)."""
    if path != LINKS_PATH or key in child:
        return False
    return _link_name(key) in {_link_name(name) for name in child}


def _link_name(name: Any) -> Any:
    try:
        return canonical_link(str(name))
    except ValueError:
        return name


def _exists(data: Any, path: KeyPath) -> bool:
    for part in path:
        if not has_key(data, part):
            return False
        data = data[part]
    return True


# --- Reading YAML -----------------------------------------------------------------------------


class _LineLoader(BoundedComposer, yaml.SafeLoader):
    """A safe YAML loader that records where every key and value starts.

    The node tree is checked against the limits of ``limits.py``, then walked once before it
    is turned into data, giving each key path the lines of its key and value. Keys given twice
    in one mapping are reported: YAML would silently keep the last, and a second ``police:``
    block is always a mistake.
    """

    def __init__(self, text: str, file: str) -> None:
        super().__init__(text)
        self.file = file
        self.origins: dict[KeyPath, Origin] = {}
        self.duplicates: list[Problem] = []
        self.root_line: int | None = None

    def load(self) -> Any:
        """Return the document's data (None for an empty file), recording lines on the way."""
        node = self.get_single_node()
        if node is None:
            return None
        self.root_line = node.start_mark.line + 1
        check_expansion(node)
        self._record(node, (), frozenset())
        return self.construct_document(node)

    def _record(self, node: yaml.Node, path: KeyPath, open_nodes: frozenset[int]) -> None:
        if id(node) in open_nodes:  # an alias of an enclosing node: recursive data
            return
        inside = open_nodes | {id(node)}
        if isinstance(node, yaml.MappingNode):
            self._record_mapping(node, path, inside)
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                self._note((*path, index), item, item)
                self._record(item, (*path, index), inside)

    def _record_mapping(
        self, node: yaml.MappingNode, path: KeyPath, inside: frozenset[int]
    ) -> None:
        self._find_duplicates(node, path)
        self.flatten_mapping(node)  # resolve '<<: *anchor' merges as construction will
        for key_node, value_node in node.value:
            if isinstance(key_node, yaml.ScalarNode):
                child = (*path, self.construct_object(key_node))
                self._note(child, key_node, value_node)
                self._record(value_node, child, inside)

    def _find_duplicates(self, node: yaml.MappingNode, path: KeyPath) -> None:
        first_lines: dict[Any, int] = {}
        for key_node, _ in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == MERGE_TAG:
                continue
            key, line = self.construct_object(key_node), key_node.start_mark.line + 1
            if key in first_lines:
                message = Message("duplicate_key", line=first_lines[key])
                hint = Message("duplicate_key_fix")
                key_path = format_key_path((*path, key))
                self.duplicates.append(Problem(self.file, line, key_path, message, hint=hint))
            first_lines.setdefault(key, line)

    def _note(self, path: KeyPath, key_node: yaml.Node, value_node: yaml.Node) -> None:
        key_line, value_line = key_node.start_mark.line + 1, value_node.start_mark.line + 1
        self.origins[path] = Origin(self.file, key_line, value_line)


def _read(path: Path, shown: str, kind: FileKind = SCENARIO_FILE) -> Document:
    """Parse one scenario file (or one of ``kind``) into a document, without its ``extends``."""
    text = _read_text(path, shown)
    full_width = find_full_width(text, shown)
    try:
        loader = _LineLoader(text, shown)  # the reader rejects control characters right away
        try:
            data = loader.load()
        finally:
            loader.dispose()
    except yaml.YAMLError as error:
        raise _syntax_error(error, shown, text, full_width) from None
    except LimitExceededError as error:
        raise ScenarioError.single(shown, error.line, "", error.message, error.hint) from None
    if loader.duplicates:
        raise ScenarioError(loader.duplicates)
    try:
        root = _check_root(data, shown, loader.root_line, kind)
    except ScenarioError as error:
        raise ScenarioError(full_width.explaining(error.problems)) from None
    return Document(shown, root, loader.origins, full_width)


def _read_text(path: Path, shown: str) -> str:
    try:
        with path.open("rb") as stream:
            raw = stream.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise ScenarioError.single(shown, None, "", Message("file_not_found")) from None
    except IsADirectoryError:
        raise ScenarioError.single(shown, None, "", Message("is_a_folder")) from None
    except OSError as error:
        message = Message("unreadable", reason=error.strerror or str(error))
        raise ScenarioError.single(shown, None, "", message) from None
    if len(raw) > MAX_FILE_BYTES:
        message = Message("file_too_large", kib=f"{MAX_FILE_BYTES // 1024:,}")
        hint = Message("file_too_large_fix")
        raise ScenarioError.single(shown, None, "", message, hint=hint)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        message = Message("not_utf8", byte=f"{raw[error.start]:02x}")
        hint = Message("not_utf8_fix")
        raise ScenarioError.single(shown, line, "", message, hint=hint) from None


def _check_root(data: Any, shown: str, line: int | None, kind: FileKind) -> dict[str, Any]:
    if data is None:
        hint = Message(kind.empty_fix)
        raise ScenarioError.single(shown, None, "", Message("file_empty"), hint=hint)
    if not isinstance(data, dict):
        message = Message("root_not_mapping", got=show(data))
        hint = Message("root_not_mapping_fix", key=kind.first_key)
        raise ScenarioError.single(shown, line, "", message, hint=hint)
    return data


def _syntax_error(
    error: yaml.YAMLError, shown: str, text: str, full_width: FullWidth
) -> ScenarioError:
    """Turn a YAML error into a problem at its line, with a hint for the common mistakes.

    Full-width punctuation on or before that line is taken as its cause and reported instead.
    """
    line = _error_line(error, text)
    if any((p.line or 0) <= (line or 0) for p in full_width.problems):
        return ScenarioError(full_width.problems)
    problem = getattr(error, "problem", None) or getattr(error, "reason", None) or str(error)
    problem = said_by_yaml(problem)
    context, context_mark = getattr(error, "context", None), getattr(error, "context_mark", None)
    if context and problem.startswith("but "):  # "expected a single document, but found ..."
        message = Message("invalid_yaml_context", context=context, problem=problem)
    elif context and context_mark and context_mark.line + 1 != line:
        earlier = context_mark.line + 1
        message = Message("invalid_yaml_earlier", problem=problem, context=context, line=earlier)
    else:
        message = Message("invalid_yaml", problem=problem)
    hints = [hint for clue, hint in SYNTAX_HINTS.items() if clue in message]
    hint = hints[0] if hints else Message("yaml_check_lines")
    return ScenarioError([*full_width.problems, Problem(shown, line, "", message, hint=hint)])


def _error_line(error: yaml.YAMLError, text: str) -> int | None:
    mark = getattr(error, "problem_mark", None)
    if mark is not None:
        return mark.line + 1
    position = getattr(error, "position", None)  # a reader error: a forbidden character
    return text[:position].count("\n") + 1 if isinstance(position, int) else None


def read_document(path: str | os.PathLike[str], kind: FileKind = EXPERIMENT_FILE) -> Document:
    """Parse one YAML file of settings into a document recording each key's line.

    For other hand-written files checked like scenarios (experiment files): the same limits,
    syntax messages and duplicate-key check, without ``extends`` or the scenario schema.
    ``kind`` says what an empty file, or one that is not a mapping, should start with.

    Raises:
        ScenarioError: if the file cannot be read or parsed, or is not a mapping.
    """
    return _read(Path(path), str(path), kind)
