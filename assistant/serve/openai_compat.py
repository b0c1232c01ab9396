"""OpenAI-compatible chat: any OpenAI client or chat front end can talk to the assistant.

POST /v1/chat/completions: the last user message is the question, the earlier
user/assistant pairs are the history. The reply's content is the answer with a
"Sources:" block, one line a citation:

    新增国家级高新技术企业28家[1]。

    Sources:
    [1] 漯河市政府工作报告（2021年） › （六）发展动能加快蓄积 (000_47fc14d33372d68f.txt)

and the structured citations ride in an extra top-level field, `citations`
(in the final chunk when streamed, as server-sent events in OpenAI's format).
GET /v1/models lists the one model, e.g. "report-assistant".
"""
from __future__ import annotations

import json
import time
import uuid
from dataclasses import asdict
from typing import Iterator

from fastapi import APIRouter
from fastapi.responses import StreamingResponse

from assistant.answer.types import Answer
from assistant.errors import AssistantError, BadQuestion
from assistant.redact import scrub, secrets_of
from assistant.serve.schemas import ChatIn, ChatMessage, ModelsOut

SOURCES = "\n\nSources:\n"
NEAREST = "\n\nNearest passages (none answers the question):\n"
STARTED = int(time.time())


def make_router(assistant) -> APIRouter:
    router = APIRouter(tags=["OpenAI-compatible"])
    model = assistant.settings.serve_model_name

    @router.get("/v1/models", response_model=ModelsOut)
    def models():
        return {"object": "list", "data": [{"id": model, "object": "model", "created": STARTED,
                                            "owned_by": "report-assistant"}]}

    @router.post("/v1/chat/completions")
    def chat_completions(body: ChatIn):
        """OpenAI's chat.completions (plain or `stream: true`); the answer's citations are in `citations`."""
        question, history = conversation(body.messages)
        assistant.clean_question(question)  # a bad question is a 400 before any stream starts
        if not body.stream:
            answer = assistant.ask(question, history=history)
            return completion(answer, model, question)
        pieces = assistant.stream(question, history=history)
        first = next(pieces)  # retrieval (and the LLM's first token) happen here: errors are still HTTP errors
        stream = events(first, pieces, model, secrets_of(assistant.settings))
        return StreamingResponse(stream, media_type="text/event-stream",
                                 headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"})

    return router


def conversation(messages: list[ChatMessage]) -> tuple[str, list[dict]]:
    """The question (the last user message) and the history (earlier user/assistant pairs).

    Example: [user "2023年漯河市GDP？", assistant "…[1]。\\n\\nSources:…", user "那2024年呢？"]
      -> ("那2024年呢？", [{"question": "2023年漯河市GDP？", "answer": "…[1]。"}])
    System messages are ignored: the assistant keeps its own instructions.
    """
    turns = [m for m in messages if m.role in ("user", "assistant")]
    if not turns or turns[-1].role != "user":
        raise BadQuestion("the last message must be the user's question")
    history: list[dict] = []
    for m in turns[:-1]:
        if m.role == "user":
            history.append({"question": m.text(), "answer": ""})
        elif history:
            history[-1]["answer"] = strip_sources(m.text())
    return turns[-1].text(), [h for h in history if h["question"].strip()]


def strip_sources(text: str) -> str:
    """An earlier reply without its Sources block (the history holds answers, not reference lists)."""
    for marker in (SOURCES, NEAREST):
        text = text.split(marker, 1)[0]
    return text.strip()


def sources_block(answer: Answer) -> str:
    """What follows the answer text: its sources, unverified figures, or the nearest passages."""
    if answer.refused:
        lines = [f"- {where(h.chunk.title, h.chunk.heading)} ({h.chunk.source})" for h in answer.contexts[:3]]
        return NEAREST + "\n".join(lines) if lines else ""
    lines = [f"[{c.n}] {where(c.title, c.heading)} ({c.source}{f', p. {c.page}' if c.page else ''})"
             for c in answer.citations]
    lines += [f"⚠ {f.text} is not in the cited passages" for f in answer.figures if not f.verified]
    if answer.instructions:
        from assistant.answer.citations import instruction_notice

        lines.append(f"⚠ {instruction_notice(answer.instructions)}")
    return SOURCES + "\n".join(lines) if lines else ""


def where(title: str, heading: str) -> str:
    return " › ".join(x for x in (title, heading) if x)


def extras(answer: Answer) -> dict:
    """The structured part of a reply, beside OpenAI's fields."""
    return {"citations": [asdict(c) for c in answer.citations], "refused": answer.refused,
            "verified": answer.verified, "answer_mode": answer.mode,
            "instructions": [asdict(i) for i in answer.instructions]}


def completion(answer: Answer, model: str, question: str) -> dict:
    content = answer.text + sources_block(answer)
    return {
        "id": f"chatcmpl-{uuid.uuid4().hex}", "object": "chat.completion", "created": int(time.time()),
        "model": model,
        "choices": [{"index": 0, "message": {"role": "assistant", "content": content}, "finish_reason": "stop"}],
        "usage": usage(question, content),
        **extras(answer),
    }


def usage(prompt: str, content: str) -> dict:
    from assistant.ingest.chunking import count_tokens

    p, c = count_tokens(prompt), count_tokens(content)
    return {"prompt_tokens": p, "completion_tokens": c, "total_tokens": p + c}


def events(first, pieces: Iterator, model: str, secrets: list[str] = ()) -> Iterator[str]:
    """Server-sent events in OpenAI's chunk format: role, text pieces, sources, then the citations and [DONE]."""
    cid, created = f"chatcmpl-{uuid.uuid4().hex}", int(time.time())

    def chunk(delta: dict, finish: str | None = None, **extra) -> str:
        body = {"id": cid, "object": "chat.completion.chunk", "created": created, "model": model,
                "choices": [{"index": 0, "delta": delta, "finish_reason": finish}], **extra}
        return f"data: {json.dumps(body, ensure_ascii=False)}\n\n"

    yield chunk({"role": "assistant", "content": ""})
    answer, streamed = None, False
    try:
        for piece in _chain(first, pieces):
            if isinstance(piece, Answer):
                answer = piece
            elif piece:
                streamed = True
                yield chunk({"content": piece})
    except AssistantError as e:  # a stream already started cannot change its status: say it in the stream
        message = scrub(" ".join(str(e).split()), secrets)
        yield f"data: {json.dumps({'error': {'message': message, 'type': 'server_error'}}, ensure_ascii=False)}\n\n"
        return
    if answer is None:
        return
    if not streamed:  # extractive answers come whole
        yield chunk({"content": answer.text})
    tail = sources_block(answer)
    if tail:
        yield chunk({"content": tail})
    yield chunk({}, "stop", **extras(answer))
    yield "data: [DONE]\n\n"


def _chain(first, rest: Iterator) -> Iterator:
    yield first
    yield from rest
