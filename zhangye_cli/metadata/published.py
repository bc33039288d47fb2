"""The publication and modification times: the info line under the headline, head tags,
JSON-LD, <time>, a script's timestamp, the URL, cue phrases and date elements anywhere."""

from __future__ import annotations

import re

from ..dates import date_in_url, find_date, from_timestamp
from ..headtags import HeadTags
from ..records import FieldFinding, ParsedPage
from ..text import raw_text
from ..textindex import TextIndex
from .lookup import class_texts, cue_texts

_PUBLISHED_KEYS = (
    "article:published_time",
    "og:article:published_time",
    "og:release_date",
    "pubdate",
    "publishdate",
    "publish_date",
    "publishtime",
    "pubtime",
    "firstpublishedtime",
    "datepublished",
    "publication_date",
    "dc.date.issued",
    "dc.date",
    "dcterms.created",
    "dcterms.issued",
    "sailthru.date",
    "parsely-pub-date",
    "date",
    "releasedate",
)
_MODIFIED_KEYS = (
    "article:modified_time",
    "og:updated_time",
    "lastmodifiedtime",
    "datemodified",
    "dcterms.modified",
    "last-modified",
)
_DATE_CUE = re.compile(
    r"(发布时间|发布日期|发表时间|发表日期|发稿时间|发文日期|时间|日期|发表于|发布于)"
)
_MODIFIED_CUE = re.compile(r"(更新时间|修改时间|更新日期|最后更新)")
_DATE_CLASS = ("date", "time", "fbsj", "shijian")


def find_published(
    parsed: ParsedPage,
    head: HeadTags,
    info: list[str],
    offset: str | None,
    selectors: tuple[str, ...],
) -> FieldFinding | None:
    root, texts, attrs, url = parsed.tree, parsed.texts, parsed.attrs, parsed.base_url
    for xpath in selectors:
        for hit in root.xpath(xpath):
            found = find_date(hit if isinstance(hit, str) else raw_text(hit), offset)
            if found:
                return FieldFinding(found.iso, "profile")
    joined = "  ".join(info)
    for match in _DATE_CUE.finditer(joined):
        if _MODIFIED_CUE.match(joined, max(0, match.start() - 2)):
            continue
        found = find_date(joined[match.end() : match.end() + 40], offset)
        if found:
            return FieldFinding(found.iso, f"info line {match.group(1)}")
    meta = head.first(*_PUBLISHED_KEYS)
    if meta:
        found = find_date(meta[1], offset)
        if found:
            return FieldFinding(found.iso, f"meta {meta[0]}")
    ld = head.ld_value("datePublished", "dateCreated")
    if ld and isinstance(ld[1], str):
        found = find_date(ld[1], offset)
        if found:
            return FieldFinding(found.iso, f"json-ld {ld[0]}")
    for el in parsed.times:
        found = find_date(el.get("datetime") or raw_text(el), offset)
        if found:
            return FieldFinding(found.iso, "<time>")
    for text in info:
        if not _MODIFIED_CUE.search(text):
            found = find_date(text, offset)
            if found:
                return FieldFinding(found.iso, "info line date")
    if url:
        found = date_in_url(url)
        if found:
            return FieldFinding(found.iso, "url")
    if head.script_time is not None:
        return FieldFinding(from_timestamp(head.script_time, offset), "script timestamp")
    for text in cue_texts(
        texts, "发布时间", "发布日期", "发表时间", "发表于", "发布于", "本贴由", "本帖由"
    ):
        cue = _DATE_CUE.search(text)
        found = find_date(text[cue.end() :] if cue else text, offset)
        if found:
            return FieldFinding(found.iso, "page cue 发布时间")
    for text in class_texts(attrs, _DATE_CLASS):
        found = find_date(text, offset)
        if found:
            return FieldFinding(found.iso, "date element")
    return _lone_date(texts, offset)


# A text node that is a full date and little else (an e-paper's "2022年02月12日 星期六").
_LONE_DATE = re.compile(
    r"\x00\s*\d{4}\s*[年/.-]\s*\d{1,2}\s*[月/.-]\s*\d{1,2}\s*日?[^\x00]{0,16}(?=\x00|$)"
)


def _lone_date(texts: TextIndex, offset: str | None) -> FieldFinding | None:
    """The page's only date standing alone in a text node; several different ones (a list of
    stories, each dated) say nothing about this page."""
    days = set()
    first = None
    for i, _match in texts.search(_LONE_DATE):
        found = find_date(str(texts.nodes[i]), offset)
        if found:
            days.add(found.iso[:10])
            first = first or found
            if len(days) > 1:
                return None
    return FieldFinding(first.iso, "lone date on the page") if first else None


def find_modified(head: HeadTags, info: list[str], offset: str | None) -> FieldFinding | None:
    meta = head.first(*_MODIFIED_KEYS)
    if meta:
        found = find_date(meta[1], offset)
        if found:
            return FieldFinding(found.iso, f"meta {meta[0]}")
    ld = head.ld_value("dateModified")
    if ld and isinstance(ld[1], str):
        found = find_date(ld[1], offset)
        if found:
            return FieldFinding(found.iso, "json-ld dateModified")
    joined = "  ".join(info)
    match = _MODIFIED_CUE.search(joined)
    if match:
        found = find_date(joined[match.end() : match.end() + 40], offset)
        if found:
            return FieldFinding(found.iso, f"info line {match.group(1)}")
    return None
