"""What a question asks that an extractive answer must hold beyond the question's words.

Rules of question language the extractive answerer (assistant/answer/extractive.py) applies to its picks:
- "which province/city …" is answered by a place: a clause that never names one gets the place it is about
  (its sentence's own place, else its document's region);
- a place the index holds no document of (nor of a place under it) is answered only from a passage naming it:
  a passage of the place above it about something else is no answer;
- 今年 / this year, asked with no year, is the year of the report asked of: its plans, not the year it
  reviews nor the five-year period it looks back on; 去年 / last year the year it reviews;
- the indicator a figure question names must be in the sentence stating the figure, not only elsewhere in
  the passage (人口自然增长率 asked, 居民人均可支配收入增长34.3% found).
The words live in data/question_words.yaml.
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from assistant.analysis import Analysis, asks_report_delivery, asks_which_place, glossary, question_words
from assistant.data_files import load_data, word_pattern
from assistant.answer.refusal import indicator_words, missing_words, only_added, only_made, stands_in
from assistant.documents import ScoredChunk
from assistant.facts.frame import Frame
from assistant.facts.indicators import named_indicators
from assistant.facts.units import base_alternation, is_unit
from assistant.retrieval import allowed_regions
from assistant.text import YEAR, plan_periods, regex

WORK_REPORT = "government_work_report"
PLAN = "five_year_plan"


def asked_text(analysis: Analysis) -> str:
    """The question as typed and as read (an English question's reading is in the reports' words)."""
    return f"{analysis.original} {analysis.question}" if analysis.original else analysis.question


# -- which place --------------------------------------------------------------------------------------

def place_to_name(span: str, sentence: str, hit: ScoredChunk, analysis: Analysis) -> str:
    """The place a clause answering "which province/city …" must name, when it names none itself: its
    sentence's own place, else its document's region; "" when the clause names one, the question asks no
    place, or the only place at hand is one the question names (the field it picks from, 福建哪个城市)."""
    if analysis.comparison or not asks_which_place(asked_text(analysis)):
        return ""
    book = analysis.book
    asked = set(analysis.places)

    def answering(text: str) -> list[str]:
        return [p for p in book.find_places(text) if book.level_of(p) != "national" and p not in asked]

    if answering(span):
        return ""
    found = answering(sentence)
    if found:
        return found[0]
    region = hit.chunk.metadata.get("region") or ""
    if region and region not in asked and book.level_of(region) != "national":
        return region
    return ""


def place_label(place: str, analysis: Analysis) -> str:
    """山东省, or "山东省 (Shandong)" in an English answer."""
    known = analysis.book.place(place)
    if analysis.language == "en" and known and known.english:
        return f"{place} ({known.english[0].title()})"
    return place


# -- a place the index holds nothing of ---------------------------------------------------------------

def place_not_held(analysis: Analysis, contexts: list[ScoredChunk], cited: list[ScoredChunk]) -> str:
    """The place the question names of which no passage found is (nor of a place under it), when a cited
    passage does not name it either: retrieval fell back to the place above it (兰考县 asked, 开封市's
    news found), and a passage that never names the place asked says nothing of it. "" otherwise."""
    place = place_without_documents(analysis, contexts)
    if not place:
        return ""
    known = analysis.book.place(place)
    names = [n for n in (known.aliases if known else ()) if len(n) >= 2] or [place]
    for hit in cited:
        if not any(name in f"{hit.chunk.title} {hit.chunk.heading} {hit.chunk.text}" for name in names):
            return place
    return ""


def place_without_documents(analysis: Analysis, contexts: list[ScoredChunk]) -> str:
    """The first place the question names (the country aside) that no passage found is of, nor of a place
    under it: the index holds no document of it. "" when there is none."""
    book = analysis.book
    for place in analysis.places:
        if book.level_of(place) == "national":
            continue
        allowed = set(allowed_regions([place], book))
        if contexts and not any(hit.chunk.metadata.get("region") in allowed for hit in contexts):
            return place
        if not contexts and not allowed & book.held:  # nothing found, and nothing of it is held
            return place
    return ""


def not_held_note(place: str, analysis: Analysis, contexts: list[ScoredChunk]) -> str:
    """" 检索到的文件没有兰考县的，只有开封市的。" after the refusal: what the reports found cover."""
    regions = list(dict.fromkeys(r for hit in contexts[:3] if (r := hit.chunk.metadata.get("region"))))
    if analysis.language == "en":
        held = ", ".join(place_label(r, analysis) for r in regions)
        return (f" The reports found are about {held}, not {place_label(place, analysis)}." if held
                else f" The index holds no report on {place_label(place, analysis)}.")
    held = "、".join(regions)
    return f"检索到的文件没有{place}的，只有{held}的。" if held else f"文件中没有{place}的。"


# -- this year ----------------------------------------------------------------------------------------

def asks_this_year(analysis: Analysis) -> bool:
    """今年/本年/this year with no year or plan period named: the year of the report asked of."""
    return _asks(analysis, "this_year")


def asks_last_year(analysis: Analysis) -> bool:
    """去年/上年/last year with no year or plan period named (比上年增长 is a change, not the year asked)."""
    return _asks(analysis, "last_year")


def _asks(analysis: Analysis, kind: str) -> bool:
    return (not analysis.years and not analysis.periods
            and question_words(kind).search(asked_text(analysis)) is not None)


def this_year_frame(frame: Frame, hit: ScoredChunk, analysis: Analysis) -> Frame:
    """A figure question's frame for one passage. Asked "this year" of a work report: the year the report is
    issued in, its plans answering (内蒙古今年煤炭产量要稳定在多少: 稳定在12.5亿吨, not the plan period's
    年均12亿吨); asked "last year": the year it reviews, achieved (not the five years it looks back on, nor
    the year ahead). The frame unchanged for other questions and documents."""
    meta = hit.chunk.metadata
    if plans_period_asked(frame, meta):
        return replace(frame, status="target")
    if meta.get("doc_kind") != WORK_REPORT:
        return frame
    issued, reviewed = meta.get("year_issued"), meta.get("year_reviewed")
    if issued and asks_this_year(analysis):
        return replace(frame, years=[int(issued)], plan_answers=True)
    if reviewed and asks_last_year(analysis):
        return replace(frame, years=[int(reviewed)])
    return frame


def plans_period_asked(frame: Frame, meta: dict) -> bool:
    """A five-year plan asked about its own period, with no status named ("开发区十四五末公交出行分担率是
    多少", "What share … by the end of the 14th Five-Year Plan"): a plan is written before its period has run, so
    its figures for the period are what it sets out to reach; a question naming the period alone is read as asking
    the period's total (facts/frame.py), which the plan cannot hold. The plan's targets answer it from the plan;
    a review of the period (a work report) still answers with what was achieved. A status named (累计, 实际, 目标)
    is kept as asked; 期间 and 时期 only say when (only_when_said). Asked only once no achieved figure answered (frame.plan_answers, extractive._best_picks), so
    a review of the period found with the plan still answers first.
    Example: plans_period_asked(Frame(periods=["十四五"], plan_answers=True), {"doc_kind": "five_year_plan",
    "period": "2021-2025"})
    -> True; with {"doc_kind": "government_work_report"} -> False"""
    if not frame.plan_answers or frame.years or not frame.periods or meta.get("doc_kind") != PLAN:
        return False
    if frame.status_named and not (frame.status == "cumulative" and only_when_said(frame.words)):
        return False
    span = str(meta.get("period") or "")
    return any(f"{first}-{last}" == span for first, last in (plan_periods().get(p, (0, 0)) for p in frame.periods))


def only_when_said(question: str) -> bool:
    """The question reads as asking a period's total only by a word saying when (期间, 时期: data/asking.yaml
    period_time_words), which the frame counts as a cumulative cue (data/fact_cues.yaml question_cumulative), and by
    no word asking a sum (累计, 共, in total): "十四五期间…比重不低于多少" asks what holds over the period, which a plan
    states as its target. Example: only_when_said("十四五期间比重不低于多少") -> True;
    only_when_said("十四五期间累计新建多少个") -> False"""
    from assistant.data_files import word_pattern
    from assistant.facts.extract import cues

    when = word_pattern("asking.yaml", "period_time_words")
    if not when.search(question):
        return False
    rest = when.sub(" ", question).lower()
    return not any(re.search(cue if not cue.isascii() else rf"\b(?:{cue})\b", rest)
                   for cue in cues()["question_cumulative"])


# -- the indicator in the figure's sentence -------------------------------------------------------------

def indicator_unsaid(question: str, analysis: Analysis, sentence: str) -> bool:
    """A figure question whose indicator words none stands in the sentence stating the figure: the figure is
    another indicator's, however well the passage around it matches (人口自然增长率 asked; 财政民生支出…,
    居民人均可支配收入增长34.3% found). A name of the indicator (data/indicators.yaml) counts as its words."""
    if analysis.wants not in ("number", "rate") or analysis.comparison:
        return False
    # a plan period's name (十四五末) says when, not what
    words = [w for w in indicator_words(question, analysis) if not any(w in p for p in analysis.periods)]
    names = [n for n in named_indicators(f"{question} {analysis.expansion} {' '.join(words)}") if len(n) >= 2]
    if not words and not names:
        return False
    # a word saying only that the thing was added (新增) names no thing: a sentence sharing only it (新增公办幼儿园托班
    # for 新增园区) is about another thing
    words = [w for w in words if not only_added(w) and not only_made(w)] or words
    # the event the question names (食博会) says where the figure is of, not what it measures (visitors): a
    # sentence naming only the event states another of its figures (its deals)
    words = outside_event_names(words, asked_text(analysis)) or words
    # whole words (居民 alone, a part of 城镇居民, stands in many a sentence on something else), each there
    # under any name of its indicator or said apart (粮食…总产 for 粮食产量): refusal.missing_words
    whole = [w for w in dict.fromkeys(words) if not any(w != o and w in o for o in words)]
    sentence = without_event_names(sentence, asked_text(analysis))  # 进口 of 进口博览会 measures no imports
    return len(missing_words(words, sentence)) == len(whole) and not any(n.upper() in sentence.upper() for n in names)


def head_unsaid(question: str, analysis: Analysis, span: str, text: str) -> bool:
    """A figure question whose head word (the last word of the thing measured, right before its change or its
    多少: 进口 of 上海进口增长多少, 销量 of 新能源汽车销量增长多少) is not said in the lead of the figure (its sentence
    up to the end of a clause of the picked span holding a numeral: figure_leads), or whose code (PM10, 5G) is not: the
    figure is of another thing sharing the change word and the rest of the name (产量 for 销量, 进出口 for 出口,
    利润增长6% for 营业收入, PM2.5 for PM10). indicator_unsaid refuses only when no word of the indicator stands
    in the sentence; one shared word (下降, 汽车, 入境游客) let these through.
    Probes of our own (46 over the 2026 provinces: 26 near misses, 20 answerable twins): 17 near misses answered with
    a figure before, 7 after; no twin refused; no dev set's answer or refusal accuracy moved.
    Example: "浙江省新能源汽车销量增长了多少？" with "新能源汽车、集成电路产量分别增长49.8%、11.9%" -> True"""
    if analysis.wants not in ("number", "rate") or analysis.comparison:
        return False
    leads = figure_leads(span, text)
    # a question asking how much a thing changed is answered by a clause saying a change: a clause stating a
    # level or a share (船舶海工出口规模占全国1/3, 191家企业营业收入超百亿元) is not the figure asked, whatever it names
    # only a question asking how much a thing changed: a level asked (粮食产量是多少, 比重目标) is often stated with its
    # thing in the clause before (全国粮食连续四年增产，2007年产量达到…) or under another name (比重 as 比例)
    change = word_pattern("asking.yaml", "change_words")
    if not asks_change(analysis.question):
        return False
    # it is answered by a clause saying a change: a clause stating a level or a share (船舶海工出口规模占全国1/3,
    # 191家企业营业收入超百亿元) is not the figure asked, whatever it names
    leads = [lead for lead in leads if change.search(re.split(r"[，,；;]", lead)[-1])] or leads
    if not leads:
        return False
    # the span may run over several figures (7.9%，新能源汽车…产量分别增长49.8%): one lead saying what was asked is enough
    said = [lead for lead in leads
            if not any(code_unsaid(code, lead, renderings_of(code, analysis)) for code in codes(asked_text(analysis)))]
    if not said:
        return True
    head = head_word(question, analysis)
    if analysis.language == "en" and not english_head(head, analysis):
        return False
    # a code said names the thing (PM2.5、PM10分别下降31.3%、37.9%: no 浓度 needed)
    if not head or codes(asked_text(analysis)):
        return False
    # the last word of the head is the thing measured (销量 of 汽车销量, 总额 of 进出口总额); the words before it may
    # stand in the clause before (粮食…产量)
    # an English question's head is the reading's word: any rendering of its term said counts (钢铁产能 for "steel
    # capacity" read 能力)
    # (a rendering that is a unit, 套 of "apartments", says nothing: it counts whatever the clause counts)
    others = [r for group in analysis.renderings if any(head in r for r in group) for r in group if not is_unit(r)]
    # so is any other name of a catalogued indicator whose name the head ends (data/indicators.yaml): 技术合同交易额
    # says 技术合同成交额's head
    others += [n for group in load_data("indicators.yaml")
               if any(n.endswith(head) and n in f"{question} {analysis.question}" for n in group) for n in group]
    return all(not any(stands_in(w, without_event_names(lead, asked_text(analysis))) for w in [head, *others])
               for lead in said)


def asks_change(question: str) -> bool:
    """The question asks how much a thing changed: a change word (data/asking.yaml change_words) not followed by
    到/至, which make it ask the level reached (试点要扩大到多少比例的县, 提高到多少元: as facts/extract.py reads
    提高到40% as a level, not a rate of change).
    Example: asks_change("上海进口增长多少？") -> True; asks_change("试点要扩大到多少比例的县？") -> False"""
    change = word_pattern("asking.yaml", "change_words")
    return any(not question[found.end():].startswith(("到", "至")) for found in change.finditer(question))


def other_measure(question: str, analysis: Analysis, span: str, text: str) -> bool:
    """A figure question whose head word (产量) no lead of the picked figures says, every lead saying instead a measure
    of the same thing that is another quantity (产能, capacity, for 产量, output: data/asking.yaml other_measures): a
    near miss, not the figure asked ("煤炭产量目标" with "6处煤矿、产能1400万吨/年建成试运转"). head_unsaid refuses
    such a lead for a change asked only; a level asked is refused here for the measures the data names alone."""
    if analysis.wants not in ("number", "rate") or analysis.comparison:
        return False
    head = head_word(question, analysis)
    others = load_data("asking.yaml")["other_measures"].get(head, []) if head else []
    leads = figure_leads(span, text)
    return bool(others) and bool(leads) and all(
        not stands_in(head, lead) and any(stands_in(other, lead) for other in others) for lead in leads)


def english_head(head: str, analysis: Analysis) -> bool:
    """An English question's head is the reading's word, often not the reports' (visits read 考察): it is held to only
    when it renders a term of the glossary and the question names that one term (a question naming several, "targets
    for growth, unemployment, inflation", is answered clause by clause). Held to on every English question, the rule
    refused 4 answerable dev questions more."""
    from assistant.analysis import english_terms

    return (bool(head) and any(head in r for group in analysis.renderings for r in group)
            and len(english_terms((analysis.original or analysis.question).lower())) == 1)


CODE = re.compile(r"(?<![A-Za-z0-9.])[A-Za-z]{1,4}\d+(?:\.\d+)?(?![A-Za-z0-9])")


def codes(question: str) -> list[str]:
    """The codes a question names, letters then digits (PM10, PM2.5, C919): each names one thing, and another code
    (PM2.5 for PM10) is another thing. (Digits then letters were tried: 14th, 2nd are ordinals.)"""
    return CODE.findall(question)


# a digit and a capital letter or two name a thing too (5G基站, 5A级景区, 4K); lower case is an ordinal (14th, 2nd)
DIGIT_CODE = re.compile(r"(?<![A-Za-z0-9.])\d[A-Z]{1,2}(?![A-Za-z0-9])")


def code_unsaid_in(analysis: Analysis, sentences: list[str]) -> bool:
    """A figure question naming a code (PM10, 5G, C919) answered by sentences none of which says it, as written or
    under a Chinese name of it: the figure is of another thing (新建2个城市停车场 for 新建多少个5G基站)."""
    if analysis.wants not in ("number", "rate") or analysis.comparison or not sentences:
        return False
    asked = asked_text(analysis)
    found = list(dict.fromkeys([*codes(asked), *DIGIT_CODE.findall(asked)]))
    return any(all(code_unsaid(code, s, renderings_of(code, analysis)) for s in sentences) for code in found)


def code_unsaid(code: str, lead: str, renderings: list[str] = ()) -> bool:
    """The code stands in the lead neither as written nor under a Chinese name of its indicator (细颗粒物 for PM2.5),
    nor under a Chinese rendering the glossary gives the code itself (二氧化碳 for CO2: `renderings`)."""
    if code.upper() in lead.upper():
        return False
    names = [n for n in [*named_indicators(code), *renderings] if len(n) >= 2 and not CODE.search(n)]
    return not any(n in lead for n in names)


def renderings_of(code: str, analysis: Analysis) -> list[str]:
    """The Chinese renderings of the glossary term that is the code alone (co2: 二氧化碳), whether the question's reading
    kept the code or not; a term naming more than the code (PM2.5 concentration) names another thing than the code does."""
    # the glossary's own entry for the code (co2: 二氧化碳) names it even when its renderings leave the code out
    own = str(glossary().get(code.lower(), "")).split()
    read = [r for group in analysis.renderings if any(r.upper() == code.upper() for r in group) for r in group]
    return list(dict.fromkeys([*read, *own]))


def head_word(question: str, analysis: Analysis) -> str:
    """The question's head word: the last piece (a noun of jieba's dictionary, two characters or more) of the last
    of its indicator words, a word of change (增长, 下降: data/asking.yaml change_words) or a plan period's name left
    out: 销量 of 新能源汽车销量, 进口 of 服务贸易进口; "" when none (a cut of the tokenizer, 率定 of 赤字率定在, is none)."""
    import jieba
    import jieba.posseg
    from assistant.index.lexical import tokenize

    change = word_pattern("asking.yaml", "change_words")
    qualifiers = set(load_data("asking.yaml")["change_qualifiers"])
    words = [w for w in indicator_words(question, analysis) if not any(w in p for p in analysis.periods)]
    whole = [w for w in dict.fromkeys(words) if not any(w != o and w in o for o in words) and not change.search(w)
             and w not in qualifiers]
    placed = [(question.rfind(w), w) for w in whole if question.rfind(w) >= 0]
    if not placed:
        return ""
    last = max(placed)[1]
    jieba.dt.check_initialized()
    # a word of the dictionary, noun or verb (收入, 产能 are tagged verbs), but no verb with its result (降到, 定在)
    ends = [t for t in dict.fromkeys([*jieba.cut_for_search(last), last]) if len(t) >= 2 and last.endswith(t)
            and str(jieba.posseg.dt.word_tag_tab.get(t, "")).startswith(("n", "v")) and t[-1] not in "到至为在了成"]
    return min(ends, key=len) if ends else ""


def figure_leads(span: str, text: str) -> list[str]:
    """For each clause of `span` holding a numeral, what that figure is said of: the clause itself, with the
    clauses before it when it names nothing of its own ("地区生产总值达5.2万亿元，增长5.4%": 增长5.4% is of 地区生产总值).
    A clause naming its own thing does not borrow the words of the clauses before it (船舶海工出口规模占全国1/3，
    跨境电商平台进出口增长27.4% says no growth of exports; 利润增长6%，191家工业企业营业收入超百亿元 no 营业收入 growth)."""
    sentence = sentence_of(span, text)
    at = sentence.find(span)
    if at < 0:
        return []
    bounds = [m.span() for m in re.finditer(r"[^，,；;。！？]+", sentence)]
    for numeral in (r"\d", r"[一二三四五六七八九十百千万亿两]"):
        leads = []
        for i, (start, end) in enumerate(bounds):
            if end <= at or start >= at + len(span) or not re.search(numeral, sentence[start:end]):
                continue
            first = i
            while first > 0 and names_nothing(sentence[bounds[first][0]:bounds[first][1]]):
                first -= 1
            leads.append(sentence[bounds[first][0]:end])
        if leads:
            return leads
    return []


def said_after_figures(question: str, analysis: Analysis, span: str, text: str) -> bool:
    """A figure question whose thing the span says only in a clause after its figures, a clause stating no amount of
    it ("电力总装机规模3.1亿千瓦，新能源装机1.7亿千瓦，电力外送量连续21年居全国首位" for how much electricity was sent
    out): a clause after a figure is never what that figure is said of (figure_leads), so the figures are of the
    other things their own clauses name. A word of the question said before the figure, or in its clause, counts.
    Each word of a Chinese question is one group; an English question's glossary terms are each a group of their
    renderings (any one says it)."""
    from assistant.answer.refusal import DURATION, answers_measure

    if analysis.wants not in ("number", "rate") or analysis.comparison:
        return False
    if RANKED.search(analysis.question) or word_pattern("parts.yaml", "rank").search(asked_text(analysis)) \
            or stated_ranks(analysis.question, verbs_only=False):
        return False  # a rank asked too ("and what was its world rank"): the clause stating it answers that part
    sentence = sentence_of(span, text)
    at = sentence.find(span)
    if at < 0:
        return False
    # the clauses of the span stating an amount asked: a rank (居全国首位) or a run of years (连续21年) states none
    bounds = [m.span() for m in re.finditer(r"[^，,；;。！？]+", sentence)]
    stating = [end for start, end in bounds if start < at + len(span) and end > at
               and answers_measure(sentence[start:end], analysis)
               and not RANKED.search(sentence[start:end]) and not DURATION.search(sentence[start:end])]
    if not stating:
        return False
    lead = sentence[:max(stating)]
    # only a clause after them stating a rank or a run of years says the thing instead of its amount; any other
    # clause after a figure may say what it is for (安排…1053.8亿元，支持经济高质量发展) or another thing's figure
    tail = " ".join(sentence[start:end] for start, end in bounds if start >= max(stating) and start < at + len(span)
                    and (RANKED.search(sentence[start:end]) or DURATION.search(sentence[start:end])))
    if analysis.language == "en":
        groups = [[r for r in group if not is_unit(r)] for group in analysis.renderings]
    else:
        groups = [[w] for w in indicator_words(question, analysis)]
    groups = [g for g in groups if g]
    return any(any(stands_in(w, tail) for w in g) and not any(stands_in(w, lead) for w in g) for g in groups)


# a clause stating a rank or a first place, no amount (居全国首位, 排名第3位, 持续领跑)
RANKED = re.compile(rf"第\s*\d+|第[一二三四五六七八九十]+(?!{load_data('question_words.yaml')['rank_not_before']})"
                    r"|首位|榜首|前列|前茅|领跑|领先")


def names_nothing(clause: str) -> bool:
    """A clause that names no thing of its own before its figure or its change: 增长5.4%, 比上年增长3%, 同比下降2%,
    分别达到…, 居全国第一 (data/asking.yaml subjectless): its figure is of the thing the clause before it names."""
    rest = re.sub("|".join(load_data("asking.yaml")["subjectless"]), "", clause.strip())
    change = word_pattern("asking.yaml", "change_words")
    before = re.split(change.pattern, rest, maxsplit=1, flags=re.I)[0]
    before = re.sub(r"[\d.]+[万亿千百]*(?:" + base_alternation() + r")?", "", before)  # 1837家: a figure
    return len(re.findall(r"[\u4e00-\u9fff]", before)) < 2


def without_event_names(sentence: str, question: str) -> str:
    """The sentence with the names of events blanked (第八届中国国际进口博览会, 数字经济峰会: a run of at most
    ten characters ending with a noun of data/asking.yaml event_name_ends): a word inside a name is part of
    the event's name, and a figure of the sentence (the fair's deals, 意向成交金额834.9亿美元) measures no
    imports for the 进口 of its name. A question naming such an event itself (进博会, 博览会成交额) keeps them."""
    from assistant.data_files import load_data

    ends = load_data("asking.yaml")["event_name_ends"]
    if any(end in question for end in ends) or re.search(r"\b(?:fairs?|expos?|forums?|summits?)\b", question, re.I):
        return sentence
    name = re.compile(rf"(?:第[一二三四五六七八九十\d]+届)?[\u4e00-\u9fff]{{0,10}}?(?:{'|'.join(ends)})")
    return name.sub(lambda m: " " * len(m.group(0)), sentence)


def only_event_said(question: str, analysis: Analysis, sentence: str) -> bool:
    """A figure question naming an event (食博会) whose sentence shares none of the question's other indicator words
    (游客 of "How many visitors attended the 18th Food Expo"): it is near the question for the event's name alone,
    and its figures are the event's others (deals, countries taking part). Holds for an answer picked by meaning too
    (semantic.Nearness): the event's name is what made it near."""
    from assistant.answer.refusal import indicator_words, missing_words

    if analysis.wants not in ("number", "rate") or analysis.comparison:
        return False
    words = indicator_words(question, analysis)
    others = outside_event_names(words, asked_text(analysis))
    if not others or others == words:
        return False  # no event named, or nothing asked of it but its name
    return len(missing_words(others, sentence)) == len(dict.fromkeys(others))


