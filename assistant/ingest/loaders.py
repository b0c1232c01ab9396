"""Loaders: one file (UTF-8/GBK/Big5 text, saved web page, PDF, Word) -> RawText, or a LoadError
saying what is wrong and what to do."""
from __future__ import annotations

import codecs
import os
import re
from functools import lru_cache
from itertools import accumulate, islice
from pathlib import Path

from charset_normalizer import from_bytes

from assistant.documents import RawText

SUPPORTED = {".txt", ".md", ".markdown", ".html", ".htm", ".pdf", ".docx"}
# Judged when UTF-8 fails. utf-8 itself: UTF-8 with one damaged byte; cp950/big5hkscs:
# Big5 written by Windows or Hong Kong tools, which strict big5 rejects; cp1252 last.
CANDIDATES = ["gb18030", "big5", "cp950", "big5hkscs", "utf-8", "cp1252"]
ALIASES = {"gb2312": "gb18030", "gbk": "gb18030", "cp936": "gb18030"}  # subsets: the superset loses nothing
MIN_PLAUSIBILITY = 0.75  # right decodes of Chinese score ~1.0, mojibake 0.3-0.7
META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")
NON_ASCII = re.compile(r"[^\x00-\x7f]")
UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f]")
ARCHIVES = {".zip", ".rar", ".7z", ".tar", ".gz", ".tgz", ".bz2", ".xz"}
CONVERT = {".doc": "open it in Word and save it as .docx", ".wps": "save it as .docx",
           ".rtf": "save it as .docx", ".png": "an image needs OCR first", ".jpg": "an image needs OCR first",
           ".jpeg": "an image needs OCR first", ".tif": "an image needs OCR first"}
DROP_TAGS = "head, script, style, noscript, template, iframe, object, svg, select, nav"  # select: options are not shown; nav: menus
BLOCK_TAGS = ("address, article, aside, blockquote, br, caption, dd, div, dl, dt, fieldset, figcaption, figure, "
              "footer, form, h1, h2, h3, h4, h5, h6, header, hr, li, main, nav, ol, p, pre, section, table, tr, ul")
BLOCK, CELL = "\x1e", "\x1f"  # markers no page contains, so source newlines can be collapsed like a browser does
# HTML parsers keep a stack of open elements and look through it at many tags: a page nesting
# 200,000 <div>s took over 300 s (quadratic). Real pages nest a few dozen deep; refused past this.
MAX_HTML_DEPTH = 500
TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]*)[^>]*?(/?)>")
# Elements that never stay open: void ones, and ones the next of their kind (or their parent's end) closes.
NOT_NESTING = frozenset(
    "area base br col embed hr img input link meta param source track wbr keygen "
    "p li dt dd option optgroup tr td th thead tbody tfoot colgroup caption rb rt rp html head body".split()
)


class LoadError(Exception):
    """A file that cannot be ingested; str() is one line: file name, reason, what to do."""

    def __init__(self, path: str | Path, reason: str, hint: str = ""):
        self.path, self.reason, self.hint = str(path), reason, hint
        super().__init__(" ".join(f"{display_name(path)}: {reason}{'; ' + hint if hint else ''}".split()))


def display_name(path: str | Path) -> str:
    r"""A file's name as it can be shown on one line: control characters written as escapes.

    Example: display_name("docs/a\x00b.txt") -> "a\\x00b.txt"
    """
    return UNPRINTABLE.sub(lambda m: f"\\x{ord(m.group()):02x}", Path(path).name)


def _bad_name(path: Path) -> LoadError | None:
    if "\x00" in str(path):  # the OS refuses such names; Python raises ValueError, not OSError
        return LoadError(path, "the file name contains a NUL character", "rename the file and give its real name")
    return None


def find_files(paths: list[str | Path]) -> tuple[list[Path], list[LoadError]]:
    """Expand folders (recursive, sorted, hidden skipped) into supported files; a file named
    explicitly that is missing or unsupported gets a LoadError, one inside a folder is skipped."""
    found, errors = [], []
    for path in map(Path, paths):
        if error := _bad_name(path):
            errors.append(error)
        elif path.is_dir():
            files, outside = _walk(path)
            found += files
            errors += outside
        elif not path.exists():
            errors.append(LoadError(path, "file not found", "check the path"))
        elif path.suffix.lower() not in SUPPORTED:
            errors.append(_unsupported(path))
        else:
            found.append(path)
    return list(dict.fromkeys(found)), errors  # a file given twice is loaded once


