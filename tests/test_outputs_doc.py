"""docs/outputs.md lists exactly the columns a run writes, file by file, so it cannot go stale."""

from __future__ import annotations

import json
import re

import pandas as pd
import pytest

import govsim
from govsim.results import write_results
from tests.helpers import ROOT, shipped

DOC = ROOT / "docs" / "outputs.md"
SECTION = re.compile(r"^## `([^`]+)`\s*$", re.MULTILINE)
ROW = re.compile(r"^\| `([^`]+)` \|", re.MULTILINE)
TABLES = (
    "summary.parquet",
    "timeseries.parquet",
    "market.parquet",
    "by_scam.parquet",
    "by_region.parquet",
    "by_institution.parquet",
)


def documented() -> dict[str, list[str]]:
    """Each file's section of the page: the names in the first column of its table."""
    text = DOC.read_text(encoding="utf-8")
    parts = SECTION.split(text)[1:]
    return {name: ROW.findall(body) for name, body in zip(parts[::2], parts[1::2], strict=True)}


@pytest.fixture(scope="module")
def written(tmp_path_factory) -> dict[str, list[str]]:
    scenario = shipped("multi_party_hub", residents=1_000, days=3, warmup=3)
    out = tmp_path_factory.mktemp("run")
    write_results(govsim.run(scenario, replications=2, seed=1), out, 0.0)
    columns = {name: list(pd.read_parquet(out / name).columns) for name in TABLES}
    columns["run.json"] = list(json.loads((out / "run.json").read_text(encoding="utf-8")))
    return columns


@pytest.mark.parametrize("name", [*TABLES, "run.json"])
def test_every_column_written_is_documented_and_nothing_else(name, written):
    docs = documented()
    assert name in docs, f"docs/outputs.md has no section for {name}"
    missing = [column for column in written[name] if column not in docs[name]]
    stale = [column for column in docs[name] if column not in written[name]]
    assert not missing, f"{name}: columns written but not documented: {missing}"
    assert not stale, f"{name}: documented but not written: {stale}"
    assert len(set(docs[name])) == len(docs[name]), f"{name}: a column is listed twice"


def test_every_file_written_has_a_section(tmp_path):
    scenario = shipped("baseline", residents=1_000, days=2, warmup=2)
    paths = write_results(govsim.run(scenario, replications=1, seed=1), tmp_path, 0.0)
    assert {path.name for path in paths} <= set(documented())


def test_the_readme_links_the_page():
    assert "docs/outputs.md" in (ROOT / "README.md").read_text(encoding="utf-8")
