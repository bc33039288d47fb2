"""The page as decoded, annotated: the body outlined green, every removed block outlined red
with its rule and reason in a ``title`` (shown on hover), and a legend box.

The trace's tree is left untouched: the page is copied, and each element the clean stage
detached is copied and put back where it stood (in reverse order of removal, so that a block
removed from inside a block removed later finds its parent); scripts, noscript fallbacks,
templates and drawings (svg, canvas), stripped at parse, stay out. Scripts left in markup lose
their code and event handlers; styles stay.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any

import lxml.html
from lxml import etree

from ..pipeline import Trace
from ..records import SNIPPET, Removal
from ..text import describe, squash, text_of

BODY_CLASS = "zy-explain-body"
REMOVED_CLASS = "zy-explain-removed"
LINE_CLASS = "zy-explain-line"
SHOWN_CLASS = "zy-explain-shown"  # a hidden box the clean stage removed, shown faded
STYLE = f"""
.{BODY_CLASS} {{ outline: 3px solid #1a7f37 !important; outline-offset: 2px !important; }}
.{REMOVED_CLASS} {{ outline: 2px solid #d1242f !important; outline-offset: -2px !important; }}
.{SHOWN_CLASS} {{ display: block !important; visibility: visible !important; opacity: .6; }}
.{LINE_CLASS} {{ outline: 2px dashed #d1242f !important; outline-offset: -2px !important; }}
#zy-explain-legend {{
  position: fixed; top: 8px; right: 8px; z-index: 2147483647; max-width: 24em;
  background: #fff; color: #111; border: 1px solid #888; border-radius: 4px;
  padding: 6px 10px; font: 13px/1.5 system-ui, sans-serif; text-align: left;
  box-shadow: 0 2px 6px rgba(0, 0, 0, .25);
}}
#zy-explain-legend span {{ display: inline-block; width: 1.4em; height: .8em; margin-right: .4em; }}
"""
_LIST_TAGS = ("ul", "ol", "dl")
_ITEM_TAGS = ("li", "dt", "dd")
_URL_ATTRS = ("href", "src", "action", "formaction")


def _twin_map(original: Any, twin: Any, mapping: dict[Any, Any]) -> None:
    for a, b in zip(original.iter(), twin.iter(), strict=True):
        mapping[a] = b


def _restored_copy(trace: Trace) -> tuple[Any, dict[Any, Any], list[tuple[Any, Removal]]]:
    """A copy of the cleaned page with the removed elements back in place."""
    root = trace.cleaned.tree
    twin = copy.deepcopy(root)
    mapping: dict[Any, Any] = {}
    _twin_map(root, twin, mapping)
    cleaned = trace.cleaned
    copies: list[Any] = []
    for taken in cleaned.detached:
        el = taken.element
        piece = copy.deepcopy(el)
        piece.tail = None  # drop_tree moved the tail onto the previous sibling or the parent
        _twin_map(el, piece, mapping)
        copies.append(piece)
    placed: list[tuple[Any, Removal]] = []
    for taken, piece in reversed(list(zip(cleaned.detached, copies, strict=True))):
        home = mapping.get(taken.parent)
        if home is not None:
            home.insert(taken.index, piece)
            if taken.removal is not None:
                placed.append((piece, taken.removal))
    return twin, mapping, placed


def _mark(el: Any, css_class: str, note: str) -> None:
    classes = (el.get("class") or "").split()
    if css_class not in classes:
        el.set("class", " ".join([*classes, css_class]))
    old = el.get("title")
    el.set("title", f"{note}\n{old}" if old else note)


def _list_key(el: Any) -> str:
    items = [t for t in (text_of(li) for li in el if li.tag in _ITEM_TAGS) if t]
    return " / ".join(items)[:SNIPPET]


def _body_elements(body: Any) -> Iterator[Any]:
    for el in body.iter():
        if isinstance(el.tag, str):
            yield el


_MAX_WRAPPED = 200


def _line_index(body: Any) -> dict[str, list[tuple[Any, int]]]:
    """The body's elements by the opening of their text (one pass, so that finding each dropped
    line is a look-up, not another walk of the body)."""
    index: dict[str, list[tuple[Any, int]]] = {}
    for el in _body_elements(body):
        text = text_of(el)
        if text:
            index.setdefault(text[:SNIPPET], []).append((el, len(text)))
    return index


def _find_line(index: dict[str, list[tuple[Any, int]]], removal: Removal, used: set[Any]) -> Any:
    """The innermost element of the body whose whole text is the removed line, if one is."""
    best = None
    for el, size in index.get(removal.text, ()):
        if best is not None and best not in el.iterancestors():
            break  # past the match and everything inside it
        if el in used or not (size == removal.chars or removal.rule == "tail cut"):
            continue
        best = el  # a match inside the previous one is closer to the line
    return best


def _find_walked(body: Any, removal: Removal, used: set[Any]) -> Any:
    tags = _LIST_TAGS if removal.rule == "link list" else ("table",)
    for el in body.iter(*tags):
        if el in used:
            continue
        key = _list_key(el) if el.tag in _LIST_TAGS else text_of(el)[:SNIPPET]
        if key == removal.text:
            return el
    return None


def _mark_body(trace: Trace, mapping: dict[Any, Any]) -> int:
    """Outline the body and the blocks the content stage dropped inside it; their count."""
    body = trace.content.body
    if body is None or body not in mapping:
        return 0
    strategy = dict(trace.content.strategies).get("body", "")
    _mark(mapping[body], BODY_CLASS, f"body ({describe(body)}), chosen by {strategy}")
    used: set[Any] = set()
    marked = 0
    index = _line_index(body)
    wrapped = 0
    for removal in trace.content.removals:
        if removal.rule.startswith("line:") or removal.rule == "tail cut":
            found = _find_line(index, removal, used)
        else:
            found = _find_walked(body, removal, used)
        note = f"{removal.rule}: {removal.reason} ({removal.chars} chars)"
        if found is not None and found in mapping:
            used.add(found)
            _mark(mapping[found], LINE_CLASS, note)
            marked += 1
        elif wrapped < _MAX_WRAPPED and _wrap_text(mapping[body], removal, note):
            wrapped += 1  # each is a walk of the body: a bounded number, for huge pages
            marked += 1
    return marked


def _wrap_text(body: Any, removal: Removal, note: str) -> bool:
    """Outline a line that is a bare run of text (between ``<br>`` tags, say) with a span."""
    if not removal.text:
        return False
    for el in _body_elements(body):
        if any(REMOVED_CLASS in (a.get("class") or "") for a in (el, *el.iterancestors())):
            continue  # a block the clean stage removed, put back: not the body's own text
        for where in ("text", "tail") if el is not body else ("text",):
            value = getattr(el, where)
            if not value or not squash(value).startswith(removal.text):
                continue
            span = etree.Element("span")
            span.text = value
            if where == "text":
                el.text = None
                el.insert(0, span)
            else:
                el.tail = None
                el.addnext(span)
            _mark(span, LINE_CLASS, note)
            return True
    return False


def _make_inert(root: Any) -> None:
    for script in root.iter("script"):
        script.text = None
        for child in list(script):
            script.remove(child)
        for name in ("src", "integrity", "nonce"):
            script.attrib.pop(name, None)
        script.set("type", "text/plain")
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        for name in [n for n in el.attrib if n.lower().startswith("on") or n.lower() == "srcdoc"]:
            del el.attrib[name]
        for name in _URL_ATTRS:
            value = el.get(name)
            if value is not None and value.strip().lower().startswith("javascript:"):
                el.set(name, "#")
    for meta in root.iter("meta"):
        if (meta.get("http-equiv") or "").lower() == "refresh":
            meta.getparent().remove(meta)


def _head(root: Any) -> Any:
    head = root.find("head")
    if head is None:
        head = etree.Element("head")
        root.insert(0, head)
    return head


def _set_charset(root: Any, base_url: str | None) -> None:
    head = _head(root)
    for meta in list(head.iter("meta")):
        equiv = (meta.get("http-equiv") or "").lower()
        if meta.get("charset") is not None or equiv == "content-type":
            meta.getparent().remove(meta)
    charset = etree.Element("meta", charset="utf-8")
    head.insert(0, charset)
    # whatever markup survived the cleaning above, the browser is told to run no script at all
    charset.addnext(
        etree.Element(
            "meta",
            {
                "http-equiv": "Content-Security-Policy",
                "content": "script-src 'none'; object-src 'none'; frame-src 'none'",
            },
        )
    )
    if base_url and root.find(".//base") is None:
        charset.addnext(etree.Element("base", href=base_url))
    style = etree.SubElement(head, "style", id="zy-explain-style")
    style.text = STYLE


def _legend(root: Any, trace: Trace, removed: int, lines: int) -> None:
    body = root.find("body")
    if body is None:
        body = etree.SubElement(root, "body")
    box = lxml.html.fragment_fromstring(
        '<div id="zy-explain-legend"><b>zhangye explain</b><br>'
        '<span style="border: 3px solid #1a7f37"></span>body<br>'
        '<span style="border: 2px solid #d1242f"></span>removed by cleaning<br>'
        '<span style="border: 2px dashed #d1242f"></span>dropped inside the body<br>'
        "<small>Hover a box for its rule and reason.</small></div>"
    )
    counts = etree.SubElement(box, "div")
    counts.text = (
        f"{removed} blocks removed, {lines} lines dropped; "
        f"encoding {trace.decoded.encoding.name} ({trace.decoded.encoding.method})"
    )
    body.insert(0, box)


def annotated_html(trace: Trace) -> str:
    """The decoded page with the body outlined green and each removed block red (UTF-8 text)."""
    root, mapping, placed = _restored_copy(trace)
    for piece, removal in placed:
        _mark(piece, REMOVED_CLASS, f"{removal.rule}: {removal.reason} ({removal.chars} chars)")
        if removal.rule == "hidden":
            piece.set("class", f"{piece.get('class')} {SHOWN_CLASS}")
    lines = _mark_body(trace, mapping)
    _make_inert(root)
    _set_charset(root, trace.cleaned.parsed.base_url)
    _legend(root, trace, len(placed), lines)
    page: str = lxml.html.tostring(root, encoding="unicode", doctype="<!DOCTYPE html>")
    return page if page.endswith("\n") else page + "\n"
