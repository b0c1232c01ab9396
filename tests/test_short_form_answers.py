"""A question's short form answered from a passage that writes its long form (新农合 / 新型农村合作医疗): the
fact's indicator fit (facts.match.spelled_out), the words the answer must hold (refusal.long_words) and the
answerer end to end, by the rule retrieval reads short forms with (assistant/abbreviations.py).

The sentences are written for these tests, in the manner of work reports.
"""
from __future__ import annotations

from assistant.analysis import analyse
from assistant.answer import extractive as ex
from assistant.answer.refusal import long_words, too_many_missing
from assistant.documents import Chunk, ScoredChunk
from assistant.facts.extract import doc_context, extract_facts
from assistant.facts.frame import frame_of
from assistant.facts.match import disagreements, spelled_out

REVIEW = ("2020年，城镇职工基本养老保险参保人数达到320万人，新型农村合作医疗参合人数达到510万人，"
          "农村居民人均可支配收入增长7.2%。")


def passage(text: str) -> ScoredChunk:
    meta = {"source": "y.txt", "title": "某省政府工作报告（2021年）", "region": "某省", "doc_id": "y",
            "doc_kind": "government_work_report", "year_issued": 2021, "year_reviewed": 2020}
    chunk = Chunk(chunk_id="y:0001", doc_id="y", text=text, start=0, end=len(text),
                  heading_path=["一、2020年工作回顾"], page=None, metadata=meta)
    return ScoredChunk(chunk=chunk, score=1.0)


def fact_of(text: str, figure: str):
    return next(f for f in extract_facts(text, doc_context({"region": "某省", "year_issued": 2021}))
                if f.figure == figure)


def test_the_long_form_in_a_facts_name_is_found_for_the_questions_short_form():
    assert spelled_out("某省2020年新农合参合多少人？", "新型农村合作医疗参合人数") == ["新型农村合作医疗"]
    assert spelled_out("某省2020年新农合参合多少人？", "城镇职工基本养老保险参保人数") == []
    # the short form written as it is: nothing to spell out
    assert spelled_out("某省2020年新农合参合多少人？", "新农合参合人数") == []


def test_a_qualifier_inside_the_long_form_is_asked_not_added():
    frame = frame_of(analyse("某省2020年新农合参合多少人？"))
    cover = fact_of(REVIEW, "510万人")
    assert "农村" in cover.indicator
    assert "indicator" not in disagreements(cover, frame)
    # 农村 of another indicator (rural incomes) is still another indicator for a question without it
    frame_income = frame_of(analyse("某省2020年居民人均可支配收入增长多少？"))
    assert "indicator" in disagreements(fact_of(REVIEW, "7.2%"), frame_income)


def test_the_words_of_a_short_form_count_as_said_by_its_long_form():
    question = "某省2020年新农合覆盖多少人？"
    words = ["新农", "覆盖"]  # the tokenizer's pieces of 新农合, less the lone character, and a generic measure
    text = "2020年，新型农村合作医疗覆盖510万人，城乡居民大病保险全面实施。"
    assert too_many_missing(words, text)  # the thing named first absent, only the measure there
    assert long_words(words, question, text)[0] == "新型农村合作医疗"
    assert not too_many_missing(long_words(words, question, text), text)
    # a passage that only shares a piece (新农村) spells no long form out
    assert long_words(words, question, "新农村建设扎实推进，覆盖全部行政村。") == words


def test_the_answerer_gives_the_figure_of_the_long_form_and_not_its_neighbours():
    question = "某省2020年新农合参合多少人？"
    text = ex.answer(question, analyse(question), [passage(REVIEW)])
    assert "510万人" in text and "[1]" in text
    assert "7.2%" not in text


def test_a_date_asked_of_an_indicator_is_found_under_another_of_its_names():
    from assistant.answer.asked import subject_unnamed

    analysis = analyse("研发投入强度是从哪一年的2.1%提高上来的？")
    # the intensity written as R&D spending's share of output (a name of its group in data/indicators.yaml)
    said = "全市研发经费支出占地区生产总值比重由2016年的2.1%提高到2.6%。"
    assert not subject_unnamed(analysis, said)
    # a passage on another thing sharing no name of it still does not answer
    assert subject_unnamed(analysis, "技术合同成交额由2016年的21亿元提高到46亿元。")
    # a thing that is no indicator keeps the rule on its own pieces
    assert subject_unnamed(analyse("预制菜装备产业园什么时候开工？"), "液压科技产业园2023年开工建设。")


def test_a_qualifier_in_the_figures_own_clause_qualifies_it():
    frame = frame_of(analyse("某省2020年低保对象补助标准人均提高了多少？"))
    text = "2020年，连续第5年提高低保对象补助标准，全年人均提高360元，惠及120万人。"
    raised = fact_of(text, "360元")
    assert "人均" not in raised.indicator  # named in the clause before
    assert "indicator" not in disagreements(raised, frame)
    # the per-head qualifier in another clause than the figure's does not qualify it
    total = fact_of("2020年，低保对象补助标准提高，人均得到实惠，全年共发放资金36亿元。", "36亿元")
    assert "indicator" in disagreements(total, frame)


def test_a_rough_figure_keeps_its_unit():
    from assistant.answer.refusal import has_quantity, has_unit

    assert has_unit("推广高效电机300多万台", "台")
    assert has_unit("改造老旧小区1200余个", "个")
    assert not has_unit("多个项目开工", "个")  # no numeral: no figure
    assert not has_unit("推广高效电机300多万千瓦", "台")  # another unit
    assert has_quantity("新增就业60余万人")
    question = "某省2020年推广高效电机多少台？"
    text = ex.answer(question, analyse(question), [passage("2020年，实施节能惠民工程，推广高效电机300多万台。")])
    assert "300多万台" in text and "[1]" in text
