"""Wrong answers with citations (session 14): a list counted and named after its items is the list asked though an
item shares the question's words, and a run counted by another number lists another thing; an English count before
a noun with figures or a bracketed gloss counts the list; a report named by its year alone answers with its reviewed
figures before its plan; a span ending at a change leaves out the level the next clause states; a sum of
investment is no count; 占…多少 asks a share; an addition asked is not the level a from-to change reached;
入境 makes another indicator; a name ending with a qualified kind the question says is a name of that kind.
Passages of our own (tests/passages.py) and the real functions; no sentence here is in a question set."""
from __future__ import annotations

from assistant.analysis import analyse
from assistant.answer import extractive as ex
from assistant.answer.asked import kind_bonus
from assistant.answer.lists import other_counted_run
from assistant.answer.types import REFUSAL_EN, REFUSAL_ZH
from assistant.english import read
from tests.passages import answer, report_passage


def _refused(text: str) -> bool:
    return text.startswith((REFUSAL_EN, REFUSAL_ZH))


def _list_bonus(question: str, span: str) -> float:
    analysis = analyse(question)
    return ex.list_bonus(span, analysis, ex.content_bigrams(analysis.question, analysis))


def test_a_counted_run_named_after_its_items_is_the_list_asked():
    question = "荆门市要打造的农业“四大平台”是哪四个？"
    listed = "打造种业研发、检验检测、质量标准、农业云“四大平台”"  # 农业云 shares 农业 with the question
    assert _list_bonus(question, listed) == ex.INSTANCES_BONUS
    assert _list_bonus(question, "着力培育和打造“1+2+N”农业产业体系") < ex.INSTANCES_BONUS


def test_a_run_counted_by_another_number_lists_another_thing():
    assert other_counted_run("新增甲城、乙城、丙城3个过千亿元城市", 4, {"千亿"})
    assert not other_counted_run("新增甲县、乙县、丙县、丁县4个千亿县", 4, {"千亿"})
    question = "Name the four new 100-billion-yuan (千亿) counties of Jingmen."
    assert ex.asked_count(question) == 4  # figures in a word and a bracketed gloss before the noun
    assert _list_bonus(question, "新增甲城、乙城、丙城3个过三千亿元城市") < 0


def test_english_counts_before_a_plain_noun_still_count():
    assert ex.asked_count("Name the three new parks") == 3
    assert ex.asked_count("Which four counties joined?") == 4


def test_a_span_ending_at_a_change_takes_the_level_after_it():
    text = "全市经济结构持续优化，粮食产量达到30.5亿斤，服务业对经济增长的贡献率上升4个百分点，达到55.3%，新业态不断涌现。"
    said = answer("荆门市2025年服务业对经济增长的贡献率是多少？", [report_passage(text, "荆门市")])
    assert "55.3%" in said, said
    assert ex.level_cut("贡献率上升4个百分点，", ["达到55.3%，"])
    assert not ex.level_cut("贡献率上升4个百分点，", ["工业增加值增长6%，"])  # a clause naming its own thing


def test_a_sum_of_investment_asked_is_no_count_of_projects():
    assert ex.money_asked("荆门市 2025年 重大项目 投资 多少")
    text = ("落地新一批重大项目30个、重点合作项目12个，启动实施化工园区技改升级等重大项目。"
            "固定资产投资增长4.1%，重大项目投资完成612.4亿元、增长6.1%。")
    said = answer("荆门市2025年重大项目完成投资多少？", [report_passage(text, "荆门市")])
    assert "612.4亿元" in said, said


def test_a_share_of_the_whole_asked_is_answered_by_tenths():
    analysis = analyse("荆门市2025年磷肥产量占全省多少？")
    assert not analysis.amount  # a share, not a quantity
    assert analyse("荆门市新建园区占地多少亩？").amount  # 占地 is an area
    text = "规模以上工业增加值增长7%，磷肥产量增长12%、占全省6成，化纤产量增长9%。"
    said = answer("荆门市2025年磷肥产量占全省多少？", [report_passage(text, "荆门市")])
    assert "6成" in said, said


def test_an_addition_asked_is_not_the_level_a_change_reached():
    assert ex.addition_asked("荆门市2025年新认定了多少家研发中心？")
    assert not ex.addition_asked("荆门市一共有多少家研发中心？")
    text = "这五年，实际使用外资稳步增长，认定省级研发中心、工程中心分别从120家、80家增加到186家、131家。"
    said = answer("荆门市2025年一年新认定了多少家省级研发中心？", [report_passage(text, "荆门市")])
    assert _refused(said), said
    said = answer("荆门市2025年省级研发中心有多少家？", [report_passage(text, "荆门市")])
    assert "186家" in said, said  # the level asked is answered by it


def test_inbound_visitors_are_not_all_visitors():
    text = "文旅消费持续升温，全年接待游客突破8000万人次，入境旅游人次增长40%。"
    said = answer("How many inbound tourist trips did Jingmen receive in 2025?", [report_passage(text, "荆门市")])
    assert _refused(said) and "8000万人次[" not in said, said
    said = answer("荆门市2025年接待游客多少人次？", [report_passage(text, "荆门市")])
    assert "8000万人次" in said, said


def test_english_renderings_of_central_finances_listing_and_power_sent_out():
    assert "中央财政" in read("How much came from central government finances?").chinese
    assert "上市" in read("How many companies went public in 2025?").chinese
    assert "外送" in read("How much electricity was sent to other provinces?").chinese


def test_a_name_ending_with_a_qualified_kind_asked_is_a_name_of_it():
    asked = "Which film festivals 电影节 歌剧节"
    assert kind_bonus("办好金鸡百花电影节、中国歌剧节等活动", ("节",), asked) > 0
    assert kind_bonus("新建农村道路20公里", ("路",), "哪三条道路") == 0  # the kind's bare noun names no road


def test_a_stretch_of_time_counts_no_items():
    assert ex.asked_count("Which reforms did the report list over the preceding five years?") == 0
    assert ex.asked_count("Which five parks opened?") == 5


def test_a_list_closed_by_deng_ends_at_its_noun():
    from assistant.answer.lists import asked_items_kind, closed

    items = ["抗击甲地特大地震", "乙地强烈地震", "丙地山洪泥石流等严重自然灾害", "灾后恢复重建重大胜利"]
    assert closed(items) == items[:3]
    assert closed(["高等院校", "科研院所"]) == ["高等院校", "科研院所"]  # 高等 closes nothing
    span = "夺取抗击甲地特大地震、乙地强烈地震、丙地山洪泥石流等严重自然灾害和灾后恢复重建重大胜利"
    assert asked_items_kind(span, {"自然", "然灾", "灾害"}) == (3, False)


def test_the_state_council_report_of_a_year_is_that_year_s_report():
    analysis = analyse("Which disasters did the 2019 State Council report list?")
    assert analysis.report_years == [2019] and ex.report_year_only(analysis) == {2019}
    issued = report_passage("夺取抗击甲地特大地震、乙地强烈地震等严重自然灾害重大胜利。", "全国", issued=2019)
    reviewing = report_passage("我国发生丙地地震、丁地洪涝等严重自然灾害。", "全国", issued=2020)
    assert ex.agreement(issued, analysis) > ex.agreement(reviewing, analysis)


def test_a_count_the_question_says_itself_is_no_other_count():
    span = "围绕甲产业、乙产业、丙产业等3个百亿级产业集群"
    assert other_counted_run(span, 2, {"产业", "集群"})
    assert not other_counted_run(span, 2, {"产业", "集群"}, "Jingmen targets three industry clusters. Name two of them.")
