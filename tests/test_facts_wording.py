"""Fact extraction: report wording that decides what a figure is (session 7 rules).

Each test states one rule of report language with sentences written for it in the reports' style, not
taken from the labelled set or any question set.
"""
from assistant.facts.extract import DocContext, extract_facts
from assistant.places import gazetteer_book

find_places = gazetteer_book().find_places


def facts(text, heading="一、2025年工作回顾", plan_part="", **doc):
    doc = {"region": "湖南省", "year_issued": 2026, "year_reviewed": 2025, **doc}
    return extract_facts(text, DocContext(heading=heading, plan_part=plan_part, **doc), find_places)


def by_figure(text, **kw):
    return {f.figure: f for f in facts(text, **kw)}


def test_a_count_of_the_reports_own_items_is_no_figure():
    got = by_figure("上述6项改革举措，是今年工作的重点；以上4个方面任务，要抓好落实。新建学校12所。")
    assert set(got) == {"12所"}


def test_a_fall_verb_opening_a_clause_with_an_amount_states_the_amount_cut():
    got = by_figure("压减煤炭消费量800万吨，削减化学需氧量1.2万吨，减少农村贫困人口30万。")
    assert (got["800万吨"].value, got["800万吨"].measure) == (800, "amount")
    assert (got["1.2万吨"].value, got["1.2万吨"].measure) == (1.2, "amount")
    assert (got["30万"].value, got["30万"].measure) == (-30, "change"), "a count of people falls"


def test_a_cut_in_a_plan_review_is_a_total_over_the_plan():
    got = by_figure("压减地表水取用量3.4亿立方米。", heading="一、“十四五”时期工作回顾", plan_part="十四五")
    assert (got["3.4亿立方米"].status, got["3.4亿立方米"].period) == ("cumulative", "十四五")


def test_the_last_few_years_are_a_total_up_to_the_year_reviewed():
    got = by_figure("近三年关停小煤矿120处、退出过剩产能1800万吨。",
                    heading="一、2015年工作回顾", region="全国", year_issued=2016, year_reviewed=2015)
    assert [(f.status, f.period) for f in got.values()] == [("cumulative", "2015")] * 2
    assert got["120处"].indicator == "关停小煤矿"


def test_a_hedge_before_the_next_figure_is_not_part_of_the_noun_counted():
    got = by_figure("新建乡村客运站点，惠及36个行政村约18万群众。")
    assert got["36个"].indicator.endswith("行政村")


def test_a_list_item_naming_only_a_noun_shares_the_first_items_verb():
    got = by_figure("企业开办平均压减时间60%、材料45%。")
    assert (got["45%"].value, got["45%"].measure) == (-45, "growth")
    shares = by_figure("森林覆盖率达到59%、城镇化率62%。")
    assert shares["62%"].measure == "share", "an item with a rate of its own keeps it"


def test_a_running_total_reaches_its_own_list_not_the_clauses_after_it():
    got = by_figure("累计新增专精特新企业300家、小巨人企业45家，平均审批时间压缩40%。")
    assert got["300家"].status == got["45家"].status == "cumulative"
    assert (got["40%"].status, got["40%"].period) == ("actual", "2025")
    counts = by_figure("累计破获电信诈骗案件520起，抓获犯罪嫌疑人860人。", heading="一、“十四五”时期工作回顾")
    assert counts["860人"].status == "cumulative", "a count in the next clause is still an item of the total"


def test_a_running_total_under_the_years_heading_is_dated_to_that_year():
    got = by_figure("累计推出政务服务集成事项86个。", heading="一、2025年工作回顾 > 营商环境")
    assert (got["86个"].status, got["86个"].period) == ("cumulative", "2025")
    plan = by_figure("五年累计推出政务服务集成事项86个。", heading="一、2025年工作回顾 > 营商环境")
    assert plan["86个"].period == "十四五", "five years named in the sentence are the plan's"


def test_a_verb_ending_in_wei_closes_a_span():
    got = by_figure("省级开发区由140个整合为96个。")
    assert (got["140个"].indicator, got["140个"].period) == ("省级开发区", "2024")
    assert (got["96个"].indicator, got["96个"].period, got["96个"].status) == ("省级开发区", "2025", "actual")


def test_a_comma_between_numerals_joins_them_inside_a_name():
    got = by_figure("引进央企二、三级子公司超300家。", heading="一、“十四五”时期工作回顾", plan_part="十四五")
    assert got["300家"].indicator == "央企二、三级子公司"
    assert (got["300家"].status, got["300家"].period) == ("cumulative", "十四五")


def test_durations_and_earlier_spans_are_no_part_of_an_indicator():
    got = by_figure("中央财政用于农业支出五年累计3.1万亿元，比前五年增长1.4倍。",
                    heading="一、过去五年工作回顾", region="全国", year_issued=2008, year_reviewed=2007)
    assert got["3.1万亿元"].indicator == "中央财政用于农业支出"
    assert got["1.4倍"].indicator == "中央财政用于农业支出", "比前五年 names the base, the subject is inherited"


def test_a_figure_opening_its_clause_measures_the_noun_after_it():
    got = by_figure("农村承包地确权登记全面完成，1.5亿亩耕地颁证到户。")
    assert got["1.5亿亩"].indicator == "耕地颁证到户"


def test_ages_distances_within_and_groups_ranked_among():
    got = by_figure("人均预期寿命达到80.2岁，地铁站500米内公交接驳率达到92%，在全国GDP超万亿元的27个城市中名列第9位。")
    assert (got["80.2岁"].value, got["80.2岁"].measure) == (80.2, "amount")
    assert "500米" not in got and "27个" not in got
    assert got["92%"].measure == "share"
    ages = by_figure("65岁以上老年人健康管理率达到72%，为0—3岁婴幼儿家庭发放育儿补贴，人均预期寿命从79.1岁提高到80.3岁。")
    assert set(ages) == {"72%", "79.1岁", "80.3岁"}, "an age before a noun names a group of people"
    assert "65岁以上老年人" in ages["72%"].indicator
    assert (ages["79.1岁"].period, ages["80.3岁"].period) == ("2024", "2025")
    listed = by_figure("人均预期寿命提高0.6岁、达到80.3岁。")
    assert (listed["0.6岁"].measure, listed["80.3岁"].measure) == ("change", "amount"), "达到 is a verb of its own"


def test_a_bare_yi_of_sales_is_money():
    got = by_figure("力争跨境电商销售额超过25亿。", heading="三、2026年重点工作")
    assert (got["25亿"].measure, got["25亿"].status) == ("amount", "target")


def test_money_spent_so_far_on_a_programme_is_a_total_to_date():
    got = by_figure("灾后重建项目已完成投资820亿元，占规划总投资的74%。", heading="一、2009年工作回顾",
                    region="全国", year_issued=2010, year_reviewed=2009)
    assert (got["820亿元"].status, got["820亿元"].period) == ("cumulative", "2009")
    assert got["74%"].status == "actual", "a share is a level"


def test_a_comma_between_two_grades_joins_them_inside_the_name_counted():
    got = by_figure("5家企业获评国家示范级、标杆级绿色工厂。")
    assert got["5家"].indicator == "获评国家示范级、标杆级绿色工厂企业"