def outside_event_names(words: list[str], question: str) -> list[str]:
    """The words not inside the name of an event the question names (data/asking.yaml event_name_ends):
    ["游客", "博会"] of "第十八届食博会游客多少" -> ["游客"]."""
    from assistant.data_files import load_data

    ends = load_data("asking.yaml")["event_name_ends"]
    name = re.compile(rf"(?:第[一二三四五六七八九十\d]+届)?[\u4e00-\u9fff]{{0,10}}?(?:{'|'.join(ends)})")
    names = [m.group(0) for m in name.finditer(question)]
    return [w for w in words if not any(w in n for n in names)]


def paragraph_of(span: str, text: str) -> str:
    """The line of `text` holding `span` (a report's paragraph); the whole text when the span is not found in it."""
    at = text.find(span)
    if at < 0:
        return text
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at + len(span))
    return text[start:end if end >= 0 else len(text)]


def sentence_of(span: str, text: str) -> str:
    """The sentence of `text` holding `span` (split as citations are); the span itself when not found."""
    from assistant.answer.citations import CHUNK_SENTENCE

    at = text.find(span)
    if at < 0:
        return span
    for found in CHUNK_SENTENCE.finditer(text):
        if found.start() <= at < found.end():
            return text[found.start():max(found.end(), at + len(span))]
    return span



