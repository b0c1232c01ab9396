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
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Callable

import cn2an

from assistant.facts.model import Fact
from assistant.data_files import load_data
from assistant.facts.units import (base_alternation, group_of, is_unit, multiplier, multipliers, unit_alternation,
                                   unit_groups)
from assistant.text import YEAR as YEAR_DIGITS, plan_periods

PER = "人|年|月|日|天|户"  # 30万元/人, 16.9万吨/日, 22件/万人, 842元/月: a rate's denominator, part of its unit
CN_NUMERAL = "[零〇一二两三四五六七八九十百千]+(?:点[零〇一二三四五六七八九]+)?"
ARABIC = r"\d+(?:[,，]\d{3})*(?:[.．]\d+)?"  # ．: the full-width point of some scraped reports (１．１７亿)
SENTENCE_END = re.compile(r"[。！？!?；;\n]")
CLAUSE_SEP = "，,：:；;、（）()"
YEAR = re.compile(rf"({YEAR_DIGITS})年")
SUB_YEAR = [(re.compile(r"上半年"), "H1"), (re.compile(r"下半年"), "H2"), (re.compile(r"前三季度"), "Q1-3"),
            (re.compile(r"(?:第)?一季度"), "Q1"), (re.compile(r"(?:第)?二季度"), "Q2"), (re.compile(r"(?:第)?三季度"), "Q3"),
            (re.compile(r"(?:第)?四季度"), "Q4"), (re.compile(r"1[-—–至]([2-9]|1[01])月"), "M1-")]
PLAN = re.compile(r"[“\"]?(十[一二三四五六七八九]五)[”\"]?")
TARGET_HEADING = re.compile(r"目标|任务|安排|计划|重点工作|展望|规划|打算")

# "从2002年1288亿元增加到…", "由52.7%提高至…", "从去年的2.1%…": the figure after 从/由 (and a year) opens a span
# (a rate's own "人均" before its figure too: "全员劳动生产率从人均8.7万元提高到12万元")
SPAN_FROM = re.compile(rf"[从由](?:{YEAR_DIGITS}年(?:末|底|初)?|去年(?:底|末)?|上年(?:底|末)?)?的?(?:每[人户生]每[年月]|[人户]均(?:每[年月])?)?\s*$")
# …and a verb of change ending in 到/至 follows it (增加到, 提高至, 增至, 降到)
# (a noun with a bracketed note may stand between: 从15个县（市）扩大到57个县（市）)
SPAN_TO = re.compile(r"^(?:以上|左右|多)?(?:[\u4e00-\u9fff]{1,4}[（(][\u4e00-\u9fff、]{1,4}[）)])?[\u4e00-\u9fff]{0,3}?[到至]")

# "是“十二五”末的1.5倍", "比“十二五”末增加4倍", "是“十二五”时期的1.37倍": a plan named as the base of a
# comparison; the figure is of the plan after it (its end year's level with 末, a total over it without)
# "比2015年增加103天", "较2010年翻了一番", "是2010年的2.2倍": a year named as the base of a comparison is not the
# figure's year, nor that of the figures after it in its sentence
YEAR_BASE = re.compile(rf"(?:比|较|相比)(?:{YEAR_DIGITS}年|去年|上年)(?:末|底)?的?"
                       rf"|是(?:{YEAR_DIGITS}年|去年|上年)(?:末|底)?的(?=[\d.．]+倍|[一二两三四五六七八九十]+倍)")
PLAN_BASE = re.compile(r"(?:是|为|相当于|比|较)[“\"]?(十[一二三四五六七八九]五)[”\"]?(末|时期|期间)?的?")

EXAMPLES = re.compile(r"(?<![高平中初同对均立相不])等(?![级于待同])(?![^“”]*”)")  # "A、B等X": examples of X
# (not 高等, 等级, nor inside a quoted name: “立等可取”事项)

PlaceFinder = Callable[[str], list]


@dataclass(frozen=True)
class DocContext:
    """What a chunk's document tells about its figures when the sentence does not."""
    region: str = ""
    year_issued: int | None = None
    year_reviewed: int | None = None
    heading: str = ""
    chunk_id: str = ""
    plan_period: tuple[int, int] | None = None  # a five-year plan's own years, e.g. (2021, 2025)
    # the plan whose review the chunk begins in, in a section reviewing a plan and its last year
    # ("一、“十四五”时期和2025年工作回顾": the plan's part runs until "刚刚过去的2025年…")
    plan_part: str = ""
    # the chunk is in a section after the report's review ("四、协调推动经济稳定增长和结构优化" after "一、2014年
    # 工作回顾"): what the report sets out to do in the year it is issued
    ahead: bool = False


@lru_cache(maxsize=None)
def cues() -> dict[str, list[str]]:
    return load_data("fact_cues.yaml")


@lru_cache(maxsize=None)
def cue_pattern(name: str) -> re.Pattern:
    """One list of fact_cues.yaml as a regex alternation (entries may be patterns: (?<!之)力争)."""
    return re.compile("|".join(f"(?:{w})" for w in sorted(cues()[name], key=len, reverse=True)))


@lru_cache(maxsize=None)
def cue_regex(template: str) -> re.Pattern:
    """A regex with lists of fact_cues.yaml in it, compiled once: cue_regex("(?:{span_to_as})$")."""
    return re.compile(re.sub(r"\{([a-z_]+)\}", lambda m: cue_pattern(m.group(1)).pattern, template))


def says(name: str, text: str) -> bool:
    return cue_pattern(name).search(text) is not None


@lru_cache(maxsize=None)
def figure_pattern() -> re.Pattern:
    """A number with its unit; 百分之八点五 too. Not the tail of another number, not an ordinal (第一批)."""
    # (900多万个体工商户: 个体 is a word, the figure is 900多万 of them; 16单位工业增加值: a table row's number before
    # 单位, "per unit"; 5万亿台阶: a step, not machines. A unit character opening a word is no unit: unit_word_starts)
    units = "个[多余]百分点|" + unit_alternation()  # 提高2个多百分点: about 2 points (read as 个百分点 below)
    return re.compile(
        rf"(?<![\d.．第])(?:(?<!\d[,，])|(?!\d{{3}}(?!\d)))(?P<num>{ARABIC})\s*(?P<mult>万亿|亿|万)?(?P<approx>[多余])?(?P<unit>{units})(?!{cue_pattern('unit_word_starts').pattern})"
        rf"(?P<per>/万?(?:{PER}))?"
        rf"|(?<![\d.．第])百分之(?P<pct>{ARABIC}|{CN_NUMERAL})"
        rf"|(?<![零〇一二两三四五六七八九十百千第])(?P<cnum>{CN_NUMERAL})[多余]?(?P<cunit>{units})(?!{cue_pattern('unit_word_starts').pattern})")


@lru_cache(maxsize=None)
def statement_pattern() -> re.Pattern:
    """figure_pattern and a ratio written without a unit ("城乡居民收入比缩小至2.27:1", "收入倍差从1.96缩小至1.81"),
    which is a figure only after a ratio's noun in its clause (read in _value_and_unit): for reading statements,
    not for finding a figure in any text (parse_figure)."""
    return re.compile(figure_pattern().pattern +
                      r"|(?<![\d.．第:∶])(?P<ratio>\d+(?:\.\d+)?)(?P<to_one>\s*[:∶]\s*1(?![\d.．]))?(?![\d.．%％A-Za-z])")


def doc_context(meta: dict, heading: str = "", chunk_id: str = "") -> DocContext:
    """The DocContext of a chunk from its stored metadata."""
    plan = None
    found = re.fullmatch(rf"({YEAR_DIGITS})-({YEAR_DIGITS})", str(meta.get("period") or ""))
    if found and meta.get("doc_kind") == "five_year_plan":
        plan = (int(found.group(1)), int(found.group(2)))
    return DocContext(region=meta.get("region", ""), year_issued=meta.get("year_issued") or None,
                      year_reviewed=meta.get("year_reviewed") or None, heading=heading, chunk_id=chunk_id,
                      plan_period=plan)


@dataclass
class Paragraph:
    """What the opening of a paragraph says about the figures after it, until the paragraph ends.

    "2020年，…" sets its year; "这五年，…" / "“十三五”时期，…" its plan period; "主要预期目标是：" makes
    the figures listed after it targets, even in sentences cut off by "；".
    """
    year: str = ""
    plan: str = ""
    targets: bool = False


def extract_facts(text: str, doc: DocContext, find_places: PlaceFinder | None = None, lead: str = "") -> list[Fact]:
    """Every figure statement in `text` (a chunk) as a Fact, in order of appearance.

    `lead` is the start of the paragraph the chunk begins in, when it begins mid-paragraph: what it says
    ("五年来，…", "主要预期目标是：") still holds for the chunk's first figures; its own figures are not read.
    """
    facts: list[Fact] = []
    doc = _opening_paragraph(doc, (lead + text)[:60])
    paragraph = _paragraph_at(lead + text, 0, doc)
    for sentence in _sentences(lead):
        _read_opening(sentence, paragraph, doc)
        _read_plan_outline(sentence, paragraph, doc)
        if _opens_target_list(sentence):
            paragraph.targets = True
    start = 0
    for end_match in list(SENTENCE_END.finditer(text)) + [None]:
        end = end_match.end() if end_match else len(text)
        sentence = text[start:end]
        if start and text[start - 1] == "\n":
            doc = _opening_paragraph(doc, sentence)
            paragraph = _paragraph_at(text, start, doc)
        _read_opening(sentence, paragraph, doc)
        _read_plan_outline(sentence, paragraph, doc)
        facts.extend(_sentence_facts(sentence, start, doc, paragraph, find_places))
        if _opens_target_list(sentence):
            paragraph.targets = True
        start = end
        if start >= len(text):
            break
    return facts


def _opens_target_list(sentence: str) -> bool:
    """The sentence opens a list of targets ("主要预期目标是："), not one saying they were met ("圆满实现全年
    经济社会发展主要预期目标", "主要目标任务顺利完成")."""
    for found in cue_pattern("target_list").finditer(sentence):
        start = max(sentence.rfind(mark, 0, found.start()) for mark in "，,；;。") + 1
        ends = [i for i in (sentence.find(mark, found.end()) for mark in "，,；;。") if i >= 0]
        if not says("targets_met", sentence[start:min(ends) if ends else len(sentence)]):
            return True
    return False


def _sentences(text: str) -> list[str]:
    return [part for part in re.split(r"(?<=[。！？!?；;])", text) if part]


def part_after(paragraph: str, part: str, plan: str) -> str:
    """The review part a paragraph leaves: the year's after "刚刚过去的2025年…", the plan's after "五年来…"."""
    head = paragraph.strip()[:40]
    if cue_pattern("year_part_opening").match(head):
        return ""
    if cue_pattern("plan_part_opening").search(head):
        return plan
    return part


def _opening_paragraph(doc: DocContext, opening: str) -> DocContext:
    """A paragraph opening the year's part of a review ("各位代表，刚刚过去的2025年…", "一年来，…") ends the plan's
    part; one turning to the plan ("五年来，…") begins it, in a review of the plan's last year."""
    plan = _plan_of(doc.year_reviewed)
    if not plan or plan_periods()[plan][1] != doc.year_reviewed or not says("review_heading", doc.heading):
        return doc
    part = part_after(opening, doc.plan_part, plan)
    return doc if part == doc.plan_part else replace(doc, plan_part=part)


def _paragraph_at(text: str, start: int, doc: DocContext) -> Paragraph:
    """A new paragraph; under a heading that reviews a plan together with its last year ("一、“十四五”时期和
    2025年工作回顾") a paragraph that states averages per year (年均增长6%) reviews the plan."""
    paragraph = Paragraph(plan=doc.plan_part)
    plan = _plan_of(doc.year_reviewed)
    if plan and plan_periods()[plan][1] == doc.year_reviewed and plan in PLAN.findall(doc.heading):
        end = text.find("\n", start)
        own = _without_heading(text[start:end if end >= 0 else len(text)], doc)
        # (a paragraph opening with a year, "2020年,是…的一年。", is that year's, whatever it says further on: in a page
        # scraped without line breaks the "paragraph" runs on into the plan's part)
        if cue_pattern("plan_paragraph").search(own) and not _opens_a_year(own):
            paragraph.plan = plan
    return paragraph


def _without_heading(text: str, doc: DocContext) -> str:
    """The text without a copy of its section's heading glued to its start ("一、2020年工作回顾和“十三五”主要成就2020年,
    是…": a page scraped without line breaks): the heading is no opening of what follows."""
    stripped = text.strip()
    for part in sorted((p.strip() for p in doc.heading.split(">")), key=len, reverse=True):
        if len(part) >= 4 and stripped.startswith(part):
            return stripped[len(part):]
    return text


def _opens_a_year(text: str) -> bool:
    head = text.strip().lstrip("—-－ ")[:16]
    return bool(YEAR.match(head) or cue_pattern("year_part_opening").match(head))


