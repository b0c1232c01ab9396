"""Figure statements -> Fact rows.

A report sentence such as "全年民生支出165.2亿元，占一般公共预算支出的70.9%。" states two
figures; each becomes a Fact: what it measures (the phrase before it in its clause:
民生支出; a figure whose clause names nothing, "，增长8.5%", measures what the figure
before it did), its measure (amount, growth, share, change, count, multiple, from the unit
and the verb before it), its status (actual, target, cumulative, average, from the words of
its sentence or the heading it sits under), its period (a year or plan period the sentence
names, else the document's reviewed year for achieved values and its issue year for
targets) and its place (a place the clause names, else the document's).

Every word list lives in assistant/data/fact_cues.yaml and units.yaml; nothing here names a
report or a question.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable

import cn2an

from assistant.facts.model import Fact
from assistant.facts.units import load_data, multiplier, unit_alternation, unit_groups

CN_NUMERAL = "[零〇一二两三四五六七八九十百千]+(?:点[零〇一二三四五六七八九]+)?"
ARABIC = r"\d+(?:[,，]\d{3})*(?:\.\d+)?"
SENTENCE_END = re.compile(r"[。！？!?；;\n]")
CLAUSE_SEP = "，,：:；;、（）()“”\"《》"
YEAR = re.compile(r"((?:19|20)\d\d)年")
SUB_YEAR = [(re.compile(r"上半年"), "H1"), (re.compile(r"下半年"), "H2"), (re.compile(r"前三季度"), "Q1-3"),
            (re.compile(r"(?:第)?一季度"), "Q1"), (re.compile(r"(?:第)?二季度"), "Q2"), (re.compile(r"(?:第)?三季度"), "Q3"),
            (re.compile(r"(?:第)?四季度"), "Q4"), (re.compile(r"1[-—–至]([2-9]|1[01])月"), "M1-")]
PLAN = re.compile(r"[“\"]?(十[一二三四五六七八九]五)[”\"]?")
PLAN_OF_YEAR = {"十一五": (2006, 2010), "十二五": (2011, 2015), "十三五": (2016, 2020), "十四五": (2021, 2025),
                "十五五": (2026, 2030), "十六五": (2031, 2035)}
TARGET_HEADING = re.compile(r"目标|任务|安排|计划|重点工作|展望|规划|打算")

PlaceFinder = Callable[[str], list]


@dataclass(frozen=True)
class DocContext:
    """What a chunk's document tells about its figures when the sentence does not."""
    region: str = ""
    year_issued: int | None = None
    year_reviewed: int | None = None
    heading: str = ""
    chunk_id: str = ""


@lru_cache(maxsize=None)
def cues() -> dict[str, list[str]]:
    return load_data("fact_cues.yaml")


@lru_cache(maxsize=None)
def figure_pattern() -> re.Pattern:
    """A number with its unit; 百分之八点五 too. Not the tail of another number, not an ordinal (第一批)."""
    units = unit_alternation()
    return re.compile(
        rf"(?<![\d.,，第])(?P<num>{ARABIC})\s*(?P<unit>{units})"
        rf"|(?<![\d.第])百分之(?P<pct>{ARABIC}|{CN_NUMERAL})"
        rf"|(?<![零〇一二两三四五六七八九十百千第])(?P<cnum>{CN_NUMERAL})(?P<cunit>{units})")


def extract_facts(text: str, doc: DocContext, find_places: PlaceFinder | None = None) -> list[Fact]:
    """Every figure statement in `text` (a chunk) as a Fact, in order of appearance."""
    facts: list[Fact] = []
    paragraph_year, paragraph_plan = "", ""
    start = 0
    for end_match in list(SENTENCE_END.finditer(text)) + [None]:
        end = end_match.end() if end_match else len(text)
        sentence = text[start:end]
        if end_match is not None and end_match.group() == "\n":
            # a year that opens a paragraph ("2020年，…") holds until the paragraph ends; so does "这五年"
            paragraph_year, paragraph_plan = "", ""
        opening = YEAR.match(sentence.strip())
        if opening:
            paragraph_year = opening.group(1)
        if any(sentence.strip().startswith(w) for w in cues()["cumulative"]):
            paragraph_plan = _plan_of(doc.year_reviewed)
        facts.extend(_sentence_facts(sentence, start, doc, paragraph_year, paragraph_plan, find_places))
        if end_match is not None and end_match.group() == "\n":
            paragraph_year, paragraph_plan = "", ""
        start = end
        if start >= len(text):
            break
    return facts


