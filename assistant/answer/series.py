"""Series questions ("漯河市历年民生支出"): each year's value of one indicator, from the fact table, cited.

A question that asks for an indicator across years and names at most one place is answered
from every stored fact of that indicator (its synonyms too, data/indicators.yaml), one value
a period, oldest first, each with the passage that states it. Without two periods the usual
answerer answers: one year is not a series.
"""
from __future__ import annotations

import re

from assistant.analysis import Analysis
from assistant.documents import ScoredChunk
from assistant.facts.extract import cue_pattern
from assistant.facts.frame import frame_of
from assistant.facts.match import RATE_MEASURES, qualifiers_differ
from assistant.facts.table import SeriesRow, series
from assistant.text import YEAR


def asks_series(analysis: Analysis) -> bool:
    """The question asks for a series and names no single year (历年, over the years, 2020到2023年)."""
    if cue_pattern("question_series").search(analysis.question.lower()):
        return len(analysis.years) != 1
    return False


def indicator_asked(analysis: Analysis) -> str:
    """The indicator's name: a synonym group the question names, else what is left of the question once its
    places, years, series words and asking words are taken out ("漯河市历年民生支出" -> "民生支出")."""
    frame = frame_of(analysis)
    if frame.indicators:
        named = [n for n in frame.indicators if n in analysis.question or n.upper() in analysis.question.upper()]
        return max(named or frame.indicators, key=len)
    text = analysis.question if analysis.language == "zh" else analysis.expansion.split(" ")[0]
    for name in analysis.places:
        known = analysis.book.place(name)
        for alias in sorted({name, *(known.aliases if known else ())}, key=len, reverse=True):
            text = text.replace(alias, "")
    text = re.sub(rf"(?:{YEAR})年?|[至到—–~-]", "", text)
    text = cue_pattern("question_series").sub("", text)
    text = cue_pattern("series_fillers").sub("", text)
    return re.sub(r"[\s，,。？?！!：:、“”\"']", "", text)


def series_rows(chunks, analysis: Analysis) -> list[SeriesRow]:
    """One row a period, in the unit most rows share, actuals unless the question asks for targets."""
    frame = frame_of(analysis)
    indicator = indicator_asked(analysis)
    if len(indicator) < 2 or len(analysis.places) > 1:
        return []
    years = sorted(analysis.years)
    status = "target" if frame.status == "target" else "actual"
    rows = series(chunks, indicator, place=analysis.places[0] if analysis.places else None,
                  first=years[0] if years else None, last=years[-1] if years else None, status=status,
                  book=analysis.book)
    # 人均生产总值 is not 生产总值: a qualifier one side has and the other lacks makes another indicator
    rows = [r for r in rows if (r.fact.measure in RATE_MEASURES) == frame.rate
            and not qualifiers_differ(r.fact.indicator, indicator)]
    if not rows or len({r.fact.place for r in rows}) > 1:
        return []  # no place named and facts of several places: not one series
    units = [r.fact.unit for r in rows]
    unit = max(set(units), key=lambda u: (units.count(u), -units.index(u)))
    out, seen = [], set()
    for row in sorted(rows, key=lambda r: (r.fact.period, -r.similarity)):
        if row.fact.unit == unit and row.fact.period not in seen:
            seen.add(row.fact.period)
            out.append(row)
    return out


def series_answer(chunks, analysis: Analysis) -> tuple[str, list[ScoredChunk]] | None:
    """The answer text with [n] markers and the passages they cite, or None (not a series question, or no
    fact of the indicator found)."""
    if not asks_series(analysis):
        return None
    rows = series_rows(chunks, analysis)
    if not rows:
        return None
    passages: list[ScoredChunk] = []
    marks: dict[str, int] = {}
    parts = []
    for row in rows:
        chunk_id = row.chunk.chunk_id
        if chunk_id not in marks:
            passages.append(ScoredChunk(chunk=row.chunk, score=1.0, reasons=["series"]))
            marks[chunk_id] = len(passages)
        parts.append(f"{_period_label(row.fact.period)}{row.fact.figure}[{marks[chunk_id]}]")
    place = rows[0].fact.place
    label = "目标" if rows[0].fact.status == "target" else ""
    only = "（报告中只有这一年的数字）" if len(rows) == 1 else ""
    return f"{place}{indicator_asked(analysis)}{label}：" + "；".join(parts) + only + "。", passages


def _period_label(period: str) -> str:
    return f"{period}年" if re.fullmatch(r"\d{4}", period) else period
