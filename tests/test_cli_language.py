"""The command line in English and Chinese, its help pages, and output that is not a terminal."""

from __future__ import annotations

import pytest
import typer
from typer.testing import CliRunner

from govsim import cli
from govsim.cli import app
from govsim.results import HEADLINE, MARKET_HEADLINE
from tests.helpers import SCENARIOS

runner = CliRunner()
COMMANDS = sorted(typer.main.get_command(app).commands)  # type: ignore[attr-defined]
TYPE_NOISE = ("<bool>", "<path>", "<list", "<int", "<str>", "<text>", "{")


def small_run(tmp_path, *extra: str, env: dict[str, str] | None = None):
    args = ["run", str(SCENARIOS / "multi_party_hub.yaml"), "-r", "2", "--days", "30"]
    args += ["--residents", "10000", "--out", str(tmp_path), *extra]
    return runner.invoke(app, args, env=env)


def table_rows(output: str) -> list[list[str]]:
    """The body rows of every table printed, as lists of stripped cells."""
    return [
        [cell.strip() for cell in line.split("│")[1:-1]]
        for line in output.splitlines()
        if line.startswith("│")
    ]


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_takes_lang(command):
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0
    assert "--lang" in result.output
    assert "GOVSIM_LANG" in result.output


@pytest.mark.parametrize("command", [None, *COMMANDS])
def test_help_shows_no_python_types(command):
    result = runner.invoke(app, [command, "--help"] if command else ["--help"])
    assert result.exit_code == 0
    for noise in TYPE_NOISE:
        assert noise not in result.output, (command, noise)


def test_run_in_chinese_translates_footer_shares_and_closing_line(tmp_path):
    result = small_run(tmp_path, "--lang", "zh")
    assert result.exit_code == 0, result.output
    assert "受害人数" in result.output
    assert "2 次重复运行的均值与95%置信区间" in result.output
    assert "全市场（团伙所服务的 5,000,000 名居民）" in result.output
    assert "已完成 2 次重复运行，用时" in result.output
    assert f"结果保存在 {tmp_path}/" in result.output
    assert "replication(s)" not in result.output
    shares = [row for row in table_rows(result.output) if row[0] == "受害人报案率"]
    assert shares
    assert shares[0][1].endswith("%")


def test_language_from_environment(tmp_path):
    result = small_run(tmp_path, env={"GOVSIM_LANG": "zh"})
    assert result.exit_code == 0, result.output
    assert "诈骗联络次数" in result.output


def test_piped_output_keeps_each_row_on_one_line(tmp_path):
    result = small_run(tmp_path, env={"COLUMNS": "60"})
    assert result.exit_code == 0, result.output
    rows = table_rows(result.output)
    # A wrapped row would add continuation lines with an empty first or second cell.
    assert len(rows) == len(HEADLINE) + len(MARKET_HEADLINE)
    assert all(row[0] and row[1] for row in rows)
    shares = [row for row in rows if row[0] == "Share of victims reporting"]
    assert shares[0][1].endswith("%")


@pytest.mark.parametrize("command", COMMANDS)
def test_unknown_language_is_refused_with_the_choices(command, tmp_path):
    single = ("run", "show", "attribute")
    args = [command, str(SCENARIOS / "baseline.yaml")] if command in single else [command]
    if command == "sweep":
        args.append(str(SCENARIOS.parent / "experiments" / "cooperation_grid.yaml"))
    if command in ("validate", "compare"):
        args.append(str(SCENARIOS / "baseline.yaml"))
    if command == "compare":
        args.append(str(SCENARIOS / "police_only.yaml"))
    if command in ("analyze", "report"):
        args.append(str(tmp_path))
    for extra, env in ((["--lang", "fr"], None), ([], {"GOVSIM_LANG": "fr"})):
        result = runner.invoke(app, [*args, *extra], env=env)
        assert result.exit_code == 2, (command, result.output)
        assert "unknown language 'fr'" in result.output
        assert "en, zh" in result.output


def test_error_heading_and_problems_follow_the_language(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: bad\nagencys: {}\n", encoding="utf-8")
    result = runner.invoke(app, ["show", str(bad), "--lang", "zh"])
    assert result.exit_code == 2
    assert "错误：发现 1 处问题" in result.stderr
    assert f"{bad} 第 2 行：agencys：未知的键；是否要写 'agencies'？" in result.stderr
    english = runner.invoke(app, ["validate", str(bad)])
    assert "Error: 1 problem(s) found" in english.stderr
    assert f"{bad}:2: agencys: unknown key; did you mean 'agencies'?" in english.stderr


def test_validate_in_chinese(tmp_path):
    result = runner.invoke(
        app, ["validate", str(SCENARIOS / "baseline.yaml")], env={"GOVSIM_LANG": "zh"}
    )
    assert result.exit_code == 0
    assert "通过" in result.stdout
    assert "100,000 名居民" in result.stdout


BASELINE = str(SCENARIOS / "baseline.yaml")


@pytest.mark.parametrize(
    ("args", "env", "chinese"),
    [
        (["--lang", "zh", "validate", BASELINE], {"GOVSIM_LANG": "en"}, True),
        (["--lang=zh", "validate", BASELINE], None, True),
        (["--lang", "zh", "validate", BASELINE, "--lang", "en"], None, False),
        (["--lang", "en", "validate", BASELINE], {"GOVSIM_LANG": "zh"}, False),
        (["validate", BASELINE], {"GOVSIM_LANG": "zh"}, True),
    ],
)
def test_govsim_lang_before_the_command_speaks_for_it_unless_it_has_its_own(args, env, chinese):
    """``govsim --lang zh run ...`` is how a reader of Chinese first tries the language."""
    result = runner.invoke(app, args, env=env)
    assert result.exit_code == 0, result.output
    assert ("通过" in result.stdout) is chinese
    assert ("OK" in result.stdout) is not chinese


def test_govsim_lang_zh_help_is_the_chinese_group_page():
    result = runner.invoke(app, ["--lang", "zh", "--help"], env={"GOVSIM_LANG": "en"})
    assert result.exit_code == 0, result.output
    assert "用法：govsim" in result.output
    assert "帮助页面及其后命令的语言" in result.output
    assert "Usage:" not in result.output


def test_govsim_lang_refuses_an_unknown_language_with_the_choices():
    result = runner.invoke(app, ["--lang", "fr", "validate", BASELINE])
    assert result.exit_code == 2
    assert "unknown language 'fr'" in result.output
    assert "en, zh" in result.output


def test_progress_bar_text_follows_the_language(monkeypatch):
    described = []

    class Recorder:
        def __init__(self, **kwargs):
            pass

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return False

        def add_task(self, description, total):
            described.append(description)

        def update(self, task, completed):
            pass

    monkeypatch.setattr(cli, "Progress", Recorder)
    for language in ("en", "zh"):
        with cli._progress(3, language) as advance:
            advance(1)
    assert described == ["Replications", "重复运行"]
