"""Facts read by an older release's extraction are read again, in place, when the index opens."""
from __future__ import annotations

from assistant.documents import Chunk
from assistant.facts.refresh import SIGNATURE_KEY, document_text, facts_signature

TEXT = ("开封市政府工作报告（2024年）\n\n一、2023年工作回顾\n\n"
        "全年财政民生支出达到172.3亿元，占一般公共预算支出的71.2%。新增城镇就业4.1万人。\n\n"
        "二、2024年工作安排\n\n城镇新增就业目标4万人以上。\n")


def test_document_text_puts_each_chunk_at_its_offsets():
    text = "甲乙丙丁戊己庚辛壬癸"
    chunks = [Chunk("d:1", "d", text[4:9], 4, 9), Chunk("d:0", "d", text[0:6], 0, 6)]
    assert document_text(chunks) == text[:9]
    gap = [Chunk("d:0", "d", text[0:2], 0, 2), Chunk("d:1", "d", text[5:7], 5, 7)]
    assert document_text(gap) == "甲乙   己庚"


def test_facts_of_another_release_are_read_again_once(tmp_path, embedder):
    from assistant import Assistant, Settings

    home, docs = tmp_path / "home", tmp_path / "docs"
    docs.mkdir()
    (docs / "kaifeng.txt").write_text(TEXT, encoding="utf-8")
    first = Assistant(Settings(home=home), embedder=embedder)
    first.ingest([docs])
    vectors = first.index.vectors
    assert vectors.collection.metadata[SIGNATURE_KEY] == facts_signature()
    assert not first.index.facts_stale()
    right = {c.chunk_id: c.facts_field for c in vectors.get_where(None)}
    assert any("172.3" in field for field in right.values())

    # As an older release left it: other readings (here none at all) under another signature.
    chunks = vectors.get_where(None)
    for chunk in chunks:
        chunk.facts_field = "[]"
    vectors.update_metadata(chunks)
    vectors.collection.modify(metadata={**vectors.collection.metadata, SIGNATURE_KEY: "older"})
    assert first.index.facts_stale()
    del first

    again = Assistant(Settings(home=home), embedder=embedder)
    assert any("read by another release" in line for line in again.index.repairs), again.index.repairs
    assert {c.chunk_id: c.facts_field for c in again.index.vectors.get_where(None)} == right
    assert again.index.vectors.collection.metadata["embedding_model"] == embedder.name  # kept beside it
    rows = again.facts("民生支出", place="开封市")
    assert (172.3, "亿元", "actual") in [(r.fact.value, r.fact.unit, r.fact.status) for r in rows], rows
    del again

    third = Assistant(Settings(home=home), embedder=embedder)  # current now: nothing more to do
    assert not third.index.repairs
    # another signature whose extraction reads every figure as this one does: checked, and no repair reported
    vectors = third.index.vectors
    vectors.collection.modify(metadata={**vectors.collection.metadata, SIGNATURE_KEY: "older"})
    del third
    fourth = Assistant(Settings(home=home), embedder=embedder)
    assert not fourth.index.repairs, fourth.index.repairs
    assert fourth.index.vectors.collection.metadata[SIGNATURE_KEY] == facts_signature()
