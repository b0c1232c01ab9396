"""Session-12 rules of fact extraction, each on sentences written for the test in the reports' style."""
from dataclasses import replace

from assistant.facts.extract import DocContext
from tests.sentence_facts import facts

# a 2026 report whose first section reviews the year first, then the plan it closes
YEAR_FIRST = DocContext(region="江西省", year_issued=2026, year_reviewed=2025, heading="一、2025年和“十四五”时期工作回顾")


def test_a_running_total_in_the_years_part_of_a_plan_review_is_the_years():
    got = facts("一是扎实扩大有效投资。累计争取中央预算内资金420亿元，新开工项目1200个。", YEAR_FIRST)
    assert (got[0].status, got[0].period) == ("cumulative", "2025")
    # once a paragraph turns to the plan (这五年，…) its totals are the plan's
    got = facts("这五年，开放水平不断提升。累计引进外资320亿美元。", YEAR_FIRST)
    assert (got[0].status, got[0].period) == ("cumulative", "十四五")
    # so is a chunk the section has already turned to the plan in
    got = facts("累计引进外资320亿美元。", replace(YEAR_FIRST, plan_part="十四五"))
    assert (got[0].status, got[0].period) == ("cumulative", "十四五")
    # five years named in the sentence itself are the plan's, in either part
    got = facts("五年累计建成高标准农田900万亩。", YEAR_FIRST)
    assert got[0].period == "十四五"


def test_people_whose_problem_was_solved_are_named_in_the_sentences_order():
    nation = DocContext(region="全国", year_issued=2012, year_reviewed=2011, heading="一、过去一年工作回顾")
    got = facts("解决了4500万城镇居民的供暖困难问题。", nation)
    assert [f.indicator for f in got] == ["解决城镇居民供暖困难问题"]



def test_a_running_total_alone_in_a_section_of_no_plan_and_no_year_runs_up_to_the_year_reviewed():
    section = DocContext(region="江西省", year_issued=2026, year_reviewed=2025, heading="一、砥砺奋进，全面完成年度目标任务")
    got = facts("新开通农村客运线路45条，累计惠及120个乡镇。", section)
    assert (got[1].status, got[1].period) == ("cumulative", "2025")
    got = facts("五年来，累计惠及120个乡镇。", section)  # five years said: the plan they close
    assert got[0].period == "十四五"
    got = facts("城乡居民收入年均增长6.2%。", section)  # an average is over the years whatever the section
    assert (got[0].status, got[0].period) == ("average", "十四五")


def test_a_running_total_reaches_no_later_clause_of_a_text_about_one_year():
    got = facts("累计争取上级资金85亿元，支持项目1300余个。")  # 一、2025年工作回顾
    assert [(f.status, f.period) for f in got] == [("cumulative", "2025"), ("actual", "2025")]
    # the items of its own list are still its totals
    got = facts("累计完成造林12万亩、退化林修复8万亩。")
    assert [f.status for f in got] == ["cumulative", "cumulative"]
    # in a text about five years it totals every clause after it, as 五年来 does
    five = DocContext(region="江西省", year_issued=2026, year_reviewed=2025, heading="一、“十四五”时期工作回顾")
    got = facts("累计争取上级资金850亿元，支持项目13000余个。", five)
    assert [(f.status, f.period) for f in got] == [("cumulative", "十四五"), ("cumulative", "十四五")]
    got = facts("这五年，累计争取上级资金850亿元，支持项目13000余个。", YEAR_FIRST)
    assert [(f.status, f.period) for f in got] == [("cumulative", "十四五"), ("cumulative", "十四五")]


def test_a_figure_right_after_per_is_the_unit_of_a_rate_not_a_value():
    got = facts("每10万人刑事案件数下降21.5%，每1万元生产总值能耗下降3%。")
    assert [f.figure for f in got] == ["21.5%", "3%"]
    got = facts("补助标准提高到每人每月600元。")  # a value stated per person is still a value
    assert [f.figure for f in got] == ["600元"]
