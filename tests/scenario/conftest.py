"""Shared fixtures for the scenario tests: files in a temporary folder, a fixed memory size."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from govsim.scenario import resources

TEST_MEMORY = 8 * 1024**3
"""What the tests pretend the machine has, so that results do not depend on the machine."""


@pytest.fixture(autouse=True)
def fixed_memory(monkeypatch: pytest.MonkeyPatch) -> int:
    monkeypatch.setattr(resources, "available_memory", lambda: TEST_MEMORY)
    return TEST_MEMORY


@pytest.fixture
def write(tmp_path: Path) -> Callable[[str, str], Path]:
    """Write a dedented YAML text to a file under tmp_path and return its path."""

    def _write(name: str, text: str) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path

    return _write
