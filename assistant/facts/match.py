"""Does a fact answer a question's frame? Place, period, status and measure must agree.

The indicator is matched elsewhere (the answerer's span scoring covers the question's words);
here a fact is only ruled in or out, with the reason, so a refusal can say what the reports hold.
"""
from __future__ import annotations

from functools import lru_cache

import re

from assistant.facts.frame import Frame, year_of
from assistant.facts.indicators import holds_name
from assistant.facts.model import Fact
from assistant.text import all_han, plan_periods

RATE_MEASURES = {"growth", "share", "change", "multiple"}


def disagreements(fact: Fact, frame: Frame, year_issued: int | None = None) -> list[str]:
    """What keeps `fact` from answering `frame`: [] when it may answer it.

    Example: a 2021 target asked as a 2020 figure -> ["period", "status"].
    """
    out = []
    if frame.places and fact.place and not _same_place(fact.place, frame.places, frame.book) \
            and not names_place_within(fact, frame.places, frame.book):
        out.append("place")
    if not _period_agrees(fact, frame) or running_total(fact, frame, year_issued):
        out.append("period")
    if not _status_agrees(fact, frame, year_issued):
        out.append("status")
    if frame.rate and fact.measure not in RATE_MEASURES and not amount_of_change(fact, frame):
        out.append("measure")
    if frame.amount and fact.measure in RATE_MEASURES and not (frame.multiple_answers and fact.unit.endswith("倍")) \
            and not change_in_amount(fact, frame):
        out.append("measure")
    elif increment_for_stock(fact, frame):
        out.append("measure")  # 到2025年底运营里程是多少: 新增运营里程30公里 is the year's addition, not the length
    elif fact.measure == "change" and frame.figure and not changes_asked(frame.words) and not frame.multiple_answers:
        out.append("measure")  # 城镇化率目标是多少: a level, not 提高1.3个百分点
    elif fact.measure == "share" and frame.rate and growth_asked(frame.words) and not shares_asked(frame.words):
        out.append("measure")  # GDP增长多少: no 研究与试验发展经费支出与国内生产总值之比2%
    elif (fact.measure not in ("share", "change") and frame.figure and shares_asked(frame.words)
          and "measure" not in out):
        # a share asked (民营经济占地区生产总值比重, What share of GDP…) is a share's figure: neither the whole's
        # level (地区生产总值14.2万亿元) nor its growth (增长5.3%) answers it, though the question names the whole
        out.append("measure")
    # a share is named by its whole name or by what is shared out: 民生支出占一般公共预算支出 answers
    # 民生支出占比, the qualifier of its denominator (一般公共预算) unasked
    shared = fact.indicator.split("占")[0] if fact.measure == "share" and "占" in fact.indicator else fact.indicator
    # a short form the question uses (新农合) asks what its long form in the fact's name says (新型农村合作医疗:
    # 农村 is asked, not added)
    words = " ".join([frame.words, *spelled_out(frame.words, fact.indicator)]) if frame.words else ""
    words = as_the_fact_says(words, frame.renderings, fact.sentence)
    # the figure's own clause qualifies it too: "连续第7年提高企业退休人员基本养老金，全年人均增加1680元" is 人均
    # though the indicator was named in the clause before
    own_clause = f"{fact.indicator}{figure_clause(fact)}"
    # a comparison side's frame names no indicator (each side may word it its own way), yet the qualifiers the
    # asked indicator's other names carry are still its own: 一般公共预算收入 answers 一般预算收入 on a side too
    names = frame.indicators or _names_in(frame.words)
    if (words and qualifiers_differ(rated(fact.indicator, fact), words, names)
            and qualifiers_differ(rated(shared, fact), words, names)
            and qualifiers_differ(rated(own_clause, fact), words, names)
            and (not (continued := continued_name(fact))
                 or qualifiers_differ(rated(continued, fact), words, names))) or (
            frame.indicators and not names_an_indicator(fact, frame.indicators, shares_asked(frame.words),
                                                         frame.words)):
        out.append("indicator")
    return out


