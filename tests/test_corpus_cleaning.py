"""Cleaning on real scraped reports the rules were not written for: ../shared/corpus/.

Each file is loaded as a user would ingest it (GB18030 detected, no hints), cleaned, and
checked: no page furniture left, no markup remnants, the report body kept (sentences from
its middle and its last sentence, picked by reading the files), and a file that holds its
page several times over read once.
"""
from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from assistant.ingest.chunking import chunk_document, heading_of
from assistant.ingest.cleaning import clean_text, load_furniture
from assistant.ingest.loaders import load_file
from assistant.ingest.pipeline import build_documents

ROOT = Path(__file__).resolve().parents[1]


def _corpus() -> Path | None:
    """../shared/corpus/ of the repository root (or of a folder above it: a git worktree
    lives deeper than the main checkout)."""
    for folder in [ROOT, *ROOT.parents]:
        if (folder.parent / "shared" / "corpus").is_dir():
            return folder.parent / "shared" / "corpus"
    return None


CORPUS = _corpus()
needs_corpus = pytest.mark.skipif(CORPUS is None, reason="../shared/corpus/ (the wider corpus of real reports) is absent")

# Per file: two sentences from the middle of the report and the end of its last sentence
# (the cleaned text must end there: nothing of the page after the report).
REPORT_TEXT = {
    "national/2008.txt": ("天、新能源、新材料、海洋等高新技术产业加快发展。", "5年开始连续三年提高企业退休人员基本养老金标准。", "处违法违规案件和失职渎职行为，惩处腐败分子。"),
    "national/2009.txt": ("花税，降低住房交易税费，加大对中小企业信贷支持。", "极推进改革开放，为经济社会发展注入新的活力和动力", "努力做好各项工作，绝不辜负人民的期望和重托。"),
    "national/2010.txt": ("养殖标准化创建，保障“米袋子”、“菜篮子”安全。", "意发扬民主、倾听基层群众意见，重视维护群众利益。", "流等八个方面，采取一系列措施，推进中非合作。"),
    "national/2011.txt": ("今年，重点要做好以下几方面工作。", "做好流动人口计划生育服务管理工作。", "局，把中国特色社会主义伟大事业继续推向前进！"),
    "national/2012.txt": ("严格执行蔬菜等鲜活农产品运输绿色通道政策。", "科学划分事业单位类别，分类指导、分业推进", "、脑梗死、血友病、1型糖尿病、甲亢、唇腭裂。"),
    "national/2013.txt": ("对进一步推进中国特色社会主义事业作出了全面部署。", "控政策体系，健全房地产市场稳定健康发展长效机制。", "建成小康社会、实现中华民族的伟大复兴而奋斗！"),
    "national/2014.txt": ("民主党派、工商联、无党派人士和各人民团体的意见。", "以雾霾频发的特大城市和区域为重点，以细颗粒物（PM2.5）", "家、实现中华民族伟大复兴的中国梦而努力奋斗！"),
    "national/2015.txt": ("减少投资项目前置审批，实行项目核准网上并联办理。", "今年高校毕业生749万人，为历史最高。", "现中华民族伟大复兴的中国梦作出新的更大贡献！"),
    "national/2016.txt": ("是供给侧结构性改革举措，为经济发展营造良好环境。", "商业性采伐，实行新一轮草原生态保护补助奖励政策。", "、实现中华民族伟大复兴的中国梦作出新的贡献！"),
    "national/2017.txt": ("人口1000万以上，完成易地扶贫搬迁340万人。", "好重点流域、区域、海域水污染和农业面源污染防治。", "家、实现中华民族伟大复兴的中国梦而不懈奋斗！"),
    "provinces-2026/上海市-2026.txt": ("，保持社会大局和谐稳定，实现“十五五”良好开局。", "档案文献等红色文化资源，加强青少年理想信念教育。", "大都市，为中国式现代化建设作出新的更大贡献！"),
    "provinces-2026/内蒙古自治区-2026.txt": ("习近平总书记和党中央赋予的五大战略定位和使命任务", "四、把坚持党的全面领导贯穿政府工作各方面全过程", "施物业服务质量提升行动（牵头单位：住建厅）。"),
    "provinces-2026/北京市-2026.txt": ("环高线公园，推动通武廊交界重点区域产业协同发展。", "（七）推进农业农村现代化，促进城乡区域协调发展", "，为强国建设、民族复兴伟业作出新的更大贡献！"),
    "provinces-2026/安徽省-2026.txt": ("年开工重点项目2000个以上，促进投资止跌回稳。", "合六、合淮、合滁产业走廊建设，构建1小时通勤圈。", "取，创先争优，奋力谱写中国式现代化安徽篇章！"),
    "provinces-2026/山东省-2026.txt": ("会、慈善、志愿服务、关心下一代等事业取得新进步。", "干的现代化产业体系，打造发展新质生产力的主阵地。", "全面推进强国建设、民族复兴伟业作出更大贡献！"),
    "provinces-2026/广东省-2026.txt": ("分激发全社会创新创造活力和高质量发展的澎湃动能。", "PM2.5年平均浓度保持在20微克/立方米左右", "海洋牧场项目（开放式养殖用海类）建设的宗海。"),
    "provinces-2026/江苏省-2026.txt": ("风险隐患较多，政府服务和作风建设有待进一步加强。", "创新生态，促进产业科技创新中心加快形成核心功能。", "全面推进强国建设、民族复兴伟业作出更大贡献！"),
    "provinces-2026/河北省-2026.txt": ("好蓝天、碧水、净土保卫战，全面改善生态环境质量。", "（四）全面深化改革开放，持续优化营商环境", "美丽河北，奋力谱写中国式现代化建设河北篇章！"),
    "provinces-2026/河南省-2026.txt": ("国家骨干冷链物流基地建设，持续降低社会物流成本。", "乡精神文明建设，提升人民文明素养和社会文明程度。", "，为强国建设、民族复兴伟业作出新的更大贡献！"),
    "provinces-2026/浙江省-2026.txt": ("2%左右；居民人均可支配收入增长与经济增长同步。", "展高端港航服务业，力争海洋生产总值增长6%左右。", "基本实现社会主义现代化的生动图景而努力奋斗！"),
    "provinces-2026/湖北省-2026.txt": ("盘子，谋划实施一批重大增量项目和优质中小微项目。", "论学习宣传，弘扬大别山精神、抗洪精神、抗疫精神。", "，为奋力谱写中国式现代化湖北篇章而努力奋斗！"),
    "provinces-2026/湖南省-2026.txt": ("，以稳定可靠的增长，赢得更大主动、实现良好开局。", "，力争PM2.5浓度下降到33微克/立方米左右。", "蓝图、奋力谱写中国式现代化湖南篇章不懈奋斗！"),
    "provinces-2026/福建省-2026.txt": ("，民族团结、宗教和顺，国家安全东南屏障更加巩固。", "业态，培育特色富民产业，推动县域经济高质量发展。", "中奋勇争先，奋力谱写新征程新福建建设新篇章！"),
    "provinces-2026/辽宁省-2026.txt": ("业设计集聚区，提升软件和信息技术服务专业化水平。", "碳达峰试点城市建设，筹建国家碳计量中心（辽宁）。", "破上勇于争先，奋力谱写中国式现代化辽宁篇章！"),
    "provinces-2026/重庆市-2026.txt": ("一体化”试点，全力办好重庆大学智能汽车技术学院。", "闲置土地和房屋，建设深化集体林权制度改革先行区。", "以实干实绩实效奋力谱写中国式现代化重庆篇章！"),
    "provinces-2026/陕西省-2026.txt": ("以项目落地衡量招商成效、以项目产出评价引资效果。", "坚决整治违规穿越探险、破坏野生动植物资源等行为。", "写中国式现代化建设的陕西新篇章作出更大贡献！"),
}

