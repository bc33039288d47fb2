"""Charset labels: what pages declare, and which Python codec we actually read them with.

Rules (DESIGN.md, "Chinese text, deliberately"): gb2312/gbk labels are read as gb18030, their
superset; big5 as big5hkscs; latin-1 family labels are weak evidence, since every byte decodes
under them and many servers send them by default.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Mapping

# Labels whose bytes we read with a wider codec.
_WIDER = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "gb18030": "gb18030",
    "cp936": "gb18030",
    "ms936": "gb18030",
    "hz": "hz",
    "big5": "big5hkscs",
    "big5hkscs": "big5hkscs",
    "cp950": "big5hkscs",
    "ascii": "utf-8",
    "utf_8": "utf-8",
    "utf-8": "utf-8",
    "latin_1": "cp1252",
    "iso8859-1": "cp1252",
    "cp1252": "cp1252",
}

# Labels seen on the web that Python's codec registry does not know.
_ALIASES = {
    "x-gbk": "gbk",
    "gb_2312-80": "gb2312",
    "x-euc-cn": "gb2312",
    "euc-cn": "gb2312",
    "x-x-big5": "big5",
    "big5-hkscs": "big5hkscs",
    "unicode": "utf-8",
    "utf8mb4": "utf-8",
}

# Codecs under which any byte sequence decodes: a label naming one proves nothing.
WEAK = frozenset({"cp1252", "latin_1", "iso8859-1"})

# Codecs that read CJK text, where a clean decode is strong evidence.
CJK = frozenset({"gb18030", "big5hkscs", "shift_jis", "euc_jp", "euc_kr", "cp949", "hz"})

_CONTENT_TYPE_CHARSET = re.compile(r"charset\s*=\s*[\"']?\s*([\w.:-]+)", re.I)
_META_CHARSET = re.compile(rb"<meta[^>]{0,400}?charset\s*=\s*[\"']?\s*([\w.:-]+)", re.I)


def lookup_label(label: str) -> codecs.CodecInfo | None:
    """The text codec a charset label names (web aliases known), or None."""
    label = label.strip().strip("\"'").lower()
    label = _ALIASES.get(label, label)
    try:
        info = codecs.lookup(label)
    except LookupError:
        return None
    return info if getattr(info, "_is_text_encoding", True) else None


def codec_for(label: str | None) -> str | None:
    """The Python codec we read a declared ``label`` with; None for an unknown label."""
    info = lookup_label(label) if label else None
    return _WIDER.get(info.name, info.name) if info else None


def forced_codec(label: str) -> str | None:
    """The codec for a user's own choice (``--encoding``): as named, except that gb2312/gbk are
    read as gb18030 and big5 as big5hkscs, their supersets; None for no text codec."""
    info = lookup_label(label)
    if info is None:
        return None
    wider = _WIDER.get(info.name, info.name)
    return wider if wider in ("gb18030", "big5hkscs") else info.name


def header_charset(headers: Mapping[str, str]) -> str | None:
    """The charset label of the Content-Type header, as written."""
    for key, value in headers.items():
        if key.lower() == "content-type":
            found = _CONTENT_TYPE_CHARSET.search(value)
            return found.group(1) if found else None
    return None


def meta_charset(data: bytes, window: int = 16384) -> str | None:
    """The charset label of the first ``<meta charset>`` or http-equiv meta in the head."""
    found = _META_CHARSET.search(data, 0, window)
    return found.group(1).decode("ascii", "replace") if found else None


BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def bom_codec(data: bytes) -> str | None:
    for bom, name in BOMS:
        if data.startswith(bom):
            return name
    return None