def _read_opening(sentence: str, paragraph: Paragraph, doc: DocContext) -> None:
    head = sentence.strip().lstrip("—-－ ")[:16]
    if not _opening_of(head):
        # "一、2020年工作回顾和“十三五”主要成就2020年,是…": the opening after a heading glued to it (a heading that is
        # an opening itself, "——这五年高质量发展稳步推进。", is read as one)
        head = _without_heading(sentence, doc).strip().lstrip("—-－ ")[:16]
    opening = YEAR.match(head)
    if opening:
        paragraph.year, paragraph.plan = opening.group(1), ""
    elif (cue_pattern("last_year").match(head) or cue_pattern("year_part_opening").match(head)) and doc.year_reviewed:
        # "过去一年，我们的各项工作取得了很大成绩。" under "三、2011年的工作": what follows is 2010's
        paragraph.year, paragraph.plan = str(doc.year_reviewed), ""
    plan = PLAN.match(head)
    # (not a plan's document opening the sentence, “十一五”规划纲要把节能减排作为约束性目标: a policy, no years reviewed)
    if plan and not says("plan_document", head[plan.end():]) and cue_pattern("cumulative").search(
            head[plan.end():plan.end() + 4] + "时期"):
        paragraph.plan, paragraph.year = plan.group(1), ""
    elif cue_pattern("five_years").match(head):  # not 累计…: that is its own sentence's total
        paragraph.plan, paragraph.year = _five_years(doc.year_reviewed), ""


def _opening_of(head: str) -> bool:
    """The words a sentence opens with date what follows (a year, last year, a plan period, five years)."""
    return bool(YEAR.match(head) or cue_pattern("last_year").match(head) or cue_pattern("year_part_opening").match(head)
                or PLAN.match(head) or cue_pattern("five_years").match(head))


def _read_plan_outline(sentence: str, paragraph: Paragraph, doc: DocContext) -> None:
    """"《纲要（草案）》明确了经济社会发展主要指标：…" in a report issued in a plan's first year: what follows in the
    paragraph is the new plan's goals (地区生产总值年均增长5%, 粮食综合生产能力526亿斤: by its last year)."""
    plan = _plan_starting(doc.year_issued)
    if plan and cue_pattern("plan_outline").search(sentence):
        paragraph.plan, paragraph.year, paragraph.targets = plan, "", True


@dataclass
class Series:
    """"A、B、C分别增长x%、y%、z%": the subjects before 分别, handed to the figures after it in order."""
    items: list[str]
    measure: str
    sign: int
    next: int = 1
    places: list[str] | None = None  # the places of the figures a "分别…" clause refers back to


def _sentence_facts(sentence: str, offset: int, doc: DocContext, paragraph: Paragraph,
                    find_places: PlaceFinder | None) -> list[Fact]:
    out: list[Fact] = []
    written, sentence = sentence, _without_inclusions(_without_price_bases(sentence))
    previous_end, previous_indicator, previous_flow, previous_counted = 0, "", False, ""
    previous_reach = False  # the figure before was counted as a reach (辐射全国75个城市、…)
    series: Series | None = None
    span_ends: list[bool] = []
    open_span = False
    part_whole: Fact | None = None  # the whole a 其中 clause's figure (and the items listed after it) is a part of
    for m in statement_pattern().finditer(sentence):
        parsed = _value_and_unit(m)
        if parsed is None:
            continue
        value, unit = parsed
        if _batch_of_next(sentence, m, unit):
            previous_end = m.end()
            continue  # 派出5批123人医疗队: the batches the people went in, no figure of its own
        if _names_a_kind(sentence, m, unit):
            # 超10亿元项目34个: the figure says which projects are counted; it states nothing itself, but its
            # clause may name what the next figure measures (地区生产总值迈上6万亿元台阶，达到62661亿元)
            previous_indicator = _indicator(_clause_before(sentence, m.start(), previous_end)) or previous_indicator
            continue
        if out and _group(out[-1].unit) == "percent" and cue_regex(
                r"(?:以上|左右)?的[^，,；;。]*(?:{threshold_before})").fullmatch(sentence[previous_end:m.start()]):
            previous_end = m.end()
            continue  # 90%的村集体收入超过10万元: the threshold says which villages the share is of
        before = sentence[:m.start()]
        clause = _clause_before(sentence, m.start(), previous_end)
        after = _clause_after(sentence, m.end())
        if _group(unit) == "count":
            # 58户173名脱贫群众, 12283户、43510名贫困人口: both count the noun after the second
            after = _past_joined_count(after) if after else _joined_count_after(sentence, m.end()) or after
        if cue_regex("(?:{refers_to_text})").fullmatch(clause.strip()):
            previous_end = m.end()
            continue  # 以上8个方面重点任务: a count of the report's own items
        if _group(unit) == "count" and _counts_report_items(clause, after):
            previous_end = m.end()
            continue  # 提出6项指标, 24个主要指标: a count of the report's own indicators, not of anything measured
        if cue_regex("(?:{rank_bound})$").search(clause) and (unit in cues()["rank_units"] or _group(unit) == "percent"):
            previous_end = m.end()
            continue  # 进入全省县域经济前20位, 学科进入世界前百分之一: a bound on a rank, no count or share of anything
        if cue_pattern("round_the_clock").match(sentence, m.start()):
            previous_end = m.end()
            continue  # 公园24小时开放, 实行24小时在线监控: a service round the clock, no duration measured
        if _group(unit) == "count" and _among_ranked(clause, after):
            previous_end = m.end()
            continue  # 在全国…的55个城市中名列第4位: the group a rank is among
        # 增长20%以上、10%以上: a hedge on the figure before does not end the series
        in_series = series is not None and out and re.fullmatch(r"(?:以上|以下|左右|多|余)?[、和及与\s]*",
                                                                sentence[previous_end:m.start()])
        span_start = _opens_span(sentence, m, out, previous_end)
        # the Y of a span opened before it in the sentence (not 达到 alone: "分别达到24家、20家")
        span_end = (open_span and (_closes_span(clause) or _closes_span_as(clause))) or bool(in_series and out and span_ends and span_ends[-1])
        if span_end and not in_series and series is not None and series.items:
            series.next, in_series = 0, True  # "分别从771家、481家增加到1076家、636家": the ends follow the items again
        if not in_series:
            series = _respective_series(sentence, m.start(), out) or _series_start(sentence, m.start(), previous_end,
                                                                                             find_places)
        indicator = _indicator(clause)
        reach = False
        counted_after = False  # "7000多所学校…", "71.3万监测对象稳定消除…": things counted as they were acted on
        solved = _problem_solved(sentence, m) if _group(unit) == "count" else ""
        if solved:
            indicator, counted_after = solved, True
        elif _group(unit) == "count" and _names_after(after) and says("among_have", re.sub(r"\s", "", clause)):
            # 民营企业500强中各有20家企业上榜: the group counted in, then the things counted
            group = _indicator(cue_pattern("among_have").sub("", re.sub(r"\s", "", clause)))
            counted = _among_counted(after)
            # (调查的60个城市中有21个城市…: a group of the same things is no qualifier of them)
            indicator, counted_after = (counted if group[-2:] == counted[:2] else group + counted), False
        elif _group(unit) == "count" and _names_after(after):
            # 中钢洛耐院等4家平台入选…, 年度9个贫困村: a counted noun follows the figure
            # a bare verb before it (推动, 力争) or a list ending in 等 does not name what is counted
            # …建设和7所高校, 技师学院均实现21个地级以上市: a clause ending in a connective names another thing
            # 健康消费等方面29项促消费政策: a range of fields, not the thing counted; 15所高职院校21个专业群: the
            # clause is the noun the figure before counted; 黄酒、火腿、龙井茶3个历史经典产业: a list summed up
            # 对辖区73个老旧小区, 在全省29家经开区中: a preposition's phrase names where, not what is counted
            if len(indicator) <= 2 or _only_a_place(indicator, find_places) or _states_reach(clause.strip()) or says(
                    "tier_scope", re.sub(r"\s", "", clause)) or re.search(
                    r"(?:[等和及与均]|等?方面|等领域)$", indicator) or re.fullmatch(
                    r"[在对为向给][\u4e00-\u9fff]{1,4}", indicator) or _ends_in_verb(
                    indicator) or _ends_in_verb(re.sub(r"\s", "", clause)) or (_ends_in_a_verb_word(
                    re.sub(r"\s", "", clause)) and _names_a_thing(_noun_after(after))) or re.search(r"均(?:实现|达到)?$", clause) or (
                    clause.strip() and _counted_before(clause, previous_counted)) or _sums_up_a_list(
                    sentence, m.start() - len(clause), previous_end):
                # 均实现21个地级以上市全覆盖: a reach is a level, not things acted on one by one
                # "辐射全国75个城市、164个铁路站点": an item with no verb of its own is reached as the item before was
                # (…127个国家和地区的584个港口: the things in those the figure before counted are reached with them)
                reach = _states_reach(clause) or (previous_reach and (
                    _bare_item(sentence, m.start()) or _counted_before(clause, previous_counted)))
                indicator, counted_after = _counted_noun(after), not reach
            elif cue_regex("(?:{generic_nouns})").fullmatch(_noun_after(after)):
                # 落实深化营商环境改革108条举措: a noun as general as 举措 after the count is of what the clause names
                indicator += _noun_after(after)
                # 推出…84项政策措施: a verb opening the clause acts on the things counted, as 实施…项目 does
                counted_after = bool(cue_regex("^(?:{object_verbs})").search(clause.strip()))
        elif _group(unit) == "percent" and _share_of_whole(clause, after):
            indicator = _share_of_whole(clause, after)  # 贡献了全国24.1%的增量 -> 占全国增量
        elif _group(unit) == "percent" and (len(indicator) <= 2 or _ends_in_verb(indicator)) and _share_of_after(after):
            indicator = _share_of_after(after)  # 95%的行政村集体经济收入超过5万元: the share of the villages that do
        elif _group(unit) in ("money", "physical") and _attribute_of(clause, after):
            # 总投资30亿元的新建中小学工程, 建设占地200亩的中心公园, 设立100亿元的制造业发展基金: a size of the thing after 的
            indicator = _attribute_of(clause, after)
        elif _group(unit) in ("money", "physical") and _names_after(after) and (
                _ends_in_verb(indicator) or re.search(r"[等和及与]$", clause.strip()) or _ends_in_verb(
                    re.sub(r"\s", "", clause))):  # 安排384亿元救灾款和740亿元…; 安排200亿元技改专项资金 (a verb alone)
            indicator = _noun_after(after)  # 统筹推进10.6万亩高标准农田示范区建设: the verb's object follows
        if counted_after and cue_regex("[\u4e00-\u9fff]{1,3}(?:{grade_suffixes})").fullmatch(indicator):
            indicator += _grade_noun_after(sentence, m.end() + len(after))  # 2家千亿级、24家百亿级工业企业
        index = -1
        if series is not None:
            index = series.next if in_series else 0
            if index < len(series.items):
                indicator = _indicator(series.items[index]) or indicator
            series.next = index + 1
        # (not a figure opening its clause before a noun: "…全面推开，1亿公顷林地确权到户" measures the noun after)
        # "继续实施退耕还林还草，今年拟安排500万亩": a verb alone with nothing after it names nothing either
        verb_alone = bool(indicator) and bool(cue_pattern("object_verbs").fullmatch(indicator)) and not _names_after(after)
        if (not indicator or verb_alone) and not out and not previous_indicator and _group(unit) != "count" and not (
                not clause.strip() and _group(unit) in ("money", "physical") and _names_after(after)):
            # "全社会研究与实验发展经费，从2002年1288亿元增加到…", "贸易顺差连续两年下降，2010年比上年减少6.4%":
            # the first figure's clause names nothing, the clause before it names the subject
            subject = re.split(f"[{CLAUSE_SEP}]", sentence[:len(before) - len(clause)].rstrip(CLAUSE_SEP + " "))[-1]
            # "新型农村合作医疗制度不断完善，已扩大到…", "粮食产量屡创历史新高，去年达到…": the subject ends where an
            # adverb opens what is said of it
            said = cue_regex("(?:{manner_adverbs}|{predicate_adverbs})").search(subject, 2)
            subject = subject[:said.start()] if said else subject
            indicator = (_indicator(subject) if len(subject) <= 24 else "") or indicator  # a phrase, not table cells
        if not indicator and _group(unit) in ("count", "money", "physical") and _names_after(after):
            indicator = _noun_after(after)  # "完成427公里管网清淤检测": the noun after names it, not the figure before
            counted_after = _group(unit) == "count"
            if counted_after:
                indicator = _counted_noun(after)
                counted_after = not (previous_reach and _bare_item(sentence, m.start()))
        if not indicator and out:
            # "…突破9000家，高新技术企业数量实现翻番、达1.8万家": a clause with no figure between the last figure
            # and this one names a new subject before its verb; the figure measures it, not the last figure's
            indicator = _subject_between(sentence, previous_end, m.start() - len(clause))
        between = sentence[previous_end:m.start() - len(clause)] if out else ""
        if out and cue_regex("(?:{growth_rate_nouns})").fullmatch(indicator) and re.fullmatch(
                r"(?:以上|左右|多|余)?[，,、]", between) and out[-1].end == offset + previous_end:
            # "…由138亿元增长到239.5亿元，年均增速8%": the rate of the figure right before it
            indicator = out[-1].indicator + indicator
        elif out and cue_regex("[\u4e00-\u9fff]{1,2}(?:{grade_suffixes})").fullmatch(indicator) and re.fullmatch(
                r"(?:以上|左右|多|余)?、", between):
            # "创建省级平安市场1家、市级5家": a grade alone, an item of a list, shares the noun of the item before
            indicator += _noun_after_ending(indicator, previous_indicator)
        inherited = not indicator
        if inherited:
            indicator = previous_indicator
            if cue_regex("(?:{clause_totals})(?:分别)?(?:{level_verbs})?").fullmatch(re.sub(r"\s", "", clause)):
                # "新增公园127座，累计达到1100座": the running total is of the things, not of the new ones
                indicator = cue_regex("^(?:{new_prefixes})").sub("", indicator) or indicator
        if not indicator:
            previous_end = m.end()
            continue
        if any(clause.startswith(w) for w in cues()["relative"]) or cue_pattern("unit_of_rate").search(clause):
            # 高于全省1个百分点: a gap to another place, not a value of its own; 每增长1个百分点的增量, 相当于5年前
            # 1.5个百分点: a unit a rate is stated in, or what it equals in another year
            previous_end = m.end()
            continue
        if indicator.startswith("占") and previous_indicator:
            # 民生支出 + 占一般公共预算支出; but "…，财政民生支出突破万亿元、占比稳定在80%": a clause between that names a
            # subject of its own (its figure no figure read) is what the share is of
            subject = _subject_between(sentence, previous_end, m.start() - len(clause))
            indicator = (subject or previous_indicator) + indicator
        if previous_indicator and cue_regex("(?:{total_words})").fullmatch(indicator):
            # "新认定省级工程技术研究中心17家、总数达到55家": a total alone is the total of what the figure before
            # counted, not of anything new (省级工程技术研究中心总数)
            indicator = cue_regex("^(?:{new_prefixes})").sub("", previous_indicator) + indicator
        if inherited and out:
            place = out[-1].place  # "由2110公里增至3055公里": the place of the figure it follows
        else:
            place = _place(clause if not inherited else before, doc, find_places)
            clause_start = m.start() - len(clause)
            if counted_after and (EXAMPLES.search(clause) or (clause_start > 0 and sentence[clause_start - 1] == "、")):
                place = doc.region  # "新增荆州、孝感、黄冈3个过三千亿元城市": places counted, not where the figure is
        if series is not None and series.places and 0 <= index < len(series.places):
            place = series.places[index]
        indicator = _without_place(indicator, place)
        # 增长6.5%－7%, 提高了25%到40% (no 从 before the first): the top of a range, read as its bottom
        range_top = bool(out) and _group(unit) == _group(out[-1].unit) and bool(
            re.fullmatch(r"\s*[－\-—–~～]\s*", sentence[previous_end:m.start()]) or (
                not open_span and re.fullmatch(r"\s*[到至]\s*", sentence[previous_end:m.start()])))
        if in_series:
            measure, sign = series.measure, series.sign  # 、5.5%: measured as the first of the series
            if measure in ("amount", "count") and _group(unit) in ("count", "money", "physical"):
                # 旅客和货邮吞吐量分别达到1.35亿人次、453.8万吨: a size is an amount, a number of things a count
                measure = "count" if _group(unit) == "count" else "amount"
        elif range_top:
            measure, sign = out[-1].measure, (-1 if out[-1].value < 0 else 1)
        elif inherited and out and _group(unit) == _group(out[-1].unit) and re.fullmatch(
                r"(?:以上|以下|左右|多|余)?[、和及与\s－\-—–~～]*", sentence[previous_end:m.start()]):
            measure, sign = out[-1].measure, (-1 if out[-1].value < 0 else 1)  # 分别增长20%以上、10%以上
        else:
            measure, sign = _measure(unit, clause, indicator)
            if counted_after and measure == "change" and not re.search(
                    f"(?:{cue_pattern('than_before').pattern})$", clause):
                measure, sign = "count", 1  # 规范提升7个夜市摊点: the verb acts on the things counted
            if series is not None:
                series.measure, series.sign = measure, sign
        # "新增国家现代农业产业园11个、优势特色产业集群9个": an item of a list shares the verb of the first
        listed = bool(out) and re.fullmatch(r"(?:以上|左右|多|余)?、", sentence[previous_end:m.start() - len(clause)])
        if listed and not in_series and out[-1].measure in ("growth", "change") and _group(unit) == _group(
                out[-1].unit) and measure in ("share", "amount", "count") and indicator == re.sub(r"\s", "", clause) and not (
                says("share", clause) or says("growth", clause)):
            # 平均压减时间58%、材料52%: an item naming only a noun is changed by the first item's verb
            measure, sign = out[-1].measure, (-1 if out[-1].value < 0 else 1)
        # (not the Y of 从X增加到Y: a level reached)
        # (an item with a level verb of its own, "新增装机400万千瓦、总装机达9000万千瓦", states the level reached)
        flow = not span_end and not _closes_span(clause) and (
            says("flow", indicator) or says("flow", clause.strip()) or _counts_events(unit, clause) or bool(
                listed and previous_flow and not cue_regex(
                "(?:{level_verbs})了?(?:近|约|超过|超)?$").search(re.sub(r"\s", "", clause))))
        # things counted as acted on are a plan's totals in a paragraph reviewing it (五年来，…); a section of a new
        # plan about the one before (第一节 “十三五”成就突出) states where that plan ended: levels
        # (not things counted as being in a ranking or list, 21个学科进入ESI前千分之一: a state at the end, a level)
        in_state = counted_after and says("state_verbs", indicator)
        status = _status(before, clause, after, indicator, doc, paragraph, measure,
                         (counted_after and not in_series and not in_state and (
                             bool(paragraph.plan) or _heading_five_years(doc))) or (flow and not in_state))
        if span_start:
            status = "actual"  # the level a change started from has been reached
            period = _span_start_period(before, clause, doc, paragraph)
        elif span_end:
            if status == "cumulative":
                status = "actual"  # the Y of 从X增加到Y: a level at the span's end, not a total over it
            # "赤字率从去年的2.1%提高到2.3%": the year of the span's start is not the end's
            period = _period(re.sub(r"[从由][^，,；;]*$", "", before), clause, status, doc, paragraph)
        else:
            period = _period(before, clause, status, doc, paragraph)
        if status == "target" and re.fullmatch(r"\d{4}", period) and doc.year_issued and int(period) < doc.year_issued \
                and _named_year(YEAR_BASE.sub("", clause), doc) == period:
            status = "actual"  # "…增加到2010年的306亿元" in a 2013 report's plans: a year its clause names, already past
        if range_top:
            status, period = out[-1].status, out[-1].period  # 增长6.5%－7%: the range's top, as its bottom
        if in_series and out and not re.sub(r"[、和及与\s]|以上|以下|左右|多|余", "", clause):
            status, period = out[-1].status, out[-1].period  # 年均增长5.3％、7.7％: as the first of the series
        if status == "target" and period in plan_periods() and measure in ("amount", "share", "count") and not (
                flow or counted_after or says("cumulative", clause) or PLAN.search(before)):
            # "常住人口城镇化率达到65%" among a plan's goals: a level the plan is to reach by its last year (a total
            # over it, 新建30处游园, or one its sentence sets for the period, “十四五”期间…不低于25%, is the plan's)
            period = str(plan_periods()[period][1])
        if status == "actual" and measure in ("change", "growth", "multiple") and _base_years_back(clause, period) >= 2:
            status = "cumulative"  # "比2007年增加15.5辆" of 2012: a change over five years, as "比“十二五”末"
        based = _plan_base(sentence, m.start(), measure)
        if based and not _named_year(clause, doc):
            status, period = based if status != "target" else (status, period)
            if based[0] == "cumulative" and out and inherited and out[-1].status == "actual":
                # "铺设天然气管道5627公里,是“十二五”的3.2倍": the figure compared with a plan is a total over the next
                out[-1] = replace(out[-1], status=status, period=period)
        whole = _whole_of_part(sentence, clause, out, offset, previous_end, unit, doc) or (
            part_whole if part_whole is not None and listed and _group(unit) == _group(part_whole.unit) else None)
        if whole is not None and not span_start and not span_end and not _named_year(clause, doc) and not (
                says("cumulative", clause) or says("average", clause) or says("target", clause)):
            status, period = whole.status, whole.period  # 其中水电9601万千瓦: a part of the total, of its years
        part_whole = whole
        out.append(Fact(
            place=place,
            period=period,
            indicator=indicator, value=sign * value, unit=unit,
            base_value=sign * value * multiplier(unit),
            measure=measure, status=status, figure=written[m.start():m.end()].strip(),
            sentence=written.strip(), chunk_id=doc.chunk_id,
            start=offset + m.start(), end=offset + m.end()))
        previous_end, previous_indicator, previous_flow = m.end(), indicator, flow
        previous_reach = reach or (previous_reach and _group(unit) == "count" and not counted_after)
        previous_counted = _noun_after(after) if _group(unit) == "count" else ""
        span_ends.append(span_end)
        open_span = span_start or (open_span and not span_end)
    return out


