"""The path of a question: clean -> (rewrite follow-up) -> analyse -> retrieve -> answer -> verify.

The LLM answers when one is configured; when it is unreachable or overloaded
the extractive answer is given instead, labelled as a fallback. Configuration
errors (bad key, unknown model, no quota) are raised: guessing would hide them.
"""
from __future__ import annotations

import re
from typing import Iterator

from assistant.analysis import analyse
from assistant.answer import extractive
from assistant.answer.citations import build_answer, is_refusal
from assistant.answer.nearby import what_reports_hold
from assistant.answer.types import Answer
from assistant.errors import BadQuestion, ConfigError
from assistant.redact import scrub, secrets_of
from assistant.settings import DEFAULT_LLM_MODEL

HISTORY_TURNS = 4  # earlier turns kept: the LLM's rewrite sees 4, its answer prompt 3, the merge 1
ANSWER_CHARS = 2000  # of each earlier answer (the prompts show at most 300)


def resolve_mode(assistant, mode: str, llm=None) -> str:
    """`llm`: an LLMAnswerer for this call only (e.g. an endpoint one app session chose)."""
    configured = llm is not None or assistant.settings.llm_configured
    if mode in ("llm", "extractive"):
        if mode == "llm" and not configured:
            raise ConfigError(f"LLM mode needs an endpoint: set OPENAI_API_KEY (OpenAI, model {DEFAULT_LLM_MODEL} unless "
                              "ASSISTANT_LLM_MODEL names another), or OPENAI_BASE_URL and ASSISTANT_LLM_MODEL")
        return mode
    return "llm" if configured else "extractive"


def merge_followup(question: str, history: list[dict]) -> str:
    """Without an LLM, a follow-up borrows what it leaves out from the last question.

    Example: merge_followup("那2024年呢？", [{"question": "2023年漯河市城镇新增就业多少人？"}])
      -> "2024年漯河市城镇新增就业多少人？"
    """
    if not history:
        return question
    previous = history[-1].get("question", "")
    now = analyse(question)
    if len(re.sub(r"[那呢？?吗的，,\s]|what about|and|how about", "", question, flags=re.I)) > 12 and now.places and now.years:
        return question  # already standalone
    merged = previous
    before = analyse(previous)
    for old, new in zip(before.years, now.years):
        merged = merged.replace(str(old), str(new))
    if now.places and before.places:
        from assistant.places import BY_NAME

        for alias in sorted(BY_NAME[before.places[0]].aliases if before.places[0] in BY_NAME else [before.places[0]],
                            key=len, reverse=True):
            if alias in merged:
                merged = merged.replace(alias, now.places[0], 1)
                break
    if not now.years and not now.places:
        merged = f"{previous} {question}"
    return merged


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


def _prepare(assistant, question: str, history: list[dict], mode: str, k: int, filters, timings: dict, llm=None):
    from assistant.core import timed

    question = assistant.clean_question(question)
    cap = assistant.settings.max_question_chars
    with timed(timings, "rewrite"):
        standalone = merge_followup(question, history)[:cap]
        if history and mode == "llm":
            from assistant.answer.chain import LLMUnavailable

            try:
                standalone = (llm if llm is not None else assistant.llm).rewrite(question, history)[:cap]
            except LLMUnavailable:
                pass  # the heuristic merge above stands in; the answer step will fall back too
    with timed(timings, "retrieve"):
        analysis = analyse(standalone)
        # an English question is searched and answered as its reading in the reports' words
        contexts = assistant.retriever.search(analysis.question, max(k, 10), analysis=analysis, filters=filters)
    return question, standalone, analysis, contexts


def answer_question(assistant, question: str, history: list[dict], mode: str, k: int, filters, llm=None) -> Answer:
    answer = None
    for piece in stream_answer(assistant, question, history, mode, k, filters, streaming=False, llm=llm):
        answer = piece
    return answer


def stream_answer(assistant, question: str, history: list[dict], mode: str, k: int, filters,
                  streaming: bool = True, llm=None) -> Iterator[str | Answer]:
    """Yield text pieces (LLM mode, streaming) and finally the Answer."""
    from assistant.core import timed

    timings: dict[str, float] = {}
    mode = resolve_mode(assistant, mode, llm)
    history = clean_history(assistant, history)  # before anything analyses, embeds or prompts with it
    question, standalone, analysis, contexts = _prepare(assistant, question, history, mode, k, filters, timings, llm)
    passages = contexts[:k]
    label, notice, text = mode, "", None
    if mode == "llm":
        from assistant.answer.chain import LLMUnavailable

        llm = llm if llm is not None else assistant.llm
        try:
            with timed(timings, "generate"):
                passages = llm.select_passages(contexts[:k])
                if streaming:
                    parts = []
                    for part in llm.stream(standalone, passages, history):
                        parts.append(part)
                        yield part
                    text = "".join(parts)
                else:
                    text = llm.answer(standalone, passages, history)
        except LLMUnavailable as e:
            settings = getattr(llm, "settings", assistant.settings)
            label = "extractive (fallback)"
            notice = scrub(f"LLM unavailable, extractive answer shown instead: {e}",
                           secrets_of(assistant.settings) + secrets_of(settings))
            passages = contexts[:k]
    if text is None:
        with timed(timings, "extract"):
            text = extractive.answer(analysis.question, analysis, passages, known=assistant.index.lexical.knows)
            if is_refusal(text) and analysis.wants in ("number", "rate"):
                text += what_reports_hold(analysis.question, analysis, passages)  # the nearest facts, cited  # the nearest facts, cited
    with timed(timings, "verify"):
        answer = build_answer(question, text, passages, label, timings=timings,
                              analysis={**analysis.explain(), "standalone": standalone}, notice=notice)
        if not answer.refused and not answer.citations:  # e.g. an LLM that obeyed an order planted in a passage
            answer.notice = answer.notice or "this answer cites no passage, so it is not verified against the documents"
    answer.contexts = contexts  # every retrieved chunk, for evaluation and the "nearest passages" view
    yield answer
