"""Deeply nested HTML: refused in one line within seconds, not parsed for minutes.

HTML parsers search their stack of open elements at many tags, so the time grows with
the square of the nesting: 200,000 nested <div>s (2.2 MB) had not finished after 300 s,
and on the server it held the write lock for every upload and delete meanwhile.
"""
from __future__ import annotations

import subprocess
import time

import pytest

from assistant.ingest.loaders import MAX_HTML_DEPTH, LoadError, load_file, nesting_depth
from test_reliability_index import cli, env

DEEP = 200_000


def deep_page(n: int, tag: str = "div") -> str:
    return f"<html><body>{f'<{tag}>' * n}漯河市2020年新增国家级高新技术企业28家。{f'</{tag}>' * n}</body></html>"


@pytest.mark.slow
def test_a_200k_deep_html_file_is_refused_in_one_line_within_seconds(tmp_path):
    folder, home = tmp_path / "docs", tmp_path / "home"
    folder.mkdir()
    (folder / "deep.html").write_text(deep_page(DEEP), encoding="utf-8")
    assert (folder / "deep.html").stat().st_size > 2_000_000
    (folder / "good.txt").write_text("尉氏县2021年政府工作报告\n\n全县新增规上工业企业31家。\n", encoding="utf-8")
    started = time.monotonic()
    done = subprocess.run(cli(home, "ingest", folder), env=env(COLUMNS=300), capture_output=True, text=True,
                          timeout=240)
    assert done.returncode == 0, done.stderr
    skipped = [line for line in done.stderr.splitlines() if line.startswith("skipped:")]
    assert skipped == [f"skipped: deep.html: HTML nests elements more than {MAX_HTML_DEPTH} deep (no real page does); "
                       f"open it in a browser and save it again, or save its text as .txt"], done.stderr
    assert "1 documents added" in done.stdout or "1 document added" in done.stdout, done.stdout
    assert "Traceback" not in done.stderr
    print(f"ingest with the 200k-deep page: {time.monotonic() - started:.1f} s (model load included)")


def test_the_depth_check_itself_takes_well_under_a_second_and_is_linear(tmp_path):
    path = tmp_path / "deep.html"
    path.write_text(deep_page(DEEP), encoding="utf-8")
    started = time.monotonic()
    with pytest.raises(LoadError, match="more than 500 deep"):
        load_file(path)
    assert time.monotonic() - started < 3.0


@pytest.mark.parametrize("tag", ["div", "span", "ul", "table", "blockquote"])
def test_any_nesting_element_past_the_limit_is_refused(tmp_path, tag):
    path = tmp_path / f"{tag}.html"
    path.write_text(deep_page(MAX_HTML_DEPTH + 1, tag), encoding="utf-8")
    with pytest.raises(LoadError, match="deep"):
        load_file(path)


def test_real_pages_nesting_deeply_but_within_the_limit_still_load(tmp_path):
    # Nested layout tables and lists, unclosed <p>/<li>/<td> and void tags: none counts past its end.
    rows = "".join(f"<tr><td>第{i}项<td>{i}家" for i in range(300))
    inner = "<ul><li>" * 40 + "<p>漯河市2020年新增国家级高新技术企业28家<br><img src=x><p>另一段" + "</ul>" * 40
    page = "<html><body>" + "<div><table>" * 100 + rows + inner + "</table></div>" * 100 + "</body></html>"
    path = tmp_path / "layout.html"
    path.write_text(page, encoding="utf-8")
    assert nesting_depth(page, MAX_HTML_DEPTH) == 240
    text = load_file(path).text
    assert "新增国家级高新技术企业28家" in text and "第299项 | 299家" in text


def test_the_depth_count_follows_end_tags_and_ignores_tags_that_cannot_nest():
    assert nesting_depth("<div><span>a</span><p>b</div>", 10) == 2
    assert nesting_depth("<p><p><p><li><li><br><br/><img>", 10) == 0
    assert nesting_depth("</div></div><div><div></div>", 10) == 2  # stray end tags close nothing
    assert nesting_depth("<DIV><Div><x-y/>", 10) == 2
    assert nesting_depth("<div>" * 1000, 10) == 11  # stops counting once past the limit


@pytest.mark.slow
def test_over_http_the_upload_is_refused_at_once_and_the_server_stays_free(tmp_path, embedder):
    """On `assistant serve` the parse held the upload lock: every other upload and delete waited."""
    import httpx

    from test_serve import Served

    from assistant import Assistant, Settings
    from assistant.serve import create_app

    assistant = Assistant(Settings(home=tmp_path / "home"), embedder=embedder)
    deep = deep_page(DEEP).encode("utf-8")
    with Served(create_app(assistant)) as served, httpx.Client(base_url=served.url, timeout=60) as http:
        started = time.monotonic()
        refused = http.post("/v1/documents", files={"files": ("deep.html", deep, "text/html")})
        took = time.monotonic() - started
        assert refused.status_code == 400 and "nests elements more than 500 deep" in refused.json()["error"]
        assert took < 10, took
        good = http.post("/v1/documents", files={"files": ("good.txt", "尉氏县2021年政府工作报告\n\n全县新增规上工业企业31家。\n".encode(), "text/plain")})
        assert good.status_code == 200 and len(good.json()["added"]) == 1
