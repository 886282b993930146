"""Command-line usage errors in the language the user asked for.

A mistyped option (``--backend x``, ``--dayz 30``, a missing file argument) is caught by the
command-line parser before any govsim command runs, so it never saw ``--lang zh``: the parser
printed its usage, its hint and its message in English to a reader who had asked for
Chinese. Here the language is read from the raw arguments (``--lang zh``, ``--lang=zh``) or
:data:`govsim.labels.LANGUAGE_VARIABLE`, and the parser's error is said again in it: the usage
line, the hint to ``--help`` and the message, built from what the error carries (the option,
the parameter, the close matches), not from its English sentence, wherever it carries it. A
detail only an English sentence holds (a type's complaint about a value) is translated by
:data:`DETAILS` where its wording is known, and otherwise kept as written: the user still
learns which option was wrong.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import typer
from rich.console import Console
from rich.panel import Panel
from rich.text import Text

from govsim.labels import LANGUAGE_VARIABLE, LANGUAGES

USAGE_ERRORS: tuple[type[Exception], ...] = tuple(
    error for error in (getattr(typer, "TyperException", None),) if error is not None
)
"""What the parser raises for a usage error (Typer's own copy of Click's exceptions, where
Typer has one)."""
try:  # a Typer that uses the installed Click raises Click's own exceptions
    import click

    USAGE_ERRORS += (click.ClickException,)
except ImportError:  # pragma: no cover (Click is installed with every Typer govsim supports)
    pass

ZH: dict[str, str] = {
    "usage": "用法：",
    "try": "运行 '{command} --help' 查看帮助。",
    "title": "错误",
    "no_such_option": "没有这个选项：{name}",
    "possible": "（可能是：{names}）",
    "no_such_command": "没有这个命令：{name}",
    "missing_argument": "缺少参数 {name}",
    "missing_option": "缺少选项 {name}",
    "requires_value": "选项 {name} 后面需要一个值",
    "extra": "多出的参数：{values}",
    "invalid_value": "{name} 的值无效：{detail}",
}
"""The parser's sentences in Chinese, by what they say."""

DETAILS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), template)
    for pattern, template in (
        (r"Input should be a valid integer.*", "应为整数"),
        (r"Input should be a valid number.*", "应为数字"),
        (r"Input should be a valid boolean.*", "应为 true 或 false"),
        (r"Input should be greater than or equal to (?P<x>\S+)", "应大于或等于 {x}"),
        (r"Input should be greater than (?P<x>\S+)", "应大于 {x}"),
        (r"Input should be less than or equal to (?P<x>\S+)", "应小于或等于 {x}"),
        (r"Input should be less than (?P<x>\S+)", "应小于 {x}"),
        (r"Input should be (?P<x>'.*)", "应为 {x}"),
        (
            r"'?(?P<x>.*?)'? is not a valid (?P<kind>integer|float|number)\.?",
            "'{x}' 不是有效的数字",
        ),
        (r"(?P<x>.+) is not in the range (?P<r>.+?)\.?", "{x} 不在范围 {r} 之内"),
        (r"(?:File|Path|Directory) '(?P<x>.+)' does not exist\.?", "'{x}' 不存在"),
    )
)
"""English details of an invalid value, as the parser and its type checks word them."""


def usage_language(args: Sequence[str]) -> str:
    """The language ``args`` ask for (``--lang X`` or ``--lang=X``), else the environment's.

    English where neither names a known language: an unknown one is itself the usage error.
    """
    chosen = os.environ.get(LANGUAGE_VARIABLE, "")
    for index, arg in enumerate(args):
        if arg == "--":
            break
        if arg == "--lang" and index + 1 < len(args):
            chosen = args[index + 1]
        elif arg.startswith("--lang="):
            chosen = arg.removeprefix("--lang=")
    chosen = chosen.strip().lower()
    return chosen if chosen in LANGUAGES else "en"


