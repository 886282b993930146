"""Problems and warnings in Chinese: every message has both languages, and the CLI uses them.

A message added in English only fails here twice: its id needs a Chinese text in
``messages.MESSAGES``, and a problem, hint or validator error written as a plain English string
(rather than a ``Message``) is found in the source.
"""

from __future__ import annotations

import ast
import pickle
import re
import string
from pathlib import Path

import pytest
from typer.testing import CliRunner

from govsim import labels
from govsim.cli import app
from govsim.scenario import ScenarioError, load_scenario
from govsim.scenario.messages import (
    ENGLISH_ONLY_FIELDS,
    FRAMES,
    LANGUAGES,
    LIBRARY_PREFIX,
    MESSAGES,
    Message,
    said_by_yaml,
)
from tests.scenario.test_malformed import CASES, MALFORMED, header

ROOT = Path(__file__).parents[2]
SOURCES = [
    *sorted((ROOT / "govsim" / "scenario").glob("*.py")),
    *sorted((ROOT / "govsim" / "experiments").glob("*.py")),
    ROOT / "govsim" / "cli.py",
    ROOT / "govsim" / "inert.py",
]
SCENARIOS = ROOT / "scenarios"
HAN = re.compile(r"[\u4e00-\u9fff]")
ENGLISH_TEMPLATE_WORDS = (
    "expected",
    "did you mean",
    "must be",
    "unknown",
    "missing",
    "got ",
    "not found",
    "one of",
    "valid keys",
    "add '",
    "invalid",
    "is not",
    "should",
    "remove",
    "check the",
)
"""Words of the English templates that no Chinese rendering may contain."""
TEXT_ARGUMENTS: dict[str, tuple[tuple[int, ...], tuple[str, ...]]] = {
    "Problem": ((3, 4, 5), ("message", "expected", "hint")),
    "single": ((3, 4), ("message", "hint")),
    "_Issue": ((1, 2, 3), ("message", "expected", "hint")),
    "Caution": ((1, 2), ("message", "hint")),
    "BrokenRuleError": ((1, 2), ("message", "hint")),
    "LimitExceededError": ((1, 2), ("message", "hint")),
    "ScenarioWarning": ((3, 4), ("message", "hint")),
    "ValueError": ((0,), ()),
    "SweepFolderError": ((0,), ()),
    "BackendUnavailableError": ((0,), ()),
    "FileNotFoundError": ((0,), ()),
}
"""Calls that carry a problem's words: the positions and keywords of those words."""
DEVELOPER_ERRORS = {"documentation.py", "designs.py", "backends.py"}
"""Modules whose ValueErrors speak to govsim's developers, not to a scenario's writer."""
runner = CliRunner()


def fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def english_text(node: ast.expr) -> bool:
    """Whether an expression builds plain text in place: a literal, an f-string, a sum of them."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str) and any(c.isalpha() for c in node.value)
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.BinOp):
        return english_text(node.left) or english_text(node.right)
    return False


def called_name(call: ast.Call) -> str | None:
    function = call.func
    if isinstance(function, ast.Name):
        return function.id
    return function.attr if isinstance(function, ast.Attribute) else None


def plain_english(path: Path) -> list[str]:
    """Return where a module writes a problem's words as plain text rather than a Message."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and called_name(node) in TEXT_ARGUMENTS:
            name = called_name(node)
            if name == "ValueError" and path.name in DEVELOPER_ERRORS:
                continue
            positions, keywords = TEXT_ARGUMENTS[str(name)]
            texts = [arg for index, arg in enumerate(node.args) if index in positions]
            texts += [k.value for k in node.keywords if k.arg in keywords]
            found += [f"{path.name}:{node.lineno}" for text in texts if english_text(text)]
        if isinstance(node, ast.Assign) and english_text(node.value):
            targets = [t.id for t in node.targets if isinstance(t, ast.Name)]
            if {"message", "hint", "expected"} & set(targets):
                found.append(f"{path.name}:{node.lineno}")
    return found


# --- The catalogue ----------------------------------------------------------------------------


def test_languages_are_those_of_the_labels() -> None:
    assert LANGUAGES == labels.LANGUAGES


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_every_message_has_its_own_chinese(key: str) -> None:
    english, chinese = MESSAGES[key]
    assert english.strip(), key
    assert not HAN.search(english), key
    assert HAN.search(chinese), f"{key}: {chinese!r} is not Chinese"
    assert fields(chinese) <= fields(english), key
    assert fields(english) - fields(chinese) <= ENGLISH_ONLY_FIELDS, key


def test_frames_take_the_same_values_in_both_languages() -> None:
    for key, (english, chinese) in FRAMES.items():
        assert fields(english) == fields(chinese), key


def test_no_problem_is_written_as_plain_english() -> None:
    found = [place for path in SOURCES for place in plain_english(path)]
    assert found == [], "write these as Message(id, ...) with a Chinese text in MESSAGES"


def test_every_message_built_is_in_the_catalogue() -> None:
    built = {
        (path.name, node.lineno, node.args[0].value)
        for path in SOURCES
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Call)
        and called_name(node) == "Message"
        and node.args
        and isinstance(node.args[0], ast.Constant)
    }
    assert built
    assert [place for place in built if place[2] not in MESSAGES] == []


