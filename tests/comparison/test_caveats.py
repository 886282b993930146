"""The report's "Read with care": only the caveats that apply to the run, each measured."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from govsim.comparison.caveats import QUOTE_RESIDENTS, caveats, overrides_of
from govsim.comparison.precision import Precision
from govsim.comparison.report import report_html
from govsim.comparison.running import DEFAULT_REPLICATIONS, Override, compare
from govsim.scenario import load_scenario
from govsim.scenario.documentation import parameters_markdown, source_counts
from govsim.scenario.overrides import with_overrides
from tests.helpers import SCENARIOS, shipped

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def education():
    """The baseline against education alone, whose campaign (day 180) is after day 5."""
    scenarios = [
        shipped(name, residents=1000, days=5, warmup=5) for name in ("baseline", "education_only")
    ]
    return compare(scenarios, replications=2, seed=1)


def section(page: str) -> list[str]:
    """The items of the report's "Read with care" list, as text."""
    match = re.search(r'<ul class="caveats">(.*?)</ul>', page)
    assert match, "the report has a Read with care section"
    return [html.unescape(item) for item in re.findall(r"<li>(.*?)</li>", match.group(1))]


def test_the_section_follows_the_verdicts(education):
    page = report_html(education, "en")
    headings = re.findall(r"<h2>(.*?)</h2>", page)
    assert headings[:2] == ["Verdicts", "Read with care"]
    assert re.findall(r"<h2>(.*?)</h2>", report_html(education, "zh"))[1] == "阅读须知"


@pytest.mark.parametrize("language", ["en", "zh"])
def test_a_small_city_and_few_replications_are_measured(education, language):
    items = section(report_html(education, language))
    assert any("1,000" in item and f"{QUOTE_RESIDENTS:,}" in item for item in items)
    assert any(item.startswith("2 ") or "仅 2 次" in item for item in items)
    assert any(str(DEFAULT_REPLICATIONS) in item for item in items)


def test_the_readme_asks_for_the_size_the_report_quotes():
    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    assert f"use {QUOTE_RESIDENTS:,} for figures to quote" in readme


@pytest.mark.parametrize("language", ["en", "zh"])
def test_the_share_of_assumptions_is_counted_from_the_parameters(education, language):
    sourced, alone, in_part = source_counts(parameters_markdown())
    text = " ".join(caveats(education, language))
    assert all(str(count) in text for count in (sourced, alone, in_part))
    assert "docs/parameters.md" in text


@pytest.mark.parametrize(
    ("language", "said"),
    [("en", "the campaign never happens"), ("zh", "事件不会发生")],
)
def test_an_event_after_the_last_day_is_said_in_the_report(education, language, said):
    """The console warns of it when the options are applied; the report must say it too."""
    items = section(report_html(education, language))
    assert any(
        said in item and "education_only" in item and "events[0].day" in item for item in items
    )


@pytest.mark.parametrize(("language", "said"), [("en", "whole market"), ("zh", "整个市场")])
def test_governance_taken_as_the_market_is_said_where_governance_differs(education, language, said):
    assert any(said in item for item in caveats(education, language))


def test_no_market_policy_caveat_where_only_an_event_differs():
    scenarios = [
        shipped(name, residents=1000, days=5, warmup=5) for name in ("baseline", "data_breach")
    ]
    found = compare(scenarios, replications=2, seed=1)
    assert not any("whole market" in item for item in caveats(found, "en"))


def test_a_run_of_the_recommended_size_and_replications_has_no_such_caveat(education, monkeypatch):
    monkeypatch.setattr("govsim.comparison.caveats.QUOTE_RESIDENTS", 1000)
    monkeypatch.setattr("govsim.comparison.caveats.DEFAULT_REPLICATIONS", 2)
    text = " ".join(caveats(education, "en"))
    assert "figures to quote" not in text
    assert "replications per scenario" not in text


@pytest.mark.parametrize("language", ["en", "zh"])
def test_a_precision_shortfall_is_a_caveat(education, language):
    education.precision = Precision(0.1, 2, False, (("education_only", "victims"),))
    try:
        assert any(
            "--max-replications" in item for item in section(report_html(education, language))
        )
    finally:
        education.precision = None


def test_overrides_name_the_option_that_set_each_value():
    written = load_scenario(SCENARIOS / "baseline.yaml")
    run = with_overrides(written, {"warmup_days": 10}, days=30, residents=2000)
    options = {"days": "--days", "population.size": "--residents"}
    found = overrides_of("baseline", written, run, ["warmup_days"], options)
    assert {(o.key, o.written, o.run, o.option) for o in found} == {
        ("days", 365, 30, "--days"),
        ("population.size", 100_000, 2000, "--residents"),
        ("warmup_days", 730, 10, "--set"),
    }


@pytest.mark.parametrize(
    ("language", "said"),
    [
        (
            "en",
            "(the file's description; this run: population.size 1,000 "
            "(file: 100,000; --residents))",
        ),
        (
            "zh",
            "（此为文件中的描述；本次运行：population.size 为 1,000"
            "（文件中为 100,000；--residents））",
        ),
    ],
)
def test_a_description_run_with_other_values_is_flagged(education, language, said):
    education.overrides = (Override("baseline", "population.size", 100_000, 1000, "--residents"),)
    try:
        page = html.unescape(report_html(education, language))
        items = section(report_html(education, language))
    finally:
        education.overrides = ()
    assert said in page
    assert sum("population.size" in item for item in items) == 1


def test_the_same_overrides_for_every_scenario_are_said_once(education):
    education.overrides = tuple(
        Override(name, "days", 365, 5, "--days") for name in ("baseline", "education_only")
    )
    try:
        items = caveats(education, "en")
    finally:
        education.overrides = ()
    assert sum("days 5 (file: 365; --days)" in item for item in items) == 1
    assert any(item.startswith("Every scenario ran with values") for item in items)