def _walk(folder: Path) -> tuple[list[Path], list[LoadError]]:
    """The supported files under `folder`, and a LoadError for each link that leads out of it.

    A link inside a folder someone hands over (or unpacks) could point anywhere, e.g.
    x.txt -> /etc/passwd: only links that stay inside the folder are followed. Linked
    folders are not entered (os.walk's default)."""
    hidden = (".", "~$")  # ~$ = Office lock files, not documents
    inside = folder.resolve()
    files, errors = [], []
    for root, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith(hidden))  # pruned here, os.walk never enters .git
        for path in (Path(root, n) for n in sorted(names)):
            if path.name.startswith(hidden) or path.suffix.lower() not in SUPPORTED:
                continue
            if path.is_symlink() and not path.resolve().is_relative_to(inside):
                errors.append(LoadError(path, f"a link to a file outside {folder.name or folder}",
                                        "links are not followed out of an ingested folder; copy the file in "
                                        "or ingest it by its own path"))
            else:
                files.append(path)
    return files, errors


def _unsupported(path: Path) -> LoadError:
    kind = path.suffix.lower() or "(no extension)"
    hint = "extract the archive and ingest its folder" if kind in ARCHIVES else CONVERT.get(kind, "")
    return LoadError(path, f"unsupported file type {kind}; supported: {', '.join(sorted(SUPPORTED))}", hint)


def load_file(path: str | Path, max_bytes: int = 50 * 1024 * 1024) -> RawText:
    """Read one supported file into a RawText (source = file name, path = str(path))."""
    path = Path(path)
    if error := _bad_name(path):
        raise error
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        raise _unsupported(path)
    try:
        size = path.stat().st_size
        if size == 0:
            raise LoadError(path, "empty file", "nothing to ingest")
        if size > max_bytes:
            raise LoadError(path, f"file is {size / 2**20:.1f} MB, over the {max_bytes / 2**20:g} MB limit",
                            "split it or raise the limit (ASSISTANT_MAX_FILE_MB; max_bytes for load_file)")
        if suffix == ".pdf":
            return _load_pdf(path)
        if suffix == ".docx":
            return _load_docx(path)
        data = path.read_bytes()
    except FileNotFoundError:
        raise LoadError(path, "file not found", "check the path") from None
    except OSError as e:
        raise LoadError(path, f"cannot read file ({e.strerror or e})", "check that it is a readable file") from None
    if suffix in {".html", ".htm"}:
        return _load_html(path, data)
    text, encoding = decode_bytes(data, path)
    kind = "text" if suffix == ".txt" else "markdown"
    return RawText(source=path.name, path=str(path), text=text, encoding=encoding, kind=kind)


def decode_bytes(data: bytes, path: str | Path = "", declared: str | None = None) -> tuple[str, str]:
    """Bytes -> (text, encoding used), newlines normalised; LoadError if empty, binary or undecodable.

    Example: "经济\\r\\n增长".encode("gbk") -> ("经济\\n增长", "gb18030"); "經濟".encode("big5") -> ("經濟", "big5")
    """
    text, encoding = _decode(data, path, declared)
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    if not text.strip():
        raise LoadError(path, "empty file", "nothing to ingest")
    return text, encoding


def _decode(data: bytes, path, declared: str | None) -> tuple[str, str]:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace"), "utf-16"
    head = data[:65536]
    if b"\x00" in head or len(CONTROL_BYTES.findall(head)) > len(head) / 100:
        raise LoadError(path, "looks like a binary file, not text", "check that it is the right file")
    try:
        encoding = "utf-8-sig" if data.startswith(codecs.BOM_UTF8) else "utf-8"
        text = data.decode(encoding)
        # Multi-byte UTF-8 is almost never valid by accident; only a few GBK bytes can be.
        if len(data) > 64 or plausibility(text) >= MIN_PLAUSIBILITY:
            return text, encoding
    except UnicodeDecodeError:
        pass
    # GBK bytes often decode "fine" as Big5 and vice versa, so every candidate is judged by
    # plausibility. Order only breaks ties: declared charset, then charset-normalizer's ranking,
    # except that on a few bytes (no coherence) detection is a coin toss and gb18030 goes first.
    matches = from_bytes(data, cp_isolation=CANDIDATES)
    detected = [m.encoding for m in matches]
    if not (matches and matches.best().coherence > 0):
        detected.insert(0, "gb18030")
    best, best_score = ("", ""), -2.0
    for encoding in dict.fromkeys(filter(None, map(_codec, [declared, *detected, *CANDIDATES]))):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:  # one bad byte must not sink a report; replacements lower the score
            text = data.decode(encoding, errors="replace")
        score = plausibility(text)
        if score > best_score + 0.01:
            best, best_score = (text, encoding), score
    if best_score < MIN_PLAUSIBILITY:
        raise LoadError(path, "cannot tell the text encoding (not UTF-8, GB18030 or Big5, or damaged)",
                        "re-save it as UTF-8 and try again")
    return best


