"""The LLM answerer: an LCEL chain (prompt | chat model | parser) over numbered passages.

An Answerer (assistant/answer/protocol.py): `answer`/`stream` give the checked Answer; `write`/
`write_stream` only the model's text. For a figure question the prompt also lists the passages'
facts that fit the question's frame, and the answer's figures are checked against that frame.

Any OpenAI-compatible chat endpoint works (OpenAI, DeepSeek, DashScope, Ollama,
vLLM, llama.cpp). Failures are sorted in one place, `map_error`: configuration
problems (key, model, quota) raise ConfigError, anything transient raises
LLMUnavailable so the caller can fall back to the extractive answer.
"""
from __future__ import annotations

import re
from typing import Iterator

import openai
from langchain_core.messages import BaseMessage, HumanMessage, SystemMessage
from langchain_core.output_parsers import StrOutputParser
from langchain_core.runnables import RunnableLambda

from assistant import prompts, redact
from assistant.answer.citations import build_answer, is_refusal, parse_markers, refusal_for
from assistant.answer.figures import MARKER, has_cjk
from assistant.answer.matched import asked_words, fitting_facts, question_frame
from assistant.answer.nearby import what_reports_hold
from assistant.answer.protocol import AnswererUnavailable, Asked
from assistant.answer.types import Answer
from assistant.documents import ScoredChunk
from assistant.errors import AssistantError, ConfigError
from assistant.ingest.chunking import count_tokens
from assistant.settings import Settings
from assistant.timing import timed

# What a malformed completion raises inside the client or the parser.
CALL_ERRORS = (openai.OpenAIError, ValueError, KeyError, TypeError, AttributeError, IndexError, OSError)
PASSAGE_OVERHEAD = 30  # tokens of the fence and the title/place/year lines around a passage
HISTORY_TURNS = 3


class LLMUnavailable(AnswererUnavailable):
    """The LLM could not answer now (timeout, network, overload, bad reply): fall back."""


class QuotaExceeded(ConfigError):
    """The account has no quota left: retrying will not help."""


def _mark_quota_not_retryable(response) -> None:
    # OpenAI reports an exhausted quota as a 429, like a rate limit, and the client
    # would retry it; retrying cannot help, so the header tells the client not to.
    if response.status_code == 429:
        response.read()
        if "insufficient_quota" in response.text:
            response.headers["x-should-retry"] = "false"


def retry_after(headers) -> float | None:
    """Seconds a 429/503 asks the client to wait (retry-after-ms or retry-after), None if unsaid.

    Example: retry_after({"retry-after": "120"}) -> 120.0; retry_after({"retry-after-ms": "500"}) -> 0.5
    """
    for header, divisor in (("retry-after-ms", 1000), ("retry-after", 1)):
        try:
            return float(headers.get(header)) / divisor
        except (TypeError, ValueError):
            continue
    return None


def _no_long_waits(max_wait: float):
    """A response hook: the client honours Retry-After up to two minutes per retry, a
    hang to someone waiting for an answer; a longer wait than `max_wait` is not retried,
    so the answer falls back at once and says when to try again."""
    def hook(response) -> None:
        wait = retry_after(response.headers)
        if response.status_code in (429, 503) and wait is not None and wait > max_wait:
            response.headers["x-should-retry"] = "false"
    return hook


def build_chat_model(settings: Settings):
    """A ChatOpenAI for the configured endpoint; nothing here reads the environment."""
    from langchain_openai import ChatOpenAI

    if not settings.chat_model:
        raise ConfigError("no LLM model configured: set ASSISTANT_LLM_MODEL (or OPENAI_MODEL)")
    if not (settings.openai_api_key or settings.openai_base_url):
        raise ConfigError("no LLM endpoint: set OPENAI_API_KEY (OpenAI) or OPENAI_BASE_URL (a local server)")
    return ChatOpenAI(
        model=settings.chat_model,
        base_url=settings.openai_base_url,
        # A local server (Ollama, vLLM) needs no key, but the client insists on one.
        api_key=settings.openai_api_key or "no-key",
        temperature=0,
        timeout=settings.llm_timeout,
        max_retries=settings.llm_retries,
        http_client=openai.DefaultHttpxClient(event_hooks={"response": [
            _mark_quota_not_retryable, _no_long_waits(settings.llm_timeout)]}),
    )


