"""Session-11 rules of fact extraction, each on sentences written for the test in the reports' style."""
from assistant.facts.extract import DocContext
from tests.sentence_facts import facts

FIVE_YEARS_2026 = DocContext(region="江西省", year_issued=2026, year_reviewed=2025,
                             heading="一、“十四五”时期和2025年工作回顾")


def test_a_streak_stays_a_figure_a_question_can_ask_for():
    # the labels call 连续6年 no fact, but "for how many straight months / times in a row" is asked, and the
    # answerer gives a figure only from a fact: a streak in any unit is kept
    got = facts("规上工业增加值增长9.1%、已连续15个月保持较快增长。")
    assert [f.figure for f in got] == ["9.1%", "15个"]
    got = facts("林长制考核连续4次获评优秀，新增省级森林乡村35个。")
    assert [f.figure for f in got] == ["4次", "35个"]


def test_a_unit_character_that_opens_a_word_is_no_unit():
    got = facts("7单位地区生产总值能耗降低3.2%")  # a table row's number before 单位 (per unit)
    assert [f.figure for f in got] == ["3.2%"]
    got = facts("地区生产总值迈上4万亿台阶，达到4.1万亿元。")
    assert [(f.figure, f.indicator) for f in got] == [("4.1万亿元", "地区生产总值")]
    got = facts("跨境电商完成2.3万单，新购置设备150台。")  # 单 and 台 as units still are
    assert [f.figure for f in got] == ["2.3万单", "150台"]


def test_a_size_before_de_and_a_noun_is_that_things_size():
    got = facts("建成占地150亩的滨江湿地公园，新增绿地面积800亩。")
    assert [(f.figure, f.indicator) for f in got] == [("150亩", "滨江湿地公园占地"), ("800亩", "新增绿地面积")]
    got = facts("省政府出资设立50亿元的现代农业产业发展基金。")
    assert [f.indicator for f in got] == ["现代农业产业发展基金"]
    got = facts("组建总规模300亿元的省级科创母基金。")
    assert [f.indicator for f in got] == ["省级科创母基金总规模"]
    got = facts("全力推进总投资12.6亿元的老城区管网改造PPP项目。")
    assert [f.indicator for f in got] == ["老城区管网改造PPP项目总投资"]


def test_an_aim_or_a_level_after_de_is_not_what_a_size_describes():
    got = facts("实现人均公用经费800元的目标。")
    assert [f.indicator for f in got] != ["目标"]
    got = facts("全省数字经济核心产业增加值达到3000亿元的规模。")
    assert all(f.indicator != "规模" for f in got)


def test_an_item_with_a_level_verb_of_its_own_does_not_share_the_lists_flow():
    got = facts("“十四五”时期，新增风电装机520万千瓦、总装机达8800万千瓦。", FIVE_YEARS_2026)
    assert [(f.figure, f.status, f.period) for f in got] == [("520万千瓦", "cumulative", "十四五"),
                                                           ("8800万千瓦", "actual", "2025")]


def test_a_word_making_the_items_industries_goes_with_each_items_measured_noun():
    got = facts("光伏、储能、低空经济产业产值分别增长18.2%、25.6%、31%。")
    assert [f.indicator for f in got] == ["光伏产业产值", "储能产业产值", "低空经济产业产值"]
    got = facts("纺织、家具行业增加值分别增长3.1%、2.4%。")
    assert [f.indicator for f in got] == ["纺织行业增加值", "家具行业增加值"]
    got = facts("数字经济核心产业、高技术产业增加值分别增长9%、8%。")  # items that are industries already
    assert [f.indicator for f in got] == ["数字经济核心产业增加值", "高技术产业增加值"]


def test_a_total_alone_is_the_total_of_what_the_figure_before_counted():
    got = facts("新认定省级企业技术中心36家、总数达到412家。")
    assert [(f.figure, f.indicator) for f in got] == [("36家", "新认定省级企业技术中心"), ("412家", "省级企业技术中心总数")]
    got = facts("新增境内外上市公司9家，总数达到78家。")
    assert got[-1].indicator == "境内外上市公司总数"


