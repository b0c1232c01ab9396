"""The extractive answerer: offline, deterministic, the default when no LLM is configured.

From the top chunks it picks the clause(s) that answer: those covering the
question's terms and holding the kind of thing asked for (a figure with a unit
for 多少/how much, a date for 何时/哪年, a name for 哪/什么), then composes a short
answer with [n] markers: one clause per fact, one per side of a comparison.
When the best evidence covers too little of the question it refuses.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from functools import lru_cache

from assistant.analysis import Analysis
from assistant.facts.extract import DocContext, doc_context, extract_facts
from assistant.facts.frame import Frame, frame_of
from assistant.facts.table import synonym_groups
from assistant.facts.units import base_alternation
from assistant.data_files import load_data
from assistant.text import YEAR
from assistant.facts.match import disagreements
from assistant.places import find_places
from assistant.answer.citations import CHUNK_SENTENCE
from assistant.answer.instructions import without_instructions
from assistant.answer.refusal import (FIGURE, QUESTION_NOISE, UNKNOWN_TERM_PENALTY, aliases, answers_question,
                                      measure_penalty, unknown_terms)
from assistant.answer.types import REFUSAL_EN, REFUSAL_ZH
from assistant.documents import ScoredChunk
from assistant.retrieval import allowed_regions

REFUSE_BELOW = 0.35  # calibrated on evals/questions/dev.jsonl: 3 of 116 answerable refused, 11 of 16 unanswerable
SPELLS_OUT = ("即", "分别是", "分别为", "具体是", "具体为", "包括")
CLAUSE_END = re.compile(r"[^，,。！？；;!?：:]*[，,。！？；;!?：:]?")
DATE = re.compile(rf"{YEAR}年(?:底|末|前|\d{{1,2}}月)?|\d{{1,2}}月(?:\d{{1,2}}日)?|第[一二三四]季度|年底|年内")
LINE_BREAK = re.compile(r"\s*\n\s*")
DAY = re.compile(r"\d{1,2}月\d{1,2}日")
YEAR_MISMATCH = 0.4
# What answers a figure question without being a figure statement: a rank (居全国第5, 第1位) or a
# count in words (六家); a bare number ("表2", a year) does not
RANK = re.compile(r"第\s*\d+|第[一二三四五六七八九十]|\d+\s*[位名]")
NUMBER_WORDS = re.compile(rf"[一二两三四五六七八九十百千]+(?:{base_alternation('count')})")


@dataclass
class Pick:
    n: int  # 1-based passage number
    text: str
    score: float
    side: Analysis | None = None  # the side of a comparison it answers


def sentences(text: str) -> list[str]:
    """sentences("新增28家，入库152家。增长8.5%。") -> ["新增28家，入库152家。", "增长8.5%。"]

    The same cut as the one that finds a citation's supporting sentence, so the quote shown is the clause's sentence.
    """
    return [m.group(0) for m in CHUNK_SENTENCE.finditer(text) if m.group(0).strip()]


def clauses(text: str) -> list[str]:
    """clauses("新增企业28家，入库152家。") -> ["新增企业28家，", "入库152家。"]

    A clause that spells out the one before ("建成“四个强县”,即经济强县、生态强县…") stays
    with it: an answer naming the list without its items answers nothing.
    """
    out: list[str] = []
    for clause in CLAUSE_END.findall(text):
        if not clause.strip():
            continue
        if out and clause.lstrip().startswith(SPELLS_OUT):
            out[-1] += clause
        else:
            out.append(clause)
    return out


def content_bigrams(text: str, analysis: Analysis) -> set[str]:
    """Character bigrams of the question's content words (places, years, question words removed)."""
    text = re.sub(rf"{YEAR}年?", " ", text)
    for place in analysis.places:
        for alias in sorted(aliases(place), key=len, reverse=True):
            text = text.replace(alias, " ")
    text = QUESTION_NOISE.sub(" ", text)
    grams = set()
    for run in re.findall(r"[\u4e00-\u9fff]+|[A-Za-z]+|\d+(?:\.\d+)?%?", f"{text} {analysis.expansion}"):
        if re.fullmatch(r"[A-Za-z]+", run):
            if run.isupper() and len(run) >= 2:
                grams.add(run)  # an acronym the reports use as is: GDP, PM
            continue  # other English words never occur in the Chinese text; the glossary covers them
        grams.update(run[i:i + 2] for i in range(max(1, len(run) - 1)))
    return {g for g in grams if len(g) == 2 or g.isdigit() or g.isupper()}


