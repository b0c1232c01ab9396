"""A frame's indicators: the reading's own words and the renderings of multi-word English terms only.

A one-word term's other renderings ("trade": 贸易 进出口) are senses of a broad word; they stay search words but do
not make the question ask a foreign-trade total, so a fact on trade-in subsidies or a trading volume is not refused
for disagreeing with an indicator the question never named. A multi-word term ("foreign trade") names one thing,
so its renderings still make the indicator, and a fact about something else still disagrees."""
from assistant.analysis import analyse
from assistant.facts.extract import DocContext, extract_facts
from assistant.facts.frame import frame_of, indicator_words
from assistant.facts.match import disagreements

DOC = DocContext(region="漯河市", year_issued=2021, year_reviewed=2020)
TEXT = "2020年全市汽车以旧换新补贴资金投入5000万元。全市进出口总额完成120亿元。全年交易额达到30亿元。"


def fact_of(indicator):
    return next(f for f in extract_facts(TEXT, DOC) if f.indicator == indicator)


def test_a_one_word_term_does_not_bring_its_other_renderings_into_the_indicators():
    asked = frame_of(analyse("How much money went into car trade-in subsidies in Luohe in 2020?"))
    assert "进出口" not in asked.indicators
    assert "indicator" not in disagreements(fact_of("汽车以旧换新补贴资金投入"), asked, 2021)
    trading = frame_of(analyse("What trading volume did Luohe reach in 2020?"))
    assert "indicator" not in disagreements(fact_of("交易额"), trading, 2021)


def test_a_multi_word_term_still_names_its_indicator():
    asked = frame_of(analyse("What was Luohe's foreign trade in 2020?"))
    assert "进出口总额" in asked.indicators
    assert "indicator" not in disagreements(fact_of("进出口总额"), asked, 2021)
    assert "indicator" in disagreements(fact_of("交易额"), asked, 2021)  # a near miss is still another indicator
    assert "进出口" in indicator_words(analyse("What was Luohe's foreign trade in 2020?"))


def test_the_reading_s_own_words_still_name_an_indicator():
    assert "地区生产总值" in frame_of(analyse("What was Luohe's GDP in 2020?")).indicators
    assert "地区生产总值" in frame_of(analyse("漯河市2020年GDP是多少？")).indicators
