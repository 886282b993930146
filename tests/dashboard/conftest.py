"""A trainer's folder of tiny scenarios: one that runs in a blink, one with an error."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from govsim.scenario.overrides import resolved_data
from tests.helpers import shipped

LESSON = "lesson"
"""The folder's name: its scenarios are offered as ``lesson/<stem>``."""
CLASS_NAME = "Shenzhen-style hub"
"""The name of the class folder's ``demo.yaml``: not its file's, as a trainer may write."""
CLASS_DESCRIPTION = {
    "en": "A class demonstration: the lesson's small city with its one-stop centre.",
    "zh": "课堂演示：课程中的小城市及其反诈中心。",
}


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


def write_class(folder: Path, lesson: Path) -> Path:
    """Write ``demo.yaml`` (the lesson's tiny city, named :data:`CLASS_NAME`, described in
    both languages) and ``garbled.yaml`` (not YAML at all) into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    parent = Path("..") / lesson.name / "tiny.yaml"
    demo = {"name": CLASS_NAME, "extends": str(parent), "description": CLASS_DESCRIPTION}
    text = yaml.safe_dump(demo, allow_unicode=True, sort_keys=False)
    (folder / "demo.yaml").write_text(text, encoding="utf-8")
    (folder / "garbled.yaml").write_text("name: [unclosed\n", encoding="utf-8")
    return folder
