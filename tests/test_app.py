"""The Streamlit app through streamlit.testing.v1.AppTest: every page, over the seeded index.

Each test starts from cleared Streamlit caches; tests that write (upload, delete)
use a copy of the seeded index so the shared one stays as it was.
"""
from __future__ import annotations

import html
import json
import os
import re
import shutil
from urllib.parse import parse_qs

import pytest
from streamlit.testing.v1 import AppTest

from assistant.app import SCRIPT
from assistant.app.render import answer_markdown, escape_md, highlight_html, quote_spans

SEED_QUESTION = "漯河市2020年新增了多少家国家级高新技术企业？"
TIMEOUT = 180  # a cold first run loads the embedding model
UPLOAD = ("舞阳县2023年政府工作报告\n\n一、2023年工作回顾\n\n"
          "2023年，舞阳县新建乡村图书馆36座，全县粮食总产量达到58.6万吨。"
          "<script>alert('xss')</script> **不是粗体** [链接](http://example.com)\n\n"
          "二、2024年工作安排\n\n2024年计划新建乡村图书馆20座。\n")


@pytest.fixture(autouse=True)
def clean_streamlit_caches():
    import streamlit as st

    st.cache_resource.clear()
    st.cache_data.clear()
    yield
    st.cache_resource.clear()
    st.cache_data.clear()


@pytest.fixture
def app_home(seeded, seeded_home, monkeypatch):
    """The app over the shared seeded index (read-only tests)."""
    monkeypatch.setenv("ASSISTANT_HOME", str(seeded_home))
    return seeded_home


@pytest.fixture
def writable_home(seeded, seeded_home, tmp_path, monkeypatch):
    """The app over a copy of the seeded index (tests that ingest or delete)."""
    home = tmp_path / "home"
    shutil.copytree(seeded_home, home, ignore=shutil.ignore_patterns("write.lock", "write.pid", "runs", "uploads"))
    monkeypatch.setenv("ASSISTANT_HOME", str(home))
    return home


def start(page: str | None = None, **query) -> AppTest:
    at = AppTest.from_file(str(SCRIPT), default_timeout=TIMEOUT)
    at.run()
    assert not at.exception, at.exception
    if page:
        at.query_params.update(query)
        at.switch_page(page).run()
        assert not at.exception, at.exception
    return at


def shown(at: AppTest) -> str:
    """Every text-bearing element's value, main area and sidebar, one per line."""
    kinds = ("title", "header", "subheader", "markdown", "caption", "code", "html", "info", "warning", "error",
             "success", "text")
    values = [str(getattr(el, "value", "")) for kind in kinds for el in getattr(at, kind)]
    values += [el.label for el in at.expander]
    return "\n".join(values)


def plain(markdown: str) -> str:
    """Markdown shown by the app with its escapes undone: plain("broken\\.pdf") -> "broken.pdf"."""
    return re.sub(r"\\(.)", r"\1", markdown)


def ask(at: AppTest, question: str) -> AppTest:
    at.chat_input[0].set_value(question).run()
    assert not at.exception, at.exception
    return at


# -- rendering helpers: document text is never markup ---------------------------
def test_escape_md_makes_markup_literal():
    assert escape_md("<script>x</script>") == "\\<script\\>x\\<\\/script\\>"
    assert escape_md("**b** [a](u) $x$ :red[y]") == "\\*\\*b\\*\\* \\[a\\]\\(u\\) \\$x\\$ \\:red\\[y\\]"


def test_highlight_escapes_and_marks_the_quote():
    out = highlight_html("甲。<script>alert(1)</script>新增28家。乙。", "新增28家。", anchor="cite-0-1")
    assert "<script" not in out and "&lt;script&gt;" in out
    assert ">新增28家。</mark>" in out and 'id="cite-0-1"' in out
    assert quote_spans("甲。新增28家。乙。", "新增28家。") == [(2, 8)]


def test_answer_markdown_links_markers_and_flags_unverified_figures():
    md = answer_markdown("新增28家[1]，另有<b>5个</b>[2]。", {1}, ["28家"], 3)
    assert "**28家**:orange[:material/warning:][\\[1\\]](#cite-3-1)" in md
    assert "\\[2\\]" in md and "(#cite-3-2)" not in md  # no card for [2]: no link
    assert "\\<b\\>" in md


