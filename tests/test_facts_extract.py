"""Fact extraction on sentences in the reports' own style (no index needed)."""
from assistant.facts.extract import DocContext, extract_facts
from assistant.places import gazetteer_book

find_places = gazetteer_book().find_places  # a sentence read outside any index

CITY_2021 = DocContext(region="漯河市", year_issued=2021, year_reviewed=2020, heading="（八）民生福祉持续增进")


def rows(text, doc=CITY_2021):
    return [(f.place, f.period, f.indicator, f.value, f.unit, f.measure, f.status)
            for f in extract_facts(text, doc, find_places)]


def test_amount_and_share_of_one_sentence():
    assert rows("全年民生支出165.2亿元，占一般公共预算支出的70.9%。") == [
        ("漯河市", "2020", "民生支出", 165.2, "亿元", "amount", "actual"),
        ("漯河市", "2020", "民生支出占一般公共预算支出", 70.9, "%", "share", "actual"),
    ]


def test_items_of_a_list_each_measure_their_own_indicator():
    got = rows("新增城镇就业3.8万人、农村劳动力转移就业1万人、高校毕业生就业2631人。")
    assert [(r[2], r[3], r[4]) for r in got] == [("新增城镇就业", 3.8, "万人"), ("农村劳动力转移就业", 1.0, "万人"),
                                                  ("高校毕业生就业", 2631.0, "人")]


def test_targets_of_the_issue_year_and_growth_rates():
    got = rows("2021年主要预期目标是：地区生产总值增长7%左右，一般公共预算收入增长5%，城镇新增就业3万人。")
    assert got == [
        ("漯河市", "2021", "地区生产总值", 7.0, "%", "growth", "target"),
        ("漯河市", "2021", "一般公共预算收入", 5.0, "%", "growth", "target"),
        ("漯河市", "2021", "城镇新增就业", 3.0, "万人", "count", "target"),
    ]


def test_a_growth_figure_without_its_own_indicator_takes_the_one_before():
    got = rows("一般公共预算收入26.7亿元,增长3.5%,全市排名第一。")
    assert got == [("漯河市", "2020", "一般公共预算收入", 26.7, "亿元", "amount", "actual"),
                   ("漯河市", "2020", "一般公共预算收入", 3.5, "%", "growth", "actual")]


def test_five_year_review_is_cumulative_over_the_plan_and_average_rates():
    got = rows("这五年，全市生产总值突破1500亿元。固定资产投资年均增长10.9%，高于全省1个百分点。\n新增城镇就业23万人。")
    assert got[0][:3] == ("漯河市", "十三五", "生产总值") and got[0][6] == "cumulative"
    assert got[1][1:3] == ("十三五", "固定资产投资") and got[1][5:] == ("growth", "average")
    assert len(got) == 3, "a gap to the province (高于全省1个百分点) is not a value of its own"
    assert got[2][1] == "2020", "the five-year context ends with its paragraph"


def test_the_clause_place_wins_over_the_document_place_and_chinese_numerals_are_read():
    got = rows("郾城区实际利用外资4.37亿美元，增长百分之八点五。")
    assert got == [("郾城区", "2020", "实际利用外资", 4.37, "亿美元", "amount", "actual"),
                   ("郾城区", "2020", "实际利用外资", 8.5, "%", "growth", "actual")]


def test_falls_are_negative_and_base_values_carry_the_multiplier():
    facts = extract_facts("单位生产总值能耗下降3.2%，新增城镇就业3.8万人。", CITY_2021)
    assert (facts[0].measure, facts[0].value) == ("growth", -3.2)
    assert facts[1].base_value == 38000


def test_years_ordinals_and_lone_counters_are_not_figures():
    assert rows("2020年是第一批试点，打造一个中心。") == []
