"""Line rules: judge each body block's text once the body is known.

The headline repeated in the body, the info line (来源 / 时间 / 作者 ...), short lines carrying a
boilerplate cue and rights notices (moved to ``Article.notices``) leave the body here.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..dates import find_date
from ..rules import (
    CUE_LINE_MAX,
    CUE_PATTERN,
    CUE_RULE,
    END_MARKER_MAX,
    END_MARKERS,
    INFO_CUE,
    INFO_LINE_MAX,
    INLINE_BOX_LINE_MAX,
    INLINE_MARKERS,
    INTERFACE_LABELS,
    NOTICE_LINE_MAX,
    PLATFORM_NOTICE_LINE_MAX,
    SHARE_BUTTONS,
    cue_is_void,
    is_notice,
    is_platform_notice,
)
from ..text import compact

_BYLINE = re.compile(
    r"^\(?(?:By|BY|Posted by|Written by|Published|Updated|Posted|Last updated|Reporting by"
    r"|Additional reporting|Editing by|Compiled by)\b"
)
_LABEL_MAX = max(len(label) for label in INTERFACE_LABELS)
_SHARE_LINE_MAX = 80
# "13 hours ago", "1 day ago", "3小时前": when another story was posted.
_RELATIVE_TIME = re.compile(
    r"^(?:\d+|an?)\s*(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago$"
    r"|^\d+\s*(?:秒|分钟|小时|天|周|个月|年)前$",
    re.I,
)
_MARKUP = re.compile(r"^\s*<[a-zA-Z!/]")
_URLISH = re.compile(r"https?://\S+")
_COOKIE = re.compile(r"\bcookies?\b", re.I)
_COUNTED_MARKER = re.compile(
    r"^\d+\s+(?:Comments?|Responses?|Replies|thoughts on)\b|^Comments?\s*\(\d+\)|^\d+条评论"
)
_SENTENCE = re.compile(r"[，。！？；]|[,.!?;]\s")
_WORD = re.compile(r"[A-Za-z0-9]+|[\u4e00-\u9fff]")


def is_inline_marker(text: str) -> bool:
    """The heading of a box of links set inside the article."""
    return len(text) <= END_MARKER_MAX and text.startswith(INLINE_MARKERS)


def in_inline_box(text: str) -> bool:
    """A line that belongs to such a box: short, and no sentence."""
    return len(text) <= INLINE_BOX_LINE_MAX and not _SENTENCE.search(text + " ")


def _marker_pattern(marker: str) -> str:
    """A marker as a pattern: a whole word when it ends in a letter (Related, not Relatedness)."""
    word = marker[-1].isascii() and marker[-1].isalpha()
    return re.escape(marker) + ("(?![A-Za-z0-9])" if word else "")


_END_MARKER = re.compile(
    "|".join(_marker_pattern(m) for m in sorted(END_MARKERS, key=len, reverse=True))
)


def is_end_marker(text: str) -> bool:
    """A short heading that opens related stories or comments."""
    if len(text) > END_MARKER_MAX or _SENTENCE.search(text):
        return False
    return bool(_END_MARKER.match(text) or _COUNTED_MARKER.match(text))


# The headline's and the site name's keys: the same for every line of a page.
_page_key = lru_cache(maxsize=8)(compact)


def _share_buttons(text: str) -> bool:
    words = text.lower().replace("|", " ").replace("/", " ").split()
    return len(words) >= 2 and all(w in SHARE_BUTTONS for w in words)


def judge_line(
    text: str,
    title: str | None,
    info: frozenset[str],
    authors: frozenset[str] = frozenset(),
    site: str | None = None,
) -> tuple[str, str] | None:
    """(verdict, reason) for a line that is not article text, None for article text.

    The verdict is ``notice`` for a rights notice, else the name of the rule that drops it.
    """
    key = compact(text)
    if title and key == _page_key(title):
        return "headline", "the headline repeated"
    if site and key == _page_key(site):
        return "site name", "the site's name alone"
    n = len(key)
    if _MARKUP.match(text) and text.rstrip().endswith(">"):
        return "markup", "HTML source shown as text"
    urls = _URLISH.findall(text)
    if urls and sum(map(len, urls)) > 0.5 * len(text):
        return "links", "mostly web addresses"
    if (
        n <= 600
        and ("ookie" in text or "OOKIE" in text)
        and _COOKIE.search(text)
        and ("website" in text or "site" in text)
    ):
        return "cookie notice", "cookie consent text"
    if key in authors:
        return "byline", "the author's name alone"
    if n <= _LABEL_MAX and text.lower() in INTERFACE_LABELS:
        return "interface", "the label of a page control"
    if n <= _SHARE_LINE_MAX and _share_buttons(text):
        return "share bar", "a row of share buttons"
    if n <= 20 and _RELATIVE_TIME.match(text):
        return "info line", "a time relative to now (a list of other stories)"
    if (
        n <= NOTICE_LINE_MAX
        and is_notice(text)
        and (
            "转载" in text
            or "授权" in text
            or "声明" in text
            or "rights" in text
            or n <= 40
            or text.isascii()
        )
    ):
        return "notice", "rights notice"
    if n <= PLATFORM_NOTICE_LINE_MAX and is_platform_notice(text):
        return "notice", "the platform's disclaimer"
    if n <= INFO_LINE_MAX:
        cues = len(INFO_CUE.findall(text))
        if cues >= 2 or (cues == 1 and n <= 60 and find_date(text) is not None):
            return "info line", "source/time/author line"
        if key in info and n <= 60 and (cues or find_date(text)):
            return "info line", "part of the info line under the headline"
        found = find_date(text) if n <= 80 else None
        if found is not None and len(_WORD.findall(text.replace(found.raw, ""))) <= 8:
            return "info line", "a date with a few words"
        if n <= 80 and _BYLINE.match(text):
            return "byline", "byline or time line"
    if n <= CUE_LINE_MAX:
        for cue in CUE_PATTERN.finditer(text):
            if not cue_is_void(text, cue.start(), cue.group(0)):
                return CUE_RULE[cue.group(0)], f"short line with {cue.group(0)!r}"
    if is_end_marker(text):
        return "end marker", "heading of related stories or comments"
    return None
