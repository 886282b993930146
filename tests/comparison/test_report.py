"""report.html's content: what differs side by side, every section, both languages."""

from __future__ import annotations

import copy
import json
import re

import numpy as np
import pandas as pd
import pytest

from govsim.comparison.charts import SMOOTHING_DAYS, _smoothed, daily_figure
from govsim.comparison.files import read_comparison, write_comparison
from govsim.comparison.frames import KEY_OUTCOMES
from govsim.comparison.report import report_html
from govsim.comparison.running import compare, tables_of
from govsim.comparison.verdicts import verdicts
from govsim.comparison.wording import key_path_gloss
from govsim.scenario.showing import cell
from tests.comparison.html_check import check_offline_html
from tests.helpers import shipped

NAMES = ("police_only", "bilateral", "multi_party_hub")


@pytest.fixture(scope="module")
def three():
    scenarios = [shipped(name, residents=1000, days=5, warmup=5) for name in NAMES]
    return compare(scenarios, replications=2, seed=1)


def cells_of_row(page: str, key: str) -> list[str]:
    """The cells of the table row whose first cell is ``key``."""
    match = re.search(rf'<tr><td class="key">{re.escape(key)}</td>(.*?)</tr>', page)
    assert match, key
    return re.findall(r"<td>(.*?)</td>", match.group(1))


def test_what_differs_shows_every_scenario_side_by_side(three):
    page = report_html(three, "en")
    assert cells_of_row(page, "cooperation.structure") == ["bilateral", "bilateral", "hub"]
    # Changed by the hub alone: bilateral holds the reference's value.
    assert (
        cells_of_row(page, "cooperation.hub_colocation")[1]
        == cells_of_row(page, "cooperation.hub_colocation")[0]
    )
    assert '<td class="key">name</td>' not in page


@pytest.mark.parametrize(
    ("language", "headings"),
    [
        ("en", ["Verdicts", "What differs", "Outcomes", "Daily series", "Losses", "Method"]),
        ("zh", ["结论", "各情景的参数差异", "结果指标", "逐日序列", "损失", "方法说明"]),
    ],
)
def test_the_report_has_every_section_in_its_language(three, language, headings):
    page = report_html(three, language)
    check_offline_html(page)
    found = re.findall(r"<h2>(.*?)</h2>", page)
    for heading in headings:
        assert any(heading in text for text in found), heading
    assert f'lang="{"zh-CN" if language == "zh" else "en"}"' in page
    assert page.count("multi_party_hub") > 3


@pytest.mark.parametrize("language", ["en", "zh"])
def test_scam_types_are_named_not_keyed_in_the_loss_chart(three, language):
    from govsim.comparison.charts import by_place_figure
    from govsim.scenario.fields import text_in

    scenario = three.runs[0].scenario
    names = {key: text_in(scam.label, language) for key, scam in scenario.scam_types.items()}
    page = report_html(three, language)
    labelled = [name for key, name in names.items() if name != key]
    assert labelled
    # Plotly's JSON in the page writes Chinese as \\u escapes.
    assert any(name in page or json.dumps(name)[1:-1] in page for name in labelled)
    figure = by_place_figure(three.runs, "by_scam", "scam_type", "t", language, names)
    shown = set(figure.data[0].x)
    assert shown <= set(names.values())
    assert not shown & (set(names) - set(names.values())), "no key shown where a name exists"


def test_chinese_report_charts_write_axis_numbers_in_full(three):
    """20,000 and 2,000,000, not Plotly's 20k and 2M, in a Chinese report; English keeps them."""
    from govsim.comparison.charts import by_place_figure

    for language, expected in (("zh", "none"), ("en", None)):
        figure = by_place_figure(three.runs, "by_scam", "scam_type", "t", language, {})
        assert figure.layout.yaxis.exponentformat == expected, language
        assert figure.layout.yaxis.title.text, "the axis keeps its unit"
    page = report_html(three, "zh")
    assert page.count('"exponentformat":"none"') >= 4, "every chart of the Chinese report"
    assert '"exponentformat":"none"' not in report_html(three, "en")


def test_the_alternatives_are_compared_with_each_other_too(three, tmp_path):
    between = three.between
    assert set(zip(between["reference"], between["scenario"], strict=True)) == {
        ("bilateral", "multi_party_hub")
    }
    means = three.outcomes.set_index(["scenario", "outcome"])["mean"]
    victims = between.set_index("outcome").loc["victims"]
    expected = means["multi_party_hub", "victims"] - means["bilateral", "victims"]
    assert victims["difference"] == pytest.approx(expected)
    for language, title in (("en", "Between the other scenarios"), ("zh", "其余情景之间的比较")):
        page = report_html(three, language)
        section = page[page.index(f"<h2>{title}</h2>") :]
        section = section[: section.index("</ul>")]
        assert "multi_party_hub" in section
        assert "bilateral" in section
    out = write_comparison(three, tmp_path / "out")
    written = pd.read_parquet(out.parent / "differences_between.parquet")
    pd.testing.assert_frame_equal(written, between, check_dtype=False)
    pd.testing.assert_frame_equal(read_comparison(out.parent).between, between)


