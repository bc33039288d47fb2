"""Every fixtures/pages/<slug>/ case, end to end.

For each page:

* from the saved bytes, with the headers and URL of its response.json, through
  ``zhangye_cli.extract``: every field of truth.json (hand-written) holds exactly;
* from a local HTTP server, through ``zhangye_cli.fetch`` and ``zhangye_cli.extract_raw``, served
  with no charset, with a lying ``charset=utf-8`` and with ``charset=iso-8859-1``: the same;
* the whole ``to_dict()`` equals expected.json and the Markdown equals expected.md (goldens,
  rewritten only by ``pytest --update-golden`` and reviewed in the diff).
"""

from __future__ import annotations

import difflib
import json
import re
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import pytest

import zhangye_cli
from zhangye_cli import Article, Config
from zhangye_cli.records import RawPage

from .conftest import PAGE_CASES, PageCase

# Fields of truth.json compared with the Article's to_dict() exactly; "images" (src exact once
# resolved against the page URL, caption containing a phrase) and the body phrases are checked
# apart.
EXACT_FIELDS = (
    "title",
    "published",
    "authors",
    "editors",
    "source",
    "section",
    "comments_count",
    "notices",
)
HOW_TO_UPDATE = ".venv/bin/pytest tests/test_golden.py --update-golden"


@cache
def extract_from_file(slug: str) -> Article:
    """The article from the saved bytes, once per run (three tests look at it)."""
    case = next(c for c in PAGE_CASES if c.slug == slug)
    return zhangye_cli.extract(case.data, url=case.url, headers=case.headers)


def image_problems(
    images: list[dict[str, str]], truth: list[dict[str, str]], page_url: str
) -> list[str]:
    """The images must be the truth's, in order, with absolute URLs resolved against the page."""
    problems = []
    srcs = [i["src"] for i in images]
    want = [urljoin(page_url, urlsplit(t["src"]).path) for t in truth]
    if srcs != want:
        problems.append(f"images: expected src {want!r}, got {srcs!r}")
    for image, spec in zip(images, truth, strict=False):
        if spec["caption_contains"] not in image["caption"]:
            problems.append(
                f"images: caption of {image['src']} should contain "
                f"{spec['caption_contains']!r}, got {image['caption']!r}"
            )
    return problems


def truth_problems(article: Article, truth: dict[str, Any], page_url: str) -> list[str]:
    """Every way the article differs from the hand-written truth, one line each."""
    got = article.to_dict()
    problems = []
    for name in EXACT_FIELDS:
        if got[name] != truth[name]:
            problems.append(f"{name}: expected {truth[name]!r}, got {got[name]!r}")
    if "images" in truth:
        problems += image_problems(got["images"], truth["images"], page_url)
    if "encoding" in truth:
        name = (got["encoding"] or {}).get("name")
        if name != truth["encoding"]:
            problems.append(f"encoding.name: expected {truth['encoding']!r}, got {name!r}")
    text = article.text
    for phrase in truth["body_must_contain"]:
        if phrase not in text:
            problems.append(f"text lacks {phrase!r}")
    for phrase in truth["body_must_not_contain"]:
        if phrase in text:
            at = text.index(phrase)
            context = text[max(0, at - 30) : at + len(phrase) + 30].replace("\n", "⏎")
            problems.append(f"text holds boilerplate {phrase!r}: …{context}…")
    for name in ("title", "text", "source"):
        if "\ufffd" in (got[name] or ""):
            problems.append(f"{name} holds U+FFFD (a decoding error)")
    return problems


def assert_truth(article: Article, case: PageCase, how: str, page_url: str) -> None:
    problems = truth_problems(article, case.truth, page_url)
    if problems:
        listing = "\n  ".join(problems)
        pytest.fail(f"{case.slug} ({how}): {len(problems)} problem(s):\n  {listing}", pytrace=False)


def test_page_from_file(page_case: PageCase) -> None:
    article = extract_from_file(page_case.slug)
    assert article.url == page_case.url
    assert_truth(article, page_case, "from file bytes", page_case.url)


def test_page_over_http(page_case: PageCase, http_variant: str, page_server: str) -> None:
    url = page_server + page_case.http_path(http_variant)
    raw = zhangye_cli.fetch(url)
    assert isinstance(raw, RawPage)
    assert raw.data == page_case.data, "the fetched bytes differ from the file's"
    article = zhangye_cli.extract_raw(raw, Config())
    assert_truth(article, page_case, f"over HTTP, {http_variant}", url)


def _diff(expected: str, actual: str, path: Path) -> str:
    lines = list(
        difflib.unified_diff(
            expected.splitlines(),
            actual.splitlines(),
            fromfile=f"{path} (golden)",
            tofile="current output",
            lineterm="",
        )
    )
    shown = "\n".join(lines[:80])
    if len(lines) > 80:
        shown += f"\n… {len(lines) - 80} more diff lines"
    return shown


def check_golden(path: Path, actual: str, update: bool, parse: Any = None) -> None:
    """Compare ``actual`` with the golden file at ``path``, or rewrite it with --update-golden."""
    if update:
        path.write_text(actual, encoding="utf-8")
        return
    if not path.exists():
        pytest.fail(
            f"{path} is missing: create it with `{HOW_TO_UPDATE}` and review it before committing",
            pytrace=False,
        )
    expected = path.read_text(encoding="utf-8")
    same = parse(expected) == parse(actual) if parse else expected == actual
    if not same:
        pytest.fail(
            f"{path.name} of {path.parent.name} differs from the current output; if the change "
            f"is intended, run `{HOW_TO_UPDATE}` and review the diff:\n"
            + _diff(expected, actual, path),
            pytrace=False,
        )


def test_golden_json(page_case: PageCase, update_golden: bool) -> None:
    article = extract_from_file(page_case.slug)
    actual = json.dumps(article.to_dict(), ensure_ascii=False, indent=2) + "\n"
    check_golden(page_case.folder / "expected.json", actual, update_golden, parse=json.loads)


def test_golden_markdown(page_case: PageCase, update_golden: bool) -> None:
    from zhangye_cli.writers import render

    article = extract_from_file(page_case.slug)
    actual = render(article, "markdown")
    if not actual.endswith("\n"):
        actual += "\n"
    check_golden(page_case.folder / "expected.md", actual, update_golden)


def test_every_template_is_saved_three_ways() -> None:
    """Issue 2 item 8: each template as GBK declared, GBK undeclared and UTF-8 with a stale meta."""
    slugs = {c.slug for c in PAGE_CASES}
    for template in ("modern", "table", "mobile", "seedlike"):
        for variant in ("gbk-declared", "gbk-undeclared", "utf8-stale-meta"):
            assert f"{template}-{variant}" in slugs


def test_fixture_bytes_are_what_their_names_say() -> None:
    """Guards the fixtures, not the pipeline: the bytes really are what the slug says."""
    for case in PAGE_CASES:
        data = case.data
        if "-gbk-" in case.slug + "-":
            with pytest.raises(UnicodeDecodeError):
                data.decode("utf-8")
            with pytest.raises(UnicodeDecodeError):
                data.decode("gb2312")  # a character outside GB2312 is in the body
            text = data.decode("gb18030")
        else:
            text = data.decode("utf-8")
        declared = b"charset=gb2312" in data or b'charset="gb2312"' in data
        assert declared == (case.slug.endswith("-declared") or "stale" in case.slug), case.slug
        visible = re.sub(r"<[^>]+>", "", text)
        for phrase in case.truth["body_must_contain"]:
            assert phrase in visible, (case.slug, phrase)