def coverage(grams: set[str], text: str) -> float:
    if not grams:
        return 0.0
    return sum(1 for g in grams if g in text) / len(grams)


PERIOD_WORDS = re.compile(r"累计|五年来|年均|“?十[一二三四五]五”?(?:期间|时期|以来)")


def period_penalty(text: str, analysis: Analysis) -> float:
    """A question about one year is not answered by a five-year total: "累计…城镇新增就业4.6万人"."""
    if len(analysis.years) == 1 and not analysis.periods and PERIOD_WORDS.search(text):
        return 0.15
    return 0.0


def several_figures_bonus(text: str, analysis: Analysis) -> float:
    """A question asking two figures ("完成投资多少，占计划的比例是多少？") wants a span holding both."""
    asks = len(re.findall(r"多少|(?<![哪第])几|分别|各是", analysis.question))
    if asks < 2 or analysis.wants not in ("number", "rate"):
        return 0.0
    return 0.05 * min(len(FIGURE.findall(text)), asks)


def asks_day(question: str) -> bool:
    from assistant.facts.extract import cue_pattern

    return cue_pattern("question_day").search(question.lower()) is not None


def wanted_bonus(text: str, wants: str) -> float:
    if wants == "rate":
        return 0.25 if re.search(r"\d\s*(?:%|个百分点)", text) else -0.2
    if wants == "number":
        return 0.25 if FIGURE.search(text) else -0.2
    if wants == "date":
        return 0.25 if DATE.search(text) else -0.1
    if wants == "day":  # 哪天, on what date: a month and day, not the year alone ("2026年上海市政府工作报告")
        return 0.3 if DAY.search(text) else -0.2
    return 0.0


def best_span(chunk_text: str, grams: set[str], analysis: Analysis, accept=None) -> tuple[str, float]:
    """The clause, or two or three adjacent clauses of one sentence, that best answer; scored.

    `accept(span, sentence)`: when given, only spans it accepts are considered (figures that fit the question).
    """
    best, best_score = "", -1.0
    wants = "day" if analysis.wants == "date" and asks_day(analysis.question) else analysis.wants
    for sentence in sentences(without_instructions(chunk_text)):  # a planted order is no answer
        parts = clauses(sentence)
        for i in range(len(parts)):
            for width in (1, 2, 3):
                if i + width > len(parts):
                    break
                span = "".join(parts[i:i + width])
                if len(span) > 140:
                    break
                if accept is not None and not accept(span, sentence):
                    continue
                score = (coverage(grams, span) + wanted_bonus(span, wants) - measure_penalty(span, analysis)
                         - period_penalty(sentence, analysis)
                         + several_figures_bonus(span, analysis) - 0.002 * max(0, len(span) - 50))
                if score > best_score:
                    best, best_score = span, score
    return best.strip("，,；;：:。 "), best_score


def agreement(hit: ScoredChunk, analysis: Analysis) -> float:
    """Place and year of the chunk against the question's: exact place +, other year -."""
    meta, bonus = hit.chunk.metadata, 0.0
    if analysis.places:
        # A place's own report beats its districts' (retrieval lets them in for recall).
        bonus += 0.08 if meta.get("region") in analysis.places else -0.08
    if analysis.years:
        doc_years = {meta.get("year_reviewed"), meta.get("year_issued")} - {0, None}
        if period := meta.get("period"):
            first, last = (int(x) for x in str(period).split("-"))
            doc_years |= set(range(first, last + 1))
        mentioned = any(str(y) in hit.chunk.text for y in analysis.years)
        if doc_years & set(analysis.years) or mentioned:
            bonus += 0.1
        elif meta.get("doc_kind") == "government_work_report" and not analysis.periods:
            bonus -= YEAR_MISMATCH  # a work report reviews one year and plans the next: not this year's figure
        elif doc_years:
            bonus -= 0.15
        # Within a report, the section says which year it is about: "三、2024年重点工作安排".
        heading_years = {int(y) for y in re.findall(rf"({YEAR})年", hit.chunk.heading)}
        if heading_years and not heading_years & set(analysis.years):
            bonus -= 0.12
    return bonus


