"""The Article record: what the library returns and what every writer serialises."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from .records import EncodingDecision, RepairStep

SCHEMA_VERSION = 1

BlockType = Literal["paragraph", "heading", "image", "list", "quote", "table"]


@dataclass(frozen=True)
class Image:
    src: str
    alt: str = ""
    caption: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"src": self.src, "alt": self.alt, "caption": self.caption}


@dataclass(frozen=True)
class Block:
    """One body block.

    ``text`` holds the text of paragraphs, headings and quotes, and for an image the caption
    when the page set it as a paragraph of the article (a ``<figcaption>`` stays out of the
    article's text); ``level`` the heading level;
    ``items`` the entries of a list (``ordered`` says whether numbered); ``rows`` the cells of a
    table; ``image`` the picture of an image block.
    """

    type: BlockType
    text: str = ""
    level: int = 0
    ordered: bool = False
    items: tuple[str, ...] = ()
    rows: tuple[tuple[str, ...], ...] = ()
    image: Image | None = None

    def to_dict(self) -> dict[str, Any]:
        if self.type == "heading":
            return {"type": "heading", "level": self.level, "text": self.text}
        if self.type == "list":
            return {"type": "list", "ordered": self.ordered, "items": list(self.items)}
        if self.type == "table":
            return {"type": "table", "rows": [list(r) for r in self.rows]}
        if self.type == "image" and self.image is not None:
            return {"type": "image", **self.image.to_dict()}
        return {"type": self.type, "text": self.text}

    def plain_text(self) -> str:
        """The block as plain text, as it goes into ``Article.text``."""
        if self.type == "list":
            return "\n".join(self.items)
        if self.type == "table":
            return "\n".join(" ".join(c for c in row if c) for row in self.rows)
        return self.text


@dataclass(frozen=True)
class Extractor:
    """How the article was found: the method, the site profile, and per-field strategies."""

    method: str  # "profile" | "generic"
    profile: str | None = None
    fields: tuple[tuple[str, str], ...] = ()  # (field name, strategy that found it)
    removed: int = 0  # how many blocks the cleaning rules removed

    def to_dict(self) -> dict[str, Any]:
        return {
            "method": self.method,
            "profile": self.profile,
            "fields": dict(self.fields),
            "removed": self.removed,
        }


@dataclass(frozen=True)
class Article:
    url: str | None = None
    canonical_url: str | None = None
    site_name: str | None = None
    title: str | None = None
    published: str | None = None
    modified: str | None = None
    authors: tuple[str, ...] = ()
    editors: tuple[str, ...] = ()
    source: str | None = None
    section: tuple[str, ...] = ()
    lang: str | None = None
    description: str | None = None
    keywords: tuple[str, ...] = ()
    comments_count: int | None = None
    notices: tuple[str, ...] = ()
    images: tuple[Image, ...] = ()
    blocks: tuple[Block, ...] = ()
    encoding: EncodingDecision | None = None
    repairs: tuple[RepairStep, ...] = ()
    extractor: Extractor = field(default_factory=lambda: Extractor(method="generic"))

    @property
    def text(self) -> str:
        """The body's blocks as plain text joined by blank lines: no headline, no boilerplate."""
        return "\n\n".join(t for t in (b.plain_text() for b in self.blocks) if t)

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema_version": SCHEMA_VERSION,
            "url": self.url,
            "canonical_url": self.canonical_url,
            "site_name": self.site_name,
            "title": self.title,
            "published": self.published,
            "modified": self.modified,
            "authors": list(self.authors),
            "editors": list(self.editors),
            "source": self.source,
            "section": list(self.section),
            "lang": self.lang,
            "description": self.description,
            "keywords": list(self.keywords),
            "comments_count": self.comments_count,
            "notices": list(self.notices),
            "images": [i.to_dict() for i in self.images],
            "blocks": [b.to_dict() for b in self.blocks],
            "text": self.text,
            "encoding": self.encoding.to_dict() if self.encoding else None,
            "repairs": [r.to_dict() for r in self.repairs],
            "extractor": self.extractor.to_dict(),
        }
