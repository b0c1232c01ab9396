"""The indicators page (指标): one indicator's figures across places and years, from the fact table.

An indicator (its synonyms too) and optional places, years, status and measure in;
out come a table of every matching figure, a line chart over the plain years
(one line per place, measure and status; a chart per unit) and, under it, each figure's
sentence with the figure marked and a link that opens its document there.
"""
from __future__ import annotations

import re
from urllib.parse import urlencode

import altair as alt
import streamlit as st

from assistant.app.i18n import lang, measure_label, period_label, status_label, t, table
from assistant.app.render import DOCUMENT_PAGE, escape_md, marked_html, where_line
from assistant.app.state import doc_years, shared_assistant
from assistant.errors import AssistantError
from assistant.redact import scrub

EXAMPLES = ("民生支出", "地区生产总值", "新增城镇就业")
STATUSES = ("actual", "target", "cumulative", "average")
MEASURES = ("amount", "growth", "share", "change", "count", "multiple")
PLAIN_YEAR = re.compile(r"(?:19|20)\d\d")


def render() -> None:
    assistant = shared_assistant()
    st.title(t("page_indicators"))
    st.caption(t("fx_intro"))
    docs = assistant.documents()
    indicator, places, first, last, status, measure = choices(docs)
    if not indicator:
        return
    try:
        rows = series_rows(assistant, indicator, places, first, last, status, measure)
    except AssistantError as e:
        st.error(escape_md(t("error", e=scrub(str(e)))))
        return
    if not rows:
        where = t("fx_empty_where", places="、".join(places)) if places else ""
        st.info(escape_md(t("fx_empty", indicator=indicator, where=where)), icon=":material/info:")
        return
    st.caption(t("fx_count", n=len(rows), docs=len({r.chunk.doc_id for r in rows})))
    st.dataframe(table([table_row(n, r) for n, r in enumerate(rows, start=1)]), hide_index=True, key="fx_table")
    st.subheader(t("fx_chart"), anchor=False)
    points = chart_points(rows)
    for i, unit in enumerate(dict.fromkeys(p["unit"] for p in points)):  # one chart per unit, first seen first
        st.altair_chart(line_chart([p for p in points if p["unit"] == unit], unit), key=f"fx_chart_{i}")
    if not points:
        st.caption(t("fx_no_years"))
    st.subheader(t("fx_citations"), anchor=False)
    for n, row in enumerate(rows, start=1):
        fact_card(n, row)


def choices(docs: list[dict]) -> tuple:
    """The page's inputs: (indicator, places, first year, last year, status, measure); None where not chosen."""
    st.caption(t("fx_examples"))
    for column, example in zip(st.columns(len(EXAMPLES) + 3), EXAMPLES):
        column.button(example, key=f"fx_example_{example}", on_click=_set_indicator, args=(example,))
    indicator = st.text_input(t("fx_indicator"), key="fx_indicator", max_chars=100,
                              placeholder=t("fx_placeholder")).strip()
    places = sorted({d.get("region") for d in docs if d.get("region")})
    years = sorted({y for d in docs for y in doc_years(d)})
    _keep_known("fx_places", places)
    place_col, from_col, to_col, status_col, measure_col = st.columns([3, 1, 1, 1, 1])
    chosen = place_col.multiselect(t("fx_places"), places, key="fx_places", placeholder=t("fx_any"))
    # Nothing chosen (index=None, cleared with ⊗) means any: the placeholder says so in the chosen language.
    first = from_col.selectbox(t("fx_from"), years, index=None, key="fx_from", placeholder=t("fx_any"))
    last = to_col.selectbox(t("fx_to"), years, index=None, key="fx_to", placeholder=t("fx_any"))
    status = status_col.selectbox(t("fx_status"), STATUSES, index=None, key="fx_status", format_func=status_label,
                                  placeholder=t("fx_any"))
    measure = measure_col.selectbox(t("fx_measure"), MEASURES, index=None, key="fx_measure",
                                    format_func=measure_label, placeholder=t("fx_any"))
    if first and last and first > last:
        st.caption(t("fx_bad_years"))
        first, last = last, first
    return indicator, chosen, first, last, status, measure


def _set_indicator(example: str) -> None:
    st.session_state["fx_indicator"] = example


def _keep_known(key: str, options: list) -> None:
    """Drop chosen places no document has any more (a document was deleted)."""
    if key in st.session_state:
        st.session_state[key] = [v for v in st.session_state[key] if v in options]


def series_rows(assistant, indicator: str, places: list[str], first, last, status, measure) -> list:
    """Assistant.facts for each chosen place (all places when none), in period order."""
    rows = []
    for place in places or [None]:
        rows += assistant.facts(indicator, place=place, first=first, last=last, status=status, measure=measure)
    if len(places) > 1:
        rows.sort(key=lambda r: (r.fact.period, places.index(r.fact.place) if r.fact.place in places else 0))
    return rows


