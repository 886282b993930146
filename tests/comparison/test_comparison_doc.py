"""docs/comparison.md lists exactly the columns a comparison writes, so it cannot go stale."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from govsim.comparison.files import write_comparison
from govsim.comparison.running import compare
from tests.helpers import ROOT, shipped

DOC = ROOT / "docs" / "comparison.md"
SECTION = re.compile(r"^## `([^`]+)`\s*$", re.MULTILINE)
ROW = re.compile(r"^\| `([^`]+)` \|", re.MULTILINE)
TABLES = ("comparison.parquet", "differences.parquet", "cost_effectiveness.parquet")


def documented() -> dict[str, list[str]]:
    parts = SECTION.split(DOC.read_text(encoding="utf-8"))[1:]
    return {name: ROW.findall(body) for name, body in zip(parts[::2], parts[1::2], strict=True)}


@pytest.fixture(scope="module")
def written(tmp_path_factory) -> dict[str, list[str]]:
    scenarios = [shipped(n, residents=1000, days=3, warmup=3) for n in ("baseline", "bilateral")]
    out = tmp_path_factory.mktemp("compare")
    write_comparison(compare(scenarios, replications=2, seed=1), out)
    return {name: list(pd.read_parquet(out / name).columns) for name in TABLES}


@pytest.mark.parametrize("table", TABLES)
def test_the_page_lists_exactly_the_columns_written(written, table):
    assert documented()[table] == written[table]