def as_the_fact_says(words: str, renderings: tuple[tuple[str, ...], ...], sentence: str) -> str:
    """An English question's words with each term said as the fact's sentence says it: the reading chose one
    rendering of a term (农村 of "countryside"), the sentence may write another (补贴家电汽车摩托车下乡), and a term is
    one thing in all its renderings, so the qualifier the reading's word carries (农村) is not asked of a fact whose
    sentence names the term otherwise. Chinese questions have no renderings: their words as they are.
    Example: as_the_fact_says("家电 农村 补贴", (("农村", "乡村", "下乡"),), "…补贴家电汽车摩托车下乡") -> "家电 下乡 补贴"
    """
    for group in renderings:
        read = next((r for r in group if r in words), None)
        said = next((r for r in group if r != read and r in sentence and (read is None or read not in sentence)), None)
        if read and said and read not in said and said not in read:
            words = words.replace(read, said)
    return words


def rated(indicator: str, fact: Fact) -> str:
    """The indicator as a growth rate reads it: a stock's word (余额: data/compare.yaml stock_words) goes, since the
    growth of a stock is what the growth of the thing means ("贷款余额增长12%" answers 贷款增长多少; "广义货币M2和社会
    融资规模余额预期增长12%" is the growth target of 社会融资规模); a level keeps it (贷款余额 is no 新增贷款)."""
    from assistant.data_files import word_pattern

    return word_pattern("compare.yaml", "stock_words").sub("", indicator) if fact.measure == "growth" else indicator


@lru_cache(maxsize=512)
def _names_in(words: str) -> tuple[str, ...]:
    """The names of the indicators a question's words name (data/indicators.yaml), read once per question."""
    from assistant.facts.indicators import named_indicators

    return named_indicators(words) if words else ()


def continued_name(fact: Fact) -> str:
    """The fact's indicator read with the clause before its own when that clause ends in the word the indicator
    begins with: "扎实推进新型农村社会养老保险试点，试点范围扩大到23％的县" names the 试点范围 of the 新型农村社会养老保险
    试点, so its qualifiers (农村) are the fact's. "" when the clause before ends otherwise: a qualifier named in
    another clause is another thing's.
    Example: for 试点范围 above -> "扎实推进新型农村社会养老保险试点范围". A figure's clause naming only when and that
    it was done (年内完工196套: data/fact_cues.yaml bare_done) is read with the clause before too."""
    from assistant.facts.extract import cues

    at = fact.sentence.find(fact.figure)
    clauses = re.split(r"[，,；;：:]", fact.sentence[:at]) if at >= 0 else []
    if len(clauses) < 2:
        return ""
    before = clauses[-2].strip()
    if re.fullmatch(cues()["bare_done"], fact.indicator):
        return before + fact.indicator  # 加快农村教师周转宿舍建设，年内完工196套: the thing is the clause before's
    if len(fact.indicator) < 3:
        return ""
    for size in (3, 2):  # the repeated word: 试点 of 试点范围 (a word of two characters or three)
        head = fact.indicator[:size]
        if len(head) == size and before.endswith(head) and all_han(head):
            return before + fact.indicator[size:]
    return ""


def figure_clause(fact: Fact) -> str:
    """The words of the figure's own clause before it: "全年人均增加" of "…基本养老金，全年人均增加1680元"."""
    at = fact.sentence.find(fact.figure)
    if at < 0:
        return ""
    return re.split(r"[，,；;：:]", fact.sentence[:at])[-1]


def spelled_out(question: str, indicator: str, by_form: bool = False) -> list:
    """The spans of `indicator` that spell out a short form of `question`, by the rule retrieval reads short
    forms with (assistant/abbreviations.py: a run of 3-4 characters the tokenizer cuts with a lone character
    among its pieces, its characters in order in the long form, no multi-character piece of it standing whole).
    Example: spelled_out("2009年新农合覆盖了多少人？", "新型农村合作医疗制度覆盖") -> ["新型农村合作医疗"];
    with `by_form`, each short form's pieces with its spans: [(["新农", "合"], ["新型农村合作医疗"])]"""
    if not question or not indicator:
        return []
    from assistant import abbreviations

    found = []
    for short, pieces in _short_forms_of(question):
        if short not in indicator and (spans := abbreviations.long_forms(short, list(pieces), indicator)):
            found.append((list(pieces), spans))
    return found if by_form else [span for _, spans in found for span in spans]


