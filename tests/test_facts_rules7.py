"""Session-9 rules of fact extraction, each on sentences written for the test in the reports' style."""
from assistant.facts.extract import DocContext, parse_figure
from tests.sentence_facts import NATION_2013, facts


def test_two_counts_written_together_both_count_the_noun_after_the_second():
    got = facts("全年有58户173名脱贫群众稳定增收。")
    assert [(f.figure, f.indicator) for f in got] == [("58户", "脱贫群众稳定增收"), ("173名", "脱贫群众稳定增收")]
    got = facts("12件27项市级民生实事如期办结。")
    assert [f.figure for f in got] == ["12件", "27项"] and all("民生实事" in f.indicator for f in got)


def test_a_count_of_people_whose_problem_was_solved_names_the_problem_and_the_people():
    got = facts("解决了5200万农村居民的饮水困难问题。", NATION_2013)
    assert [f.indicator for f in got] == ["解决农村居民饮水困难问题"]
    got = facts("解决了9748万农村人口饮水困难和饮水安全问题。", NATION_2013)
    assert [f.indicator for f in got] == ["解决农村人口饮水困难和饮水安全问题"]
    # two figures sharing one 问题: each its own problem, the words after 和 belong to the second
    got = facts("解决了2800万农村人口的饮水安全和35万无电地区人口的用电问题。", NATION_2013)
    assert [f.indicator for f in got] == ["解决农村人口饮水安全问题", "解决无电地区人口用电问题"]
    got = facts("解决了3亿多农村人口的饮水安全和无电区445万人的用电问题。", NATION_2013)
    assert got[0].indicator == "解决农村人口饮水安全问题"
    got = facts("新建农村公路20万公里，解决900万农村人口出行难问题。", NATION_2013)
    assert got[0].indicator != got[1].indicator and got[1].indicator == "解决农村人口出行难问题"


def test_a_figure_in_the_name_of_a_campaign_or_survey_states_nothing():
    assert facts("开展0.5微克提升行动，全面完成1%人口抽样调查。") == []
    got = facts("开展农村人居环境整治提升行动，完成造林15万亩。")  # a figure after the campaign is one
    assert [f.figure for f in got] == ["15万亩"]


def test_the_threshold_of_the_class_a_share_counts_is_no_figure():
    got = facts("90%的村集体经营性收入超过10万元。")
    assert [f.figure for f in got] == ["90%"]
    got = facts("村集体经营性收入超过10万元，增长12%。")  # no share before it: the amount is stated
    assert [f.figure for f in got] == ["10万元", "12%"]


def test_an_aside_after_a_counted_noun_leaves_the_noun_and_its_verb():
    got = facts("1200个县（市、区）开展医共体建设试点。")
    assert [f.indicator for f in got] == ["开展医共体建设试点县"]


def test_standard_boxes_and_household_visits_are_units():
    assert parse_figure("3000万标准箱") == (3000, "万标准箱")
    assert parse_figure("5万户次") == (5, "万户次")
    got = facts("港口集装箱吞吐量达到3000万标准箱。")
    assert [(f.figure, f.indicator, f.measure) for f in got] == [("3000万标准箱", "港口集装箱吞吐量", "amount")]


def test_a_share_of_a_whole_the_sentence_contributes_to():
    got = facts("货物出口总额2.1万亿元、增长5.1%，贡献了全国18%的增量。")
    assert got[-1].indicator == "货物出口总额占全国增量" and got[-1].place == "江西省"


def test_adverbs_of_repetition_are_no_part_of_the_indicator():
    got = facts("重点高校招收农村学生人数又增长8.2%。")
    assert got[0].indicator == "重点高校招收农村学生人数"
    got = facts("将24个高频事项再压减环节15个。")
    assert got[0].indicator == "高频事项"


def test_flights_are_counted_in_sorties_and_a_numeral_inside_a_word_is_no_amount():
    assert parse_figure("2061万架次") == (2061, "万架次")
    got = facts("通用航空飞行规模达2061万架次。")
    assert [f.figure for f in got] == ["2061万架次"]
    assert facts("城镇化是破除城乡二元结构的重要依托。") == []


