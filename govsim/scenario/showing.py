"""What ``govsim show`` prints: a resolved scenario with its effective links, and differences.

A link's written level is not always the level the model uses: structure ``none`` sets every
link to 0, and a hub raises the links among the parties that sit together (``bank-police:
0.3`` acts as 0.86 at ``hub_colocation: 0.8``). The resolved YAML therefore carries each
effective level as a comment beside the written one, and a comment for each link the file
leaves out that still acts; the text stays valid YAML that loads back to the same scenario.

A difference lists, key path by key path, what one scenario changes against another (its
parent, say): both resolved, every default spelled out, so that a change inherited or
defaulted on one side still shows.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import yaml

from govsim.scenario.cooperation import KNOWN_LINKS, Cooperation
from govsim.scenario.errors import number
from govsim.scenario.loading import dump_scenario
from govsim.scenario.overrides import resolved_data
from govsim.scenario.schema import Scenario

LINKS_HEADER = "  links:"
LINK_INDENT = "    "
NOT_SET = "(not set)"
EFFECTIVE = "(effective)"
CELL_WIDTH = 60


def show_text(scenario: Scenario) -> str:
    """Return the resolved scenario as YAML, each link's effective level beside it as a comment."""
    lines = dump_scenario(scenario).splitlines()
    start = _links_start(lines)
    if start is None:
        return "\n".join(lines) + "\n"
    end = start + 1
    while end < len(lines) and lines[end].startswith(LINK_INDENT):
        end += 1
    cooperation = scenario.cooperation
    written = [_annotated(line, cooperation) for line in lines[start + 1 : end]]
    unwritten = _unwritten_comments(cooperation)
    return "\n".join([*lines[: start + 1], *written, *unwritten, *lines[end:]]) + "\n"


def _links_start(lines: list[str]) -> int | None:
    """Return the index of the ``links:`` line of the ``cooperation`` section."""
    inside = False
    for index, line in enumerate(lines):
        if not line.startswith(" "):
            inside = line == "cooperation:"
        elif inside and line.startswith(LINKS_HEADER):
            return index
    return None


def _annotated(line: str, cooperation: Cooperation) -> str:
    name, _, value = line.strip().partition(":")
    written = float(value)
    effective = cooperation.level(name)
    if effective == written:
        return line
    return f"{line}  # effective {_level(effective)}{_why(cooperation)}"


def _unwritten_comments(cooperation: Cooperation) -> list[str]:
    """Comments for the links left out (0 as written) that act at another level."""
    return [
        f"{LINK_INDENT}# {link}: not written, effective {_level(level)}{_why(cooperation)}"
        for link in KNOWN_LINKS
        if link not in cooperation.links and (level := cooperation.level(link)) != 0.0
    ]


def _why(cooperation: Cooperation) -> str:
    if cooperation.structure == "none":
        return " (structure none: every link counts as 0)"
    return f" (hub: closes {_level(cooperation.hub_colocation)} of the gap to 1)"


def _level(value: float) -> str:
    return f"{value:.4g}"


# --- Differences ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Change:
    """One key path whose value differs between two scenarios (``NOT_SET`` where absent)."""

    key_path: str
    before: Any
    after: Any


def differences(before: Scenario, after: Scenario) -> list[Change]:
    """Return every key path whose resolved value differs, and every effective link that does.

    A link's effective level is listed (as ``cooperation.links.<link> (effective)``) when it
    differs in a way its written levels do not show: the structure or the hub changed it.
    """
    changes = list(_walk(resolved_data(before), resolved_data(after), ()))
    for link in KNOWN_LINKS:
        old, new = before.cooperation.level(link), after.cooperation.level(link)
        path = f"cooperation.links.{link}"
        paths = [change.key_path for change in changes]
        mirrors = (
            path in paths
            and old == before.cooperation.links.get(link, 0.0)
            and new == after.cooperation.links.get(link, 0.0)
        )
        if old != new and not mirrors:
            effective = Change(f"{path} {EFFECTIVE}", _rounded(old), _rounded(new))
            at = paths.index(path) + 1 if path in paths else len(changes)
            changes.insert(at, effective)
    return changes


