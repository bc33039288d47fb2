"""Small text helpers shared by the stages."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any
from urllib.parse import urljoin, urlsplit

# A line break between two CJK characters is where the page's source wrapped a line: no space.
_CJK = "\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"
_WRAPPED = re.compile(f"(?<=[{_CJK}])[ \\t\\r]*\\n\\s*(?=[{_CJK}])")
# Private-use characters at the ends of a headline are icon-font glyphs (a share or print icon);
# inside a text they may be a rare character a site put in GBK's user-defined area, and stay.
_PRIVATE_USE_EDGES = re.compile(r"^[\ue000-\uf8ff\s]+|[\ue000-\uf8ff\s]+$")


def alternation(words: Iterable[str]) -> str:
    """A regular expression matching any of ``words`` (longest first), written as a trie:
    ``nav|navbar|news`` becomes ``n(?:av(?:bar)?|ews)``. Python's engine tries the branches of a
    flat alternation one by one at every position; a trie decides on each character once."""
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        branches = [re.escape(char) + emit(node[char]) for char in sorted(node) if char]
        if not branches:
            return ""
        if "" in node:
            return "(?:" + "|".join(branches) + ")?"
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    return emit(trie)


def compact(text: str) -> str:
    """The text without any white space: how two lines are told to be the same."""
    return "".join(text.split())


def squash(text: str) -> str:
    """White space runs (including no-break and ideographic spaces) as one space, trimmed; a line
    break between two CJK characters vanishes."""
    if "\n" in text and not text.isascii():  # (known at once: no CJK in ASCII text)
        text = _WRAPPED.sub("", text)
    if "\u200b" in text:  # zero-width space: not white space to str.split
        text = text.replace("\u200b", " ")
    return " ".join(text.split())


def headline(text: str) -> str:
    """A headline squashed, without icon glyphs at its ends."""
    out = squash(text)
    if out and (out[0] >= "\ue000" or out[-1] >= "\ue000"):
        out = _PRIVATE_USE_EDGES.sub("", out)
    return out


def describe(el: Any) -> str:
    """A short path for an element: tag#id.class."""
    out = str(el.tag)
    if el.get("id"):
        out += "#" + el.get("id")
    if el.get("class"):
        out += "." + ".".join(el.get("class").split()[:2])
    return out


def opening(el: Any, want: int = 120) -> str:
    """The first characters of an element's text (at least ``want`` when it has them), without
    reading all of it."""
    parts: list[str] = []
    size = 0
    for piece in el.itertext():
        parts.append(piece)
        size += len(piece)
        if size >= want:
            break
    return "".join(parts)


def raw_text(el: Any) -> str:
    """An element's whole text, as it stands."""
    return "".join(el.itertext())


def text_of(el: Any) -> str:
    """An element's whole text, squashed."""
    return squash("".join(el.itertext()))


def short_text(el: Any, limit: int) -> str | None:
    """An element's squashed text when it is at most ``limit`` characters long, else None;
    reads only as much of a long element (a whole page's body) as it takes to tell."""
    parts: list[str] = []
    size = 0
    check_at = limit
    for piece in el.itertext():
        parts.append(piece)
        size += len(piece)
        if size > check_at:
            if len(squash("".join(parts))) > limit:
                return None  # squashing more text never makes it shorter
            check_at = 2 * size  # mostly white space so far: look again later
    text = squash("".join(parts))
    return text if len(text) <= limit else None


def _texts_within(el: Any) -> Iterator[tuple[Any, str]]:
    """(holding element, text) for every text inside ``el``, in document order."""
    if el.text:
        yield el, el.text
    for child in el:
        yield from _texts_within(child)
        if child.tail:
            yield el, child.tail


def following_texts(el: Any) -> Iterator[tuple[Any, str]]:
    """(holding element, text) for every text after ``el`` (not inside it), in document order,
    read lazily: the caller stops after the few it needs."""
    node = el
    while node is not None:
        parent = node.getparent()
        if node.tail and parent is not None:
            yield parent, node.tail
        for sibling in node.itersiblings():
            yield from _texts_within(sibling)
            if sibling.tail:
                yield parent, sibling.tail
        node = parent


def drop_tree(el: Any) -> None:
    """Remove ``el`` and its subtree from the tree, keeping the text that follows it."""
    parent = el.getparent()
    if parent is None:
        return
    if el.tail:
        previous = el.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + el.tail
        else:
            parent.text = (parent.text or "") + el.tail
    parent.remove(el)


# UTF-8 writes U+4000-U+9FFF (the CJK ideographs) with a first byte of 0xE4-0xE9, and no other
# character uses those bytes: counting them counts the ideographs, in C.
_NOT_CJK_LEAD = bytes(b for b in range(256) if not 0xE4 <= b <= 0xE9)


def cjk_ratio(text: str, sample: int = 2000) -> float:
    """Share of CJK ideographs among the non-space characters of ``text`` (its first
    ``sample`` characters)."""
    text = text[:sample]
    chars = len("".join(text.split()))
    if not chars:
        return 0.0
    return len(text.encode("utf-8", "surrogatepass").translate(None, _NOT_CJK_LEAD)) / chars


def join_url(base: str | None, href: str) -> str:
    """``href`` made absolute against ``base``; as it stands when either is malformed
    (http://[object Object]/a.jpg is real output of broken page scripts)."""
    if not base:
        return href
    try:
        return urljoin(base, href)
    except ValueError:
        return href


def url_host(url: str | None) -> str | None:
    """The host of ``url``, or None when there is none or the URL is malformed."""
    if not url:
        return None
    try:
        return urlsplit(url).hostname
    except ValueError:
        return None
