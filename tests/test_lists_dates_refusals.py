"""A list question is answered by items it asks about, a counted one (which three) by a span naming several
things; a date asked within a year is not another year. Passages of our own through the real extractive
answerer; none of these questions is in a question set."""
from __future__ import annotations

from assistant.analysis import analyse
from assistant.answer.asked import another_year_only, year_asked_within
from tests.passages import answer, report_passage


def test_a_list_sharing_no_word_with_the_question_is_not_its_answer():
    contexts = [report_passage("各位代表！我们要大力弘扬勤劳朴实、自强不息、敢为人先的精神，奋力开创新局面。", "安徽省", n=1,
                               heading=["四、加强政府自身建设"])]
    assert answer("安徽省2026年要建成哪些水利枢纽？", contexts).startswith("根据现有文件，无法回答")


def test_a_counted_list_is_not_answered_by_a_span_naming_one_thing():
    contexts = [report_passage("巩固农村公路建设成果，新建农村公路30公里。", "某区", issued=2025, n=1,
                               heading=["三、2025年重点工作安排"]),
                report_passage("完善城区路网，打通长江路、黄河路和淮河路三条断头路。", "某区", issued=2025, n=2,
                               heading=["三、2025年重点工作安排"])]
    text = answer("某区2025年要打通哪三条道路？", contexts)
    assert "长江路" in text and "30公里" not in text, text
    named_none = [report_passage("打通农村道路断头路，新建农村道路30公里。", "某区", issued=2025, n=1,
                                 heading=["三、2025年重点工作安排"])]
    assert answer("某区2025年要打通哪三条道路？", named_none).startswith("根据现有文件，无法回答")


def test_items_one_a_clause_answer_a_counted_kind():
    contexts = [report_passage("甲镇李家村荣获全国文明村,乙镇王庄村荣获全国乡村治理示范村。", "某县", issued=2021, n=1)]
    text = answer("某县哪两个村荣获全国文明村和乡村治理示范村？", contexts)
    assert "李家村" in text and "王庄村" in text, text


def test_a_date_asked_within_a_year_is_not_another_years():
    assert year_asked_within(analyse("When does Luohe plan to finish its flood survey in 2024?")) == 2024
    assert year_asked_within(analyse("漯河市2024年什么时候完成城市体检？")) == 2024
    assert year_asked_within(analyse("2021年印发的规划要在哪一年建成？")) is None
    assert another_year_only("2021年社区中心达到服务能力基本标准", 2024)
    assert not another_year_only("6月底前完成城市体检", 2024)
    assert not another_year_only("2024年底前完成", 2024)
    contexts = [report_passage("持续改善基层医疗条件，2021年社区中心达到基本标准。", "漯河市", issued=2024, n=1,
                               heading=["三、2024年重点工作安排"]),
                report_passage("加快城市更新。6月底前完成城市体检，9月底前完成更新规划编制。", "漯河市", issued=2024, n=2,
                               heading=["三、2024年重点工作安排"])]
    text = answer("漯河市2024年什么时候完成城市体检？", contexts)
    assert "6月底" in text and "2021年" not in text, text
    another = [report_passage("深化城市体检工作，2021年城市体检评估全面完成。", "漯河市", issued=2024, n=1,
                              heading=["三、2024年重点工作安排"])]
    assert answer("漯河市2024年什么时候完成城市体检？", another).startswith("根据现有文件，无法回答")
