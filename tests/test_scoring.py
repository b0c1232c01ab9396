"""Unit tests for the evaluation package on small hand-made questions and results."""
import json

import pytest

from assistant.evaluation.compare import compare_runs, format_comparison
from assistant.evaluation.dataset import (QuestionSetError, flatten_conversation,
                                          load_conversations, load_questions)
from assistant.evaluation.report import read_results, write_report, write_results
from assistant.evaluation.scoring import (fact_matched, norm, percentile, score_result,
                                          summarise)

SRC_A, SRC_B = "000_a.txt", "001_b.txt"


def q_numeric(qid="n1", facts=(("28家",),), quote="新增国家级高新技术企业28家", source=SRC_A):
    return {"id": qid, "question": "新增国家级高新技术企业多少家？", "kind": "numeric",
            "answerable": True, "facts": [list(f) for f in facts],
            "evidence": [{"source": source, "quote": quote}]}


def q_comparison(qid="c1"):
    return {"id": qid, "question": "两市GDP谁高？", "kind": "comparison", "answerable": True,
            "facts": [["甲市"]],
            "evidence": [{"source": SRC_A, "quote": "甲市GDP 100亿元"},
                         {"source": SRC_B, "quote": "乙市GDP 90亿元"}]}


def q_unanswerable(qid="u1"):
    return {"id": qid, "question": "2020年火星基地有几座？", "kind": "unanswerable",
            "answerable": False, "facts": [], "evidence": []}


def ctx(text, source=SRC_A):
    return {"source": source, "text": text, "score": 0.5}


FILLER = [ctx(f"无关段落{i}") for i in range(10)]


def result(qid, answer, contexts=(), citations=(), refused=False, **extra):
    return {"id": qid, "answer": answer, "refused": refused, "contexts": list(contexts),
            "citations": list(citations), "latency_ms": extra.pop("latency_ms", 10.0), **extra}


# --- matching ---------------------------------------------------------------

def test_digit_boundaries():
    assert fact_matched("28家", "新增28家。")
    assert not fact_matched("28家", "新增128家。")
    assert not fact_matched("28", "增长28.5%")
    assert not fact_matched("28", "增长3.28%")
    assert not fact_matched("5", "增长5.")
    # every occurrence is tried, not only the first
    assert fact_matched("28家", "共128家，其中新增28家")


def test_norm_fullwidth_and_whitespace():
    assert norm("28，（增长）：５％") == norm("28,(增长):5%")
    assert norm("28 家\u3000\n") == "28家"
    assert norm("。、") == "。、"
    assert fact_matched("28，", "共28,")


# --- per question ------------------------------------------------------------

def test_correct_answer_and_hits():
    q = q_numeric()
    r = result("n1", "2020年新增国家级高新技术企业28家。[1]",
               contexts=[ctx("无关"), ctx("今年新增国家级高新技术企业 28 家")],
               citations=[{"n": 1, "source": SRC_A, "text": "新增国家级高新技术企业28家"}])
    row = score_result(q, r)
    assert row["correct"] and row["facts_matched"] == [True]
    assert row["hit"] == {1: False, 3: True, 5: True, 10: True}
    assert row["rr"] == 0.5 and row["citation_supported"] is True
    assert row["sources"] == [SRC_A]


def test_too_long_answer_is_wrong():
    long_answer = "新增28家。" + "这是粘贴的原文段落。" * 30
    row = score_result(q_numeric(), result("n1", long_answer))
    assert row["facts_matched"] == [True] and row["too_long"] and not row["correct"]


def test_list_cap_is_400():
    q = {**q_numeric(), "kind": "list"}
    assert score_result(q, result("n1", "28家" + "甲" * 300))["correct"]
    assert not score_result(q, result("n1", "28家" + "甲" * 400))["correct"]


def test_comparison_needs_all_evidence():
    q = q_comparison()
    contexts = [ctx("甲市GDP100亿元"), *FILLER[:3], ctx("乙市GDP 90亿元", SRC_B)]
    row = score_result(q, result("c1", "甲市更高", contexts=contexts))
    assert row["hit"] == {1: False, 3: False, 5: True, 10: True}
    assert row["rank"] == 5 and row["rr"] == pytest.approx(0.2)
    only_one = score_result(q, result("c1", "甲市更高", contexts=[ctx("甲市GDP100亿元")] + FILLER))
    assert not any(only_one["hit"].values()) and only_one["rr"] == 0.0


