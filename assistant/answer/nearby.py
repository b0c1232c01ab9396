"""When a figure question is refused: what the reports do state about it, with citations.

"报告给出2023年漯河市实际利用外资4.37亿美元，没有给出地区生产总值" is more use than a bare
refusal: the reader sees the nearest facts (another year, a target instead of the achieved
value, another place) and can open them. Facts are those of the passages already retrieved
whose indicator shares the question's indicator words.
"""
from __future__ import annotations

import re

from assistant.analysis import Analysis
from assistant.answer.refusal import indicator_words
from assistant.documents import ScoredChunk

STATUS_ZH = {"target": "目标", "cumulative": "累计", "average": "年均", "actual": ""}
STATUS_EN = {"target": "target", "cumulative": "total", "average": "yearly average", "actual": ""}


def what_reports_hold(question: str, analysis: Analysis, passages: list[ScoredChunk], limit: int = 2) -> str:
    """A sentence naming up to `limit` facts near the question, each with its [n]; else one naming the years the
    nearest reports are about when the question asks another; "" when neither."""
    from assistant.facts.frame import frame_of

    if analysis.wants not in ("number", "rate") and not frame_of(analysis).figure:
        return years_held(analysis, passages)
    return nearest_figures(question, analysis, passages, limit) or years_held(analysis, passages)


def years_held(analysis: Analysis, passages: list[ScoredChunk], limit: int = 2) -> str:
    """"检索到的报告：漯河市政府工作报告（2021年）讲的是2020年[1]；没有讲2018年的。" for a question about a year
    the nearest work reports do not cover; "" otherwise."""
    from assistant.answer.extractive import year_held

    about = []
    for n, hit in enumerate(passages[:3], start=1):
        meta = hit.chunk.metadata
        reviewed, issued = meta.get("year_reviewed"), meta.get("year_issued")
        if reviewed and not year_held(hit, analysis) and hit.chunk.title not in {a[0] for a in about}:
            about.append((hit.chunk.title, reviewed, issued, n))
    if not about:
        return ""
    asked = "、".join(str(y) for y in analysis.years)
    if analysis.language == "en":
        parts = [f"{title} reviews {done}" + (f" and plans {plan}" if plan else "") + f" [{n}]"
                 for title, done, plan, n in about[:limit]]
        return f" The nearest reports: {'; '.join(parts)}; none is about {asked}."
    parts = [f"{title}回顾{done}年" + (f"、部署{plan}年" if plan else "") + f"[{n}]" for title, done, plan, n in about[:limit]]
    return f"检索到的报告：{'；'.join(parts)}；没有讲{asked}年的。"


def nearest_figures(question: str, analysis: Analysis, passages: list[ScoredChunk], limit: int = 2) -> str:
    """A sentence naming up to `limit` facts near the question, each with its [n]; "" when none."""
    from assistant.answer.extractive import chunk_facts

    from assistant.facts.frame import frame_of

    words = indicator_words(question, analysis)
    names = frame_of(analysis).indicators  # an English question names its indicator through the glossary
    if not words and not names:
        return ""
    found, seen = [], set()
    for n, hit in enumerate(passages, start=1):
        for fact in chunk_facts(hit, analysis.book):
            share = (sum(w in fact.indicator for w in words) / len(words) if words
                     else float(any(name in fact.indicator for name in names)))
            key = (fact.place, fact.period, fact.indicator, fact.status, fact.figure)
            if share >= 0.5 and key not in seen:
                seen.add(key)
                found.append((-share, n, fact))
    found.sort(key=lambda item: (item[0], item[1]))
    picked = found[:limit]
    if not picked:
        return ""
    if analysis.language == "en":
        parts = [f"{_describe_en(f)} [{n}]" for _, n, f in picked]
        return " The reports do give: " + "; ".join(parts) + "."
    parts = [f"{_describe_zh(f)}[{n}]" for _, n, f in picked]
    return "报告中相近的数字：" + "；".join(parts) + "。"


def _period_zh(period: str) -> str:
    if not period:
        return ""
    if period[:4].isdigit():
        rest = {"H1": "上半年", "H2": "下半年", "Q1": "一季度", "Q2": "二季度", "Q3": "三季度", "Q4": "四季度",
                "Q1-3": "前三季度"}.get(period[4:], period[4:])
        return f"{period[:4]}年{rest}"
    return f"“{period}”期间" if "-" not in period else f"{period}年"


def _describe_zh(fact) -> str:
    growth = "增长" if fact.measure == "growth" and fact.value >= 0 else ("下降" if fact.measure == "growth" else "")
    figure = fact.figure if not growth or fact.figure.startswith(("增", "下", "降")) else f"{growth}{fact.figure}"
    status = STATUS_ZH.get(fact.status, "")
    return f"{fact.place}{_until(fact) or _period_zh(fact.period)}{fact.indicator}{status}{figure}"


def _until(fact) -> str:
    """A total or average dated by a year is over the years up to it (五年累计 of a 2008 report is 2007's): 截至2007年."""
    return f"截至{fact.period}年" if fact.status in ("cumulative", "average") and re.fullmatch(r"\d{4}", fact.period) else ""


def _describe_en(fact) -> str:
    status = STATUS_EN.get(fact.status, "")
    when = (f"up to {fact.period}" if _until(fact) else fact.period) or "undated"
    return f"{fact.place} {when}{' ' + status if status else ''}: {fact.indicator} {fact.figure}"
