"""Wrong answers with citations (session 15): a figure that does not answer the question, shown with a citation.
A year's end asked (2015年末, at the end of 2015) is an achieved level, not that year's plan; a growth rate asked is
not answered by a clause stating no rate; an English "how many <things>" is not answered by sums, rates or points;
a sentence sharing only the name of the event asked about states another of its figures.
Passages of our own (tests/passages.py) and the real functions; no sentence here is in a question set."""
from __future__ import annotations

from assistant.analysis import analyse, analyse_english
from assistant.answer.asked import only_event_said, outside_event_names
from assistant.answer.refusal import answers_measure, asks_count, has_count, states_a_rate
from assistant.answer.types import REFUSAL_EN, REFUSAL_ZH
from assistant.facts.frame import frame_of
from tests.passages import answer, report_passage


def _refused(text: str) -> bool:
    return text.startswith((REFUSAL_EN, REFUSAL_ZH))


def test_a_year_end_asked_is_an_achieved_level():
    assert frame_of(analyse("2019年末全省城镇登记失业率是多少？")).status_named
    assert frame_of(analyse("截至2019年底全省高速公路通车里程是多少公里？")).status_named
    # a plan's deadline (到…年底) names no status; a target named stays a target
    assert not frame_of(analyse("到2025年底全省5G基站达到多少个？")).status_named
    assert frame_of(analyse("2025年末全省常住人口目标是多少？")).status == "target"


def test_the_years_plan_does_not_answer_its_year_end():
    plan = report_passage("今年经济社会发展的主要预期目标是：城镇新增就业60万人以上，城镇登记失业率4.5%以内。",
                          "甲省", issued=2019, heading=["二、2019年工作安排"])
    assert _refused(answer("2019年末甲省城镇登记失业率是多少？", [plan]))
    review = report_passage("2019年末，全省城镇登记失业率为3.2%，城镇新增就业62万人。", "甲省", issued=2020)
    assert "3.2%" in answer("2019年末甲省城镇登记失业率是多少？", [review, plan])


def test_a_rate_asked_needs_a_clause_that_may_state_one():
    assert not states_a_rate("迅速推出扩大内需、促进经济增长的十项措施")
    assert states_a_rate("经济增长8%左右") and states_a_rate("增长一倍") and states_a_rate("增长百分之八")
    analysis = analyse("甲省2019年经济增速目标是多少？")
    assert analysis.wants == "rate"
    assert not answers_measure("迅速推出扩大内需、促进经济增长的十项措施", analysis)
    assert answers_measure("地区生产总值增长8%左右", analysis)


def test_an_english_count_asked_is_no_sum_rate_or_points():
    counted = analyse_english("How many visitors came to the city's tea fair?")
    assert asks_count(counted)
    assert not asks_count(analyse_english("How many billion yuan did the fair sign?"))
    assert not has_count("签约金额120亿元、增长5.2%")
    assert has_count("接待客商12万人次") and has_count("开行3200列") and has_count("装机386万千瓦")
    assert not answers_measure("茶博会签约金额120亿元、增长5.2%", counted)
    assert answers_measure("茶博会接待客商12万人次", counted)


def test_an_event_named_is_where_the_figure_is_of_not_what_it_measures():
    assert outside_event_names(["游客", "博会"], "甲市 游客 茶博会 多少") == ["游客"]
    assert outside_event_names(["成交额"], "进博会 成交额 多少") == ["成交额"]
    analysis = analyse("甲市第五届茶博会接待游客多少人次？")
    assert only_event_said("甲市第五届茶博会接待游客多少人次？", analysis, "成功举办第五届茶博会，签约金额120亿元")
    assert not only_event_said("甲市第五届茶博会接待游客多少人次？", analysis, "第五届茶博会接待游客35万人次")
    # no event named: left to the indicator checks
    plain = analyse("甲市接待游客多少人次？")
    assert not only_event_said("甲市接待游客多少人次？", plain, "签约金额120亿元")


def test_a_sentence_naming_only_the_event_is_refused():
    deals = report_passage("成功举办第五届茶博会，线上线下签约金额120亿元、增长5.2%。新建茶园2万亩。", "甲市")
    assert _refused(answer("甲市第五届茶博会接待游客多少人次？", [deals]))
    visitors = report_passage("成功举办第五届茶博会，接待游客35万人次，签约金额120亿元。", "甲市")
    assert "35万人次" in answer("甲市第五届茶博会接待游客多少人次？", [visitors])


def test_two_things_asked_side_by_side_are_answered_together():
    from assistant.answer.extractive import with_asked_clauses

    sentence = "到2027年，茶叶产业综合产值达到80亿元，年出口额达到3亿美元，带动就业2万人。"
    span = "到2027年，茶叶产业综合产值达到80亿元"
    joined = with_asked_clauses(span, sentence, ["综合产值", "出口"])
    assert joined.endswith("年出口额达到3亿美元")  # the next thing asked joined; the clause after, asked of nothing, not
    assert with_asked_clauses(span, sentence, ["综合产值"]) == span
    said = answer("甲市茶叶产业到2027年的综合产值和年出口额目标分别是多少？",
                  [report_passage(sentence, "甲市", issued=2025, heading=["二、2025年工作安排"])])
    assert "80亿元" in said and "3亿美元" in said, said


def test_things_counted_in_money_are_no_count():
    assert not asks_count(analyse_english("How many special-purpose bonds did the province issue in 2025?"))
    assert asks_count(analyse_english("How many new schools opened in 2025?"))
