"""Help pages in Chinese (``--lang zh``, ``GOVSIM_LANG=zh``), and English ones as they were."""

from __future__ import annotations

import functools
import inspect
import re

import pytest
import typer
from rich.text import Text
from typer import rich_utils
from typer.testing import CliRunner

from govsim import cli_help
from govsim.cli import app
from govsim.cli_help_zh import (
    BUILT_IN,
    COMMANDS,
    GROUP,
    PARAMETERS,
    command_help,
    parameter_help,
)

runner = CliRunner()
WIDE = "300"
"""Columns wide enough that no help text wraps, so that it can be found whole."""
CJK = re.compile(r"[\u3400-\u9fff\uff00-\uffef]")
OPTION_NAME = re.compile(r"--[a-z][a-z-]*")


@functools.cache
def commands() -> dict[str, typer.core.TyperCommand]:
    """The ``govsim`` group and its commands, by the key of their Chinese."""
    group = typer.main.get_command(app)
    return {GROUP: group, **group.commands}  # type: ignore[attr-defined]


def parameters(name: str, command) -> dict[str, object]:
    """A command's arguments and options as its help page lists them (``--help`` too)."""
    ctx = typer.Context(command, info_name=name)
    return {param.name: param for param in command.get_params(ctx)}


EVERY_PARAMETER = [
    (name, parameter)
    for name, command in commands().items()
    for parameter in parameters(name, command)
]


def help_page(args: list[str], language: str | None = None) -> str:
    env = {"COLUMNS": WIDE, "GOVSIM_LANG": language or ""}
    result = runner.invoke(app, [*args, "--help"], env=env)
    assert result.exit_code == 0, result.output
    return result.output


def shown(text: str) -> str:
    """A help text as the page shows it: Markdown's code marks gone, paragraphs apart."""
    return inspect.cleandoc(text).replace("`", "")


def paragraphs(text: str) -> list[str]:
    return [" ".join(part.split()) for part in shown(text).split("\n\n")]


# --- every text has its Chinese --------------------------------------------------------------


@pytest.mark.parametrize("name", list(commands()))
def test_every_command_has_its_chinese_help(name):
    assert command_help(name), f"add the Chinese help of {name!r} to govsim/cli_help_zh.py"


@pytest.mark.parametrize(("command", "parameter"), EVERY_PARAMETER)
def test_every_argument_and_option_has_its_chinese_help(command, parameter):
    assert parameter_help(command, parameter), (
        f"add the Chinese help of {command} {parameter!r} to govsim/cli_help_zh.py PARAMETERS"
    )


def test_the_chinese_names_only_commands_and_parameters_that_exist():
    found = commands()
    assert set(COMMANDS) == set(found)
    assert set(PARAMETERS) <= set(found)
    for name, texts in PARAMETERS.items():
        assert set(texts) <= set(parameters(name, found[name])), name
    assert set(BUILT_IN) <= {parameter for _, parameter in EVERY_PARAMETER}


@pytest.mark.parametrize("name", list(commands()))
def test_a_command_s_chinese_has_its_paragraphs_and_option_names(name):
    """The first paragraph is the short help in the command list, in both languages."""
    english, chinese = commands()[name].help or "", command_help(name) or ""
    assert len(paragraphs(chinese)) == len(paragraphs(english))
    assert set(OPTION_NAME.findall(english)) <= set(OPTION_NAME.findall(chinese))
    assert "\n" not in chinese.replace("\n\n", ""), "one line a paragraph: Markdown adds spaces"


@pytest.mark.parametrize(("command", "parameter"), EVERY_PARAMETER)
def test_a_parameter_s_chinese_keeps_the_option_names_and_code(command, parameter):
    param = parameters(command, commands()[command])[parameter]
    english, chinese = getattr(param, "help", None) or "", parameter_help(command, parameter) or ""
    assert set(OPTION_NAME.findall(english)) <= set(OPTION_NAME.findall(chinese))
    for code in re.findall(r"\b[a-z_]{2,}(?:\.[a-z_]+)+(?:=[\d.]+)?", english):  # key paths, files
        assert code in chinese, (command, parameter, code)
    assert CJK.search(chinese), (command, parameter)


# --- the Chinese pages -----------------------------------------------------------------------