def thing_unsaid(analysis: Analysis, sentences: list[str]) -> bool:
    """The question names a thing after a place (Yiyang Power Plant, 金山南路, Zhongshan Road: places.things_named)
    and no answering sentence says that place's name: the figure is of something else of the report's place (its
    whole installed capacity for one plant's). The name said in Chinese under any of the place's names counts
    (益阳电厂 for Yiyang, 中山路 for Zhongshan); a thing named after places joined by dashes is said with one
    character of each (Weifang–Suqian railway: 潍宿高铁)."""
    book = analysis.book
    if book is None:
        return False
    asked = f"{analysis.original or ''} {analysis.question}"
    for written, place in book.things_named(asked):
        found = book.place(place)
        names = {written, place, *(found.aliases if found else ())}
        if re.search(rf"{re.escape(written)}\s*[-–—]|[-–—]\s*{re.escape(written)}", asked.lower()):
            names |= {name[0] for name in names if len(name) == 2}
        if not any(name and re.search(r"[\u4e00-\u9fff]", name) and name in s for name in names for s in sentences):
            return True
    return False


# -- a figure restated from another year ------------------------------------------------------------------

def dated_elsewhere(span: str, text: str, analysis: Analysis) -> bool:
    """A figure question naming a year, answered by a span whose figures say no year while the passage states
    each of them again only in sentences dated to other years: a headline or summary repeats a dated figure
    ("开封固定资产投资增速14.4%" over "2021年1月份至6月份，开封固定资产投资增速达14.4%"), and a figure of
    2021 does not answer 2022."""
    from assistant.answer.refusal import FIGURE
    from assistant.text import YEAR

    if analysis.wants not in ("number", "rate") or analysis.comparison or not analysis.years:
        return False
    if re.search(YEAR, span):
        return False  # the span dates its own figures
    figures = [m.group(0) for m in FIGURE.finditer(span)]
    if not figures:
        return False
    at = text.find(span)
    for figure in figures:
        years: set[int] = set()
        for found in regex(re.escape(figure)).finditer(text):
            if at <= found.start() < at + len(span):
                continue
            years |= {int(y) for y in re.findall(rf"(?<!\d)({YEAR})(?!\d)", sentence_at(text, found.start()))}
        if not years or years & set(analysis.years):
            return False
    return True