@lru_cache(maxsize=256)
def _short_forms_of(question: str) -> tuple:
    """The question's short forms, read once per question: the fit asks for every fact of every passage
    (tens of thousands of calls per 100 questions; tokenizing each time cost ~40 ms of an ask's p95)."""
    from assistant import abbreviations
    from assistant.index.lexical import tokenize

    return tuple((short, tuple(pieces)) for short, pieces in abbreviations.short_forms(tokenize(question), frozenset()))


def increment_for_stock(fact: Fact, frame: Frame) -> bool:
    """A question asking where a thing stands (到2025年底…运营里程分别是多少, total length: frame.stock), answered by a
    fact of what was added that year (新增运营里程30公里: data/asking.yaml added_words): a flow is no stock. A question
    asking what was added or how much it changed is answered by it."""
    from assistant.data_files import word_pattern

    if not frame.words or not frame.stock or changes_asked(frame.words):
        return False
    added = word_pattern("asking.yaml", "added_words")
    return added.match(fact.indicator) is not None and added.search(frame.words) is None


def change_in_amount(fact: Fact, frame: Frame) -> bool:
    """A change stated in an amount (人均每月增加120元: money, a count) when the question asks how much a thing
    changed (涨了多少钱): the amount of the change answers it; a change in points or percent states a rate's."""
    from assistant.facts.units import group_of

    return fact.measure == "change" and group_of(fact.unit) not in ("percent", "points") \
        and changes_asked(frame.words)


def changes_asked(question: str) -> bool:
    """The question asks how much something changed (提高多少, 下降了几个百分点: data/asking.yaml change_words)."""
    from assistant.data_files import word_pattern

    return bool(question) and word_pattern("asking.yaml", "change_words").search(without_names(question)) is not None


def without_names(question: str) -> str:
    """The question without the indicator names it says (data/indicators.yaml): a change word inside a name
    (增长 of 经济增长 in 消费对经济增长的贡献率) names the indicator and asks no change."""
    for name in sorted((n for n in _names_in(question) if len(n) >= 2), key=len, reverse=True):
        question = re.sub(re.escape(name), " ", question, flags=re.IGNORECASE)
    return question


def amount_of_change(fact: Fact, frame: Frame) -> bool:
    """An English "by how much" (Frame.multiple_answers) asks the change in whatever unit it is stated: an amount
    whose indicator opens with a verb of change (压减钢铁产能5000万吨: data/asking.yaml amount_change_verbs) answers
    it as a rate would."""
    from assistant.data_files import load_data

    return frame.multiple_answers and fact.measure == "amount" and fact.indicator.startswith(
        tuple(load_data("asking.yaml")["amount_change_verbs"]))


def growth_asked(question: str) -> bool:
    """The question asks how fast its thing grew (增速, 增长多少: data/asking.yaml growth_asked)."""
    from assistant.data_files import word_pattern

    return bool(question) and word_pattern("asking.yaml", "growth_asked").search(question) is not None


def shares_asked(question: str) -> bool:
    """The question asks a share (占全国比重, 占比: data/asking.yaml share_words)."""
    from assistant.data_files import word_pattern

    return bool(question) and word_pattern("asking.yaml", "share_words").search(question) is not None


def split_by_asked(name: str, indicator: str, asked: str) -> bool:
    """The indicator is `name` with a word the question also says put inside it: 财政民生支出 is 财政支出 of 民生,
    what "民生 财政支出" asks (a report writes the qualifier where it reads best, 财政民生支出 or 民生财政支出).
    Heads and tails of two characters or more, the word inside of two or more, so no chance meeting counts."""
    if len(name) < 4:
        return False
    for cut in range(2, len(name) - 1):
        head, tail = name[:cut], name[cut:]
        found = re.search(rf"{re.escape(head)}([\u4e00-\u9fff]{{2,6}}?){re.escape(tail)}", indicator)
        if found and found.group(1) in asked:
            return True
    return False


