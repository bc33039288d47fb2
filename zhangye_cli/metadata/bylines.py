"""Who is credited: the page's own credit line and byline elements, then weaker evidence (the
poster of a forum entry, a bare name under the headline, JSON-LD and meta tags); editors."""

from __future__ import annotations

import re
from typing import Any

from ..headtags import HeadTags
from ..records import FieldFinding
from ..text import compact, raw_text, squash
from ..textindex import TextIndex
from .credits import authors_in, byline_names, editors_in, is_bare_name, is_name, poster_in
from .lookup import class_texts, cue_texts

_CJK = re.compile("[\u4e00-\u9fff]")
_BYLINE_CLASS = ("author", "byline", "writer", "zuozhe")
_CREDIT_LINE = 60  # an info text this short is searched whole for credits
_LEAD = 100  # of a longer one (the lead paragraph), only the start
_HEADLINE_MAX = 40  # a first text this short may be the headline printed again


def page_authors(
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
    for text in class_texts(attrs, _BYLINE_CLASS):
        names = byline_names(text)
        if names:
            return FieldFinding(names, "byline element")
    return None


def _ld_name(value: Any) -> str | None:
    """A JSON-LD person as a name: {"name": "…"} or a plain string (other shapes: None)."""
    if isinstance(value, dict):
        value = value.get("name")
    return value if isinstance(value, str) else None


def weaker_authors(
    texts: TextIndex, head: HeadTags, info: list[str], site: str | None, title: str | None = None
) -> list[FieldFinding]:
    """Weaker evidence, used when the body credits no one either: who posted it, a bare name
    under the headline, then what the head tags declare."""
    out: list[FieldFinding] = []
    poster = poster_in(texts)
    if poster:
        out.append(FieldFinding([poster], "poster"))
    # The first text after the headline; or the second, after a short first one (when the
    # headline was read from <title>, the page's own headline comes first).
    headline = compact(title or "")
    lead = [t for t in info if compact(t) != headline][:2]
    if lead and len(lead[0]) > _HEADLINE_MAX:
        lead = lead[:1]
    bare = next((t.strip() for t in lead if is_bare_name(t)), None)
    if bare:
        out.append(FieldFinding([bare], "name under the headline"))
    ld = head.ld_value("author")
    if ld:
        value = ld[1] if isinstance(ld[1], list) else [ld[1]]
        names = [squash(n) for n in map(_ld_name, value) if n]
        names = [n for n in names if n and n != site and len(n) <= 40]
        # A Chinese "author" must read as a person's name (not 法新社, not 维基媒体项目贡献者).
        names = [n for n in names if not _CJK.search(n) or is_name(n)]
        if names:
            out.append(FieldFinding(names, "json-ld author"))
    meta = head.first("author", "article:author", "byl", "dc.creator", "sailthru.author")
    if meta and not meta[1].startswith("http"):
        byline = re.sub(r"^(?:By|作者[:：]?)\s*", "", meta[1].strip(), flags=re.I)
        names = [n.strip() for n in re.split(r"\s*(?:,|、|，| and )\s*", byline) if n.strip()]
        if names and all(is_name(n) for n in names) and not (site and byline in site):
            out.append(FieldFinding(names, f"meta {meta[0]}"))
    return out


def find_editors(texts: TextIndex) -> FieldFinding | None:
    for text in cue_texts(texts, "编辑", "责编"):
        names = editors_in(text)
        if names:
            return FieldFinding(names, "editor line")
    return None