def _whole_of_part(sentence: str, clause: str, out: list[Fact], offset: int, previous_end: int, unit: str,
                   doc: DocContext) -> Fact | None:
    """The figure just before a clause opening with 其中 ("新增发电装机4.45亿千瓦，其中水电9601万千瓦") when this
    figure is a part of it: measured in the same kind of unit, with only the clause break (and a hedge) between
    them. None otherwise ("提出6项指标，其中…增长5%": the whole was no fact; "…4.45亿千瓦，其中水电增长8%": a rate)."""
    if not out or out[-1].end != offset + previous_end or _group(unit) != _group(out[-1].unit):
        return None
    if out[-1].measure not in ("amount", "count"):
        return None
    start = sentence.find(clause.strip(), previous_end) if clause.strip() else -1
    between = sentence[previous_end:start] if start >= 0 else ""
    opens = cue_regex("^(?:{part_of_whole})").match(clause.strip())
    return out[-1] if opens and re.fullmatch(r"(?:以上|左右|多|余)?[，,；;]\s*", between) else None


def _without_price_bases(sentence: str) -> str:
    """The sentence with the years that name a price base (2300元（2010年不变价）, 按2020年价格计算) blanked out,
    as long as they were: such a year says which prices a figure is in, not when it was."""
    return cue_pattern("price_base").sub(lambda m: "某" * len(m.group(0)), sentence)


def _without_inclusions(sentence: str) -> str:
    """The sentence with asides saying what a noun includes (散居孤儿（含艾滋病病毒感染儿童）…) blanked out, as long as
    they were: they neither end a clause nor name what a figure measures."""
    return re.sub(r"[（(]不?含[^（()）。；;]{1,24}[）)]", lambda m: "\u3000" * len(m.group(0)), sentence)


def _opens_span(sentence: str, m: re.Match, out: list[Fact], previous_end: int) -> bool:
    """The X of "从X增加到Y" (also "从771家、481家增加到1076家、636家")."""
    before = sentence[:m.start()]
    joined = out and re.fullmatch(r"[、和及与\s]*", sentence[previous_end:m.start()])
    if not SPAN_FROM.search(before) and not (joined and SPAN_FROM.search(_span_head(sentence, previous_end))):
        return False
    after = sentence[m.end():]
    while True:  # skip the other starts of a series: "、481家"
        joined_next = re.match(r"[、和及与]", after)
        nxt = figure_pattern().match(after, 1) if joined_next else None
        if not nxt:
            break
        after = after[nxt.end():]
    return SPAN_TO.match(after) is not None or cue_regex("(?:以上|左右|多)?(?:{span_to_as})").match(after) is not None


def _span_head(sentence: str, at: int) -> str:
    """The text before the first figure of the series that ends at `at` ("从771家" of "从771家、481家")."""
    figures = list(figure_pattern().finditer(sentence[:at]))
    start = at
    for figure in reversed(figures):
        if figure.end() == start or re.fullmatch(r"[、和及与\s]*", sentence[figure.end():start]):
            start = figure.start()
        else:
            break
    return sentence[:start]


def _closes_span(clause: str) -> bool:
    # (提高到现在的1721元: "now" is the span's end, as a year is)
    # (增加到人均280元: a rate per head reached)
    return re.search(r"[到至](?:\d{4}年(?:末|底)?|去年(?:底|末)?|上年(?:底|末)?|现在|目前|当前)?的?(?:[人户]均(?:每[年月])?)?$",
                     clause) is not None


def _closes_span_as(clause: str) -> bool:
    """由162个整合为123个: a verb ending in 为 closes a span opened before it."""
    return cue_regex("(?:{span_to_as})$").search(clause) is not None


def _span_start_period(before: str, clause: str, doc: DocContext, paragraph: "Paragraph") -> str:
    """When the X of "从X增加到Y" was: the year its clause names, else the year before the period reviewed
    (a plan's or five years' review: the year before they began; a year's: the year before)."""
    previous = re.search(r"上年(?:底|末)?的?(?:每[人户生]每[年月])?$", clause)
    own = _named_year(clause[:previous.start()] if previous else clause, doc)
    opening = list(re.finditer(r"[从由]", clause))
    ahead_of_span = _named_year(clause[:opening[-1].start()], doc) if opening else ""
    if own and ahead_of_span and own == ahead_of_span and re.match(r"\d{4}$", own):
        # "今年…补助标准由每人每年240元提高到280元": the year named before 由 is when the change happens; the level it
        # starts from is the year before's
        return str(int(own) - 1)
    if own:
        return _sub_year(own, before)
    span = _review_span(before, doc, paragraph)
    if span:
        return str(span[0] - 1)
    year = _period(before, clause[:previous.start()] if previous else clause, "actual", doc, paragraph)
    if _planning(doc, paragraph) and not previous and doc.year_issued:
        return str(doc.year_issued - 1)  # "补助由每人每年380元提高到420元" in a plan: the level now
    # "由上年的88个增加到317个" in a review of 2008: the year before the year reviewed
    return str(int(year[:4]) - 1) if re.match(r"\d{4}", year) else ""


def _planning(doc: DocContext, paragraph: "Paragraph") -> bool:
    """The figure sits where the report sets out the year ahead (a plan section, a list of targets)."""
    return bool(doc.ahead or paragraph.targets or (TARGET_HEADING.search(doc.heading)
                                                   and not says("review_heading", doc.heading)))