def names_an_indicator(fact: Fact, names: tuple[str, ...], share: bool = False, asked: str = "") -> bool:
    """The fact's indicator is one of `names`, or a shortened form of one whose dropped head the sentence
    says before the figure: "粮食作物播种面积162.8万亩、总产65.7万吨" gives 总产 for 粮食总产; with `share`
    (a share asked), a share of one said so."""
    own = fact.indicator.upper()
    if any(holds_name(own, n) for n in names):  # a Latin name as a word: M2, not PM2.5's
        return True
    if asked and any(split_by_asked(n.upper(), own, asked.upper()) for n in names):
        return True
    before = fact.sentence[:fact.sentence.find(fact.figure)] if fact.figure in fact.sentence else fact.sentence
    if len(own) >= 2 and any(
            n.upper().endswith(own) and len(n) > len(own) and n[:len(n) - len(own)] in before for n in names):
        return True
    # a name whose tail the extractor strips as a linking word (总量, 规模: fact_cues.yaml tail_verbs), written whole
    # where the indicator stands: "经济总量达到2.67万亿元" gives 经济, which names nothing alone
    at = before.upper().rfind(own) if len(own) >= 2 else -1
    if at >= 0 and any(n.upper().startswith(own) and len(n) > len(own)
                       and before.upper()[at:at + len(n)] == n.upper() for n in names):
        return True
    # a share whose shared-out part is cut short or left out: "经济总量连续跨过3个万亿元大关，占全国比重由
    # 2020年的7.2%…" gives 经济占全国比重 or 占全国比重, what is shared out (经济总量) said in full before it
    if not share or fact.measure != "share" or "占" not in own:
        return False
    shared = own.split("占")[0]
    return (len(shared) >= 2 or not shared) and any(
        n.upper().startswith(shared) and n.upper() in before.upper() for n in names)


@lru_cache(maxsize=65536)  # a pure function of its words, asked of every fact of every candidate passage
def qualifiers_differ(indicator: str, asked: str, names: tuple[str, ...] = ()) -> bool:
    """人均生产总值 does not answer 生产总值总量, nor 研发人员 研发投入强度: a qualifier that makes another
    indicator (data/fact_cues.yaml) is in one and not the other. `names`: the asked indicator's names
    (data/indicators.yaml), whose qualifiers a fact may carry: 一般公共预算收入 answers 一般预算收入."""
    from assistant.facts.extract import cues

    qualifiers = cues()["indicator_qualifiers"]
    own = {q for q in qualifiers if q in indicator} | urban_part(indicator)
    wanted = {q for q in qualifiers if q in asked} | urban_part(asked)
    named = {q for q in qualifiers if any(q in n and n in indicator for n in names)}
    # a fact named by another wording of the asked indicator has its qualifiers without saying them:
    # 研发经费支出相当于全市生产总值的比例 is 研发投入强度 (data/indicators.yaml puts them in one group)
    named |= {q for group in _groups_held(indicator, names) for q in qualifiers if any(q in n for n in group)}
    # a share of a whole measured in a qualifier (占地区生产总值比重: value added) has it, the whole asked
    named |= whole_qualifiers(indicator, asked)
    named |= listed_parts(indicator, wanted)
    # a qualifier the question asks in other words (平均每月 of a pension: 人均) is the fact's own, not another
    # indicator's; the question's words do not require it of facts that lack it (PM2.5平均浓度)
    named |= qualifiers_asked_as(asked)
    # one the question lacks, or none of those it names (a question may name two: 城镇和农村居民收入)
    if bool(own - wanted - named) or bool(wanted and not (own | named) & wanted):
        return True
    # a part of a pair (城镇 of 城乡) the question names and the fact lacks: 居民人均可支配收入 is all residents',
    # not 城镇居民's; unless the fact is of another part the question names too (城镇和农村居民收入)
    parts = {p for whole, pair in cues()["paired"].items() for p in (whole, *pair)}
    return bool((wanted - own - named) & parts) and not own & wanted & parts


