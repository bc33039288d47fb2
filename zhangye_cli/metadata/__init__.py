"""Metadata stage: title, dates, credits, source, section and counters, each with the strategy
that found it. Reads the whole parsed page, before cleaning takes the furniture out."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ..config import Config
from ..dates import date_in_url, find_date, from_timestamp
from ..profiles import Profile
from ..records import FieldFinding, ParsedPage
from ..text import cjk_ratio, headline, join_url, raw_text, squash, text_of
from ..textindex import TextIndex
from .credits import authors_in, byline_names, editors_in, is_bare_name, is_name, poster_in
from .headtags import HeadTags, read_head_tags
from .section import find_section, section_from_ld
from .title import find_title, site_from_title

__all__ = ["Metadata", "extract_metadata"]

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
_SOURCE = re.compile(r"(?:信息来源|文章来源|新闻来源|稿件来源|来源|稿源|出处|转自|来自)\s*[:：]\s*")
_SOURCE_END = re.compile(
    r"\s{2,}|\u3000|[|｜【\[]|[（(]\s*(?:本报)?(?:记者|通讯员|作者)"
    r"|(?:作者|记者|责任编辑|编辑|责编|发布时间|发布日期|发表时间|更新时间|时间|发布|日期|浏览次数"
    r"|浏览|点击|阅读|访问|字号|通讯员)\s*[:：]"
    r"|(?:19|20)\d{2}\s*[-/.年]"
)
_COUNTER = re.compile(
    r"(\d[\d,]*)\s*人(?:参与|评论|跟帖)"
    r"|(?:评论|跟帖|参与互动)\s*[(（\[【:：]?\s*(\d[\d,]*)(?![\d,])(?![\u4e00-\u6760\u6762-\u9fff])"
)
_KEYWORD_SPLIT = re.compile(r"[,，;；、|\s]+")
_INFO_CHARS = 400
_CREDIT_LINE = 60  # an info text this short is searched whole for credits
_LEAD = 100  # of a longer one (the lead paragraph), only the start


@dataclass(frozen=True)
class Metadata:
    findings: Mapping[str, FieldFinding] = field(default_factory=dict)
    title_element: Any | None = None
    info_texts: tuple[str, ...] = ()
    weaker_authors: tuple[FieldFinding, ...] = ()  # tried after the body's own credits
    offset: str | None = None  # the time zone given to dates without one

    def value(self, name: str) -> Any:
        found = self.findings.get(name)
        return found.value if found else None

    def strategies(self) -> tuple[tuple[str, str], ...]:
        return tuple((name, f.strategy) for name, f in self.findings.items())


def _info_texts(title_el: Any) -> list[str]:
    """Text nodes after the headline, up to a few hundred characters: the info line."""
    out: list[str] = []
    total = 0
    for node in title_el.xpath("following::text()[normalize-space()][position() <= 40]"):
        parent = node.getparent()
        if parent is not None and parent.tag in ("script", "style"):
            continue
        text = str(node).replace("\u00a0", " ").strip()
        out.append(text)
        total += len(text)
        if total > _INFO_CHARS:
            break
    return out


def _cue_texts(texts: TextIndex, *cues: str, limit: int = 20) -> list[str]:
    """Each text node holding one of ``cues``, with the node after it (values often sit there)."""
    pattern = re.compile("|".join(map(re.escape, cues)))
    out: list[str] = []
    last = -1
    for i, _match in texts.search(pattern):
        if i != last:
            out.append("  ".join(t.replace("\u00a0", " ").strip() for t in texts.following(i, 2)))
            last = i
            if len(out) >= limit:
                break
    return out


def _published(
    root: Any,
    texts: TextIndex,
    attrs: TextIndex,
    head: HeadTags,
    info: list[str],
    url: str | None,
    offset: str | None,
    selectors: tuple[str, ...],
) -> FieldFinding | None:
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
    for el in root.iter("time"):
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
    for text in _cue_texts(
        texts, "发布时间", "发布日期", "发表时间", "发表于", "发布于", "本贴由", "本帖由"
    ):
        cue = _DATE_CUE.search(text)
        found = find_date(text[cue.end() :] if cue else text, offset)
        if found:
            return FieldFinding(found.iso, "page cue 发布时间")
    for text in _class_texts(attrs, _DATE_CLASS):
        found = find_date(text, offset)
        if found:
            return FieldFinding(found.iso, "date element")
    return None


def _modified(head: HeadTags, info: list[str], offset: str | None) -> FieldFinding | None:
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


def source_in(texts: list[str]) -> str | None:
    """The 来源 value: text after the cue, up to the next field or a wide gap."""
    for i, text in enumerate(texts):
        match = _SOURCE.search(text)
        if not match:
            continue
        rest = text[match.end() :]
        if not rest.strip() and i + 1 < len(texts):
            rest = texts[i + 1]
        end = _SOURCE_END.search(rest)
        value = (rest[: end.start()] if end else rest).strip(" \t|｜,，;；")
        value = " ".join(value.split())
        if value and len(value) <= 40:
            return value
    return None


_BYLINE_CLASS = re.compile(r"author|byline|writer|zuozhe")
_DATE_CLASS = re.compile(r"date|time|pubtime|fbsj|shijian")


def _class_texts(attrs: TextIndex, pattern: re.Pattern[str], limit: int = 10) -> list[str]:
    """Texts (short) of elements whose class or id matches ``pattern``."""
    out: list[str] = []
    for i, _match in attrs.search(pattern):
        el = attrs.nodes[i].getparent()
        if el is None:
            continue
        text = squash(raw_text(el))
        if text and len(text) <= 60:
            out.append(text)
            if len(out) >= limit:
                break
    return out


def _authors(
    root: Any,
    attrs: TextIndex,
    info: list[str],
    selectors: tuple[str, ...],
) -> FieldFinding | None:
    """Authors the page credits in its own text: the credit line, a byline element."""
    for xpath in selectors:
        names = [
            n
            for hit in root.xpath(xpath)
            for n in authors_in(str(hit) if isinstance(hit, str) else raw_text(hit))
        ]
        if names:
            return FieldFinding(names, "profile")
    joined = "  ".join(t if len(t) <= _CREDIT_LINE else t[:_LEAD] for t in info)
    names = authors_in(joined)
    if names:
        return FieldFinding(names, "credit line")
    for text in _class_texts(attrs, _BYLINE_CLASS):
        names = byline_names(text)
        if names:
            return FieldFinding(names, "byline element")
    return None


def _ld_name(value: Any) -> str | None:
    """A JSON-LD person as a name: {"name": "…"} or a plain string (other shapes: None)."""
    if isinstance(value, dict):
        value = value.get("name")
    return value if isinstance(value, str) else None


def _weaker_authors(
    texts: TextIndex, head: HeadTags, info: list[str], site: str | None
) -> list[FieldFinding]:
    """Weaker evidence, used when the body credits no one either: who posted it, a bare name
    under the headline, then what the head tags declare."""
    out: list[FieldFinding] = []
    poster = poster_in(texts)
    if poster:
        out.append(FieldFinding([poster], "poster"))
    if info and is_bare_name(info[0]):
        out.append(FieldFinding([info[0]], "name under the headline"))
    ld = head.ld_value("author")
    if ld:
        value = ld[1] if isinstance(ld[1], list) else [ld[1]]
        names = [squash(n) for n in map(_ld_name, value) if n]
        names = [n for n in names if n and n != site and len(n) <= 40]
        if names:
            out.append(FieldFinding(names, "json-ld author"))
    meta = head.first("author", "article:author", "byl", "dc.creator", "sailthru.author")
    if meta and not meta[1].startswith("http"):
        byline = re.sub(r"^(?:By|作者[:：]?)\s*", "", meta[1].strip(), flags=re.I)
        names = [n.strip() for n in re.split(r"\s*(?:,|、|，| and )\s*", byline) if n.strip()]
        if names and all(is_name(n) for n in names) and not (site and byline in site):
            out.append(FieldFinding(names, f"meta {meta[0]}"))
    return out


def _editors(texts: TextIndex) -> FieldFinding | None:
    for text in _cue_texts(texts, "编辑", "责编"):
        names = editors_in(text)
        if names:
            return FieldFinding(names, "editor line")
    return None


_COUNTER_CUE = re.compile(r"人参与|人评论|评论|跟帖|参与互动")


def _comments_count(texts: TextIndex) -> FieldFinding | None:
    for seen, (i, _match) in enumerate(texts.search(_COUNTER_CUE)):
        if seen >= 20:
            break
        node = texts.nodes[i]
        el = node.getparent()
        if el is not None and node.is_tail:  # "<em>5</em> 人参与互动": the number is just before
            found = _COUNTER.search(squash(text_of(el) + " " + str(node)))
            if found:
                return FieldFinding(
                    int((found[1] or found[2]).replace(",", "")), "interaction counter"
                )
        for _ in range(3):
            if el is None:
                break
            text = text_of(el)
            if len(text) > 80:
                break
            found = _COUNTER.search(text)
            if found:
                return FieldFinding(
                    int((found[1] or found[2]).replace(",", "")), "interaction counter"
                )
            el = el.getparent()
    return None


def _absolute(base: str | None, href: str | None) -> str | None:
    if not href:
        return None
    return join_url(base, href)


def extract_metadata(parsed: ParsedPage, profile: Profile | None, config: Config) -> Metadata:
    root = parsed.tree
    head = read_head_tags(root)
    findings: dict[str, FieldFinding] = {}
    sel = profile.selector if profile else (lambda _field: ())

    title = find_title(
        root, parsed.attrs, head, profile.title_suffixes if profile else (), sel("title")
    )
    if title:
        findings["title"] = FieldFinding(headline(title.text), title.strategy)
    chinese = bool(profile) or cjk_ratio((title.text if title else "") + head.title) > 0.3
    offset = (profile.offset if profile else config.offset) if chinese else None

    title_el = title.element if title else None
    if title_el is None and title is not None:
        key = title.text.replace("'", "")
        hits = root.xpath(f"//body//*[normalize-space(.)='{key}']") if key else []
        title_el = hits[-1] if hits else None
    info = _info_texts(title_el) if title_el is not None else []

    url = parsed.base_url
    published = _published(
        root, parsed.texts, parsed.attrs, head, info, url, offset, sel("published")
    )
    if published:
        findings["published"] = published
    modified = _modified(head, info, offset)
    if modified:
        findings["modified"] = modified

    site = profile.site_name if profile and profile.site_name else None
    if site:
        findings["site_name"] = FieldFinding(site, f"profile {profile.name}" if profile else "")
    else:
        meta_site = head.first("og:site_name", "application-name", "sitename", "site_name")
        guessed = (
            meta_site[1] if meta_site else site_from_title(head, title.text if title else None)
        )
        if guessed:
            findings["site_name"] = FieldFinding(
                guessed, f"meta {meta_site[0]}" if meta_site else "<title> suffix"
            )
            site = guessed

    source = source_in(info) or source_in(_cue_texts(parsed.texts, "来源", "稿源", "出处"))
    if source:
        findings["source"] = FieldFinding(source, "来源 cue")
    else:
        meta_source = head.first("source", "contentsource", "article:publisher")
        if meta_source and not meta_source[1].startswith("http"):
            findings["source"] = FieldFinding(meta_source[1], f"meta {meta_source[0]}")

    authors = _authors(root, parsed.attrs, info, sel("authors"))
    if authors:
        findings["authors"] = authors
    weaker = _weaker_authors(parsed.texts, head, info, site)
    editors = _editors(parsed.texts)
    if editors:
        findings["editors"] = editors

    section = find_section(parsed.texts, parsed.attrs, title.text if title else None)
    if section:
        findings["section"] = FieldFinding(section[0], section[1])
    else:
        from_ld = section_from_ld(head.ld)
        if from_ld:
            findings["section"] = FieldFinding(from_ld, "json-ld BreadcrumbList")

    counter = _comments_count(parsed.texts)
    if counter:
        findings["comments_count"] = counter

    description = head.first("description", "og:description", "twitter:description")
    if description:
        findings["description"] = FieldFinding(squash(description[1]), f"meta {description[0]}")
    keywords = head.first("keywords", "news_keywords")
    if keywords:
        words = [k for k in _KEYWORD_SPLIT.split(keywords[1]) if k]
        if words:
            findings["keywords"] = FieldFinding(words, f"meta {keywords[0]}")
    og_url = head.first("og:url")
    if head.links.get("canonical"):
        findings["canonical_url"] = FieldFinding(
            _absolute(url, head.links["canonical"]), "link canonical"
        )
    elif og_url:
        findings["canonical_url"] = FieldFinding(_absolute(url, og_url[1]), "meta og:url")

    return Metadata(
        findings=findings,
        title_element=title_el,
        info_texts=tuple(info),
        weaker_authors=tuple(weaker),
        offset=offset,
    )
