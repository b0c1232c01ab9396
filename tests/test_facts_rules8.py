"""Session-10 rules of fact extraction, each on sentences written for the test in the reports' style."""
from assistant.facts.extract import DocContext
from tests.sentence_facts import facts

PLANS_2026 = DocContext(region="江西省", year_issued=2026, year_reviewed=2025, heading="三、2026年重点工作")
PLANS_2013 = DocContext(region="全国", year_issued=2013, year_reviewed=2012, heading="三、2013年主要任务")


def test_a_rank_written_without_di_is_no_count():
    got = facts("在全国312个城市营商环境评价中排名47位，位列中部第3名，新增经营主体12万户。")
    assert [f.figure for f in got] == ["12万户"]
    got = facts("全省GDP位居全国15位。")
    assert got == []


def test_a_count_of_batches_before_another_count_is_no_figure():
    got = facts("先后派出3批85人医疗队赴湖北、2批20人赴新疆。")
    assert [(f.figure, f.indicator) for f in got] == [("85人", "医疗队赴湖北"), ("20人", "赴新疆")]
    got = facts("抽检食品3.2万批次，合格率98%。")  # batches counted on their own are a figure
    assert [f.figure for f in got] == ["3.2万批次", "98%"]


def test_a_growth_rate_named_after_de_is_that_rate():
    got = facts("6%左右的预期增长目标与规划目标衔接。", PLANS_2026)
    assert [(f.indicator, f.measure, f.status) for f in got] == [("预期增长目标", "growth", "target")]
    got = facts("90%的行政村集体经济收入超过10万元。")  # a noun that is no rate: the share of it
    assert got[0].measure == "share" and got[0].indicator.startswith("行政村")


def test_respectively_after_a_total_word_refers_back_to_the_figures_before():
    got = facts("“江西制造”、“江西品牌”分别新增15项和20项，累计分别达到80项和120项。")
    assert [(f.figure, f.indicator) for f in got] == [("15项", "江西制造"), ("20项", "江西品牌"),
                                                      ("80项", "江西制造"), ("120项", "江西品牌")]


def test_a_list_keeps_he_inside_an_item_when_the_figures_say_how_many_items():
    got = facts("金融业、批发和零售业增加值分别增长6.1%、4.2%。")
    assert [f.indicator for f in got] == ["金融业增加值", "批发和零售业增加值"]
    got = facts("城镇和农村居民人均可支配收入分别增长4.3%、5.3%。")  # 和 between the items themselves
    assert [f.indicator for f in got] == ["城镇居民人均可支配收入", "农村居民人均可支配收入"]
    got = facts("国家级、省级高新技术企业分别达到120家、300家。")
    assert [f.indicator for f in got] == ["国家级高新技术企业", "省级高新技术企业"]


def test_two_clauses_joined_by_a_dun_are_no_list_of_subjects():
    got = facts("全市图书馆、文化馆举办公益讲座820场、服务读者310万人次。")
    assert got[0].indicator != "图书馆" and "公益讲座" in got[0].indicator and got[1].indicator == "服务读者"
    got = facts("城镇和农村居民人均可支配收入实际增长4.3%和5.3%。")  # a figure right after the joiner: a list
    assert [f.indicator for f in got] == ["城镇居民人均可支配收入", "农村居民人均可支配收入"]


def test_the_object_of_ba_or_jiang_before_a_level_verb_is_the_indicator():
    got = facts("今年要把城镇居民医保财政补助标准提高到320元。", PLANS_2013)
    assert [(f.indicator, f.status, f.period) for f in got] == [("城镇居民医保财政补助标准", "target", "2013")]
    got = facts("全市将达到500家，城镇新增就业将达到45万人。", PLANS_2026)  # the 将 of "will" fronts nothing
    assert [f.indicator for f in got] == ["城镇新增就业"]


