"""A place name inside the name of a thing (a road, a bridge, a plant, a railway, "X-funded") names no place
(data/proper_names.yaml, assistant/places.py names_a_thing): 金山南路 is no 山南市, "Zhongshan Road" no 中山市."""
from assistant.places import PlaceBook, gazetteer_book, names_a_thing, names_a_thing_en


def test_a_road_named_after_a_place_is_no_place():
    book = gazetteer_book()
    assert book.find_places("完成人民路、金山南路电力线路迁改") == []
    assert book.find_places("建成中山路上跨立交桥") == []
    assert book.find_places("北京东路拓宽工程") == []


def test_the_place_itself_stays():
    book = gazetteer_book()
    assert book.find_places("中山市新建道路20公里") == ["中山市"]
    assert book.find_places("河南路网密度持续提升") == ["河南省"]  # 路网 is a word: Henan's road network
    assert book.find_places("郑州市人民路改造") == ["郑州市"]  # a full name is the place
    assert "漯河市" in book.find_places("漯河市中学")


def test_english_names_of_things():
    book = gazetteer_book()
    assert book.find_places("the zhongshan road flyover") == []
    assert book.find_places("taiwan-funded enterprises in fujian") == ["福建省"]
    assert book.find_places("the yiyang power plant in hunan") == ["湖南省"]
    assert book.find_places("the weifang–suqian (潍宿) high-speed railway in shandong") == ["山东省"]


def test_english_common_nouns_keep_the_place():
    book = gazetteer_book()
    assert book.find_places("henan road network") == ["河南省"]
    assert book.find_places("shanghai square metres") == ["上海市"]
    assert book.find_places("shandong railway mileage") == ["山东省"]  # one place before a railway: its railways
    assert book.find_places("ningbo-zhoushan port") == ["宁波市", "舟山市"]


def test_the_endings_are_read_right_after_the_name():
    assert names_a_thing("中山路", 2) and not names_a_thing("中山市", 2) and not names_a_thing("河南路径", 2)
    text = "beijing-shanghai high-speed railway"
    assert names_a_thing_en(text, 0, 7) and names_a_thing_en(text, 8, 16)
    assert not names_a_thing_en("beijing and shanghai", 0, 7)


def test_a_question_about_a_road_asks_about_its_city():
    book = PlaceBook.of(["漯河市"])
    assert book.find_places("漯河2024年要求交通北路、金山南路电力线路迁改在什么时候之前完成？") == ["漯河市"]


# -- answers about a thing named after a place, codes, vague quantities, teams (a report of our own) ----------

import pytest  # noqa: E402

from assistant.analysis import analyse  # noqa: E402
from assistant.answer.asked import DIGIT_CODE, code_unsaid_in, thing_unsaid  # noqa: E402
from assistant.answer.refusal import has_quantity, without_vague_quantities  # noqa: E402
from assistant.answer.types import REFUSAL_EN, REFUSAL_ZH  # noqa: E402
from tests.passages import ingested_report  # noqa: E402

TITLE = "湖南省2026年政府工作报告"
REPORT = f"""{TITLE}

2026年湖南省政府工作报告
——2026年1月20日在湖南省第十四届人民代表大会第五次会议上

各位代表：现在，我代表湖南省人民政府，向大会报告政府工作，请予审议。

一、2025年工作回顾
能源保障有力。全省新增发电装机1200万千瓦、总装机达7150万千瓦，常德电厂二期建成投产、总装机达264万千瓦。
城市更新扎实推进。投资3.6亿元建成中山路上跨立交桥，改造城镇老旧小区1900个。

二、2026年重点工作
推动开放型经济发展。支持跨境电商企业拓展海外市场，新培育认定一批公共海外仓。
完善城市功能。新建城市停车场80个。
强化科技人才支撑。组建科技特派员服务团队300支，新增高新技术企业1500家。
"""


def _refused(text: str) -> bool:
    return text.startswith((REFUSAL_EN, REFUSAL_ZH))


@pytest.fixture(scope="module")
def province(tmp_path_factory, embedder):
    return ingested_report(tmp_path_factory, embedder, "places16", TITLE, REPORT)


def test_a_plant_named_after_a_city_is_no_place_of_the_question(province):
    question = "What is the total installed capacity of Hunan's Changde Power Plant?"
    assert province.ask(question, mode="extractive").analysis["places"] == ["湖南省"]
    assert "7150" not in province.ask(question, mode="extractive").text  # the province's whole capacity is no answer


def test_a_plant_the_report_does_not_name_is_refused(province):
    text = province.ask("What is the total installed capacity of Hunan's Yueyang Power Plant?", mode="extractive").text
    assert _refused(text)


def test_a_road_named_after_a_city_in_a_province_report(province):
    text = province.ask("湖南2025年建成中山路上跨立交桥投资了多少亿元？", mode="extractive").text
    assert "3.6亿元" in text


def test_a_code_no_sentence_says_is_refused(province):
    assert _refused(province.ask("湖南2026年计划新建多少个5G基站？", mode="extractive").text)
    assert "80个" in province.ask("湖南2026年计划新建多少个城市停车场？", mode="extractive").text


def test_a_vague_quantity_answers_no_how_many(province):
    assert _refused(province.ask("湖南2026年要新培育认定多少个公共海外仓？", mode="extractive").text)


def test_teams_are_counted_in_zhi(province):
    assert "300支" in province.ask("湖南要组建多少支科技特派员服务团队？", mode="extractive").text


def test_the_checks_read_the_real_functions():
    assert DIGIT_CODE.findall("新建5G基站和5A级景区，第14th") == ["5G", "5A"]
    assert without_vague_quantities("新培育认定一批公共海外仓") == "新培育认定 公共海外仓"
    assert has_quantity("组建团队500支")
    analysis = analyse("尉氏县新建多少个5G基站？")
    assert code_unsaid_in(analysis, ["新建2个城市停车场"]) and not code_unsaid_in(analysis, ["新建5G基站120个"])
    plant = analyse("湖南益阳电厂总装机达到多少？")
    assert thing_unsaid(plant, ["全省总装机达7150万千瓦"]) and not thing_unsaid(plant, ["益阳电厂总装机达264万千瓦"])


def test_the_country_in_a_things_name_stays_a_place():
    book = gazetteer_book()
    question = "how many china-europe railway express trains ran from xi'an in 2025?"
    assert book.find_places(question) == ["全国", "西安市"] and book.things_named(question) == []
