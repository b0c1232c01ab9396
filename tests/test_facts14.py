"""Session 14 extraction rules (tests/sentence_facts.py holds the shared document contexts)."""
from assistant.facts.extract import DocContext

from tests.sentence_facts import facts

# a 2016 report's section on the five years of a plan just ended
PLAN_REVIEW = DocContext(region="江西省", year_issued=2016, year_reviewed=2015, heading="一、“十二五”时期发展回顾")


def by_figure(text: str, doc: DocContext) -> dict:
    return {f.figure: f for f in facts(text, doc)}


def test_part_after_qizhong_is_of_the_totals_years():
    """"其中" opens a part of the total just before it: a total over the plan's years has parts over those years too,
    the items listed after the first part included."""
    got = by_figure("大力发展清洁能源，新增发电装机容量1500万千瓦，其中风电600万千瓦、光伏300万千瓦。", PLAN_REVIEW)
    whole = got["1500万千瓦"]
    assert (whole.status, whole.period) == ("cumulative", "十二五")
    for part in ("600万千瓦", "300万千瓦"):
        assert (got[part].status, got[part].period) == (whole.status, whole.period)
    got = by_figure("新建改建农村公路5万公里，其中通村公路3万公里。", PLAN_REVIEW)
    assert (got["3万公里"].status, got["3万公里"].period) == ("cumulative", "十二五")
    got = by_figure("五年来，新增高速公路通车里程1800公里，其中山区高速公路620公里、沿江高速公路310公里。", PLAN_REVIEW)
    whole = got["1800公里"]
    assert whole.status == "cumulative"
    for part in ("620公里", "310公里"):
        assert (got[part].status, got[part].period) == (whole.status, whole.period)


def test_part_naming_its_own_year_keeps_it():
    """A part dated by its own clause (其中2015年新增…) is that year's, not the plan's."""
    got = by_figure("五年来，累计新增电力装机2600万千瓦，其中2015年新增700万千瓦。", PLAN_REVIEW)
    assert got["2600万千瓦"].status == "cumulative"
    assert got["700万千瓦"].period == "2015" and got["700万千瓦"].status == "actual"


def test_rate_after_qizhong_is_not_a_part():
    """A growth rate in the 其中 clause measures something else than the total's amount: read on its own."""
    got = by_figure("五年来，新增发电装机容量1500万千瓦，其中可再生能源装机增长35%。", PLAN_REVIEW)
    assert got["35%"].measure == "growth"
    assert got["1500万千瓦"].status == "cumulative"


def test_part_of_a_target_is_a_target():
    plans = DocContext(region="江西省", year_issued=2016, year_reviewed=2015, heading="二、2016年主要任务")
    got = by_figure("今年拟安排新建改建农村公路8000公里，其中通村公路3000公里。", plans)
    assert got["8000公里"].status == "target"
    assert (got["3000公里"].status, got["3000公里"].period) == ("target", got["8000公里"].period)


def test_yearly_average_set_as_a_plan_goal_is_a_target():
    """Under a heading setting out a plan's goals, "年均增长5%" is what the plan aims at: a target of the plan."""
    goals = DocContext(region="江西省", year_issued=2026, year_reviewed=2025, heading="二、“十五五”时期主要目标和重大任务")
    got = by_figure("全省地区生产总值年均增长5%左右，全社会研发经费投入年均增长10%以上。", goals)
    assert [(f.status, f.period) for f in got.values()] == [("target", "十五五")] * 2
    # the same words looking back at the plan just over are an average achieved
    review = DocContext(region="江西省", year_issued=2026, year_reviewed=2025, heading="一、“十四五”时期发展成就")
    got = by_figure("过去五年，全省地区生产总值年均增长5.5%。", review)
    assert got["5.5%"].status == "average"
    # a heading of tasks for a plan already over when the report was issued sets no goals
    done = DocContext(region="江西省", year_issued=2021, year_reviewed=2020, heading="二、“十三五”主要任务完成情况")
    got = by_figure("全县固定资产投资年均增长9.6%。", done)
    assert got["9.6%"].status == "average"


def test_yearly_average_asked_of_a_plan_ahead_is_answered_by_its_goal():
    """"“十五五”期间…年均增长多少" of a report issued as the plan begins: the report can only hold the goal."""
    from assistant.analysis import analyse
    from assistant.facts.frame import frame_of
    from assistant.facts.match import disagreements

    goals = DocContext(region="江西省", year_issued=2026, year_reviewed=2025, heading="二、“十五五”时期主要目标和重大任务")
    goal = by_figure("全省地区生产总值年均增长5%左右。", goals)["5%"]
    assert goal.status == "target"
    assert "status" not in disagreements(goal, frame_of(analyse("“十五五”期间江西省地区生产总值年均增长多少？")), 2026)
    # a plan already over: its goal does not answer what the years averaged
    old = DocContext(region="江西省", year_issued=2016, year_reviewed=2015, heading="二、“十三五”时期主要目标")
    past_goal = by_figure("全省地区生产总值年均增长8%左右。", old)["8%"]
    assert "status" in disagreements(past_goal, frame_of(analyse("“十三五”期间江西省地区生产总值年均增长多少？")), 2021)


REPORT_WITH_APPENDIX = """某省2026年政府工作报告
“十四五”时期发展成就和2025年工作回顾
全年地区生产总值增长5.2%。
“十五五”时期主要目标和2026年重点工作
一、把扩大内需作为主线
大力提振消费。
二、加强政府自身建设
持续改进作风。
附件
2026年省民生实事
1.实现城镇新增就业20万人；
2.新建家庭养老床位6000张；
附件2
名词解释
1.规上工业企业：年主营业务收入2000万元及以上的工业企业。
"""


def test_items_under_a_dated_appendix_title_are_that_years_plans():
    """"附件 / 2026年省民生实事 / 1.…": the items are the year's plans, though the heading reader files them under the
    report's last numbered section; an appendix whose title names no year (名词解释) plans nothing."""
    from assistant.facts.table import after_review

    text = REPORT_WITH_APPENDIX
    at = text.index("1.实现城镇新增就业")
    assert after_review(text, ["二、加强政府自身建设", "1.实现城镇新增就业20万人；"], at)
    glossary = text.index("1.规上工业企业")
    assert not after_review(text, ["二、加强政府自身建设"], glossary)
    # an appendix reporting how last year's list went looks back
    done = text.replace("2026年省民生实事", "2025年省民生实事完成情况")
    assert not after_review(done, ["二、加强政府自身建设"], done.index("1.实现城镇新增就业"))
