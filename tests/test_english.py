"""English questions read into the frame Chinese ones are read into (assistant/english.py), and answered
through the real Assistant over the seeds the way their Chinese twins are."""
from __future__ import annotations

import re

import pytest

from assistant.analysis import analyse
from assistant.data_files import load_data
from assistant.english import compounds, read
from assistant.facts.frame import frame_of


def test_reading_names_place_year_indicator_status_and_measure():
    reading = read("What import-export growth target did Anhui set for 2026?")
    assert reading.places == ["安徽省"] and reading.years == [2026]
    assert reading.chinese.split() == ["安徽省", "2026年", "进出口总额增长", "目标", "增长多少"]
    assert reading.unknown == []


def test_english_and_chinese_twins_get_the_same_frame():
    pairs = [("What GDP growth target did Luohe set for 2024?", "漯河市2024年生产总值增速目标是多少？"),
             ("How much foreign capital did Shanghai actually use in 2025?", "上海市2025年实际使用外资多少？"),
             ("How many new urban jobs did Luoyang add in 2020?", "洛阳市2020年城镇新增就业多少人？")]
    for english, chinese in pairs:
        en, zh = analyse(english), analyse(chinese)
        assert en.language == "en" and en.original == english
        assert (en.places, en.years, en.wants) == (zh.places, zh.years, zh.wants), english
        f_en, f_zh = frame_of(en), frame_of(zh)
        assert (f_en.status, f_en.rate, f_en.figure) == (f_zh.status, f_zh.rate, f_zh.figure), english
        assert set(f_zh.indicators) <= set(f_en.indicators), english


def test_status_words():
    assert frame_of(analyse("What is Luohe's 2024 target for total meat output?")).status == "target"
    assert frame_of(analyse("What did Henan aim to achieve in grain output in 2026?")).status == "target"
    actual = frame_of(analyse("How much foreign capital did Zhejiang actually use in 2025?"))
    assert actual.status == "actual" and actual.status_named
    assert frame_of(analyse("What was Beijing's GDP in 2025?")).status_named is False


def test_kinds_of_question():
    assert analyse("Who delivered Jiangsu's 2026 government work report as governor?").question.endswith("谁")
    assert analyse("On what date was Anhui's 2026 government work report delivered?").wants == "date"
    assert analyse("In which year did Luohe's zone aim to open its port?").wants == "date"
    assert analyse("What was Beijing's GDP in 2025?").wants == "number"
    assert analyse("What company took a stake in Luohe's big data platform?").wants == "name"


def test_comparisons_read_each_side():
    faster = analyse("Which grew faster in 2025, Chongqing or Henan?")
    assert faster.comparison and faster.places == ["重庆市", "河南省"] and faster.wants == "rate"
    assert "生产总值增速" in faster.question  # growth of a place with no indicator named: its economy
    years = analyse("Compare the number of new urban jobs in Luohe in 2020 and in 2023.")
    assert years.comparison and years.years == [2020, 2023]
    assert not analyse("What was Luohe's GDP in 2020 and how fast did it grow?").comparison  # one side only
    # two places, but the second is where the first ranks, not a side: and/or must join the sides
    ranked = analyse("How fast did Kaifeng's investment grow in 2021, and how far above the Henan average was it?")
    assert ranked.places == ["开封市", "河南省"] and not ranked.comparison
    assert ranked.question.endswith("多少多少")  # two figures asked


def test_periods_and_reports():
    end = read("What was Shandong's per-capita GDP at the end of the 14th Five-Year Plan period?")
    assert end.periods == ["十四五"] and "十四五末" in end.chinese and "人均生产总值" in end.chinese
    report = read("What budget deficit ratio did the national 2015 government work report set?")
    assert report.places == ["全国"] and report.years == [2015]
    assert "政府工作报告" in report.chinese and "赤字率" in report.chinese


def test_adjacent_terms_make_one_chinese_compound():
    text = "industrial value added above designated size"
    terms = [(0, 22, "industrial value added", "工业增加值"), (23, 44, "above designated size", "规模以上")]
    assert compounds(terms, text) == ["规模以上工业增加值"]
    text = "sales of consumer goods"
    assert compounds([(0, 5, "sales", "零售"), (9, 23, "consumer goods", "消费品")], text) == ["消费品零售"]
    assert read("per-capita disposable income").chinese.split()[0] == "人均可支配收入"  # 人均 said once


