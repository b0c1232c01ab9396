"""Ways of asking a figure that the answerer misread (session 27):
- one year's target and its achieved value asked together ("预期目标和实际完成情况分别是多少", "the target … how did
  actual growth compare") are two sides, one per status: the target from the plan, the actual from the review;
- an achieved value stated as a value ranks above one stated only as a bound (连续9年稳定在1300亿斤以上);
- a growth rate asked (增长多少) is not answered by a ratio that names the thing (研发经费支出与国内生产总值之比);
- a name whose tail the fact extractor strips as a linking word (经济总量达到… gives 经济) still names the indicator;
- 几月几号 asks a date, as 几月几日 does;
- another name of a catalogued indicator says its head word (技术合同交易额 for 技术合同成交额);
- an English "by how much" is answered by an amount of change (压减钢铁产能5000万吨).
Sentences and places written for the tests; the real extractive answerer over fact rows extracted from them."""
from __future__ import annotations

import pytest

from assistant.analysis import analyse, asks_target_and_actual, by_status, what_is_wanted
from assistant.facts.extract import DocContext, extract_facts
from assistant.facts.frame import frame_of
from assistant.facts.match import amount_of_change
from assistant.retrieval import _sides
from tests.passages import answer, refused, report_passage

PLAN = "今年经济社会发展的主要预期目标是：地区生产总值增长6%左右，城镇新增就业5万人以上。"
REVIEW = "过去一年，地区生产总值达到3200亿元，比上年增长5.4%，城镇新增就业5.3万人。"


@pytest.mark.parametrize("question", [
    "某某市2024年地区生产总值增长的预期目标和实际完成情况分别是多少？",
    "Mouxi set a GDP growth target for 2024; how did actual growth compare with it?",
])
def test_a_target_and_its_achieved_value_are_two_sides(question):
    analysis = analyse(question)
    assert analysis.comparison and by_status(analysis)
    assert [frame_of(side).status for side in _sides(analysis)] == ["target", "actual"]


@pytest.mark.parametrize("question", [
    "某某市2024年实际利用外资目标是多少？",  # 实际 inside a name names no status
    "某某市2024年地区生产总值增长目标是多少？",
    "某某市2023年和2024年地区生产总值分别是多少？",
])
def test_one_status_asked_is_no_status_comparison(question):
    assert not asks_target_and_actual(question) or not by_status(analyse(question))


def test_each_status_side_is_answered_from_its_own_report_with_a_verdict():
    plan = report_passage(PLAN, "某某市", issued=2024, n=1, heading=["二、2024年工作安排"])
    review = report_passage(REVIEW, "某某市", issued=2025, n=2)
    said = answer("某某市2024年地区生产总值增长的预期目标和实际完成情况分别是多少？", [plan, review])
    assert "6%" in said and "5.4%" in said, said
    assert "2024年目标" in said and "2024年实际" in said and "0.6个百分点" in said, said


def test_a_value_ranks_above_a_bound_held_for_years():
    bound = report_passage("积极应对气候变化影响，粮食总产量连续9年稳定在1300亿斤以上。耕地面积净增212万亩。", "某某省", n=1)
    value = report_passage("一年来，生产总值增长5.6%，进出口总值增长14.1%，粮食产量1350.97亿斤，主要指标增速居全国前列。",
                           "某某省", n=2)
    said = answer("某某省2025年粮食总产量达到多少亿斤？", [bound, value])
    assert "1350.97亿斤" in said, said


def test_a_growth_rate_asked_is_no_ratio_naming_the_thing():
    ratio = report_passage("发展质量有新的提升，一般公共预算收入增长8.6%，研究与试验发展经费支出与国内生产总值之比超过2%。",
                           "全国", issued=2015, n=1)
    growth = report_passage("增速稳，国内生产总值达到63.6万亿元，比上年增长7.4%，在世界主要经济体中名列前茅。",
                            "全国", issued=2015, n=2)
    said = answer("2014年全国国内生产总值增长多少？", [ratio, growth])
    assert "7.4%" in said and "2%" not in said, said
    # alone, the ratio answers nothing
    assert refused(answer("2014年全国国内生产总值增长多少？", [ratio]))


def test_a_name_whose_tail_was_stripped_still_names_the_indicator():
    passage = report_passage("——这五年综合经济实力大幅提升。经济总量达到2.67万亿元，人均生产总值进入全国前8位。", "某某省", n=1)
    said = answer("某某省2025年经济总量是多少？", [passage])
    assert "2.67万亿元" in said, said


def test_a_spoken_day_question_asks_a_date():
    assert what_is_wanted("2012年政府工作报告是几月几号作的？") == "date"


def test_another_name_of_the_indicator_says_the_head_word():
    # data/indicators.yaml: 技术合同交易额 is 技术合同成交额 under another name
    passage = report_passage("提升平台研发成果转化力度，力争技术合同交易额增长25%，新增科技型中小企业800家。", "某某省", n=1,
                             heading=["二、2026年重点工作"])
    said = answer("某某省2026年技术合同成交额增长目标是多少？", [passage])
    assert "25%" in said, said


def test_by_how_much_is_answered_by_an_amount_of_change():
    passage = report_passage("今年要再压减钢铁产能5000万吨左右，退出煤炭产能1.5亿吨以上，淘汰、停建、缓建煤电产能5000万千瓦以上。",
                             "全国", issued=2017, n=1, heading=["二、2017年重点工作任务"])
    said = answer("By how much did the 2017 report plan to cut steel capacity that year?", [passage])
    assert "5000万吨" in said, said
    # a level asked is no change: "how much steel capacity" is not answered by the cut
    assert not amount_of_change(extract_facts("今年要再压减钢铁产能5000万吨左右。", DocContext(region="全国"))[0],
                                frame_of(analyse("What was the national steel capacity in 2017?")))


@pytest.mark.parametrize("word", ["doctor", "school", "vehicle", "nurse"])  # (teacher removed in session 28: tests/test_english24.py)
def test_a_singular_of_a_plural_term_is_known(word):
    from assistant.english import glossary
    assert glossary()[word] == glossary()[f"{word}s"]


def test_a_status_side_the_reports_lack_is_named():
    review = report_passage("过去一年，城镇新增就业3.8万人，新增农村劳动力转移就业1.2万人。", "某某市", issued=2024, n=1)
    plan = report_passage("今年主要预期目标是：城镇新增就业3万人以上，居民收入稳步增长。", "某某市", issued=2024, n=2,
                          heading=["二、2024年工作安排"])
    said = answer("某某市2023年城镇新增就业目标和实际完成数分别是多少？", [review, plan])
    assert refused(said) and "只有2023年实际的" in said and "3.8万人" in said and "没有2023年目标的" in said, said
