"""``zhangye explain``: the tree on every fixture page through the CLI, the annotated page
(--html), the library functions on one page, and the errors (exit code, one line)."""

from __future__ import annotations

import io
import re
from pathlib import Path

import lxml.html
import pytest
from click.testing import CliRunner, Result
from lxml import etree
from rich.cells import cell_len
from rich.console import Console
from rich.tree import Tree

from tests.conftest import PAGE_CASES, PageCase
from tests.test_cli import assert_one_line_error
from zhangye_cli.cli import main
from zhangye_cli.config import Config
from zhangye_cli.errors import ExitCode
from zhangye_cli.explain import annotated_html, explain_tree, render_tree
from zhangye_cli.explain.facts import body_blocks, candidates
from zhangye_cli.parse import parse_page
from zhangye_cli.pipeline import Trace, trace
from zhangye_cli.records import RawPage
from zhangye_cli.rules import STRIPPED_TAGS
from zhangye_cli.text import squash

ANSI = re.compile(r"\x1b\[[0-9;]*m")


def run(*args: str, input: bytes | None = None) -> Result:
    return CliRunner().invoke(main, list(args), input=input)


def page_trace(case: PageCase) -> Trace:
    config = Config().with_options(url=case.url)
    return trace(RawPage(case.data, url=case.url, origin=str(case.folder)), config)


def by_slug(slug: str) -> PageCase:
    return next(c for c in PAGE_CASES if c.slug == slug)


def script_free(doc: lxml.html.HtmlElement) -> bool:
    return all(not (s.text or "").strip() and s.get("src") is None for s in doc.iter("script"))


# --- the CLI on every fixture page ---------------------------------------------------------------


def test_explain_on_every_fixture_page(page_case: PageCase, tmp_path: Path) -> None:
    source = page_case.folder / "source.html"
    out = tmp_path / "annotated.html"
    result = run("explain", str(source), "--url", page_case.url, "--html", str(out))
    assert result.exit_code == 0, result.stderr
    text = result.stdout
    assert "\x1b[" not in text  # not a terminal: plain text
    assert page_case.truth["title"][:12] in text
    rules = {r.rule for r in page_trace(page_case).cleaned.removals}
    assert rules and any(rule in text for rule in rules)
    for section in ("encoding", "metadata", "cleaning", "body", "blocks"):
        assert re.search(rf"^[├└]── {section}\b", text, re.M), section
    assert "kept" in text
    assert all(cell_len(line) <= 80 for line in text.splitlines())
    assert f"wrote the annotated page to {out}" in result.stderr

    html = out.read_text(encoding="utf-8")
    doc = lxml.html.fromstring(html)
    assert html.startswith("<!DOCTYPE html>")
    assert "outline:" in html and "zy-explain-body" in html and "zy-explain-removed" in html
    assert doc.xpath("//meta[@charset='utf-8']")
    assert not doc.xpath("//meta[@http-equiv and contains(@content, 'charset')]")
    titles = [el.get("title") for el in doc.xpath("//*[contains(@class, 'zy-explain-removed')]")]
    assert titles and all(any(t.startswith(f"{rule}: ") for rule in rules) for t in titles)
    assert len(doc.xpath("//*[contains(@class, 'zy-explain-body')]")) == 1
    assert doc.get_element_by_id("zy-explain-legend") is not None
    page_text = squash(doc.text_content())
    for phrase in page_case.truth["body_must_contain"]:
        assert squash(phrase) in page_text
    assert script_free(doc)


# --- the library on one page ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def modern() -> Trace:
    return page_trace(by_slug("modern-gbk-undeclared"))


def plain(tree: Tree, width: int = 80) -> str:
    buffer = io.StringIO()
    Console(file=buffer, width=width, color_system=None).print(tree)
    return buffer.getvalue()


def test_tree_shows_each_stage_decision(modern: Trace) -> None:
    text = plain(explain_tree(modern))
    assert "encoding gb18030  by detect" in text
    for name, finding in modern.metadata.findings.items():
        assert name in text
        assert finding.strategy in text
    for removal in modern.cleaned.removals:
        assert removal.rule in text and removal.where in text
    assert "◀ chosen" in text
    assert "line:notice: rights notice" in text
    assert "notices" in text


def test_candidates_hold_the_chosen_body(modern: Trace) -> None:
    found = candidates(modern)
    chosen = [c for c in found if c.chosen]
    assert len(chosen) == 1
    assert chosen[0].element is modern.content.body
    assert chosen[0].relation == "body"
    assert chosen[0].good > 0 and chosen[0].score == chosen[0].good - chosen[0].bad


def test_body_blocks_account_for_every_block(page_case: PageCase) -> None:
    traced = page_trace(page_case)
    verdicts, walked = body_blocks(traced)
    article_blocks = traced.content.blocks
    captions = sum(1 for b in article_blocks if b.type == "image" and b.text)
    kept = [v for v in verdicts if v.kept]
    assert len(article_blocks) <= len(kept) <= len(article_blocks) + captions
    kept_texts = {v.text for v in kept}
    assert all(b.text in kept_texts for b in article_blocks if b.type in ("paragraph", "heading"))
    dropped = [v.removal for v in verdicts if v.removal is not None]
    line_rules = [r for r in traced.content.removals if r.rule.startswith("line:")]
    assert [r for r in dropped if r.rule.startswith("line:")] == line_rules
    assert all(r.rule in ("link list", "link table") for r in walked)