# -- chat ---------------------------------------------------------------------
def test_seed_question_answered_with_citation_then_new_chat(app_home):
    at = start()
    assert "问答" in [t.value for t in at.title]
    ask(at, SEED_QUESTION)
    text = shown(at)
    assert "28家" in text
    assert "[\\[1\\]](#cite-0-1)" in text  # the marker links to its card
    card = next(h.value for h in at.html if 'id="cite-0-1"' in h.value)
    assert "<mark" in card and "28家" in card
    assert "漯河市" in text and "2021" in text  # the card's title, place and year
    links = [p for p in at.get("page_link") if "document" in p.proto.page]
    assert links, "each citation opens its document"
    assert any("28家[1]" in c.value for c in at.code)  # the copy box holds the plain answer
    at.button(key="new_chat").click().run()
    assert not at.chat_message and "28家" not in "".join(m.value for m in at.markdown)


def test_followup_uses_the_conversation(app_home):
    at = start()
    ask(at, "漯河市2023年城镇新增就业多少人？")
    ask(at, "2024年的目标呢？")
    assert len(at.chat_message) == 4
    text = shown(at)
    assert "按上下文理解为：漯河市2024年城镇新增就业多少人？" in text
    assert "3万人以上" in text


def test_refusal_shows_nearest_passages(app_home):
    at = start()
    ask(at, "漯河市2020年的平均房价是多少？")
    text = shown(at)
    assert "最接近的段落" in text
    assert any("(1)" in m.value for m in at.markdown)


def test_document_page_opens_at_the_cited_chunk(app_home, seeded):
    hit = seeded.search(SEED_QUESTION, k=1)[0]
    at = start("views/document.py", doc=hit.chunk.doc_id, at=hit.chunk.chunk_id, q="新增国家级高新技术企业28家")
    cited = next(h.value for h in at.html if 'id="cited"' in h.value)
    assert "<mark" in cited and "新增国家级高新技术企业28家" in cited
    assert at.expander and "前文" in at.expander[0].label  # the text before is folded away
    chunks = [c.chunk_id for c in seeded.chunks_of(hit.chunk.doc_id)]
    following = seeded.chunks_of(hit.chunk.doc_id)[chunks.index(hit.chunk.chunk_id) + 1]
    # and the rest follows, the next chunk's overlap (the cited chunk's last sentence) shown once
    assert following.text[following.own_offset:][:30] in html.unescape(at.html[-1].value)


def test_english_labels(app_home):
    at = start()
    at.sidebar.radio(key="lang").set_value("en").run()
    assert [t.value for t in at.title] == ["Chat"]
    assert any(b.label == "New chat" for b in at.button)


def test_llm_mode_with_a_session_endpoint_streams_and_flags_unverified(app_home, llm_server):
    from llm_fixtures import TEST_KEY

    llm_server.enqueue("2020年漯河市新增国家级高新技术企业99家[1]。")
    at = start()
    at.sidebar.radio(key="mode").set_value("llm")
    at.sidebar.text_input(key="llm_endpoint").set_value(llm_server.base_url)
    at.sidebar.text_input(key="llm_model").set_value("test-model")
    at.sidebar.text_input(key="llm_key").set_value(TEST_KEY).run()
    ask(at, SEED_QUESTION)
    text = shown(at)
    assert "**99家**:orange[:material/warning:]" in text and "99家" in "".join(w.value for w in at.warning)
    assert llm_server.requests and llm_server.requests[-1].get("stream") is True
    assert TEST_KEY not in text and TEST_KEY not in json.dumps(at.query_params)


def test_env_key_is_used_but_never_cached_or_shown(app_home, llm_server, monkeypatch):
    from assistant.app.state import _assistant_for

    env_key = "sk-env-SECRET-0123456789"
    monkeypatch.setenv("OPENAI_API_KEY", env_key)
    monkeypatch.setenv("OPENAI_BASE_URL", llm_server.base_url)
    monkeypatch.setenv("ASSISTANT_LLM_MODEL", "test-model")
    llm_server.enqueue("2020年漯河市新增国家级高新技术企业28家[1]。")
    at = start()
    assert at.sidebar.text_input(key="llm_key").value == ""  # never filled back
    assert "环境中已设置密钥" in shown(at)
    ask(at, SEED_QUESTION)
    assert any("LLM ·" in c.value for c in at.caption)  # auto mode chose the configured LLM, and says so
    assert {k.lower(): v for k, v in llm_server.headers[-1].items()}["authorization"] == f"Bearer {env_key}"
    assert env_key not in shown(at)
    assert _assistant_for(str(app_home)).settings.openai_api_key is None  # the shared Assistant holds no key


