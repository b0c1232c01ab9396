"""Dates, names and years the extractive answer must take from the right clause (assistant/answer/asked.py and its
hooks in extractive.py): a season dates a plan; a figure restated without its year is its dated statement's; a
comparison side takes the year's achieved figure over its plan; a name is taken from the clause the asking clause
points to, of the kind asked (哪家, which villages), stating the figure the question gives; a county named in
English that the index holds nothing of is refused as in Chinese.

Sentences of our own through the real analysis, fact extraction and answerer (none is from a question set).
"""
from __future__ import annotations

from assistant.analysis import analyse
from assistant.answer import extractive as ex
from assistant.answer.asked import asks_past_event, dated_elsewhere, kind_bonus, plan_date
from assistant.answer.citations import is_refusal
from assistant.documents import ScoredChunk
from assistant.places import gazetteer_book
from tests.passages import answer, report_passage


def passage(text: str, region: str = "江西省", issued: int = 2026, heading: list[str] | None = None,
            kind: str = "government_work_report", n: int = 1) -> ScoredChunk:
    return report_passage(text, region, issued, heading or ["一、工作回顾"], kind, n)


def test_a_season_dates_a_plan():
    text = "加快建设新校区，力争研究院春季开学。建成实训基地3个。"
    got = answer("研究院力争什么时候开学？", [passage(text)])
    assert "春季" in got and not is_refusal(got), got
    assert not ex.DATE.search("换季促销")  # a season's change is no date
    assert ex.DATE.search("第一季度").group(0) == "第一季度"  # a quarter stays a quarter


def test_a_figure_restated_without_its_year_is_its_dated_statements():
    text = ("九江港口吞吐量增长12.5% 物流发展提速\n"
            "2021年1月至6月，九江港口吞吐量增长12.5%，居全省第2位。")
    news = passage(text, region="九江市", issued=2025, kind="news")
    got = answer("九江2022年港口吞吐量增长多少？", [news])
    assert is_refusal(got), got
    assert "12.5%" in answer("九江2021年港口吞吐量增长多少？", [news])
    # the rule itself: the headline's figure is dated by the sentence restating it
    assert dated_elsewhere("九江港口吞吐量增长12.5%", text, analyse("九江2022年港口吞吐量增长多少？"))
    assert not dated_elsewhere("九江港口吞吐量增长12.5%", text, analyse("九江2021年港口吞吐量增长多少？"))
    assert not dated_elsewhere("九江港口吞吐量增长12.5%", "九江港口吞吐量增长12.5%，居全省第2位。",
                               analyse("九江2022年港口吞吐量增长多少？"))  # no year anywhere: not known to be another's


def test_a_comparison_side_takes_the_achieved_figure_before_the_plan():
    plan = passage("今年主要预期目标是：生产总值增长7%左右，新增城镇就业45万人以上。", issued=2013,
                   heading=["三、2013年工作安排"])
    review = passage("过去一年，生产总值增长8%，新增城镇就业52万人，创历史新高。", issued=2014, n=2,
                     heading=["一、2013年工作回顾"])
    later = passage("过去一年，新增城镇就业55万人。", issued=2016, n=3, heading=["一、2015年工作回顾"])
    got = answer("江西新增城镇就业：2013年和2015年各多少？", [plan, review, later])
    assert "52万人" in got and "55万人" in got and "45万人" not in got, got
    # with no achieved figure at hand, the plan still answers its side
    got = answer("江西新增城镇就业：2013年和2015年各多少？", [plan, later])
    assert "45万人" in got and "55万人" in got, got


def test_a_name_comes_from_the_clause_the_asking_clause_points_to():
    text = ("江西省2022年加快重组整合,以首批六家企业挂牌为标志。在省政府主导下,江西交通投资集团有限公司、"
            "江西文化旅游投资集团有限公司等集团集中亮相。这批企业覆盖关键领域,如物流和文旅。")
    got = answer("江西2022年国企重组整合首批挂牌的企业里，交通领域是哪家？", [passage(text, kind="news", issued=2023)])
    assert "江西交通投资集团" in got, got


def test_a_list_of_a_kind_takes_the_clauses_naming_items_of_that_kind():
    text = ("开展文化下乡活动,荣获省级文明单位3家、省级诚信企业2家。激发基层治理活力,甲乡大王村荣获全国文明村,"
            "乙镇小李庄村荣获全国乡村治理示范村。")
    for question in ("哪两个村荣获全国称号？", "Which two villages won national honours?"):
        got = answer(question, [passage(text)])
        assert "大王村" in got and "小李庄村" in got, got
    assert kind_bonus("大王村荣获全国文明村", ("村",), "哪个村") > 0 == kind_bonus("荣获省级文明单位3家", ("村",), "哪个村")


def test_a_name_question_giving_a_figure_is_answered_by_the_clause_stating_it():
    text = ("强化项目运营意识,确保项目建成即运营、能见效。五年来,投资3.2亿元建成全市单体投资最大的滨江大桥,"
            "城市功能日益完善。")
    got = answer("投资3.2亿元建成的全市单体投资最大的项目是哪个？", [passage(text)])
    assert "滨江大桥" in got, got
    english = answer("Which project, built for 320 million yuan, was the largest single investment?", [passage(text)])
    assert "滨江大桥" in english, english


def test_a_county_named_in_english_is_read_even_when_the_index_holds_nothing_of_it():
    book = gazetteer_book()
    assert "武宁县" in book.find_places("what was wuning county's gdp in 2021?")
    assert "武宁县" not in book.find_places("wuning gdp in 2021")  # a pinyin alone may be any word
    city = passage("全市地区生产总值达到3700亿元，增长8%。", region="九江市", issued=2022)
    got = answer("What was Wuning county's GDP in 2021?", [city])
    assert is_refusal(got) and "武宁县" in got, got


def test_a_past_event_is_not_dated_by_a_plan():
    text = ("五年来，开发区综合实力明显提升，到2025年，全区食品产业营业收入达到2500亿元。"
            "2019年成功晋级全省“三星级”产业集聚区。")
    past = "What year did the development zone reach 250 billion yuan of food industry revenue?"
    assert asks_past_event(analyse(past))
    got = answer(past, [passage("五年来，开发区综合实力明显提升，到2025年，全区食品产业营业收入达到2500亿元。")])
    assert is_refusal(got), got
    aimed = "By what year does the development zone aim for 250 billion yuan of food industry revenue?"
    assert not asks_past_event(analyse(aimed))
    assert not asks_past_event(analyse("By what year was the zone's revenue to reach 250 billion yuan?"))  # a deadline
    plan_span = "到2025年，全区食品产业营业收入达到2500亿元"
    assert not ex.stating_a_date(analyse(past))(plan_span, plan_span)
    assert ex.stating_a_date(analyse(aimed))(plan_span, plan_span)  # asked what is aimed at, the plan answers
    assert plan_date("到2025年，全区食品产业营业收入达到2500亿元") and not plan_date("2019年成功晋级全省“三星级”产业集聚区")
