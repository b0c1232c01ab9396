"""Session 29: a year's target against its achieved value as the next year's report gives it ("2020年…预期目标是多少？
2021年报告里说实际完成了多少", "the 2020 report set a target … the actual figure reported in 2021"). One year, two
statuses: the target read in the year's own report, the achieved value in the next one, each held to its status (the
next report's look back at the year before is no target). Two reports of our own, ingested for real."""
from __future__ import annotations

import re

import pytest

from assistant.analysis import analyse, year_reviewed_next
from assistant.retrieval import _sides, status_reports
from tests.passages import ingested_texts

HEAD = """{year}年青溪市政府工作报告
——{year}年1月15日在青溪市人民代表大会会议上
青溪市人民政府市长
各位代表：现在，我代表市人民政府，向大会报告政府工作，请予审议。
"""

REPORT_2020 = HEAD.format(year=2020) + """
一、2019年工作回顾

过去一年，就业形势总体稳定，城镇新增就业5.2万人，超过全年预期目标。棚户区改造开工1.1万套。

二、2020年主要预期目标

今年发展的主要预期目标是：地区生产总值增长6%左右，城镇新增就业4.5万人以上，城镇登记失业率控制在4%以内。全年计划棚户区改造1.3万套。
"""

REPORT_2021 = HEAD.format(year=2021) + """
一、2020年工作回顾

过去一年，经济运行稳中有进。城镇新增就业4.8万人，棚户区改造开工1.4万套，完成年度目标任务。

二、2021年主要预期目标

今年发展的主要预期目标是：城镇新增就业5万人以上，城镇登记失业率控制在4%以内。
"""


@pytest.fixture(scope="module")
def qingxi(tmp_path_factory, embedder):
    from assistant import Assistant, Settings

    home = tmp_path_factory.mktemp("next_report")
    assistant = Assistant(Settings(home=home / "home"), embedder=embedder)
    return ingested_texts(assistant, home / "reports", {"青溪市2020年政府工作报告": REPORT_2020,
                                                         "青溪市2021年政府工作报告": REPORT_2021})


def test_the_next_year_named_as_a_report_is_where_the_year_is_reviewed_not_a_year_asked():
    question = "2020年城镇新增就业的预期目标是多少？2021年报告里说实际新增了多少？"
    assert year_reviewed_next([2020, 2021], [2021], question, 1) == [2020]
    # two years each asked, or the later one not named as a report's: two years as before
    assert year_reviewed_next([2020, 2021], [], "2020年的目标和2021年实际完成多少", 1) == [2020, 2021]
    assert year_reviewed_next([2020, 2022], [2022], "2020年的目标是多少？2022年报告里说实际完成了多少", 1) == [2020, 2022]
    # no target against an achieved value: two reports' figures
    assert year_reviewed_next([2020, 2021], [2020, 2021], "2020年和2021年报告中的城镇新增就业分别是多少", 1) == [2020, 2021]


def test_each_status_is_read_in_its_own_report():
    analysis = analyse("The 2020 report set a target for new urban jobs that year. How did the actual figure "
                       "reported in 2021 compare?")
    assert analysis.years == [2020]
    sides = {side.status: side for side in _sides(analysis)}
    assert sides["target"].report_years == [2020] and sides["actual"].report_years == [2021]
    assert status_reports(analysis, "actual") == [2021]


@pytest.mark.parametrize("question", ["2020年城镇新增就业的预期目标是多少？2021年报告里说实际新增了多少？",
                                      "The 2020 report set a target for new urban jobs that year. How did the "
                                      "actual figure reported in 2021 compare?"])
def test_a_target_and_the_next_report_s_outcome_are_both_answered(qingxi, question):
    answer = qingxi.ask(question, mode="extractive")
    assert not answer.refused, answer.text
    # the 2020 target and the 2020 outcome; not the 2019 outcome the 2020 report looks back on, nor 2021's target
    assert "4.5万" in answer.text and "4.8万" in answer.text, answer.text
    assert not re.search(r"(?<![\d.])(?:5\.2万|5万人以上)", answer.text), answer.text


def test_places_written_as_one_name_are_one_thing_compared_across_years():
    from assistant.answer.extractive import _side_label

    analysis = analyse("宁波舟山港2025年集装箱吞吐量和2026年的目标相比差多少？")
    sides = _sides(analysis)
    # one port of two cities: its sides are its two years, each searched in both cities
    assert [side.years for side in sides] == [[2025], [2026]]
    assert all(sorted(side.places) == ["宁波市", "舟山市"] for side in sides)
    assert [_side_label(side, analysis) for side in sides] == ["2025年", "2026年"]
    # two places named apart are two sides, as before
    apart = analyse("宁波和舟山2025年的地区生产总值分别是多少？")
    assert [side.places for side in _sides(apart)] == [["宁波市"], ["舟山市"]]