def figure_text(fact) -> str:
    """The value as written with its unit. Example: 165.2 and "亿元" -> "165.2亿元"; 3.0 and "万人" -> "3万人"."""
    number = f"{fact.value:.4f}".rstrip("0").rstrip(".")
    return f"{number}{fact.unit}"


def table_row(n: int, row) -> dict:
    f = row.fact
    return {"ref": f"[{n}]", "place": f.place, "year": period_label(f.period), "value": figure_text(f),
            "measure": measure_label(f.measure), "status": status_label(f.status), "indicator": f.indicator,
            "document": row.chunk.title or row.chunk.source}


def series_name(fact) -> str:
    """One chart line: place · measure · status (unit). Example: "漯河市 · 总量 · 实际（亿元）"."""
    unit = (f" ({fact.unit})" if lang() == "en" else f"（{fact.unit}）") if fact.unit else ""
    return f"{fact.place} · {measure_label(fact.measure)} · {status_label(fact.status)}{unit}"


def chart_points(rows) -> list[dict]:
    """The figures of plain years as chart points; a line per place, measure, status and unit
    (one line never mixes 亿元 and 万元, which the same measure can carry)."""
    return [{"year": int(r.fact.period), "value": r.fact.value, "unit": r.fact.unit, "series": series_name(r.fact),
             "figure": figure_text(r.fact), "ref": f"[{n}]", "document": r.chunk.title or r.chunk.source,
             "href": document_href(r)}
            for n, r in enumerate(rows, start=1) if PLAIN_YEAR.fullmatch(r.fact.period)]


def opening(row) -> dict:
    """The document page's query for a figure: its document, its chunk, its sentence to mark."""
    return {"doc": row.chunk.doc_id, "at": row.chunk.chunk_id, "q": row.fact.sentence[:300]}


def document_href(row) -> str:
    """A chart point's link: the document page (a sibling of this page's URL) opened at the figure."""
    return "document?" + urlencode(opening(row))


def line_chart(points: list[dict], unit: str) -> alt.Chart:
    """The points of one unit (its own y axis: 165亿元 and 70% never share a scale)."""
    years = sorted({p["year"] for p in points})
    domain = [years[0], years[-1]] if len(years) > 1 else [years[0] - 1, years[0] + 1]
    title = t("fx_value_axis") + (f" ({unit})" if lang() == "en" else f"（{unit}）") if unit else t("fx_value_axis")
    return alt.Chart(alt.Data(values=points)).mark_line(point=alt.OverlayMarkDef(size=70)).encode(
        x=alt.X("year:Q", title=t("fx_year_axis"), scale=alt.Scale(domain=domain, nice=False),
                axis=alt.Axis(format="d", values=years)),
        y=alt.Y("value:Q", title=title),
        color=alt.Color("series:N", title=t("fx_series"), legend=alt.Legend(orient="top", labelLimit=400)),
        href="href:N",  # clicking a point opens its document at the figure
        tooltip=[alt.Tooltip("ref:N", title=t("fx_citations")), alt.Tooltip("series:N", title=t("fx_series")),
                 alt.Tooltip("year:O", title=t("fx_year_axis")), alt.Tooltip("figure:N", title=t("fx_value_axis")),
                 alt.Tooltip("document:N", title=t("page_document"))],
    ).properties(height=300)


def fact_card(n: int, row) -> None:
    """The sentence that states a figure, the figure marked, and a link to the document at that chunk."""
    f, chunk = row.fact, row.chunk
    with st.container(border=True):
        st.markdown(f"**\\[{n}\\] {escape_md(f.place)} · {escape_md(period_label(f.period))} · "
                    f"{escape_md(figure_text(f))}** · {escape_md(status_label(f.status))}")
        st.caption(escape_md(where_line(chunk.title or "", None, chunk.heading, chunk.page, chunk.source)))
        st.html(marked_html(f.sentence, figure_spans(f, chunk.text), anchor=f"fact-{n}", height="none"))
        st.page_link(DOCUMENT_PAGE, label=t("open_document"), icon=":material/description:",
                     query_params=opening(row))


def figure_spans(fact, text: str) -> list[tuple[int, int]]:
    """Where the figure sits in its sentence: from its offsets in the chunk, else its first occurrence.

    Example: a fact at 40..48 of a chunk whose sentence starts at 30 -> [(10, 18)].
    """
    at = text.rfind(fact.sentence, 0, fact.start + 1) if fact.sentence else -1
    if at >= 0 and at <= fact.start and fact.end <= at + len(fact.sentence):
        return [(fact.start - at, fact.end - at)]
    found = fact.sentence.find(fact.figure) if fact.figure else -1
    return [(found, found + len(fact.figure))] if found >= 0 else []
