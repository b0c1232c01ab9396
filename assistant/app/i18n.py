"""The app's labels in Chinese (first) and English.

Example: with st.session_state["lang"] == "en", t("new_chat") -> "New chat";
t("docs_found", n=3) fills the {n} placeholder.
"""
from __future__ import annotations

import calendar
import re

import streamlit as st

from assistant.evaluation.scoring import HIT_KS

LANGUAGES = {"zh": "中文", "en": "English"}

LABELS: dict[str, tuple[str, str]] = {
    # navigation
    "app_title": ("地方政府报告问答", "Report assistant"),
    "page_chat": ("问答", "Chat"),
    "page_knowledge": ("知识库", "Knowledge base"),
    "page_retrieval": ("检索测试", "Retrieval testing"),
    "page_eval": ("评测", "Evaluation"),
    "page_document": ("文档", "Document"),
    "page_indicators": ("指标", "Indicators"),
    "language": ("语言 / Language", "语言 / Language"),
    # sidebar
    "settings": ("设置", "Settings"),
    "mode": ("回答方式", "Answer mode"),
    "mode_auto": ("自动（已配置LLM时用LLM）", "Auto (LLM when configured)"),
    "mode_llm": ("LLM", "LLM"),
    "mode_extractive": ("抽取式（离线）", "Extractive (offline)"),
    "endpoint": ("LLM 接口地址", "LLM endpoint (base URL)"),
    "model": ("模型名称", "Model name"),
    "api_key": ("API 密钥", "API key"),
    "key_from_env": ("环境中已设置密钥（不显示）；留空即使用它。", "A key is set in the environment (not shown); leave empty to use it."),
    "key_session": ("仅在本次会话中使用，不会显示或记录。", "Used for this session only; never shown or logged."),
    "k": ("引用段落数 k", "Passages k"),
    "filters": ("筛选", "Filters"),
    "f_places": ("地区", "Places"),
    "f_all": ("全部", "All"),
    "f_years": ("年份", "Years"),
    "f_docs": ("文档", "Documents"),
    "no_match": ("没有文档同时符合所选筛选条件。", "No document matches all the chosen filters."),
    "filters_on": ("已筛选：{n} 个文档", "Filtered to {n} document(s)"),
    # seeding
    "seeding": ("首次运行：正在从内置报告建立索引（数秒）…", "First run: building the index from the bundled reports (a few seconds)…"),
    # chat
    "chat_intro": ("就地方政府工作报告和规划提问，每句回答都附有可打开的引用。",
                   "Ask about the local-government reports and plans; every sentence of an answer cites a passage you can open."),
    "ask_placeholder": ("输入问题，例如：漯河市2020年新增了多少家国家级高新技术企业？",
                        "Ask, e.g. How many national high-tech enterprises did Luohe add in 2020?"),
    "try": ("试试这些问题：", "Try these:"),
    "new_chat": ("新对话", "New chat"),
    "thinking": ("正在检索和回答…", "Retrieving and answering…"),
    "unverified": ("以下数字未能在所引段落中核实：{figures}", "These figures could not be verified in the cited passages: {figures}"),
    "unverified_mark": ("未核实", "unverified"),
    "planted": ("未核实：段落[{n}]（{source}）含有一条指令而非事实，本回答复述了它：{quote}",
                "Not verified: passage [{n}] ({source}) holds an instruction, not a fact, and this answer repeats it: {quote}"),
    "planted_self": ("未核实：本回答本身是一条指令（要求点击链接、回复或忽略规则），不是文件中的事实：{quote}",
                     "Not verified: this answer is itself an instruction (to follow a link, reply or ignore rules), "
                     "not a fact of the documents: {quote}"),
    "refused": ("文件中没有找到答案。以下是最接近的段落：", "The documents do not say. The nearest passages:"),
    "no_passages": ("没有检索到段落。", "No passage was retrieved."),
    "understood": ("按上下文理解为：{q}", "Read with the conversation as: {q}"),
    "copy": ("复制答案", "Copy the answer"),
    "sources": ("来源", "Sources"),
    "open_document": ("打开全文（定位到此处）", "Open the whole document here"),
    "page": ("第{n}页", "p. {n}"),
    "answer_meta": ("{mode} · {ms:.0f} 毫秒", "{mode} · {ms:.0f} ms"),
    "error": ("出错了：{e}", "Error: {e}"),
    # document view
    "doc_missing": ("找不到这个文档（可能已被删除）。", "No such document (it may have been removed)."),
    "pick_doc": ("从知识库或引用中打开一个文档。", "Open a document from the knowledge base or a citation."),
    "back_chat": ("← 返回问答", "← Back to chat"),
    "before": ("前文（{n} 段）", "Earlier text ({n} chunks)"),
    "cited_here": ("引用处", "Cited passage"),
    "doc_meta": ("{region} · {kind} · 发布 {issued} · 回顾 {reviewed} · {chunks} 段 · {source}",
                 "{region} · {kind} · issued {issued} · reviews {reviewed} · {chunks} chunks · {source}"),
    # knowledge base
    "upload": ("上传文件（txt、md、html、pdf、docx；每个不超过 {mb:g} MB）",
               "Upload files (txt, md, html, pdf, docx; at most {mb:g} MB each)"),
    "ingest": ("导入", "Ingest"),
    "ingesting": ("正在导入…", "Ingesting…"),
    "too_big": ("{name}：文件过大（{size:.1f} MB，上限 {mb:g} MB）", "{name}: too large ({size:.1f} MB, limit {mb:g} MB)"),
    "bad_type": ("{name}：不支持的文件类型（支持 txt、md、html、pdf、docx）", "{name}: unsupported file type (txt, md, html, pdf, docx)"),
    "ingest_done": ("导入完成：新增 {added}，替换 {replaced}，未变 {skipped}，失败 {failed}（{chunks} 段）",
                    "Ingested: {added} added, {replaced} replaced, {skipped} unchanged, {failed} failed ({chunks} chunks)"),
    "doc_list": ("文档（{n}）", "Documents ({n})"),
    "choose_doc": ("查看文档", "Look at a document"),
    "chunks_of": ("分段", "Chunks"),
    "open_full": ("打开全文", "Open the whole document"),
    "confirm_delete": ("确认删除此文档", "Yes, delete this document"),
    "delete": ("删除", "Delete"),
    "deleted": ("已删除 {n} 个文档。", "Removed {n} document(s)."),
    "rebuild_head": ("重建索引", "Rebuild the index"),
    "rebuild_help": ("清空索引并重新导入其中的所有文件（如更换了嵌入模型后）。",
                     "Drop the index and ingest its files again (e.g. after changing the embedding model)."),
    "confirm_rebuild": ("确认重建", "Yes, rebuild"),
    "rebuild": ("重建", "Rebuild"),
    "rebuilt": ("已重建：{summary}", "Rebuilt: {summary}"),
    # retrieval testing
    "rt_intro": ("输入问题，查看排序后的段落及其稠密、词法和融合得分，以及识别出的地区和年份。",
                 "A question in, the ranked chunks out, with dense, lexical and fused scores and the detected places and years."),
    "question": ("问题", "Question"),
    "search": ("检索", "Search"),
    "detected": ("识别：地区 {places} · 年份 {years} · 规划期 {periods} · 对比 {comparison} · 地区过滤 {region}",
                 "Detected: places {places} · years {years} · periods {periods} · comparison {comparison} · region filter {region}"),
    "sidebar_filters": ("侧栏筛选：{f}", "Sidebar filters: {f}"),
    "none": ("无", "none"),
    "yes": ("是", "yes"),
    "no": ("否", "no"),
    # evaluation
    "ev_run": ("运行评测", "Run a question set"),
    "ev_open": ("打开已有运行", "Open an earlier run"),
    "ev_sets": ("题集", "Question sets"),
    "ev_choose": ("选择题集", "Choose question sets"),
    "ev_run_meta": ("回答方式 {mode} · k {k}", "mode {mode} · k {k}"),
    "ev_upload": ("或上传一个题集（JSON Lines）", "Or upload a question set (JSON Lines)"),
    "ev_start": ("开始评测", "Run"),
    "ev_running": ("正在评测 {n} 个问题…", "Running {n} questions…"),
    "ev_none": ("请选择或上传一个题集。", "Choose or upload a question set."),
    "ev_no_runs": ("还没有评测运行。", "No runs yet."),
    "ev_pick": ("运行", "Run"),
    "ev_metrics": ("指标", "Metrics"),
    "ev_by_kind": ("按题型", "By kind"),
    "ev_charts": ("图表", "Charts"),
    "ev_failures": ("失败的问题（{n}）", "Failures ({n})"),
    "ev_no_failures": ("没有失败的问题。", "No failures."),
    "ev_expected": ("期望事实", "Expected facts"),
    "ev_answer": ("回答", "Answer"),
    "ev_evidence": ("检索到的证据", "Retrieved evidence"),
    "ev_where": ("运行目录：{path}", "Run folder: {path}"),
    # indicators
    "fx_intro": ("输入一个指标，查看各报告历年给出的数字：表格、折线图，每个数字附有出处。",
                 "Name an indicator to see every figure the reports give for it, year by year: "
                 "a table, a line chart and the sentence each figure comes from."),
    "fx_indicator": ("指标", "Indicator"),
    "fx_placeholder": ("例如：民生支出", "e.g. 民生支出 (livelihood spending)"),
    "fx_examples": ("示例：", "Examples:"),
    "fx_places": ("地区", "Places"),
    "fx_from": ("起始年份", "From year"),
    "fx_to": ("截止年份", "To year"),
    "fx_status": ("口径", "Status"),
    "fx_measure": ("度量", "Measure"),
    "fx_any": ("不限", "Any"),
    "fx_count": ("共 {n} 个数字，来自 {docs} 个文档。", "{n} figure(s) from {docs} document(s)."),
    "fx_chart": ("历年走势", "Across the years"),
    "fx_no_years": ("这些数字没有落在具体年份上（如规划期或季度），不绘制折线图。",
                    "None of these figures is for a plain year (they are for plan periods or parts of a year): no chart."),
    "fx_citations": ("出处", "Where each figure is written"),
    "fx_empty": ("报告中没有给出“{indicator}”的数字{where}。可换个说法（如“生产总值”“GDP”）或放宽地区、年份、口径筛选。",
                 "The reports give no figure for “{indicator}”{where}. Try another wording "
                 "(e.g. 生产总值, GDP) or widen the place, year and status filters."),
    "fx_empty_where": ("（{places}）", " ({places})"),
    "fx_year_axis": ("年份", "Year"),
    "fx_value_axis": ("数值", "Value"),
    "fx_series": ("系列", "Series"),
    "fx_bad_years": ("起始年份晚于截止年份，已对调。", "The first year was after the last one: they were swapped."),
}

