"""Extraction rules of session 15 (branch facts15), each on sentences written for the test (general report
language, not copied from the labelled set): words of adjustment and cutting, rounds as a count, reaches."""
from sentence_facts import PROVINCE_2026, facts

from assistant.facts.extract import DocContext

# a 2026 report's section reviewing the plan just over; the paragraph opens with 这五年
PLAN_REVIEW = DocContext(region="江西省", year_issued=2026, year_reviewed=2025, heading="一、“十四五”时期工作回顾")


def by_figure(text: str, doc: DocContext = PROVINCE_2026) -> dict:
    return {f.figure: f for f in facts(text, doc)}


def test_adjusting_up_is_growth_and_no_part_of_the_indicator():
    fact = by_figure("城乡居民医保财政补助标准调增6.5%。")["6.5%"]
    assert (fact.measure, fact.value, fact.indicator) == ("growth", 6.5, "城乡居民医保财政补助标准")


def test_cutting_down_and_adjusting_down_are_falls():
    found = by_figure("地方政府债务规模压降12.3%，融资平台数量调减18.6%。")
    assert (found["12.3%"].measure, found["12.3%"].value) == ("growth", -12.3)
    assert (found["18.6%"].measure, found["18.6%"].value) == ("growth", -18.6)
    assert found["18.6%"].indicator == "融资平台数量"


def test_rounds_are_counted():
    found = by_figure("全年有效应对12轮寒潮和8轮高温天气。")
    assert (found["12轮"].value, found["12轮"].measure, found["12轮"].indicator) == (12, "count", "寒潮")
    assert found["8轮"].indicator == "高温天气"


def test_a_reach_and_the_items_sharing_it_are_levels_in_a_plan_review():
    found = by_figure("这五年，物流枢纽功能持续增强。班列辐射全国42个城市、310个站点，通达全球56个国家和地区的210个港口。",
                      PLAN_REVIEW)
    for figure, noun in (("42个", "城市"), ("310个", "站点"), ("56个", "国家和地区"), ("210个", "港口")):
        assert (found[figure].indicator, found[figure].status, found[figure].period) == (noun, "actual", "2025")


def test_things_built_in_a_plan_review_stay_totals():
    found = by_figure("这五年，物流枢纽功能持续增强。建成52个物流园区、130个配送中心。", PLAN_REVIEW)
    assert {(f.indicator, f.status, f.period) for f in found.values()} == {
        ("物流园区", "cumulative", "十四五"), ("配送中心", "cumulative", "十四五")}


def test_a_counted_noun_does_not_end_in_de():
    found = by_figure("全年累计推进18个县区的260个重点项目。")
    assert found["18个"].indicator == "县区"


def test_each_figure_of_a_respective_series_is_measured_by_its_own_unit():
    found = by_figure("港口旅客和货物吞吐量分别达到2600万人次、8.5亿吨。")
    assert (found["2600万人次"].measure, found["8.5亿吨"].measure) == ("count", "amount")


PLANS_2026 = DocContext(region="江西省", year_issued=2026, year_reviewed=2025, heading="三、2026年主要任务", ahead=True)


def test_the_start_of_a_span_with_a_bracketed_noun_is_the_level_now_in_a_plan():
    found = by_figure("推动城乡学校共同体从26个县（区）扩大到60个县（区）。", PLANS_2026)
    assert (found["26个"].status, found["26个"].period) == ("actual", "2025")
    assert (found["60个"].status, found["60个"].period) == ("target", "2026")


def test_doubling_is_no_part_of_the_indicator_and_investment_over_a_plan_is_a_total():
    found = by_figure("这五年，基础设施持续完善。交通建设投资翻番、达5200亿元。", PLAN_REVIEW)
    fact = found["5200亿元"]
    assert (fact.indicator, fact.status, fact.period) == ("交通建设投资", "cumulative", "十四五")


def test_measures_put_out_in_a_plan_review_are_a_total():
    found = by_figure("这五年，改革持续深化。推出促进民营经济发展36项政策措施。", PLAN_REVIEW)
    assert (found["36项"].status, found["36项"].period) == ("cumulative", "十四五")


def test_a_share_is_of_the_subject_named_between_it_and_the_figure_before():
    found = by_figure("全年实施30项民生工程，教育支出突破千亿元、占比稳定在18%左右。")
    assert found["18%"].indicator == "教育支出占比"
