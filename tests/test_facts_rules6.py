"""Session-8 rules of fact extraction, each on sentences written for the test in the reports' style."""
from assistant.facts.extract import DocContext
from tests.sentence_facts import NATION_2013, facts

COUNTY_2021 = DocContext(region="尉氏县", year_issued=2021, year_reviewed=2020, heading="一、“十三五”发展成就")


def test_a_year_naming_a_price_base_dates_nothing():
    got = facts("把农民人均纯收入1800元（2010年不变价）定为新的帮扶标准，比上年提高15%。", NATION_2013)
    assert [(f.figure, f.period) for f in got] == [("1800元", "2012"), ("15%", "2012")]
    got = facts("粮食产值按2011年价格计算达到9000亿元。", NATION_2013)
    assert [(f.figure, f.period) for f in got] == [("9000亿元", "2012")]


def test_a_change_against_a_plans_end_is_the_next_plans_total_but_a_multiple_is_a_level():
    got = facts("污水处理能力较“十二五”末提升40%。", COUNTY_2021)
    assert [(f.measure, f.status, f.period) for f in got] == [("growth", "cumulative", "十三五")]
    got = facts("税收收入是“十二五”末的1.4倍。", COUNTY_2021)
    assert [(f.measure, f.status, f.period) for f in got] == [("multiple", "actual", "2020")]


def test_a_clause_of_an_adverb_alone_measures_what_the_figure_before_did():
    got = facts("税收收入增加近500亿元，稳步达到2600亿元。")
    assert [(f.figure, f.indicator) for f in got] == [("500亿元", "税收收入"), ("2600亿元", "税收收入")]


def test_a_list_item_the_last_item_begins_with_shares_only_the_measured_noun():
    got = facts("农业、服务业、农业设施投资分别增长3.1%、7.2%、9.9%。")
    assert [f.indicator for f in got] == ["农业投资", "服务业投资", "农业设施投资"]


def test_an_aspect_particle_and_a_batch_word_are_no_part_of_what_is_counted():
    got = facts("为2300个村卫生室配备了远程诊疗设备。", NATION_2013)
    assert got[0].indicator == "村卫生室配备远程诊疗设备"
    got = facts("建好首批12个职业教育产教融合示范基地。")
    assert got[0].indicator == "职业教育产教融合示范基地"


def test_a_dash_inside_a_quoted_name_after_a_count_keeps_the_name():
    got = facts("建成56条“景区—村落—集镇”旅游环线。")
    assert got[0].indicator == "景区—村落—集镇旅游环线"


def test_a_net_increase_is_a_flow_over_the_plan_a_paragraph_reviews():
    doc = DocContext(region="江西省", year_issued=2026, year_reviewed=2025, heading="一、“十四五”时期发展回顾")
    got = facts("五年来，民营经济持续壮大，经营主体净增150万户。", doc)
    assert [(f.status, f.period) for f in got] == [("cumulative", "十四五")]


def test_a_clause_without_a_figure_names_the_subject_of_the_next_figure():
    got = facts("规上工业企业突破1.6万家，科技型中小企业数量实现翻番、达2.2万家。")
    assert [(f.figure, f.indicator) for f in got] == [("1.6万家", "规上工业企业"), ("2.2万家", "科技型中小企业数量")]
    # a clause of no subject (创历史新高) leaves the figure to the figure before
    got = facts("粮食总产量432亿斤，创历史新高、比上年增加5亿斤。")
    assert [f.indicator for f in got] == ["粮食总产量", "粮食总产量"]


def test_places_listed_before_one_measure_each_take_their_figure():
    got = facts("南昌、赣州港口集装箱吞吐量分别达到80万标箱、35万标箱。")
    assert [(f.indicator, f.place) for f in got] == [("港口集装箱吞吐量", "南昌市"), ("港口集装箱吞吐量", "赣州市")]
    # items that are not places keep the shared-noun reading
    got = facts("城镇和农村居民人均可支配收入分别增长4.5%和6.2%。")
    assert [(f.indicator, f.place) for f in got] == [("城镇居民人均可支配收入", "江西省"), ("农村居民人均可支配收入", "江西省")]