def test_numbers_of_the_question_stay_in_its_reading():
    assert "168" in read("Where did Luohe rank among 168 cities for air quality in 2023?").chinese.split()


def test_words_no_list_knows_are_kept_as_unknown():
    reading = read("How much lottery revenue did Zhejiang raise in 2025?")
    assert reading.unknown == ["lottery"] and "LOTTERY" in reading.chinese
    assert read("How many new urban jobs did Guangdong create in 2025?").unknown == []


def test_glossary_is_general_report_vocabulary():
    glossary = load_data("glossary.yaml")
    assert len(glossary) >= 400
    for term, chinese in glossary.items():
        assert term == term.lower() and term.strip() == term, term
        assert re.search(r"[\u4e00-\u9fff]|[A-Z0-9]", str(chinese)), term
    english = load_data("english.yaml")
    assert {"status", "measure", "ask", "general"} <= set(english)


@pytest.mark.parametrize("question, figure", [
    ("How many new urban jobs did Luohe create in 2023?", "3.8万人"),
    ("What GDP growth target did Luohe set for 2024?", "7%"),
])
def test_english_question_through_the_assistant(seeded, question, figure):
    answer = seeded.ask(question, mode="extractive")
    assert not answer.refused and figure in answer.text, answer.text
    assert answer.text.startswith("According to the reports")
    assert answer.figures and all(f.verified for f in answer.figures)


def test_english_question_about_a_term_no_glossary_knows_is_refused(seeded):
    answer = seeded.ask("How much lottery revenue did Luohe raise in 2023?", mode="extractive")
    assert answer.refused, answer.text


# Session 6 (english2): the rules below were found on evals/questions/english-dev.jsonl; each is tested here
# on sentences of its own, none of that set's.

def test_hyphens_and_plurals_find_glossary_terms():
    assert "优良天数" in read("How many good-air-quality days did Kaifeng count in 2022?").chinese
    assert "农产品" in read("Which agricultural product of Xuchang won an award in 2021?").chinese  # plural term
    assert "固定资产投资" in read("How did fixed asset investment change in Zhengzhou in 2022?").chinese


def test_a_level_word_is_the_places_own_only_right_after_it():
    county = read("Which Henan county's grain output was the largest in 2022?")
    assert county.places == ["河南省"] and "县" in county.chinese.split()
    assert "文明城市" in read("When did Xuchang become a national civilized city?").chinese
    own = read("What was Luoyang City's GDP in 2021, and how did the city rank?")
    assert own.places == ["洛阳市"] and "城市" not in own.chinese and own.unknown == []


def test_what_asks_a_list_or_a_figure():
    assert analyse("What are Henan's four pillar industries?").wants == "name"  # a list, not 多少
    assert analyse("What's Luoyang City's retail sales target for 2022?").wants in ("number", "rate")
    assert analyse("What were Zhengzhou's main targets for 2022?").question.endswith("哪些")


def test_when_opening_a_clause_asks_nothing():
    reading = read("When Henan opened its new airport in 2022, how many flights did it add?")
    assert "什么时候" not in reading.chinese and reading.chinese.endswith("多少")


def test_from_what_to_what_asks_two_levels_not_a_rate():
    analysis = analyse("How much did Xuchang's tax revenue grow from 2016 to 2020 — from what to what?")
    assert analysis.wants == "number" and analysis.question.endswith("多少多少")


def test_sides_joined_with_for_and_days_asked():
    sides = analyse("What were Henan's CPI targets for 2019 and for 2021?")
    assert sides.comparison and sides.years == [2019, 2021]
    assert analyse("On which days was the Henan people's congress held in 2022?").wants == "date"


def test_a_qualifier_after_an_of_phrase_goes_first():
    assert "规模以上企业增加值" in read("What was the value added of firms above designated size in Xuchang?").chinese
    official = read("What was the growth of value added of industrial enterprises above designated size in Xuchang?")
    assert "规模以上工业增加值" in official.chinese  # the statistics bureau's English for it


