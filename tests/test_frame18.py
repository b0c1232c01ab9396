"""A frame's indicators: the reading's own words plus the renderings of the English terms the question writes as
words of their own.

A term joined by a hyphen to another word is a piece of a compound naming something else ("trade-in subsidies",
"economy-stabilising measures"), and a form the reading derived ("trading volume") is no name of the term either:
their renderings (进出口, 经济总量) stay search words, but do not make the question ask that indicator, so a fact on
trade-in subsidies or a trading volume is not refused for disagreeing with an indicator never asked. A term written
alone ("foreign trade", "the bigger economy") still names its indicator, and a fact about something else still
disagrees with it."""
from assistant.analysis import analyse
from assistant.facts.extract import DocContext, extract_facts
from assistant.facts.frame import frame_of, indicator_words, stands_alone
from assistant.facts.match import disagreements

DOC = DocContext(region="漯河市", year_issued=2021, year_reviewed=2020)
TEXT = "2020年全市汽车以旧换新补贴资金投入5000万元。全市进出口总额完成120亿元。全年交易额达到30亿元。"


def fact_of(indicator):
    return next(f for f in extract_facts(TEXT, DOC) if f.indicator == indicator)


def test_a_term_inside_a_hyphenated_compound_or_a_derived_form_names_no_indicator():
    asked = frame_of(analyse("How much money went into car trade-in subsidies in Luohe in 2020?"))
    assert "进出口" not in asked.indicators
    assert "indicator" not in disagreements(fact_of("汽车以旧换新补贴资金投入"), asked, 2021)
    trading = frame_of(analyse("What trading volume did Luohe reach in 2020?"))
    assert "indicator" not in disagreements(fact_of("交易额"), trading, 2021)
    measures = frame_of(analyse("How many economy-stabilising measures did Luohe roll out in 2020?"))
    assert "经济总量" not in measures.indicators


def test_a_term_written_alone_still_names_its_indicator():
    asked = frame_of(analyse("What was Luohe's foreign trade in 2020?"))
    assert "进出口总额" in asked.indicators
    assert "indicator" not in disagreements(fact_of("进出口总额"), asked, 2021)
    assert "indicator" in disagreements(fact_of("交易额"), asked, 2021)  # a near miss is still another indicator
    assert "进出口" in indicator_words(analyse("What was Luohe's foreign trade in 2020?"))
    assert "经济总量" in frame_of(analyse("Which had the bigger economy in 2020, Luohe or Xuchang?")).indicators


def test_stands_alone():
    assert stands_alone("trade", "how did trade grow")
    assert not stands_alone("trade", "subsidies for trade-ins")
    assert not stands_alone("economy", "economy-stabilising measures")
    assert stands_alone("foreign trade", "its foreign-trade volume")  # the term whole, hyphen or not


def test_the_reading_s_own_words_still_name_an_indicator():
    assert "地区生产总值" in frame_of(analyse("What was Luohe's GDP in 2020?")).indicators
    assert "地区生产总值" in frame_of(analyse("漯河市2020年GDP是多少？")).indicators