def translated_detail(detail: str) -> str:
    """A value's problem in Chinese where its English wording is known, else as written."""
    for pattern, template in DETAILS:
        match = pattern.fullmatch(detail.strip())
        if match:
            groups = {
                key: value.replace(" or ", " 或 ") for key, value in match.groupdict().items()
            }
            return template.format(**groups)
    return detail


def _param_name(error: Any) -> str:
    """How the error names its parameter: ``--days`` or ``SCENARIO``, without quotes."""
    hint = getattr(error, "param_hint", None)
    param = getattr(error, "param", None)
    if hint is None and param is not None:
        try:
            hint = param.get_error_hint()
        except TypeError:  # Click's own parameters take the context
            hint = param.get_error_hint(getattr(error, "ctx", None))
    if isinstance(hint, list | tuple):
        hint = " / ".join(hint)
    hint = re.sub(r" \(env var: '(.+?)'\)", r"（环境变量 \1）", str(hint or ""))
    return hint.replace("'", "")


def _with_close_matches(template: str, name: str, error: Exception) -> str:
    """An unknown option or command named, with the parser's close matches if it found any."""
    text = template.format(name=name)
    possibilities = getattr(error, "possibilities", None)
    if possibilities:
        text += ZH["possible"].format(names="、".join(sorted(possibilities)))
    return text


def zh_message(error: Exception) -> str:
    """What a usage error says, in Chinese, from what it carries."""
    kind = type(error).__name__
    message = str(getattr(error, "message", error))
    if kind == "NoSuchOption":
        return _with_close_matches(ZH["no_such_option"], error.option_name, error)  # type: ignore[attr-defined]
    if kind == "NoSuchCommand":
        return _with_close_matches(ZH["no_such_command"], error.command_name, error)  # type: ignore[attr-defined]
    if kind == "MissingParameter":
        param = getattr(error, "param", None)
        which = "missing_argument"
        if param is not None and getattr(param, "param_type_name", "") == "option":
            which = "missing_option"
        return ZH[which].format(name=_param_name(error))
    if kind == "BadParameter" or (kind != "UsageError" and hasattr(error, "param_hint")):
        return ZH["invalid_value"].format(
            name=_param_name(error), detail=translated_detail(message)
        )
    if kind == "BadOptionUsage" and "requires" in message:
        return ZH["requires_value"].format(name=error.option_name)  # type: ignore[attr-defined]
    extra = re.fullmatch(r"Got unexpected extra arguments?(?:\(s\))? \((?P<values>.*)\)", message)
    if extra:
        return ZH["extra"].format(values=extra["values"])
    no_command = re.fullmatch(r"No such command '(?P<name>.+?)'\..*", message)
    if no_command:
        return ZH["no_such_command"].format(name=no_command["name"])
    return message


def print_usage_error(error: Exception, language: str, console: Console) -> None:
    """Print ``error`` as the parser would, in ``language`` (Chinese: usage, hint and message)."""
    ctx = getattr(error, "ctx", None)
    if ctx is not None:
        usage = ctx.get_usage()
        usage = re.sub(r"^Usage:\s*", ZH["usage"], usage)
        console.print(Text(usage, style="yellow"))
        console.print(Text(ZH["try"].format(command=ctx.command_path), style="dim"))
    body = Text(zh_message(error))
    console.print(Panel(body, border_style="red", title=ZH["title"], title_align="left"))


@contextmanager
def usage_errors_in(language: str) -> Iterator[None]:
    """Say the parser's usage errors raised inside in ``language``, then exit as it would.

    English is left to the parser, which already speaks it.
    """
    if language == "en":
        yield
        return
    try:
        yield
    except USAGE_ERRORS as error:
        if type(error).__name__ == "NoArgsIsHelpError":  # the help page itself: not an error
            raise
        print_usage_error(error, language, Console(stderr=True, highlight=False, soft_wrap=True))
        raise typer.Exit(getattr(error, "exit_code", 2)) from None
