"""Charset labels → the codec we read them with; header, meta and BOM sniffing
(zhangye_cli/charsets.py). Whole-page decoding decisions are in tests/test_decode.py."""

from __future__ import annotations

import codecs

import pytest

from zhangye_cli.charsets import (
    CJK,
    WEAK,
    bom_codec,
    codec_for,
    header_charset,
    meta_charset,
)


@pytest.mark.parametrize(
    "label",
    ["gb2312", "GB2312", "gbk", "GBK ", "x-gbk", '"gbk"', "cp936", "gb18030", "euc-cn", "x-euc-cn"],
)
def test_gb_labels_map_to_gb18030(label: str) -> None:
    assert codec_for(label) == "gb18030"


@pytest.mark.parametrize("label", ["big5", "Big5", "big5-hkscs", "x-x-big5", "cp950"])
def test_big5_labels_map_to_big5hkscs(label: str) -> None:
    assert codec_for(label) == "big5hkscs"


@pytest.mark.parametrize(
    "label", ["utf-8", "UTF-8", "utf8", "utf8mb4", "unicode", "us-ascii", "ascii"]
)
def test_utf8_and_ascii_labels_map_to_utf8(label: str) -> None:
    assert codec_for(label) == "utf-8"


@pytest.mark.parametrize(
    "label", ["latin1", "latin-1", "iso-8859-1", "ISO8859-1", "windows-1252", "cp1252"]
)
def test_latin1_family_is_read_as_cp1252_and_is_weak(label: str) -> None:
    codec = codec_for(label)
    assert codec == "cp1252"
    assert codec in WEAK
    assert codec not in CJK


@pytest.mark.parametrize("label", ["gbk", "big5", "shift_jis", "euc-kr"])
def test_cjk_labels_are_strong(label: str) -> None:
    codec = codec_for(label)
    assert codec in CJK
    assert codec not in WEAK


@pytest.mark.parametrize("label", ["foo", "x-unknown-charset", "", "   ", None])
def test_unknown_or_empty_labels_give_none(label: str | None) -> None:
    assert codec_for(label) is None


def test_other_known_labels_keep_their_codec() -> None:
    assert codec_for("shift_jis") == "shift_jis"
    assert codec_for("EUC-KR") == "euc_kr"
    assert codec_for("hz-gb-2312") == "hz"


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        ({"Content-Type": "text/html; charset=GBK"}, "GBK"),
        ({"content-type": 'text/html;charset="utf-8"'}, "utf-8"),
        ({"CONTENT-TYPE": "text/html; Charset = gb2312"}, "gb2312"),
        ({"Content-Type": "text/html"}, None),
        ({"Server": "nginx", "X-Charset": "charset=gbk"}, None),
        ({}, None),
    ],
)
def test_header_charset_is_returned_as_written(
    headers: dict[str, str], expected: str | None
) -> None:
    assert header_charset(headers) == expected


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b'<html><head><meta charset="gb2312"></head>', "gb2312"),
        (b"<head><META CHARSET=GBK>", "GBK"),
        (b'<meta http-equiv="Content-Type" content="text/html; charset=gbk">', "gbk"),
        (b"<meta content='text/html; charset=big5' http-equiv='Content-Type'>", "big5"),
        (b"<html><head><title>no declaration</title></head>", None),
        (b"<p>charset=gbk written in the text</p>", None),
    ],
)
def test_meta_charset(data: bytes, expected: str | None) -> None:
    assert meta_charset(data) == expected


def test_meta_charset_is_looked_for_only_near_the_top() -> None:
    late = b"<html><head>" + b" " * 20000 + b'<meta charset="gbk"></head>'
    assert meta_charset(late) is None
    assert meta_charset(late, window=30000) == "gbk"


def test_the_first_meta_charset_wins() -> None:
    data = (
        b'<meta charset="utf-8"><meta http-equiv="Content-Type" content="text/html; charset=gbk">'
    )
    assert meta_charset(data) == "utf-8"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (codecs.BOM_UTF8 + "<p>张掖</p>".encode(), "utf-8-sig"),
        (codecs.BOM_UTF16_LE + "<p>".encode("utf-16-le"), "utf-16"),
        (codecs.BOM_UTF16_BE + "<p>".encode("utf-16-be"), "utf-16"),
        (codecs.BOM_UTF32_LE + "<p>".encode("utf-32-le"), "utf-32"),  # starts like UTF-16 LE
        (codecs.BOM_UTF32_BE + "<p>".encode("utf-32-be"), "utf-32"),
        (b"<html>", None),
        ("<p>张掖</p>".encode("gb18030"), None),
    ],
)
def test_bom(data: bytes, expected: str | None) -> None:
    assert bom_codec(data) == expected


def test_the_bom_codec_decodes_without_keeping_the_mark() -> None:
    data = codecs.BOM_UTF16_LE + "<p>张掖</p>".encode("utf-16-le")
    codec = bom_codec(data)
    assert codec is not None
    assert data.decode(codec) == "<p>张掖</p>"
