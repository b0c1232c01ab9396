"""Tests for assistant.ingest.loaders; every fixture is built here in tmp_path."""
from __future__ import annotations

import os
import zipfile
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader, PdfWriter

from assistant.ingest.loaders import SUPPORTED, LoadError, decode_bytes, find_files, load_file

LONG_SIMPLIFIED = (
    "政府工作报告\n过去一年，我们坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神，"
    "统筹推进经济社会发展，地区生产总值增长百分之六点五，城乡居民收入稳步提高，粮食产量保持稳定。"
    "科技创新支撑持续增强，食品产业集群加快发展，营商环境不断优化，民生保障更加有力。"
    "今年经济社会发展的主要预期目标是：地区生产总值增长百分之六左右，一般公共预算收入增长百分之五，"
    "城镇新增就业五万人以上，居民消费价格涨幅控制在百分之三左右，节能减排降碳完成省定目标任务。"
)
LONG_TRADITIONAL = (
    "政府工作報告\n過去一年，我們堅持穩中求進工作總基調，經濟社會發展取得新成就，地區生產總值增長百分之三點五，"
    "城鄉居民收入穩步提高，糧食產量保持穩定。科技創新支撐持續增強，產業結構加快轉型，營商環境不斷優化，"
    "民生保障更加有力，社會大局和諧穩定。今年經濟社會發展的主要預期目標是：地區生產總值增長百分之五左右，"
    "城鎮新增就業五萬人以上，居民消費價格漲幅控制在百分之三左右，持續改善生態環境品質，推動高品質發展。"
)
SHORT_SIMPLIFIED = "市政府工作报告：经济稳定增长，民生持续改善。"  # 22 characters
SHORT_TRADITIONAL = "市政府工作報告：經濟穩定增長，民生持續改善。"


def write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def load_error(path: Path, **kw) -> str:
    """The message of the LoadError that load_file must raise; checks it is one line naming the file."""
    with pytest.raises(LoadError) as info:
        load_file(path, **kw)
    message = str(info.value)
    assert "\n" not in message and message.startswith(f"{path.name}: ")
    return message


