"""Datelines, part-year figures, plan periods and ranks in two scopes (assistant/answer/asked.py, its hooks in
extractive.py and refusal.py): a date on a line of its own dates the issuer or headline above it; a year inside a
quoted title is no date; when-was-the-news-published is the page's dateline; a figure of a part of a year does not
answer the year; a plan period's name says when, not what; a rank asked in the city and in the province is both.

Sentences of our own through the real analysis, fact extraction and answerer (none is from a question set).
"""
from __future__ import annotations

from assistant.analysis import analyse
from assistant.answer import extractive as ex
from assistant.answer.asked import (holds_dateline, outside_titles, part_year, rank_marks, rank_scopes, ranks_bonus,
                                    with_datelines)
from assistant.answer.citations import is_refusal
from assistant.answer.refusal import indicator_words, when_said
from assistant.documents import ScoredChunk
from tests.passages import answer, report_passage


def passage(text: str, region: str = "九江市", issued: int = 2026, heading: list[str] | None = None,
            kind: str = "government_work_report", n: int = 1) -> ScoredChunk:
    return report_passage(text, region, issued, heading or ["三、2026年工作安排"], kind, n)


SIGNED = ("各位代表，蓝图已经绘就，号角已经吹响。让我们团结一心，奋力谱写九江高质量发展新篇章！\n"
          "  九江市十五届人大三次会议秘书处\n"
          "  2026年1月20日印\n")


def test_a_dateline_dates_the_issuer_above_it():
    got = answer("九江市十五届人大三次会议秘书处哪天印发的报告？", [passage(SIGNED)])
    assert "2026年1月20日" in got and not is_refusal(got), got
    # the date line goes with the line of the issuer, not with a sentence of the text
    cut = with_datelines(ex.sentences(SIGNED))
    assert any("秘书处" in s and "1月20日" in s for s in cut), cut
    cut = with_datelines(ex.sentences("全年完成投资120亿元。\n2026年1月20日\n"))
    assert "2026年1月20日\n" in cut, cut  # a sentence ending in 。 is no issuer: the date stays alone


NEWS = ("江西九江:加快建设长江港口物流枢纽\n"
        "    2023-05-18\n"
        "    江西网讯 日前,九江市发布《九江市港口发展“十四五”规划和二〇三五年远景目标》。规划提出,到2025年,"
        "港口货物吞吐量达到2亿吨。\n")


def test_the_news_page_dateline_answers_when_the_news_was_published():
    page = passage(NEWS, kind="news", issued=2023)
    for question in ("九江港口规划的新闻是哪天发布的？", "When was the news about the Jiujiang port plan published?"):
        got = answer(question, [page])
        assert "2023-05-18" in got and not is_refusal(got), (question, got)
    assert holds_dateline("江西九江:加快建设长江港口物流枢纽\n    2023-05-18\n")
    assert not holds_dateline("港口货物吞吐量2023年达到2亿吨")
    # a figure date is a date; a year inside a quoted title is part of its name
    assert ex.DATE.search("发布于2023-05-18").group(0) == "2023-05-18"
    assert not ex.DATE.search(outside_titles("发布《港口规划和二〇三五年远景目标》"))


def test_a_figure_of_part_of_a_year_does_not_answer_the_year():
    text = ("赣州固定资产投资增长9.1% 项目建设提速\n"
            "2023年1月至9月,赣州固定资产投资增长9.1%,高于全省平均水平2.3个百分点。")
    news = passage(text, region="赣州市", kind="news", issued=2023)
    got = answer("赣州市2023年全年固定资产投资增长多少？", [news])
    assert is_refusal(got), got
    assert "9.1%" in answer("赣州市2023年1至9月固定资产投资增长多少？", [news])
    # the year named alone: answered with the statement saying which months the figure is of
    got = answer("赣州市2023年固定资产投资增长多少？", [news])
    assert "2023年1月至9月" in got and "9.1%" in got, got
    # the rule itself: each figure is stated after a part of the year in its sentence
    asked = analyse("赣州市2023年全年固定资产投资增长多少？")
    assert part_year("赣州固定资产投资增长9.1%", text, asked)
    # a whole year after the part: the year's own figure
    assert not part_year("全年增长8.2%", "一季度增长7.5%，全年增长8.2%。", asked)
    assert not part_year("增长8.2%", "固定资产投资增长8.2%。", asked)


def test_a_plan_period_says_when_not_what():
    text = "五年来，脱贫攻坚取得全面胜利，1020个贫困村全部出列，贫困人口全部脱贫。"
    got = answer("赣州十三五时期有几个贫困村出列？", [passage(text, region="赣州市", issued=2021)])
    assert "1020个" in got and not is_refusal(got), got
    assert "十三五" not in when_said("赣州“十三五”期间有几个贫困村出列")
    words = indicator_words("赣州十三五时期有几个贫困村出列？", analyse("赣州十三五时期有几个贫困村出列？"))
    assert "时期" not in words and "十三五" not in words, words
    # a period named after the asking word's clause start: the indicator before it is still read
    words = indicator_words("赣州“十三五”外贸进出口总额是“十二五”的多少倍？", analyse("赣州“十三五”外贸进出口总额是“十二五”的多少倍？"))
    assert "外贸" in words, words


def test_a_cap_asked_is_a_target_and_its_words_are_no_indicator():
    text = "接续实施蓝天保卫战，确保PM2.5、PM10年均浓度分别低于36、60微克/立方米，优良天数不少于300天。"
    question = "九江2026年PM2.5和PM10年均浓度要控制在多少以下？"
    got = answer(question, [passage(text)])
    assert "36" in got and "60微克/立方米" in got and not is_refusal(got), got
    assert not {"控制", "以下"} & set(indicator_words(question, analyse(question)))


def test_a_rank_asked_in_two_scopes_gives_both():
    text = "规模以上工业增加值增长6.1%。一般公共预算收入30.2亿元,增长5.1%,全市排名第二,全省排名第35位。"
    got = answer("修水县2023年一般公共预算收入在全市和全省分别排第几？", [passage(text, region="修水县", issued=2024)])
    assert "第二" in got and "第35位" in got, got
    assert rank_scopes(analyse("修水县2023年一般公共预算收入在全市和全省分别排第几？")) == 2
    assert rank_scopes(analyse("修水县2023年一般公共预算收入是多少？")) == 0  # no rank asked
    assert ranks_bonus("全市排名第二,全省排名第35位", 2) > ranks_bonus("全市排名第二", 2) == 0.0
    # one scope asked: the rank stated in it, not the city's
    got = answer("修水县2023年一般公共预算收入在全省排第几？", [passage(text, region="修水县", issued=2024)])
    assert "第35位" in got, got
    assert "全省" in rank_marks(analyse("Where did Xiushui County's 2023 budget revenue rank in the province?"))
    assert rank_marks(analyse("修水县2023年一般公共预算收入是多少？")) == ()



def test_a_date_of_another_thing_is_no_answer():
    plan = passage("重点实施精密铸件产业园等项目。到2027年,精密铸件产业营业收入达到80亿元,年税收达到3亿元。",
                   region="九江市", kind="five_year_plan", issued=2023)
    got = answer("九江冷链装备产业园2026年什么时候开工？", [plan])
    assert is_refusal(got), got
    named = passage("推动装备制造集聚发展,冷链装备产业园9月底前开工建设,力争年底投产。", issued=2026)
    got = answer("九江冷链装备产业园2026年什么时候开工？", [named])
    assert "9月底前" in got and not is_refusal(got), got
