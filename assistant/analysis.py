"""Question analysis: the places, years and periods a question names, and what it asks for.

Example: analyse("2020年和2023年漯河市新增高新技术企业各多少家？") ->
  Analysis(places=["漯河市"], years=[2020, 2023], comparison=True, wants="number", language="zh")
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from assistant.places import PlaceBook, gazetteer_book
from assistant.data_files import load_data, word_pattern
from assistant.facts.units import base_alternation
from assistant.english import english_figures, floors, withheld
from assistant.text import YEAR, english_periods, plan_periods, term_head, term_regex


def glossary() -> dict[str, str]:
    """English term -> Chinese words (data/glossary.yaml): English questions reach Chinese text through BM25 too.
    Shared, read-only: callers must not change it. Without the terms withheld (english.withholding)."""
    return _glossary_without(withheld())


@lru_cache(maxsize=4)
def _glossary_without(without: frozenset) -> dict[str, str]:
    full = load_data("glossary.yaml")
    return {term: chinese for term, chinese in full.items() if term.lower() not in without} if without else full


def question_words(kind: str) -> re.Pattern:
    """The asking words of one kind (number, date, name, compare, rate, rate_cues) from data/question_words.yaml."""
    return word_pattern("question_words.yaml", kind)


@dataclass
class Analysis:
    question: str
    places: list[str] = field(default_factory=list)
    years: list[int] = field(default_factory=list)
    # the years named as a report's ("2015年政府工作报告"): a work report issued then, not one reviewing it
    report_years: list[int] = field(default_factory=list)
    periods: list[str] = field(default_factory=list)  # 十三五 …
    comparison: bool = False
    wants: str = "text"  # number | date | name | text
    language: str = "zh"
    expansion: str = ""  # Chinese words from the glossary, for BM25
    unit: str = ""  # the measure the question names: 多少张 -> 张, 多少亿元 -> 元
    amount: bool = False  # asks for a quantity, not a rate: a bare percentage does not answer it
    # the places book the question was read with (its index's): what reasons about these places uses it too
    book: PlaceBook = field(default_factory=gazetteer_book, repr=False, compare=False)
    # an English question: `question` is its reading in the reports' words (assistant/english.py),
    # `original` what was asked, `unknown` its words no glossary or word list knows
    original: str = ""
    unknown: list[str] = field(default_factory=list)
    # each English term's Chinese renderings (any one will do): ["技工院校", "技工学校"] for technical schools
    renderings: list[list[str]] = field(default_factory=list)
    # an unknown English word -> the Chinese words of its dictionary senses the index holds (dictionary.said_senses):
    # a passage writing one of them says the word (answer/refusal.said_by)
    senses: dict[str, list[str]] = field(default_factory=dict)
    # a comparison side's fellow sides' places (retrieval._sides): "漯河市 or its development zone", the city's
    # side searches the city without the zone, which is the other side
    beside: list[str] = field(default_factory=list)
    # a year side's whole question when `question` holds only its own status words (retrieval.own_status):
    # which side a status word belongs to is read from the whole (answer/compare.py)
    whole: str = ""
    # a side of a target against its achieved value (retrieval._sides, by_status): the status it is asked in, which
    # its figure must have whatever else its words or its report's years admit
    status: str = ""
    # a comparison side of a question asking where things stand ("Beijing's total metro length": facts/frame.py
    # asks_stock), whose own reading may have lost the word that asks it
    stock: bool = False

    def explain(self) -> dict:
        return {"places": self.places, "years": self.years, "report_years": self.report_years,
                "periods": self.periods,
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


# Years joined into one list ("2012年与2013年", "the 2015 and 2017"), a few words that are no year
# and no sentence break ("国务院", "national", "government"), then a report word.
_YEAR_LIST = rf"{YEAR}年?(?:\s*(?:和|与|及|、|至|到|,|，|and|or|to)\s*(?:the\s+)?{YEAR}年?)*"
_GAP = r"[^\d。？！?!；;，,（()）]{0,12}?"


@lru_cache(maxsize=None)
def _report_year_patterns() -> tuple[re.Pattern, ...]:
    report = "|".join(load_data("question_words.yaml")["report"])
    before = re.compile(rf"(?<!\d)({_YEAR_LIST})(?!\d)\s*(?:的|'s)?{_GAP}(?:{report})(?![a-z])", re.I)
    after = re.compile(rf"(?:{report})\s*(?:[（(]|\bof\s+|\bfor\s+the\s+year\s+)\s*({YEAR})年?(?!\d)", re.I)
    # "the length reported in 2016": what the report of that year states (question_words.yaml reported_in)
    verbs = "|".join(load_data("question_words.yaml")["reported_in"])
    stated = re.compile(rf"\b(?:{verbs})\s+in\s+({YEAR})(?!\d)", re.I)
    # "the 2015 budget", "2015年的预算", "budget for 2016": the budget laid before that year's congress
    budget = "|".join(load_data("question_words.yaml")["budget"])
    inside = "".join(load_data("question_words.yaml")["budget_not_followed_by"])
    budget_before = re.compile(rf"(?<!\d)({_YEAR_LIST})(?!\d)\s*(?:的|'s)?\s*(?:{budget})(?![a-z{inside}])", re.I)
    budget_after = re.compile(rf"\b(?:{budget})\s+(?:of|for)\s+(?:the\s+year\s+)?({YEAR})(?!\d)", re.I)
    return before, after, stated, budget_before, budget_after


def budget_words_naming_report(text: str) -> set[str]:
    """The Chinese budget words (question_words.yaml budget) when the question names a report by its year's budget
    ("the 2015 budget", "2015年的预算"): they say which report to read, not what the figure is of.
    Example: budget_words_naming_report("from the 2015 budget to the 2016 budget") -> {"预算"};
    budget_words_naming_report("2015年中央预算内投资") -> set()"""
    budget_before, budget_after = _report_year_patterns()[3:]
    if not (budget_before.search(text) or budget_after.search(text)):
        return set()
    return {w for w in load_data("question_words.yaml")["budget"] if re.fullmatch(r"[\u4e00-\u9fff]+", w)}


@lru_cache(maxsize=None)
def _base_year_pattern() -> re.Pattern:
    forms = load_data("question_words.yaml")["base_year"]
    return re.compile("|".join(f.replace("{year}", rf"(?<!\d)({YEAR})(?!\d)") for f in forms), re.I)


def base_years(text: str) -> list[int]:
    """Years the question names only as the base a figure is measured against.

    Example: base_years("到哪一年国内生产总值比2010年翻一番") -> [2010];
    base_years("2023年生产总值比2022年增长多少") -> [2022]; base_years("2010年到2015年") -> []
    """
    found = [int(y) for m in _base_year_pattern().finditer(text) for y in m.groups() if y]
    named_otherwise = [int(y) for y in re.findall(rf"(?<!\d)({YEAR})(?!\d)", _base_year_pattern().sub(" ", text))]
    return [y for y in dict.fromkeys(found) if y not in named_otherwise]


def report_years(text: str) -> list[int]:
    """Years the question names as a report's.

    Example: report_years("2012年与2013年国务院政府工作报告安排的财政赤字") -> [2012, 2013];
    report_years("按2011年政府工作报告，按2010年价格计算") -> [2011]; report_years("the report of 2016") -> [2016];
    report_years("上海2025年GDP") -> []
    """
    found: list[int] = []
    for pattern in _report_year_patterns():
        for m in pattern.finditer(text):
            found += [int(y) for y in re.findall(rf"(?<!\d){YEAR}(?!\d)", m.group(1))]
    return list(dict.fromkeys(found))


def english_terms(text: str) -> list[tuple[str, list[str]]]:
    """The glossary terms in a question, longest first, each with its Chinese renderings (any one will do).

    Example: english_terms("Luohe's tourism revenue") -> [("tourism revenue", ["旅游收入"])]
    """
    lowered = text.lower()
    found = []
    terms, without = glossary(), withheld()
    for term, head, pattern in _term_patterns():
        if head not in lowered or term.lower() in without:
            continue
        m = pattern.search(lowered)
        if m:
            # the term as written when it is one of its own: "industrial park" is matched by the longer
            # "industrial parks" pattern, yet is the glossary's 产业园, as the reading renders it
            written = _written_term(m.group(0), term)
            found.append((written, terms[written].split()))
            lowered = pattern.sub(" ", lowered)
    return found


@lru_cache(maxsize=1)
def _term_patterns() -> list[tuple[str, str, re.Pattern]]:
    """Every glossary term with what its matches begin with and its pattern, longest term first, compiled once:
    ~1,500 patterns outrun re's own cache (512), which then compiled them all again for every English question
    (~0.3 s of each); a term whose head the question lacks is passed over without a search (~8 ms a call)."""
    return [(term, term_head(term), re.compile(rf"(?<![a-z]){term_regex(term)}(?![a-z])"))  # "hospitals" is
            for term in sorted(load_data("glossary.yaml"), key=len, reverse=True)]  # "hospital", "-" is " "


def _written_term(written: str, term: str) -> str:
    from assistant.english import glossary_term

    try:
        own = glossary_term(written)
    except KeyError:
        return term
    return own if own in glossary() else term


def expand_english(text: str) -> str:
    """Chinese glossary words for the English terms in a question (longest terms first), and its
    English figures as the reports write them."""
    return " ".join([*(" ".join(chinese) for _, chinese in english_terms(text)), *english_figures(text)])


# The units a question can name after 多少/几 (多少张, 多少亿元 -> 元): every unit but a percentage,
# its 万/亿 read apart.
ASKED_GROUPS = ("money", "points", "count", "physical")


@lru_cache(maxsize=None)
def asked_unit_pattern() -> re.Pattern:
    return re.compile(rf"(?:多少|(?<![哪第])几)\s*(?:[万亿千百]*)({base_alternation(*ASKED_GROUPS)})")


def asked_unit(text: str) -> str:
    """asked_unit("郾城区2025年计划新增多少张养老床位？") -> "张"; asked_unit("GDP是多少亿元") -> "元"."""
    found = asked_unit_pattern().search(text)
    if found and spoken_points().match(text, found.end()):
        return ""  # 增长几个点: the points of a rate, no count of things
    return found.group(1) if found else ""


@lru_cache(maxsize=1)
def spoken_points() -> re.Pattern:
    return re.compile("|".join(load_data("asking.yaml")["spoken_points"]))


def asks_report_delivery(analysis: Analysis) -> bool:
    """When was the report delivered, 2015年政府工作报告是哪天作的: a date question naming a report (data/asking.yaml
    report_words) and its delivering (data/question_words.yaml report_delivery asked). The report's delivery line
    answers it: the report itself is asked about, so its title page is a passage worth reading."""
    if analysis.wants != "date":
        return False
    asked = f"{analysis.original or ''} {analysis.question}"
    words = load_data("question_words.yaml")["report_delivery"]["asked"]
    return (word_pattern("asking.yaml", "report_words").search(asked) is not None
            and re.search("|".join(words), asked, re.I) is not None)


def asks_amount(text: str, wants: str) -> bool:
    """A quantity, not a rate: "存款余额是多少？" -> True; "增速是多少？" -> False; "GDP目标是多少？" -> False (a
    target is set as a level or as a growth rate), "GDP目标是多少亿元？" -> True."""
    if question_words("open_target").search(text) and not asked_unit(text):
        return False
    return wants == "number" and not question_words("rate_cues").search(text)


def what_is_wanted(text: str, rate: bool = True) -> str:
    """what_is_wanted("尉氏县2020年GDP增速是多少？") -> "rate". `rate`: False when the question's words of change
    ask no rate (english_items_asked)."""
    if rate and question_words("rate").search(text):
        return "rate"
    if not rate:  # nor do they ask a number (增速 asks one as well)
        text = question_words("rate").sub(" ", text)
    if question_words("date").search(text):
        return "date"
    if question_words("number").search(text):
        return "number"
    if question_words("name").search(text):
        return "name"
    return "text"


def english_items_asked(asked: str) -> bool:
    """An English question asking which things, and no rate in words: "Which two new towns should be built
    faster?", "How many cities does it want to grow into medium-sized cities, and which are named?". Its reading
    renders the verbs of change the things do (built faster, grow into) as 增速/增长, which would ask a rate; the
    things are what it asks (data/asking.yaml english_list, english_items_named; rate_asked_english: how fast, by
    how much, growth rate ask a rate all the same). "" (a Chinese question) -> False."""
    if not asked or word_pattern("asking.yaml", "rate_asked_english").search(asked):
        return False
    which = word_pattern("asking.yaml", "english_list").search(asked)
    plural = bool(which) and which.group(1).lower() not in load_data("asking.yaml")["english_not_items"]
    return plural or bool(word_pattern("asking.yaml", "english_items_named").search(asked))


def asks_which_place(text: str) -> bool:
    """asks_which_place("Which province's economy became the third in China to…") -> True."""
    return bool(question_words("which_place").search(text))


def analyse(question: str, book: PlaceBook | None = None) -> Analysis:
    """The question read into places, years, periods and what it asks; an English question through its
    Chinese reading (assistant/english.py), so both languages take the same path from here on.
    `book`: the places of the index asked (Index.places); none, the gazetteer alone."""
    book = book or gazetteer_book()
    if detect_language(question) == "en":
        return analyse_english(question, book)
    return _analyse(question, book.find_places(question), "zh", book)


def analyse_english(question: str, book: PlaceBook | None = None) -> Analysis:
    """An English question as its reading: analyse_english("What GDP growth target did Luohe set for 2024?")
    -> Analysis(question="漯河市 2024年 生产总值 增长 目标 多少", years=[2024], wants="rate", language="en", …)."""
    from assistant.english import read, roman_grades

    book = book or gazetteer_book()
    reading = read(question, book)
    analysis = _analyse(reading.chinese, reading.places, "en", book, asked=question)
    analysis.original, analysis.unknown = question, reading.unknown
    analysis.renderings = [_term_renderings(term, chinese) for term, chinese in reading.terms]
    # the words searched are those that say the terms (a kind's word alone for the head noun of the kind asked)
    words = [w for term, _ in reading.terms for w in glossary()[term].split()] + english_figures(question)
    words += floors(question)  # "over 100 million yuan": 亿元以上, as the reports write a class's floor
    words += roman_grades(question)  # "Grade II": 二级, a word of the thing asked the reading holds
    analysis.expansion = " ".join(dict.fromkeys(words))  # figures as the reports write them: 10万亿元
    return analysis


def _term_renderings(term: str, read: str) -> list[str]:
    """A glossary term's renderings, any one of which says it; a head noun the reading gave the word of the kind
    whose name is asked (公园 of park's 园区 公园, 工程 for project: english._rendering) is said by that word alone:
    an industrial park (园区) is not the park asked."""
    group = glossary()[term].split()
    return [read] if re.fullmatch(r"[\u4e00-\u9fff]+", read) and read != group[0] else group


def _analyse(question: str, found_places: list[str], language: str, book: PlaceBook, asked: str = "") -> Analysis:
    """`question` in the reports' words; `asked`: an English question as typed (its reading is `question`),
    for the rules that read the asking words (which province…, the 2015 report)."""
    years, periods = detect_years(question)
    both = f"{question} {asked}" if asked else question
    years = year_reviewed_next(years, report_years(both), question, len(found_places))
    years = year_before_report(years, report_years(both), both)
    if not asked:  # an English question's partners are left out by its reading (english.py partner_before)
        found_places = without_partners(found_places, question, book)
    sides = len(found_places) >= 2 or len(years) >= 2 or (len(periods) >= 2)
    # an English question's words setting sides against each other (or, which … more) may not survive its reading
    # (two sides only: "Zhejiang's Yiwu-Xinjiang-Europe service or the Xi'an service" names a third in a name)
    two = len(found_places) == 2 or (len(found_places) < 2 and len(years) == 2)
    comparison = sides and bool(question_words("compare").search(question)
                                or asked and two and word_pattern("compare.yaml", "compare_asked").search(asked)
                                or figure_given_for_a_side(question, asked, found_places, years)
                                # 2023年比2020年多还是少: the sides set against each other by the asking words
                                or word_pattern("compare.yaml", "either_or").search(question))
    # a year set against a plan period ("2009年关停多少，与“十一五”合计相比") has two sides too, but only an
    # explicit comparing word joins them: a bare 和 does not ("十四五时期和2035年的目标" is one plan's scene)
    comparison = comparison or (len(years) == 1 and len(periods) >= 1 and len(found_places) < 2
                                and bool(question_words("compare_spans").search(both)
                                         or word_pattern("compare.yaml", "set_against").search(both)))
    asking_words = re.sub(r"[A-Za-z][A-Za-z0-9.&'-]*", " ", question) if asked else question
    comparison = comparison or (len(years) <= 1 and not periods and len(found_places) < 2
                                and what_is_wanted(asking_words) in ("number", "rate")
                                and asks_target_and_actual(question))
    found_places = _without_field(found_places, both, comparison, book)
    # Chinese questions use English terms too ("尉氏县2020年GDP"): expand whatever Latin words there are.
    expansion = expand_english(question) if re.search(r"[A-Za-z]{2,}", question) else ""
    # an English question's reading asks in Chinese words; its Latin words are terms (GDP) or words no list
    # knows (ACCELERATE), never asking words ("rate" in it asks nothing)
    asking = re.sub(r"[A-Za-z][A-Za-z0-9.&'-]*", " ", question) if asked else question
    return Analysis(question=question, places=found_places, years=years, report_years=report_years(both),
                    periods=periods, comparison=comparison,
                    wants=(wants := what_is_wanted(asking, rate=not english_items_asked(asked))),
                    language=language, expansion=expansion, unit=asked_unit(asking),
                    amount=asks_amount(asking, wants), book=book)


def year_reviewed_next(years: list[int], reports: list[int], question: str, places: int) -> list[int]:
    """A year's target against its achieved value as the next year's report gives it ("2010年城镇新增就业的预期目标
    是多少？2011年报告里说实际新增了多少", "the 2016 report set a target … the actual figure reported in 2017"): one
    year, two statuses, not two years. A work report of Y+1 reviews Y, so the later year, named only as a report's,
    is where the achieved value stands, not a year asked. Other years are returned as they are."""
    if len(years) != 2 or places > 1 or years[1] != years[0] + 1 or years[1] not in reports \
            or not asks_target_and_actual(question):
        return years
    return years[:1]


def year_before_report(years: list[int], reports: list[int], question: str) -> list[int]:
    """The year a question asks when its one year names the report and it asks of "the year before" (2010年政府工作报告
    里，上一年新建了多少套…; the 2010 report … last year): the year that report reviews, Y-1. 比上年 states a change,
    not the year asked (data/question_words.yaml last_year).
    Example: year_before_report([2010], [2010], "2010年政府工作报告里，上一年新建了多少套") -> [2009]"""
    from assistant.data_files import word_pattern

    if len(years) != 1 or years != reports or not word_pattern("question_words.yaml", "last_year").search(question):
        return years
    return [years[0] - 1]


def by_status(analysis: Analysis) -> bool:
    """A comparison whose sides are one thing's target and its achieved value: one place at most, one year at most,
    no plan period, both statuses named (asks_target_and_actual)."""
    return (len(analysis.years) <= 1 and not analysis.periods and len(analysis.places) < 2
            and asks_target_and_actual(analysis.question))


def asks_target_and_actual(question: str) -> bool:
    """The question names a target and an achieved value of one thing ("2014年GDP增长的预期目标和实际完成情况",
    "the 2012 target … how did actual growth compare"): two sides, one per status (retrieval._sides). A status word
    inside an indicator's name (实际利用外资, data/indicators.yaml) names no status: "2021年实际利用外资目标" asks
    the target only."""
    from assistant.facts.extract import cues

    lowered = question.lower()
    for group in load_data("indicators.yaml"):
        for name in group:
            if len(name) >= 3 and name in lowered:
                lowered = lowered.replace(name, " " * len(name))

    def says(status: str) -> bool:
        return any(re.search(rf"\b(?:{w})\b" if w.isascii() else w, lowered) for w in cues()[f"question_{status}"])

    return says("target") and says("actual")


def without_partners(found: list[str], question: str, book: PlaceBook) -> list[str]:
    """The places asked about, without those named as where a thing goes or whom it is traded with
    (data/compare.yaml partner_before), when another place is named besides.
    Example: without_partners(["北京市", "天津市", "河北省"], "北京输出到天津和河北的技术合同成交额", book) -> ["北京市"]
    """
    if len(found) < 2:
        return found
    cue = word_pattern("compare.yaml", "partner_before")
    partners, last_end = set(), -1
    spans = book.mentions(question)
    for start, end, name in spans:
        before = question[:start]
        listed = last_end >= 0 and re.fullmatch(r"[和、及与,，]?", question[last_end:start]) is not None
        if re.search(f"(?:{cue.pattern})$", before) or listed:
            partners.add(name)
            last_end = end
    asked = [p for p in found if p not in partners or any(n == p and n not in partners for _, _, n in spans)]
    return asked if asked and len(asked) < len(found) else found


def figure_given_for_a_side(question: str, asked: str, places: list[str], years: list[int]) -> bool:
    """Two places, or two years of figures (not a report's year, not a base: "the 2011 report … at 2010 prices"),
    and a figure the question gives itself; a question asking a date ("in what year was GDP to exceed 55 trillion")
    sets no sides against each other."""
    both = f"{question} {asked}" if asked else question
    asking = re.sub(r"[A-Za-z][A-Za-z0-9.&'-]*", " ", question) if asked else question
    if what_is_wanted(asking) == "date" or not gives_a_figure(asked or question):
        return False
    figure_years = set(years) - set(report_years(both)) - set(base_years(asked or question))
    return len(places) == 2 or (len(places) < 2 and len(figure_years) == 2)


def gives_a_figure(text: str) -> bool:
    """The question states a figure of its own (about 7%, 10 trillion yuan: data/compare.yaml given_figures): with
    two years or places named, it is given for one side and the other side's is asked ("a target of about 7% for
    2015; what was the target for 2017?"), a comparison with no comparing word."""
    return bool(word_pattern("compare.yaml", "given_figures").search(text) or english_figures(text))


def _without_field(found: list[str], question: str, comparison: bool, book: PlaceBook) -> list[str]:
    """The places asked about, without the country when it is only the field a place is ranked in.

    "Which province's economy became the third in China to…" asks which place; "江苏…居全国首位" and
    "Which Jiangsu city became China's first…" ask about a place, China being the reference; a
    comparison of a province with the country ("河南和全国的目标") keeps both.
    Example: _without_field(["江苏省", "全国"], "Which Jiangsu city became China's first…", False) -> ["江苏省"]
    """
    national = [p for p in found if book.level_of(p) == "national"]
    if not national or (comparison and len(found) >= 2):
        return found
    if asks_which_place(question) or len(national) < len(found):
        return [p for p in found if p not in national]
    return found
