"""Help pages without type noise, in the language asked for: ``SCENARIO`` and ``--days DAYS``.

Typer's help shows each parameter's Python type (``<bool>`` beside every flag, ``<list[Path]>``
beside a list of files) and braces around required arguments in the usage line. A reader of
``govsim run --help`` wants the names and what they mean; the help text says the rest. The
classes here are given to Typer (``typer.Typer(cls=...)``, ``@app.command(cls=...)``) and turn
each parameter into one that shows its name (arguments) or its metavar (options) only.

A reader who asked for Chinese (``--lang zh`` among the arguments, or ``GOVSIM_LANG=zh``, read
as :func:`govsim.cli_errors.usage_language` reads it) gets the help page in Chinese too: the
usage line, the panels' titles, the command's help and every parameter's, from
:mod:`govsim.cli_help_zh`. The English texts are put back once the page is drawn.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import rich._wrap
import typer
from rich.text import Text
from typer import rich_utils
from typer.core import TyperArgument, TyperCommand, TyperGroup, TyperOption

from govsim.cli_errors import usage_errors_in, usage_language
from govsim.cli_help_zh import PAGE, command_help, parameter_help

TYPER_WORDS: dict[str, str] = {
    "ARGUMENTS_PANEL_TITLE": "arguments",
    "OPTIONS_PANEL_TITLE": "options",
    "COMMANDS_PANEL_TITLE": "commands",
    "DEFAULT_STRING": "default",
    "ENVVAR_STRING": "envvar",
    "REQUIRED_LONG_STRING": "required",
}
"""The words Typer writes on a help page, by the ``typer.rich_utils`` constant it reads them
from when it draws the page, and their key in :data:`govsim.cli_help_zh.PAGE`."""


class PlainArgument(TyperArgument):
    """An argument shown by its name alone, as ``SCENARIO`` or ``[FILE]...``."""

    def display_type_rich(self, ctx: typer.Context) -> str | None:
        """No type column: the name (``SCENARIO``, ``FILE...``) says what it takes."""
        return None

    def _usage_display_name(self) -> str:
        name = self.display_name_raw
        if self.nargs != 1 and not name.endswith("..."):
            name += "..."
        return name if self.required else f"[{name}]"


class PlainOption(TyperOption):
    """An option shown with its metavar (``--days DAYS``); a flag with nothing after it."""

    def display_type_rich(self, ctx: typer.Context) -> str | None:
        """The metavar, else the type's name (``INTEGER``, ``PATH``); nothing for a flag."""
        if self.is_flag or self.count:
            return None
        if self.metavar is not None:
            return self.metavar
        return self.type.name.split()[0].upper()


def _plain(params: list[Any]) -> None:
    """Make Typer's parameters plain in place (their parsing is untouched)."""
    for param in params:
        if type(param) is TyperArgument:
            param.__class__ = PlainArgument
        elif type(param) is TyperOption:
            param.__class__ = PlainOption


_IDEOGRAPH = "\u3400-\u9fff\uf900-\ufaff"
_OPENING = "（「『《【\u201c\u2018"  # and the opening quotation marks
_CLOSING = "，。；：、）」』》】！？…\u201d\u2019\uff05"  # the closing ones, full-width percent
_LATIN = rf"(?:<[^<>\s]*>|[^\s{_IDEOGRAPH}{_OPENING}{_CLOSING}])+"
CHINESE_WORD = re.compile(rf"\s*(?:[{_OPENING}]*(?:[{_IDEOGRAPH}]|{_LATIN})[{_CLOSING}]*|\S)\s*")
"""What a line of a Chinese help page may break around: each character, with the punctuation
that must stay beside it (no line starts with ，or ）, none ends with （), and each run of Latin
letters, digits and signs whole (``--days``, ``report.html``, ``results/<实验名>``)."""


def chinese_words(text: str) -> Iterator[tuple[int, int, str]]:
    """Rich's words of a line (start, end, the word and the spaces after it), for Chinese.

    Rich breaks lines at spaces only, and Chinese has none: a sentence would be one long word,
    moved whole to the next line or cut with "…" in the options' table. Here each character is
    a word of its own, as Chinese is set.
    """
    position = 0
    while (match := CHINESE_WORD.match(text, position)) is not None and match.end() > position:
        yield match.start(), match.end(), match.group(0)
        position = match.end()


def rstrip_end_in_cells(text: Text, size: int) -> None:
    """Rich's ``Text.rstrip_end``, measured in cells rather than characters.

    Rich wraps a line with the spaces after its last word, then strips those beyond the width
    by counting characters. A Chinese character is one character but two cells, so a full
    line that ends with a space kept it, and the line was cut with "…" (a character lost).
    """
    excess = text.cell_len - size
    if excess > 0:
        spaces = len(text.plain) - len(text.plain.rstrip())
        if spaces:
            text.right_crop(min(spaces, excess))


def help_language(ctx: typer.Context) -> str:
    """The language the command line asks for, as the ``govsim`` group read it (else English)."""
    return getattr(ctx.find_root().command, "language", "en")