def _review_span(before: str, doc: DocContext, paragraph: "Paragraph") -> tuple[int, int] | None:
    """The years a review of several years covers: a plan named before the figure, by its paragraph or
    its heading, or "过去五年" in the heading; None for a year's review."""
    plans = [p for p in PLAN.findall(before) if p in plan_periods()]
    if plans and not YEAR.search(before[before.rfind(plans[-1]):]):
        return plan_periods()[plans[-1]]
    if paragraph.plan and _span_of(paragraph.plan):
        return _span_of(paragraph.plan)
    heading_plans = [p for p in PLAN.findall(doc.heading) if p in plan_periods()]
    if heading_plans:
        return plan_periods()[heading_plans[-1]]
    if says("cumulative", doc.heading) and doc.year_reviewed:
        return _span_of(_five_years(doc.year_reviewed))
    return None


def _counts_report_items(clause: str, after: str) -> bool:
    """A count of the report's own indicators: "提出6项指标" (the noun after), "其中约束性指标7个" (before)."""
    if cue_regex("(?:{report_items})").match(after):
        return True
    return bool(cue_regex("(?:{report_items})$").search(re.sub(r"\s", "", clause))) and not re.match(
        r"[^，,；;。]*(?:位|居|排|领先|第)", after)


def _among_ranked(clause: str, after: str) -> bool:
    """"在…55个城市中名列第4位": the clause opens with 在, the noun after the count ends in 中 and a rank follows."""
    return bool(cue_regex("(?:{among_open})").match(clause.strip())) and bool(
        cue_regex("[\u4e00-\u9fff]{1,8}?(?:{among_close})(?:{among_rank})").match(after))


def _names_a_kind(sentence: str, m: re.Match, unit: str) -> bool:
    """A figure that is part of a name or a class, not a statement: a threshold before the noun it
    qualifies (超10亿元项目, 20万元以上的村, 迈上4万亿、5万亿两个台阶), a capacity naming a project
    (年产5万吨微生态制剂), a voltage class (220千伏胡陈输变电工程), a title in quotes (“支持实体经济20条”)."""
    before = sentence[:m.start()]
    if before.count("“") > before.count("”"):
        return True
    after = sentence[m.end():]
    while (joined := re.match(r"[、和]", after)) and (nxt := figure_pattern().match(after, joined.end())):
        after = after[nxt.end():]  # "4万亿、5万亿两个台阶": the series' last figure decides
    if unit in ("万", "亿") and cue_regex("(?:{threshold_before})$").search(before) and re.match(
            r"[\u4e00-\u9fff]{1,6}\d", after):
        return True  # 超500万企业35家: a bare 万 over a noun the next figure counts names a class (超千万元企业)
    if _group(unit) == "count" and _kind_of_next(after):
        return True
    if _group(unit) != "count" and cue_pattern("campaign_after").match(after):
        return True  # 开展0.5微克提升行动, 完成1%人口抽样调查: a figure in a campaign's or survey's name
    if cue_pattern("threshold_after").match(after) or cue_pattern("ordinal_after").match(after):
        return True  # (省委十一届十次、十一次全会: which plenum, not how many)
    if _group(unit) in ("money", "physical", "count") and re.match(r"的[\u4e00-\u9fff]", after) and re.search(
            f"(?:{cue_pattern('threshold_before').pattern})$", before):
        return True  # 95%的行政村集体经济收入超过5万元的…: a class of villages, not a figure stated
    if _group(unit) not in ("money", "physical"):
        return False
    if any(unit.endswith(u) for u in cues()["age_units"]) and re.match(r"(?:以上|以下|及以上|及以下)?的?[\u4e00-\u9fff]", after) and not (
            SPAN_TO.match(after) or cue_regex("(?:{growth}|{tail_verbs})").match(after)):
        return True  # 0—6岁儿童, 65岁以上老年人: an age before a noun names a group of people
    if any(unit.endswith(u) for u in cues()["class_units"]):
        return True
    if cue_pattern("kind_after").match(after):
        return True
    if any(unit.endswith(u) for u in cues()["capacity_units"]) and cue_pattern("project_after").match(after):
        return True  # 建成投产1000吨农用益生菌、1万吨塔格糖等项目: a capacity naming a project
    return bool(re.search(cue_pattern("capacity_before").pattern + "$", before)) and bool(
        re.match(r"[\u4e00-\u9fff]", after)) and not re.match(r"的|以上|左右|多|余", after)


def _batch_of_next(sentence: str, m: re.Match, unit: str) -> bool:
    """A count of batches written right before another count (5批123人): it says in how many groups the second came."""
    nxt = figure_pattern().match(sentence, m.end()) if unit in cues()["batch_units"] else None
    parsed = _value_and_unit(nxt) if nxt else None
    return bool(parsed) and _group(parsed[1]) == "count"


def _kind_of_next(after: str) -> bool:
    """"17个重点传统制造业增加值增长5.3%": a count, its noun, a measured noun and a verb of change, then a rate in
    the same clause: the count says which industries the rate is of; it is no figure of its own."""
    nxt = figure_pattern().search(after)
    if not nxt:
        return False
    between = after[:nxt.start()]
    if re.search(f"[{CLAUSE_SEP}。；;]", between) or not re.match(r"[\u4e00-\u9fff]", between):
        return False
    measured = cue_regex("(?:{measured_nouns})").search(between)
    return bool(measured and measured.start() >= 2 and cue_regex("(?:{growth})(?:了|约|近|超过|达到|达)?$").search(between)
                and (_group(_value_and_unit(nxt)[1]) == "percent" if _value_and_unit(nxt) else False))


def _shared_noun(item: str, last: str) -> str:
    """The noun a short item of a list shares with the last: ("国家级", "市级高新技术企业") -> "高新技术企业";
    ("城镇", "农村居民人均收入") -> "居民人均收入" (a modifier as long as the short item)."""
    if last.startswith(item):
        return ""  # 工业、工业技改投资: the last is a kind of the first; only the measured noun (投资) is shared
    own_end = last.rfind(item[-1])
    if own_end > 0 and last[own_end + 1:] in cues()["measured_nouns"]:
        return last[own_end + 1:]  # 金融业、信息服务业增加值: both end in 业; only the measured noun is shared
    at = last.find(item[-1])
    if 0 < at < len(last) - 1 and at < len(item) + 2:
        return last[at + 1:]
    if at < 0 and len(item) >= 2 and not any(last.startswith(p) for parts in cues()["paired"].values() for p in parts):
        return ""  # 用水量、能耗、二氧化碳排放量: a word of its own shares nothing with the last (城镇、农村…收入 do)
    return last[len(item):]


def _pair_of(subject: str) -> list[str]:
    """"城乡低保标准" -> ["城镇低保标准", "农村低保标准"]: a word naming two parts, one for each figure."""
    subject = subject.strip()
    for word, parts in cues()["paired"].items():
        if subject.startswith(word):
            rest = subject[len(word):]
            urban = next((u for k, u in cues()["paired_urban"].items() if k in rest), parts[0])
            rest = re.sub(r"^居民(?=低保)", "", rest)  # 城乡居民低保标准: 城市低保标准, 农村低保标准
            return [(urban if i == 0 else part) + rest for i, part in enumerate(parts)]
    return [subject]


def _respective_series(sentence: str, at: int, out: list[Fact]) -> Series | None:
    """"接待国内游客4.16亿人次、入境游客936万人次，分别增长6.7%、39.6%": a clause opening with 分别 names no
    subject; its figures measure, in order, the indicators of as many figures before it."""
    start = max(sentence.rfind(mark, 0, at) for mark in "，,；;：:") + 1
    if not cue_regex(r"\s*(?:{respective_leads})*分别\S*").fullmatch(sentence[start:at]):
        return None
    count = _figures_in_clause(sentence, at)
    listed = _listed_subjects(sentence, start - 1, count)
    if listed:
        return Series(listed, "", 1)
    if count < 2 or len(out) < count:
        return None
    referred = out[-count:]
    return Series([f.indicator for f in referred], "", 1, places=[f.place for f in referred])


def _listed_subjects(sentence: str, end: int, count: int) -> list[str]:
    """"化学需氧量、二氧化硫排放总量近年来首次出现双下降，比上年分别下降3.14％和4.66％": the clause before the one
    opening with 分别 holds no figure and opens with a list of as many subjects as the figures: those are what they
    measure, in order. [] otherwise."""
    if count < 2 or end <= 0:
        return []
    clause = sentence[max(sentence.rfind(mark, 0, end) for mark in "，,；;：:。") + 1:end]
    if not clause or figure_pattern().search(clause):
        return []
    subject = cue_regex("(?:{subject_ends}|{growth})").split(clause)[0]
    items = [i.strip() for i in re.split(r"[、和与及]", subject) if i.strip()]
    if len(items) != count or any(len(i) < 2 for i in items):
        return []
    return items


def _figure_end(sentence: str, at: int) -> int:
    m = figure_pattern().match(sentence, at)
    return m.end() if m else at


def _series_start(sentence: str, at: int, floor: int, find_places: PlaceFinder | None = None) -> Series | None:
    """The subjects of "刑事治安、涉诈、涉毒警情分别下降…" when the figure at `at` opens such a series."""
    start = floor
    for i in range(at - 1, floor - 1, -1):
        if sentence[i] in "，,：:；;（(":
            start = i + 1
            break
    segment = sentence[start:at]
    if "分别" in segment:
        subject = segment[:segment.index("分别")]
    elif (joined := re.match(r"\s*[和及与、]\s*", sentence[_figure_end(sentence, at):])) and figure_pattern().match(
            sentence, _figure_end(sentence, at) + joined.end()):
        # "城镇和农村居民人均收入实际增长8.4%和11.4%": figures joined as their subjects are (a figure right after
        # the joiner: "博物馆、美术馆举办展览1565场、接待观众4900万人次" joins two clauses, not two figures)
        subject = re.sub(cue_pattern("growth").pattern + ".*$", "", segment)
    else:
        return None
    # 及 joins items, but not inside 普及, 涉及, 及时 ("新增学前教育普及普惠县26个、…")
    if "分别" not in segment and EXAMPLES.search(subject):
        return None  # "家电、汽车等以旧换新2万单、设备更新项目15个": examples of one thing, not a list of subjects
    items = [part for part in re.split(r"[、和与]|(?<![普涉以])及(?!时)", subject) if part.strip()]
    listed = [part for part in subject.split("、") if part.strip()]
    if "分别" in segment and len(listed) == _figures_in_clause(sentence, at) < len(items):
        items = listed  # 金融业、软件和信息服务业增加值分别增长9.7%、15.3%: two figures, two items; 和 joins a name
    if "分别" not in segment and any(re.fullmatch(f"(?:{'|'.join(cues()['tail_verbs'])})+", i.strip()) for i in items):
        return None  # "…迈上4个万亿元台阶、达14.2万亿元、年均增长5.7%": a verb is no subject of a list
    if len(items) == 1:
        items = _pair_of(items[0])  # 城乡低保标准分别提高9.97%和14.1% -> 城镇…, 农村…
    if len(items) < 2:
        return None
    by_place = _places_series(items, find_places)
    if by_place:
        return by_place
    # "城镇和农村居民人均可支配收入": a short item shares the last item's noun -> 城镇居民人均可支配收入
    # "国家级、市级高新技术企业": the noun follows the last item's own modifier, which ends as the short one does
    last = items[-1]
    items = [item + _shared_noun(item, last) if len(item) * 2 < len(last) else item for item in items]
    # "限上新能源汽车、节能家电零售额分别增长21.2%、39.5%": the measured noun of the last item is every item's
    nouns = cues()["measured_nouns"]
    noun = next((w for w in nouns if last.endswith(w)), "")
    # (not an item that is a measure already: 用水量、能耗、二氧化碳排放量 -> 能耗, not 能耗排放量)
    items = [item if not noun or any(item.endswith(w) for w in nouns + cues()["measure_heads"]) else
             item + _measured_tail(item, last, noun) for item in items]
    return Series(items, "", 1)


def _figures_in_clause(sentence: str, at: int) -> int:
    """How many figures the clause of the figure at `at` holds from it on (分别增长9.7%、15.3%: 2)."""
    ends = [i for i in (sentence.find(mark, at) for mark in "，,；;。") if i >= 0]
    return sum(1 for _ in figure_pattern().finditer(sentence, at, min(ends) if ends else len(sentence)))


def _measured_tail(item: str, last: str, noun: str) -> str:
    """What an item shares of the last item's end: "城镇职工基本养老保险、基本医疗保险参保人数" -> 参保人数 (the
    words after the item's own ending, 保险, in the last), else the measured noun alone (零售额)."""
    at = last.rfind(item[-2:]) if len(item) >= 2 else -1
    tail = last[at + 2:] if at > 0 else ""  # (工业、工业技改投资: the last begins with the item, a kind of it)
    if tail.endswith(noun) and len(tail) > len(noun):
        return tail
    # "新一代信息技术、新能源、输变电装备产业产值": the word saying the items are industries goes with the noun
    kind = cue_regex(f"(?:{{industry_words}}){re.escape(noun)}$").search(last)
    if not kind or len(last) <= len(kind.group(0)) or cue_regex("(?:{industry_words})$").search(item):
        return noun  # (战略性新兴产业、高新技术产业增加值: the item is an industry already)
    return kind.group(0)