# What a cleaned line must never be or contain: the page around the report.
FURNITURE = [
    r"^(?:下载|打印|全屏|收藏|加大|还原|减小|分享)[:：]?$", r"【\s*字[号体]", r"^(?:发表|发布)?时间[:：]", r"^来源[:：]",
    r"发表时间", r"阅读量", r"责任编辑", r"打印本页", r"关闭窗口", r"当前位置", r"^首页\s*>", r"^\W*相关(?:报道|链接)",
    r"E-?mail推荐", r"上一页|下一页", r"记者\s*\S{2,4}\s*摄", r"^新华社.{0,12}日电", r"function\s*\w*\(", r"www\.",
    r"扫一扫", r"^\d{4}-\d{2}-\d{2}(?: \d{2}:\d{2})?$", r"^历年.*报告（\d{4}年至\d{4}年）$",
]
REMNANTS = ["<U+", "<!--", "-->", "\xa0", "\u200d", "PM_", "\u3000"]
# The sentence every report opens with; a file that holds its page k times holds it k times.
OPENING = "现在，我代表"


def _clean(name: str) -> tuple[str, str]:
    raw = load_file(CORPUS / name).text
    return raw, clean_text(raw)


@needs_corpus
def test_the_corpus_is_the_one_these_checks_were_written_for():
    found = {str(p.relative_to(CORPUS)) for p in CORPUS.glob("*/*.txt")}
    assert set(REPORT_TEXT) <= found, sorted(set(REPORT_TEXT) - found)


