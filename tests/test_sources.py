"""Reading sources: files, stdin, gzip, binary sniffing, and expanding convert's inputs
(folders, globs, lists, WARC records)."""

from __future__ import annotations

import gzip
import io
import os
from collections.abc import Sequence
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from tests.test_cli import PAGE
from zhangye_cli.config import Config
from zhangye_cli.errors import InputError, NoArticleError, NotHTMLError
from zhangye_cli.records import RawPage
from zhangye_cli.sources import (
    check_page,
    describe_binary,
    expand_inputs,
    load_source,
    load_task,
    output_name,
    read_file,
    url_name,
)

WarcEntry = tuple[str, bytes, str, str]  # (target URI, body, content type, HTTP status line)


def write_warc(path: Path, entries: Sequence[WarcEntry], compress: bool = True) -> None:
    """A WARC with a warcinfo record, then one request + response record per entry."""
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=compress)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "tests"}))
        for url, body, content_type, status in entries:
            asked = StatusAndHeaders(
                "GET / HTTP/1.1", [("Host", "www.example.cn")], is_http_request=True
            )
            request = writer.create_warc_record(
                url, "request", payload=io.BytesIO(b""), http_headers=asked
            )
            writer.write_record(request)
            http = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                url, "response", payload=io.BytesIO(body), http_headers=http
            )
            writer.write_record(record)


# --- sniffing -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"%PDF-1.4\n", "a PDF document"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "a PNG image"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "a JPEG image"),
        (b"GIF89a\x01\x00", "a GIF image"),
        (b"PK\x03\x04\x14\x00", "a ZIP archive (or an Office document)"),
        (b"RIFF\x00\x00\x00\x00WEBPVP8 ", "a WebP image"),
        (b"\x00\x01\x02\x03" * 100, "binary data (not text)"),
    ],
)
def test_binary_formats_are_named(data: bytes, kind: str) -> None:
    assert describe_binary(data) == kind


@pytest.mark.parametrize(
    "data",
    [
        PAGE,
        "<html><body><p>甘州区堃镕</p></body></html>".encode("gb18030"),
        "<html><body><p>張掖網</p></body></html>".encode("big5"),
        "<html><body><p>张掖</p></body></html>".encode("utf-16"),  # with BOM
        "<html><body><p>张掖</p></body></html>".encode("utf-16-le"),  # without BOM
        "<html><body><p>一丁七</p></body></html>".encode("utf-16-be"),
        b"<p>tab\tand\x0cform feed and \x1b escape</p>",
    ],
    ids=["utf8", "gbk", "big5", "utf16-bom", "utf16le", "utf16be", "controls"],
)
def test_html_in_any_encoding_is_not_binary(data: bytes) -> None:
    assert describe_binary(data) is None


@pytest.mark.parametrize("data", [b"", b"  \n\t\r\n", b"\xef\xbb\xbf \n"])
def test_empty_pages_are_refused(data: bytes) -> None:
    with pytest.raises(NoArticleError):
        check_page(RawPage(data=data, origin="x.html"))


def test_warc_given_as_a_page() -> None:
    with pytest.raises(InputError, match="use zhangye convert"):
        check_page(RawPage(data=b"WARC/1.1\r\n", origin="a.warc"))


# --- single sources -----------------------------------------------------------------------------


def test_gzipped_page_is_read(tmp_path: Path) -> None:
    page = tmp_path / "a.html.gz"
    page.write_bytes(gzip.compress(PAGE))
    raw = load_source(str(page), Config(url="http://www.example.cn/a.html"))
    assert raw.data == PAGE
    assert raw.url == "http://www.example.cn/a.html"
    assert raw.origin == str(page)


def test_damaged_gzip(tmp_path: Path) -> None:
    page = tmp_path / "a.html.gz"
    page.write_bytes(gzip.compress(PAGE)[:30])
    with pytest.raises(InputError, match="damaged gzip"):
        read_file(page, Config())


