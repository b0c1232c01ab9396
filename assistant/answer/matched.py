"""The passages' facts against a figure question's frame: which fit it, and which figures of an answer do not.

The frame (assistant/facts/frame.py) is what the question asks: place, period, indicator, status,
measure. A fact fits it when facts/match.py finds nothing that disagrees, the rule the extractive
answerer picks its spans by. Here the same rule
- lists the fitting facts for the LLM prompt ("漯河市 | 2020 | 新增国家级高新技术企业 | 28家 | actual | [1]"), and
- checks an LLM answer: a figure it cites whose facts in the cited passage all disagree with the
  frame (a 2019 figure for a 2020 question, a target for an achieved value) gets the reason, unless
  the answer's own clause says so ("比2019年的19家多9家" gives 19家 as 2019's: true as stated).

Sentences planted as instructions in a passage state no facts (assistant/answer/instructions.py).
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from assistant.analysis import Analysis
from assistant.answer.figures import figure_supported, find_figures, normalise_text
from assistant.answer.instructions import split_instructions
from assistant.answer.types import Figure
from assistant.documents import ScoredChunk
from assistant.facts.extract import DocContext, doc_context, extract_facts
from assistant.facts.frame import Frame, frame_of, words_of, year_of
from assistant.facts.match import disagreements, figure_clause
from assistant.facts.model import Fact

# What the check of an answer's figures weighs: a figure's measure is left out, since an answer may
# give the growth beside the amount asked ("GDP 1573亿元，增长3.8%"); its place, period, indicator
# and status must be the question's.
CHECKED = ("place", "period", "indicator", "status")
LISTED = 12  # facts at most in the prompt
SAID_SHARE = 0.5  # of a fact's indicator's character pairs an answer's clause must hold to name that indicator


def question_frame(analysis: Analysis) -> Frame | None:
    """The frame a figure question's facts must fit; None when the question asks for no figure.

    A comparison names its sides' indicators each its own way (民生支出 vs 民生资金), so its frame
    does not require the indicator names, as the extractive answerer's sides do not."""
    frame = frame_of(analysis)
    if not frame.figure:
        return None
    return replace(frame, indicators=()) if analysis.comparison else frame


def asked_words(analysis: Analysis) -> tuple[str, ...]:
    """The words naming what a figure question asks about (refusal.indicator_words, as the extractive answerer's
    indicator_unsaid reads them); a comparison's too (its sides' frame names no catalogued indicator, but what
    both sides measure is still asked).

    Example: "漯河市2023年开展职业技能培训多少人次？" -> ("职业", "技能", "培训", "职业技能培训"…)"""
    from assistant.answer.refusal import indicator_words, only_added

    words = [w for w in indicator_words(analysis.question, analysis) if not any(w in p for p in analysis.periods)]
    # a word saying only that something was added (新增) names no thing
    return tuple([w for w in words if not only_added(w)] or words)


def unnamed(fact: Fact, words: tuple[str, ...]) -> bool:
    """The fact's own clause (its indicator and the words before its figure) names fewer than half of the words
    the question asks about: the figure measures another thing. A catalogued indicator (data/indicators.yaml)
    the frame checks by name already; this catches the rest, which any figure of the same place and year passed:
    "172.3亿元" (民生支出) of the passage for 职业技能培训多少人次."""
    whole = [w for w in dict.fromkeys(words) if not any(w != o and w in o for o in words)]
    if not whole:
        return False
    return 2 * _missing(fact, words) > len(whole)


def passage_facts(context: ScoredChunk, book) -> tuple[Fact, ...]:
    """The facts a passage states, its places read with `book` (the question's), those inside a
    planted instruction left out."""
    chunk = context.chunk
    return _facts_of(chunk.chunk_id, chunk.text, doc_context(chunk.metadata, chunk.heading, chunk.chunk_id), book)


@lru_cache(maxsize=4096)
def _facts_of(chunk_id: str, text: str, doc: DocContext, book) -> tuple[Fact, ...]:
    orders = [(at, at + len(order)) for order in split_instructions(text)[1] if (at := text.find(order)) >= 0]
    return tuple(f for f in extract_facts(text, doc, book.find_places)
                 if not any(a <= f.start and f.end <= b for a, b in orders))


