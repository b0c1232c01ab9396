"""A question read into the frame facts are written in: places, years, status and measure asked.

Example: frame_of(analyse("漯河市2020年城镇新增就业多少人？"))
  -> Frame(places=["漯河市"], years=[2020], periods=[], status="actual", rate=False, ...)
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from assistant.places import PlaceBook, gazetteer_book
from assistant.analysis import Analysis, english_terms
from assistant.data_files import load_data, word_pattern
from assistant.facts.extract import cues
from assistant.facts.indicators import named_indicators
from assistant.text import YEAR, regex, term_regex


@dataclass
class Frame:
    places: list[str] = field(default_factory=list)
    years: list[int] = field(default_factory=list)
    periods: list[str] = field(default_factory=list)
    status: str = "actual"  # actual | target | cumulative | average
    status_named: bool = False  # the question said which (目标, 实际, 累计, 年均); else actual is assumed
    rate: bool = False  # asks for a growth rate, share or change, not an amount
    amount: bool = False  # asks for a quantity: a bare percentage does not answer it
    figure: bool = False  # asks for a figure at all
    # an achieved value asked of a year its reports only plan for may be answered with the plan;
    # the answerer tries without this first, so an achieved value elsewhere always wins
    plan_answers: bool = False
    # the names of the indicators the question names that data/indicators.yaml knows (地区生产总值, GDP, …):
    # a fact answers only if its indicator is one of them
    indicators: tuple[str, ...] = ()
    rank: bool = False  # asks for a rank or position (排第几, 第几位, what rank): 居全国第5 answers it
    # an English "by how much did … change" asks a change: a multiple (增长近7倍) answers it though a quantity is asked
    multiple_answers: bool = False
    # asks where a thing stands (到2025年底, 总里程, "total"): what was added that year (新增…30公里) does not answer
    stock: bool = False
    words: str = ""  # the question's words in Chinese (its own, or the glossary's for English), for qualifiers
    # an English question's terms, each as its renderings (any one names it): 下乡 says "countryside" as 农村 does
    renderings: tuple[tuple[str, ...], ...] = ()
    # the places book the question was read with: a fact's place is matched by its names there
    book: PlaceBook = field(default_factory=gazetteer_book, repr=False, compare=False)

    def explain(self) -> dict:
        return {"status": self.status, "status_named": self.status_named, "rate": self.rate,
                "amount": self.amount, "figure": self.figure}


def asks_stock(analysis: Analysis) -> bool:
    """The question asks where a thing stands (到2025年底, 总里程, "total length": data/asking.yaml stock_words), in
    its reading or as asked."""
    return analysis.stock or word_pattern("asking.yaml", "stock_words").search(
        f"{analysis.question} {analysis.original or ''}") is not None


def frame_of(analysis: Analysis) -> Frame:
    question = analysis.question
    lowered = question.lower()
    words = cues()
    status, named = "actual", False
    for name in ("target", "average", "cumulative", "actual"):
        if any(_says(lowered, w) for w in words[f"question_{name}"]):
            status, named = name, True
            break
    if not named and analysis.periods and not analysis.years:
        status = "cumulative"  # "十三五期间新增就业多少": a total over the plan, or its end value
    # an English question names its indicator through the glossary's Chinese ("retail sales of consumer goods")
    figure = analysis.wants in ("number", "rate") or (analysis.wants in ("name", "text")
                                                       and names_indicator(f"{question} {analysis.expansion}")
                                                       and not re.search(r"哪些|哪个|哪家|哪几|谁|\bwhich\b|\bwho\b",
                                                                         lowered))
    words = question  # an English question's is its reading in Chinese words (assistant/english.py)
    return Frame(places=list(analysis.places), years=list(analysis.years), periods=list(analysis.periods),
                 status=status, status_named=named, rate=analysis.wants == "rate",
                 amount=analysis.amount, figure=figure, words=words,
                 stock=asks_stock(analysis),
                 rank=any(_says(lowered, w) for w in words_of("question_rank")),
                 multiple_answers=bool(analysis.original) and word_pattern(
                     "question_words.yaml", "change_asked").search(analysis.original) is not None,
                 indicators=named_indicators(indicator_words(analysis)), book=analysis.book,
                 renderings=tuple(tuple(group) for group in analysis.renderings if len(group) > 1))


def indicator_words(analysis: Analysis) -> str:
    """The words a question names its indicator in: its reading's own words plus the renderings of the English
    terms it writes as words of their own. A term joined by a hyphen to another word is a piece of a compound that
    names something else ("trade-ins" are no foreign trade, "economy-stabilising measures" are measures), and a word
    the reading derived from another form ("trading" for trade) is no name either: their renderings (进出口,
    经济总量) stay search words (analysis.expansion), not indicators a fact must be about.
    Example: indicator_words(analyse("What was Henan's foreign trade in 2020?")) holds 进出口;
    indicator_words(analyse("How much went into trade-in subsidies?")) does not.
    An analysis without the English asked (a Chinese question, or a copy made without `original`, as some
    answering paths make of an English one) has no written words to tell apart: its reading and all its expansion
    name the indicator, as before ("the bigger economy": 经济总量 of the expansion names GDP)."""
    if not analysis.original:
        return f"{analysis.question} {analysis.expansion}"
    asked = analysis.original.lower()
    named = [w for term, chinese in english_terms(asked) if stands_alone(term, asked) for w in chinese]
    return " ".join([analysis.question, *named])


def stands_alone(term: str, text: str) -> bool:
    """The glossary term is written in the (lowercased) text as a word of its own, no hyphen joining it to
    another word: stands_alone("trade", "trade-ins") -> False; stands_alone("trade", "trade grew") -> True."""
    return regex(rf"(?<![\w-]){term_regex(term.lower())}(?![\w-])").search(text) is not None


def words_of(name: str) -> list[str]:
    return cues()[name]


def names_indicator(question: str) -> bool:
    """The question names an indicator the reports give as a figure ("What was Luohe's GDP in 2019?")."""
    return bool(named_indicators(question))


def _says(text: str, word: str) -> bool:
    """A cue (a regular expression) in the question; English ones as whole words ("plan" is not in "plant")."""
    if word.isascii():
        return regex(rf"\b(?:{word})\b").search(text) is not None
    return regex(word).search(text) is not None


def year_of(period: str) -> int | None:
    found = re.match(rf"({YEAR})", period or "")
    return int(found.group(1)) if found else None
