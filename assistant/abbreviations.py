"""A question's short form (新农合) found as the reports' full form (新型农村合作医疗制度), by the letters alone.

Chinese abbreviates a name by keeping one or two characters of each of its words, in order: 新型农村合作医疗
-> 新农合, 专业化精细化特色化新颖化 -> 专精特新. The tokenizer does not know such a short form as one word, so it
cuts it into pieces one of which is a lone character (新农合 -> 新农 + 合), and BM25 then finds only the passages
repeating those pieces. Here, such a run of the question's tokens (3-4 characters, a lone character among them,
not itself a word of the index) is looked up as its characters in order in the indexed text, each within
MAX_GAP characters of the one before: 新…农…合 meets 新型农村合(作医疗). The words of the full forms found, those
holding one of its characters, are searched beside the question's (weighted below an exact match:
`LexicalIndex.top`), so a passage naming the long form and the question's other words ranks with the ones naming
the short form. Two characters abbreviate too many things (一流 = 一…流 anywhere) and are not looked up.
No list of abbreviations is kept: the reports themselves hold the long forms.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from assistant.text import all_han

MIN_LEN, MAX_LEN = 3, 4  # characters of a short form looked up
MAX_GAP = 3  # characters between two of its characters in the long form
MAX_FORMS = 2  # long forms kept per short form, the most often written first
TAIL = 3  # characters read past the last one matched, to finish its word (合 -> 合作)
COMMON_SHARE = 0.01  # a lone character standing as a word in this share of the passages or more is a word of grammar


@lru_cache(maxsize=1)
def unit_words() -> frozenset[str]:
    """The units of data/units.yaml: measure words, which follow a number and abbreviate nothing."""
    from assistant.facts.units import unit_groups

    return frozenset(unit_groups())


def common_singles(tokens_by_chunk) -> frozenset[str]:
    """The single characters that stand as a token of their own in COMMON_SHARE of the chunks or more."""
    counts: Counter = Counter()
    n = 0
    for tokens in tokens_by_chunk:
        n += 1
        counts.update({t for t in tokens if len(t) == 1})
    return frozenset(t for t, c in counts.items() if c >= max(2, COMMON_SHARE * n))


def short_forms(tokens: list[str], vocabulary, common=frozenset()) -> list[tuple[str, list[str]]]:
    """Runs of 2-3 adjacent question tokens that read as an unknown short form: (the form, its tokens).
    The lone characters of a run are no unit (家, 台, 亩: "新增家" counts) and not in `common`, the lone characters
    the reports write as words of their own often (要, 到, 大, 新: "要稳定" is a verb and its object).

    Example: short_forms(["2009年", "新农", "合", "覆盖", "人"], vocab) -> [("新农合", ["新农", "合"])]
    (when 新农合 is no token of vocab)
    """
    found: list[tuple[str, list[str]]] = []
    for size in (2, 3):
        for i in range(len(tokens) - size + 1):
            run = tokens[i:i + size]
            joined = "".join(run)
            if not (MIN_LEN <= len(joined) <= MAX_LEN and all_han(joined)):
                continue
            lone = [t for t in run if len(t) == 1]
            if not lone or joined in vocabulary or joined in {f for f, _ in found}:
                continue
            if any(t in common or t in unit_words() for t in lone):
                continue
            found.append((joined, run))
    return found


@lru_cache(maxsize=1024)  # compiled once per short form: re's own cache is shared by the whole package and turns over
def pattern(short: str) -> re.Pattern:
    """Its characters in order, each within MAX_GAP characters of the one before, plus the rest of the last word."""
    gap = rf"[\u4e00-\u9fff]{{0,{MAX_GAP}}}?"
    return re.compile(gap.join(re.escape(c) for c in short) + rf"[\u4e00-\u9fff]{{0,{TAIL}}}")


def long_forms(short: str, pieces: list[str], text: str) -> list[str]:
    """The spans of `text` spelling `short` out, the most frequent first, in which no word of two characters or
    more that the question cut it into stands whole: an abbreviation takes its characters from several words
    (新农 from 新型农村), where a phrase merely written apart keeps its words ("要稳定" in "要着力稳定…")."""
    words = [p for p in pieces if len(p) >= 2]
    if not words:
        return []
    counts = Counter(m.group(0) for m in pattern(short).finditer(text)
                     if not any(w in m.group(0) for w in words))
    top = counts.most_common(MAX_FORMS)
    return [form for form, c in top if 2 * c >= top[0][1]]  # a form written half as often as the first at least


def expansion(short: str, forms: list[str], tokenize, vocabulary) -> list[str]:
    """The words of the long forms that hold one of the short form's characters, those the index knows.
    Example: expansion("新农合", ["新型农村合作医疗"], ...) -> ["新型", "农村", "新型农村", "合作", "合作医疗"]"""
    words: list[str] = []
    for form in forms:
        for token in tokenize(form):
            if token in vocabulary and token not in words and set(token) & set(short) and token != short:
                words.append(token)
    return words
