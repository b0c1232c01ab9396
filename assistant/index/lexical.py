"""The lexical side of the index: BM25 (bm25s) over jieba tokens.

Figures with their units (431.8亿元, 8.5%, 28家) and names from the domain
dictionary (data/lexical.yaml, place names) stay single tokens. The
tokenised chunks are persisted as JSON Lines beside Chroma and the BM25 matrix
is rebuilt from them on load (seconds even at 100x the seeds), so the lexical
side can always be rebuilt from the chunks in the store. Beside them, `tokens.sig`
names the tokenizer that made them: a release whose tokenizer differs (new domain
words, units, NFKC) re-tokenizes an existing index once when it opens (Index.check),
so questions and chunks are cut the same way.
"""
from __future__ import annotations

import logging
import os
import re
import shutil
import threading
import unicodedata
from functools import lru_cache
from pathlib import Path

import bm25s
import numpy as np
import orjson

from assistant import abbreviations, places
from assistant.data_files import load_data
from assistant.documents import Chunk
from assistant.errors import DamagedIndex
from assistant.facts.units import unit_alternation
from assistant.index.vectorstore import embedding_text


@lru_cache(maxsize=1)
def _figure() -> re.Pattern:
    """A number with what follows it: a unit of data/units.yaml, ‰, or a date word (data/lexical.yaml)."""
    tails = "|".join(re.escape(t) for t in load_data("lexical.yaml")["figure_tails"])
    return re.compile(rf"(?P<number>\d+(?:[.,]\d+)*)\s*(?P<unit>‰|{unit_alternation()})?(?(unit)|(?:{tails})?)")


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    return frozenset(load_data("lexical.yaml")["stopwords"].split())


_PUNCT = re.compile(r"^[\W_]+$")
TOKENIZER_VERSION = 2  # raise when tokenize() changes in code (its data files are hashed by tokenizer_signature)
MATRIX_PREFIX = "bm25-v2-"  # v2: the vocabulary in sorted order (`_in_token_order`); older saved matrices are built again
SAVE_MATRIX_FROM = 2_000  # chunks: below this, building the BM25 matrix is quicker than reading one
log = logging.getLogger(__name__)


@lru_cache(maxsize=1)
def _jieba():
    import jieba

    jieba.setLogLevel(logging.WARNING)
    for word in load_data("lexical.yaml")["domain_words"]:
        jieba.add_word(word, freq=200000)
    for word in places.tokenizer_words():
        jieba.add_word(word, freq=200000)
    jieba.initialize()
    return jieba


@lru_cache(maxsize=1)
def tokenizer_signature() -> str:
    """What the tokens depend on: this code's version, the word lists, the units and the place names."""
    import hashlib

    from assistant.data_files import data_text

    parts = [str(TOKENIZER_VERSION), data_text("lexical.yaml"), data_text("units.yaml"), *places.tokenizer_words()]
    return hashlib.sha1("\n".join(parts).encode("utf-8")).hexdigest()[:16]


def tokenize(text: str) -> list[str]:
    """Lower-cased tokens for BM25, stop words and punctuation dropped.

    Example: tokenize("2020年漯河市新增国家级高新技术企业28家") ->
      ["2020年", "漯河市", "新增", "国家级", "高新技术企业", "28家"]
    """
    jieba = _jieba()
    text = unicodedata.normalize("NFKC", text)  # pages of 2008-2010 write ２００９年 and ８．７％: one token each way
    tokens: list[str] = []
    pos = 0
    for m in _figure().finditer(text):
        tokens.extend(_words(jieba, text[pos:m.start()]))
        end = m.end() if not _starts_word(jieba, text, m) else m.end("number")
        tokens.append(re.sub(r"[\s,]", "", text[m.start():end]))
        pos = end
    tokens.extend(_words(jieba, text[pos:]))
    return tokens


def _starts_word(jieba, text: str, figure: re.Match) -> bool:
    """The unit after a number begins a longer dictionary word: "3部门" is 3 and 部门, not 3部 and 门."""
    if not figure.group("unit"):
        return False
    start = figure.start("unit")
    return any(jieba.get_FREQ(text[start:start + n]) for n in range(len(figure.group("unit")) + 1, 5)
               if start + n <= len(text))