def test_words_no_list_knows_ask_nothing():
    # "accelerate" holds "rate": an unknown word of the reading is no asking word
    assert analyse("Which key industry groups does Xuchang plan to accelerate in 2022?").wants == "name"


def test_central_government_and_pledges():
    national = analyse("What deficit ratio did the central government set for 2019?")
    assert national.places == ["全国"]
    assert frame_of(analyse("How much farmland has Xuchang pledged to protect in 2022?")).status == "target"


def test_a_rank_is_asked_besides_the_figure():
    reading = read("What forest coverage did Xuchang reach in 2021, and where did that rank in Henan?")
    assert reading.chinese.endswith("多少第几") and "排名" not in reading.chinese
    assert read("Where did Xuchang rank in Henan for GDP in 2021?").chinese.endswith("第几")


def test_an_opening_clause_only_sets_the_scene():
    from assistant.english import main_clause

    question = "When Xuchang opened its new logistics park in 2022, how many cold chain firms moved in?"
    assert main_clause(question) == "how many cold chain firms moved in?"
    assert main_clause("In 2022, what was Xuchang's GDP?") == "what was Xuchang's GDP?"
    assert main_clause("What was Xuchang's GDP in 2022, and how fast did it grow?").startswith("What was")


def test_two_places_joined_by_a_hyphen():
    from assistant.places import gazetteer_book

    assert {"宁波市", "舟山市"} <= set(gazetteer_book().find_places("ningbo-zhoushan port"))


def test_scene_clause_words_go_before_a_comma():
    reading = read("When Xuchang opened its new logistics park in 2022, how many cold chain firms moved in?")
    scene, asked = reading.chinese.split("，")
    assert "物流园" in scene and "冷链" in asked and "物流园" not in asked


def test_possessives_listings_and_plural_lists():
    assert "人民医院" in read("How many beds does the Xuchang People's Hospital have?").chinese
    listed = analyse("Which Henan food company listed in Hong Kong in 2023?")
    assert listed.places == ["河南省"] and "港交所" in listed.question
    assert analyse("What new laboratories did Zhengzhou build in 2022?").question.endswith("哪些")
    assert analyse("What thresholds did Henan's exports cross in 2022?").wants == "number"


def test_an_english_list_question_counts_its_items():
    from assistant.answer.extractive import asked_count

    assert asked_count("What are Henan's four 'pillar' industries?") == 4
    assert asked_count("Which two cities grew fastest?") == 2
    assert asked_count("What were Henan's targets for 2022?") == 0


def test_a_term_of_several_words_in_either_number():
    assert "专项债券" in read("How much special-purpose bond quota did Henan get in 2022?").chinese
    assert "上市公司" in read("Which listed company in Xuchang grew fastest?").chinese
    # "affordable housing units" is housing counted in units, not 单位
    assert "单位" not in read("How many affordable housing units will Xuchang build in 2022?").chinese


def test_what_was_the_named_thing():
    assert analyse("What was the single largest project Xuchang completed in 2021?").wants == "name"
    assert analyse("What is the total output value of the industry in Xuchang?").wants == "number"


def test_a_term_is_known_when_one_of_its_renderings_is(seeded):
    from assistant.answer.refusal import unknown_terms

    known = seeded.index.lexical.knows
    # technical schools: 技工院校 (the seeds' word) or 技工学校 (not in them); either will do
    analysis = analyse("How many technical schools in Henan work with companies?", seeded.index.places)
    assert "技工学校" in analysis.expansion and not known("技工学校")
    assert unknown_terms(analysis.question, analysis, known) == []
    lottery = analyse("How much lottery revenue did Luohe raise in 2023?", seeded.index.places)
    assert unknown_terms(lottery.question, lottery, known) == ["lottery"]


def test_national_is_a_title_beside_another_place():
    titled = analyse("How many national high-tech enterprises did Xuchang add in 2021?")
    assert titled.places == ["许昌市"] and "国家级高新技术企业" in titled.question
    assert "全国" in analyse("How far above the national average was Xuchang's growth in 2021?").question
    assert analyse("What was the national GDP growth target in 2015?").places == ["全国"]