def _places_series(items: list[str], find_places: PlaceFinder | None) -> Series | None:
    """"广州、深圳地铁客运量分别达…": items that are places, the last one's noun after its place: one indicator,
    measured in each place in turn."""
    if not find_places or any(len(item.strip()) > 5 or not find_places(item.strip()) for item in items[:-1]):
        return None
    last = items[-1].strip()
    size = next((k for k in range(2, min(6, len(last) - 1)) if find_places(last[:k])), 0)
    if not size:
        return None
    places = [_place_name(find_places(item.strip())[-1]) for item in items[:-1]] + [_place_name(find_places(last[:size])[-1])]
    return Series([last[size:]] * len(items), "", 1, places=places)


def _place_name(found) -> str:
    return found if isinstance(found, str) else getattr(found, "name", "")


def parse_figure(text: str) -> tuple[float, str] | None:
    """(value, unit) of a figure as written: parse_figure("165.2亿元") -> (165.2, "亿元"); "百分之八点五" -> (8.5, "%")."""
    m = figure_pattern().search(text)
    return _value_and_unit(m) if m else None


def _group(unit: str) -> str:
    """The group of a unit as written: 万公里 -> physical, 万元/人 -> money (read by its numerator)."""
    return unit_groups().get(unit) or group_of(unit) or group_of(unit.split("/")[0])


def _per_unit_before(before: str, unit: str) -> str:
    """A unit of units.yaml written as "per X" (微克/立方米) may stand with its denominator first, right before the
    number: "低于每立方米19微克" is 19微克/立方米, as "降至25微克/立方米" is 25. Only a unit the list holds is read so,
    so a count (每万人口拥有12件) keeps its own unit."""
    found = re.search(r"每([\u4e00-\u9fff]{1,4})\s*$", before)
    if not found or "/" in unit:
        return unit
    for cut in range(len(found.group(1))):
        per = f"{unit}/{found.group(1)[cut:]}"
        if per in unit_groups():
            return per
    return unit


def _value_and_unit(m: re.Match) -> tuple[float, str] | None:
    if "ratio" in m.re.groupindex and m.group("ratio"):
        return _ratio(m)
    if m.group("num"):
        # 5.6万余处 -> 万处, 1.6万公里 -> 万公里: a multiplier before any unit, the approximation dropped
        # 2个多百分点: the approximation inside the unit is dropped too
        unit = (m.group("mult") or "") + re.sub(r"^个[多余]", "个", m.group("unit")) + (m.group("per") or "")
        unit = _per_unit_before(m.string[:m.start()], unit)
        return float(m.group("num").replace(",", "").replace("，", "").replace("．", ".")), unit
    raw = m.group("pct") or m.group("cnum")
    unit = "%" if m.group("pct") else m.group("cunit")
    if m.group("cnum") and len(raw) == 1 and _group(unit) == "count":
        return None  # 一个中心, 三批: a lone numeral before a counter is wording, not a statistic
    if m.group("cnum") and len(raw) > 1 and not re.search("[十百千点]", raw):
        return None  # 产业园一二三期: numerals listed one by one name phases, they are no number
    if m.group("cnum") and raw + unit in cues()["numeral_words"]:
        return None  # 一度出现负增长: a word, not a figure
    try:
        value = float(raw.replace("．", ".")) if re.fullmatch(ARABIC, raw) else float(cn2an.cn2an(raw, "smart"))
    except (ValueError, KeyError):
        return None
    return value, unit


def _ratio(m: re.Match) -> tuple[float, str] | None:
    """A number without a unit is a ratio (read in 倍, as 1.81 times) when its clause names one before it (收入比,
    收入倍差, 产值之比) and it has a decimal point or is written against 1 (2:1); anything else is no figure."""
    clause = re.split(r"[，,。；;、（）()]", m.string[:m.start()])[-1]
    if not cue_regex("(?:{ratio_nouns})[^，,。；;]{0,16}$").search(clause):
        return None
    if "." not in m.group("ratio") and not m.group("to_one"):
        return None
    return float(m.group("ratio")), "倍"


def _clause_before(sentence: str, at: int, floor: int) -> str:
    """The text between the figure and the nearest clause mark (or the previous figure) before it. Brackets in
    the words right before the figure are no clause mark: an aside before a bare verb is dropped ("中欧班列（义新欧）
    开行3005列" -> "中欧班列开行"), one inside a name kept ("每千人口执业（助理）医师数3.6人")."""
    cut, aside = floor, None
    i = at - 1
    while i >= floor:
        tail = sentence[i + 1:at]
        if sentence[i] in "）)" and aside is None and re.fullmatch(r"[\u4e00-\u9fff]{0,8}", tail):
            opening = max(sentence.rfind("（", floor, i), sentence.rfind("(", floor, i))
            aside_text = sentence[opening + 1:i]
            # (not a table's unit header: 地区生产总值(亿元)239.5)
            if opening > floor and re.fullmatch(r"[\u4e00-\u9fff·]{1,10}", aside_text) and not group_of(aside_text):
                aside, i = (opening, i + 1 if len(tail) <= 2 else opening), opening - 1
                continue
        if sentence[i] in CLAUSE_SEP and not _joins_numerals(sentence, i):
            cut = i + 1
            break
        i -= 1
    if aside:
        return sentence[cut:aside[0]] + sentence[aside[1]:at]
    return sentence[cut:at]


def _joins_numerals(sentence: str, at: int) -> bool:
    """"央企二、三级子公司", "三、四线城市": a 、 between two numerals joins them inside one name, it ends no clause."""
    return sentence[at] == "、" and 0 < at < len(sentence) - 1 and bool(
        re.fullmatch(r"[一二三四五六七八九十]、[一二三四五六七八九十][\u4e00-\u9fff]", sentence[at - 1:at + 3]))


def _sums_up_a_list(sentence: str, clause_start: int, previous_end: int) -> bool:
    """The clause is the last item of a list of names without figures (绍兴黄酒、金华火腿、西湖龙井茶3个…)."""
    if clause_start <= 0 or sentence[clause_start - 1] != "、":
        return False
    item = _clause_before(sentence, clause_start - 1, 0)
    return previous_end <= clause_start - 1 - len(item) and bool(re.fullmatch(r"[\u4e00-\u9fff“”]{2,12}", item))


def _attribute_of(clause: str, after: str) -> str:
    """"…总投资30亿元的新建中小学工程" -> "新建中小学工程总投资", "建设占地200亩的中心公园" -> "中心公园占地", "设立100亿元的
    制造业高质量发展基金" -> "制造业高质量发展基金": an amount or a size followed by 的 and a noun phrase to the clause's
    end is an attribute of what that phrase names (its investment, area, length, scale), whatever verb came before
    it; the attribute's noun ending the clause (总投资, 占地, 规模) goes after the phrase. "" when the phrase is a
    word of measure or aim itself (…300元的目标, 达到1000亿元的规模: the figure is the clause's own) or a change."""
    phrase = re.match(r"(?:以上|左右|多|余)?的([\u4e00-\u9fff“”\dA-Za-z]{2,30})$", after)
    if not phrase:
        return ""
    noun = re.sub(r"[“”]", "", phrase.group(1))
    if cue_regex("(?:{not_attribute_holders})$").search(noun) or cue_regex("^(?:{growth})").match(noun):
        return ""
    attribute = cue_regex("(?:{attribute_nouns})$").search(re.sub(r"\s", "", clause))
    return noun + (attribute.group(0) if attribute else "")


def _subject_between(sentence: str, start: int, end: int) -> str:
    """The noun phrase before the verb of the last clause in sentence[start:end] ("" when that clause has no verb
    after a subject of two characters or more, as "居全国前列", "创历史新高")."""
    parts = [p.strip() for p in re.split(f"[{CLAUSE_SEP}]", sentence[start:end]) if p.strip()]
    if len(parts) < 1 or not re.search(f"[{CLAUSE_SEP}]", sentence[start:end]):
        return ""  # the text right after the last figure (以上, 左右) is that figure's, not a clause of its own
    # a record said of the subject (全省进出口总值创历史新高，达到5379亿元) ends it as a verb does
    verbs = [v for v in _longest_first("tail_verbs", "growth", "record_predicates") if len(v) > 1]
    cut = min([i for v in verbs if (i := parts[-1].find(v)) >= 2] + [len(parts[-1])])
    if cut == len(parts[-1]):
        # "…东盟进出口分别增长19%，全省进出口总值创历史新高，达到5379亿元": a clause saying something of its
        # subject with no verb of a figure names that subject as well, where an adverb opens what is said of it
        said = cue_regex("(?:{predicate_adverbs})").search(parts[-1], 2)
        cut = said.start() if said else cut
    return _indicator(parts[-1][:cut]) if cut < len(parts[-1]) else ""


def _clause_after(sentence: str, at: int) -> str:
    """The rest of the figure's clause after it: 左右, 以上 and the like. An aside in brackets after the noun
    ("1200个县（市、区）开展…": which kinds of county) is no clause mark; it is left out."""
    text = sentence[:at] + ASIDE_AFTER_NOUN.sub(r"\1", sentence[at:], count=1)
    for i in range(at, len(text)):
        if (text[i] in CLAUSE_SEP or text[i] in "。；;") and not _joins_grades(text, i):
            return text[at:i]
    return text[at:]


# a bracketed list of short words right after a noun or a unit (县（市、区）, 500套(间)住房): its kinds, not a clause
ASIDE_AFTER_NOUN = re.compile(r"^([\u4e00-\u9fff]{0,6})[（(][\u4e00-\u9fff、]{1,8}[）)](?=[\u4e00-\u9fff])")


def _past_joined_count(after: str) -> str:
    """"58户173名脱贫群众": the text after a count that a second count follows at once is the second's: both
    count the noun after it."""
    nxt = figure_pattern().match(after)
    parsed = _value_and_unit(nxt) if nxt else None
    return after[nxt.end():] if parsed and _group(parsed[1]) == "count" else after


def _noun_after_ending(item: str, previous: str) -> str:
    """("市级", "创建省级平安市场") -> "平安市场": what follows the item's last character in the item before; ""
    when it is not there (农村 after 城镇) or leaves less than a noun."""
    at = previous.rfind(item[-1]) if item else -1
    return previous[at + 1:] if at > 0 and len(previous) - at - 1 >= 2 else ""


def _grade_noun_after(sentence: str, at: int) -> str:
    """"新增2家千亿级、24家百亿级工业企业": a grade alone after a count shares the noun after the next item's grade
    ("工业企业"); "" when no such item follows across the 、 at `at`."""
    nxt = figure_pattern().match(sentence, at + 1) if sentence[at:at + 1] == "、" else None
    noun = _noun_after(_clause_after(sentence, nxt.end())) if nxt else ""
    grade = cue_regex("(?:{grade_suffixes})").search(noun)
    return noun[grade.end():] if grade and len(noun) - grade.end() >= 2 else ""


def _joined_count_after(sentence: str, end: int) -> str:
    """The clause after a count that follows this one across a 、 with nothing between ("12283户、43510名贫困人口"):
    what the second counts, the first does ("" when no count follows at once)."""
    nxt = figure_pattern().match(sentence, end + 1) if sentence[end:end + 1] == "、" else None
    parsed = _value_and_unit(nxt) if nxt else None
    if not parsed or _group(parsed[1]) != "count":
        return ""
    return _clause_after(sentence, nxt.end())


def _problem_solved(sentence: str, m: re.Match) -> str:
    """"解决了3000万农村人口的饮水安全和20万无电人口的用电问题": a count after a verb of solving (or after the
    item joined to one), its people and their problem after it -> "解决农村人口饮水安全问题"; "" otherwise."""
    clause = _clause_before(sentence, m.start(), 0)
    verb = cue_pattern("solve_verbs").search(clause)
    if not verb or re.search(r"[，,；;。]", clause[verb.end():]):
        return ""
    rest = _past_joined_count(_clause_after(sentence, m.end()))  # 解决7000户2万名群众…问题: the same people
    problems = list(cue_regex("(?:{problem_nouns})+").finditer(rest))  # 饮水困难和饮水安全问题: the last is shared
    if not problems:
        return ""
    problem = problems[-1]
    own = re.split(r"\d", rest[:problem.end()])[0]  # up to the next figure, which has people of its own
    own = re.sub(r"^(?:多|余)", "", own)
    if not own.endswith(problem.group(0)):
        # 饮水安全和无电区445万人的用电问题: the problem is shared; the words after the last 和 are the next figure's
        own = re.sub(r"[和及与、][^和及与、]*$", "", own) + problem.group(0)
    found = cue_pattern("people_nouns").search(own)
    if found:  # 集体企业退休人员养老保障的历史遗留问题: the people end at their noun, not at the first 的
        people, trouble = own[:found.end()], own[found.end():]
    else:
        people, trouble = own.split("的", 1) if "的" in own else ("", own)
    trouble = re.sub(r"^的", "", trouble)
    # in the sentence's own order, 的 dropped (解决农村人口饮水安全问题): as the report and a question word it
    return "解决" + people + trouble if len(trouble) > len(problem.group(0)) else ""


def _share_of_whole(clause: str, after: str) -> str:
    """"贡献了全国24.1%的增量" -> "占全国增量": a verb of sharing and a scope before a percentage, 的 and a noun
    after it: the share of that noun in the scope ("" otherwise)."""
    found = cue_regex(r"(?:{share_of_whole})(?P<whole>[\u4e00-\u9fff]{1,6})$").search(re.sub(r"\s", "", clause))
    noun = re.match(r"(?:以上|左右)?的([\u4e00-\u9fff]{2,8})$", after)
    if not found or not noun or found.group("whole").startswith("的"):
        return ""
    return _indicator(clause[:found.start()]) + "占" + found.group("whole") + noun.group(1)


