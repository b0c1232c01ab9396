"""The path of a question: clean -> (rewrite follow-up) -> analyse -> retrieve -> answer -> verify.

The answering itself is an Answerer (assistant/answer/protocol.py), picked here from the mode:
the extractive one, or the LLM with the extractive answer as its labelled fallback when the LLM
is unreachable or overloaded. Configuration errors (bad key, unknown model, no quota, an unknown
mode) are raised: guessing would hide them.
"""
from __future__ import annotations

from typing import Iterator

from assistant.analysis import analyse
from assistant.dictionary import document_counts, with_dictionary, with_glossed_names
from assistant.answer.semantic import Nearness
from assistant.answer.protocol import Answerer, Asked, ExtractiveAnswerer, FallbackAnswerer, merge_followup
from assistant.answer.parts import joined_answer, question_parts, split_clauses
from assistant.answer.types import Answer
from assistant.english import with_held_renderings, with_known_parts, with_spelled_names
from assistant.errors import BadQuestion, ConfigError
from assistant.redact import secrets_of
from assistant.retrieval import answer_depth
from assistant.settings import DEFAULT_LLM_MODEL, MODES
from assistant.timing import timed

__all__ = ["answer_question", "stream_answer", "answerer_for", "resolve_mode", "clean_history", "merge_followup"]

HISTORY_TURNS = 4  # earlier turns kept: the LLM's rewrite sees 4, its answer prompt 3, the merge 1
ANSWER_CHARS = 2000  # of each earlier answer (the prompts show at most 300)


def resolve_mode(assistant, mode: str, llm=None) -> str:
    """"llm" or "extractive": what `mode` (auto | llm | extractive) means with this configuration.

    `llm`: an LLMAnswerer for this call only (e.g. an endpoint one app session chose)."""
    if mode not in MODES:
        raise ConfigError(f"unknown answer mode {mode!r}: use one of {', '.join(MODES)}")
    configured = llm is not None or assistant.settings.llm_configured
    if mode == "llm" and not configured:
        raise ConfigError(f"LLM mode needs an endpoint: set OPENAI_API_KEY (OpenAI, model {DEFAULT_LLM_MODEL} unless "
                          "ASSISTANT_LLM_MODEL names another), or OPENAI_BASE_URL and ASSISTANT_LLM_MODEL")
    if mode == "auto":
        return "llm" if configured else "extractive"
    return mode


def answerer_for(assistant, mode: str, llm=None) -> Answerer:
    """The Answerer for `mode`: extractive, or the LLM (`llm`, else the Assistant's) falling back to it."""
    offline = ExtractiveAnswerer(known=assistant.index.lexical.knows, book=assistant.index.places,
                                 all_chunks=assistant.index.all_chunks, near=Nearness(assistant.embedder))
    if resolve_mode(assistant, mode, llm) == "extractive":
        return offline
    llm = llm if llm is not None else assistant.llm
    secrets = secrets_of(assistant.settings) + secrets_of(getattr(llm, "settings", None))
    return FallbackAnswerer(llm, offline, secrets)


def clean_history(assistant, history: list[dict]) -> list[dict]:
    """The last HISTORY_TURNS turns, each question cleaned and capped like a question, each answer capped.

    A turn whose question would be refused (empty, unsupported script) is dropped, not
    an error: the question being asked now is what the user is waiting for.
    Example: clean_history(a, [{"question": "x" * 5000}]) -> [{"question": "x" * 1000, "answer": ""}]
    """
    kept = []
    for turn in history[-HISTORY_TURNS:] if isinstance(history, list) else []:
        if not isinstance(turn, dict):
            continue
        try:
            question = assistant.clean_question(turn.get("question", ""))
        except BadQuestion:
            continue
        answer = turn.get("answer", "")
        answer = " ".join(answer.split())[:ANSWER_CHARS] if isinstance(answer, str) else ""
        kept.append({"question": question, "answer": answer})
    return kept


