"""English questions read into the words a Chinese question would use, so both take one path.

The reports are Chinese: an English question is answered by the same frame (place, period,
indicator, status, measure, kind of answer), fact matching, retrieval filters, comparison and
refusal rules as a Chinese one. This module writes the question's reading: its places by their
Chinese names, its years and plan periods, its report vocabulary through data/glossary.yaml
and what it asks through data/english.yaml.

Example: read("What import-export growth target did Anhui set for 2026?").chinese
  -> "安徽省 2026年 进出口 增长 目标 多少"
Words that are neither report vocabulary, nor asking words, nor general English are kept
as `unknown`: a question about something the glossary cannot name (lottery revenue) may be about
something the reports never speak of, as a Chinese question's unknown term is.
"""
from __future__ import annotations

import re
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field, replace
from functools import lru_cache

from assistant.places import gazetteer_book
from assistant.data_files import load_data
from assistant.text import YEAR, english_periods, regex, term_forms, term_regex

WORD = re.compile(r"[a-z][a-z0-9.&'-]*[a-z0-9]|[a-z]")


@dataclass
class Reading:
    chinese: str  # the question in the reports' words: "安徽省 2026年 进出口 增长 目标 多少"
    places: list[str] = field(default_factory=list)
    years: list[int] = field(default_factory=list)
    periods: list[str] = field(default_factory=list)
    terms: list[tuple[str, str]] = field(default_factory=list)  # (English term, its Chinese words)
    unknown: list[str] = field(default_factory=list)  # content words no list knows


@lru_cache(maxsize=None)
def data() -> dict:
    return load_data("english.yaml")


# Glossary terms read as if the glossary lacked them, within `withholding` only: the retrieval benchmark's
# leave-one-out (bench/unseen.py) asks each question without the terms no other question uses, as a question
# written by someone who never saw the glossary would be read. Empty (the whole glossary) everywhere else.
_WITHHELD: ContextVar[frozenset] = ContextVar("withheld_glossary_terms", default=frozenset())


@contextmanager
def withholding(terms):
    """Within it, the glossary (this module's and analysis.glossary) lacks `terms` (lower case)."""
    token = _WITHHELD.set(frozenset(t.lower() for t in terms))
    try:
        yield
    finally:
        _WITHHELD.reset(token)


def withheld() -> frozenset:
    return _WITHHELD.get()


def glossary() -> dict[str, list[str]]:
    """English term -> its Chinese words, the first the one a reading uses (data/glossary.yaml)."""
    return _glossary(withheld())


@lru_cache(maxsize=4)
def _glossary(without: frozenset) -> dict[str, list[str]]:
    return {term.lower(): str(chinese).split() for term, chinese in load_data("glossary.yaml").items()
            if term.lower() not in without}


def _glossary_pattern() -> re.Pattern:
    return _term_alternation(withheld())


@lru_cache(maxsize=4)
def _term_alternation(without: frozenset) -> re.Pattern:
    terms = sorted(_glossary(without), key=len, reverse=True)
    return re.compile(r"(?<![a-z0-9])(?:" + "|".join(term_regex(t) for t in terms) + r")(?![a-z0-9])")


def _glossary_keys() -> dict[str, str]:
    return _keys_of(withheld())


@lru_cache(maxsize=4)
def _keys_of(without: frozenset) -> dict[str, str]:
    """A term as written with spaces for hyphens -> the glossary's term: "good air quality days" for
    "good-air-quality days" too."""
    keys: dict[str, str] = {}
    for term in _glossary(without):
        keys.setdefault(_spaced(term), term)  # a term as written first: "buses" is a term of its own
    for term in _glossary(without):
        for form in term_forms(term):
            keys.setdefault(form, term)
    return keys


def _spaced(text: str) -> str:
    return re.sub(r"(?:'s)?[\s-]+", " ", text)


def renderings_of(written: str) -> list[str]:
    """A term's Chinese words as written, singular or plural ("medical centres" finds "centre" only when it is no
    term of its own: [] then); [] for a word the glossary lacks."""
    term = _glossary_keys().get(_spaced(written.lower()))
    return glossary()[term] if term else []


def glossary_term(written: str) -> str:
    """The glossary's term for a match as written: "agricultural products" -> "agricultural product" when only
    that is a term, "buses" -> "buses" when that is one (a plural in the glossary is a term of its own)."""
    return _glossary_keys()[_spaced(written)]


@lru_cache(maxsize=None)
def _cue(pattern: str) -> re.Pattern:
    return re.compile(rf"(?<![a-z0-9-])(?:{pattern})(?![a-z0-9-])")


@lru_cache(maxsize=None)
def general_words() -> frozenset[str]:
    return frozenset(data()["general"].split() + data()["phrasing"].split())


def _partner(text: str, start: int, partner_end: int) -> bool:
    """Is the place named at `start` a partner (data/english.yaml partner_before: exported to, trade with), or
    listed right after one ("to Tianjin and Hebei", "to Tianjin, Hebei")?"""
    if re.search(rf"\b(?:{data()['partner_before']})\s+$", text[:start]):
        return True
    return partner_end >= 0 and re.fullmatch(r"\s*(?:,|and|or|&)?\s*(?:and\s+)?(?:the\s+)?", text[partner_end:start]) is not None


def _blank(text: str, start: int, end: int) -> str:
    return text[:start] + " " * (end - start) + text[end:]


def known_words() -> frozenset[str]:
    """The words some list knows as written: the general words and every word of a glossary term."""
    return _known_words(withheld())


@lru_cache(maxsize=4)
def _known_words(without: frozenset) -> frozenset[str]:
    words = {w for term in _glossary(without) for form in term_forms(term) for w in re.split(r"[\s-]+", form)}
    return frozenset(words | general_words())