def _joins_grades(sentence: str, at: int) -> bool:
    """"获评国家领航级、卓越级智能工厂": a 、 between two grades of one noun joins them inside its name."""
    return sentence[at] == "、" and bool(cue_regex("(?:{grade_suffixes})$").search(sentence[max(0, at - 4):at])) and bool(
        cue_regex("[\u4e00-\u9fff]{1,4}?(?:{grade_suffixes})[\u4e00-\u9fff]").match(sentence[at + 1:at + 7]))


def _only_a_place(indicator: str, find_places: PlaceFinder | None) -> bool:
    """"河南108家产教融合型企业…": a clause that is a place's name alone says where, not what is counted."""
    found = find_places(indicator) if find_places and len(indicator) <= 8 else []
    return len(found) == 1 and len(_place_name(found[0]) or "") >= 2 and indicator in (
        _place_name(found[0]), re.sub(r"[省市县区]$", "", _place_name(found[0])))


def _counts_events(unit: str, clause: str) -> bool:
    """人次, 架次: a unit counting each time something happened states a flow (summed over its period), not a level;
    unless the clause states it per day, month or year (年吞吐量突破3000万人次) or as a level reached (稳定在)."""
    clause = re.sub(r"\s", "", clause)
    return any(unit.endswith(u) for u in cues()["flow_units"]) and not says("per_period", clause) and not cue_regex(
        "(?:{level_verbs}|稳定在|保持在)了?(?:近|约|超过|超)?$").search(clause)


def _ends_in_verb(indicator: str) -> bool:
    """推进, 建成了, 建好首批: a verb whose object follows (a batch word after it says which batch, not what)."""
    return re.search(f"(?:{cue_pattern('object_verbs').pattern})了?(?:{cue_pattern('batch_words').pattern})?$",
                     indicator) is not None


def _names_a_thing(noun: str) -> bool:
    """A noun after a count that is a thing of its own, not 的目标 (城镇新增就业45万人以上的目标) nor a word as general as
    举措 (出台…10条措施: the measures of what the clause names)."""
    return not noun.startswith("的") and not cue_regex("(?:{generic_nouns}|{not_attribute_holders})").fullmatch(noun)


@lru_cache(maxsize=4096)
def _ends_in_a_verb_word(clause: str) -> bool:
    """The clause ends in a word the tokenizer's dictionary tags as a verb (汇聚, 新引入, 精准帮扶, 提交): a verb whose
    object is the noun after the count (…科学城汇聚300多个科研团队), as object_verbs are, for verbs no list holds.
    The longest dictionary word ending the clause decides (…产业链 is a noun; 落户 is tagged a noun)."""
    import jieba
    import jieba.posseg

    jieba.dt.check_initialized()  # the dictionary is read on first use (the index has read it already)
    tags = jieba.posseg.dt.word_tag_tab
    for size in (4, 3, 2):
        if len(clause) >= size and clause[-size:] in tags:
            return tags[clause[-size:]] == "v"
    return False


def _counted_before(clause: str, counted: str) -> bool:
    """The clause is the noun the figure before counted (15所高职院校21个专业群, 127个国家和地区的584个港口)."""
    return bool(counted) and re.sub(r"的$", "", clause.strip()) == counted


def _bare_item(sentence: str, at: int) -> bool:
    """The figure at `at` opens an item of a list with no words of its own before it (…75个城市、164个铁路站点)."""
    return sentence[:at].rstrip().endswith("、")


def _states_reach(clause: str) -> bool:
    """The clause ends in a verb of reach, maybe with the whole it spans (覆盖90个县, 辐射全国75个城市): the count
    after is a level the network or service has, not things acted on one by one."""
    return bool(cue_regex("(?:{reach_verbs})(?:{reach_scopes})?$").search(clause))


def _names_after(after: str) -> bool:
    return bool(_noun_after(after))


@lru_cache(maxsize=None)
def _longest_first(*names: str) -> tuple[str, ...]:
    """The words of fact_cues.yaml lists, longest first (a longer word is tried before its parts)."""
    return tuple(sorted((w for name in names for w in cues()[name]), key=len, reverse=True))


@lru_cache(maxsize=4096)  # a pure function of the text after a figure, asked of it several times
def _noun_after(after: str) -> str:
    """The noun a count is of, when it follows the figure: "平台入选省级…" -> "平台"; "以上" -> ""."""
    words = cues()
    # 107家“亿元企业培育工程”企业; 等19个项目交付房屋4100套 (but 5G工厂 is a name)
    # (世界500强企业: a ranking's size is part of the name)
    parts = re.split(r"\d(?![\dA-Za-z]*[A-Za-z])(?!\d*强)", re.sub(r"[“”\"《》\u3000]", "", after))
    text = parts[0]
    if len(parts) > 1:  # 80个乡镇近300万群众: a hedge before the next figure is that figure's
        text = cue_regex("(?:{figure_hedges})$").sub("", text)
    size = re.match(r"([\u4e00-\u9fff]{1,3}?)(?:以上|以下)", text)  # (百亿级工业企业: a grade names the kind)
    grade = ""
    if size and is_unit(size.group(1)):
        text = text[size.end():]  # 307个亿元以上招商项目: a size class before the noun counted
    elif size and cue_regex("(?:{class_grades})$").search(size.group(1)):
        grade, text = size.group(0), text[size.end():]  # 300条中型以上侵蚀沟, 197家二级以上医院: the class is the noun's
    lead = cue_pattern("target").match(text) or re.match(r"以上|左右|多|余", text)
    if lead:
        text = text[lead.end():]
    # one-character verbs (达, 为, 至) are parts of words here: 碳达峰试点 is one noun
    # a record said of the subject (全省进出口总值创历史新高，达到5379亿元) ends it as a verb does
    verbs = [v for v in _longest_first("tail_verbs", "growth", "record_predicates") if len(v) > 1]
    cut = min([i for v in verbs if (i := text.find(v)) > 0] + [len(text)])
    # 7家概念验证平台和6家孵化器: the next item joins it; 127个国家和地区的584个港口: the 的 ties it to the next one
    noun = re.sub(r"[和及与、的]$", "", text[:cut])
    noun = cue_pattern("among_have").sub("", noun)  # 85个开发区中有32个…: the group, not what it has
    if cut < len(text):  # 45件民生实事全面完成: the adverb before the verb cut off is no part of the noun
        noun = re.sub(f"(?:{cue_pattern('verb_adverbs').pattern})+$", "", noun) or noun
    if noun in words["not_nouns"] or is_unit(noun):  # 307个亿元以上招商项目: a size class, not the noun
        return ""  # 折合1148亿元人民币: the currency, not what is measured
    noun = grade + noun if grade and len(noun) >= 2 else noun
    # (a 、 left in the text after a figure joins two grades of one name: 国家领航级、卓越级智能工厂)
    # (a dash inside a name joins its parts: “县城—中心镇—重点村”发展轴)
    return noun if len(noun) >= 2 and re.fullmatch(r"[\u4e00-\u9fff][\u4e00-\u9fffA-Za-z\d、—－]*", noun) else ""


def _counted_noun(after: str) -> str:
    """What a count is of when its noun follows the figure and a verb phrase follows the noun: "17家企业通过上市
    融资" -> "通过上市融资企业", the companies that did so, as a question asks (多少家企业通过上市融资)."""
    noun = re.sub(r"(?<=[\u4e00-\u9fff])(?<!为)了(?![解结])", "", _noun_after(after))  # 配备了医疗设备: aspect, not a word
    noun = noun[:2] + cue_pattern("light_verbs").sub("", noun[2:]) if len(noun) > 4 else noun
    # (from the second character: 县开展试点, 村入选名录; a one-character noun is a whole noun before its verb)
    verb = cue_pattern("counted_verbs").search(noun, 1)
    done_to = re.fullmatch(r"([\u4e00-\u9fff]{1,6}?)的([\u4e00-\u9fff]{2,12})", noun)
    if not verb and done_to and not is_unit(done_to.group(1)):
        # 完成23个自然村的村容村貌整治 -> 村容村貌整治自然村: what was done to the things counted, then the things
        return done_to.group(2) + done_to.group(1)
    if not verb:
        return noun
    if verb.end() == len(noun):  # 210项关键核心技术获得突破: the verb ends the phrase, it has no object
        return noun[:verb.start()]
    # 16个区首次全部获评…: the adverbs before the verb belong to neither the noun nor the action
    head = re.sub(f"(?:{cue_pattern('verb_adverbs').pattern})+$", "", noun[:verb.start()])
    action = cue_pattern("quantifier_fillers").sub("", noun[verb.start():])
    listed = re.sub(f"(?:{cue_pattern('list_nouns').pattern})$", "", action)  # 入选…名单: one of the list's
    action = listed if len(listed) >= verb.end() - verb.start() + 3 else action  # not 纳入白名单
    if len(head) < 1 or len(action) > 16:
        return head or noun
    return action if action.endswith(head) else action + head  # 纳入…成果清单: the list's items are the noun


def _among_counted(after: str) -> str:
    """What a count taken among a group is of: its noun with the verb that picks them out before it (20家企业上榜 ->
    上榜企业, as 民营企业500强上榜企业 reads), else the counted noun as usual."""
    noun = _noun_after(after)
    verb = cue_pattern("counted_verbs").search(noun, 1)
    if verb and verb.end() == len(noun):
        return noun[verb.start():] + noun[:verb.start()]
    return _counted_noun(after)


def _share_of_after(after: str) -> str:
    """"的行政村集体经济收入超过" after a percentage: what it is the share of ("" for 的增长, a rate's own noun)."""
    found = re.match(r"(?:以上|左右)?的([\u4e00-\u9fff“”]{2,})", re.split(r"\d", after)[0])
    rate = cue_regex("(?:预期|计划)?(?:{growth_rate_nouns})").match(found.group(1)) if found else None
    if rate:
        return rate.group(0)  # 5.5%左右的预期增长目标与…衔接: the rate the figure is, whatever the clause says of it
    if not found or says("growth", found.group(1)[:2]) or says("share", found.group(1)[:2]):
        return ""
    return re.sub(r"[“”]", "", found.group(1))


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
    text = re.sub(r"\s", "", clause)
    # "家电、汽车、数码产品等以旧换新", "原油等大宗商品进口": the examples before 等 name no indicator
    examples = list(EXAMPLES.finditer(text))  # read before the quote marks go
    if examples and len(re.sub(r"[“”\"《》]", "", text[examples[-1].end():])) >= 2:
        text = text[examples[-1].end():]
    text = re.sub(r"[“”\"《》]", "", text)
    text = re.sub(r"^[一二三四五六七八九十]是", "", text)  # "三是将18项收费…": an item's number
    text = re.sub(r"^\d{1,2}[.．、](?=[\u4e00-\u9fff])", "", text)  # "10.发放…补贴": a numbered item's number
    text = _fronted_object(text)
    text = re.sub(r"\d+(?:\.\d+)?\s*[-－—–~～]$", "", text)  # "培育2-3个智能工厂": a range's bottom, no words
    text = re.sub(r"(?<=[\u4e00-\u9fff]{2})已经?(?=[\u4e00-\u9fff]{2})", "", text)  # 重灾区已完成投资: when, not what
    # 省级财政累计投入, 救助各类受灾群众: a total's word says the status, a word of kinds how many kinds; neither is what
    # (各项 stays: 各项贷款 is the statistics' name of all loans)
    text = cue_regex("(?<=[\u4e00-\u9fff]{2})(?:{inner_fillers})(?=[\u4e00-\u9fff]{2})").sub("", text)
    # "、较“十三五”增长16.3%": a comparison's base opening the clause names no indicator
    text = cue_regex(rf"^(?:比|较|相比)(?:{YEAR_DIGITS}年|十[一二三四五六七八九]五|上年|去年|{{earlier_span}})"
                     r"(?:预算|末|底|时期)?").sub("", text)
    # "从2002年1288亿元增加到2007年的3664亿元": the years and 从/到 frame the figures, they name nothing
    text = re.sub(rf"^(?:力争)?[从到至]?(?:{YEAR_DIGITS}年(?:末|底|初)?(?:[上下]半年|前?[一二三四]季度)?|[上下]半年)的?", "",
                  text)
    text = re.sub(r"^到?十[一二三四五六七八九]五(?:时期|期间|末)?", "", text)  # "“十三五”时期经济年均增长6.5%"
    text = re.sub(rf"(?:增加|提高|增长|扩大|缩小|下降|降低|减少|上升|提升|跃升|拓展|扩展|扩充|延伸|延长|缩短|压缩|调整|放宽|增|降|升)?[到至](?:{YEAR_DIGITS}年(?:末|底)?|去年(?:底|末)?|上年(?:底|末)?|现在|目前|当前|全国|全省|全市|全区|全县)?的?(?:[人户]均(?:每[年月])?)?$",
                  "", text)
    text = re.sub(SPAN_FROM.pattern, "", text)  # "资本充足率从2007年底的": the start of the span names nothing
    text = cue_regex("(?:{span_to_as})$").sub("", text)  # 整合为123个: the verb names nothing
    # "一般公共预算收入是“十二五”末的": the reference point is not the indicator
    text = re.sub(rf"(?:是|为|相当于)(?:十[一二三四五]五|{YEAR_DIGITS}年)[末初]?的$", "", text)
    leads, tails = _longest_first("lead_fillers"), _longest_first("tail_verbs")
    changed = True
    while changed and text:
        changed = False
        for word in leads:
            if text.startswith(word) and len(text) > len(word):
                text, changed = text[len(word):], True
                break
        # "今年要淘汰钢铁", "也要再减少农村贫困人口": a modal before the verb says it is planned, not what is measured;
        # "连续7年提高…": how long it has been done, not what
        modal = cue_regex("(?:{clause_leads})(?=[\u4e00-\u9fff]{2})").match(text)
        if modal:
            text, changed = text[modal.end():], True
        for word in tails:
            if text.endswith(word) and not any(text.endswith(n) and n.endswith(word) for n in cues()["tail_nouns"]):
                text, changed = text[: -len(word)], True
                break
        if text.endswith("的"):
            text, changed = text[:-1], True
        if text.startswith("的") and len(text) > 3:  # "今年的经济增长目标": 的 left once 今年 is gone names nothing
            text, changed = text[1:], True
        tail = re.search(f"(?:{cue_pattern('indicator_tails').pattern})$", text)
        if tail and tail.start() >= 2:
            text, changed = text[:tail.start()], True
        # "投资总额始终保持在", "存贷款余额分别达", "民生支出占比持续保持在": an adverb left before the verb says how, not what
        adverb = cue_regex("(?:{manner_adverbs}|{trailing_adverbs})$").search(text)
        if adverb and adverb.start() >= 2:
            text, changed = text[:adverb.start()], True
    if cue_regex("(?:{manner_adverbs}|{verb_adverbs})+").fullmatch(text):
        return ""  # "…增加近1000亿元，稳步达到3000亿元": an adverb names nothing; the figure is the last one's
    if re.fullmatch(rf"[\d一二三四五六七八九十两]+大?(?:类|种|批|{base_alternation('count')})", text):
        return ""  # "10大类60项民生实事": a count of kinds names nothing; the noun after the figure does
    return text if len(text) >= 2 and re.search(r"[\u4e00-\u9fffA-Za-z]", text) else ""


