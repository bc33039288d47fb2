"""Walk the body element in document order and turn it into typed blocks.

Inline text gathers into paragraphs, split at block elements and at ``<br>``; headings, lists,
tables, quotes and images become blocks of their own. Link lists inside the body and layout
tables are recognised: the first are dropped, the second walked into.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..article import Block, Image
from ..records import SNIPPET
from ..rules import INLINE_TAGS
from ..text import join_url, squash, text_of

_INDENT = re.compile("[ \t\r\n\u00a0]*(\u3000+)")
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_SKIP = frozenset({"script", "style", "noscript", "template", "head", "title"})
_IMAGE_SRC_ATTRS = ("data-src", "data-original", "data-lazy-src", "original", "src")


@dataclass
class Walk:
    base_url: str | None
    blocks: list[Block] = field(default_factory=list)
    dropped: list[tuple[str, str]] = field(default_factory=list)  # (rule, text)
    buffer: list[str] = field(default_factory=list)

    def flush(self) -> None:
        if self.buffer:
            raw = "".join(self.buffer)
            self.buffer.clear()
            if not raw or raw.isspace():  # the white space between block elements
                return
            text = squash(raw)
            if text:
                indent = _INDENT.match(raw)
                if indent:  # the U+3000 paragraph indent is the page's, and kept
                    text = indent.group(1) + text
                self.blocks.append(Block("paragraph", text=text))

    def image(self, el: Any) -> Image | None:
        src = next((el.get(a) for a in _IMAGE_SRC_ATTRS if el.get(a)), None)
        if not src or src.startswith("data:"):
            return None
        for dim in ("width", "height"):
            value = (el.get(dim) or "").strip().rstrip("px")
            if value.isdigit() and int(value) < 40:
                return None
        src = src.strip()
        if self.base_url:
            src = join_url(self.base_url, src)
        return Image(src=src, alt=squash(el.get("alt") or el.get("title") or ""))


def _link_lengths(el: Any) -> dict[Any, int]:
    """The length of each link's text in ``el`` (read once for the tests below)."""
    return {a: len(text_of(a)) for a in el.iter("a")}


def _link_share(el: Any, links: dict[Any, int] | None = None) -> float:
    text = len(text_of(el))
    if not text:
        return 1.0
    return sum((_link_lengths(el) if links is None else links).values()) / text


def _is_teaser_list(el: Any, items: tuple[str, ...], links: dict[Any, int]) -> bool:
    """Items that each lead with a linked headline: a list of other stories."""
    if len(items) < 3:
        return False
    linked = 0
    for li in el:
        if next(li.iterdescendants(*_HEADINGS), None) is not None or any(
            links[a] >= 15 for a in li.iter("a")
        ):
            linked += 1
    return linked >= 0.6 * len(items)


def _items(el: Any) -> tuple[str, ...]:
    return tuple(t for t in (text_of(li) for li in el if li.tag in ("li", "dt", "dd")) if t)


def _is_layout_list(el: Any) -> bool:
    """A list used for page layout: its items hold lists, headings or paragraphs of their own."""
    return bool(el.xpath("./*/ul | ./*/ol | ./*//h1 | ./*//h2 | ./*//h3 | ./*//p | ./*//div//ul"))


def _visit_list(walk: Walk, el: Any) -> None:
    """A list of links or of other stories is dropped; a layout list is walked into like a div;
    any other becomes a list block."""
    items = _items(el)
    links = _link_lengths(el)
    furniture = _link_share(el, links) > 0.5 or _is_teaser_list(el, items, links)
    if not furniture and _is_layout_list(el):
        _visit_children(walk, el)
        return
    walk.flush()
    if items and furniture:
        walk.dropped.append(("link list", " / ".join(items)[:SNIPPET]))
    elif items:
        walk.blocks.append(Block("list", items=items, ordered=el.tag == "ol"))
    for img in el.iter("img"):
        image = walk.image(img)
        if image is not None:
            walk.blocks.append(Block("image", image=image))


def _visit_children(walk: Walk, el: Any) -> None:
    """A block element: its text and children make paragraphs of their own."""
    walk.flush()
    walk.buffer.append(el.text or "")
    for child in el:
        _visit(walk, child)
    walk.flush()


def _is_layout_table(el: Any) -> bool:
    if el.find(".//table") is not None:
        return True
    for cell in el.iter("td", "th"):
        if (
            len(text_of(cell)) > 150
            or cell.find(".//p") is not None
            or cell.find(".//div") is not None
        ):
            return True
    return False


def _table_rows(el: Any) -> tuple[tuple[str, ...], ...]:
    rows = []
    for tr in el.iter("tr"):
        cells = tuple(text_of(c) for c in tr if c.tag in ("td", "th"))
        if any(cells):
            rows.append(cells)
    return tuple(rows)


def _visit(walk: Walk, el: Any) -> None:
    tag = el.tag
    if not isinstance(tag, str) or tag in _SKIP:
        pass
    elif tag == "br":
        walk.flush()
    elif tag == "img":
        image = walk.image(el)
        if image is not None:
            walk.flush()
            walk.blocks.append(Block("image", image=image))
    elif tag in INLINE_TAGS:
        walk.buffer.append(el.text or "")
        for child in el:
            _visit(walk, child)
    elif tag in _HEADINGS:
        walk.flush()
        text = text_of(el)
        if text:
            walk.blocks.append(Block("heading", text=text, level=_HEADINGS[tag]))
    elif tag in ("ul", "ol", "dl"):
        _visit_list(walk, el)
    elif tag == "table" and not _is_layout_table(el):
        walk.flush()
        rows = _table_rows(el)
        if rows and _link_share(el) > 0.5:
            walk.dropped.append(("link table", text_of(el)[:SNIPPET]))
        elif rows:
            walk.blocks.append(Block("table", rows=rows))
    elif tag == "blockquote":
        walk.flush()
        start = len(walk.blocks)
        walk.buffer.append(el.text or "")
        for child in el:
            _visit(walk, child)
        walk.flush()
        walk.blocks[start:] = [
            Block("quote", text=b.text) if b.type == "paragraph" else b for b in walk.blocks[start:]
        ]
    elif tag == "figure":
        walk.flush()
        caption_el = el.find(".//figcaption")
        caption = text_of(caption_el) if caption_el is not None else ""
        for img in el.iter("img"):
            image = walk.image(img)
            if image is not None:
                walk.blocks.append(
                    Block("image", text=caption, image=Image(image.src, image.alt, caption))
                )
                caption = ""
        if caption:
            walk.blocks.append(Block("paragraph", text=caption))
    else:
        _visit_children(walk, el)
    walk.buffer.append(el.tail or "")


def walk_blocks(body: Any, base_url: str | None) -> Walk:
    walk = Walk(base_url=base_url)
    walk.buffer.append(body.text or "")
    for child in body:
        _visit(walk, child)
    walk.flush()
    return walk
