"""The outcome tables' labels and notes: what a dash, a mark or "the same" means."""

from __future__ import annotations

import html
import re

import numpy as np
import pytest

from govsim.comparison.console import difference_rows, row_label
from govsim.comparison.paired import pairing_efficiency, pairing_interval
from govsim.comparison.report import report_html
from govsim.comparison.running import compare
from govsim.comparison.verdicts import short_verdict, verdict
from tests.helpers import shipped


@pytest.fixture(scope="module")
def banks():
    """The baseline against banks alone: police costs constant in both, banks' the same."""
    scenarios = [
        shipped(name, residents=1000, days=5, warmup=5) for name in ("baseline", "bank_only")
    ]
    return compare(scenarios, replications=3, seed=1)


def rows_by_outcome(comparison, language):
    found = comparison.differences
    outcomes = found[found["scenario"] == "bank_only"]["outcome"]
    return dict(zip(outcomes, difference_rows(comparison, "bank_only", language), strict=True))


def notes(page: str) -> list[str]:
    match = re.search(r'<ul class="note">(.*?)</ul>', page)
    assert match
    return [html.unescape(item) for item in re.findall(r"<li>(.*?)</li>", match.group(1))]


@pytest.mark.parametrize(("language", "mark"), [("en", "(city's share)"), ("zh", "（本市份额）")])
def test_market_counts_are_marked_as_the_city_s_share(language, mark):
    assert row_label("arrests", language).endswith(mark)
    assert row_label("convictions", language).endswith(mark)
    assert not row_label("victims", language).endswith(mark)


@pytest.mark.parametrize(("language", "said"), [("en", "5,000,000"), ("zh", "5,000,000")])
def test_the_mark_is_explained_with_the_market_s_size(banks, language, said):
    found = [note for note in notes(report_html(banks, language)) if "7.17" in note]
    assert len(found) == 1
    assert said in found[0]
    assert "1,000" in found[0]


def test_a_constant_row_has_no_pairing_efficiency_whatever_its_rounding():
    """A cost summed from the same staff-days varies in its last bits: that is not variation."""
    constant = np.full(3, 5917.808219178083)
    assert constant.var(ddof=1) > 0.0, "the rounding this guards against"
    assert np.isnan(pairing_efficiency(constant, np.zeros(3)))
    assert all(np.isnan(pairing_interval(constant, np.zeros(3))))


def test_pairing_is_a_dash_in_every_constant_row(banks):
    rows = rows_by_outcome(banks, "en")
    summaries = [results.summary for results in banks.runs]
    constant = [
        outcome
        for outcome in rows
        if outcome in summaries[0]
        and all(np.allclose(s[outcome], s[outcome].iloc[0], rtol=1e-12) for s in summaries)
    ]
    assert "cost_banks" in constant, "the case this guards"
    pairing = 6
    for outcome in constant:
        assert rows[outcome][pairing] == "-", outcome


@pytest.mark.parametrize(("language", "same"), [("en", "the same"), ("zh", "相同")])
def test_a_difference_of_exactly_zero_reads_the_same(banks, language, same):
    found = banks.differences
    row = found[(found["scenario"] == "bank_only") & (found["outcome"] == "cost_banks")]
    row = row.iloc[0].to_dict()
    assert short_verdict(row, language) == same
    assert rows_by_outcome(banks, language)["cost_banks"][-1] == same
    assert same in verdict(row, language)


def test_a_difference_that_may_be_zero_still_reads_no_clear_difference():
    row = {
        "outcome": "victims",
        "scenario": "b",
        "reference": "a",
        "replications": 3,
        "difference": 0.0,
        "difference_ci_low": -2.0,
        "difference_ci_high": 2.0,
        "relative_change": 0.0,
        "relative_ci_low": -0.1,
        "relative_ci_high": 0.1,
    }
    assert short_verdict(row, "en") == "no clear difference"


@pytest.mark.parametrize(
    ("language", "share_note"),
    [("en", "percentage points"), ("zh", "百分点")],
)
def test_the_dash_in_the_change_column_is_explained_for_shares_too(banks, language, share_note):
    said = notes(report_html(banks, language))
    change = next(note for note in said if note.startswith(("Change", "变化幅度")))
    assert share_note in change
    assert any(note.startswith(("Pairing", "配对效率")) for note in said)


@pytest.mark.parametrize(("language", "said"), [("en", "first hop"), ("zh", "第一跳")])
def test_hours_to_freeze_says_what_it_measures(banks, language, said):
    found = [note for note in notes(report_html(banks, language)) if said in note]
    assert len(found) == 1
    assert "fraud.hop_hours_mean" in found[0]


def test_districts_and_scam_types_follow_the_scenario_s_order(banks):
    from govsim.comparison.charts import by_place_figure

    scenario = banks.reference.scenario
    districts = scenario.population.region_names
    assert districts != sorted(districts), "the case this guards: sorted is another order"
    figure = by_place_figure(banks.runs, "by_region", "region", "t", "en", order=districts)
    shown = list(figure.data[0].x)
    assert shown == [name for name in districts if name in shown]
    page = report_html(banks, "en")
    assert "in the order the reference scenario lists them" in page
    assert "按参照情景中列出的顺序" in report_html(banks, "zh")


def test_outcome_tables_wrap_a_value_above_its_interval(banks):
    """At 1280 pixels the eight columns scrolled: cells now wrap, an interval kept whole."""
    page = report_html(banks, "en")
    assert '<table class="outcomes">' in page
    assert re.search(r"table\.outcomes th, table\.outcomes td \{ white-space: normal; \}", page)
    assert re.search(r'<td>[\d,.]+ <span class="ci">\([^<]+\)</span></td>', page)
