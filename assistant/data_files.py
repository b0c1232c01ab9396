"""The one reader of the package's data files (assistant/data): places, units, plan periods,
question words, glossary, indicator names, page furniture. Read once, never mutated."""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

import yaml


@lru_cache(maxsize=None)
def data_text(name: str) -> str:
    """The text of assistant/data/<name>."""
    return resources.files("assistant").joinpath("data", name).read_text(encoding="utf-8")


@lru_cache(maxsize=None)
def load_data(name: str):
    """A YAML file of assistant/data, parsed once. Callers must not change what it returns."""
    return yaml.safe_load(data_text(name))


def data_lines(name: str) -> list[str]:
    """The lines of a text data file (TSV), without blank lines and # comments."""
    return [line for line in data_text(name).splitlines() if line and not line.startswith("#")]


def flat(entries) -> list[str]:
    """A word list as written in YAML, where a line may group several words: one flat list, in order."""
    out: list[str] = []
    for entry in entries:
        out.extend(flat(entry) if isinstance(entry, list) else [str(entry)])
    return out


@lru_cache(maxsize=None)
def word_pattern(name: str, key: str) -> re.Pattern:
    """One list of a YAML data file as a case-insensitive alternation (entries may be regexes).

    Example: word_pattern("question_words.yaml", "date").search("哪一年") -> a match
    """
    return re.compile("|".join(flat(load_data(name)[key])), re.I)