def test_a_unit_asked_is_a_quantity_not_a_growth():
    analysis = analyse("How many mu of wheat does Xuchang plan to grow in 2022?")
    assert analysis.wants == "number" and analysis.question.endswith("多少亩")
    assert analyse("How much did Xuchang's rural income rise in 2021?").wants == "rate"


def test_what_is_the_thing_named_at_the_end_of_its_phrase():
    assert analyse("What is Henan's first integrated wind and solar project in China?").wants == "name"
    assert analyse("What was the total output value of the food industry in Xuchang?").wants == "number"
    assert analyse("What are Henan's three leading industries?").question.endswith("哪些")


def test_english_figures_are_read_as_the_reports_write_them():
    reading = read("Which road will Xuchang build in 2022 with an investment of 35.2 million yuan?")
    assert "3520万元" in reading.chinese.split() and "35.2" not in reading.chinese


def test_a_bare_report_is_a_work_report_only_after_a_place_or_year():
    assert "政府工作报告" in read("What did Henan's report say about grain in 2022?").chinese
    assert "政府工作报告" in read("What deficit did the 2016 report plan?").chinese
    assert "政府工作报告" not in read("Which firms did the report on Henan's food clusters name?").chinese


def test_the_date_of_asks_a_date():
    assert analyse("What is the date of Xuchang's 2022 government work report?").wants == "date"


def test_names_asked_after_what_and_sides_asked_with_each():
    assert analyse("What award did Xuchang's hospital win in 2021?").wants == "name"
    assert analyse("What production base did the group build in Xuchang?").wants == "name"
    each = analyse("By how much do Xuchang (2021) and Luoyang (2022) each plan to raise forest coverage?")
    assert each.comparison and each.places == ["许昌市", "洛阳市"]


def test_names_in_pinyin_are_written_as_the_index_writes_them(seeded):
    from assistant.english import spelled_names, with_spelled_names

    vocabulary = seeded.index.lexical.vocabulary()
    assert "卫龙" in vocabulary and spelled_names(["weilong"], vocabulary) == {"weilong": ["卫龙"]}
    named = with_spelled_names(analyse("How much did Weilong invest in Luohe in 2023?", seeded.index.places), vocabulary)
    assert "卫龙" in named.question and named.unknown == [] and "卫龙" in named.expansion
    # only a capitalised word is a name, and one syllable spells nothing
    plain = with_spelled_names(analyse("How much weilong revenue did Luohe get?", seeded.index.places), vocabulary)
    assert plain.unknown == ["weilong"]
    assert spelled_names(["tai"], vocabulary) == {}


def test_questions_without_an_asking_word():
    assert analyse("Xuchang 2021 GDP?").question.endswith("多少")
    assert analyse("Show the number of new urban jobs in Xuchang in 2021.").wants == "number"
    assert analyse("List the main targets Xuchang set for 2022.").question.endswith("哪些")
    faster = analyse("Did Xuchang's economy grow faster than Henan's in 2021?")
    assert faster.comparison and faster.question.endswith("哪个更快")


def test_a_count_of_parks_asks_no_one_counter_and_two_figures_stay_two():
    reading = read("How many pocket parks will Xuchang build in 2022, and how much investment will they take?")
    # parks are counted in 个 (口袋公园12个) or in 座 (新增公园127座): no unit is asked for them (session 13)
    assert reading.chinese.endswith("多少多少")
    # projects are counted in 个 or in 项 (105项城市更新项目): no unit is asked for them
    assert read("How many urban renewal projects will Xuchang start in 2022?").chinese.endswith("多少")


def test_china_in_a_name_and_cuts():
    express = analyse("How many China-Europe Railway Express trains left Zhengzhou in 2022?")
    assert express.places == ["郑州市"] and "中欧班列" in express.question
    assert "下降" in analyse("By how much did Xuchang cut energy use per unit of GDP in 2021?").question
    assert "A股" not in read("What R&D spending target as a share of GDP did Xuchang set?").chinese


def test_a_hyphenated_term_does_not_read_a_phrase_of_other_words():
    # "trade-in" (以旧换新) is no term alone: "trade in Henan" is trade, and "a share of" is no A-share
    assert "以旧换新" not in read("How much did trade in Henan grow in 2022?").chinese
    assert "以旧换新" in read("How much did Henan spend on its consumer goods trade-in program in 2024?").chinese