def scrub(text: str, settings: Settings) -> str:
    """A server message made safe to show: no key (not even the masked one servers echo), no URL credentials."""
    return re.sub(r"\s+", " ", redact.scrub(text, redact.secrets_of(settings)))[:200]


def _error_code(exc: Exception) -> str:
    body = getattr(exc, "body", None)
    if isinstance(body, dict) and isinstance(body.get("error"), dict):
        body = body["error"]
    parts = [getattr(exc, "code", None), getattr(exc, "type", None)]
    if isinstance(body, dict):
        parts += [body.get("code"), body.get("type")]
    return " ".join(str(p) for p in parts if p)


def map_error(exc: Exception, settings: Settings) -> AssistantError:
    """The one place an LLM failure becomes an AssistantError (one line, what to do)."""
    if isinstance(exc, AssistantError):
        return exc
    where = redact.safe_url(settings.openai_base_url) or "api.openai.com"
    status = getattr(exc, "status_code", None)
    code = _error_code(exc)
    if isinstance(exc, openai.APITimeoutError):
        return LLMUnavailable(f"LLM at {where} timed out after {settings.llm_timeout:g}s "
                              f"({settings.llm_retries} retries); raise ASSISTANT_LLM_TIMEOUT or try later")
    if isinstance(exc, openai.APIConnectionError):
        cause = exc.__cause__ or exc.__context__
        reason = type(cause).__name__ if cause else "connection error"
        return LLMUnavailable(f"lost or could not open the connection to the LLM at {where} ({reason}); "
                              "check OPENAI_BASE_URL and that the server is running")
    if status in (401, 403):
        return ConfigError(f"LLM rejected the key ({status}): set OPENAI_API_KEY to a valid key for {where}")
    if status == 404 or "model_not_found" in code:
        return ConfigError(f"LLM model {settings.chat_model!r} not found at {where} ({status}): set "
                           "ASSISTANT_LLM_MODEL to a model the endpoint serves (and check OPENAI_BASE_URL)")
    if status == 429 and "insufficient_quota" in code:
        return QuotaExceeded(f"LLM quota exhausted at {where} (429 insufficient_quota): add credit, "
                             "use another OPENAI_API_KEY, or set ASSISTANT_MODE=extractive")
    if status == 429:
        response = getattr(exc, "response", None)
        wait = retry_after(response.headers) if response is not None else None
        if wait is not None and wait > settings.llm_timeout:
            return LLMUnavailable(f"LLM at {where} is rate-limiting (429) and asks to wait {wait:g}s; try again then")
        return LLMUnavailable(f"LLM at {where} is rate-limiting (429) after {settings.llm_retries} retries; try later")
    if status:
        detail = scrub(getattr(exc, "message", "") or str(exc), settings)
        return LLMUnavailable(f"LLM at {where} failed ({status}): {detail}")
    first = re.split(r"(?<=[.!?])\s", str(exc).strip(), maxsplit=1)[0]  # client messages run on for lines
    return LLMUnavailable(f"LLM at {where} sent a malformed reply ({type(exc).__name__}: "
                          f"{scrub(first, settings)})")


def passage_view(n: int, context: ScoredChunk) -> dict:
    """What the prompt shows of a passage; `n` is the number its marker [n] uses."""
    chunk, meta = context.chunk, context.chunk.metadata
    return {
        "n": n, "title": chunk.title, "region": meta.get("region", ""),
        "year": meta.get("year_reviewed") or meta.get("year_issued") or "",
        "heading": chunk.heading,
        # A passage must not close its own fence: "</passage>" inside the text would.
        "text": chunk.text.replace("<", "‹").replace(">", "›"),
    }


