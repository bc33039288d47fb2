"""The headline: the page element that matches ``<title>`` wins; else meta titles; else
``<title>`` without its site-name suffix."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..headtags import HeadTags
from ..text import compact, short_text, squash, text_of
from ..textindex import TextIndex

_SEPARATORS = re.compile(r"\s*(?:[_|｜]+|\s[-–—]+\s|——|--|-{1}(?=[^-]{2,16}$))\s*")
_TITLE_CLASS = ("title", "biaoti", "headline")
_BT = re.compile(r"bt\b")  # 标题 abbreviated, a word of its own


@dataclass(frozen=True)
class TitleFinding:
    text: str
    strategy: str
    element: Any | None


# A first segment that names a part of the site, not an article: 首页_中国张掖网.
_SITE_WORDS = frozenset({"首页", "主页", "网站首页", "Home", "home", "index"})


def split_title_tag(title: str, suffixes: tuple[str, ...] = ()) -> list[str]:
    for suffix in suffixes:
        if title.endswith(suffix) and len(title) > len(suffix):
            return [title[: -len(suffix)].strip(), suffix.strip(" _-|")]
    return [s for s in _SEPARATORS.split(title) if s]


def _candidates(headings: tuple[Any, ...], attrs: TextIndex) -> list[Any]:
    out = list(headings)
    seen = set(out)
    bt = [i for i, _match in attrs.search(_BT)]
    for i in sorted({*attrs.nodes_with(_TITLE_CLASS), *bt}):
        el = attrs.nodes[i].getparent()
        if el is not None and el not in seen:
            seen.add(el)
            out.append(el)
    return out[:80]


def find_title(
    root: Any,
    headings: tuple[Any, ...],
    attrs: TextIndex,
    head: HeadTags,
    suffixes: tuple[str, ...],
    selectors: tuple[str, ...],
) -> TitleFinding | None:
    for xpath in selectors:
        for el in root.xpath(xpath):
            text = text_of(el) if hasattr(el, "tag") else squash(str(el))
            if text:
                return TitleFinding(text, "profile", el if hasattr(el, "tag") else None)

    tag_key = compact(head.title)
    # The site's name after the headline in <title> ("... | National Review"): a logo box that
    # reads it matches <title> but is no headline.
    segments = split_title_tag(head.title, suffixes)
    site_key = (
        compact(segments[-1])
        if len(segments) >= 2 and len(segments[-1]) < len(segments[0])
        else None
    )
    best: tuple[int, str, Any, str] | None = None
    first_h1: Any = None
    for el in _candidates(headings, attrs):
        short = short_text(el, 150)
        if short is None or len(short) < 2:
            continue
        text = short
        if el.tag == "h1" and first_h1 is None:
            first_h1 = el
        key = compact(text)
        if tag_key and key in tag_key and key != site_key:
            rank = 2 if el.tag == "h1" else 1
            score = len(key) * 2 + rank
            if best is None or score > best[0]:
                best = (score, text, el, f"{el.tag} matching <title>")
    if best is not None and len(compact(best[1])) >= 4:
        return TitleFinding(best[1], best[3], best[2])

    meta = head.first("og:title", "twitter:title", "articletitle", "headline", "title")
    if meta:
        segments = split_title_tag(squash(meta[1]), suffixes)
        if segments:
            return TitleFinding(segments[0], f"meta {meta[0]}", None)
    ld = head.ld_value("headline")
    if ld and isinstance(ld[1], str) and ld[1].strip():
        return TitleFinding(squash(ld[1]), "json-ld headline", None)
    if first_h1 is not None:
        text = text_of(first_h1)
        if len(text) >= 4 and not first_h1.xpath(".//img"):
            return TitleFinding(text, "first h1", first_h1)
    segments = split_title_tag(head.title, suffixes)
    if segments:
        first = segments[0]
        site_suffix = any(head.title.endswith(s) for s in suffixes)  # the profile names it
        if not site_suffix and (len(first) < 4 or first in _SITE_WORDS):
            first = max(segments, key=len)
        return TitleFinding(first, "<title> without site name", None)
    return None


def site_from_title(head: HeadTags, title: str | None) -> str | None:
    """The site name: the last segment of ``<title>`` when the headline is another one."""
    segments = split_title_tag(head.title)
    if len(segments) >= 2 and title and compact(segments[-1]) != compact(title):
        last = segments[-1]
        return last if len(last) <= 20 else None
    return None
