"""What the page says about itself in ``<meta>`` tags, ``<link>`` and JSON-LD."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from .text import raw_text

# A Unix timestamp a page script writes into its publish-time element (WeChat articles and
# their mirrors): "1659274471" next to publish_time.
_SCRIPT_TIME = re.compile(
    r"publish_?time[\"']?\s*[:=]\s*[\"']?(1\d{9})\b|\"(1\d{9})\"[^;]{0,60}publish_time"
)


@dataclass(frozen=True)
class HeadTags:
    meta: dict[str, str]  # lower-cased name/property/itemprop → first non-empty content
    links: dict[str, str]  # rel → href
    ld: tuple[dict[str, Any], ...]  # JSON-LD objects, @graph flattened
    title: str  # the <title> text
    script_time: int | None = None  # a publication timestamp (Unix seconds) set by a script
    base: str | None = None  # the href of the first <base> that has one

    def first(self, *keys: str) -> tuple[str, str] | None:
        """(key, content) of the first of ``keys`` present."""
        for key in keys:
            value = self.meta.get(key)
            if value:
                return key, value
        return None

    def ld_value(self, *keys: str) -> tuple[str, Any] | None:
        for obj in self.ld:
            for key in keys:
                if obj.get(key):
                    return key, obj[key]
        return None


def _flatten(data: Any) -> list[dict[str, Any]]:
    if isinstance(data, list):
        return [o for item in data for o in _flatten(item)]
    if isinstance(data, dict):
        out = [data]
        if isinstance(data.get("@graph"), list):
            out += _flatten(data["@graph"])
        return out
    return []


def _script_time(script: str) -> int | None:
    """The publish timestamp a script sets, looked for only around each "publish" in it (scripts
    run to tens of kilobytes)."""
    at = script.find("publish")
    while at != -1:
        found = _SCRIPT_TIME.search(script[max(0, at - 80) : at + 60])
        if found:
            return int(found.group(1) or found.group(2))
        at = script.find("publish", at + 1)
    return None


HEAD_TAGS = ("meta", "link", "script", "base", "title")


def read_head_tags(elements: Iterable[Any]) -> HeadTags:
    """The page's meta, link, script, base and title elements (they may stand in the body), in
    document order, read into a HeadTags (other elements are passed over)."""
    meta: dict[str, str] = {}
    links: dict[str, str] = {}
    ld: list[dict[str, Any]] = []
    script_time = None
    base: str | None = None
    title_el = None
    for el in elements:
        tag = el.tag
        if tag == "title":
            if title_el is None:
                title_el = el
        elif tag == "base":
            if base is None:
                base = el.get("href")
        elif tag == "meta":
            key = el.get("name") or el.get("property") or el.get("itemprop") or el.get("http-equiv")
            content = el.get("content")
            if key and content and content.strip():
                meta.setdefault(key.strip().lower(), content.strip())
        elif tag == "link":
            rel, href = el.get("rel"), el.get("href")
            if rel and href:
                links.setdefault(rel.strip().lower(), href.strip())
        elif tag == "script":
            code = el.text  # each read of .text copies the script out of the tree: read once
            if not code:
                continue
            if (el.get("type") or "").strip().lower() == "application/ld+json":
                try:
                    ld += _flatten(json.loads(code, strict=False))
                except (ValueError, RecursionError):
                    continue
            elif script_time is None and "publish" in code:
                script_time = _script_time(code)
    title = raw_text(title_el) if title_el is not None else ""
    return HeadTags(
        meta=meta,
        links=links,
        ld=tuple(ld),
        title=" ".join(title.split()),
        script_time=script_time,
        base=base,
    )