def history_view(history: list[dict] | None, turns: int = HISTORY_TURNS) -> list[dict]:
    """The last turns, their answers without markers (they point at other passages)."""
    out = []
    for turn in (history or [])[-turns:]:
        answer = MARKER.sub("", str(turn.get("answer", ""))).strip()
        out.append({"question": str(turn.get("question", "")).strip(), "answer": answer[:300]})
    return out


class LLMAnswerer:
    """Answers from numbered passages with an OpenAI-compatible chat model (an Answerer)."""

    name = "llm"

    def __init__(self, settings: Settings, chat_model=None):
        self.settings = settings
        self.model = chat_model if chat_model is not None else build_chat_model(settings)
        self.answer_prompt = RunnableLambda(self._answer_messages)
        self.answer_chain = self.answer_prompt | self.model | StrOutputParser()
        self.rewrite_chain = RunnableLambda(self._rewrite_messages) | self.model | StrOutputParser()
        # Only an OpenAI stream reports finish_reason; a fake model's stream never does.
        self.check_finish = type(self.model).__name__ in ("ChatOpenAI", "AzureChatOpenAI")

    # -- prompts ---------------------------------------------------------

    def select_passages(self, contexts: list[ScoredChunk]) -> list[ScoredChunk]:
        """The passages in rank order while they fit `context_tokens` (the first always)."""
        chosen, used = [], 0
        for context in contexts:
            view = passage_view(len(chosen) + 1, context)
            size = count_tokens(" ".join(str(v) for v in view.values())) + PASSAGE_OVERHEAD
            if chosen and used + size > self.settings.context_tokens:
                break
            chosen.append(context)
            used += size
        return chosen

    def _answer_messages(self, inputs: dict) -> list[BaseMessage]:
        question = inputs["question"]
        parts = prompts.render(
            "answer", question=question, refusal=refusal_for(question),
            language="Chinese" if has_cjk(question) else "English",
            passages=[passage_view(i, c) for i, c in enumerate(inputs["contexts"], 1)],
            history=history_view(inputs.get("history")), facts=inputs.get("facts") or [],
        )
        return [SystemMessage(parts["system"]), HumanMessage(parts["user"])]

    def _rewrite_messages(self, inputs: dict) -> list[BaseMessage]:
        parts = prompts.render("rewrite", question=inputs["question"], history=history_view(inputs["history"], 4))
        return [SystemMessage(parts["system"]), HumanMessage(parts["user"])]

    def messages(self, question: str, contexts: list[ScoredChunk], history: list[dict] | None = None,
                 facts: list[dict] | None = None) -> list[BaseMessage]:
        """The rendered answer prompt, as the model will see it (for tests and debugging)."""
        return self._answer_messages({"question": question, "contexts": self.select_passages(contexts),
                                      "history": history, "facts": facts})

    # -- the Answerer ----------------------------------------------------

    def answer(self, asked: Asked, chunks: list[ScoredChunk], history: list[dict]) -> Answer:
        """The checked Answer (LLMUnavailable when the model cannot answer now)."""
        with timed(asked.timings, "generate"):
            passages, frame, facts = self._grounding(asked, chunks)
            text = self.write(asked.standalone, passages, history, facts)
        return self._checked(asked, text, passages, frame)

    def stream(self, asked: Asked, chunks: list[ScoredChunk], history: list[dict]) -> Iterator[str | Answer]:
        """The text in pieces as the model writes it, then the checked Answer."""
        parts: list[str] = []
        with timed(asked.timings, "generate"):
            passages, frame, facts = self._grounding(asked, chunks)
            for part in self.write_stream(asked.standalone, passages, history, facts):
                parts.append(part)
                yield part
        yield self._checked(asked, "".join(parts), passages, frame)

    def _grounding(self, asked: Asked, chunks: list[ScoredChunk]):
        """The passages that fit the prompt, the question's frame (None: no figure asked) and the
        passages' facts that fit it."""
        passages = self.select_passages(chunks)
        frame = question_frame(asked.analysis)
        return passages, frame, fitting_facts(frame, passages, words=asked_words(asked.analysis)) if frame is not None else []

    def _checked(self, asked: Asked, text: str, passages: list[ScoredChunk], frame) -> Answer:
        with timed(asked.timings, "verify"):
            if is_refusal(text) and not parse_markers(text):
                # A bare "the documents do not say" leaves the user nothing to open: like the extractive
                # refusal, name the nearest facts (or years) the passages the model read do hold, cited.
                text = text.rstrip() + what_reports_hold(asked.analysis.question, asked.analysis, passages)
            answer = build_answer(asked.text, text, passages, self.name, analysis=asked.explain(), frame=frame,
                                  asked=asked_words(asked.analysis) if frame is not None else ())
        answer.timings = dict(asked.timings)
        return answer

    # -- calls -----------------------------------------------------------

    def write(self, question: str, contexts: list[ScoredChunk], history: list[dict] | None = None,
              facts: list[dict] | None = None) -> str:
        """The model's answer text; marker [n] means select_passages(contexts)[n-1]. `facts`: those
        that fit the question (matched.fitting_facts), listed in the prompt."""
        inputs = {"question": question, "contexts": self.select_passages(contexts), "history": history, "facts": facts}
        try:
            text = self.answer_chain.invoke(inputs)
        except CALL_ERRORS as e:
            raise map_error(e, self.settings) from None  # `from None`: the cause may quote the key
        if not text or not text.strip():
            raise LLMUnavailable("the LLM returned an empty answer")
        return text.strip()

    def write_stream(self, question: str, contexts: list[ScoredChunk], history: list[dict] | None = None,
                     facts: list[dict] | None = None) -> Iterator[str]:
        """The answer in pieces as the model writes them; a stream cut midway raises LLMUnavailable."""
        inputs = {"question": question, "contexts": self.select_passages(contexts), "history": history, "facts": facts}
        finished, wrote = False, False
        try:
            for chunk in (self.answer_prompt | self.model).stream(inputs):
                finished = finished or bool(chunk.response_metadata.get("finish_reason"))
                piece = chunk.text
                if piece:
                    wrote = wrote or bool(piece.strip())  # whitespace alone is no answer
                    yield piece
        except CALL_ERRORS as e:
            error = map_error(e, self.settings)
            if wrote and isinstance(error, LLMUnavailable):
                error = LLMUnavailable(f"the LLM stream was cut midway: {error}")
            raise error from None
        if not wrote:
            raise LLMUnavailable("the LLM returned an empty answer")
        if self.check_finish and not finished:
            raise LLMUnavailable("the LLM stream ended before the answer was finished")

    def rewrite(self, question: str, history: list[dict] | None) -> str:
        """A follow-up as a standalone question ("那2024年呢？" -> "漯河市2024年…？")."""
        if not history:
            return question
        try:
            text = self.rewrite_chain.invoke({"question": question, "history": history})
        except CALL_ERRORS as e:
            raise map_error(e, self.settings) from None
        return clean_rewrite(text) or question


def clean_rewrite(text: str) -> str:
    """The question line of a rewrite, without quotes or a preface.

    Example: clean_rewrite('Standalone question: "漯河市2024年城镇新增就业多少人？"\\n')
               -> "漯河市2024年城镇新增就业多少人？"
    """
    lines = [line.strip() for line in (text or "").splitlines() if line.strip()]
    if not lines:
        return ""
    line = re.sub(r"^(?:standalone question|rewritten question|question|问题|改写后的问题)\s*[:：]\s*|^->\s*",
                  "", lines[0], flags=re.I)
    return line.strip().strip("\"'“”「」‘’").strip()


__all__ = ["LLMAnswerer", "LLMUnavailable", "QuotaExceeded", "map_error", "build_chat_model"]