@pytest.mark.parametrize("name", ["", "compare", "sweep", "attribute", "dashboard"])
def test_the_help_page_is_chinese_with_govsim_lang(name):
    page = help_page([name] if name else [], "zh")
    command = commands()[name or GROUP]
    assert f"用法：govsim {name}".rstrip() in page
    assert "选项" in page
    assert paragraphs(command_help(name or GROUP) or "")[0] in page
    for parameter, param in parameters(name or GROUP, command).items():
        assert shown(parameter_help(name or GROUP, parameter) or "") in page
        english = getattr(param, "help", None)
        if english:
            assert shown(english) not in page, parameter
    for word in ("Usage:", "Options", "Arguments", "Commands", "[default:", "[required]"):
        assert word not in page


def test_the_group_lists_each_command_with_its_chinese_short_help():
    page = help_page([], "zh")
    assert "命令" in page
    for name, command in commands().items():
        if name != GROUP:
            assert paragraphs(command_help(name) or "")[0] in page
            assert paragraphs(command.help or "")[0] not in page


@pytest.mark.parametrize("asked", [["--lang", "zh"], ["--lang=zh"], ["--lang", "ZH"]])
def test_lang_on_the_command_line_asks_for_the_chinese_page(asked):
    page = help_page(["compare", *asked], language="en")
    assert "用法：govsim compare [OPTIONS] REFERENCE OTHER..." in page
    assert "参数" in page
    assert "[必填]" in page
    assert "[环境变量：GOVSIM_LANG]" in page
    assert "每个情景的配对重复次数。" in page
    assert "--set agencies.police.capability=0.8" in page


def test_no_args_shows_the_chinese_page_too():
    result = runner.invoke(app, [], env={"COLUMNS": WIDE, "GOVSIM_LANG": "zh"})
    assert "用法：govsim" in result.output
    assert command_help(GROUP) in result.output


@pytest.mark.parametrize("columns", [80, 90, 100, 120])
@pytest.mark.parametrize("name", ["compare", "sweep", "run"])
def test_chinese_lines_break_between_characters_not_cut(name, columns):
    """Rich breaks lines at spaces; a Chinese sentence has none and was cut with an ellipsis."""
    env = {"COLUMNS": str(columns), "GOVSIM_LANG": "zh"}
    result = runner.invoke(app, [name, "--help"], env=env)
    assert "…" not in result.output
    assert max(len(line) for line in result.output.splitlines()) <= columns


def test_a_full_chinese_line_loses_its_last_space_not_its_last_character():
    # 35 cells of text and a space: Rich counted characters (19), found nothing to strip, and
    # cut the line to 35 cells with "…" in place of its last character.
    line = Text("度不超过参照情景均值的 P 倍（0.1 即 ")
    cli_help.rstrip_end_in_cells(line, 35)
    assert line.plain == "度不超过参照情景均值的 P 倍（0.1 即"
    line.truncate(35, overflow="ellipsis")
    assert "…" not in line.plain


def test_a_chinese_line_breaks_beside_its_punctuation_not_before_it():
    words = [word for _, _, word in cli_help.chinese_words("（默认：results/<实验名>）。用 --days")]
    assert words == ["（默", "认：", "results/<实验名>）。", "用 ", "--days"]


# --- English stays as it was ----------------------------------------------------------------


@pytest.mark.parametrize("name", list(commands()))
def test_the_english_page_is_unchanged(name):
    page = help_page([name] if name != GROUP else [])
    command = commands()[name]
    assert f"Usage: govsim {name if name != GROUP else ''}".rstrip() in page
    assert "Options" in page
    assert paragraphs(command.help or "")[0] in page
    for param in parameters(name, command).values():
        if getattr(param, "help", None):
            assert shown(param.help) in page
    assert not CJK.search(page)


@pytest.mark.parametrize("name", [GROUP, "compare", "sweep"])
def test_a_chinese_page_leaves_the_english_one_as_it_was(name):
    args = [name] if name != GROUP else []
    before = help_page(args)
    help_page(args, "zh")
    assert help_page(args) == before


def test_a_chinese_page_puts_every_english_text_back():
    group = typer.main.get_command(app)
    command = group.commands["compare"]  # type: ignore[attr-defined]
    ctx = typer.Context(command, parent=typer.Context(group, info_name="govsim"))
    params = command.get_params(ctx)
    before = (command.help, [param.help for param in params], rich_utils.OPTIONS_PANEL_TITLE)
    with cli_help._page_in("zh", command, ctx):
        assert command.help == command_help("compare")
        assert params[0].help == parameter_help("compare", params[0].name)
        assert rich_utils.OPTIONS_PANEL_TITLE == "选项"
    assert (
        command.help,
        [param.help for param in params],
        rich_utils.OPTIONS_PANEL_TITLE,
    ) == before