# -- filters and retrieval testing ------------------------------------------------
def test_filters_restrict_answers_and_retrieval(app_home, seeded):
    weishi = [d["doc_id"] for d in seeded.documents() if d["region"] == "尉氏县"]
    at = start("views/retrieval.py")
    at.sidebar.multiselect(key="f_places").set_value(["尉氏县"]).run()
    at.text_input(key="rt_question").set_value("2020年GDP是多少？")
    at.button[0].click().run()  # the form's submit button
    assert not at.exception, at.exception
    rows = at.dataframe[0].value
    assert len(rows) and set(rows["段编号"].str.rsplit(":", n=1).str[0]) <= set(weishi)
    assert {"融合得分", "稠密得分", "词法得分", "加权原因"} <= set(rows.columns)
    text = shown(at)
    assert "年份 2020" in text and "已筛选" in text

    at.switch_page("views/chat.py").run()
    ask(at, SEED_QUESTION)  # a Luohe question with only Weishi allowed: nothing to cite
    text = shown(at)
    assert "已筛选" in text and "#cite-0-1" not in text and "无法回答" in text


def test_retrieval_page_shows_detected_place_and_year(app_home):
    at = start("views/retrieval.py")
    at.text_input(key="rt_question").set_value(SEED_QUESTION)
    at.button[0].click().run()
    text = shown(at)
    assert "地区 漯河市" in text and "年份 2020" in text
    assert at.dataframe[0].value["融合得分"].is_monotonic_decreasing


# -- indicators ------------------------------------------------------------------------
def chart_points(at: AppTest) -> list[dict]:
    """The points of the page's line charts, one per unit (the data Streamlit sends with each Vega-Lite spec)."""
    from streamlit import dataframe_util

    charts = at.get("vega_lite_chart")
    assert charts, "a line chart is drawn"
    return [point for chart in charts
            for point in dataframe_util.convert_arrow_bytes_to_pandas_df(chart.proto.data.data).to_dict("records")]


def test_indicator_page_shows_the_series_table_chart_and_citations(app_home, seeded):
    at = start("views/indicators.py")
    assert "指标" in [t.value for t in at.title]
    at.text_input(key="fx_indicator").set_value("民生支出")
    at.multiselect(key="fx_places").set_value(["漯河市"]).run()
    assert not at.exception, at.exception
    rows = at.dataframe[0].value
    assert {"地区", "时期", "数值", "度量", "口径", "文档"} <= set(rows.columns)
    actual = rows[rows["口径"] == "实际"]
    amounts = set(zip(actual["时期"], actual["数值"]))
    assert {("2020年", "165.2亿元"), ("2023年", "172.3亿元")} <= amounts
    assert set(rows["地区"]) == {"漯河市"}
    assert list(rows["时期"]) == sorted(rows["时期"])  # oldest first

    line = {(p["year"], p["value"]) for p in chart_points(at) if p["series"] == "漯河市 · 总量 · 实际（亿元）"}
    assert line == {(2020, 165.2), (2023, 172.3)}
    hrefs = {p["value"]: p["href"] for p in chart_points(at)}  # each point links to its document
    units = [json.loads(c.proto.spec)["encoding"]["y"]["title"] for c in at.get("vega_lite_chart")]
    assert units == ["数值（亿元）", "数值（%）", "数值（项）"]  # a chart per unit: 亿元 and % never share an axis

    card = next(h.value for h in at.html if "172.3亿元</mark>" in h.value)  # the figure marked in its sentence
    assert "财政民生支出" in card
    expected = next(r for r in seeded.facts("民生支出", place="漯河市") if r.fact.value == 172.3)
    links = [p for p in at.get("page_link") if "document" in p.proto.page]
    assert len(links) == len(rows)
    opened = [parse_qs(p.proto.query_string) for p in links]
    there = {"doc": [expected.chunk.doc_id], "at": [expected.chunk.chunk_id], "q": [expected.fact.sentence]}
    assert there in opened  # its card opens the document at the stating chunk, the sentence marked
    assert hrefs[172.3].startswith("document?") and parse_qs(hrefs[172.3].split("?", 1)[1]) == there  # its point too

    at.selectbox(key="fx_status").set_value("target").run()  # the reports set no target for it
    assert not at.dataframe and "没有给出“民生支出”的数字（漯河市）" in at.info[0].value
    at.selectbox(key="fx_status").set_value("actual")
    at.selectbox(key="fx_from").set_value(2021).run()  # from 2021 on: only the 2023 figures
    assert set(at.dataframe[0].value["时期"]) == {"2023年"}


