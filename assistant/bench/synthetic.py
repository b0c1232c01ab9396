"""A synthetic corpus for the scale curve: copies of the real reports about other places.

A copy varies a real report: every place gets another (made-up) name, known to
the gazetteer like the real ones, years shift by a few, and every figure's
digits are permuted, so retrieval stays meaningful: a question about the copy
names its place and its year, and only that copy's chunk counts as a hit.

    v = make_variants(1, seeds_text)[0]
    v.apply("漯河市2020年新增国家级高新技术企业28家")  -> e.g. "渭溪市2026年新增国家级高新技术企业21家"
"""
from __future__ import annotations

import random
import re
from dataclasses import dataclass
from pathlib import Path

from assistant import places

STEM_CHARS = "岚澄棠嵩渭澜岐桐泓沅瀚崇峪漪槐枫溪霁琼翠珑滨湄麓屿芸蔚萦璟澹汐楠榆柘樟芮苓菁篁"
UNITS = "万亿元%‰个家项所座条吨亩平公千米套台辆倍天次件种批类名位户人"
NUMBER = re.compile(r"(?<![\d.])\d+(?:\.\d+)?")


def place_stems(text: str | None = None) -> list[str]:
    """Place names without their suffix, longest first: ["平顶山", "驻马店", …, "漯河", "郾城", …].

    Given a text, only the places whose full name it holds: the gazetteer lists every county in
    China, and a stem such as 新华 (新华区) is also a word of ordinary text (新华社).
    """
    stems = set()
    for place in places.GAZETTEER:
        if place.level not in ("city", "county", "district") or (text is not None and place.name not in text):
            continue  # every copy stays in its province; zones are named after their city
        for alias in place.aliases:
            if alias[-1] in "市县区" and 3 <= len(alias) <= 4:
                stems.add(alias[:-1])
    return sorted(stems, key=lambda s: (-len(s), s))


@dataclass
class Variant:
    copy: int
    stems: dict[str, str]  # 漯河 -> 棠岚
    year_shift: int
    digits: dict[str, str]  # a permutation of 1-9 (0 stays 0, so no figure gains a leading zero)

    def apply(self, text: str) -> str:
        """The same text about another place, other years and other figures."""
        if self.stems:
            pattern = re.compile("|".join(map(re.escape, self.stems)))
            text = pattern.sub(lambda m: self.stems[m.group(0)], text)
        return NUMBER.sub(self._number, text)

    def _number(self, m: re.Match) -> str:
        s, text = m.group(0), m.string
        after = text[m.end():m.end() + 1]
        before = text[m.start() - 1:m.start()] if m.start() else ""
        if after in ("月", "日") or before == "第":
            return s  # dates and ordinals
        if len(s) == 4 and s.isdigit() and 1950 <= int(s) <= 2049 and (not after or after not in UNITS):
            return str(int(s) + self.year_shift)
        return "".join(self.digits.get(ch, ch) for ch in s)

    def name(self, source: str) -> str:
        """The copy's file name: "000_47fc.txt" -> "000_47fc_x007.txt"."""
        path = Path(source)
        return f"{path.stem}_x{self.copy:03d}{path.suffix}"


def make_variants(n: int, corpus_text: str, seed: int = 7) -> list[Variant]:
    """n variants with names unique across copies, same length and token count as the originals."""
    from assistant.ingest.chunking import count_tokens

    rng = random.Random(seed)
    stems = place_stems(corpus_text)
    used = set(stems)
    out = []
    for copy in range(1, n + 1):
        mapping = {}
        for stem in stems:
            want = count_tokens(stem)
            for attempt in range(400):
                name = "".join(rng.choice(STEM_CHARS) for _ in stem)
                if name not in used and name not in corpus_text and (attempt > 200 or count_tokens(name) == want):
                    break
            used.add(name)
            mapping[stem] = name
        shift = rng.choice([-6, -5, -4, -3, -2, -1, 1, 2, 3, 4, 5, 6])
        perm = list("123456789")
        rng.shuffle(perm)
        out.append(Variant(copy, mapping, shift, dict(zip("123456789", perm))))
    return out


def register_places(variants: list[Variant]) -> None:
    """Make the copies' places known, as the real ones are: same level, parents mapped within the copy.

    (The gazetteer is module data read at call time; the tokenizer reads it when first used.)
    """
    def suffixed(stem: str, v: Variant, place) -> str:
        return v.stems[stem] + place.name[len(stem):]

    extra = []
    for v in variants:
        for place in places.GAZETTEER[:]:
            stem = next((s for s in v.stems if place.name.startswith(s) and place.level != "zone"), None)
            if stem is None or len(place.name) - len(stem) != 1:
                continue
            parent = places.BY_NAME.get(place.parent)
            pstem = next((s for s in v.stems if parent and parent.name.startswith(s)), None)
            new_parent = suffixed(pstem, v, parent) if pstem and len(parent.name) - len(pstem) == 1 else place.parent
            name = suffixed(stem, v, place)
            extra.append(places.Place(name, place.level, new_parent, (name, v.stems[stem]), ()))
    places.GAZETTEER = places.GAZETTEER + tuple(extra)
    places.BY_NAME.update((p.name, p) for p in extra)


# -- the synthetic corpus and its questions ------------------------------------------
def write_copies(files: list[Path], variants: list[Variant], folder: Path) -> dict[int, list[Path]]:
    """Write every variant of every file (as UTF-8 text of the same kind); copy -> its files."""
    from assistant.ingest.loaders import load_file

    folder.mkdir(parents=True, exist_ok=True)
    raws = {path: load_file(path).text for path in files}
    out: dict[int, list[Path]] = {}
    for v in variants:
        for path, text in raws.items():
            target = folder / v.name(path.name)
            if not target.exists():
                target.write_text(v.apply(text), encoding="utf-8")
            out.setdefault(v.copy, []).append(target)
    return out


def copy_questions(questions: list[dict], variants: list[Variant], files: list[Path]) -> list[dict]:
    """Each Chinese question with evidence, asked of each copy; kept when its quotes are in the copy."""
    from assistant.evaluation.scoring import norm
    from assistant.ingest.cleaning import clean_text
    from assistant.ingest.loaders import load_file

    texts = {p.name: clean_text(load_file(p).text) for p in files}
    chinese = [q for q in questions if q.get("evidence") and not re.search(r"[A-Za-z]{3,}", q["question"])]
    out = []
    for v in variants:
        copied = {name: norm(v.apply(text)) for name, text in texts.items()}
        for q in chinese:
            if all(ev["source"] in copied and norm(v.apply(ev["quote"])) in copied[ev["source"]] for ev in q["evidence"]):
                evidence = [{"source": v.name(ev["source"]), "quote": v.apply(ev["quote"])} for ev in q["evidence"]]
                out.append({**q, "id": f"{q['id']}@x{v.copy:03d}", "question": v.apply(q["question"]),
                            "evidence": evidence, "facts": []})
    return out


def source_rank(question: dict, contexts: list[dict]) -> int | None:
    """Like scoring.evidence_rank, but the chunk must also come from the evidence's own file:
    a copy's figures can coincide with another copy's, its file name cannot."""
    from assistant.evaluation.scoring import combined_rank, first_rank

    ranks = []
    for ev in question.get("evidence", []):
        own = [c if c.get("source") == ev["source"] else {"text": ""} for c in contexts]
        ranks.append(first_rank(ev["quote"], own))
    return combined_rank(question, ranks)