@needs_corpus
@pytest.mark.parametrize("name", sorted(REPORT_TEXT))
def test_no_page_furniture_or_markup_is_left(name):
    _, cleaned = _clean(name)
    for line in cleaned.split("\n"):
        for pattern in FURNITURE:
            assert not re.search(pattern, line), (pattern, line[:80])
    for remnant in REMNANTS:
        assert remnant not in cleaned, remnant


@needs_corpus
@pytest.mark.parametrize("name", sorted(REPORT_TEXT))
def test_the_report_body_is_kept_to_its_last_sentence(name):
    *middle, last = REPORT_TEXT[name]
    _, cleaned = _clean(name)
    for sentence in middle:
        assert cleaned.count(sentence) == 1, sentence
    assert cleaned.endswith(last)
    assert cleaned.count(OPENING) == 1


@needs_corpus
@pytest.mark.parametrize("name", sorted(REPORT_TEXT))
def test_a_file_holding_its_page_several_times_is_read_once(name):
    raw, cleaned = _clean(name)
    copies = max(1, raw.count(OPENING))
    one_copy = len(raw) / copies  # one copy of the page, furniture included
    assert 0.5 * one_copy <= len(cleaned) <= 1.02 * one_copy, (copies, len(raw), len(cleaned))
    paragraphs = [line for line in cleaned.split("\n") if len(line) >= 20]
    assert len(paragraphs) == len(set(paragraphs))  # no paragraph twice


@needs_corpus
def test_repeated_national_files_shrink_to_one_copy():
    """The national pages of 2008-2013 hold their text six times, 2014 twice."""
    for year, copies in {2008: 6, 2010: 6, 2013: 6, 2014: 2}.items():
        raw, cleaned = _clean(f"national/{year}.txt")
        assert raw.count(OPENING) == copies
        assert len(cleaned) < len(raw) / copies


@needs_corpus
@pytest.mark.parametrize("name", sorted(REPORT_TEXT))
def test_headings_end_where_the_body_starts(name):
    for doc in build_documents(load_file(CORPUS / name)):
        for chunk in chunk_document(doc):
            for heading in chunk.heading_path:
                assert len(heading) <= 50 and not re.search(r"[。！？；]", heading), heading


@needs_corpus
def test_a_page_flattened_into_one_line_gets_its_headings():
    """national/2014.txt is the whole report on one line, headings run into their bodies."""
    [doc] = build_documents(load_file(CORPUS / "national/2014.txt"))
    headings = {h for chunk in chunk_document(doc) for h in chunk.heading_path}
    assert {"一、2013年工作回顾", "二、2014年工作总体部署", "三、2014年重点工作"} <= headings