def test_every_message_is_used() -> None:
    constants = {
        node.value
        for path in SOURCES
        if path.name != "messages.py"
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    }
    unused = {
        key for key in MESSAGES if key not in constants and not key.startswith(LIBRARY_PREFIX)
    }
    assert unused == set()


# --- Messages ---------------------------------------------------------------------------------


def test_a_message_is_its_english_text_and_renders_in_chinese() -> None:
    message = Message("expected_got", expected=Message("kind_float"), got="'lots'")
    assert message == "expected a number, got 'lots'"
    assert message.render() == "expected a number, got 'lots'"
    assert message.render("zh") == "应为数字，实为 'lots'"


@pytest.mark.parametrize("value", ["0,8", "反诈 中心", "0,8元", "北京8", "中文", "a 中"])
def test_a_quoted_value_is_given_in_chinese_exactly_as_written(value: str) -> None:
    message = Message("expected_got", expected=Message("kind_float"), got=f"'{value}'")
    assert message.render("zh") == f"应为数字，实为 '{value}'"
    assert Message("did_you_mean", word=value).render("zh") == f"是否要写 '{value}'？"


def test_a_value_quoted_with_its_colon_stays_as_written_in_chinese() -> None:
    hint = Message("add_key", key="东城", expected=Message("kind_str"))
    assert hint.render("zh") == "添加 '东城:'，值为文本"


def test_chinese_is_still_spaced_from_latin_values_outside_quotes() -> None:
    expected = Message("range_closed", kind=Message("kind_float"), low=0, high=1)
    assert expected.render("zh") == "0 到 1 之间的数字"
    message = Message("city_beyond_market", size=200_000, market=100_000)
    assert message.render("zh").startswith("200,000 名居民的城市")


def test_a_message_survives_pickling_with_its_translation() -> None:
    message = Message("did_you_mean", word="police")
    copy = pickle.loads(pickle.dumps(message))
    assert copy == message
    assert copy.render("zh") == "是否要写 'police'？"


def test_pyyaml_problems_are_recognised_and_unknown_ones_kept() -> None:
    problem = said_by_yaml("found character '\\t' that cannot start any token")
    assert problem == "found character '\\t' that cannot start any token"
    assert isinstance(problem, Message)
    assert HAN.search(problem.render("zh"))
    assert said_by_yaml("something new") == "something new"


def test_errors_stay_english_for_python_users_and_render_in_chinese() -> None:
    with pytest.raises(ScenarioError) as caught:
        load_scenario(MALFORMED / "03_capability_out_of_range.yaml")
    error = pickle.loads(pickle.dumps(caught.value))
    assert "expected a number in [0, 1], got 1.5" in str(error)
    assert "第 7 行：agencies.police.capability：应为 0 到 1 之间的数字，实为 1.5" in error.render(
        "zh"
    )


# --- The command line -------------------------------------------------------------------------


def chinese_lines(output: str, path: Path) -> list[str]:
    """The problem lines of an output, without the file names (which are as written)."""
    lines = output.splitlines()[1:]
    return [line.replace(str(path), "").replace(str(path.parent), "") for line in lines]


@pytest.mark.parametrize(
    "path", [p for p in CASES if not header(p, "xfail")], ids=lambda path: path.stem
)
def test_validate_in_chinese_explains_every_problem_in_chinese(path: Path) -> None:
    result = runner.invoke(app, ["validate", str(path), "--lang", "zh"])
    assert result.exit_code == 2
    assert result.stderr.startswith("错误：发现")
    lines = chinese_lines(result.stderr, path)
    assert lines
    for line in lines:
        assert HAN.search(line), line
        for word in ENGLISH_TEMPLATE_WORDS:
            assert word not in line.lower(), (word, line)


def test_the_same_files_in_english_are_unchanged() -> None:
    path = MALFORMED / "02_unknown_nested_key.yaml"
    result = runner.invoke(app, ["validate", str(path)])
    assert f"{path}:6: agencies.polise: unknown key; did you mean 'police'?" in result.stderr


def test_validate_prints_warnings_in_chinese(write) -> None:
    path = write("late.yaml", "name: late\ndays: 90\nevents:\n  - {type: epidemic, day: 120}\n")
    result = runner.invoke(app, ["validate", str(path), "--lang", "zh"])
    assert result.exit_code == 0, result.output
    expected = f"警告：{path} 第 4 行：events[0].day：第 120 天晚于最后一个统计日（第 90 天）"
    assert expected in result.stderr
    assert "把 day 设为 1 到 90 之间，或增大 days" in result.stderr
    assert "never happens" not in result.stderr


def test_run_prints_the_warnings_of_its_options_in_chinese(tmp_path: Path) -> None:
    args = ["run", str(SCENARIOS / "data_breach.yaml"), "--days", "5", "--residents", "1000"]
    out = str(tmp_path / "out")
    result = runner.invoke(app, [*args, "-r", "1", "--out", out], env={"GOVSIM_LANG": "zh"})
    assert result.exit_code == 0, result.output
    assert "警告：命令行参数：events[0].day：第 60 天晚于最后一个统计日" in result.stderr


def test_show_without_a_parent_to_compare_says_so_in_chinese() -> None:
    path = SCENARIOS / "baseline.yaml"
    result = runner.invoke(app, ["show", str(path), "--diff", "--lang", "zh"])
    assert result.exit_code == 2
    assert f"{path}：没有继承其他情景，因此没有可比较的对象；可与另一个文件比较" in result.stderr