def _sentence_facts(sentence: str, offset: int, doc: DocContext, paragraph_year: str, paragraph_plan: str,
                    find_places: PlaceFinder | None) -> list[Fact]:
    out: list[Fact] = []
    previous_end, previous_indicator = 0, ""
    for m in figure_pattern().finditer(sentence):
        parsed = _value_and_unit(m)
        if parsed is None:
            continue
        value, unit = parsed
        before = sentence[:m.start()]
        clause = _clause_before(sentence, m.start(), previous_end)
        after = _clause_after(sentence, m.end())
        indicator = _indicator(clause)
        if unit_groups().get(unit) == "count" and _names_after(after):
            # 中钢洛耐院等4家平台入选…, 年度9个贫困村: a counted noun follows the figure
            # a bare verb before it (推动, 力争) or a list ending in 等 does not name what is counted
            if len(indicator) <= 2 or indicator.endswith("等"):
                indicator = _noun_after(after)
        inherited = not indicator
        if inherited:
            indicator = previous_indicator
        if not indicator:
            previous_end = m.end()
            continue
        if any(clause.startswith(w) for w in cues()["relative"]):
            previous_end = m.end()  # 高于全省1个百分点: a gap to another place, not a value of its own
            continue
        if indicator.startswith("占") and previous_indicator:
            indicator = previous_indicator + indicator  # 民生支出 + 占一般公共预算支出
        place = _place(clause if not inherited else before, doc, find_places)
        indicator = _without_place(indicator, place)
        measure, sign = _measure(unit, clause, indicator)
        status = _status(before, clause + after, doc, paragraph_plan)
        out.append(Fact(
            place=place,
            period=_period(before, status, doc, paragraph_year, paragraph_plan),
            indicator=indicator, value=sign * value, unit=unit,
            base_value=sign * value * multiplier(unit),
            measure=measure, status=status, figure=sentence[m.start():m.end()].strip(),
            sentence=sentence.strip(), chunk_id=doc.chunk_id,
            start=offset + m.start(), end=offset + m.end()))
        previous_end, previous_indicator = m.end(), indicator
    return out


def _value_and_unit(m: re.Match) -> tuple[float, str] | None:
    if m.group("num"):
        return float(m.group("num").replace(",", "").replace("，", "")), m.group("unit")
    raw = m.group("pct") or m.group("cnum")
    unit = "%" if m.group("pct") else m.group("cunit")
    if m.group("cnum") and len(raw) == 1 and unit_groups().get(unit) == "count":
        return None  # 一个中心, 三批: a lone numeral before a counter is wording, not a statistic
    try:
        value = float(raw) if re.fullmatch(ARABIC, raw) else float(cn2an.cn2an(raw, "smart"))
    except (ValueError, KeyError):
        return None
    return value, unit


def _clause_before(sentence: str, at: int, floor: int) -> str:
    """The text between the figure and the nearest clause mark (or the previous figure) before it."""
    cut = floor
    for i in range(at - 1, floor - 1, -1):
        if sentence[i] in CLAUSE_SEP:
            cut = i + 1
            break
    return sentence[cut:at]


def _clause_after(sentence: str, at: int) -> str:
    """The rest of the figure's clause after it: 左右, 以上 and the like."""
    for i in range(at, len(sentence)):
        if sentence[i] in CLAUSE_SEP or sentence[i] in "。；;":
            return sentence[at:i]
    return sentence[at:]


def _names_after(after: str) -> bool:
    return bool(_noun_after(after))


def _noun_after(after: str) -> str:
    """The noun a count is of, when it follows the figure: "平台入选省级…" -> "平台"; "以上" -> ""."""
    words = cues()
    text = after
    for w in sorted(words["target"] + ["以上", "左右", "多", "余"], key=len, reverse=True):
        if text.startswith(w):
            text = text[len(w):]
    verbs = sorted(words["tail_verbs"] + words["growth"], key=len, reverse=True)
    cut = min([i for v in verbs if (i := text.find(v)) > 0] + [len(text)])
    noun = text[:cut]
    return noun if len(noun) >= 2 and re.fullmatch(r"[\u4e00-\u9fff]+", noun) else ""


def _without_place(indicator: str, place: str) -> str:
    """郾城区实际利用外资 -> 实际利用外资 when the place is the clause's own."""
    if place and indicator.startswith(place) and len(indicator) > len(place) + 1:
        return indicator[len(place):]
    return indicator


