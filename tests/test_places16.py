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
