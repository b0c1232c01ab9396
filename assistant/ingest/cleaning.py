"""Cleaning: strip web and newspaper boilerplate, keep the report text whole.

Rules, never per-file special cases:
- inline marks are cut out of their line (newspaper jump marks, markdown bold);
- a line that is boilerplate by its wording (copyright, ICP, 本文地址, 验证码,
  comment forms, disclaimers, "点我投稿") is dropped;
- a run of short menu-like lines (navigation) is dropped;
- short lines made only of separators or menu words go too.
"""
from __future__ import annotations

import re

JUMP_MARK = re.compile(r"[（(]\s*[上下][接转]\s*[第]?\s*\d+\s*版\s*[)）]")
BOLD = re.compile(r"\*\*|__")
MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
BULLET = re.compile(r"^\s*(?:[•·●▪■◆\-*]\s*)+")

BOILERPLATE = re.compile(
    r"版权所有|copyright|©|ICP[备证]|公网安备|本文地址|验证码|留言与评论|发表评论|评论\s*[(（]|"
    r"不代表本站立场|仅代表作者观点|未经许可.{0,6}不得转载|转载请注明|点我投稿|我要投稿|"
    r"免责声明|隐私政策|联系我们|关于我们|服务电话|客服热线|分享到|打印本页|关闭窗口|"
    r"上一篇|下一篇|扫一扫|责任编辑|All Rights Reserved|Co\.\s*,?\s*Ltd",
    re.IGNORECASE,
)
MENU_WORDS = re.compile(r"导航|首页|登录|注册|客服|公众号|移动版|菜单|收藏|企业入驻|网站地图|设为首页")
SENTENCE_END = re.compile(r"[。！？；!?;，,：:]")


def strip_inline_marks(line: str) -> str:
    """strip_inline_marks("**（六）发展动能加快蓄积。**强化…(下转03版)") -> "（六）发展动能加快蓄积。强化…" """
    line = JUMP_MARK.sub("", line)
    line = BOLD.sub("", line)
    line = BULLET.sub("", line) if BULLET.match(line) and not re.match(r"^\s*-?\d", line) else line
    return MD_HEADING.sub("", line)


def is_boilerplate_line(line: str) -> bool:
    """A line that no report would contain: footer, form or menu."""
    text = line.strip()
    if not text:
        return False
    if len(text) <= 200 and BOILERPLATE.search(text):
        return True
    cells = [c.strip() for c in text.split("|")]
    if len(cells) >= 3 and all(len(c) <= 8 and not re.search(r"\d", c) for c in cells):
        return True  # a footer link bar (关于我们 | 联系方式 | …), not a table row with figures
    if re.fullmatch(r"[-—_=·•*\s]+", text):
        return True
    if len(text) <= 40 and MENU_WORDS.search(text) and not SENTENCE_END.search(text):
        return True
    return False


HEADING_START = re.compile(r"^(?:第[一二三四五六七八九十百\d]+[章节篇部分]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）])")


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


def clean_text(text: str) -> str:
    """Clean a whole file's text; paragraphs stay one per line, blank lines collapse.

    Example: clean_text("导航菜单\\n\\n**一、总结**\\n正文。\\n本文地址:/a.html") -> "一、总结\\n正文。"
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u3000", " ").replace("\xa0", " ")
    lines = [strip_inline_marks(line).rstrip() for line in text.split("\n")]
    lines = [line for line in lines if not is_boilerplate_line(line)]
    lines = drop_menus(lines)
    out: list[str] = []
    for line in lines:
        stripped = line.strip()
        if stripped:
            out.append(stripped)
    return "\n".join(out)
