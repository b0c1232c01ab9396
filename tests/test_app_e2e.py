"""End to end in a real browser: `assistant ui` on a free port, driven by Debian's chromium.

Asks a seed question, waits for the cited answer, follows the [1] marker to its
card, opens the whole document at the cited spot; on a copy of the index,
uploads a file and asks about it; on the indicators page, shows the 民生支出 series of 漯河市
and follows a chart point to its document. Screenshots go to runs/e2e/ (git-ignored)
and the test's tmp folder.

Playwright's own browser download does not work here: the test points it at
/usr/bin/chromium, which .ci/run installs. Without chromium the test fails in
CI (CI is set) and is skipped with the reason elsewhere.
"""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[1]
SHOTS = REPO / "runs" / "e2e"
CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-default-apps", "--disable-extensions", "--metrics-recording-only", "--no-default-browser-check"]
QUESTION = "漯河市2020年新增了多少家国家级高新技术企业？"


def missing(reason: str):
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI installs it: see .ci/run)")
    pytest.skip(f"{reason}; install it with `apt-get install -y chromium fonts-wqy-zenhei` (see .ci/run)")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_healthy(url: str, proc: subprocess.Popen, log: Path, timeout: float = 90.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"`assistant ui` exited with {proc.returncode}:\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.read().strip() == b"ok":
                    return
        except OSError:
            time.sleep(0.5)
    raise AssertionError(f"`assistant ui` not up after {timeout:.0f}s:\n{log.read_text()[-3000:]}")


@pytest.fixture
def ui_server(seeded, seeded_home, tmp_path):
    """`python -m assistant ui --port N` over the seeded index, bound to 127.0.0.1."""
    yield from run_ui(seeded_home, tmp_path)


@pytest.fixture
def ui_server_own_index(seeded, seeded_home, tmp_path):
    """The same over a copy of the seeded index, for a test that uploads."""
    home = tmp_path / "home"
    shutil.copytree(seeded_home, home, ignore=shutil.ignore_patterns("write.lock", "write.pid", "runs", "uploads"))
    yield from run_ui(home, tmp_path)


def run_ui(home: Path, tmp_path: Path):
    port, log = free_port(), tmp_path / "ui.log"
    env = {**os.environ, "ASSISTANT_HOME": str(home)}
    with open(log, "wb") as out:
        proc = subprocess.Popen([sys.executable, "-m", "assistant", "ui", "--port", str(port), "--no-open"],
                                env=env, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, cwd=tmp_path)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(url, proc, log)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.fixture
def browser():
    if not CHROMIUM.exists():
        missing(f"{CHROMIUM} is not installed")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing("the playwright package is not installed (pip install -e '.[dev]')")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        yield browser
        browser.close()


def shoot(page, name: str, tmp_path: Path) -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = tmp_path / name
    page.screenshot(path=str(path))
    shutil.copy(path, SHOTS / name)
    return SHOTS / name


def test_ask_a_seed_question_and_open_its_citation(ui_server, browser, tmp_path):
    page = browser.new_page(viewport={"width": 1400, "height": 1000}, locale="zh-CN")
    page.set_default_timeout(120_000)
    page.goto(ui_server)
    box = page.get_by_test_id("stChatInputTextArea")
    box.wait_for()
    box.fill(QUESTION)
    box.press("Enter")

    marker = page.locator('a[href="#cite-0-1"]')  # the [1] in the answer
    marker.wait_for()
    answer = page.get_by_test_id("stChatMessage").nth(1)
    assert "28家" in answer.inner_text()
    card = page.locator("#cite-0-1")
    assert "28家" in card.locator("mark").inner_text()
    shoot(page, "01-cited-answer.png", tmp_path)

    marker.click()  # the marker leads to its card
    page.wait_for_function("() => { const r = document.querySelector('#cite-0-1').getBoundingClientRect();"
                           " return r.top >= 0 && r.top < window.innerHeight; }")

    page.get_by_role("link", name="打开全文（定位到此处）").first.click()
    cited = page.locator("#cited mark")
    cited.wait_for()
    assert "28家" in cited.inner_text()
    assert "/document" in page.url and "doc=" in page.url
    assert page.get_by_test_id("stExpander").first.is_visible()  # the earlier text, folded
    page.wait_for_function(  # the folded text before, the cited chunk, the text after
        "() => document.querySelectorAll('[data-testid=stHtml]').length >= 3")
    shoot(page, "02-document-at-citation.png", tmp_path)

    page.get_by_role("link", name="← 返回问答").click()  # the conversation is still there
    page.locator('a[href="#cite-0-1"]').wait_for()
    assert sorted(p.name for p in tmp_path.glob("*.png")) == ["01-cited-answer.png", "02-document-at-citation.png"]


def test_upload_your_own_file_and_ask_about_it(ui_server_own_index, browser, tmp_path):
    report = tmp_path / "wuyang-2023.txt"
    report.write_text("舞阳县2023年政府工作报告\n\n一、2023年工作回顾\n\n"
                      "2023年，舞阳县新建乡村图书馆36座，全县粮食总产量达到58.6万吨。\n", encoding="utf-8")
    page = browser.new_page(viewport={"width": 1400, "height": 1000}, locale="zh-CN")
    page.set_default_timeout(120_000)
    page.goto(f"{ui_server_own_index}/knowledge")
    page.locator("input[type=file]").first.set_input_files(str(report))
    page.get_by_role("button", name="导入").click()
    done = page.get_by_text("导入完成")
    done.wait_for()
    done.scroll_into_view_if_needed()
    shoot(page, "03-uploaded.png", tmp_path)

    page.get_by_role("link", name="问答").first.click()
    box = page.get_by_test_id("stChatInputTextArea")
    box.wait_for()
    box.fill("舞阳县2023年新建了多少座乡村图书馆？")
    box.press("Enter")
    page.locator('a[href="#cite-0-1"]').wait_for()
    assert "36座" in page.get_by_test_id("stChatMessage").nth(1).inner_text()
    page.get_by_text("wuyang-2023.txt").filter(visible=True).first.wait_for()  # the card names the uploaded file
    shoot(page, "04-own-file-answered.png", tmp_path)


def test_indicator_series_with_chart_and_citations(ui_server, browser, tmp_path):
    page = browser.new_page(viewport={"width": 1400, "height": 1500}, locale="zh-CN")  # table, chart, first card
    page.set_default_timeout(120_000)
    page.goto(f"{ui_server}/indicators")
    box = page.get_by_role("textbox", name="指标")
    box.wait_for()
    box.fill("民生支出")
    box.press("Enter")
    places = page.get_by_test_id("stMainBlockContainer").get_by_test_id("stMultiSelect")
    places.click()
    page.get_by_role("option", name="漯河市", exact=True).click()
    page.keyboard.press("Escape")

    chart = page.get_by_test_id("stVegaLiteChart").first  # the 亿元 chart (a chart per unit)
    chart.locator("svg").first.wait_for()  # the line chart is drawn
    table = page.get_by_test_id("stDataFrame")
    table.wait_for()
    cards = page.locator("[id^=fact-] mark")
    cards.first.wait_for()
    marked = [cards.nth(i).inner_text() for i in range(cards.count())]
    assert "165.2亿元" in marked and "172.3亿元" in marked  # each figure marked in its sentence
    page.wait_for_timeout(1500)  # let the chart finish its first animation frame
    shoot(page, "05-indicator-series.png", tmp_path)

    assert "172.3亿元" in page.locator("#fact-4 mark").inner_text()
    card_link = page.get_by_role("link", name="打开全文（定位到此处）").nth(3).get_attribute("href")  # card [4]
    assert "document?doc=" in card_link and "at=003_" in card_link

    point = chart.locator("g.mark-symbol path").nth(1)  # the 亿元 chart's 2023 point, [4]: 172.3亿元
    point.hover()
    tooltip = page.locator("#vg-tooltip-element")
    tooltip.filter(has_text="172.3亿元").wait_for()  # its tooltip names the figure and its reference
    assert "[4]" in tooltip.inner_text()
    point.click()  # and opens the document at the figure
    cited = page.locator("#cited mark")
    cited.wait_for()
    assert "172.3亿元" in cited.inner_text() and "/document" in page.url