def test_chinese_written_in_an_english_question_stays_in_its_reading():
    # the reports' own term, quoted in Chinese, is the best word the reading can have
    assert "放管服" in read("What did Anhui's “放管服” reform cut in 2024?").chinese.split()
    assert "营商环境" in read("How did Zhengzhou rank on 营商环境 in 2023?").chinese.split()
    # a term the glossary renders already is said once
    assert read("How much did Luohe spend on people's livelihood (民生支出) in 2022?").chinese.count("民生支出") == 1


def test_a_longer_word_takes_the_place_of_the_word_it_holds():
    words = read("What was the per-capita disposable income of urban residents in Hubei in 2024?").chinese.split()
    assert "城镇居民人均可支配收入" in words or "城镇人均可支配收入" in words
    assert not any("人均人均" in w for w in words)


def test_a_figure_written_as_an_adjective_is_a_class_of_size():
    assert "千亿级" in read("Which 100-billion-yuan industries does Hunan want to build?").chinese.split()
    assert "万亿级" in read("How many 1-trillion-yuan clusters did Guangdong have in 2025?").chinese.split()
    assert "百亿级" in read("Name Sichuan's 10-billion-yuan-level projects.").chinese.split()
    # not a round class: an amount, as before
    reading = read("What did Hunan's 250-billion-yuan plan fund?").chinese
    assert "级" not in reading
    # a figure written apart is an amount, never a class
    assert "千亿级" not in read("Did Hunan's industry pass 100 billion yuan in 2025?").chinese


def test_british_spellings_and_report_words():
    assert read("Which honours did Xuchang win in 2023?").unknown == []
    assert "入境游客" in read("How many inbound tourists did Yunnan receive in 2025?").chinese
    assert "首创举措" in read("How many pioneering measures did Hainan's free trade port launch?").chinese
    assert "四期" in read("When will the phase-four plant in Xinxiang open?").chinese


def test_a_singular_term_is_its_own_not_its_plural_twin():
    from assistant.analysis import english_terms

    # "industrial parks" (产业园区) is a longer term whose pattern also matches the singular, 产业园 in the glossary
    terms = dict(english_terms("When will Xinxiang's phase-two industrial park open?"))
    assert terms.get("industrial park") == ["产业园"]
    assert dict(english_terms("How many industrial parks did Xinxiang build?")).get("industrial parks")


def test_farmland_kept_is_cultivated_land():
    # the reports keep, protect and hold 耕地; 农田 is the fields built up (高标准农田, its own term)
    assert "耕地" in read("How much farmland did Hunan promise to protect in 2024?").chinese.split()
    assert "高标准农田" in read("How much high-standard farmland did Hunan build in 2024?").chinese
    assert "过剩产能" in read("How much overcapacity did Hebei cut in 2017?").chinese


def test_a_streak_is_asked_as_its_length():
    # "for how many straight months", "how many years in a row": 连续多少个月 / 连续多少年, as a Chinese question asks
    assert read("For how many consecutive quarters did Henan's exports rise?").chinese.endswith("连续多少个季度")
    assert read("How many years in a row has the port handled the most cargo?").chinese.endswith("连续多少年")
    assert read("For how many straight months did retail sales keep double-digit growth?").chinese.split()[-3:] == \
        ["社会消费品零售总额", "两位数增长", "连续多少个月"]
    assert "连续" not in read("How many years did the bridge take to build?").chinese  # no streak word: no streak
    assert read("The lake was clean for the first time in how many years?").chinese.endswith("多少年来首次")


def test_firsts_ranks_and_titles_read_as_the_reports_say_them():
    ranked = read("Which county ranks first in the province in tea output?")
    assert "排名" not in ranked.chinese and "第一" in ranked.chinese.split()
    # a verb of a title is a word of a reading that asks a name, not of one that asks a figure
    assert "获评" in read("Which village was named a national model village?").chinese.split()
    assert "获评" not in read("How many villages were named national model villages?").chinese
    assert "获批" in read("Which hospital won approval for a national medical center?").chinese.split()
    kind = read("Whose steel pilot line was the first of its kind in the world?")
    assert "中试线" in kind.chinese and "全球" in kind.chinese and kind.unknown == []
    assert ("factory", "工厂") in read("How many factories were built?").terms  # factory, factories