def test_indicator_page_example_places_and_empty_result(app_home):
    at = start("views/indicators.py")
    at.button(key="fx_example_新增城镇就业").click().run()
    assert at.text_input(key="fx_indicator").value == "新增城镇就业"
    at.multiselect(key="fx_places").set_value(["漯河市", "尉氏县"]).run()
    rows = at.dataframe[0].value
    assert {"漯河市", "尉氏县"} <= set(rows["地区"]) and "3.8万人" in set(rows["数值"])
    names = {p["series"] for p in chart_points(at)}
    assert {"漯河市 · 数量 · 实际（万人）", "尉氏县 · 数量 · 实际（人）"} <= names  # a line per place and unit

    at.text_input(key="fx_indicator").set_value("平均房价").run()
    assert not at.dataframe and not at.get("vega_lite_chart")
    assert [i.value for i in at.info] == ["报告中没有给出“平均房价”的数字（漯河市、尉氏县）。"
                                          "可换个说法（如“生产总值”“GDP”）或放宽地区、年份、口径筛选。"]
    at.sidebar.radio(key="lang").set_value("en").run()
    assert at.info[0].value.startswith("The reports give no figure for “平均房价”")


# -- knowledge base ------------------------------------------------------------------
def test_upload_ingest_ask_show_as_text_then_delete(writable_home):
    at = start("views/knowledge.py")
    before = len(at.dataframe[0].value)
    at.file_uploader(key="kb_upload").set_value([("wuyang-2023.txt", UPLOAD.encode("utf-8"), "text/plain"),
                                                 ("broken.pdf", b"not a pdf at all", "application/pdf")]).run()
    at.button(key="kb_ingest").click().run()
    assert not at.exception, at.exception
    assert any("broken.pdf" in plain(e.value) for e in at.error)  # the bad file, by name, on its own
    assert any("新增 1" in s.value for s in at.success)
    docs = at.dataframe[0].value
    assert len(docs) == before + 1 and (writable_home / "uploads" / "wuyang-2023.txt").exists()
    doc_id = docs[docs["文件"] == "wuyang-2023.txt"]["文档编号"].iloc[0]

    at.switch_page("views/chat.py").run()
    ask(at, "舞阳县2023年新建了多少座乡村图书馆？")
    assert "36座" in shown(at)

    at.query_params.update(doc=doc_id)
    at.switch_page("views/document.py").run()
    page = "\n".join(h.value for h in at.html)
    assert "&lt;script&gt;alert(&#x27;xss&#x27;)&lt;/script&gt;" in page and "<script" not in page
    assert "[链接](http://example.com)" in page and "<a " not in page  # Markdown in a document stays literal

    at.switch_page("views/knowledge.py").run()
    at.selectbox(key="kb_doc").set_value(doc_id).run()
    at.checkbox(key=f"kb_confirm_{doc_id}").check().run()
    at.button(key="kb_delete").click().run()
    assert not at.exception, at.exception
    assert any("已删除 1" in s.value for s in at.success)
    assert len(at.dataframe[0].value) == before
    assert not (writable_home / "uploads" / "wuyang-2023.txt").exists()


def test_oversized_upload_refused_with_its_name(writable_home, monkeypatch):
    monkeypatch.setenv("ASSISTANT_MAX_FILE_MB", "0.001")
    at = start("views/knowledge.py")
    at.file_uploader(key="kb_upload").set_value(("big.txt", "漯河".encode() * 2000, "text/plain")).run()
    at.button(key="kb_ingest").click().run()
    assert any("big.txt" in plain(e.value) and "MB" in e.value for e in at.error)


# -- evaluation ------------------------------------------------------------------------
def test_eval_run_shown_with_metrics_charts_and_failures(writable_home):
    questions = [
        {"id": "t-1", "question": SEED_QUESTION, "kind": "numeric", "answerable": True, "facts": [["28家"]],
         "evidence": [{"source": "000_47fc14d33372d68f.txt", "quote": "新增国家级高新技术企业28家"}]},
        {"id": "t-2", "question": "漯河市2020年新增了多少家省级工程技术研究中心？", "kind": "numeric",
         "answerable": True, "facts": [["999家"]],
         "evidence": [{"source": "000_47fc14d33372d68f.txt", "quote": "新认定省级工程技术研究中心17家"}]},
    ]
    body = "\n".join(json.dumps(q, ensure_ascii=False) for q in questions).encode("utf-8")
    at = start("views/evaluation.py")
    at.file_uploader(key="ev_upload").set_value(("mini.jsonl", body, "application/jsonl")).run()
    at.button(key="ev_start").click().run()
    assert not at.exception, at.exception
    metrics = at.dataframe[0].value
    assert metrics.set_index("指标").loc["题数", "数值"] == "2"
    assert len(at.get("imgs")) >= 1 or len(at.image) >= 1
    assert any(e.label.startswith("t\\-2") for e in at.expander)  # the failure, with its evidence
    assert "999家" in shown(at)
    runs = list((writable_home / "runs").glob("app-*/summary.json"))
    assert len(runs) == 1

    at = start("views/evaluation.py")  # a new session opens the earlier run
    at.radio(key="ev_view").set_value("open").run()
    assert str(runs[0].parent.resolve()) in at.selectbox(key="ev_pick").options