def _issued(context: ScoredChunk) -> int | None:
    return context.chunk.metadata.get("year_issued") or None


def _reasons(fact: Fact, frame: Frame, context: ScoredChunk, checked=None, words: tuple[str, ...] = ()) -> list[str]:
    found = disagreements(fact, frame, _issued(context))
    if "indicator" not in found and unnamed(fact, words):
        found.append("indicator")
    return [r for r in found if r in checked] if checked else found


def with_plans(frame: Frame, contexts: list[ScoredChunk]) -> Frame:
    """The frame, letting a plan answer a year its reports only plan for when no passage states an
    achieved value that fits (the extractive answerer's order: an achieved value always wins)."""
    if not frame.years or any(not _reasons(f, frame, c) for c in contexts for f in passage_facts(c, frame.book)):
        return frame
    return replace(frame, plan_answers=True)


def fitting_facts(frame: Frame, contexts: list[ScoredChunk], limit: int = LISTED, words: tuple[str, ...] = ()) -> list[dict]:
    """The facts of the passages that fit the frame, for the prompt; [] when none. `words`: what the question asks
    about (asked_words); a fact whose clause names too little of it is left out, and those naming more of it come
    first (else passage order): a model told to prefer the listed figures takes the first.

    Example: for "漯河市2020年新增了多少家国家级高新技术企业？" over the 2021 Luohe report
      -> [{"n": 1, "place": "漯河市", "period": "2020", "indicator": "新增国家级高新技术企业", "value": "28家",
           "status": "actual"}]
    """
    frame = with_plans(frame, contexts)
    found, seen = [], set()
    for n, context in enumerate(contexts, start=1):
        for fact in passage_facts(context, frame.book):
            key = (n, fact.place, fact.period, fact.indicator, fact.value, fact.unit, fact.status)
            if key in seen or _reasons(fact, frame, context, words=words):
                continue
            seen.add(key)
            found.append((n, fact))
    found.sort(key=lambda item: _missing(item[1], words))  # stable: passage order among equals
    return [{"n": n, "place": fact.place or "-", "period": fact.period or "-", "indicator": _fenced(fact.indicator) or "-",
             "value": f"{_number(fact.value)}{fact.unit}", "status": fact.status} for n, fact in found[:limit]]


def _missing(fact: Fact, words: tuple[str, ...]) -> int:
    """How many of the asked words the fact's own clause leaves unsaid."""
    if not words:
        return 0
    from assistant.answer.refusal import missing_words

    return len(missing_words(list(words), f"{fact.indicator}{figure_clause(fact)}"))


def off_frame(figures: list[Figure], clauses: list[str], contexts: list[ScoredChunk], frame: Frame,
              words: tuple[str, ...] = ()) -> list[str]:
    """Marks each figure the cited passages state only as a fact of another place, period, indicator
    or status than the frame's (Figure.mismatch, the reason); returns those reasons. `clauses[i]`:
    the answer's clause stating figures[i]; a difference it names itself is no mismatch.

    A figure no extracted fact states (a figure the extractor does not read, a derived one) is not
    judged here: whether it is in the passage at all is check_figures' part."""
    frame = with_plans(frame, contexts)
    reasons = []
    for figure, clause in zip(figures, clauses):
        if not figure.verified or figure.derived:
            continue
        stating = [(n, fact) for n in figure.cited for fact in passage_facts(contexts[n - 1], frame.book)
                   if figure_supported(figure.text, [fact.figure])]
        # an answer clause giving this figure alone gives it as the figure asked: a growth rate then does not
        # answer an amount (beside the amount, "1573亿元，增长3.8%", it may)
        checked = CHECKED if len(find_figures(clause)) > 1 else (*CHECKED, "measure")
        verdicts = [(n, fact, [r for r in _reasons(fact, frame, contexts[n - 1], checked, words)
                               if not said(r, fact, clause, frame.book)])
                    for n, fact in stating]
        if not verdicts:
            lead = unread_lead(figure.text, [contexts[n - 1].chunk.text for n in figure.cited], words)
            if lead is not None:
                figure.mismatch = f"{figure.text} is stated after \"{lead[-24:]}\", which names too little of what " \
                                  "the question asks"
                reasons.append(figure.mismatch)
            continue
        if any(not why for _, _, why in verdicts):
            continue
        n, fact, why = min(verdicts, key=lambda v: len(v[2]))
        figure.mismatch = f"{figure.text} [{n}] " + "; ".join(describe(r, fact, frame) for r in why)
        reasons.append(figure.mismatch)
    return reasons


