"""Writers: serialise an Article as JSON, one JSON line, Markdown or plain text.

``render(article, fmt)`` is the one entry point; each format lives in its own module.
"""

from __future__ import annotations

from collections.abc import Callable

from ..article import Article
from .json_writer import render_json, render_jsonl
from .markdown import render_markdown
from .text import render_text

FORMATS: dict[str, Callable[[Article], str]] = {
    "json": render_json,
    "jsonl": render_jsonl,
    "markdown": render_markdown,
    "text": render_text,
}

# File extension of each format when one file is written per page.
EXTENSIONS: dict[str, str] = {"json": ".json", "jsonl": ".jsonl", "markdown": ".md", "text": ".txt"}

__all__ = ["EXTENSIONS", "FORMATS", "render"]


def render(article: Article, fmt: str) -> str:
    """The article in ``fmt`` ("json", "jsonl", "markdown" or "text"), ending in a newline."""
    try:
        writer = FORMATS[fmt]
    except KeyError:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}") from None
    return writer(article)