def test_annotated_html_leaves_the_trace_alone(modern: Trace) -> None:
    before = lxml.html.tostring(modern.cleaned.tree)
    html = annotated_html(modern)
    assert lxml.html.tostring(modern.cleaned.tree) == before
    assert annotated_html(modern) == html  # and can be made again
    doc = lxml.html.fromstring(html)
    assert len(doc.find_class("zy-explain-removed")) == len(modern.cleaned.removals)
    line = doc.find_class("zy-explain-line")
    assert [el.get("title") for el in line] == ["line:notice: rights notice (21 chars)"]
    assert "document.write" not in html and "_hmt" not in html
    assert script_free(doc)


def shape(body: lxml.html.HtmlElement) -> list[tuple[str, str]]:
    """The body's elements in document order (tag and own classes), without explain's marks."""
    out = []
    for el in body.iter():
        if not isinstance(el.tag, str) or el.get("id") == "zy-explain-legend":
            continue
        if any(a.get("id") == "zy-explain-legend" for a in el.iterancestors()):
            continue
        if el.tag == "span" and el.get("class") == "zy-explain-line":
            continue  # a bare line of text wrapped to outline it
        classes = [c for c in (el.get("class") or "").split() if not c.startswith("zy-explain-")]
        out.append((str(el.tag), " ".join(classes)))
    return out


def test_removed_blocks_go_back_where_they_stood(page_case: PageCase) -> None:
    traced = page_trace(page_case)
    fresh = parse_page(traced.decoded, Config()).tree
    etree.strip_elements(fresh, *STRIPPED_TAGS, with_tail=False)  # never shown: not put back
    doc = lxml.html.fromstring(annotated_html(traced))
    assert shape(doc.find("body")) == shape(fresh.find("body"))


def test_render_tree_colours_only_a_terminal(modern: Trace) -> None:
    piped = render_tree(modern, terminal=False)
    assert "\x1b[" not in piped
    assert not any(line != line.rstrip() for line in piped.splitlines())
    coloured = render_tree(modern, terminal=True)
    assert "\x1b[32m" in coloured  # kept blocks in green
    assert ANSI.sub("", coloured).split() == piped.split()
    plain_terminal = render_tree(modern, terminal=True, no_color=True)
    assert "\x1b[32m" not in plain_terminal and "\x1b[31m" not in plain_terminal


def test_no_color_environment(modern: Trace, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    assert "\x1b[32m" not in render_tree(modern, terminal=True)


# --- the CLI: options and errors -----------------------------------------------------------------


def test_explain_reads_stdin_and_takes_the_extraction_options() -> None:
    case = by_slug("table-gbk-undeclared")
    result = run(
        "explain", "-", "--encoding", "gb18030", "--profile", "none", "--no-color", input=case.data
    )
    assert result.exit_code == 0, result.stderr
    assert "encoding gb18030  by override" in result.stdout
    assert "(generic extractor)" in result.stdout
    assert "explain stdin" in result.stdout


def test_explain_help_has_examples() -> None:
    result = run("explain", "--help")
    assert result.exit_code == 0
    assert "Examples:" in result.stdout
    assert "  zhangye explain page.html --html annotated.html" in result.stdout
    assert "explain" in run("--help").stdout


def test_missing_file(tmp_path: Path) -> None:
    out = tmp_path / "annotated.html"
    result = run("explain", str(tmp_path / "nope.html"), "--html", str(out))
    assert_one_line_error(result, ExitCode.INPUT, "no such file", "nope.html")
    assert not out.exists()


def test_html_into_a_missing_folder(tmp_path: Path) -> None:
    source = by_slug("gov-utf8").folder / "source.html"
    result = run("explain", str(source), "--html", str(tmp_path / "no" / "a.html"))
    assert_one_line_error(result, ExitCode.INPUT, "does not exist")


def test_page_without_article(tmp_path: Path) -> None:
    page = tmp_path / "list.html"
    page.write_bytes(
        (
            '<html><head><meta charset="utf-8"><title>栏目</title></head><body><ul>'
            + "".join(f'<li><a href="/n/{i}.html">新闻标题第{i}条</a></li>' for i in range(8))
            + "</ul></body></html>"
        ).encode()
    )
    result = run("explain", str(page))
    # The tree is still shown (that is when it helps most), then the one-line error and exit 7.
    assert result.exit_code == ExitCode.NO_ARTICLE, result.stderr
    assert "no article found" in result.stdout
    assert "link list" in result.stdout or "cleaning" in result.stdout
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("zhangye: error: ")
    assert "no article text" in lines[0]
    assert "Traceback" not in result.output


def test_hidden_and_bare_lines_are_outlined() -> None:
    paragraphs = "".join(
        f"<p>第{i}段：全市上下认真贯彻落实会议精神，推动各项工作取得新进展，群众满意度不断提升。</p>"
        for i in range(4)
    )
    page = (
        '<html><head><meta charset="gb2312"><title>会议召开_示例网</title></head><body>'
        "<h1>会议召开</h1>"
        '<div style="display: none">弹窗提示</div>'
        f'<div class="content">{paragraphs}<br>（本文版权所有，未经授权，严禁转载。）<br></div>'
        "</body></html>"
    ).encode()
    traced = trace(RawPage(page, url="http://example.cn/a.html"), Config())
    assert [r.rule for r in traced.cleaned.removals] == ["hidden"]
    doc = lxml.html.fromstring(annotated_html(traced))
    hidden = doc.find_class("zy-explain-shown")
    assert [el.text for el in hidden] == ["弹窗提示"]
    assert "hidden" in hidden[0].get("title")
    line = doc.find_class("zy-explain-line")
    assert [(el.tag, el.text) for el in line] == [
        ("span", "（本文版权所有，未经授权，严禁转载。）")
    ]
    assert line[0].get("title").startswith("line:notice: ")
    assert '<meta charset="utf-8">' in annotated_html(traced)