def unread_lead(figure: str, texts: list[str], words: tuple[str, ...]) -> str | None:
    """For a figure no extracted fact states (千万元 of 千万元以上项目, 两个 of 两个毫不动摇, a table's run of digits):
    the clause before it in a passage, when every clause it stands after names too little of what the question asks
    (unnamed's rule); None when one names enough, or the figure is not found as written."""
    wanted = re.sub(r"\s+", "", normalise_text(figure))  # as written: 千万元 is no 1000万元 here
    leads = []
    for text in texts:
        plain = normalise_text(text)
        at = plain.find(wanted)
        while at >= 0:
            leads.append(re.split(r"[。！？；;，,：:\n]", plain[:at])[-1])
            at = plain.find(wanted, at + 1)
    if not leads or not words:
        return None
    lone = Fact(place="", period="", indicator="", value=0.0, unit="", base_value=0.0, measure="", status="",
                figure=wanted, sentence="")
    return leads[0] if all(unnamed(replace(lone, indicator=lead), words) for lead in leads) else None


def said(reason: str, fact: Fact, clause: str, book) -> bool:
    """The answer's clause names the fact's own period, place, status or indicator, where it differs from
    the question's: "比2019年的19家" (period), "郾城区增长7%" (place), "目标为增长6%" (status),
    "生产总值增长7%" beside the retail sales asked for (indicator). True as stated, then."""
    if reason == "period":
        year = year_of(fact.period)
        return bool(fact.period) and (fact.period in clause or (year is not None and str(year) in clause))
    if reason == "place":
        return bool(fact.place) and book.canonical(fact.place) in {book.canonical(p) for p in book.find_places(clause)}
    if reason == "status":
        return any(re.search(cue, clause, re.I) for cue in words_of(f"question_{fact.status}"))
    if reason == "indicator":  # most of the fact's own indicator words: "社会消费品零售总额增长9%，生产总值增长7%"
        own = _pairs(fact.indicator)
        return bool(own) and len(own & _pairs(clause)) >= SAID_SHARE * len(own)
    return False


def _pairs(text: str) -> set[str]:
    text = re.sub(r"\s+", "", text)
    return {text[i:i + 2] for i in range(len(text) - 1)}


def describe(reason: str, fact: Fact, frame: Frame) -> str:
    """One disagreement in words: what the passage's fact is, against what the question asks."""
    if reason == "place":
        return f"is about {fact.place}, the question asks about {'/'.join(frame.places)}"
    if reason == "period":
        asked = "/".join([*map(str, frame.years), *frame.periods]) or "another period"
        return f"is a figure of {fact.period}, the question asks about {asked}"
    if reason == "status":
        return f"is a {fact.status} figure, the question asks for a{'n' if frame.status[0] in 'aeiou' else ''} " \
               f"{frame.status} one"
    if reason == "indicator":
        asked = frame.indicators[0] if frame.indicators else "what the question names"
        return f"measures {fact.indicator}, not {asked}"
    return f"differs in {reason}"


def _fenced(text: str) -> str:
    # What the prompt shows must not open or close its fences, as in the passages themselves.
    return " ".join(text.replace("<", "‹").replace(">", "›").split())


def _number(value: float) -> str:
    """3.8 -> "3.8", 28.0 -> "28", 1573.24 -> "1573.24" (never 1e+03)."""
    text = f"{value:.6f}".rstrip("0").rstrip(".")
    return text or "0"