def _prepare(assistant, answerer: Answerer, question: str, history: list[dict], k: int, filters):
    """The Asked question (rewritten, analysed) and the retrieved passages, at least 10 of them."""
    timings: dict[str, float] = {}
    question = assistant.clean_question(question)
    with timed(timings, "rewrite"):
        standalone = answerer.rewrite(question, history)[:assistant.settings.max_question_chars]
    with timed(timings, "retrieve"):
        analysis, contexts = retrieve(assistant, standalone, k, filters)
    return Asked(question, standalone, analysis, timings), contexts


def retrieve(assistant, question: str, k: int, filters=None):
    """(the question's Analysis, its passages, at least 10): the retrieval an answer reads, also what
    `python -m assistant.bench.unseen` scores."""
    analysis = analyse(question, assistant.index.places)
    # an English question's names in pinyin (Weilong) as the index writes them (卫龙)
    analysis = with_spelled_names(analysis, assistant.index.lexical.vocabulary())
    # an English word no list knows read through CC-CEDICT, to the Chinese words passages hold (opera house: 歌剧院)
    analysis = with_dictionary(analysis, assistant.index.lexical.vocabulary(), document_counts(assistant.index.lexical),
                               assistant.index.lexical.writes)
    # a name glossed in pinyin ("Trade Fair (Liaoqiahui)"): the passage writing 辽洽会 says the fair
    analysis = with_glossed_names(analysis, assistant.index.lexical.vocabulary())
    # an English term no passage holds in any rendering, searched by the pieces of it passages do hold
    analysis = with_known_parts(analysis, assistant.index.lexical.vocabulary())
    # an English question is searched and answered as its reading in the reports' words
    contexts = assistant.retriever.search(analysis.question, max(k, 10), analysis=analysis, filters=filters)
    # each English term said as the passages found say it (产业集聚区, not the glossary's first 产业集群)
    analysis = with_held_renderings(analysis, [f"{c.chunk.heading} {c.chunk.text}" for c in contexts])
    return analysis, contexts


def answer_question(assistant, question: str, history: list[dict], mode: str, k: int, filters, llm=None) -> Answer:
    answer = None
    for piece in stream_answer(assistant, question, history, mode, k, filters, streaming=False, llm=llm):
        answer = piece
    return answer


def stream_answer(assistant, question: str, history: list[dict], mode: str, k: int, filters,
                  streaming: bool = True, llm=None) -> Iterator[str | Answer]:
    """Yield text pieces (a streaming answerer) and finally the Answer."""
    answerer = answerer_for(assistant, mode, llm)
    history = clean_history(assistant, history)  # before anything analyses, embeds or prompts with it
    # two questions in one message: each answered as its own, joined (answer/parts.py); only the extractive
    # answerer needs it (an LLM reads both questions itself, and three calls would triple its cost and time)
    if not history and isinstance(answerer, ExtractiveAnswerer):
        cleaned = assistant.clean_question(question)
        parts = question_parts(cleaned, assistant.index.places)
        joined = joined_answer(question, parts, lambda part: _answer_one(assistant, answerer, part, k, filters),
                               labels=split_clauses(cleaned)) if len(parts) >= 2 else None
        if joined is not None:
            yield joined
            return
    asked, contexts = _prepare(assistant, answerer, question, history, k, filters)
    if streaming:
        pieces = answerer.stream(asked, contexts[:answer_depth(asked.analysis, k)], history)
    else:
        pieces = iter([answerer.answer(asked, contexts[:answer_depth(asked.analysis, k)], history)])
    for piece in pieces:
        if isinstance(piece, Answer):
            piece.contexts = contexts  # every retrieved chunk, for evaluation and the "nearest passages" view
        yield piece


def _answer_one(assistant, answerer: Answerer, question: str, k: int, filters) -> Answer:
    """One question through the normal path, in one piece (a part of a message asking several)."""
    asked, contexts = _prepare(assistant, answerer, question, [], k, filters)
    answer = answerer.answer(asked, contexts[:answer_depth(asked.analysis, k)], [])
    answer.contexts = contexts
    return answer