def qualifiers_asked_as(asked: str) -> set[str]:
    """The qualifiers a question asks in other words (data/fact_cues.yaml qualifiers_asked_as): 平均每月 of a pension is
    人均. Example: qualifiers_asked_as("养老金平均每月涨了多少钱") -> {"人均"}"""
    from assistant.facts.extract import cues

    return {q for q, ways in cues()["qualifiers_asked_as"].items()
            if any(re.search(way, asked, re.I) for way in ways)}


def listed_parts(indicator: str, wanted: set[str]) -> set[str]:
    """The parts of a pair whose whole the question asks (城镇 of 城乡), and the whole, when the fact names the part
    as one of things listed together ("新农合和城镇居民基本医疗保险财政补助标准", "城镇和农村居民…"): a figure set for both is the whole's,
    which the question names as 城乡居民医保. set() when the fact names the part alone (城镇居民医保 for 城乡)."""
    from assistant.facts.extract import cues

    listed = re.split(r"[和与及、]", indicator)
    if len(listed) < 2:
        return set()
    out: set[str] = set()
    for whole, pair in cues()["paired"].items():
        held = {part for part in pair if part in indicator}
        if whole in wanted and held:
            out |= held | {whole}  # the part and the whole it stands in for
    return out


def urban_part(text: str) -> set[str]:
    """The urban part of a pair (城镇 of 城乡) said in the word some indicators' reports use for it
    (data/fact_cues.yaml paired_urban: 城市低保 is the urban part of 城乡低保): urban_part("城市低保标准") -> {"城镇"};
    set() when the text says no such word right before its indicator."""
    from assistant.facts.extract import cues

    urban = next((pair[0] for pair in cues()["paired"].values()), "")
    return {urban} if urban and any(f"{word}{thing}" in text for thing, word in cues()["paired_urban"].items()) \
        else set()


def whole_qualifiers(indicator: str, asked: str) -> set[str]:
    """The qualifier a share's whole is measured in (data/fact_cues.yaml share_wholes), when the question names
    that whole too: whole_qualifiers("民营经济增加值占地区生产总值比重", "民营经济占GDP比重") -> {"增加值"}."""
    from assistant.facts.extract import cues

    if "占" not in indicator:
        return set()
    whole = indicator.split("占", 1)[1].upper()
    asked = asked.upper()
    return {q for name, q in cues().get("share_wholes", {}).items()
            if name.upper() in whole and any(n.upper() in asked for n in _whole_names(name))}


def _whole_names(name: str) -> list[str]:
    """A whole's names (data/indicators.yaml): 生产总值, GDP, 地区生产总值…"""
    from assistant.facts.indicators import named_indicators

    return [n for n in named_indicators(name) if len(n) >= 2] or [name]


def _groups_held(indicator: str, names: tuple[str, ...]) -> list[list[str]]:
    """The indicator groups of data/indicators.yaml one of whose names is asked (`names`) and one held in the
    fact's indicator."""
    asked = {n.upper() for n in names}
    own = indicator.upper()
    return [group for group, upper in _indicator_groups()
            if any(n in asked for n in upper) and any(len(n) >= 2 and holds_name(own, n) for n in group)]


@lru_cache(maxsize=1)
def _indicator_groups() -> list[tuple[list[str], tuple[str, ...]]]:
    """data/indicators.yaml's groups, each with its names upper-cased once (not for every fact of every passage)."""
    from assistant.data_files import load_data

    return [(group, tuple(n.upper() for n in group)) for group in load_data("indicators.yaml")]


def _same_place(place: str, asked: list[str], book) -> bool:
    """The fact's place is one asked for, or an alias of it (漯河 for 漯河市) in the question's places book."""
    canonical = book.canonical(place) or place
    return canonical in asked or place in asked


