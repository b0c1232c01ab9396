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
    return r"(?:'s)?[\s-]+".join(re.escape(part) for part in re.split(r"(?:'s)?[\s-]+", term))
