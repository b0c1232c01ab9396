"""Cleaning: strip web and newspaper furniture, keep the report text whole, read it once.

Rules, never per-file special cases; the phrases of page furniture live in
assistant/data/page_furniture.yaml (read by `load_furniture`, passed in as `rules`):
- characters: literal `<U+00A0>` escapes decoded, no-break and zero-width spaces,
  full-width digits and Latin letters made ASCII, lost subscripts (`PM_2.5`) rejoined;
- HTML comment remnants (`<!-- … -->`, script inside them) go;
- markup left in a text copy (<sub>, <br>, &nbsp;) is read as text;
- a page flattened into one long line gets its paragraphs back (at its indents 　　,
  before a heading after a sentence end, before the address to the audience);
- inline marks are cut out of their line (newspaper jump marks, markdown bold), a photo
  credit or a news agency dateline off the start of its line (a caption's own sentences stay:
  they state who delivered the report, when and where);
- a line that is furniture by its wording (font switches, 发表时间/来源, breadcrumbs,
  share/print/close, 责任编辑, copyright, …), a label and its value on the next line, a
  related-articles header with its link titles, a line of symbols only, a run of menu
  lines: dropped;
- a block of lines the file already held (the same page saved several times over) is
  dropped, so the first full copy is what remains; a title line repeated later goes too.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from assistant.data_files import load_data

BOLD = re.compile(r"\*\*|__")
MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
BULLET = re.compile(r"^\s*(?:[•·●▪■◆\-*]\s*)+")
SENTENCE_END = re.compile(r"[。！？；!?;，,：:]")
FULL_STOP = re.compile(r"[。！？；!?;]")
UNICODE_ESCAPE = re.compile(r"<U\+([0-9A-Fa-f]{4,6})>")
HTML_COMMENT = re.compile(r"<!--.{0,5000}?-->", re.DOTALL)  # bounded: a stray "<!--" must not eat a report
COMMENT_MARK = re.compile(r"<!--|-->")
# Markup left in a text copy of a page: inline tags go (PM<sub>2.5</sub> -> PM2.5), a line break or
# paragraph tag becomes a newline, entities are decoded (&nbsp; &ldquo;).
INLINE_TAG = re.compile(r"</?(?:sub|sup|span|font|strong|b|i|em|u|a|img|small|big)\b[^<>]{0,300}>", re.IGNORECASE)
BLOCK_TAG = re.compile(r"<br\s*/?>|</?p\b[^<>]{0,300}>", re.IGNORECASE)
HTML_ENTITY = re.compile(r"&(?:#\d{2,7}|#x[0-9a-fA-F]{2,6}|[a-zA-Z]{2,8}\d{0,2});")
ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")
# Full-width digits and Latin letters (２００９年, ＧＤＰ) read as ASCII; Chinese punctuation stays.
FULL_WIDTH = re.compile("[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]+")
FULL_WIDTH_POINT = re.compile(r"(?<=\d)[．](?=\d)")
# Patterns that start at a literal ("_", a newline): the engine skips to it instead of trying every position.
LOST_SUBSCRIPT = re.compile(r"_(\d+(?:\.\d+)?|x)(?![0-9A-Za-z])")  # PM_2.5 -> PM2.5, SO_2 -> SO2 (after a short symbol)
BROKEN_SUBSCRIPT = re.compile(r"\n[ \t]*(\d{1,2}(?:\.\d)?)[ \t]*\n[ \t]*")  # "PM\n2.5\n浓度" (after a Latin letter)
CRUMB_SEPARATOR = re.compile(r"\n[ \t]*(?:>>?|»|›|＞)[ \t]*\n[ \t]*")  # "首页\n>\n政府信息公开"
PARAGRAPH_INDENT = re.compile(r"\s*\u3000{2,}\s*")
LONG_LINE = 300  # a line this long with paragraph indents inside is a flattened page
CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
WORD_CHAR = re.compile(r"[0-9A-Za-z\u3400-\u9fff\uf900-\ufaff]")
HEADING_START = re.compile(r"^(?:第[一二三四五六七八九十百\d]+[章节篇部分]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）])")
REPEATED_BLOCK_CHARS = 60  # a repeated run this long is a second copy, not a recurring short line
SENTENCE_SPLIT = re.compile(r"(?<=[。！？；!?;])")
MIN_SENTENCE = 8  # shorter pieces ("各位代表！") recur in any report
SENTENCE_KEY = 24  # characters of a sentence's end that tell it apart (real reports: no two share them)
SEEN_SHARE = 0.9  # a line whose sentences the file held before, all but a tenth, is a copy
HEAD_LINES = 12  # where a page puts its title and byline


@dataclass(frozen=True)
class Furniture:
    """The page-furniture rules of page_furniture.yaml, compiled."""

    lines: frozenset[str]
    line_pattern: _LinePatterns
    short_line: int
    meta_pattern: _LinePatterns
    meta_line: int
    label_line: re.Pattern
    label_value_max: int
    related_header: re.Pattern
    related_link_max: int
    caption: re.Pattern
    caption_max: int
    caption_only: re.Pattern
    dateline: re.Pattern
    body_openers: tuple[str, ...]
    address: re.Pattern
    inline_marks: re.Pattern
    menu_words: re.Pattern
    version: int = 0


def _any(patterns: list[str]) -> re.Pattern:
    return re.compile("|".join(f"(?:{p})" for p in patterns))


class _LinePatterns:
    """Patterns tried on a line: those anchored at its start (^…) only there, the rest anywhere
    (one alternation of both would be tried at every position)."""

    def __init__(self, patterns: list[str]):
        anchored = [p[1:] for p in patterns if p.startswith("^")]
        anywhere = [p for p in patterns if not p.startswith("^")]
        self.at_start = _any(anchored) if anchored else None
        self.anywhere = _any(anywhere) if anywhere else None

    def search(self, line: str) -> bool:
        return bool((self.at_start and self.at_start.match(line)) or (self.anywhere and self.anywhere.search(line)))


INLINE_HEADING = re.compile(r"(?<=[。！？；!?;])\s*(?=(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|第[一二三四五六七八九十]+[章节]))")
BYLINE_MAX = 200  # the address to the audience follows the title and byline within this many characters


def _address(openers: list[str]) -> re.Pattern:
    """The address to the audience ("各位代表：") run onto the byline before it."""
    return re.compile(r"(?<=\S)\s*(?=(?:%s))" % "|".join(map(re.escape, openers)))


def _line_key(line: str) -> str:
    """A control line compared without spaces and a trailing colon: "分享:" == "分享"."""
    return re.sub(r"\s+", "", line).rstrip(":：")


@lru_cache(maxsize=4)
def load_furniture(path: str | Path | None = None) -> Furniture:
    """Read the page-furniture rules (default: the package's data/page_furniture.yaml)."""
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) if path else load_data("page_furniture.yaml")
    return Furniture(
        lines=frozenset(_line_key(line) for line in data["lines"]),
        line_pattern=_LinePatterns(data["line_patterns"]), short_line=int(data["short_line"]),
        meta_pattern=_LinePatterns(data["meta_patterns"]), meta_line=int(data["meta_line"]),
        label_line=re.compile(data["label_lines"]), label_value_max=int(data["label_value_max"]),
        related_header=re.compile(data["related_headers"]), related_link_max=int(data["related_link_max"]),
        caption=re.compile(f"(?:{_any(data['captions']).pattern})(?=\\s|$)"), caption_max=int(data["caption_max"]),
        caption_only=_any(data["caption_only_lines"]), dateline=_any(data["datelines"]),
        body_openers=tuple(data["body_openers"]), version=int(data.get("version", 0)),
        address=_address(data["paragraph_openers"]),
        inline_marks=_any(data["inline_marks"]), menu_words=_any(data["menu_words"]),
    )


