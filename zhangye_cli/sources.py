"""Read what the user names into RawPages: a file, ``-`` (stdin), a URL, or for ``convert`` many
pages at once (folders, globs, lists of URLs or paths, WARC archives).

Every reader caps the size at ``config.max_bytes``, gunzips ``.gz`` pages, and refuses input that
is empty or clearly not HTML (a PDF, an image, an archive, binary data) with a message that says
what it is. WARC archives are read with warcio: it handles WARC 1.0/1.1, per-record gzip members,
chunked transfer and content-encoding, and reports each record's offset, so a worker process can
seek straight to its record.
"""

from __future__ import annotations

import glob
import gzip
import hashlib
import io
import os
import re
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any, BinaryIO, Literal
from urllib.parse import urlsplit

from .config import Config
from .errors import InputError, NoArticleError, NotHTMLError, ZhangyeError
from .records import RawPage

PAGE_SUFFIXES = (".html", ".htm", ".shtml", ".xhtml")
SCRIPT_SUFFIXES = (".php", ".asp", ".aspx", ".jsp")
WARC_SUFFIXES = (".warc", ".warc.gz")
GZIP_MAGIC = b"\x1f\x8b"

# --- checks shared by every reader --------------------------------------------------------------

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "a Microsoft Office document"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"BZh", "bzip2-compressed data"),
    (b"\xfd7zXZ\x00", "xz-compressed data"),
    (b"\x7fELF", "a program (ELF binary)"),
    (b"ID3", "an MP3 audio file"),
    (b"OggS", "an Ogg media file"),
    (b"\x00\x00\x01\x00", "an icon image"),
    (b"wOFF", "a web font"),
    (b"wOF2", "a web font"),
)
_UTF16_32_BOMS = (b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")
_TEXT_CONTROLS = frozenset(b"\t\n\x0b\x0c\r\x1b")
_MARKUP = re.compile(r"<(!doctype|html|head|body|meta|title|div|p|table)\b", re.IGNORECASE)


# The control bytes counted above (deleted by bytes.translate, which does it in C).
_CONTROL_BYTES = bytes(b for b in range(0x20) if b not in _TEXT_CONTROLS)


def describe_binary(data: bytes) -> str | None:
    """What ``data`` is when it is clearly not an HTML page (e.g. "a PDF document"), else None."""
    head = data[:16]
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "a WebP image"
    if head[4:8] == b"ftyp":
        return "an MP4/MOV media file"
    sample = data[:8192]
    if sample.startswith(_UTF16_32_BOMS):
        return None
    # Bytes below 0x20 other than tab, newlines, form feed and escape never occur in HTML, in any
    # ASCII-compatible encoding (GBK, Big5 and UTF-8 multi-byte sequences use bytes >= 0x40).
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    if controls * 20 <= len(sample):
        return None
    # Many control bytes: binary data, unless it is an HTML page in UTF-16 without a BOM.
    even = sample[: len(sample) // 2 * 2]
    for codec in ("utf-16-le", "utf-16-be"):
        try:
            text = even.decode(codec)
        except UnicodeDecodeError:
            continue
        if _MARKUP.search(text):
            return None
    return "binary data (not text)"


def is_html_type(mime: str) -> bool:
    """Whether a (lower-case) media type names an HTML page."""
    return "html" in mime


def size_limit_text(config: Config) -> str:
    mb = config.max_bytes / 1024 / 1024
    return f"over the {mb:g} MB limit (zhangye reads at most {mb:g} MB per page)"


def _blank(data: bytes) -> bool:
    """Nothing but a byte-order mark and white space."""
    return not data.lstrip(b"\xef\xbb\xbf").strip(b" \t\r\n\x0b\x0c\x00")


def check_page(raw: RawPage) -> RawPage:
    """Refuse a page that is empty, white space only, binary, or a WARC archive."""
    if not raw.data:
        raise NoArticleError(
            f"{raw.origin}: the page is empty (0 bytes); check the file or address"
        )
    if _blank(raw.data[:4096]) and _blank(raw.data):  # (the start tells, without a copy)
        raise NoArticleError(
            f"{raw.origin}: the page contains only white space; check the file or address"
        )
    kind = describe_binary(raw.data)
    if kind:
        raise NotHTMLError(
            f"{raw.origin}: this is {kind}, not an HTML page; zhangye reads HTML articles only"
        )
    if raw.data.startswith(b"WARC/"):
        raise InputError(f"{raw.origin} is a WARC archive; use zhangye convert for WARC files")
    return raw


def _gunzip(data: bytes, origin: str, config: Config) -> bytes:
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
            out = stream.read(config.max_bytes + 1)
    except (OSError, EOFError, zlib.error) as error:
        raise InputError(f"{origin}: damaged gzip data ({error}); check the file") from error
    if len(out) > config.max_bytes:
        raise InputError(f"{origin}: the uncompressed page is {size_limit_text(config)}")
    return out


# --- single sources -----------------------------------------------------------------------------


def is_url(spec: str) -> bool:
    return spec[:8].lower().startswith(("http://", "https://"))


def read_file(path: Path, config: Config, origin: str | None = None) -> RawPage:
    """A saved page from disk (gunzipped when it is gzip data). ``config.url`` is its address."""
    name = origin or str(path)
    try:
        if path.is_dir():
            raise InputError(f"{name} is a folder; use zhangye convert for folders")
        size = path.stat().st_size
        if size > config.max_bytes:
            mb = size / 1024 / 1024
            raise InputError(f"{name}: the file is {mb:.1f} MB, {size_limit_text(config)}")
        with path.open("rb") as stream:  # a device or a pipe has no size: read to the cap
            data = stream.read(config.max_bytes + 1)
        if len(data) > config.max_bytes:
            raise InputError(f"{name}: the input is {size_limit_text(config)}")
    except FileNotFoundError:
        hint = f" (did you mean http://{name}?)" if re.match(r"^[\w-]+(\.[\w-]+)+/", name) else ""
        raise InputError(f"{name}: no such file{hint}; check the path") from None
    except PermissionError:
        raise InputError(f"{name}: permission denied; check the file's permissions") from None
    except OSError as error:
        raise InputError(f"{name}: cannot read the file ({error.strerror or error})") from None
    if data.startswith(GZIP_MAGIC):
        data = _gunzip(data, name, config)
    return RawPage(data=data, url=config.url, headers={}, origin=name)


def read_stream(stream: BinaryIO, config: Config, origin: str = "stdin") -> RawPage:
    """A page from a binary stream (stdin), read up to the size cap."""
    data = stream.read(config.max_bytes + 1)
    if len(data) > config.max_bytes:
        raise InputError(f"{origin}: the input is {size_limit_text(config)}")
    if data.startswith(GZIP_MAGIC):
        data = _gunzip(data, origin, config)
    return RawPage(data=data, url=config.url, headers={}, origin=origin)


def read_url(url: str, config: Config) -> RawPage:
    from .download import fetch_page  # requests is imported only when a URL is read

    return fetch_page(url, config)


def load_source(spec: str, config: Config, stdin: BinaryIO | None = None) -> RawPage:
    """The page ``spec`` names (a URL, a file path or ``-``), checked to be a non-empty page."""
    if spec == "-":
        if stdin is None:
            raise InputError("-: no standard input to read from")
        raw = read_stream(stdin, config)
    elif is_url(spec):
        raw = read_url(spec, config)
    elif re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", spec):
        raise InputError(f"{spec}: only http:// and https:// addresses can be fetched")
    else:
        raw = read_file(Path(spec), config, origin=spec)
    return check_page(raw)


# --- many sources (zhangye convert) -------------------------------------------------------------


@dataclass(frozen=True)
class Task:
    """One page to convert: where to read it and the relative name its output mirrors."""

    name: str  # relative POSIX path, e.g. "news/2022/a.html" or "crawl/www.x.cn/a.html"
    origin: str  # what to show the user: a path, a URL, or "crawl.warc.gz@1234"
    kind: Literal["file", "url", "warc"]
    location: str  # file path or URL
    offset: int = 0  # WARC record offset
    url: str | None = None  # the WARC record's target URI


@dataclass
class Expansion:
    tasks: list[Task] = field(default_factory=list)
    failures: list[tuple[str, ZhangyeError]] = field(default_factory=list)  # (input, why)
    skipped_records: int = 0  # WARC records that are not HTML pages (images, CSS, redirects...)


def is_page_name(name: str) -> bool:
    lower = name.lower().removesuffix(".gz")
    return lower.endswith(PAGE_SUFFIXES)


def is_warc_name(name: str) -> bool:
    return name.lower().endswith(WARC_SUFFIXES)


def _clean_segment(segment: str) -> str:
    segment = re.sub(r'[<>:"\\|?*\x00-\x1f]', "_", segment).strip(" .") or "_"
    return segment[:150]


def url_name(url: str) -> str:
    """A relative path mirroring a URL: host, then the path ("/" becomes index.html)."""
    try:
        parts = urlsplit(url)
    except ValueError:  # malformed (http://[::1): name it by a digest of the address
        return f"malformed-url/{hashlib.sha1(url.encode('utf-8', 'replace')).hexdigest()[:16]}.html"
    try:
        port = f"_{parts.port}" if parts.port else ""
    except ValueError:  # a port that is not a number
        port = ""
    host = _clean_segment((parts.hostname or "unknown-host") + port)
    segments = [_clean_segment(s) for s in parts.path.split("/") if s not in ("", ".", "..")]
    if not segments or parts.path.endswith("/"):
        segments.append("index.html")
    if parts.query:
        digest = hashlib.sha1(parts.query.encode("utf-8"), usedforsecurity=False).hexdigest()[:8]
        stem, dot, suffix = segments[-1].rpartition(".")
        segments[-1] = f"{stem}_{digest}.{suffix}" if dot else f"{suffix}_{digest}"
    return "/".join([host, *segments])


def _relative_name(path: Path) -> str:
    """How a file named on the command line is mirrored: its path below the working folder."""
    try:
        relative = Path(os.path.abspath(path)).relative_to(os.path.abspath(os.getcwd()))
    except ValueError:  # outside the working folder
        return path.name
    return relative.as_posix()


def _warc_stem(name: str) -> str:
    lower = name.lower()
    for suffix in (".warc.gz", ".warc"):
        if lower.endswith(suffix):
            return name[: -len(suffix)]
    return name


def _walk(folder: Path) -> Iterator[Path]:
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder)
        if any(part.startswith(".") for part in relative.parts) or not path.is_file():
            continue
        if is_page_name(path.name) or is_warc_name(path.name):
            yield path


class _Expander:
    def __init__(self, config: Config, several: bool) -> None:
        self.config = config
        self.several = several
        self.result = Expansion()
        self.seen: set[tuple[str, str, int]] = set()

    def add(self, task: Task) -> None:
        key = (task.kind, task.location, task.offset)
        if key not in self.seen:
            self.seen.add(key)
            self.result.tasks.append(task)

    def fail(self, spec: str, error: ZhangyeError) -> None:
        self.result.failures.append((spec, error))

    def spec(self, spec: str) -> None:
        if is_url(spec):
            self.add(Task(name=url_name(spec), origin=spec, kind="url", location=spec))
            return
        path = Path(spec)
        if path.is_dir():
            prefix = _clean_segment(path.resolve().name) + "/" if self.several else ""
            for file in _walk(path):
                relative = prefix + file.relative_to(path).as_posix()
                self.file(file, relative, str(file))
            return
        if path.is_file():
            self.file(path, _relative_name(path), spec)
            return
        if glob.has_magic(spec):
            matches = sorted(glob.glob(spec, recursive=True))
            if not matches:
                self.fail(spec, InputError(f"{spec}: no files match this pattern"))
            for match in matches:
                matched = Path(match)
                if matched.is_dir():
                    self.spec(match)
                elif matched.is_file() and (is_page_name(match) or is_warc_name(match)):
                    self.file(matched, _relative_name(matched), match)
            return
        self.fail(spec, InputError(f"{spec}: no such file or folder; check the path"))

    def file(self, path: Path, relative: str, origin: str) -> None:
        if is_warc_name(path.name):
            self.warc(path, _warc_stem(relative), origin)
        else:
            self.add(Task(name=relative, origin=origin, kind="file", location=str(path)))

    def warc(self, path: Path, stem: str, origin: str) -> None:
        records, error = warc_pages(path)
        if error is not None:
            self.fail(origin, error)
        names: set[str] = set()
        for offset, url in records:
            if offset < 0:
                self.result.skipped_records += 1
                continue
            name = f"{stem}/{url_name(url)}"
            if name in names:
                base, dot, suffix = name.rpartition(".")
                name = f"{base}@{offset}.{suffix}" if dot else f"{name}@{offset}"
            names.add(name)
            self.add(
                Task(
                    name=name,
                    origin=f"{origin}@{offset}",
                    kind="warc",
                    location=str(path),
                    offset=offset,
                    url=url,
                )
            )

    def list_file(self, list_spec: str, stdin: BinaryIO | None) -> None:
        try:
            if list_spec == "-":
                if stdin is None:
                    raise InputError("--from-list -: no standard input to read from")
                text = stdin.read().decode("utf-8-sig", errors="replace")
            else:
                text = Path(list_spec).read_text(encoding="utf-8-sig", errors="replace")
        except InputError as error:
            self.fail(list_spec, error)
            return
        except OSError as error:
            why = error.strerror or error
            self.fail(list_spec, InputError(f"{list_spec}: cannot read the list ({why})"))
            return
        for line in text.splitlines():
            entry = line.strip()
            if entry and not entry.startswith("#"):
                self.spec(entry)


def expand_inputs(
    inputs: Sequence[str],
    config: Config,
    list_files: Sequence[str] = (),
    stdin: BinaryIO | None = None,
) -> Expansion:
    """All pages named by ``inputs`` and the lines of ``list_files``, in a stable order.

    Folders are searched recursively for *.html, *.htm, *.shtml, *.xhtml (also gzipped) and WARC
    files (hidden files and folders are skipped); patterns are expanded (``**`` recurses); a list
    file holds one URL, path, folder or pattern a line (blank lines and ``#`` comments ignored;
    relative paths are relative to the working folder).
    """
    expander = _Expander(config, several=len(inputs) > 1 or bool(list_files))
    for spec in inputs:
        expander.spec(spec)
    for list_spec in list_files:
        expander.list_file(list_spec, stdin)
    return expander.result


# --- WARC ---------------------------------------------------------------------------------------

_HTTP_OK = range(200, 300)


def _record_is_page(record: Any) -> bool:
    rec_type = getattr(record, "rec_type", "")
    if rec_type == "response":
        http = getattr(record, "http_headers", None)
        if http is None:
            return False
        status = http.get_statuscode()
        if not status or int(status) not in _HTTP_OK:
            return False
        mime = (http.get_header("Content-Type") or "").split(";")[0].strip().lower()
    elif rec_type == "resource":
        mime = record.rec_headers.get_header("Content-Type") or ""
        mime = mime.split(";")[0].strip().lower()
    else:
        return False
    return is_html_type(mime) or mime in ("", "text/plain", "application/octet-stream")


def warc_pages(path: Path) -> tuple[list[tuple[int, str]], InputError | None]:
    """(offset, target URI) of each response/resource record of a WARC (offset -1: not a page),
    and the error that stopped the reading early, if any (the records before it are kept)."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    found: list[tuple[int, str]] = []
    try:
        with path.open("rb") as stream:
            records = ArchiveIterator(stream)
            for record in records:
                if record.rec_type not in ("response", "resource"):
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI") or ""
                if not str(record.format).startswith("warc") and not is_url(url):
                    # warcio reads any text as an old ARC record: here it is not one.
                    raise ValueError("this does not look like a WARC file")
                ok = _record_is_page(record) and is_url(url)
                found.append((records.get_record_offset() if ok else -1, url))
    except (ArchiveLoadFailed, OSError, EOFError, zlib.error, ValueError) as error:
        why = str(error) or type(error).__name__
        return found, InputError(f"{path}: cannot read this WARC file ({why}); is it damaged?")
    if not found:
        return found, InputError(f"{path}: no response or resource records in this WARC file")
    return found, None


_DROPPED_HEADERS = ("content-encoding", "transfer-encoding", "content-length")


def read_warc_record(path: Path, offset: int, config: Config, origin: str) -> RawPage:
    """The page stored in the WARC record at ``offset``, with its HTTP headers and target URI."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    try:
        with path.open("rb") as stream:
            stream.seek(offset)
            record = next(iter(ArchiveIterator(stream)))
            url = record.rec_headers.get_header("WARC-Target-URI") or None
            headers: dict[str, str] = {}
            status: int | None = None
            if record.http_headers is not None:
                headers = {k.lower(): v for k, v in record.http_headers.headers}
                status = int(record.http_headers.get_statuscode() or 0) or None
            elif record.rec_headers.get_header("Content-Type"):
                headers = {"content-type": record.rec_headers.get_header("Content-Type")}
            for name in _DROPPED_HEADERS:  # the body below is already de-chunked and decoded
                headers.pop(name, None)
            data = record.content_stream().read(config.max_bytes + 1)
    except (ArchiveLoadFailed, OSError, EOFError, zlib.error, ValueError, StopIteration) as error:
        raise InputError(f"{origin}: cannot read this WARC record ({error})") from error
    if len(data) > config.max_bytes:
        raise InputError(f"{origin}: the page is {size_limit_text(config)}")
    return RawPage(data=data, url=url or config.url, headers=headers, status=status, origin=origin)


def load_task(task: Task, config: Config) -> RawPage:
    """Read one convert task's page, checked like ``load_source`` checks a single page."""
    if task.kind == "url":
        raw = read_url(task.location, config)
    elif task.kind == "warc":
        raw = read_warc_record(Path(task.location), task.offset, config, task.origin)
    else:
        raw = read_file(Path(task.location), config, origin=task.origin)
    return check_page(raw)


def output_name(name: str, extension: str) -> str:
    """The output path for a task's relative name: its page suffix (and .gz) become ``extension``.

    ``news/a.html`` → ``news/a.md``; ``www.x.cn/show/123`` → ``www.x.cn/show/123.md``.
    """
    path = PurePosixPath(name)
    base = path.name
    if base.lower().endswith(".gz"):
        base = base[:-3]
    stem, dot, suffix = base.rpartition(".")
    if dot and stem and f".{suffix.lower()}" in PAGE_SUFFIXES + SCRIPT_SUFFIXES:
        base = stem
    return (path.parent / (base + extension)).as_posix()
