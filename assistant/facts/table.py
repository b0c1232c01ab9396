"""The fact table: facts stored with their chunks, read back, and searched as series.

Facts travel in their chunk's metadata (`facts`, compact JSON), so they are written and
deleted with the chunk in one step (crash safety and `remove` need nothing more) and a
shared Chroma server carries them to every machine like the chunks themselves.
"""
from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, replace
from functools import lru_cache

from assistant.facts.extract import doc_context, extract_facts, part_after
from assistant.facts.model import Fact
from assistant.data_files import load_data

FIELD = "facts"  # the chunk metadata key
SHORT = {"place": "p", "period": "t", "indicator": "i", "value": "v", "unit": "u", "base_value": "b",
         "measure": "m", "status": "s", "figure": "f", "start": "a", "end": "e"}


def extract_for_chunk(chunk, find_places=None, document_text: str = "") -> list[Fact]:
    """The facts of a chunk as ingest stores them (the chunk's metadata gives place and years; the
    document's text, when given, the start of the paragraph the chunk begins in)."""
    # The whole text, the opening sentence shared with the chunk before (chunking's overlap) too:
    # the answerer checks a figure it quotes against its chunk's facts, and a figure with none there
    # was quoted unchecked (a refusal became a wrong figure). Lists of facts (`series`) keep one
    # row per place in the document.
    context = doc_context(chunk.metadata, chunk.heading, chunk.chunk_id)
    if document_text:
        context = replace(context, plan_part=plan_part(document_text, chunk.heading_path, chunk.start,
                                                       context.year_reviewed),
                          ahead=after_review(document_text, chunk.heading_path, chunk.start))
    return extract_facts(chunk.text, context, find_places,
                         lead=paragraph_lead(document_text, chunk.start) if document_text else "")


def plan_part(document_text: str, heading_path: list[str], start: int, year_reviewed: int | None) -> str:
    """The plan whose review the text at `start` belongs to, in a review section of a plan's last year:
    "一、“十四五”时期和2025年工作回顾" reviews the plan first, until a paragraph opens the year's part
    ("刚刚过去的2025年…"); "一、2025年和“十四五”时期工作回顾" (or "一、2025年工作回顾") the year first,
    until a paragraph turns to the plan ("五年来，…", "标志着“十四五”圆满收官"); "" elsewhere."""
    from assistant.facts.extract import says
    from assistant.text import plan_periods

    plan = next((p for p, (a, b) in plan_periods().items() if b == year_reviewed), "")
    top = heading_path[0] if heading_path else ""
    if not plan or not says("review_heading", top):
        return ""
    year_at, plan_at = top.find(f"{year_reviewed}年"), top.find(plan)
    section = document_text.rfind(top, 0, start + len(top))  # (a chunk may begin with the heading itself)
    if section < 0:
        return ""
    part = plan if 0 <= plan_at and not 0 <= year_at < plan_at else ""
    for paragraph in document_text[section + len(top):start].split("\n"):
        part = part_after(paragraph, part, plan)
    return part


def after_review(document_text: str, heading_path: list[str], start: int) -> bool:
    """The text at `start` is in a later section of a report that opens with a review ("一、2014年工作回顾"
    … "四、协调推动经济稳定增长和结构优化"), one that does not look back itself: the report's plans."""
    from assistant.facts.extract import cue_pattern, says

    top = heading_path[0].strip() if heading_path else ""
    if any(says("review_heading", h) for h in heading_path):
        return False
    if _under_dated_appendix(document_text[:start]):
        return True
    section = document_text.rfind(top, 0, start + len(top))  # (a chunk may begin with the heading itself)
    if cue_pattern("first_section").match(top) and section > 0:
        return _appendix_ahead(document_text[:section])
    if not cue_pattern("later_section").match(top):
        return False
    opening = re.search(rf"^\s*{cue_pattern('first_section').pattern}.*$", document_text[:max(section, 0)], re.M)
    return bool(opening) and says("review_heading", opening.group(0))