def _codec(name: str | None) -> str | None:
    try:
        canonical = codecs.lookup(name).name if name else None
    except LookupError:
        return None  # an unknown <meta charset> is ignored, not fatal
    return ALIASES.get(canonical, canonical)


def plausibility(text: str, sample: int = 5000) -> float:
    """How much the first `sample` non-ASCII characters look like real Chinese text, -1..1
    (weights in _char_weight; pure ASCII scores 1.0).

    Example: plausibility("经济增长，民生改善。") == 1.0; the same GBK bytes read as Big5
    ("冪撳崝酗ㄛ...") score about 0.7.
    """
    chars = [m.group() for m in islice(NON_ASCII.finditer(text), sample)]
    return sum(map(_char_weight, chars)) / len(chars) if chars else 1.0


@lru_cache(maxsize=65536)
def _char_weight(ch: str) -> float:
    # Common hanzi and CJK punctuation 1, accented Latin 0.9, GB2312 symbols 0.8, rare hanzi
    # and other letters 0.5, other symbols 0.2; replacement, private-use and C1 controls -1.
    code = ord(ch)
    if ch == "\ufffd" or 0xE000 <= code <= 0xF8FF or code < 0xA0:
        return -1.0
    if 0x3000 <= code <= 0x303F or 0xFF01 <= code <= 0xFF5E or 0x2010 <= code <= 0x2027 or code == 0xB7:
        return 1.0
    if 0x4E00 <= code <= 0x9FFF:
        return 1.0 if _in_tier(ch, "gb2312", 0xB0A1, 0xD7F9) or _in_tier(ch, "big5", 0xA440, 0xC67E) else 0.5
    if 0xC0 <= code <= 0x24F:
        return 0.9  # lets a Western cp1252 file through, while GBK read as cp1252 still fails
    if ch.isalpha():
        return 0.5
    return 0.8 if _in_tier(ch, "gb2312", 0xA1A1, 0xA9FE) else 0.2  # report symbols: ≥ ℃ ① ‰ ×


def _in_tier(ch: str, encoding: str, low: int, high: int) -> bool:
    # Frequency tiers built into the standards: GB2312 level 1 = the 3755 most common
    # simplified hanzi, Big5 level 1 = the 5401 common traditional ones.
    try:
        return low <= int.from_bytes(ch.encode(encoding), "big") <= high
    except UnicodeEncodeError:
        return False


def _load_html(path: Path, data: bytes) -> RawText:
    m = META_CHARSET.search(data[:4096])
    html, encoding = decode_bytes(data, path, m.group(1).decode("ascii", "ignore") if m else None)
    if (depth := nesting_depth(html, MAX_HTML_DEPTH)) > MAX_HTML_DEPTH:
        raise LoadError(path, f"HTML nests elements more than {MAX_HTML_DEPTH} deep (no real page does)",
                        "open it in a browser and save it again, or save its text as .txt")
    text = html_to_text(html)
    if not text:
        raise LoadError(path, "HTML page has no visible text",
                        "check that it is the saved page, not a frame or redirect")
    return RawText(source=path.name, path=str(path), text=text, encoding=encoding, kind="html")


