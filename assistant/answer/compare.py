"""What a comparison sets side by side: the measure it names, and each side's figure.

"2020年漯河市和尉氏县民生支出占比哪个高？" names a share: 70.9% against 68%, never 165.2亿元 against 46.6亿元,
though both passages state those first. "尉氏县和漯河市，谁的经济总量大？" names a level (总量) and asks which
side is larger: each side's figure (431.8亿元, 1500亿元), not a sentence in words about growth.
The words are in data/asking.yaml (measures, asks_which_more).
"""
from __future__ import annotations

import re

from assistant.data_files import word_pattern
from assistant.facts.indicators import holds_name

RATES = {"growth": {"growth", "change"}, "share": {"share"}, "change": {"change"}}
NOT_LEVELS = {"growth", "share", "change", "multiple"}  # facts.match.RATE_MEASURES


def asked_measure(text: str) -> str:
    """share, growth, change or amount: the measure a question names ("民生支出占比" -> share, "GDP增速" -> growth,
    "优良天数哪年增加得多" -> change, "经济总量" -> amount); "" when it names none. A share is read first: 占比 of
    增加值 is a share."""
    for measure in ("share", "growth", "amount"):
        if word_pattern("asking.yaml", f"{measure}_words").search(text):
            return measure
    # 哪个增加得多, 各提高多少: each side's change (增加60天), not its level (全年优良天数246天)
    if word_pattern("compare.yaml", "change_comparatives").search(text) \
            or word_pattern("compare.yaml", "change_nouns").search(text):
        return "change"
    # 哪年更多, 谁的…大 with no rate named: a quantity of each side (data/compare.yaml amount_comparatives)
    if word_pattern("compare.yaml", "amount_comparatives").search(text) \
            and not word_pattern("question_words.yaml", "rate_cues").search(text):
        return "amount"
    return ""


def asks_which_more(text: str) -> bool:
    """谁的…大, 哪个高, which grew faster: the question asks which side is larger or smaller."""
    return word_pattern("asking.yaml", "asks_which_more").search(text) is not None


def another_indicator(indicator: str, names: tuple[str, ...], asked: str = "") -> bool:
    """The fact's indicator holds a name of the asked one only as part of another indicator: per unit of it
    (单位地区生产总值能耗), per head (人均地区生产总值), a ratio or share of it (社会物流总费用与GDP的比率,
    …占地区生产总值比重); not when the question words it so itself (单位GDP能耗 asked). The longest name it
    holds is read (地区生产总值 in 单位地区生产总值能耗, not 生产总值). Words: asking.yaml derived_before/after."""
    upper = indicator.upper()
    held = [n for n in names if len(n) >= 2 and holds_name(upper, n)]
    if not held:
        return False
    name = max(held, key=len).upper()
    at = upper.rfind(name)
    before = word_pattern("asking.yaml", "derived_before").search(upper[:at])
    after = word_pattern("asking.yaml", "derived_after").match(upper[at + len(name):])
    if ratio_asked(upper, at, name, names, asked):
        return False
    return any(found and found.group(0).strip("的") not in asked.upper() for found in (before, after))


def derived_only(asked: str, names: tuple[str, ...]) -> frozenset[str]:
    """The names of each indicator group (data/indicators.yaml) among `names` that the question says only as part of
    another indicator: every place it says one of them has a derived word before or after it (data/asking.yaml
    derived_before/after: 单位GDP能耗, 消费对经济增长的贡献率, 人均GDP) or lies inside a longer name of another group
    (GDP in a group's 单位GDP能耗). Such a question asks the derived indicator, so a fact of the plain one
    (国内生产总值63.6万亿元) is no side of it. "GDP和人均GDP" says GDP alone too: frozenset()."""
    from assistant.data_files import load_data
    from assistant.facts.indicators import name_pattern

    upper = asked.upper()
    before = word_pattern("asking.yaml", "derived_before")
    after = word_pattern("asking.yaml", "derived_after")
    groups = [g for g in load_data("indicators.yaml") if set(g) & set(names)]
    found = [(gi, m.span()) for gi, g in enumerate(groups) for n in g if len(n) >= 2
             for m in name_pattern(n.upper()).finditer(upper)]
    bases: set[str] = set()
    for gi, group in enumerate(groups):
        spans = [span for g, span in found if g == gi]
        inside = lambda s, gi=gi: any(g != gi and o[0] <= s[0] and s[1] <= o[1] and o != s for g, o in found)  # noqa: E731
        if spans and all(inside(s) or before.search(upper[:s[0]]) or after.match(upper[s[1]:]) for s in spans):
            bases |= set(group)
    return frozenset(bases)