def _under_dated_appendix(before: str) -> bool:
    """The text follows an appendix marker line (附件, 附件1) whose title names a year and looks back at nothing
    ("附件 / 2026年自治区民生实事 / 1.…2. …"): the items are that year's plans, whatever numbered section the heading
    reader still puts them under. (Not "名词解释", which names no year; not "2025年民生实事完成情况".)"""
    from assistant.facts.extract import cue_pattern, says

    marks = list(re.finditer(rf"^\s*(?:{cue_pattern('appendix_marks').pattern})\s*\d*\s*$", before, re.M))
    if not marks:
        return False
    after = [line.strip() for line in before[marks[-1].end():].splitlines() if line.strip()]
    title = after[0] if after else ""
    return bool(re.search(r"\d{4}年", title)) and len(title) <= 30 and not says("review_heading", title) and not (
        re.search(r"完成情况|落实情况|进展情况", title))


def _appendix_ahead(before: str) -> bool:
    """A list numbered again from 一、 after a report's later sections, under a title that looks back at nothing
    ("2026年省十件民生实事" after "三、2026年工作安排"): an appendix to the year's plans. (Not one whose title reviews:
    "2025年十件民生实事完成情况".)"""
    from assistant.facts.extract import cue_pattern, says

    if not re.search(rf"^\s*{cue_pattern('later_section').pattern}", before, re.M):
        return False
    opening = re.search(rf"^\s*{cue_pattern('first_section').pattern}.*$", before, re.M)
    if not opening or not says("review_heading", opening.group(0)):
        return False
    titles = [line.strip() for line in before.splitlines() if line.strip() and len(line.strip()) <= 30
              and not re.search(r"[。；;！!]$", line.strip())]
    return bool(titles) and not says("review_heading", titles[-1]) and not re.search(r"完成情况|落实情况|进展情况",
                                                                                    titles[-1])


def paragraph_lead(document_text: str, start: int) -> str:
    """The text from the start of the paragraph holding offset `start` up to it ("" at a paragraph's start)."""
    return document_text[document_text.rfind("\n", 0, start) + 1:start]


def to_field(facts: list[Fact]) -> str:
    """Facts as the compact JSON kept in chunk metadata (the sentence is cut from the chunk again)."""
    return json.dumps([{SHORT[k]: getattr(f, k) for k in SHORT} for f in facts], ensure_ascii=False,
                      separators=(",", ":"))


def from_field(field: str, chunk_id: str, text: str) -> list[Fact]:
    """Facts back from the metadata field; their sentence re-cut from the chunk's text."""
    try:
        rows = json.loads(field or "[]")
    except ValueError:
        return []  # a damaged field costs the facts of one chunk, never the search
    out = []
    for row in rows:
        values = {k: row.get(s) for k, s in SHORT.items()}
        if None in values.values():
            continue
        out.append(Fact(**values, sentence=_sentence_at(text, values["start"], values["end"]), chunk_id=chunk_id))
    return out


def _sentence_at(text: str, start: int, end: int) -> str:
    left = max((text.rfind(mark, 0, start) for mark in "。！？；\n"), default=-1) + 1
    rights = [i for i in (text.find(mark, end) for mark in "。！？；\n") if i >= 0]
    return text[left:(min(rights) + 1 if rights else len(text))].strip()


@lru_cache(maxsize=None)
def synonym_groups() -> list[list[str]]:
    return [list(group) for group in load_data("indicators.yaml")]


def _norm(text: str) -> str:
    return re.sub(r"[\s“”\"（）()]", "", unicodedata.normalize("NFKC", text)).upper()


def names_of(indicator: str) -> list[str]:
    """The indicator and every name of a synonym group it belongs to (longest name found wins)."""
    wanted = _norm(indicator)
    names = [indicator]
    for group in synonym_groups():
        if any(_norm(name) == wanted or _norm(name) in wanted for name in group):
            names += [n for n in group if n not in names]
    return names


