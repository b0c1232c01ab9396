"""Answers through the real Assistant: extractive over the seeds, and the LLM chain through a real HTTP server."""
from __future__ import annotations

import json

import pytest

from assistant.answer.types import REFUSAL_ZH


def test_numeric_answer_is_cited_and_verified(seeded):
    answer = seeded.ask("漯河市2020年新增了多少家国家级高新技术企业？", mode="extractive")
    assert "28家" in answer.text and not answer.refused
    assert answer.citations and answer.citations[0].source == "000_47fc14d33372d68f.txt"
    assert "28家" in answer.citations[0].quote
    assert answer.figures and all(f.verified for f in answer.figures)
    assert answer.mode == "extractive" and answer.timings["retrieve"] >= 0


def test_year_picks_the_report_that_reviews_it(seeded):
    answer = seeded.ask("漯河市2023年城镇新增就业多少人？", mode="extractive")
    assert "3.8万人" in answer.text
    assert answer.citations[0].source == "003_f03fcbf8b818b135.txt"


def test_comparison_answers_each_side(seeded):
    answer = seeded.ask("“十三五”期间漯河经开区和尉氏县的生产总值年均增速各是多少？", mode="extractive")
    sources = {c.source for c in answer.citations}
    assert sources == {"001_e24a12bec3ad6067.txt", "004_7fe58714293151c5.txt"}
    assert "8%以上" in answer.text and "6.5%" in answer.text


def test_unanswerable_question_is_refused_with_nearest_passages(seeded):
    answer = seeded.ask("2023年漯河市快递业务量达到多少亿件？", mode="extractive")
    assert answer.refused and answer.text == REFUSAL_ZH
    assert answer.citations == [] and len(answer.contexts) >= 3


def test_an_answer_in_the_wrong_measure_is_refused(seeded):
    # The reports give 养老服务中心5个 for 郾城区 2025, never beds: "5个" must not answer "多少张".
    answer = seeded.ask("郾城区2025年计划新增多少张养老床位？", mode="extractive")
    assert answer.refused, answer.text
    # A rate does not answer a question about a balance (洛阳 gives 贷款余额增长13.1%, no 存款 amount).
    answer = seeded.ask("截至2020年末，洛阳市金融机构人民币各项存款余额是多少？", mode="extractive")
    assert answer.refused, answer.text


def test_a_figure_about_another_indicator_is_refused(seeded):
    # 尉氏县 gives 人均可支配收入 (29578元, 16458元) but no 消费支出: same unit, other indicator.
    answer = seeded.ask("2020年尉氏县农村居民人均消费支出是多少元？", mode="extractive")
    assert answer.refused, answer.text
    # …while the indicator it does give is answered.
    answer = seeded.ask("尉氏县2020年城镇居民和农村居民人均可支配收入各是多少元？", mode="extractive")
    assert "16458元" in answer.text and not answer.refused


def test_english_question_about_an_indicator_the_reports_lack_is_refused(seeded):
    answer = seeded.ask("What was Luoyang's total tourism revenue in 2020?", mode="extractive")
    # refused; like a Chinese figure question it may then cite the nearest figures the reports do give
    assert answer.refused and answer.text.startswith("The documents do not say"), answer.text
    assert "旅游收入" not in " ".join(c.quote for c in answer.citations)
    answer = seeded.ask("How many new national-level high-tech enterprises did Luohe city gain in 2020?", mode="extractive")
    assert "28家" in answer.text


def test_untranslated_english_terms():
    from assistant.answer.refusal import untranslated

    question = "What was Luoyang's total tourism revenue in 2020?"
    assert untranslated(question, "全年社会消费品零售总额达到2105.6亿元") == ["tourism revenue"]
    assert untranslated(question, "实现旅游收入120亿元") == []
    assert untranslated("How many high-tech enterprises?", "新增国家级高新技术企业28家") == []  # "how many" is not a term


def test_indicator_words_and_what_a_passage_lacks():
    from assistant.analysis import analyse
    from assistant.answer.refusal import indicator_words, missing_words

    question = "2020年尉氏县农村居民人均消费支出是多少元？"
    words = indicator_words(question, analyse(question))
    assert {"农村居民", "人均", "消费", "支出"} <= set(words)
    assert missing_words(words, "城镇和农村居民人均可支配收入达到29578元、16458元") == ["消费", "支出"]
    assert missing_words(["城镇", "居民", "城镇居民"], "城镇和农村居民") == []


@pytest.mark.parametrize("question, unit, amount", [
    ("郾城区2025年计划新增多少张养老床位？", "张", True),
    ("尉氏县2020年GDP是多少亿元？", "元", True),
    ("尉氏县2020年一般公共预算收入在全省排第几位？", "", False),
    ("郾城区2025年计划打通哪几条道路？", "", False),
    ("漯河市2021年社会消费品零售总额的预期增速是多少？", "", False),
    ("截至2020年末，洛阳市各项存款余额是多少？", "", True),
])
def test_the_measure_a_question_asks_for(question, unit, amount):
    from assistant.analysis import analyse

    analysis = analyse(question)
    assert (analysis.unit, analysis.amount) == (unit, amount)


def test_measure_matching_in_clauses():
    from assistant.answer.refusal import has_quantity, has_unit

    assert has_unit("新增养老床位1200张", "张") and has_unit("新增企业三家", "家")
    assert not has_unit("打造区域养老服务中心5个以上", "张")
    assert has_unit("地区生产总值达到1.2万亿元", "元")
    assert has_quantity("完成投资884亿元") and not has_quantity("各项贷款余额增长13.1%")


