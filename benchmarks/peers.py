"""The extractors the benchmark runs, each behind one signature: ``(page bytes, url) -> Output``.

Every adapter starts from the page's raw bytes and stops at plain text plus metadata, so the
time measured for it covers everything a user of that library would pay for: decoding (where
the library wants ``str``), parsing, extraction and turning its result into text.

Settings (chosen to reproduce the figures published in ../shared/bench/README.md; see
benchmarks/README.md for the comparison):

- zhangye: ``zhangye_cli.extract(data, url=url)``; a ``ZhangyeError`` (e.g. no article found)
  is an empty prediction.
- trafilatura: ``bare_extraction(data, url=url, with_metadata=True, include_comments=False,
  include_tables=True)`` (tables are trafilatura's default and are needed to reproduce the
  published figures); the second row adds ``favor_precision=True``. Bytes go in as they are:
  trafilatura decodes them itself.
- readability-lxml: ``Document(text, url=url).summary(html_partial=True)``, its text nodes
  joined by newlines; title from ``short_title()``. ``text`` is the bytes decoded by
  charset-normalizer's best guess (``from_bytes(data).best()``), UTF-8 if it has none.
- GNE: ``GeneralNewsExtractor().extract(text, host=url)`` on the same decoded text; its free-form
  ``publish_time`` (2022年02月12日, 2021-1-29 13:18, 2022.01.20) is rewritten as YYYY-MM-DD when it
  holds a full date, since the scorer compares ISO days.
- lxml: ``lxml.html.fromstring(data)``, for speed only.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import metadata
from typing import Any


@dataclass(frozen=True)
class Output:
    text: str = ""
    title: str | None = None
    published: str | None = None
    author: str | None = None


Run = Callable[[bytes, str | None], Output]


@dataclass(frozen=True)
class Extractor:
    key: str  # name on the command line (--only) and in results/<set>/<key>.jsonl
    label: str  # name in the table, with the package version
    run: Run
    scored: bool = True  # False: timed only (the bare parse has no text to score)
    expected_errors: tuple[type[BaseException], ...] = field(default=())


def _version(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "?"


def decode_best_guess(data: bytes) -> str:
    """The page as text, decoded by charset-normalizer's best guess (UTF-8 when it has none)."""
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    return str(best) if best is not None else data.decode("utf-8", "replace")


_DAY = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?!\d)\s*日?\s*")


def iso_day(value: str | None) -> str | None:
    """Rewrite a free-form date that names year, month and day as ``YYYY-MM-DD[ rest]``.

    Anything without a full, valid day is returned unchanged (the scorer then decides).
    """
    if not value:
        return value
    m = _DAY.search(value)
    if not m:
        return value
    y, mo, d = (int(g) for g in m.groups())
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return value
    rest = value[m.end() :].strip()
    day = f"{y:04d}-{mo:02d}-{d:02d}"
    return f"{day} {rest}" if rest else day


def _zhangye() -> Extractor:
    import zhangye_cli

    def run(data: bytes, url: str | None) -> Output:
        article = zhangye_cli.extract(data, url=url)
        return Output(
            text=article.text or "",
            title=article.title,
            published=article.published,
            author=" ".join(article.authors) or None,
        )

    version = _version("zhangye-cli")
    if version == "?":
        version = str(getattr(zhangye_cli, "__version__", "?"))
    return Extractor(
        "zhangye",
        f"zhangye {version}",
        run,
        expected_errors=(zhangye_cli.ZhangyeError,),
    )


def _trafilatura(precision: bool) -> Extractor:
    import trafilatura

    def run(data: bytes, url: str | None) -> Output:
        doc: Any = trafilatura.bare_extraction(
            data,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            favor_precision=precision,
        )
        if doc is None:
            return Output()
        return Output(text=doc.text or "", title=doc.title, published=doc.date, author=doc.author)

    version = _version("trafilatura")
    if precision:
        return Extractor("trafilatura-precision", f"trafilatura {version}, favor_precision", run)
    return Extractor("trafilatura", f"trafilatura {version}", run)


def _readability() -> Extractor:
    import lxml.html
    from readability import Document

    def run(data: bytes, url: str | None) -> Output:
        doc = Document(decode_best_guess(data), url=url)
        summary = doc.summary(html_partial=True)
        texts = (t.strip() for t in lxml.html.fromstring(summary).itertext())
        return Output(text="\n".join(t for t in texts if t), title=doc.short_title())

    return Extractor("readability", f"readability-lxml {_version('readability-lxml')}", run)


def _gne() -> Extractor:
    from gne import GeneralNewsExtractor

    def run(data: bytes, url: str | None) -> Output:
        result = GeneralNewsExtractor().extract(decode_best_guess(data), host=url or "")
        return Output(
            text=result.get("content") or "",
            title=result.get("title") or None,
            published=iso_day(result.get("publish_time") or None),
            author=result.get("author") or None,
        )

    return Extractor("gne", f"GNE {_version('gne')}", run)


def _lxml() -> Extractor:
    import lxml.html

    def run(data: bytes, url: str | None) -> Output:
        lxml.html.fromstring(data)
        return Output()

    return Extractor("lxml", f"bare lxml parse (lxml {_version('lxml')})", run, scored=False)


FACTORIES: dict[str, Callable[[], Extractor]] = {
    "zhangye": _zhangye,
    "trafilatura": lambda: _trafilatura(False),
    "trafilatura-precision": lambda: _trafilatura(True),
    "readability": _readability,
    "gne": _gne,
    "lxml": _lxml,
}

# Published in ../shared/bench/README.md, for libraries this run does not install; quoted, not
# measured. Keys follow the table's columns: (set, metric) or "pages/s".
PUBLISHED: dict[str, dict[str, str]] = {
    "newspaper4k 0.9.6": {
        "zh-dev F1": "0.838",
        "zh-dev title": "0.68",
        "zh-dev date": "0.37",
        "zh-dev author": "0.00",
        "aeb F1": "0.935",
        "aeb pages/s": "12",
    },
    "resiliparse 2.0.1": {"aeb F1": "0.899", "aeb pages/s": "643"},
}


def load(keys: list[str]) -> tuple[list[Extractor], dict[str, str]]:
    """Build the extractors named by ``keys``; those that cannot load are returned as reasons."""
    for name in ("trafilatura", "htmldate", "readability", "readability.readability", "gne"):
        logging.getLogger(name).setLevel(logging.CRITICAL)
    built: list[Extractor] = []
    missing: dict[str, str] = {}
    for key in keys:
        try:
            built.append(FACTORIES[key]())
        except Exception as exc:  # an absent or broken package: report it, run the others
            missing[key] = f"{type(exc).__name__}: {exc}"
    return built, missing