def indicator_similarity(asked: str, indicator: str) -> float:
    """1.0 when a name of what is asked is the indicator or is held in it (民生支出 in 财政民生支出);
    else the share of the asked name's character bigrams the indicator has."""
    got = _norm(indicator)
    best = 0.0
    for name in names_of(asked):
        name = _norm(name)
        if not name:
            continue
        if name == got or name in got:
            return 1.0
        grams = {name[i:i + 2] for i in range(max(1, len(name) - 1))}
        best = max(best, sum(g in got for g in grams) / len(grams))
    return best


@dataclass
class SeriesRow:
    fact: Fact
    chunk: object  # the Chunk it was read from: source, title, heading for the citation
    similarity: float

    def to_dict(self) -> dict:
        """The value and where it is written (CLI --json, GET /v1/facts)."""
        f, chunk = self.fact, self.chunk
        return {"place": f.place, "period": f.period, "indicator": f.indicator, "value": f.value, "unit": f.unit,
                "figure": f.figure, "measure": f.measure, "status": f.status, "source": chunk.source,
                "title": chunk.title, "heading": chunk.heading, "chunk_id": chunk.chunk_id, "quote": f.sentence,
                "similarity": round(self.similarity, 3)}


def series(chunks, indicator: str, place: str | None = None, first: int | None = None, last: int | None = None,
           status: str | None = None, measure: str | None = None, threshold: float = 0.75,
           book=None) -> list[SeriesRow]:
    """Every stored fact of `indicator` (by name or synonym) in `chunks`, filtered, oldest period first.
    `book`: the places of the index the chunks are from (Index.places); none, the gazetteer alone."""
    from assistant.facts.frame import year_of
    from assistant.places import gazetteer_book

    book = book or gazetteer_book()
    canonical = book.canonical
    wanted_place = canonical(place) if place else None
    rows = []
    for chunk, fact in _once_each(chunks, book):
        similarity = indicator_similarity(indicator, fact.indicator)
        if similarity < threshold:
            continue
        if wanted_place and canonical(fact.place) != wanted_place:
            continue
        year = year_of(fact.period)
        if (first and (year is None or year < first)) or (last and (year is None or year > last)):
            continue
        if (status and fact.status != status) or (measure and fact.measure != measure):
            continue
        rows.append(SeriesRow(fact, chunk, similarity))
    rows.sort(key=lambda r: (r.fact.period, r.fact.status != "actual", -r.similarity, r.fact.chunk_id, r.fact.start))
    return _unique(rows)


def _once_each(chunks, book) -> list[tuple[object, Fact]]:
    """Each (chunk, fact) once per place in its document: a figure in the sentence a chunk shares
    with the chunk before (chunking's overlap) is that chunk's row, read in its own context; the
    overlap's reading counts only when the chunk before is not among `chunks`."""
    own, shared = {}, {}
    for chunk in chunks:
        for fact in stored_facts(chunk, book):
            where = (chunk.doc_id, chunk.start + fact.start)
            (shared if fact.start < getattr(chunk, "own_offset", 0) else own).setdefault(where, (chunk, fact))
    return list(own.values()) + [pair for where, pair in shared.items() if where not in own]


def _unique(rows: list[SeriesRow]) -> list[SeriesRow]:
    """One row per (place, period, status, measure, value): a report repeats its own figures."""
    seen, out = set(), []
    for row in rows:
        f = row.fact
        key = (f.place, f.period, f.status, f.measure, f.value, f.unit)
        if key not in seen:
            seen.add(key)
            out.append(row)
    return out


def stored_facts(chunk, book=None) -> list[Fact]:
    """The chunk's facts from its metadata, or extracted now for chunks stored before facts were."""
    field = getattr(chunk, "facts_field", None)
    if field is not None:
        return from_field(field, chunk.chunk_id, chunk.text)
    from assistant.places import gazetteer_book

    return extract_for_chunk(chunk, (book or gazetteer_book()).find_places)