def names_place_within(fact: Fact, asked: list[str], book) -> bool:
    """The figure's own clause names a place asked that lies inside the fact's place: a province's report gives its
    city's figure in the clause stating it ("中欧班列（西安）开行6037列" in 陕西's report answers 西安), though the
    sentence's place is read as the province's. A place named only in another clause of the sentence ("以西安为龙头，
    全省…增长5%") says nothing of whose figure this is."""
    if book is None:
        return False
    clause = figure_clause(fact)
    return any(fact.place in book.ancestors(place) and place in book.find_places(clause) for place in asked)


def _period_agrees(fact: Fact, frame: Frame) -> bool:
    if not fact.period:
        return True  # the text names no period: nothing to contradict
    if fact.period in frame.periods:
        return True
    if frame.periods and _year_in_periods(year_of(fact.period), frame.periods):
        return True  # "2021年提请审议的十四五规划…目标": the plan period, not the year of the report, says when
    if frame.periods and not frame.years:
        return False
    if frame.years:
        year = year_of(fact.period)
        if year is None:  # a plan period: its total, average or goal, and only if the plan covers the year
            # (a single year asked for is not answered by a five-year total or average)
            if frame.status == "target" and fact.status == "target":
                # a plan's goal is where the plan ends ("十四五"时期…地区生产总值达到650亿元): it answers its last
                # year's target, not the target of a year inside the plan, which the year's own report sets
                return any(plan_periods().get(fact.period, (0, 0))[1] == y for y in frame.years)
            return frame.status in ("cumulative", "average", "target") and fact.period in _periods_of(frame.years)
        return year in frame.years
    return True


def running_total(fact: Fact, frame: Frame, year_issued: int | None) -> bool:
    """A plan period's total asked (the period named, no year) is said by the report looking back on the period's
    last year: a figure of the period in a report issued two years or more before it ended is a running total
    ("十一五"…关停小火电2157万千瓦 in the report of 2008; the period's is 7210万千瓦, in the report of 2011). Not when
    the question asks the total so far (以来, 至今: data/compare.yaml so_far), nor of a target."""
    from assistant.data_files import word_pattern

    if not frame.periods or frame.years or fact.status == "target" or fact.period not in frame.periods \
            or year_issued is None or fact.period not in plan_periods():
        return False
    if frame.words and word_pattern("compare.yaml", "so_far").search(frame.words):
        return False
    return year_issued < plan_periods()[fact.period][1]


def _status_agrees(fact: Fact, frame: Frame, year_issued: int | None) -> bool:
    if frame.status == "target":
        return fact.status == "target"
    if frame.status in ("cumulative", "average"):
        # a yearly average asked of a plan its report had not lived through ("“十五五”期间…年均增长多少" of a 2026
        # report): the report can only hold the plan's goal, so the goal answers
        return fact.status in ("cumulative", "average", "actual") or (
            frame.status == "average" and fact.status == "target" and _plan_ahead(fact.period, year_issued))
    if fact.status != "target":
        return True
    # A question that names no status, about a year its report had not yet lived through ("郾城区2025年
    # 新增多少张养老床位" of a report issued in 2025): the report can only hold the plan, so the plan answers.
    # About a year the report looks back on, only the achieved value answers.
    year = year_of(fact.period)
    return (frame.plan_answers and not frame.status_named and bool(frame.years) and year is not None
            and year_issued is not None and year >= year_issued)


def _plan_ahead(period: str, year_issued: int | None) -> bool:
    """The period is a plan period that had not ended when its report was issued."""
    span = plan_periods().get(period)
    return bool(span and year_issued and span[1] >= year_issued)


def _year_in_periods(year: int | None, periods: list[str]) -> bool:
    return year is not None and any(plan_periods().get(p, (0, -1))[0] <= year <= plan_periods().get(p, (0, -1))[1]
                                    for p in periods)


def _periods_of(years: list[int]) -> set[str]:
    return {name for name, (a, b) in plan_periods().items() for y in years if a <= y <= b}