def sentence_at(text: str, position: int) -> str:
    """The sentence of `text` (split as citations are) holding the character at `position`."""
    from assistant.answer.citations import CHUNK_SENTENCE

    for found in CHUNK_SENTENCE.finditer(text):
        if found.start() <= position < found.end():
            return found.group(0)
    return ""


# -- the clause that asks -----------------------------------------------------------------------------

ASKING_WORD = re.compile(r"哪|什么|谁")


def asking_grams(analysis: Analysis, content_bigrams) -> set[str]:
    """The content words (bigrams) of the clause that asks, when a Chinese name question sets its scene in
    clauses before it: "河南国企首批挂牌的企业里，交通领域是哪家" is answered by the clause naming the
    transport one (交通), not by the one restating the scene (以首批六家企业挂牌为标志). Empty otherwise.
    `content_bigrams(text, analysis)` is the answerer's reading of words (passed in: no import circle)."""
    from assistant.analysis import question_words

    if analysis.wants != "name" or analysis.language == "en" or analysis.comparison:
        return set()
    if question_words("list").search(analysis.question):
        return set()  # a list's items are those the scene names (…入选的知名企业，报道点名了哪些)
    clauses = [c for c in re.split(r"[，,；;]", analysis.question) if c.strip()]
    asking = [i for i, c in enumerate(clauses) if ASKING_WORD.search(c)]
    if not asking or asking[-1] == 0:
        return set()
    return content_bigrams(clauses[asking[-1]], replace(analysis, expansion=""))


# -- the kind of name asked -------------------------------------------------------------------------------

KIND_WEIGHT = 0.25
CLOSING = "[”’」』》\"]"  # the closing quote or title mark of a name quoted before its kind's ending
ITEM_JOIN = re.compile(r"[、+＋]|(?<=[\u4e00-\u9fff]{2})[和及与](?=[\u4e00-\u9fff]{2})")  # between a run's items