def _other_forms(word: str) -> list[str]:
    """The word in its other spellings, then each spelling without an inflected ending (data/english.yaml
    spellings, inflections): "modernised" -> ["modernized", "modernise", "modernize", …]."""
    spelled = _spellings(word)
    bare = [regex(p).sub(r, w) for w in spelled for p, r in data()["inflections"] if regex(p).search(w)]
    return [f for f in dict.fromkeys([*spelled[1:], *bare]) if len(f) >= 3]


def _spellings(word: str) -> list[str]:
    """The word, then its other spellings (data/english.yaml spellings): "modernised" -> [.., "modernized"]."""
    return [word] + [regex(p).sub(r, word) for p, r in data()["spellings"] if regex(p).search(word)]


def _derived_forms(word: str) -> list[str]:
    """The nouns a verb or adjective is made from, in each spelling (data/english.yaml derivations):
    "urbanised" -> ["urbanization", …]."""
    return list(dict.fromkeys(regex(p).sub(r, w) for w in _spellings(word)
                              for p, r in data()["derivations"] if regex(p).search(w)))


@lru_cache(maxsize=None)
def _general_stems() -> frozenset[str]:
    return frozenset(general_words() | {f for w in general_words() for f in _other_forms(w)})


def is_general(word: str) -> bool:
    """A general word in any of its forms: "moves" is general when "moved" is (both are "move"). (A hyphenated
    compound of general words is not: "high-value farmland" is no 高标准农田.)"""
    return word in general_words() or any(f in _general_stems() for f in [word, *_other_forms(word)])


def respell(question: str) -> str:
    """Each word no list knows as written, read as the first of its other forms one knows: "urbanisation" ->
    "urbanization", "supplying" -> "supply". A word with a capital inside the question is a name (Anning, not
    "an"), so it is kept as written; the first word may be either."""
    known = known_words()

    def one(m: re.Match) -> str:
        word = m.group(0)
        if (word[0].isupper() and m.start() > 0) or word.lower() in known:
            return word
        form = next((f for f in _other_forms(word.lower()) if f in known), None)
        if form is None:  # "urbanized": the noun it is made from, when that noun is a term (urbanization)
            form = next((f for f in _derived_forms(word.lower()) if f in glossary()), None)
        return form if form is not None else word
    return re.sub(r"[A-Za-z]+", one, question)


def _normalise(question: str) -> str:
    text = question.lower().replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    text = re.sub(r"'s\b|(?<=s)'(?=\s)", " ", text)  # Jiangsu's -> Jiangsu, companies' -> companies
    for short, name in data()["short_forms"]:  # the 14th FYP -> the 14th five-year plan
        text = re.sub(short, name, text)
    return text


def _take_places(text: str, book) -> tuple[str, list[tuple[int, str]]]:
    """The places named in English (`book`'s: the index's, learned zones too), each with its position,
    and the text with their names blanked."""
    mentions = []  # (start, end, place)
    taken = text
    # every place's names longest first: "luohe economic and technological development zone" is the zone's
    # before "luohe" (the city's) can take its first word, when a question names both
    names = [(english, name) for name in book.find_places(text) for english in _english_names(book, name)]
    for english, name in sorted(names, key=lambda pair: len(pair[0]), reverse=True):
        for m in re.finditer(rf"\b{re.escape(english.lower())}\b(?![- ]level)", taken):
            mentions.append((m.start(), m.end(), name))
            taken = _blank(taken, m.start(), m.end())
    for start, end, name in book.its_zones(text) if hasattr(book, "its_zones") else ():
        if taken[start:end].strip() == text[start:end].strip():  # not part of a name taken already
            mentions.append((start, end, name))  # "Luohe city or its development zone": the city's zone
            taken = _blank(taken, start, end)
    national = {name for name in {n for _, _, n in mentions} if book.level_of(name) == "national"}
    others = {n for _, _, n in mentions} - national
    found = []
    partner_end = -1  # where the last partner place named ends: the places listed after it are partners too
    for start, end, name in sorted(mentions):
        if others - {name} and re.search(rf"\b(?:{data()['not_a_place_after']})\s+$", text[:start]):
            continue  # "Which Anhui carmaker listed in Hong Kong": where the shares trade, not what is asked about
        if others - {name} and _partner(text, start, partner_end):
            partner_end = end  # "exported to Tianjin and Hebei": where the thing went, not a place asked or compared
            text = _blank(text, start, end)
            continue
        if name in national and re.match(r"-[a-z]", text[end:]):
            continue  # "China-Europe Railway Express", "China-ASEAN": a name, not the country
        if name in national and _term_beyond(text, start, end):
            continue  # "China Quality Award" (中国质量奖): a glossary term the country's name begins is a name
        if name in national and others and re.match(rf"\s+(?!(?:{data()['national_place_before']})\b)[a-z]",
                                                    text[end:]) and text[start:end] == "national":
            continue  # "Luohe's national high-tech enterprises": a national title (国家级), not the country
        found.append((start, name))
        text = _blank(text, start, end)
        own = re.match(rf"\s*(?:{_level_words(name)})\b(?![- ]level)", text[end:])
        if own:  # "Hainan Province", "Yancheng District": the place says its level
            text = _blank(text, end, end + own.end())
    # "the city", "the province": the place named; "Which Guangdong county", "a civilized city" stay words
    for m in re.finditer(rf"\b(?:{data()['anaphors']})\s+(?:{data()['level_words']})\b(?![- ]level)", text):
        text = _blank(text, m.start(), m.end())
    seen, ordered = set(), []
    for at, name in sorted(found):
        if name not in seen:
            seen.add(name)
            ordered.append((at, name))
    return text, ordered


def _term_beyond(text: str, start: int, end: int) -> bool:
    """A glossary term starts where a place's name starts and runs past it."""
    m = _glossary_pattern().match(text, start)
    return m is not None and m.end() > end


def _english_names(book, name: str) -> tuple[str, ...]:
    known = book.place(name)
    return known.english if known else ()


