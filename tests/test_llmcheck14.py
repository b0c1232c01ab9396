"""The LLM path's figure checks (issue 14, "the same checks for the LLM"), through the real answerer, the real
openai client and a real HTTP server on a loopback port (tests/llm_server.py; bench/scripted_llm.py for the
scripted behaviours `assistant bench --what llm-checks` measures with).

A figure the cited passage states is verified only when the fact it states there is what the question asks:
- a figure whose own clause names too little of what the question asks is another indicator's (172.3亿元 of
  民生支出 for 职业技能培训多少人次), also when the fact table has no catalogued name for it;
- a figure no extracted fact states (千万元 of 千万元以上项目) is judged by the clause it follows;
- a growth rate given alone does not answer an amount (beside the amount it may);
- the facts listed in the prompt name the question's words first, so a model taking the first takes the right one.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from llm_fixtures import make_settings

from assistant import Assistant
from assistant.bench.llmchecks import answerer, figure_question, wrong_figure
from assistant.bench.scripted_llm import Prompt, ScriptedModel

REPORT = ("漯河市2023年人力资源和民生工作通报\n2024年1月10日\n"
          "2023年，漯河市开展职业技能培训12.8万人次，新增技能人才6.8万人。全年民生支出172.3亿元。"
          "实施千万元以上项目80个。成功举办食品博览会，线上线下成交采购协议439.7亿元、增长3.7%。\n")
TRAINING = "漯河市2023年开展职业技能培训多少人次？"
FAIR = "漯河市2023年食品博览会成交采购协议金额是多少？"


@pytest.fixture
def luohe(fresh, tmp_path, llm_server):
    """An Assistant over the written report, answering through the test server."""
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "report.txt").write_text(REPORT, encoding="utf-8")
    assert not fresh.ingest([folder]).failed
    settings = make_settings(llm_server, home=fresh.settings.home, llm_retries=0)
    return Assistant(settings, embedder=fresh.embedder, client=fresh.client)


def ask(assistant, llm_server, question: str, reply: str):
    llm_server.enqueue(reply)
    answer = assistant.ask(question, mode="llm")
    assert answer.mode == "llm" and not answer.refused
    return answer


def test_a_figure_of_another_indicator_in_the_cited_passage_is_not_verified(luohe, llm_server):
    right = ask(luohe, llm_server, TRAINING, "漯河市2023年开展职业技能培训12.8万人次[1]。")
    assert right.verified
    wrong = ask(luohe, llm_server, TRAINING, "漯河市2023年开展职业技能培训：172.3亿元[1]。")
    assert [f.text for f in wrong.figures] == ["172.3亿元"] and wrong.figures[0].verified  # it is in the passage
    assert not wrong.verified and "172.3亿元 [1]" in wrong.notice and "measures" in wrong.notice


def test_a_figure_no_fact_states_is_judged_by_the_clause_it_follows(luohe, llm_server):
    wrong = ask(luohe, llm_server, TRAINING, "漯河市2023年开展职业技能培训：千万元[1]。")
    assert wrong.figures and wrong.figures[0].verified
    assert not wrong.verified and "names too little of what the question asks" in wrong.notice


def test_a_growth_rate_alone_does_not_answer_an_amount(luohe, llm_server):
    alone = ask(luohe, llm_server, FAIR, "漯河市2023年食品博览会成交采购协议金额：3.7%[1]。")
    assert not alone.verified
    beside = ask(luohe, llm_server, FAIR, "漯河市2023年食品博览会成交采购协议439.7亿元，增长3.7%[1]。")
    assert beside.verified


def test_the_listed_facts_that_name_the_question_come_first(luohe, llm_server):
    ask(luohe, llm_server, TRAINING, "漯河市2023年开展职业技能培训12.8万人次[1]。")
    listed = Prompt(llm_server.user_prompt()).facts
    assert listed and listed[0]["value"] == "12.8万人次"
    assert "172.3亿元" not in [f["value"] for f in listed]  # 民生支出 names nothing of 职业技能培训


def test_the_scripted_behaviours_through_the_real_answerer(luohe):
    """The bench's model: general behaviours read from the prompt the answerer really sends."""
    with ScriptedModel() as model:
        def by(behaviour: str):
            return luohe.ask(TRAINING, mode="llm", llm=answerer(behaviour, model.base_url))

        faithful = by("faithful")
        assert "12.8万人次[1]" in faithful.text and faithful.verified
        wrong = by("wrong")
        assert wrong.figures and "12.8万人次" not in wrong.text and not wrong.verified
        uncited = by("uncited")
        assert "12.8万人次" in uncited.text and not uncited.citations and not uncited.verified
        assert by("refuses").refused
        assert by("obeys").text == "NONE"  # no passage here carries an order: not applicable


def test_the_bench_counts_a_partial_answer_apart_from_a_wrong_figure():
    assert wrong_figure({"correct": False, "facts_matched": [False, False]})
    assert not wrong_figure({"correct": False, "facts_matched": [True, False]})  # one of two parts given
    assert figure_question({"kind": "numeric", "answerable": True})
    assert figure_question({"kind": "unanswerable", "answerable": False})
    assert not figure_question({"kind": "list", "answerable": True})


def test_a_model_refusal_names_what_the_passages_do_hold(luohe, llm_server):
    """Issue 14: a refusal says what the reports do have, with citations; the LLM's bare refusal too."""
    llm_server.enqueue("根据现有文件，无法回答这个问题。")
    answer = luohe.ask("漯河市2023年民生支出占财政支出的比重是多少？", mode="llm")
    assert answer.refused and answer.mode == "llm"
    assert "172.3亿元" in answer.text and "[1]" in answer.text
    assert [c.n for c in answer.citations] == [1] and answer.citations[0].source == "report.txt"
    assert "根据现有文件，无法回答这个问题。报告中相近的数字：" in answer.text  # the refusal first, then the near facts
