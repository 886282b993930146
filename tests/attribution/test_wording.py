"""The attribution's own words: both languages, the same fields, and no key said twice."""

from __future__ import annotations

import re
import string

import pytest

from govsim.attribution.players import HUB_MECHANISMS
from govsim.attribution.running import ATTRIBUTED
from govsim.attribution.wording import MECHANISMS, UNITS, WORDS
from govsim.comparison.wording import WORDS as SHARED_WORDS

HAN = re.compile(r"[\u4e00-\u9fff]")


@pytest.mark.parametrize("table", [WORDS, UNITS, MECHANISMS], ids=["words", "units", "mechanisms"])
def test_every_phrase_has_english_and_chinese_with_the_same_fields(table):
    for key, (english, chinese) in table.items():
        assert HAN.search(chinese) or key == "with_unit", key  # only its brackets differ
        assert chinese != english, key
        fields = [
            {f for _, f, _, _ in string.Formatter().parse(text) if f} for text in (english, chinese)
        ]
        assert fields[0] == fields[1], key


def test_no_key_is_both_the_attributions_and_the_comparisons():
    # word() looks here first: a key in both would silently hide the comparison's.
    assert not set(WORDS) & set(SHARED_WORDS)


def test_every_mechanism_and_outcome_has_its_words():
    assert set(MECHANISMS) == set(HUB_MECHANISMS)
    assert set(UNITS) == set(ATTRIBUTED)
