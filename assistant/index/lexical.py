"""The lexical side of the index: BM25 (bm25s) over jieba tokens.

Figures with their units (431.8亿元, 8.5%, 28家) and names from the domain
dictionary (卫龙, 双汇, 中原食品实验室, place names) stay single tokens. The
tokenised chunks are persisted as JSON Lines beside Chroma and the BM25 matrix
is rebuilt from them on load (seconds even at 100x the seeds), so the lexical
side can always be rebuilt from the chunks in the store.
"""
from __future__ import annotations

import json
import logging
import os
import re
import threading
from functools import lru_cache
from pathlib import Path

import bm25s
import numpy as np

from assistant import places

FIGURE = re.compile(
    r"\d+(?:[.,]\d+)*\s*(?:%|‰|个百分点|万亿元|亿元|万元|元|亿美元|万美元|美元|万人次|万人|人次|人|万户|户|家|个|项|所|座|条|"
    r"万吨|吨|万亩|亩|平方公里|平方米|公里|千米|米|万千瓦|千瓦|兆瓦|套|台|辆|倍|天|年|月|日|次|件|种|批|类|名|位|万)?"
)
DOMAIN_WORDS = (
    "卫龙", "双汇", "中原食品实验室", "食品云", "高新技术企业", "专精特新", "规上工业", "规模以上工业",
    "生产总值", "一般公共预算收入", "固定资产投资", "社会消费品零售总额", "利用外资", "实际利用外资",
    "研发投入强度", "研发投入", "进出口总额", "城镇新增就业", "高标准农田", "营商环境", "十三五", "十四五",
    "经开区", "航空港", "跨境电商", "产教融合", "智能制造", "二〇三五年", "人均可支配收入", "万人拥有",
)
STOPWORDS = set(
    "的 了 和 与 及 以及 或 在 是 为 等 对 将 把 被 从 向 于 由 并 其 之 也 又 都 而 且 就 这 那 有 个 中 上 下 "
    "多少 什么 哪些 哪个 哪 几 几个 是否 如何 怎样 怎么 吗 呢 吧 啊 请问 请 告诉 一下 多大 多高 多长 "
    "我 我们 你 你们 他 它 它们 该 此 各 每 年 年度 今年 去年 明年 市 县 区 省 全市 全县 全区 方面 情况 "
    "what how much many which when where who is was were the a an of in on for to by and or did does do "
    "with at as from that this it its be are what's".split()
)
_PUNCT = re.compile(r"^[\W_]+$")


@lru_cache(maxsize=1)
def _jieba():
    import jieba

    jieba.setLogLevel(logging.WARNING)
    for word in DOMAIN_WORDS:
        jieba.add_word(word, freq=200000)
    for place in places.GAZETTEER:
        for alias in place.aliases:
            jieba.add_word(alias, freq=200000)
    jieba.initialize()
    return jieba


def tokenize(text: str) -> list[str]:
    """Lower-cased tokens for BM25, stop words and punctuation dropped.

    Example: tokenize("2020年漯河市新增国家级高新技术企业28家") ->
      ["2020年", "漯河市", "新增", "国家级", "高新技术企业", "28家"]
    """
    jieba = _jieba()
    tokens: list[str] = []
    pos = 0
    for m in FIGURE.finditer(text):
        tokens.extend(_words(jieba, text[pos:m.start()]))
        tokens.append(re.sub(r"[\s,]", "", m.group(0)))
        pos = m.end()
    tokens.extend(_words(jieba, text[pos:]))
    return tokens


def _words(jieba, text: str) -> list[str]:
    out = []
    for word in jieba.cut_for_search(text):
        word = word.strip().lower()
        if word and word not in STOPWORDS and not _PUNCT.match(word):
            out.append(word)
    return out


class LexicalIndex:
    """BM25 over tokenised chunks; ids are the same stable chunk ids as Chroma's."""

    def __init__(self, path: Path | None):
        self.path = path
        self.ids: list[str] = []
        self.tokens: dict[str, list[str]] = {}
        self._bm25 = None
        self._lock = threading.Lock()
        if path and (path / "tokens.jsonl").exists():
            self._load()

    def __len__(self) -> int:
        return len(self.tokens)

    def _load(self) -> None:
        with open(self.path / "tokens.jsonl", encoding="utf-8") as f:
            for line in f:
                row = json.loads(line)
                self.tokens[row["id"]] = row["tokens"]
        self._bm25 = None

    def save(self) -> None:
        if not self.path:
            return
        self.path.mkdir(parents=True, exist_ok=True)
        tmp = self.path / "tokens.jsonl.tmp"
        with open(tmp, "w", encoding="utf-8") as f:
            for chunk_id, tokens in self.tokens.items():
                f.write(json.dumps({"id": chunk_id, "tokens": tokens}, ensure_ascii=False) + "\n")
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, self.path / "tokens.jsonl")  # atomic: a crash leaves the old file whole

    def add(self, items: list[tuple[str, str]]) -> None:
        """items: (chunk_id, text to index)."""
        for chunk_id, text in items:
            self.tokens[chunk_id] = tokenize(text)
        self._bm25 = None

    def delete(self, ids: list[str]) -> None:
        for chunk_id in ids:
            self.tokens.pop(chunk_id, None)
        self._bm25 = None

    def _index(self):
        with self._lock:
            if self._bm25 is None and self.tokens:
                self.ids = list(self.tokens)
                bm25 = bm25s.BM25()
                bm25.index([self.tokens[i] for i in self.ids], show_progress=False)
                self._bm25 = bm25
            return self._bm25

    def knows(self, token: str) -> bool:
        """Does any chunk contain this token? (Used to tell questions the corpus cannot answer.)"""
        bm25 = self._index()
        return bm25 is not None and token in bm25.vocab_dict

    def scores(self, query_tokens: list[str]) -> dict[str, float]:
        """BM25 score of every chunk that shares a token with the query."""
        bm25 = self._index()
        if bm25 is None:
            return {}
        known = [t for t in query_tokens if t in bm25.vocab_dict]
        if not known:
            return {}
        all_scores = bm25.get_scores(known)
        hits = np.nonzero(all_scores)[0]
        return {self.ids[i]: float(all_scores[i]) for i in hits}
