"""Fact extraction in reviews of a plan period: which figures are results, which totals over the plan.

Sentences written for these tests in the reports' style, not taken from the labelled set.
"""
from assistant.facts.extract import DocContext, extract_facts
from assistant.places import gazetteer_book

find_places = gazetteer_book().find_places

PROVINCE_2026 = dict(region="湖南省", year_issued=2026, year_reviewed=2025)


def rows(text, heading, plan_part="", lead=""):
    doc = DocContext(heading=heading, plan_part=plan_part, **PROVINCE_2026)
    return [(f.figure, f.indicator, f.measure, f.status, f.period)
            for f in extract_facts(text, doc, find_places, lead=lead)]


def test_a_paragraph_reviewing_a_finished_plan_under_a_planning_heading_states_results():
    heading = "二、关于《湖南省国民经济和社会发展第十五个五年规划纲要（草案）》的说明"
    got = rows("“十四五”时期，全省发展极不平凡。这五年，高新技术企业从8600家增加到1.6万家。"
               "粮食产量稳定在600亿斤以上。\n“十五五”时期，常住人口城镇化率达到68%。", heading)
    assert got[0][3:] == ("actual", "2020") and got[1][3:] == ("actual", "2025"), "a span's ends are levels reached"
    assert got[2][3] == "actual", "a level in the look back is no target"
    assert got[3][3:] == ("target", "十五五"), "the next plan's paragraph still sets targets"


def test_in_a_plan_review_things_counted_as_acted_on_are_totals_and_stocks_are_levels():
    heading = "一、“十四五”时期和2025年工作回顾 > 社会事业全面进步"
    got = rows("翻新改造3100多所乡村小学校舍，46万困难群众稳定脱离低保边缘，全省三级医院达到192家，"
               "县级医院均实现88个县全覆盖。", heading, plan_part="十四五")
    assert got[0][3:] == ("cumulative", "十四五")
    assert got[1][1:] == ("困难群众稳定脱离低保边缘", "count", "cumulative", "十四五"), "the counted noun follows"
    assert got[2][1:] == ("三级医院", "count", "actual", "2025"), "a stock named before its figure is a level"
    assert got[3][1].startswith("县") and got[3][2:] == ("count", "actual", "2025"), "a reach is a level too"
    in_the_year = rows("46万困难群众稳定脱离低保边缘。", "一、2025年工作回顾 > 社会事业全面进步")
    assert in_the_year[0][3:] == ("actual", "2025"), "a year's review states the year's figures"


def test_a_verb_phrase_after_a_counted_noun_says_which_are_counted():
    heading = "一、2025年工作回顾 > 金融服务实体经济"
    got = rows("9家企业通过境外上市融资，213家企业发行各类债券880只，5项成果入选全国典型案例名单。", heading)
    assert [g[1] for g in got if g[0] != "880只"] == ["通过境外上市融资企业", "发行债券企业", "入选全国典型案例成果"]
    assert all(g[3:] == ("actual", "2025") for g in got)


def test_adverbs_and_lists_around_the_verb_after_a_counted_noun():
    heading = "一、2025年工作回顾 > 文化事业繁荣发展"
    got = rows("12个县首次全部获评全国文化先进县，7项经验纳入国家改革案例清单，6件法规提请审议通过。", heading)
    assert [g[1] for g in got] == ["获评全国文化先进县", "纳入国家改革案例经验", "法规提请审议"]


def test_in_a_plan_review_the_items_of_a_list_share_the_verb_of_the_first():
    heading = "一、“十四五”时期和2025年工作回顾 > 生态环境持续改善"
    got = rows("新增省级森林城市8个、湿地公园21个，筹集保障性租赁住房12.4万套，绿色工厂总数230家。", heading,
               plan_part="十四五")
    assert [g[3:] for g in got] == [("cumulative", "十四五")] * 3 + [("actual", "2025")]


