"""Normalisation of the Article's text fields as named steps (white space, invisible characters)."""

from __future__ import annotations

from .article import Article
from .config import Config


def normalize_article(article: Article, config: Config) -> Article:
    """Not written yet: returns the article unchanged."""
    return article
