"""Links merge from the parent like every mapping; ``replace`` drops the parent's instead."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from govsim.scenario import ScenarioError, dump_scenario, load_scenario
from govsim.scenario.cooperation import KNOWN_LINKS

Write = Callable[[str, str], Path]
PARENT = """\
name: parent
cooperation:
  links: {police-bank: 0.4, police-telecom: 0.5, government-public: 0.6}
agencies:
  police: {capability: 0.7, investigators_per_100k: 9}
"""


def test_links_merge_with_the_parents_by_default(write: Write) -> None:
    write("parent.yaml", PARENT)
    child = write(
        "child.yaml", "name: c\nextends: parent.yaml\ncooperation:\n  links: {bank-police: 0.9}\n"
    )
    links = load_scenario(child).cooperation.links
    assert links == {"police-bank": 0.9, "police-telecom": 0.5, "government-public": 0.6}


def test_replace_drops_the_parents_links(write: Write) -> None:
    write("parent.yaml", PARENT)
    child = write(
        "child.yaml",
        """\
        name: c
        extends: parent.yaml
        replace: [cooperation.links]
        cooperation:
          links: {bank-police: 0.9}
        """,
    )
    cooperation = load_scenario(child).cooperation
    assert cooperation.links == {"police-bank": 0.9}
    left_out = [link for link in KNOWN_LINKS if link != "police-bank"]
    assert all(cooperation.level(link) == 0.0 for link in left_out)


def test_replace_without_a_value_clears_to_the_default(write: Write) -> None:
    write("parent.yaml", PARENT)
    child = write("child.yaml", "name: c\nextends: parent.yaml\nreplace: [agencies.police]\n")
    police = load_scenario(child).agencies.police
    assert police.capability == 0.6  # the schema default, not the parent's 0.7
    assert police.investigators_per_100k == 8.0


def test_replace_is_not_inherited_by_grandchildren(write: Write) -> None:
    write("parent.yaml", PARENT)
    write("child.yaml", "name: c\nextends: parent.yaml\nreplace: [cooperation.links]\n")
    grandchild = write(
        "grandchild.yaml",
        "name: g\nextends: child.yaml\ncooperation:\n  links: {police-police: 0.3}\n",
    )
    assert load_scenario(grandchild).cooperation.links == {"police-police": 0.3}


def test_replace_is_not_in_the_resolved_dump(write: Write) -> None:
    write("parent.yaml", PARENT)
    child = write("child.yaml", "name: c\nextends: parent.yaml\nreplace: [cooperation.links]\n")
    text = dump_scenario(load_scenario(child))
    assert "replace" not in text
    assert "extends" not in text


def test_bad_replace_entries_are_each_reported(write: Write) -> None:
    write("parent.yaml", PARENT)
    child = write(
        "child.yaml",
        """\
        name: c
        extends: parent.yaml
        replace:
          - cooperation.link
          - days
          - agencies.banks.institutions
        """,
    )
    with pytest.raises(ScenarioError) as caught:
        load_scenario(child)
    message = str(caught.value)
    assert f"{child}:4: replace[0]: no key 'link' in cooperation; did you mean 'links'?" in message
    assert f"{child}:5: replace[1]: days is not a mapping; only mappings merge" in message
    assert f"{child}:6: replace[2]: agencies.banks.institutions is not a mapping" in message


def test_replace_needs_a_parent(write: Write) -> None:
    path = write("alone.yaml", "name: a\nreplace: [cooperation.links]\n")
    with pytest.raises(ScenarioError) as caught:
        load_scenario(path)
    assert f"{path}:2: replace: nothing to replace: this file extends no other" in str(caught.value)


def test_replace_must_be_a_list(write: Write) -> None:
    write("parent.yaml", PARENT)
    child = write("child.yaml", "name: c\nextends: parent.yaml\nreplace: cooperation.links\n")
    with pytest.raises(ScenarioError) as caught:
        load_scenario(child)
    assert "replace: expected a list of key paths, got 'cooperation.links'" in str(caught.value)