NATION_2013 = dict(region="全国", year_issued=2013, year_reviewed=2012)


def test_a_figure_the_report_dates_to_its_own_year_is_planned():
    def status(text, heading):
        return [(f.figure, f.status, f.period) for f in extract_facts(text, DocContext(heading=heading, **NATION_2013))]
    heading = "五、对今年政府工作的建议 > 完善社会保障制度"
    assert status("今年城乡居民基础养老金最低标准再提高8%。", heading) == [("8%", "target", "2013")]
    assert status("今年以来，城乡居民基础养老金最低标准提高8%。", heading)[0][1] == "actual", "months so far"
    assert status("2012年，城乡居民基础养老金最低标准提高8%。", heading)[0][1:] == ("actual", "2012")
    assert status("当年新增城镇就业1266万人。", "一、过去五年工作回顾")[0][1] == "actual", "当年 is the year reviewed"


def test_the_sections_after_a_reports_review_are_its_plans():
    from assistant.facts.table import after_review

    report = ("一、2014年工作回顾\n过去一年，城镇新增就业1322万人。\n二、2015年工作总体部署\n今年主要预期目标是：…\n"
              "四、推进结构优化\n增加公共产品有效投资\n铁路投资要保持在8000亿元以上。")
    at = report.find("铁路")
    assert after_review(report, ["四、推进结构优化", "增加公共产品有效投资"], at)
    assert not after_review(report, ["一、2014年工作回顾"], report.find("过去一年"))
    article = "一、跨境电商产业取得显著进展\n交易额增长20%。\n二、保税进口业务表现突出\n完成8000万单。"
    assert not after_review(article, ["二、保税进口业务表现突出"], article.find("完成")), "no review opens it"

    doc = DocContext(region="全国", year_issued=2015, year_reviewed=2014, heading="四、推进结构优化", ahead=True)
    got = [(f.figure, f.status, f.period) for f in extract_facts(
        "铁路投资要保持在8000亿元以上，新投产里程8000公里以上。国家已设立400亿元创业投资引导基金。"
        "去年农村危房改造266万户，今年增加100万户。", doc, find_places)]
    assert got[:2] == [("8000亿元", "target", "2015"), ("8000公里", "target", "2015")]
    assert got[2] == ("400亿元", "actual", "2014"), "what is there already (已设立) is achieved"
    assert got[3] == ("266万户", "actual", "2014"), "a year before the issue year looks back"
    assert got[4][1:] == ("target", "2015")


def test_the_country_named_in_a_provinces_report_is_a_scope_not_the_place():
    got = [(f.figure, f.place) for f in extract_facts(
        "第四次全国文物普查新发现文物8600余处，新增全国重点实验室6家。",
        DocContext(heading="一、2025年工作回顾", **PROVINCE_2026), find_places)]
    assert got == [("8600余处", "湖南省"), ("6家", "湖南省")]
    national = DocContext(region="全国", year_issued=2013, year_reviewed=2012, heading="一、过去五年工作回顾")
    assert extract_facts("全国粮食产量达到58957万吨。", national, find_places)[0].place == "全国"


def test_a_bare_verb_before_a_count_takes_the_noun_after_it():
    heading = "三、2026年重点工作 > 保障和改善民生"
    got = rows("新创建12个国家临床重点专科，扎实办好15项重点民生实事，新培育6个左右现代物流集聚区。", heading)
    assert [g[1] for g in got] == ["国家临床重点专科", "重点民生实事", "现代物流集聚区"]
    assert all(g[3:] == ("target", "2026") for g in got)


def test_a_multiple_grown_over_a_plan_is_a_total_over_it_and_a_level_is_the_end_years():
    heading = "一、“十四五”时期和2025年工作回顾 > 基础设施建设实现新跃升"
    got = rows("5G基站增长3.8倍，算力规模达到18EFLOPS，骨干龙头企业超900家。", heading, plan_part="十四五")
    assert got[0][2:] == ("multiple", "cumulative", "十四五")
    assert got[-1][3:] == ("actual", "2025")


