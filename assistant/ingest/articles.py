"""Articles: split a cleaned file that holds several articles into one text each.

A web listing page (seed 004) repeats: a 【栏目】title line, one long body line,
a date line. Two or more such title lines make a listing; anything else is one
article.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

TITLE_LINE = re.compile(r"^【([^】]{1,20})】\s*(.{2,120})$")
DATE_LINE = re.compile(r"^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$")


@dataclass
class Article:
    title: str  # the title as the page gives it, 栏目 prefix removed
    text: str  # title line + body, as it will be chunked and cited
    column: str = ""  # the 【…】 label, e.g. "尉氏县招商"
    posted: str = ""  # a date line next to the article, e.g. "2025-07-07"
    index: int = 0


def split_articles(text: str) -> list[Article]:
    """One Article per 【…】 title line when there are two or more; else one.

    Example: "【A招商】标题一\\n正文一。\\n2025-07-07\\n【B招商】标题二\\n正文二。"
      -> [Article("标题一", "标题一\\n正文一。", "A招商", "2025-07-07"), Article("标题二", …)]
    Lines before the first title (page header) are dropped with the listing chrome.
    """
    lines = text.split("\n")
    starts = [i for i, line in enumerate(lines) if TITLE_LINE.match(line.strip())]
    if len(starts) < 2:
        return [Article(title="", text=text)]
    articles = []
    for n, start in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else len(lines)
        articles.append(_article(lines[start:end], n))
    return articles


def _article(lines: list[str], index: int) -> Article:
    m = TITLE_LINE.match(lines[0].strip())
    column, title = m.group(1), m.group(2).strip()
    body, posted = [], ""
    for line in lines[1:]:
        if DATE_LINE.match(line.strip()) and not posted:
            posted = line.strip()
            continue
        if posted and len(line) < 60:
            continue  # the listing's own chrome after the last article's date line
        body.append(line)
    return Article(title=title, text="\n".join([title, *body]).strip(), column=column, posted=posted, index=index)