def pick(contexts: list[ScoredChunk], analysis: Analysis, grams: set[str], limit: int = 5,
         frame: Frame | None = None) -> Pick | None:
    """The best span of the first `limit` passages; with a figure question's frame, only spans whose
    figures fit it (place, period, status, measure), so a neighbouring figure is never the answer."""
    best = None
    for n, hit in enumerate(contexts[:limit], start=1):
        accept = fitting_figures(hit, frame) if frame is not None else None
        span, score = best_span(hit.chunk.text, grams, analysis, accept)
        score = 0.8 * score + 0.2 * coverage(grams, hit.chunk.text) + agreement(hit, analysis)
        score += 0.05 * (limit - n) / limit  # retrieval order breaks ties
        if span and (best is None or score > best.score):
            best = Pick(n, span, score)
    return best


def _side_contexts(contexts: list[ScoredChunk], side: Analysis, others: set[str] = frozenset()) -> list[tuple[int, ScoredChunk]]:
    """Passages for one side; a place the other side names is not this side's (漯河市 vs 郾城区)."""
    allowed = [p for p in allowed_regions(side.places) if p not in others or p in side.places]
    out = []
    for n, hit in enumerate(contexts, start=1):
        meta = hit.chunk.metadata
        years = {meta.get("year_reviewed"), meta.get("year_issued")}
        if allowed and meta.get("region") not in allowed:
            continue
        if side.years and not (years & set(side.years) or any(str(y) in hit.chunk.text for y in side.years)):
            continue
        out.append((n, hit))
    return out


def compare(contexts: list[ScoredChunk], analysis: Analysis, grams: set[str]) -> list[Pick]:
    from assistant.retrieval import _sides

    picks, sides = [], _sides(analysis)
    for side in sides:
        best = None
        others = {p for s in sides if s is not side for p in s.places}
        # both sides as the reports have them; each side may word its indicator its own way
        # (民生资金占财政总支出 vs 民生支出占比), so the indicator names are not required here
        frame = replace(frame_of(side), plan_answers=True, indicators=())
        for n, hit in _side_contexts(contexts, side, others)[:4]:
            # each side its own year, place and status; unless a number is asked for (多少, growth rate),
            # a side may be stated in words (达到全国平均水平)
            need = side.wants in ("number", "rate")
            accept = fitting_figures(hit, frame, need_number=need) if frame.figure else None
            span, score = best_span(hit.chunk.text, grams, analysis, accept)
            score = 0.8 * score + 0.2 * coverage(grams, hit.chunk.text) + agreement(hit, side)
            if span and (best is None or score > best.score):
                best = Pick(n, span, score, side)
        if best:
            picks.append(best)
    return picks


def answer(question: str, analysis: Analysis, contexts: list[ScoredChunk], known=None) -> str:
    """The answer text with [n] markers, or the fixed refusal sentence."""
    refusal = REFUSAL_EN if analysis.language == "en" else REFUSAL_ZH
    if not contexts:
        return refusal
    penalty = UNKNOWN_TERM_PENALTY * min(2, len(unknown_terms(question, analysis, known))) if known else 0.0
    picks = max((_best_picks(contexts, analysis, grams) for grams in _gram_sets(question, analysis)),
                key=lambda ps: min((p.score for p in ps), default=-1.0), default=[])
    if not picks or min(p.score for p in picks) - penalty < REFUSE_BELOW:
        return refusal
    cited = [f"{contexts[p.n - 1].chunk.title} {contexts[p.n - 1].chunk.heading} {contexts[p.n - 1].chunk.text}"
             for p in picks]
    if not answers_question(question, analysis, [p.text for p in picks], cited):
        return refusal
    if any(other_ordinal(question, p.text) for p in picks):
        return refusal
    return compose(picks, analysis, contexts, grams_for_verdict(question, analysis))


def _gram_sets(question: str, analysis: Analysis) -> list[set[str]]:
    """The question's own words, and those words with the glossary's Chinese for its English terms.

    Scored apart: "GDP" in a Chinese question should match "全县GDP完成…" as well as "生产总值".
    """
    plain = content_bigrams(question, replace(analysis, expansion=""))
    sets = [plain, content_bigrams(question, analysis)]
    for word, other in synonyms(question):
        if word in question:
            sets.append(content_bigrams(question.replace(word, other), replace(analysis, expansion="")))
    unique = []
    for grams in sets:
        if grams and grams not in unique:
            unique.append(grams)
    return unique