def asks_derived(side, names: tuple[str, ...]) -> frozenset[str]:
    """derived_only of a comparison side, read in the question's own words when they name an indicator (the
    expansion adds the plain names: 生产总值 GDP for 单位GDP能耗), else in the expansion (an English question's
    renderings: 对经济增长的贡献率 for contribution to economic growth)."""
    from assistant.facts.indicators import named_indicators

    own = side.whole or side.question
    return derived_only(own if named_indicators(own) else side.expansion, names)


def ratio_asked(upper: str, at: int, name: str, names: tuple[str, ...], asked: str) -> bool:
    """The fact is the ratio the question asks, worded another way: a share asked (研发经费占GDP比重) is stated as
    研发经费支出与国内生产总值之比 (data/compare.yaml ratio_words), when what is set over the whole shares a
    character pair with the question's words besides the whole's names (经费 of 研究与试验发展经费支出);
    社会物流总费用与GDP的比率 is no share of 民营经济."""
    if asked_measure(asked) != "share" or not word_pattern("compare.yaml", "ratio_words").match(upper[at + len(name):]):
        return False
    head = word_pattern("asking.yaml", "derived_before").sub("", upper[:at])
    whole = [n.upper() for n in names]
    asked_pairs = {p for p in _pairs(asked.upper()) if not any(p in n for n in whole)}
    return bool(_pairs(head) & asked_pairs)  # 经费 of 研发经费 (研究与试验发展经费): what is set over the whole is asked


def _pairs(text: str) -> set[str]:
    return {text[i:i + 2] for i in range(len(text) - 1) if re.fullmatch(r"[\u4e00-\u9fff]{2}", text[i:i + 2])}


def counts_another(fact, names: tuple[str, ...], asked: str = "") -> bool:
    """The fact counts other things named after the asked indicator: its indicator holds the name with words
    after it naming a kind of thing counted (asking.yaml counted_kinds) and its unit counts (新增PM2.5二级达标县
    3个 for PM2.5浓度: counties; GDP超百亿元的县8个), unless the question says those words itself."""
    from assistant.facts.units import unit_groups

    if unit_groups().get(fact.unit) != "count":
        return False
    upper = fact.indicator.upper()
    held = [n for n in names if len(n) >= 2 and holds_name(upper, n)]
    if not held:
        return False
    name = max(held, key=len).upper()
    after = upper[upper.rfind(name) + len(name):].strip("的 ")
    return bool(after) and word_pattern("asking.yaml", "counted_kinds").search(after) is not None \
        and after not in asked.upper()


def measure_fits(fact, measure: str) -> bool:
    """The fact is of the measure asked: a share for a share, a growth rate for growth, a level for an amount."""
    if measure in RATES:
        return fact.measure in RATES[measure]
    if measure == "amount":
        return fact.measure not in NOT_LEVELS
    return True


STATUSES = ("target", "average", "cumulative", "actual")  # the order frame_of reads them in
JOINING = set("和与及跟同、，,的 ")  # words that join two sides' names: "北京市和上海市", "2015年、2017年"


