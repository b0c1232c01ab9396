"""The extractive answerer's general rules: list items, dates, restatements, short forms, years a report holds.

Pure rules on sentences of our own, then real questions through the real Assistant over the seeds
(none of these questions is in a question set).
"""
from __future__ import annotations

import pytest

from assistant.analysis import analyse
from assistant.answer import extractive as ex
from assistant.answer.refusal import measure_penalty, too_many_missing
from assistant.documents import Chunk, ScoredChunk


def passage(text: str, kind: str = "government_work_report", reviewed: int = 2020, issued: int = 2021,
            heading: list[str] | None = None) -> ScoredChunk:
    meta = {"source": "x.txt", "title": f"某市政府工作报告（{issued}年）", "region": "漯河市", "doc_id": "x",
            "doc_kind": kind, "year_issued": issued, "year_reviewed": reviewed}
    chunk = Chunk(chunk_id="x:0001", doc_id="x", text=text, start=0, end=len(text),
                  heading_path=heading or ["一、工作回顾"], page=None, metadata=meta)
    return ScoredChunk(chunk=chunk, score=1.0)


@pytest.mark.parametrize("question, listing, count", [
    ("某县的两大支柱产业是哪些？", True, 2),
    ("某市计划建设哪三座公园？", True, 3),
    ("Which two rivers does the plan name?", True, 2),
    ("“三个一批”分别指什么？", True, 3),
    ("某县哪几天举办了博览会？", False, 0),  # days: a date question, not a list
    ("某市2020年新增多少家企业？", False, 0),
])
def test_list_questions_and_the_items_they_count(question, listing, count):
    assert ex.asks_list(question) is listing
    assert ex.asked_count(question) == count


def test_a_list_question_prefers_the_clause_giving_its_items():
    analysis = analyse("某县的两大支柱产业是哪些？")
    named = "加快转型升级，做强两大支柱产业"
    items = "纺织服装、装备制造两大支柱产业营收突破百亿元"
    assert ex.item_counts(items) == {2}
    assert ex.list_bonus(items, analysis) > 0.0 > ex.list_bonus(named, analysis)  # naming the list, no items: less
    span, _ = ex.best_span(f"{named}。{items}。", ex.content_bigrams(analysis.question, analysis), analysis)
    assert "纺织服装" in span and "装备制造" in span


def test_a_colon_opening_a_list_takes_its_items_up_to_the_full_stop():
    analysis = analyse("某区今年的重点任务有哪些？")
    text = "今年的\n重点任务\n是：建设智慧园区，完善配套设施；扩大对外开放；改善营商环境。这些任务十分艰巨。"
    span, _ = ex.best_span(text, ex.content_bigrams(analysis.question, analysis), analysis)
    assert all(item in span for item in ("建设智慧园区", "扩大对外开放", "改善营商环境")), span
    assert "十分艰巨" not in span


def test_a_date_the_question_states_is_not_the_answer():
    question = "按某省2021年印发的规划，要在哪一年建成创新高地？"
    assert ex.new_dates(ex.DATE, "2021年，省政府印发规划", question) == []
    assert ex.new_dates(ex.DATE, "展望2035年，基本建成创新高地", question) == ["2035年"]
    analysis = analyse(question)
    text = "2021年，省政府正式印发规划，明确了建成创新高地的蓝图。展望2035年，基本建成创新高地。"
    picked = ex._best_picks([passage(text, kind="news")], analysis, ex.content_bigrams(question, analysis))
    assert picked and "2035年" in picked[0].text


def test_a_date_question_is_not_answered_by_a_clause_without_a_date():
    analysis = analyse("某市哪一年建成了体育中心？")
    text = "体育中心建成投用，群众健身条件明显改善。"
    assert ex._best_picks([passage(text)], analysis, ex.content_bigrams(analysis.question, analysis)) == []


def test_a_span_that_restates_the_question_is_no_answer():
    analysis = analyse("某省2026年的主要预期目标有哪些？")
    assert ex.restates("主要预期目标", analysis.question, analysis)
    assert not ex.restates("地区生产总值增长5%左右", analysis.question, analysis)
    figure = analyse("某市2020年累计取消调整了多少项行政许可？")
    assert not ex.restates("累计取消调整行政许可4084项", figure.question, figure)  # its own figure


