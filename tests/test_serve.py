"""`assistant serve`: the HTTP API on a real uvicorn server, driven with httpx and the real openai client."""
from __future__ import annotations

import json
import threading
import time

import httpx
import pytest
from openai import AuthenticationError, OpenAI

from llm_fixtures import make_settings

from assistant import Assistant, Settings
from assistant.serve import create_app

QUESTION = "漯河市2020年新增了多少家国家级高新技术企业？"
SMALL = """漯河市政府工作报告（2021年）

一、2020年工作回顾

（一）科技创新成效明显。新增国家级高新技术企业28家，入库国家级科技型中小企业152家。

（二）农业生产稳定。粮食总产量达到30万吨，建成高标准农田20万亩。
"""


class Served:
    """A uvicorn server in a background thread on a free port of 127.0.0.1."""

    def __init__(self, app):
        import uvicorn

        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> "Served":
        self.thread.start()
        deadline = time.time() + 20
        while not self.server.started:
            assert time.time() < deadline and self.thread.is_alive(), "uvicorn did not start"
            time.sleep(0.02)
        port = self.server.servers[0].sockets[0].getsockname()[1]
        self.url = f"http://127.0.0.1:{port}"
        return self

    def __exit__(self, *exc) -> None:
        self.server.should_exit = True
        self.thread.join(10)


@pytest.fixture(scope="module")
def api(seeded):
    with Served(create_app(seeded)) as served:
        yield served


@pytest.fixture
def http(api):
    with httpx.Client(base_url=api.url, timeout=60) as client:
        yield client


@pytest.fixture
def writable(tmp_path, embedder):
    """A server over an empty index of its own (uploads and deletes), with a 10 KB file limit."""
    assistant = Assistant(Settings(home=tmp_path / "home", max_file_mb=0.01), embedder=embedder)
    with Served(create_app(assistant)) as served, httpx.Client(base_url=served.url, timeout=120) as client:
        client.assistant = assistant
        yield client


def one_line_error(response, status: int) -> str:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"} and isinstance(body["error"], str) and "\n" not in body["error"]
    return body["error"]


def test_health_models_and_openapi(http):
    health = http.get("/healthz").json()
    assert health["status"] == "ok" and health["chunks"] > 100 and health["store"] == "disk"
    models = http.get("/v1/models").json()
    assert models["object"] == "list" and models["data"][0]["id"] == "report-assistant"
    paths = http.get("/openapi.json").json()["paths"]
    for path in ("/v1/ask", "/v1/search", "/v1/documents", "/v1/documents/{ref}", "/healthz",
                 "/v1/chat/completions", "/v1/models"):
        assert path in paths


def test_ask_returns_the_answer_with_citations(http):
    body = http.post("/v1/ask", json={"question": QUESTION}).json()
    assert "28家" in body["answer"] and not body["refused"] and body["verified"]
    assert body["citations"][0]["source"] == "000_47fc14d33372d68f.txt"
    assert "28家" in body["citations"][0]["quote"]
    assert body["contexts"] and body["latency_ms"] > 0


def test_search_and_bad_requests(http):
    results = http.post("/v1/search", json={"question": "尉氏县2020年地区生产总值", "k": 3}).json()["results"]
    assert len(results) == 3 and {"chunk_id", "title", "score", "dense", "lexical"} <= set(results[0])
    assert "empty question" in one_line_error(http.post("/v1/ask", json={"question": "   "}), 400)
    assert "question" in one_line_error(http.post("/v1/ask", json={"k": 3}), 422)
    assert "k" in one_line_error(http.post("/v1/search", json={"question": "GDP", "k": 0}), 422)
    assert "LLM mode" in one_line_error(http.post("/v1/ask", json={"question": QUESTION, "mode": "llm"}), 400)
    assert "mode" in one_line_error(http.post("/v1/ask", json={"question": QUESTION, "mode": "gpt"}), 422)
    auto = http.post("/v1/ask", json={"question": QUESTION, "mode": "auto"})  # no LLM configured: extractive
    assert auto.status_code == 200 and auto.json()["mode"] == "extractive"


def test_openai_client_plain(api):
    client = OpenAI(base_url=f"{api.url}/v1", api_key="unused")
    assert [m.id for m in client.models.list()] == ["report-assistant"]
    reply = client.chat.completions.create(model="report-assistant", messages=[
        {"role": "system", "content": "You are helpful."}, {"role": "user", "content": QUESTION}])
    content = reply.choices[0].message.content
    assert "28家[1]" in content and "\n\nSources:\n[1] 漯河市政府工作报告（2021年）" in content
    citations = reply.model_extra["citations"]
    assert citations[0]["n"] == 1 and citations[0]["source"] == "000_47fc14d33372d68f.txt"
    assert reply.usage.completion_tokens > 0 and reply.choices[0].finish_reason == "stop"


def test_openai_client_streamed_with_history(api):
    client = OpenAI(base_url=f"{api.url}/v1", api_key="unused")
    first = "漯河市2020年民生支出是多少？"
    earlier = client.chat.completions.create(model="report-assistant", messages=[{"role": "user", "content": first}])
    assert "165.2亿元" in earlier.choices[0].message.content
    messages = [{"role": "user", "content": first},
                {"role": "assistant", "content": earlier.choices[0].message.content},
                {"role": "user", "content": [{"type": "text", "text": "那2023年呢？"}]}]
    chunks = list(client.chat.completions.create(model="report-assistant", messages=messages, stream=True))
    text = "".join(c.choices[0].delta.content or "" for c in chunks)
    assert "172.3亿元" in text and "Sources:" in text
    assert chunks[0].choices[0].delta.role == "assistant"
    final = chunks[-1]
    assert final.choices[0].finish_reason == "stop"
    assert final.model_extra["citations"][0]["source"] == "003_f03fcbf8b818b135.txt"


def test_chat_errors_use_openai_shape(http):
    r = http.post("/v1/chat/completions", json={"model": "x", "messages": [{"role": "assistant", "content": "hi"}]})
    assert r.status_code == 400 and "last message" in r.json()["error"]["message"]
    r = http.post("/v1/chat/completions", json={"model": "x", "messages": []})
    assert r.status_code == 422 and "messages" in r.json()["error"]["message"]


def test_key_required_when_set(seeded):
    with Served(create_app(seeded, key="s3cret")) as served:
        with httpx.Client(base_url=served.url, timeout=60) as http:
            assert http.get("/healthz").status_code == 200  # probes stay open
            assert "API key" in one_line_error(http.get("/v1/documents"), 401)
            assert http.get("/v1/documents", headers={"Authorization": "Bearer wrong"}).status_code == 401
            docs = http.get("/v1/documents", headers={"Authorization": "Bearer s3cret"}).json()["documents"]
            assert len(docs) >= 5
        with pytest.raises(AuthenticationError):
            OpenAI(base_url=f"{served.url}/v1", api_key="wrong").models.list()
        assert OpenAI(base_url=f"{served.url}/v1", api_key="s3cret").models.list().data[0].id == "report-assistant"


def test_upload_list_delete(writable):
    files = {"files": ("lh2021.txt", SMALL.encode("utf-8"), "text/plain")}
    report = writable.post("/v1/documents", files=files).json()
    assert report["added"] == ["漯河市政府工作报告（2021年）"] and report["chunks"] >= 1
    assert writable.post("/v1/documents", files=files).json()["skipped"] == ["lh2021.txt"]
    docs = writable.get("/v1/documents").json()["documents"]
    assert [d["source"] for d in docs] == ["lh2021.txt"] and docs[0]["region"] == "漯河市"
    answer = writable.post("/v1/ask", json={"question": QUESTION}).json()
    assert "28家" in answer["answer"]
    assert writable.delete("/v1/documents/lh2021.txt").json() == {"removed": 1}
    assert "no document" in one_line_error(writable.delete("/v1/documents/lh2021.txt"), 404)
    assert writable.get("/v1/documents").json()["documents"] == []


def raw_upload(client, name: bytes, content: bytes):
    """A multipart body written by hand: httpx would percent-encode a NUL in the name."""
    body = (b"--b0undary\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + name + b"\"\r\n"
            b"Content-Type: text/plain\r\n\r\n" + content + b"\r\n--b0undary--\r\n")
    return client.post("/v1/documents", content=body, headers={"Content-Type": "multipart/form-data; boundary=b0undary"})


def test_upload_name_with_nul_refused(writable):
    assert "NUL" in one_line_error(raw_upload(writable, b"a\x00b.txt", b"x"), 400)
    assert "outside" in one_line_error(raw_upload(writable, b"..\\..\\win.txt", b"x"), 400)
    assert writable.get("/v1/documents").json()["documents"] == []


@pytest.mark.parametrize("name, content, status, says", [
    ("../../etc/evil.txt", b"x", 400, "outside the upload folder"),
    (".hidden.txt", b"x", 400, "bad file name"),
    ("tool.exe", b"MZ", 415, "unsupported file type"),
    ("big.txt", "很长的文字。".encode("utf-8") * 2000, 413, "larger than"),
])
def test_upload_refusals(writable, name, content, status, says):
    r = writable.post("/v1/documents", files={"files": (name, content, "text/plain")})
    assert says in one_line_error(r, status)
    assert writable.get("/v1/documents").json()["documents"] == []


def test_llm_answers_stream_through_the_openai_endpoint(tmp_path, embedder, llm_server):
    assistant = Assistant(make_settings(llm_server, home=tmp_path / "home"), embedder=embedder)
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "lh2021.txt").write_text(SMALL, encoding="utf-8")
    assistant.ingest([folder])
    llm_server.enqueue("2020年漯河市新增国家级高新技术企业28家[1]。")
    with Served(create_app(assistant)) as served:
        client = OpenAI(base_url=f"{served.url}/v1", api_key="unused")
        chunks = list(client.chat.completions.create(model="report-assistant", stream=True,
                                                     messages=[{"role": "user", "content": QUESTION}]))
    pieces = [c.choices[0].delta.content for c in chunks if c.choices[0].delta.content]
    assert len(pieces) > 5  # the LLM's pieces are passed on as they come
    text = "".join(pieces)
    assert text.startswith("2020年漯河市新增国家级高新技术企业28家[1]。") and "Sources:\n[1] 漯河市政府工作报告" in text
    assert chunks[-1].model_extra["answer_mode"] == "llm" and chunks[-1].model_extra["verified"] is True
    assert llm_server.requests[-1]["stream"] is True


def test_sse_wire_format(http):
    with http.stream("POST", "/v1/chat/completions",
                     json={"model": "report-assistant", "stream": True,
                           "messages": [{"role": "user", "content": QUESTION}]}) as r:
        assert r.headers["content-type"].startswith("text/event-stream")
        lines = [line for line in r.iter_lines() if line]
    assert all(line.startswith("data: ") for line in lines) and lines[-1] == "data: [DONE]"
    last = json.loads(lines[-2][6:])
    assert last["object"] == "chat.completion.chunk" and last["citations"]


def test_upload_with_the_name_of_a_document_from_elsewhere_is_a_conflict(writable, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "lh2021.txt").write_text(SMALL, encoding="utf-8")
    writable.assistant.ingest([elsewhere / "lh2021.txt"])
    r = writable.post("/v1/documents", files={"files": ("lh2021.txt", b"x", "text/plain")})
    assert "already indexed from" in one_line_error(r, 409)
    assert writable.delete("/v1/documents/lh2021.txt").json() == {"removed": 1}
    assert writable.post("/v1/documents", files={"files": ("lh2021.txt", SMALL.encode(), "text/plain")}).json()["added"]
