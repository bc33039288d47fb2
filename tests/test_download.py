"""fetch_page against a real HTTP server on 127.0.0.1: success, redirects and every failure."""

from __future__ import annotations

import socket
from collections.abc import Iterator

import pytest
import requests

import zhangye_cli
from tests.localserver import Route, serve
from zhangye_cli.config import Config
from zhangye_cli.download import _network_error, fetch_page
from zhangye_cli.errors import (
    ExitCode,
    HTTPStatusError,
    InputError,
    NetworkError,
    NotHTMLError,
)

PAGE = "<html><head><title>新闻</title></head><body><p>正文。</p></body></html>".encode()

ROUTES = {
    "/a.html": Route(PAGE, headers={"Content-Type": "text/html; charset=utf-8", "X-Test": "1"}),
    "/old": Route(b"", status=301, headers={"Location": "/a.html"}),
    "/gone": Route(b"<h1>404</h1>", status=404),
    "/broken": Route(b"<h1>500</h1>", status=500),
    "/doc.pdf": Route(b"%PDF-1.4\n...", headers={"Content-Type": "application/pdf"}),
    "/logo": Route(b"\x89PNG\r\n\x1a\n....", headers={"Content-Type": "image/png"}),
    "/api": Route(b'{"a": 1}', headers={"Content-Type": "application/json"}),
    "/plain-pdf": Route(b"%PDF-1.4\n...", headers={"Content-Type": "text/plain"}),
    "/octet-page": Route(PAGE, headers={"Content-Type": "application/octet-stream"}),
    "/no-type": Route(PAGE, headers={}),
    "/slow": Route(PAGE, delay=1.5),
    "/big": Route(b"<p>" + b"x" * 5000 + b"</p>"),
}


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    with serve(ROUTES) as base:
        yield base


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_fetch_returns_bytes_headers_final_url_and_status(server: str) -> None:
    raw = fetch_page(f"{server}/a.html", Config())
    assert raw.data == PAGE
    assert raw.status == 200
    assert raw.url == f"{server}/a.html"
    assert raw.headers["content-type"] == "text/html; charset=utf-8"  # names are lower-case
    assert raw.headers["x-test"] == "1"
    assert raw.origin == f"{server}/a.html"


def test_redirects_are_followed_and_the_final_url_kept(server: str) -> None:
    raw = fetch_page(f"{server}/old", Config())
    assert raw.url == f"{server}/a.html"
    assert raw.origin == f"{server}/old"
    assert raw.data == PAGE


def test_library_fetch_takes_config_options(server: str) -> None:
    for _ in range(2):  # a second call must work too
        raw = zhangye_cli.fetch(f"{server}/a.html", timeout=5)
        assert raw.data == PAGE


@pytest.mark.parametrize("path", ["/octet-page", "/no-type"])
def test_unlabelled_html_is_accepted(server: str, path: str) -> None:
    assert fetch_page(f"{server}{path}", Config()).data == PAGE


@pytest.mark.parametrize(("path", "status"), [("/gone", 404), ("/broken", 500), ("/nope", 404)])
def test_http_error_status(server: str, path: str, status: int) -> None:
    with pytest.raises(HTTPStatusError) as caught:
        fetch_page(f"{server}{path}", Config())
    assert caught.value.status == status
    assert f"HTTP {status}" in str(caught.value)
    assert caught.value.exit_code == ExitCode.HTTP


@pytest.mark.parametrize(
    ("path", "said"),
    [
        ("/doc.pdf", "application/pdf"),
        ("/logo", "image/png"),
        ("/api", "application/json"),
        ("/plain-pdf", "a PDF document"),
    ],
)
def test_non_html_responses_are_refused(server: str, path: str, said: str) -> None:
    with pytest.raises(NotHTMLError, match="not an HTML page") as caught:
        fetch_page(f"{server}{path}", Config())
    assert said in str(caught.value)


def test_connection_refused() -> None:
    url = f"http://127.0.0.1:{closed_port()}/a.html"
    with pytest.raises(NetworkError, match="refused") as caught:
        fetch_page(url, Config(timeout=5))
    assert "check the address" in str(caught.value)


def test_timeout_suggests_a_longer_timeout(server: str) -> None:
    with pytest.raises(NetworkError, match=r"within 0\.3 s.*try --timeout 60"):
        fetch_page(f"{server}/slow", Config(timeout=0.3))


def test_size_cap(server: str) -> None:
    with pytest.raises(InputError, match="limit"):
        fetch_page(f"{server}/big", Config(max_bytes=1000))


@pytest.mark.parametrize("url", ["ftp://example.cn/a.html", "http://", "example.cn/a.html"])
def test_not_an_http_address(url: str) -> None:
    with pytest.raises(InputError, match="http"):
        fetch_page(url, Config())


def test_dns_failure_is_named() -> None:
    """A DNS failure is recognised from the socket error requests wraps (no lookup made here)."""
    error = requests.exceptions.ConnectionError("boom")
    error.__context__ = socket.gaierror(-2, "Name or service not known")
    mapped = _network_error("http://no-such-host.example/a.html", error, Config())
    assert isinstance(mapped, NetworkError)
    assert "cannot find the host no-such-host.example" in str(mapped)


def test_tls_failure_is_named() -> None:
    error = requests.exceptions.SSLError("certificate verify failed")
    mapped = _network_error("https://example.cn/a.html", error, Config())
    assert isinstance(mapped, NetworkError)
    assert "TLS" in str(mapped)