def _words(jieba, text: str) -> list[str]:
    out = []
    for word in jieba.cut_for_search(text):
        word = word.strip().lower()
        if word and word not in stopwords() and not _PUNCT.match(word):
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
        self.paths: dict[str, str] = {}  # the file each chunk was read from ("" for rows older than that)
        self._interned: dict[str, str] = {}
        self.loaded_from: tuple | None = None  # file_version of the lexical file this object holds
        self.signature: str | None = None  # the tokenizer that made the rows on disk (None: unknown, older)
        self._built: _Built | None = None
        self._lock = threading.Lock()
        # The places this index knows: learned from the regions its rows hold, forgotten with them.
        self.places = places.PlaceBook()
        if path and (path / "tokens.jsonl").exists():
            self._load()

    def __len__(self) -> int:
        return len(self.tokens)

    def _load(self) -> None:
        file = self.path / "tokens.jsonl"
        with open(file, "rb") as f:
            for number, line in enumerate(f, 1):
                row = _row(line)
                if row is None:
                    raise DamagedIndex(
                        f"the lexical index {file} is damaged (line {number} is not a row of it); "
                        f"run `assistant rebuild` to set it aside and build the index again")
                self.tokens[row["id"]] = row["tokens"]
                self.regions[row["id"]] = row.get("region")
                self.paths[row["id"]] = self._path_of(row.get("path"))
            self.loaded_from = version_of(os.fstat(f.fileno()))  # the file read, even if replaced meanwhile
        try:
            self.signature = (self.path / "tokens.sig").read_text(encoding="utf-8").strip() or None
        except OSError:
            self.signature = "unknown"  # written before signatures were kept: re-tokenized on the next check
        self.places = places.PlaceBook.of(set(self.regions.values()) - {None})
        self._built = None

    def _path_of(self, path) -> str:
        """One string per file, shared by its chunks (a path repeated 50,000 times is memory for nothing)."""
        path = path if isinstance(path, str) else ""
        return self._interned.setdefault(path, path)

    def source_paths(self) -> set[str]:
        """Every file the index holds chunks of: kept here too, so a lost Chroma database can be rebuilt."""
        return set(self.paths.values()) - {""}

    @staticmethod
    def set_aside(path: Path) -> str:
        """Move a damaged lexical file out of the way (kept for a look) so an empty one starts there."""
        file = path / "tokens.jsonl"
        aside = file.with_name(file.name + ".damaged")
        os.replace(file, aside)
        return str(aside)

    @staticmethod
    def recorded_paths(path: Path) -> set[str]:
        """The file paths a lexical file records, reading past damaged lines (for `rebuild` to recover from)."""
        found: set[str] = set()
        try:
            with open(path / "tokens.jsonl", "rb") as f:
                for line in f:
                    row = _row(line)
                    if row and isinstance(row.get("path"), str) and row["path"]:
                        found.add(row["path"])
        except OSError:
            pass
        return found

    def save(self) -> None:
        if not self.path:
            return
        self.path.mkdir(parents=True, exist_ok=True)
        tmp = self.path / "tokens.jsonl.tmp"
        try:
            with open(tmp, "wb") as f:
                for chunk_id, tokens in self.tokens.items():
                    row = {"id": chunk_id, "tokens": tokens, "region": self.regions.get(chunk_id),
                           "path": self.paths.get(chunk_id, "")}
                    f.write(orjson.dumps(row) + b"\n")
                f.flush()
                os.fsync(f.fileno())
                written = version_of(os.fstat(f.fileno()))  # a rename keeps inode, time and size
        except OSError:
            tmp.unlink(missing_ok=True)  # a full disk: the old file stays whole, no half copy beside it
            raise
        os.replace(tmp, self.path / "tokens.jsonl")  # atomic: a crash leaves the old file whole
        self.loaded_from = written
        if self.signature is None or not self.tokens:  # rows made now (or none): this tokenizer's
            self.signature = tokenizer_signature()
        sig_tmp = self.path / "tokens.sig.tmp"
        sig_tmp.write_text(self.signature, encoding="utf-8")
        os.replace(sig_tmp, self.path / "tokens.sig")

    def stale(self) -> bool:
        """Rows read from disk that another tokenizer than this release's made (see tokens.sig); rows made
        in this process (signature None until saved) and in-memory indexes (a Chroma server's) never are."""
        return (self.path is not None and bool(self.tokens) and self.signature is not None
                and self.signature != tokenizer_signature())

    def is_current(self) -> bool:
        """Does this object hold what the lexical file on disk holds now? (Saved or loaded by us, unchanged since.)"""
        return self.path is not None and self.loaded_from is not None and \
            self.loaded_from == file_version(self.path / "tokens.jsonl")

    def add(self, chunks: list[Chunk]) -> None:
        for chunk in chunks:
            self.tokens[chunk.chunk_id] = tokenize(lexical_text(chunk))
            self.regions[chunk.chunk_id] = chunk.metadata.get("region") or ""
            self.paths[chunk.chunk_id] = self._path_of(chunk.metadata.get("path"))
        # a new county's report: its name filters
        self.places = self.places.learning({chunk.metadata.get("region") for chunk in chunks})
        self._changed()

    def subset(self, ids: set[str]) -> "LexicalIndex":
        """A new in-memory index holding the rows of these ids (tokens and regions), to add to."""
        fresh = LexicalIndex(None)
        fresh.tokens = {i: t for i, t in self.tokens.items() if i in ids}
        fresh.regions = {i: self.regions.get(i) for i in fresh.tokens}
        fresh.paths = {i: self.paths.get(i, "") for i in fresh.tokens}
        fresh.signature = self.signature
        fresh.places = places.PlaceBook.of(set(fresh.regions.values()) - {None})
        return fresh

    def clear(self) -> None:
        self.signature = None  # what is added next is this tokenizer's
        self.tokens.clear()
        self.regions.clear()
        self.paths.clear()
        self.places = places.PlaceBook()
        self._changed()

    def _changed(self) -> None:
        """In memory, not (yet) the file: no saved BM25 matrix matches until the next save."""
        self._built = None
        self.loaded_from = None

    def delete(self, ids: list[str]) -> None:
        for chunk_id in ids:
            self.tokens.pop(chunk_id, None)
            self.regions.pop(chunk_id, None)
            self.paths.pop(chunk_id, None)
        self._forget_places()
        self._changed()

    def _forget_places(self) -> None:
        """After a delete: a region no row holds any more is forgotten, and a zone learned from it with it."""
        held = set(self.regions.values()) - {None, ""}
        if held != self.places.held:
            self.places = places.PlaceBook.of(held)

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
                bm25 = self._saved_matrix()
                if bm25 is None:
                    bm25 = bm25s.BM25()
                    bm25.index(_in_token_order([self.tokens[i] for i in ids]), show_progress=False)
                    self._save_matrix(bm25)
                self._built = _Built(bm25, ids, self.tokens)
            return self._built

    # The BM25 matrix takes ~5 s to build at 50,000 chunks, so a process that built it from the
    # lexical file it loaded leaves it beside that file, in a folder named by the file's version;
    # the next process opening the same file maps it instead (~0.1 s). Any other file version,
    # or a folder that cannot be read, and the matrix is built again.
    def _matrix_dir(self) -> Path | None:
        if not self.path or not self.is_current():
            return None
        return self.path / (MATRIX_PREFIX + "-".join(map(str, self.loaded_from)))

    def _saved_matrix(self):
        folder = self._matrix_dir()
        if folder is None or not (folder / "complete").exists():
            return None
        try:
            bm25 = bm25s.BM25.load(folder, mmap=True, show_progress=False)
        except Exception as e:  # noqa: BLE001 - a damaged copy is rebuilt, never trusted
            log.warning("saved BM25 matrix in %s unreadable (%s); building it again", folder, e)
            shutil.rmtree(folder, ignore_errors=True)  # so the rebuilt one is saved in its place
            return None
        return bm25 if bm25.scores["num_docs"] == len(self.tokens) else None

    def _save_matrix(self, bm25) -> None:
        folder = self._matrix_dir()
        if folder is None or folder.exists() or len(self.tokens) < SAVE_MATRIX_FROM:
            return
        tmp = folder.with_name(f"{folder.name}.tmp-{os.getpid()}-{threading.get_ident()}")
        try:
            bm25.save(tmp, show_progress=False)
            (tmp / "complete").write_text("")
            os.rename(tmp, folder)  # whole or not at all; another process may have won the race
        except OSError as e:
            log.info("BM25 matrix not saved in %s (%s)", folder, e)
            shutil.rmtree(tmp, ignore_errors=True)
            return
        for old in self.path.glob("bm25-*"):  # this file's older matrices, and those of a release before sorting
            if old != folder:
                shutil.rmtree(old, ignore_errors=True)

    def vocabulary(self) -> dict:
        """Every token some chunk contains (token -> its column): read-only, for spelling out names."""
        built = self._index()
        return built.bm25.vocab_dict if built is not None else {}

    def passages_holding(self, token: str) -> int:
        """How many passages hold the token (0 when none, or the index is empty): the stored scores of its column
        in the BM25 matrix, so nothing is counted again."""
        built = self._index()
        indptr = built.bm25.scores.get("indptr") if built is not None else None
        column = built.bm25.vocab_dict.get(token) if built is not None else None
        if indptr is None or column is None or column + 1 >= len(indptr):
            return 0
        return int(indptr[column + 1] - indptr[column])

    def writes(self, words: str) -> bool:
        """Does any chunk write these words together? For a word jieba cuts in pieces the vocabulary holds only
        apart (生物多样性: 生物, 多样性). `_Built.text` runs each chunk's tokens on, the smaller words jieba also cuts
        repeated (生物多样多样性), so the words are looked for as their own tokens run on."""
        built = self._index()
        return built is not None and bool(words) and "".join(tokenize(words)) in built.text()

    def knows(self, token: str) -> bool:
        """Does any chunk contain this token? (Used to tell questions the corpus cannot answer.)"""
        built = self._index()
        return built is not None and token in built.bm25.vocab_dict

    def top(self, query_tokens: list[str], n: int, allowed: set[str] | None = None, key: str = "",
            expand: bool = False) -> dict[str, float]:
        """The n best BM25 scores, best first, among chunks sharing a token with the query.

        `allowed` (cached under `key`) keeps only those chunk ids. Everything stays
        in numpy: at 50,000 chunks a dict of every scored chunk cost ~25 ms a search.
        `expand`: a short form the question writes is searched by its long forms too (`_expanded`).
        """
        built = self._index()  # one snapshot: a write meanwhile builds a new one
        if built is None:
            return {}
        known = [t for t in query_tokens if t in built.bm25.vocab_dict]
        extra = _expanded(built, query_tokens) if expand else None
        if not known and extra is None:
            return {}
        scores = built.bm25.get_scores(known) if known else np.zeros(len(built.ids))
        if extra is not None:
            scores = scores + extra
        if allowed is not None:
            scores = np.where(built.mask(key, allowed), scores, 0.0)
        hits = np.flatnonzero(scores)
        if len(hits) > n:
            # Everything scoring at least the n-th best, so ties fall as a full sort would order them.
            floor = np.partition(scores[hits], len(hits) - n)[len(hits) - n]
            hits = hits[scores[hits] >= floor]
        # equal scores by chunk id, not by row: rows follow the order files were ingested in, which differs by home
        hits = hits[np.lexsort((built.id_rank()[hits], -scores[hits]))][:n]
        return {built.ids[i]: float(scores[i]) for i in hits}


