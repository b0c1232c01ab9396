"""A scripted OpenAI-compatible chat model on a loopback port, for `assistant bench --what llm-checks`.

No real LLM runs on the bench machines, so this one reads the answer prompt the LLM answerer really
sends (prompts/answer.yaml: the <facts> list, the numbered <passage>s, the question, the refusal
sentence) and answers by a fixed behaviour, named by the request's model ("scripted-faithful"…):

  faithful     the first listed fact's figure as its passage writes it (7%左右; none listed: the first passage's
               first figure), citing its [n]
  wrong        a figure of a passage that is none of the listed facts (another year, place, indicator or
               status), citing that passage: the passage of the first listed fact first, then the others
  uncited      the faithful answer without any [n]
  obeys        the order planted in the first passage that carries one, citing only that passage
  planted      a figure of the first passage that carries a planted order (outside the order), citing only it
  refuses      the refusal sentence the prompt gives

Every behaviour is general: it parses the prompt's format, never a question. The answer restates the
question ("<question>：<figure>[n]。"), as a model that answers in the question's own terms does: a
figure of another year then sits beside the question's year, not its own.
"""
from __future__ import annotations

import json
import re
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from assistant.answer.figures import find_figures, has_cjk, normalise_figure
from assistant.answer.instructions import split_instructions

BEHAVIOURS = ("faithful", "wrong", "uncited", "obeys", "planted", "refuses")
MODEL_PREFIX = "scripted-"
FACT_LINE = re.compile(r"^- place: (.*?) \| period: (.*?) \| indicator: (.*?) \| value: (.*?) \| status: (.*?) "
                       r"\| passage \[(\d+)\]\s*$", re.M)
PASSAGE = re.compile(r'<passage n="(\d+)">\n(.*?)\n</passage>', re.S)
QUESTION = re.compile(r"^Question: (.*)$", re.M)
REFUSAL = re.compile(r'or reply exactly "(.*)" if the passages do not answer')
NO_ANSWER = "NONE"  # what a behaviour that has nothing to say returns (the bench counts it as not applicable)


class Prompt:
    """The parts of a rendered answer prompt (its user message)."""

    def __init__(self, user: str):
        self.facts = [{"period": m.group(2), "value": m.group(4), "n": int(m.group(6))}
                      for m in FACT_LINE.finditer(user.split("<passages>")[0])]
        self.passages = {int(m.group(1)): m.group(2).split("\ntext:\n", 1)[-1] for m in PASSAGE.finditer(user)}
        question = QUESTION.findall(user)
        self.question = question[-1].strip() if question else ""
        refusal = REFUSAL.findall(user)
        self.refusal = refusal[-1] if refusal else ""

    def figures(self, n: int) -> list[str]:
        """The figures passage [n] states outside any planted order."""
        return find_figures(split_instructions(self.passages.get(n, ""))[0])

    def carrying_order(self) -> int | None:
        """The first passage that carries a planted order."""
        return next((n for n, text in sorted(self.passages.items()) if split_instructions(text)[1]), None)


def stated(prompt: Prompt, figure: str, n: int) -> str:
    """The answer sentence: the question restated, the figure, the citation."""
    subject = re.sub(r"[？?。.!！\s]+$", "", prompt.question)
    if has_cjk(prompt.question):
        return f"{subject}：{figure}[{n}]。"
    return f"{subject}: {figure} [{n}]."


# what a report writes after a figure that belongs to it: a range's other end, 左右, 以上, 以内
QUALIFIED = r"(?:\s*[—\-－~至到]\s*\d+(?:\.\d+)?%?|左右|以上|以内|以下)?"


def as_written(value: str, passage: str) -> str:
    """The listed value as the passage writes it, with its range or qualifier (the prompt asks models to copy
    figures so): "7%" in "增长7%左右" -> "7%左右"; the value itself when not found as written."""
    m = re.search(rf"(?<![\d.]){re.escape(value)}{QUALIFIED}", passage)
    return m.group(0) if m else value


def faithful(prompt: Prompt) -> str:
    if prompt.facts:
        fact = prompt.facts[0]
        return stated(prompt, as_written(fact["value"], prompt.passages.get(fact["n"], "")), fact["n"])
    for n in sorted(prompt.passages):
        figures = prompt.figures(n)
        if figures:
            return stated(prompt, figures[0], n)
    return prompt.refusal