def test_a_list_sharing_its_tail_names_each_item():
    from assistant.answer.refusal import said_apart, untranslated

    assert said_apart("SO2排放量", "化学需氧量、SO2、氮氧化物排放量分别下降3%")  # an item inside the list too
    assert said_apart("化学需氧量排放量", "化学需氧量、SO2、氮氧化物排放量分别下降3%")
    assert said_apart("城镇居民人均收入", "城镇、农村居民人均收入分别增长5%和6%")
    assert not said_apart("旅游收入", "旅游人次和门票收入分别增长")  # 旅游 heads no list
    assert untranslated("How much did PM2.5 concentration drop?", "PM2.5、PM10浓度分别下降9%、6%") == []


def test_streaks_and_enumerations_are_answered_in_english_as_in_chinese(seeded):
    streak = seeded.ask("For how many years in a row has Luohe's food safety been rated A in Henan's assessment?",
                        mode="extractive")
    assert "连续4年" in streak.text and not streak.refused
    drop = seeded.ask("By how much did the PM2.5 concentration drop in Luohe during 2023?", mode="extractive")
    assert "9.8%" in drop.text and not drop.refused


def test_a_pinyin_name_the_index_holds_as_two_words():
    from assistant.english import spelled_names

    # “闽政通” is cut 闽政 + 通 by the index: "Minzhengtong" spells the two back to back; a word that is no pinyin
    # of the index's words ("tesla") spells nothing
    vocabulary = {"闽政": 0, "通": 1, "政务": 2, "服务": 3}
    assert spelled_names(["minzhengtong", "tesla"], vocabulary) == {"minzhengtong": ["闽政通"]}


def test_british_and_american_spellings_and_inflections_read_alike():
    # a spelling or inflection the lists lack is read as the form they know, never left as a gap
    for british, american in [("What was Shanxi's urbanisation rate in 2022?", "What was Shanxi's urbanization rate in 2022?"),
                              ("What was Hebei's mechanisation rate in 2022?", "What was Hebei's mechanization rate in 2022?")]:
        assert read(british).chinese == read(american).chinese
        assert read(british).unknown == []
    assert "城镇化率" in read("Shanxi's urbanisation rate in 2022?").chinese
    # a name written with a capital is kept as written: "Anning" is no inflection of "an"
    from assistant.english import respell
    assert respell("Where is Anning's harbour?").startswith("Where is Anning's")
    assert respell("How many were utilised and prioritised?") == "How many were utilized and prioritized?"
    assert respell("Which zones were revitalised?") == "Which zones were revitalised?"  # no list knows it either way


def test_figures_said_in_words_read_as_the_reports_write_them():
    assert "多少个百分点" in read("By how many percentage points did Hebei lower its jobless rate in 2024?").chinese
    share = read("What share of Fujian's exports came from two-thirds of its firms?")
    assert "三分之二" in share.chinese and "第三" not in share.chinese
    assert "翻一番" in read("Did Jiangxi manage to double its grain output?").chinese
    assert "10倍" in read("Which Hunan industry grew tenfold?").chinese
    grade = read("Which county in Hubei met the Grade III water standard?")
    assert "三级" in grade.chinese and grade.unknown == []
    assert "第三" in read("What was the third batch of parks in Hubei?").chinese  # an ordinal stays one


def test_each_common_way_to_say_a_report_term_reads_as_it():
    for question in ["By when will Hubei peak carbon emissions?", "When will Hubei reach its carbon peak?",
                     "When does Hubei expect its carbon emissions peak?"]:
        assert "碳达峰" in read(question).chinese
    assert "开幕" in read("Which Hunan festival held its opening ceremony in 2024?").chinese
    assert "开通" in read("When was the opening of Hunan's new rail line?").chinese  # an opening of a route stays one


def test_a_glossary_phrase_holding_a_numbered_grade_is_read_as_the_phrase():
    reading = read("For how many years has Hubei's stretch of the Han River held Class II water quality?")
    assert "Ⅱ类水质" in reading.chinese and "二类" not in reading.chinese


