"""Question analysis: the places, years and periods a question names, and what it asks for.

Example: analyse("2020年和2023年漯河市新增高新技术企业各多少家？") ->
  Analysis(places=["漯河市"], years=[2020, 2023], comparison=True, wants="number", language="zh")
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from assistant import places
from assistant.data_files import load_data, word_pattern
from assistant.facts.units import base_alternation
from assistant.text import YEAR, english_periods, plan_periods


def glossary() -> dict[str, str]:
    """English term -> Chinese words (data/glossary.yaml): English questions reach Chinese text through BM25 too.
    Shared, read-only: callers must not change it."""
    return load_data("glossary.yaml")


def question_words(kind: str) -> re.Pattern:
    """The asking words of one kind (number, date, name, compare, rate, rate_cues) from data/question_words.yaml."""
    return word_pattern("question_words.yaml", kind)


@dataclass
class Analysis:
    question: str
    places: list[str] = field(default_factory=list)
    years: list[int] = field(default_factory=list)
    periods: list[str] = field(default_factory=list)  # 十三五 …
    comparison: bool = False
    wants: str = "text"  # number | date | name | text
    language: str = "zh"
    expansion: str = ""  # Chinese words from the glossary, for BM25
    unit: str = ""  # the measure the question names: 多少张 -> 张, 多少亿元 -> 元
    amount: bool = False  # asks for a quantity, not a rate: a bare percentage does not answer it
    # an English question: `question` is its reading in the reports' words (assistant/english.py),
    # `original` what was asked, `unknown` its words no glossary or word list knows
    original: str = ""
    unknown: list[str] = field(default_factory=list)

    def explain(self) -> dict:
        return {"places": self.places, "years": self.years, "periods": self.periods,
                "comparison": self.comparison, "wants": self.wants, "unit": self.unit, "amount": self.amount,
                "language": self.language, "expansion": self.expansion}


def detect_language(text: str) -> str:
    han = len(re.findall(r"[\u4e00-\u9fff]", text))
    latin = len(re.findall(r"[A-Za-z]", text))
    return "zh" if han >= max(2, latin // 4) else "en"


def detect_years(text: str) -> tuple[list[int], list[str]]:
    """Explicit years and plan periods.

    Example: detect_years("“十四五”期间和2035年远景") -> ([2035], ["十四五"])
    """
    years = [int(y) for y in re.findall(rf"(?<!\d)({YEAR})(?!\d)", text)]
    lowered = text.lower()
    periods = [p for p in plan_periods() if p in text]
    periods += [cn for en, cn in english_periods().items() if en in lowered and cn not in periods]
    return list(dict.fromkeys(years)), periods


def english_terms(text: str) -> list[tuple[str, list[str]]]:
    """The glossary terms in a question, longest first, each with its Chinese renderings (any one will do).

    Example: english_terms("Luohe's tourism revenue") -> [("tourism revenue", ["旅游收入"])]
    """
    lowered = text.lower()
    found = []
    terms = glossary()
    for term in sorted(terms, key=len, reverse=True):
        if re.search(rf"(?<![a-z]){re.escape(term)}(?![a-z])", lowered):
            found.append((term, terms[term].split()))
            lowered = lowered.replace(term, " ")
    return found


def expand_english(text: str) -> str:
    """Chinese glossary words for the English terms in a question (longest terms first)."""
    return " ".join(" ".join(chinese) for _, chinese in english_terms(text))


# The units a question can name after 多少/几 (多少张, 多少亿元 -> 元): every unit but a percentage,
# its 万/亿 read apart.
ASKED_GROUPS = ("money", "points", "count", "physical")


@lru_cache(maxsize=None)
def asked_unit_pattern() -> re.Pattern:
    return re.compile(rf"(?:多少|(?<![哪第])几)\s*(?:[万亿千百]*)({base_alternation(*ASKED_GROUPS)})")


def asked_unit(text: str) -> str:
    """asked_unit("郾城区2025年计划新增多少张养老床位？") -> "张"; asked_unit("GDP是多少亿元") -> "元"."""
    found = asked_unit_pattern().search(text)
    return found.group(1) if found else ""


def asks_amount(text: str, wants: str) -> bool:
    """A quantity, not a rate: "存款余额是多少？" -> True; "增速是多少？" -> False."""
    return wants == "number" and not question_words("rate_cues").search(text)


def what_is_wanted(text: str) -> str:
    """what_is_wanted("尉氏县2020年GDP增速是多少？") -> "rate"."""
    if question_words("rate").search(text):
        return "rate"
    if question_words("date").search(text):
        return "date"
    if question_words("number").search(text):
        return "number"
    if question_words("name").search(text):
        return "name"
    return "text"


def analyse(question: str) -> Analysis:
    """The question read into places, years, periods and what it asks; an English question through its
    Chinese reading (assistant/english.py), so both languages take the same path from here on."""
    if detect_language(question) == "en":
        return analyse_english(question)
    return _analyse(question, places.find_places(question), "zh")


def analyse_english(question: str) -> Analysis:
    """An English question as its reading: analyse_english("What GDP growth target did Luohe set for 2024?")
    -> Analysis(question="漯河市 2024年 生产总值 增长 目标 多少", years=[2024], wants="rate", language="en", …)."""
    from assistant.english import read

    reading = read(question)
    analysis = _analyse(reading.chinese, reading.places, "en")
    analysis.original, analysis.unknown = question, reading.unknown
    analysis.expansion = " ".join(dict.fromkeys(w for term, _ in reading.terms for w in glossary()[term].split()))
    return analysis


def _analyse(question: str, found_places: list[str], language: str) -> Analysis:
    years, periods = detect_years(question)
    sides = len(found_places) >= 2 or len(years) >= 2 or (len(periods) >= 2)
    comparison = sides and bool(question_words("compare").search(question))
    # Chinese questions use English terms too ("尉氏县2020年GDP"): expand whatever Latin words there are.
    expansion = expand_english(question) if re.search(r"[A-Za-z]{2,}", question) else ""
    return Analysis(question=question, places=found_places, years=years, periods=periods,
                    comparison=comparison, wants=(wants := what_is_wanted(question)), language=language,
                    expansion=expansion, unit=asked_unit(question), amount=asks_amount(question, wants))
