"""The decode stage on raw bytes: fixtures/decode/cases.json, one decision per file.

Each case names the codec and the method (``bom``, ``header``, ``meta``, ``utf8``, ``detect``)
the decoder must report, and text that must come out; a list means any of its values is right.
"""

from __future__ import annotations

from typing import Any

import pytest

from zhangye_cli import Config
from zhangye_cli.errors import EncodingError
from zhangye_cli.records import DecodedPage, RawPage

from .conftest import DECODE_CASES, DecodeCase

NEVER_CHOSEN = {"gb2312", "gbk", "cp936", "big5", "cp950", "latin-1", "latin_1", "iso8859-1"}


def decode(data: bytes, headers: dict[str, str], config: Config | None = None) -> DecodedPage:
    from zhangye_cli.decode import decode_page

    return decode_page(RawPage(data, headers=headers), config or Config())


def one_of(value: Any) -> list[Any]:
    return [value] if isinstance(value, str) else list(value)


def test_decode_case(decode_case: DecodeCase) -> None:
    spec = decode_case.spec
    decoded = decode(decode_case.data, decode_case.headers)
    decision = decoded.encoding
    where = f"{decode_case.file} (headers {decode_case.headers}): {decision}"
    assert decision.name in one_of(spec["name"]), where
    assert decision.method in one_of(spec["method"]), where
    assert decision.name.lower() not in NEVER_CHOSEN, where
    for key in ("snippet", "snippet_after"):
        if key in spec:
            assert spec[key] in decoded.text, f"{where}: {spec[key]!r} not in the text"
    replaced = decoded.text.count("\ufffd")
    assert replaced == spec["replacement_chars"], f"{where}: {replaced} U+FFFD in the text"
    assert "\ufeff" not in decoded.text[:1], f"{where}: the BOM was kept in the text"
    assert decoded.raw.data == decode_case.data


def test_decode_override(decode_override: dict[str, Any]) -> None:
    case = next(c for c in DECODE_CASES if c.file == decode_override["file"])
    config = Config(encoding=decode_override["encoding"])
    decoded = decode(case.data, case.headers, config)
    decision = decoded.encoding
    assert decision.method == "override", decision
    assert decision.name == decode_override["name"], decision
    assert decode_override["snippet"] in decoded.text
    assert "\ufffd" not in decoded.text


def test_override_beats_a_correct_declaration() -> None:
    """--encoding is obeyed over the page's declaration when the bytes read under it."""
    case = next(c for c in DECODE_CASES if c.file == "gb2312-declared-gbk-chars.html")
    decoded = decode(
        case.data, {"Content-Type": "text/html; charset=utf-8"}, Config(encoding="gbk")
    )
    assert decoded.encoding.method == "override"
    assert decoded.encoding.name == "gb18030"
    assert case.spec["snippet"] in decoded.text


def test_an_override_the_bytes_cannot_be_read_in_is_an_error() -> None:
    """Forcing a codec the bytes do not decode in fails loudly (exit 8), not with garbage."""
    case = next(c for c in DECODE_CASES if c.file == "stale-gb2312-meta-utf8.html")
    with pytest.raises(EncodingError, match="cannot be read as big5"):
        decode(case.data, case.headers, Config(encoding="big5"))


@pytest.mark.parametrize("label", ["gb2312", "GBK", "gb18030", "x-gbk", "cp936"])
def test_gb_labels_read_as_gb18030(label: str) -> None:
    case = next(c for c in DECODE_CASES if c.file == "gb2312-declared-gbk-chars.html")
    headers = {"Content-Type": f"text/html; charset={label}"}
    decoded = decode(case.data, headers)
    assert decoded.encoding.name == "gb18030", decoded.encoding
    assert decoded.encoding.method == "header", decoded.encoding
    assert case.spec["snippet"] in decoded.text


@pytest.mark.parametrize("label", ["big5", "Big5-HKSCS", "cp950"])
def test_big5_labels_read_as_big5hkscs(label: str) -> None:
    case = next(c for c in DECODE_CASES if c.file == "big5-header.html")
    decoded = decode(case.data, {"Content-Type": f"text/html; charset={label}"})
    assert decoded.encoding.name == "big5hkscs", decoded.encoding
    assert "真係好靚嘅地方" in decoded.text


def test_every_case_file_is_listed() -> None:
    """Guards the fixtures: every byte file under fixtures/decode/ has an entry in cases.json."""
    from .conftest import DECODE

    on_disk = {p.name for p in DECODE.iterdir() if p.suffix == ".html"}
    assert on_disk == {c.file for c in DECODE_CASES}


@pytest.mark.parametrize("valid_utf8_tail", [False, True])
def test_a_long_page_is_told_from_utf8_by_its_start(valid_utf8_tail: bool) -> None:
    """Past 64 KiB the UTF-8 probe looks at the start first; the answer is the same."""
    paragraph = (
        "<p>张掖市召开全市教育工作会议，会议要求各学校把安全工作放在首位，切实加强校园管理。</p>"
    )
    page = "<html><body>" + paragraph * 1500 + "</body></html>"
    data = page.encode("gbk")
    if valid_utf8_tail:  # mostly UTF-8 with a few bad bytes at the very start: still UTF-8
        data = b"\xff" + page.encode("utf-8")
    decoded = decode(data, {})
    assert len(data) > 65536
    assert decoded.encoding.name == ("utf-8" if valid_utf8_tail else "gb18030")
    assert paragraph in decoded.text


@pytest.mark.parametrize(
    ("data", "lossless"),
    [
        ("<html><body><p>张掖</p></body></html>".encode(), True),
        (b"<html><body><p>ascii</p></body></html>", True),
        (b"<html><body><p>\xff</p>" + "张掖".encode() * 50 + b"</body></html>", False),
        (b"\xef\xbb\xbf<html><body><p>" + "张掖".encode() + b"</p></body></html>", False),
    ],
)
def test_lossless_says_whether_every_byte_was_read(data: bytes, lossless: bool) -> None:
    decoded = decode(data, {})
    assert decoded.encoding.name == "utf-8"
    assert decoded.encoding.lossless is lossless