# Table columns (st.dataframe headers): the key each row dict uses -> its label.
COLUMNS: dict[str, tuple[str, str]] = {
    "title": ("标题", "Title"), "region": ("地区", "Place"), "kind": ("类型", "Kind"),
    "issued": ("发布年份", "Issued"), "reviews": ("回顾年份", "Reviews"), "period": ("规划期", "Period"),
    "chunks": ("段数", "Chunks"), "source": ("文件", "File"), "doc_id": ("文档编号", "Doc id"),
    "chunk_id": ("段编号", "Chunk id"), "heading": ("小标题", "Heading"), "page": ("页码", "Page"),
    "chars": ("字数", "Characters"), "text": ("内容", "Text"), "rank": ("排名", "Rank"),
    "fused": ("融合得分", "Fused"), "dense": ("稠密得分", "Dense"), "lexical": ("词法得分", "Lexical"),
    "reasons": ("加权原因", "Reasons"), "metric": ("指标", "Metric"), "value": ("数值", "Value"),
    # the indicators page's series table
    "ref": ("引用", "Ref."), "place": ("地区", "Place"), "year": ("时期", "Period"), "measure": ("度量", "Measure"),
    "status": ("口径", "Status"), "document": ("文档", "Document"), "indicator": ("指标原文", "As worded"),
    # evaluation metrics (evaluation/report.py OVERALL_KEYS, GROUP_KEYS), as rows and as columns
    "n": ("题数", "questions"), "n_answerable": ("可回答题数", "answerable"), "n_unanswerable": ("不可回答题数", "unanswerable"),
    "errors": ("出错", "errors"), "missing": ("缺答", "missing"), "too_long": ("过长", "too long"),
    "overall_accuracy": ("总体准确率", "overall accuracy"), "answer_accuracy": ("答案准确率", "answer accuracy"),
    "refusal_accuracy": ("拒答准确率", "refusal accuracy"), "false_refusal_rate": ("误拒率", "false refusal rate"),
    "citation_supported": ("引用支持率", "citations supported"), "mrr": ("平均倒数排名", "MRR"),
    "unverified_share": ("未核实比例", "unverified share"), "latency_p50_ms": ("延迟中位数（毫秒）", "latency p50 (ms)"),
    "latency_p95_ms": ("延迟 95 分位（毫秒）", "latency p95 (ms)"),
    **{f"hit@{k}": (f"前 {k} 命中率", f"hit@{k}") for k in HIT_KS},
}