def test_an_aside_after_a_unit_and_a_verb_of_providing_leave_the_noun_counted():
    got = facts("为环卫、快递等一线职工提供800套(间)住房。")
    assert [(f.figure, f.indicator) for f in got] == [("800套", "住房")]


def test_list_items_share_the_words_after_their_own_ending_in_the_last_item():
    got = facts("城镇职工基本养老保险、基本医疗保险参保人数分别增加1200万和1500万。", NATION_2013)
    assert [f.indicator for f in got] == ["城镇职工基本养老保险参保人数", "基本医疗保险参保人数"]
    # the last item a kind of the first: only the measured noun is shared
    got = facts("工业、制造业、工业技改投资分别增长9.1％、12.3％、6.4％。")
    assert [f.indicator for f in got] == ["工业投资", "制造业投资", "工业技改投资"]


def test_a_count_joined_to_the_next_by_a_pause_mark_counts_the_same_noun():
    got = facts("全县12283户、43510名贫困人口全部脱贫。")
    assert [f.indicator for f in got] == ["贫困人口全部脱贫", "贫困人口全部脱贫"]
    got = facts("新建9家概念验证平台、4家孵化器。")  # each with a noun of its own
    assert [f.indicator for f in got] == ["概念验证平台", "孵化器"]


def test_a_grade_alone_in_a_list_shares_the_noun_of_the_item_before():
    got = facts("成功创建省级平安市场1家、市级5家。")
    assert [f.indicator for f in got] == ["成功创建省级平安市场", "市级平安市场"]
    got = facts("新增从业人员29.1万人、企业1.85万家。")  # a noun of its own, no grade
    assert [f.indicator for f in got] == ["新增从业人员", "企业"]


def test_a_rate_noun_alone_after_a_figure_is_that_figures_rate():
    got = facts("生产总值由138亿元增长到239.5亿元，年均增速8%以上。")
    assert (got[-1].indicator, got[-1].measure) == ("生产总值增速", "growth")


def test_batches_are_a_unit_and_two_great_steps_are_thresholds():
    assert parse_figure("13200批次") == (13200, "批次")
    assert facts("全市生产总值先后迈上4000亿元、5000亿元两大台阶。") == []


def test_a_range_written_with_to_and_no_from_is_read_as_one_measure():
    got = facts("主要污染物排放总量减少8%至10%。", NATION_2013)
    assert [(f.figure, f.measure, f.period) for f in got] == [("8%", "growth", "2012"), ("10%", "growth", "2012")]
    got = facts("城镇化率从47.5%提高到51.5%。", NATION_2013)  # 从…到: a span, its end a level
    assert [(f.measure, f.period) for f in got] == [("share", "2011"), ("share", "2012")]


def test_a_year_word_before_the_verb_is_no_part_of_the_indicator():
    got = facts("农民的生产补贴资金去年达到1226亿元。", NATION_2013)
    assert got[0].indicator == "农民的生产补贴资金"


def test_the_figures_after_a_draft_plan_outline_are_the_new_plans_goals():
    doc = DocContext(region="江西省", year_issued=2026, year_reviewed=2025,
                     heading="二、“十五五”时期目标任务和2026年工作安排", ahead=True)
    text = ("《纲要（草案）》明确了经济社会发展主要指标：一是围绕经济发展，其中地区生产总值年均增长5.5%左右。"
            "二是围绕安全保障，其中粮食综合生产能力440亿斤以上。")
    got = facts(text, doc)
    assert [(f.figure, f.status, f.period) for f in got] == [("5.5%", "target", "十五五"), ("440亿斤", "target", "2030")]
    # without the outline, the same section's figures are the year's
    got = facts("地区生产总值增长5.5%左右。", doc)
    assert [(f.status, f.period) for f in got] == [("target", "2026")]


def test_a_bare_wan_over_a_counted_noun_is_a_class_and_a_ranges_bottom_no_words():
    got = facts("超千万元企业17家、超500万企业35家。")
    assert [(f.figure, f.indicator) for f in got] == [("17家", "超千万元企业"), ("35家", "超500万企业")]
    got = facts("每年引进知名企业3-5家。")
    assert [f.indicator for f in got] == ["每年引进知名企业"]