def normalise_characters(text: str) -> str:
    r"""Newlines, escaped and invisible spaces, markup, full-width digits, lost subscripts.

    Example: "ＰＭ_2.5<U+00A0>下降&nbsp;PM<sub>10</sub>\r\n" -> "PM2.5 下降 PM10\n"
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "<U+" in text:
        text = UNICODE_ESCAPE.sub(lambda m: _char(m.group(1)), text)
    if "<" in text:
        text = BLOCK_TAG.sub("\n", INLINE_TAG.sub("", text))
    if "&" in text:
        text = HTML_ENTITY.sub(lambda m: html.unescape(m.group()), text)
    text = ZERO_WIDTH.sub("", text).replace("\xa0", " ")
    text = FULL_WIDTH.sub(lambda m: "".join(chr(ord(c) - 0xFEE0) for c in m.group()), text)
    if "．" in text:
        text = FULL_WIDTH_POINT.sub(".", text)
    return LOST_SUBSCRIPT.sub(_join_subscript, text) if "_" in text else text


def _join_subscript(m: re.Match) -> str:
    """Drop the "_" only after a chemical or particle symbol: 1-4 Latin letters, a capital first."""
    start = m.start()
    while start > 0 and m.string[start - 1].isascii() and m.string[start - 1].isalpha():
        start -= 1
    symbol = m.string[start:m.start()]
    return m.group(1) if 1 <= len(symbol) <= 4 and symbol[0].isupper() else m.group()


@lru_cache(maxsize=1024)
def _char(hex_code: str) -> str:
    code = int(hex_code, 16)
    return chr(code) if code <= 0x10FFFF else ""


def join_broken_lines(text: str) -> str:
    """Rejoin what a page's markup broke apart: comments out, breadcrumbs and subscripts in one line.

    Example: "PM\n2.5\n浓度<!--x-->" -> "PM2.5浓度"
    """
    if "<!--" in text or "-->" in text:
        text = COMMENT_MARK.sub("", HTML_COMMENT.sub("", text))
    text = CRUMB_SEPARATOR.sub(" > ", text)
    return BROKEN_SUBSCRIPT.sub(_rejoin_subscript, text)


def _rejoin_subscript(m: re.Match) -> str:
    before = m.string[m.start() - 1] if m.start() else ""
    return m.group(1) if before.isascii() and before.isalpha() else m.group()


def split_paragraph_runs(lines: list[str], rules: Furniture) -> list[str]:
    """A long line is a flattened page: one line per paragraph, split at its paragraph
    indents (　　), before a heading that follows a sentence end, and before the address to
    the audience ("…国务院总理 李克强各位代表：现在，…")."""
    out = []
    for line in lines:
        if len(line) < LONG_LINE:
            out.append(line)
            continue
        for piece in PARAGRAPH_INDENT.split(line) if "\u3000\u3000" in line else [line]:
            out += _split_flattened(piece, rules) if len(piece) >= LONG_LINE else [piece]
    return out


def _split_flattened(piece: str, rules: Furniture) -> list[str]:
    m = rules.address.search(piece, 0, BYLINE_MAX)
    head, piece = ([piece[:m.start()]], piece[m.end():]) if m and m.start() > 0 else ([], piece)
    return head + INLINE_HEADING.split(piece)


def strip_inline_marks(line: str, rules: Furniture) -> str:
    """strip_inline_marks("**（六）发展动能加快蓄积。**强化…(下转03版)") -> "（六）发展动能加快蓄积。强化…" """
    line = rules.inline_marks.sub("", line)
    line = BOLD.sub("", line)
    line = BULLET.sub("", line) if BULLET.match(line) and not re.match(r"^\s*-?\d", line) else line
    return MD_HEADING.sub("", line)


def strip_line_start(line: str, rules: Furniture) -> str:
    """Cut a photographer's credit and a news agency dateline off the start of a line.

    A caption's own sentences state facts (who delivered the report, when, where) and stay,
    on a line of their own; the credit (本报记者 张三 摄) and the dateline go.
    Example: "3月5日，总理作报告。 新华社记者 张三 摄 新华社北京3月14日电政府工作报告"
      -> "3月5日，总理作报告。\n政府工作报告"
    """
    caption = ""
    m = rules.caption.search(line)
    if m and m.end() <= rules.caption_max:
        caption, line = caption_sentences(line[:m.start()]), line[m.end():].lstrip()
    m = rules.dateline.match(line)
    line = line[m.end():].lstrip() if m else line
    return f"{caption}\n{line}" if caption else line


def _once_each_caption(lines: list[str]) -> list[str]:
    """Lines with a caption's sentences split off (strip_line_start puts them before a newline);
    a caption the page repeats (each saved copy shows its photo, the body may show it again
    without its credit) is kept the first time only."""
    out, seen = [], set()
    for line in lines:
        if "\n" not in line:
            if line not in seen:
                out.append(line)
            continue
        caption, rest = line.split("\n", 1)
        if caption not in seen:
            seen.add(caption)
            out.append(caption)
        out.append(rest)
    return out


def caption_sentences(before_credit: str) -> str:
    """What a caption says before its credit: up to its last sentence end, so the credit's
    lead-in (本报, 新华社, 某某日报全媒体) goes with the credit; "" when no sentence ends there.

    Example: caption_sentences("市长张三作政府工作报告。本报") -> "市长张三作政府工作报告。"
    """
    ends = [m.end() for m in FULL_STOP.finditer(before_credit)]
    return before_credit[:ends[-1]].strip() if ends else ""


def is_furniture_line(line: str, rules: Furniture) -> bool:
    """A line that no report would contain: page control, page record, footer, caption or menu."""
    text = line.strip()
    if not text:
        return False
    if not WORD_CHAR.search(text):
        return True  # only symbols and separators: "·", "】", "）", "——"
    if _line_key(text) in rules.lines:
        return True
    if rules.caption_only.search(text) and not re.search(r"\d", text):
        return True  # a caption with a figure in it states a fact: it stays
    if len(text) <= rules.short_line and rules.line_pattern.search(text):
        return True
    if len(text) <= rules.meta_line and rules.meta_pattern.search(text):
        return True
    cells = [c.strip() for c in text.split("|")]
    if len(cells) >= 3 and all(len(c) <= 8 and not re.search(r"\d", c) for c in cells):
        return True  # a footer link bar (关于我们 | 联系方式 | …), not a table row with figures
    return len(text) <= 40 and bool(rules.menu_words.search(text)) and not SENTENCE_END.search(text)


def drop_labels_and_related(lines: list[str], rules: Furniture) -> list[str]:
    """Drop a bare label with its value line ("时间：" / "2026-02-02"), and a related-articles
    header with the link titles after it and right before it."""
    keep = [True] * len(lines)
    for i, line in enumerate(lines):
        if rules.label_line.match(line):
            keep[i] = False
            if i + 1 < len(lines) and _is_link_like(lines[i + 1], rules.label_value_max):
                keep[i + 1] = False
        elif rules.related_header.match(line) and not FULL_STOP.search(line):
            keep[i] = False
            j = i + 1
            while j < len(lines) and _is_link_like(lines[j], rules.related_link_max):
                keep[j], j = False, j + 1
            j = i - 1
            while j >= 0 and i - j <= 3 and _is_link_like(lines[j], rules.related_link_max):
                keep[j], j = False, j - 1
    return [line for line, k in zip(lines, keep) if k]


def _is_link_like(line: str, max_len: int) -> bool:
    """A short title without a sentence end: a link, a value, never a paragraph or a heading."""
    return len(line) <= max_len and not FULL_STOP.search(line) and not HEADING_START.match(line)


def _is_menu_item(line: str) -> bool:
    text = BULLET.sub("", line).strip()
    if HEADING_START.match(text):
        return False
    return 0 < len(text) <= 8 and not SENTENCE_END.search(text) and not re.search(r"\d{4}", text)


def drop_menus(lines: list[str], min_run: int = 3) -> list[str]:
    """Drop runs of at least `min_run` short bulleted or bare menu lines.

    Example: ["• 首页", "• 政策解读", "• 数据", "正文。"] -> ["正文。"]
    Blank lines inside a run do not break it.
    """
    keep = [True] * len(lines)
    i = 0
    while i < len(lines):
        if not _is_menu_item(lines[i]):
            i += 1
            continue
        j, items = i, []
        while j < len(lines) and (_is_menu_item(lines[j]) or not lines[j].strip()):
            if lines[j].strip():
                items.append(j)
            j += 1
        bulleted = sum(1 for k in items if BULLET.match(lines[k]))
        if len(items) >= min_run or (len(items) >= 2 and bulleted == len(items)):
            for k in items:
                keep[k] = False
        i = j
    return [line for line, k in zip(lines, keep) if k]


def drop_repeated_blocks(lines: list[str], min_chars: int = REPEATED_BLOCK_CHARS) -> list[str]:
    """Keep the first copy of a text a file holds several times over.

    A line is a repeat when the file held it before, or held nearly all of its sentences
    before (a copy whose paragraphs were run together or split differently). A run of
    consecutive repeats at least `min_chars` long is a second copy and goes; a short line
    that recurs on its own ("各位代表！") stays. Lines first seen in a later copy stay, so
    copies cut short still add up to one.
    Example: ["标题", "第一段很长……", "第二段……", "标题", "第一段很长……", "第二段……"] -> the first three
    """
    seen_lines: set[str] = set()
    seen_sentences: set[str] = set()
    out: list[str] = []
    run: list[str] = []
    for line in lines:
        sentences = _sentences(line)
        if line in seen_lines or _mostly_seen(sentences, seen_sentences):
            run.append(line)
            continue
        out += _unless_copy(run, min_chars)
        run = []
        seen_lines.add(line)
        seen_sentences.update(sentences)
        out.append(line)
    return out + _unless_copy(run, min_chars)


def _sentences(line: str) -> list[str]:
    """The line's sentences, each known by its end: a heading run into a sentence's start
    ("一、回顾过去一年，…") changes the start, not the end."""
    return [s[-SENTENCE_KEY:] for s in SENTENCE_SPLIT.split(line) if len(s) >= MIN_SENTENCE]


def _mostly_seen(sentences: list[str], seen: set[str]) -> bool:
    if len(sentences) < 2:
        return False  # one sentence is a repeat only when its whole line is
    total = sum(map(len, sentences))
    return sum(len(s) for s in sentences if s in seen) >= SEEN_SHARE * total


def _unless_copy(run: list[str], min_chars: int) -> list[str]:
    return [] if sum(map(len, run)) >= min_chars else run


def drop_repeated_title(lines: list[str]) -> list[str]:
    """A title or byline line of the page head that the page repeats later (at its end,
    or after a breadcrumb) is dropped there: a short line of words (not a date, not a heading)
    with no sentence end."""
    head = {line for line in lines[:HEAD_LINES] if len(line) <= 60 and len(CJK.findall(line)) >= 4
            and not SENTENCE_END.search(line) and not HEADING_START.match(line)}
    out, seen = [], set()
    for line in lines:
        if line in head and line in seen:
            continue
        seen.add(line)
        out.append(line)
    return out


def clean_text(text: str, rules: Furniture | None = None) -> str:
    """Clean a whole file's text; paragraphs stay one per line, blank lines collapse.

    Example: clean_text("导航菜单\\n\\n**一、总结**\\n正文。\\n本文地址:/a.html") -> "一、总结\\n正文。"
    """
    rules = rules or load_furniture()
    text = join_broken_lines(normalise_characters(text))
    lines = split_paragraph_runs(text.split("\n"), rules)
    lines = _once_each_caption([strip_line_start(" ".join(strip_inline_marks(line, rules).split()), rules)
                                for line in lines])
    lines = drop_labels_and_related([line for line in lines if line], rules)
    lines = [line for line in lines if not is_furniture_line(line, rules)]
    lines = drop_menus(lines)
    lines = drop_repeated_blocks(lines)
    return "\n".join(drop_repeated_title(lines))