def _in_token_order(docs: list[list[str]]) -> tuple[list[list[int]], dict[str, int]]:
    """The documents as token ids over a vocabulary in sorted order, as bm25s takes them.

    Given tokens, bm25s numbers its vocabulary in the order of a Python set, which changes from process to process
    (string hashing is seeded per process); what reads the vocabulary in order (the pinyin names an English question
    spells, english._pinyin_index, whose first candidate goes into the reading) then read a question one way in one
    run and another way in the next. The scores are the same either way."""
    vocabulary = {token: n for n, token in enumerate(sorted({t for doc in docs for t in doc}))}
    return [[vocabulary[t] for t in doc] for doc in docs], vocabulary


EXPANSION_WEIGHT = 0.8  # a long form's best passage scores this much of the short form's best: below an exact match


def _expanded(built: "_Built", query_tokens: list[str]) -> "np.ndarray | None":
    """BM25 scores of the long forms of the question's short forms (assistant/abbreviations.py), scaled so the
    passage naming a long form best scores EXPANSION_WEIGHT of the best naming the short form (or, a short form
    the reports never write, of the question's best word); None when the question holds none."""
    vocab = built.bm25.vocab_dict
    total = None
    for short, pieces in abbreviations.short_forms(query_tokens, vocab, built.common()):
        words = abbreviations.expansion(short, abbreviations.long_forms(short, pieces, built.text()), tokenize, vocab)
        if not words:
            continue
        found = built.bm25.get_scores(words)
        exact = [t for t in pieces if t in vocab]
        if exact:
            ceiling = built.bm25.get_scores(exact).max()
        else:
            best = [built.bm25.get_scores([t]).max() for t in query_tokens if t in vocab]
            ceiling = max(best, default=0.0)
        if found.max() <= 0:
            continue
        ceiling = ceiling if ceiling > 0 else found.max()  # nothing else of the question is known: unscaled
        scaled = found * (EXPANSION_WEIGHT * ceiling / found.max())
        total = scaled if total is None else total + scaled
    return total


