"""Where the metadata strategies look: the text after the headline, text nodes with a cue
phrase, short elements whose class names a field."""

from __future__ import annotations

from typing import Any

from ..text import following_texts, short_text
from ..textindex import TextIndex

INFO_CHARS = 400  # how much text after the headline counts as its info line
_INFO_NODES = 40


def info_texts(title_el: Any) -> list[str]:
    """Text nodes after the headline, up to a few hundred characters: the info line."""
    out: list[str] = []
    total = 0
    for holder, node in following_texts(title_el):
        if holder.tag in ("script", "style") or not node.strip():
            continue
        text = node.replace("\u00a0", " ").strip()
        out.append(text)
        total += len(text)
        if total > INFO_CHARS or len(out) >= _INFO_NODES:
            break
    return out


def cue_texts(texts: TextIndex, *cues: str, limit: int = 20) -> list[str]:
    """Each text node holding one of ``cues``, with the node after it (values often sit there)."""
    out: list[str] = []
    for i in texts.nodes_with(cues):
        out.append("  ".join(t.replace("\u00a0", " ").strip() for t in texts.following(i, 2)))
        if len(out) >= limit:
            break
    return out


def class_texts(attrs: TextIndex, words: tuple[str, ...], limit: int = 10) -> list[str]:
    """Texts (short) of elements whose class or id holds one of ``words``."""
    out: list[str] = []
    for i in attrs.nodes_with(words):
        el = attrs.nodes[i].getparent()
        if el is None:
            continue
        text = short_text(el, 60)  # (a long element is not read to its end)
        if text:
            out.append(text)
            if len(out) >= limit:
                break
    return out


def element_reading(texts: TextIndex, wanted: str) -> Any | None:
    """The element whose text node reads ``wanted`` (white space aside), the last if several do
    (a breadcrumb may end with the headline that a heading below it shows again)."""
    key = "".join(wanted.split())
    for node in reversed(texts.nodes):
        if len(node) >= len(key) and "".join(node.split()) == key:
            parent = node.getparent()
            return parent.getparent() if node.is_tail else parent
    return None
