"""The bench's scoring helpers on hand-made contexts, and a retrieval run on a tiny corpus (no seeds)."""
from __future__ import annotations

import io
import json
import re

import pytest
from rich.console import Console

from assistant.bench.real import run_real
from assistant.bench.run import metric_row, missed_by_all, run_bench

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

    # the user's index is never touched; only its embedding cache is used (the bench embeds nothing twice)
    assert not home.exists() or {p.name for p in home.iterdir()} <= {"embeddings.sqlite"}
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


def tiny_setup(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(CORPUS, encoding="utf-8")
    qset = tmp_path / "tiny.jsonl"
    qset.write_text("\n".join(json.dumps(q, ensure_ascii=False) for q in
                              [question("t1", QUOTE_A), question("t2", QUOTE_B)]) + "\n", encoding="utf-8")
    return corpus, qset


def test_variant_changes_places_years_and_figures_consistently():
    from assistant.bench.synthetic import make_variants

    v = make_variants(2, CORPUS)[1]
    out = v.apply("漯河市2020年新增国家级高新技术企业28家，增长8.5%，3月15日，第1章，2000万元")
    assert "漯河" not in out and "28家" not in out and "8.5%" not in out
    # Dates and ordinals stay; a figure that looks like a year but has a unit is a figure: digits permuted, 0 kept.
    assert re.search(r"3月15日，第1章，[1-9]000万元$", out)
    year = int(out.split("市", 1)[1][:4])
    assert year != 2020 and abs(year - 2020) <= 6
    assert v.apply(QUOTE_A) in v.apply(CORPUS)  # a quote transformed alone is still inside the transformed text
    assert v.name("000_abc.txt") == "000_abc_x002.txt"


def test_scale_curve_with_reused_vectors(tmp_path):
    corpus, qset = tiny_setup(tmp_path)
    console = Console(file=io.StringIO(), width=200)
    results = run_bench(tmp_path / "home", [qset], tmp_path / "out", "scale", console, corpus=corpus,
                        scales="1,3", real_upto=1, work=tmp_path / "work")
    one, three = results["scale"]["rows"]
    assert (one["scale"], three["scale"]) == (1, 3) and three["files"] == 3
    assert one["embedded"] == 0 and one["cached"] == one["chunks"]  # the cold ingest's vectors, through the cache
    assert three["reused"] == three["chunks"] == 3 * one["chunks"] and three["embedded"] == 0
    assert three["n_synthetic"] == 4 and three["hit5_synthetic"] == 1.0 and three["hit5_seed"] == 1.0
    for row in (one, three):
        assert row["peak_mb"] > 50 and row["index_mb"] > 0 and row["search_p95_ms"] >= row["search_p50_ms"] > 0
        assert row["open_s"] > 0 and row["first_search_s"] > 0 and row["reopened_search_s"] > 0
        assert row["documents_s"] > 0
    assert (one["documents"], three["documents"]) == (1, 3)  # one report per file, listed back
    md = (tmp_path / "out" / "bench.md").read_text(encoding="utf-8")
    assert "## Scale curve" in md and "| 3x |" in md and "peak memory <= 2 GB at 3x" in md
    assert "list documents s" in md
    # --work keeps the indexes to look into afterwards, and will not write into a folder in use.
    assert (tmp_path / "work" / "scale-3" / "chroma").is_dir()
    from assistant.errors import AssistantError

    with pytest.raises(AssistantError, match="not empty"):
        run_bench(tmp_path / "home", [qset], tmp_path / "out", "scale", console, corpus=corpus, scales="1",
                  work=tmp_path / "work")


def test_bad_scales_refused(tmp_path):
    from assistant.errors import AssistantError

    corpus, qset = tiny_setup(tmp_path)
    for bad in ("0.5", "1,x", "2.5"):
        with pytest.raises(AssistantError, match="--scales"):
            run_bench(tmp_path, [qset], tmp_path / "out", "scale", Console(file=io.StringIO()), corpus=corpus, scales=bad)


@pytest.mark.slow
def test_latency_on_disk_and_through_a_chroma_server(tmp_path):
    corpus, qset = tiny_setup(tmp_path)
    results = run_bench(tmp_path / "home", [qset], tmp_path / "out", "latency", Console(file=io.StringIO()),
                        corpus=corpus)
    disk, server = results["latency"]["rows"]
    assert disk["store"].startswith("on disk") and server["store"].startswith("Chroma server")
    for row in (disk, server):
        assert row["search_p95_ms"] >= row["search_p50_ms"] > 0 and row["ask_p95_ms"] >= row["ask_p50_ms"] > 0
    md = (tmp_path / "out" / "bench.md").read_text(encoding="utf-8")
    assert "## Latency" in md and "server-mode search within 2x of on-disk" in md


OTHER_REPORT = """四川省政府工作报告（2026年）

一、2025年工作回顾

全省地区生产总值增长5.6%，粮食总产量达到3600万吨。
"""


def test_real_bench_compares_the_seeds_alone_with_the_seeds_and_a_corpus(tmp_path):
    seeds, qset = tiny_setup(tmp_path)
    other = tmp_path / "other"
    other.mkdir()
    (other / "sichuan-2026.txt").write_text(OTHER_REPORT, encoding="utf-8")
    other_set = tmp_path / "other.jsonl"
    other_set.write_text(json.dumps({"id": "s1", "question": "四川省2025年粮食总产量是多少？", "kind": "numeric",
                                     "answerable": True, "facts": [["3600万吨"]],
                                     "evidence": [{"source": "sichuan-2026.txt", "quote": "粮食总产量达到3600万吨"}]},
                                    ensure_ascii=False) + "\n", encoding="utf-8")
    console = Console(file=io.StringIO(), width=200)

    results = run_real(seeds, [other], [qset], [other_set], tmp_path / "out", console)

    alone, both = results["real"]["rows"]
    assert (alone["home"], both["home"]) == ("seeds only", "seeds + corpus")
    assert alone["documents"] == 1 and both["documents"] == 2 and both["chunks"] > alone["chunks"]
    assert both["characters"] > alone["characters"] > 0 and not both["failed"]
    assert alone["questions"] == 2 and both["questions"] == 3  # the seeds' questions, then both sets
    assert alone["hit@5"] == 1.0 and both["hit@5"] == 1.0
    assert alone["embed_s"] > 0 and alone["chars_per_s"] > 0
    assert both["search_p95_ms"] >= both["search_p50_ms"] > 0
    assert "seeds + corpus" in (tmp_path / "out" / "bench.md").read_text(encoding="utf-8")


def test_real_bench_needs_a_corpus(tmp_path):
    from assistant.errors import AssistantError

    seeds, qset = tiny_setup(tmp_path)
    with pytest.raises(AssistantError, match="--corpus"):
        run_real(seeds, [], [qset], [], tmp_path / "out", Console(file=io.StringIO()))
    with pytest.raises(AssistantError, match="does not exist"):
        run_real(seeds, [tmp_path / "nowhere"], [qset], [], tmp_path / "out", Console(file=io.StringIO()))
