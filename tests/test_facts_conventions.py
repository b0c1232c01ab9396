"""The labelling conventions for periods and statuses that the extractor follows (evals/README, session 7 facts5):

- five years that are no named plan (一、过去五年工作回顾 of a 2013 report) date their figures by the last year;
- things acted on over such a review and changes over it are totals (cumulative), levels are the last year's;
- a change against a base year two or more years back (比2015年增加…) is a change over those years: cumulative;
- a plan's goal for a level (城镇化率达到70%) with no year of its own is the plan's last year's; a total over the
  plan (新建…套) and a figure its sentence sets for the plan period (“十五五”期间…不低于…) are the plan's.

Sentences written for these tests in the reports' style, not taken from the labelled set.
"""
from assistant.facts.extract import DocContext, extract_facts
from assistant.places import gazetteer_book

find_places = gazetteer_book().find_places


def rows(text, heading, region="全国", issued=2013, reviewed=2012, ahead=False):
    doc = DocContext(region=region, year_issued=issued, year_reviewed=reviewed, heading=heading, ahead=ahead)
    return [(f.figure, f.measure, f.status, f.period) for f in extract_facts(text, doc, find_places)]


def test_five_years_of_no_named_plan_are_dated_by_their_last_year():
    got = rows("中央财政用于水利建设累计支出8200亿元。", "一、过去五年工作回顾")
    assert got == [("8200亿元", "amount", "cumulative", "2012")], "not 2008-2012: a period is a year or a plan"
    older = rows("五年累计新建乡村公路90万公里。", "一、过去五年政府工作回顾", issued=2008, reviewed=2007)
    assert older[0][2:] == ("cumulative", "2007")


def test_in_a_review_of_five_years_things_acted_on_are_totals_and_levels_the_last_years():
    got = rows("国家安排资金新建和改扩建2.6万所农村寄宿制学校，为3400个乡镇文化站配备了设备，"
               "全国公共图书馆达到3100个。", "一、过去五年工作回顾 > （二）社会事业")
    assert [g[2:] for g in got[:2]] == [("cumulative", "2012")] * 2, "things acted on over the five years"
    assert got[2][2:] == ("actual", "2012"), "a stock is the last year's level"
    one_year = rows("国家安排资金新建和改扩建2.6万所农村寄宿制学校。", "一、2012年工作回顾")
    assert one_year[0][2:] == ("actual", "2012"), "a year's review: the year's own figure"


def test_a_change_against_a_base_year_years_back_is_a_change_over_those_years():
    heading = "一、2020年工作回顾"
    got = rows("全省森林面积达到1.2亿亩，比2015年增加800万亩；农民人均可支配收入比上年增长6.1%。", heading,
               region="江西省", issued=2021, reviewed=2020)
    assert got[0][2:] == ("actual", "2020")
    assert got[1] == ("800万亩", "change", "cumulative", "2020"), "five years of change"
    assert got[2][1:] == ("growth", "actual", "2020"), "a change on the year before is the year's own"


def test_a_plans_goal_for_a_level_is_its_last_years_and_a_total_over_it_the_plans():
    heading = "二、“十五五”时期主要目标"
    got = rows("常住人口城镇化率达到70%左右，新建保障性住房12万套，人均预期寿命达到80岁。", heading,
               region="江西省", issued=2026, reviewed=2025, ahead=True)
    assert got[0][2:] == ("target", "2030"), "a level the plan is to reach by its last year"
    assert got[1][2:] == ("target", "十五五"), "a total over the plan"
    assert got[2][2:] == ("target", "2030")
    named = rows("“十五五”期间，清洁能源消费占比不低于40%。", heading, region="江西省", issued=2026, reviewed=2025,
                 ahead=True)
    assert named[0][2:] == ("target", "十五五"), "the sentence sets it for the plan period"


def test_the_years_ahead_of_a_plans_first_year_are_the_plans():
    got = rows("今后五年，全省居民人均可支配收入年均增长6%左右。", "二、奋力开创现代化建设新局面", region="江西省",
               issued=2026, reviewed=2025, ahead=True)
    assert got[0][2:] == ("target", "十五五")


def test_counts_of_the_reports_own_indicators_state_nothing_measured():
    heading = "二、“十五五”时期主要目标"
    got = rows("规划提出经济发展、民生福祉等四大类20个主要指标，其中约束性指标7个、预期性指标13项；"
               "居民人均可支配收入年均增长6%左右。", heading, region="江西省", issued=2026, reviewed=2025, ahead=True)
    assert [g[0] for g in got] == ["6%"]
    ranked = rows("全省有5项指标位居全国前列。", "一、2025年工作回顾", region="江西省", issued=2026, reviewed=2025)
    assert [g[0] for g in ranked] == ["5项"], "indicators that rank are counted, not listed"


def test_words_around_a_counted_noun_that_name_nothing():
    def names(text):
        doc = DocContext(region="江西省", year_issued=2026, year_reviewed=2025, heading="一、2025年工作回顾")
        return [f.indicator for f in extract_facts(text, doc, find_places)]
    assert names("对全市12条支流进行生态修复。") == ["支流生态修复"], "进行 carries no action of its own"
    assert names("成功签约126个亿元以上产业项目。") == ["产业项目"], "a size class before the noun is no noun"
    assert names("8大类35项惠民工程全部完成。") == ["惠民工程"], "a count of kinds names nothing"
    assert names("省级专精特新企业新增85家。") == ["省级专精特新企业"], "新增 links the noun to its figure"


def test_a_percent_an_extent_of_change_reaches_is_growth_and_a_falls_negative():
    def measured(text):
        doc = DocContext(region="江西省", year_issued=2026, year_reviewed=2025, heading="一、2025年工作回顾")
        return [(f.measure, f.value) for f in extract_facts(text, doc, find_places)]
    assert measured("两次上调最低工资标准，调整幅度超过12%。") == [("growth", 12.0)]
    assert measured("药品集中带量采购平均降幅达到53%。") == [("growth", -53.0)]
    assert measured("森林覆盖率达到63%。") == [("share", 63.0)]


def test_a_multiple_grown_in_a_review_of_five_years_is_over_them():
    heading = "一、过去五年工作回顾 > ——经济实力显著增强"
    got = rows("2012年，全国粮食产量达到5.9亿吨。全国外汇储备达到3.3万亿美元，增长1.2倍；进出口总额比上年增长6.2%。", heading)
    assert got[1][2:] == ("actual", "2012") and got[2] == ("1.2倍", "multiple", "cumulative", "2012")
    assert got[3][1:3] == ("growth", "actual"), "a change on the year before is the year's"


def test_a_total_dated_by_a_year_is_shown_as_up_to_that_year():
    """The near facts a refusal lists: a five-year total dated 2007 must not read as 2007's own figure."""
    from assistant.answer.nearby import _describe_en, _describe_zh

    total = extract_facts("五年新增城镇就业5100万人。", DocContext(region="全国", year_issued=2008, year_reviewed=2007,
                                                          heading="一、过去五年政府工作回顾"), find_places)[0]
    assert (total.status, total.period) == ("cumulative", "2007")
    assert _describe_zh(total) == "全国截至2007年新增城镇就业累计5100万人"
    assert _describe_en(total).startswith("全国 up to 2007 total:")
    year = extract_facts("城镇新增就业1204万人。", DocContext(region="全国", year_issued=2008, year_reviewed=2007,
                                                      heading="一、2007年工作回顾"), find_places)[0]
    assert _describe_zh(year) == "全国2007年城镇新增就业1204万人"