def name_kind_ends(analysis: Analysis) -> tuple[str, ...]:
    """How a name of the kind the question asks for ends (哪家 -> 集团, 公司…; which villages -> 村), from
    data/question_words.yaml name_kinds; () when it asks no such kind."""
    from assistant.data_files import load_data

    if analysis.wants not in ("name", "text") or analysis.comparison:
        return ()
    asked = asked_text(analysis)
    for kind in load_data("question_words.yaml").get("name_kinds", []):
        if regex("|".join(kind["asks"]), re.I).search(asked):
            # the trade the question names before the kind (哪家证券公司): a name may end with it (国泰海通证券)
            trade = regex(rf"哪[家个一]([\u4e00-\u9fff]{{2,4}}?)(?:{'|'.join(kind['ends'])})").search(asked)
            return tuple(kind["ends"]) + ((trade.group(1),) if trade else ())
    return ()


def kind_bonus(span: str, ends: tuple[str, ...], question: str, wanted: int = 1) -> float:
    """+KIND_WEIGHT for a span naming something of the kind asked (two Chinese characters or more before the
    ending: 河南交通投资集团, 榆林郭村) that the question does not name itself, nothing for one naming none.
    Asked for `wanted` of them (which two villages): 0.1 more for each further clause naming one, up to that
    many, and 0.05 less for each clause naming none (a list's items stand one a clause: 甲村荣获…,乙村荣获…)."""
    if not ends:
        return 0.0
    # a kind numbered by its ending (号线, 号, 届: 15号线, 神舟七号, 第48届) is named by its figure too
    numbered = [re.escape(end) for end in ends if end in numbered_ends()]
    # a name may stand in quotes or title marks before the ending (“千家场景”行动, 《XX》计划)
    pattern = re.compile(rf"[\u4e00-\u9fff]{{2,}}?{CLOSING}?(?:{'|'.join(map(re.escape, ends))})"
                         + (rf"|[\u4e00-\u9fff]*\d+(?:{'|'.join(numbered)})" if numbered else ""))
    # the kind's common noun as the question says it (哪三条道路: 道路) ends no name: 新建农村道路 names no road
    nouns = {noun for noun in re.findall(r"(?=([\u4e00-\u9fff]{2}))", question) if noun.endswith(ends)}
    # but a kind the question qualifies (电影节 of film festivals: its noun three characters or more) is ended by
    # the names of that kind (金鸡百花电影节): its last two characters (影节) are no common noun of their own
    kinds = {w for w in re.findall(r"[\u4e00-\u9fff]{3,}", question) if w.endswith(ends)}
    # and the kind's last qualifier with it (国际技能大赛 read from "international skills competition": 世界技能大赛
    # is a skills contest, of whatever scope): each tail of the qualified kind longer than its ending and than a
    # bare noun of two characters (道路 of 哪三条道路, 博览会 of 哪个博览会 still name nothing)
    kinds |= {w[i:] for w in kinds for i in range(1, len(w) - max(2, *(len(e) for e in ends if w.endswith(e))))}
    # a common noun that is itself how names of the kind end (机场 of 哪个机场, 大学 of which university) names none
    # alone, but a name of two characters or more before it (璧山机场, 钱塘大学) is one of that kind
    bare = nouns & set(ends)

    def names(text: str, listed: bool = False) -> bool:
        return any(m.group(0) not in question
                   and (listed or not m.group(0).endswith(tuple(nouns)) or named_kind(m.group(0), kinds)
                        or named_before(m.group(0), bare, text[m.end():]))
                   for m in pattern.finditer(text))

    def items_named(clause: str) -> int:
        # items of a run two or more of which end as the kind's names do name things of the kind, even by the kind's
        # common noun (加快龙川新城、雷州新城建设: two 新城); one alone by it names none (推进新城建设)
        items = ITEM_JOIN.split(clause)
        # (an item with a figure counts things of a common noun, names none: 新增公园42座、口袋公园120个)
        named_items = [item for item in items if pattern.search(item) and not re.search(r"\d", item)]
        return sum(1 for item in items if names(item, len(named_items) >= 2 and item in named_items))

    parts = [p for p in re.split(r"[，,；;。]", span) if p.strip()]
    # a clause names as many as the items of its run that name one (打通甲山路、乙山路、丙路: three roads)
    named = sum(max(int(names(p)), items_named(p)) for p in parts)
    if not named:
        return 0.0
    if wanted <= 1:
        return KIND_WEIGHT
    return KIND_WEIGHT + 0.1 * (min(named, wanted) - 1) - 0.05 * sum(1 for p in parts if not names(p))


COUNT_AFTER = re.compile(r"[\d０-９一二两三四五六七八九十百千万]")  # 口袋公园120个: a kind counted, no name


def named_before(text: str, nouns: set[str], after: str = "") -> bool:
    """The text ends with one of the nouns and names one thing of it: two characters or more before the noun after
    the text's last verb, numeral, particle or adjective (推进璧山机场: 璧山), not the noun after a verb or a count
    (新增公园, 建成千座公园, 充满魅力的公园), nor a kind of it counted right `after` it (口袋公园120个)."""
    import jieba
    import jieba.posseg

    noun = next((n for n in nouns if text.endswith(n)), "")
    if not noun or COUNT_AFTER.match(after):
        return False
    tags = jieba.posseg.dt.word_tag_tab
    own = ""
    for token in jieba.cut(text[:-len(noun)]):
        # a word out of the dictionary has no tag: a name's own part (璧山, 钱塘), never a verb
        own = "" if str(tags.get(token, "")).startswith(("v", "m", "q", "d", "p", "u", "c", "a", "b")) else own + token
    return len(own) >= 2


def numbered_ends() -> tuple[str, ...]:
    """The endings of names given by a figure (data/question_words.yaml numbered_ends: 15号线, 第48届)."""
    from assistant.data_files import load_data

    return tuple(load_data("question_words.yaml").get("numbered_ends", []))


def named_kind(name: str, kinds: set[str]) -> bool:
    """The name ends with a qualified kind the question says (金鸡百花电影节 with 电影节) and has two characters or
    more of its own before it: a name of that kind, not the kind's common noun."""
    return any(name.endswith(kind) and len(name) - len(kind) >= 2 for kind in kinds)


# -- a figure the question gives of the thing it asks the name of -------------------------------------------

FIGURE_WEIGHT = 0.3


def given_figures(analysis: Analysis) -> list[str]:
    """The figures a name question gives of what it asks about ("built for 470 million yuan" read 4.7亿元,
    投资4.7亿元的项目是哪个): the clause stating that figure is the one about it. [] for other questions."""
    from assistant.answer.refusal import FIGURE

    if analysis.wants != "name" or analysis.comparison:
        return []
    return list(dict.fromkeys(m.group(0) for m in FIGURE.finditer(f"{asked_text(analysis)} {analysis.expansion}")))


def figure_bonus(span: str, figures: list[str]) -> float:
    """+FIGURE_WEIGHT for a span stating a figure the question gives (not as part of a longer number)."""
    return FIGURE_WEIGHT if any(re.search(rf"(?<![\d.]){re.escape(f)}", span) for f in figures) else 0.0


# -- a past event is not dated by a plan ----------------------------------------------------------------------

def asks_past_event(analysis: Analysis) -> bool:
    """An English question asking when something happened ("What year did the zone become…"), with no word of
    intent (aim, plan, expected…): data/question_words.yaml past_event and intent."""
    from assistant.analysis import question_words

    asked = analysis.original or ""
    return (question_words("past_event").search(asked) is not None
            and question_words("intent").search(asked) is None)


def ahead_asked(analysis: Analysis) -> bool:
    """An English name question asking what is still to come ("Which expo will Chongqing host?", "Which line does
    Chongqing plan to complete?"), not asked as done: data/question_words.yaml ahead and past_event."""
    from assistant.analysis import question_words

    if analysis.language != "en" or analysis.wants not in ("name", "text") or analysis.comparison:
        return False
    asked = analysis.original or ""
    return question_words("ahead").search(asked) is not None and question_words("past_event").search(asked) is None


def looks_back(hit) -> bool:
    """The passage is under a heading of a report's look back ("一、2025年工作回顾": data/fact_cues.yaml
    review_heading): what it names was done, not planned."""
    from assistant.facts.extract import says

    return any(says("review_heading", heading) for heading in hit.chunk.heading_path)


