"""One interface for every way of answering: the Answerer protocol and its offline and fallback members.

An answerer turns a prepared question and its retrieved passages into a checked `Answer`
(text with [n] markers, citations, verified figures). `answering.py` picks one from the
settings; the CLI, the HTTP API, the app and the evaluation runner all go through it.

    ExtractiveAnswerer   offline, deterministic: a span of the passages, the default
    LLMAnswerer          an OpenAI-compatible chat model (assistant/answer/chain.py)
    FallbackAnswerer     the LLM, and the extractive answer, labelled, when the LLM is unavailable

Like simonw/llm's Model or smolagents' Model.generate: one call that answers, one that streams.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterator, Protocol, runtime_checkable

from assistant.analysis import Analysis, analyse
from assistant.answer import extractive
from assistant.answer.citations import build_answer, is_refusal
from assistant.answer.nearby import what_reports_hold
from assistant.answer.series import asks_series, series_answer
from assistant.answer.types import Answer
from assistant.documents import ScoredChunk
from assistant.errors import AssistantError
from assistant.redact import scrub
from assistant.timing import timed


class AnswererUnavailable(AssistantError):
    """An answerer cannot answer now (timeout, network, overload, a bad reply): another one may."""


@dataclass
class Asked:
    """A question ready to answer: as the user typed it (cleaned), as a standalone question
    (a follow-up rewritten), that question analysed, and the time each stage took so far."""
    text: str
    standalone: str
    analysis: Analysis
    timings: dict[str, float] = field(default_factory=dict)  # ms per stage; answerers add theirs

    def explain(self) -> dict:
        return {**self.analysis.explain(), "standalone": self.standalone}


@runtime_checkable
class Answerer(Protocol):
    """What answering needs of an answerer. `chunks` are the retrieved passages in rank order
    (marker [n] in the answer text means chunks[n-1] of those it used); `history` the earlier
    turns [{question, answer}], already cleaned."""

    name: str  # the Answer.mode it gives: "extractive" | "llm"

    def rewrite(self, question: str, history: list[dict]) -> str:
        """A follow-up as a standalone question ("那2024年呢？" -> "漯河市2024年…？")."""
        ...

    def answer(self, asked: Asked, chunks: list[ScoredChunk], history: list[dict]) -> Answer:
        """The checked Answer, in one piece."""
        ...

    def stream(self, asked: Asked, chunks: list[ScoredChunk], history: list[dict]) -> Iterator[str | Answer]:
        """Text pieces as they are written (none for an answerer that writes all at once), then the Answer."""
        ...


class ExtractiveAnswerer:
    """Offline and deterministic: the passage span that answers the question's frame, cited, or a
    refusal naming the nearest facts the reports hold. `known(term)`: does the index hold a term
    (the lexical index's vocabulary); unknown specific terms count against an answer."""

    name = "extractive"

    def __init__(self, known=None, book=None, all_chunks=None, near=None):
        """`book`: the index's places (follow-ups are merged with them); `all_chunks()`: every chunk of the
        index, for series questions answered from the fact table (none: series are not answered); `near`: a
        semantic.Nearness over the index's embedder, for English words no list reads (none: they stay unknown)."""
        self.known, self.book, self.all_chunks, self.near = known, book, all_chunks, near

    def rewrite(self, question: str, history: list[dict]) -> str:
        return merge_followup(question, history, self.book)

    def answer(self, asked: Asked, chunks: list[ScoredChunk], history: list[dict]) -> Answer:
        with timed(asked.timings, "extract"):
            # every chunk is read only for a series question: other questions never pay for it
            found = series_answer(self.all_chunks(), asked.analysis) \
                if self.all_chunks and asks_series(asked.analysis) else None
            if found:  # "漯河市历年民生支出": one value a year from the fact table, each cited
                text, chunks = found
            else:
                # an English question is answered as its reading in the reports' words (assistant/english.py)
                text = extractive.answer(asked.analysis.question, asked.analysis, chunks, known=self.known,
                                         near=self.near)
            if is_refusal(text):
                text += what_reports_hold(asked.analysis.question, asked.analysis, chunks)  # nearest facts or years
        with timed(asked.timings, "verify"):
            answer = build_answer(asked.text, text, chunks, self.name, analysis=asked.explain())
        answer.timings = dict(asked.timings)
        return answer

    def stream(self, asked: Asked, chunks: list[ScoredChunk], history: list[dict]) -> Iterator[str | Answer]:
        yield self.answer(asked, chunks, history)


class FallbackAnswerer:
    """The LLM, and when it cannot answer now (timeout, overload, a cut stream: LLMUnavailable) the
    extractive answer, labelled "extractive (fallback)" with the reason. Configuration errors (bad
    key, unknown model, no quota) are raised: falling back would hide them.

    `secrets`: strings never to show in the reason (keys, URL passwords), see assistant.redact."""

    name = "llm"
    label = "extractive (fallback)"

    def __init__(self, primary: Answerer, fallback: Answerer, secrets: list[str] | None = None):
        self.primary, self.fallback = primary, fallback
        self.secrets = list(secrets or [])

    def rewrite(self, question: str, history: list[dict]) -> str:
        standalone = self.fallback.rewrite(question, history)
        if not history:
            return standalone
        try:
            return self.primary.rewrite(question, history)
        except AnswererUnavailable:
            return standalone  # the heuristic merge stands in; the answer step will fall back too

    def answer(self, asked: Asked, chunks: list[ScoredChunk], history: list[dict]) -> Answer:
        try:
            return self.primary.answer(asked, chunks, history)
        except AnswererUnavailable as e:
            return self._fall_back(asked, chunks, history, e)

    def stream(self, asked: Asked, chunks: list[ScoredChunk], history: list[dict]) -> Iterator[str | Answer]:
        try:
            yield from self.primary.stream(asked, chunks, history)
        except AnswererUnavailable as e:  # also midway: the pieces shown are followed by the labelled answer
            yield self._fall_back(asked, chunks, history, e)

    def _fall_back(self, asked: Asked, chunks: list[ScoredChunk], history: list[dict], error: Exception) -> Answer:
        answer = self.fallback.answer(asked, chunks, history)
        reason = scrub(f"LLM unavailable, extractive answer shown instead: {error}", self.secrets)
        answer.mode = self.label
        answer.notice = f"{reason}; {answer.notice}" if answer.notice else reason
        return answer


def merge_followup(question: str, history: list[dict], book=None) -> str:
    """Without an LLM, a follow-up borrows what it leaves out from the last question.

    Example: merge_followup("那2024年呢？", [{"question": "2023年漯河市城镇新增就业多少人？"}])
      -> "2024年漯河市城镇新增就业多少人？"
    """
    if not history:
        return question
    previous = history[-1].get("question", "")
    now = analyse(question, book)
    if len(re.sub(r"[那呢？?吗的，,\s]|what about|and|how about", "", question, flags=re.I)) > 12 and now.places and now.years:
        return question  # already standalone
    merged = previous
    before = analyse(previous, book)
    for old, new in zip(before.years, now.years):
        merged = merged.replace(str(old), str(new))
    if now.places and before.places:
        known = before.book.place(before.places[0])  # the index's places: a learned zone's short forms too
        for alias in sorted({before.places[0], *(known.aliases if known else ())}, key=len, reverse=True):
            if alias in merged:
                merged = merged.replace(alias, now.places[0], 1)
                break
    if not now.years and not now.places:
        merged = f"{previous} {question}"
    return merged
