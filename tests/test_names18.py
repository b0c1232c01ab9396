"""Names (session 18, names18).

- "What is the number of the/its/<place>'s <one thing>?" asks the number that one thing is known by (a hotline's
  12356), a code asked as a name, not a count (english.number_of_one); the number of things (plural) is a count. A
  clause writing no number does not answer it (extractive.code_asked_unsaid).
- An English question's Roman-numbered grade (Grade II: 二级) is a word of its expansion: the answer is scored by it.
Sentences written for the tests (general report language); the real analysis and extractive answerer.
"""
from __future__ import annotations

from assistant.analysis import analyse
from assistant.answer import extractive as ex
from assistant.english import number_of_one
from tests.passages import answer, refused, report_passage


# -- the number of one thing: its code ------------------------------------------------------------------------

def test_the_number_of_one_thing_is_its_code():
    assert number_of_one("What is the number of Hubei's province-wide legal aid hotline?")
    assert number_of_one("What is the number of the legal aid hotline Hubei plans to build?")
    # the number of things, or of a thing named without its determiner, is a count
    assert not number_of_one("What was the number of Hubei's high-tech enterprises in 2025?")
    assert not number_of_one("What was the number of new jobs in Hubei?")


def test_a_code_asked_is_a_name_a_count_stays_a_number():
    assert analyse("What is the number of Hubei's province-wide legal aid hotline?").wants == "name"
    assert analyse("What was the number of Hubei's high-tech enterprises in 2025?").wants == "number"
    # the rest of province-wide, once the place is read, is no word the reports lack
    assert "wide" not in analyse("What is the number of Hubei's province-wide legal aid hotline?").unknown


HOTLINES = ("优化政务服务，建强12345热线和“鄂汇办”等为民服务平台。加强社会心理服务体系建设，"
            "统筹建强全省统一的12320心理援助热线体系，完善基层心理服务站点。")


def test_the_hotlines_number_is_answered():
    got = answer("What is the number of Hubei's province-wide psychological assistance hotline?",
                 [report_passage(HOTLINES, "湖北省", heading=["三、2026年工作安排"])])
    assert not refused(got) and "12320" in got and "12345" not in got, got


def test_a_clause_without_a_number_does_not_answer_a_code():
    text = "加快完善养老服务网络，发展社区嵌入式养老服务，推进医养结合。" + HOTLINES
    got = answer("What is the number of the elderly care hotline Hubei plans to build?",
                 [report_passage(text, "湖北省", heading=["三、2026年工作安排"])])
    assert refused(got), got


# -- a grade numbered in Roman numerals ---------------------------------------------------------------------------

def test_a_roman_grade_is_a_word_the_answer_is_scored_by():
    analysis = analyse("Which city in Hubei reached the national Grade II air quality standard?")
    assert "二级" in analysis.expansion.split()
    grams = ex.content_bigrams(analysis.original, analysis)
    assert "二级" in grams
