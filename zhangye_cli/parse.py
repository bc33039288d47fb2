"""Parse stage: DecodedPage text → ParsedPage: the lxml tree (without scripts, noscript
fallbacks, templates and drawings, read or stripped here), the head tags, the h1/h2 headings and
<time> elements, the base URL, the declared language, and the text and class/id indexes."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from lxml import etree

from .charsets import codec_for
from .config import Config
from .errors import NoArticleError
from .headtags import HEAD_TAGS, read_head_tags
from .records import DecodedPage, ParsedPage
from .rules import STRIPPED_TAGS
from .text import url_host
from .textindex import attribute_index, build_text_index

_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*>", re.I)
# Characters libxml2 refuses in a document (C0 controls but tab, newline, carriage return).
_CONTROL_CHARS = tuple(chr(c) for c in (*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20)))
_BAD_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


# Every byte but those control characters: deleting them leaves only the controls.
_NOT_CONTROL_BYTES = bytes(b for b in range(256) if chr(b) not in _CONTROL_CHARS)


@lru_cache(maxsize=32)
def _keeps_control_bytes(codec: str) -> bool:
    """Whether ``codec`` writes the C0 control characters as their own single bytes (UTF-8, GBK,
    Big5, the ISO and Windows code pages do; UTF-16 does not)."""
    probe = "".join(_CONTROL_CHARS) + "<p>"
    try:
        return probe.encode(codec) == probe.encode("ascii")
    except (LookupError, UnicodeError):
        return False


def _may_hold_controls(decoded: DecodedPage, text: str) -> bool:
    """Whether the text may hold control characters libxml2 refuses: looked for in the bytes when
    the codec kept them as bytes (one pass in C), else in the text (a substring test each)."""
    raw = decoded.raw
    if raw.text is None and _keeps_control_bytes(decoded.encoding.name):
        return bool(raw.data.translate(None, _NOT_CONTROL_BYTES))
    return any(char in text for char in _CONTROL_CHARS)


# zh, zh-CN, en_US, zh-Hans-CN: what a declared language looks like (pages also write charsets
# and nonsense there).
_LANGUAGE_TAG = re.compile(r"[a-z]{2,3}(?:[-_][a-z0-9]{1,8})*")


def _language_tag(value: str | None) -> str | None:
    tag = (value or "").strip().lower()
    if not _LANGUAGE_TAG.fullmatch(tag) or codec_for(tag):  # utf-8, gbk: a charset, misplaced
        return None
    return tag


def _in_tree(el: Any, root: Any) -> bool:
    """Whether ``el`` is still under ``root`` (not inside a stripped subtree)."""
    while el is not None:
        if el is root:
            return True
        el = el.getparent()
    return False


def _parser(encoding: str | None = None) -> etree.HTMLParser:
    # collect_ids=False: no table of id attributes (nothing looks elements up by id), a faster parse
    return etree.HTMLParser(
        remove_comments=True,
        remove_pis=True,
        default_doctype=False,
        collect_ids=False,
        encoding=encoding,
    )


def _utf8_source(decoded: DecodedPage, text: str) -> bytes | None:
    """The page's bytes when they are exactly ``text`` in UTF-8: libxml2 reads UTF-8 without
    converting it first (a text is handed over as Latin-1, UTF-16 or UTF-32), a faster parse."""
    encoding = decoded.encoding
    if (
        text is decoded.text
        and encoding.lossless
        and encoding.name == "utf-8"
        and decoded.raw.text is None
        and not decoded.repairs
    ):
        return decoded.raw.data
    return None


def parse_page(decoded: DecodedPage, config: Config) -> ParsedPage:
    text = decoded.text
    declaration = _XML_DECLARATION.match(text)
    if declaration:
        text = text[declaration.end() :]
    origin = decoded.raw.origin
    if not text or text.isspace():  # (no copy of the page, as strip() would make)
        raise NoArticleError(f"{origin}: the page is empty; check the file or URL")
    if _may_hold_controls(decoded, text):
        text = _BAD_CONTROLS.sub("", text)
        if not text or text.isspace():
            raise NoArticleError(f"{origin}: the page is empty; check the file or URL")
    source = _utf8_source(decoded, text)
    parser = _parser("utf-8" if source is not None else None)
    try:
        root = etree.fromstring(text if source is None else source, parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        raise NoArticleError(f"{origin}: the page cannot be parsed as HTML ({exc})") from exc
    if root is None:
        raise NoArticleError(f"{origin}: the page holds no HTML elements")
    # One walk finds every element a stage looks up by its tag (a lookup of its own walks the
    # whole tree: lxml looks ahead for a next match even when the first is all that is wanted).
    # What the scripts say (JSON-LD, a publish timestamp) is read first; then they go, with
    # noscript fallbacks, templates and drawings: no stage needs them, and every later walk is
    # shorter.
    landmarks = list(root.iter(*HEAD_TAGS, "h1", "h2", "time"))
    head = read_head_tags(landmarks)
    etree.strip_elements(root, *STRIPPED_TAGS, with_tail=False)
    headings = tuple(el for el in landmarks if el.tag in ("h1", "h2") and _in_tree(el, root))
    times = tuple(el for el in landmarks if el.tag == "time" and _in_tree(el, root))
    base_url = decoded.raw.url or config.url
    if head.base and url_host(head.base):
        base_url = head.base
    lang = _language_tag(
        root.get("lang") or root.get("xml:lang") or head.meta.get("content-language")
    )
    body = root.find("body")
    scope = body if body is not None else root
    return ParsedPage(
        decoded=decoded,
        tree=root,
        base_url=base_url,
        lang=lang,
        texts=build_text_index(scope),
        too_deep=any("Excessive depth" in e.message for e in parser.error_log),
        attrs=attribute_index(scope, lower=True),
        head=head,
        headings=headings,
        times=times,
    )