def _level_words(name: str) -> str:
    """The English words of a place's own level, by how its Chinese name ends (data/english.yaml own_level):
    "province" for 广东省, "city|municipality" for 北京市, "district" for 郾城区."""
    for ending, words in data()["own_level"].items():
        if name.endswith(ending):
            return words
    return r"(?!)"


@lru_cache(maxsize=None)
def _english_figure() -> re.Pattern:
    figures = load_data("english_figures.yaml")
    scales = "|".join(map(re.escape, figures["scales"]))
    units = "|".join(map(re.escape, sorted(figures["units"], key=len, reverse=True)))
    return re.compile(rf"(\d+(?:\.\d+)?)\s*({scales})\b(?:\s+({units})\b)?", re.I)


def figure_spans(text: str) -> list[tuple[int, int, str]]:
    """English figures with where they stand, as the reports write them: "94.16 million yuan" -> 9416万元."""
    from assistant.facts.units import multipliers

    figures = load_data("english_figures.yaml")
    steps = sorted(((f, m) for m, f in multipliers().items() if f >= 10_000), reverse=True)
    out = []
    for m in _english_figure().finditer(text):
        value = float(m.group(1)) * figures["scales"][m.group(2).lower()]
        factor, written = next(((f, w) for f, w in steps if value >= f), (1, ""))
        unit = figures["units"].get((m.group(3) or "").lower(), "")
        out.append((m.start(), m.end(), f"{value / factor:.6g}{written}{unit}"))
    return out