def asks_achieved(analysis: Analysis) -> bool:
    """A figure asked as done ("How many jobs did the city create in 2026?", "新增了多少"), with no word of
    intent: a year's plan is no answer to it (data/question_words.yaml achieved and intent)."""
    from assistant.analysis import question_words

    asked = analysis.original or analysis.question
    # "did the 2015 report allocate": the report's act of saying, not the thing's being done
    asked = question_words("report_did").sub(" ", asked)
    return (question_words("achieved").search(asked) is not None
            and question_words("intent").search(asked) is None)


def year_asked_within(analysis: Analysis) -> int | None:
    """The year a date question asks a time within ("When does Luohe plan to finish its survey in 2024?",
    "2024年什么时候完成"): data/question_words.yaml within_year; None for other questions."""
    from assistant.data_files import load_data

    if analysis.wants != "date" or len(analysis.years) != 1:
        return None
    year = analysis.years[0]
    for text in (analysis.original, analysis.question):
        for pattern in load_data("question_words.yaml")["within_year"]:
            if text and re.search(pattern.replace("{year}", str(year)), text, re.I):
                return year
    return None


def another_year_only(span: str, year: int) -> bool:
    """Every year the span states is another than `year`, and it states no month or season of its own:
    "2021年社区中心达到服务能力基本标准" dates nothing in 2024."""
    years = {int(y) for y in re.findall(rf"(?<!\d)({YEAR})年", span)}
    unyeared = re.search(r"(?<!年)(?<!\d)\d{1,2}月|[上下]半年|年底|年内|年初|第?[一二三四]季度", span)
    return bool(years) and year not in years and not unyeared


def plan_date(span: str) -> bool:
    """The span dates a plan (到2025年…达到, 力争, 9月底前), not something that happened."""
    from assistant.analysis import question_words

    return question_words("plan_dates").search(span) is not None


# -- a document's dateline ------------------------------------------------------------------------------------

def dateline_pattern() -> re.Pattern:
    """A line that is a date alone, with at most the word of issuing after it (2025年4月16日印, 2022-11-24,
    二〇二五年四月十六日): data/question_words.yaml dateline."""
    from assistant.data_files import load_data
    from assistant.text import YEAR

    words = load_data("question_words.yaml")["dateline"]
    numerals = "[〇零一二三四五六七八九十]"
    day = (rf"{YEAR}\s*年\s*\d{{1,2}}\s*月\s*\d{{1,2}}\s*日|{YEAR}[-/.]\d{{1,2}}[-/.]\d{{1,2}}"
           rf"|{numerals}{{4}}年{numerals}{{1,2}}月{numerals}{{1,3}}日")
    return re.compile(rf"^\s*(?:{day})(?:\s*\d{{1,2}}:\d{{2}}(?::\d{{2}})?)?\s*(?:{'|'.join(words['ends'])})?\s*$")


def with_datelines(sentences: list[str]) -> list[str]:
    """The sentences with a dateline joined to the line before it: a document's signature puts its date on a
    line of its own under the issuer ("…人大六次会议秘书处" / "2025年4月16日印"), a news page under its headline
    ("河南漯河:持续推进…" / "2022-11-24"); the date alone says nothing of what it dates. A line before it that
    ends a sentence of the text (。！？) is no issuer or headline: the date stays on its own."""
    pattern = dateline_pattern()
    out: list[str] = []
    for sentence in sentences:
        if out and pattern.match(sentence) and out[-1].endswith("\n") \
                and not out[-1].rstrip().endswith(("。", "！", "？", "!", "?", "；", ";")):
            out[-1] += sentence
        else:
            out.append(sentence)
    return out


def outside_titles(text: str) -> str:
    """The text with the titles it quotes emptied: a year in 《…二〇三五年远景目标纲要》 is part of a name, not a
    date the text states."""
    return re.sub(r"《[^《》]*》", "《》", text)


DATELINE_WEIGHT = 0.3


def asks_news_date(analysis: Analysis) -> bool:
    """When was the news / this article published, 这篇报道哪天发布的: a date question naming a news item and its
    publishing (data/question_words.yaml news_date). The page's dateline answers it."""
    from assistant.data_files import load_data

    if analysis.wants != "date":
        return False
    words = load_data("question_words.yaml")["news_date"]
    asked = asked_text(analysis)
    return all(re.search("|".join(words[kind]), asked, re.I) for kind in ("item", "publish"))


def asks_delivery(analysis: Analysis) -> bool:
    """When was the report delivered (assistant/analysis.py asks_report_delivery): its delivery line answers."""
    return asks_report_delivery(analysis)


def delivery_line(span: str) -> bool:
    """The span states a report's delivery: a full date and the session after it (2015年3月5日在第十二届全国人民代表
    大会第三次会议上), or a full date in brackets right after a report's title (…人民政府工作报告(2025年4月17日)).
    A printing date (2025年4月16日印) or a news lead's month and day (3月5日，…会议开幕) is neither."""
    from assistant.data_files import load_data
    from assistant.text import YEAR

    digit = "[0-9０-９]"
    day = rf"(?:{YEAR}|[１２][０-９]{{3}})\s*年\s*{digit}{{1,2}}\s*月\s*{digit}{{1,2}}\s*日"
    at = "|".join(load_data("question_words.yaml")["report_delivery"]["at"])
    return (re.search(rf"{day}\s*在[^。；;\n]{{0,40}}?(?:{at})", span) is not None
            or re.search(rf"报告\s*[（(]\s*{day}\s*[）)]", span) is not None)


def holds_dateline(span: str) -> bool:
    """One of the span's lines is a dateline (with_datelines joined it to the headline above it)."""
    pattern = dateline_pattern()
    return any(pattern.match(line) for line in span.split("\n"))


# -- a part of the year is not the year ------------------------------------------------------------------------

def part_year(span: str, text: str, analysis: Analysis) -> bool:
    """A figure question asking a year (a year named, no part of one), answered by a span each of whose figures
    the passage states for a part of a year: "开封固定资产投资增速14.4%" is a headline over "2021年1月份至6月份，
    开封固定资产投资增速达14.4%", and a half-year's growth is not the year's. A statement is of a part of the year
    when a part (上半年, 1-6月, 一季度: data/periods.yaml part_year) stands before the figure in its sentence with
    no whole year (全年) after it. The answerer refuses a question asking the whole year (全年…增长多少) and
    answers one naming the year alone with the statement that says the part (part_statement)."""
    from assistant.answer.refusal import FIGURE

    if analysis.wants not in ("number", "rate") or analysis.comparison or not analysis.years:
        return False
    part, whole = _year_words()
    if part.search(asked_text(analysis)):
        return False  # the question asks a part of the year itself
    figures = list(dict.fromkeys(m.group(0) for m in FIGURE.finditer(span)))
    if not figures:
        return False
    return all(any(_of_part(text, found.start(), part, whole) for found in re.finditer(re.escape(f), text))
               for f in figures)


def asks_whole_year(analysis: Analysis) -> bool:
    """全年, for the whole year, annual: the question asks the year entire (data/periods.yaml whole_year)."""
    return _year_words()[1].search(asked_text(analysis)) is not None


def part_statement(span: str, text: str) -> str:
    """The span when it says the part of the year its figure is of; else the sentence of `text` that does, up to the
    clause stating the figure ("2021年1月份至6月份,开封固定资产投资增速达14.4%" for the headline "开封固定资产投资
    增速14.4% 招商引资…"): the answer then says which months its figure is of."""
    from assistant.answer.citations import CHUNK_SENTENCE
    from assistant.answer.refusal import FIGURE

    part, whole = _year_words()
    at = text.find(span)
    figure = FIGURE.search(span)
    if figure is None or at < 0 or _of_part(text, at + figure.start(), part, whole):
        return span
    for found in re.finditer(re.escape(figure.group(0)), text):
        if at <= found.start() < at + len(span) or not _of_part(text, found.start(), part, whole):
            continue
        sentence = next(m for m in CHUNK_SENTENCE.finditer(text) if m.start() <= found.start() < m.end())
        end = re.search(r"[，,；;。！？!?\n]|$", text[found.end():sentence.end()])
        return text[sentence.start():found.end() + end.start()].strip()
    return span