def test_what_a_count_is_of_when_its_clause_names_something_else():
    heading = "一、2025年工作回顾 > 产业体系建设步伐加快"
    got = rows("出台科技金融、人才引进等方面26项支持政策，龙泉青瓷、东阳木雕、嵊州竹编3个传统工艺入选国家名录，"
               "12所高校18个学科入选一流学科建设名单。", heading)
    assert [g[1] for g in got] == ["支持政策", "入选国家名录传统工艺", "高校", "入选一流学科建设学科"]


def test_an_aside_in_brackets_before_a_bare_verb_is_skipped_and_a_named_average_is_a_level():
    heading = "一、2025年工作回顾 > 开放水平提升"
    got = rows("中欧班列（长安号）开行4100列、增长9%，设区城市PM2.5年平均浓度降至29微克/立方米。", heading)
    assert got[0][1:] == ("中欧班列开行", "count", "actual", "2025")
    assert got[2][1:] == ("设区城市PM2.5年平均浓度", "amount", "actual", "2025")
    kept = rows("每千人口执业（助理）医师数3.6人。", heading)
    assert kept[0][1] == "每千人口执业（助理）医师数", "a bracket inside a name stays"


def test_items_of_a_list_keep_their_own_noun():
    got = rows("接待游客人数、旅游总收入分别增长6.1%、8.3%，职工医保共济金额45.2亿元。", "一、2025年工作回顾")
    assert [(g[1], g[3]) for g in got] == [("接待游客人数", "actual"), ("旅游总收入", "actual"),
                                           ("职工医保共济金额", "actual")]


def test_thresholds_that_name_a_class_are_no_figures_and_a_share_names_what_follows_it():
    heading = "一、2025年工作回顾 > 乡村振兴扎实推进"
    got = rows("在年交付量1万套以上的42个城市中位列第3，地区生产总值五年跨过2个万亿级台阶，"
               "集体经济收入超过10万元的村占比达到60%。", heading)
    assert [g[0] for g in got] == ["60%"], "the 42 cities are the group a rank is among, no figure either"
    share = rows("88%的乡镇卫生院建成标准化发热诊室，推动70%以上的县级医院达到三级水平。", heading)
    assert [(g[1], g[2]) for g in share] == [("乡镇卫生院建成标准化发热诊室", "share"), ("县级医院达到三级水平", "share")]
    assert rows("实现了6.5%的增长。", heading) == [], "a rate's own noun (的增长) names nothing measured"


def test_a_verb_acting_on_counted_things_is_no_change_and_a_target_met_is_no_target():
    heading = "一、2025年工作回顾 > 城市品质提升"
    got = rows("规范提升9个夜市街区，6条市控河流断面水质均达到省定目标要求，新农合已扩大到全省92%的县。", heading)
    assert [g[2:] for g in got] == [("count", "actual", "2025"), ("count", "actual", "2025"), ("share", "actual", "2025")]


def test_bases_durations_and_adverbs_are_no_part_of_an_indicator():
    heading = "一、“十四五”时期和2025年工作回顾 > 经济实力显著增强"
    got = rows("地区生产总值连续迈上3个万亿元台阶、达6.1万亿元、年均增长5.2%，粮食总产量连续6年稳定在600亿斤以上，"
               "交通事故起数、死亡人数比2020年分别下降31.2%、27.5%，出口占比首次超过40%。", heading, plan_part="十四五")
    assert [(g[0], g[1]) for g in got] == [
        ("6.1万亿元", "地区生产总值"), ("5.2%", "地区生产总值"), ("600亿斤", "粮食总产量"),
        ("31.2%", "交通事故起数"), ("27.5%", "死亡人数"), ("40%", "出口占比")]
    assert got[1][3:] == ("average", "十四五") and got[3][3:] == ("cumulative", "十四五")


