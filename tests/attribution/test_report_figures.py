"""The attribution report's waterfall writes its numbers as the report's language does."""

from __future__ import annotations

import pandas as pd
import pytest

from govsim.attribution.report import waterfall_figure
from govsim.attribution.running import GRAND


@pytest.mark.parametrize(("language", "expected"), [("zh", "none"), ("en", None)])
def test_the_waterfall_writes_axis_numbers_in_full_on_a_chinese_report(language, expected):
    rows = pd.DataFrame(
        {"player": ["police", "banks", GRAND], "shapley": [2_000_000.0, 500_000.0, 2_500_000.0]}
    )
    figure = waterfall_figure(rows, "net loss", language)
    assert figure.layout.yaxis.exponentformat == expected
    assert list(figure.data[0].y) == [2_000_000.0, 500_000.0, 2_500_000.0]