def test_follow_up_borrows_from_history_without_an_llm(seeded):
    history = [{"question": "2023年漯河市财政民生支出是多少？", "answer": "172.3亿元[1]"}]
    answer = seeded.ask("那2020年呢？", history=history, mode="extractive")
    assert answer.analysis["standalone"].startswith("2020年漯河市财政民生支出")


def test_follow_up_to_another_year_answers_from_that_years_report(seeded):
    history = [{"question": "漯河市2020年全年民生支出是多少？", "answer": "全年民生支出165.2亿元[1]。"}]
    answer = seeded.ask("那2023年呢？", history=history, mode="extractive")
    assert "172.3亿元" in answer.text and "165.2" not in answer.text
    assert answer.citations[0].source == "003_f03fcbf8b818b135.txt"


@pytest.mark.parametrize("question", ["", "   ", "？？？", "\x00\x01"])
def test_unusable_questions_get_a_one_line_error(seeded, question):
    from assistant.errors import BadQuestion

    with pytest.raises(BadQuestion) as info:
        seeded.ask(question)
    assert "\n" not in str(info.value)


def test_very_long_question_is_capped(seeded):
    answer = seeded.ask("漯河市2020年新增了多少家国家级高新技术企业？" + "很" * 10000, mode="extractive")
    assert len(answer.question) <= seeded.settings.max_question_chars


def test_readme_python_example_runs(seeded_home, seeded):
    from assistant import Assistant

    assistant = Assistant.open(home=seeded_home)
    assert assistant.ensure_seeded() is None  # already built
    answer = assistant.ask("尉氏县2020年GDP是多少？")
    assert "431.8亿元" in answer.text
    assert [(c.n, c.title) for c in answer.citations][0][1] == "2021年尉氏县政府工作报告"


def test_cli_ask_json_has_the_results_fields(seeded_home, seeded):
    from typer.testing import CliRunner

    from assistant.cli import app

    out = CliRunner().invoke(app, ["--home", str(seeded_home), "ask", "尉氏县2020年GDP是多少？", "--json"])
    assert out.exit_code == 0, out.output
    data = json.loads(out.stdout)
    assert {"answer", "refused", "mode", "citations", "contexts", "latency_ms", "figures"} <= set(data)
    assert data["citations"][0]["source"] == "004_7fe58714293151c5.txt"


# -- the LLM chain through the Assistant, against a real OpenAI-compatible server ----------

@pytest.fixture
def llm_assistant(seeded, llm_server):
    from assistant import Assistant
    from llm_fixtures import make_settings

    settings = make_settings(llm_server, home=seeded.settings.home)
    return Assistant(settings, embedder=seeded.embedder, client=seeded.client)


def test_llm_answer_is_parsed_and_checked(llm_assistant, llm_server):
    llm_server.enqueue("2020年漯河市新增国家级高新技术企业28家[1]。")
    answer = llm_assistant.ask("漯河市2020年新增了多少家国家级高新技术企业？")
    assert answer.mode == "llm" and answer.verified
    assert answer.citations[0].source == "000_47fc14d33372d68f.txt"
    prompt = llm_server.user_prompt()
    assert "漯河市2020年新增了多少家国家级高新技术企业" in prompt and '<passage n="1">' in prompt


def test_llm_invented_figure_is_flagged(llm_assistant, llm_server):
    llm_server.enqueue("2020年漯河市新增国家级高新技术企业35家[1]。")
    answer = llm_assistant.ask("漯河市2020年新增了多少家国家级高新技术企业？")
    assert not answer.verified and any(f.text == "35家" and not f.verified for f in answer.figures)


def test_llm_failure_falls_back_to_the_labelled_extractive_answer(llm_assistant, llm_server):
    for _ in range(llm_assistant.settings.llm_retries + 1):
        llm_server.enqueue_error(500, {"error": {"message": "boom"}})
    answer = llm_assistant.ask("漯河市2020年新增了多少家国家级高新技术企业？")
    assert answer.mode == "extractive (fallback)" and "28家" in answer.text
    assert "LLM unavailable" in answer.notice


def test_llm_streaming_yields_pieces_then_the_answer(llm_assistant, llm_server):
    llm_server.enqueue("尉氏县2020年GDP完成431.8亿元，增长2.5%[1]。")
    pieces = list(llm_assistant.stream("尉氏县2020年GDP是多少？"))
    assert all(isinstance(p, str) for p in pieces[:-1]) and len(pieces) > 2
    assert pieces[-1].text.startswith("尉氏县2020年GDP完成431.8亿元") and pieces[-1].verified


def test_llm_follow_up_is_rewritten_from_history(llm_assistant, llm_server):
    llm_server.enqueue("2020年漯河市财政民生支出是多少？")
    llm_server.enqueue("2020年漯河市财政民生支出165.2亿元[1]。")
    history = [{"question": "2023年漯河市财政民生支出是多少？", "answer": "172.3亿元[1]"}]
    answer = llm_assistant.ask("那2020年呢？", history=history)
    assert answer.analysis["standalone"] == "2020年漯河市财政民生支出是多少？"
    assert "2023年漯河市财政民生支出是多少" in json.dumps(llm_server.requests[0], ensure_ascii=False)


def test_a_list_is_answered_with_its_items(seeded):
    """The sentence naming a list spells it out after 即: the answer keeps the items with the name."""
    from assistant.answer.extractive import clauses

    assert clauses("建成“四个强县”,即经济强县、生态强县,幸福美好家园。") == ["建成“四个强县”,即经济强县、生态强县,", "幸福美好家园。"]
    answer = seeded.ask("尉氏县2021年政府工作报告里提出的2035年远景目标“四个强县”是指哪四个？", mode="extractive")
    assert all(item in answer.text for item in ("经济强县", "生态强县", "开放强县", "文化强县")), answer.text
    assert answer.citations and "即经济强县" in answer.citations[0].quote