def synonyms(question: str) -> list[tuple[str, str]]:
    """(a name in the question, another name of the same thing): reports name one indicator several ways
    (data/indicators.yaml) and questions word a few things two ways (data/question_words.yaml variants).

    A name is swapped for its group's first (shown) name and for its Latin abbreviations (GDP, CPI), not
    for every alias: a loose alias (经济总量 for GDP) lets a passage match on a generic word (经济).
    Example: synonyms("生产总值增速") -> [("生产总值", "地区生产总值"), ("生产总值", "GDP"), ("增速", "增长")]
    """
    out = []
    for group in [*synonym_groups(), *load_data("question_words.yaml")["variants"]]:
        found = [name for name in group if name in question]
        if found:
            word = max(found, key=len)
            targets = [group[0], *(name for name in group[1:] if re.fullmatch(r"[A-Za-z]+", name))]
            out += [(word, other) for other in dict.fromkeys(targets) if other != word]
    return out


def _best_picks(contexts: list[ScoredChunk], analysis: Analysis, grams: set[str]) -> list[Pick]:
    if analysis.comparison:
        picks = compare(contexts, analysis, grams)
        if len(picks) >= 2:
            return picks
    frame = frame_of(analysis)
    best = pick(contexts, analysis, grams, frame=frame if frame.figure else None)
    if frame.figure and frame.years and (best is None or best.score < REFUSE_BELOW):
        # no achieved value: a year its reports only plan for is answered with the plan
        best = pick(contexts, analysis, grams, frame=replace(frame, plan_answers=True))
    return [best] if best else []


def fitting_figures(hit: ScoredChunk, frame: Frame, need_number: bool = True):
    """accept(span, sentence) for best_span: a span stating figures passes only if one of them fits the
    frame; a span with no figure statement passes only if it has a number (a rank), left to the other checks."""
    facts = chunk_facts(hit)
    issued = hit.chunk.metadata.get("year_issued") or None

    def accept(span: str, sentence: str) -> bool:
        at = hit.chunk.text.find(span.strip())
        inside = [f for f in facts if at >= 0 and at <= f.start and f.end <= at + len(span.strip())]
        if not inside:  # no figure statement: a rank (居全国第5) answers a question about a rank only;
            # a count in words (六家) a question about a count
            if not need_number:
                return True
            if RANK.search(span):
                return frame.rank
            return bool(NUMBER_WORDS.search(span))
        return any(not disagreements(f, frame, issued) for f in inside)

    return accept


def chunk_facts(hit: ScoredChunk) -> tuple:
    chunk = hit.chunk
    return _facts_of(chunk.chunk_id, chunk.text, doc_context(chunk.metadata, chunk.heading, chunk.chunk_id))


@lru_cache(maxsize=4096)
def _facts_of(chunk_id: str, text: str, doc: DocContext) -> tuple:
    return tuple(extract_facts(text, doc, find_places))


def compose(picks: list[Pick], analysis: Analysis, contexts: list[ScoredChunk] | None = None,
            grams: set[str] | None = None) -> str:
    # a span is one line of the answer: a line break inside it (a heading, a page's line) is a space
    # one span picked for both sides of a comparison ("由138亿元增长到239.5亿元") is said once, with no verdict
    picks = [p for i, p in enumerate(picks) if all((p.text, p.n) != (q.text, q.n) for q in picks[:i])]
    sentences = [f"{LINE_BREAK.sub(' ', p.text).strip()}[{p.n}]" for p in picks]
    body = "；".join(sentences) + "。"
    if len(picks) == 2 and contexts and all(p.side is not None for p in picks):
        body += verdict(picks, contexts, analysis, grams or set())
    if analysis.language == "en":
        return f"According to the reports: {body}"
    return body


ORDINAL = re.compile(r"第([一二三四五六七八九十\d]+)([批届次期轮])|首([批届])")


def ordinals(text: str) -> set[tuple[str, str]]:
    """{("一", "批"), …}: 首批 is 第一批."""
    return {(m.group(1) or "一", m.group(2) or m.group(3)) for m in ORDINAL.finditer(text)}