@needs_corpus
def test_lost_subscripts_are_read_as_pm25():
    for name in ("provinces-2026/安徽省-2026.txt", "provinces-2026/广东省-2026.txt"):
        raw, cleaned = _clean(name)
        assert "PM_2.5" in raw or "PM\n2.5\n" in raw
        assert "PM2.5" in cleaned and "PM_" not in cleaned and "\n2.5\n" not in cleaned


@needs_corpus
def test_cleaning_the_whole_corpus_is_fast():
    """Figures: characters before/after and the time cleaning takes (run with -s to see them)."""
    files = sorted(CORPUS.glob("*/*.txt"))
    texts = {f: load_file(f).text for f in files}
    load_furniture()  # the rules are read once per process, not per file
    start = time.perf_counter()
    sizes = {f: (len(t), len(clean_text(t))) for f, t in texts.items()}
    elapsed = time.perf_counter() - start
    for f, (before, after) in sizes.items():
        print(f"{f.parent.name}/{f.name}: {before} -> {after} characters")
    before, after = (sum(s[i] for s in sizes.values()) for i in (0, 1))
    print(f"{len(files)} files: {before} -> {after} characters, cleaned in {elapsed:.2f} s "
          f"({before / elapsed / 1e6:.2f} M characters/s)")
    assert before / elapsed > 200_000  # embedding runs at thousands of characters/s: cleaning stays a small share


# --- rules on made-up pages (no corpus needed) ------------------------------------------

PAGE = """当前位置：首页 > 政务公开 > 政府工作报告
<!--
function turnpage(page){ document.all("x").innerHTML = 1;}
-->
某某市2030年政府工作报告
来源：某某日报
时间：2030-02-01
【字体：大 中 小】
市长 张三作政府工作报告。本报记者 李四 摄
<U+00A0><U+00A0>各位代表：
一、2029年工作回顾
过去一年，全市PM_2.5平均浓度下降5%，生产总值增长5.5%。
二、2030年重点工作
今年，全市以PM
2.5
浓度持续下降为主线。
某某市2030年政府工作报告
（责任编辑：王五
）
相关报道：
·某某市召开人大会议
·代表热议政府工作报告
打印本页 关闭窗口
"""
PAGE_CLEAN = ("某某市2030年政府工作报告\n市长 张三作政府工作报告。\n各位代表：\n一、2029年工作回顾\n"
              "过去一年，全市PM2.5平均浓度下降5%，生产总值增长5.5%。\n二、2030年重点工作\n"
              "今年，全市以PM2.5浓度持续下降为主线。")


def test_a_made_up_page_keeps_only_its_report():
    """Breadcrumb, script comment, source and time, font switch, photo credit, escaped spaces,
    subscripts, the title repeated at the end, editor, related links, print/close: all go.
    The caption's own sentence (who delivered the report) stays."""
    assert clean_text(PAGE) == PAGE_CLEAN


def test_a_page_saved_three_times_is_read_once():
    assert clean_text(PAGE + "\n" + PAGE + "\n" + PAGE) == PAGE_CLEAN


def test_a_later_copy_fills_in_what_a_cut_first_copy_lacks():
    first = "标题\n第一段，这是一段很长的正文，全年生产总值增长百分之五点五，城乡居民收入稳步提高，粮食产量保持稳定，营商环境不断优化。\n"
    full = first + "第二段，也是很长的正文，只出现在第二个完整的副本里，要保留下来。\n"
    assert clean_text(first + full) == clean_text(full)


def test_short_lines_that_recur_on_their_own_stay():
    text = "各位代表！\n第一段正文。\n各位代表！\n第二段正文。"
    assert clean_text(text) == text


def test_furniture_phrases_come_from_the_data_file(tmp_path):
    rules = (ROOT / "assistant" / "data" / "page_furniture.yaml").read_text(encoding="utf-8")
    custom = tmp_path / "furniture.yaml"
    custom.write_text(rules.replace("lines:\n", "lines:\n  - 本页仅供演示\n", 1), encoding="utf-8")
    text = "本页仅供演示\n正文第一句。"
    assert clean_text(text) == text  # not a rule of the package
    assert clean_text(text, load_furniture(custom)) == "正文第一句。"