def _year_words() -> tuple[re.Pattern, re.Pattern]:
    from assistant.data_files import load_data

    words = load_data("periods.yaml")
    return re.compile("|".join(words["part_year"]), re.I), re.compile("|".join(words["whole_year"]), re.I)


def _of_part(text: str, position: int, part: re.Pattern, whole: re.Pattern) -> bool:
    """The figure at `position` follows, in its sentence, a part of a year with no whole year after it."""
    from assistant.answer.citations import CHUNK_SENTENCE

    start = next((m.start() for m in CHUNK_SENTENCE.finditer(text) if m.start() <= position < m.end()), 0)
    before = text[start:position]
    parts = list(part.finditer(before))
    return bool(parts) and not whole.search(before[parts[-1].end():])


# -- a rank in two scopes ----------------------------------------------------------------------------------------

RANK_WEIGHT = 0.1
RANK_STATED = re.compile(r"第\s*\d+|第[一二三四五六七八九十]+|\d+\s*[位名]|首位|榜首")


def rank_scopes(analysis: Analysis) -> int:
    """How many scopes a rank question asks a rank in: "where did its revenue rank in the city and in Henan",
    "在全市和全省分别排第几" -> 2; 0 for a question asking no rank. A scope is a word of data/question_words.yaml
    rank_scopes or a place the question names above another it names."""
    from assistant.facts.extract import cue_pattern

    asked = asked_text(analysis)
    if not cue_pattern("question_rank").search(asked.lower()):
        return 0
    words = {m.group(0).lower() for m in question_words("rank_scopes").finditer(asked)}
    # the places named as the question reads (the place ranked may be the only one left in analysis.places)
    named = set(analysis.places) | set(analysis.book.find_places(asked))
    above = {p for p in named if any(p in analysis.book.ancestors(q) for q in named if q != p)}
    return len(words) + len(above)


def ranked_place(analysis: Analysis) -> Analysis:
    """A rank question whose places are one and the scopes above it (尉氏县 … in the city and in Henan): the place
    ranked alone, no comparison; the analysis unchanged otherwise."""
    if not analysis.comparison or len(analysis.places) < 2 or rank_scopes(analysis) < 2 or len(analysis.years) > 1:
        return analysis
    book = analysis.book
    lowest = [p for p in analysis.places if all(q == p or q in book.ancestors(p) for q in analysis.places)]
    if len(lowest) != 1:
        return analysis
    return replace(analysis, comparison=False, places=lowest)


def ranks_bonus(span: str, scopes: int, marks: tuple[str, ...] = ()) -> float:
    """+RANK_WEIGHT for each rank the span states beyond the first, up to the scopes asked: "全市排名第一,全省排名
    第20位" answers a rank asked in the city and in the province, "全市排名第一" half of it; and +RANK_WEIGHT for a
    rank stated in a scope asked (`marks`, rank_marks: 全省 for "in Henan"), so the province's rank is not
    answered with the city's."""
    bonus = RANK_WEIGHT * max(0, min(len(RANK_STATED.findall(span)), scopes) - 1) if scopes >= 2 else 0.0
    if marks and re.search(rf"(?:{'|'.join(marks)})[^，,；;。]{{0,6}}?(?:{RANK_STATED.pattern})", span):
        bonus += RANK_WEIGHT
    return bonus


def rank_marks(analysis: Analysis) -> tuple[str, ...]:
    """The words a report says the scope asked of a rank with: 全省 for "rank in Henan" or 在全省排第几, 全市 for
    "in the city", 全国 for nationally (data/question_words.yaml rank_scope_marks); () for a question asking no
    rank or no scope. A place named above another the question names is a scope at its level."""
    from assistant.data_files import load_data
    from assistant.facts.extract import cue_pattern

    asked = asked_text(analysis)
    if not cue_pattern("question_rank").search(asked.lower()):
        return ()
    table = load_data("question_words.yaml")["rank_scope_marks"]
    book = analysis.book
    named = set(analysis.places) | set(book.find_places(asked))
    levels = {book.level_of(p) for p in named if any(p in book.ancestors(q) for q in named if q != p)}
    levels |= {level for level, words in table.items() if re.search("|".join(words["asks"]), asked, re.I)}
    return tuple(word for level in table if level in levels for word in table[level]["report"])


# -- the thing a date is asked of ------------------------------------------------------------------------------

SUBJECT_SHARE = 0.5


def date_subject(analysis: Analysis) -> str:
    """The thing a Chinese date question asks the date of, as it names it: the longest run of Chinese before the
    asking word, places, years and asking words taken out ("漯河经开区预制菜装备产业园2024年什么时候开工" ->
    "预制菜装备产业园"); "" for an English question or a run under four characters."""
    from assistant.answer.refusal import QUESTION_NOISE, place_words
    from assistant.text import YEAR

    if analysis.wants != "date" or analysis.language == "en" or analysis.comparison:
        return ""
    asking = question_words("date").search(analysis.question)
    if not asking:
        return ""
    text = re.sub(rf"{YEAR}年?", " ", analysis.question[:asking.start()])
    for alias in sorted(place_words(analysis), key=len, reverse=True):
        text = text.replace(alias, " ")
    text = QUESTION_NOISE.sub(" ", text)
    leading = "".join(question_words_list("leading_prepositions"))
    runs = [run for run in (r.lstrip(leading) for r in re.findall(r"[\u4e00-\u9fff]{4,}", text)) if len(run) >= 4]
    return max(runs, key=len) if runs else ""


def subject_unnamed(analysis: Analysis, cited: str) -> bool:
    """A Chinese date question whose passage names under half of the thing asked (its two-character pieces): the
    date found is another thing's ("预制菜装备产业园…什么时候开工" answered from a passage on 液压科技产业园,
    which shares 产业 and 业园 alone). `cited`: the passage with its title and heading. An indicator asked is
    named by any of its names (data/indicators.yaml): 研发投入强度 as 研发经费支出占…生产总值比重."""
    subject = date_subject(analysis)
    if not subject:
        return False
    names = [subject, *(n for n in named_indicators(subject) if len(n) >= 4)]
    return all(_named_share(name, cited) < SUBJECT_SHARE for name in names)


def _named_share(name: str, cited: str) -> float:
    """The share of the two-character pieces of `name` that stand in `cited`."""
    pieces = {name[i:i + 2] for i in range(len(name) - 1)}
    return sum(1 for p in pieces if p in cited) / len(pieces)


# -- a rank asked as a given ---------------------------------------------------------------------------------

def _rank_number() -> str:
    return rf"第\s*(\d+|[一二三四五六七八九十]+)\s*(?:位|名)?(?!{question_words_list('rank_not_before')})"


def _rank_value(raw: str) -> int | None:
    import cn2an

    try:
        return int(raw) if raw.isdigit() else int(cn2an.cn2an(raw, "smart"))
    except (ValueError, KeyError):
        return None


def stated_ranks(text: str, verbs_only: bool = True) -> set[int]:
    """The ranks a text states: 居全国第9 -> {9}, 位居全国第1 / 居全国首位 -> {1}; with verbs_only=False also a
    bare 第一 (a question's "产量第一的作物"). 第一批, 第二次, 第一方阵 are no ranks."""
    verbs = "|".join(question_words_list("rank_verbs"))
    firsts = "|".join(question_words_list("rank_first"))
    lead = rf"(?:{verbs})[^，,；;。\d第]{{0,8}}?" if verbs_only else ""
    found = {_rank_value(m.group(1)) for m in re.finditer(lead + _rank_number(), text)}
    if re.search(rf"(?:{verbs})[^，,；;。\d]{{0,8}}?(?:{firsts})" if verbs_only else firsts, text):
        found.add(1)
    return found - {None}