def table(rows: list[dict]) -> list[dict]:
    """Rows for st.dataframe in the chosen language: headers translated, empty cells blank (never "None").

    A column with an empty cell is shown as text, so numbers and blanks can sit in one column.
    Example (Chinese): table([{"issued": 2021, "reviews": None}]) -> [{"发布年份": "2021", "回顾年份": ""}]
    """
    empty = {key for row in rows for key, value in row.items() if value is None}

    def cell(key, value):
        return ("" if value is None else str(value)) if key in empty else value
    return [{column(key): cell(key, value) for key, value in row.items()} for row in rows]


def column(key: str) -> str:
    zh, en = COLUMNS.get(key, (key, key))
    return en if lang() == "en" else zh


ANSWERERS = {"llm": ("LLM", "LLM"), "extractive": ("抽取式", "extractive"),
             "extractive (fallback)": ("抽取式（LLM 不可用）", "extractive (LLM unavailable)")}


def answerer_label(mode: str) -> str:
    """Which answerer gave an answer, in the chosen language. Example: answerer_label("extractive") -> "抽取式"."""
    zh, en = ANSWERERS.get(mode, (mode, mode))
    return en if lang() == "en" else zh


def yes_no(value) -> str:
    return t("yes") if value else t("no")


KINDS = {"government_work_report": ("政府工作报告", "government work report"),
         "five_year_plan": ("五年规划", "five-year plan"), "news": ("新闻", "news"), "other": ("其他", "other")}


