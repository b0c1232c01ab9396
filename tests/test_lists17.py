"""Lists (session 17, lists17).

- An English question asking which things reads its verbs of change (built faster, grow into) as 增速/增长: those say
  what the things do, not a rate asked; the things are asked (analysis.english_items_asked), unless the question
  asks a rate in words (how fast, by how much, growth rate).
- A run of items two or more of which end as a kind's names do (加快甲新城、乙新城建设) names things of that kind, though
  they end with the kind's common noun (新城); one alone by it (推进新城建设) names none.
- An English list question's plural head noun says how its items' names end (which new medical centres: 中心, through
  the glossary): a span whose items end so is preferred to one sharing more words that names none.
Sentences written for the tests (general report language); the real analysis and extractive answerer.
"""
from __future__ import annotations

from assistant.analysis import analyse
from assistant.answer import extractive as ex
from assistant.answer.asked import KIND_WEIGHT, kind_bonus
from assistant.answer.lists import head_kind
from tests.passages import answer, refused, report_passage


# -- which things, not a rate ---------------------------------------------------------------------------------

def test_which_things_built_faster_asks_the_things():
    assert analyse("Which two new towns in Hubei does the report say should be built faster?").wants == "name"
    assert analyse("Which districts grew fastest last year?").wants == "name"
    # a count with the items named asks no rate either
    assert analyse("How many counties does Hubei want to grow into medium-sized cities, and which are named?").wants \
        != "rate"


def test_a_rate_asked_in_words_stays_a_rate():
    assert analyse("Which two cities had the faster growth rate?").wants == "rate"
    assert analyse("What was the growth rate of Hubei's GDP in 2025?").wants == "rate"
    assert analyse("湖北2025年生产总值增速是多少？").wants == "rate"


# -- items ending with the kind's own noun --------------------------------------------------------------------

def test_a_run_of_items_ending_with_the_kinds_noun_names_them():
    ends = ("新城", "新区")
    question = "Which two new towns does the report want built? 新城 哪些"
    assert kind_bonus("加快东湖新城、西江新城建设", ends, question, 2) > 0
    assert kind_bonus("推进新城建设，完善城市功能", ends, question, 2) == 0  # the common noun alone names none
    # items with figures count things of the common noun, they name none
    assert kind_bonus("规划建设新城3个、新区2个", ends, question, 2) == 0


def test_new_towns_asked_answered_by_the_clause_naming_them():
    text = ("推进以县城为重要载体的城镇化建设，加快东湖新城、西江新城建设。深化人居环境整治，"
            "整县建成美丽乡村比例提高到35%。")
    got = answer("Which two new towns in Hubei does the 2026 report say should be built faster?",
                 [report_passage(text, "湖北省", heading=["三、2026年工作安排"])])
    assert not refused(got) and "东湖新城" in got and "西江新城" in got, got


# -- the head noun's kind -------------------------------------------------------------------------------------

def test_head_kind_from_the_plural_noun():
    assert head_kind("Which new medical centres did the city put into service?") == ("中心",)
    assert head_kind("Which two new towns should be built faster?") == ("新城",)  # the longest term: new town
    assert head_kind("Which city grew fastest?") == ()  # one thing asked
    assert head_kind("哪些中心建成投用？") == ()  # a Chinese question: its own nouns


def test_items_of_the_head_nouns_kind_score_the_kinds_bonus():
    question = "Which new medical centres did Jingzhou put into service in 2020?"
    analysis = analyse(question)
    grams = ex._gram_sets(question, analysis)[0]
    centres = "市心血管病防治中心、儿童医学中心、肿瘤诊疗中心、全科医师培训基地建成投用。"
    other = "全年新增城镇就业2.1万人、农村劳动力转移就业1.6万人。"  # shares 新增 with the question, names no centre
    _, listed = ex.best_span(centres, grams, analysis)
    _, figures = ex.best_span(other, grams, analysis)
    # the centres named earn the kind's bonus on top of what their words score
    assert listed - figures > KIND_WEIGHT, (listed, figures)



def test_which_cities_asks_places_not_names_ending_in_cities():
    # "cities" reads 城市 through the glossary, yet no city's name ends so (长沙, not 长沙城市): a span ending
    # 试点城市 must not earn the head noun's bonus; places are read from the gazetteer
    assert ex.head_ends_asked(analyse("Which Hunan cities were picked as pilots for data industry clusters?")) == ()
    assert ex.head_ends_asked(analyse("Which new medical centres did Jingzhou put into service in 2020?")) == ("中心",)