def side_status(side) -> str:
    """The status a comparison question gives this side when it gives its sides different ones: a status word
    in the stretch of the question from the side's year or place to the next side's is the side's (_owned). "2015年实际新增就业和2017年的目标比" sets
    the actual 2015 figure against the 2017 target, not two targets; "河北已有的…和河南2026年的目标比" names a
    status for one side only, so the other's is the unnamed one ("unnamed": an achieved value first, as when none
    is named). "" when one status (or none) is named for every side alike: frame_of reads it as usual."""
    from assistant.facts.frame import _says, words_of

    text = (side.whole or side.question).lower()
    own, others = _side_names(side, text)
    if not own or not others:
        return ""
    mine, theirs = set(), set()
    for status in STATUSES:
        for word in words_of(f"question_{status}"):
            if not _says(text, word):
                continue
            pattern = rf"\b(?:{word})\b" if word.isascii() else word
            for found in re.finditer(pattern, text):
                (mine if _owned(found.start(), own, others) else theirs).add(status)
    if len(mine) > 1 or len(theirs) > 1 or mine == theirs:
        return ""
    if mine and theirs:
        return next(iter(mine))  # two statuses, each nearer one side: "实际 2015年和2017年…目标"
    # one status named: it is one side's only when that side is stated apart, with words of its own between its
    # name and the other's ("河北已有的…企业数和河南…的目标"); after "北京市和上海市" it is both sides'
    if not _stated_apart(text, own, others):
        return ""
    return next(iter(mine)) if mine else "unnamed"


def year_of_other_side(side) -> bool:
    """A side by place whose status the question leaves unnamed while another side's is named, and whose
    years the question states only beside the other side's place: "河北已有的…和河南2026年的目标" dates
    Henan's target, and asks Hebei's level as it stands (its latest figure), not a 2026 figure of Hebei's."""
    from assistant.text import YEAR

    if not side.beside or not side.years or side_status(side) != "unnamed":
        return False
    text = (side.whole or side.question).lower()
    own, others = _side_names(side, text)
    years = [m.start() for m in re.finditer(rf"(?<!\d){YEAR}(?!\d)", text)]
    return bool(years) and not any(_owned(y, own, others) for y in years)


