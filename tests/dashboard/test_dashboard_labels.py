"""Every word of the dashboard exists in English and Simplified Chinese."""

from __future__ import annotations

import re
import string

import pytest

from govsim.dashboard.labels import LANGUAGE_NAMES, TABLES, measure, say
from govsim.dashboard.simulation import LAYERS
from govsim.labels import LANGUAGES

HAN = re.compile(r"[\u4e00-\u9fff]")
FRAMES_ONLY = {("texts", "event_of_group"), ("texts", "hover_of"), ("texts", "scenario_named")}
"""Words that only frame others (full-width brackets in Chinese), as ``colon`` in govsim.labels."""
PAIRS = [(table, key) for table, words in TABLES.items() for key in words]


@pytest.mark.parametrize(("table", "key"), PAIRS, ids=[f"{t}.{k}" for t, k in PAIRS])
def test_every_dashboard_word_has_its_chinese(table, key):
    english, chinese = TABLES[table][key]
    assert english.strip()
    assert HAN.search(chinese) or (table, key) in FRAMES_ONLY, f"{table}.{key}: {chinese!r}"
    assert chinese != english


@pytest.mark.parametrize(("table", "key"), PAIRS, ids=[f"{t}.{k}" for t, k in PAIRS])
def test_both_languages_take_the_same_values(table, key):
    fields = [
        {name for _, name, _, _ in string.Formatter().parse(text) if name}
        for text in TABLES[table][key]
    ]
    assert fields[0] == fields[1]


def test_the_switch_offers_every_language_in_its_own_words():
    assert set(LANGUAGE_NAMES) == set(LANGUAGES)
    assert HAN.search(LANGUAGE_NAMES["zh"])


def test_say_fills_values_and_measures_come_from_the_command_lines_labels():
    assert say("day", "zh", day=3, days=30) == "第 3 天 / 共 30 天"
    assert say("day", "en", day=3, days=30) == "Day 3 of 30"
    for column in LAYERS:
        assert HAN.search(measure(column, "zh")), column
