"""Two ways of asking an achieved change that the answerer misread (session 26):
- 实际 standing alone (国内生产总值实际增长多少, 粮食产量实际是多少) says the achieved value is asked; it was read as a
  word of the indicator, which a passage stating the figure does not write (比上年增长7.4% of 国内生产总值);
- 上涨多少 asks a rate of change as 增长多少 does; read as an amount, a price index's rise (居民消费价格
  涨幅回落到2.6%) disagreed with the question's measure and was refused.
Sentences written for the tests (general report language); real extractive answerer."""
from __future__ import annotations

from assistant.analysis import analyse, what_is_wanted
from assistant.answer.refusal import indicator_words
from tests.passages import answer, refused, report_passage


def test_a_lone_value_mark_is_no_word_of_the_indicator():
    question = "2025年某某市地区生产总值实际增长多少？"
    assert "实际" not in indicator_words(question, analyse(question))
    assert "生产总值" in " ".join(indicator_words(question, analyse(question)))
    # inside a name the name keeps it
    named = "2025年某某市实际利用外资多少？"
    assert any("实际" in word for word in indicator_words(named, analyse(named)))


def test_a_rise_asks_a_rate():
    assert what_is_wanted("2025年某某市居民消费价格上涨多少？") == "rate"
    # a bare 涨 is left alone: "2025年和2020年比，涨了多少" asks the difference of two levels
    assert what_is_wanted("2025年某某市居民消费价格涨幅是多少？") == "rate"


def test_a_price_rise_is_answered_by_its_rate():
    passage = report_passage("物价总体平稳，居民消费价格涨幅回落到2.6%，城镇新增就业5.2万人。", "某某市", n=1)
    said = answer("某某市2025年居民消费价格上涨了多少？", [passage])
    assert not refused(said) and "2.6%" in said