def test_a_review_saying_its_targets_were_met_lists_results_not_targets():
    doc = DocContext(region="全国", year_issued=2014, year_reviewed=2013, heading="一、2013年工作回顾")
    text = ("过去一年，我们圆满实现全年经济社会发展主要预期目标，主要目标任务顺利完成。"
            "全国新注册企业增长27.6%，民间投资比重上升到63%。")
    got = [(f.figure, f.status, f.period) for f in extract_facts(text, doc, find_places)]
    assert got == [("27.6%", "actual", "2013"), ("63%", "actual", "2013")]
    plan = DocContext(region="全国", year_issued=2014, year_reviewed=2013, heading="二、2014年工作总体部署")
    listed = extract_facts("今年经济社会发展的主要预期目标是：国内生产总值增长7.5%左右；城镇新增就业1000万人以上。", plan)
    assert [f.status for f in listed] == ["target", "target"]


def test_a_paragraph_opening_the_years_part_is_that_years_and_the_years_ahead_are_planned():
    heading = "一、“十四五”时期经济社会发展回顾"
    got = rows("刚刚过去的2025年，全省生产总值增长5.4%，固定资产投资增长3.1%。", heading)
    assert [g[3:] for g in got] == [("actual", "2025"), ("actual", "2025")]
    ahead = rows("今后五年，单位地区生产总值能耗下降13%。", "二、“十五五”时期主要目标任务")
    assert ahead[0][3] == "target"
    run = rows("粮食连续五年增产，总产量达到620亿斤。", "一、2025年工作回顾")
    assert run[0][3:] == ("actual", "2025"), "a run of years (连续五年) is no total over them"


def test_small_words_around_figures():
    heading = "一、2025年工作回顾 > 民生福祉增进"
    got = rows("城乡居民低保月均标准分别提高到810元和690元，退休人员基本养老金总体上调2%，"
               "创建了4个国家先进制造业集群，9户企业入选工信部5G工厂名录，智能算力达5200PF。", heading)
    assert [(g[0], g[1], g[2]) for g in got] == [
        ("810元", "城市低保月均标准", "amount"), ("690元", "农村低保月均标准", "amount"),
        ("2%", "退休人员基本养老金", "growth"), ("4个", "国家先进制造业集群", "count"),
        ("9户", "入选工信部5G工厂名录企业", "count"), ("5200PF", "智能算力", "amount")]
    assert rows("开展1500吨功能糖、3万吨淀粉糖等项目前期工作。", "三、2026年重点工作") == [], "capacities name projects"


def test_when_the_start_of_a_span_was():
    def spans(text, heading, issued, reviewed):
        doc = DocContext(region="全国", year_issued=issued, year_reviewed=reviewed, heading=heading)
        return [(f.figure, f.status, f.period) for f in extract_facts(text, doc)]
    assert spans("试点城市由上年的79个增加到229个。", "一、2008年工作回顾", 2009, 2008) == [
        ("79个", "actual", "2007"), ("229个", "actual", "2008")]
    assert spans("补助标准由每人每年150元提高到240元。", "一、2011年工作回顾", 2012, 2011)[0][2] == "2010"
    assert spans("财政补助由每人每年400元提高到450元。", "三、2017年重点工作 > 保障民生", 2017, 2016) == [
        ("400元", "actual", "2016"), ("450元", "target", "2017")]


def test_examples_ranges_and_item_numbers_name_nothing():
    heading = "三、2026年重点工作 > 扩大内需"
    got = rows("推动家电、手机等以旧换新3万单、设备更新项目20个以上，国内生产总值增长5%－5.5%，三是将12项收费免征范围扩大。",
               heading)
    assert [(g[0], g[1], g[2]) for g in got] == [
        ("3万单", "以旧换新", "count"), ("20个", "设备更新项目", "count"), ("5%", "国内生产总值", "growth"),
        ("5.5%", "国内生产总值", "growth"), ("12项", "收费免征范围", "count")]
    assert rows("原油等大宗商品进口增长4.1%。", "一、2025年工作回顾")[0][1] == "大宗商品进口"
    assert rows("高等教育毛入学率达到62%。", "一、2025年工作回顾")[0][1] == "高等教育毛入学率", "高等 is no list's 等"


