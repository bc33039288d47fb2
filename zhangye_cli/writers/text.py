"""Plain text output: the title, a blank line, then the body text."""

from __future__ import annotations

from ..article import Article


def render_text(article: Article) -> str:
    parts = [p for p in ((article.title or "").strip(), article.text.strip()) if p]
    return "\n\n".join(parts) + "\n"
