"""How long something took, items asked by an imperative, names of a kind listed in one run: passages of our
own through the real extractive answerer (none of these sentences or questions is in a question set)."""
from __future__ import annotations

from assistant.analysis import analyse
from assistant.answer import extractive as ex
from assistant.answer.asked import kind_bonus, name_kind_ends
from assistant.answer.extractive import asked_count, asks_list
from assistant.answer.refusal import TIME_SPAN, counts_years, time_taken
from tests.passages import answer, report_passage

REFUSED = "根据现有文件，无法回答"


def test_how_long_it_took_is_asked_in_either_language():
    assert time_taken("某县用了多长时间完成老旧小区改造？")
    assert time_taken("石桥历时多久才修复？")
    assert time_taken("How long did the county take to rebuild its old bridge?")
    assert not time_taken("How long is the new ring road?")  # a length, not a time taken
    assert not time_taken("某县哪一年完成老旧小区改造？")
    assert counts_years("How long did the county take to rebuild its old bridge?")


def test_a_span_of_time_in_any_unit_is_a_duration_and_a_calendar_year_is_not():
    assert [m.group(0) for m in TIME_SPAN.finditer("用时18个月完成改造，历时9年建成，用不到40天清零")] == \
        ["18个月", "9年", "40天"]
    assert TIME_SPAN.search("2023年完成改造") is None


def test_how_long_it_took_is_answered_by_the_time_taken_not_another_figure():
    contexts = [report_passage("老旧小区改造全面收官，某县用时18个月完成改造任务，惠及居民4200户。", "某县", n=1),
                report_passage("新建农村道路12公里，改造危桥6座。", "某县", n=2)]
    text = answer("某县用了多长时间完成老旧小区改造？", contexts)
    assert "18个月" in text and "12公里" not in text, text


def test_a_calendar_year_does_not_say_how_long_something_took():
    contexts = [report_passage("2023年某县完成老旧小区改造任务，惠及居民4200户。", "某县", n=1)]
    assert answer("某县用了多长时间完成老旧小区改造？", contexts).startswith(REFUSED)


def test_name_n_of_them_asks_that_many_items():
    question = "The city's plan names six industry parks. Name three of them."
    assert asks_list("", question) and asked_count(question) == 3
    assert not asks_list("", "Name the company that built the new port.")


def test_names_of_a_kind_are_counted_per_item_of_a_run():
    ends = name_kind_ends(analyse("某区2025年要打通哪三条道路？"))
    assert "路" in ends
    three = kind_bonus("打通长乐路、永安路和青松路", ends, "某区2025年要打通哪三条道路？", 3)
    one = kind_bonus("新建农村道路30公里", ends, "某区2025年要打通哪三条道路？", 3)
    assert three > kind_bonus("打通长乐路", ends, "某区2025年要打通哪三条道路？", 3) > one
    assert one == 0.0  # the question's own noun (道路) ends no name


def test_a_counted_list_of_meetings_is_answered_by_the_meetings_not_a_list_sharing_a_word():
    contexts = [report_passage("推进东港国际机场二跑道、滨江国际物流园、西山隧道等项目建设。", "某省", n=1,
                               heading=["三、2026年重点工作"]),
                report_passage("深化对外交流合作，高水平承办东方经济论坛、南海博览会。", "某省", n=2,
                               heading=["三、2026年重点工作"])]
    text = answer("某省2026年要承办哪两个国际会议？", contexts)
    assert "东方经济论坛" in text and "机场" not in text, text


def test_festivals_asked_are_the_festivals_of_the_clause():
    contexts = [report_passage("办好山海音乐节、青瓷文化节等活动，推出文旅精品线路20条。", "某市", n=1,
                               heading=["三、2026年重点工作"])]
    asked = analyse("Which music and culture festivals will Moushi hold?".replace("Moushi", "某市"))
    text = ex.answer(asked.question, asked, contexts)
    assert "山海音乐节" in text, text


def test_an_english_which_asking_one_thing_is_no_list():
    from assistant.answer.lists import english_one_asked

    assert english_one_asked("Which city in Hunan opened the new airport terminal?")
    assert english_one_asked("Which company's battery plant was the first of its kind?")
    assert not english_one_asked("Which key farm product brands did Hunan promote?")
    assert not english_one_asked("Which two ports did Hunan upgrade?")
    assert not english_one_asked("What was Hunan's GDP?")


def test_a_quoted_name_ending_in_plus_is_one_thing_not_a_run_of_items():
    assert ex.ENUMERATION.search("鼓励企业开发“竹纤维+”“海藻糖+”等新产品") is None
    assert ex.item_counts("形成“土地+金融+人才”政策组合") == {3}


def test_a_list_question_is_answered_by_the_items_not_by_the_heading_of_one_of_them():
    contexts = [report_passage("加快培育坚果炒货、冷鲜肉制品、速冻面点等重点产业链。围绕坚果炒货产业链，推动低盐低糖转型。"
                               "围绕功能饮品产业链，开发“竹纤维+”“海藻糖+”等新产品。", "某市", issued=2024, n=1,
                               heading=["三、2024年重点工作安排"])]
    text = answer("某市2024年要加快培育哪些食品产业链？", contexts)
    assert "冷鲜肉制品" in text and "竹纤维" not in text, text


def test_name_a_few_is_a_list_and_how_many_is_a_count():
    assert analyse("某市“十三五”期间获得了哪些国家级荣誉？列举几个").wants == "name"
    assert asks_list("某市“十三五”期间获得了哪些国家级荣誉？列举几个")
    assert analyse("某县有几个国家级园区？").wants == "number"