def test_a_plan_over_is_no_targets_period_and_a_comparisons_base_no_indicator():
    got = rows("加快建设“十四五”批复的5个大基地，确保新增新能源装机2500万千瓦。", "三、2026年重点工作")
    assert [g[3:] for g in got] == [("target", "2026"), ("target", "2026")]
    heading = "一、“十四五”时期和2025年工作回顾 > 财政实力增强"
    review = rows("地方一般公共预算收入累计超1.2万亿元、较“十三五”增长14.5%。脱贫地区农村居民人均可支配收入突破1.8万元。",
                  heading, plan_part="十四五")
    assert review[1][1] == "地方一般公共预算收入"
    assert review[2][3:] == ("actual", "2025"), "脱贫地区 names where, not a flow"
    assert rows("保费由每生每年5元提高至10元。", "三、2026年重点工作")[0][3] == "actual", "每生每年 is a rate"


def test_a_plan_section_sentence_naming_an_earlier_year_states_results():
    doc = DocContext(region="全国", year_issued=2012, year_reviewed=2011, heading="二、2012年主要任务 > 5、城镇居民医保")
    got = [(f.figure, f.indicator, f.status, f.period) for f in extract_facts(
        "2011年政府补助标准达到每人每年200元，参保人数达到2.2亿。\n城镇居民医保补助标准提高到每人每年240元。", doc)]
    assert got == [("200元", "政府补助标准", "actual", "2011"), ("2.2亿", "参保人数", "actual", "2011"),
                   ("240元", "城镇居民医保补助标准", "target", "2012")]


def test_a_tables_unit_header_is_no_aside():
    got = rows("指标2020年基数2025年目标属性一、结构优化1地区生产总值(亿元)239.5≥500预期性", "表2:主要指标")
    assert all("亿元" not in g[1] for g in got)


def test_a_plans_first_year_section_sets_the_years_targets_and_words_that_look_like_figures():
    doc = DocContext(heading="三、一鼓作气，全力推动“十五五”开好局、起好步", ahead=True, **PROVINCE_2026)
    got = [(f.status, f.period) for f in extract_facts("粮食产量510万吨以上；新增概念验证中心12家。", doc)]
    assert got == [("target", "2026"), ("target", "2026")], "a section after the review, about the plan's first year"
    assert rows("按照省委十二届九次、十次全会部署要求推进。", "二、“十五五”时期主要目标") == []
    doc = DocContext(region="全国", year_issued=2014, year_reviewed=2013, heading="一、2013年工作回顾")
    assert extract_facts("中央财政收入一度出现负增长。", doc) == []


def test_years_and_plans_that_open_a_clause_or_lie_ahead_name_no_indicator_or_period():
    plan = rows("力争到2030年全社会研发投入强度达到3.3%，“十五五”时期地区生产总值年均增长5%左右。", "二、“十五五”时期主要目标")
    assert [(g[1], g[3], g[4]) for g in plan] == [("全社会研发投入强度", "target", "2030"),
                                                  ("地区生产总值", "target", "十五五")]
    doc = DocContext(region="全国", year_issued=2017, year_reviewed=2016, heading="一、2016年工作回顾")
    got = extract_facts("部署启动面向2030年的科技创新重大项目，新设8个国家自主创新示范区。", doc)
    assert (got[0].status, got[0].period) == ("actual", "2016"), "a future year dates no achieved figure"
    five = DocContext(region="全国", year_issued=2013, year_reviewed=2012, heading="一、过去五年工作回顾")
    total = extract_facts("中央财政“三农”累计支出4.47万亿元。", five)
    assert (total[0].status, total[0].period) == ("cumulative", "2012"), "five years of no named plan: their last year"