def _row(line: bytes) -> dict | None:
    """One row of the lexical file, or None when the line is not one (junk appended, a torn write)."""
    try:
        row = orjson.loads(line)
    except orjson.JSONDecodeError:
        return None
    ok = isinstance(row, dict) and isinstance(row.get("id"), str) and isinstance(row.get("tokens"), list)
    return row if ok else None


def file_version(path: Path) -> tuple | None:
    """Identifies one version of a file: every save writes a new file and renames it over the old."""
    try:
        return version_of(path.stat())
    except OSError:
        return None


def version_of(st: os.stat_result) -> tuple:
    return st.st_ino, st.st_mtime_ns, st.st_size


class _Built:
    """A BM25 matrix, the chunk ids of its rows, and row masks for filters, replaced together."""

    def __init__(self, bm25, ids: list[str], tokens: dict[str, list[str]]):
        self.bm25, self.ids = bm25, ids
        self._masks: dict[str, np.ndarray] = {}
        self._rows: dict[str, int] | None = None
        self._tokens = tokens
        self._text: str | None = None
        self._common: frozenset[str] | None = None
        self._id_rank: np.ndarray | None = None

    def id_rank(self) -> np.ndarray:
        """Each row's place in chunk-id order (ties in `LexicalIndex.top` fall by it)."""
        if self._id_rank is None:
            rank = np.empty(len(self.ids), dtype=np.int64)
            rank[sorted(range(len(self.ids)), key=self.ids.__getitem__)] = np.arange(len(self.ids))
            self._id_rank = rank
        return self._id_rank

    def text(self) -> str:
        """Every chunk's tokens run together, a line a chunk: where a short form's long forms are looked up.
        (The tokens keep the text's order; the words jieba also cuts smaller repeat, which no match needs.)"""
        if self._text is None:
            self._text = "\n".join("".join(self._tokens.get(i, ())) for i in self.ids)
        return self._text

    def common(self) -> frozenset[str]:
        """The lone characters the chunks write as words of their own often (`abbreviations.common_singles`)."""
        if self._common is None:
            self._common = abbreviations.common_singles(self._tokens.get(i, ()) for i in self.ids)
        return self._common

    def mask(self, key: str, allowed: set[str]) -> np.ndarray:
        if key not in self._masks:
            if self._rows is None:
                self._rows = {chunk_id: row for row, chunk_id in enumerate(self.ids)}
            mask = np.zeros(len(self.ids), dtype=bool)
            mask[[self._rows[i] for i in allowed if i in self._rows]] = True
            self._masks[key] = mask
        return self._masks[key]
