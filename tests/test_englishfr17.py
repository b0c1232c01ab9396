"""English figure questions refused although the answer is in hand (session 17): a report as the doer of "did"
("How much … did the 2015 government work report allocate?") asks what the report set out, its own year's plan; a
plan period written as an FYP; a year said after the thing it dates. Real functions over passages of our own."""
from __future__ import annotations

from assistant.analysis import analyse
from assistant.answer.asked import asks_achieved
from tests.passages import answer, refused, report_passage

PLAN_2015 = report_passage("积极的财政政策要加力增效。今年拟安排中央预算内投资5600亿元，比去年增加200亿元。"
                           "中央财政拟投入480亿元用于促进就业。", "全国", issued=2015,
                           heading=["二、2015年工作总体部署"])


def test_a_report_doing_is_no_figure_asked_as_done():
    # the report allocates, proposes, announces: what it says of its own year is the plan
    assert not asks_achieved(analyse("How much central budget investment did the 2015 government work report "
                                     "allocate for 2015?"))
    assert not asks_achieved(analyse("How much central budget investment did the 2015 report propose?"))


def test_a_thing_done_is_still_asked_as_done():
    assert asks_achieved(analyse("How many urban jobs did Ningzhou create in 2025?"))
    # the report named as the source, the doer another: still a figure done
    assert asks_achieved(analyse("According to the 2015 report, how much did the city invest in 2014?"))


def test_the_report_year_plan_answers_what_the_report_allocated():
    text = answer("How much central budget investment did the 2015 government work report allocate?", [PLAN_2015])
    assert "5600亿元" in text, text


def test_another_years_report_still_refused():
    # the 2016 report's allocation asked, only the 2015 report's plan at hand: another year's figure
    text = answer("How much central budget investment did the 2016 government work report allocate?", [PLAN_2015])
    assert refused(text), text


PLAN_14 = report_passage("“十四五”期间,力争研发经费投入强度达到2.5%。", "漯河市", issued=2021, kind="plan",
                         heading=["第二章 主要目标"])


def test_a_plan_written_as_fyp_is_the_plan_period():
    assert analyse("How many jobs did Luohe add during the 13th FYP?").periods == ["十三五"]
    assert analyse("What R&D intensity is Luohe targeting during the 14th FYP?").periods == ["十四五"]


def test_a_target_over_a_plan_written_as_fyp_is_answered():
    text = answer("What R&D intensity is Luohe targeting during the 14th FYP?", [PLAN_14])
    assert "2.5%" in text, text


def test_the_thing_named_before_the_year_is_the_indicator():
    from assistant.answer.refusal import indicator_words

    question = "宁州市普惠性托育机构2025年增加到多少家？"
    words = indicator_words(question, analyse(question))
    assert "托育" in words and "机构" in words, words
    # a year before the thing: the words after it, as before
    question = "2025年宁州市新增多少家普惠性托育机构？"
    assert "托育" in indicator_words(question, analyse(question))


CARE = report_passage("托育服务扩容提质，普惠性托育机构增至86家，每千人口托位数达到4.5个。", "漯河市", issued=2026,
                      heading=["一、2025年工作回顾"])


def test_the_year_after_the_thing_answers_from_the_things_clause():
    text = answer("漯河市普惠性托育机构2025年增加到多少家？", [CARE])
    assert "86家" in text, text


def test_another_thing_after_the_year_still_refused():
    text = answer("漯河市养老服务机构2025年增加到多少家？", [CARE])
    assert refused(text), text
