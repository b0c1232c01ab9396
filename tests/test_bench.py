"""The bench's scoring helpers on hand-made contexts, and a retrieval run on a tiny corpus (no seeds)."""
from __future__ import annotations

import io
import json

import pytest
from rich.console import Console

from assistant.evaluation.bench import metric_row, missed_by_all, run_bench

QUOTE_A = "新增国家级高新技术企业28家"
QUOTE_B = "粮食总产量达到30万吨"


def question(qid, quote, kind="numeric", extra=None):
    evidence = [{"source": "a.txt", "quote": quote}] + ([{"source": "b.txt", "quote": extra}] if extra else [])
    return {"id": qid, "question": f"{quote}？", "kind": kind, "answerable": True,
            "facts": [["x"]], "evidence": evidence}


def ctx(text):
    return {"text": text, "source": "a.txt"}


def test_metric_row_from_hand_made_contexts():
    results = [
        (question("q1", QUOTE_A), [ctx("过去一年，" + QUOTE_A + "。"), ctx("无关")], 10.0),  # rank 1
        (question("q2", QUOTE_A), [ctx("无关"), ctx("无关"), ctx(QUOTE_A)], 20.0),  # rank 3
        (question("q3", QUOTE_A), [ctx("无关")] * 4 + [ctx("新增 国家级高新技术企业 28家")], 30.0),  # rank 5, spaces ignored
        (question("q4", QUOTE_A), [ctx("新增国家级高新技术企业128家")], 40.0),  # quote not contained: miss
    ]
    row = metric_row("test", results)
    assert row["n"] == 4
    assert row["hit@1"] == pytest.approx(0.25)
    assert row["hit@3"] == pytest.approx(0.5)
    assert row["hit@5"] == pytest.approx(0.75)
    assert row["mrr"] == pytest.approx((1 + 1 / 3 + 1 / 5 + 0) / 4)
    assert row["p50_ms"] == 20.0 and row["p95_ms"] == 40.0
    assert row["ranks"] == {"q1": 1, "q2": 3, "q3": 5, "q4": None}


def test_comparison_needs_every_item_and_missed_by_all():
    comp = question("c1", QUOTE_A, kind="comparison", extra=QUOTE_B)
    half = metric_row("half", [(comp, [ctx(QUOTE_A)], 1.0)])
    both = metric_row("both", [(comp, [ctx(QUOTE_B), ctx("无关"), ctx(QUOTE_A)], 1.0)])
    assert half["hit@5"] == 0.0 and half["mrr"] == 0.0
    assert both["ranks"] == {"c1": 3} and both["hit@1"] == 0.0 and both["hit@3"] == 1.0
    assert missed_by_all([half, both], [comp]) == []
    assert missed_by_all([half], [comp]) == [{"id": "c1", "question": comp["question"]}]


CORPUS = """漯河市政府工作报告（2021年）

一、2020年工作回顾

（一）科技创新成效明显。新增国家级高新技术企业28家，入库国家级科技型中小企业152家。

（二）农业生产稳定。粮食总产量达到30万吨，建成高标准农田20万亩。

二、2021年重点工作

（一）扩大开放。实际利用外资增长5%，进出口总额突破60亿元。
"""


def test_run_bench_retrieval_on_a_tiny_corpus(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(CORPUS, encoding="utf-8")
    qset = tmp_path / "tiny.jsonl"
    items = [question("t1", QUOTE_A), question("t2", QUOTE_B),
             {"id": "u1", "question": "火星基地有几座？", "kind": "unanswerable", "answerable": False,
              "facts": [], "evidence": []}]
    qset.write_text("\n".join(json.dumps(q, ensure_ascii=False) for q in items) + "\n", encoding="utf-8")
    home, out = tmp_path / "user-home", tmp_path / "out"
    console = Console(file=io.StringIO(), width=160)

    results = run_bench(home, [qset], out, "retrieval", console, corpus=corpus)

    assert not home.exists()  # the user's home is never touched
    assert "ingest" not in results
    retrieval = results["retrieval"]
    assert retrieval["questions"] == 2  # the unanswerable one is left out
    assert [r["method"] for r in retrieval["rows"]] == ["naive LangChain", "BM25 only", "ours"]
    for row in retrieval["rows"]:
        assert row["n"] == 2 and row["hit@5"] == 1.0  # a tiny corpus: every method finds both
        assert row["p50_ms"] is not None and row["p95_ms"] >= row["p50_ms"]
    saved = json.loads((out / "bench.json").read_text(encoding="utf-8"))
    assert saved["retrieval"]["rows"][2]["mrr"] == retrieval["rows"][2]["mrr"]
    assert saved["cpus"] >= 1
    md = (out / "bench.md").read_text(encoding="utf-8")
    assert "| ours |" in md and "Command:" in md
    assert "BM25 only" in console.file.getvalue()