def _fronted_object(text: str) -> str:
    """"今年要把新农合补助标准提高到" -> "新农合补助标准提高到": in a 把/将 construction whose verb sets a level (…提高到,
    …控制在, …调整为) the object after the preposition is what the figure measures; the subject, the time and the modal
    before it name nothing measured. (Not the 将 of "will": 全市将达到, 将有.)"""
    found = None
    for found in cue_pattern("object_fronting").finditer(text):
        pass
    if not found or not re.search(r"[到至在为]$", text):
        return text
    rest = text[found.end():]
    return rest if len(rest) >= 4 and not cue_regex("^(?:{tail_verbs}|{growth})").match(rest) else text


def _measure(unit: str, clause: str, indicator: str) -> tuple[str, int]:
    """(measure, sign): growth and change figures after 下降/减少 are negative."""
    group = _group(unit) or "count"
    tail = clause[-6:]
    if re.search(r"[到至](?:全国|全省|全市|全区|全县)?$", tail):
        tail = ""  # 提高到40%, 扩大到全国86%: a level reached, not a rate of change
    grows = any(w in tail for w in cues()["growth"])
    sign = -1 if any(w in tail for w in cues()["falls"]) else 1
    if unit == "倍":
        return "multiple", 1
    if group == "points":
        return "change", sign
    if group == "percent":
        if cue_regex("(?:{growth_rate_nouns})$").search(indicator):
            # 主导产业增加值增速达到10%, 提价幅度超过20%: a growth rate reached (a fall's, 降幅, is negative)
            return "growth", -1 if cue_regex("(?:{falling_rate_nouns})$").search(indicator) else sign
        # (对经济增长贡献超五成: a share of the growth, the word of growth a noun before the verb 贡献/占)
        shares_after_growth = re.search(f"(?:{cue_pattern('growth').pattern})[^，,]*(?:{cue_pattern('share_of_whole').pattern})",
                                        tail)
        if grows and not shares_after_growth and not any(w in indicator for w in ("率", "比重", "占比")):
            return "growth", sign
        return "share", 1
    bare = re.sub(r"(?:约|近|超过|超|逾)$", "", tail)  # 减量约50平方公里: the hedge is not the verb
    than_before = re.search(rf"(?:{cue_pattern('than_before').pattern})$", clause[-10:])
    if than_before:  # 就业目标比去年多100万人: by how much it differs, not what it is
        return "change", -1 if re.search(r"少|减少", than_before.group(0)) else 1
    if grows and any(bare.endswith(w) or bare.endswith(w + "了") for w in cues()["growth"]):
        return "change", sign
    if group == "count" and cue_regex("(?:{lead_change})?(?:{falls})").match(clause.strip()):
        return "change", -1  # 今年再减少农村贫困人口1000万: the fall is the verb of the clause
    # 压减地下水开采量21.5亿立方米, 减少企业税负3500亿元: the amount cut is what the clause states (as 淘汰…产能)
    if unit in multipliers() and says("money_nouns", indicator):
        return "amount", 1  # 海外销售超过10亿: a bare 亿 of sales is money
    return ("amount" if group in ("money", "physical") else "count"), 1


def _multi_year_scope(before: str, paragraph: Paragraph, doc: DocContext, rate: bool = False) -> str:
    """"sentence" when the sentence before the figure speaks of several years (五年来，…; 累计…) and names no
    single year after that; "paragraph" when its paragraph or section does and the sentence names no year;
    "" otherwise ("“十三五”期间,…；2020年,实际利用外资…" is 2020's). `rate`: the figure is a rate, which a running
    total (累计…) before the clause it ends reaches no more (累计推出119个事项，平均压减时间58%); nor does it reach
    a figure of a text about one year (累计争取中央转移支付超5300亿元，…资金2118亿元: this year's, as its section)."""
    own_clause_only = rate or _about_one_year(before, paragraph, doc)
    cue = [m.start() for m in cue_pattern("cumulative").finditer(before) if not (
        own_clause_only and cue_pattern("clause_totals").fullmatch(m.group(0)) and re.search(r"[，,；;：:]", before[m.end():]))]
    year = [m.start() for m in YEAR.finditer(before)] + [m.start() for m in cue_pattern("this_year").finditer(before)]
    if cue:
        return "sentence" if not year or max(cue) > max(year) else ""
    # a paragraph dated to one year ("刚刚过去的2025年，…" under "一、“十四五”时期经济社会发展回顾") is that year's
    # so is a section reviewing several years by name ("一、过去五年工作回顾"): a plan of no name
    return "paragraph" if not year and not paragraph.year and (
        paragraph.plan or _heading_plan_past(doc) or _heading_five_years(doc)) else ""


def _about_one_year(before: str, paragraph: Paragraph, doc: DocContext) -> bool:
    """Nothing around the text speaks of several years: neither its paragraph (这五年，…), nor the part of its section
    (五年来，…), nor its sentence (五年, a plan's name), nor its section's heading (一、过去五年工作回顾, “十三五”成就), unless
    the text is in the year's part of a section reviewing a plan and its last year."""
    if paragraph.plan or doc.plan_part or says("five_years", before) or PLAN.search(before):
        return False
    return _in_year_part(doc, paragraph) or not (PLAN.search(doc.heading) or says("five_years", doc.heading))


def _heading_five_years(doc: DocContext) -> bool:
    """The section reviews the years up to the year reviewed (一、过去五年工作回顾), naming no single year."""
    return says("five_years", doc.heading) and not YEAR.search(doc.heading) and says("review_heading", doc.heading)


def _status(before: str, clause: str, after: str, indicator: str, doc: DocContext, paragraph: Paragraph,
            measure: str = "", done: bool = False) -> str:
    """actual, target, cumulative or average.

    Target when the words before the figure or its own clause's tail (增长7%左右) say so, or the paragraph
    lists targets, unless its own clause says it was achieved or looks back (去年, 从…到); average (年均)
    from its own clause; cumulative for totals over several years: 累计, or a flow (新增, 完成投资) in a
    paragraph about a plan period. A level stated in such a paragraph (人均生产总值超6万元) is the
    plan's end-year value: actual. `done`: the caller read the figure as a flow or as things acted on (by
    its clause's verb, the verb of the list it is an item of, or a counted noun with its verb after it).
    """
    looks_back = says("looks_back", clause)
    # a paragraph looking back at a plan already over ("“十四五”时期，…这五年，…" in a 2026 report) is a review
    # too, even under a heading that plans ("关于…第十五个五年规划纲要（草案）》的说明")
    reviewing = says("review_heading", doc.heading) or _reviews_past_plan(paragraph, doc)
    hedged = says("target_hedge", clause + after) and not reviewing  # 左右 in a review is "about"
    # under a review heading (一、2025年工作和“十四五”发展回顾) the figures are results, whatever the sentence
    # calls a programme (扩容计划) or an estimate (预计); only a list of targets in it is targets
    if not looks_back and (((says("target", before + clause + after) or hedged) and not reviewing)
                           or paragraph.targets) and not says("actual", clause):
        return "target"
    if doc.plan_period and not looks_back and _in_plan(before, doc) and _heading_in_plan(doc):
        return "target"  # a five-year plan's figures for its own period are what it sets out to do
    if says("average", clause):
        # "地区生产总值年均增长5%—5.5%" under "二、“十五五”时期主要目标和重大任务": a yearly average set as a goal
        # (not under "一、砥砺奋进，全面完成年度目标任务": the heading must name the plan the goal is of)
        return "target" if not looks_back and not reviewing and _target_section(before, doc) and _heading_plan_ahead(
            doc) else "average"
    if says("cumulative", clause) or (measure == "amount" and says("to_date", clause)):
        return "cumulative"  # 累计完成投资713亿元, 五年吸收外资140亿美元, 已完成投资6545亿元 (so far)
    # after "五年来，" or "累计…，" in its sentence a figure is a total or change over those years, but a
    # share (占比达到45%) is a level, the end year's; in a paragraph or section about a plan period only
    # flows and changes are totals over it (新增就业5771万人, 占比提高2.5个百分点)
    scope = _multi_year_scope(_without_spans(before[:len(before) - len(clause)]), paragraph, doc,
                              rate=measure in ("growth", "share"))
    if YEAR.search(YEAR_BASE.sub("", clause)) or cue_pattern("year_on_year").search(clause) or (
            _last_named_year(YEAR_BASE.sub("", clause), doc)):
        scope = ""  # "2010年比上年减少6.4%", "当年新增…": one year's figure, whatever the paragraph reviews
    if measure == "multiple" and says("growth", clause[-4:]) and not cue_pattern("year_on_year").search(clause) and (
            not _closes_span(clause)) and (  # (收入比缩小至2.21∶1: a level reached)
            paragraph.plan or _heading_plan_past(doc) or _heading_five_years(doc)):
        return "cumulative"  # "2007年，…财政收入达到5.13万亿元，增长1.71倍" reviewing five years: grown over them
    # 新能源汽车年产量增至82万辆: a level reached, not a total
    if scope == "sentence" and measure in ("amount", "count") and not done and not says("cumulative", clause) and \
            cue_regex("(?:{level_verbs})了?(?:近|约)?$").search(re.sub(r"\s", "", clause)):
        scope = ""  # "地区生产总值五年跨过3个万亿级关口、突破10万亿元": a level the years reached, no total over them
    if (scope == "sentence" and measure != "share" and not _closes_span(clause)) or (
            scope == "paragraph" and (done or measure in ("change", "growth") or (
                measure == "multiple" and says("growth", clause[-4:]) and not _closes_span(clause)))):  # 5G基站增长4.3倍: over the plan
        return "cumulative"
    if not looks_back and not reviewing and _names_issue_year(before, clause, doc):
        return "target"  # "今年企业退休人员基本养老金继续提高10%" in a report issued this year: a plan
    if not looks_back and not reviewing and _ahead(before, doc, paragraph):
        return "target"
    if not looks_back and not reviewing and _target_section(before, doc):
        return "target"
    return "actual"


def _heading_plan_ahead(doc: DocContext) -> bool:
    """The section's heading names a plan period not over when the report was issued (“十五五”时期主要目标)."""
    spans = [_span_of(p) for p in PLAN.findall(doc.heading)]
    return bool(doc.year_issued) and any(span and span[1] >= doc.year_issued for span in spans)


def _target_section(before: str, doc: DocContext) -> bool:
    """The section sets out what is to be done (目标, 任务, 安排…), for the issue year or later if it names a year, and
    the sentence names no earlier year before the figure."""
    heading_years = [int(y) for y in YEAR.findall(doc.heading)]
    if not TARGET_HEADING.search(doc.heading) or not doc.year_issued:
        return False
    if heading_years and max(heading_years) < doc.year_issued:
        return False
    return not _names_earlier_year(before, doc)


def _ahead(before: str, doc: DocContext, paragraph: Paragraph | None = None) -> bool:
    """A section of the year ahead, and the sentence names no earlier year (去年, 2014年) before the figure, nor
    does its paragraph ("过去一年，我们的各项工作取得了很大成绩。国内生产总值增长10.3%…" under "三、2011年的工作")."""
    if not doc.ahead or not doc.year_issued or not doc.year_reviewed or doc.year_reviewed >= doc.year_issued:
        return False
    if paragraph and re.match(r"\d{4}", paragraph.year) and int(paragraph.year[:4]) < doc.year_issued:
        return False
    if cue_pattern("already").search(before):
        return False  # "国家已设立400亿元…基金", "目前…已经超过2万亿元": what is there already
    return not _names_earlier_year(before, doc)