def other_rank(analysis: Analysis, span: str) -> bool:
    """The question is about what holds a given rank (居全国第一) and the span states only other ranks (居全国第9)."""
    asked = stated_ranks(analysis.question, verbs_only=False)
    stated = stated_ranks(span)
    return bool(asked) and bool(stated) and not asked & stated


def question_words_list(name: str) -> list[str]:
    from assistant.data_files import load_data

    return load_data("question_words.yaml")[name]


# -- the same thing of another kind ----------------------------------------------------------------------

# jieba's tags of a word that can say which kind of a thing (纺织 of 纺织产业, 欧盟 of 对欧盟进出口: n, nz, nt, j an
# abbreviation, b a distinguishing word such as 国家级); verbs (新增), places (ns), times (t) and numerals are not
KIND_TAGS = ("n", "nz", "nt", "j", "b", "vn")


def other_kind(question: str, analysis: Analysis, span: str, text: str, bare: bool = True) -> bool:
    """A figure question naming a kind of its thing (a noun right before the thing measured: 纺织 of 纺织产业营业收入,
    欧盟 of 对欧盟进出口, 口袋 of 口袋公园) answered by a clause stating that thing of another kind in the same slot
    (液压科技产业营业收入, 对东盟进出口) and not naming the kind asked: the figure is of the same indicator for another
    kind of thing; so is a clause saying the thing with no kind before it (新增公园127座 for 口袋公园): it counts the
    whole of the thing. Both only when the passage never names the kind asked (a passage naming it anywhere may be
    counting it: its list before the clause, its heading). The kind under a short form (规上 for 规模以上) is the kind.
    With `bare` False, only another kind in the slot counts (a comparison's side: its two reports may word the kind
    differently or leave it to the heading, 新改建农村公路 for 新建改建农村公路).
    Example: "漯河经开区纺织产业营业收入是多少？" with "液压科技产业营业收入达到100亿元" -> True"""
    return other_kind_check(question, analysis, bare)(span, text)


def other_kind_check(question: str, analysis: Analysis, bare: bool = True):
    """other_kind as check(span, text) -> bool, the question read once: a comparison side tries it on every span
    of its passages (reading the question's words per span cost ~14 ms a comparison)."""
    if analysis.wants not in ("number", "rate") or analysis.comparison:
        return lambda span, text: False
    # an English question's reading holds the glossary's words in the English order (保交楼 住房项目 for "保交楼
    # housing projects", 居民净流入 for "net inflow of residents"): no word of it stands in a kind's slot as the
    # reports write it; held to it, two answerable dev questions were refused (df-008, dj-079)
    if analysis.language == "en":
        return lambda span, text: False
    words = indicator_words(question, analysis)
    head = thing_head(question, words, analysis)
    if not head:
        return lambda span, text: False

    def check(span: str, text: str) -> bool:
        found = [kind_in_lead(question, head, words, analysis, lead) for lead in figure_leads(span, text)]
        found = [f for f in found if f is not None]  # leads not saying the thing are head_unsaid's
        # a paragraph naming the kind asked may be counting it (纺织、服装产业…营业收入, a list before the clause); a
        # passage naming it only in another paragraph is about another thing there (教育经费 two paragraphs above
        # 中央财政“三农”累计支出 does not make that spending education's)
        around = paragraph_of(span, text)
        return bool(found) and not any(verdict == "same" or said_as(kind, around) for verdict, kind in found) \
            and (bare or any(verdict == "other" for verdict, _ in found))
    return check


def thing_head(question: str, words: list[str], analysis: Analysis) -> str:
    """The last word of the thing a figure question measures: the last of its whole indicator words that is more
    than a word of change or of its counting (增长, 新增, 同比; 增加值 is a thing, though it opens with 增加) or a plan
    period's name. "" when none."""
    qualifiers = set(load_data("asking.yaml")["change_qualifiers"])
    change = word_pattern("asking.yaml", "change_words")
    words = [w for w in words if not any(w in p for p in analysis.periods)]
    whole = [w for w in dict.fromkeys(words) if not any(w != o and w in o for o in words)
             and not change.fullmatch(w) and not only_added(w) and w not in qualifiers]
    placed = [(question.rfind(w) + len(w), len(w), w) for w in whole if question.rfind(w) >= 0]
    return max(placed)[2] if placed else ""


def kind_in_lead(question: str, head: str, words: list[str], analysis: Analysis, lead: str) -> tuple[str, str] | None:
    """How `lead` says the question's thing, with the kind the question names of it: None when the lead does not say
    the thing or the question names no kind of it; "same" when the lead names the kind asked (or a short form of it),
    "other" when another kind stands in the kind's slot, "bare" when no kind does."""
    end = question.rfind(head)
    if end < 0 or head not in lead:
        return None
    end += len(head)
    tokens = tagged(question[:end])
    # the thing measured: the longest run of the question's words ending at its head that the lead says as written
    # (产业营业收入 of 纺织产业营业收入 in 液压科技产业营业收入)
    first = len(tokens) - 1
    while first > 0 and question[tokens[first - 1][1]:end] in lead:
        first -= 1
    if question[tokens[first][1]:end] not in lead or first == 0:
        return None
    kind, _, tag = tokens[first - 1]
    if not is_kind(kind, tag, words, analysis):
        return None
    if said_as(kind, lead):
        return "same", kind
    verdict = "bare"
    thing = question[tokens[first][1]:end]
    for found in re.finditer(re.escape(thing), lead):
        before = tagged(lead[:found.start()])
        if before and before[-1][1] + len(before[-1][0]) == found.start():
            word, _, tag = before[-1]
            if not is_kind(word, tag, None, analysis):
                continue  # a verb (新增公园) or a framing word: no kind in the slot
            if any(word in w or w in word for w in words):
                return "same", kind  # a kind the question names, in the slot: the kind asked, said otherwise
            verdict = "other"
    return verdict, kind


@lru_cache(maxsize=4096)
def tagged(text: str) -> tuple[tuple[str, int, str], ...]:
    """The words of `text` with where each starts and jieba's part-of-speech tag. Kept: a comparison side tries
    every span of its passages, and the same question and leads are tagged again (jieba's tagger: ~4 ms a text)."""
    import jieba.posseg

    out, at = [], 0
    for pair in jieba.posseg.cut(text):
        out.append((pair.word, at, pair.flag))
        at += len(pair.word)
    return tuple(out)


def is_kind(word: str, tag: str, words: list[str] | None, analysis: Analysis) -> bool:
    """A word saying which kind of a thing: a noun-like word of two characters or more (KIND_TAGS), no place, no
    framing word (data/asking.yaml kind_framing: 全省, 计划, 目标), and, in the question, one of its indicator words
    (the words after its last year, place or 的: refusal.indicator_words), so a verb or a framing word opening the
    question (计划新增…, 政府工作报告…) is never taken for a kind."""
    if len(word) < 2 or not tag.startswith(KIND_TAGS) or not re.fullmatch(r"[\u4e00-\u9fff]+", word):
        return False
    if word_pattern("asking.yaml", "kind_framing").search(word) or analysis.book.find_places(word):
        return False
    return words is None or any(word in w or w in word for w in words)


def said_as(kind: str, lead: str) -> bool:
    """The kind asked stands in the lead, as written or in a short form (规上 for 规模以上)."""
    return kind in lead or any(short_form(word, kind) for word, _, _ in tagged(lead) if len(word) >= 2)


def short_form(word: str, kind: str) -> bool:
    """One of the two words is the other or a short form of it: its characters in order inside the other
    (规上 in 规模以上, 科技 in 科学技术), the first characters matching."""
    short, long = sorted((word, kind), key=len)
    if short == long or short in long:
        return True
    if short[0] != long[0]:
        return False
    at = 0
    for ch in short:
        at = long.find(ch, at)
        if at < 0:
            return False
        at += 1
    return True