def test_false_refusal():
    row = score_result(q_numeric(), result("n1", "文件中没有提到28家。", refused=True))
    assert row["false_refusal"] and not row["correct"]
    assert row["citation_supported"] is None


def test_unanswerable():
    assert score_result(q_unanswerable(), result("u1", "文件未提及。", refused=True))["correct"]
    wrong = score_result(q_unanswerable(), result("u1", "有3座。"))
    assert not wrong["correct"] and wrong["false_refusal"] is False


def test_citation_not_supported():
    r = result("n1", "28家[1]", citations=[{"n": 1, "source": SRC_A, "text": "别的内容"}])
    assert score_result(q_numeric(), r)["citation_supported"] is False


def test_unverified_figures():
    r = result("n1", "28家", figures=[{"text": "28家", "verified": True}, {"text": "3家", "verified": False}])
    assert score_result(q_numeric(), r)["unverified_figures"] is True
    assert score_result(q_numeric(), result("n1", "28家"))["unverified_figures"] is False


def test_percentile_nearest_rank():
    values = [5, 1, 4, 2, 3]
    assert percentile(values, 50) == 3
    assert percentile(values, 95) == 5
    assert percentile(list(range(1, 101)), 95) == 95
    assert percentile([], 50) is None


# --- summary -----------------------------------------------------------------

def make_run():
    questions = [q_numeric("n1"), q_numeric("n2", source=SRC_B), q_comparison("c1"),
                 q_unanswerable("u1"), q_numeric("e1"), q_numeric("m1")]
    hit = ctx("新增国家级高新技术企业28家")
    results = [
        result("n1", "新增28家[1]", contexts=[hit] + FILLER,
               citations=[{"n": 1, "source": SRC_A, "text": hit["text"]}], latency_ms=10),
        result("n2", "新增128家", contexts=FILLER[:2] + [ctx("新增国家级高新技术企业28家", SRC_B)],
               latency_ms=20),
        result("c1", "甲市", contexts=[ctx("甲市GDP 100亿元"), ctx("乙市GDP 90亿元", SRC_B)],
               latency_ms=30),
        result("u1", "文件未提及", refused=True, latency_ms=40),
        {"id": "e1", "error": "RuntimeError: boom", "latency_ms": 1},
    ]  # m1 has no result
    return questions, results


def test_summarise_overall():
    s = summarise(*make_run())
    assert (s["n"], s["n_answerable"], s["n_unanswerable"]) == (6, 5, 1)
    assert s["errors"] == 1 and s["missing"] == 1
    assert s["answer_accuracy"] == pytest.approx(2 / 3)  # n1, c1 right; n2 wrong; e1, m1 excluded
    assert s["refusal_accuracy"] == 1.0 and s["false_refusal_rate"] == 0.0
    assert s["overall_accuracy"] == pytest.approx(3 / 4)
    assert s["mrr"] == pytest.approx((1 + 1 / 3 + 1 / 2) / 3)
    assert s["hit@1"] == pytest.approx(1 / 3) and s["hit@3"] == 1.0
    assert s["citation_supported"] == pytest.approx(1 / 3)
    assert s["latency_p50_ms"] == 20 and s["latency_p95_ms"] == 40
    rows = {r["id"]: r for r in s["per_question"]}
    assert rows["e1"]["status"] == "error" and rows["e1"]["correct"] is None
    assert rows["m1"]["status"] == "missing"


def test_summarise_by_kind_and_source():
    s = summarise(*make_run())
    assert set(s["by_kind"]) == {"numeric", "comparison", "unanswerable"}
    assert s["by_kind"]["numeric"]["n"] == 4 and s["by_kind"]["numeric"]["errors"] == 1
    assert s["by_kind"]["numeric"]["answer_accuracy"] == 0.5
    assert s["by_kind"]["comparison"]["hit@1"] == 0.0
    assert s["by_source"][SRC_B]["n"] == 2  # n2 and the comparison
    assert s["by_source"][SRC_B]["answer_accuracy"] == 0.5
    assert s["by_source"][SRC_A]["n"] == 4


# --- report and comparison -----------------------------------------------------

