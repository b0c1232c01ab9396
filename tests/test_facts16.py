"""Session-16 rules of fact extraction, each on sentences written for the test in the reports' style."""
from assistant.facts.extract import DocContext
from tests.sentence_facts import facts

# a 2026 report whose first section reviews the year and the plan it closes
REVIEW = DocContext(region="江西省", year_issued=2026, year_reviewed=2025, heading="一、2025年工作和“十四五”发展回顾")


def test_a_count_of_times_in_a_plans_review_is_a_total_over_the_plan():
    got = facts("——这五年，民生福祉持续增进。开展职业技能培训86万人次。", REVIEW)
    assert (got[0].status, got[0].period) == ("cumulative", "十四五")
    got = facts("——这五年，对外开放不断扩大。国际航班运送旅客320万人次。", REVIEW)
    assert (got[0].status, got[0].period) == ("cumulative", "十四五")
    # a count of times per year or month, or a level reached, stands at the plan's end
    got = facts("——这五年，对外开放不断扩大。机场旅客年吞吐量突破2800万人次。", REVIEW)
    assert (got[0].status, got[0].period) == ("actual", "2025")
    got = facts("——这五年，数字政府加快建设。政务平台月访问量稳定在1500万人次。", REVIEW)
    assert (got[0].status, got[0].period) == ("actual", "2025")
    # a count of things (no times) in the same place is a level, as before
    got = facts("——这五年，社会事业全面进步。全省养老床位38万张。", REVIEW)
    assert (got[0].status, got[0].period) == ("actual", "2025")


def test_tiers_of_government_before_a_count_say_where_not_what_is_counted():
    got = facts("省、市两级326个政务服务事项实现全程网办。")
    assert got[0].indicator == "政务服务事项"
    got = facts("县乡村三级1200个便民服务站点全面建成。")
    assert got[0].indicator.startswith("便民服务站点")


def test_a_name_two_places_share_is_neither_places_alone():
    zhejiang = DocContext(region="浙江省", year_issued=2026, year_reviewed=2025, heading="一、2025年工作回顾")
    got = facts("宁波舟山港货物吞吐量13.5亿吨。", zhejiang)
    assert got[0].place == "浙江省"
    # a place written alone, or a district named with its city, is still the figure's place
    got = facts("舟山港货物吞吐量3.2亿吨。", zhejiang)
    assert got[0].place == "舟山市"
    henan = DocContext(region="河南省", year_issued=2024, year_reviewed=2023, heading="一、2023年工作回顾")
    got = facts("漯河市郾城区地区生产总值增长6.1%。", henan)
    assert got[0].place == "郾城区"


def test_a_power_built_as_projects_is_a_figure_a_production_capacity_names_them():
    plans = DocContext(region="江西省", year_issued=2026, year_reviewed=2025, heading="三、2026年重点工作")
    got = facts("在负荷中心布局建设300万千瓦抽水蓄能项目。", plans)
    assert [(f.figure, f.indicator) for f in got] == [("300万千瓦", "抽水蓄能项目")]
    got = facts("加快推进10万吨再生铝项目建设。", plans)  # the size a plant is known by: no figure
    assert got == []


def test_things_paired_with_a_partner_are_named_after_the_pairing():
    got = facts("126所中小学与省会城市学校结对共建。")
    assert got[0].indicator == "与省会城市学校结对共建中小学"
    got = facts("85家企业与高校院所签约合作。")
    assert got[0].indicator.endswith("企业") and got[0].indicator.startswith("与高校院所")


def test_people_a_programme_reaches_in_a_plans_review_are_a_level_at_its_end():
    five = DocContext(region="全国", year_issued=2013, year_reviewed=2012, heading="一、过去五年工作回顾")
    got = facts("全面建立城乡居民大病保险制度，惠及3.2亿参保群众。", five)
    assert (got[0].status, got[0].period) == ("actual", "2012")
    # things acted on one by one in the same review are still totals over it
    got = facts("改造农村危房1800万户。", five)
    assert got[0].status == "cumulative"


def test_a_count_taken_among_a_group_is_of_the_noun_after_qualified_by_the_group():
    got = facts("全国民营企业500强中有15家企业上榜。")
    assert got[0].indicator == "民营企业500强上榜企业"  # (全国 is where, dropped as places are)
    got = facts("全省85个开发区中有32个园区获批国家级绿色园区。")
    assert [f.indicator for f in got] == ["开发区", "开发区获批国家级绿色园区"]
    got = facts("调查的60个城市中有21个城市空气质量达标。")  # a group of the same things qualifies nothing
    assert [f.indicator for f in got] == ["城市", "城市空气质量达标"]


def test_a_plans_document_opening_a_sentence_dates_no_figure_after_it():
    nation = DocContext(region="全国", year_issued=2008, year_reviewed=2007, heading="一、过去五年工作回顾")
    text = "“十一五”规划纲要把节能减排作为约束性目标。关停小火电1500万千瓦。继续推进生态建设，五年累计治理水土流失面积52万平方公里。"
    got = facts(text, nation)
    # the plan's years had not come: five years of a 2008 report run up to 2007
    assert [f.period for f in got] == ["2007", "2007"]
    # the plan's years opening a sentence still date what follows
    got = facts("“十一五”期间，累计治理水土流失面积52万平方公里。",
                DocContext(region="全国", year_issued=2011, year_reviewed=2010, heading="一、“十一五”时期回顾"))
    assert (got[0].status, got[0].period) == ("cumulative", "十一五")


def test_words_of_a_total_or_of_kinds_inside_an_indicator_are_no_part_of_it():
    got = facts("市级财政累计投入42亿元用于农村公路建设。")
    assert (got[0].indicator, got[0].status) == ("市级财政投入", "cumulative")  # the status keeps what 累计 said
    got = facts("救助各类困难群众12万名。")
    assert got[0].indicator == "救助困难群众"
    got = facts("金融机构人民币各项贷款余额增长9.5%。")  # 各项贷款: the name of all loans, kept
    assert got[0].indicator == "金融机构人民币各项贷款余额"


def test_a_size_and_below_before_a_noun_names_a_class_as_and_above_does():
    plans = DocContext(region="江西省", year_issued=2026, year_reviewed=2025, heading="三、2026年重点工作")
    assert facts("关停30万千瓦及以下煤电机组。", plans) == []
    assert facts("关停30万千瓦及以上煤电机组。", plans) == []
    got = facts("关停煤电机组30万千瓦。", plans)  # a size stated of what is shut is a figure
    assert [f.figure for f in got] == ["30万千瓦"]
