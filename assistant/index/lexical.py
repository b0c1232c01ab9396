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
from assistant.documents import Chunk
from assistant.index.vectorstore import embedding_text

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


def lexical_text(chunk: Chunk) -> str:
    """BM25 sees the same placing context as the dense side."""
    return embedding_text(chunk)


class LexicalIndex:
    """BM25 over tokenised chunks; ids are the same stable chunk ids as Chroma's."""

    def __init__(self, path: Path | None):
        self.path = path
        self.tokens: dict[str, list[str]] = {}
        self.regions: dict[str, str | None] = {}  # None: a row written before regions were kept
        self._built: _Built | None = None
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
                self.regions[row["id"]] = row.get("region")
        places.learn(set(self.regions.values()) - {None})
        self._built = None

    def save(self) -> None:
        if not self.path:
            return
        self.path.mkdir(parents=True, exist_ok=True)
        tmp = self.path / "tokens.jsonl.tmp"
        with open(tmp, "w", encoding="utf-8") as f:
            for chunk_id, tokens in self.tokens.items():
                row = {"id": chunk_id, "tokens": tokens, "region": self.regions.get(chunk_id)}
                f.write(json.dumps(row, ensure_ascii=False) + "\n")
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, self.path / "tokens.jsonl")  # atomic: a crash leaves the old file whole

    def add(self, chunks: list[Chunk]) -> None:
        for chunk in chunks:
            self.tokens[chunk.chunk_id] = tokenize(lexical_text(chunk))
            self.regions[chunk.chunk_id] = chunk.metadata.get("region") or ""
        places.learn({chunk.metadata.get("region") for chunk in chunks})  # a new county's report: its name filters
        self._built = None

    def clear(self) -> None:
        self.tokens.clear()
        self.regions.clear()
        self._built = None

    def delete(self, ids: list[str]) -> None:
        for chunk_id in ids:
            self.tokens.pop(chunk_id, None)
            self.regions.pop(chunk_id, None)
        self._built = None

    def ids_in_regions(self, regions: set[str]) -> set[str] | None:
        """Chunk ids whose document is about one of `regions`; None if some rows predate regions
        (the caller asks Chroma instead). A set lookup per chunk: ~3 ms at 50,000 chunks, where
        Chroma's `$in` over a province's 1,500 places takes ~110 ms."""
        if len(self.regions) != len(self.tokens) or None in self.regions.values():
            return None
        return {i for i, r in self.regions.items() if r in regions}

    def _index(self) -> "_Built | None":
        with self._lock:
            if self._built is None and self.tokens:
                ids = list(self.tokens)
                bm25 = bm25s.BM25()
                bm25.index([self.tokens[i] for i in ids], show_progress=False)
                self._built = _Built(bm25, ids)
            return self._built

    def knows(self, token: str) -> bool:
        """Does any chunk contain this token? (Used to tell questions the corpus cannot answer.)"""
        built = self._index()
        return built is not None and token in built.bm25.vocab_dict

    def top(self, query_tokens: list[str], n: int, allowed: set[str] | None = None, key: str = "") -> dict[str, float]:
        """The n best BM25 scores, best first, among chunks sharing a token with the query.

        `allowed` (cached under `key`) keeps only those chunk ids. Everything stays
        in numpy: at 50,000 chunks a dict of every scored chunk cost ~25 ms a search.
        """
        built = self._index()  # one snapshot: a write meanwhile builds a new one
        if built is None:
            return {}
        known = [t for t in query_tokens if t in built.bm25.vocab_dict]
        if not known:
            return {}
        scores = built.bm25.get_scores(known)
        if allowed is not None:
            scores = np.where(built.mask(key, allowed), scores, 0.0)
        hits = np.flatnonzero(scores)
        if len(hits) > n:
            # Everything scoring at least the n-th best, so ties fall as a full sort would order them.
            floor = np.partition(scores[hits], len(hits) - n)[len(hits) - n]
            hits = hits[scores[hits] >= floor]
        hits = hits[np.argsort(-scores[hits], kind="stable")][:n]
        return {built.ids[i]: float(scores[i]) for i in hits}


class _Built:
    """A BM25 matrix, the chunk ids of its rows, and row masks for filters, replaced together."""

    def __init__(self, bm25, ids: list[str]):
        self.bm25, self.ids = bm25, ids
        self._masks: dict[str, np.ndarray] = {}
        self._rows: dict[str, int] | None = None

    def mask(self, key: str, allowed: set[str]) -> np.ndarray:
        if key not in self._masks:
            if self._rows is None:
                self._rows = {chunk_id: row for row, chunk_id in enumerate(self.ids)}
            mask = np.zeros(len(self.ids), dtype=bool)
            mask[[self._rows[i] for i in allowed if i in self._rows]] = True
            self._masks[key] = mask
        return self._masks[key]
