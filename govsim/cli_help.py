"""Help pages without type noise: ``SCENARIO`` and ``--days DAYS``, not ``{SCENARIO}``, ``<bool>``.

Typer's help shows each parameter's Python type (``<bool>`` beside every flag, ``<list[Path]>``
beside a list of files) and braces around required arguments in the usage line. A reader of
``govsim run --help`` wants the names and what they mean; the help text says the rest. The
classes here are given to Typer (``typer.Typer(cls=...)``, ``@app.command(cls=...)``) and turn
each parameter into one that shows its name (arguments) or its metavar (options) only.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any

import typer
from typer.core import TyperArgument, TyperCommand, TyperGroup, TyperOption

from govsim.cli_errors import usage_errors_in, usage_language


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


class PlainCommand(TyperCommand):
    """A command whose help shows names and metavars, not Python types."""

    def get_params(self, ctx: typer.Context) -> list[Any]:
        """The command's parameters and ``--help``, shown plainly."""
        params = super().get_params(ctx)
        _plain(params)
        return params


class PlainGroup(TyperGroup):
    """The ``govsim`` group: its own help and every command's are plain.

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

    def main(self, args: Sequence[str] | None = None, *rest: Any, **kwargs: Any) -> Any:
        """Run the command line, its usage errors said in the language it asks for."""
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
