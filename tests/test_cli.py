"""The zhangye command (extract) through Click's CliRunner: stdin, file and local URL, the
options, and every documented error: its exit code, its one line on stderr, no traceback."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

import zhangye_cli
from tests.localserver import Route, serve
from zhangye_cli.cli import main
from zhangye_cli.errors import ExitCode

ROOT = Path(__file__).resolve().parent.parent


def article_html(
    title: str,
    paragraphs: list[str],
    charset: str = "utf-8",
    extra_head: str = "",
) -> bytes:
    """A small article page: a nav bar, <title>, <h1>, an info line, the body paragraphs."""
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    page = f"""<!DOCTYPE html>
<html><head><meta charset="{charset}"><title>{title}_中国张掖网</title>{extra_head}</head>
<body>
<div class="nav"><a href="/">首页</a> <a href="/news/">新闻</a> <a href="/gov/">政务</a></div>
<h1>{title}</h1>
<div class="info">来源：张掖日报　2022年03月03日 23:55</div>
<div class="article">
{body}
</div>
<div class="footer">版权所有 中国张掖网 陇ICP备00000000号</div>
</body></html>
"""
    return page.encode("gb18030" if charset.lower() in ("gbk", "gb2312", "gb18030") else charset)


PARAGRAPHS = [
    "中国张掖网讯　3月3日，市委书记深入甘州区调研创建全国文明城市工作。他强调，要对标对表抓创建。",
    "调研组一行来到博物馆、图书馆和社区，详细了解情况。大家一致认为，创建工作成效明显。",
    "会议要求，各部门要攻坚克难促落实。要不断增强人民群众的获得感、幸福感和安全感。",
]
PAGE = article_html("张掖市调研创建全国文明城市工作", PARAGRAPHS)
NAV_ONLY = (
    '<html><head><meta charset="utf-8"><title>栏目</title></head><body><ul>'
    + "".join(f'<li><a href="/n/{i}.html">新闻标题第{i}条</a></li>' for i in range(8))
    + "</ul></body></html>"
).encode()


def run(*args: str, input: bytes | None = None) -> Result:
    return CliRunner().invoke(main, list(args), input=input)


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    routes = {
        "/news/a.html": Route(PAGE, headers={"Content-Type": "text/html; charset=utf-8"}),
        "/news/gbk.html": Route(
            article_html("甘州区召开会议", PARAGRAPHS, charset="gbk"),
            headers={"Content-Type": "text/html"},
        ),
        "/nav.html": Route(NAV_ONLY),
        "/slow.html": Route(PAGE, delay=2.0),
        "/gone.html": Route(b"<h1>Not Found</h1>", status=404),
        "/error.html": Route(b"<h1>Server Error</h1>", status=500),
        "/report.pdf": Route(b"%PDF-1.4\n%...", headers={"Content-Type": "application/pdf"}),
        "/empty.html": Route(b""),
    }
    with serve(routes) as base:
        yield base


# --- one table of cases through the CLI and the library ----------------------------------------


@dataclass(frozen=True)
class Case:
    name: str
    data: bytes
    title: str
    first_words: str  # how the body text starts
    options: tuple[tuple[str, Any], ...] = ()  # Config options (library) = CLI options


CASES = [
    Case("utf8", PAGE, "张掖市调研创建全国文明城市工作", "中国张掖网讯"),
    Case(
        "gbk-declared-gb2312",
        article_html("甘州区召开堃镕座谈会", PARAGRAPHS, charset="gb2312"),
        "甘州区召开堃镕座谈会",
        "中国张掖网讯",
    ),
    Case(
        "forced-encoding",
        article_html("高台县新闻", PARAGRAPHS, charset="gbk"),
        "高台县新闻",
        "中国张掖网讯",
        (("encoding", "gb18030"),),
    ),
    Case(
        "with-url",
        PAGE,
        "张掖市调研创建全国文明城市工作",
        "中国张掖网讯",
        (("url", "http://www.example.cn/news/a.html"),),
    ),
]


def cli_options(case: Case) -> list[str]:
    return [arg for name, value in case.options for arg in (f"--{name}", str(value))]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_cli_and_library_agree(case: Case, tmp_path: Path) -> None:
    expected = zhangye_cli.extract(case.data, **dict(case.options)).to_dict()
    assert expected["title"] == case.title
    assert expected["text"].startswith(case.first_words)
    page = tmp_path / "page.html"
    page.write_bytes(case.data)
    from_file = run("extract", str(page), "--format", "json", *cli_options(case))
    from_stdin = run("extract", "-", "--format", "json", *cli_options(case), input=case.data)
    for result in (from_file, from_stdin):
        assert result.exit_code == 0, result.stderr
        assert result.stderr == ""
        assert json.loads(result.stdout) == expected


def test_url_source_and_final_address(server: str) -> None:
    result = run("extract", f"{server}/news/gbk.html", "--format", "json")
    assert result.exit_code == 0, result.stderr
    record = json.loads(result.stdout)
    assert record["title"] == "甘州区召开会议"
    assert record["url"] == f"{server}/news/gbk.html"
    assert "获得感" in record["text"]


def test_default_format_is_markdown_with_front_matter(tmp_path: Path) -> None:
    result = run("extract", "-", input=PAGE)
    assert result.exit_code == 0
    assert result.stdout.startswith('---\ntitle: "张掖市调研创建全国文明城市工作"\n')
    assert "\n# 张掖市调研创建全国文明城市工作\n\n中国张掖网讯" in result.stdout


def test_text_format() -> None:
    result = run("extract", "-", "--format", "text", input=PAGE)
    assert result.exit_code == 0
    assert result.stdout.startswith("张掖市调研创建全国文明城市工作\n\n中国张掖网讯")


def test_output_file_is_written_whole(tmp_path: Path) -> None:
    out = tmp_path / "article.json"
    result = run("extract", "-", "--format", "json", "-o", str(out), input=PAGE)
    assert result.exit_code == 0
    assert result.stdout == ""
    assert json.loads(out.read_text(encoding="utf-8"))["title"] == "张掖市调研创建全国文明城市工作"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["article.json"]  # no temp file left


def test_failed_run_leaves_no_output_file(tmp_path: Path) -> None:
    out = tmp_path / "article.md"
    result = run("extract", str(tmp_path / "missing.html"), "-o", str(out))
    assert result.exit_code == ExitCode.INPUT
    assert list(tmp_path.iterdir()) == []


def test_output_into_a_missing_folder(tmp_path: Path) -> None:
    result = run("extract", "-", "-o", str(tmp_path / "no" / "such" / "a.md"), input=PAGE)
    assert result.exit_code == ExitCode.INPUT
    assert "does not exist" in result.stderr


def test_no_repair_script_and_punct_options_reach_the_config(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    seen: dict[str, Any] = {}

    def fake_extract_raw(raw: Any, config: Any) -> Any:
        seen["config"] = config
        raise zhangye_cli.errors.NoArticleError("stop here")

    monkeypatch.setattr(zhangye_cli, "extract_raw", fake_extract_raw)
    args = ["--no-repair", "--script", "simplified", "--punct", "ascii", "--profile", "none"]
    result = run("extract", "-", *args, "--timeout", "7.5", input=PAGE)
    assert result.exit_code == ExitCode.NO_ARTICLE
    config = seen["config"]
    assert (config.repair, config.script, config.punct, config.profile, config.timeout) == (
        False,
        "simplified",
        "ascii",
        "none",
        7.5,
    )


def test_version() -> None:
    result = run("--version")
    assert result.exit_code == 0
    assert zhangye_cli.__version__ in result.stdout


@pytest.mark.parametrize("args", [["--help"], ["extract", "--help"], ["convert", "--help"]])
def test_help_has_examples(args: list[str]) -> None:
    result = run(*args)
    assert result.exit_code == 0
    assert "Examples:" in result.stdout
    assert "  zhangye " in result.stdout  # examples keep their layout (\b blocks)


def test_group_help_lists_exit_codes() -> None:
    result = run("--help")
    assert "Exit codes:" in result.stdout
    assert "10  convert: some pages failed" in result.stdout


# --- errors: exit code, one line, no traceback --------------------------------------------------


def assert_one_line_error(result: Result, code: int, *words: str) -> None:
    assert result.exit_code == code, (result.exit_code, result.stderr)
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("zhangye: error: ")
    for word in words:
        assert word in lines[0]
    assert "Traceback" not in result.output


def test_missing_file(tmp_path: Path) -> None:
    result = run("extract", str(tmp_path / "nope.html"))
    assert_one_line_error(result, ExitCode.INPUT, "no such file", "nope.html")


def test_url_without_scheme_gets_a_hint() -> None:
    result = run("extract", "www.zgzyw.com.cn/no/such/page.html")
    assert_one_line_error(result, ExitCode.INPUT, "did you mean http://www.zgzyw.com.cn/")


def test_folder_given_to_extract(tmp_path: Path) -> None:
    result = run("extract", str(tmp_path))
    assert_one_line_error(result, ExitCode.INPUT, "is a folder", "use zhangye convert")


def test_unreachable_host() -> None:
    result = run("extract", f"http://127.0.0.1:{closed_port()}/a.html", "--timeout", "5")
    assert_one_line_error(result, ExitCode.NETWORK, "refused", "check the address")


def test_timeout(server: str) -> None:
    result = run("extract", f"{server}/slow.html", "--timeout", "0.5")
    assert_one_line_error(result, ExitCode.NETWORK, "0.5 s", "try --timeout 60")


@pytest.mark.parametrize(("path", "status"), [("/gone.html", 404), ("/error.html", 500)])
def test_http_error(server: str, path: str, status: int) -> None:
    result = run("extract", f"{server}{path}")
    assert_one_line_error(result, ExitCode.HTTP, f"HTTP {status}")


def test_non_html_response(server: str) -> None:
    result = run("extract", f"{server}/report.pdf")
    assert_one_line_error(result, ExitCode.NOT_HTML, "application/pdf", "not an HTML page")


def test_empty_response(server: str) -> None:
    result = run("extract", f"{server}/empty.html")
    assert_one_line_error(result, ExitCode.NO_ARTICLE, "empty")


def test_page_without_article_from_url(server: str) -> None:
    result = run("extract", f"{server}/nav.html")
    assert_one_line_error(result, ExitCode.NO_ARTICLE, "no article")


@pytest.mark.parametrize(
    ("content", "code", "words"),
    [
        (b"", ExitCode.NO_ARTICLE, ("empty", "0 bytes")),
        (b" \r\n\t \n", ExitCode.NO_ARTICLE, ("only white space",)),
        (NAV_ONLY, ExitCode.NO_ARTICLE, ("no article",)),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", ExitCode.NOT_HTML, ("PDF document",)),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", ExitCode.NOT_HTML, ("PNG image",)),
        (bytes(range(256)) * 8, ExitCode.NOT_HTML, ("binary data",)),
        (b"WARC/1.0\r\nWARC-Type: warcinfo\r\n", ExitCode.INPUT, ("use zhangye convert",)),
    ],
    ids=["empty", "white-space", "nav-only", "pdf", "png", "binary", "warc"],
)
def test_unusable_files(tmp_path: Path, content: bytes, code: int, words: tuple[str, ...]) -> None:
    page = tmp_path / "page.html"
    page.write_bytes(content)
    assert_one_line_error(run("extract", str(page)), code, *words)
    assert_one_line_error(run("extract", "-", input=content), code, *words)


def test_unknown_encoding_is_a_usage_error() -> None:
    result = run("extract", "-", "--encoding", "no-such-codec", input=PAGE)
    assert result.exit_code == ExitCode.USAGE
    assert "unknown text encoding 'no-such-codec'" in result.stderr
    assert "Traceback" not in result.output


def test_bad_timeout_is_a_usage_error() -> None:
    result = run("extract", "-", "--timeout", "0", input=PAGE)
    assert result.exit_code == ExitCode.USAGE


def test_unexpected_error_says_it_is_a_bug(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(raw: Any, config: Any) -> Any:
        raise RuntimeError("kaboom")

    monkeypatch.setattr(zhangye_cli, "extract_raw", broken)
    result = run("extract", "-", input=PAGE)
    assert_one_line_error(result, ExitCode.ERROR, "RuntimeError: kaboom", "bug", "--debug")


def test_debug_lets_the_exception_through(tmp_path: Path) -> None:
    result = run("extract", str(tmp_path / "nope.html"), "--debug")
    assert isinstance(result.exception, zhangye_cli.errors.InputError)
    before_command = run("--debug", "extract", str(tmp_path / "nope.html"))
    assert isinstance(before_command.exception, zhangye_cli.errors.InputError)


def test_debug_prints_the_traceback_in_a_real_process(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "zhangye_cli", "extract", str(tmp_path / "x.html")]
    quiet = subprocess.run(command, capture_output=True, text=True, env=env, timeout=60)
    assert quiet.returncode == ExitCode.INPUT
    assert quiet.stderr.startswith("zhangye: error: ") and "Traceback" not in quiet.stderr
    loud = subprocess.run(
        [*command, "--debug"], capture_output=True, text=True, env=env, timeout=60
    )
    assert "Traceback (most recent call last)" in loud.stderr
    assert "InputError" in loud.stderr


def test_help_states_the_size_limit_of_the_config() -> None:
    from zhangye_cli.config import Config

    assert (
        f"Pages over {Config().max_bytes // 2**20} MB are refused"
        in run("extract", "--help").stdout
    )
