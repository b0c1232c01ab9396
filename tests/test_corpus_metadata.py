"""Metadata of every real report: the seeds and the wider corpus in ../shared/corpus/.

The expected values were written by reading each file (its session line "…在X第N届人民代表大会…",
who delivers it, the year it reviews), not copied from the code's output. Any difference fails.
A work report of year Y reviews Y-1; the State Council's reports are the national level (全国).
"""
from __future__ import annotations

from pathlib import Path

import pytest

from assistant.ingest.loaders import load_file
from assistant.ingest.pipeline import build_documents

REPO = Path(__file__).resolve().parents[1]
# ../shared/corpus beside the clone (CI); a git worktree one folder deeper finds it one level up
CORPUS = next((p for p in (REPO.parent / "shared" / "corpus", REPO.parent.parent / "shared" / "corpus") if p.is_dir()),
              REPO.parent / "shared" / "corpus")
WR, PLAN, NEWS = "government_work_report", "five_year_plan", "news"

# file -> one row per article: (region, level, kind, year issued, year reviewed, title)
EXPECTED: dict[str, list[tuple]] = {
    "seeds/000_47fc14d33372d68f.txt": [("漯河市", "city", WR, 2021, 2020, "漯河市政府工作报告（2021年）")],
    "seeds/001_e24a12bec3ad6067.txt": [("漯河经济技术开发区", "zone", PLAN, 2022, None,
                                        "漯河经济技术开发区 国民经济和社会发展“十四五”规划和二〇三五年远景目标纲要（2022年）")],
    "seeds/002_ef7576812fe255fc.txt": [("郾城区", "county", WR, 2025, 2024, "(河南省)漯河市郾城区人民政府工作报告(2025年4月17日)")],
    "seeds/003_f03fcbf8b818b135.txt": [("漯河市", "city", WR, 2024, 2023, "漯河市政府工作报告（2024年）")],
    "seeds/004_7fe58714293151c5.txt": [
        ("尉氏县", "county", WR, 2021, 2020, "2021年尉氏县政府工作报告"),
        ("洛阳市", "city", WR, 2021, 2020, "洛阳市政府工作报告（2021年）"),
        ("河南省", "province", NEWS, 2025, None, "《河南特色农业集群发力助推质效双升》"),
        ("河南省", "province", NEWS, 2025, None, "河南国有企业重组整合提速优化经济结构新戏上演"),
        ("郑州航空港经济综合实验区", "zone", NEWS, 2025, None, "招商引资助力郑州航空港经济综合实验区跨境电商产业蓬勃发展"),
        ("河南省", "province", NEWS, 2025, None, "河南省创新高地蓝图启航引领招商引资发展新纪元"),
        ("河南省", "province", NEWS, 2025, None, "河南省项目建设蓄动能 驱动经济高质量发展新篇章"),
        ("河南省", "province", NEWS, 2025, None, "河南108家产教融合型企业入库培育 将获组合式政策支持"),
        ("南阳市", "city", NEWS, 2025, None, "南阳精准发力推进智能制造 强化项目建设与企业服务"),
        ("开封市", "city", NEWS, 2025, None, "开封固定资产投资增速14.4% 招商引资激活高质量发展引擎"),
    ],
    # the State Council's reports: delivered in March of Y at the National People's Congress, reviewing Y-1
    **{f"national/{y}.txt": [("全国", "national", WR, y, y - 1, title)] for y, title in (
        (2008, "2008年国务院政府工作报告"), (2009, "2009年国务院政府工作报告"),
        (2010, "国务院政府工作报告（2010年）"), (2011, "国务院政府工作报告（2011年）"),
        (2012, "2012年国务院政府工作报告"), (2013, "2013年国务院政府工作报告"),
        (2014, "国务院政府工作报告（2014年）"), (2015, "国务院政府工作报告（2015年）"),
        (2016, "国务院政府工作报告（2016年）"), (2017, "国务院政府工作报告（2017年）"))},
    # the provinces' 2026 reports, each delivered at its people's congress in Jan/Feb 2026, reviewing 2025
    **{f"provinces-2026/{name}-2026.txt": [(name, "province", WR, 2026, 2025, title)] for name, title in (
        ("上海市", "2026年上海市政府工作报告"), ("内蒙古自治区", "2026年内蒙古自治区政府工作报告"),
        ("北京市", "2026年北京市政府工作报告"), ("安徽省", "2026年安徽省政府工作报告"),
        ("山东省", "2026年山东省政府工作报告"), ("广东省", "广东省政府工作报告（2026年）"),
        ("江苏省", "2026年江苏省政府工作报告"), ("河北省", "2026年河北省政府工作报告"),
        ("河南省", "2026年河南省政府工作报告"), ("浙江省", "2026年浙江省政府工作报告"),
        ("湖北省", "2026年湖北省政府工作报告"), ("湖南省", "2026年湖南省政府工作报告"),
        ("福建省", "2026年福建省政府工作报告"), ("辽宁省", "2026年辽宁省政府工作报告"),
        ("重庆市", "2026年重庆市政府工作报告"), ("陕西省", "陕西省2026年政府工作报告"))},
}


def path_of(name: str) -> Path:
    return REPO / name if name.startswith("seeds/") else CORPUS / name


def test_every_file_is_listed():
    """A file added to the corpus must get its expected row here."""
    if not CORPUS.is_dir():
        pytest.skip(f"the wider corpus is not beside the repository ({CORPUS})")
    on_disk = {f"seeds/{p.name}" for p in (REPO / "seeds").glob("*.txt")}
    on_disk |= {f"{p.parent.name}/{p.name}" for p in CORPUS.glob("*/*.txt")}
    assert on_disk == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_metadata_of_every_file(name):
    path = path_of(name)
    if not path.exists():
        pytest.skip(f"{path} is absent: the wider corpus sits in ../shared/corpus/ beside the repository")
    docs = build_documents(load_file(path))
    got = [(d.region, d.level, d.kind, d.year_issued, d.year_reviewed, d.title) for d in docs]
    assert got == EXPECTED[name]
