"""An index made by an older release's tokenizer is re-tokenized once when it opens (tokens.sig)."""
from __future__ import annotations

import json

from assistant.index.lexical import tokenize, tokenizer_signature

TEXT = "漯河市政府工作报告（2021年）\n\n一、2020年工作回顾\n\n全年粮食总产量达到３０万吨，新增国家级高新技术企业28家。\n"


def test_an_index_of_another_tokenizer_is_retokenized_once_and_answers_the_same(tmp_path, embedder):
    from assistant import Assistant, Settings

    home, docs = tmp_path / "home", tmp_path / "docs"
    docs.mkdir()
    (docs / "luohe.txt").write_text(TEXT, encoding="utf-8")
    first = Assistant(Settings(home=home), embedder=embedder)
    first.ingest([docs])
    lexical_dir = first.index.lexical.path
    assert (lexical_dir / "tokens.sig").read_text(encoding="utf-8") == tokenizer_signature()
    del first

    # As an older release left it: other tokens (no NFKC: ３０万吨 kept full-width) and no signature file.
    rows = [json.loads(line) for line in (lexical_dir / "tokens.jsonl").read_text(encoding="utf-8").splitlines()]
    for row in rows:
        row["tokens"] = ["３０万吨" if t == "30万吨" else t for t in row["tokens"]]
    (lexical_dir / "tokens.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows),
                                              encoding="utf-8")
    (lexical_dir / "tokens.sig").unlink()

    again = Assistant(Settings(home=home), embedder=embedder)
    assert any("another tokenizer" in line for line in again.index.repairs)
    assert "30万吨" in tokenize("３０万吨") and any("30万吨" in t for t in again.index.lexical.tokens.values())
    assert (lexical_dir / "tokens.sig").read_text(encoding="utf-8") == tokenizer_signature()
    assert "30万吨" in again.ask("漯河市2020年粮食总产量是多少？", mode="extractive").text
    del again

    third = Assistant(Settings(home=home), embedder=embedder)  # current now: nothing more to do
    assert not third.index.repairs