def kind_label(kind: str) -> str:
    """Example: kind_label("five_year_plan") -> "五年规划" (Chinese labels)."""
    zh, en = KINDS.get(kind, (kind, kind))
    return en if lang() == "en" else zh


STATUSES = {"actual": ("实际", "actual"), "target": ("目标", "target"), "cumulative": ("累计", "cumulative"),
            "average": ("年均", "average annual")}
MEASURES = {"amount": ("总量", "amount"), "growth": ("增速", "growth rate"), "share": ("占比", "share"),
            "change": ("变动", "change"), "count": ("数量", "count"), "multiple": ("倍数", "multiple")}


def status_label(status: str) -> str:
    """Example: status_label("actual") -> "实际" (Chinese labels)."""
    zh, en = STATUSES.get(status, (status, status))
    return en if lang() == "en" else zh


def measure_label(measure: str) -> str:
    """Example: measure_label("growth") -> "增速" (Chinese labels)."""
    zh, en = MEASURES.get(measure, (measure, measure))
    return en if lang() == "en" else zh


# A fact's period beyond the year (facts/extract.py): 2021H1, 2021Q1-3, 2021Q2, 2021M1-5.
PERIOD_PARTS = {"H1": ("上半年", "H1"), "H2": ("下半年", "H2"), "Q1-3": ("前三季度", "Q1–Q3"),
                "Q1": ("第一季度", "Q1"), "Q2": ("第二季度", "Q2"), "Q3": ("第三季度", "Q3"), "Q4": ("第四季度", "Q4")}


def period_label(period: str) -> str:
    """A fact's period in the chosen language; plan periods (十四五) stay as written.

    Example (Chinese): period_label("2021H1") -> "2021年上半年"; period_label("2021M1-5") -> "2021年1—5月";
    period_label("2020") -> "2020年"; (English) period_label("2021Q1-3") -> "2021 Q1–Q3", "2021M1-5" -> "2021 Jan–May".
    """
    found = re.fullmatch(r"((?:19|20)\d\d)(.*)", period or "")
    if not found:
        return period or ""
    year, part = found.groups()
    english = lang() == "en"
    if not part:
        return year if english else f"{year}年"
    months = re.fullmatch(r"M1-(\d+)", part)
    if months:
        return f"{year} Jan–{calendar.month_abbr[int(months.group(1))]}" if english else f"{year}年1—{months.group(1)}月"
    zh, en = PERIOD_PARTS.get(part, (part, part))
    return f"{year} {en}" if english else f"{year}年{zh}"


def lang() -> str:
    return st.session_state.get("lang", "zh")


def t(key: str, **values) -> str:
    zh, en = LABELS[key]
    text = en if lang() == "en" else zh
    return text.format(**values) if values else text