def test_a_general_word_in_another_inflection_is_no_gap():
    from assistant.english import is_general
    assert is_general("moves") and is_general("lifting") and not is_general("lottery")
    assert read("How far did Hunan lift its forest cover in 2024?").unknown == []
    # a plural's possessive keeps its noun whole: "companies'" is "companies", not "companie"
    assert "企业" in read("Which companies' plants did Hunan upgrade in 2024?").chinese
    assert "companie" not in read("Which companies' lottery did Hunan upgrade in 2024?").unknown


def test_families_of_report_language_read_every_common_way():
    assert "获得感" in read("How did Hunan raise people's sense of fulfilment in 2024?").chinese
    assert "幸福感" in read("How did Hubei lift its residents' sense of well-being?").chinese
    assert "净流入" in read("What net inflow of capital did Hainan record in 2024?").chinese
    assert "净流出" in read("How large were Jilin's net outflows of people in 2023?").chinese
    assert "救灾" in read("How much relief money went to disaster-relief work in Gansu in 2023?").chinese
    assert "审批" in read("How many administrative approval steps did Hebei cut in 2024?").chinese
    assert "获批" in read("When did Hubei win approval for its free trade zone?").chinese  # approval obtained


def test_a_word_is_read_in_the_sense_its_phrase_gives_it():
    assert "航空旅客" in read("How many air passengers did Hubei's airports handle in 2024?").chinese
    assert "空气质量" in read("How good was Hubei's air quality in 2024?").chinese
    gas = read("Which gas storage site is Gansu building?").chinese
    assert "储气" in gas and "储能" not in gas
    assert "储能" in read("How much new energy storage did Gansu add in 2024?").chinese
    assert "关停" in read("How much coal capacity did Shanxi shut down in 2017?").chinese
    assert "淘汰" in read("How much outdated capacity did Hebei phase out?").chinese



def test_a_word_the_index_never_saw_is_searched_by_the_pieces_it_holds(seeded):
    from assistant.english import known_parts

    vocabulary = seeded.index.lexical.vocabulary()
    assert "普惠" in vocabulary and "普惠小微" not in vocabulary  # jieba cuts 普惠小微 whole: no 普惠 in its cut
    assert known_parts("普惠小微", vocabulary) == ["普惠"]
    assert known_parts("漯河市", vocabulary) == []  # a token the index holds needs no pieces
    assert known_parts("GDP", vocabulary) == [] and known_parts("漯城", vocabulary) == []


def test_an_unseen_term_is_searched_by_its_pieces_in_the_search_words_only(seeded):
    from dataclasses import replace

    from assistant.english import with_known_parts

    vocabulary = seeded.index.lexical.vocabulary()
    asked = analyse("How much inclusive small and micro lending did Luohe add in 2023?", seeded.index.places)
    unseen = replace(asked, renderings=[["普惠小微"]], expansion="普惠小微")
    searched = with_known_parts(unseen, vocabulary)
    assert searched.expansion.split() == ["普惠小微", "普惠"] and searched.question == unseen.question
    # a term with a rendering the index holds is searched as that rendering alone
    held = replace(asked, renderings=[["普惠小微", "贷款"]], expansion="普惠小微 贷款")
    assert with_known_parts(held, vocabulary).expansion == held.expansion
    chinese = replace(unseen, language="zh")
    assert with_known_parts(chinese, vocabulary) is chinese


def test_a_figure_of_one_multiplier_set_as_a_floor_is_searched_as_the_reports_write_a_floor():
    # one of a multiplier loses its 1 (亿元以上 projects), in the search words only; the reading keeps the figure
    floor = analyse("How many firms with sales over 100 million yuan opened in Luohe in 2022?")
    assert "亿元以上" in floor.expansion.split() and "1亿元" in floor.question.split()
    # any other figure, or one that is no floor, stays as it is
    assert not any(w.endswith("以上") for w in analyse(
        "Which plants worth more than 1 billion yuan did Luoyang open in 2022?").expansion.split())
    plain = analyse("Which plant with an investment of 100 million yuan did Luohe open in 2022?")
    assert "1亿元" in plain.question.split() and not any(w.endswith("以上") for w in plain.expansion.split())
