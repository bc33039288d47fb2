"""zhangye-cli: turn news and government article pages into clean data.

>>> import zhangye_cli
>>> article = zhangye_cli.extract(open("page.html", "rb").read(), url="http://example.cn/a.html")
>>> article.title, article.published, article.text
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .article import Article, Block, Image
from .config import Config
from .errors import ExitCode, InputError, ZhangyeError
from .records import RawPage

__all__ = [
    "Article",
    "Block",
    "Config",
    "ExitCode",
    "Image",
    "RawPage",
    "ZhangyeError",
    "extract",
    "extract_raw",
    "fetch",
]
__version__ = "0.1.0"


def extract(
    data: bytes | str,
    url: str | None = None,
    headers: Mapping[str, str] | None = None,
    **options: Any,
) -> Article:
    """Extract the article from a page's bytes (or already-decoded text).

    ``url`` is the page's address (picks the site profile, resolves links); ``headers`` the HTTP
    response headers (their charset is evidence for decoding). ``options`` are Config fields,
    e.g. ``encoding="gb18030"``, ``profile="none"``, ``repair=False``, ``script="simplified"``.
    """
    config = Config().with_options(**options)
    if isinstance(data, str):  # already text: no decoding to decide (see decode.decode_page)
        raw = RawPage(data=data.encode("utf-8", "surrogatepass"), url=url, headers={}, text=data)
    else:
        raw = RawPage(data=data, url=url, headers=dict(headers or {}))
    if len(raw.data) > config.max_bytes:
        raise InputError(f"the page is over the {config.max_bytes}-byte limit (max_bytes)")
    return extract_raw(raw, config)


def extract_raw(raw: RawPage, config: Config) -> Article:
    """Extract from a RawPage (as ``fetch`` or the file readers return it) with a Config."""
    from .pipeline import run

    return run(raw, config)


def fetch(url: str, **options: Any) -> RawPage:
    """Download ``url`` (options: Config fields such as ``timeout``) and return its RawPage."""
    from .download import fetch_page

    return fetch_page(url, Config().with_options(**options))