def test_two_scenarios_have_no_other_pair(three):
    two = tables_of(three.runs[:2])
    assert two.between.empty
    assert "Between the other scenarios" not in report_html(two, "en")


def test_with_four_scenarios_each_pair_gets_its_own_verdicts(three):
    fourth = copy.deepcopy(three.runs[2])
    fourth.scenario = fourth.scenario.model_copy(update={"name": "hub_again"})
    four = tables_of([*three.runs, fourth])
    pairs = list(
        dict.fromkeys(zip(four.between["reference"], four.between["scenario"], strict=True))
    )
    assert pairs == [
        ("bilateral", "multi_party_hub"),
        ("bilateral", "hub_again"),
        ("multi_party_hub", "hub_again"),
    ]
    lines = verdicts(four.between, KEY_OUTCOMES, "en")
    assert len(lines) == 3 * len(KEY_OUTCOMES)
    assert sum("hub_again" in line and "against multi_party_hub" in line for line in lines) == len(
        KEY_OUTCOMES
    )


@pytest.mark.parametrize(
    ("language", "effective", "hub", "none"),
    [
        ("en", " (effective)", "One intake, Pooled data desk, Joint operations", "none (no hub)"),
        (
            "zh",
            "（公安 - 银行）（实际生效）",
            "统一受理、数据研判专席、合成作战",
            "无（非合成中心结构）",
        ),
    ],
)
def test_what_differs_speaks_the_language_and_names_the_centre_in_force(
    three, language, effective, hub, none
):
    page = report_html(three, language)
    assert f'<td class="key">cooperation.links.police-bank{effective}</td>' in page
    label = (
        "one-stop centre&#x27;s mechanisms in force"
        if language == "en"
        else "合成中心实际运行的机制"
    )
    assert cells_of_row(page, label) == [none, none, hub]


def test_a_page_cell_holds_a_long_list_whole():
    long = [f"group_{i}" for i in range(12)]
    assert cell(long).endswith("...")  # a terminal's column is cut
    assert cell(long, width=None).endswith("group_11]")  # a page's cell wraps instead


def test_daily_charts_draw_weekly_averages_over_the_daily_means(three):
    series = three.runs[0].timeseries
    smoothed = _smoothed(series, "victims")
    first = series[series["replication"] == series["replication"].min()].sort_values("day")
    mine = smoothed.loc[first.index, "victims"].to_numpy()
    expected = first["victims"].rolling(SMOOTHING_DAYS, min_periods=1).mean().to_numpy()
    np.testing.assert_allclose(mine, expected)
    figure = daily_figure(three.runs, "victims", "zh")
    widths = [trace.line.width for trace in figure.data if trace.fill != "toself"]
    assert widths == [1, 2.5] * len(three.runs)  # faint daily, bold weekly, per scenario
    assert "7日平均" in figure.layout.yaxis.title.text


@pytest.mark.parametrize(
    ("key", "gloss"),
    [
        ("agencies.judiciary.capability", "司法机关"),
        ("cooperation.links.bank-telecom", "银行 - 通信运营商"),
        ("cooperation.centre.seats", "合成中心"),
        ("scam_types.loan.weight", "诈骗类型"),
        ("warmup_days", "预热天数"),
        ("agencies.unknown_party.capability", "治理主体"),
        ("somewhere.else", ""),
    ],
)
def test_a_key_path_is_glossed_in_chinese_by_its_party_link_or_section(key, gloss):
    assert key_path_gloss(key, "zh") == gloss


@pytest.mark.parametrize("language", ["en", "zh"])
def test_the_method_says_which_scenarios_warmed_up_once_together(three, language):
    events = [shipped(name, residents=1000, days=5, warmup=5) for name in ("baseline", "epidemic")]
    shared = report_html(compare(events, replications=2, seed=1), language)
    sentence = {
        "en": "baseline, epidemic differ only in their events, measured days or names",
        "zh": "baseline、epidemic 仅在事件、统计天数或名称上不同",
    }[language]
    assert sentence in shared
    assert "5-day warm-up" in shared or "5 天预热期" in shared
    # police_only, bilateral and multi_party_hub differ in governance: each warmed up alone.
    assert {"en": "warm-up was run once", "zh": "只运行一次"}[language] not in report_html(
        three, language
    )