def _names_earlier_year(before: str, doc: DocContext) -> bool:
    """The last year the sentence names before the figure is before the report's issue year ("2011年，新农合参保
    人数达到8.32亿" in a 2012 report's plans): the figure is achieved, whatever the section plans."""
    named = _last_named_year(YEAR_BASE.sub("", _without_spans(before)), doc)
    return bool(named and doc.year_issued and int(named[1][:4]) < doc.year_issued)


def _names_issue_year(before: str, clause: str, doc: DocContext) -> bool:
    """The figure's sentence dates it to the year the report was issued in (今年, 2026年 in a 2026 report) and
    names no year after that; the report reviews an earlier year, so the figure is for the year ahead."""
    if not doc.year_issued or not doc.year_reviewed or doc.year_reviewed >= doc.year_issued:
        return False
    text = YEAR_BASE.sub("", _without_spans(before))
    named = _last_named_year(text, doc)
    said = [m.start() for m in cue_pattern("issue_year").finditer(text)] + [
        m.start() for m in YEAR.finditer(text) if m.group(1) == str(doc.year_issued)]
    return bool(named and said) and max(said) >= named[0] and not cue_pattern("year_to_date").search(before)


def _reviews_past_plan(paragraph: Paragraph, doc: DocContext) -> bool:
    """The paragraph is about a plan period that ended before the document was issued."""
    span = _span_of(paragraph.plan)
    return bool(span and doc.year_issued and span[1] < doc.year_issued)


def _heading_plan_past(doc: DocContext) -> bool:
    """The section is about an earlier plan period (第一节 “十三五”成就突出)."""
    named = [plan_periods().get(p) for p in PLAN.findall(doc.heading)]
    if YEAR.search(doc.heading):
        return False  # "“十三五”时期及2020年工作回顾": the year's figures come first
    return bool(named) and named[-1] is not None and doc.year_issued is not None and named[-1][1] < doc.year_issued


def _heading_in_plan(doc: DocContext) -> bool:
    """False under a heading about an earlier plan ("第一节 “十三五”成就突出" in a 十四五 plan)."""
    named = [plan_periods().get(p) for p in PLAN.findall(doc.heading)]
    return not named or named[-1] == doc.plan_period


def _in_plan(before: str, doc: DocContext) -> bool:
    """A figure in a plan about the plan's own years (not a look back at the plan before)."""
    first, last = doc.plan_period
    years = [int(y) for y in YEAR.findall(before)]
    plans = [plan_periods().get(p) for p in PLAN.findall(before)]
    if years:
        return first <= years[-1] <= last
    if plans and plans[-1]:
        return plans[-1] == (first, last)
    return not says("cumulative", before)


def _period(before: str, clause: str, status: str, doc: DocContext, paragraph: Paragraph) -> str:
    """The year or plan period the figure belongs to: named in its own clause, else before it in its
    sentence, else by its paragraph or section, else the document's (reviewed year for achieved values,
    issue year for targets)."""
    own = _named_year(YEAR_BASE.sub("", clause), doc)
    if own:
        return _sub_year(own, before)
    before = YEAR_BASE.sub("", PLAN_BASE.sub("", _without_spans(before)))
    named = _last_named_year(before, doc)
    if named and status in ("actual", "cumulative") and doc.year_issued and int(named[1][:4]) > doc.year_issued:
        named = None  # "部署启动面向2030年的…项目，新设6个…": a future year dates no achieved figure
    year = named[1] if named else ""
    plans = PLAN.findall(before)
    if status == "target" and doc.year_issued:
        # "加快建设“十四五”批复的6个基地" in a plan for 2026: a plan already over is no target's period
        plans = [p for p in plans if not _span_of(p) or _span_of(p)[1] >= doc.year_issued]
    if plans and (not named or before.rfind(plans[-1]) > named[0]):
        if re.match(r"[”\"]?末", before[before.rfind(plans[-1]) + len(plans[-1]):]) and _span_of(plans[-1]):
            return str(_span_of(plans[-1])[1])  # 到“十四五”末: the plan's last year
        return _plan_or_end_year(plans[-1], status)
    if not year and paragraph.plan:
        return _plan_or_end_year(paragraph.plan, status)
    year = year or paragraph.year
    heading_plans, heading_years = PLAN.findall(doc.heading), YEAR.findall(doc.heading)
    if not year and status == "target" and says("years_ahead", before + clause) and _plan_starting(doc.year_issued):
        return _plan_starting(doc.year_issued)  # "今后五年，…年均增长5%" in a plan's first year: the plan's goal
    if not year and status == "target" and str(doc.year_issued) in heading_years:
        year = str(doc.year_issued)  # "三、2026年重点工作 > 今年是“十五五”开局之年": the year's targets
    if not year and heading_plans and status == "target" and says("plan_start", doc.heading) and doc.year_issued:
        year = str(doc.year_issued)  # "三、全力推动“十五五”开好局、起好步": the plan's first year, the issue year
    if not year and heading_plans and status == "target":
        return heading_plans[-1]  # goals under "2035年远景目标及“十四五”时期主要目标" are the plan's
    if not year and status == "cumulative" and _in_year_part(doc, paragraph) and not says("five_years", before + clause):
        # "一、2025年和“十四五”时期工作回顾" before "五年来，…" turns to the plan: a running total (累计争取…5300亿元)
        # in the year's part is dated by that year, as everything else there is
        year = str(doc.year_reviewed)
    if not year and heading_years and (status in ("actual", "target") or (
            status == "cumulative" and not heading_plans and not says("five_years", before + clause))):
        # "一、2025年工作回顾 > …累计推出119个事项": a section of the year reviewed; its totals run up to that year
        year = heading_years[-1]  # the section says which year it is about: "2020年工作回顾"
    if not year and heading_plans:
        return _plan_or_end_year(heading_plans[-1], status)  # or which plan: "“十三五”成就突出"
    if not year and doc.plan_period and status == "target":
        return _plan_of(doc.plan_period[1])  # a plan's goal with no year of its own: the plan's
    if not year and status in ("cumulative", "average") and says("short_span", before + clause) and doc.year_reviewed:
        year = str(doc.year_reviewed)  # 近三年淘汰落后产能…: a total up to the year reviewed, not over the plan
    # an average, or a total its sentence says is over the years (五年来，…累计…), reviewed in a plan's last year is
    # the plan's; a running total alone (累计惠及80个乡镇) in a section of no plan and no year runs up to the year
    # reviewed, as everything else the section says is that year's
    over_years = status == "average" or says("five_years", before + clause)
    if not year and over_years and _plan_of(doc.year_reviewed) and (
            plan_periods()[_plan_of(doc.year_reviewed)][1] == doc.year_reviewed):
        return _plan_of(doc.year_reviewed)  # a total or average over years, reviewed in a plan's last year
    if not year and status in ("cumulative", "average") and says("five_years", doc.heading):
        return _plan_or_end_year(_five_years(doc.year_reviewed), status)  # "一、过去五年工作回顾": the five years
    if not year:
        fallback = doc.year_issued if status == "target" else doc.year_reviewed
        year = str(fallback) if fallback else ""
    return _sub_year(year, before)


def _in_year_part(doc: DocContext, paragraph: Paragraph) -> bool:
    """The text is in the year's part of a section reviewing a plan together with its last year: the heading names
    both (一、2025年和“十四五”时期工作回顾), and neither the chunk's place in the section nor its paragraph's opening
    has turned to the plan (五年来，…; “十四五”时期，…)."""
    plan = _plan_of(doc.year_reviewed)
    if not plan or plan_periods()[plan][1] != doc.year_reviewed or doc.plan_part or paragraph.plan:
        return False
    return plan in PLAN.findall(doc.heading) and str(doc.year_reviewed) in YEAR.findall(doc.heading) and \
        says("review_heading", doc.heading)


def _plan_base(sentence: str, at: int, measure: str = "") -> tuple[str, str] | None:
    """(status, period) of a figure compared with an earlier plan in its clause: "是“十二五”末的1.7倍" in a
    review of 十三五 -> ("actual", "2020"); "是“十二五”的1.3倍" -> ("cumulative", "十三五"). A rate of growth or a
    change against the plan's end ("较“十二五”末提升25%", "较“十三五”末净增1万亿元") is what the next plan added:
    ("cumulative", "十三五"), where a multiple of it is a level's ratio."""
    start = max(sentence.rfind(mark, 0, at) for mark in "，,；;：:") + 1
    found = None
    for found in PLAN_BASE.finditer(sentence, start, at):
        pass
    span = plan_periods().get(found.group(1)) if found else None
    following = next((name for name, (a, b) in plan_periods().items() if span and a == span[1] + 1), "")
    if not following:
        return None
    if found.group(2) == "末" and measure not in ("growth", "change"):
        return "actual", str(plan_periods()[following][1])
    return "cumulative", following


def _base_years_back(clause: str, period: str) -> int:
    """How many years before the figure's year the base its clause compares with is ("比2002年增长65.5%" of
    2007: 5); 0 when the clause names no base year or the figure has no year."""
    bases = [m.group(0) for m in YEAR_BASE.finditer(clause)]
    base = YEAR.search(bases[-1]) if bases else None
    year = re.match(r"\d{4}", period or "")
    return int(year.group(0)) - int(base.group(1)) if base and year else 0


def _without_spans(before: str) -> str:
    """"财政投入从2006年的18亿元增加到2010年的306亿元，共资助…": a span's own years date only its figures."""
    return re.sub(rf"[从由](?:{YEAR_DIGITS}年|去年|上年)[^，,；;]*?[到至](?:{YEAR_DIGITS}年|去年|上年)?", "", before)


def _named_year(text: str, doc: DocContext) -> str:
    """The last year a text names: 2020年, or 今年/去年 read against the document's years."""
    named = _last_named_year(text, doc)
    return named[1] if named else ""


def _last_named_year(text: str, doc: DocContext) -> tuple[int, str] | None:
    """(offset, year) of the last year a text names."""
    found: list[tuple[int, str]] = [(m.start(), m.group(1)) for m in YEAR.finditer(text)]
    for name, year in (("last_year", doc.year_reviewed), ("this_year", doc.year_issued)):
        if year:
            found += [(m.start(), str(year)) for m in cue_pattern(name).finditer(text)]
    return max(found) if found else None


def _sub_year(year: str, before: str) -> str:
    """2021 + "上半年" -> 2021H1; "1月份至6月份" -> 2021H1 too."""
    if not year:
        return year
    whole = list(re.finditer(r"全年", before))
    if whole:
        before = before[whole[-1].end():]  # "去年下半年…，全年进出口总额2.2万亿美元": the whole year's
    if re.search(r"1月(?:份)?[-—–至到]6月", before):
        return year + "H1"
    for pattern, suffix in SUB_YEAR:
        found = pattern.search(before)
        if found:
            return year + (suffix + found.group(1) if suffix == "M1-" else suffix)
    return year


def _plan_or_end_year(plan: str, status: str) -> str:
    """A total or average over a plan period is the plan's; a level stated for it is its last year's. Five
    years that are no named plan ("2008-2012", a review's 过去五年) date every figure by their last year: a
    period is a year or a plan, as questions ask ("2012年…五年累计")."""
    if status in ("cumulative", "average", "target") and plan in plan_periods():
        return plan
    span = _span_of(plan)
    return str(span[1]) if span else plan


def _five_years(last: int | None) -> str:
    """"这五年"/"过去五年" of a report reviewing `last`: the plan period when it ends then, else "2008-2012"."""
    if not last:
        return ""
    plan = next((name for name, (a, b) in plan_periods().items() if b == last), "")
    return plan or f"{last - 4}-{last}"


def _plan_starting(year: int | None) -> str:
    """The plan period that begins in `year` (十五五 for 2026), else ""."""
    return next((name for name, (a, b) in plan_periods().items() if year and a == year), "")


def _span_of(period: str) -> tuple[int, int] | None:
    if period in plan_periods():
        return plan_periods()[period]
    found = re.fullmatch(rf"({YEAR_DIGITS})-({YEAR_DIGITS})", period or "")
    return (int(found.group(1)), int(found.group(2))) if found else None


def _plan_of(year: int | None) -> str:
    if not year:
        return ""
    return next((name for name, (a, b) in plan_periods().items() if a <= year <= b), "")


def _place(text: str, doc: DocContext, find_places: PlaceFinder | None) -> str:
    """The last place the text names, else the document's; not the whole a share is of (占全国9成, 贡献了全国
    24.1%的增量) nor the place it is compared with (高于全省): the figure is still the document's place's."""
    text = re.split(cue_pattern("place_reference").pattern, text)[0]
    if find_places:
        found = find_places(text)
        if found and _named_jointly(text, find_places):
            return doc.region  # 宁波舟山港, 郑州开封一体化: a name two places share is neither's alone
        if found:
            place = found[-1] if isinstance(found[-1], str) else getattr(found[-1], "name", doc.region)
            if doc.region and place != doc.region and place in cues()["national_scopes"]:
                return doc.region  # 全国重点实验室, 第四次全国文物普查 in a province's report: a name's scope
            return place
    return doc.region


def _named_jointly(text: str, find_places: PlaceFinder) -> bool:
    """The last place the text names is written right after another place's name, neither inside the other
    (宁波舟山港: a port of both; not 漯河市郾城区, a district named with its city): one name of two places."""
    book = getattr(find_places, "__self__", None)  # the place book whose finder this is, for where names are
    if book is None or not hasattr(book, "mentions"):
        return False
    spans = book.mentions(text)
    if len(spans) < 2:
        return False
    (_, end, first), (start, _, last) = spans[-2], spans[-1]
    return end == start and first != last and first not in book.ancestors(last) and last not in book.ancestors(first)
