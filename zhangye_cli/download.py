"""Download one page over HTTP(S) into a RawPage, turning every failure into a ZhangyeError.

Redirects are followed and the final address kept (it resolves relative links and picks the
site profile). The body is streamed and capped at ``config.max_bytes``. The response must be an
HTML page: a PDF, an image or JSON is refused with NotHTMLError before its body is read.
"""

from __future__ import annotations

import socket
from collections.abc import Iterator
from urllib.parse import urlsplit

import requests

from .config import Config
from .errors import HTTPStatusError, InputError, NetworkError, NotHTMLError
from .records import RawPage
from .sources import describe_binary, is_html_type, size_limit_text

MAX_REDIRECTS = 10
CHUNK_SIZE = 64 * 1024

# Content types that are (or may be) HTML. Types in _SNIFF_TYPES are accepted when the bytes do
# not look like a known binary format (servers often label saved pages this way).
_SNIFF_TYPES = frozenset(
    {
        "",
        "text/plain",
        "application/octet-stream",
        "binary/octet-stream",
        "text/xml",
        "application/xml",
        "application/x-httpd-php",
    }
)


def fetch_page(url: str, config: Config) -> RawPage:
    """GET ``url`` and return its bytes, headers (lower-case names), final URL and status."""
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError:
        host = None
    if not host or parts.scheme not in ("http", "https"):
        raise InputError(
            f"{url}: not an http(s) address; give a URL such as https://example.cn/a.html"
        )
    with requests.Session() as session:
        session.max_redirects = MAX_REDIRECTS
        session.headers.update(
            {
                "User-Agent": config.user_agent,
                "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5",
                "Accept-Language": "zh-CN,zh;q=0.9,en;q=0.5",
            }
        )
        try:
            response = session.get(url, timeout=config.timeout, stream=True, allow_redirects=True)
        except requests.RequestException as error:
            raise _network_error(url, error, config) from error
        with response:
            _check_response(url, response, config)
            data = _read_body(url, response, config)
            headers = {name.lower(): value for name, value in response.headers.items()}
            return RawPage(
                data=data,
                url=response.url,
                headers=headers,
                status=response.status_code,
                origin=url,
            )


def _check_response(url: str, response: requests.Response, config: Config) -> None:
    status = response.status_code
    if status >= 400:
        reason = f" {response.reason}" if response.reason else ""
        hint = "check the address" if status < 500 else "the server failed: try again later"
        raise HTTPStatusError(f"{url}: the server answered HTTP {status}{reason}; {hint}", status)
    mime = response.headers.get("Content-Type", "").split(";")[0].strip().lower()
    if not is_html_type(mime) and mime not in _SNIFF_TYPES:
        raise NotHTMLError(
            f"{url}: the server sent {mime}, not an HTML page; zhangye reads HTML articles only"
        )
    length = response.headers.get("Content-Length", "")
    if length.isdigit() and int(length) > config.max_bytes:
        raise InputError(f"{url}: the page is {_mb(int(length))}, {size_limit_text(config)}")


def _read_body(url: str, response: requests.Response, config: Config) -> bytes:
    body = bytearray()
    chunks: Iterator[bytes] = response.iter_content(CHUNK_SIZE)
    try:
        for chunk in chunks:
            body += chunk
            if len(body) > config.max_bytes:
                raise InputError(f"{url}: the page is larger than {size_limit_text(config)}")
            if len(body) == len(chunk):  # first chunk: refuse binary formats early
                _refuse_binary(url, bytes(body))
    except requests.RequestException as error:
        raise _network_error(url, error, config) from error
    data = bytes(body)
    _refuse_binary(url, data)
    return data


def _refuse_binary(url: str, data: bytes) -> None:
    kind = describe_binary(data)
    if kind:
        raise NotHTMLError(f"{url}: the server sent {kind}, not an HTML page")


def _mb(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB"


def _causes(error: BaseException) -> Iterator[BaseException]:
    """The error and everything it wraps (requests → urllib3 → socket), each once."""
    seen: set[int] = set()
    stack: list[BaseException] = [error]
    while stack:
        current = stack.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        wrapped = [current.__cause__, current.__context__, getattr(current, "reason", None)]
        wrapped += list(current.args)
        stack.extend(e for e in wrapped if isinstance(e, BaseException))


def _network_error(url: str, error: requests.RequestException, config: Config) -> Exception:
    parts = urlsplit(url)  # fetch_page checked that it splits
    host = parts.hostname or url
    causes = list(_causes(error))
    if isinstance(error, requests.exceptions.ConnectTimeout):
        return NetworkError(
            f"{url}: could not connect to {host} within {config.timeout:g} s; "
            "check the address and your network, or try --timeout 60"
        )
    if isinstance(error, requests.exceptions.Timeout) or any(
        isinstance(c, TimeoutError | socket.timeout) or type(c).__name__ == "ReadTimeoutError"
        for c in causes
    ):
        return NetworkError(
            f"{url}: no answer from {host} within {config.timeout:g} s; "
            "the server is slow or busy: try --timeout 60"
        )
    if isinstance(error, requests.exceptions.TooManyRedirects):
        return NetworkError(
            f"{url}: more than {MAX_REDIRECTS} redirects; open the address in a browser to check it"
        )
    if isinstance(
        error,
        requests.exceptions.MissingSchema
        | requests.exceptions.InvalidSchema
        | requests.exceptions.InvalidURL,
    ):
        return InputError(f"{url}: not a valid http(s) address; check the URL")
    if isinstance(error, requests.exceptions.SSLError):
        return NetworkError(
            f"{url}: secure (TLS) connection to {host} failed; "
            "check the address, the system clock and the system's certificates"
        )
    if any(
        isinstance(c, socket.gaierror) or type(c).__name__ == "NameResolutionError" for c in causes
    ):
        return NetworkError(
            f"{url}: cannot find the host {host} (DNS lookup failed); "
            "check the address and your network"
        )
    if any(isinstance(c, ConnectionRefusedError) for c in causes):
        port = parts.port or (443 if parts.scheme == "https" else 80)
        return NetworkError(
            f"{url}: connection to {host}:{port} refused; "
            "check the address and that the server is up"
        )
    broken = requests.exceptions.ChunkedEncodingError | requests.exceptions.ContentDecodingError
    if isinstance(error, broken):
        return NetworkError(f"{url}: the connection broke while downloading the page; try again")
    return NetworkError(
        f"{url}: cannot reach {host} ({type(error).__name__}); check the address and your network"
    )