def test_ui_command_is_headless_and_local():
    from typer.testing import CliRunner

    from assistant.cli import app
    from assistant.cli.ui import streamlit_args

    args = streamlit_args("127.0.0.1", 8600, 50)
    assert "--server.headless=true" in args and "--server.address=127.0.0.1" in args
    assert "--browser.gatherUsageStats=false" in args and args[1].endswith("main.py")
    result = CliRunner().invoke(app, ["ui", "--help"])
    assert result.exit_code == 0 and "--port" in result.output and "127.0.0.1" in result.output
    assert os.path.exists(args[1])


# -- the chosen language everywhere ------------------------------------------------------
# Names that stay as they are in Chinese text: the LLM and its API, k, file types, units, the language switch.
TECHNICAL = {"LLM", "API", "k", "MB", "txt", "md", "html", "pdf", "docx", "JSON", "Lines", "Language", "English"}


def labels(at: AppTest) -> list[str]:
    """Every label the app itself writes (not document data): widgets, their options and placeholders,
    table headers, titles and subheaders."""
    out = [el.label for kind in ("button", "text_input", "selectbox", "multiselect", "radio", "checkbox", "slider",
                                  "toggle", "number_input", "text_area") for el in getattr(at, kind)]
    out += [el.proto.placeholder for kind in ("selectbox", "multiselect", "chat_input") for el in getattr(at, kind)]
    out += [str(o) for el in at.radio for o in el.options]
    out += [str(c) for df in at.dataframe for c in df.value.columns]
    out += [el.value for kind in ("title", "subheader") for el in getattr(at, kind)]
    return out


def english_in(at: AppTest) -> list[str]:
    found = [label for label in labels(at) if set(re.findall(r"[A-Za-z]+", label)) - TECHNICAL]
    found += [w for w in re.findall(r"\b(?:True|False|None|NaN|nan)\b", shown(at))]
    for df in at.dataframe:  # empty cells are blank, never "None"
        found += [f"empty cell in {list(df.value.columns)}" for _ in range(int(df.value.isna().sum().sum()))]
        found += [f"'{v}' in a cell" for v in df.value.astype(str).values.ravel() if v in ("None", "nan", "NaN")]
    return found


def test_every_page_in_chinese_has_no_english_labels(app_home, seeded):
    hit = seeded.search(SEED_QUESTION, k=1)[0]
    at = ask(start(), SEED_QUESTION)
    seen = {"chat": english_in(at)}
    at.switch_page("views/knowledge.py").run()
    seen["knowledge"] = english_in(at)
    headers = [list(df.value.columns) for df in at.dataframe]
    assert ["标题", "地区", "类型", "发布年份", "回顾年份", "规划期"] == headers[0][:6] and len(headers) == 2  # + chunks
    at.switch_page("views/retrieval.py").run()
    at.text_input(key="rt_question").set_value(SEED_QUESTION)
    at.button[0].click().run()
    seen["retrieval"] = english_in(at)
    at.switch_page("views/evaluation.py").run()
    seen["evaluation"] = english_in(at)
    at.radio(key="ev_view").set_value("open").run()
    seen["evaluation, earlier runs"] = english_in(at)
    at.switch_page("views/indicators.py").run()
    at.text_input(key="fx_indicator").set_value("民生支出")
    at.multiselect(key="fx_places").set_value(["漯河市"]).run()
    assert at.dataframe and at.get("vega_lite_chart")
    seen["indicators"] = english_in(at)
    at.query_params.update(doc=hit.chunk.doc_id, at=hit.chunk.chunk_id)
    at.switch_page("views/document.py").run()
    seen["document"] = english_in(at)
    assert not at.exception, at.exception
    assert {page: found for page, found in seen.items() if found} == {}