def test_a_numbered_item_and_a_scope_before_the_figure_name_nothing_measured():
    got = facts("12.发放困难群众补助资金3.2亿元。", PLANS_2026)
    assert got[0].indicator == "发放困难群众补助资金"
    got = facts("改造全市120个老旧小区，完成全省1000所学校周边道路交通拥堵治理。", PLANS_2026)
    assert [f.indicator for f in got] == ["老旧小区", "学校周边道路交通拥堵治理"]
    got = facts("进出口总额占全国9成。")  # the whole of a share stays
    assert got[0].indicator == "进出口总额占全国"


def test_things_counted_then_what_was_done_to_them():
    got = facts("完成120个行政村的人居环境整治。", PLANS_2026)
    assert got[0].indicator == "人居环境整治行政村"


def test_a_span_dated_before_its_opening_starts_the_year_before():
    got = facts("今年城乡居民医保财政补助标准由每人每年240元提高到280元。", PLANS_2013)
    assert [(f.figure, f.status, f.period) for f in got] == [("240元", "actual", "2012"), ("280元", "target", "2013")]
    got = facts("财政投入从2006年的18亿元增加到2010年的306亿元。", PLANS_2013)  # years inside the span date it
    assert [(f.status, f.period) for f in got] == [("actual", "2006"), ("actual", "2010")]


def test_a_chunk_that_begins_with_a_later_sections_heading_is_in_that_section():
    from assistant.facts.table import after_review, plan_part

    text = ("一、2025年工作回顾\n城镇新增就业45万人。\n二、2026年工作安排\n城镇新增就业45万人以上。\n"
            "2026年十件民生实事\n一、扩大就业\n新增就业岗位5万个。\n七、改善农村人居环境\n改造农村公路800公里。\n")
    for heading in ("二、2026年工作安排", "七、改善农村人居环境"):
        at = text.index(heading)
        assert after_review(text, [heading], at) and after_review(text, [heading], at + len(heading) + 1)
    assert not after_review(text, ["一、2025年工作回顾"], 0)
    # a list numbered again under a title of the year's plans is an appendix to them; one reviewing is not
    assert after_review(text, ["一、扩大就业"], text.index("一、扩大就业"))
    done = text.replace("2026年十件民生实事", "2025年十件民生实事完成情况")
    assert not after_review(done, ["一、扩大就业"], done.index("一、扩大就业"))
    review = "一、“十四五”时期和2025年工作回顾\n五年来，城镇新增就业230万人。\n"
    assert plan_part(review, ["一、“十四五”时期和2025年工作回顾"], 0, 2025) == "十四五"


def test_a_paragraph_dated_to_the_year_before_is_no_plan_in_a_section_ahead():
    ahead = DocContext(region="全国", year_issued=2011, year_reviewed=2010, heading="三、2011年的工作", ahead=True)
    got = facts("2011年，是开局之年。过去一年，我们的工作取得了很大成绩。国内生产总值增长10.3%，城镇新增就业1168万人。"
                "\n今年国内生产总值增长8%左右。", ahead)
    assert [(f.figure, f.status, f.period) for f in got] == [("10.3%", "actual", "2010"), ("1168万人", "actual", "2010"),
                                                             ("8%", "target", "2011")]


def test_a_level_reached_over_five_years_is_the_end_years():
    got = facts("地区生产总值五年跨过2个万亿级关口、突破5万亿元，五年新增城镇就业230万人，改造老旧小区超过8000个。",
                DocContext(region="江西省", year_issued=2026, year_reviewed=2025,
                           heading="一、“十四五”时期和2025年工作回顾"))
    assert [(f.figure, f.status, f.period) for f in got] == [
        ("5万亿元", "actual", "2025"), ("230万人", "cumulative", "十四五"), ("8000个", "cumulative", "十四五")]


def test_a_class_before_a_counted_noun_belongs_to_it():
    got = facts("开展13条河流、300条中型以上侵蚀沟治理。")
    assert [f.indicator for f in got] == ["河流", "中型以上侵蚀沟治理"]
    got = facts("超过200家世界500强企业在赣设立机构。")
    assert [(f.figure, f.indicator) for f in got] == [("200家", "世界500强企业在赣设立机构")]
    got = facts("307个亿元以上招商项目开工。")  # a size in a unit is a class of the noun, not part of it
    assert got[0].indicator == "招商项目开工"


