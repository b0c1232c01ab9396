"""Patterns for years and plan periods, shared by the whole package (one definition each)."""
from __future__ import annotations

import re
from functools import lru_cache

from assistant.data_files import load_data

# A year as the reports write it (1998, 2025): embed it in a pattern, adding lookarounds or a
# group where the caller needs them.
YEAR = r"(?:19|20)\d{2}"


@lru_cache(maxsize=None)
def plan_periods() -> dict[str, tuple[int, int]]:
    """Five-year plan name -> its first and last year (data/periods.yaml): {"十四五": (2021, 2025), …}."""
    return {name: (int(first), int(last)) for name, (first, last) in load_data("periods.yaml")["periods"].items()}


@lru_cache(maxsize=None)
def english_periods() -> dict[str, str]:
    """English name (lower case) -> plan name: {"14th five-year": "十四五", …}."""
    return dict(load_data("periods.yaml")["english"])


def term_regex(term: str) -> str:
    """An English term as a pattern where a hyphen and a space are one: "good air quality days" also finds
    "good-air-quality days", "fixed-asset investment" "fixed asset investment"; a possessive may be dropped
    ("people's hospital" in "the district people hospital", as a question read without its 's is)."""
    parts = re.split(r"(?:'s)?[\s-]+", term)
    return r"(?:'s)?[\s-]+".join(re.escape(part) for part in parts[:-1]) + (r"(?:'s)?[\s-]+" if len(parts) > 1 else "") \
        + _inflected(parts[-1], len(parts) > 1)


@lru_cache(maxsize=4096)
def regex(pattern: str, flags: int = 0) -> re.Pattern:
    """re.compile, kept: patterns built from words at run time (a term, a place's English name, a figure) are
    thousands, and re's own cache of 512 turned over, compiling again patterns every question uses (~6% of a
    question's time)."""
    return re.compile(pattern, flags)


@lru_cache(maxsize=4096)
def all_han(text: str) -> bool:
    """Every character is a Chinese one (no Latin, digit or mark): such a word has no case and no word edges."""
    return re.fullmatch(r"[\u4e00-\u9fff]+", text) is not None


def term_head(term: str) -> str:
    """What every match of term_regex(term) begins with, as written: the first word of several whole, a lone word
    but for a final y ("factory" is also "factories"). A text without it holds no match (a quick test first)."""
    parts = re.split(r"(?:'s)?[\s-]+", term)
    if len(parts) > 1:
        return parts[0]
    return parts[0][:-1] if re.search(r"[^aeiou]y$", parts[0]) else parts[0]


def _inflected(word: str, last_of_several: bool) -> str:
    """A term's last word in either number: "hospital(s)"; of a term of several words, a plural's singular too
    ("township health centers" finds "township health center", "listed companies" "listed company"). A
    one-word term ending in s is as written (news is no plural of new)."""
    if last_of_several and word.endswith("ies"):
        return re.escape(word[:-3]) + "(?:ies|y)"
    if last_of_several and word.endswith("s") and not word.endswith("ss"):
        return re.escape(word[:-1]) + "s?"
    if re.search(r"[^aeiou]y$", word):  # "factory" finds "factories", "facility" "facilities"
        return re.escape(word[:-1]) + "(?:y|ies)"
    return re.escape(word) + ("" if word.endswith("s") else "(?:e?s)?")


def term_forms(term: str) -> list[str]:
    """The forms term_regex finds, spaced as english.glossary_term looks them up: "listed companies" ->
    ["listed companies", "listed company"]; "hospital" -> ["hospital", "hospitals", "hospitales"]."""
    spaced = re.sub(r"(?:'s)?[\s-]+", " ", term)
    several = " " in spaced
    if several and spaced.endswith("ies"):
        return [spaced, spaced[:-3] + "y"]
    if several and spaced.endswith("s") and not spaced.endswith("ss"):
        return [spaced, spaced[:-1]]
    if re.search(r"[^aeiou]y$", spaced):
        return [spaced, spaced[:-1] + "ies"]
    return [spaced] if spaced.endswith("s") else [spaced, spaced + "s", spaced + "es"]