def test_a_number_after_a_comma_is_its_own_unless_the_comma_groups_thousands():
    got = facts("科技进步贡献率居全国第3，15个学科进入世界前百分之一。")
    assert [f.figure for f in got] == ["15个"]
    got = facts("全年接待游客3,260万人次。")
    assert [(f.figure, f.value) for f in got] == [("3,260万人次", 3260.0)]


def test_a_bound_on_a_rank_counts_nothing():
    assert facts("县域经济综合实力跃居全省前10位、中部地区第35位。") == []
    assert [f.figure for f in facts("新增规上企业前10名的企业产值增长8%。")] == ["8%"]


def test_a_count_naming_which_things_a_rate_is_of_is_no_figure():
    got = facts("8个重点产业集群营业收入增长9.6%，4个省级开发区获批升级。")
    assert [(f.figure, f.measure) for f in got] == [("9.6%", "growth"), ("4个", "count")]
    assert "重点产业集群营业收入" in got[0].indicator
    # a count whose clause goes on to an amount, not a rate, is still counted
    got = facts("8个重点产业集群营业收入达到1200亿元。")
    assert [f.figure for f in got] == ["8个", "1200亿元"]


def test_a_span_from_a_rate_per_head_opens_at_its_start():
    doc = DocContext(region="全国", year_issued=2016, year_reviewed=2015, heading="二、“十三五”时期主要目标任务", ahead=True)
    got = facts("到2020年，农业劳动生产率从人均3.1万元提高到4.5万元以上。", doc)
    assert [(f.figure, f.indicator, f.status, f.period) for f in got] == [
        ("3.1万元", "农业劳动生产率", "actual", "2015"), ("4.5万元", "农业劳动生产率", "target", "2020")]


def test_an_investment_followed_by_what_it_is_in_names_it():
    got = facts("开工建设总投资86亿元的城市快速路二期工程。")
    assert [(f.figure, f.indicator) for f in got] == [("86亿元", "城市快速路二期工程总投资")]
    # an investment with nothing after it keeps its clause's words
    assert [f.indicator for f in facts("项目总投资12亿元，年产值可达30亿元。")] == ["项目总投资", "年产值"]


def test_a_count_of_measures_is_of_what_its_clause_names():
    got = facts("出台促进民营经济发展壮大25条措施。")
    assert got[0].indicator.endswith("促进民营经济发展壮大措施")


def test_year_words_split_across_words_date_nothing():
    doc = DocContext(region="全国", year_issued=2011, year_reviewed=2010, heading="二、“十二五”时期的主要目标和任务", ahead=True)
    got = facts("今后五年，粮食产量预期目标是在稳定播种面积的基础上年均增长1%。", doc)
    assert [(f.indicator, f.status, f.period) for f in got] == [("粮食产量预期目标", "target", "十二五")]


def test_a_span_to_now_from_a_rate_per_head_per_month():
    got = facts("城乡居民基础养老金从2010年人均每月55元提高到现在的98元。", NATION_2013)
    assert [(f.figure, f.indicator, f.status, f.period) for f in got] == [
        ("55元", "城乡居民基础养老金", "actual", "2010"), ("98元", "城乡居民基础养老金", "actual", "2012")]


def test_an_approximation_inside_points_is_no_part_of_the_unit():
    got = facts("服务业增加值比重比上年提高1个多百分点。")
    assert [(f.figure, f.value, f.unit, f.measure) for f in got] == [("1个多百分点", 1.0, "个百分点", "change")]


def test_a_level_per_head_reached_and_a_yearly_rate_name_their_indicator_alone():
    got = facts("城乡居民医保人均财政补助标准提高到人均700元。", NATION_2013)
    assert [f.indicator for f in got] == ["城乡居民医保人均财政补助标准"]
    got = facts("五年来，农村劳动力转移就业每年80万人以上。", NATION_2013)
    assert [(f.indicator, f.status) for f in got] == [("农村劳动力转移就业", "average")]


def test_verbs_of_opening_and_launching_take_the_counted_noun_after_them():
    got = facts("新开通9条国际航线，推出20项便民举措。")
    assert [f.indicator for f in got] == ["国际航线", "便民举措"]
