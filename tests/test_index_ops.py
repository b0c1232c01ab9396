"""Index operations on a small corpus of its own: replace, remove, refuse other models, fail cleanly."""
from __future__ import annotations

import pytest

from assistant.errors import IndexMismatch

REPORT = ("许昌市2023年政府工作报告\n2023年1月10日在许昌市第八届人民代表大会第三次会议上\n"
          "一、2022年工作回顾\n过去的一年，全市生产总值增长5.1%，一般公共预算收入达到180.5亿元。\n")


def _write(folder, name, text):
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def _counts(assistant):
    return assistant.index.vectors.count(), len(assistant.index.lexical)


def test_changed_file_replaces_its_chunks_and_remove_deletes_them(fresh, tmp_path):
    path = _write(tmp_path / "docs", "xuchang.txt", REPORT)
    first = fresh.ingest([path])
    assert len(first.added) == 1 and _counts(fresh)[0] == _counts(fresh)[1] > 0
    path.write_text(REPORT.replace("180.5亿元", "190.5亿元"), encoding="utf-8")
    second = fresh.ingest([path])
    assert len(second.replaced) == 1
    texts = " ".join(c.text for c in fresh.index.vectors.get_where(with_text=True))
    assert "190.5亿元" in texts and "180.5亿元" not in texts
    assert fresh.search("许昌市2022年一般公共预算收入", k=1)[0].chunk.source == "xuchang.txt"
    assert fresh.remove("xuchang.txt") == 1
    assert _counts(fresh) == (0, 0)


def test_remove_unknown_document_says_what_to_do(fresh):
    from assistant.errors import AssistantError

    with pytest.raises(AssistantError, match="assistant docs"):
        fresh.remove("nothing.txt")


def test_a_collection_refuses_another_embedding_model(fresh, tmp_path):
    from langchain_core.embeddings import Embeddings

    from assistant import Assistant

    fresh.ingest([_write(tmp_path / "docs", "xuchang.txt", REPORT)])

    class OtherModel(Embeddings):
        name, dim = "other-model-768", 768

        def embed_documents(self, texts):
            return [[0.0] * 768 for _ in texts]

        def embed_query(self, text):
            return [0.0] * 768

    with pytest.raises(IndexMismatch, match="rebuild"):
        Assistant(fresh.settings, embedder=OtherModel())


def test_a_failure_in_the_middle_of_a_file_leaves_nothing_of_it(fresh, tmp_path, embedder):
    from langchain_core.embeddings import Embeddings

    from assistant import Assistant

    class FailsLate(Embeddings):
        name, dim = embedder.name, embedder.dim

        def __init__(self):
            self.calls = 0

        def embed_documents(self, texts):
            self.calls += 1
            if self.calls > 1:
                raise RuntimeError("embedding server went away")
            return embedder.embed_documents(texts)

        def embed_query(self, text):
            return embedder.embed_query(text)

    long_report = REPORT + "".join(f"（{i}）第{i}项工作全面完成，投资{i}亿元。" * 12 + "\n" for i in range(1, 30))
    assistant = Assistant(fresh.settings, embedder=FailsLate())
    good = _write(tmp_path / "docs", "a_small.txt", REPORT.replace("许昌", "新乡"))
    bad = _write(tmp_path / "docs", "b_long.txt", long_report)
    report = assistant.ingest([good, bad])
    assert len(report.added) == 1 and len(report.failed) == 1
    assert "b_long.txt" in report.failed[0] and "\n" not in report.failed[0]
    sources = {c.source for c in assistant.index.vectors.get_where()}
    assert sources == {"a_small.txt"}
    assert _counts(assistant)[0] == _counts(assistant)[1]


def test_unreadable_file_is_reported_and_the_batch_goes_on(fresh, tmp_path):
    folder = tmp_path / "docs"
    _write(folder, "good.txt", REPORT)
    (folder / "broken.txt").write_bytes(b"\x00\x01\x02binary\x00" * 50)
    (folder / "gbk.txt").write_bytes(REPORT.replace("许昌", "周口").encode("gbk"))
    report = fresh.ingest([folder])
    assert len(report.added) == 2 and len(report.failed) == 1
    assert report.failed[0].startswith("broken.txt:")
    assert "周口市" in {d["region"] for d in fresh.documents()}


def test_rebuild_reads_again_every_file_the_index_held(fresh, tmp_path):
    path = _write(tmp_path / "elsewhere", "xuchang.txt", REPORT)
    fresh.ingest([path])
    before = _counts(fresh)
    report = fresh.rebuild()
    assert [d["source"] for d in fresh.documents()] == ["xuchang.txt"]  # not the seeds in its place
    assert _counts(fresh) == before and len(report.added) == 1
    assert fresh.documents()[0]["path"] == str(path.resolve())


def test_a_second_file_with_the_same_name_elsewhere_does_not_replace_the_first(fresh, tmp_path):
    first = _write(tmp_path / "2022", "report.txt", REPORT)
    second = _write(tmp_path / "2023", "report.txt", REPORT.replace("180.5亿元", "190.5亿元"))
    fresh.ingest([first])
    report = fresh.ingest([second])
    assert report.failed and "another file named report.txt" in report.failed[0] and "assistant remove" in report.failed[0]
    texts = " ".join(c.text for c in fresh.index.vectors.get_where(with_text=True))
    assert "180.5亿元" in texts and "190.5亿元" not in texts  # the first is untouched
    first.write_text(REPORT.replace("180.5亿元", "185.5亿元"), encoding="utf-8")
    assert len(fresh.ingest([first]).replaced) == 1  # the same file, changed in place, still replaces


def test_document_list_is_every_chunk_counted_and_follows_other_writers(fresh, tmp_path, embedder):
    """documents() reads first chunks and counts ids (fast at 100x); it must agree with reading every
    chunk, and a second Assistant on the same home must see a file the first one ingested."""
    from assistant import Assistant, Settings

    fresh.ingest([_write(tmp_path / "docs", "xuchang.txt", REPORT * 30)])
    by_chunk: dict = {}
    for chunk in fresh.index.vectors.get_where():
        by_chunk.setdefault(chunk.doc_id, dict(chunk.metadata, chunks=0))["chunks"] += 1
    assert fresh.index.documents() == by_chunk and list(by_chunk.values())[0]["chunks"] > 1

    other = Assistant(Settings(home=fresh.settings.home), embedder=embedder)
    assert [d["source"] for d in other.documents()] == ["xuchang.txt"]
    fresh.ingest([_write(tmp_path / "docs", "xuchang-2.txt", REPORT.replace("5.1%", "6.2%"))])
    assert [d["source"] for d in other.documents()] == ["xuchang-2.txt", "xuchang.txt"]
    fresh.remove("xuchang.txt")
    assert [d["source"] for d in other.documents()] == ["xuchang-2.txt"]
