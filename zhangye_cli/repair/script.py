"""Simplified and traditional Chinese through OpenCC (converters built on first use)."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any


@lru_cache(maxsize=8)
def _converter(config: str) -> Any:
    import opencc

    return opencc.OpenCC(config)


_SURROGATE = re.compile("[\ud800-\udfff]")


def convert(text: str, config: str) -> str:
    """Convert with an OpenCC config: "tw2s", "t2s", "s2t", "s2tw" ... (lone surrogates, which
    OpenCC cannot take, are kept and the text around them converted)."""
    converter = _converter(config)
    try:
        return str(converter.convert(text))
    except UnicodeEncodeError:
        pieces = _SURROGATE.split(text)
        marks = _SURROGATE.findall(text)
        out = [str(converter.convert(p)) if p else "" for p in pieces]
        return "".join(a + b for a, b in zip(out, [*marks, ""], strict=True))


def changed_chars(before: str, after: str) -> int:
    """How many characters a conversion changed (positions compared; length changes count)."""
    if len(before) != len(after):
        return sum(1 for a, b in zip(before, after, strict=False) if a != b) + abs(
            len(before) - len(after)
        )
    return sum(1 for a, b in zip(before, after, strict=True) if a != b)


@lru_cache(maxsize=1)
def _variant_markers() -> tuple[frozenset[str], frozenset[str]]:
    """Characters only OpenCC's standard traditional uses (爲 啓 裏), and only Taiwan's (為 啟)."""
    chars = [chr(c) for c in range(0x4E00, 0xA000)]
    joined = "\n".join(chars)
    standard = convert(joined, "s2t").split("\n")
    taiwan = convert(joined, "s2tw").split("\n")
    std: set[str] = set()
    tw: set[str] = set()
    for a, b in zip(standard, taiwan, strict=True):
        if a != b and len(a) == len(b) == 1:
            std.add(a)
            tw.add(b)
    return frozenset(std - tw), frozenset(tw - std)


def simplified_config(text: str) -> str:
    """ "tw2s" for text in Taiwan's forms (為, 著 for 着), else "t2s" (keeps 拚, 象 as written)."""
    std, tw = _variant_markers()
    taiwan = sum(1 for c in text if c in tw)
    standard = sum(1 for c in text if c in std)
    return "tw2s" if taiwan > standard else "t2s"


def _in_gb2312(char: str) -> bool:
    try:
        char.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


def to_simplified(text: str, *, inverse: bool = False) -> tuple[str, int]:
    """Simplified Chinese through OpenCC, undoing Taiwan's forms when the text uses them.

    With ``inverse`` the text is taken to be the result of converting simplified Chinese to
    traditional (what content farms do): it is converted with tw2s (which also turns 著 back
    into 着), and where converting the result forward again (s2tw or s2t, whichever style the
    text shows) would not give the text back, a character that was already its own traditional
    form and belongs to the simplified repertoire (GB 2312: 拚 in 拚命, 著 in 著名) is kept.
    """
    config = "tw2s" if inverse else simplified_config(text)
    out = convert(text, config)
    if inverse and len(out) == len(text):
        std, tw = _variant_markers()
        taiwan = sum(1 for c in text if c in tw)
        standard = sum(1 for c in text if c in std)
        forward = "s2tw" if taiwan >= standard else "s2t"
        back = convert(out, forward)
        if len(back) == len(text) and back != text:
            chars = list(out)
            for i, (orig, new, again) in enumerate(zip(text, out, back, strict=True)):
                if (
                    again != orig
                    and new != orig
                    and _in_gb2312(orig)
                    and convert(orig, forward) == orig
                ):
                    chars[i] = orig
            out = "".join(chars)
    return out, changed_chars(text, out)


def to_traditional(text: str) -> tuple[str, int]:
    """Traditional Chinese in Taiwan's standard forms (OpenCC s2tw)."""
    out = convert(text, "s2tw")
    return out, changed_chars(text, out)


def count_traditional(text: str) -> int:
    """Characters that OpenCC's t2s changes: what is left of traditional script in ``text``."""
    return changed_chars(text, convert(text, "t2s"))


def is_traditional_char(char: str) -> bool:
    """Whether converting the single character to simplified changes it."""
    return convert(char, "tw2s") != char
