"""Session 28: when a passage says an English word no list knows (dictionary.said_senses), and when a Chinese
question's missing words only set the scene (refusal.framing_only). Dictionary lookups over a vocabulary given
as a set (the index's vocabulary is the set of its tokens); no index is needed."""
from __future__ import annotations

from assistant.answer.refusal import framing_only, too_many_missing
from assistant.dictionary import candidates, said_senses

VOCABULARY = {"包装", "包装物", "包装纸", "纸", "公立", "公共", "公", "宿舍", "小", "医院", "公众"}


def test_a_word_is_said_by_each_of_its_senses_not_only_its_best():
    # "packaging" is 包装's fourth sense as written, past the senses counted, and its second as "to package"
    assert "包装" in said_senses("packaging", set(VOCABULARY))


def test_a_sense_a_parenthesis_narrows_still_says_the_word():
    # 公立: "public (e.g. school, hospital)"
    assert "公立" in said_senses("public", set(VOCABULARY))


def test_a_narrowed_sense_is_never_searched():
    # candidates() read a lone word only as a whole gloss: 公立 stays out of the search as before
    assert "公立" not in candidates("public", set(VOCABULARY))


def test_a_character_says_a_word_no_longer_headword_translates():
    assert said_senses("paper", set(VOCABULARY)) == ["纸"]


def test_a_character_is_no_sense_when_a_word_of_two_characters_is():
    # 公 would be said by every 公里 and 公司
    assert "公" not in said_senses("public", set(VOCABULARY))


def test_a_character_not_in_the_index_says_nothing():
    assert said_senses("paper", {"包装"}) == []


WORDS = ["民生", "实事", "提升", "建设", "基层", "应急", "消防", "保障"]


def test_missing_words_that_open_the_question_only_set_the_scene():
    assert framing_only(WORDS, ["民生", "实事"])
    assert not too_many_missing(WORDS, "提升建设基层应急消防保障点778个")


def test_missing_words_among_the_said_ones_are_another_thing():
    assert not framing_only(WORDS, ["民生", "消防"])
    assert too_many_missing(WORDS, "提升建设基层应急民生保障点778个")  # 实事, 消防 missing, 消防 between said words


def test_a_qualifier_missing_before_few_words_said_still_refuses():
    words = ["高新", "技术", "企业", "营业", "收入"]
    assert not framing_only(words, ["高新", "技术"])  # 3 said, fewer than twice the 2 missing
    assert too_many_missing(words, "规上工业企业营业收入增长8%")