def nesting_depth(html: str, stop: int) -> int:
    """How deep a page nests its elements, counted from its tags in one pass (stops past `stop`).

    An estimate from above: an element counts as open from its start tag to its end tag,
    elements that cannot nest (NOT_NESTING) not at all. Example: "<div><span>a</span><p>b</div>" -> 2
    """
    open_tags: dict[str, int] = {}
    depth = deepest = 0
    for m in TAG.finditer(html):
        closing, name, self_closing = m.group(1), m.group(2).lower(), m.group(3)
        if name in NOT_NESTING or self_closing:
            continue
        if closing:
            if open_tags.get(name):
                open_tags[name] -= 1
                depth -= 1
            continue
        open_tags[name] = open_tags.get(name, 0) + 1
        depth += 1
        if depth > deepest:
            deepest = depth
            if deepest > stop:
                break
    return deepest


def html_to_text(html: str) -> str:
    """Visible text of an HTML page: one line per block element, table cells joined by " | ".

    Example: "<h1>报告</h1><script>x()</script><p>一、<b>成绩</b>\\n好</p><tr><td>A</td><td>B</td></tr>"
      -> "报告\\n一、成绩 好\\nA | B"
    """
    from selectolax.lexbor import LexborHTMLParser  # imported here: only HTML needs it

    tree = LexborHTMLParser(html)
    for node in tree.css(DROP_TAGS):
        node.decompose()
    for node in tree.css(BLOCK_TAGS):
        node.insert_before(BLOCK)
        node.insert_after(BLOCK)
    for node in tree.css("td, th"):
        node.insert_after(CELL)
    root = tree.body or tree.root
    lines = []
    for block in (root.text(separator="") if root else "").split(BLOCK):
        cells = (" ".join(cell.split()) for cell in block.split(CELL))  # whitespace collapses as in a browser
        lines.append(" | ".join(c for c in cells if c))
    return "\n".join(line for line in lines if line)


def _load_pdf(path: Path) -> RawText:
    from pypdf import PasswordType, PdfReader
    from pypdf.errors import DependencyError

    try:
        reader = PdfReader(path)
        # Many PDFs are "encrypted" with an empty user password just to restrict printing.
        if reader.is_encrypted and reader.decrypt("") == PasswordType.NOT_DECRYPTED:
            raise LoadError(path, "PDF is encrypted", "remove the password and try again")
        texts = [_page_text(page) for page in reader.pages]
    except (LoadError, OSError):
        raise
    except DependencyError as e:  # AES needs the optional 'cryptography' package, even for an empty password
        raise LoadError(path, f"PDF is encrypted ({e})", "install 'cryptography' or remove the password") from None
    except Exception as e:  # pypdf raises many types (struct, zlib, KeyError...) for damaged files
        raise LoadError(path, f"not a readable PDF ({type(e).__name__}: {e})",
                        "check that it opens in a PDF viewer") from None
    if not any(texts):
        raise LoadError(path, "PDF has no text layer (scanned?)", "it needs OCR before it can be ingested")
    # Every page gets an offset, blank ones too, so page numbers stay those of the PDF.
    offsets = accumulate((len(t) + 2 for t in texts[:-1]), initial=0)  # + 2 for the "\n\n" joint
    return RawText(source=path.name, path=str(path), text="\n\n".join(texts),
                   pages=[(offset, n) for n, offset in enumerate(offsets, start=1)], kind="pdf")


def _page_text(page) -> str:
    try:
        text = page.extract_text() or ""
    except Exception:  # one damaged page should not lose the rest of the report
        return ""
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


def _load_docx(path: Path) -> RawText:
    import docx
    from docx.table import Table

    try:
        lines = []
        for block in docx.Document(str(path)).iter_inner_content():
            lines += _table_lines(block) if isinstance(block, Table) else [block.text]
    except OSError:
        raise
    except Exception as e:  # python-docx raises zipfile, KeyError, lxml errors... for broken files
        raise LoadError(path, f"not a readable Word .docx file ({type(e).__name__})",
                        "open and re-save it in Word (an old .doc renamed to .docx will not work)") from None
    text = "\n".join(line.strip() for line in lines if line.strip())
    if not text:
        raise LoadError(path, "empty file", "the Word document has no text")
    return RawText(source=path.name, path=str(path), text=text, kind="docx")


def _table_lines(table) -> list[str]:
    """One line per row, cells joined by " | ": [["指标", "增速"]] -> ["指标 | 增速"]."""
    lines = []
    for row in table.rows:
        cells = {id(c._tc): c for c in row.cells}.values()  # a merged cell repeats across its columns
        lines.append(" | ".join(" ".join(c.text.split()) for c in cells if c.text.strip()))
    return lines
