"""A trainer's folder of tiny scenarios: one that runs in a blink, one with an error."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from govsim.scenario.overrides import resolved_data
from tests.helpers import shipped

LESSON = "lesson"
"""The folder's name: its scenarios are offered as ``lesson/<stem>``."""


def write_lesson(folder: Path) -> Path:
    """Write ``tiny.yaml`` (3,000 residents, 5 warm-up days, a campaign on day 2) and
    ``broken.yaml`` (a capability out of range) into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    data = resolved_data(shipped("multi_party_hub", residents=3_000, days=30, warmup=5))
    data["name"] = "tiny"
    data["events"] = [{"type": "campaign", "day": 2, "reach": 0.5}]
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    (folder / "tiny.yaml").write_text(text, encoding="utf-8")
    broken = "name: broken\nextends: tiny.yaml\nagencies:\n  police:\n    capability: 7\n"
    (folder / "broken.yaml").write_text(broken, encoding="utf-8")
    return folder


@pytest.fixture
def lesson(tmp_path: Path) -> Path:
    """A folder of the two lesson scenarios."""
    return write_lesson(tmp_path / LESSON)