def test_a_days_hours_before_what_is_done_in_them_is_a_service_round_the_clock():
    got = facts("新增口袋公园60个，推动城市公园24小时开放。")
    assert [f.figure for f in got] == ["60个"]
    got = facts("对重点排污单位实行24小时在线监控。")
    assert got == []
    got = facts("不动产登记时间压缩至24小时以内。")  # a time limit is a figure
    assert [f.figure for f in got] == ["24小时"]
    got = facts("新建24小时自助图书馆15个。")
    assert [f.figure for f in got] == ["15个"]


def test_a_verb_alone_before_an_amount_leaves_the_noun_after_to_name_it():
    got = facts("省级财政安排15亿元乡村振兴衔接资金。")
    assert [f.indicator for f in got] == ["乡村振兴衔接资金"]


def test_the_subject_named_before_a_first_figure_ends_where_an_adverb_opens_its_predicate():
    got = facts("全省粮食产量屡创新高，去年达到720亿斤。")
    assert [f.indicator for f in got] == ["粮食产量"]


def test_an_adverb_left_before_the_verb_is_no_part_of_the_indicator():
    got = facts("确保民生支出占比始终保持在75%以上。")
    assert [f.indicator for f in got] == ["民生支出占比"]
    got = facts("住户存贷款余额分别达2.1万亿元、1.6万亿元。")
    assert [f.indicator for f in got] == ["住户存贷款余额", "住户存贷款余额"]
    got = facts("城镇新增就业年均超过50万人。")  # 年均 is the measure's, not an adverb to drop
    assert got[0].indicator == "城镇新增就业" and got[0].status == "average"


def test_a_heading_glued_to_its_first_paragraph_does_not_hide_the_year_it_opens_with():
    # a page scraped without line breaks: the review of the year and of the plan on one line, the heading glued on
    doc = DocContext(region="某县", year_issued=2021, year_reviewed=2020, heading="一、2020年工作回顾和“十三五”主要成就")
    text = ("一、2020年工作回顾和“十三五”主要成就2020年,是极不平凡的一年。办理人大建议120件、政协提案95件。"
            "“十三五”时期是发展极不平凡的五年。五年来,全县生产总值年均增长6.8%,新建学校32所。")
    got = facts(text, doc)
    assert [(f.figure, f.status, f.period) for f in got] == [
        ("120件", "actual", "2020"), ("95件", "actual", "2020"),
        ("6.8%", "average", "十三五"), ("32所", "cumulative", "十三五")]


def test_a_clause_ending_in_a_verb_word_leaves_the_noun_after_the_count_to_name_it():
    # verbs no list of fact_cues.yaml holds: the tokenizer's dictionary tags them
    got = facts("高新区汇聚120多个科研团队，精准帮扶3.5万名就业困难人员。")
    assert [(f.figure, f.indicator) for f in got] == [("120多个", "科研团队"), ("3.5万名", "就业困难人员")]
    got = facts("出台支持民营经济发展12条措施。")  # a noun as general as 措施 is of what the clause names
    assert got[0].indicator.endswith("措施") and len(got[0].indicator) > 2
    got = facts("新增国家级专精特新企业45家。")  # a clause ending in the counted noun keeps it
    assert got[0].indicator == "新增国家级专精特新企业"


def test_money_saved_is_a_flow_a_plan_review_sums():
    got = facts("这五年，集中带量采购为群众减负180亿元，为企业减税降费920亿元。", FIVE_YEARS_2026)
    assert [(f.status, f.period) for f in got] == [("cumulative", "十四五"), ("cumulative", "十四五")]
    got = facts("全年为企业减负超300亿元。")  # a year's review: that year's
    assert [(f.status, f.period) for f in got] == [("actual", "2025")]


def test_a_contribution_to_growth_is_a_share_not_a_growth_rate():
    got = facts("数字经济对经济增长贡献超四成，工业投资增长8%。")
    assert [(f.figure, f.measure) for f in got] == [("四成", "share"), ("8%", "growth")]


def test_a_running_total_after_new_ones_is_of_the_things_not_the_new_ones():
    got = facts("新增口袋公园86个，建成百园之城，累计达到540个。")
    assert [(f.figure, f.indicator) for f in got] == [("86个", "新增口袋公园"), ("540个", "口袋公园")]


def test_an_indicator_never_opens_with_de():
    got = facts("今年的经济增长目标定为6%左右。")
    assert [f.indicator for f in got] == ["经济增长目标"]
