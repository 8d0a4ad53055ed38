"""Reading a file into a :class:`Document`: size limit, encoding, PDF text layer, HTML, JSON.

Every failure raises :class:`~callscope.errors.InputError` naming the file and the problem.
"""

from __future__ import annotations

import codecs
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from callscope.errors import InputError

__all__ = ["DEFAULT_MAX_BYTES", "Document", "document_from_text", "read_document"]

DEFAULT_MAX_BYTES = 20 * 1024 * 1024

# Share of control characters (other than whitespace and form feed) above which a decoded
# text is taken for binary data.
_MAX_CONTROL_SHARE = 0.01
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


@dataclass(frozen=True, slots=True)
class Document:
    """A file as read: its name, what kind of content it held, and its text.

    ``kind`` is ``"text"``, ``"pdf"`` (text layer, pages separated by form feeds),
    ``"html"`` (visible text, one block per line) or ``"json"`` (``data`` holds the value
    and ``text`` the raw JSON).
    """

    path: str
    kind: str
    text: str
    data: Any = field(default=None, compare=False)

    @property
    def name(self) -> str:
        return Path(self.path).name


def document_from_text(text: str, path: str = "<text>") -> Document:
    """A document from text already in memory (for tests and the Python API)."""
    return _classify(path, text)


def read_document(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    shown = str(path)
    p = Path(path)
    try:
        size = p.stat().st_size
    except FileNotFoundError:
        raise InputError(shown, "no such file") from None
    except OSError as e:
        raise InputError(shown, f"cannot read: {e.strerror}") from None
    if p.is_dir():
        raise InputError(shown, "is a directory, not a transcript file")
    if size > max_bytes:
        raise InputError(
            shown,
            f"file is {size:,} bytes, over the {max_bytes:,}-byte limit "
            "(raise it with --max-bytes)",
        )
    try:
        data = p.read_bytes()
    except OSError as e:
        raise InputError(shown, f"cannot read: {e.strerror}") from None
    if not data.strip():
        raise InputError(shown, "file is empty")
    if data.startswith(b"%PDF-"):
        return Document(shown, "pdf", _pdf_text(shown, data))
    return _classify(shown, _decode(shown, data))


def _decode(path: str, data: bytes) -> str:
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return _check_text(path, data.decode(encoding))
            except UnicodeDecodeError:
                raise InputError(path, f"invalid {encoding} text") from None
    if b"\x00" in data[:4096]:
        raise InputError(path, "binary file, not a text transcript")
    try:
        return _check_text(path, data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    # Not UTF-8. Windows-1252 is a superset of Latin-1's printable range, so it reads both;
    # Latin-1 takes the five bytes Windows-1252 leaves undefined. (charset detectors guess
    # wrong on short English texts, picking Central European code pages.)
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = data.decode("latin-1")
    return _check_text(path, text)


def _check_text(path: str, text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError(path, "file is empty")
    controls = len(_CONTROL.findall(text))
    if controls > _MAX_CONTROL_SHARE * len(text):
        raise InputError(path, "binary file, not a text transcript")
    return text


def _pdf_text(path: str, data: bytes) -> str:
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as e:
        raise InputError(path, f"unreadable PDF ({e})") from None
    try:
        pages = []
        for page in pdf:
            textpage = page.get_textpage()
            pages.append(textpage.get_text_range())
            textpage.close()
            page.close()
    finally:
        pdf.close()
    # A form feed ends each page on a line of its own, so a heading that opens the next page
    # starts a line, as it would in any text layout.
    text = "\f\n".join(pages).replace("\r\n", "\n").replace("\r", "\n")
    if not text.replace("\f", "").strip():
        raise InputError(path, "PDF has no text layer (a scanned document?); run OCR on it first")
    return text


def _classify(path: str, text: str) -> Document:
    head = text.lstrip()[:1]
    if head in ("{", "["):
        try:
            data = json.loads(text)
        except json.JSONDecodeError as e:
            raise InputError(
                path, f"invalid or truncated JSON at line {e.lineno}, column {e.colno}: {e.msg}"
            ) from None
        return Document(path, "json", text, data)
    low = text[:2000].lower()
    if head == "<" and ("<html" in low or "<body" in low or "<!doctype html" in low):
        return Document(path, "html", html_to_text(text))
    return Document(path, "text", text)


_BLOCKS = "p,h1,h2,h3,h4,h5,h6,li,td,th,pre,blockquote,dt,dd"


def html_to_text(html: str) -> str:
    """Visible text of a page, one block element per line (script, style, nav dropped)."""
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(html)
    for tag in ("script", "style", "noscript", "nav", "svg", "form", "iframe"):
        for node in tree.css(tag):
            node.decompose()
    root = tree.body or tree.root
    if root is None:
        return ""
    lines = []
    for node in root.css(_BLOCKS):
        # Only innermost blocks, so nested blocks are not repeated (css() includes the node).
        if len(node.css(_BLOCKS)) > 1:
            continue
        line = " ".join(node.text(separator=" ").split())
        if line:
            lines.append(line)
    return "\n\n".join(lines)