def make_pdf(path: Path, pages: list[str]) -> Path:
    """A minimal valid PDF, one Helvetica text line per page ("" = blank page), with a correct xref."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"", b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    kids = []
    for text in pages:
        stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode() if text else b""
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents %d 0 R "
                       b"/Resources << /Font << /F1 3 0 R >> >> >>" % len(objects))
        kids.append(b"%d 0 R" % len(objects))
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(kids), len(kids))
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.write_bytes(bytes(out))
    return path


# --- plain text and encodings -------------------------------------------------


@pytest.mark.parametrize(
    "text, encoding, expected",
    [
        (LONG_SIMPLIFIED, "utf-8", "utf-8"),
        (LONG_SIMPLIFIED, "utf-8-sig", "utf-8-sig"),
        (SHORT_SIMPLIFIED, "utf-8-sig", "utf-8-sig"),
        (LONG_SIMPLIFIED, "gbk", "gb18030"),
        (SHORT_SIMPLIFIED, "gbk", "gb18030"),
        (LONG_SIMPLIFIED + "𠀀〇€", "gb18030", "gb18030"),  # 4-byte GB18030 sequences, outside GBK
        (SHORT_SIMPLIFIED, "gb18030", "gb18030"),
        (LONG_TRADITIONAL, "big5", "big5"),
        (SHORT_TRADITIONAL, "big5", "big5"),
        (LONG_SIMPLIFIED, "utf-16", "utf-16"),
    ],
)
def test_text_encodings_are_read_correctly(tmp_path, text, encoding, expected):
    path = write(tmp_path, "report.txt", text.encode(encoding))
    raw = load_file(path)
    assert raw.text == text
    assert raw.encoding == expected
    assert (raw.source, raw.path, raw.kind, raw.pages) == ("report.txt", str(path), "text", [])


def test_short_gbk_that_also_decodes_as_big5_is_still_read_as_gbk():
    data = SHORT_SIMPLIFIED.encode("gbk")
    data.decode("big5")  # the trap: these bytes are valid (nonsense) Big5
    assert decode_bytes(data) == (SHORT_SIMPLIFIED, "gb18030")


def test_traditional_text_saved_as_gbk_stays_gbk():
    # GBK can hold traditional characters; they must not be read as Big5 just because they are traditional.
    assert decode_bytes(SHORT_TRADITIONAL.encode("gbk")) == (SHORT_TRADITIONAL, "gb18030")


def test_one_bad_byte_does_not_sink_a_gbk_report(tmp_path):
    data, at = LONG_SIMPLIFIED.encode("gbk"), len(LONG_SIMPLIFIED[:50].encode("gbk"))
    path = write(tmp_path, "damaged.txt", data[:at] + b"\xff" + data[at:])  # a stray byte between characters
    raw = load_file(path)
    assert raw.encoding == "gb18030"
    assert LONG_SIMPLIFIED[:50] in raw.text and LONG_SIMPLIFIED[-50:] in raw.text


def test_one_bad_byte_in_utf8_keeps_utf8():
    data, at = LONG_SIMPLIFIED.encode("utf-8"), len(LONG_SIMPLIFIED[:50].encode("utf-8"))
    text, encoding = decode_bytes(data[:at] + b"\xff" + data[at:])
    assert encoding == "utf-8" and text.count("\ufffd") == 1 and LONG_SIMPLIFIED[-50:] in text


def test_western_cp1252_text_is_still_read():
    assert decode_bytes("Rapport de la région, café, résumé".encode("cp1252")) == (
        "Rapport de la région, café, résumé", "cp1252")


def test_undecodable_text_is_refused_rather_than_turned_into_mojibake(tmp_path):
    data = LONG_SIMPLIFIED.encode("gbk")
    at = len(LONG_SIMPLIFIED[:50].encode("gbk")) + 1  # inside a character: GBK never realigns after it
    path = write(tmp_path, "mangled.txt", data[:at] + b"\xff" + data[at:])
    message = load_error(path)
    assert "cannot tell the text encoding" in message and "UTF-8" in message


def test_markdown_kind_and_crlf_newlines(tmp_path):
    path = write(tmp_path, "notes.md", "# 标题\r\n第一段。\r\n\r\n第二段。\r最后一行")
    raw = load_file(path)
    assert raw.kind == "markdown"
    assert raw.text == "# 标题\n第一段。\n\n第二段。\n最后一行"


def test_uppercase_suffix_is_supported(tmp_path):
    assert load_file(write(tmp_path, "REPORT.TXT", "经济增长")).text == "经济增长"


@pytest.mark.parametrize("content", [b"", b"   \r\n\t\n  "])
def test_empty_and_whitespace_only_files(tmp_path, content):
    assert "empty file" in load_error(write(tmp_path, "blank.txt", content))


def test_binary_content_in_a_txt_file(tmp_path):
    png_like = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4
    assert "looks like a binary file, not text" in load_error(write(tmp_path, "image.txt", png_like))


def test_many_control_characters_without_nul_are_binary(tmp_path):
    data = (b"abc\x01\x02\x03\x04\x05\x06\x07def" * 50)
    assert "binary" in load_error(write(tmp_path, "noise.txt", data))


def test_file_over_the_size_limit(tmp_path):
    message = load_error(write(tmp_path, "big.txt", "经济" * 1000), max_bytes=1024)
    assert "limit" in message and "max_bytes" in message


def test_missing_file_and_unreadable_path(tmp_path):
    assert "file not found" in load_error(tmp_path / "nowhere.txt")
    (tmp_path / "folder.txt").mkdir()  # reading a directory is an OSError, like permission denied
    assert "cannot read file" in load_error(tmp_path / "folder.txt")


def test_unsupported_suffix_in_load_file(tmp_path):
    assert "unsupported file type .zip" in load_error(write(tmp_path, "archive.zip", b"PK"))


def test_load_error_is_a_single_line_with_hint():
    error = LoadError("/data/report.pdf", "PDF has no text layer (scanned?)\nsecond line", "it needs OCR")
    assert str(error) == "report.pdf: PDF has no text layer (scanned?) second line; it needs OCR"
    assert error.path == "/data/report.pdf"


# --- html ----------------------------------------------------------------------


def test_html_with_meta_charset_gbk_keeps_blocks_and_drops_scripts(tmp_path):
    html = """<!DOCTYPE html><html><head><meta charset="gbk"><title>网站标题</title>
    <style>.x { color: red }</style><script>var secret = "脚本内容";</script></head>
    <body><nav><a href="/">首页</a> <a href="/news">新闻</a></nav>
    <h1>2024年政府工作报告</h1><p>各位代表：现在，我代表市人民政府向大会报告工作，请予审议。</p>
    <div>一、过去一年<b>工作回顾</b></div><ul><li>经济增长</li><li>民生改善</li></ul>
    <p>第一行<br>第二行</p><table><tr><td>指标</td><td>增速</td></tr><tr><td>GDP</td><td>6.5%</td></tr></table>
    <noscript>请启用脚本</noscript><script>document.write("晚到的脚本")</script></body></html>"""
    raw = load_file(write(tmp_path, "page.html", html.encode("gbk")))
    assert raw.kind == "html" and raw.encoding == "gb18030"
    lines = raw.text.split("\n")
    assert "2024年政府工作报告" in lines
    assert "各位代表：现在，我代表市人民政府向大会报告工作，请予审议。" in lines
    assert "一、过去一年工作回顾" in lines  # inline <b> stays inside its line
    assert {"经济增长", "民生改善", "第一行", "第二行", "指标 | 增速", "GDP | 6.5%"} <= set(lines)
    assert "首页" not in raw.text  # <nav> menus are dropped here; text-only menus by the cleaning stage
    for hidden in ("脚本内容", "晚到的脚本", "color", "请启用脚本", "网站标题"):
        assert hidden not in raw.text


@pytest.mark.parametrize(
    "meta, body, encoding, expected",
    [
        ('<meta charset="big5">', SHORT_TRADITIONAL, "big5", "big5"),
        ('<meta http-equiv="Content-Type" content="text/html; charset=gb2312">', SHORT_SIMPLIFIED, "gbk", "gb18030"),
        ('<meta charset="gb2312">', SHORT_SIMPLIFIED, "utf-8", "utf-8"),  # the declaration lies: UTF-8 wins
        ('<meta charset="big5">', LONG_SIMPLIFIED, "gbk", "gb18030"),  # lies again: content decides
        ('<meta charset="no-such-charset">', LONG_TRADITIONAL, "big5", "big5"),
    ],
)
def test_html_charset_declarations(tmp_path, meta, body, encoding, expected):
    html = f"<html><head>{meta}</head><body><p>{body}</p></body></html>"
    raw = load_file(write(tmp_path, "page.htm", html.encode(encoding)))
    assert (raw.text, raw.encoding) == (body.replace("\n", " "), expected)


def test_html_source_newlines_collapse_but_blocks_split(tmp_path):
    html = "<body><p>第一段\n  继续</p><select><option>选项</option></select><p>第二段</p><!-- 注释 --></body>"
    assert load_file(write(tmp_path, "a.html", html)).text == "第一段 继续\n第二段"


def test_html_without_visible_text(tmp_path):
    path = write(tmp_path, "empty.htm", "<html><head><script>x()</script></head><body> </body></html>")
    assert "no visible text" in load_error(path)


# --- pdf -----------------------------------------------------------------------


def test_pdf_pages_and_offsets(tmp_path):
    raw = load_file(make_pdf(tmp_path / "report.pdf", ["Page one text", "Page two text"]))
    assert raw.kind == "pdf"
    assert raw.text == "Page one text\n\nPage two text"
    assert raw.pages == [(0, 1), (15, 2)]
    assert raw.text[raw.pages[1][0]:].startswith("Page two")


def test_pdf_with_a_blank_page_between_keeps_numbering(tmp_path):
    raw = load_file(make_pdf(tmp_path / "gap.pdf", ["First", "", "Third"]))
    assert [number for _, number in raw.pages] == [1, 2, 3]
    assert raw.text[raw.pages[2][0]:] == "Third"


def test_encrypted_pdf(tmp_path):
    plain = make_pdf(tmp_path / "plain.pdf", ["Secret text"])
    writer = PdfWriter(clone_from=PdfReader(plain))
    writer.encrypt(user_password="secret", algorithm="RC4-128")
    path = tmp_path / "locked.pdf"
    writer.write(path)
    assert "PDF is encrypted; remove the password and try again" in load_error(path)


def test_pdf_encrypted_with_empty_user_password_is_read(tmp_path):
    plain = make_pdf(tmp_path / "plain.pdf", ["Open text"])
    writer = PdfWriter(clone_from=PdfReader(plain))
    writer.encrypt(user_password="", owner_password="owner", algorithm="RC4-128")
    path = tmp_path / "permissions.pdf"
    writer.write(path)
    assert load_file(path).text == "Open text"


def test_pdf_without_text_layer(tmp_path):
    message = load_error(make_pdf(tmp_path / "scan.pdf", [""]))
    assert "PDF has no text layer (scanned?)" in message and "OCR" in message


def test_corrupt_pdf(tmp_path):
    path = write(tmp_path, "broken.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog >> garbage \x00\xff")
    assert "not a readable PDF" in load_error(path)


# --- docx ----------------------------------------------------------------------


def test_docx_paragraphs_and_table_in_order(tmp_path):
    document = docx.Document()
    document.add_heading("2024年政府工作报告", level=1)
    document.add_paragraph("各位代表：")
    table = document.add_table(rows=2, cols=2)
    for r, row in enumerate([("指标", "增速"), ("地区生产总值", "6.5%")]):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    document.add_paragraph("")
    document.add_paragraph("以上报告，请予审议。")
    path = tmp_path / "report.docx"
    document.save(path)
    raw = load_file(path)
    assert raw.kind == "docx"
    assert raw.text == "2024年政府工作报告\n各位代表：\n指标 | 增速\n地区生产总值 | 6.5%\n以上报告，请予审议。"


def test_docx_merged_cell_appears_once(tmp_path):
    document = docx.Document()
    table = document.add_table(rows=1, cols=3)
    table.cell(0, 0).merge(table.cell(0, 1)).text = "合并"
    table.cell(0, 2).text = "单独"
    path = tmp_path / "merged.docx"
    document.save(path)
    assert load_file(path).text == "合并 | 单独"


@pytest.mark.parametrize("content", [b"this is not a zip", "zip"])
def test_broken_docx(tmp_path, content):
    path = tmp_path / "broken.docx"
    if content == "zip":  # a valid zip that is not a Word document
        with zipfile.ZipFile(path, "w") as z:
            z.writestr("hello.txt", "hi")
    else:
        path.write_bytes(content)
    assert "not a readable Word .docx file" in load_error(path)


# --- find_files ------------------------------------------------------------------


def test_find_files_walks_folders_sorted_and_skips_hidden(tmp_path):
    root = tmp_path / "reports"
    for name in ["b.txt", "a.md", "sub/c.pdf", "sub/deeper/d.HTML", "image.png", "archive.zip",
                 ".hidden.txt", ".git/config.txt", "sub/.cache/e.txt", "~$lock.docx"]:
        write(root, name, "x")
    files, errors = find_files([root])
    assert errors == []
    assert [p.relative_to(root).as_posix() for p in files] == ["a.md", "b.txt", "sub/c.pdf", "sub/deeper/d.HTML"]


def test_find_files_reports_bad_explicit_paths(tmp_path):
    good = write(tmp_path, "good.txt", "经济")
    archive = write(tmp_path, "data.zip", b"PK")
    files, errors = find_files([good, str(archive), tmp_path / "missing.docx", good])
    assert files == [good]  # given twice, listed once
    messages = [str(e) for e in errors]
    assert messages[0].startswith("data.zip: unsupported file type .zip; supported: ")
    assert all(suffix in messages[0] for suffix in SUPPORTED)
    assert messages[1].startswith("missing.docx: file not found")
    assert all("\n" not in m for m in messages)


def test_found_files_all_load(tmp_path):
    write(tmp_path, "docs/a.txt", "第一份报告".encode("gbk"))
    write(tmp_path, "docs/b.htm", "<p>第二份</p>")
    files, _ = find_files([tmp_path / "docs"])
    assert [load_file(p).text for p in files] == ["第一份报告", "第二份"]
    assert all(os.path.isabs(load_file(p).path) for p in files)
