"""Metadata stage: title, dates, credits, source, section and counters, each with the strategy
that found it. Reads the whole parsed page, before cleaning takes the furniture out."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ..config import Config
from ..profiles import Profile
from ..records import FieldFinding, ParsedPage
from ..text import cjk_ratio, headline, join_url, squash
from .bylines import find_editors, page_authors, weaker_authors
from .infoline import comments_count, source_in
from .lookup import cue_texts, element_reading, info_texts
from .published import find_modified, find_published
from .section import find_section, section_from_ld
from .title import find_title, site_from_title

__all__ = ["Metadata", "extract_metadata"]

_KEYWORD_SPLIT = re.compile(r"[,，;；、|\s]+")


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


def _absolute(base: str | None, href: str | None) -> str | None:
    if not href:
        return None
    return join_url(base, href)


def extract_metadata(parsed: ParsedPage, profile: Profile | None, config: Config) -> Metadata:
    root = parsed.tree
    head = parsed.head
    findings: dict[str, FieldFinding] = {}
    sel = profile.selector if profile else (lambda _field: ())

    title = find_title(
        root,
        parsed.headings,
        parsed.attrs,
        head,
        profile.title_suffixes if profile else (),
        sel("title"),
    )
    if title:
        findings["title"] = FieldFinding(headline(title.text), title.strategy)
    chinese = bool(profile) or cjk_ratio((title.text if title else "") + head.title) > 0.3
    offset = (profile.offset if profile else config.offset) if chinese else None

    title_el = title.element if title else None
    if title_el is None and title is not None:
        title_el = element_reading(parsed.texts, title.text)
    info = info_texts(title_el) if title_el is not None else []

    url = parsed.base_url
    published = find_published(parsed, head, info, offset, sel("published"))
    if published:
        findings["published"] = published
    modified = find_modified(head, info, offset)
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

    source = source_in(info) or source_in(cue_texts(parsed.texts, "来源", "稿源", "出处"))
    if source:
        findings["source"] = FieldFinding(source, "来源 cue")
    else:
        meta_source = head.first("source", "contentsource", "article:publisher")
        if meta_source and not meta_source[1].startswith("http"):
            findings["source"] = FieldFinding(meta_source[1], f"meta {meta_source[0]}")

    authors = page_authors(root, parsed.attrs, info, sel("authors"))
    if authors:
        findings["authors"] = authors
    weaker = weaker_authors(parsed.texts, head, info, site, title.text if title else None)
    editors = find_editors(parsed.texts)
    if editors:
        findings["editors"] = editors

    section = find_section(parsed.texts, parsed.attrs, title.text if title else None)
    if section:
        findings["section"] = FieldFinding(section[0], section[1])
    else:
        from_ld = section_from_ld(head.ld)
        if from_ld:
            findings["section"] = FieldFinding(from_ld, "json-ld BreadcrumbList")

    counter = comments_count(parsed.texts)
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