def side_by_side(scenarios: Sequence[Scenario]) -> dict[str, list[Any]]:
    """Every key path where a scenario differs from the first, with each scenario's value.

    A scenario that leaves a written key as the first has it holds the first's value there. An
    effective link level is each scenario's own: :func:`differences` lists it only where the
    structure or the hub changed it, so a scenario that raised the written link itself (its
    effective level the written one) would otherwise be shown with the first's level.
    """
    first, *others = scenarios
    found: dict[str, list[Any]] = {}
    for column, other in enumerate(others, start=1):
        for change in differences(first, other):
            row = found.setdefault(change.key_path, [change.before] * len(scenarios))
            row[column] = change.after
    for key_path, row in found.items():
        if key_path.endswith(f" {EFFECTIVE}"):
            link = key_path.removeprefix("cooperation.links.").removesuffix(f" {EFFECTIVE}")
            row[:] = [_rounded(scenario.cooperation.level(link)) for scenario in scenarios]
    return found


def _rounded(level: float) -> float:
    """A level as people write it: 0.86, not 0.8599999999999999."""
    return round(level, 6)


def _walk(old: Any, new: Any, path: tuple[str, ...]) -> Iterator[Change]:
    if isinstance(old, dict) and isinstance(new, dict):
        for key in dict.fromkeys([*old, *new]):
            yield from _walk(old.get(key, NOT_SET), new.get(key, NOT_SET), (*path, str(key)))
    elif isinstance(old, list) and isinstance(new, list) and len(old) == len(new):
        for index, (first, second) in enumerate(zip(old, new, strict=True)):
            yield from _walk(first, second, (*path[:-1], f"{path[-1]}[{index}]"))
    elif old != new:
        yield Change(".".join(path), old, new)


DIFFERENCE_WORDS: dict[str, tuple[str, str]] = {
    "key_path": ("key path", "参数路径"),
    "none": ("no differences between {before} and {after}", "{before} 与 {after} 没有差异"),
}
"""``govsim show --diff``'s own words, in English and Chinese (file names are as written)."""


def render_differences(changes: list[Change], before: str, after: str, language: str = "en") -> str:
    """Return the changes as three aligned columns: key path, the first value, the second.

    The header and the no-difference line follow ``language``; key paths and values do not.
    """
    index = 1 if language == "zh" else 0
    if not changes:
        return DIFFERENCE_WORDS["none"][index].format(before=before, after=after) + "\n"
    rows = [(DIFFERENCE_WORDS["key_path"][index], before, after)]
    rows += [(change.key_path, cell(change.before), cell(change.after)) for change in changes]
    widths = [max(_width(row[column]) for row in rows) for column in range(2)]
    lines = [
        "  ".join([*(_pad(row[column], widths[column]) for column in range(2)), row[2]]).rstrip()
        for row in rows
    ]
    return "\n".join(lines) + "\n"


def _width(text: str) -> int:
    """Columns a text takes in a terminal: Chinese characters take two."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


def cell(value: Any, width: int | None = CELL_WIDTH) -> str:
    """Return a value as short YAML for a column: ``0.4``, ``[student, elderly]``.

    Cut to ``width`` columns with ``...`` for a terminal; whole with ``width=None`` (a page,
    whose cells wrap, shows the whole list).
    """
    if isinstance(value, str):
        text = value
    elif isinstance(value, bool) or value is None:
        text = yaml.safe_dump(value).split("\n")[0]
    elif isinstance(value, int | float):
        text = number(value)
    else:
        text = yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, width=10**6)
        text = text.strip()
    text = " ".join(text.split())
    if width is None or _width(text) <= width:
        return text
    while _width(text) > width - 3:
        text = text[:-1]
    return text + "..."