def test_a_circle_of_reach_and_a_rate_per_month():
    assert facts("构建1小时通勤圈，打造15分钟便民生活圈。") == []
    got = facts("城市低保标准从796元/月提高至842元/月。")
    assert [(f.figure, f.unit, f.indicator) for f in got] == [("796元/月", "元/月", "城市低保标准"),
                                                              ("842元/月", "元/月", "城市低保标准")]
    got = facts("跨部门综合监管事项从39个拓展到91个。")
    assert [f.indicator for f in got] == ["跨部门综合监管事项"] * 2


def test_a_modal_before_the_verb_is_no_part_of_the_indicator():
    got = facts("今年要淘汰落后水泥产能2700万吨，也要再减少农村贫困人口800万人以上。", PLANS_2013)
    assert [f.indicator for f in got] == ["淘汰落后水泥产能", "减少农村贫困人口"]
    got = facts("要素保障资金100亿元。", PLANS_2013)  # 要素 is a word
    assert got[0].indicator == "要素保障资金"


def test_a_share_naming_which_things_the_next_count_counts_is_no_figure():
    got = facts("全省在全国占比超过10%的有35种、超过20%的有12种。")
    assert [f.figure for f in got] == ["35种", "12种"]


def test_trains_run_kinds_of_product_and_standard_coal_are_units():
    got = facts("推动中欧班列开行4000班次，32款创新药获批上市，保障重大项目用能1302万吨标准煤。")
    assert [(f.figure, f.unit, f.measure) for f in got] == [("4000班次", "班次", "count"), ("32款", "款", "count"),
                                                            ("1302万吨标准煤", "万吨标准煤", "amount")]


def test_an_aside_saying_what_a_noun_includes_is_no_clause_mark():
    got = facts("散居孤儿（含艾滋病病毒感染儿童）基本生活保障标准提高到每人每月1600元。")
    assert got[0].indicator == "散居孤儿基本生活保障标准"


def test_how_long_something_has_been_done_and_a_trailing_adverb_name_nothing():
    got = facts("连续7年提高企业退休人员基本养老金水平，年均增长10%。", NATION_2013 := DocContext(
        region="全国", year_issued=2013, year_reviewed=2012, heading="一、过去一年工作回顾"))
    assert got[0].indicator == "提高企业退休人员基本养老金水平"
    got = facts("财政性教育经费支出占国内生产总值比例继续超过4%。", NATION_2013)
    assert got[0].indicator == "财政性教育经费支出占国内生产总值比例"


def test_a_noun_ending_like_a_verb_a_hedge_before_the_verb_and_a_place_alone_before_a_count():
    got = facts("查处环境违法行为173起，注册资本金力争达到1亿元以上，驻外招商基地稳定保持在40个以上。")
    assert [f.indicator for f in got] == ["查处环境违法行为", "注册资本金", "驻外招商基地"]
    got = facts("河南108家产教融合型企业入库培育。")
    assert got[0].indicator == "产教融合型企业入库培育" and got[0].place == "河南省"


def test_respectively_after_a_clause_listing_its_subjects_without_figures():
    got = facts("氨氮、氮氧化物排放总量首次出现双下降，比上年分别下降2.1％和3.4％。")
    assert [(f.figure, f.indicator) for f in got] == [("2.1％", "氨氮"), ("3.4％", "氮氧化物排放")]
    got = facts("接待国内游客4.16亿人次、入境游客936万人次，分别增长6.7%、39.6%。")  # figures before: theirs
    assert [f.indicator for f in got[2:]] == ["接待国内游客", "入境游客"]


def test_the_reports_own_headings_counted_and_a_threshold_after_guo_are_no_figures():
    assert facts("重点做好十一个方面工作。", PLANS_2026) == []
    got = facts("新增4个过五百亿的县市。", PLANS_2026)
    assert [f.figure for f in got] == ["4个"]
    got = facts("收入超过5万元的村达到300个。")  # the threshold of 超过 as before
    assert [f.figure for f in got] == ["300个"]