def _indicator(clause: str) -> str:
    """The phrase a figure measures: its clause without scope words in front and the linking verb behind.

    Example: _indicator("全年民生支出") -> "民生支出"; _indicator("新增城镇就业") -> "新增城镇就业";
             _indicator("增长") -> ""
    """
    text = re.sub(r"\s+", "", clause)
    text = re.sub(r"^(?:(?:19|20)\d\d年(?:[上下]半年|前?[一二三四]季度)?|[上下]半年)", "", text)
    leads = sorted(cues()["lead_fillers"], key=len, reverse=True)
    tails = sorted(cues()["tail_verbs"], key=len, reverse=True)
    changed = True
    while changed and text:
        changed = False
        for word in leads:
            if text.startswith(word) and len(text) > len(word):
                text, changed = text[len(word):], True
                break
        for word in tails:
            if text.endswith(word):
                text, changed = text[: -len(word)], True
                break
        if text.endswith("的"):
            text, changed = text[:-1], True
    return text if len(text) >= 2 and re.search(r"[\u4e00-\u9fffA-Za-z]", text) else ""


def _measure(unit: str, clause: str, indicator: str) -> tuple[str, int]:
    """(measure, sign): growth and change figures after 下降/减少 are negative."""
    group = unit_groups().get(unit, "count")
    tail = clause[-6:]
    grows = any(w in tail for w in cues()["growth"])
    sign = -1 if any(w in tail for w in cues()["falls"]) else 1
    if unit == "倍":
        return "multiple", 1
    if group == "points":
        return "change", sign
    if group == "percent":
        if grows and not any(w in indicator for w in ("率", "比重", "占比")):
            return "growth", sign
        return "share", 1
    if grows and any(tail.endswith(w) or tail.endswith(w + "了") for w in cues()["growth"]):
        return "change", sign
    return ("amount" if group in ("money", "physical") else "count"), 1


def _status(before: str, clause: str, doc: DocContext, paragraph_plan: str) -> str:
    """Target when words before the figure (or its own clause: 增长7%左右) say so and its clause
    does not say it was achieved; average (年均) and cumulative (累计, 这五年) from the words before it."""
    words = cues()
    if any(w in before + clause for w in words["target"]) and not any(w in clause for w in words["actual"]):
        return "target"
    if any(w in before for w in words["average"]):
        return "average"
    if paragraph_plan or any(w in before for w in words["cumulative"]):
        return "cumulative"
    heading_years = [int(y) for y in YEAR.findall(doc.heading)]
    if TARGET_HEADING.search(doc.heading) and doc.year_issued and (
            not heading_years or max(heading_years) >= doc.year_issued):
        return "target"
    return "actual"


def _period(before: str, status: str, doc: DocContext, paragraph_year: str, paragraph_plan: str = "") -> str:
    """The year or plan period the figure belongs to: named in its sentence, else the document's."""
    years = YEAR.findall(before)
    plans = PLAN.findall(before)
    year = years[-1] if years else ""
    if not year and re.search(r"今年", before) and doc.year_issued:
        year = str(doc.year_issued)
    if not year and re.search(r"去年|上年|过去一年", before) and doc.year_reviewed:
        year = str(doc.year_reviewed)
    if plans and (not years or before.rfind(plans[-1]) > before.rfind(years[-1])):
        return plans[-1]
    if not year and paragraph_plan and status in ("cumulative", "average"):
        return paragraph_plan
    if not year and status in ("cumulative", "average"):
        plan = _plan_of(doc.year_reviewed)
        if re.search(r"五年", before) and plan:
            return plan
    year = year or paragraph_year
    if not year:
        fallback = doc.year_issued if status == "target" else doc.year_reviewed
        year = str(fallback) if fallback else ""
    for pattern, suffix in SUB_YEAR:
        found = pattern.search(before)
        if found and year:
            return year + (suffix + found.group(1) if suffix == "M1-" else suffix)
    return year


def _plan_of(year: int | None) -> str:
    if not year:
        return ""
    return next((name for name, (a, b) in PLAN_OF_YEAR.items() if a <= year <= b), "")


def _place(text: str, doc: DocContext, find_places: PlaceFinder | None) -> str:
    if find_places:
        found = find_places(text)
        if found:
            return found[-1] if isinstance(found[-1], str) else getattr(found[-1], "name", doc.region)
    return doc.region
