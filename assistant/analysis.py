"""Question analysis: the places, years and periods a question names, and what it asks for.

Example: analyse("2020年和2023年漯河市新增高新技术企业各多少家？") ->
  Analysis(places=["漯河市"], years=[2020, 2023], comparison=True, wants="number", language="zh")
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from assistant import places

PERIODS = {"十二五": (2011, 2015), "十三五": (2016, 2020), "十四五": (2021, 2025), "十五五": (2026, 2030)}
ENGLISH_PERIODS = {"12th five-year": "十二五", "13th five-year": "十三五", "14th five-year": "十四五", "15th five-year": "十五五"}

# A small bilingual glossary: English questions reach Chinese text through BM25 too.
GLOSSARY = {
    "gdp": "生产总值 GDP", "gross domestic product": "生产总值", "gross regional product": "地区生产总值",
    "foreign investment": "利用外资 利用境外资金", "foreign capital": "利用外资 利用境外资金",
    "fdi": "实际利用外资 利用境外资金",  # the reports name this indicator both ways
    "r&d intensity": "研发投入强度", "r&d": "研发", "research and development": "研发",
    "fixed-asset investment": "固定资产投资", "fixed asset investment": "固定资产投资",
    "fixed-asset": "固定资产投资", "retail sales": "社会消费品零售总额", "consumer goods": "社会消费品零售总额",
    "general public budget revenue": "一般公共预算收入", "public budget revenue": "一般公共预算收入",
    "budget revenue": "一般公共预算收入", "fiscal revenue": "财政收入", "tax revenue": "税收",
    "industrial added value": "工业增加值", "value added": "增加值", "added value": "增加值",
    "above designated size": "规模以上", "above-scale": "规模以上", "industrial": "工业",
    "high-tech enterprises": "高新技术企业", "high-tech enterprise": "高新技术企业", "high-tech": "高新技术",
    "disposable income": "人均可支配收入", "per capita": "人均", "urban": "城镇", "rural": "农村",
    "employment": "就业", "jobs": "新增就业", "new jobs": "城镇新增就业", "unemployment": "失业率",
    "exports": "出口", "export": "出口", "imports and exports": "进出口", "foreign trade": "外贸 进出口",
    "investment": "投资", "projects": "项目", "project": "项目", "growth": "增长", "grew": "增长",
    "increase": "增长", "target": "目标", "goal": "目标", "planned": "计划 规划", "plan": "规划",
    "five-year plan": "五年规划 规划纲要 规划", "government work report": "政府工作报告", "work report": "政府工作报告",
    "enterprises": "企业", "companies": "企业", "company": "企业", "firms": "企业", "listed": "上市",
    "cross-border e-commerce": "跨境电商", "e-commerce": "电商", "airport": "航空港", "logistics": "物流",
    "food": "食品", "food industry": "食品产业", "laboratory": "实验室", "lab": "实验室",
    "agriculture": "农业", "farmland": "农田", "high-standard farmland": "高标准农田", "grain": "粮食", "meat": "肉类", "vegetables": "蔬菜", "hogs": "生猪", "pigs": "生猪", "milk": "奶",
    "state-owned": "国有企业", "soe": "国有企业", "restructuring": "重组整合", "smart manufacturing": "智能制造",
    "intelligent manufacturing": "智能制造", "industry-education": "产教融合", "vocational": "职业教育",
    "innovation": "创新", "technology": "科技", "science and technology": "科技", "patents": "专利",
    "trademarks": "商标", "poverty": "脱贫 贫困", "housing": "住房 棚户区", "shantytown": "棚户区",
    "pollution": "污染", "air quality": "空气质量", "pm2.5": "PM2.5", "forest": "森林", "green": "绿色",
    "carbon": "碳", "energy": "能源", "charging": "充电桩", "new energy vehicle": "新能源汽车",
    "population": "人口", "urbanization": "城镇化率", "tourism": "旅游", "tourists": "游客", "culture": "文化",
    "education": "教育", "schools": "学校", "hospital": "医院", "health": "卫生 健康", "medical": "医疗",
    "pension": "养老", "elderly": "养老", "roads": "道路 公路", "highway": "高速", "railway": "铁路",
    "water": "水", "sewage": "污水", "park": "园区", "industrial park": "产业园", "zone": "开发区",
    "development zone": "经济技术开发区 经开区", "county": "县", "district": "区", "city": "市",
    "province": "省", "targets": "目标", "area": "面积", "square kilometers": "平方公里", "km": "公里",
    "national-level": "国家级", "national level": "国家级", "national": "国家级", "provincial": "省级",
    "new": "新增", "newly": "新增", "added": "新增", "add": "新增", "gain": "新增", "built": "建成 新建",
    "kindergartens": "幼儿园", "kindergarten": "幼儿园", "skilled workers": "技能人才", "skilled talent": "技能人才",
    "vocational training": "职业技能培训", "training": "培训", "market entities": "市场主体", "market players": "市场主体",
    "operating revenue": "营业收入", "revenue": "收入 营业收入", "output value": "产值", "stake": "入股",
    "big data": "大数据", "big-data": "大数据", "platform": "平台", "cloud": "云", "weilong": "卫龙",
    "shuanghui": "双汇", "phase": "期", "construction": "建设 开工", "start": "开工", "completed": "建成 竣工",
    "tourism revenue": "旅游收入", "tourism": "旅游", "life expectancy": "人均预期寿命", "infant": "婴儿",
    "sewage treatment": "污水处理", "green space": "绿地", "urbanization rate": "城镇化率", "rate": "率",
    "loans": "贷款", "deposits": "存款", "financial": "金融", "imports": "进口", "total": "总额 总量",
    "output": "产值 产量", "industrial output": "工业增加值", "services": "服务业", "consumption": "消费",
    "households": "户", "people": "人", "poverty alleviation": "脱贫", "lifted out of poverty": "脱贫",
    "air": "空气", "good air quality days": "优良天数", "days": "天数", "pm10": "PM10",
    "enterprise": "企业", "listed companies": "上市公司", "innovation platforms": "创新平台",
    "engineering technology research centers": "工程技术研究中心", "research center": "研究中心",
    "km": "公里", "kilometers": "公里", "billion": "亿", "million": "万", "ten thousand": "万",
    "billion yuan": "亿元", "yuan": "元", "percent": "%", "percentage points": "个百分点", "how many": "多少",
}

NUMBER_WORDS = re.compile(r"多少|(?<![哪第])几[个家项所座条次]?|多大|多高|多快|增速|增长率|比重|占比|how (?:much|many)|\btotal\b|\baverage\b|\brevenue\b|\bamount\b|what (?:was|is|were) the (?:rate|share|amount|number|total|value)|growth|percentage|rate", re.I)
DATE_WORDS = re.compile(r"何时|什么时候|哪一?年|哪个月|哪天|日期|when|what year|which year|what date", re.I)
NAME_WORDS = re.compile(r"哪些|哪个|哪家|哪几|什么|谁|名称|叫|which|what|who|name", re.I)
COMPARE_WORDS = re.compile(r"和|与|及|对比|比较|相比|分别|各|哪个更|谁更|compare|compared|versus|\bvs\.?\b|\band\b|both|respectively|differ", re.I)


@dataclass
class Analysis:
    question: str
    places: list[str] = field(default_factory=list)
    years: list[int] = field(default_factory=list)
    periods: list[str] = field(default_factory=list)  # 十三五 …
    comparison: bool = False
    wants: str = "text"  # number | date | name | text
    language: str = "zh"
    expansion: str = ""  # Chinese words from the glossary, for BM25
    unit: str = ""  # the measure the question names: 多少张 -> 张, 多少亿元 -> 元
    amount: bool = False  # asks for a quantity, not a rate: a bare percentage does not answer it

    def explain(self) -> dict:
        return {"places": self.places, "years": self.years, "periods": self.periods,
                "comparison": self.comparison, "wants": self.wants, "unit": self.unit, "amount": self.amount,
                "language": self.language, "expansion": self.expansion}


def detect_language(text: str) -> str:
    han = len(re.findall(r"[\u4e00-\u9fff]", text))
    latin = len(re.findall(r"[A-Za-z]", text))
    return "zh" if han >= max(2, latin // 4) else "en"


def detect_years(text: str) -> tuple[list[int], list[str]]:
    """Explicit years and plan periods.

    Example: detect_years("“十四五”期间和2035年远景") -> ([2035], ["十四五"])
    """
    years = [int(y) for y in re.findall(r"(?<!\d)((?:19|20)\d{2})(?!\d)", text)]
    lowered = text.lower()
    periods = [p for p in PERIODS if p in text]
    periods += [cn for en, cn in ENGLISH_PERIODS.items() if en in lowered and cn not in periods]
    return list(dict.fromkeys(years)), periods


def english_terms(text: str) -> list[tuple[str, list[str]]]:
    """The glossary terms in a question, longest first, each with its Chinese renderings (any one will do).

    Example: english_terms("Luohe's tourism revenue") -> [("tourism revenue", ["旅游收入"])]
    """
    lowered = text.lower()
    found = []
    for term in sorted(GLOSSARY, key=len, reverse=True):
        if re.search(rf"(?<![a-z]){re.escape(term)}(?![a-z])", lowered):
            found.append((term, GLOSSARY[term].split()))
            lowered = lowered.replace(term, " ")
    return found


def expand_english(text: str) -> str:
    """Chinese glossary words for the English terms in a question (longest terms first)."""
    return " ".join(" ".join(chinese) for _, chinese in english_terms(text))


RATE_WORDS = re.compile(r"增速|增长率|增幅|增长了?多少|增长几|降幅|下降了?多少|growth|grow|increase by|rise by|how fast", re.I)


UNITS = "平方公里|平方米|公里|千米|个百分点|元|张|家|个|项|所|座|条|套|亩|人|吨|台|辆|件|名|位|户|次|床|栋|架|艘"
ASKED_UNIT = re.compile(rf"(?:多少|(?<![哪第])几)\s*(?:[万亿千百]*)({UNITS})")
RATE_CUES = re.compile(r"率|比重|比例|占比|百分|%|(?<!新)增|降|提高|提升|上升|强度|幅度|倍|排名|第几|位列|percent|share|rate|ratio|growth", re.I)


def asked_unit(text: str) -> str:
    """asked_unit("郾城区2025年计划新增多少张养老床位？") -> "张"; asked_unit("GDP是多少亿元") -> "元"."""
    found = ASKED_UNIT.search(text)
    return found.group(1) if found else ""


def asks_amount(text: str, wants: str) -> bool:
    """A quantity, not a rate: "存款余额是多少？" -> True; "增速是多少？" -> False."""
    return wants == "number" and not RATE_CUES.search(text)


def what_is_wanted(text: str) -> str:
    """what_is_wanted("尉氏县2020年GDP增速是多少？") -> "rate"."""
    if RATE_WORDS.search(text):
        return "rate"
    if DATE_WORDS.search(text):
        return "date"
    if NUMBER_WORDS.search(text):
        return "number"
    if NAME_WORDS.search(text):
        return "name"
    return "text"


def analyse(question: str) -> Analysis:
    found_places = places.find_places(question)
    years, periods = detect_years(question)
    language = detect_language(question)
    sides = len(found_places) >= 2 or len(years) >= 2 or (len(periods) >= 2)
    comparison = sides and bool(COMPARE_WORDS.search(question))
    # Chinese questions use English terms too ("尉氏县2020年GDP"): expand whatever Latin words there are.
    expansion = expand_english(question) if re.search(r"[A-Za-z]{2,}", question) else ""
    return Analysis(question=question, places=found_places, years=years, periods=periods,
                    comparison=comparison, wants=(wants := what_is_wanted(question)), language=language,
                    expansion=expansion, unit=asked_unit(question), amount=asks_amount(question, wants))