def _side_names(side, text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Where the question names this side and where the others: by place for sides by place (they share the
    question's years), else by year or period."""
    from assistant.answer.refusal import aliases
    from assistant.text import YEAR

    if side.beside:
        sides = set(side.places) | set(side.beside)
        return (_spans(text, [a for p in side.places for a in _named_with_above(p, side.book, sides)]),
                _spans(text, [a for p in side.beside for a in _named_with_above(p, side.book, sides)]))
    other_years = [y for y in re.findall(rf"(?<!\d){YEAR}(?!\d)", text) if int(y) not in side.years]
    return _spans(text, [str(y) for y in side.years] + list(side.periods)), _spans(text, other_years)


def _named_with_above(place: str, book, sides: set[str]) -> list[str]:
    """A side's names, and those of the places above it that are no side of their own: "浙江金华" names 金华 with its
    province written before it (陕西西安), so 浙江 is the side's name, no word of its own between two sides."""
    from assistant.answer.refusal import aliases

    above = [a for up in book.ancestors(place) if up not in sides for a in aliases(up, book)]
    return aliases(place, book) + above


def _spans(text: str, names: list[str]) -> list[tuple[int, int]]:
    """(start, end) of each occurrence of the names in the question; a name inside a longer one counts once."""
    out: list[tuple[int, int]] = []
    for name in sorted({n.lower() for n in names if n}, key=len, reverse=True):
        for found in re.finditer(re.escape(name), text):
            if not any(s <= found.start() and found.end() <= e for s, e in out):
                out.append((found.start(), found.end()))
    return out


def _owned(at: int, own: list[tuple[int, int]], others: list[tuple[int, int]]) -> bool:
    """A word at `at` is said of this side: it stands in the stretch from this side's name to the next side's
    name ("漯河市2024年的…增长目标和郾城区2025年的…目标": each 目标 its own side's); a word before every name
    is said of the first ("实际 2015年和2017年…": 2015's)."""
    before = [(s, True) for s, _ in own if s <= at] + [(s, False) for s, _ in others if s <= at]
    if before:
        return max(before)[1]
    return min(s for s, _ in own) < min(s for s, _ in others)


def _stated_apart(text: str, own: list[tuple[int, int]], others: list[tuple[int, int]]) -> bool:
    """Between the side's name and the nearest of the other side's stand two characters or more besides
    joining words and words saying a place whole: "河北已有的国家级…数和河南" yes, "北京市和上海市", "2015年和2017年",
    "河南全省和浙江金华" no."""
    gaps = [text[min(a[1], b[1]):max(a[0], b[0])] for a in own for b in others]
    # a word saying the place as a whole (河南全省) is none of the side's own (data/compare.yaml place_whole)
    shortest = word_pattern("compare.yaml", "place_whole").sub("", min(gaps, key=len))
    return sum(1 for ch in shortest.replace("年", "") if ch not in JOINING) >= 2


def report_side(side) -> bool:
    """A side by year whose years the question names only as a report's ("2016年政府工作报告和2015年政府工作报告中的
    高铁里程", "the figure reported in 2016 against the 2015 report's"): its figure is what that report states (the
    year it looks back on, 1.9万公里 at the end of 2015), not a figure of the year itself, which the next year's report
    gives. Each year named once, so "2016年政府工作报告中2016年的目标" is a year's figure as usual."""
    from assistant.text import YEAR

    if side.beside or not side.years or not set(side.years) <= set(side.report_years):
        return False
    text = side.whole or side.question
    return all(len(re.findall(rf"(?<!\d){year}(?!\d)", text)) == 1 for year in side.years) \
        and len(re.findall(rf"(?<!\d){YEAR}(?!\d)", text)) >= 2


def report_plan_asked(side) -> bool:
    """A side by report whose question asks what each report sets out for its own year ("2016年和2017年的政府工作报告
    分别提出当年再开工多少项…": data/compare.yaml report_plans; an English question's plan words read as 目标, a target): the
    report's plan (今年再开工15项), not the achievement of the year before it reviews (新开工21项)."""
    return report_side(side) and word_pattern("compare.yaml", "report_plans").search(side.whole or side.question) is not None


def side_times(side) -> tuple[list[int], list[str]] | None:
    """The years and plan periods a comparison by place states beside this side's own name, when it states
    each side apart with a time of its own: "洛阳2020年新增城镇就业和漯河“十三五”新增城镇就业" asks Luoyang's
    2020 against Luohe's 十三五 total, not both of 2020 and 十三五. None when the question's times are not
    told apart so (word order does not say which side "2020年漯河市和尉氏县" dates: both)."""
    from assistant.text import YEAR

    if not side.beside or not (side.years or side.periods):
        return None
    text = (side.whole or side.question).lower()
    own, others = _side_names(side, text)
    if not own or not others or not _stated_apart(text, own, others):
        return None
    times = [(m.start(), int(m.group(0)), None) for m in re.finditer(rf"(?<!\d){YEAR}(?!\d)", text)]
    times += [(at, None, p) for p in side.periods for at, _ in _spans(text, [p])]
    mine = [(y, p) for at, y, p in times if _owned(at, own, others)]
    theirs = [(y, p) for at, y, p in times if not _owned(at, own, others)]
    if not mine or not theirs:
        return None  # the other side has no time of its own: the question's times are every side's
    # a year against a plan period only: two years by place stay every side's, as _sides keeps them (a year may
    # be a plan's issue, 2021年印发的规划, not its figure's)
    if {_kind(t) for t in mine} == {_kind(t) for t in theirs} or len({_kind(t) for t in mine + theirs}) != 2 \
            or len({_kind(t) for t in mine}) != 1:
        return None
    return (sorted({y for y, _ in mine if y is not None}),
            [p for p in dict.fromkeys(p for _, p in mine if p is not None)])


def _kind(time: tuple) -> str:
    return "year" if time[0] is not None else "period"


def paired_years(analysis) -> dict[str, list[int]] | None:
    """Each place's own year when a comparison by place pairs them: "尉氏县2020年…和漯河市2023年…",
    "Weishi's 2020 gain or Luohe's 2023 gain", "the 2024 target of Luohe and the 2021 target of Weishi". A year
    goes with the place named next to it on the side the question writes its years: after each name when the
    first year follows the first name, else before it. None unless every place gets exactly one year, each a
    different one, and every year a place: "2020年和2023年漯河市和尉氏县" dates both places with both years."""
    from assistant.text import YEAR

    places, years = analysis.places, sorted(set(analysis.years))
    if len(places) < 2 or len(years) != len(places):
        return None
    text = (analysis.original or analysis.question).lower()
    names = {p: _spans(text, _place_names(p, analysis.book)) for p in places}
    if not all(names.values()):
        return None
    spots = sorted((start, p) for p, spans in names.items() for start, _ in spans)
    found = [(m.start(), int(m.group(0))) for m in re.finditer(rf"(?<!\d){YEAR}(?!\d)", text)]
    if not found or any(issue_date(text, year) for _, year in found):
        return None  # a plan's issue year (河南省2021年印发的规划) is no year of its figures
    after = spots[0][0] < found[0][0]  # "Luohe's 2024 …": years follow their places
    owned: dict[str, set[int]] = {p: set() for p in places}
    for at, year in found:
        near = [s for s in spots if s[0] < at] if after else [s for s in spots if s[0] > at]
        if not near:
            return None  # a year outside every place's stretch is every side's
        owned[(max(near) if after else min(near))[1]].add(year)
    mine = [owned[p] for p in places]
    if any(len(own) != 1 for own in mine) or len({y for own in mine for y in own}) != len(places):
        return None
    return {p: sorted(owned[p]) for p in places}


def issue_date(text: str, year: int) -> bool:
    """The question names `year` as a document's date (2021年印发的规划, issued in 2021: data/compare.yaml
    issue_dates), not as a year of the figures asked."""
    from assistant.data_files import load_data

    return any(re.search(p.replace("{year}", str(year)), text, re.I) for p in load_data("compare.yaml")["issue_dates"])


def _place_names(place: str, book) -> list[str]:
    """A place's Chinese names and its English ones (an English question names it so: Weishi, Luohe)."""
    from assistant.answer.refusal import aliases

    known = book.place(place)
    return aliases(place, book) + list(known.english if known else ())


def qualifiers_only(grams: set[str], said: str) -> bool:
    """The only words of the question that what a figure is said of (its indicator and clause) holds are those of
    qualifiers (城镇, 人均, 农村: data/fact_cues.yaml indicator_qualifiers): "改造城镇老旧小区7323个" shares 城镇
    with 城镇低保 and names nothing of the thing asked, so it is no side's figure of it."""
    from assistant.facts.extract import cues

    held = {g for g in grams if g in said}
    if not held:
        return False
    qualifier_pairs = {q[i:i + 2] for q in cues()["indicator_qualifiers"] for i in range(len(q) - 1)}
    return held <= qualifier_pairs


CLAUSE_MARKS = "，,。；;！？!?\n"


def said_of(indicator: str, text: str, start: int) -> str:
    """What a figure at `start` of `text` is said of: its indicator and its clause up to it; a part's clause
    (其中…: data/compare.yaml part_marks) with the whole's clause before it, whose words the part inherits:
    "铁路营业里程达到12.1万公里，其中高速铁路超过1.9万公里" says 1.9万公里 of 高速铁路营业里程, not of 高速铁路 alone."""
    at = max((text.rfind(mark, 0, start) for mark in CLAUSE_MARKS), default=-1) + 1
    said = f"{indicator} {text[at:start]}"
    if at > 0 and word_pattern("compare.yaml", "part_marks").match(text, at) and text[at - 1] not in "。；;！？!?\n":
        whole = max((text.rfind(mark, 0, at - 1) for mark in CLAUSE_MARKS), default=-1) + 1
        said += f" {NUMBER.sub(' ', text[whole:at - 1])}"
    return said


NUMBER = re.compile(r"\d+(?:\.\d+)?")


def counted_after(fact, text: str) -> str:
    """The thing a count is of when its words follow the figure: "办好45件民生实事", "新培育10个概念验证中心",
    "抓好1万名乡村医生线下培训" count 民生实事, 概念验证中心, 乡村医生, words the clause before the figure does not
    hold. The words from the count's unit to the clause's end or the next figure; "" for figures of other units
    (600万亩 is said of what comes before it: 完成营造林600万亩)."""
    from assistant.facts.units import group_of

    if group_of(fact.unit) != "count":
        return ""
    rest = text[fact.end:fact.end + 40]
    stop = min([at for at in (rest.find(mark) for mark in CLAUSE_MARKS) if at >= 0] + [len(rest)])
    rest = rest[:stop]
    figure = NUMBER.search(rest)
    return rest[:figure.start()] if figure else rest


def bound_only(span: str) -> bool:
    """Every figure of the span is a bound (持续稳定在70%以上, 超过1万家: data/compare.yaml bound_before/after),
    or two thirds of them and two or more: a side's achieved value is stated as a value where its passages state one."""
    before = word_pattern("compare.yaml", "bound_before")
    after = word_pattern("compare.yaml", "bound_after")
    found = [m for m in NUMBER.finditer(span) if not re.match(r"\s*年", span[m.end():])]  # a year is no figure
    if not found:
        return False
    # the bound word right after the figure or after its unit (5500人以上, 70%以上, 500多万台)
    bounded = re.compile(rf"[^\d\s，,。；;、]{{0,3}}?(?:{after.pattern})")
    bounds = sum(1 for m in found if bounded.match(span, m.end()) or before.search(span[max(0, m.start() - 4):m.start()]))
    # most of its figures: a span stretched past its bounds to a figure of something else (迈上5万亿台阶、五年增量超
    # 1.36万亿元，人均…达1.19万美元) states no more of the side's value than the bounds alone
    return bounds == len(found) or bounds >= 2 and bounds * 3 >= len(found) * 2


def rates_of_one_thing(a, b) -> bool:
    """Two rates set side by side are of one thing: 广义货币增长目标16% is no match for 国内生产总值增长8%, nor
    教育支出's share of spending for 民生支出's. What each is of (a share's part before 占, its indicator without
    the words of rate and status: data/compare.yaml rate_generic) names one indicator group (data/indicators.yaml:
    GDP and 地区生产总值), or the two share two character pairs (城镇化率, 常住人口城镇化率); a rate naming
    nothing it is of (增长5.5%) is told apart by nothing, and stands."""
    from assistant.facts.indicators import named_indicators

    if set(_rate_names(a)) & set(_rate_names(b)):
        return True  # 经济增长 and 地区生产总值: one indicator's names
    own = [_rate_of(f.indicator) for f in (a, b)]
    held = [_pairs_of(o) for o in own]
    if not all(held):
        return True
    if set(named_indicators(own[0])) & set(named_indicators(own[1])):
        return True
    shared = held[0] & held[1]
    # two pairs, or one heading both (入境旅游人次, 入境游客数量), or an acronym both name (广义货币M2, M2为…)
    heads = [re.search(r"[\u4e00-\u9fffA-Z0-9]{2}", o) for o in own]
    return (len(shared) >= min(2, *(len(h) for h in held))
            or (all(heads) and heads[0].group(0) == heads[1].group(0))
            or any(re.fullmatch(r"[A-Z][A-Z0-9]", p) for p in shared))


def _rate_names(fact) -> tuple[str, ...]:
    """The indicator names (data/indicators.yaml) a rate is of: its indicator's (a share's part shared out, 民生支出 of
    民生支出占…), or its indicator said with its measure's word ("经济" growing: 经济增长, a name of GDP;
    data/compare.yaml measure_words)."""
    from assistant.data_files import load_data
    from assistant.facts.indicators import named_indicators

    part = fact.indicator.split("占")[0]
    word = load_data("compare.yaml")["measure_words"].get(fact.measure, "")
    return named_indicators(part) or (named_indicators(part + word) if word and part else ())


def _rate_of(indicator: str) -> str:
    """What a rate is of: 民生支出占一般公共预算支出 -> 民生支出; 广义货币M2预期增长目标 -> 广义货币M2."""
    head = indicator.split("占")[0] if "占" in indicator else indicator
    return word_pattern("compare.yaml", "rate_generic").sub(" ", head.upper())


def _pairs_of(text: str) -> set[str]:
    return {text[i:i + 2] for i in range(len(text) - 1) if re.fullmatch(r"[\u4e00-\u9fffA-Z0-9]{2}", text[i:i + 2])}