def test_size_limit_for_files_stdin_and_gzip(tmp_path: Path) -> None:
    config = Config(max_bytes=1000)
    big = tmp_path / "big.html"
    big.write_bytes(b"<p>" + b"x" * 2000 + b"</p>")
    with pytest.raises(InputError, match="MB limit"):
        read_file(big, config)
    with pytest.raises(InputError, match="limit"):
        load_source("-", config, stdin=io.BytesIO(big.read_bytes()))
    bomb = tmp_path / "bomb.html.gz"
    bomb.write_bytes(gzip.compress(b"<p>" + b"x" * 100_000))  # small on disk, big unpacked
    with pytest.raises(InputError, match="uncompressed page"):
        read_file(bomb, config)


def test_stdin_source() -> None:
    raw = load_source("-", Config(), stdin=io.BytesIO(PAGE))
    assert raw.data == PAGE and raw.origin == "stdin"


def test_other_schemes_are_refused() -> None:
    with pytest.raises(InputError, match="only http:// and https://"):
        load_source("ftp://example.cn/a.html", Config())


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root can read any file"
)
def test_unreadable_file(tmp_path: Path) -> None:
    page = tmp_path / "secret.html"
    page.write_bytes(PAGE)
    page.chmod(0)
    try:
        with pytest.raises(InputError, match="permission denied"):
            read_file(page, Config())
    finally:
        page.chmod(0o644)


# --- names --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "name"),
    [
        (
            "http://www.zgzyw.com.cn/zhzx/zyxw/2022-03-03/870591.html",
            "www.zgzyw.com.cn/zhzx/zyxw/2022-03-03/870591.html",
        ),
        ("https://www.example.cn/", "www.example.cn/index.html"),
        ("https://www.example.cn", "www.example.cn/index.html"),
        ("http://127.0.0.1:8080/news/", "127.0.0.1_8080/news/index.html"),
        ("http://x.cn/show.php?id=3", "x.cn/show_6fbd9d92.php"),
        ("http://x.cn/a/../../etc/passwd", "x.cn/a/etc/passwd"),
        ("http://x.cn/a:b*c|d", "x.cn/a_b_c_d"),
        ("http://x.cn:port/a.html", "x.cn/a.html"),
    ],
)
def test_url_names_mirror_the_address(url: str, name: str) -> None:
    assert url_name(url) == name


@pytest.mark.parametrize(
    ("name", "extension", "output"),
    [
        ("news/a.html", ".json", "news/a.json"),
        ("a.htm", ".md", "a.md"),
        ("b.shtml.gz", ".json", "b.json"),
        ("x.cn/show_6fbd9d92.php", ".md", "x.cn/show_6fbd9d92.md"),
        ("x.cn/news/2022.03.03", ".json", "x.cn/news/2022.03.03.json"),
        ("x.cn/news/870591", ".json", "x.cn/news/870591.json"),
    ],
)
def test_output_names(name: str, extension: str, output: str) -> None:
    assert output_name(name, extension) == output


# --- expanding convert's inputs -----------------------------------------------------------------


@pytest.fixture
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    site = tmp_path / "site"
    for name in ["a.html", "b.htm", "c.shtml", "sub/d.html", "sub/deeper/e.html.gz", "f.HTML"]:
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_bytes(PAGE)
    for name in ["notes.txt", "style.css", ".hidden/g.html", ".h.html"]:
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_bytes(PAGE)
    return tmp_path


def names(inputs: Sequence[str], lists: Sequence[str] = ()) -> list[str]:
    return [t.name for t in expand_inputs(inputs, Config(), lists).tasks]


def test_folder_is_searched_recursively_for_pages(tree: Path) -> None:
    assert names(["site"]) == [
        "a.html",
        "b.htm",
        "c.shtml",
        "f.HTML",
        "sub/d.html",
        "sub/deeper/e.html.gz",
    ]


