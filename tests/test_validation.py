"""docs/validation.md: the fact table computes on tiny runs, and the committed file lists the facts.

Model values are not asserted here (tests/test_stylized_facts.py does that); these runs are far
too small for them to mean anything.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from govsim.validation.__main__ import main
from govsim.validation.document import DOC_PATH, FACT_COLUMNS, fact_ids
from govsim.validation.estimates import Bootstrapped, clopper_pearson, paired, pooled
from govsim.validation.facts import FACTS, scenarios_of
from govsim.validation.outcomes import Outcomes
from govsim.validation.targets import above, between, exactly

TINY = ["--residents", "2000", "--replications", "2", "--days", "30", "--warmup", "10"]


@pytest.fixture(scope="module")
def kept(tmp_path_factory):
    """A tiny run, its document, and the directory it was kept in."""
    folder = tmp_path_factory.mktemp("validation")
    out, runs = folder / "validation.md", folder / "runs"
    args = [*TINY, "--workers", "1", "--write", "--out", str(out), "--save-runs", str(runs)]
    assert main(args) == 0
    return out.read_text(encoding="utf-8"), runs


@pytest.fixture(scope="module")
def document(kept):
    return kept[0]


def test_kept_runs_render_the_same_document(kept, tmp_path):
    text, runs = kept
    again = tmp_path / "again.md"
    assert main(["--from-runs", str(runs), "--write", "--out", str(again)]) == 0
    assert again.read_text(encoding="utf-8") == text


def test_missing_kept_runs_exit_with_status_2(tmp_path, capsys):
    assert main(["--from-runs", str(tmp_path / "nowhere")]) == 2
    assert "--save-runs" in capsys.readouterr().err


def test_facts_have_unique_ids_sources_and_known_scenarios():
    ids = [fact.id for fact in FACTS]
    assert len(ids) == len(set(ids))
    shipped = {path.stem for path in (DOC_PATH.parents[1] / "scenarios").glob("*.yaml")}
    for fact in FACTS:
        assert fact.id.isidentifier(), fact.id
        assert fact.id == fact.id.lower(), fact.id
        assert fact.statement, fact.id
        assert fact.source, fact.id
        assert set(fact.scenarios) <= shipped, fact.id


def test_tiny_runs_give_a_well_formed_document(document):
    assert document.startswith("# Validation")
    assert fact_ids(document) == [fact.id for fact in FACTS]
    for heading in ("## How this file was generated", "## Stylized facts", "## Notes"):
        assert heading in document
    assert "--residents 2000 --days 30 --replications 2 --seed 2026" in document
    for table in _tables(document):
        widths = {_cell_count(row) for row in table}
        assert len(widths) == 1, table[0]
    header = "| " + " | ".join(FACT_COLUMNS) + " |"
    assert document.count(header) == 2
    for name in scenarios_of():
        assert f"| `{name}` |" in document
    for row in _fact_rows(document):
        assert row.rstrip(" |").rsplit("| ", 1)[-1] in ("yes", "no", "n/a"), row


def test_committed_document_lists_exactly_the_declared_facts():
    committed = fact_ids(DOC_PATH.read_text(encoding="utf-8"))
    declared = [fact.id for fact in FACTS]
    assert sorted(committed) == sorted(declared), (
        "docs/validation.md is stale: regenerate it with python -m govsim.validation --write"
    )


def test_the_readme_names_every_target_the_committed_document_does_not_meet():
    document = DOC_PATH.read_text(encoding="utf-8")
    unmet = [
        row.split("`")[1] for row in document.splitlines() if row.startswith("| `") and _unmet(row)
    ]
    readme = (DOC_PATH.parents[1] / "README.md").read_text(encoding="utf-8")
    limitations = " ".join(readme.split("## Known limitations")[1].split("\n## ")[0].split())
    count = {1: "One", 2: "Two", 3: "Three"}.get(len(unmet), str(len(unmet)))
    assert f"{count} of {len(FACTS)} validation targets are not met" in limitations
    for fact in unmet:
        assert f"`{fact}`" in limitations, f"README's known limitations: name {fact}"
        value = _row_of(document, fact).split(" | ")[-2].split(" [")[0]
        assert value in limitations, f"README's known limitations: {fact} is {value} now"


def _unmet(row: str) -> bool:
    return row.rstrip(" |").rsplit("| ", 1)[-1] == "no"


def _row_of(document: str, fact: str) -> str:
    return next(row for row in document.splitlines() if row.startswith(f"| `{fact}`"))


def test_paired_bootstrap_resamples_the_same_replications_in_every_scenario():
    # b is exactly twice a, replication by replication: every resample keeps the ratio at 2.
    values = np.array([1.0, 5.0, 2.0, 9.0, 4.0])
    outcomes = Outcomes({"a": _table(values), "b": _table(2 * values)})
    estimate = Bootstrapped(paired("b", "a", "victims")).estimate(outcomes)
    assert estimate.value == pytest.approx(2.0)
    assert estimate.low == pytest.approx(2.0)
    assert estimate.high == pytest.approx(2.0)


def test_pooled_share_interval_stays_within_zero_and_one():
    frame = _table(np.array([0.0, 10.0, 3.0]))
    frame["frozen"] = [0.0, 10.0, 0.0]
    frame["gross_loss"] = [5.0, 10.0, 1.0]
    estimate = Bootstrapped(pooled("a", "frozen", "gross_loss")).estimate(Outcomes({"a": frame}))
    assert estimate.value == pytest.approx(10 / 16)
    assert 0.0 <= estimate.low <= estimate.value <= estimate.high <= 1.0


def test_outcomes_refuse_scenarios_run_with_different_seeds():
    other = _table(np.ones(2))
    other["seed"] = [7, 8]
    with pytest.raises(ValueError, match="same master seed"):
        Outcomes({"a": _table(np.ones(2)), "b": other})


def test_clopper_pearson_interval_of_all_successes():
    estimate = clopper_pearson(40, 40)
    assert estimate.value == 1.0
    assert estimate.high == 1.0
    assert estimate.low == pytest.approx(0.025 ** (1 / 40))


def test_targets():
    assert above(2).met(2.1)
    assert not above(2).met(2.0)
    assert between(0, 0.05, open_ends=True).describe("{:.0%}".format) == "in (0%, 5%)"
    assert exactly(0).met(0.0)
    assert not exactly(0).met(1e-9)
    assert not between(1, 2).met(math.nan)


def _table(victims: np.ndarray) -> pd.DataFrame:
    return pd.DataFrame({"seed": np.arange(len(victims)) + 100, "victims": victims})


def _tables(text: str) -> list[list[str]]:
    tables, current = [], []
    for line in text.splitlines():
        if line.startswith("|"):
            current.append(line)
        elif current:
            tables.append(current)
            current = []
    return [*tables, current] if current else tables


def _cell_count(row: str) -> int:
    return len(row.replace("\\|", "").strip().strip("|").split("|"))


def _fact_rows(text: str) -> list[str]:
    return [line for line in text.splitlines() if fact_ids(line)]
