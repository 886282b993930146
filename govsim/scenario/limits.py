"""Bounds on what a scenario file may cost to read: its size, its nesting, its aliases.

Scenario files are untrusted input (a dashboard accepts uploads). YAML lets a few hundred bytes
describe billions of values: an anchor (``&a [x, x]``) reused by aliases (``*a``) in a list
that is itself anchored and reused, seven levels deep ("billion laughs"). Reading such a file
is cheap, since an alias shares its node, but anything that walks the values (recording lines,
validation) would run for hours. Deep nesting (``[[[[...``) would exhaust Python's stack
instead. A hand-written scenario is a few kilobytes with a few hundred values nested a few
levels, so the limits below are far above any real file and far below any harm; a file beyond
them is refused at once, naming the limit.
"""

from __future__ import annotations

from typing import Any

import yaml

from govsim.scenario.messages import Message

MAX_FILE_BYTES = 1024 * 1024
"""Largest scenario file read (1 MiB); the shipped ones are under 5 KiB."""
MAX_DEPTH = 50
"""Deepest nesting of mappings and lists; a scenario nests 5 levels at most."""
MAX_VALUES = 100_000
"""Most values (mappings, lists and scalars) a file may hold once its aliases are expanded."""


class LimitExceededError(Exception):
    """A file is beyond one of the limits: what went over, at which line, and the fix."""

    def __init__(self, line: int | None, message: str, hint: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message
        self.hint = hint


class BoundedComposer(yaml.composer.Composer):
    """A composer that refuses nesting deeper than :data:`MAX_DEPTH` while it builds nodes."""

    _depth = 0

    def compose_node(self, parent: yaml.Node | None, index: Any) -> yaml.Node | None:
        """Compose one node, counting how deep it is nested."""
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                line = self.peek_event().start_mark.line + 1
                raise LimitExceededError(
                    line,
                    Message("too_deep", depth=MAX_DEPTH),
                    Message("too_deep_fix"),
                )
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


class BoundedLoader(BoundedComposer, yaml.SafeLoader):
    """A safe YAML loader within the limits, for YAML that is not a file (a setting's value)."""

    def get_single_data(self) -> Any:
        """Return the document's data, refusing it if it expands beyond the limits."""
        node = self.get_single_node()
        if node is None:
            return None
        check_expansion(node)
        return self.construct_document(node)


def load_bounded(text: str) -> Any:
    """Return the data of a YAML text, as ``yaml.safe_load`` would, within the limits.

    Raises:
        LimitExceededError: if the text is too long, too deep or expands too far.
        yaml.YAMLError: if it is not valid YAML.
    """
    if len(text.encode("utf-8")) > MAX_FILE_BYTES:
        message = Message("too_long", kib=f"{MAX_FILE_BYTES // 1024:,}")
        raise LimitExceededError(None, message, Message("shorten"))
    loader = BoundedLoader(text)
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()


def check_expansion(root: yaml.Node) -> None:
    """Refuse a node tree that refers to itself or expands to more than :data:`MAX_VALUES`.

    Counts each distinct node once and reuses the count wherever an alias repeats it, so the
    check takes time in proportion to the file, not to what its aliases expand to.

    Raises:
        LimitExceededError: naming the limit and the line of the node that went over.
    """
    sizes: dict[int, int] = {}
    _count(root, sizes, set())


def _count(node: yaml.Node, sizes: dict[int, int], open_nodes: set[int]) -> int:
    known = sizes.get(id(node))
    if known is not None:
        return known
    line = node.start_mark.line + 1
    if id(node) in open_nodes:
        raise LimitExceededError(
            line,
            Message("self_alias"),
            Message("self_alias_fix"),
        )
    open_nodes.add(id(node))
    total = 1 + sum(_count(child, sizes, open_nodes) for child in _children(node))
    open_nodes.discard(id(node))
    if total > MAX_VALUES:
        raise LimitExceededError(
            line,
            Message("too_many_values", count=f"{MAX_VALUES:,}"),
            Message("too_many_values_fix"),
        )
    sizes[id(node)] = total
    return total


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []
