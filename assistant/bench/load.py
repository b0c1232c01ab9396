"""`assistant load`: several clients asking at once through `assistant serve`, timed.

Each client loops over questions whose answers are known (answerable dev questions
that a single client answers correctly), so "correct" under load means: the same
facts as with one client. Loopback only, bounded in time.

Example: run_load("http://127.0.0.1:8765", questions, clients=8, seconds=60)
-> {"requests": 1460, "errors": 0, "wrong": 0, "p50_ms": 270.0, "p95_ms": 512.0, ...}
"""
from __future__ import annotations

import itertools
import os
import subprocess
import sys
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlparse

import httpx

from assistant.errors import AssistantError
from assistant.bench.processes import free_port, stop
from assistant.evaluation.scoring import fact_matched, percentile


def answered(question: dict, answer: dict) -> bool:
    """Every fact of the question stated (any alternative of each), and not refused."""
    return not answer.get("refused") and all(
        any(fact_matched(alt, answer.get("answer", "")) for alt in fact) for fact in question["facts"])


def known_questions(client: httpx.Client, questions: list[dict], limit: int) -> list[dict]:
    """The answerable questions one client gets right: the load's reference answers."""
    picked = []
    for q in questions:
        if not q.get("answerable", True) or q["kind"] == "comparison":
            continue
        reply = client.post("/v1/ask", json={"question": q["question"], "mode": "extractive"})
        if reply.status_code == 200 and answered(q, reply.json()):
            picked.append(q)
        if len(picked) >= limit:
            break
    if not picked:
        raise AssistantError("no question was answered correctly by a single client: check the index first")
    return picked


def run_load(url: str, questions: list[dict], clients: int = 8, seconds: float = 60.0,
             key: str | None = None, limit: int = 20) -> dict:
    if urlparse(url).hostname not in ("127.0.0.1", "localhost", "::1"):
        raise AssistantError(f"load runs on loopback only, not {url}: start `assistant serve` here")
    headers = {"Authorization": f"Bearer {key}"} if key else {}
    with httpx.Client(base_url=url, headers=headers, timeout=60) as client:
        reference = known_questions(client, questions, limit)
    latencies, failures, wrong = [], [], []
    lock, deadline = threading.Lock(), time.monotonic() + seconds
    order = itertools.cycle(reference)

    def worker():
        with httpx.Client(base_url=url, headers=headers, timeout=60) as http:
            while time.monotonic() < deadline:
                with lock:
                    q = next(order)
                start = time.perf_counter()
                try:
                    reply = http.post("/v1/ask", json={"question": q["question"], "mode": "extractive"})
                    ok = reply.status_code == 200
                    body = reply.json() if ok else {}
                except httpx.HTTPError as e:
                    ok, body, reply = False, {}, e
                elapsed = (time.perf_counter() - start) * 1000
                with lock:
                    latencies.append(elapsed)
                    if not ok:
                        failures.append(f"{q['id']}: {getattr(reply, 'status_code', reply)}")
                    elif not answered(q, body):
                        wrong.append(q["id"])

    started = time.perf_counter()
    threads = [threading.Thread(target=worker) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - started
    return {"url": url, "clients": clients, "seconds": round(wall, 1), "questions": len(reference),
            "requests": len(latencies), "errors": len(failures), "wrong": len(wrong),
            "throughput_rps": round(len(latencies) / wall, 2),
            "p50_ms": round(percentile(latencies, 50) or 0, 1), "p95_ms": round(percentile(latencies, 95) or 0, 1),
            "max_ms": round(max(latencies, default=0), 1),
            "error_samples": failures[:5], "wrong_samples": sorted(set(wrong))[:5]}



@contextmanager
def served(home: Path | None, port: int | None = None, timeout: float = 300):
    """`assistant serve` in a child process on a free loopback port; yields its URL."""
    port = port or free_port()
    env = dict(os.environ, **({"ASSISTANT_HOME": str(home)} if home else {}))
    cmd = [sys.executable, "-m", "assistant", "serve", "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(url, proc, timeout)
        yield url
    finally:
        stop(proc)


def wait_healthy(url: str, proc: subprocess.Popen, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssistantError(f"`assistant serve` exited ({proc.returncode}): {proc.stderr.read()[-500:]}")
        try:
            if httpx.get(f"{url}/healthz", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    raise AssistantError(f"`assistant serve` did not answer {url}/healthz within {timeout:.0f} s")