def test_several_folders_are_prefixed_with_their_names(tree: Path) -> None:
    other = tree / "other"
    other.mkdir()
    (other / "a.html").write_bytes(PAGE)
    assert names(["site/sub", "other"]) == ["sub/d.html", "sub/deeper/e.html.gz", "other/a.html"]


def test_globs_files_and_duplicates(tree: Path) -> None:
    assert names(["site/*.htm*", "site/a.html"]) == ["site/a.html", "site/b.htm"]
    assert names(["site/**/*.html"]) == ["site/a.html", "site/sub/d.html"]


def test_list_file(tree: Path) -> None:
    listing = tree / "list.txt"
    listing.write_text(
        "# pages to convert\n\nsite/a.html\n  site/sub  \nhttp://www.example.cn/n/1.html\n",
        encoding="utf-8",
    )
    expansion = expand_inputs([], Config(), [str(listing)])
    assert [t.name for t in expansion.tasks] == [
        "site/a.html",
        "sub/d.html",
        "sub/deeper/e.html.gz",
        "www.example.cn/n/1.html",
    ]
    assert [t.kind for t in expansion.tasks] == ["file", "file", "file", "url"]


def test_list_from_stdin(tree: Path) -> None:
    expansion = expand_inputs([], Config(), ["-"], stdin=io.BytesIO(b"site/a.html\n"))
    assert [t.name for t in expansion.tasks] == ["site/a.html"]


def test_inputs_that_match_nothing_are_reported(tree: Path) -> None:
    expansion = expand_inputs(["nope.html", "site/*.xml", "site/a.html"], Config())
    assert [t.name for t in expansion.tasks] == ["site/a.html"]
    assert [spec for spec, _ in expansion.failures] == ["nope.html", "site/*.xml"]
    assert "no such file or folder" in str(expansion.failures[0][1])
    assert "no files match" in str(expansion.failures[1][1])


@pytest.mark.parametrize("compress", [True, False], ids=["warc.gz", "warc"])
def test_warc_response_records_become_pages(tmp_path: Path, compress: bool) -> None:
    archive = tmp_path / ("crawl.warc.gz" if compress else "crawl.warc")
    gbk = "<html><head><title>新闻</title></head><body><p>甘州区</p></body></html>".encode("gbk")
    write_warc(
        archive,
        [
            ("http://www.example.cn/news/a.html", PAGE, "text/html; charset=utf-8", "200 OK"),
            ("http://www.example.cn/logo.png", b"\x89PNG\r\n\x1a\n", "image/png", "200 OK"),
            ("http://www.example.cn/old", b"", "text/html", "301 Moved Permanently"),
            ("http://www.example.cn/news/", gbk, "text/html; charset=gbk", "200 OK"),
        ],
        compress=compress,
    )
    expansion = expand_inputs([str(archive)], Config())
    assert expansion.skipped_records == 2
    tasks = expansion.tasks
    assert [t.name for t in tasks] == [
        "crawl/www.example.cn/news/a.html",
        "crawl/www.example.cn/news/index.html",
    ]
    first, second = (load_task(t, Config()) for t in tasks)
    assert first.data == PAGE
    assert first.url == "http://www.example.cn/news/a.html"
    assert first.headers["content-type"] == "text/html; charset=utf-8"
    assert first.status == 200
    assert second.data == gbk
    assert second.url == "http://www.example.cn/news/"


def test_damaged_warc_is_reported(tmp_path: Path) -> None:
    archive = tmp_path / "bad.warc.gz"
    archive.write_bytes(gzip.compress(b"this is not a WARC file at all\r\n\r\n"))
    expansion = expand_inputs([str(archive)], Config())
    assert expansion.tasks == []
    assert "this WARC file" in str(expansion.failures[0][1])


def test_binary_file_task_is_refused(tree: Path) -> None:
    (tree / "site" / "a.html").write_bytes(b"%PDF-1.4\n")
    task = expand_inputs(["site/a.html"], Config()).tasks[0]
    with pytest.raises(NotHTMLError):
        load_task(task, Config())
