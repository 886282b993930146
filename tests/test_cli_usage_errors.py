"""Usage errors caught by the command-line parser, said in the language the command asks for."""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from govsim.cli import app
from govsim.cli_errors import translated_detail, usage_language
from govsim.labels import LANGUAGE_VARIABLE
from tests.helpers import SCENARIOS

runner = CliRunner()
SCENARIO = str(SCENARIOS / "baseline.yaml")
EXPERIMENT = str(SCENARIOS.parent / "experiments" / "hub_capacity.yaml")
LATIN_WORDS = re.compile(r"\b(Usage|Try|Error|Invalid|Missing|No such|Got|Input|should)\b")

CASES = [
    (["run", "--dayz", "3"], "没有这个选项：--dayz（可能是：--days）", "No such option: --dayz"),
    (["run"], "缺少参数 SCENARIO", "Missing argument 'SCENARIO'"),
    (["run", SCENARIO, "--days", "abc"], "--days 的值无效：应为整数", "valid integer"),
    (["run", SCENARIO, "--workers", "0"], "--workers 的值无效：应大于或等于 1", "greater than"),
    (["run", SCENARIO, "extra", "more"], "多出的参数：extra more", "unexpected extra"),
    (["runn", SCENARIO], "没有这个命令：runn", "No such command 'runn'"),
    (["sweep", EXPERIMENT, "--backend", "x"], "请从 local, dask 中选一个", "choose one of"),
    (["sweep", EXPERIMENT, "--scheduler", "h:1"], "需要同时给出 --backend dask", "needs --backend"),
]


@pytest.mark.parametrize(("args", "chinese", "english"), CASES)
def test_a_usage_error_is_said_in_chinese_when_the_command_asks_for_it(args, chinese, english):
    result = runner.invoke(app, [*args, "--lang", "zh"])
    assert result.exit_code == 2, result.output
    assert chinese in result.output
    assert "错误" in result.output
    assert not LATIN_WORDS.search(result.output), result.output
    if args[0] != "runn":  # an unknown command has no usage line of its own
        assert f"用法：govsim {args[0]}" in result.output
        assert f"运行 'govsim {args[0]} --help' 查看帮助。" in result.output


@pytest.mark.parametrize(("args", "chinese", "english"), CASES)
def test_the_same_error_stays_english_without_a_language(args, chinese, english):
    result = runner.invoke(app, args, env={LANGUAGE_VARIABLE: ""})
    assert result.exit_code == 2, result.output
    assert english in result.output
    assert chinese not in result.output


def test_the_language_may_come_from_the_environment():
    result = runner.invoke(app, ["run", "--dayz", "3"], env={LANGUAGE_VARIABLE: "zh"})
    assert result.exit_code == 2
    assert "没有这个选项：--dayz" in result.output


def test_an_option_left_without_its_value_is_named():
    result = runner.invoke(app, ["run", SCENARIO, "--lang=zh", "--days"])
    assert result.exit_code == 2
    assert "选项 --days 后面需要一个值" in result.output


def test_help_is_its_page_in_the_language_not_an_error():
    result = runner.invoke(app, ["run", "--help", "--lang", "zh"])
    assert result.exit_code == 0
    assert "用法：govsim run" in result.output
    assert "错误" not in result.output


@pytest.mark.parametrize(
    ("args", "language"),
    [
        (["run", "x", "--lang", "zh"], "zh"),
        (["run", "--lang=ZH"], "zh"),
        (["run", "--lang", "fr"], "en"),  # an unknown language is the error itself
        (["run", "--", "--lang", "zh"], "en"),  # after "--" it is an argument
        (["run", "--lang"], "en"),
    ],
)
def test_the_language_is_read_from_the_raw_arguments(args, language, monkeypatch):
    monkeypatch.delenv(LANGUAGE_VARIABLE, raising=False)
    assert usage_language(args) == language


def test_an_unknown_detail_is_kept_as_written():
    assert translated_detail("Input should be 'local' or 'dask'") == "应为 'local' 或 'dask'"
    assert translated_detail("something new") == "something new"