def test_verbs_of_amount_and_of_using_are_no_part_of_the_indicator():
    got = facts("今年高校毕业生将高达820万人。", NATION_2013)
    assert got[0].indicator == "高校毕业生"
    got = facts("用好600亿元引导基金。", NATION_2013)
    assert got[0].indicator == "引导基金"


def test_things_counted_in_a_ranking_are_a_level_where_things_done_are_a_plans_total():
    doc = DocContext(region="陕西省", year_issued=2026, year_reviewed=2025, heading="一、“十四五”时期发展回顾",
                     plan_part="十四五")
    got = facts("五年来，创新能力持续增强。新增省实验室6家，23个学科进入ESI前千分之一。", doc)
    assert [(f.figure, f.status, f.period) for f in got] == [("6家", "cumulative", "十四五"), ("23个", "actual", "2025")]


def test_a_ratio_without_a_unit_after_its_noun_is_a_figure_and_a_bare_number_elsewhere_is_none():
    got = facts("收入倍差从2.05缩小至1.88。")
    assert [(f.figure, f.indicator, f.value, f.unit, f.measure) for f in got] == [
        ("2.05", "收入倍差", 2.05, "倍", "multiple"), ("1.88", "收入倍差", 1.88, "倍", "multiple")]
    got = facts("城乡居民收入比缩小至2.31∶1。")
    assert [(f.figure, f.indicator) for f in got] == [("2.31∶1", "城乡居民收入比")]
    assert facts("全省共有1.5、2.0两个版本的标准。") == []  # no ratio named: a bare number is no figure
    assert parse_figure("收入比1.88") is None  # finding a figure in any text still wants a unit


def test_a_ratio_reached_in_a_plans_review_is_a_level_at_its_end():
    doc = DocContext(region="陕西省", year_issued=2026, year_reviewed=2025, heading="一、“十四五”时期发展回顾",
                     plan_part="十四五")
    got = facts("五年来，城乡融合加快。城乡居民收入比缩小至2.31∶1。", doc)
    assert [(f.status, f.period) for f in got] == [("actual", "2025")]


def test_sessions_are_a_unit_and_numerals_listed_one_by_one_are_no_number():
    assert parse_figure("1万期") == (1, "万期")
    got = facts("开设亲子成长课堂1万期。")
    assert [(f.figure, f.indicator) for f in got] == [("1万期", "开设亲子成长课堂")]
    assert facts("加快液压科技产业园一二三期建设，推动一二三次产业融合发展。") == []
    assert [f.figure for f in facts("新建两千亩果园，实施汾河整治三期项目。")] == ["两千亩"]


def test_a_bound_is_no_part_of_the_indicator():
    got = facts("公办园在园幼儿占比不低于50%，城镇新增就业不少于28万人。")
    assert [f.indicator for f in got] == ["公办园在园幼儿占比", "城镇新增就业"]


def test_a_grade_alone_after_a_count_shares_the_next_items_noun_and_a_grade_is_kept():
    got = facts("新增2家千亿级、24家百亿级工业企业。")
    assert [f.indicator for f in got] == ["千亿级工业企业", "百亿级工业企业"]
    got = facts("新增307个亿元以上招商项目。")  # a size class above a bound is still dropped
    assert got[0].indicator == "招商项目"


def test_a_verb_alone_before_a_first_figure_takes_the_subject_of_the_clause_before():
    got = facts("继续实施退耕还林还草，今年拟安排800万亩。", NATION_2013)
    assert got[0].indicator == "退耕还林还草"
    got = facts("全年新建20所学校，建成4330套。")  # a later figure keeps its own verb
    assert got[1].indicator != "学校"


def test_a_figure_crossed_by_the_thing_a_class_names_is_no_figure():
    assert facts("成为全国首个经济总量突破3万亿元的城市。") == []
    got = facts("经济总量突破3万亿元，增长5%。")  # crossed by the place itself: a figure
    assert [f.figure for f in got] == ["3万亿元", "5%"]


def test_people_whose_problem_was_solved_end_at_their_whole_noun():
    got = facts("帮助解决1.2万名农民工欠薪问题。")
    assert got[0].indicator == "解决农民工欠薪问题"
