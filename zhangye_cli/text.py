"""Small text helpers shared by the stages."""

from __future__ import annotations

import re
from typing import Any

_SPACE = re.compile(r"[\s\u00a0\u3000\u200b]+")


def squash(text: str) -> str:
    """White space runs (including no-break and ideographic spaces) as one space, trimmed."""
    return _SPACE.sub(" ", text).strip()


def text_of(el: Any) -> str:
    """An element's whole text, squashed."""
    return squash(el.text_content())


def is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


def cjk_ratio(text: str) -> float:
    """Share of CJK characters among the non-space characters of ``text``."""
    chars = [c for c in text if not c.isspace()]
    if not chars:
        return 0.0
    return sum(1 for c in chars if is_cjk(c)) / len(chars)
