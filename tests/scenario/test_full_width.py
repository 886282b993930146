"""Full-width punctuation of a Chinese input method: named where it breaks the syntax only.

The malformed cases 35-38 pin the messages; here, that Chinese text in values, quotes, comments
and block texts is never taken for a mistake, and that the finding replaces the problems it
causes rather than joining them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from govsim.scenario import ScenarioError, load_scenario
from govsim.scenario.full_width import find_full_width

Write = Callable[[str, str], Path]

CHINESE_TEXT = """\
name: 中文
description:
  zh: >-
    　　现状城市：四个城区，[东城，西城]，３６５天
  en: "a：b，c"   # 注释：冒号，逗号 \uff13\uff16\uff15
population:
  regions: ["东城：老城", '西城，新城']
  size: 1000
"""


def test_chinese_text_in_values_quotes_comments_and_blocks_is_no_mistake(write: Write) -> None:
    assert find_full_width(CHINESE_TEXT, "f.yaml").problems == ()
    scenario = load_scenario(write("chinese.yaml", CHINESE_TEXT))
    assert scenario.population.regions == ["东城：老城", "西城，新城"]


def test_a_valid_file_with_a_full_width_colon_in_a_plain_value_loads(write: Write) -> None:
    path = write("plain.yaml", "name: t\ndescription: 说明：现状城市，四个城区\n")
    assert load_scenario(path).description == "说明：现状城市，四个城区"


def test_the_key_above_a_full_width_indent_is_not_reported_as_empty(write: Write) -> None:
    path = write("indent.yaml", "name: t\nagencies:\n\u3000\u3000police:\n    capability: 0.5\n")
    with pytest.raises(ScenarioError) as caught:
        load_scenario(path)
    (problem,) = caught.value.problems
    assert problem.line == 3
    assert "full-width space (U+3000) at column 1" in problem.message


def test_other_problems_of_the_file_are_still_reported(write: Write) -> None:
    path = write("both.yaml", "name: t\ndays: \uff19\uff10\nagencies:\n  police: {capability: 2}\n")
    with pytest.raises(ScenarioError) as caught:
        load_scenario(path)
    lines = [(problem.line, problem.key_path) for problem in caught.value.problems]
    assert lines == [(2, ""), (4, "agencies.police.capability")]


def test_a_full_width_colon_in_a_parent_is_named_in_the_parent(write: Write) -> None:
    write("parent.yaml", "name: p\nagencies:\n  police: {capability：0.5}\n")
    child = write("child.yaml", "extends: parent.yaml\nname: c\n")
    with pytest.raises(ScenarioError) as caught:
        load_scenario(child)
    (problem,) = caught.value.problems
    assert problem.file is not None
    assert problem.file.endswith("parent.yaml")
    assert problem.line == 3
    assert "full-width colon '：' at column 22" in problem.message


def test_in_chinese_the_character_and_its_column_are_named(write: Write) -> None:
    with pytest.raises(ScenarioError) as caught:
        load_scenario(write("colon.yaml", "name：t\ndays: 30\n"))
    text = caught.value.render("zh")
    assert "第 1 行：第 5 列是全角冒号 '：'" in text
    assert "把 ： 换成半角的 :，后面加一个空格" in text