def test_a_short_form_spelled_out_in_a_passage_is_known():
    hits = [passage("2021年2月7日在某市第十五届人民代表大会第四次会议上")]
    assert ex.spelled_out("人代会", hits)
    assert not ex.spelled_out("博览会", hits)
    assert not ex.spelled_out("人代", hits)  # two characters meet by chance too often


def test_a_question_about_a_year_a_work_report_does_not_cover():
    analysis = analyse("2018年某市成立了哪些创新中心？")
    assert not ex.year_held(passage("食品创新中心相继成立。"), analysis)
    assert ex.year_held(passage("2018年以来，食品创新中心相继成立。"), analysis)  # the passage names it
    assert ex.year_held(passage("食品创新中心相继成立。", kind="news"), analysis)  # other passages may name it
    assert ex.year_held(passage("食品创新中心相继成立。", reviewed=2018, issued=2019), analysis)


def test_a_rate_is_not_answered_by_a_count():
    analysis = analyse("某市2020年的森林覆盖率是多少？")
    assert measure_penalty("新建森林乡村24个", analysis) > 0
    assert measure_penalty("森林覆盖率达到31.2%", analysis) == 0


def test_one_missing_indicator_term_refuses_only_when_specific():
    assert too_many_missing(["常住", "人口", "常住人口"], "新建森林乡村24个")
    assert not too_many_missing(["增速"], "地区生产总值增长5.3%")


def test_real_questions_over_the_seeds(seeded):
    answer = seeded.ask("2018年漯河市相继成立了哪些创新中心？", mode="extractive")
    assert answer.refused and "没有讲2018年" in answer.text and "回顾2020年" in answer.text, answer.text
    answer = seeded.ask("尉氏县2021年政府工作报告是什么时候作的？", mode="extractive")
    assert "2021年2月24日" in answer.text and not answer.refused, answer.text
    answer = seeded.ask("漯河市2020年的常住人口是多少？", mode="extractive")
    assert answer.refused, answer.text
    answer = seeded.ask("漯河市在哪一年成功创建国家卫生城市？", mode="extractive")
    assert answer.refused, answer.text


def test_a_ratio_is_one_clause():
    assert ex.clauses("三次产业比例由10.2:45.3:44.5调整到8.1:40:51.9，结构更优。") == [
        "三次产业比例由10.2:45.3:44.5调整到8.1:40:51.9，", "结构更优。"]


def test_a_list_after_ji_and_numbered_items_are_given_whole():
    analysis = analyse("某县的发展定位“两城一中心”具体指什么？")
    grams = ex.content_bigrams(analysis.question, analysis)
    span, _ = ex.best_span("提出发展定位：打造“两城一中心”，即建设开放之城、宜居之城，打造物流中心。", grams, analysis)
    assert all(item in span for item in ("开放之城", "宜居之城", "物流中心")), span
    analysis = analyse("某县面临哪些困难？")
    text = "我们也认识到面临不少困难：一是需求不足。原因很多。二是要素制约增多，土地紧张。三是服务有差距。"
    span, _ = ex.best_span(text, ex.content_bigrams(analysis.question, analysis), analysis)
    assert "一是需求不足" in span and "二是要素制约增多" in span and "三是服务有差距" in span, span
    assert "土地紧张" not in span  # the first clause of each item


def test_a_who_question_is_answered_by_a_clause_naming_someone_by_office():
    assert ex.asks_person("某市2021年政府工作报告是由谁作的？") and ex.asks_person("Who delivered the report?")
    assert ex.names_a_person("某市人民政府市长张三丰") and ex.names_a_person("国务院总理 温家宝")
    assert not ex.names_a_person("现在，我代表市人民政府向大会报告工作")
    analysis = analyse("某市2021年政府工作报告是由谁作的？")
    hits = [passage("2021年1月5日在某市第十届人民代表大会第一次会议上\n某市人民政府市长 张三丰\n各位代表：现在，我代表市人民政府向大会报告工作。",
                    issued=2021)]
    picked = max((ex._best_picks(hits, analysis, grams) for grams in ex._gram_sets(analysis.question, analysis)),
                 key=lambda ps: min((p.score for p in ps), default=-1.0), default=[])
    assert picked and "张三丰" in picked[0].text, picked