def wrong(prompt: Prompt) -> str:
    listed = {normalise_figure(f["value"]) for f in prompt.facts}
    faithful_pick = faithful(prompt)
    order = sorted(prompt.passages)
    if prompt.facts:  # the fitting fact's own passage first: the nearest wrong figure
        order.remove(prompt.facts[0]["n"])
        order.insert(0, prompt.facts[0]["n"])
    for n in order:
        for figure in prompt.figures(n):
            if normalise_figure(figure) not in listed and stated(prompt, figure, n) != faithful_pick:
                return stated(prompt, figure, n)
    return NO_ANSWER


def uncited(prompt: Prompt) -> str:
    return re.sub(r"\s*\[\d+\]", "", faithful(prompt))


def obeys(prompt: Prompt) -> str:
    n = prompt.carrying_order()
    if n is None:
        return NO_ANSWER
    order = split_instructions(prompt.passages[n])[1][0]
    said = re.findall(r"[‘'\"“「]([^’'\"”」]+)[’'\"”」]", order)
    return f"{(said[0] if said else order).strip()}[{n}]"


def planted(prompt: Prompt) -> str:
    n = prompt.carrying_order()
    figures = prompt.figures(n) if n is not None else []
    return stated(prompt, figures[0], n) if figures else NO_ANSWER


def refuses(prompt: Prompt) -> str:
    return prompt.refusal


def reply(body: dict, seen: list | None = None) -> str:
    """The scripted model's answer to a chat request (its behaviour named by the model); `seen` gets
    each answer prompt's facts (what the bench reports beside a case)."""
    behaviour = str(body.get("model", "")).removeprefix(MODEL_PREFIX)
    messages = body.get("messages", [])
    user = next((str(m.get("content") or "") for m in reversed(messages) if m.get("role") == "user"), "")
    if "<passages>" not in user:  # a rewrite request: the question as it is
        return user.strip().splitlines()[-1] if user.strip() else ""
    prompt = Prompt(user)
    if seen is not None:
        seen.append(prompt.facts)
    return {"faithful": faithful, "wrong": wrong, "uncited": uncited, "obeys": obeys, "planted": planted,
            "refuses": refuses}[behaviour](prompt)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args) -> None:
        pass

    def do_POST(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers.get("Content-Length") or 0)) or b"{}")
        if not self.path.rstrip("/").endswith("/chat/completions"):
            return self._send(404, {"error": {"message": f"no route {self.path}", "code": "not_found"}})
        try:
            text = reply(body, self.server.seen)
        except KeyError:
            return self._send(404, {"error": {"message": f"no model {body.get('model')}", "code": "model_not_found"}})
        model = body.get("model", "")
        if body.get("stream"):
            return self._stream(text, model)
        self._send(200, {"id": "scripted", "object": "chat.completion", "created": int(time.time()), "model": model,
                         "choices": [{"index": 0, "message": {"role": "assistant", "content": text},
                                      "finish_reason": "stop"}],
                         "usage": {"prompt_tokens": 0, "completion_tokens": 0, "total_tokens": 0}})

    def _send(self, status: int, body: dict) -> None:
        data = json.dumps(body, ensure_ascii=False).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _stream(self, text: str, model: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        for piece, finish in ((text, None), ("", "stop")):
            chunk = {"id": "scripted", "object": "chat.completion.chunk", "created": int(time.time()), "model": model,
                     "choices": [{"index": 0, "delta": {"content": piece} if piece else {}, "finish_reason": finish}]}
            self._chunk(f"data: {json.dumps(chunk, ensure_ascii=False)}\n\n")
        self._chunk("data: [DONE]\n\n")
        self.wfile.write(b"0\r\n\r\n")

    def _chunk(self, text: str) -> None:
        write_chunk(self.wfile, text)


def write_chunk(wfile, text: str) -> None:
    """One piece of a chunked HTTP body (an event of a streamed chat completion), flushed at once."""
    data = text.encode("utf-8")
    wfile.write(f"{len(data):x}\r\n".encode() + data + b"\r\n")
    wfile.flush()


class ScriptedModel:
    """The server: `with ScriptedModel() as model: model.base_url` -> "http://127.0.0.1:PORT/v1"."""

    def __enter__(self) -> "ScriptedModel":
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self.httpd.daemon_threads = True
        self.httpd.seen = self.seen = []  # each answer prompt's listed facts, in order
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        return self

    @property
    def base_url(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}/v1"

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
