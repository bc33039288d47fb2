"""Metadata that needs the body: credits in the lead or closing lines, photo credits, and the
headline of pages whose ``<title>`` names only the site (blogs, forums)."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from ..article import Block
from ..dates import find_date
from ..records import FieldFinding
from ..rules import CUES, INLINE_TAGS
from ..text import compact, squash
from . import Metadata
from .credits import authors_in, photographers_in, trailing_names

_WEAK_TITLE = frozenset({"<title> without site name", "first h1"})
_WEAK_DATE = frozenset({"lone date on the page"})
_HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "strong", "b", "font", "center", "big"})
_HEADING_CLASS = re.compile(r"title|biaoti|headline|subject|topic", re.I)
_LEAD_CHARS = 100
_HEADLINE_MIN = 8  # characters of a heading that may replace a name-like title
_WINDOW = 20  # text nodes before the body searched for its headline
_BOILERPLATE = re.compile(
    "|".join(re.escape(c) for cues in CUES.values() for c in cues) + r"|正文|>|»|窗口|博客"
)


def _credits(blocks: tuple[Block, ...]) -> tuple[list[str], str] | None:
    paragraphs = [b.text for b in blocks if b.type == "paragraph"]
    for text in paragraphs[:2]:
        names = authors_in(text[:_LEAD_CHARS])
        if names:
            return names, "credit in the lead"
    for text in reversed(paragraphs[-3:]):
        names = authors_in(text[-_LEAD_CHARS:]) or trailing_names(text)
        if names:
            return names, "credit in the closing lines"
    for block in blocks:
        if block.type == "image" and block.image is not None:
            names = photographers_in(block.image.caption)
            if names:
                return names, "photo credit"
    return None


def _is_heading(el: Any) -> bool:
    for candidate in (el, *el.iterancestors()):
        if candidate.tag in _HEADING_TAGS or _HEADING_CLASS.search(
            (candidate.get("class") or "") + " " + (candidate.get("id") or "")
        ):
            return True
        if candidate.tag not in INLINE_TAGS and candidate.tag not in ("p", "td", "div"):
            return False
    return False


def _heading_near(body: Any) -> tuple[Any, list[str]]:
    """The nearest heading-like text before the body (or opening it), and the keys of the
    texts looked at, nearest first."""
    window = list(
        reversed(
            body.xpath(
                "preceding::text()[normalize-space()][not(ancestor::head or parent::title)]"
                f"[position() <= {_WINDOW}]"
            )
        )
    )
    opening = body.xpath("(descendant::text()[normalize-space()])[position() <= 2]")
    window += opening
    # Nearest first: the body's own opening texts, then those before it, walking back.
    keys = [compact(str(node)) for node in [*opening, *window[: -len(opening) or None]]]
    for node in window:
        text = squash(str(node))
        if not 4 <= len(text) <= 80 or _BOILERPLATE.search(text):
            continue
        el = node.getparent()
        link = el if el.tag == "a" else next(el.iterancestors("a"), None)
        if link is not None and link.getparent() is not None and not _is_heading(link.getparent()):
            continue
        if _is_heading(el):
            return node, keys
    return None, keys


def _replaces(heading: Any, title: str, keys: list[str]) -> bool:
    """Whether the heading by the body replaces a weakly found title: the title is not among
    the texts before the body; or it is a short name (a blog's, a forum's) standing further
    from the body than a longer heading."""
    title_key, heading_key = compact(title), compact(_headline(str(heading)))
    if title_key not in keys:
        return True
    return (
        len(heading_key) >= _HEADLINE_MIN
        and len(heading_key) > len(title_key)
        and keys.index(compact(str(heading))) < keys.index(title_key)
    )


_TRAILING_MARKS = re.compile(r"[\s\-–—_|·]+$")


def _headline(text: str) -> str:
    """A heading's text without the dashes some templates trail after it ("标题- -")."""
    text = squash(text)
    return _TRAILING_MARKS.sub("", text) or text


def refine_metadata(meta: Metadata, blocks: tuple[Block, ...], body: Any) -> Metadata:
    findings = dict(meta.findings)
    if "authors" not in findings:
        found = _credits(blocks)
        if found:
            findings["authors"] = FieldFinding(found[0], found[1])
        else:
            editors = set(meta.value("editors") or ())
            for weaker in meta.weaker_authors:
                if not editors & set(weaker.value):
                    findings["authors"] = weaker
                    break
    title = findings.get("title")
    if body is not None:
        heading: Any = None
        keys: list[str] = []
        if title is None or title.strategy in _WEAK_TITLE:
            heading, keys = _heading_near(body)
        if heading is not None and (title is None or _replaces(heading, title.value, keys)):
            findings["title"] = FieldFinding(_headline(str(heading)), "heading before the body")
            if "published" not in findings or findings["published"].strategy in _WEAK_DATE:
                after = heading.getparent().xpath(
                    "following::text()[normalize-space()][position() <= 4]"
                )
                dated = find_date(" ".join([str(heading), *map(str, after)]), meta.offset)
                if dated:
                    findings["published"] = FieldFinding(dated.iso, "date by the headline")
    if findings == meta.findings:
        return meta
    return replace(meta, findings=findings)