def class_spans(text: str) -> list[tuple[int, int, str]]:
    """Figures written as adjectives, a class of size as the reports write it: "100-billion-yuan industries" ->
    千亿级 (a 1000亿 figure is no word of 千亿级产业); only round figures (1, 10, 100, 1000 of a multiplier)."""
    from assistant.facts.units import multipliers

    figures = load_data("english_figures.yaml")
    scales = "|".join(map(re.escape, figures["scales"]))
    steps = sorted(((f, m) for m, f in multipliers().items() if f >= 10_000), reverse=True)
    out = []
    for m in re.finditer(rf"(?<![\d.])(\d+)-({scales})(?:-(?:yuan|rmb|dollar|level|class|scale))*(?=[\s-])", text):
        value = int(m.group(1)) * figures["scales"][m.group(2)]
        factor, written = next(((f, w) for f, w in steps if value >= f), (1, ""))
        digits = figures["class_digits"].get(value // factor) if value % factor == 0 else None
        if digits is not None:
            out.append((m.start(), m.end(), f"{digits}{written}{figures['class_word']}"))
    return out


def floors(text: str) -> list[str]:
    """A figure of one multiplier set as a class's floor, as the reports write it: "projects worth over 100
    million yuan" -> 亿元以上 (亿元以上项目; the reports never write 1亿元以上). Only search words: the reading
    keeps the figure as said, since a passage may say the floor otherwise (超亿元项目). data/english.yaml floor."""
    cues = data()["floor"]
    lowered = text.lower()
    return [chinese[1:] + cues["words"] for start, _, chinese in figure_spans(lowered)
            if re.fullmatch(r"1[^\d.]+", chinese) and re.search(rf"(?<![a-z])(?:{cues['before']})\s+$", lowered[:start])]


def english_figures(text: str) -> list[str]:
    """english_figures("pass 10 trillion yuan") -> ["10万亿元"]; "16.06 billion US dollars" -> ["160.6亿美元"]."""
    return [chinese for _, _, chinese in figure_spans(text)]


def roman_grades(question: str) -> list[str]:
    """The grades the question numbers in Roman numerals, as the reports write them: words the answer is searched
    and scored by, as a glossary term's Chinese is ("the national Grade II standard" -> ["二级"])."""
    return _take_roman(question.lower())[1]


def _take_roman(text: str) -> tuple[str, list[str]]:
    """"grade ii" -> 二级, "phase iii" -> 三期: a numbered grade as the reports write it (data/english.yaml roman)."""
    roman = data()["roman"]
    words, numerals = "|".join(roman["words"]), "|".join(sorted(roman["numerals"], key=len, reverse=True))
    # a glossary term holding the numeral is read as the term ("class ii water quality": Ⅱ类水质): phrases first
    held = [m.span() for m in _glossary_pattern().finditer(text)]
    out = []
    for m in _cue(rf"({words})\s+({numerals})").finditer(text):
        if any(start <= m.start(2) < end for start, end in held):
            continue
        out.append(roman["numerals"][m.group(2)] + roman["words"][m.group(1)])
        text = _blank(text, m.start(), m.end())
    return text, out


def _take_periods(text: str) -> tuple[str, list[str]]:
    """Plan periods as the reading says them: "十四五末" when the question asks for the end of one."""
    periods = []
    for english, chinese in english_periods().items():
        end = data()["period_end"]
        if regex(rf"{end}\s+(?:the\s+)?{re.escape(english)}").search(text):
            chinese += data()["period_end_words"]
        pattern = rf"(?:{end}\s+)?(?:the\s+)?{re.escape(english)}(?:\s+plan)?(?:\s*\(\s*\d{{4}}\s*[-–]\s*\d{{4}}\s*\))?(?:\s+period)?"
        for m in regex(pattern).finditer(text):
            periods.append(chinese)
            text = _blank(text, m.start(), m.end())
    return text, list(dict.fromkeys(periods))


def _take_years(text: str) -> tuple[str, list[int]]:
    years = []
    for m in re.finditer(rf"(?<!\d)({YEAR})(?!\d)", text):
        years.append(int(m.group(1)))
        text = _blank(text, m.start(), m.end())
    return text, list(dict.fromkeys(years))


def _take_terms(text: str) -> tuple[str, list[tuple[int, int, str, str]]]:
    """Glossary terms, longest first: (start, end, English, Chinese)."""
    found = []
    kind = _kind_asked(text)
    for m in _glossary_pattern().finditer(text):
        term = glossary_term(m.group(0))
        # the kind's own noun ends the words naming it ("which big water-diversion project": project, not the
        # water diversion it is of)
        head = kind if kind and kind[0] <= m.start() and m.end() == kind[1] else None
        found.append((m.start(), m.end(), term, _rendering(term, *(head[2:] if head else ()))))
    for start, end, _, _ in found:
        text = _blank(text, start, end)
    return text, found


def _rendering(english: str, ends: tuple[str, ...] = (), asked_as: str = "") -> str:
    """A term's Chinese: the glossary's first, or the term itself when the reports write it as is (GDP, CPI), as
    a Chinese question would ("GDP增速" finds "全县GDP完成…"; the answerer still tries 生产总值).
    `ends`, `asked_as`: how names of the kind the question asks end and the kind's own word, when the term is its
    head noun ("which theme park", "which project"): the rendering naming that kind (公园 of park's 园区 公园), else
    the kind's word (工程), as a Chinese question asks 哪个公园, 哪个工程."""
    renderings = glossary()[english]
    if english.upper() in renderings:
        return english.upper()
    return next((r for r in renderings if ends and r.endswith(ends)), asked_as or renderings[0])


def _kind_asked(text: str) -> tuple[int, int, tuple[str, ...], str] | None:
    """Where an English question names the kind of thing whose name it asks ("which theme park", "which
    airport"), with how names of that kind end and the kind's word a question asks it by (data/question_words.yaml
    name_kinds ends, asked_as); None when it asks none."""
    for kind in load_data("question_words.yaml").get("name_kinds", []):
        english = [a for a in kind["asks"] if "which" in a]
        found = regex("|".join(english), re.I).search(text) if english else None
        if found:
            return found.start(), found.end(), tuple(kind["ends"]), kind.get("asked_as", "")
    return None


def _take_cues(text: str, table: str) -> tuple[str, list[str]]:
    """The Chinese words of the cues of one table of data/english.yaml the text holds, in table order."""
    out = []
    for pattern, chinese in data()[table]:
        for m in _cue(pattern).finditer(text):
            if chinese not in out:
                out.append(chinese)
            text = _blank(text, m.start(), m.end())
    return text, out


def _take_streak(text: str) -> tuple[str, list[str]]:
    """The length of a streak asked, as a Chinese question asks it: "for how many straight months" -> 连续多少个月,
    "how many years in a row" -> 连续多少年 (data/english.yaml streak); "for the first time in how many years" ->
    多少年来首次 (since_first). A bare "how many years" asks no streak."""
    streak = data()["streak"]
    found = []
    for noun, chinese in streak["periods"].items():
        pattern = (rf"(?:for\s+)?how\s+many\s+(?:(?:{streak['before']})\s+{noun}(?:\s+(?:{streak['after']}))?"
                   rf"|{noun}\s+(?:{streak['after']}))")
        for m in _cue(pattern).finditer(text):
            found.append(f"{streak['words']}多少{chinese}")
            text = _blank(text, m.start(), m.end())
    text, since = _take_cues(text, "since_first")
    return text, list(dict.fromkeys([*found, *since]))


def compounds(terms: list[tuple[int, int, str, str]], text: str) -> list[str]:
    """Adjacent terms make one Chinese compound, in Chinese order: "urban" "new jobs" -> 城镇新增就业,
    "net income of rural residents" -> 农村居民纯收入 ("A of B" is B A), "value added above designated
    size" -> 规模以上工业增加值 (a phrase with above/below qualifies what it follows)."""
    out: list[tuple[list[str], list[str]]] = []  # (the words, the words of an "of" phrase that go before them)
    last_end = None
    for start, end, english, chinese in sorted(terms):
        gap = text[last_end:start] if last_end is not None else None
        # "per unit of GDP" too: what is measured per unit of something follows it in Chinese (单位生产总值…排放)
        qualifier = english.startswith(("above", "below", "per unit"))
        alone = chinese in data()["unjoined"] or (out and out[-1][0] in ([w] for w in data()["unjoined"]))
        if gap is not None and re.fullmatch(r"[\s'\-]*", gap) and not alone:
            words, before = out[-1]
            if qualifier:  # "value added of industrial enterprises above designated size": 规模以上工业企业增加值
                (before if before else words).insert(0, chinese)
            else:
                (before if before else words).append(chinese)
        elif gap is not None and re.fullmatch(r"\s*of\s*(?:the\s*)?", gap) and not out[-1][1]:
            out[-1][1].append(chinese)
        else:
            out.append(([chinese], []))
        last_end = end
    return [_join([*before, *words]) for words, before in out]


def _join(words: list[str]) -> str:
    """One compound, a word inside its neighbour said once: 人均 + 人均可支配收入 -> 人均可支配收入."""
    kept: list[str] = []
    for word in words:
        if any(word in k for k in kept):
            continue
        # 城镇 + 人均 + 人均可支配收入: the longer word takes the place of the one it holds (城镇人均可支配收入)
        kept = [k for k in kept if k not in word] + [word] if any(k in word for k in kept) else [*kept, word]
    return "".join(kept)


def read(question: str, book=None) -> Reading:
    text = original = _normalise(respell(question))
    text, named = _take_places(text, book or gazetteer_book())
    unplaced = text  # the question without its places: "what's Yancheng District's …" names no district
    said = [original[at:at + length] for at, length in _place_spans(original, text)]
    text, periods = _take_periods(text)
    figures = class_spans(text)
    for start, end, _ in figures:
        text = _blank(text, start, end)
    figures += figure_spans(text)
    for start, end, _ in figures:  # "with an investment of 94.16 million yuan": 9416万元, as a Chinese question says it
        text = _blank(text, start, end)
    text, years = _take_years(text)
    text, said_figures = _take_cues(text, "word_figures")
    text, grades = _take_roman(text)
    report = re.search(rf"(?<![a-z]){data()['report']}(?![a-z])", text)
    if report:
        text = _blank(text, report.start(), report.end())
    text, streak = _take_streak(text)
    text, rank = _take_cues(text, "rank")
    text, verbs = _take_cues(text, "verbs")
    for m in _cue(re.sub(r"\s+", "", data()["asker"])).finditer(text):  # "I want to know": the asker's, no target
        text = _blank(text, m.start(), m.end())
    if len(named) >= 2:  # the kind of the places compared ("which city … Beijing or Shanghai") names the sides
        for m in _cue(data()["sides_kind"]).finditer(text):
            text = _blank(text, m.start(), m.end())
    text, terms = _take_terms(text)
    text, status = _take_cues(text, "status")
    for m in re.finditer(data()["change_as_time"], text):  # "after the 2020 increase": when the level is asked
        text = _blank(text, m.start(), m.end())
    text, measure = _take_cues(text, "measure")
    text, ask = _take_cues(text, "ask")
    places_named = [name for _, name in named]
    sides = len(places_named) >= 2 or len(years) >= 2 or len(periods) >= 2
    comparing = sides and (_cue(data()["compare"]).search(original) is not None
                           or _joined(original, [*said, *map(str, years)]))
    scene_end = len(original) - len(main_clause(original))
    scene = [term for term in terms if term[0] < scene_end]  # "When Henan named its second batch …, how many …"
    terms = [term for term in terms if term[0] >= scene_end]
    words, tail = _asked(original, terms, measure, ask, comparing, unplaced, rank, streak)
    unknown = [w for w in WORD.findall(text) if not is_general(w) and not w.isdigit()]
    numbers = [chinese for _, _, chinese in figures] + said_figures + grades
    numbers += re.findall(r"(?<![\d.])\d+(?:\.\d+)?(?![\d.])", text)  # "among 168 cities": content, as in Chinese
    joiner = "和" if comparing else " "
    # periods before years: the words after the last year are the indicator's (refusal.indicator_words)
    # the report named as the source before the years: "in 2008, according to the government work report" asks
    # 2008's figure, and 2008年政府工作报告 would say the report of 2008 (its figures those of 2007); a year the
    # question gives the report itself ("the 2008 report") is read from the English (analysis.report_years)
    parts = [joiner.join(places_named), data()["report_words"] if report else "", *periods,
             joiner.join(f"{y}年" for y in years)]
    # a word it cannot translate stays in the reading as written (in capitals, as the reports write
    # Latin terms such as GDP): a passage lacks it as it would lack a Chinese question's unknown term
    if scene:  # the scene, then a comma: as in Chinese, the words after it name what is asked (2023年…时，…多少所)
        parts += [*compounds(scene, original), "，"]
    # Chinese written inside an English question ("the “一证通办” service") is the reports' own term: kept as written
    written = [w for w in re.findall(r"[\u4e00-\u9fff]+", question) if not any(w in p for p in [*words, *parts])]
    if streak or tail.startswith("多少"):
        verbs = []  # a figure's indicator words are those a passage must hold; a verb is said many ways
    parts += [*words, *verbs, *written, *numbers, *(w.upper() for w in unknown), *status, tail]
    if "实际" in status:  # an achieved value: said before the indicator, never one of its words (实际 排名)
        parts.remove("实际")
        parts.insert(1, "实际")
    plain = [p for p in english_periods().values() if any(said.startswith(p) for said in periods)]
    return Reading(chinese=" ".join(p for p in parts if p), places=places_named, years=years, periods=plain,
                   terms=[(english, chinese) for _, _, english, chinese in [*scene, *terms]], unknown=unknown)


def _asked(question: str, terms: list, measure: list[str], ask: list[str], comparing: bool,
           unplaced: str = "", rank: list[str] = (), streak: list[str] = ()) -> tuple[list[str], str]:
    """The indicator words and the asking tail of a reading: (["生产总值增长"], "增长多少")."""
    if streak:  # "for how many straight months has it kept growing": the streak is asked, the growth is what ran
        words = compounds(terms, question)
        return [*words, *measure[:1]], "".join(streak)
    if rank and not ask and not re.search(r"\b(?:what|how)\b", question):
        ask = list(rank)  # "Where did Luohe rank …?": the rank alone is asked
        rank = []
    words = compounds(terms, question)
    if _cue(data()["level"]).search(question):
        measure = [m for m in measure if m not in ("增长", "增速", "下降")]  # the level reached, not the change
    if "什么时候" in ask and len(ask) > 1:
        ask = [a for a in ask if a != "什么时候"]  # "When Henan named …, how many …": when opens a clause
    ask = ask or _what(unplaced or question, words) or _bare(question, words)
    if ask == ["多少"]:
        ask = ["多少" + _asked_unit(question)]  # "how many tons": 多少吨, the measure the answer must carry
        if ask != ["多少"] and not _cue(r"by\s+how|how\s+many\s+more|how\s+much\s+more").search(question):
            measure = [m for m in measure if m not in ("增长", "增速")]  # "how many mu … to grow": a quantity
    if ask[:1] == ["多少"] and measure[:1] == ["下降"] and not comparing \
            and _cue(data()["amount_of_thing"]).search(question):
        # "how much steel capacity was cut": the amount of the thing cut (退出钢铁产能6500万吨), not a rate; the
        # change stays a word the passage must say (in any word of its direction: answer/refusal.change_said). A
        # thing that changes by itself ("how much grain output increased") asks its change, as before
        words, measure = [*words, measure[0]], []
    if ask == ["哪些"] and re.search(r"\bwhich\b", question) and (measure or not terms):
        ask = ["哪个"]
    growth = measure[:1] in (["增长"], ["增速"])
    joined = bool(measure) and (not terms or _follows(question, max(end for _, end, _, _ in terms)))
    if growth and words in ([], ["经济"]):
        words = [data()["economy"]]  # "which grew faster", "economic growth": the economy's, stated as 生产总值增长
    if comparing and growth:
        measure = ["增速"]  # a rate for each side
    if comparing and _cue(data()["which_more"]).search(question):
        # which is bigger / more asks each side's quantity (data/compare.yaml), which is higher may ask a rate
        more = re.search(load_data("compare.yaml")["english_amount_comparatives"], question, re.I) and not measure
        ask = ["哪个更快" if growth else "哪个更多" if more else "哪个更高"]
    elif comparing:
        ask = ["分别", *(ask or ["多少"])]
    elif measure and not ask:
        ask = ["多少"]
    joined = joined and bool(words)
    if joined:
        words = [*words[:-1], words[-1] + measure[0]]  # "GDP growth": 生产总值增长, as a Chinese question writes it
    tail = ask if comparing and joined else [*measure[:1], *ask]  # 增长多少 asks a rate
    if "分别" in tail:  # 分别增速多少: the measure right before 多少, as 增速各是多少 says it
        tail = ["分别", *(t for t in tail if t != "分别")]
    if tail and tail[-1].startswith("多少") and len(_cue(data()["asks"]).findall(question)) >= 2:
        tail.append("多少")  # "how many …, and how much …": two figures asked
    tail += [r for r in rank if r not in tail]  # "what rate …, and where did that rank?": 多少第几
    return words, "".join(tail)


def main_clause(question: str) -> str:
    """The question without an opening clause that only sets the scene: "When Henan named its second batch of
    …, how many technical schools …?" -> "how many technical schools …?"; else the question."""
    m = re.match(rf"\s*(?:{data()['scene']})\b[^,?;]*,\s*(.+)$", question, re.I | re.S)
    return m.group(1) if m and re.search(rf"\b(?:{data()['asks']}|which|who)\b", m.group(1), re.I) else question


def _place_spans(original: str, blanked: str) -> list[tuple[int, int]]:
    """Where the places' names stood: the runs blanked in `blanked` that hold letters in `original`."""
    spans = []
    for m in re.finditer(r" +", blanked):
        if re.search(r"[a-z]", original[m.start():m.end()]) and original[m.start():m.end()].strip():
            spans.append((m.start() + len(original[m.start():m.end()]) - len(original[m.start():m.end()].lstrip()),
                          len(original[m.start():m.end()].strip())))
    return spans


def _joined(question: str, sides: list[str]) -> bool:
    """Two sides joined by and/or ("guangdong and shandong", "in 2009 or in 2011"), not two clauses."""
    if len(sides) < 2:
        return False
    alternation = "|".join(re.escape(s) for s in sorted(set(sides), key=len, reverse=True))
    return re.search(rf"(?<![a-z0-9])(?:{alternation})[\s,]*(?:{data()['joins']})\s+(?:(?:in|for|of|the|by|at)\s+)*(?:{alternation})"
                     rf"(?![a-z0-9])", question) is not None


def _asked_unit(question: str) -> str:
    """The unit or counter "how many/much" asks in: "how many tons" -> 吨, "how many new enterprises" -> 家."""
    for pattern, chinese in data()["units"]:
        if _cue(rf"how\s+(?:many|much)\s+(?:more\s+)?(?:{pattern})").search(question):
            return chinese
    for pattern, chinese in data()["counters"]:
        if _cue(rf"how\s+many\s+(?:[a-z&-]+\s+){{0,5}}?(?:{pattern})").search(question):
            return chinese
    if _cue(data()["money_asked"]).search(question):
        return "元"  # "how much did the central government spend on education": a sum of money, not 1.6亿学生
    return ""


def _follows(text: str, at: int) -> bool:
    """A measure is said right after position `at`: "GDP growth", "economy grew", not "GDP … grow"."""
    start = at + len(text[at:]) - len(text[at:].lstrip(" -"))
    return any(_cue(pattern).match(text, start) for pattern, _ in data()["measure"])


def _what(question: str, words: list[str]) -> list[str]:
    """"What was X?" asks for a figure when X is a quantity or an indicator, else for a name."""
    if not re.search(r"\bwhat\b", question):
        return []
    if _cue(rf"what\s+(?:{_flat('count_words')})(?=\s+[a-z])").search(question):
        return ["哪些"]  # "what two concepts were first put forward": as many names as it counts, a list
    if _cue(data()["called"]).search(question):
        return ["什么"]  # "what is it called": a name, even of a thing measured ("Asia's largest … airport")
    if _cue(rf"what\s+(?:\w+\s+)?(?:{_flat('name_nouns')})").search(question) or _head_names(question):
        return ["什么"]  # "what was the single biggest-investment project in the city": a name
    if number_of_one(question) and not _names_figure(words):
        return ["什么"]  # "what is the number of the hotline": the one thing's number is its code, a name
    if _cue(_flat("quantity")).search(question) or _names_figure(words):
        return ["多少"]
    if _cue(r"what\s+(?:are|were)|what\s+(?:[a-z'-]+\s+){0,3}?[a-z'-]+s\s+(?:did|does|do|have|has|had|will|would)").search(question):
        return ["哪些"]  # "what are Shanghai's three pioneer industries", "what new institutes did …": a list
    return ["多少"] if words else ["什么"]


def number_of_one(question: str) -> bool:
    """"What is the number of the/its/<place>'s <one thing>?": the number of one thing named with its determiner (a
    hotline, a line, a route) is the number it is known by (12356, 15号线), a code asked as a name; the number of
    things (plural: "the number of new enterprises") or of a thing without one ("the number of employment") is a
    count. The thing's phrase ends at a preposition, a clause, punctuation, a capital (a name opening a clause: "…
    hotline Jiangsu plans to build") or a place's blank in a reading (which stands for its possessive).
    Example: number_of_one("What is the number of Jiangsu's psychological assistance hotline?") -> True"""
    m = re.search(r"\b(?i:what)\s+(?i:is|was)\s+the\s+number\s+of\s+(?:the\s+|its\s+|their\s+|[A-Za-z-]+'s\s+|\s{2,})"
                  r"((?:[a-z0-9'-]+\s){0,5}?[a-z0-9'-]+)"
                  r"(?=\s{2,}|\s*[?,.;]|\s*$|\s+[A-Z]|\s+(?:that|which|in|of|for|to|at|on|by|with)\b)", question)
    if not m:
        return False
    head = m.group(1).split()[-1]
    return re.fullmatch(r"[a-z-]*[a-z]", head) is not None and (not head.endswith("s") or head.endswith("ss"))


def _bare(question: str, words: list[str]) -> list[str]:
    """A question with no asking word: "Luohe 2023 GDP?", "Show the number of new urban jobs …" asks the figure
    it names; "List the main targets …", "Name the companies …" the items."""
    if _cue(r"^\s*(?:list|name|identify|enumerate)").search(question):
        return ["哪些"]
    if words and (_cue(_flat("quantity")).search(question) or _names_figure(words)):
        return ["多少"]
    return []


def _head_names(question: str) -> bool:
    """"What is/was …" whose noun phrase ends in a name noun: "what is Shandong's first integrated … project in
    China" asks a name; "what was the total output value of …" a figure ("what are …" asks a list)."""
    # the phrase ends at a preposition, a clause, punctuation or a place's blank ("… project  [Xuchang] completed")
    m = re.search(r"\bwhat\s+(?:is|was)\s+(?:the\s+)?((?:[a-z0-9'&-]+ )*?[a-z0-9'&-]+)(?:\s{2,}|\s*"
                  r"(?=\b(?:in|of|for|at|on|by|to|from|with|that|which|built|set|named|called|launched)\b|[?,.]|$))",
                  question)
    if not m:
        return False
    words = m.group(1).split()
    nouns = _flat("name_nouns")
    if re.fullmatch(nouns, words[-1]):
        return True
    # a name noun followed by a past participle opening a clause of its own ("… storage project mentioned in the
    # report", "… plant commissioned last year"): the phrase ends at the noun. A participle before its noun
    # ("integrated", "planned investment") qualifies it; "speed", "need", "hundred" end in -ed and are none
    return any(re.fullmatch(nouns, word) and re.fullmatch(r"(?!hundred$)[a-z]+[^e'-]ed", after)
               for word, after in zip(words, words[1:]))


def _flat(key: str) -> str:
    return re.sub(r"\s+", "", data()[key])


def _names_figure(words: list[str]) -> bool:
    from assistant.facts.indicators import named_indicators

    return bool(named_indicators(" ".join(words)))


_SPELLED: dict = {}


def _pinyin_index(vocabulary: dict) -> dict[str, list[str]]:
    """The index's Chinese words of two to six characters by their pinyin ("weilong" -> ["卫龙"]), built once per
    vocabulary (a few seconds for 50,000 words)."""
    key = (id(vocabulary), len(vocabulary))
    if _SPELLED.get("key") != key:
        from pypinyin import lazy_pinyin

        spelled: dict[str, list[str]] = {}
        single: dict[str, list[str]] = {}
        for token in vocabulary:
            if 1 <= len(token) <= 6 and re.fullmatch(r"[\u4e00-\u9fff]+", token):
                (spelled if len(token) >= 2 else single).setdefault("".join(lazy_pinyin(token)), []).append(token)
        _SPELLED.update(key=key, spelled=spelled, single=single)
    return _SPELLED["spelled"]


def _split_spelling(word: str, vocabulary: dict) -> list[str]:
    """A name of three syllables or more written as one pinyin word that the index holds as two tokens: "jinfuyun"
    -> ["金服云"] from 金服 + 云 (a name in quotes, “金服云”, is cut so). The head is a word of two characters or
    more, the tail any word; every pair that spells the word is a candidate (homophones too), at most four."""
    spelled, single = _pinyin_index(vocabulary), _SPELLED["single"]
    found = []
    for cut in range(4, len(word) - 1):
        heads, tails = spelled.get(word[:cut], []), spelled.get(word[cut:], []) + single.get(word[cut:], [])
        found += [head + tail for head in heads for tail in tails]
    return found[:4]


def spelled_names(words: list[str], vocabulary: dict) -> dict[str, list[str]]:
    """Words no list knows that spell a word of the index in pinyin, alone or two together: {"weilong": ["卫龙"],
    "ziguang jinyuan": ["紫光锦园"]}. Names of firms, brands and local places are written so in English; a word of
    two syllables or more only (a Chinese word of two characters or more), so "tai" alone spells nothing."""
    spelled, found, i = _pinyin_index(vocabulary), {}, 0
    while i < len(words):
        pair = " ".join(words[i:i + 2])
        if i + 1 < len(words) and pair.replace(" ", "") in spelled:
            found[pair] = spelled[pair.replace(" ", "")]
            i += 2
            continue
        # a hyphen or an apostrophe only parts syllables (Yixin'ou: yi-xin-ou)
        letters = re.sub(r"[-'’]", "", words[i])
        if letters in spelled:
            found[words[i]] = spelled[letters]
        elif split := _split_spelling(letters, vocabulary):
            found[words[i]] = split
        i += 1
    return found


def with_spelled_names(analysis, vocabulary: dict):
    """An English question's analysis with the names it spells in pinyin written as the index writes them
    (WEILONG -> 卫龙 in its reading), no longer unknown. `analysis`: an assistant.analysis.Analysis."""
    if analysis.language != "en" or not analysis.unknown or not vocabulary:
        return analysis
    capitalised = [w for w in analysis.unknown  # a name is written with a capital: "Weilong", not "lottery"
                   if regex(rf"(?<![A-Za-z])[A-Z]{re.escape(w[1:])}(?![a-z])").search(analysis.original or "")]
    names = _places_first(spelled_names(capitalised, vocabulary), analysis)
    if not names:
        return analysis
    question, unknown, renderings = analysis.question, list(analysis.unknown), list(analysis.renderings)
    for name, chinese in names.items():
        for n, word in enumerate(name.split()):  # where the name stood: the indicator's words stay before 多少
            question = re.sub(rf"(?<![A-Z0-9]){re.escape(word.upper())}(?![A-Z0-9])", "" if n else chinese[0],
                              question, count=1)
            unknown.remove(word)
        renderings.append(chinese)
    expansion = " ".join(dict.fromkeys([*analysis.expansion.split(), *(c for cs in names.values() for c in cs)]))
    return replace(analysis, question=re.sub(r"\s+", " ", question).strip(), unknown=unknown, renderings=renderings,
                   expansion=expansion)


def _places_first(names: dict[str, list[str]], analysis) -> dict[str, list[str]]:
    """Each spelled name's Chinese words with the names of the place it spells first, when the question names a
    thing after a place the place book knows ("Yiyang Power Plant": 益阳 of 益阳市, not 一样 or 医养, which spell
    it as well): the reading says the first, and a thing is named after its place far more often than after a
    homophone. Other spellings keep their order (the place book knows only places)."""
    book = getattr(analysis, "book", None)
    if book is None or not names:
        return names
    named = {}
    for written, place in book.things_named(analysis.original or ""):
        found = book.place(place)
        named.setdefault(written, set()).update({place, *(found.aliases if found else ())})
    out = {}
    for name, chinese in names.items():
        # a capitalised word spelling a place's name is that place first, named after a thing or not ("Yiwu
        # service": 义乌 before 一五, which spells it as well)
        spelled = book.place(book.spelled(name)) if name not in named else None
        places = named.get(name, set()) | set(spelled.aliases if spelled else ())
        out[name] = [c for c in chinese if c in places] + [c for c in chinese if c not in places]
    return out


def known_parts(token: str, vocabulary) -> list[str]:
    """The two-character pieces of a Chinese token no passage holds that some passage does: 普惠小微 -> [普惠]
    when passages hold 普惠 but never 普惠小微. BM25 reads a query by jieba's search cut, which gives the pieces
    of most words (火车站 -> 火车, 车站); a word jieba knows only whole (a domain word of data/lexical.yaml, a
    name) would otherwise meet no passage that writes it apart."""
    if not re.fullmatch(r"[\u4e00-\u9fff]{3,}", token) or token in vocabulary:
        return []
    grams = (token[i:i + 2] for i in range(len(token) - 1))
    return [g for g in dict.fromkeys(grams) if g in vocabulary]


def with_known_parts(analysis, vocabulary: dict):
    """An English question's analysis whose terms the index never saw in any rendering also searched by the
    pieces it holds (known_parts), added to the expansion BM25 reads. A term with a rendering whose every token
    the index holds is searched as that rendering (技工院校 for 技工学校); a piece is only a search word, so
    the term itself still counts as unknown to the refusal rules (answer/refusal.unknown_terms)."""
    if analysis.language != "en" or not vocabulary:
        return analysis
    from assistant.index.lexical import tokenize

    parts: list[str] = []
    for group in analysis.renderings:
        if any(all(t in vocabulary for t in tokenize(r)) for r in group):
            continue
        for rendering in group:
            cut = tokenize(rendering)  # the pieces the search cut gives are searched already
            parts += [p for t in cut for p in known_parts(t, vocabulary) if p not in cut]
    if not parts:
        return analysis
    return replace(analysis, expansion=" ".join(dict.fromkeys([*analysis.expansion.split(), *parts])))


HELD_PASSAGES = 5  # the passages the answerer reads first (extractive.pick's limit)


def with_held_renderings(analysis, texts: list[str]):
    """An English question's reading with each glossary term said as the retrieved passages say it: a term has
    several renderings (industrial cluster: 产业集群 产业集聚区) and the reading says the first; when no passage of
    `texts` (the best retrieved, best first) writes that one and a passage writes another, the reading says the
    one of the best-ranked passage writing any, so the answerer's word checks look for the word the report uses.
    A Latin rendering (GDP) is left: the answerer tries the indicator's other names itself."""
    if analysis.language != "en" or not analysis.renderings or not texts:
        return analysis
    texts = texts[:HELD_PASSAGES]
    question, renderings = analysis.question, []
    for group in analysis.renderings:
        said = next((r for r in group if r in question), None)
        held = None
        if said and re.fullmatch(r"[\u4e00-\u9fff]+", said) and not any(said in t for t in texts):
            # a word of three characters or more: a two-character rendering (生产 of production) is an everyday
            # word some passage writes of something else (食品生产包装设备 for "full production": 投产)
            held = next((r for t in texts for r in group if r != said and len(r) >= 3 and r in t), None)
        if held:
            question = question.replace(said, held, 1)
            group = [held, *(r for r in group if r != held)]
        renderings.append(group)
    if question == analysis.question:
        return analysis
    return replace(analysis, question=question, renderings=renderings)


REPORT_NAMED = re.compile(r"\b(?:per|according to|in|from)\s+the\s+(?:19|20)\d\d\s+(?:government\s+work\s+)?report\b")
TIME_NAMED = re.compile(r"\b(?:(?:in|by|during|for|at the end of|since)\s+)?(?:19|20)\d\d\b")


def scene_of(question: str, book=None) -> str:
    """The places and times an English clause names, as it says them (lower case), for a later clause that asks
    of another thing in the same scene.
    Example: scene_of("How much did China's GDP grow in 2009, per the 2010 report") -> "china, in 2009, per the 2010 report"
    """
    text = _normalise(respell(question))
    blanked, _ = _take_places(text, book or gazetteer_book())
    places = [text[at:at + length] for at, length in _place_spans(text, blanked)]
    reports = [m.group(0) for m in REPORT_NAMED.finditer(text)]
    rest = REPORT_NAMED.sub(" ", text)
    times = [m.group(0) for m in TIME_NAMED.finditer(rest)]
    return ", ".join(dict.fromkeys([*places, *times, *reports]))


def names_a_term(question: str, book=None) -> bool:
    """Does the English clause name a thing of its own (a glossary term: "how many urban jobs were added")?"""
    return bool(read(question, book).terms)
