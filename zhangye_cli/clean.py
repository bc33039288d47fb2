"""Clean stage: take page furniture out of the tree, recording each removal with its rule.

Rules run in this order: elements that hold no article text (nav, footer, style, form controls,
...; scripts and drawings the parse stage has stripped already); the site
profile's drops; elements whose class or id names furniture (share, comment, breadcrumb, ...),
unless they look like article text; short blocks carrying a boilerplate cue phrase (上一篇,
分享到, 版权所有, ...). Metadata has already been read from the whole page, so nothing of value
is lost here. Rights notices are left for the content stage, which moves them to
``Article.notices``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from lxml import etree

from .profiles import Profile
from .records import CleanedPage, Detached, ParsedPage
from .rules import (
    CUE_LINE_MAX,
    CUE_PATTERN_UNCASED,
    CUE_RULE,
    DROP_TAGS,
    FURNITURE_WORDS,
    INLINE_TAGS,
    LOWER_CUES,
    PROSE_FURNITURE,
    SILENT_TAGS,
    STRIPPED_TAGS,
    cue_is_void,
    is_notice,
)
from .text import alternation, drop_tree, raw_text, short_text

_CLIMB_MAX = 200
# The dropped tags the parse stage has not stripped already.
_DROPS_LEFT = tuple(tag for tag in DROP_TAGS if tag not in STRIPPED_TAGS)
_LENGTH = etree.XPath("string-length(.)")
_LINK_TEXTS = etree.XPath("descendant::a/descendant::text()", smart_strings=False)
# Machine-readable records (publisher, logo, picture size) that pages keep out of sight.
_MICRODATA = frozenset({"publisher", "logo", "image", "author", "height", "width"})
_SENTENCE_END = re.compile(r"[。！？]|[.!?](?=\s)")
# Hidden boxes (visibility:hidden is left alone: scripts often reveal article text that way).
# (Found through their attributes: a test on every element's attributes costs more.)
_OUT_OF_SIGHT = etree.XPath(
    "(descendant-or-self::*/@style | descendant-or-self::*/@hidden"
    " | descendant-or-self::*/@aria-hidden | descendant-or-self::*/@itemscope)/.."
)


def _is_hidden(el: Any) -> bool:
    if el.get("hidden") is not None or el.get("aria-hidden") == "true":
        return True
    style = el.get("style")
    return bool(style) and "display:none" in style.lower().replace(" ", "")


@lru_cache(maxsize=1)
def _furniture_pattern() -> re.Pattern[str]:
    # The separator or punctuation before the word is matched (not looked behind), so the
    # engine can skip ahead to it; group 1 is the word.
    return re.compile(rf"[^A-Za-z0-9]({alternation(FURNITURE_WORDS)})(?![a-z0-9])")


class _Remover:
    def __init__(self, root: Any) -> None:
        self.root = root
        self.removed: set[Any] = set()
        self.detached: list[Detached] = []

    def gone(self, el: Any, memo: dict[Any, bool] | None = None) -> bool:
        """Whether ``el`` or an ancestor was taken out (``el`` is not under the root). ``memo``
        keeps each answer for the elements walked through; it stays true only while the caller
        asks in document order (a removal can then only touch elements not yet asked about)."""
        removed = self.removed
        known = memo if memo is not None else {}
        chain = []
        node = el
        while True:
            if node in removed:
                answer = True
                break
            seen = known.get(node)
            if seen is not None:
                answer = seen
                break
            chain.append(node)
            parent = node.getparent()
            if parent is None:  # the top: the page's root, or a subtree taken out in one go
                answer = node is not self.root
                break
            node = parent
        for node in chain:
            known[node] = answer
        return answer

    def remove(self, el: Any, rule: str, reason: str, memo: dict[Any, bool] | None = None) -> None:
        if el is self.root or el.getparent() is None or self.gone(el, memo):
            return
        self.detach(el, rule, reason)

    def detach(self, el: Any, rule: str | None = None, reason: str = "") -> None:
        """Take ``el`` out, remembering where it stood and why (``rule`` None: a silent drop)."""
        parent = el.getparent()
        self.detached.append(Detached(el, parent, parent.index(el), rule, reason))
        self.removed.add(el)
        drop_tree(el)


def looks_like_content(el: Any) -> bool:
    """Enough sentences and few links: article text, whatever its class says."""
    size = _LENGTH(el)
    if size < 150:
        return False
    ends = _SENTENCE_END.finditer(raw_text(el))
    if next(ends, None) is None or next(ends, None) is None or next(ends, None) is None:
        return False  # fewer than three sentences
    links = sum(map(len, _LINK_TEXTS(el)))  # one XPath for all links (not one each)
    return bool(links < 0.5 * size)


def _owner_block(node: Any) -> Any:
    el = node.getparent()
    if getattr(node, "is_tail", False):
        el = el.getparent()
    while el is not None and el.tag in INLINE_TAGS:
        el = el.getparent()
    return el


def clean_page(parsed: ParsedPage, profile: Profile | None, headline: Any = None) -> CleanedPage:
    """``headline`` is the headline's element when metadata found it: boxes that hold it are the
    article's own and are never taken out by the class rules."""
    root = parsed.tree
    rm = _Remover(root)
    keep = set(headline.iterancestors()) if headline is not None else set()
    body = root.find("body")

    memo: dict[Any, bool] = {}  # gone() answers, good while each loop goes in document order
    for el in list((body if body is not None else root).iter(*_DROPS_LEFT)):
        if el.tag in SILENT_TAGS:
            rm.detach(el)  # never text: not worth a record
        else:
            rm.remove(el, f"tag:{el.tag}", DROP_TAGS[el.tag], memo)

    if profile is not None:
        for drop in profile.drops:
            for el in root.xpath(drop.xpath):
                if isinstance(el, etree._Element):
                    rm.remove(el, f"profile:{profile.name}", drop.reason)

    memo = {}
    # One pass for hidden boxes and microdata records.
    for el in _OUT_OF_SIGHT(body) if body is not None else ():
        if rm.gone(el, memo):
            continue
        if _is_hidden(el):
            if not looks_like_content(el):
                rm.remove(el, "hidden", "hidden with display:none or the hidden attribute", memo)
        elif (
            el.get("itemprop") in _MICRODATA
            and el.get("itemscope") is not None
            and _LENGTH(el) <= 200
        ):
            rm.remove(el, "microdata", f"schema.org {el.get('itemprop')} record, not shown", memo)

    attributes = parsed.attrs
    removed_at = -1
    memo = {}  # a new walk in document order
    passed_over = None  # the last element found out of reach: its other words need no look
    for i, match in attributes.search(_furniture_pattern()):
        if i == removed_at:
            continue  # its element is gone already ("nav nav-item")
        attr = attributes.nodes[i]
        el = attr.getparent()
        if el is passed_over:
            continue
        if el is None or el in keep or rm.gone(el, memo) or el.tag in ("html", "body"):
            passed_over = el
            continue
        word = match.group(1).lower()
        kind = FURNITURE_WORDS[word]
        limit = PROSE_FURNITURE.get(kind)
        if (limit is None or _LENGTH(el) > limit) and looks_like_content(el):
            continue
        if kind == "share bar" and el.find(".//blockquote") is not None:
            continue  # an embedded post (a quoted tweet), not a row of buttons
        rm.remove(el, "furniture", f"{attr.attrname} {word!r}: {kind}", memo)
        removed_at = i

    texts = parsed.texts
    seen: set[int] = set()
    found = [(m.start(), i, m.group(0)) for i, m in texts.search(CUE_PATTERN_UNCASED)]
    found += texts.occurrences(LOWER_CUES)
    for start, i, cue in sorted(found):
        if i in seen or cue_is_void(texts.joined, start, cue):
            continue
        seen.add(i)
        block = _owner_block(texts.nodes[i])
        if block is None or block is body or rm.gone(block):
            continue
        text = short_text(block, CUE_LINE_MAX)
        if text is None or (is_notice(text) and "转载" in text):
            continue
        while True:
            parent = block.getparent()
            if parent is None or parent is body or parent.tag in ("html", "body"):
                break
            parent_text = short_text(parent, _CLIMB_MAX)
            if parent_text is None or parent_text.count("。") > text.count("。"):
                break
            block, text = parent, parent_text
        rm.remove(block, f"cue:{CUE_RULE[cue]}", f"short block with {cue!r}")

    return CleanedPage(parsed=parsed, tree=root, detached=tuple(rm.detached))
