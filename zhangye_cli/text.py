"""Small text helpers shared by the stages."""

from __future__ import annotations

import re
from typing import Any

_SPACE = re.compile(r"[\s\u00a0\u3000\u200b]+")
_PRIVATE_USE = re.compile(r"[\ue000-\uf8ff]+")  # icon-font glyphs, user-defined GBK codes


def squash(text: str) -> str:
    """White space runs (including no-break and ideographic spaces) as one space, trimmed;
    private-use characters dropped."""
    return _SPACE.sub(" ", _PRIVATE_USE.sub("", text)).strip()


def raw_text(el: Any) -> str:
    """An element's whole text, as it stands."""
    return "".join(el.itertext())


def text_of(el: Any) -> str:
    """An element's whole text, squashed."""
    return squash("".join(el.itertext()))


def drop_tree(el: Any) -> None:
    """Remove ``el`` and its subtree from the tree, keeping the text that follows it."""
    parent = el.getparent()
    if parent is None:
        return
    if el.tail:
        previous = el.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + el.tail
        else:
            parent.text = (parent.text or "") + el.tail
    parent.remove(el)


def is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


def cjk_ratio(text: str) -> float:
    """Share of CJK characters among the non-space characters of ``text``."""
    chars = [c for c in text if not c.isspace()]
    if not chars:
        return 0.0
    return sum(1 for c in chars if is_cjk(c)) / len(chars)