@pytest.mark.parametrize("paragraph, heading", [
    ("二、2030年工作总体部署2030年，我市面临的形势依然复杂。", "二、2030年工作总体部署"),
    ("一、2029年工作回顾过去一年是极不平凡的一年，任务艰巨。", "一、2029年工作回顾"),
    ("三、2030年重点工作 做好今年政府工作，要以深化改革为动力，以调整结构为方向。", "三、2030年重点工作"),
    ("（一）扩大有效投资，稳住经济大盘。实施重点项目300个。", "（一）扩大有效投资，稳住经济大盘"),
    ("1、一揽子计划：是指应对危机出台的一系列政策措施。", "1、一揽子计划"),
    ("三、关于2030年工作", "三、关于2030年工作"),
])
def test_a_heading_is_cut_at_its_end(paragraph, heading):
    assert heading_of(paragraph)[1] == heading


def test_a_copy_with_its_paragraphs_run_together_is_read_once():
    page = ("各位代表：\n现在，我代表市人民政府向大会报告工作，请予审议。\n一、2029年工作回顾\n"
            "过去一年，全市生产总值增长5.5%，一般公共预算收入达到180.5亿元。城乡居民收入稳步提高。")
    flattened = "　　".join(page.split("\n")) + "　　" * 30  # the same page on one long line
    assert clean_text(page + "\n" + flattened) == page


def test_markup_left_in_a_text_copy_is_read_as_text():
    text = "全市PM<sub>2.5</sub>浓度下降&nbsp;5%，&ldquo;两新&rdquo;政策落地。<br/>下一段正文。"
    assert clean_text(text) == "全市PM2.5浓度下降 5%，“两新”政策落地。\n下一段正文。"


@needs_corpus
def test_the_page_title_stays_first():
    assert _clean("national/2011.txt")[1].startswith("温家宝在十一届人大四次会议上所作政府工作报告\n")
    assert _clean("provinces-2026/陕西省-2026.txt")[1].startswith("陕西省2026年政府工作报告\n")
    # a flattened page (one line) gets its paragraphs back: title, address, headings
    # (after the photo caption's sentence, which states who delivered it where; its credit goes)
    assert _clean("national/2014.txt")[1].startswith(
        "3月5日，李克强代表国务院在十二届全国人大二次会议上作《政府工作报告》。\n政府工作报告——2014年3月5日在第十二届全国人民代表大会第二次会议上国务院总理 李克强\n各位代表：现在，")


def test_lost_subscripts_rejoin_only_after_a_symbol():
    text = "PM_2.5和PM_10下降，SO_2、NO_x减排，CO_2浓度稳定；file_2与my_var不变。"
    assert clean_text(text) == "PM2.5和PM10下降，SO2、NOx减排，CO2浓度稳定；file_2与my_var不变。"


def test_a_photo_caption_keeps_its_sentences_and_loses_its_credit():
    """A caption states who delivered the report, when and where: its sentences stay once; the
    photographer's credit, its lead-in (某某日报记者) and a dateline go; a bare 图为 label goes
    unless it carries a figure."""
    page = ("某某省2031年政府工作报告\n"
            "1月20日，省长王某某代表省人民政府向大会作政府工作报告。某某日报全媒体记者 赵六 摄\n"
            "各位代表：\n正文第一句。\n"
            "1月20日，省长王某某代表省人民政府向大会作政府工作报告。\n"
            "图为新建的跨江大桥\n图为2030年建成的跨江大桥，全长12.5公里\n"
            "某某日报记者 钱七 摄 新华社杭州1月21日电 正文第二句。")
    assert clean_text(page) == (
        "某某省2031年政府工作报告\n1月20日，省长王某某代表省人民政府向大会作政府工作报告。\n"
        "各位代表：\n正文第一句。\n图为2030年建成的跨江大桥，全长12.5公里\n正文第二句。")


def test_a_line_saying_who_delivers_the_report_stays():
    text = "某某省2031年政府工作报告\n省长王某某作政府工作报告\n各位代表：\n正文。"
    assert clean_text(text) == text
