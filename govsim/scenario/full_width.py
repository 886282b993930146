"""Full-width punctuation typed by a Chinese input method where YAML needs its ASCII twin.

With a Chinese input method on, ``capability：0.5`` takes the full-width colon U+FF1A,
indentation takes the ideographic space U+3000, ``[student， elderly]`` the full-width comma
and numbers full-width digits (U+FF10 to U+FF19). YAML reads none of them as syntax: the colon
and the comma become part of a text, the space part of a key, the digits text. What it then
reports (``mapping values are not allowed here``, an unknown key ``　　police``, a mapping
that is null) names the consequence, not the character, which is hard to see on screen.

The text of a file is scanned here for these characters where the syntax expects the ASCII
ones: outside quotes, comments and block texts (``description: >-``), and only where a key,
a list's separator or a number stands. Chinese text in values (``zh: 现状城市：四个城区``)
is left alone. What is found is reported only for a file that fails to load: a valid file
is never refused on a guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from govsim.scenario.errors import Problem
from govsim.scenario.messages import Message

IDEOGRAPHIC_SPACE = "\u3000"
FULL_WIDTH_COLON = "："
FULL_WIDTH_COMMA = "，"
FULL_WIDTH_DIGITS = "".join(chr(0xFF10 + digit) for digit in range(10))
_TO_ASCII = str.maketrans(FULL_WIDTH_DIGITS + "\uff0e\uff0d\uff0b", "0123456789.-+")
_INDENT = re.compile(rf"[ {IDEOGRAPHIC_SPACE}]*")
_KEY_COLON = re.compile(
    rf"(?:^|[{{,])[ {IDEOGRAPHIC_SPACE}]*(?:-[ {IDEOGRAPHIC_SPACE}]+)*"
    rf"[^\s:#\[\]{{}},{FULL_WIDTH_COLON}]+?[ {IDEOGRAPHIC_SPACE}]*({FULL_WIDTH_COLON})"
)
"""A key ended by a full-width colon: at the line's start, after '- ', '{' or ','."""
_NUMBER = re.compile(
    r"(?:(?<=[\s\[{,])|^)([+\-\uff0b\uff0d]?[0-9\uff10-\uff19][0-9\uff10-\uff19_.\uff0e]*)"
    r"(?=[\s\]},]|$)"
)
_BLOCK_TEXT = re.compile(r"(?:^|[\s:-])[|>][+-]?[0-9]?[+-]?\s*$")
"""A line ending in ``|`` or ``>``: the lines indented below it are a text, not syntax."""
_QUOTE_OPENERS = frozenset("[{,:-")


@dataclass(frozen=True, slots=True)
class FullWidth:
    """Full-width characters found where YAML syntax stands, and the lines they garble."""

    problems: tuple[Problem, ...] = ()
    garbled: frozenset[tuple[str, int]] = field(default_factory=frozenset)
    """(file, line) of each line whose other problems are a consequence of these."""

    def __add__(self, other: FullWidth) -> FullWidth:
        """Both files' findings (a file and the parent it extends)."""
        return FullWidth(self.problems + other.problems, self.garbled | other.garbled)

    def explaining(self, problems: list[Problem]) -> list[Problem]:
        """Return these findings in place of the problems they explain, with the others."""
        if not self.problems:
            return problems
        others = [p for p in problems if (p.file or "", p.line or 0) not in self.garbled]
        return [*self.problems, *others]


def find_full_width(text: str, file: str) -> FullWidth:
    """Return the full-width characters of a file's text that stand where YAML syntax does."""
    problems: list[Problem] = []
    garbled: set[tuple[str, int]] = set()
    scanner = _Scanner()
    for number, line in enumerate(text.splitlines(), start=1):
        code = scanner.code(line)
        if code is None:
            continue
        found = list(_in_line(code, number, file))
        if found:
            problems.extend(found)
            garbled.add((file, number))
            if scanner.previous and code.lstrip(" ").startswith(IDEOGRAPHIC_SPACE):
                garbled.add((file, scanner.previous))  # the key whose children were lost
        if code.strip():
            scanner.previous = number
    return FullWidth(tuple(problems), frozenset(garbled))


def _in_line(code: str, number: int, file: str) -> list[Problem]:
    """The problems of one line, quotes and comments blanked out."""
    problems = []
    indent = _INDENT.match(code).group()  # type: ignore[union-attr]
    if IDEOGRAPHIC_SPACE in indent and code[len(indent) :].strip():
        column = indent.index(IDEOGRAPHIC_SPACE) + 1
        message = Message("full_width_space", column=column)
        problems.append(Problem(file, number, "", message, hint=Message("full_width_space_fix")))
    for match in _KEY_COLON.finditer(code):
        message = Message("full_width_colon", column=match.start(1) + 1)
        problems.append(Problem(file, number, "", message, hint=Message("full_width_colon_fix")))
    depth = 0
    for column, char in enumerate(code, start=1):
        depth += (char in "[{") - (char in "]}")
        if char == FULL_WIDTH_COMMA and depth > 0:
            message = Message("full_width_comma", column=column)
            hint = Message("full_width_comma_fix")
            problems.append(Problem(file, number, "", message, hint=hint))
    for match in _NUMBER.finditer(code):
        written = match.group(1)
        if any(char in FULL_WIDTH_DIGITS for char in written):
            message = Message("full_width_digits", column=match.start(1) + 1, value=written)
            hint = Message("full_width_digits_fix", example=written.translate(_TO_ASCII))
            problems.append(Problem(file, number, "", message, hint=hint))
    return problems


class _Scanner:
    """Reads a file line by line, blanking what is not syntax: quoted texts, comments, blocks.

    Blanked characters become spaces, so that columns stay those of the file. A quoted text
    may run over several lines, and a block text (after ``|`` or ``>``) runs as long as its
    lines are indented further than the line that opened it.
    """

    def __init__(self) -> None:
        self.quote: str | None = None
        self.block_indent: int | None = None
        self.previous: int | None = None
        """The last line that held any syntax."""

    def code(self, line: str) -> str | None:
        """Return the line with quotes and comments blanked, or None for a line of a block."""
        indent = len(line) - len(line.lstrip(" "))
        if self.block_indent is not None:
            if not line.strip() or indent > self.block_indent:
                return None
            self.block_indent = None
        code = self._blank(line)
        if _BLOCK_TEXT.search(code):
            self.block_indent = indent
        return code

    def _blank(self, line: str) -> str:
        kept: list[str] = []
        index = 0
        while index < len(line):
            char = line[index]
            if self.quote is not None:
                if char == self.quote and line[index + 1 : index + 2] == "'" == char:
                    kept.append("  ")  # '' inside single quotes: a quote, still quoted
                    index += 2
                    continue
                if char == self.quote:
                    self.quote = None
                kept.append(" ")
            elif char in "'\"" and _opens_quote(kept):
                self.quote = char
                kept.append(" ")
            elif char == "#" and (not kept or kept[-1] in (" ", IDEOGRAPHIC_SPACE)):
                break
            else:
                kept.append(char)
            index += 1
        return "".join(kept)


def _opens_quote(before: list[str]) -> bool:
    """Whether a quote here starts a quoted text (rather than sitting inside a plain one)."""
    written = "".join(before).rstrip(" " + IDEOGRAPHIC_SPACE)
    return not written or written[-1] in _QUOTE_OPENERS
