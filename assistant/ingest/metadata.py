"""Metadata detected from a document's own text (never from its file name).

region: the place the document is about; kind: government work report,
five-year plan or news; year_issued and year_reviewed where the text tells.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from assistant.places import PlaceBook, gazetteer_book

CN_DIGITS = {"〇": "0", "零": "0", "一": "1", "二": "2", "三": "3", "四": "4", "五": "5", "六": "6", "七": "7", "八": "8", "九": "9"}


@dataclass
class Metadata:
    title: str
    region: str
    kind: str
    year_issued: int | None
    year_reviewed: int | None
    period: str = ""  # plan period, e.g. "2021-2025"
    level: str = ""  # national | province | city | county | zone


def detect_kind(head: str) -> str:
    """detect_kind("2021年尉氏县政府工作报告") -> "government_work_report"."""
    if "政府工作报告" in head:
        return "government_work_report"
    if re.search(r"五年规划|“?十[一二三四五六]五”?.{0,12}规划|规划.{0,6}纲要", head):
        return "five_year_plan"
    return "news"


def detect_region(title: str, text: str, book: PlaceBook | None = None) -> str:
    """The place a document names itself by, else the most specific place of its title, else of its text.

    A report names itself: "在上海市第十六届人民代表大会…", "我代表上海市人民政府", and the
    State Council's "第十二届全国人民代表大会", "我代表国务院". Those outrank any place the text
    merely mentions (a province's report names dozens of zones and cities).
    Example: detect_region("(河南省)漯河市郾城区人民政府工作报告", …) -> "郾城区"
    `book`: the places of the index the document goes to; none, the gazetteer alone.
    """
    book = book or gazetteer_book()
    head = unicodedata.normalize("NFKC", text[:3000])
    own = _self_named(head, book)
    if own:
        return own
    in_title = list(book.count_places(title))
    if in_title:
        return _most_specific(in_title, book)
    counts = book.count_places(text[:3000])
    for name, n in book.count_places(text[:20000]).items():
        counts[name] = counts.get(name, 0) + n
    counts.pop(NATIONAL, None)  # 全国 in a local text is a comparison ("居全国第5位"), not its subject
    if not counts:
        return ""
    top = max(counts.values())
    # A lower-level place mentioned nearly as often as the top one is what the text is about.
    strong = [name for name, n in counts.items() if n >= top * 0.3]
    return _most_specific(strong, book, counts)


NATIONAL = "全国"
_NATIONAL_SESSION = re.compile(r"届\s*全国人民代表大会第|届全国人大[一二三四五六七八九十\d]+次会议|我代表国务院")


def _self_named(head: str, book: PlaceBook) -> str:
    """The place of "在X第N届人民代表大会" / "我代表X人民政府" phrases in a document's head (most named wins)."""
    if _NATIONAL_SESSION.search(head):
        return NATIONAL
    named = Counter(book.self_named(head))
    return named.most_common(1)[0][0] if named else ""


_LEVEL_RANK = {"national": 0, "province": 1, "city": 2, "county": 3, "zone": 4}


def _most_specific(names: list[str], book: PlaceBook, counts: dict[str, int] | None = None) -> str:
    counts = counts or {}
    return max(names, key=lambda n: (_LEVEL_RANK.get(book.level_of(n), 2), counts.get(n, 0)))


def _chinese_year(text: str) -> int | None:
    """_chinese_year("二〇三五") -> 2035"""
    digits = "".join(CN_DIGITS.get(ch, "") for ch in text)
    return int(digits) if len(digits) == 4 else None


def detect_years(text: str, kind: str, posted: str = "") -> tuple[int | None, int | None]:
    """(year_issued, year_reviewed) of a document.

    A work report sets tasks for the year it is delivered ("2021年重点工作",
    "2021年2月24日在…人民代表大会") and reviews the year before ("过去的一年",
    "2020年工作回顾"); a plan or news item is dated by its date lines.
    """
    text = unicodedata.normalize("NFKC", text[:20000])  # scraped pages write years in full-width digits
    issued = _year_of_session(text) or _year_of_tasks(text) or _year_of_print(text)
    reviewed = _year_of_review(text)
    if kind == "government_work_report":
        # A work report of year Y is delivered in Y and reviews Y-1, whatever else it looks back on.
        if issued is None and reviewed:
            issued = reviewed + 1
        reviewed = issued - 1 if issued else reviewed
    if issued is None:
        issued = _year_of_date_line(text) or (int(posted[:4]) if posted[:4].isdigit() else None)
    return issued, reviewed


def _year_of_session(text: str) -> int | None:
    m = re.search(r"((?:19|20)\d{2})年\d{1,2}月\d{1,2}日在.{2,30}?(?:人民代表大会|人大)", text[:3000], re.S)
    return int(m.group(1)) if m else None


def _year_of_tasks(text: str) -> int | None:
    found = re.findall(r"((?:19|20)\d{2})年(?:重点工作|工作总体要求|主要目标|经济社会发展主要预期目标)", text)
    return int(Counter(found).most_common(1)[0][0]) if found else None


def _year_of_print(text: str) -> int | None:
    m = re.search(r"((?:19|20)\d{2})年\d{1,2}月\d{1,2}日印", text)
    return int(m.group(1)) if m else None


def _year_of_review(text: str) -> int | None:
    m = re.search(r"((?:19|20)\d{2})年(?:工作)?回顾", text)
    return int(m.group(1)) if m else None


def _year_of_date_line(text: str) -> int | None:
    m = re.search(r"^((?:19|20)\d{2})[-/.]\d{1,2}[-/.]\d{1,2}$", text[:2000], re.M)
    return int(m.group(1)) if m else None


def detect_period(text: str) -> str:
    """detect_period("…“十四五”规划和二〇三五年远景目标纲要") -> "2021-2025"."""
    plans = {"十三五": "2016-2020", "十四五": "2021-2025", "十五五": "2026-2030"}
    counts = Counter(re.findall(r"十[三四五]五", text[:5000]))
    return plans[counts.most_common(1)[0][0]] if counts else ""


def detect_title(text: str) -> str:
    """The first line that names a report, plan or is short enough to be a headline."""
    lines = [line.strip() for line in text.split("\n")[:40] if line.strip()]
    for line in lines:
        if len(line) <= 80 and re.search(r"政府工作报告|规划|纲要", line) and not re.search(r"[。，,]", line):
            # "政府工作报告——2016年3月5日在…会议上 国务院总理 李克强": the title is before the dash
            return _join_split_title(line, lines).split("——")[0].strip() or line
    # else a headline: a short line that is not a sentence (a photo caption "3月5日，…摄" is one)
    return next((line for line in lines if len(line) <= 60 and not re.search(r"[。，]", line)), "")


def _join_split_title(line: str, lines: list[str]) -> str:
    # A title broken over two lines: "…“十四五”规划" + "和二〇三五年远景目标纲要"
    i = lines.index(line)
    if i + 1 < len(lines) and lines[i + 1].startswith("和") and len(lines[i + 1]) <= 30:
        return line + lines[i + 1]
    return line


def detect_metadata(text: str, title: str = "", posted: str = "", book: PlaceBook | None = None) -> Metadata:
    book = book or gazetteer_book()
    title = re.sub(r"\s+", " ", title or detect_title(text)).strip()
    head = title + "\n" + text[:3000]
    kind = detect_kind(title) if detect_kind(title) != "news" else detect_kind(head)
    region = detect_region(title, text, book)
    issued, reviewed = detect_years(text, kind, posted)
    period = detect_period(head) if kind == "five_year_plan" else ""
    return Metadata(title=display_title(title, region, kind, issued, book), region=region, kind=kind,
                    year_issued=issued, year_reviewed=reviewed, period=period,
                    level=book.level_of(region) if region else "")


def display_title(title: str, region: str, kind: str, year: int | None, book: PlaceBook | None = None) -> str:
    """Make a bare title say whose and when: "政府工作报告" -> "漯河市政府工作报告（2021年）".

    A work report whose title line does not name its place (a page title such as
    "温家宝所作政府工作报告（…）", or none at all) is titled by who issued it and when.
    """
    title = re.sub(r"<U\+[0-9A-Fa-f]{4}>", " ", title).strip()
    title = title.lstrip("(（").strip() if title.startswith(("(", "（")) and ")" not in title else title
    book = book or gazetteer_book()
    found = book.place(region)
    names = (found.aliases if found else ()) + (region, book.issuer(region))
    named = any(name and name in title for name in names)
    if region and not named:
        bare = re.fullmatch(r"[\d年]*(?:人民)?政府工作报告", title)
        if kind == "government_work_report" and not bare:
            title = "政府工作报告"
        title = book.issuer(region) + title
    if year and kind != "news" and str(year) not in title and not re.search(r"[二〇一两三]{4}年", title):
        title = f"{title}（{year}年）"
    return title