@contextmanager
def _swapped(changes: Iterable[tuple[object, str, object]]) -> Iterator[None]:
    """Give each attribute its new value inside, then put every one back as it was."""
    changes = list(changes)
    before = [(target, name, getattr(target, name)) for target, name, _ in changes]
    try:
        for target, name, value in changes:
            setattr(target, name, value)
        yield
    finally:
        for target, name, value in reversed(before):
            setattr(target, name, value)


def _chinese_page(command: Any, ctx: typer.Context) -> Iterator[tuple[object, str, object]]:
    """The attributes a Chinese help page of ``command`` draws from, with their Chinese.

    A text with no Chinese is left in English (``tests/test_cli_help_zh.py`` fails for it).
    Rich's line breaking, used by the page alone while it is drawn, breaks Chinese lines too
    (where the installed Rich still breaks lines with its ``_wrap.words``) and strips a full
    line's last space by its width in cells (``Text.rstrip_end``).
    """
    if hasattr(rich._wrap, "words"):
        yield rich._wrap, "words", chinese_words
    if hasattr(Text, "rstrip_end"):
        yield Text, "rstrip_end", rstrip_end_in_cells
    for constant, key in TYPER_WORDS.items():
        if hasattr(rich_utils, constant):
            yield rich_utils, constant, PAGE[key]
    name = command.name or ""
    if (text := command_help(name)) is not None:
        yield command, "help", text
    for param in command.get_params(ctx):
        if param.name and (text := parameter_help(name, param.name)) is not None:
            yield param, "help", text
    for subcommand in getattr(command, "commands", {}).values():  # a group lists its commands
        if (text := command_help(subcommand.name or "")) is not None:
            yield subcommand, "help", text
            yield subcommand, "short_help", None  # the list shows the help's first paragraph


@contextmanager
def _page_in(language: str, command: Any, ctx: typer.Context) -> Iterator[None]:
    """Draw ``command``'s help page inside in ``language``: Chinese texts in, English back after."""
    if language != "zh":
        yield
        return
    with _swapped(_chinese_page(command, ctx)):
        yield


def _write_chinese_usage(command: Any, ctx: typer.Context, formatter: Any) -> None:
    """Write ``command``'s usage line as Click does, after ``用法：`` instead of ``Usage:``."""
    pieces = command.collect_usage_pieces(ctx)
    formatter.write_usage(ctx.command_path, " ".join(pieces), prefix=PAGE["usage"])


class PlainCommand(TyperCommand):
    """A command whose help shows names and metavars, not Python types.

    Its methods are repeated in :class:`PlainGroup` rather than mixed in: a mixin placed before
    Typer's class changes the instances' layout, and Typer's commands are given this class by
    ``__class__`` assignment, which Python then refuses.
    """

    def get_params(self, ctx: typer.Context) -> list[Any]:
        """The command's parameters and ``--help``, shown plainly."""
        params = super().get_params(ctx)
        _plain(params)
        return params

    def format_usage(self, ctx: typer.Context, formatter: Any) -> None:
        """The usage line, its ``Usage:`` in the language asked for (in usage errors too)."""
        if help_language(ctx) == "zh":
            _write_chinese_usage(self, ctx, formatter)
        else:
            super().format_usage(ctx, formatter)

    def format_help(self, ctx: typer.Context, formatter: Any) -> None:
        """The help page, in the language asked for."""
        with _page_in(help_language(ctx), self, ctx):
            super().format_help(ctx, formatter)


class PlainGroup(TyperGroup):
    """The ``govsim`` group: its own help and every command's are plain, in the asked language.

    Set once, as ``typer.Typer(cls=PlainGroup)``, so that a command added later needs nothing.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.language = "en"
        """The language the command line asks for (:func:`usage_language`), set by :meth:`main`."""
        for command in self.commands.values():
            if type(command) is TyperCommand:
                command.__class__ = PlainCommand

    def get_params(self, ctx: typer.Context) -> list[Any]:
        """The group's options (Typer adds the completion ones late) and ``--help``, plainly."""
        params = super().get_params(ctx)
        _plain(params)
        return params

    def format_usage(self, ctx: typer.Context, formatter: Any) -> None:
        """The usage line, its ``Usage:`` in the language asked for (in usage errors too)."""
        if help_language(ctx) == "zh":
            _write_chinese_usage(self, ctx, formatter)
        else:
            super().format_usage(ctx, formatter)

    def format_help(self, ctx: typer.Context, formatter: Any) -> None:
        """The help page, in the language asked for."""
        with _page_in(help_language(ctx), self, ctx):
            super().format_help(ctx, formatter)

    def main(self, args: Sequence[str] | None = None, *rest: Any, **kwargs: Any) -> Any:
        """Run the command line, its help and usage errors in the language it asks for."""
        arguments = list(sys.argv[1:] if args is None else args)
        self.language = usage_language(arguments)
        return super().main(arguments, *rest, **kwargs)

    def make_context(self, *args: Any, **kwargs: Any) -> typer.Context:
        """Parse the group's own options (a usage error there in the asked language)."""
        with usage_errors_in(self.language):
            return super().make_context(*args, **kwargs)

    def invoke(self, ctx: typer.Context) -> Any:
        """Run the chosen command: its options' usage errors in the asked language."""
        with usage_errors_in(self.language):
            return super().invoke(ctx)