def test_write_report_files(tmp_path):
    questions, results = make_run()
    s = summarise(questions, results)
    write_results(tmp_path / "results.jsonl", results)
    assert read_results(tmp_path / "results.jsonl") == results
    report = write_report(tmp_path, questions, results, s, title="Test run")
    text = report.read_text(encoding="utf-8")
    assert "# Test run" in text and "n2" in text and "RuntimeError" in text
    assert "accuracy_by_kind.png" in text
    assert json.loads((tmp_path / "summary.json").read_text(encoding="utf-8"))["n"] == 6
    assert "新增" in (tmp_path / "summary.json").read_text(encoding="utf-8")  # not \u-escaped
    for name in ("accuracy_by_kind.png", "hit_at_k.png", "latency_hist.png"):
        data = (tmp_path / name).read_bytes()
        assert data.startswith(b"\x89PNG") and len(data) > 1000


def _save_run(run_dir, questions, results):
    write_results(run_dir / "results.jsonl", results)
    write_report(run_dir, questions, results, summarise(questions, results))


def test_compare_runs(tmp_path):
    questions = [q_numeric("n1"), q_numeric("n2"), q_numeric("n3")]
    old = [result("n1", "12家"), result("n2", "28家"), result("n3", "28家")]
    new = [result("n1", "28家"), result("n2", "128家"), result("n3", "28家")]
    _save_run(tmp_path / "old", questions, old)
    _save_run(tmp_path / "new", questions, new)
    cmp = compare_runs(tmp_path / "old", tmp_path / "new")
    assert [c["id"] for c in cmp["better"]] == ["n1"]
    assert [c["id"] for c in cmp["worse"]] == ["n2"]
    assert cmp["deltas"]["answer_accuracy"]["delta"] == pytest.approx(0.0)
    assert cmp["worse"][0]["new_answer"] == "128家"
    md = format_comparison(cmp)
    assert "`n1`" in md and "`n2`" in md and "| answer_accuracy |" in md


# --- loading -------------------------------------------------------------------

def write_lines(path, objs):
    path.write_text("\n".join(o if isinstance(o, str) else json.dumps(o, ensure_ascii=False)
                              for o in objs) + "\n", encoding="utf-8")
    return path


def test_load_questions_keeps_extra_fields(tmp_path):
    item = {**q_numeric(), "author": "other team"}
    path = write_lines(tmp_path / "q.jsonl", [item, "", q_unanswerable()])
    items = load_questions(path)
    assert [i["id"] for i in items] == ["n1", "u1"] and items[0]["author"] == "other team"


@pytest.mark.parametrize("bad, needle", [
    ({**q_numeric("x"), "kind": "opinion"}, "unknown kind"),
    ({**q_numeric("x"), "facts": []}, "no facts"),
    ({**q_numeric("x"), "answerable": "yes"}, "'answerable'"),
    ({**q_numeric("x"), "evidence": [{"source": SRC_A}]}, "'quote'"),
    (q_numeric("n1"), "duplicate id"),
    ("{not json", "invalid JSON"),
])
def test_load_questions_rejects_bad_line(tmp_path, bad, needle):
    path = write_lines(tmp_path / "q.jsonl", [q_numeric("n1"), "", bad])
    with pytest.raises(QuestionSetError) as err:
        load_questions(path)
    message = str(err.value)
    assert f"{path}:3:" in message and needle in message and "\n" not in message


def test_conversations(tmp_path):
    turn1 = {k: v for k, v in q_numeric().items() if k != "id"}
    turn2 = {**{k: v for k, v in q_unanswerable().items() if k != "id"}, "question": "那火星呢？"}
    path = write_lines(tmp_path / "c.jsonl", [{"id": "conv1", "turns": [turn1, turn2]}])
    convs = load_conversations(path)
    flat = flatten_conversation(convs[0])
    assert [f["id"] for f in flat] == ["conv1#1", "conv1#2"]
    assert flat[0]["history"] == [] and flat[1]["history"] == [turn1["question"]]
    bad = write_lines(tmp_path / "bad.jsonl", [{"id": "conv2", "turns": [turn1, {"question": "?"}]}])
    with pytest.raises(QuestionSetError, match=r"bad.jsonl:1: turn 2: missing field 'kind'"):
        load_conversations(bad)


def test_summarise_by_language():
    from assistant.evaluation.scoring import language_of

    assert language_of("What was Luohe's GDP in 2020?") == "en" and language_of("漯河市GDP是多少？") == "zh"
    questions, results = make_run()
    questions = [dict(q) for q in questions]
    questions[0]["question"] = "How many high-tech enterprises were added?"
    s = summarise(questions, results)
    assert set(s["by_language"]) == {"en", "zh"}
    assert s["by_language"]["en"]["n"] == 1 and s["by_language"]["zh"]["n"] == len(questions) - 1