def test_connectives_auxiliaries_and_prepositions_around_counts():
    heading = "一、2025年工作回顾 > 科技创新"
    got = rows("新建9家概念验证平台和4家孵化器，对辖区56个老旧小区进行综合整治，解决了300多万农村人口饮水问题，"
               "稻谷最低收购价提高了6%。", heading)
    assert [g[1] for g in got] == ["概念验证平台", "孵化器", "老旧小区综合整治", "解决农村人口饮水问题", "稻谷最低收购价"]


def test_a_figure_compared_with_a_plan_is_a_total_and_由_alone_looks_back_at_nothing():
    doc = DocContext(region="尉氏县", year_issued=2021, year_reviewed=2020, heading="一、2020年工作回顾和“十三五”主要成就")
    got = [(f.figure, f.status, f.period) for f in extract_facts("新建燃气管道4210公里,是“十二五”的2.6倍。", doc)]
    assert got == [("4210公里", "cumulative", "十三五"), ("2.6倍", "cumulative", "十三五")]
    plan = DocContext(region="全国", year_issued=2014, year_reviewed=2013, heading="二、2014年工作总体部署")
    debt = extract_facts("今年拟安排财政赤字12000亿元，由中央代地方发债3000亿元。", plan)
    assert [f.status for f in debt] == ["target", "target"]
    assert rows("重灾区已完成投资5200亿元。", "一、2025年工作回顾")[0][1] == "重灾区完成投资"


def test_an_item_that_is_a_measure_keeps_its_own_name():
    got = rows("今后五年，单位地区生产总值用水量、能耗、二氧化碳排放量分别下降16%、13%、17%。", "二、“十五五”时期主要目标")
    assert [g[1] for g in got] == ["单位地区生产总值用水量", "能耗", "二氧化碳排放量"]


def test_auxiliaries_around_a_planned_figure():
    plan = DocContext(region="全国", year_issued=2014, year_reviewed=2013, heading="二、2014年工作总体部署")
    got = [(f.indicator, f.measure) for f in extract_facts(
        "把增长预期目标定在7.5%左右。今年广义货币M2预期增长13%左右，中央预算内投资拟增加到4576亿元。", plan)]
    assert got == [("增长预期目标", "growth"), ("广义货币M2", "growth"), ("中央预算内投资", "amount")]


def test_full_width_decimal_points_are_read():
    doc = DocContext(region="全国", year_issued=2009, year_reviewed=2008, heading="一、2008年工作回顾")
    got = [(f.figure, f.value) for f in extract_facts("参保人数总计达到１．１７亿，增长２４．８％。", doc)]
    assert got == [("１．１７亿", 1.17), ("２４．８％", 24.8)]


def test_the_unit_a_rate_is_stated_in_is_no_figure():
    doc = DocContext(region="全国", year_issued=2016, year_reviewed=2015, heading="一、2015年工作回顾")
    got = extract_facts("国内生产总值每增长1个百分点的增量，相当于5年前1.5个百分点、10年前2.5个百分点的增量，增长6.9%。", doc)
    assert [f.figure for f in got] == ["6.9%"]


def test_places_listed_as_the_things_counted_are_not_where_the_figure_is():
    heading = "一、“十四五”时期和2025年工作回顾 > 经济实力跃升"
    doc = DocContext(heading=heading, plan_part="十四五", **PROVINCE_2026)
    got = [(f.figure, f.place) for f in extract_facts(
        "新增岳阳、常德、衡阳3个过五千亿元城市，浏阳、醴陵等6个县市获批国家新型城镇化试点。", doc, find_places)]
    assert got == [("3个", "湖南省"), ("6个", "湖南省")]
