"""Hostile files are refused within a second: alias bombs, deep nesting, self-reference, size."""

from __future__ import annotations

import signal
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from govsim.scenario import ScenarioError, load_scenario
from govsim.scenario.limits import MAX_DEPTH, MAX_FILE_BYTES, MAX_VALUES
from govsim.scenario.overrides import parse_setting

Write = Callable[[str, str], Path]
DEADLINE_SECONDS = 5
"""A hang fails the test here instead of blocking the suite; a refusal takes milliseconds."""


@contextmanager
def deadline(seconds: int = DEADLINE_SECONDS) -> Iterator[None]:
    def expire(signum: int, frame: object) -> None:
        raise TimeoutError(f"still reading after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def refused(path: Path) -> tuple[str, float]:
    started = time.perf_counter()
    with deadline(), pytest.raises(ScenarioError) as caught:
        load_scenario(path)
    return str(caught.value), time.perf_counter() - started


def alias_bomb(levels: int = 7, width: int = 9) -> str:
    """Nested anchors: 9 to the 7th power (4.8 million) values in a few hundred bytes."""
    lines = ["name: bomb", f"a0: &a0 [{', '.join(['lol'] * width)}]"]
    for level in range(1, levels + 1):
        lines.append(f"a{level}: &a{level} [{', '.join([f'*a{level - 1}'] * width)}]")
    return "\n".join(lines) + "\n"


def test_an_alias_bomb_is_refused_within_a_second(write: Write) -> None:
    text = alias_bomb()
    assert len(text) < 500
    message, seconds = refused(write("bomb.yaml", text))
    assert seconds < 1.0
    assert "bomb.yaml:" in message
    assert f"more than {MAX_VALUES:,} values through its aliases" in message


def test_a_merge_key_bomb_is_refused(write: Write) -> None:
    lines = ["name: merges", "m0: &m0 {k: 1}"]
    lines += [f"m{i}: &m{i} {{<<: [*m{i - 1}, *m{i - 1}], k{i}: 1}}" for i in range(1, 30)]
    message, seconds = refused(write("merges.yaml", "\n".join(lines) + "\n"))
    assert seconds < 1.0
    assert "through its aliases" in message


def test_deep_nesting_is_refused_without_a_recursion_error(write: Write) -> None:
    message, _ = refused(write("deep.yaml", "name: deep\nx: " + "[" * 5000 + "]" * 5000 + "\n"))
    assert f"deep.yaml:2: nested more than {MAX_DEPTH} levels deep" in message


def test_a_value_that_contains_itself_is_refused(write: Write) -> None:
    message, _ = refused(write("loop.yaml", "name: loop\nevents: &e [*e]\n"))
    assert "loop.yaml:2: a value contains an alias of itself" in message


def test_an_oversized_file_is_refused_before_parsing(tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    path.write_text("name: huge\n" + "# padding\n" * (MAX_FILE_BYTES // 10), encoding="utf-8")
    message, _ = refused(path)
    assert "huge.yaml: larger than 1,024 KiB, the limit for a scenario file" in message


def test_modest_aliases_still_work(write: Write) -> None:
    path = write(
        "shared.yaml",
        """\
        name: shared
        agencies:
          banks: &effort {capability: 0.7}
          telecoms: *effort
        """,
    )
    scenario = load_scenario(path)
    assert scenario.agencies.telecoms.capability == 0.7


def test_an_alias_bomb_in_a_setting_is_refused() -> None:
    value = "&a0 [x, x, x, x, x, x, x, x, x]"
    for level in range(1, 8):
        value = f"&a{level} [{value}, " + ", ".join([f"*a{level - 1}"] * 8) + "]"
    with deadline(), pytest.raises(ScenarioError) as caught:
        parse_setting(f"events={value}")
    assert "command-line options: events: the value expands to more than" in str(caught.value)
