"""Labels and phrases: both languages everywhere, shares known, languages checked."""

from __future__ import annotations

import re
import string

import pytest

from govsim.labels import (
    HEADERS,
    LANGUAGES,
    MEASURES,
    PHRASES,
    SHARES,
    checked_language,
    label,
    phrase,
)
from govsim.metrics import DAILY_COUNTS, SUMMARY_SUMS
from govsim.results import HEADLINE, MARKET_HEADLINE
from govsim.tables import format_interval, format_value

TABLES = {"measures": MEASURES, "headers": HEADERS, "phrases": PHRASES}
HAN = re.compile(r"[\u4e00-\u9fff]")


@pytest.mark.parametrize("table", TABLES.values(), ids=TABLES.keys())
def test_every_label_has_english_and_chinese(table):
    for key, pair in table.items():
        assert len(pair) == len(LANGUAGES), key
        english, chinese = pair
        assert english.strip(), key
        assert chinese.strip() or key == "colon", key
        assert chinese != english, f"{key} has no Chinese of its own"
        if key != "colon":
            assert HAN.search(chinese), f"{key}: {chinese!r} is not Chinese"


def test_phrases_take_the_same_values_in_both_languages():
    for key, (english, chinese) in PHRASES.items():
        fields = [
            {f for _, f, _, _ in string.Formatter().parse(text) if f} for text in (english, chinese)
        ]
        assert fields[0] == fields[1], key


def test_every_measure_shown_or_summed_has_a_label():
    for name in (*HEADLINE, *MARKET_HEADLINE, *SUMMARY_SUMS):
        if name.startswith("cost_") or name in MEASURES:
            assert name in MEASURES, name
    assert set(HEADLINE) | set(MARKET_HEADLINE) <= set(MEASURES)


def test_shares_are_the_headline_measures_that_are_shares():
    # results.summary_statistics keeps an interval inside [0, 1] for names ending in "share";
    # the tables show SHARES as percentages: both must mean the same measures.
    assert {name for name in HEADLINE if name.endswith("share")} == SHARES


def test_shares_are_shown_as_percentages_in_every_language():
    assert format_value(0.295, "report_share") == "29.5%"
    assert format_interval(-0.01, 0.4, "recovered_share") == "0.0% - 40.0%"


def test_a_net_loss_interval_below_zero_is_shown_as_it_is():
    # Net loss alone can be negative (money frozen in the measured days but paid before them).
    assert format_interval(-8000.0, -2000.0, "net_loss") == "-8,000 to -2,000"
    assert format_interval(-300.0, 1300.0, "net_loss") == "-300 to 1,300"
    assert format_interval(300.0, 1300.0, "net_loss") == "300 - 1,300"
    assert format_interval(-300.0, 1300.0, "victims") == "0 - 1,300"
    assert format_value(0.295, "victims") == "0.295"
    assert format_value(12345.6, "gross_loss") == "12,346"


def test_reviewed_chinese_wording():
    assert label("attempts", "zh") == "诈骗联络次数"
    assert "误延" in label("legit_transfers_delayed", "zh")
    assert label("victims", "zh") == "受害人数"
    assert label("mean", "zh", HEADERS) == "均值"


def test_unknown_names_and_languages():
    assert label("no_such_measure", "zh") == "no_such_measure"
    assert checked_language(None) == "en"
    assert checked_language("ZH") == "zh"
    with pytest.raises(ValueError, match="choose one of: en, zh"):
        checked_language("fr")


def test_phrase_fills_values():
    text = phrase("finished", "zh", replications=3, seconds=1.25, folder="out")
    assert text == "已完成 3 次重复运行，用时 1.2 秒；结果保存在 out/"


def test_timeseries_counts_with_a_label_are_real_columns():
    assert {"flagged", "leads", "leads_expired", "dissuasion_calls"} <= set(DAILY_COUNTS)


def test_the_city_table_marks_the_market_counts_it_attributes():
    from rich.console import Console

    from govsim.runner import run
    from govsim.tables import market_table, summary_table
    from tests.helpers import shipped

    results = run(shipped("police_only", residents=1_000, days=5, warmup=5), replications=1)
    printed = {}
    for name, table in (("city", summary_table(results)), ("market", market_table(results))):
        console = Console(record=True, width=300)
        console.print(table)
        printed[name] = console.export_text()
    assert "Arrests (city's share)" in printed["city"]
    assert "police_only: a city of 1,000 residents, 5 measured days" in printed["city"]
    assert "Victims (city's share)" not in printed["city"], "only the market's counts"
    assert "Arrests" in printed["market"]
    assert "city's share" not in printed["market"]
