"""The breadcrumb (您当前的位置 : 中国张掖网 >> 问政 >> ...) as a list of section names."""

from __future__ import annotations

import re
from typing import Any

from ..rules import CUES
from ..text import short_text, text_of
from ..textindex import TextIndex

_LABELS = CUES["breadcrumb"] + ("位置",)
_LABEL = re.compile(r"^.*?(?:" + "|".join(map(re.escape, _LABELS)) + r")\s*[:：]?\s*")
_CUE = CUES["breadcrumb"]
_SEPARATORS = re.compile(r"\s*(?:>>|＞＞|>|＞|»|›|→|/ | /|\\)\s*")
_CLASS = ("crumb", "position", "location", "weizhi", "dqwz", "curpos")
# A text node that is nothing but a separator between two links: 首页 > 张掖日报 > 要闻.
# A text node that is nothing but a separator (the index puts NUL before every node).
_LONE_SEPARATOR = re.compile(r"\x00\s*(?:>>|>|»|＞|›|→)\s*(?=\x00|$)")
_DROP_ITEMS = frozenset({"正文", "内容", "详情", "文章", "正文内容", "阅读文章"})


def _items(text: str, title: str | None) -> list[str]:
    out = []
    for part in _SEPARATORS.split(text):
        part = part.strip(" :：-")
        if not part:
            continue
        # The page itself (正文, or 正文 run together with a button after it): what follows
        # is no section.
        if part in _DROP_ITEMS or part.startswith("正文"):
            break
        if len(part) <= 30:
            out.append(part)
    if title and out and "".join(out[-1].split()) == "".join(title.split()):
        out.pop()
    return out


def find_section(
    texts: TextIndex, attrs: TextIndex, title: str | None
) -> tuple[list[str], str] | None:
    for i in texts.nodes_with(_CUE):
        el = texts.nodes[i].getparent()
        text = short_text(el, 200)
        # The crumbs are usually siblings of the label: climb to the element holding them.
        while text is not None and len(text) < 12 and el.getparent() is not None:
            el = el.getparent()
            text = short_text(el, 200)
        if text is None:
            continue
        label = _LABEL.match(text)
        items = _items(text[label.end() :] if label else text, title)
        if items:
            return items, "breadcrumb cue"
    for i in attrs.nodes_with(_CLASS):
        el = attrs.nodes[i].getparent()
        text = short_text(el, 200)
        if not text:
            continue
        if _SEPARATORS.search(text) or len(el.findall(".//a")) >= 2:
            label = _LABEL.match(text)
            items = _items(text[label.end() :] if label else text, title)
            if len(items) < 2 and len(el.findall(".//a")) >= 2:
                items = [text_of(a) for a in el.iter("a")]
                items = [i for i in items if i]
            if items:
                return items, "breadcrumb class"
    for i, _match in texts.search(_LONE_SEPARATOR):
        node = texts.nodes[i]
        el = node.getparent()
        if el is not None and node.is_tail:  # text after a link belongs to the link's parent
            el = el.getparent()
        if el is None or len(el.findall("a")) < 2:
            continue
        text = short_text(el, 120)
        if text is None:
            continue
        items = _items(text, title)
        if len(items) >= 2:
            return items, "links joined by >"
    return None


def section_from_ld(ld: tuple[dict[str, Any], ...]) -> list[str] | None:
    for obj in ld:
        if obj.get("@type") == "BreadcrumbList" and isinstance(obj.get("itemListElement"), list):
            names = []
            for item in obj["itemListElement"]:
                if isinstance(item, dict):
                    name = item.get("name")
                    inner = item.get("item")
                    if not name and isinstance(inner, dict):
                        name = inner.get("name")
                    if isinstance(name, str) and name.strip():
                        names.append(name.strip())
            if names:
                return names
    return None
