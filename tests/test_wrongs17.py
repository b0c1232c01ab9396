"""Wrong figures with citations and refused dates (session 17). A time relative to the report's year or to a holiday
(今明两年, “五一”前) answers a question asking when; a total asked is not answered by what was newly built; a near
quantity of the thing asked (产能 for 产量) is a near miss, refused with what the reports give; an English reading's
indicator words are read past its asking tail (目标 多少). Passages of our own (tests/passages.py) and the real
functions; no sentence here is in a question set."""
from __future__ import annotations

from assistant.analysis import analyse, analyse_english
from assistant.answer import extractive as ex
from assistant.answer.asked import other_measure
from assistant.answer.types import REFUSAL_EN, REFUSAL_ZH
from tests.passages import answer, report_passage


def _refused(text: str) -> bool:
    return text.startswith((REFUSAL_EN, REFUSAL_ZH))


def _english(question: str, contexts) -> str:
    return ex.answer(question, analyse_english(question), contexts)


def test_a_holiday_deadline_answers_when():
    plan = report_passage("加快城区道路改造，“国庆”前完成人民路、建设路雨污管网改造，年内全部投用。", "甲市", issued=2025,
                          heading=["二、2025年工作安排"])
    text = answer("甲市2025年要求人民路、建设路雨污管网改造在什么时候之前完成？", [plan])
    assert not _refused(text) and "“国庆”前" in text
    assert ex.DATE.search("“国庆”前完成") and ex.DATE.search("春节前") and not ex.DATE.search("国庆节日活动")


def test_the_next_two_years_answer_a_period_asked():
    plan = report_passage("今明两年，要以改革促发展，坚决打好节能降耗攻坚战，推动重点行业能效水平提升。", "全国", issued=2019,
                          heading=["二、2019年政府工作任务"])
    text = answer("2019年政府工作报告说节能降耗攻坚战要在什么时间段打好？", [plan])
    assert not _refused(text) and "今明两年" in text


def test_a_total_asked_is_not_what_was_newly_built():
    question = "What was the total length of Henan's expressway network at the end of 2020?"
    built = report_passage("基础设施支撑能力增强，新建高速公路通车里程超过1200公里，新改建农村公路5万公里。", "河南省",
                           issued=2021)
    assert _refused(_english(question, [built]))
    total = report_passage("基础设施支撑能力增强，高速公路通车总里程达到8000公里，新改建农村公路5万公里。", "河南省",
                           issued=2021)
    assert "8000公里" in _english(question, [total])
    # the length newly built is what a question asking it is answered by
    assert "1200公里" in _english("How many kilometres of new expressways did Henan build in 2020?", [built])


def test_capacity_does_not_answer_output():
    question = "甲省2026年煤炭产量目标是多少？"
    analysis = analyse(question)
    capacity = "加快释放优质产能，力争3处煤矿、产能900万吨/年建成投产。"
    output = "煤炭产量稳定在5亿吨左右，加快释放优质产能。"
    assert other_measure(question, analysis, "力争3处煤矿、产能900万吨/年建成投产", capacity)
    assert not other_measure(question, analysis, "煤炭产量稳定在5亿吨左右", output)
    heading = ["二、2026年工作安排"]
    assert _refused(answer(question, [report_passage(capacity, "甲省", heading=heading)]))
    assert "5亿吨" in answer(question, [report_passage(output, "甲省", heading=heading)])


def test_standard_terms_of_the_glossary():
    assert ["技术经理人"] in analyse_english("How many technology managers will Henan train in 2026?").renderings
    assert ["上云"] in analyse_english("How many firms will move onto the cloud in 2026?").renderings
    assert ["油气当量"] in analyse_english("What oil-and-gas equivalent output is targeted?").renderings


def test_an_english_readings_indicator_words_survive_its_asking_tail():
    from assistant.answer.refusal import indicator_words

    question = "In 2026, to how many counties will Henan extend trusteeship support for county high schools?"
    analysis = analyse_english(question)
    # the reading spaces its words (… 托管 县中 目标 多少): the tail 目标 is cut, not kept as the indicator
    assert {"托管", "县中"} <= set(indicator_words(analysis.question, analysis))
