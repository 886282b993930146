"""Tiny experiment files for the sweep tests: a small city, a few days, a few points."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from tests.helpers import SCENARIOS

TINY = {"population.size": 1000, "days": 10, "warmup_days": 5}


def experiment_file(folder: Path, name: str = "tiny", **keys: Any) -> Path:
    """Write an experiment over the baseline city, shrunk; ``keys`` replace or add top keys."""
    data: dict[str, Any] = {
        "scenario": str(SCENARIOS / "baseline.yaml"),
        "fixed": dict(TINY),
        "levers": {"cooperation.links.police-bank": {"levels": [0.0, 0.8]}},
        "uncertainties": {"fraud.rings_per_million": {"levels": [8, 16]}},
        "design": "grid",
        "replications": 2,
        "seed": 11,
        "outcomes": ["victims", "net_loss"],
    }
    data.update(keys)
    path = folder / f"{name}.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return path
