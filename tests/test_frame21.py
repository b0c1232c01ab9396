"""frame21: a fact's indicator continuing the clause before carries that clause's qualifiers (match.continued_name),
and a question asking 扩大到/提高到多少 asks a level, not a change (asked.asks_change)."""
from assistant.analysis import analyse
from assistant.facts.extract import doc_context, extract_facts
from assistant.facts.frame import frame_of
from assistant.answer.asked import asks_change, head_unsaid
from assistant.facts.match import continued_name, disagreements

REPORT_2010 = doc_context({"region": "全国", "year_issued": 2010, "year_reviewed": 2009}, "二、2010年主要任务")


def _fact(sentence: str, figure: str):
    return next(f for f in extract_facts(sentence, REPORT_2010) if f.figure == figure)


# -- a name continued from the clause before; 扩大到多少 asks a level -----------------------------------------


PENSION = "扎实推进新型农村社会养老保险试点，试点范围扩大到23％的县。"


def test_an_indicator_continuing_the_clause_before_carries_its_qualifiers():
    fact = _fact(PENSION, "23％")
    assert fact.indicator == "试点范围"
    assert continued_name(fact) == "扎实推进新型农村社会养老保险试点范围"
    analysis = analyse("2010年新型农村社会养老保险试点要扩大到多少比例的县？")
    assert "indicator" not in disagreements(fact, frame_of(analysis), 2010)


def test_a_qualifier_of_another_clause_is_not_borrowed():
    # the clause before ends in another word: its 农村 is another thing's, and 城镇 is not 农村
    fact = _fact("农村居民收入增长较快，城镇居民人均可支配收入增长7.8％。", "7.8％")
    assert continued_name(fact) == ""
    assert "indicator" in disagreements(fact, frame_of(analyse("2010年农村居民人均可支配收入增长多少？")), 2010)
    # a clause before ending in the word, but naming another qualifier than the one asked, still differs
    fact = _fact("稳步推进城镇职工医保试点，试点范围扩大到80％的城市。", "80％")
    assert continued_name(fact).startswith("稳步推进城镇职工医保试点")
    assert "indicator" in disagreements(fact, frame_of(analyse("2010年新型农村社会养老保险试点要扩大到多少比例的县？")), 2010)


def test_a_change_word_before_dao_asks_a_level():
    assert asks_change("上海进口增长多少？")
    assert asks_change("城镇化率提高了几个百分点？")
    assert not asks_change("试点要扩大到多少比例的县？")
    assert not asks_change("基础养老金提高到多少元？")
    assert asks_change("提高到多少元？比上年提高多少？")  # one change word asking a change is enough


def test_level_question_is_not_refused_for_its_head_word():
    question = "2010年新型农村社会养老保险试点要扩大到多少比例的县？"
    span = "扎实推进新型农村社会养老保险试点，试点范围扩大到23％的县"
    assert not head_unsaid(question, analyse(question), span, PENSION)
    # a change asked still wants its head word in the figure's lead (销量 asked, 产量 said)
    question = "浙江省新能源汽车销量增长了多少？"
    text = "新能源汽车、集成电路产量分别增长49.8%、11.9%。"
    assert head_unsaid(question, analyse(question), "新能源汽车、集成电路产量分别增长49.8%、11.9%", text)