def other_ordinal(question: str, span: str) -> bool:
    """The question asks about one batch or session (第一批) and the span speaks of another (第二批) only."""
    # the clause that asks (…，第一批入库培育的企业有多少家) says which one; other clauses set the scene
    asking = [c for c in re.split(r"[，,；;]", question) if re.search(r"多少|几|哪|什么|谁|how|what|which", c)]
    asked = ordinals(asking[-1]) if asking and ordinals(asking[-1]) else ordinals(question)
    stated = ordinals(span)
    counters = {c for _, c in asked}
    return bool(asked) and not asked & stated and any(c in counters for _, c in stated)


def grams_for_verdict(question: str, analysis: Analysis) -> set[str]:
    return content_bigrams(question, replace(analysis, expansion=""))


def verdict(picks: list[Pick], contexts: list[ScoredChunk], analysis: Analysis, grams: set[str]) -> str:
    """"2023年（172.3亿元）高于2020年（165.2亿元），多7.1亿元（+4.3%）[2][1]。" when each side's span states a
    figure of the side's frame in the same kind of unit; "" when the two cannot be set side by side."""
    from assistant.facts.units import multiplier, unit_groups

    facts = [_side_fact(p, contexts, grams) for p in picks]
    if None in facts:
        return ""
    a, b = facts
    group = unit_groups().get(a.unit)
    if group != unit_groups().get(b.unit) or a.measure != b.measure:
        return ""
    labels = [_side_label(p.side, analysis) for p in picks]
    markers = f"[{picks[0].n}][{picks[1].n}]" if picks[0].n != picks[1].n else f"[{picks[0].n}]"
    if a.base_value == b.base_value:
        same = "equal" if analysis.language == "en" else "相同"
        return (f" {labels[0]} and {labels[1]} are equal ({a.figure}){markers}." if analysis.language == "en"
                else f"{labels[0]}与{labels[1]}{same}（均为{a.figure}）{markers}。")
    higher = a.base_value > b.base_value
    if group == "percent" or group == "points":
        gap = f"{_number(abs(a.value - b.value))}个百分点"
        gap_en = f"{_number(abs(a.value - b.value))} percentage points"
    else:
        diff = abs(a.base_value - b.base_value) / multiplier(a.unit)
        change = (a.base_value / b.base_value - 1) * 100 if b.base_value else None
        gap = f"{_number(diff)}{a.unit}" + (f"（{change:+.1f}%）" if change is not None else "")
        gap_en = f"{_number(diff)}{a.unit}" + (f" ({change:+.1f}%)" if change is not None else "")
    if analysis.language == "en":
        word = "higher" if higher else "lower"
        return f" {labels[0]} ({a.figure}) is {word} than {labels[1]} ({b.figure}) by {gap_en}{markers}."
    word, more = ("高于", "多") if higher else ("低于", "少")
    if group in ("percent", "points"):
        more = "高" if higher else "低"
    return f"{labels[0]}（{a.figure}）{word}{labels[1]}（{b.figure}），{more}{gap}{markers}。"


def _side_fact(pick: Pick, contexts: list[ScoredChunk], grams: set[str]):
    """The fact of a side's span that fits its frame and best names what is asked."""
    hit = contexts[pick.n - 1]
    frame = replace(frame_of(pick.side), plan_answers=True, indicators=())
    at = hit.chunk.text.find(pick.text)
    inside = [f for f in chunk_facts(hit) if at >= 0 and at <= f.start and f.end <= at + len(pick.text)
              and not disagreements(f, frame, hit.chunk.metadata.get("year_issued") or None)]
    if not inside:
        return None
    return max(inside, key=lambda f: coverage(grams, f.indicator))


def _side_label(side: Analysis, analysis: Analysis) -> str:
    if len(analysis.places) >= 2 and side.places:
        return side.places[0]
    if side.years:
        return f"{side.years[0]}" if analysis.language == "en" else f"{side.years[0]}年"
    return side.periods[0] if side.periods else ""


def _number(value: float) -> str:
    """7.1, 12, 0.25: as few decimals as the value needs (at most two)."""
    return f"{value:.2f}".rstrip("0").rstrip(".")
