"""The fact table over the seeds: stored at ingest, read back as a series (Python, CLI, HTTP)."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import httpx

from assistant.facts.table import from_field, indicator_similarity, to_field
from test_serve import Served

LUOHE_SPENDING = {("2020", "165.2亿元"), ("2023", "172.3亿元")}


def amounts(rows):
    return {(r["period"], r["figure"]) for r in rows if r["status"] == "actual" and r["measure"] == "amount"}


def test_every_seed_chunk_carries_its_facts_and_they_read_back(seeded):
    chunks = seeded.index.all_chunks()
    assert chunks and all(c.facts_field is not None for c in chunks)
    stored = [f for c in chunks for f in from_field(c.facts_field, c.chunk_id, c.text)]
    assert len(stored) > 500
    for fact in stored[:200]:  # offsets point at the figure in the chunk text, the sentence is re-cut around it
        chunk = next(c for c in chunks if c.chunk_id == fact.chunk_id)
        assert chunk.text[fact.start:fact.end].replace(" ", "") == fact.figure.replace(" ", "")
        assert fact.figure in fact.sentence
    again = from_field(to_field(stored[:5]), stored[0].chunk_id, "")
    assert [(f.indicator, f.value) for f in again] == [(f.indicator, f.value) for f in stored[:5]]
    assert from_field("not json", "x", "") == []  # a damaged field costs that chunk's facts only


def test_a_series_in_python_lists_both_years_as_actuals_with_citations(seeded):
    rows = seeded.facts("民生支出", place="漯河市", status="actual")
    got = amounts([r.to_dict() for r in rows])
    assert LUOHE_SPENDING <= got
    for row in rows:
        assert row.fact.figure in row.chunk.text and row.chunk.source.endswith(".txt")
    assert [r.fact.period for r in rows] == sorted(r.fact.period for r in rows)
    assert not seeded.facts("民生支出", place="尉氏县", status="actual", measure="amount") or all(
        r.fact.place == "尉氏县" for r in seeded.facts("民生支出", place="尉氏县"))


def test_synonyms_come_from_the_data_file():
    assert indicator_similarity("GDP", "地区生产总值") == 1.0
    assert indicator_similarity("民生支出", "财政民生支出") == 1.0
    assert indicator_similarity("民生支出", "粮食产量") < 0.5


def test_cli_facts_json(seeded, seeded_home):
    env = {**os.environ, "ASSISTANT_HOME": str(seeded_home)}
    done = subprocess.run([sys.executable, "-m", "assistant", "facts", "民生支出", "--place", "漯河市", "--json"],
                          capture_output=True, text=True, env=env, timeout=300)
    assert done.returncode == 0, done.stderr
    rows = json.loads(done.stdout)
    assert LUOHE_SPENDING <= amounts(rows)
    assert all(r["source"] and r["quote"] for r in rows)


def test_http_facts(seeded):
    from assistant.serve.app import create_app

    with Served(create_app(seeded)) as served, httpx.Client(base_url=served.url, timeout=60) as client:
        body = client.get("/v1/facts", params={"indicator": "民生支出", "place": "漯河市", "from": 2020,
                                               "to": 2023, "status": "actual"}).json()
        assert LUOHE_SPENDING <= amounts(body["facts"])
        bad = client.get("/v1/facts", params={"indicator": "民生支出", "status": "maybe"})
        assert bad.status_code == 422 and "\n" not in bad.json()["error"]


def test_a_series_question_in_chat_answers_each_year_with_its_citation(seeded):
    answer = seeded.ask("漯河市历年民生支出", mode="extractive")
    assert not answer.refused
    assert answer.text.index("2020年165.2亿元") < answer.text.index("2023年172.3亿元")  # oldest first
    cited = {c.n: c for c in answer.citations}
    assert len(cited) == 2 and all(f.verified for f in answer.figures)
    assert "165.2亿元" in cited[1].text and "172.3亿元" in cited[2].text


def test_a_series_question_keeps_to_its_indicator_and_says_when_one_year_is_all_there_is(seeded):
    from assistant.analysis import analyse
    from assistant.answer.series import asks_series, indicator_asked, series_answer

    gdp = seeded.ask("漯河市历年地区生产总值", mode="extractive").text
    assert "1500亿元" in gdp and "6万元" not in gdp and "只有这一年" in gdp  # 人均生产总值 is another indicator
    assert indicator_asked(analyse("漯河市历年民生支出是多少")) == "民生支出"
    assert not asks_series(analyse("漯河市2020年民生支出是多少")) and asks_series(analyse("漯河市民生支出历年变化"))
    assert series_answer(seeded.index.all_chunks(), analyse("漯河市历年火星基地数量")) is None  # nothing: usual path


def test_a_comparison_of_two_years_gives_the_change_from_the_earlier_one(seeded):
    answer = seeded.ask("漯河市2020年和2023年的民生支出分别是多少？", mode="extractive")
    assert "2023年（172.3亿元）高于2020年（165.2亿元），多7.1亿元（+4.3%）" in answer.text
    assert all(f.verified for f in answer.figures) and {c.source for c in answer.citations} == {
        "000_47fc14d33372d68f.txt", "003_f03fcbf8b818b135.txt"}


def test_a_target_list_s_grain_production_is_grain_output():
    """A target list writes "粮食生产36亿斤左右" for the grain output it plans: one indicator under either name."""
    from assistant.facts.table import indicator_similarity

    assert indicator_similarity("粮食产量", "粮食生产") >= 0.99
    assert indicator_similarity("粮食产量", "粮食种植面积") < 0.99
